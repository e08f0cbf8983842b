//! Statements in reported speech, as a news report tells them: defending one's policy against
//! critics (REJECT), an opinion that condemns ("she thought the remarks were inappropriate",
//! "said Labour had betrayed pensioners"), a warning against another's conduct, a case taken to
//! a court; and two statements told in two sentences stay two events (an expulsion told twice
//! still merges: founding_article.rs). The negative cases are the same verbs with no target act.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 2, 10))
}

/// (sentence, category, actor country)
const CODED: &[(&str, C, &str)] = &[
    (
        "The Irish government defended its new farm policy on Monday.",
        C::Reject,
        "IRL",
    ),
    (
        "The French government defended the plans against critics.",
        C::Reject,
        "FRA",
    ),
    (
        "Germany defended Poland against criticism from Moscow.",
        C::Support,
        "DEU",
    ),
    (
        "The Dutch opposition warned the government against \"pandering to the extremes\".",
        C::Accuse,
        "NLD",
    ),
    (
        "Spain's foreign minister said she thought the German remarks were inappropriate.",
        C::Accuse,
        "ESP",
    ),
    (
        "The Danish union took its case to the European Court of Justice.",
        C::Accuse,
        "DNK",
    ),
    (
        "The Conservatives said Labour had betrayed pensioners.",
        C::Accuse,
        "GBR",
    ),
    (
        "The Irish trade minister said the tariffs were bogus.",
        C::Accuse,
        "IRL",
    ),
    (
        "The Danish finance minister said he was fully happy with the deal.",
        C::Support,
        "DNK",
    ),
    (
        "The Irish farmers union said the new tax would hurt small farms.",
        C::Accuse,
        "IRL",
    ),
    (
        "The Dutch employers federation claimed the proposed levy would damage exports.",
        C::Accuse,
        "NLD",
    ),
    // groups known by what they are take the country of where they act (agents.tsv)
    (
        "Campaigners in Manchester challenged the government road-building plans in the High Court.",
        C::Accuse,
        "GBR",
    ),
    (
        "Prisoners in Scotland took their case to the European Court of Human Rights.",
        C::Accuse,
        "GBR",
    ),
    // agreeing that someone should or will act is agreeing to cooperate
    (
        "Senior Greek and Turkish officials agreed on Friday that their countries should resume talks on the island.",
        C::Agree,
        "GRC",
    ),
    (
        "The Spanish government agreed to open talks with the Basque regional government.",
        C::Agree,
        "ESP",
    ),
];

#[test]
fn statements_in_reported_speech_are_coded() {
    common::assert_each_coded(
        CODED,
        |case| case.0,
        code,
        |e, case| {
            e.event == case.1
                && e.actors
                    .iter()
                    .any(|a| a.country.as_deref() == Some(case.2))
        },
        |case| format!("{:?} by {}", case.1, case.2),
    );
}

/// Opinions and predictions with no target act, and the same verbs in other senses.
const NOT_CODED: &[(&str, C)] = &[
    (
        "The minister said he thought the economy would grow.",
        C::Accuse,
    ),
    ("Analysts said earnings may fall next year.", C::Accuse),
    (
        "The Irish finance minister said prices would rise next year.",
        C::Accuse,
    ),
    (
        "The Portuguese foreign minister said she was pleased to be back in Lisbon.",
        C::Support,
    ),
    (
        "The Spanish prime minister said he was happy to answer questions.",
        C::Support,
    ),
    (
        "The Irish team took the ball to the other end of the pitch.",
        C::Accuse,
    ),
    // agreeing that something is so shares a view and commits no one
    (
        "\"I agree that we do not need to cut supply,\" the Libyan oil minister told reporters.",
        C::Agree,
    ),
    (
        "The Dutch finance minister agreed that there was some cause for optimism about growth.",
        C::Agree,
    ),
];

#[test]
fn opinions_without_a_target_act_code_nothing() {
    common::assert_none_coded(NOT_CODED, code);
}

#[test]
fn two_statements_in_two_sentences_are_two_events() {
    let events = code(
        "Tory chairman Liam Fox accused Labour of misleading voters. \
         The Lib Dems accused Labour of ducking the issue of council tax.",
    );
    let accusations = events.iter().filter(|e| e.event == C::Accuse).count();
    assert_eq!(accusations, 2, "{events:#?}");
}
