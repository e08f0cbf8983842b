//! The SQLite store with hand-built documents and events: idempotent ingest, replacement,
//! merging across outlets, tallies with ranges and claims, group expansion by date.

use attache_event::{EventCategory, EventDate, Modality, Qualifier, Quantity};
use attache_store::{EventStore, Filter, GroupBy, IngestDocument, SqliteStore};

mod common;
use common::*;

#[test]
fn reports_from_several_outlets_merge_into_a_sourced_tally() {
    let mut store = SqliteStore::open(&fresh_db("wire")).unwrap();
    let summary = store.ingest_batch(&wire_reports()).unwrap();
    assert_eq!(summary.new, 5);
    assert_eq!(summary.events, 8);

    let filter = Filter {
        category: Some(EventCategory::Sanction),
        mode: Some("expel".to_string()),
        recipient: Some("RUS".to_string()),
        ..Filter::default()
    };
    let tally = store.tally(&filter, GroupBy::Actor, &FakeEu).unwrap();
    let ita = row(&tally.rows, "ITA");
    assert_eq!((ita.count_low, ita.count_high), (Some(30), Some(30)));
    assert_eq!(ita.events, 1, "one expulsion reported three times");
    assert_eq!(ita.source_names, ["Reuters", "Associated Press", "AFP"]);
    let esp = row(&tally.rows, "ESP");
    assert_eq!((esp.count_low, esp.count_high), (Some(25), Some(27)));
    assert_eq!(esp.conflicting, 1);
    let deu = row(&tally.rows, "DEU");
    assert_eq!(deu.events, 2, "a month apart: two expulsions");
    assert_eq!((deu.count_low, deu.count_high), (Some(80), Some(80)));

    // The aggregate claim is beside the tally, not inside any row.
    assert_eq!(tally.claims.len(), 1);
    assert_eq!(tally.claims[0].count_low, Some(300));
    assert_eq!(tally.claims[0].text, ["at least 300"]);
    assert!(tally.rows.iter().all(|r| r.count_low < Some(300)));

    let by_month = store.tally(&filter, GroupBy::Month, &FakeEu).unwrap();
    assert_eq!(row(&by_month.rows, "2022-04").events, 3);
    assert_eq!(row(&by_month.rows, "2022-05").events, 1);
    assert!(store.check_consistency().unwrap().is_empty());
}

#[test]
fn the_same_document_twice_changes_nothing_and_new_text_replaces_it() {
    let path = fresh_db("idempotent");
    let mut store = SqliteStore::open(&path).unwrap();
    let reports = wire_reports();
    store.ingest_batch(&reports).unwrap();
    let before = store.stats().unwrap();
    let again = store.ingest_batch(&reports).unwrap();
    assert_eq!((again.new, again.unchanged, again.events), (0, 5, 0));
    assert_eq!(store.stats().unwrap(), before);

    // AP corrects Madrid's figure to 27: its old mentions go, the conflict disappears.
    let corrected = coded(
        &Wire {
            id: "ap-7",
            outlet: "Associated Press",
            published: "2022-04-05",
            sentence: "Rome ordered thirty Russian embassy staff out; Madrid told 27 to leave.",
        },
        &[
            Expulsion {
                actor: "ITA",
                actor_words: "Rome",
                trigger: "ordered",
                count: Some((30.0, "thirty", Qualifier::Exact)),
                ..Default::default()
            },
            Expulsion {
                actor: "ESP",
                actor_words: "Madrid",
                trigger: "told",
                count: Some((27.0, "27", Qualifier::Exact)),
                ..Default::default()
            },
        ],
    );
    let replaced = store.ingest_batch(&[corrected]).unwrap();
    assert_eq!(replaced.replaced, 1);
    assert_eq!(store.stats().unwrap(), before);
    let filter = Filter {
        actor: Some("ESP".to_string()),
        ..Filter::default()
    };
    let tally = store.tally(&filter, GroupBy::Actor, &FakeEu).unwrap();
    let esp = row(&tally.rows, "ESP");
    assert_eq!((esp.count_low, esp.count_high), (Some(27), Some(27)));
    assert_eq!(esp.conflicting, 0);
    assert!(store.check_consistency().unwrap().is_empty());

    // Reopening the file finds the same state (the schema is not re-applied).
    drop(store);
    let reopened = SqliteStore::open(&path).unwrap();
    assert_eq!(reopened.stats().unwrap(), before);
}

#[test]
fn a_group_actor_stands_for_its_members_at_the_event_date() {
    let mut store = SqliteStore::open(&fresh_db("groups")).unwrap();
    let mut docs = wire_reports();
    docs.push(coded(
        &Wire {
            id: "bbc-2018",
            outlet: "BBC",
            published: "2018-03-14",
            sentence: "Britain expelled 23 Russian diplomats on Wednesday.",
        },
        &[Expulsion {
            actor: "GBR",
            actor_words: "Britain",
            count: Some((23.0, "23", Qualifier::Exact)),
            date: Some("2018-03-14"),
            ..Default::default()
        }],
    ));
    docs.push(coded(
        &Wire {
            id: "bbc-2022",
            outlet: "BBC",
            published: "2022-04-05",
            sentence: "Britain expelled 12 Russian diplomats on Tuesday.",
        },
        &[Expulsion {
            actor: "GBR",
            actor_words: "Britain",
            count: Some((12.0, "12", Qualifier::Exact)),
            date: Some("2022-04-05"),
            ..Default::default()
        }],
    ));
    store.ingest_batch(&docs).unwrap();
    let eu = |since: Option<&str>| Filter {
        actor: Some("EU".to_string()),
        recipient: Some("RUS".to_string()),
        since: since.map(day),
        ..Filter::default()
    };
    let actors = |filter: &Filter| -> Vec<String> {
        let mut codes: Vec<String> = store
            .events(filter, &FakeEu)
            .unwrap()
            .into_iter()
            .filter(|e| !e.event.claim)
            .flat_map(|e| e.event.actors)
            .collect();
        codes.sort();
        codes.dedup();
        codes
    };
    // Britain was a member in 2018, not in 2022.
    assert_eq!(actors(&eu(None)), ["DEU", "ESP", "GBR", "ITA"]);
    assert_eq!(actors(&eu(Some("2022-02-24"))), ["DEU", "ESP", "ITA"]);
    let tally = store
        .tally(&eu(Some("2022-02-24")), GroupBy::Actor, &FakeEu)
        .unwrap();
    assert!(tally.rows.iter().all(|r| r.group != "GBR"));
}

#[test]
fn text_filter_and_show_detail_explain_the_merge() {
    let mut store = SqliteStore::open(&fresh_db("detail")).unwrap();
    store.ingest_batch(&wire_reports()).unwrap();
    let filter = Filter {
        text: Some("THIRTY russian".to_string()),
        actor: Some("ITA".to_string()),
        ..Filter::default()
    };
    let found = store.events(&filter, &FakeEu).unwrap();
    assert_eq!(found.len(), 1, "AP's sentence, Italy's event");
    let detail = store.event_detail(found[0].id).unwrap().unwrap();
    let documents: Vec<&str> = detail
        .mentions
        .iter()
        .map(|m| m.document.as_str())
        .collect();
    assert_eq!(documents, ["reuters-1", "ap-7", "afp-3"]);
    assert_eq!(detail.mentions[0].reason, "first report of this event");
    assert!(
        detail.mentions[1]
            .reason
            .contains("count \"thirty\" agrees with \"30\""),
        "{}",
        detail.mentions[1].reason
    );
    assert!(store.event_detail(9999).unwrap().is_none());
}

#[test]
fn text_with_search_syntax_is_taken_literally() {
    let mut store = SqliteStore::open(&fresh_db("text-syntax")).unwrap();
    store.ingest_batch(&wire_reports()).unwrap();
    for text in ["\"at most", "NEAR(", "Spain OR", "* -x"] {
        let filter = Filter {
            text: Some(text.to_string()),
            ..Filter::default()
        };
        assert!(store.events(&filter, &FakeEu).unwrap().is_empty(), "{text}");
    }
    let filter = Filter {
        text: Some("citing SECURITY".to_string()),
        ..Filter::default()
    };
    assert_eq!(store.events(&filter, &FakeEu).unwrap().len(), 1);
}

#[test]
fn a_claim_over_a_long_period_is_found_again_by_a_later_report() {
    let mut store = SqliteStore::open(&fresh_db("long-span")).unwrap();
    let claim = |id: &str, outlet: &str, published: &str| {
        let mut doc = coded(
            &Wire {
                id,
                outlet,
                published,
                sentence: "Europe has expelled at least 300 Russian diplomats since the invasion.",
            },
            &[Expulsion {
                actor: "EU",
                actor_words: "Europe",
                count: Some((300.0, "at least 300", Qualifier::AtLeast)),
                aggregate: true,
                ..Default::default()
            }],
        );
        doc.events[0].date = Some(EventDate {
            start: Some(day("2022-02-24")),
            end: Some(day(published)),
            text: "since the invasion".to_string(),
            resolved: true,
            inherited: false,
            precision: None,
        });
        doc
    };
    store
        .ingest_batch(&[claim("ft", "Financial Times", "2022-04-20")])
        .unwrap();
    // A report a week later covers a longer period that contains the first: one claim.
    let summary = store
        .ingest_batch(&[claim("bbc", "BBC", "2022-04-27")])
        .unwrap();
    assert_eq!((summary.merged, summary.new_events), (1, 0));
    let events = store.events(&Filter::default(), &FakeEu).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event.sources, ["Financial Times", "BBC"]);
}

#[test]
fn a_reader_opened_before_another_writer_sees_a_consistent_index() {
    let path = fresh_db("two-connections");
    let reader = SqliteStore::open(&path).unwrap();
    assert!(reader.check_consistency().unwrap().is_empty());
    let mut writer = SqliteStore::open(&path).unwrap();
    for round in 0..50 {
        let docs: Vec<IngestDocument> = wire_reports()
            .into_iter()
            .map(|mut d| {
                d.document.id = format!("{}-{round}", d.document.id);
                d
            })
            .collect();
        writer.ingest_batch(&docs).unwrap();
    }
    let filter = Filter {
        text: Some("citing security".to_string()),
        ..Filter::default()
    };
    assert_eq!(reader.events(&filter, &FakeEu).unwrap().len(), 1);
    assert_eq!(reader.check_consistency().unwrap(), Vec::<String>::new());
}

#[test]
fn a_planned_expulsion_and_its_announcement_are_one_event_in_either_order() {
    let plan = || {
        let mut doc = coded(
            &Wire {
                id: "err-plan",
                outlet: "ERR",
                published: "2022-04-05",
                sentence: "Estonia will expel 14 Russian embassy staff as of April 30.",
            },
            &[Expulsion {
                actor: "EST",
                actor_words: "Estonia",
                trigger: "expel",
                count: Some((14.0, "14", Qualifier::Exact)),
                date: Some("2022-04-30"),
                ..Default::default()
            }],
        );
        doc.events[0].modality = Modality::Planned;
        doc
    };
    let announcement = || {
        coded(
            &Wire {
                id: "ap-announce",
                outlet: "AP",
                published: "2022-04-05",
                sentence: "Estonia announced the expulsion of Russian diplomats.",
            },
            &[Expulsion {
                actor: "EST",
                actor_words: "Estonia",
                trigger: "expulsion",
                ..Default::default()
            }],
        )
    };
    for (name, docs) in [
        ("plan-first", [plan(), announcement()]),
        ("announcement-first", [announcement(), plan()]),
    ] {
        let mut store = SqliteStore::open(&fresh_db(name)).unwrap();
        store.ingest_batch(&docs).unwrap();
        let events = store.events(&Filter::default(), &FakeEu).unwrap();
        assert_eq!(events.len(), 1, "{name}: {events:#?}");
        assert_eq!(events[0].event.count_range(), (Some(14), Some(14)));
        assert_eq!(events[0].event.sources.len(), 2);
    }
}

#[test]
fn a_corrected_publication_date_replaces_the_stored_document() {
    let mut store = SqliteStore::open(&fresh_db("corrected-date")).unwrap();
    let mut docs = wire_reports();
    docs.truncate(1);
    store.ingest_batch(&docs).unwrap();
    docs[0].document.publication.published = Some(day("2022-04-06"));
    let summary = store.ingest_batch(&docs).unwrap();
    assert_eq!((summary.replaced, summary.unchanged), (1, 0));
    assert_eq!(store.stats().unwrap().documents, 1);
    assert!(store.check_consistency().unwrap().is_empty());
}

#[test]
fn casualties_and_date_precision_are_stored_and_tallied_apart_from_counts() {
    let path = fresh_db("casualties");
    let mut store = SqliteStore::open(&path).unwrap();
    let wire = Wire {
        id: "kabul",
        outlet: "Reuters",
        published: "2016-07-11",
        sentence: "Rebels killed 12 people and wounded 30 in Kabul on Sunday.",
    };
    let mut doc = coded(
        &wire,
        &[Expulsion {
            actor: "AFG",
            actor_words: "Rebels",
            trigger: "killed",
            count: Some((12.0, "12 people", Qualifier::Exact)),
            date: Some("2016-07-10"),
            ..Default::default()
        }],
    );
    let e = &mut doc.events[0];
    e.event = EventCategory::Assault;
    e.mode = None;
    e.quantity.as_mut().unwrap().unit = Some("people".to_string());
    let figure = |value: f64, words: &str| Quantity {
        value,
        max: None,
        unit: Some("people".to_string()),
        qualifier: Qualifier::Exact,
        text: words.to_string(),
        span: span_of(wire.sentence, words),
    };
    e.casualties.killed = Some(figure(12.0, "12 people"));
    e.casualties.injured = Some(figure(30.0, "30"));
    e.date.as_mut().unwrap().precision = Some(attache_event::DatePrecision::Day);
    store.ingest_batch(&[doc]).unwrap();

    let killed = attache_store::FigureChoice::parse("killed").unwrap();
    let tally = store
        .tally_of(&Filter::default(), GroupBy::Actor, killed, &FakeEu)
        .unwrap();
    let afg = row(&tally.rows, "AFG");
    assert_eq!(
        (afg.unit.as_deref(), afg.count_low),
        (Some("people"), Some(12))
    );
    let injured = attache_store::FigureChoice::parse("injured").unwrap();
    let tally = store
        .tally_of(&Filter::default(), GroupBy::Actor, injured, &FakeEu)
        .unwrap();
    assert_eq!(row(&tally.rows, "AFG").count_low, Some(30));
    drop(store);

    let conn = rusqlite::Connection::open(&path).unwrap();
    let precision: Option<String> = conn
        .query_row("SELECT date_precision FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(precision.as_deref(), Some("day"));
    let mut figures: Vec<(String, String, i64)> = conn
        .prepare("SELECT figure, unit, low FROM event_figures ORDER BY figure")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    figures.sort();
    let people = |f: &str, n: i64| (f.to_string(), "people".to_string(), n);
    assert_eq!(
        figures,
        [
            people("count", 12),
            people("injured", 30),
            people("killed", 12)
        ]
    );
}
