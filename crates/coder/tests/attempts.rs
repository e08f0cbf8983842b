//! An act that someone is trying or attempting to do is not told to have happened: "is trying
//! to strike a deal", "tried to negotiate" give no outcome (modality hypothetical, words.tsv
//! `hypothetical`). A deal the text reports stays asserted.

use attache_event::{Event, EventCategory as C, Modality};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 1, 10))
}

fn modality(text: &str, category: C, trigger: &str) -> Option<Modality> {
    code(text)
        .into_iter()
        .find(|e| e.event == category && e.trigger.text == trigger)
        .map(|e| e.modality)
}

#[test]
fn an_attempted_act_is_hypothetical() {
    let cases: &[(&str, C, &str)] = &[
        (
            "Kazakhstan is also trying to strike a similar agreement with China on oil pipelines.",
            C::Agree,
            "strike",
        ),
        (
            "The Brazilian government is still trying to hammer out a deal with its bondholders.",
            C::Agree,
            "hammer",
        ),
        (
            "Poland attempted to negotiate new terms with the European Commission last month.",
            C::Consult,
            "negotiate",
        ),
    ];
    for (text, category, trigger) in cases {
        let got = modality(text, *category, trigger);
        assert!(got == Some(Modality::Hypothetical), "{text}: {got:?}");
    }
}

#[test]
fn a_reported_deal_stays_asserted() {
    let text = "Kazakhstan struck a similar deal with China on Monday.";
    assert_eq!(
        modality(text, C::Agree, "struck"),
        Some(Modality::Asserted),
        "{text}"
    );
}
