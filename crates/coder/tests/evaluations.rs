//! Evaluative reported speech (data/coder/evaluations.tsv, trigger condition `cceval`): a
//! speaker says that another political actor or its policy is bad in a phrase that judges
//! conduct ("would prove a false economy", "is putting trade above human rights", "should have
//! acted sooner"). Criticism, ACCUSE disapprove 111. The negatives are neutral reports, the
//! speaker's judgement of its own side, negated judgements and phrases said of no one.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 8))
}

/// (sentence, actor country, recipient country where the sentence names one)
const CODED: &[(&str, &str, Option<&str>)] = &[
    (
        "The Conservatives said the council tax rise would prove a false economy.",
        "GBR",
        None,
    ),
    (
        "Amnesty International says the EU is putting trade above human rights in China.",
        "AMNESTY",
        Some("EU"),
    ),
    (
        "The Liberal Democrats said the government should have acted sooner on flooding.",
        "GBR",
        Some("GBR"),
    ),
    (
        "The Lib Dems said the Home Office's asylum policy was prejudice-based.",
        "GBR",
        None,
    ),
    (
        "Tony Blair told party members the Tories offered a hard right agenda.",
        "GBR",
        None,
    ),
    (
        "The Tories warned that the government's pension plan would cost thousands of jobs.",
        "GBR",
        Some("GBR"),
    ),
    (
        "The French foreign minister claimed Washington had turned a blind eye to the abuses in its prisons.",
        "FRA",
        Some("USA"),
    ),
    (
        "The Scottish Conservatives said the Scottish Executive had dragged its feet over the new hospital.",
        "GBR",
        None,
    ),
    // the parser makes "system" the object of "says" and "is giving" its modifier
    (
        "A British barrister says the current system is giving Britain a bad name.",
        "GBR",
        None,
    ),
    // a verb of naming whose label is a phrase of evaluations.tsv or a disapproving word
    (
        "The Scottish Conservatives branded the Scottish Executive's ferry plan as fantasy economics.",
        "GBR",
        None,
    ),
    (
        "Labour announced new limits on casinos, in a move branded a humiliating climbdown by the Conservatives.",
        "GBR",
        None,
    ),
    (
        "The Tories have described the way the Home Office handled the visa as \"scandalous\".",
        "GBR",
        None,
    ),
];

#[test]
fn a_political_speaker_judging_another_in_an_evaluative_phrase_is_criticism() {
    common::assert_each_coded(
        CODED,
        |case| case.0,
        code,
        |e, case| {
            let has = |actors: &[attache_event::Actor], code: &str| {
                actors.iter().any(|a| a.country.as_deref() == Some(code))
            };
            e.event == C::Accuse
                && e.mode.as_deref() == Some("disapprove")
                && has(&e.actors, case.1)
                && case.2.is_none_or(|r| has(&e.recipients, r))
        },
        |case| format!("ACCUSE by {} -> {:?}", case.1, case.2),
    );
}

const NOT_CODED: &[(&str, C)] = &[
    // a neutral report of what a plan costs
    (
        "Labour said the plan would cost 5bn over three years.",
        C::Accuse,
    ),
    // the speaker's own side
    (
        "The Labour chairman said we had let voters down on tuition fees.",
        C::Accuse,
    ),
    // a negated judgement
    (
        "The Treasury said the Tory spending plan was not a false economy.",
        C::Accuse,
    ),
    // judged things that are no actor or policy: the weather, a match
    (
        "The forecaster said the wet weather had been a waste of time for walkers.",
        C::Accuse,
    ),
    (
        "The Arsenal manager said his players should have scored sooner.",
        C::Accuse,
    ),
    // business: a phrase of time or measure in a neutral report
    (
        "The company said profits had risen above expectations in the first quarter.",
        C::Accuse,
    ),
    // a verb of naming whose label judges nothing
    (
        "The company branded its new phones as premium products for business users.",
        C::Accuse,
    ),
    (
        "The Tories described the plan as a step forward for pensioners.",
        C::Accuse,
    ),
];

#[test]
fn neutral_reports_own_side_and_negated_judgements_are_no_criticism() {
    common::assert_none_coded(NOT_CODED, code);
}

#[test]
fn criticism_told_to_listeners_is_not_aimed_at_them() {
    let cases = [
        // a "that" clause the parser reads as a relative clause on the listener
        "The French president told German reporters that Washington had turned a blind eye to the abuses.",
        "The French president told German reporters the American plan was a waste of money.",
    ];
    for text in cases {
        let events = code(text);
        let accuse = events.iter().find(|e| e.event == C::Accuse);
        let Some(e) = accuse else {
            panic!(
                "{text}: no ACCUSE in {:?}",
                events.iter().map(|e| e.event).collect::<Vec<_>>()
            );
        };
        assert!(
            e.actors.iter().any(|a| a.country.as_deref() == Some("FRA"))
                && e.recipients
                    .iter()
                    .all(|r| r.country.as_deref() != Some("DEU")),
            "{text}: {:?} -> {:?}",
            e.actors,
            e.recipients
        );
    }
    // told the one it judges: still its recipient, through the clause's subject
    let events = code("The French president told the Americans they were wrong.");
    assert!(
        events.iter().any(|e| e.event == C::Accuse
            && e.recipients
                .iter()
                .any(|r| r.country.as_deref() == Some("USA"))),
        "{events:?}"
    );
}
