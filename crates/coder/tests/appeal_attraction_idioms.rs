//! Words that look like legal or punitive acts but are not: an appeal broadened or widened is
//! attraction ("broaden his appeal beyond this one issue"), a court named for appeals is no
//! appeal ("the Court of Appeal"), and "kicked staff in the teeth" is an idiom of criticism,
//! not an expulsion. The rows are in data/coder/triggers.tsv (`gov:` and `pp.in:tooth`).

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

#[test]
fn broadened_appeals_courts_and_kicks_in_the_teeth_code_nothing() {
    common::assert_none_coded(
        &[
            (
                "Charles Kennedy could win many seats if he can widen his appeal among young voters.",
                C::Reject,
            ),
            (
                "Tony Blair could win many seats if he can broaden his appeal beyond the war.",
                C::Reject,
            ),
            (
                "French judges at the Court of Appeal in Paris heard the case on Monday.",
                C::Reject,
            ),
            (
                "The Spanish government said the appeal court in Madrid would rule next week.",
                C::Reject,
            ),
            (
                "German ministers kicked the officials in the teeth when they scrapped the scheme.",
                C::Sanction,
            ),
            (
                "The British foreign secretary kicked the diplomats in the teeth on Monday.",
                C::Sanction,
            ),
        ],
        code,
    );
}

/// The legal appeal and the expulsion themselves still code.
#[test]
fn legal_appeals_and_expulsions_still_code() {
    let cases: &[(&str, C, &str, &str)] = &[
        (
            "The Welsh Assembly lost its appeal over the planning ruling.",
            C::Reject,
            "GBR",
            "",
        ),
        (
            "The Dutch justice ministry said it will appeal to the Court of Appeal.",
            C::Reject,
            "NLD",
            "",
        ),
        (
            "The Foreign Office kicked out two Russian diplomats on Monday.",
            C::Sanction,
            "GBR",
            "RUS",
        ),
    ];
    common::assert_rows_coded(cases, code);
}

/// A speaker named after the quotation ("said Tory leader Michael Howard") is no recipient of
/// its own words: no recipient of any event shares words with its actor.
#[test]
fn the_actor_is_never_its_own_recipient() {
    for text in [
        "\"The prince should say sorry for the photographs,\" said Tory leader Michael Howard.",
        "\"We are delighted that the bank has chosen Paris for its new office,\" said French finance minister Thierry Breton.",
    ] {
        let events = code(text);
        assert!(!events.is_empty(), "{text}: no event");
        for e in &events {
            for r in &e.recipients {
                let own = e
                    .actors
                    .iter()
                    .any(|a| a.span[0] < r.span[1] && r.span[0] < a.span[1]);
                assert!(!own, "{text}: {} is its own recipient", r.text);
            }
        }
    }
}
