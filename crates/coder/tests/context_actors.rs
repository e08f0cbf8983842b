//! Actors the sentence names only through the document: a party written before a name the
//! parse split off ("Tory | co-chairman Liam Fox") names the person for later "Mr/Dr + surname"
//! mentions; a definite description of one state office the document gave no one ("the prime
//! minister", "the shadow chancellor") is that office of the report's home country. Sentences
//! written for these tests.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 2, 14))
}

#[test]
fn a_party_before_a_split_title_and_name_names_the_later_surname() {
    // The parse makes the party a nominal of its own ("Tory" a second subject, or the name a
    // list item of "Lib Dem"); the party still names the person.
    let cases = [
        "Tory co-chairman Mark Hollis was speaking after the vote. Dr Hollis accused ministers \
         of misleading voters about the cost of the scheme.",
        "Lib Dem home affairs committee chairman Ruth Penn warned that the plan could harm the \
         courts. Ms Penn accused ministers of misleading voters.",
    ];
    for text in cases {
        let events = code(text);
        assert_eq!(
            actor_of(&events, "accused"),
            coded("GBR", "OPP"),
            "{text}\n{events:#?}"
        );
    }
}

/// A short report about Britain (named twice, so it is the document's country), then `last`.
fn british(last: &str) -> String {
    format!(
        "Britain's rail fares will rise by 4% in March. Unions in Britain say commuters cannot \
         afford it. {last}"
    )
}

#[test]
fn an_office_the_report_gave_no_one_is_its_home_countrys() {
    let cases = [
        (
            "The prime minister rejected the claims of the unions.",
            "rejected",
            "GOV",
        ),
        (
            "The home secretary rejected the claims of the unions.",
            "rejected",
            "GOV",
        ),
        (
            "The shadow chancellor accused the government of breaking its promises.",
            "accused",
            "OPP",
        ),
    ];
    for (last, trigger, sector) in cases {
        let events = code(&british(last));
        assert_eq!(
            actor_of(&events, trigger),
            coded("GBR", sector),
            "{last}\n{events:#?}"
        );
    }
}

#[test]
fn an_office_that_says_whose_or_is_no_single_office_is_not_the_home_countrys() {
    for last in [
        // Whose it is: the phrase's own country, never the report's.
        "The prime minister of Iraq rejected the claims of the unions.",
        // "the minister" may be any minister of any state.
        "The minister rejected the claims of the unions.",
    ] {
        let events = code(&british(last));
        assert_ne!(
            actor_of(&events, "rejected"),
            coded("GBR", "GOV"),
            "{last}\n{events:#?}"
        );
    }
    // A report that names no country has no home for the office.
    let events = code("The prime minister rejected the claims of the unions.");
    assert_eq!(actor_of(&events, "rejected"), None, "{events:#?}");
}

#[test]
fn she_is_never_a_person_titled_mr_nor_he_one_titled_mrs() {
    let text = "Lib Dem chairman Matthew Penrose has written to the regulator about the calls. \
        A spokeswoman for the regulator said it was examining the complaint from Mr Penrose. \
        She accused the firm of ignoring the rules.";
    let events = code(text);
    assert_eq!(actor_of(&events, "accused"), None, "{events:#?}");
    let text = "Tory health spokeswoman Anne Kettering has written to the regulator about the \
        calls. A spokesman for the regulator said it was examining the complaint from Mrs \
        Kettering. He accused the firm of ignoring the rules.";
    let events = code(text);
    assert_eq!(actor_of(&events, "accused"), None, "{events:#?}");
    // The pronoun of the title's gender still finds the person.
    let text = "Lib Dem chairman Matthew Penrose has written to the regulator about the calls. \
        Mr Penrose said the calls broke the law. He accused the firm of ignoring the rules.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "accused"),
        coded("GBR", "OPP"),
        "{events:#?}"
    );
}

#[test]
fn insisting_on_a_day_is_no_demand() {
    // "pp.on:*" of "insist" (a demand) takes what is insisted on, never a date.
    let events = code(&british(
        "The prime minister insisted on Tuesday that he had read the report.",
    ));
    assert_eq!(actor_of(&events, "insisted"), None, "{events:#?}");
    let events = code(&british(
        "The prime minister insisted on a full inquiry into the rail fares.",
    ));
    assert_eq!(
        actor_of(&events, "insisted"),
        coded("GBR", "GOV"),
        "{events:#?}"
    );
}

#[test]
fn a_role_in_the_lead_goes_to_the_person_the_next_sentences_name() {
    let lead = "Plans to close rural post offices in Britain will be reviewed, the home \
        secretary has said. Campaigners in Britain had warned of a crisis.";
    let text = format!(
        "{lead} Lord Penhallow said the review would begin in March. He rejected claims that \
         the closures were already decided."
    );
    let events = code(&text);
    assert_eq!(
        actor_of(&events, "rejected"),
        coded("GBR", "GOV"),
        "{events:#?}"
    );
    // Two people the report places nowhere, named together: either may be the home secretary.
    let text = format!(
        "{lead} Mr Trelawny, a campaigner, and Lord Penhallow spoke in Truro. He rejected \
         claims that the closures were already decided."
    );
    let events = code(&text);
    assert_eq!(actor_of(&events, "rejected"), None, "{events:#?}");
}

#[test]
fn mentions_of_one_country_but_other_sectors_are_two_events() {
    // Both sides are British: the government's accusation is not the Tories' said again.
    let text = "The Tories accused the government of lying about the cost of the scheme in \
        Britain. The government accused the Tories of lying about the cost of the scheme.";
    let events = code(text);
    let sides: Vec<(String, String)> = events
        .iter()
        .filter(|e| e.trigger.text == "accused")
        .filter_map(|e| e.actors.first())
        .map(|a| {
            (
                a.country.clone().unwrap_or_default(),
                a.sector.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        sides,
        [
            ("GBR".to_string(), "OPP".to_string()),
            ("GBR".to_string(), "GOV".to_string())
        ],
        "{events:#?}"
    );
}

/// A group of society the report gives no country (firms, charities, unions) still acts, with
/// no country, as the gold codes "airlines have attacked the legislation"; a state's agents
/// with no state (police, officials) do not.
#[test]
fn groups_of_society_act_without_a_country() {
    let cases = [
        "New rules on compensation come into force on Thursday. Airlines have attacked the legislation.",
        "New rules on compensation come into force on Thursday. Charities welcomed the decision.",
        "New rules on compensation come into force on Thursday. Trade unions criticised the plans.",
    ];
    for text in cases {
        let events = code(text);
        let rows = common::actor_rows(&events);
        assert!(
            rows.iter()
                .any(|(_, _, c, s)| c.is_none() && s.as_deref().is_some_and(|s| s != "GOV")),
            "{text}: {rows:?}"
        );
    }
    let events = code(
        "New rules on compensation come into force on Thursday. Officials criticised the plans.",
    );
    assert!(events.is_empty(), "{events:#?}");
}

/// A firm named again and again says nothing of where a report stands: officials with no state
/// named are not the firm's country's ("Gazprom" twice does not make them Russian), while the
/// state bodies a report names do place it.
#[test]
fn a_firm_named_twice_does_not_place_the_report() {
    let events = code(
        "Gazprom won the auction on Sunday. Gazprom will pay $9bn for the unit. Officials urged \
         the court to overturn the ruling.",
    );
    assert!(
        events
            .iter()
            .flat_map(|e| &e.actors)
            .all(|a| a.country.as_deref() != Some("RUS")),
        "{events:#?}"
    );
}
