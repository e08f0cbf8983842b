//! Whose the object is: "criticised Mr Brown's plan" is aimed at Mr Brown when the object
//! names no actor; people the object names by their role stay the recipient ("courted AOL's
//! customers"), and a possessive pronoun ("its record") names no one. Sentences written for
//! these tests.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;
use common::recipients;

/// A report from London whose lead names the chancellor.
fn event(sentence: &str, category: C) -> Event {
    let text = format!(
        "LONDON, March 3 (Reuters) - Chancellor Gordon Brown unveiled a spending plan on Monday. {sentence}"
    );
    let events = common::code_on(&text, NaiveDate::from_ymd_opt(2005, 3, 14));
    events
        .into_iter()
        .find(|e| e.event == category)
        .unwrap_or_else(|| panic!("no {category:?} in {sentence:?}"))
}

#[test]
fn a_named_possessor_is_the_target() {
    let e = event(
        "The Conservatives criticised Mr Brown's obsession with targets.",
        C::Accuse,
    );
    assert_eq!(recipients(&e), [(Some("GBR"), Some("GOV"))]);
}

#[test]
fn a_possessive_pronoun_names_no_one() {
    let e = event(
        "Amnesty International criticised its obsession with targets.",
        C::Accuse,
    );
    assert!(recipients(&e).is_empty(), "{e:#?}");
}

#[test]
fn the_government_possessor_is_read_once() {
    let e = event(
        "The Conservatives criticised the government's obsession with targets.",
        C::Accuse,
    );
    assert_eq!(recipients(&e), [(Some("GBR"), Some("GOV"))]);
}

#[test]
fn the_owners_possessor_is_the_target() {
    let e = event(
        "The Conservatives criticised the timing of Mr Brown's announcement.",
        C::Accuse,
    );
    assert_eq!(recipients(&e), [(Some("GBR"), Some("GOV"))]);
}
