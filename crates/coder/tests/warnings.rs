//! Warnings coded from the subject of the warned clause (issue 11): the speaker's own side
//! acting is a threat ("warned that his government would crack down": THREATEN); another
//! actor's plan or decision doing harm is criticism of it ("warned that the new tax would hurt
//! small firms": ACCUSE); any other clause foretells a danger and is no event ("the UN warned
//! that millions could starve", "warned that prices would rise").

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 2, 10))
}

/// Each warning with the category it codes.
const CODED: &[(&str, C)] = &[
    // The speaker, or the speaker's own side by a possessive.
    (
        "The Nigerian president warned that his government would crack down on the protesters.",
        C::Threaten,
    ),
    (
        "The Israeli prime minister warned that our forces would respond.",
        C::Threaten,
    ),
    (
        "The Pakistani army warned that its troops would enter the tribal areas.",
        C::Threaten,
    ),
    ("Iran warned it would act if the talks failed.", C::Threaten),
    // Another actor's measure with a predicate of harm.
    (
        "Britain's employers warned that the new tax would hurt small firms.",
        C::Accuse,
    ),
    (
        "The German opposition warned that the plan would be a disaster.",
        C::Accuse,
    ),
    (
        "French farmers warned that the reform would destroy rural jobs.",
        C::Accuse,
    ),
    (
        "The Dutch opposition warned that the deletion of the files could harm the inquiry.",
        C::Accuse,
    ),
    // The speaker's own act in a clause coordinated with the first.
    (
        "The EU did warn the two were under close scrutiny and it would act if their deficits grew.",
        C::Threaten,
    ),
    // The measure as the agent of a passive.
    (
        "The Italian employers warned that many small firms could be crippled by the move.",
        C::Accuse,
    ),
];

/// Warnings of a danger that no one in the report threatens or is blamed for.
const NO_EVENT: &[&str] = &[
    "The UN warned that millions of Somalis could starve.",
    "The World Bank warned that prices would rise.",
    "Italian doctors warned that the virus could spread quickly.",
    // A measure that is not said to do harm is no criticism.
    "The Spanish minister warned that the new law would take effect in May.",
    // Another side's forces, not the speaker's own.
    "The Kenyan government warned that rebel forces would attack the capital.",
];

#[test]
fn warnings_are_coded_from_the_clause_subject() {
    common::assert_each_coded(
        CODED,
        |c| c.0,
        code,
        |e, c| e.event == c.1,
        |c| format!("{:?}", c.1),
    );
}

#[test]
fn warnings_of_danger_are_no_threat_and_no_criticism() {
    let cases: Vec<(&str, C)> = NO_EVENT
        .iter()
        .flat_map(|s| [(*s, C::Threaten), (*s, C::Accuse)])
        .collect();
    common::assert_none_coded(&cases, code);
}

#[test]
fn the_speakers_own_act_is_no_criticism() {
    common::assert_none_coded(
        &[
            (
                "The Nigerian president warned that his government would crack down on the protesters.",
                C::Accuse,
            ),
            ("Iran warned it would act if the talks failed.", C::Accuse),
        ],
        code,
    );
}

/// A warning of a danger ("warned of rising obesity"), a report set after what it reports
/// ("..., officials have warned") and a profit warning are no threat; warning someone, a warning
/// of consequences and a warning to a country are.
#[test]
fn warnings_of_a_danger_or_after_the_report_are_no_threat() {
    common::assert_none_coded(
        &[
            (
                "The Conservatives warned of rising obesity levels among Scottish children.",
                C::Threaten,
            ),
            (
                "Sri Lanka's banks face hard times following the tsunami, officials have warned.",
                C::Threaten,
            ),
            (
                "Lives could be put at risk if refugees were turned away, the Dutch minister warned.",
                C::Threaten,
            ),
            (
                "The German carmaker issued a profit warning on Tuesday.",
                C::Threaten,
            ),
        ],
        code,
    );
    let threats = [
        "The American president warned Iran on Monday.",
        "The Russian foreign minister warned of serious consequences for Georgia.",
        "China issued a stern warning to Taiwan.",
    ];
    for text in threats {
        let events = code(text);
        assert!(
            events.iter().any(|e| e.event == C::Threaten),
            "{text}: {:?}",
            events.iter().map(|e| e.event).collect::<Vec<_>>()
        );
    }
}
