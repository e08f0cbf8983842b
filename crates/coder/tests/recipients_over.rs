//! Recipients of a protest "over" something: what a protest is over is what it is aimed at, and
//! whose that is names the recipient ("protested over Uganda's closure of the border"). A
//! grievance that names no one ("went on strike over pay") leaves the recipient empty.
//! Sentences written for these tests in wire style.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2023, 3, 14))
}

/// The recipient countries of the one PROTEST in `text`.
fn protest_recipients(text: &str) -> Vec<String> {
    let events = code(text);
    let e = events
        .iter()
        .find(|e| e.event == C::Protest)
        .unwrap_or_else(|| panic!("no PROTEST in {text:?}: {events:#?}"));
    e.recipients
        .iter()
        .filter_map(|r| r.country.clone())
        .collect()
}

#[test]
fn a_protest_over_what_a_state_did_is_aimed_at_that_state() {
    for (text, want) in [
        (
            "Thousands of Kenyans demonstrated in Nairobi on Monday over Uganda's closure of the border.",
            "UGA",
        ),
        (
            "Hundreds of Mexican farmers protested on Tuesday over the United States' new tariffs on maize.",
            "USA",
        ),
        (
            "Turkish students marched in Ankara over France's vote on the Armenian genocide bill.",
            "FRA",
        ),
    ] {
        assert_eq!(protest_recipients(text), [want], "{text}");
    }
}

#[test]
fn a_protest_over_a_policy_is_aimed_at_the_government() {
    let text = "ATHENS (Reuters) - Thousands of Greek workers protested in Athens on Wednesday \
                over the pension reform.";
    assert_eq!(protest_recipients(text), ["GRC"]);
}

#[test]
fn a_grievance_that_names_no_one_has_no_recipient() {
    let text = "Nigerian oil workers went on strike over pay on Monday.";
    assert!(protest_recipients(text).is_empty(), "{text}");
}
