//! Each reporting sentence is stored once per document, however many events it gives; mentions
//! refer to it by index. Databases of schema 2, which copied the sentence into every mention,
//! migrate without losing anything.

use attache_event::{Actor, Event, EventCategory, Mention, Modality, SentenceRef, Trigger};
use attache_store::{EventStore, Filter, IngestDocument, NoGroups, SqliteStore};
use attache_text::{Document, Publication};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn fresh_db(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("sentences-{name}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path
}

const TEXT: &str = "Italy expelled 30 Russian diplomats, Spain expelled 25 and Denmark expelled 15. \
                    Germany expelled 40 on Monday.";

fn span(words: &str) -> [usize; 2] {
    let start = TEXT.find(words).expect("words in the text");
    [start, start + words.len()]
}

/// An expulsion by `code`, written `actor`, in sentence `index` of [`TEXT`].
fn expulsion(index: usize, actor: &str, code: &str, clause: &str) -> Event {
    let sentence = TEXT.split_inclusive(". ").nth(index).unwrap().trim_end();
    let start = TEXT.find(sentence).unwrap();
    let trigger = span(clause);
    Event {
        doc_id: "wire".to_string(),
        event: EventCategory::Sanction,
        mode: Some("expel".to_string()),
        context: Vec::new(),
        cameo: None,
        actors: vec![Actor {
            text: actor.to_string(),
            country: Some(code.to_string()),
            sector: None,
            span: span(actor),
            country_from: None,
        }],
        recipients: Vec::new(),
        quantity: None,
        other_quantities: Vec::new(),
        casualties: Default::default(),
        date: None,
        planned: None,
        location: None,
        attribution: None,
        modality: Modality::Asserted,
        aggregate: false,
        trigger: Trigger {
            text: clause.to_string(),
            span: trigger,
        },
        sentence: SentenceRef {
            index,
            span: [start, start + sentence.len()],
            text: sentence.into(),
        },
        mentions: vec![Mention {
            sentence: index,
            span: trigger,
            text: clause.to_string(),
        }],
        published: None,
    }
}

fn wire() -> IngestDocument {
    let events = vec![
        expulsion(0, "Italy", "ITA", "Italy expelled 30"),
        expulsion(0, "Spain", "ESP", "Spain expelled 25"),
        expulsion(0, "Denmark", "DNK", "Denmark expelled 15"),
        expulsion(1, "Germany", "DEU", "Germany expelled 40"),
    ];
    IngestDocument::coded(
        Document {
            id: "wire".to_string(),
            text: TEXT.to_string(),
            publication: Publication::default(),
        },
        events,
    )
}

fn count(path: &Path, sql: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_sentence_is_stored_once_and_read_back_into_every_event() {
    let path = fresh_db("once");
    let mut store = SqliteStore::open(&path).unwrap();
    let item = wire();
    store.ingest_batch(std::slice::from_ref(&item)).unwrap();
    assert_eq!(count(&path, "SELECT count(*) FROM mentions"), 4);
    assert_eq!(
        count(&path, "SELECT count(*) FROM sentences"),
        2,
        "two sentences"
    );
    let copies = "SELECT count(*) FROM mentions WHERE instr(record, 'Denmark expelled 15.') > 0";
    assert_eq!(count(&path, copies), 0, "no record copies its sentence");
    let stored = store.document("wire").unwrap().unwrap();
    let records: Vec<Event> = stored.mentions.into_iter().map(|m| m.record).collect();
    assert_eq!(records, item.events, "the events read back as coded");
    for e in &records {
        assert_eq!(
            &TEXT[e.sentence.span[0]..e.sentence.span[1]],
            &*e.sentence.text
        );
    }
    let filter = Filter {
        text: Some("Denmark monday".to_string()),
        ..Filter::default()
    };
    assert!(
        store.events(&filter, &NoGroups).unwrap().is_empty(),
        "two sentences"
    );
    let filter = Filter {
        text: Some("Denmark italy".to_string()),
        ..Filter::default()
    };
    assert_eq!(store.events(&filter, &NoGroups).unwrap().len(), 3);
    // Replacing the document replaces its sentences.
    let mut changed = wire();
    changed.document.text.push_str(" More later.");
    changed.events.truncate(3);
    store.ingest_batch(&[changed]).unwrap();
    assert_eq!(count(&path, "SELECT count(*) FROM sentences"), 1);
    assert!(store.check_consistency().unwrap().is_empty());
}

/// Each mention's record as schema 2 stored it (with its sentence), by mention id.
fn records_of_schema_2(path: &Path) -> BTreeMap<i64, Event> {
    let conn = Connection::open(path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2, "the fixture is a schema 2 database");
    let mut stmt = conn.prepare("SELECT id, record FROM mentions").unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, String>(1)?)))
        .unwrap()
        .map(|row| {
            let (id, json) = row.unwrap();
            (id, serde_json::from_str(&json).unwrap())
        })
        .collect()
}

fn merged_events(path: &Path) -> Vec<(i64, String)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, merged FROM events ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_schema_2_database_migrates_without_losing_anything() {
    // Written by attache 42a4ab4 (`attache ingest examples/expulsions-2022-04-05.txt
    // examples/rewrites/*.txt`): three documents, 38 mentions in 22 sentences.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v2-42a4ab4.db");
    let path = fresh_db("migrated");
    std::fs::copy(&fixture, &path).unwrap();
    let before = records_of_schema_2(&path);
    let events_before = merged_events(&path);
    let sentences_before = count(
        &path,
        "SELECT count(*) FROM (SELECT DISTINCT document, sentence FROM mentions)",
    );
    assert_eq!(before.len(), 38);

    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.check_consistency().unwrap(), Vec::<String>::new());
    assert_eq!(
        count(&path, "SELECT count(*) FROM sentences"),
        sentences_before
    );
    assert_eq!(count(&path, "PRAGMA user_version"), 7);
    // The three documents are clustered by the migration that keeps clusters.
    assert_eq!(count(&path, "SELECT count(*) FROM document_clusters"), 3);
    assert_eq!(
        merged_events(&path),
        events_before,
        "merged events untouched"
    );
    let mut after = BTreeMap::new();
    for (id, _) in &events_before {
        let detail = store.event_detail(*id).unwrap().unwrap();
        for m in detail.mentions {
            after.insert(m.mention, m.record);
        }
    }
    assert_eq!(
        after, before,
        "every mention reads back as schema 2 stored it"
    );
    let filter = Filter {
        text: Some("expelled".to_string()),
        ..Filter::default()
    };
    assert!(!store.events(&filter, &NoGroups).unwrap().is_empty());
    drop(store);
    // A second opening finds nothing left to do.
    let store = SqliteStore::open(&path).unwrap();
    assert!(store.check_consistency().unwrap().is_empty());
}
