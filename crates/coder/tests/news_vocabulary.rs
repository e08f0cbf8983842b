//! Everyday news wording for events the trigger table knew only in a narrower frame: debt
//! relief as aid ("cancelled the debts of Zambia"), questioning an abstract property of a policy
//! ("questioned the effectiveness of the scheme"), raising questions or doubts about something,
//! playing down reports or claims (a denial), saying a measure is incompatible with a law or a
//! right (a condemnation, words.tsv `disapproving`), warning someone to do or not to do something
//! (a demand, also where the parser calls the infinitive a `ccomp`) and introducing restrictions
//! (imposing them).
//! Negatives: the same verbs with objects that make no event ("cancelled the meeting" is
//! another row, "played down the figures", "introduced a bill", "the move raised questions").

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// (sentence, category, actor country, recipient country or "" for any)
const CODED: &[(&str, C, &str, &str)] = &[
    // Debt relief.
    (
        "Germany has cancelled the debts of Zambia and Malawi.",
        C::Aid,
        "DEU",
        "ZMB",
    ),
    (
        "Japan wrote off the debts of Indonesia last year.",
        C::Aid,
        "JPN",
        "",
    ),
    (
        "France forgave the debt of Senegal in 2003.",
        C::Aid,
        "FRA",
        "SEN",
    ),
    // Questioning what a policy is worth.
    (
        "The Liberal Democrats questioned the effectiveness of the new asylum rules.",
        C::Accuse,
        "GBR",
        "",
    ),
    (
        "The Tories have questioned the value of the identity card scheme.",
        C::Accuse,
        "GBR",
        "",
    ),
    (
        "The minister's theory was questioned by Plaid Cymru on Monday.",
        C::Accuse,
        "GBR",
        "",
    ),
    (
        "The World Bank questioned a UN campaign to spread mobile phones in Africa.",
        C::Accuse,
        "WB",
        "",
    ),
    // Raising questions or doubts about something.
    (
        "The Conservatives raised questions about the cost of the Olympic bid.",
        C::Accuse,
        "GBR",
        "",
    ),
    (
        "Amnesty International has raised doubts about the evidence used against the detainees.",
        C::Accuse,
        "AMNESTY",
        "",
    ),
    (
        "The Liberal Democrats have raised questions over the chancellor's spending plans.",
        C::Accuse,
        "GBR",
        "",
    ),
    // Playing down reports and claims.
    (
        "The Brazilian government has played down claims that it would rescue the airline.",
        C::Reject,
        "BRA",
        "",
    ),
    (
        "The French foreign ministry played down reports of a split with Germany.",
        C::Reject,
        "FRA",
        "",
    ),
    (
        "The Scottish Executive has played down suggestions that the tax would rise.",
        C::Reject,
        "GBR",
        "",
    ),
    // Saying a measure is incompatible with a law or right condemns it.
    (
        "The Law Lords said the detention rules were incompatible with the European Convention on Human Rights.",
        C::Accuse,
        "GBR",
        "",
    ),
    (
        "The Liberal Democrats said the new asylum rules were incompatible with the Human Rights Act.",
        C::Accuse,
        "GBR",
        "GBR",
    ),
    (
        "The Scottish National Party said the identity card scheme was incompatible with Scots law.",
        C::Accuse,
        "GBR",
        "",
    ),
    // Warning someone to do or not to do something tells them what to do.
    (
        "Tony Blair warned the BBC to stay out of the row over the dossier.",
        C::Request,
        "GBR",
        "GBR",
    ),
    (
        "The Confederation of British Industry warned the chancellor not to raise taxes before the election.",
        C::Request,
        "GBR",
        "GBR",
    ),
    (
        "The United States warned Syria not to be drawn into the conflict.",
        C::Request,
        "USA",
        "SYR",
    ),
    // Introducing restrictions.
    (
        "The Chinese government introduced tighter restrictions on foreign television channels.",
        C::Coerce,
        "CHN",
        "",
    ),
    (
        "Russia introduced new controls on imports of Georgian wine.",
        C::Coerce,
        "RUS",
        "",
    ),
    (
        "The Malaysian government introduced curbs on foreign currency trading in 1998.",
        C::Coerce,
        "MYS",
        "",
    ),
];

#[test]
fn news_wording_codes_its_event() {
    common::assert_rows_coded(CODED, code);
}

/// The same verbs where nothing is done to anyone.
const NOT_CODED: &[(&str, C)] = &[
    (
        "The chancellor played down the latest growth figures.",
        C::Reject,
    ),
    (
        "The French minister played down his defeat in the vote.",
        C::Reject,
    ),
    (
        "The police questioned the two men for six hours.",
        C::Accuse,
    ),
    (
        "The decision raised questions about the future of the plant.",
        C::Accuse,
    ),
    (
        "The Scottish Executive introduced a bill on land reform.",
        C::Coerce,
    ),
    (
        "Ministers agreed to introduce a ban on smoking in pubs.",
        C::Coerce,
    ),
    (
        "The German bank cancelled its debt issue after the market fell.",
        C::Aid,
    ),
    ("The firm wrote off bad debts of £20m last year.", C::Aid),
    (
        "Sony said its new console was incompatible with older games.",
        C::Accuse,
    ),
    (
        "The Law Lords said the rules were not incompatible with the convention.",
        C::Accuse,
    ),
];

#[test]
fn same_verbs_without_an_event_code_none() {
    common::assert_none_coded(NOT_CODED, code);
}
