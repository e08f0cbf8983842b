//! Criticism in a quotation that goes on past the sentence naming its speaker (`quoted.rs`):
//! a sentence that opens with a quotation mark, has no verb of saying of its own, holds a
//! negative phrase of data/coder/evaluations.tsv and names whom it judges is the quotation
//! speaker's criticism of them (ACCUSE disapprove). And whom a reported judgement names beside
//! its phrase is its recipient where the reported clause's subject names no one ("said the
//! answer was to end the hypocrisy of Gordon Brown"). The negatives: a quotation no sentence
//! gives a speaker, the speaker's own side, a negated judgement, one that names no one or only
//! a place.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// A participant's (country, sector).
type Side = (String, String);

/// The (actor, recipients) sides of the ACCUSE events of a text.
fn accusations(text: &str) -> Vec<(Side, Vec<Side>)> {
    let pair = |a: &attache_event::Actor| {
        (
            a.country.clone().unwrap_or_default(),
            a.sector.clone().unwrap_or_default(),
        )
    };
    code(text)
        .iter()
        .filter(|e| e.event == C::Accuse)
        .filter_map(|e| {
            Some((
                pair(e.actors.first()?),
                e.recipients.iter().map(pair).collect(),
            ))
        })
        .collect()
}

fn pair(country: &str, sector: &str) -> Side {
    (country.to_string(), sector.to_string())
}

#[test]
fn a_quotation_that_goes_on_judges_whom_it_names_for_its_speaker() {
    for (text, actor, recipient) in [
        (
            "Conservative spokesman John Redwood said the figures would be published on \
             Monday. \"Labour's incompetence has cost taxpayers dearly.\"",
            pair("GBR", "OPP"),
            pair("GBR", "GOV"),
        ),
        (
            "Lib Dem leader Charles Kennedy said the budget would be debated next week. \"It \
             is another stealth tax from Gordon Brown.\"",
            pair("GBR", "OPP"),
            pair("GBR", "GOV"),
        ),
        // a paragraph of the quotation reopened without being closed
        (
            "Labour chairman Alan Milburn said: \"Voters will decide. \"The Conservatives' \
             smear campaign against the prime minister is a sign of desperation.\"",
            pair("GBR", "GOV"),
            pair("GBR", "OPP"),
        ),
    ] {
        let found = accusations(text);
        assert!(
            found
                .iter()
                .any(|(a, r)| *a == actor && r.contains(&recipient)),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_quotation_without_a_speaker_a_target_or_a_judgement_of_another_is_no_criticism() {
    let intro = "Tory leader Michael Howard said the figures would be published on Monday. ";
    for quote in [
        // the speaker's own side
        "\"We have shown complacency about crime in the past.\"",
        // a negated judgement
        "\"The Labour plan is not a false economy.\"",
        // no one named
        "\"Cutting jobs now would be a false economy.\"",
        // only a place named
        "\"The war in Iraq was a waste of money.\"",
    ] {
        let text = format!("{intro}{quote}");
        assert_eq!(accusations(&text), Vec::new(), "{text}");
    }
    // no sentence names the quotation's speaker
    let text = "The budget was published on Wednesday. \"Labour's incompetence has cost \
        taxpayers dearly.\"";
    assert_eq!(accusations(text), Vec::new(), "{text}");
}

#[test]
fn a_reported_judgement_is_aimed_at_the_name_beside_its_phrase() {
    for (text, recipient) in [
        (
            "Lib Dem leader Charles Kennedy said the answer was to end the hypocrisy of \
             Gordon Brown.",
            pair("GBR", "GOV"),
        ),
        (
            "Labour chairman Alan Milburn said the task was to expose the arrogance of \
             Michael Howard.",
            pair("GBR", "OPP"),
        ),
        (
            "Labour chairman Alan Milburn said the task was to overcome Tory attempts to \
             spread cynicism.",
            pair("GBR", "OPP"),
        ),
        // trust lacking "in" someone
        (
            "Plaid Cymru said there was a deep lack of confidence in Tony Blair.",
            pair("GBR", "GOV"),
        ),
        (
            "The Scottish Tories said there was a lack of trust in Jack McConnell.",
            pair("GBR", "GOV"),
        ),
    ] {
        let found = accusations(text);
        assert!(
            found.iter().any(|(_, r)| r.contains(&recipient)),
            "{text}: {found:?}"
        );
    }
    // a judgement of people or things the text does not name is no one's criticism
    for text in [
        "Labour chairman Alan Milburn said the task was to expose the arrogance of some \
         critics.",
        "The Lib Dems said there was a lack of trust in the official figures.",
    ] {
        assert_eq!(accusations(text), Vec::new(), "{text}");
    }
}

#[test]
fn betrayal_and_cynicism_of_a_named_party_are_criticism_but_not_of_voters() {
    for text in [
        "The Conservatives said Labour's betrayal of pensioners was plain to see.",
        "Plaid Cymru said the government's cynicism over the referendum was plain to see.",
    ] {
        let found = accusations(text);
        assert!(
            found
                .iter()
                .any(|(a, r)| *a == pair("GBR", "OPP") && r.contains(&pair("GBR", "GOV"))),
            "{text}: {found:?}"
        );
    }
    for text in [
        "The pollster said the cynicism of voters about politics was growing.",
        "The novelist said the film was a story of love and betrayal.",
    ] {
        assert_eq!(accusations(text), Vec::new(), "{text}");
    }
}
