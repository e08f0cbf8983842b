//! Criticism and dissent whose speaker the coder used to lose: a person named with the body
//! they speak for ("Brendan Barber of the TUC criticised"), a speech, poster or statement that
//! criticises or accuses on its author's behalf ("unveiled a poster accusing the government"),
//! a resignation in protest, and an act someone leads ("led opposition to the bill"). Negatives:
//! a name given with a place, a resignation without protest, leading a delegation or a game,
//! predictions, police questioning, sport, "protest" as a topic.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 8))
}

struct Coded {
    text: &'static str,
    event: C,
    /// The actor's country and sector.
    actor: (&'static str, &'static str),
}

const CODED: &[Coded] = &[
    // A name with the body it speaks for.
    Coded {
        text: "Brendan Barber of the TUC criticised the pension plans.",
        event: C::Accuse,
        actor: ("GBR", "LAB"),
    },
    Coded {
        text: "Nick Robinson of the BBC questioned whether the plan would work.",
        event: C::Accuse,
        actor: ("GBR", "MED"),
    },
    Coded {
        text: "Kate Allen of Amnesty International condemned the executions in Iran.",
        event: C::Accuse,
        actor: ("AMNESTY", "NGO"),
    },
    // A document or speech acts for its author.
    Coded {
        text: "The Conservatives unveiled a poster accusing the government of lying.",
        event: C::Accuse,
        actor: ("GBR", "OPP"),
    },
    Coded {
        text: "The German foreign minister gave a speech criticising the Russian government.",
        event: C::Accuse,
        actor: ("DEU", "GOV"),
    },
    // Resigning in protest is dissent, not a concession.
    Coded {
        text: "A British judge has resigned in protest over the government's new asylum law.",
        event: C::Protest,
        actor: ("GBR", "JUD"),
    },
    Coded {
        text: "The Labour MP quit in protest at the government's decision.",
        event: C::Protest,
        actor: ("GBR", "LEG"),
    },
    Coded {
        text: "The Welsh health minister stepped down in protest at the cuts.",
        event: C::Protest,
        actor: ("GBR", "GOV"),
    },
    // Who leads an act does it: "led opposition to", "led protests", "led calls for".
    Coded {
        text: "The Tories led opposition to the identity cards bill in the Commons.",
        event: C::Reject,
        actor: ("GBR", "OPP"),
    },
    Coded {
        text: "The French Socialist Party led protests against the pension reform.",
        event: C::Protest,
        actor: ("FRA", "OPP"),
    },
    Coded {
        text: "Liberal Democrat MPs led calls for an independent inquiry.",
        event: C::Request,
        actor: ("GBR", "OPP"),
    },
];

fn matches(e: &Event, case: &Coded) -> bool {
    e.event == case.event
        && e.actors.iter().any(|a| {
            a.country.as_deref() == Some(case.actor.0) && a.sector.as_deref() == Some(case.actor.1)
        })
}

#[test]
fn dissent_is_coded_with_its_speaker() {
    common::assert_each_coded(
        CODED,
        |case| case.text,
        code,
        matches,
        |case| format!("{:?} by {:?}", case.event, case.actor),
    );
}

const NOT_CODED: &[(&str, C)] = &[
    // A place is no body a person speaks for.
    ("John Smith of Leeds criticised the plan.", C::Accuse),
    // A resignation without protest is no protest.
    (
        "A British judge has resigned after ten years on the bench.",
        C::Protest,
    ),
    (
        "The Welsh health minister stepped down after six years.",
        C::Protest,
    ),
    // Leading what is no event, or a game.
    (
        "The Labour MP led the delegation to Washington.",
        C::Consult,
    ),
    (
        "The England striker led the attack in the second half.",
        C::Assault,
    ),
    // Predictions, police questioning, sport and a topic are no criticism or protest.
    ("Earnings may fall this year, the report said.", C::Accuse),
    (
        "French police questioned the suspect for six hours.",
        C::Accuse,
    ),
    ("Rooney slammed the ball into the net.", C::Accuse),
    (
        "The protest was the main topic of the meeting in London.",
        C::Protest,
    ),
];

#[test]
fn other_readings_code_no_dissent() {
    common::assert_none_coded(NOT_CODED, code);
}

#[test]
fn a_resignation_in_protest_is_not_a_concession() {
    let events =
        code("A British judge has resigned in protest over the government's new asylum law.");
    assert!(
        events.iter().all(|e| e.event != C::Concede),
        "{:?}",
        events.iter().map(|e| e.event).collect::<Vec<_>>()
    );
}
