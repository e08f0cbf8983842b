//! A threat or a promise and the act it governs are one event: "threatened to expel the
//! diplomats" is one THREATEN (the recoded "expel" is not a second one), aimed at whom the act
//! would hit, also when the act is a clause of the speaker's own ("warned that it would impose
//! sanctions on ..."): the speaker's "it" is no recipient. Sentences written for these tests.

use attache_event::{Event, EventCategory as C};

mod common;
use common::recipients;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, None)
}

fn only(events: &[Event], category: C) -> &Event {
    let of: Vec<&Event> = events.iter().filter(|e| e.event == category).collect();
    assert_eq!(of.len(), 1, "{category:?}: {events:#?}");
    of[0]
}

#[test]
fn a_threat_to_expel_is_one_threat() {
    let events = code("Hungary threatened to expel the Serbian diplomats.");
    let e = only(&events, C::Threaten);
    assert_eq!(recipients(e), [(Some("SRB"), Some("DIP"))]);
}

#[test]
fn the_speakers_own_it_is_no_target() {
    let events = code("Japan warned on Monday that it would impose sanctions on Venezuela.");
    let e = only(&events, C::Threaten);
    assert_eq!(e.actors[0].country.as_deref(), Some("JPN"));
    assert_eq!(recipients(e), [(Some("VEN"), None)]);
}

#[test]
fn a_promise_to_give_aid_is_one_commitment() {
    let events = code("Canada promised to provide aid to Haiti.");
    let e = only(&events, C::Agree);
    assert_eq!(recipients(e), [(Some("HTI"), None)]);
}

#[test]
fn the_one_warned_stays_the_target() {
    // Negative of the pronoun rule: "it" here is the one warned, not the speaker's act, and
    // the object names the target anyway.
    let events = code("Chile warned Peru that it would face consequences.");
    let e = only(&events, C::Threaten);
    assert_eq!(recipients(e), [(Some("PER"), None)]);
}
