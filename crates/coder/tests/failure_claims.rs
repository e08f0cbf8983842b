//! A claim that a government, a party or a firm failed, ignored or neglected what it should
//! do accuses it (issues 11/12): "said the government had failed to remove failed asylum
//! seekers", "said the company had ignored the consultation period". The clause's subject must
//! be such a body: talks, figures or the speaker's own "we" that failed are no accusation, nor
//! is a negated failure.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// (sentence, category, actor country, recipient country or "" for any)
const CODED: &[(&str, C, &str, &str)] = &[
    (
        "The Tory leader said the government had failed to cut crime in the inner cities.",
        C::Accuse,
        "GBR",
        "GBR",
    ),
    (
        "The French opposition leader claimed the government had ignored the warnings of its own experts.",
        C::Accuse,
        "FRA",
        "FRA",
    ),
    (
        "The Scottish Liberal Democrats argued that the Scottish Executive had neglected rural schools.",
        C::Accuse,
        "GBR",
        "GBR",
    ),
    (
        "The Italian prime minister said the European Commission had failed to protect Italian farmers.",
        C::Accuse,
        "ITA",
        "EU",
    ),
];

#[test]
fn claims_of_failure_accuse_the_body() {
    common::assert_rows_coded(CODED, code);
}

#[test]
fn failed_talks_figures_and_own_failures_accuse_no_one() {
    common::assert_none_coded(
        &[
            // What failed is no body.
            (
                "The chancellor said the talks had failed to find a solution.",
                C::Accuse,
            ),
            (
                "The Bank of England said price rises had failed to keep up with costs.",
                C::Accuse,
            ),
            // The speaker's own side.
            (
                "The German finance minister said: \"We have failed to meet the target.\"",
                C::Accuse,
            ),
            // A negated failure.
            (
                "The Irish prime minister said the government had not ignored the farmers.",
                C::Accuse,
            ),
        ],
        code,
    );
}
