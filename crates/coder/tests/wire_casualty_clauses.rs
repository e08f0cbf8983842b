//! Casualties told by a participle after the act in wire-style reports: "Russian forces
//! shelled Kharkiv overnight, killing 12 civilians, officials said" codes the killing as the
//! shelling forces' (never the speaker's), with victims of the country of the place the act
//! hit, not of the attacker's state. Sentences written for these tests.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2023, 10, 10))
}

fn victims_country(events: &[Event], trigger: &str) -> Option<String> {
    events
        .iter()
        .find(|e| e.trigger.text == trigger)
        .and_then(|e| e.recipients.first())
        .and_then(|r| r.country.clone())
}

fn actor_country(events: &[Event], trigger: &str) -> Option<String> {
    actor_of(events, trigger).map(|(c, _)| c)
}

#[test]
fn a_participle_before_the_verb_of_saying_is_the_reported_acts_outcome() {
    for text in [
        "Russian troops shelled the city of Kherson on Monday, killing at least five \
         civilians, Ukrainian officials said.",
        "Russian missiles hit Odesa overnight, killing three people, regional officials said.",
        "Israeli jets bombed Khan Younis, killing 14 people, Palestinian health officials said.",
    ] {
        let events = code(text);
        let killing = events.iter().find(|e| e.trigger.text == "killing");
        let Some(k) = killing else {
            panic!("{text}: no killing coded: {events:#?}");
        };
        let actor = k.actors.first().and_then(|a| a.country.clone());
        assert!(
            matches!(actor.as_deref(), Some("RUS" | "ISR")),
            "{text}: the speaker is not the killer: {events:#?}"
        );
    }
}

#[test]
fn victims_of_a_participle_are_of_the_place_the_act_hit() {
    let events = code("Russian forces shelled Zaporizhzhia, killing 12 civilians.");
    assert_eq!(
        actor_country(&events, "killing").as_deref(),
        Some("RUS"),
        "{events:#?}"
    );
    assert_eq!(
        victims_country(&events, "killing").as_deref(),
        Some("UKR"),
        "{events:#?}"
    );
    let events = code("Israeli aircraft struck a building in Gaza City, killing 20 people.");
    assert_eq!(
        victims_country(&events, "killing").as_deref(),
        Some("PSE"),
        "{events:#?}"
    );
}

#[test]
fn a_reported_act_after_the_verb_of_saying_keeps_the_speaker() {
    // The act follows the verb of saying: the speaker's own, not a parenthetical source.
    let events = code(
        "The Ukrainian foreign ministry said on Monday it had summoned the Russian envoy, \
         accusing Moscow of blocking grain exports.",
    );
    assert_eq!(
        actor_of(&events, "summoned"),
        coded("UKR", "GOV"),
        "{events:#?}"
    );
    assert_eq!(victims_country(&events, "summoned").as_deref(), Some("RUS"));
}
