//! A release told with no doer ("were freed", "will be released") is done by whoever holds
//! those it frees, where a participle or relative clause of holding on them names the holder
//! with "by" ("soldiers seized by Hezbollah", "who had been detained by Iranian border
//! guards"). Not where no holder is named ("held at Bagram air base": a release is no state
//! act without custody words), nor for a possible release ("could be released").

use attache_event::{Event, EventCategory as C, Modality};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2011, 6, 14))
}

fn releases(text: &str) -> Vec<Event> {
    code(text)
        .into_iter()
        .filter(|e| matches!(e.event, C::Retreat | C::Agree))
        .collect()
}

#[test]
fn the_holder_frees_whom_it_held() {
    for (text, category, doer, whom) in [
        (
            "Two Israeli soldiers seized by Hezbollah were freed on Sunday.",
            C::Retreat,
            "LBN",
            Some("ISR"),
        ),
        (
            "The two soldiers who had been detained by Iranian border guards were released on Thursday.",
            C::Retreat,
            "IRN",
            None,
        ),
        // An announced release is the holder's promise (AGREE, as PLOVER codes it).
        (
            "Two Australians held by the Indonesian police will be freed next month, officials said.",
            C::Agree,
            "IDN",
            Some("AUS"),
        ),
    ] {
        let events = releases(text);
        let e = events
            .iter()
            .find(|e| e.event == category)
            .unwrap_or_else(|| panic!("{text}: no {category:?} in {events:?}"));
        assert_eq!(e.actors[0].country.as_deref(), Some(doer), "{text}");
        assert_eq!(e.modality, Modality::Asserted, "{text}");
        if let Some(w) = whom {
            assert_eq!(e.recipients[0].country.as_deref(), Some(w), "{text}");
        }
    }
}

#[test]
fn no_holder_named_or_no_deed_is_no_release() {
    for text in [
        "Three Britons held at Bagram air base were freed on Monday.",
        "The journalists held by Syrian intelligence could be released soon.",
        "The refugees housed by the charity were released from hospital.",
    ] {
        let events = releases(text);
        assert!(events.is_empty(), "{text}: {events:?}");
    }
}
