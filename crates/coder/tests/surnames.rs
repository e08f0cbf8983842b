//! A place's or a nationality's word after an honorific is a person's surname ("Mr Irish", "Mr
//! German", "Dr Jordan"): it names no country, neither as an actor nor as the document's
//! country; the same word with no honorific still names one.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

fn on(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

fn countries(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .flat_map(|e| e.actors.iter().chain(&e.recipients))
        .filter_map(|a| a.country.clone())
        .collect()
}

#[test]
fn a_nationality_after_an_honorific_is_a_surname() {
    for (text, country) in [
        (
            "Mr German accused the Welsh Assembly government of wasting money on consultants.",
            "DEU",
        ),
        (
            "Mr Irish, who lost his seat in 2001, condemned the council's decision.",
            "IRL",
        ),
        (
            "Dr Jordan criticised ministers over the closure of the hospital.",
            "JOR",
        ),
    ] {
        let events = on(text);
        assert!(
            !countries(&events).iter().any(|c| c == country),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn the_same_words_without_an_honorific_name_the_country() {
    for (text, country) in [
        (
            "The German government accused Moscow of breaking the agreement.",
            "DEU",
        ),
        ("Irish ministers condemned the bombing in Omagh.", "IRL"),
        ("Jordan criticised Israel over the raid.", "JOR"),
    ] {
        let events = on(text);
        assert!(
            countries(&events).iter().any(|c| c == country),
            "{text}: {events:#?}"
        );
    }
}
