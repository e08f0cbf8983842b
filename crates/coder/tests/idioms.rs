//! Idioms, phrasal verbs and light verbs of cooperation, demand and coercion ("gave an
//! assurance", "threw their weight behind", "sat down with", "challenged the minister to",
//! "locked up", "cut off gas"), written as wire-news sentences for this test, and the same
//! verbs in senses that are no political event.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 4))
}

/// (sentence, category, actor country)
const CODED: &[(&str, C, &str)] = &[
    (
        "The Austrian government gave an assurance that no hospitals would close.",
        C::Agree,
        "AUT",
    ),
    (
        "The Dutch government gave an undertaking to publish the legal advice.",
        C::Agree,
        "NLD",
    ),
    (
        "The Norwegian foreign minister sat down with rebel leaders in Oslo.",
        C::Consult,
        "NOR",
    ),
    (
        "The Tories threw their weight behind the campaign against the airport.",
        C::Support,
        "GBR",
    ),
    (
        "The Tories came out in favour of the ban on smoking in pubs.",
        C::Support,
        "GBR",
    ),
    (
        "The Italian parliament voted in favour of the motion on Thursday.",
        C::Support,
        "ITA",
    ),
    (
        "The French president stood by his embattled interior minister.",
        C::Support,
        "FRA",
    ),
    (
        "The Swedish government gave its blessing to the merger talks.",
        C::Support,
        "SWE",
    ),
    (
        "The Spanish government passed the video evidence to the police.",
        C::Cooperate,
        "ESP",
    ),
    (
        "The Japanese government shipped 500 tonnes of rice to the famine region.",
        C::Aid,
        "JPN",
    ),
    (
        "The British government flew tents and bottled water to the earthquake zone.",
        C::Aid,
        "GBR",
    ),
    (
        "Iraqi insurgents set the two Italian hostages free on Sunday.",
        C::Retreat,
        "IRQ",
    ),
    (
        "The Tories challenged the home secretary to publish the report.",
        C::Request,
        "GBR",
    ),
    (
        "The Tories sought assurances from the home secretary about the scheme.",
        C::Request,
        "GBR",
    ),
    (
        "Russia cut off gas to Belarus in a row over prices.",
        C::Sanction,
        "RUS",
    ),
    (
        "Belarusian police locked up dozens of protesters after the vote.",
        C::Coerce,
        "BLR",
    ),
    (
        "Colombian rebels released Senator Jorge Gechem after six years.",
        C::Retreat,
        "COL",
    ),
    (
        "The Tories argued that the home secretary should publish the advice.",
        C::Request,
        "GBR",
    ),
    (
        "The Irish government suggested the European Commission should delay the vote.",
        C::Request,
        "IRL",
    ),
    // A particle the parse read as the preposition of the object, or as an adverb.
    (
        "Colombian guerrillas handed over their weapons to UN monitors.",
        C::Retreat,
        "COL",
    ),
    (
        "British miners walked out in protest at the pit closures.",
        C::Protest,
        "GBR",
    ),
];

#[test]
fn idioms_and_light_verbs_code_their_event() {
    common::assert_each_coded(
        CODED,
        |c| c.0,
        code,
        |e, c| e.event == c.1 && e.actors.iter().any(|a| a.country.as_deref() == Some(c.2)),
        |c| format!("{:?} by {}", c.1, c.2),
    );
}

#[test]
fn the_same_verbs_in_other_senses_code_nothing() {
    common::assert_none_coded(
        &[
            (
                "The French president gave a speech in Lyon on Monday.",
                C::Agree,
            ),
            (
                "The French government released Mr Blair's letter on Monday.",
                C::Retreat,
            ),
            (
                "The French president handed over to his successor on Monday.",
                C::Retreat,
            ),
            ("The Tories argued that the figures were wrong.", C::Request),
            (
                "The Tories argued that the minister should have resigned last year.",
                C::Request,
            ),
            (
                "The French president sat down after the speech.",
                C::Consult,
            ),
            (
                "The French president stood by the door of the palace.",
                C::Support,
            ),
            (
                "The French president stood by his decision to raise taxes.",
                C::Support,
            ),
            (
                "The Spanish parliament passed the bill on Tuesday.",
                C::Cooperate,
            ),
            (
                "The Japanese firm shipped two million phones to Europe.",
                C::Aid,
            ),
            (
                "The French government set a date for the referendum.",
                C::Retreat,
            ),
            (
                "The Chilean government set up a free trade zone in the north.",
                C::Retreat,
            ),
            (
                "The Tories challenged the ruling in the High Court.",
                C::Request,
            ),
            (
                "The Russian firm cut gas prices by ten percent.",
                C::Sanction,
            ),
            (
                "The French minister locked up the office for the night.",
                C::Coerce,
            ),
        ],
        code,
    );
}

/// What a challenge or an appeal asks of someone is not done: "challenged the minister to
/// resign" (the parse hangs the infinitive on the verb as an adverbial clause).
#[test]
fn what_a_challenge_asks_for_is_not_done() {
    let events = code("The Tories challenged the minister to resign over the affair.");
    assert!(events.iter().any(|e| e.event == C::Request), "{events:?}");
    assert!(
        events
            .iter()
            .all(|e| e.event != C::Concede || e.modality != attache_event::Modality::Asserted),
        "{events:?}"
    );
}
