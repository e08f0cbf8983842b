//! Crowds counted by their size in wire-style reports: "Thousands of protesters marched in
//! Tbilisi" codes the protesters (CVL) as the actor, with the country of the place the text
//! puts the event in (or their own nationality where given), and the count as the event's
//! size; the count word itself is never the actor. Sentences written for these tests.

use attache_event::{Event, EventCategory};
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2023, 10, 10))
}

fn actor_text(events: &[Event], trigger: &str) -> Option<String> {
    events
        .iter()
        .find(|e| e.trigger.text == trigger)
        .and_then(|e| e.actors.first())
        .map(|a| a.text.clone())
}

#[test]
fn a_counted_crowd_of_protesters_is_placed_by_the_verbs_place() {
    for (text, trigger, country) in [
        (
            "Thousands of protesters marched in Yerevan on Sunday.",
            "marched",
            "ARM",
        ),
        (
            "Hundreds of demonstrators rallied in Nairobi.",
            "rallied",
            "KEN",
        ),
        (
            "Tens of thousands of people rallied in Belgrade.",
            "rallied",
            "SRB",
        ),
    ] {
        let events = code(text);
        assert_eq!(
            actor_of(&events, trigger),
            coded(country, "CVL"),
            "{text}: {events:#?}"
        );
        let e = events.iter().find(|e| e.trigger.text == trigger).unwrap();
        assert_eq!(e.event, EventCategory::Protest, "{text}");
        assert!(
            !actor_text(&events, trigger)
                .unwrap()
                .starts_with(char::is_uppercase),
            "the count word is not the actor: {events:#?}"
        );
    }
}

#[test]
fn a_counted_crowd_of_a_nationality_keeps_its_nationality_and_its_size() {
    let events = code("Thousands of Armenian protesters marched through Yerevan.");
    assert_eq!(
        actor_of(&events, "marched"),
        coded("ARM", "CVL"),
        "{events:#?}"
    );
    assert_eq!(
        actor_text(&events, "marched").as_deref(),
        Some("Armenian protesters")
    );
    let e = events.iter().find(|e| e.trigger.text == "marched").unwrap();
    assert!(e.quantity.is_some(), "the crowd's size: {events:#?}");
}

#[test]
fn a_count_of_things_is_not_looked_through_for_a_doer() {
    // The counted noun names no one: nothing to code.
    let events = code("Thousands of leaflets were dropped in Minsk.");
    assert!(
        events.iter().all(|e| e.event != EventCategory::Protest),
        "{events:#?}"
    );
}
