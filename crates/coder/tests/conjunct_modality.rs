//! A finite verb coordinated after a verb with an auxiliary is a clause of its own: the
//! "would not", "can" or "will" of the first verb does not reach it ("would not comment but
//! denied", "can block the merger, but the government criticised"). A conjunct of the first
//! verb's own form still shares them ("will not condemn or criticise", "has not accused or
//! criticised"), and so does one after a finite verb ("never praised or defended").

use attache_event::{Event, EventCategory as C, Modality};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2011, 6, 2))
}

/// The modality of the event of this category whose trigger is this word.
fn modality(text: &str, category: C, trigger: &str) -> Option<Modality> {
    code(text)
        .into_iter()
        .find(|e| e.event == category && e.trigger.text == trigger)
        .map(|e| e.modality)
}

const CASES: &[(&str, C, &str, Modality)] = &[
    (
        "The Israeli army would not comment on the raid but denied the accusations of the Palestinian Authority.",
        C::Reject,
        "denied",
        Modality::Asserted,
    ),
    (
        "The French finance ministry can block the merger, but the German government criticised the plan on Tuesday.",
        C::Accuse,
        "criticised",
        Modality::Asserted,
    ),
    (
        "Chancellor Gerhard Schroeder would not attend the summit and accused Russia of stalling the talks.",
        C::Accuse,
        "accused",
        Modality::Asserted,
    ),
    // Controls: conjuncts of the same form, or after a finite verb, share the negation.
    (
        "The Russian government will not condemn or criticise the attack on the embassy.",
        C::Accuse,
        "condemn",
        Modality::Negated,
    ),
    (
        "The Chinese foreign ministry has not accused or criticised Japan over the visit.",
        C::Accuse,
        "accused",
        Modality::Negated,
    ),
    (
        "The German government never praised or defended the French plan.",
        C::Support,
        "praised",
        Modality::Negated,
    ),
];

#[test]
fn finite_conjuncts_keep_their_own_modality() {
    for (text, category, trigger, want) in CASES {
        assert_eq!(
            modality(text, *category, trigger),
            Some(*want),
            "{text}: {category:?} on {trigger:?}"
        );
    }
}
