//! Praise in reported speech (issues 11/12): a phrase of `data/coder/evaluations.tsv` of the
//! kind `positive` in the clause a verb of saying reports, or in the label a verb of naming
//! gives, is SUPPORT of whom the clause names ("said the campaign had done a superb job", "said
//! the proposals were a step in the right direction"). As for criticism, the speaker's own side,
//! a negated clause and a clause that names no one are no praise.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// (sentence, category, actor country, recipient country or "" for any)
const CODED: &[(&str, C, &str, &str)] = &[
    // A job done well.
    (
        "Tory leader Michael Howard said the Countryside Alliance had done a superb job in the campaign.",
        C::Support,
        "GBR",
        "GBR",
    ),
    (
        "The Irish prime minister said the European Commission had done a very good job on the budget.",
        C::Support,
        "IRL",
        "EU",
    ),
    // A move the right way.
    (
        "The French foreign minister said the Iranian proposals were a step in the right direction.",
        C::Support,
        "FRA",
        "",
    ),
    (
        "The German finance minister said the European Commission was on the right track.",
        C::Support,
        "DEU",
        "EU",
    ),
    // The label a verb of naming gives.
    (
        "The Spanish foreign minister described the Moroccan offer as a step in the right direction.",
        C::Support,
        "ESP",
        "",
    ),
];

#[test]
fn praise_in_reported_speech_is_support() {
    common::assert_rows_coded(CODED, code);
}

#[test]
fn own_side_negated_and_unnamed_praise_is_no_support() {
    common::assert_none_coded(
        &[
            // The speaker's own side.
            (
                "The Labour chairman said: \"We have done a good job for the country.\"",
                C::Support,
            ),
            // A negated clause.
            (
                "The Tory leader said the Home Office was not on the right track.",
                C::Support,
            ),
            // A clause that names no one.
            (
                "The Tory leader said the new machine did a good job.",
                C::Support,
            ),
            // Good news and a boost are what figures get as well.
            (
                "The chancellor said the export figures were good news for Britain.",
                C::Support,
            ),
        ],
        code,
    );
}
