//! Sums given "in aid" in wire-style reports: "Japan will provide $500 million in aid to
//! Ukraine", "The EU gave Ukraine 1 billion euros in aid". A sum is given as what it is in, and
//! who receives it is named on that noun ("in aid to Ukraine") or as the indirect object.
//! Sentences written for these tests.

use attache_event::{Event, EventCategory};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2023, 10, 10))
}

fn coded_with(events: &[Event], trigger: &str) -> Option<(EventCategory, Option<String>)> {
    events.iter().find(|e| e.trigger.text == trigger).map(|e| {
        let r = e.recipients.first().and_then(|r| r.country.clone());
        (e.event, r)
    })
}

#[test]
fn a_sum_in_aid_is_aid_to_whom_the_aid_goes() {
    for (text, trigger, category, to) in [
        (
            "Canada provided $40 million in aid to Haiti.",
            "provided",
            EventCategory::Aid,
            "HTI",
        ),
        (
            "Norway gave Sudan 30 million dollars in aid.",
            "gave",
            EventCategory::Aid,
            "SDN",
        ),
        (
            "Australia pledged $20 million in assistance to Fiji.",
            "pledged",
            EventCategory::Agree,
            "FJI",
        ),
    ] {
        let events = code(text);
        assert_eq!(
            coded_with(&events, trigger),
            Some((category, Some(to.to_string()))),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn a_thing_given_in_support_of_a_claim_is_no_aid() {
    let events = code("The ministry provided documents in support of its claim.");
    assert!(
        events.iter().all(|e| e.event != EventCategory::Aid),
        "{events:#?}"
    );
}

/// A loan or aid "for" a state goes to that state (recipients.tsv `AID noun for`); a "for"
/// phrase naming no one gives no recipient.
#[test]
fn a_loan_for_a_state_goes_to_that_state() {
    for (text, to) in [
        ("The IMF approved a $2 billion loan for Egypt.", Some("EGY")),
        (
            "The World Bank announced new emergency aid for Malawi.",
            Some("MWI"),
        ),
        (
            "The European Union approved a loan for Moldova on Friday.",
            Some("MDA"),
        ),
        ("The World Bank approved a loan for the new dam.", None),
    ] {
        let events = code(text);
        let aid = events.iter().find(|e| e.event == EventCategory::Aid);
        let Some(e) = aid else {
            panic!("{text}: no AID in {events:?}");
        };
        let got = e.recipients.first().and_then(|r| r.country.as_deref());
        assert_eq!(got, to, "{text}");
    }
}
