//! A verb of stance the parse coordinated inside the clause a speaker reports is the
//! speaker's when that clause tells a state ("said the German economy was weak but defended
//! President Bush", "said his remarks were not offensive and refused to apologise"); an act
//! reported keeps its own subject ("said militants crossed the border and attacked a village").
//! Such a verb inside a demanded clause is no part of the demand: "said Germany needed to do
//! more but defended President Bush" demands and defends, while "said Iran must release the
//! sailors and apologise" demands both acts and reports neither.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 9))
}

/// The actor country of the event of this category on this trigger word.
fn actor_country(text: &str, category: C, trigger: &str) -> Option<String> {
    code(text)
        .into_iter()
        .find(|e| e.event == category && e.trigger.text == trigger)
        .and_then(|e| e.actors.first().and_then(|a| a.country.clone()))
}

#[test]
fn the_speaker_does_a_stance_after_a_reported_state() {
    for (text, category, trigger, country) in [
        (
            "Chancellor Gordon Brown said the German economy was weak but defended President George Bush.",
            C::Support,
            "defended",
            "GBR",
        ),
        (
            "Chancellor Gordon Brown said Germany needed to do more but defended President George Bush.",
            C::Support,
            "defended",
            "GBR",
        ),
        (
            "London mayor Ken Livingstone said his remarks were not offensive and refused to apologise.",
            C::Reject,
            "refused",
            "GBR",
        ),
        (
            "Tory leader Michael Howard said the Liberal Democrats were right and urged Prime Minister Tony Blair to resign.",
            C::Request,
            "urged",
            "GBR",
        ),
    ] {
        assert_eq!(
            actor_country(text, category, trigger).as_deref(),
            Some(country),
            "{text}"
        );
    }
}

#[test]
fn a_reported_act_keeps_its_subject() {
    for (text, country) in [
        (
            "The Israeli army said Palestinian militants crossed the border and attacked an Israeli village.",
            "ISR",
        ),
        (
            "The Indian army said Pakistani militants ambushed a convoy and killed two Indian soldiers.",
            "IND",
        ),
    ] {
        let events = code(text);
        assert!(
            events.iter().filter(|e| e.event == C::Assault).all(|e| e
                .actors
                .iter()
                .all(|a| a.country.as_deref() != Some(country))),
            "{text}"
        );
    }
}

#[test]
fn a_demanded_act_is_not_reported() {
    let text = "The British government said Iran must release the sailors and apologise to their families.";
    let events = code(text);
    assert!(
        events.iter().all(|e| e.event == C::Request),
        "{text}: {:?}",
        events.iter().map(|e| e.event).collect::<Vec<_>>()
    );
    assert!(!events.is_empty(), "{text}");
}
