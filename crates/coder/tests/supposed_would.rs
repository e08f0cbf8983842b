//! "would" announces an act only where someone reports an intent ("Iran said it would expel
//! the inspectors": planned, and a cooperative act so announced is an AGREE). Under a
//! subordinator of condition or question ("providing", "provided", "as long as", "whether":
//! words.tsv `condition_mark`) or in the clause of a verb of belief, expectation or prediction
//! ("believed", "expected", "feared", "doubted", "hoped": words.tsv `believing`) it only
//! supposes or foresees the act: hypothetical, and no AGREE.

use attache_event::{Event, EventCategory as C, Modality};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 4, 12))
}

/// Asserts that `text` codes an event of `category` whose actor is of `actor`'s country, with
/// `modality`.
fn assert_coded(cases: &[(&str, C, &str, Modality)]) {
    common::assert_each_coded(
        cases,
        |c| c.0,
        code,
        |e, c| {
            e.event == c.1
                && e.modality == c.3
                && e.actors.first().and_then(|a| a.country.as_deref()) == Some(c.2)
        },
        |c| format!("{:?} by {} {:?}", c.1, c.2, c.3),
    );
}

#[test]
fn would_under_a_subordinator_of_condition_is_hypothetical() {
    assert_coded(&[
        (
            "Germany could resume the talks providing Russia would expel the Chechen envoys.",
            C::Sanction,
            "RUS",
            Modality::Hypothetical,
        ),
        (
            "Germany could resume the talks as long as Russia would expel the Chechen envoys.",
            C::Sanction,
            "RUS",
            Modality::Hypothetical,
        ),
        (
            "France could drop its veto provided Turkey would withdraw its troops from Cyprus.",
            C::Retreat,
            "TUR",
            Modality::Hypothetical,
        ),
        (
            "Washington could ease the sanctions provided that Syria would withdraw its troops from Lebanon.",
            C::Retreat,
            "SYR",
            Modality::Hypothetical,
        ),
    ]);
    // ... and is no announced concession.
    for text in [
        "France could drop its veto provided Turkey would withdraw its troops from Cyprus.",
        "Washington could ease the sanctions provided that Syria would withdraw its troops from Lebanon.",
    ] {
        let agree = code(text).into_iter().find(|e| e.event == C::Agree);
        assert!(agree.is_none(), "{text}: {agree:?}");
    }
}

#[test]
fn would_under_a_verb_of_belief_or_expectation_is_hypothetical() {
    assert_coded(&[
        (
            "Analysts believed Russia would expel the British diplomats.",
            C::Sanction,
            "RUS",
            Modality::Hypothetical,
        ),
        (
            "Officials feared Iran would expel the inspectors.",
            C::Sanction,
            "IRN",
            Modality::Hypothetical,
        ),
        (
            "European diplomats believe Turkey would withdraw its troops from Cyprus.",
            C::Retreat,
            "TUR",
            Modality::Hypothetical,
        ),
        (
            "Officials doubted Syria would withdraw its troops from Lebanon.",
            C::Retreat,
            "SYR",
            Modality::Hypothetical,
        ),
    ]);
    // A hope that another will sign is no agreement of theirs.
    let text = "The minister hoped Pakistan would sign the treaty with India.";
    let events = code(text);
    assert!(
        events.iter().all(|e| e.event != C::Agree)
            && events.iter().all(|e| e.modality == Modality::Hypothetical),
        "{text}: {events:?}"
    );
}

#[test]
fn would_of_reported_intent_stays_announced() {
    assert_coded(&[
        (
            "Iran said it would expel the inspectors.",
            C::Sanction,
            "IRN",
            Modality::Planned,
        ),
        (
            "Russia told the envoy it would expel the Chechen envoys.",
            C::Sanction,
            "RUS",
            Modality::Planned,
        ),
        (
            "Russia said it would expel ten British diplomats.",
            C::Sanction,
            "RUS",
            Modality::Planned,
        ),
        // An announced withdrawal is an intent to cooperate: AGREE, asserted.
        (
            "Syria announced it would withdraw its troops from Lebanon.",
            C::Agree,
            "SYR",
            Modality::Asserted,
        ),
        (
            "Turkey said it would withdraw its troops from Cyprus.",
            C::Agree,
            "TUR",
            Modality::Asserted,
        ),
    ]);
}

#[test]
fn a_condition_or_a_belief_elsewhere_in_the_sentence_leaves_would_announced() {
    assert_coded(&[
        // The belief is a relative clause's, not the report's.
        (
            "Russia, which believes the envoys are spies, said it would expel them.",
            C::Sanction,
            "RUS",
            Modality::Planned,
        ),
        (
            "Iran, which expected a deal, said it would expel the inspectors.",
            C::Sanction,
            "IRN",
            Modality::Planned,
        ),
        // The condition or question is on the saying, not on the clause of "would".
        (
            "If the talks fail, Russia said it would expel the British diplomats.",
            C::Sanction,
            "RUS",
            Modality::Planned,
        ),
        (
            "Whether or not the talks fail, Russia said it would expel the British diplomats.",
            C::Sanction,
            "RUS",
            Modality::Planned,
        ),
        // "providing" as a verb of its own, not a subordinator.
        (
            "Providing aid to the region, Iran said it would expel the inspectors.",
            C::Sanction,
            "IRN",
            Modality::Planned,
        ),
    ]);
}
