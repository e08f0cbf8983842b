//! The addressee of a request or a consultation named only by what it is ("called on the
//! management", "urged supporters", "will consult the Director of Public Prosecutions"): people
//! of the report's country with their sector; those a possessive pronoun gives to the actor are
//! its own, no recipient. Sentences written for these tests.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;
use common::recipients;

/// A report from London: its dateline makes Britain the home country.
fn event(sentence: &str, category: C) -> Event {
    let text = format!("LONDON, March 3 (Reuters) - {sentence}");
    let events = common::code_on(&text, NaiveDate::from_ymd_opt(2023, 3, 14));
    events
        .into_iter()
        .find(|e| e.event == category)
        .unwrap_or_else(|| panic!("no {category:?} in {sentence:?}"))
}

#[test]
fn the_management_is_the_firm() {
    let e = event(
        "The Trades Union Congress called on the management to withdraw the job cuts.",
        C::Request,
    );
    assert_eq!(recipients(&e), [(Some("GBR"), Some("BUS"))]);
}

#[test]
fn supporters_are_people() {
    let e = event(
        "The Trades Union Congress urged supporters to join the march on Saturday.",
        C::Request,
    );
    assert_eq!(recipients(&e), [(Some("GBR"), Some("CVL"))]);
}

#[test]
fn the_actors_own_supporters_are_no_recipient() {
    let e = event(
        "The Liberal Democrats called on their supporters to vote on Thursday.",
        C::Request,
    );
    assert!(
        !recipients(&e).contains(&(Some("GBR"), Some("CVL"))),
        "{e:#?}"
    );
}

#[test]
fn the_director_of_public_prosecutions_is_a_prosecutor() {
    let e = event(
        "The home secretary consulted the Director of Public Prosecutions on Monday.",
        C::Consult,
    );
    assert_eq!(recipients(&e), [(Some("GBR"), Some("JUD"))]);
}

#[test]
fn believers_of_a_faith_are_people() {
    let e = event(
        "The Muslim Association of Britain urged Muslims not to vote for the party.",
        C::Request,
    );
    assert_eq!(recipients(&e), [(Some("GBR"), Some("CVL"))], "{e:#?}");
    let e = event(
        "Police arrested 20 Catholics and Protestants after the riot in Belfast.",
        C::Coerce,
    );
    assert_eq!(
        recipients(&e),
        [(Some("GBR"), Some("CVL")), (Some("GBR"), Some("CVL"))],
        "{e:#?}"
    );
}

#[test]
fn an_archbishop_is_the_church() {
    let e = event(
        "The Lord Chancellor promised the Archbishop of Canterbury to strengthen the safeguards.",
        C::Agree,
    );
    assert_eq!(recipients(&e), [(Some("GBR"), Some("REL"))], "{e:#?}");
}

#[test]
fn a_nation_of_believers_keeps_its_state() {
    // "Bosnian Muslims" is the demonym of a state, not people of the report's country.
    let e = event(
        "Bosnian Muslims protested against the verdict in Sarajevo.",
        C::Protest,
    );
    assert_eq!(
        e.actors.first().and_then(|a| a.country.as_deref()),
        Some("BIH")
    );
}
