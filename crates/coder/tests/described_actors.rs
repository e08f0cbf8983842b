//! Actors a report gives by what they are rather than by a name the dictionaries know: the
//! legal profession as generic agents (data/coder/agents.tsv), a title the parse made the head
//! of the name it precedes. Sentences written for these tests.

mod common;

use common::{actor_of, actor_rows, coded};

fn code(text: &str) -> Vec<attache_event::Event> {
    common::code_on(text, chrono::NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// A British political report around `sentence`: the document's country is Britain.
fn british(sentence: &str) -> String {
    format!(
        "The British government defended its asylum plans for Britain on Monday. {sentence} \
         Ministers said the plans would be published in the spring."
    )
}

#[test]
fn the_legal_profession_acts_where_the_report_stands() {
    for (sentence, trigger) in [
        (
            "Barristers accused the home secretary of ignoring the courts.",
            "accused",
        ),
        (
            "Four lawyers are threatening to quit the panel over the plans.",
            "threatening",
        ),
    ] {
        let events = code(&british(sentence));
        assert_eq!(
            actor_of(&events, trigger),
            coded("GBR", "JUD"),
            "{sentence}: {:?}",
            actor_rows(&events)
        );
    }
}

#[test]
fn a_title_before_a_name_is_that_person() {
    // The parse makes "Lawyer" the subject and the name its apposition.
    let events = code(&british(
        "Lawyer Maria Okonjo accused the government of cruelty to the detainees.",
    ));
    assert_eq!(
        actor_of(&events, "accused"),
        coded("GBR", "JUD"),
        "{:?}",
        actor_rows(&events)
    );
}

#[test]
fn lawyers_in_a_report_that_names_no_state_are_no_one() {
    // No country in the report: a generic agent has nowhere to stand.
    let events = code("Lawyers accused the record label of breaking the contract.");
    assert!(
        events.iter().all(|e| e.actors.is_empty()),
        "{:?}",
        actor_rows(&events)
    );
}

#[test]
fn watchdogs_charities_solicitors_and_union_members_are_known_by_what_they_are() {
    for (sentence, trigger, sector) in [
        ("The media watchdog urged ministers to act.", "urged", "GOV"),
        (
            "Solicitors urged ministers to think again about the detentions.",
            "urged",
            "JUD",
        ),
        (
            "Housing charity Homeway accused ministers of ignoring families.",
            "accused",
            "NGO",
        ),
        (
            "Union members have voted to strike over the pension cuts.",
            "voted",
            "LAB",
        ),
    ] {
        let events = code(&british(sentence));
        assert_eq!(
            actor_of(&events, trigger),
            coded("GBR", sector),
            "{sentence}: {:?}",
            actor_rows(&events)
        );
    }
}

#[test]
fn descriptions_that_name_no_actor_code_nothing() {
    for sentence in [
        // Not a body of people acting: a group of things, critics of a work of art.
        "The group of stars accused the director of arrogance.",
        "Critics of the film accused the director of arrogance.",
        // A topic is not an actor.
        "Charities will be discussed at the summit in the spring.",
    ] {
        let events = code(&british(sentence));
        let rows = actor_rows(&events);
        assert!(
            rows.iter()
                .all(|(_, text, _, _)| !["group", "Critics", "Charities"]
                    .iter()
                    .any(|w| text.contains(w))),
            "{sentence}: {rows:?}"
        );
    }
}

#[test]
fn a_recipient_the_dictionaries_lack_is_placed_by_its_description() {
    // "accused Oliver Finegold, of the Evening Standard newspaper, of ...": a name set off by
    // a description after it, in object position.
    for (sentence, trigger, country, sector) in [
        (
            "Tony Blair accused Oliver Finegold, of the Evening Standard newspaper, of lying.",
            "accused",
            "GBR",
            "MED",
        ),
        (
            "The home secretary criticised Jane Doherty, the Liberal Democrat MP, for the leak.",
            "criticised",
            "GBR",
            "OPP",
        ),
    ] {
        let events = code(&british(sentence));
        let e = events
            .iter()
            .find(|e| e.trigger.text == trigger)
            .unwrap_or_else(|| panic!("{sentence}: {:?}", actor_rows(&events)));
        let got: Vec<_> = e
            .recipients
            .iter()
            .map(|r| (r.country.as_deref(), r.sector.as_deref()))
            .collect();
        assert_eq!(got, [(Some(country), Some(sector))], "{sentence}: {e:#?}");
    }
    // A bare name the dictionaries lack names no one.
    let events = code(&british("Tony Blair accused Oliver Finegold of lying."));
    let e = events.iter().find(|e| e.trigger.text == "accused").unwrap();
    assert!(e.recipients.is_empty(), "{e:#?}");
}
