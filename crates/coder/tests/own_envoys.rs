//! A state that recalls or withdraws its own envoy or troops "from" another state acts on
//! that state: the possessor says whose the envoy is, so the "from" phrase tells where from,
//! not the envoy's nationality (actors.rs: a possessed group is not placed by its phrase).

use attache_event::EventCategory as C;
use chrono::NaiveDate;

mod common;

/// The recipients (text, country) of the first `category` event coded from `text`.
fn recipients(text: &str, category: C) -> Vec<(String, String)> {
    let events = common::code_on(text, NaiveDate::from_ymd_opt(2023, 10, 10));
    let Some(e) = events.iter().find(|e| e.event == category) else {
        panic!("{text}: no {category:?} in {events:?}");
    };
    e.recipients
        .iter()
        .map(|r| (r.text.clone(), r.country.clone().unwrap_or_default()))
        .collect()
}

#[test]
fn an_envoy_recalled_from_a_state_is_not_that_states_envoy() {
    for (text, other) in [
        (
            "Portugal recalled its ambassador from Angola on Monday.",
            "AGO",
        ),
        (
            "Peru recalled its ambassador from Mexico after the remarks.",
            "MEX",
        ),
        (
            "Algeria recalled its ambassador from Spain over the dispute.",
            "ESP",
        ),
    ] {
        let got = recipients(text, C::Sanction);
        // Before: "its ambassador" was a recipient of the other state's country.
        assert!(
            got.iter().all(|(t, _)| !t.starts_with("its")),
            "{text}: {got:?}"
        );
        assert!(got.iter().any(|(_, c)| c == other), "{text}: {got:?}");
    }
}

#[test]
fn an_envoy_of_a_named_state_keeps_that_states_country() {
    let got = recipients(
        "Peru expelled the ambassador from Mexico on Monday.",
        C::Sanction,
    );
    assert!(got.iter().any(|(_, c)| c == "MEX"), "{got:?}");
}
