//! A person named with the body they speak for ("Simon Hart of the Countryside Alliance") in a
//! sentence that codes nothing is remembered with that body, so that a later "Mr Hart", "he"
//! and the "we" of their quotation act for it. A place ("of Leeds") or a body the
//! dictionaries do not know places no one. Mini-documents written for these tests.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 2))
}

fn assert_actor(text: &str, trigger: &str, want: Option<(String, String)>) {
    let events = code(text);
    assert_eq!(
        actor_of(&events, trigger),
        want,
        "{text}\n{:#?}",
        common::actor_rows(&events)
    );
}

#[test]
fn a_later_title_and_surname_acts_for_the_body_named_with_the_person() {
    assert_actor(
        "Mary Dale of the Trades Union Congress visited Leeds on Monday. Ms Dale condemned \
         the government's pension plans.",
        "condemned",
        coded("GBR", "LAB"),
    );
    assert_actor(
        "Tom Reid of the CBI arrived in Cardiff on Monday. Mr Reid criticised the \
         government's tax plans.",
        "criticised",
        coded("GBR", "BUS"),
    );
}

#[test]
fn a_later_pronoun_acts_for_the_body_named_with_the_person() {
    assert_actor(
        "Tom Reid of the CBI arrived in Cardiff on Monday. He criticised the government's \
         tax plans.",
        "criticised",
        coded("GBR", "BUS"),
    );
    assert_actor(
        "Mary Dale of the Trades Union Congress visited Leeds on Monday. She condemned the \
         government's pension plans.",
        "condemned",
        coded("GBR", "LAB"),
    );
}

#[test]
fn we_in_the_quotation_of_a_person_named_with_a_body_is_the_body() {
    let text = "Paul Ross of Amnesty International arrived in Nairobi on Tuesday. \"We condemn \
                the Kenyan government for its treatment of prisoners,\" he said.";
    let events = code(text);
    let e = events
        .iter()
        .find(|e| e.trigger.text == "condemn")
        .unwrap_or_else(|| panic!("{:#?}", common::actor_rows(&events)));
    assert_eq!(e.actors[0].sector.as_deref(), Some("NGO"));
    assert_eq!(
        common::recipients(e),
        vec![(Some("KEN"), Some("GOV"))],
        "{:#?}",
        common::actor_rows(&events)
    );
}

#[test]
fn a_place_or_an_unknown_body_named_with_the_person_places_no_one() {
    assert_actor(
        "Tom Reid of Cardiff arrived in London on Monday. He criticised the government's \
         tax plans.",
        "criticised",
        None,
    );
    assert_actor(
        "Tom Reid of the Fairfield Group arrived in London on Monday. Mr Reid criticised \
         the government's tax plans.",
        "criticised",
        None,
    );
}
