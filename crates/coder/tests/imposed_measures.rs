//! Demands said as what a measure will have to undergo ("told crowds: \"this law will have to
//! be overturned\"", "said the ban will have to be lifted") and a measure asked for in a
//! clause coordinated with another reported one ("told reporters: \"We will keep fighting and there
//! must be a public inquiry\""). Negatives: a condition ("would have to be"), a past necessity ("had to be"), a
//! consequence for people or money ("will have to be used"), and a coordinated clause that
//! judges or forecasts.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// (sentence, category, actor country, recipient country or "" for any)
const CODED: &[(&str, C, &str, &str)] = &[
    (
        "The Conservatives said the smoking ban will have to be lifted.",
        C::Request,
        "GBR",
        "",
    ),
    (
        "Labour MP Kate Brennan told the rally: \"We will win this fight and this law will have to be repealed.\"",
        C::Request,
        "GBR",
        "",
    ),
    (
        "The Liberal Democrats said the new restrictions must have to be reviewed by Parliament.",
        C::Request,
        "GBR",
        "",
    ),
    (
        "Tory leader Michael Howard told reporters: \"We will keep fighting and there must be a public inquiry into the collapse.\"",
        C::Request,
        "GBR",
        "",
    ),
];

#[test]
fn measures_that_will_have_to_be_undone_are_demands() {
    common::assert_rows_coded(CODED, code);
}

/// A passive or existential demand by a British speaker outside the government, in a report
/// about Britain, is aimed at the British government.
const AIMED_AT_GOVERNMENT: &[(&str, C, &str, &str)] = &[
    (
        "British MPs on the home affairs committee say the sale of knives to teenagers should be banned in the UK.",
        C::Request,
        "GBR",
        "GBR",
    ),
    (
        "The British Medical Association said there should be a public inquiry into waiting times in the UK.",
        C::Request,
        "GBR",
        "GBR",
    ),
    (
        "Britain's Police Federation said the new powers must be reviewed in the UK.",
        C::Request,
        "GBR",
        "GBR",
    ),
];

/// Existential demands for guidelines and controls (words.tsv `demand_pivot`).
const GUIDELINES_AND_CONTROLS: &[(&str, C, &str, &str)] = &[
    (
        "The Liberal Democrats argue there should be clear guidelines on party donations.",
        C::Request,
        "GBR",
        "",
    ),
    (
        "The Conservatives said there must be tighter controls on immigration.",
        C::Request,
        "GBR",
        "",
    ),
    (
        "Labour MPs said there should be new guidelines for councils on housing benefit.",
        C::Request,
        "GBR",
        "",
    ),
];

#[test]
fn guidelines_and_controls_asked_to_exist_are_demands() {
    common::assert_rows_coded(GUIDELINES_AND_CONTROLS, code);
}

#[test]
fn no_guidelines_and_forecast_controls_are_no_demands() {
    common::assert_none_coded(
        &[
            (
                "The Conservatives said there should be no new guidelines on party donations.",
                C::Request,
            ),
            (
                "The Treasury said there would be controls on spending next year.",
                C::Request,
            ),
            (
                "The Conservatives said there were tighter controls on immigration in France.",
                C::Request,
            ),
        ],
        code,
    );
}

#[test]
fn demands_on_no_one_named_go_to_the_home_government() {
    common::assert_rows_coded(AIMED_AT_GOVERNMENT, code);
}

#[test]
fn conditions_past_needs_and_consequences_are_no_demands() {
    common::assert_none_coded(
        &[
            (
                "The Conservatives said the smoking ban would have to be lifted if the court ruled against it.",
                C::Request,
            ),
            (
                "The Treasury said the law had to be changed in 1998 after the court ruling.",
                C::Request,
            ),
            (
                "The council said some of the money will have to be used to fund redundancy payments.",
                C::Request,
            ),
            (
                "The Treasury said the economy had grown but much work was needed.",
                C::Request,
            ),
            (
                "The Bank of England said growth will be strong but it should not be enough to lift wages.",
                C::Request,
            ),
        ],
        code,
    );
}
