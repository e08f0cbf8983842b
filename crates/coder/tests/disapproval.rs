//! Disapproval, legal challenges, rejections and demands in words, written as wire-news
//! sentences: "attacked the government's plans", "questioned how", "challenged the ruling in
//! court", "dismissed the complaint", "denied the reports", "threw out the bill", "challenged
//! him to explain". The negative cases are the same verbs in physical or unrelated senses.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 2, 10))
}

struct Coded {
    text: &'static str,
    event: C,
    mode: Option<&'static str>,
    cameo: &'static str,
    actor: &'static str,
    /// The recipient's country, where the sentence names it.
    recipient: Option<&'static str>,
}

const CODED: &[Coded] = &[
    Coded {
        text: "The French government on Tuesday attacked German plans to cut farm subsidies.",
        event: C::Accuse,
        mode: Some("disapprove"),
        cameo: "111",
        actor: "FRA",
        recipient: Some("DEU"),
    },
    Coded {
        text: "Russia's foreign minister attacked the decision to deploy American missiles in Poland.",
        event: C::Accuse,
        mode: Some("disapprove"),
        cameo: "111",
        actor: "RUS",
        recipient: None,
    },
    Coded {
        text: "The Spanish prime minister launched an attack on the government's spending plans on Monday.",
        event: C::Accuse,
        mode: Some("disapprove"),
        cameo: "111",
        actor: "ESP",
        recipient: None,
    },
    Coded {
        text: "The Indian government questioned the wisdom of the Pakistani decision to test the missile.",
        event: C::Accuse,
        mode: Some("disapprove"),
        cameo: "111",
        actor: "IND",
        recipient: None,
    },
    Coded {
        text: "Germany's finance minister questioned how the Greek government could afford the plan.",
        event: C::Accuse,
        mode: Some("disapprove"),
        cameo: "111",
        actor: "DEU",
        recipient: None,
    },
    Coded {
        text: "The Danish government is challenging the commission's decision in the European Court.",
        event: C::Accuse,
        mode: Some("allege"),
        cameo: "115",
        actor: "DNK",
        recipient: None,
    },
    Coded {
        text: "An EU spokesman in Washington dismissed the American complaint on Thursday.",
        event: C::Reject,
        mode: None,
        cameo: "120",
        actor: "EU",
        recipient: None,
    },
    Coded {
        text: "The Chinese foreign ministry denied the reports of troop movements near the border.",
        event: C::Reject,
        mode: None,
        cameo: "120",
        actor: "CHN",
        recipient: None,
    },
    Coded {
        text: "The Italian parliament threw out a bill that would have extended the state of emergency.",
        event: C::Reject,
        mode: None,
        cameo: "120",
        actor: "ITA",
        recipient: None,
    },
    Coded {
        text: "Pakistan's opposition leader challenged President Musharraf to resign.",
        event: C::Request,
        mode: None,
        cameo: "100",
        actor: "PAK",
        recipient: None,
    },
];

fn matches(event: &Event, case: &Coded) -> bool {
    let has = |actors: &[attache_event::Actor], code: &str| {
        actors.iter().any(|a| a.country.as_deref() == Some(code))
    };
    event.event == case.event
        && event.mode.as_deref() == case.mode
        && event.cameo.as_deref() == Some(case.cameo)
        && has(&event.actors, case.actor)
        && case.recipient.is_none_or(|r| has(&event.recipients, r))
}

#[test]
fn disapproval_rejection_and_demand_in_words_are_coded() {
    common::assert_each_coded(
        CODED,
        |case| case.text,
        code,
        matches,
        |case| {
            format!(
                "{:?} {:?} {} by {} -> {:?}",
                case.event, case.mode, case.cameo, case.actor, case.recipient
            )
        },
    );
}

/// The same verbs where they report a physical attack, police work, a plea or nothing political.
const NOT_CODED: &[(&str, C)] = &[
    (
        "Afghan rebels attacked army positions near the Pakistani border on Monday.",
        C::Accuse,
    ),
    (
        "Iraqi gunmen attacked a police convoy in Baghdad, killing three officers.",
        C::Accuse,
    ),
    (
        "French police questioned the suspect for six hours.",
        C::Accuse,
    ),
    (
        "The British defendant denied the charge of murder at the Old Bailey.",
        C::Reject,
    ),
    (
        "The Kenyan striker challenged the goalkeeper in the second half.",
        C::Accuse,
    ),
];

#[test]
fn the_same_words_in_other_senses_code_no_disapproval() {
    common::assert_none_coded(NOT_CODED, code);
}

#[test]
fn a_physical_attack_stays_an_assault() {
    let events = code("Iraqi insurgents attacked a US military base near Mosul on Tuesday.");
    assert!(
        events.iter().any(|e| e.event == C::Assault),
        "{:?}",
        events.iter().map(|e| e.event).collect::<Vec<_>>()
    );
}

/// Attacks in words "as" or "over" something, and denials the parse reads as an object and an
/// oblique ("denied the concessions were a manoeuvre"); an armed attack over a weekend stays
/// an assault.
#[test]
fn attacked_as_or_over_and_denied_clauses() {
    let cases = [
        (
            "The French government attacked the package as a bad piece of legislation.",
            C::Accuse,
            "FRA",
        ),
        (
            "German ministers attacked the plan as unworkable and not properly costed.",
            C::Accuse,
            "DEU",
        ),
        (
            "Tory leader Michael Howard attacked the government over its handling of the war.",
            C::Accuse,
            "GBR",
        ),
        (
            "The French government denied the concessions were a political manoeuvre.",
            C::Reject,
            "FRA",
        ),
        (
            "A Labour spokesman denied the campaign was anti-Semitic.",
            C::Reject,
            "GBR",
        ),
    ];
    let mut failed = Vec::new();
    for (text, category, country) in cases {
        let events = code(text);
        let ok = events.iter().any(|e| {
            e.event == category
                && e.actors
                    .iter()
                    .any(|a| a.country.as_deref() == Some(country))
        });
        if !ok {
            let got: Vec<C> = events.iter().map(|e| e.event).collect();
            failed.push(format!("{text}: {got:?}"));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
    let events = code("Syrian rebels attacked the town over the weekend.");
    assert!(
        events.iter().all(|e| e.event != C::Accuse),
        "{:?}",
        events.iter().map(|e| e.event).collect::<Vec<_>>()
    );
}

/// Attacks in words on a politician by title, a government, a party or the way something was
/// done are criticism, not assaults; an argument with ministers and "gunning for" someone are
/// no fight. Armed attacks on forces, positions and convoys stay assaults.
#[test]
fn verbal_attacks_on_politicians_and_governments() {
    common::assert_rows_coded(
        &[
            (
                "Liberal Democrat leader Charles Kennedy attacked Mr Brown for failing to mention the environment.",
                C::Accuse,
                "GBR",
                "",
            ),
            (
                "The French Socialists attacked the government over its handling of the strikes.",
                C::Accuse,
                "FRA",
                "",
            ),
            (
                "The Irish prime minister attacked the way the talks had been handled.",
                C::Accuse,
                "IRL",
                "",
            ),
            (
                "The Conservatives will attack Labour for wanting to raise taxes.",
                C::Accuse,
                "GBR",
                "",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[
            (
                "The Spanish judge has clashed with ministers about how inquiries are run.",
                C::Assault,
            ),
            (
                "The Tories will be gunning for the Labour campaign chief.",
                C::Assault,
            ),
        ],
        code,
    );
    for text in [
        "Colombian rebels attacked government forces near the border on Sunday.",
        "Taliban fighters attacked the minister's convoy in Kandahar.",
    ] {
        let events = code(text);
        assert!(
            events.iter().any(|e| e.event == C::Assault),
            "{text}: {:?}",
            events.iter().map(|e| e.event).collect::<Vec<_>>()
        );
    }
}

/// Querying a plan or why something is so is questioning it; police querying a suspect is not.
#[test]
fn querying_a_plan_or_why_is_criticism() {
    common::assert_rows_coded(
        &[
            (
                "The Danish prime minister queried why the commission had failed to act.",
                C::Accuse,
                "DNK",
                "",
            ),
            (
                "The French government queried the cost of the German scheme.",
                C::Accuse,
                "FRA",
                "",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[(
            "Spanish police queried the suspect about his movements.",
            C::Accuse,
        )],
        code,
    );
}

/// Comparing a person or a rival body to something derides them, as likening does; comparing
/// one's reforms or an economy to another's, a statistic "compared to last year" and a
/// comparison "with" another plan judge nothing.
#[test]
fn comparing_a_rival_to_something_derides_them() {
    common::assert_rows_coded(
        &[
            (
                "Labour's chairman compared Mr Howard to a second-hand car salesman.",
                C::Accuse,
                "GBR",
                "",
            ),
            (
                "The Conservative leader compared him to a concentration camp guard.",
                C::Accuse,
                "GBR",
                "",
            ),
            (
                "The Italian prime minister compared the judges to the Taliban.",
                C::Accuse,
                "ITA",
                "",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[
            ("German car sales rose 5% compared to last year.", C::Accuse),
            (
                "The prime minister compared the reforms to those introduced in Germany.",
                C::Accuse,
            ),
            (
                "Mr Blair compared Britain's economy to that of France and Germany.",
                C::Accuse,
            ),
            (
                "The German chancellor compared the French plan with the British one.",
                C::Accuse,
            ),
        ],
        code,
    );
}

/// Opposing a war or a crackdown disapproves of what was done (ACCUSE); opposing a plan or a
/// bill rejects it (REJECT).
#[test]
fn opposing_a_war_is_disapproval_opposing_a_plan_a_rejection() {
    common::assert_rows_coded(
        &[
            (
                "The French government opposed the war in Iraq from the start.",
                C::Accuse,
                "FRA",
                "",
            ),
            (
                "The German chancellor repeated his opposition to the invasion.",
                C::Accuse,
                "DEU",
                "",
            ),
            (
                "The Conservatives opposed the government's plans for identity cards.",
                C::Reject,
                "GBR",
                "",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[(
            "The French government opposed the war in Iraq from the start.",
            C::Reject,
        )],
        code,
    );
}
