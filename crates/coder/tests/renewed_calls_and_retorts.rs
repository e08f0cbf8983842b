//! Issue 11's recall on British political news: a call or demand made again through the verb
//! that renews it ("renewed their calls for an inquiry", "repeated his call for a pause",
//! "reiterated its demand for talks": REQUEST, where the parser often hangs the for-phrase on
//! the verb) and hitting back at a rival, their party or their plans (ACCUSE; hitting back at
//! claims stays REJECT), and dismissing anything "as" something (REJECT: "dismissed the research
//! as propaganda"). Negatives: a renewed licence, a repeated test, a team hitting back at a
//! ground or late in a match, a sacking ("was dismissed as manager").

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// (sentence, category, actor country, recipient country or "" for any)
const CODED: &[(&str, C, &str, &str)] = &[
    (
        "The Liberal Democrats renewed their calls for a public inquiry into the deaths.",
        C::Request,
        "GBR",
        "",
    ),
    (
        "The French government repeated its call for a pause in the negotiations.",
        C::Request,
        "FRA",
        "",
    ),
    (
        "The German chancellor reiterated his demand for a seat on the Security Council.",
        C::Request,
        "DEU",
        "",
    ),
    (
        "The Spanish opposition renewed its appeal for an early election.",
        C::Request,
        "ESP",
        "",
    ),
    (
        "The Conservatives hit back at the chancellor over the figures.",
        C::Accuse,
        "GBR",
        "",
    ),
    (
        "The Liberal Democrats hit back at the prime minister on Tuesday.",
        C::Accuse,
        "GBR",
        "",
    ),
    (
        "The French government hit back at the Commission's proposals.",
        C::Accuse,
        "FRA",
        "",
    ),
    // Dismissing anything as something rejects it.
    (
        "The Spanish government dismissed the research as propaganda.",
        C::Reject,
        "ESP",
        "",
    ),
    (
        "The Liberal Democrats dismissed the Conservatives as a fading force.",
        C::Reject,
        "GBR",
        "GBR",
    ),
    (
        "The German chancellor dismissed the poll as meaningless.",
        C::Reject,
        "DEU",
        "",
    ),
    // (Hitting back at claims still rejects them: refusals_protests.rs asserts it.)
];

#[test]
fn renewed_calls_and_retorts_are_coded() {
    common::assert_rows_coded(CODED, code);
}

#[test]
fn renewed_licences_repeated_tests_sport_and_sackings_are_none() {
    common::assert_none_coded(
        &[
            (
                "The French government renewed the licence for another ten years.",
                C::Request,
            ),
            (
                "The Spanish ministry repeated the test on the samples.",
                C::Request,
            ),
            (
                "The German team hit back at Twickenham to win the match.",
                C::Accuse,
            ),
            (
                "The Italian striker hit back at the end of the first half.",
                C::Accuse,
            ),
            // A sacking names a role after "as".
            (
                "The German coach was dismissed as manager on Monday.",
                C::Reject,
            ),
            (
                "The Italian club dismissed its coach as manager after the defeat.",
                C::Reject,
            ),
        ],
        code,
    );
}
