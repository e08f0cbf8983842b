//! "The two sides", "both countries", "both leaders" (words.tsv `pair_noun`): the last two
//! sides the document named together, as coordinated subjects ("India and Pakistan held
//! talks", "the week that the US and EU stepped back") or as the two sides of talks ("Mr Putin
//! met Mr Hu"). A symmetric act with no one else named is one event, the first side's, with
//! the other; an act on someone else is each side's. Negatives: two sides of one country, and
//! a pair named too many sentences back.

use attache_event::{Event, EventCategory};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 2))
}

fn rows(events: &[Event], trigger: &str) -> Vec<(EventCategory, Vec<String>, Vec<String>)> {
    let countries =
        |a: &[attache_event::Actor]| a.iter().filter_map(|x| x.country.clone()).collect();
    events
        .iter()
        .filter(|e| e.trigger.text == trigger)
        .map(|e| (e.event, countries(&e.actors), countries(&e.recipients)))
        .collect()
}

#[test]
fn the_two_sides_are_the_last_pair_named_together() {
    let cases = [
        (
            "India and Pakistan held talks in Delhi on Monday. The two sides agreed to reopen \
             the border crossing.",
            "agreed",
            ("IND", "PAK"),
        ),
        (
            "The move came in the same week that the US and the EU stepped back from \
             confrontation in a dispute over subsidies. The trade commissioner said the two \
             sides had agreed to reopen talks.",
            "agreed",
            ("USA", "EU"),
        ),
        (
            "Ethiopia and Eritrea signed a peace deal in Algiers in December. Both countries \
             agreed to free their prisoners of war.",
            "agreed",
            ("ETH", "ERI"),
        ),
    ];
    for (text, trigger, (a, b)) in cases {
        let events = code(text);
        let got = rows(&events, trigger);
        assert!(
            got.iter()
                .any(|(_, actors, recipients)| actors == &[a] && recipients == &[b]),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn both_sides_act_on_whom_the_event_names() {
    let events = code(
        "Russian President Vladimir Putin met Chinese President Hu Jintao in Moscow. Both \
         leaders criticised the United States.",
    );
    let got = rows(&events, "criticised");
    for side in ["RUS", "CHN"] {
        assert!(
            got.iter()
                .any(|(c, actors, recipients)| *c == EventCategory::Accuse
                    && actors == &[side]
                    && recipients == &["USA"]),
            "{got:?}"
        );
    }
}

#[test]
fn two_sides_of_one_state_or_named_long_before_are_no_pair() {
    let cases = [
        "The Labour party and the Conservatives clashed in the Commons on Monday. Both sides \
         agreed to hold a vote.",
        "India and Pakistan held talks in Delhi on Monday. Fighting in Kashmir continued. Rain \
         fell in Delhi. Prices rose in Mumbai. Trains were late in Delhi. Both countries agreed \
         to reopen the border crossing.",
    ];
    for text in cases {
        let events = code(text);
        let got = rows(&events, "agreed");
        assert!(got.is_empty(), "{text}: {got:?}");
    }
}

/// "the pair", "the duo" (words.tsv `pair_collective`) and "the two" alone stand for the last
/// pair as well: here as whom an act is aimed at.
#[test]
fn the_pair_and_the_two_are_the_last_pair() {
    for (text, trigger, aimed) in [
        (
            "Serbia and Croatia signed a trade accord in March. The European Commission later \
             praised the pair.",
            "praised",
            vec!["SRB", "HRV"],
        ),
        (
            "India and Pakistan held talks on Kashmir on Monday. The United States urged the \
             two to continue the dialogue.",
            "urged",
            vec!["IND", "PAK"],
        ),
        (
            "Greece and Turkey resumed talks in Athens on Friday. The UN secretary general \
             welcomed the duo's decision.",
            "welcomed",
            vec!["GRC", "TUR"],
        ),
    ] {
        let events = code(text);
        let got = rows(&events, trigger);
        assert!(got.iter().any(|(_, _, r)| *r == aimed), "{text}: {got:?}");
    }
}

/// "a pair of officials" is a count, "the two" a pair only within a few sentences.
#[test]
fn a_pair_of_or_a_pair_named_long_before_is_no_pair() {
    for (text, trigger, not) in [
        (
            "Serbia and Croatia signed a trade accord in March. The European Commission later \
             praised a pair of officials.",
            "praised",
            "SRB",
        ),
        (
            "India and Pakistan held talks on Kashmir on Monday. The weather was cold. The roads \
             were closed. Schools shut early. The United States urged the two to continue.",
            "urged",
            "IND",
        ),
        (
            "Serbia and Croatia signed a trade accord in March. The minister said the two were \
             friends. Police later arrested the pair of thieves.",
            "arrested",
            "SRB",
        ),
    ] {
        let events = code(text);
        let got = rows(&events, trigger);
        assert!(
            got.iter().all(|(_, _, r)| !r.iter().any(|c| c == not)),
            "{text}: {got:?}"
        );
    }
}
