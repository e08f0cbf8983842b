//! The founding example: the tally a careful reader takes from the expulsions report.

use attache_coder::Extractor;
use attache_event::{Event, EventCategory, Modality, Qualifier};
use attache_text::{Document, Publication};
use chrono::NaiveDate;

fn sample() -> (String, Vec<Event>) {
    let path = attache_testkit::workspace_root().join("examples/expulsions-2022-04-05.txt");
    let text = std::fs::read_to_string(&path).expect("bundled sample");
    let doc = Document {
        id: "expulsions".into(),
        text: text.clone(),
        publication: Publication {
            published: NaiveDate::from_ymd_opt(2022, 4, 5),
            ..Publication::default()
        },
    };
    let ex = Extractor::load_default().expect("model and dictionaries load");
    (text, ex.extract(&doc))
}

fn expulsions(events: &[Event]) -> Vec<&Event> {
    events
        .iter()
        .filter(|e| e.event == EventCategory::Sanction && e.mode.as_deref() == Some("expel"))
        .collect()
}

fn by_actor<'a>(events: &[&'a Event], code: &str) -> &'a Event {
    let found: Vec<&&Event> = events
        .iter()
        .filter(|e| !e.aggregate && e.actor_codes() == [code])
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one {code} expulsion expected, got {found:#?}"
    );
    found[0]
}

fn count(e: &Event) -> Option<f64> {
    e.quantity.as_ref().map(|q| q.value)
}

fn start(e: &Event) -> Option<String> {
    e.date.as_ref().and_then(|d| d.start).map(|d| d.to_string())
}

#[test]
fn per_state_expulsions_with_counts_and_dates() {
    let (_, events) = sample();
    let ex = expulsions(&events);
    let expected = [
        ("ITA", Some(30.0), Some("2022-04-05")),
        ("DNK", Some(15.0), Some("2022-04-05")),
        ("SWE", Some(3.0), Some("2022-04-05")),
        ("EST", Some(14.0), Some("2022-04-30")),
        ("ESP", None, Some("2022-04-05")),
        ("DEU", Some(40.0), None),
        ("POL", Some(45.0), None),
        ("SVK", Some(35.0), None),
        ("LTU", Some(1.0), Some("2022-04-04")),
    ];
    for (code, n, date) in expected {
        let e = by_actor(&ex, code);
        assert_eq!(count(e), n, "{code} count: {e:#?}");
        assert_eq!(e.recipient_codes(), ["RUS"], "{code} recipient");
        if let Some(d) = date {
            assert_eq!(start(e).as_deref(), Some(d), "{code} date: {:?}", e.date);
        }
        assert_eq!(e.cameo.as_deref(), Some("166"));
        assert!(e.context.iter().any(|c| c == "diplomatic"));
    }
    let lithuania = by_actor(&ex, "LTU");
    assert_eq!(
        lithuania.quantity.as_ref().unwrap().unit.as_deref(),
        Some("ambassador")
    );
}

#[test]
fn estonia_keeps_staff_diplomats_and_consulates() {
    let (_, events) = sample();
    let ex = expulsions(&events);
    let est = by_actor(&ex, "EST");
    assert_eq!(est.modality, Modality::Planned, "'said it would expel'");
    assert_eq!(
        est.quantity.as_ref().unwrap().unit.as_deref(),
        Some("staff")
    );
    assert!(
        est.other_quantities.iter().any(|q| q.value == 7.0),
        "seven with diplomatic status kept: {:?}",
        est.other_quantities
    );
    let closure = events
        .iter()
        .find(|e| e.mode.as_deref() == Some("discontinue") && e.actor_codes() == ["EST"])
        .expect("consulate closure coded");
    assert_eq!(closure.event, EventCategory::Sanction);
    assert_eq!(count(closure), Some(2.0));
    assert_eq!(start(closure).as_deref(), Some("2022-04-30"));
}

#[test]
fn aggregates_are_claims_not_per_state_events() {
    let (_, events) = sample();
    let ex = expulsions(&events);
    let aggregates: Vec<&&Event> = ex.iter().filter(|e| e.aggregate).collect();
    assert_eq!(aggregates.len(), 3, "{aggregates:#?}");

    let five = aggregates
        .iter()
        .find(|e| count(e) == Some(80.0))
        .expect("total of 80");
    let mut codes = five.actor_codes();
    codes.sort_unstable();
    assert_eq!(codes, ["DNK", "ESP", "EST", "ITA", "SWE"]);

    let ft = aggregates
        .iter()
        .find(|e| count(e) == Some(300.0))
        .expect("at least 300");
    assert_eq!(ft.quantity.as_ref().unwrap().qualifier, Qualifier::AtLeast);
    let attribution = ft.attribution.as_ref().expect("attributed claim");
    assert_eq!(attribution.source.as_deref(), Some("Financial Times"));
    assert!(attribution.text.starts_with("according to"));

    let west = aggregates
        .iter()
        .find(|e| count(e) == Some(100.0))
        .expect("2018 figure");
    assert_eq!(
        west.quantity.as_ref().unwrap().qualifier,
        Qualifier::MoreThan
    );
    assert_eq!(start(west).as_deref(), Some("2018-01-01"));
}

#[test]
fn no_other_expulsions_and_mentions_merge() {
    let (_, events) = sample();
    let ex = expulsions(&events);
    assert_eq!(ex.len(), 12, "9 states + 3 aggregates: {ex:#?}");
    assert_eq!(
        by_actor(&ex, "ITA").mentions.len(),
        2,
        "group sentence + 'Rome has marked'"
    );
    assert_eq!(by_actor(&ex, "ESP").mentions.len(), 1);
}

#[test]
fn other_categories_in_the_article() {
    let (_, events) = sample();
    let has = |cat: EventCategory| events.iter().any(|e| e.event == cat);
    assert!(
        has(EventCategory::Consult),
        "finance ministers met / spoke to"
    );
    assert!(has(EventCategory::Request), "urged");
    assert!(has(EventCategory::Assault), "troops killed civilians");
}

#[test]
fn every_span_slices_to_its_quote() {
    let (text, events) = sample();
    assert!(!events.is_empty());
    for e in &events {
        let check = |span: [usize; 2], quote: &str| {
            assert_eq!(&text[span[0]..span[1]], quote, "span {span:?}");
        };
        check(e.trigger.span, &e.trigger.text);
        check(e.sentence.span, &e.sentence.text);
        for a in e.actors.iter().chain(&e.recipients) {
            check(a.span, &a.text);
        }
        for q in e.quantity.iter().chain(&e.other_quantities) {
            check(q.span, &q.text);
        }
        for m in &e.mentions {
            check(m.span, &m.text);
        }
    }
}

#[test]
fn an_extractor_codes_with_a_lexicon_loaded_from_a_directory() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lexicon");
    let lexicon = attache_lexicon::Lexicon::load_dir(&dir).expect("the shipped dictionaries");
    let extractor = Extractor::load_default()
        .unwrap()
        .with_lexicon(std::sync::Arc::new(lexicon));
    let (text, events) = sample();
    let doc = Document {
        id: "expulsions".into(),
        text,
        publication: Publication {
            published: NaiveDate::from_ymd_opt(2022, 4, 5),
            ..Publication::default()
        },
    };
    let again = extractor.extract(&doc);
    assert_eq!(again, events, "the same dictionaries code the same events");
}
