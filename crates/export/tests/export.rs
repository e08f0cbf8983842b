//! Exports of real reports: every documented column in each format, read back; event ids that
//! do not depend on the order the reports were ingested in.

use attache_coder::Extractor;
use attache_export::{COLUMNS, ExportFormat, Kind, Row};
use attache_lexicon::Lexicon;
use attache_store::{EventStore, IngestDocument, NoGroups, SqliteStore};
use attache_testkit::{ScratchDir, workspace_root};
use attache_text::{Document, ReadOptions, read_documents};
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::load_default().expect("the shipped model loads"))
}

/// The six wire reports of Italy's and Spain's expulsions (several outlets per event).
fn wire_reports() -> Vec<Document> {
    let path = workspace_root().join("crates/cli/tests/data/store/wire.jsonl");
    read_documents(&path, &ReadOptions::default())
        .map(|d| d.expect("test data reads"))
        .collect()
}

/// A database holding `documents`, ingested one at a time in the order given.
fn ingested(dir: &ScratchDir, name: &str, documents: &[Document]) -> SqliteStore {
    let mut store = SqliteStore::open(&dir.join(name)).unwrap();
    for document in documents {
        let events = extractor().extract(document);
        store
            .ingest_batch(&[IngestDocument::coded(document.clone(), events)])
            .unwrap();
    }
    store
}

fn export(store: &SqliteStore, format: ExportFormat) -> Vec<u8> {
    let events = store
        .events(&attache_store::Filter::default(), &NoGroups)
        .unwrap();
    let mut out = Vec::new();
    attache_export::export(&mut out, store, &events, Lexicon::embedded(), format).unwrap();
    out
}

fn rows(store: &SqliteStore) -> Vec<Row> {
    let events = store
        .events(&attache_store::Filter::default(), &NoGroups)
        .unwrap();
    attache_export::rows(store, &events, Lexicon::embedded()).unwrap()
}

#[test]
fn event_ids_do_not_depend_on_ingest_order() {
    let dir = ScratchDir::new("export", "order");
    let reports = wire_reports();
    let mut reversed = reports.clone();
    reversed.reverse();
    let forwards = ingested(&dir, "forwards.db", &reports);
    let backwards = ingested(&dir, "backwards.db", &reversed);
    let ids = |store: &SqliteStore| -> Vec<String> {
        rows(store)
            .iter()
            .map(|r| r.event_id().to_string())
            .collect()
    };
    let (a, b) = (ids(&forwards), ids(&backwards));
    assert!(a.len() >= 3, "{a:?}");
    let mut unique = a.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), a.len(), "{a:?}");
    assert_eq!(a, b);
    // The whole export is the same bytes, lists included.
    for format in [ExportFormat::Csv, ExportFormat::Jsonl] {
        assert_eq!(export(&forwards, format), export(&backwards, format));
    }
    // Ingesting the same reports again changes nothing.
    let again = ingested(&dir, "forwards.db", &reports);
    assert_eq!(ids(&again), a);
}

#[test]
fn merged_reports_fill_the_source_columns() {
    let dir = ScratchDir::new("export", "sources");
    let store = ingested(&dir, "wire.db", &wire_reports());
    let rows = rows(&store);
    let italy = rows
        .iter()
        .find(|r| {
            r.get("actor_codes") == Some(&attache_export::Value::List(vec!["ITA".into()]))
                && r.get("count_low") == Some(&attache_export::Value::Int(Some(30)))
        })
        .expect("Italy's 30");
    let list = |name: &str| match italy.get(name) {
        Some(attache_export::Value::List(items)) => items.clone(),
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(list("actor_names"), ["Italy"]);
    assert_eq!(list("recipient_codes"), ["RUS"]);
    assert_eq!(list("recipient_names"), ["Russia"]);
    let outlets = list("source_outlets");
    assert!(outlets.len() >= 2, "{outlets:?}");
    assert_eq!(list("source_titles").len(), outlets.len());
    assert!(list("source_titles").contains(&"Italy expels 30 Russian diplomats".to_string()));
    assert_eq!(
        italy.get("date_start"),
        Some(&attache_export::Value::Date(
            chrono::NaiveDate::from_ymd_opt(2022, 4, 5)
        ))
    );
    assert_eq!(
        italy.get("date_precision"),
        Some(&attache_export::Value::Text(Some("day".into())))
    );
    match italy.get("sentence") {
        Some(attache_export::Value::Text(Some(s))) => assert!(s.contains("30"), "{s}"),
        other => panic!("sentence: {other:?}"),
    }
}

/// Splits one CSV line into fields (quoted fields may hold commas and doubled quotes).
fn csv_fields(line: &str) -> Vec<String> {
    let (mut fields, mut field, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[test]
fn csv_and_jsonl_carry_every_documented_column() {
    let dir = ScratchDir::new("export", "text");
    let store = ingested(&dir, "wire.db", &wire_reports());
    let expected = rows(&store);
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();

    let csv = String::from_utf8(export(&store, ExportFormat::Csv)).unwrap();
    let mut lines = csv.lines();
    assert_eq!(csv_fields(lines.next().unwrap()), names);
    let body: Vec<Vec<String>> = lines.map(csv_fields).collect();
    assert_eq!(body.len(), expected.len());
    for (fields, row) in body.iter().zip(&expected) {
        assert_eq!(fields.len(), COLUMNS.len());
        assert_eq!(fields[0], row.event_id());
        let actors = &fields[names.iter().position(|n| *n == "actor_codes").unwrap()];
        if let Some(attache_export::Value::List(codes)) = row.get("actor_codes") {
            assert_eq!(actors, &codes.join(";"));
        }
    }

    let jsonl = String::from_utf8(export(&store, ExportFormat::Jsonl)).unwrap();
    let records: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), expected.len());
    for record in &records {
        let object = record.as_object().unwrap();
        for column in COLUMNS {
            let value = object
                .get(column.name)
                .unwrap_or_else(|| panic!("{} missing", column.name));
            let fits = match column.kind {
                Kind::List => value.is_array(),
                Kind::Bool => value.is_boolean(),
                Kind::Int => value.is_null() || value.is_i64(),
                Kind::Float => value.is_null() || value.is_f64(),
                Kind::Text | Kind::Date => value.is_null() || value.is_string(),
            };
            assert!(fits, "{}: {value}", column.name);
        }
        assert_eq!(object.len(), COLUMNS.len());
    }
}

#[test]
fn the_documentation_lists_every_column_with_its_type() {
    let doc = std::fs::read_to_string(workspace_root().join("docs/export.md")).unwrap();
    let documented: Vec<(String, String)> = doc
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let name = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let kind = cells.get(2)?.trim_matches('`');
            Some((name.to_string(), kind.to_string()))
        })
        .collect();
    let schema: Vec<(String, String)> = COLUMNS
        .iter()
        .map(|c| (c.name.to_string(), c.kind.as_str().to_string()))
        .collect();
    assert_eq!(documented, schema);
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_reads_back_with_every_column_typed() {
    use arrow_array::{Array, Date32Array, Int64Array, ListArray, StringArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let dir = ScratchDir::new("export", "parquet");
    let store = ingested(&dir, "wire.db", &wire_reports());
    let expected = rows(&store);
    let bytes = bytes::Bytes::from(export(&store, ExportFormat::Parquet));
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes)
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<_> = reader.map(Result::unwrap).collect();
    assert_eq!(batches.len(), 1);
    let batch = &batches[0];
    assert_eq!(batch.num_rows(), expected.len());
    let schema = batch.schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let documented: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(names, documented);
    let column = |name: &str| batch.column(names.iter().position(|n| *n == name).unwrap());
    let ids = column("event_id")
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap();
    let starts = column("date_start")
        .as_any()
        .downcast_ref::<Date32Array>()
        .unwrap();
    let lows = column("count_low")
        .as_any()
        .downcast_ref::<Int64Array>()
        .unwrap();
    let actors = column("actor_codes")
        .as_any()
        .downcast_ref::<ListArray>()
        .unwrap();
    for (i, row) in expected.iter().enumerate() {
        assert_eq!(ids.value(i), row.event_id());
        assert_eq!(starts.value_as_date(i), row.date_start());
        if let Some(attache_export::Value::Int(low)) = row.get("count_low") {
            assert_eq!((!lows.is_null(i)).then(|| lows.value(i)), *low);
        }
        let codes = actors.value(i);
        let codes = codes.as_any().downcast_ref::<StringArray>().unwrap();
        let codes: Vec<&str> = (0..codes.len()).map(|j| codes.value(j)).collect();
        if let Some(attache_export::Value::List(want)) = row.get("actor_codes") {
            assert_eq!(codes, *want);
        }
    }
}

#[test]
fn an_announced_act_keeps_its_own_days_beside_the_announcement() {
    let dir = ScratchDir::new("export", "planned");
    let document = Document {
        id: "announce".into(),
        text: "Russia will hold talks with Turkey on Friday.".into(),
        publication: attache_text::Publication {
            published: chrono::NaiveDate::from_ymd_opt(2017, 2, 9),
            ..attache_text::Publication::default()
        },
    };
    let store = ingested(&dir, "planned.db", &[document]);
    let rows = rows(&store);
    let talks = rows
        .iter()
        .find(|r| r.get("event") == Some(&attache_export::Value::Text(Some("AGREE".into()))))
        .expect("the announcement is coded");
    let friday = chrono::NaiveDate::from_ymd_opt(2017, 2, 10);
    assert_eq!(
        talks.get("planned_start"),
        Some(&attache_export::Value::Date(friday))
    );
    assert_eq!(
        talks.get("planned_end"),
        Some(&attache_export::Value::Date(friday))
    );
    assert_eq!(
        talks.get("planned_text"),
        Some(&attache_export::Value::Text(Some("on Friday".into())))
    );
    assert_ne!(
        talks.get("date_start"),
        Some(&attache_export::Value::Date(friday))
    );
}
