//! `attache_eval::events` on hand-made gold and events: the matching rule, the figures and the
//! miss classes, each worked out by hand.

use attache_eval::events::{self, ArticleText, EventGold, MISS_REASONS};
use attache_event::Event;
use attache_text::{Document, Publication};
use serde_json::json;
use std::collections::BTreeMap;

/// Two sentences: [0, 30) and [30, 60).
const TEXT: &str = "The Tories attacked Labour.   Ministers met the Spanish envoy.";

fn gold(rows: &[&str]) -> EventGold {
    let text = format!("# test gold\ndoc\n{}\n", rows.join("\n"));
    events::gold::parse("test.tsv", &text).expect("test gold parses")
}

fn row(category: &str, actor: &str, recipient: &str, status: &str, quote: &str) -> String {
    let split = |side: &str| {
        let (c, s) = side.split_once(' ').unwrap_or((side, "-"));
        format!("{c}\t{s}")
    };
    format!(
        "doc\t{category}\t-\t{}\t{}\t{status}\t-\t{quote}",
        split(actor),
        split(recipient)
    )
}

/// A predicted event in sentence `sentence` (0 or 1) of TEXT; sides as "GBR OPP" or "-".
fn event(category: &str, actor: &str, recipient: &str, sentence: usize, modality: &str) -> Event {
    let side = |s: &str| {
        if s == "-" {
            return vec![];
        }
        let (c, sector) = s.split_once(' ').unwrap_or((s, "-"));
        let opt = |v: &str| if v == "-" { None } else { Some(v.to_string()) };
        vec![json!({"text": s, "country": opt(c), "sector": opt(sector), "span": [0, 1]})]
    };
    let span = if sentence == 0 { [0, 30] } else { [30, 60] };
    let record = json!({
        "doc_id": "doc", "event": category, "mode": null, "context": [], "cameo": null,
        "actors": side(actor), "recipients": side(recipient), "quantity": null,
        "date": null, "location": null, "attribution": null, "modality": modality,
        "aggregate": false, "trigger": {"text": "t", "span": span},
        "sentence": {"index": sentence, "span": span, "text": "s"}, "mentions": [],
    });
    serde_json::from_value(record).expect("hand-made event is valid")
}

fn score(gold: &EventGold, predicted: Vec<Event>) -> events::EventsReport {
    let document = Document {
        id: "doc".to_string(),
        text: TEXT.to_string(),
        publication: Publication::default(),
    };
    let article = ArticleText {
        document,
        sentences: vec![[0, 30], [30, 60]],
    };
    let texts = BTreeMap::from([("doc".to_string(), article)]);
    events::check_quotes(gold, "test.tsv", &texts).expect("quotes occur");
    events::score(
        gold,
        &texts,
        &BTreeMap::from([("doc".to_string(), predicted)]),
    )
}

#[test]
fn a_prediction_of_the_category_and_actor_country_matches() {
    let g = gold(&[&row(
        "ACCUSE",
        "GBR OPP",
        "GBR GOV",
        "asserted",
        "attacked Labour",
    )]);
    let report = score(&g, vec![event("ACCUSE", "GBR OPP", "-", 0, "asserted")]);
    assert_eq!((report.strict.events.tp, report.strict.events.fp), (1, 0));
    assert_eq!(report.strict.events.fn_, 0);
    assert_eq!(report.strict.actor.both.correct, 1);
    // No recipient predicted: country and sector wrong, and counted as absent.
    assert_eq!(report.strict.recipient.country.correct, 0);
    assert_eq!(report.strict.recipient_present.total, 1);
    assert_eq!(report.strict.recipient_present.correct, 0);
    assert_eq!(report.category_accuracy.correct, 1);
}

#[test]
fn another_actor_country_misses_strictly_but_matches_on_category() {
    let g = gold(&[&row(
        "ACCUSE",
        "GBR OPP",
        "GBR GOV",
        "asserted",
        "attacked Labour",
    )]);
    let report = score(
        &g,
        vec![event("ACCUSE", "FRA GOV", "GBR GOV", 0, "asserted")],
    );
    assert_eq!(report.strict.events.tp, 0);
    assert_eq!((report.strict.events.fp, report.strict.events.fn_), (1, 1));
    assert_eq!(report.category_only.events.tp, 1);
    assert_eq!(report.category_only.recipient.both.correct, 1);
    assert_eq!(report.misses[0].reason, MISS_REASONS[3]);
    assert_eq!(
        report.misses[0].predicted_here,
        ["ACCUSE FRA GOV -> GBR GOV"]
    );
}

#[test]
fn either_side_of_talks_may_be_the_actor() {
    let g = gold(&[&row(
        "CONSULT",
        "GBR GOV",
        "ESP DIP",
        "asserted",
        "met the Spanish",
    )]);
    let report = score(
        &g,
        vec![event("CONSULT", "ESP DIP", "GBR GOV", 1, "asserted")],
    );
    assert_eq!(report.strict.events.tp, 1);
    // Compared with the sides swapped: both right.
    assert_eq!(report.strict.actor.both.correct, 1);
    assert_eq!(report.strict.recipient.both.correct, 1);
    // Not so for a one-way category.
    let g = gold(&[&row(
        "REQUEST",
        "GBR GOV",
        "ESP DIP",
        "asserted",
        "met the Spanish",
    )]);
    let report = score(
        &g,
        vec![event("REQUEST", "ESP DIP", "GBR GOV", 1, "asserted")],
    );
    assert_eq!(report.strict.events.tp, 0);
}

#[test]
fn matching_is_one_to_one_and_prefers_the_quoted_sentence() {
    let g = gold(&[
        &row("ACCUSE", "GBR OPP", "-", "asserted", "attacked Labour"),
        &row("ACCUSE", "GBR GOV", "-", "asserted", "Ministers met"),
    ]);
    // One GBR ACCUSE in the second sentence: it goes to the second gold event (located there),
    // though the first comes first in the file.
    let report = score(&g, vec![event("ACCUSE", "GBR GOV", "-", 1, "asserted")]);
    assert_eq!(report.strict.events.tp, 1);
    assert_eq!(report.misses.len(), 1);
    assert_eq!(report.misses[0].quote, "attacked Labour");
    assert_eq!(report.misses[0].reason, MISS_REASONS[0]);
}

#[test]
fn negated_and_hypothetical_are_not_scored_on_either_side() {
    let g = gold(&[
        &row("ACCUSE", "GBR OPP", "-", "asserted", "attacked Labour"),
        &row("CONSULT", "GBR GOV", "-", "hypothetical", "Ministers met"),
    ]);
    let report = score(
        &g,
        vec![
            event("ACCUSE", "GBR OPP", "-", 0, "negated"),
            event("CONSULT", "GBR GOV", "-", 1, "hypothetical"),
        ],
    );
    assert_eq!((report.gold_events, report.gold_unscored), (1, 1));
    assert_eq!(report.predicted_events, 0);
    assert_eq!(report.strict.events.fp, 0);
    assert_eq!(report.misses[0].reason, MISS_REASONS[5]);
}

#[test]
fn a_gold_actor_without_country_matches_on_sector() {
    let g = gold(&[&row(
        "ACCUSE",
        "- BUS",
        "EU IGO",
        "asserted",
        "attacked Labour",
    )]);
    let report = score(
        &g,
        vec![event("ACCUSE", "IRL BUS", "EU IGO", 0, "asserted")],
    );
    assert_eq!(report.strict.events.tp, 1);
    // The country set differs (none in gold), the sector agrees.
    assert_eq!(report.strict.actor.country.correct, 0);
    assert_eq!(report.strict.actor.sector.correct, 1);
    let report = score(
        &g,
        vec![event("ACCUSE", "IRL GOV", "EU IGO", 0, "asserted")],
    );
    assert_eq!(report.strict.events.tp, 0);
    assert_eq!(report.misses[0].reason, MISS_REASONS[4]);
}

#[test]
fn wrong_category_and_unmatched_predictions_are_classified() {
    let g = gold(&[&row(
        "ACCUSE",
        "GBR OPP",
        "GBR GOV",
        "asserted",
        "attacked Labour",
    )]);
    let report = score(
        &g,
        vec![
            event("ASSAULT", "GBR OPP", "GBR GOV", 0, "asserted"),
            event("CONSULT", "GBR GOV", "ESP -", 1, "asserted"),
        ],
    );
    assert_eq!(report.misses[0].reason, MISS_REASONS[1]);
    assert_eq!(report.misses[0].detail, "coded ASSAULT");
    assert_eq!(report.category_accuracy.total, 1);
    assert_eq!(report.category_accuracy.correct, 0);
    let reasons: Vec<&str> = report
        .false_positives
        .iter()
        .map(|f| f.reason.as_str())
        .collect();
    assert_eq!(
        reasons,
        [
            events::FALSE_POSITIVE_REASONS[1],
            events::FALSE_POSITIVE_REASONS[0]
        ]
    );
    let rows: Vec<(&str, usize, usize, usize)> = report
        .per_category
        .iter()
        .map(|r| (r.category.as_str(), r.gold, r.predicted, r.matched))
        .collect();
    assert_eq!(
        rows,
        [
            ("CONSULT", 0, 1, 0),
            ("ACCUSE", 1, 0, 0),
            ("ASSAULT", 0, 1, 0)
        ]
    );
}

#[test]
fn bad_gold_lines_are_reported_with_file_and_line() {
    let parse = |text: &str| events::gold::parse("g.tsv", text).unwrap_err().to_string();
    assert!(parse("doc\nother\tACCUSE\t-\tGBR\t-\t-\t-\tasserted\t-\tq\n").starts_with("g.tsv:2:"));
    assert!(parse("doc\ndoc\tBLAME\t-\tGBR\t-\t-\t-\tasserted\t-\tq\n").contains("BLAME"));
    assert!(parse("doc\ndoc\tACCUSE\t-\tGBR\n").contains("found 4"));
    assert!(parse("doc\ndoc\tACCUSE\t-\tGBR\t-\t-\t-\tmaybe\t-\tq\n").contains("maybe"));
    assert!(parse("doc\ndoc\n").contains("declared twice"));
    let g = gold(&[&row("ACCUSE", "GBR", "-", "asserted", "not in the text")]);
    let document = Document {
        id: "doc".to_string(),
        text: TEXT.to_string(),
        publication: Publication::default(),
    };
    let texts = BTreeMap::from([(
        "doc".to_string(),
        ArticleText {
            document,
            sentences: vec![],
        },
    )]);
    let err = events::check_quotes(&g, "g.tsv", &texts)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("g.tsv:3: quote"), "{err}");
}

#[test]
fn an_announced_event_matches_the_category_plover_gives_the_announcement() {
    // "will hold talks": PLOVER codes the intention AGREE; an announced strike, THREATEN.
    let g = gold(&[
        &row(
            "CONSULT",
            "GBR GOV",
            "ESP GOV",
            "planned",
            "met the Spanish",
        ),
        &row(
            "PROTEST",
            "GBR LAB",
            "GBR GOV",
            "planned",
            "attacked Labour",
        ),
    ]);
    let report = score(
        &g,
        vec![
            event("AGREE", "GBR GOV", "-", 1, "asserted"),
            event("THREATEN", "GBR LAB", "GBR GOV", 0, "asserted"),
        ],
    );
    assert_eq!(report.strict.events.tp, 2);
    // Not for an asserted event: the talks held are CONSULT.
    let g = gold(&[&row(
        "CONSULT",
        "GBR GOV",
        "ESP GOV",
        "asserted",
        "met the Spanish",
    )]);
    let report = score(&g, vec![event("AGREE", "GBR GOV", "-", 1, "asserted")]);
    assert_eq!(report.strict.events.tp, 0);
    assert_eq!(report.misses[0].reason, MISS_REASONS[1]);
}
