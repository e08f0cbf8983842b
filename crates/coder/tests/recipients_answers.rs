//! Recipients of a demand and of the refusal that answers it: "X called for Y but Z refused"
//! (the refuser is whom the demand was made of, the demander whom the refusal is aimed at). A
//! refusal by the one who made the demand answers no one. Sentences written for these tests in
//! wire style.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2023, 3, 14))
}

/// The recipient countries of the one event of `category` in `events`.
fn recipients(events: &[Event], category: C) -> Vec<String> {
    let e = events
        .iter()
        .find(|e| e.event == category)
        .unwrap_or_else(|| panic!("no {category:?}: {events:#?}"));
    e.recipients
        .iter()
        .filter_map(|r| r.country.clone())
        .collect()
}

#[test]
fn a_refusal_after_but_answers_the_demand() {
    for (text, demander, refuser) in [
        (
            "The Palestinian Authority called for an international inquiry but Israel has refused.",
            "PSE",
            "ISR",
        ),
        (
            "Pakistan asked for talks on Kashmir but India refused to meet.",
            "PAK",
            "IND",
        ),
        (
            "The Prime Minister Tony Blair is among those who have called for an apology but \
             so far the mayor has refused.",
            "GBR",
            "GBR",
        ),
    ] {
        let events = code(text);
        assert_eq!(recipients(&events, C::Request), [refuser], "{text}");
        assert_eq!(recipients(&events, C::Reject), [demander], "{text}");
    }
}

#[test]
fn a_demand_that_names_whom_it_is_made_of_keeps_it() {
    let text = "Greece demanded an apology from Turkey but Ankara refused.";
    let events = code(text);
    assert_eq!(recipients(&events, C::Request), ["TUR"], "{text}");
    assert_eq!(recipients(&events, C::Reject), ["GRC"], "{text}");
}

#[test]
fn a_refusal_by_the_demander_answers_no_one() {
    let text = "Pakistan called for talks but refused to drop its demands.";
    let events = code(text);
    assert!(recipients(&events, C::Request).is_empty(), "{text}");
    assert!(recipients(&events, C::Reject).is_empty(), "{text}");
}
