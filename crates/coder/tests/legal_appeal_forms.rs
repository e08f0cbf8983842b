//! Legal appeals (issues 11/12): appealing a ruling rejects it (REJECT), in every form news
//! uses: "appealed against X", "will appeal the decision", "appealed to the Court of Appeal",
//! the bare verb ("said it would appeal"), and the noun that is raised, lodged, filed, lost or
//! won. An appeal for something or to someone to act stays a request, and the appeal of a
//! product to its buyers or a charity's fund-raising appeal is no event.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// (sentence, category, actor country, recipient country or "" for any)
const CODED: &[(&str, C, &str, &str)] = &[
    // The bare verb is the legal appeal.
    (
        "The Home Office said it would appeal.",
        C::Reject,
        "GBR",
        "",
    ),
    (
        "The Dutch justice ministry said it will appeal.",
        C::Reject,
        "NLD",
        "",
    ),
    // Appealing against anything, or a decision as the object.
    (
        "The French government will appeal against the court's decision to free the suspects.",
        C::Reject,
        "FRA",
        "",
    ),
    (
        "The Kenyan government is appealing against claims that it rigged the vote.",
        C::Reject,
        "KEN",
        "",
    ),
    (
        "The Russian government appealed the verdict on Monday.",
        C::Reject,
        "RUS",
        "",
    ),
    // Appealing to a court.
    (
        "The Italian government appealed to the European Court of Justice.",
        C::Reject,
        "ITA",
        "",
    ),
    // The noun with its light verbs.
    (
        "British ministers have lodged an appeal with the House of Lords.",
        C::Reject,
        "GBR",
        "",
    ),
    (
        "The Welsh Assembly lost its appeal over the planning ruling.",
        C::Reject,
        "GBR",
        "",
    ),
    (
        "Irish ministers raised an appeal arguing that the fine was too high.",
        C::Reject,
        "IRL",
        "",
    ),
    // Appeals for something and to someone to act are still requests.
    (
        "The United Nations appealed for calm in Kosovo.",
        C::Request,
        "UN",
        "",
    ),
    (
        "Tony Blair appealed to Labour MPs to back the bill.",
        C::Request,
        "GBR",
        "GBR",
    ),
    (
        "The German chancellor made an appeal for unity at the party conference.",
        C::Request,
        "DEU",
        "",
    ),
];

#[test]
fn legal_appeals_are_rejections() {
    common::assert_rows_coded(CODED, code);
}

#[test]
fn pleas_attraction_and_fund_raising_are_no_legal_appeals() {
    common::assert_none_coded(
        &[
            // A plea is no rejection.
            ("The United Nations appealed for calm in Kosovo.", C::Reject),
            (
                "Tony Blair appealed to Labour MPs to back the bill.",
                C::Reject,
            ),
            (
                "The German chancellor made an appeal for unity at the party conference.",
                C::Reject,
            ),
            // A product or a policy that appeals to people attracts them.
            (
                "The chancellor's budget will appeal to voters in marginal seats.",
                C::Reject,
            ),
            (
                "The chancellor's budget will appeal to voters in marginal seats.",
                C::Request,
            ),
            (
                "Labour hopes its pension plans will appeal right across the political spectrum.",
                C::Reject,
            ),
            // The appeal of something, and a fund-raising appeal.
            (
                "The prime minister said the appeal of the euro had faded in Britain.",
                C::Request,
            ),
            (
                "The Scottish first minister praised the tsunami appeal of the British charities.",
                C::Request,
            ),
        ],
        code,
    );
}
