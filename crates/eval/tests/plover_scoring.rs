//! The PLOVER scorer on hand-made gold records and predictions with figures worked out by hand.

mod common;

use attache_eval::plover::{self, GoldFile};
use attache_event::EventCategory;
use common::{event, quantity};

const GOLD: &str = r#"{"id": "r1", "event": "AGREE", "source": [{"actorText": "United States", "code": "USA"}, {"actorText": "Jordan", "code": "JOR"}], "target": "", "text": "The United States and Jordan have agreed upon a new free-trade pact."}
{"id": "r2", "event": "SANCTION", "source": [{"actorText": "Switzerland", "code": "CHE"}], "target": [{"actorText": "Russian diplomats", "code": "RUS", "sector": "GOV"}], "size": "2", "text": "Switzerland said today it had expelled two Russian diplomats."}
{"id": "r3", "event": "FIGHT", "source": [{"actorText": "Israeli troops", "code": "ISR", "sector": "MIL"}], "target": [{"actorText": "Palestinians", "code": "PSE"}], "dead": "3", "text": "Israeli troops shot dead three Palestinians."}

{"id": "r4", "event": "PROTEST", "source": [{"actorText": "Nigerians", "code": "nga"}], "target": [{"actorText": "government", "code": "NGA", "sector": "GOV"}], "size": "Thousands", "text": "Thousands of Nigerians marched in Lagos against the government."}
"#;

fn gold() -> GoldFile {
    plover::parse_gold(GOLD, "gold.jsonl").expect("hand-made gold parses")
}

/// r1 right; r2 right plus an extra ACCUSE; r3 missed; r4 right with a wrong recipient.
fn predictions() -> Vec<Vec<attache_event::Event>> {
    let mut expel = event("SANCTION", &["CHE"], &["RUS"]);
    expel.quantity = Some(quantity(2.0, "exact", "two"));
    let mut march = event("PROTEST", &["NGA"], &[]);
    march.quantity = Some(quantity(1000.0, "approx", "Thousands of"));
    vec![
        vec![event("AGREE", &["JOR", "USA"], &[])],
        vec![expel, event("ACCUSE", &["CHE"], &["RUS"])],
        vec![],
        vec![march],
    ]
}

#[test]
fn category_precision_recall_and_f1_follow_the_stated_rules() {
    let report = plover::score(&gold(), &predictions());
    assert_eq!(report.records, 4);
    let c = report.category;
    assert_eq!((c.tp, c.fp, c.fn_), (3, 1, 1));
    assert!((c.precision() - 0.75).abs() < 1e-12);
    assert!((c.recall() - 0.75).abs() < 1e-12);
    assert!((c.f1() - 0.75).abs() < 1e-12);
    // Categories in play: AGREE 1, ACCUSE 0, PROTEST 1, SANCTION 1, ASSAULT 0.
    let rows: Vec<(EventCategory, usize, usize, usize)> = report
        .per_category
        .iter()
        .map(|r| (r.category, r.prf.tp, r.prf.fp, r.prf.fn_))
        .collect();
    assert_eq!(
        rows,
        vec![
            (EventCategory::Agree, 1, 0, 0),
            (EventCategory::Accuse, 0, 1, 0),
            (EventCategory::Protest, 1, 0, 0),
            (EventCategory::Sanction, 1, 0, 0),
            (EventCategory::Assault, 0, 0, 1),
        ]
    );
    assert!((report.macro_f1 - 0.6).abs() < 1e-12);
}

#[test]
fn country_and_count_accuracy_are_reported_over_matched_and_all_records() {
    let report = plover::score(&gold(), &predictions());
    let pair = |r: attache_eval::metrics::Ratio| (r.correct, r.total);
    assert_eq!(pair(report.actor.matched), (3, 3));
    assert_eq!(pair(report.actor.all), (3, 4));
    assert_eq!(pair(report.recipient.matched), (2, 3));
    assert_eq!(pair(report.recipient.all), (2, 4));
    // Figures: "2" found by value, "Thousands" by its words, "3" dead lost with r3.
    assert_eq!(pair(report.counts.matched), (2, 2));
    assert_eq!(pair(report.counts.all), (2, 3));
    assert_eq!(pair(report.counts.size), (2, 2));
    assert_eq!(pair(report.counts.dead), (0, 1));
}

#[test]
fn misses_name_what_went_wrong() {
    let report = plover::score(&gold(), &predictions());
    let misses: Vec<(&str, Vec<&str>)> = report
        .misses
        .iter()
        .map(|m| {
            (
                m.id.as_str(),
                m.problems.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        misses,
        vec![
            ("r2", vec!["extra ACCUSE"]),
            ("r3", vec!["missed ASSAULT"]),
            ("r4", vec!["recipients"]),
        ]
    );
    let text = report.render_text(true);
    assert!(text.contains("r3 (line 3): missed ASSAULT"), "{text}");
    assert!(text.contains("Israeli troops shot dead three Palestinians."));
}

#[test]
fn the_matched_event_is_the_one_whose_codes_agree() {
    let gold = gold();
    let mut predicted = predictions();
    predicted[1] = vec![
        event("SANCTION", &["RUS"], &["CHE"]),
        event("SANCTION", &["CHE"], &["RUS"]),
    ];
    let report = plover::score(&gold, &predicted);
    assert_eq!(report.actor.matched.correct, 3);
    // Same-category duplicates count once: no false positive.
    assert_eq!(report.category.fp, 0);
}

#[test]
fn file_quirks_are_read_as_documented() {
    let text = r#"{"id": "a", "event": "DEMAND", "target": "diplomatic", "text": "x"}
{"id": "b", "event": "INVESTIGATE", "source": {"actorText": "UN", "code": "igo"}, "target": [{"actorText": "Iran", "code": "IRN"}, {"actorText": "Iran", "code": "IRN"}], "injured": 4, "text": "y"}
{"id": "c", "event": "GOSSIP", "text": "z"}"#;
    let file = plover::parse_gold(text, "q.jsonl").unwrap();
    assert_eq!(file.records.len(), 2);
    assert_eq!(file.records[0].category, EventCategory::Request);
    assert!(file.records[0].source_codes.is_empty());
    assert!(file.records[0].target_codes.is_empty());
    assert_eq!(file.records[1].category, EventCategory::Accuse);
    assert_eq!(file.records[1].source_codes, vec!["IGO"]);
    assert_eq!(file.records[1].target_codes, vec!["IRN"]);
    assert_eq!(file.records[1].figures[0].value, Some(4.0));
    assert_eq!(file.skipped.len(), 1);
    assert!(file.skipped[0].contains("GOSSIP"));
}

#[test]
fn bad_lines_are_errors_naming_file_and_line() {
    let err = plover::parse_gold(
        "{\"id\": \"a\", \"event\": \"AGREE\", \"text\": \"x\"}\n{oops",
        "g.jsonl",
    )
    .unwrap_err()
    .to_string();
    assert!(err.starts_with("g.jsonl:2:"), "{err}");
    let err = plover::parse_gold("{\"id\": \"a\", \"text\": \"x\"}", "g.jsonl")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("g.jsonl:1: record a has no \"event\""),
        "{err}"
    );
}

#[test]
fn no_predictions_score_zero_without_dividing_by_zero() {
    let gold = gold();
    let report = plover::score(&gold, &vec![Vec::new(); gold.records.len()]);
    assert_eq!(report.category.precision(), 0.0);
    assert_eq!(report.category.f1(), 0.0);
    assert_eq!(report.misses.len(), 4);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["category"]["fn"], 4);
    assert_eq!(json["category"]["f1"], 0.0);
}

#[test]
fn an_organisation_stands_for_the_type_the_gold_gives() {
    let text = r#"{"id": "un", "event": "AGREE", "source": [{"actorText": "The Security Council", "code": "IGO"}], "target": [{"actorText": "Lebanon", "code": "LBN"}], "text": "The Security Council agreed to extend the mandate of the force in Lebanon."}"#;
    let gold = plover::parse_gold(text, "g.jsonl").unwrap();
    let right = plover::score(&gold, &[vec![event("AGREE", &["UNSC"], &["LBN"])]]);
    assert_eq!(right.actor.matched.correct, 1);
    // A country is no organisation type, and a type does not stand for a country.
    let wrong = plover::score(&gold, &[vec![event("AGREE", &["USA"], &["UN"])]]);
    assert_eq!(wrong.actor.matched.correct, 0);
    assert_eq!(wrong.recipient.matched.correct, 0);
}
