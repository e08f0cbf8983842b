//! The founding article and two rewrites of it by other outlets (written for attache,
//! examples/rewrites/): every expulsion is one event with all three sources, and the tally is
//! the founding article's.

use attache_coder::Extractor;
use attache_store::{EventStore, Filter, GroupBy, IngestDocument, NoGroups, SqliteStore};
use attache_text::{Document, Publication};
use std::path::Path;

fn document(path: &str, outlet: &str, published: &str) -> Document {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    Document {
        id: path.to_string(),
        text: std::fs::read_to_string(&full).expect("example reads"),
        publication: Publication {
            published: Some(published.parse().unwrap()),
            source: Some(outlet.to_string()),
            ..Publication::default()
        },
    }
}

#[test]
fn every_expulsion_is_one_event_with_every_source_and_the_tally_is_unchanged() {
    let extractor = Extractor::load_default().expect("model loads");
    let docs = [
        document("examples/expulsions-2022-04-05.txt", "FT", "2022-04-05"),
        document(
            "examples/rewrites/wire-2022-04-05.txt",
            "Wire",
            "2022-04-05",
        ),
        document(
            "examples/rewrites/daily-2022-04-06.txt",
            "Daily",
            "2022-04-06",
        ),
    ];
    let mut store = SqliteStore::open(Path::new(":memory:")).unwrap();
    for doc in docs {
        let events = extractor.extract(&doc);
        store
            .ingest_batch(&[IngestDocument::coded(doc, events)])
            .unwrap();
    }
    let filter = Filter {
        mode: Some("expel".to_string()),
        recipient: Some("RUS".to_string()),
        ..Filter::default()
    };
    let expected = [
        ("ITA", Some(30)),
        ("ESP", None),
        ("DNK", Some(15)),
        ("SWE", Some(3)),
        ("EST", Some(14)),
        ("LTU", Some(1)),
        ("DEU", Some(40)),
        ("POL", Some(45)),
        ("SVK", Some(35)),
    ];
    let events = store.events(&filter, &NoGroups).unwrap();
    for (actor, count) in expected {
        let mine: Vec<_> = events
            .iter()
            .filter(|e| !e.event.claim && e.event.actors.iter().any(|a| a == actor))
            .collect();
        assert_eq!(mine.len(), 1, "{actor}: {mine:#?}");
        let event = &mine[0].event;
        assert_eq!(event.sources, ["FT", "Wire", "Daily"], "{actor}");
        assert_eq!(event.count_range().1, count, "{actor}");
    }
    // The tally: one event, three sources and the founding article's count per country.
    let tally = store.tally(&filter, GroupBy::Actor, &NoGroups).unwrap();
    for (actor, count) in expected {
        let row = tally.rows.iter().find(|r| r.group == actor).expect(actor);
        assert_eq!((row.events, row.sources), (1, 3), "{actor}: {row:?}");
        assert_eq!(row.count_high, count, "{actor}");
    }
    assert_eq!(tally.rows.len(), expected.len(), "{:?}", tally.rows);
}

#[test]
fn a_split_by_hand_survives_a_later_ingest_of_the_same_report() {
    let extractor = Extractor::load_default().expect("model loads");
    let founding = document("examples/expulsions-2022-04-05.txt", "FT", "2022-04-05");
    let wire = document(
        "examples/rewrites/wire-2022-04-05.txt",
        "Wire",
        "2022-04-05",
    );
    let mut store = SqliteStore::open(Path::new(":memory:")).unwrap();
    let ingest = |store: &mut SqliteStore, doc: &Document| {
        let events = extractor.extract(doc);
        store
            .ingest_batch(&[IngestDocument::coded(doc.clone(), events)])
            .unwrap();
    };
    ingest(&mut store, &founding);
    ingest(&mut store, &wire);
    let italy = Filter {
        actor: Some("ITA".to_string()),
        mode: Some("expel".to_string()),
        ..Filter::default()
    };
    let singles = |store: &SqliteStore| -> Vec<i64> {
        let events = store.events(&italy, &NoGroups).unwrap();
        events
            .iter()
            .filter(|e| !e.event.claim)
            .map(|e| e.id)
            .collect()
    };
    let merged = singles(&store);
    assert_eq!(merged.len(), 1);
    let detail = store.event_detail(merged[0]).unwrap().unwrap();
    let from_wire = detail
        .mentions
        .iter()
        .find(|m| m.document == wire.id)
        .expect("the wire's report is merged")
        .mention;
    let new = store.split(merged[0], from_wire).unwrap();
    assert!(new.is_some());
    assert_eq!(singles(&store).len(), 2);
    // The wire corrects its outlet name: the report is stored again and stays apart.
    let mut corrected = wire.clone();
    corrected.publication.source = Some("Wire Service".to_string());
    ingest(&mut store, &corrected);
    assert_eq!(singles(&store).len(), 2);
}
