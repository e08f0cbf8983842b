//! A definite policy word with no owner of its own ("the plans", "the proposal") refers back to
//! the last mention of the same word that named its owner ("Moscow's plans", "The French
//! proposal"), within a few sentences: that owner, not the report's home government, is whom
//! approval or disapproval of it is aimed at. Not a different word ("the plans" after "EU
//! asylum policy"), not a mention of the word whose owner is unknown or a pronoun ("its own
//! proposal" names another one), not the actor's own policy.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 2))
}

/// The recipient countries of the events of `category` in the last sentence of `text`.
fn aimed_at(text: &str, category: C) -> Vec<Option<String>> {
    let events = code(text);
    let last = events.iter().map(|e| e.sentence.index).max().unwrap_or(0);
    events
        .iter()
        .filter(|e| e.event == category && e.sentence.index == last)
        .flat_map(|e| e.recipients.iter().map(|r| r.country.clone()))
        .collect()
}

#[test]
fn a_definite_policy_is_the_owner_s_named_before() {
    for (text, category, owner) in [
        (
            "Moscow's plans for a new gas pipeline were unveiled on Friday. Ukraine condemned the plans.",
            C::Accuse,
            "RUS",
        ),
        (
            "The French proposal to cut farm subsidies was tabled in Brussels on Monday. Poland welcomed the proposal.",
            C::Support,
            "FRA",
        ),
        (
            "Japan's new rules on fishing quotas took effect in January. Norway criticised the rules on Tuesday.",
            C::Accuse,
            "JPN",
        ),
    ] {
        let got = aimed_at(text, category);
        assert_eq!(got, vec![Some(owner.to_string())], "{text}");
    }
}

#[test]
fn another_word_or_an_unknown_owner_is_no_reference() {
    for (text, category, not) in [
        // Another policy word names another policy.
        (
            "Moscow's plans for a new gas pipeline were unveiled on Friday. Ukraine condemned the proposal.",
            C::Accuse,
            "RUS",
        ),
        // A later mention whose owner is a pronoun is another policy.
        (
            "The French proposal was tabled in Brussels on Monday. Germany published its own proposal. Poland welcomed the proposal.",
            C::Support,
            "FRA",
        ),
        (
            "Moscow's plans for a new gas pipeline were unveiled on Friday. Gazprom later said it had drawn up its own plans. Ukraine condemned the plans.",
            C::Accuse,
            "RUS",
        ),
    ] {
        let got = aimed_at(text, category);
        assert!(!got.contains(&Some(not.to_string())), "{text}: {got:?}");
    }
}
