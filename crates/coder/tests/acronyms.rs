//! Acronyms a report defines: "the X Association of Canada (XAC) ... XAC accused" codes XAC
//! as the body its name gives, with the name's country or, for a body of a known kind, the
//! report's; a bracketed word that is not the name's initials defines nothing. Sentences written
//! for these tests in the style of BBC News reports.

use attache_event::{CountryFrom, Event};
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 14))
}

fn country_from(events: &[Event], trigger: &str) -> Option<CountryFrom> {
    events
        .iter()
        .filter(|e| e.trigger.text == trigger)
        .flat_map(|e| e.actors.iter())
        .next()
        .and_then(|a| a.country_from)
}

#[test]
fn an_acronym_defined_by_a_name_with_its_country_is_that_body() {
    let text = "Hundreds of members of the Pensioners Association of Canada (PAC) gathered in \
        Ottawa on Friday. Later PAC accused the government of ignoring older voters.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "accused"),
        coded("CAN", "NGO"),
        "{events:#?}"
    );
    assert_eq!(country_from(&events, "accused"), None, "{events:#?}");
}

#[test]
fn a_union_named_without_a_country_takes_the_reports_country() {
    let text = "Rail fares in Britain will rise again in January, British ministers said. \
        The Railway Signal Workers Union (RSWU) said the rise was too steep. The \
        RSWU later accused ministers of betraying passengers.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "accused"),
        coded("GBR", "LAB"),
        "{events:#?}"
    );
    assert_eq!(
        country_from(&events, "accused"),
        Some(CountryFrom::Document),
        "{events:#?}"
    );
}

#[test]
fn a_bracketed_word_that_is_not_the_names_initials_defines_nothing() {
    let text = "Hundreds of members of the Pensioners Association of Canada (CARP) gathered \
        in Ottawa on Friday. Later CARP accused the government of ignoring older voters.";
    let events = code(text);
    // CARP is some name the report does not explain: no association.
    assert_ne!(
        actor_of(&events, "accused"),
        coded("CAN", "NGO"),
        "{events:#?}"
    );
}

#[test]
fn an_international_body_takes_no_country_from_the_report() {
    let text = "Rail fares in Britain will rise again in January, British ministers said. \
        The International Freight Workers Union (IFWU) said the rise was too steep. On \
        Monday the IFWU accused British ministers of betraying passengers.";
    let events = code(text);
    assert_ne!(
        actor_of(&events, "accused"),
        coded("GBR", "LAB"),
        "{events:#?}"
    );
}

#[test]
fn a_kind_noun_alone_does_not_place_a_body_in_the_reports_country() {
    // "Union" names a trade union only as a description; a sports union is none.
    let text = "Rail fares in Britain will rise again in January, British ministers said. \
        The Amateur Croquet Union (ACU) said the rise was too steep. The ACU later accused \
        ministers of betraying passengers.";
    let events = code(text);
    assert_ne!(
        actor_of(&events, "accused"),
        coded("GBR", "LAB"),
        "{events:#?}"
    );
}

#[test]
fn a_body_named_as_of_the_world_takes_no_country_from_the_report() {
    // Its name is remembered as a name of the document: the memory keeps no country either.
    for (name, acronym) in [
        ("International Dock Workers Union", "IDWU"),
        ("World Transport Workers Federation", "WTWF"),
        ("Global Bus Workers Union", "GBWU"),
    ] {
        for later in [
            format!("On Monday the {acronym} accused British ministers"),
            format!("The {acronym} later accused ministers"),
        ] {
            let text = format!(
                "Rail fares in Britain will rise again in January, British ministers said. \
                 The {name} ({acronym}) said the rise was too steep. {later} of betraying \
                 passengers."
            );
            let events = code(&text);
            assert_ne!(
                actor_of(&events, "accused"),
                coded("GBR", "LAB"),
                "{text}: {events:#?}"
            );
        }
    }
}

#[test]
fn a_national_union_takes_the_reports_country() {
    for (name, acronym) in [
        ("Railway Signal Workers Union", "RSWU"),
        ("Bus Drivers Workers Union", "BDWU"),
        ("Tram Maintenance Workers Union", "TMWU"),
    ] {
        let text = format!(
            "Rail fares in Britain will rise again in January, British ministers said. The \
             {name} ({acronym}) said the rise was too steep. The {acronym} later accused \
             British ministers of betraying passengers."
        );
        let events = code(&text);
        assert_eq!(
            actor_of(&events, "accused"),
            coded("GBR", "LAB"),
            "{text}: {events:#?}"
        );
    }
}
