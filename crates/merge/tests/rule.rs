//! The same-event rule under its two policies, on hand-built evidence.

use attache_event::{EventCategory, Modality, Qualifier};
use attache_merge::{Count, DateSpan, Evidence, Policy, decide};
use chrono::NaiveDate;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn count(value: f64, text: &'static str) -> Count<'static> {
    Count {
        value,
        max: None,
        unit: Some("diplomat"),
        qualifier: Qualifier::Exact,
        main: true,
        text,
        source: "Reuters",
    }
}

fn expulsion(actors: Vec<&'static str>, counts: Vec<Count<'static>>) -> Evidence<'static> {
    Evidence {
        category: EventCategory::Sanction,
        mode: Some("expel"),
        modality: Modality::Asserted,
        claim: false,
        actors,
        recipients: vec!["RUS"],
        date: Some(DateSpan {
            start: day("2022-04-05"),
            end: day("2022-04-05"),
            exact: true,
        }),
        announced: None,
        counts,
        content: Vec::new(),
        story: Vec::new(),
        home: None,
        speakers: Vec::new(),
        cluster: None,
        places: Vec::new(),
        words: Vec::new(),
    }
}

#[test]
fn close_figures_are_one_count_across_documents_but_not_within_one() {
    let a = expulsion(vec!["ESP"], vec![count(25.0, "25")]);
    let b = expulsion(vec!["ESP"], vec![count(27.0, "27")]);
    let across = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(across.merge, "{}", across.reason);
    assert!(
        across.reason.contains("within tolerance"),
        "{}",
        across.reason
    );
    let within = decide(&a, &b, &Policy::WITHIN_DOCUMENT);
    assert!(!within.merge);
    assert!(within.reason.contains("contradict"), "{}", within.reason);
}

#[test]
fn a_denial_never_merges_with_the_deed() {
    let a = expulsion(vec!["ITA"], vec![]);
    let mut b = a.clone();
    b.modality = Modality::Negated;
    for policy in [Policy::WITHIN_DOCUMENT, Policy::ACROSS_DOCUMENTS] {
        let decision = decide(&a, &b, &policy);
        assert!(!decision.merge, "{}", policy.name);
        assert!(
            decision.reason.starts_with("modality"),
            "{}",
            decision.reason
        );
    }
    b.modality = Modality::Planned;
    assert!(decide(&a, &b, &Policy::WITHIN_DOCUMENT).merge);
}

#[test]
fn an_undated_mention_takes_the_date_given_elsewhere_only_within_a_document() {
    let a = expulsion(vec!["DEU"], vec![count(40.0, "40")]);
    let mut b = a.clone();
    b.date = None;
    assert!(decide(&a, &b, &Policy::WITHIN_DOCUMENT).merge);
    assert!(!decide(&a, &b, &Policy::ACROSS_DOCUMENTS).merge);
}

#[test]
fn the_better_fitting_candidate_scores_higher() {
    let report = expulsion(vec!["POL"], vec![count(45.0, "45")]);
    let exact = expulsion(vec!["POL"], vec![count(45.0, "45")]);
    let wider = expulsion(vec!["POL", "CZE"], vec![count(44.0, "44")]);
    let (a, b) = (
        decide(&exact, &report, &Policy::ACROSS_DOCUMENTS),
        decide(&wider, &report, &Policy::ACROSS_DOCUMENTS),
    );
    assert!(a.merge && b.merge, "{} / {}", a.reason, b.reason);
    assert!(a.score > b.score);
}
