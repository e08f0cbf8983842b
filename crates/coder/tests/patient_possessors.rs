//! The possessor of a noun of an act done to someone ("Mr Kilroy-Silk's expulsion", "Fortuyn's
//! murder", "the journalist's arrest") is whom it is done to, not the doer, when no "of" phrase
//! names them (words.tsv `patient_noun`); with an "of" phrase the possessor acts ("Russia's
//! arrest of the British businessman").

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn on(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

fn actor_texts(e: &Event) -> Vec<String> {
    e.actors.iter().map(|a| a.text.clone()).collect()
}

#[test]
fn the_possessor_of_an_act_done_to_someone_is_not_its_doer() {
    for (text, category, possessor) in [
        (
            "The Kenyan opposition leader's arrest sparked protests in Nairobi.",
            C::Coerce,
            "leader",
        ),
        (
            "Party officials began a process that could have led to Mr Farage's expulsion.",
            C::Sanction,
            "Farage",
        ),
        (
            "The Dutch film shows the day of Pim Fortuyn's murder in Hilversum.",
            C::Assault,
            "Fortuyn",
        ),
    ] {
        let events = on(text);
        assert!(
            !events.iter().any(
                |e| e.event == category && actor_texts(e).iter().any(|a| a.contains(possessor))
            ),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn a_carrier_names_the_doer_and_the_possessor_is_the_recipient() {
    for (text, actor, recipient) in [
        (
            "The Iranian government ordered the journalist's arrest on Monday.",
            "IRN",
            "IRN",
        ),
        (
            "The Egyptian government ordered the British reporter's deportation.",
            "EGY",
            "GBR",
        ),
        (
            "Pakistan demanded the British preacher's extradition on Monday.",
            "PAK",
            "GBR",
        ),
    ] {
        let events = on(text);
        assert!(
            events.iter().any(
                |e| e.actors.iter().any(|a| a.country.as_deref() == Some(actor))
                    && e.recipients
                        .iter()
                        .any(|r| r.country.as_deref() == Some(recipient))
            ),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn with_an_of_phrase_the_possessor_acts() {
    for (text, category, actor) in [
        (
            "Russia's arrest of the British businessman angered London.",
            C::Coerce,
            "RUS",
        ),
        (
            "Germany's expulsion of four Russian diplomats angered Moscow on Monday.",
            C::Sanction,
            "DEU",
        ),
        (
            "Israel's detention of the Palestinian activist angered the United Nations.",
            C::Coerce,
            "ISR",
        ),
    ] {
        let events = on(text);
        assert!(
            events.iter().any(|e| e.event == category
                && e.actors.iter().any(|a| a.country.as_deref() == Some(actor))),
            "{text}: {events:#?}"
        );
    }
}
