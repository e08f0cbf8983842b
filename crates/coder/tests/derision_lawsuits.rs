//! Criticism by derision and lawsuits by their light-verb nouns, as wire news writes them:
//! "mocked the figures", "ridiculed the plan", "rubbished the report", "derided the scheme",
//! "poured scorn on", "took a swipe at", "blasted the decision"; "took legal action against",
//! "launched court action". The negatives are the same words in sport, commerce and the
//! classroom: a ball blasted into the net, a mock exam, a swipe card, military action.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 10))
}

#[test]
fn derision_is_criticism() {
    common::assert_rows_coded(
        &[
            (
                "The Conservatives mocked the chancellor's growth figures on Wednesday.",
                C::Accuse,
                "GBR",
                "",
            ),
            (
                "The French prime minister ridiculed the German plans for a tax on fuel.",
                C::Accuse,
                "FRA",
                "",
            ),
            (
                "The Liberal Democrats rubbished the report as a whitewash.",
                C::Accuse,
                "GBR",
                "",
            ),
            (
                "Russia's foreign minister derided the American proposal as naive.",
                C::Accuse,
                "RUS",
                "",
            ),
            (
                "The Irish government poured scorn on the British plan for the border.",
                C::Accuse,
                "IRL",
                "",
            ),
            (
                "The Scottish National Party took a swipe at the government over fishing quotas.",
                C::Accuse,
                "GBR",
                "",
            ),
            (
                "The German chancellor blasted the commission's decision to fine Berlin.",
                C::Accuse,
                "DEU",
                "",
            ),
        ],
        code,
    );
}

#[test]
fn legal_action_is_a_lawsuit() {
    common::assert_rows_coded(
        &[
            (
                "The Countryside Alliance launched legal action against the hunting ban.",
                C::Accuse,
                "GBR",
                "",
            ),
            (
                "The Indian government took legal action against the Pakistani shipping firm.",
                C::Accuse,
                "IND",
                "",
            ),
            (
                "The Conservatives began court action against the Labour council on Monday.",
                C::Accuse,
                "GBR",
                "",
            ),
        ],
        code,
    );
}

#[test]
fn the_same_words_in_sport_trade_and_school_are_no_criticism() {
    common::assert_none_coded(
        &[
            (
                "The Chelsea striker blasted the ball into the net.",
                C::Accuse,
            ),
            (
                "Spanish pupils sat a mock exam in the main hall.",
                C::Accuse,
            ),
            (
                "Civil servants at the Home Office swipe their cards at the gate.",
                C::Accuse,
            ),
            (
                "The Pakistani army took action against militants near the border.",
                C::Accuse,
            ),
            (
                "The Brazilian government blasted a tunnel through the mountain.",
                C::Accuse,
            ),
        ],
        code,
    );
}

#[test]
fn smears_and_belittling_are_criticism() {
    common::assert_rows_coded(
        &[
            (
                "The Italian prime minister accused the opposition of smearing his government.",
                C::Accuse,
                "ITA",
                "",
            ),
            (
                "The Dutch government has vilified asylum seekers, the Greens said.",
                C::Accuse,
                "NLD",
                "",
            ),
            (
                "The Polish foreign minister belittled the Russian report.",
                C::Accuse,
                "POL",
                "",
            ),
            (
                "The Conservatives savaged the government's plans for identity cards.",
                C::Accuse,
                "GBR",
                "",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[
            ("The Greek talks are slated to start in March.", C::Accuse),
            (
                "A British tourist was savaged by a dog in the Spanish resort.",
                C::Accuse,
            ),
        ],
        code,
    );
}
