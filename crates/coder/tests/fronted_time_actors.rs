//! An act after a time phrase fronted without a comma ("On Monday Spain expelled ...", "Last
//! week Hungary recalled ...") has the name after the time phrase as its actor, named without
//! the time word, and the time phrase as its date (nlp `repair_subject/time.rs`).

use attache_event::EventCategory as C;
use chrono::NaiveDate;

mod common;

/// Asserts that `text`, published on Wednesday 2005-01-12, codes `category` with the actor
/// written `actor` of country `country` and the date phrase `date`.
fn assert_actor_and_date(text: &str, category: C, actor: &str, country: &str, date: &str) {
    let events = common::code_on(text, NaiveDate::from_ymd_opt(2005, 1, 12));
    let found = events.iter().find(|e| e.event == category);
    let Some(e) = found else {
        panic!("{text}: no {category:?} in {events:?}");
    };
    let a = e.actors.first().expect("an actor");
    assert_eq!(a.text, actor, "{text}");
    assert_eq!(a.country.as_deref(), Some(country), "{text}");
    let phrase = e.date.as_ref().map(|d| d.text.as_str());
    assert_eq!(phrase, Some(date), "{text}");
}

#[test]
fn the_name_after_a_fronted_time_phrase_is_the_actor() {
    for (text, category, actor, country, date) in [
        (
            "On Monday Spain expelled two Iranian diplomats.",
            C::Sanction,
            "Spain",
            "ESP",
            "On Monday",
        ),
        (
            "Last week Hungary recalled its ambassador to Moscow.",
            C::Sanction,
            "Hungary",
            "HUN",
            "Last week",
        ),
        (
            "On Tuesday Chilean police arrested three student leaders.",
            C::Coerce,
            "Chilean police",
            "CHL",
            "On Tuesday",
        ),
        (
            "In December Polish Prime Minister Jan Novak condemned the attack.",
            C::Accuse,
            "Polish Prime Minister Jan Novak",
            "POL",
            "In December",
        ),
    ] {
        assert_actor_and_date(text, category, actor, country, date);
    }
}
