//! Two acts of one subject in one sentence ("criticised the plan and demanded an inquiry"):
//! each is an event of its own, also where the parse hangs the second verb on a noun of the
//! first clause ("welcomed the plan and called on ministers ..."). What a criticism or denial
//! reports stays no event of its own (negatives).

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(
        &format!("Ministers in London faced the British press. {text}"),
        NaiveDate::from_ymd_opt(2005, 3, 1),
    )
}

fn has(events: &[Event], category: C, country: &str) -> bool {
    events.iter().any(|e| {
        e.event == category
            && e.actors
                .iter()
                .any(|a| a.country.as_deref() == Some(country))
    })
}

#[test]
fn a_second_verb_of_the_same_subject_is_its_own_event() {
    let cases = [
        (
            "The TUC criticised the plan and demanded an inquiry.",
            [C::Accuse, C::Request],
        ),
        (
            "The TUC welcomed the plan and called on ministers to go further.",
            [C::Support, C::Request],
        ),
        (
            "The Conservatives condemned the decision and demanded a vote in the Commons.",
            [C::Accuse, C::Request],
        ),
    ];
    let mut failed = Vec::new();
    for (text, categories) in cases {
        let events = code(text);
        for c in categories {
            if !has(&events, c, "GBR") {
                failed.push(format!("{text}: no {c:?} in {:?}", cats(&events)));
            }
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

fn cats(events: &[Event]) -> Vec<C> {
    events.iter().map(|e| e.event).collect()
}

#[test]
fn what_a_criticism_reports_is_not_done() {
    // The conjunct belongs to what the accusation alleges, not to the accuser.
    let events = code(
        "Liam Fox accused Tony Blair and other Cabinet ministers of telling lies about their opponents' policies and then attacking the lies.",
    );
    assert!(
        !events.iter().any(|e| e.event == C::Assault),
        "{:?}",
        cats(&events)
    );
    // A denial's content is no act of the one who denies.
    let events = code("Iran denied that its forces had attacked the ship and seized the crew.");
    assert!(
        !events
            .iter()
            .any(|e| matches!(e.event, C::Assault | C::Coerce)),
        "{:?}",
        cats(&events)
    );
}
