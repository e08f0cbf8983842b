//! The tally scorer on hand-made events: filtering, per-actor sums, claims, and failures.

mod common;

use attache_eval::tally::{self, LoadedTally, TallyGold};
use attache_event::{Event, EventCategory, Modality};
use common::{event, quantity};

fn loaded(gold_json: &str) -> LoadedTally {
    let gold: TallyGold = serde_json::from_str(gold_json).expect("hand-made gold parses");
    let category = EventCategory::parse(&gold.filter.event).unwrap();
    LoadedTally {
        gold,
        category,
        documents: Vec::new(),
    }
}

const GOLD: &str = r#"{
  "documents": [],
  "filter": {"event": "SANCTION", "mode": "expel", "recipient": "RUS", "modality": ["asserted", "planned"]},
  "expected": [
    {"actor": "ITA", "count": 30},
    {"actor": "ESP", "count": null, "note": "named, no figure"},
    {"actor": "EST", "count": 14}
  ],
  "claims": [{"count": 80, "qualifier": "exact", "actors": ["ITA", "ESP"]}]
}"#;

fn expulsion(actor: &str, figure: Option<f64>) -> Event {
    let mut e = event("SANCTION", &[actor], &["RUS"]);
    e.mode = Some("expel".to_string());
    e.quantity = figure.map(|v| quantity(v, "exact", "n"));
    e
}

fn all_right() -> Vec<Event> {
    let mut estonia = expulsion("EST", Some(14.0));
    estonia.modality = Modality::Planned;
    let mut total = event("SANCTION", &["ITA", "ESP", "EST"], &["RUS"]);
    total.mode = Some("expel".to_string());
    total.aggregate = true;
    total.quantity = Some(quantity(80.0, "exact", "a total of 80"));
    // Outside the filter: another mode, another recipient, a negated report, another category.
    let mut closure = expulsion("EST", Some(2.0));
    closure.mode = Some("close".to_string());
    let mut denied = expulsion("FRA", Some(5.0));
    denied.modality = Modality::Negated;
    vec![
        expulsion("ITA", Some(20.0)),
        expulsion("ITA", Some(10.0)),
        expulsion("ESP", None),
        estonia,
        total,
        closure,
        event("SANCTION", &["DEU"], &["UKR"]),
        denied,
        event("ACCUSE", &["POL"], &["RUS"]),
    ]
}

#[test]
fn actors_are_summed_over_filtered_non_aggregate_events() {
    let report = tally::score(&loaded(GOLD), &all_right());
    assert!(report.passed, "{}", report.render_text());
    assert_eq!((report.actors_matched, report.actors_expected), (3, 3));
    assert_eq!((report.claims_matched, report.claims_expected), (1, 1));
    let italy = report.actors[0].found.as_ref().unwrap();
    assert_eq!((italy.count, italy.events), (Some(30.0), 2));
    let spain = report.actors[1].found.as_ref().unwrap();
    assert_eq!((spain.count, spain.without_figure), (None, 1));
}

#[test]
fn wrong_missing_and_unexpected_actors_fail_the_tally() {
    let mut events = all_right();
    events[1].quantity = Some(quantity(11.0, "exact", "n")); // Italy 31
    events.remove(2); // Spain gone
    events.push(expulsion("LVA", Some(3.0)));
    let report = tally::score(&loaded(GOLD), &events);
    assert!(!report.passed);
    let oks: Vec<(&str, bool)> = report
        .actors
        .iter()
        .map(|a| (a.actor.as_str(), a.ok))
        .collect();
    assert_eq!(oks, vec![("ITA", false), ("ESP", false), ("EST", true)]);
    assert_eq!(report.unexpected.len(), 1);
    assert_eq!(report.unexpected[0].actor, "LVA");
    let text = report.render_text();
    assert!(text.contains("MISS ESP"), "{text}");
    assert!(text.contains("EXTRA LVA"), "{text}");
}

#[test]
fn claims_need_figure_qualifier_and_actors() {
    let mut events = all_right();
    events[4].quantity = Some(quantity(80.0, "at_least", "at least 80"));
    let report = tally::score(&loaded(GOLD), &events);
    assert_eq!(report.claims_matched, 0);
    assert_eq!(report.unexpected_claims.len(), 1);
    assert!(!report.passed);
}

#[test]
fn asserted_only_when_no_modality_is_given() {
    let gold = GOLD.replace(r#", "modality": ["asserted", "planned"]"#, "");
    let report = tally::score(&loaded(&gold), &all_right());
    let estonia = report.actors.iter().find(|a| a.actor == "EST").unwrap();
    assert!(estonia.found.is_none());
}

#[test]
fn load_reports_bad_files_with_their_path() {
    let dir = std::env::temp_dir().join(format!("attache-eval-tally-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.json");
    std::fs::write(
        &path,
        "{\n  \"documents\": [],\n  \"filter\": {\"event\": \"SANCTION\", \"colour\": 1}\n}",
    )
    .unwrap();
    let err = tally::load(&path).unwrap_err().to_string();
    assert!(err.contains("bad.json:3:"), "{err}");
    std::fs::write(
        &path,
        r#"{"documents": [{"path": "absent.txt"}], "filter": {"event": "SANCTION"}, "expected": []}"#,
    )
    .unwrap();
    let err = tally::load(&path).unwrap_err().to_string();
    assert!(err.contains("bad.json: document absent.txt:"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
