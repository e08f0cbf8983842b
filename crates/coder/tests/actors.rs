//! Actors from knowledge and context: a person's role read at the event's date.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

fn code(text: &str, published: (i32, u32, u32)) -> Vec<Event> {
    common::code_on(
        text,
        NaiveDate::from_ymd_opt(published.0, published.1, published.2),
    )
}

/// (country, sector) of the first actor of each event.
fn first_actors(events: &[Event]) -> Vec<(Option<String>, Option<String>)> {
    events
        .iter()
        .filter_map(|e| e.actors.first())
        .map(|a| (a.country.clone(), a.sector.clone()))
        .collect()
}

fn gbr(sector: &str) -> (Option<String>, Option<String>) {
    (Some("GBR".into()), Some(sector.into()))
}

#[test]
fn a_person_has_the_role_valid_at_the_event_date() {
    // Tony Blair (PETRARCH2 dictionaries): prime minister 1997-2007, ELI before and after.
    let text = "Tony Blair visited Moscow on Monday.";
    assert_eq!(first_actors(&code(text, (2005, 3, 2))), [gbr("GOV")]);
    assert_eq!(first_actors(&code(text, (2012, 3, 2))), [gbr("ELI")]);
    // A report from 2012 about 2005: the role of 2005.
    let text = "On 5 May 2005, Tony Blair visited Moscow.";
    let events = code(text, (2012, 3, 2));
    assert_eq!(first_actors(&events), [gbr("GOV")], "{events:#?}");
}

fn actor(code: &str, sector: &str) -> (Option<String>, Option<String>) {
    (Some(code.into()), Some(sector.into()))
}

#[test]
fn an_office_holder_has_the_office_of_the_publication_date() {
    // office-holders.tsv: prime minister of Poland, President of the European Council
    // 2014-2019, prime minister again from December 2023.
    let text = "Donald Tusk visited Kyiv on Monday.";
    assert_eq!(
        first_actors(&code(text, (2016, 3, 2))),
        [actor("EU", "IGO")]
    );
    assert_eq!(
        first_actors(&code(text, (2024, 3, 2))),
        [actor("POL", "GOV")]
    );
    // Prime minister of the Netherlands until July 2024, NATO Secretary General from October.
    let text = "Mark Rutte visited Kyiv on Monday.";
    assert_eq!(
        first_actors(&code(text, (2020, 3, 2))),
        [actor("NLD", "GOV")]
    );
    assert_eq!(
        first_actors(&code(text, (2025, 3, 3))),
        [actor("NATO", "IGO")]
    );
    // Out of office (NATO Secretary General until October 2024): still recognised.
    let text = "Jens Stoltenberg visited Kyiv on Monday.";
    assert_eq!(
        first_actors(&code(text, (2025, 3, 3))),
        [actor("NATO", "IGO")]
    );
}

/// (country, sector, country_from) of the first actor of the arrest.
fn agent(
    text: &str,
) -> (
    Option<String>,
    Option<String>,
    Option<attache_event::CountryFrom>,
) {
    let events = code(text, (2016, 5, 2));
    let a = events
        .iter()
        .filter(|e| e.trigger.text == "arrested")
        .find_map(|e| e.actors.first())
        .unwrap_or_else(|| panic!("no actor in {text:?}: {events:#?}"));
    (a.country.clone(), a.sector.clone(), a.country_from)
}

#[test]
fn a_generic_agent_takes_its_country_from_context() {
    use attache_event::CountryFrom as F;
    let egy = |from| (Some("EGY".to_string()), Some("COP".to_string()), Some(from));
    assert_eq!(
        agent("Egyptian police arrested 40 protesters on Monday."),
        egy(F::Modifier)
    );
    assert_eq!(
        agent("Police arrested 40 protesters in Alexandria on Monday."),
        egy(F::Place)
    );
    assert_eq!(
        agent("CAIRO (Reuters) - Police arrested 40 protesters."),
        egy(F::Dateline)
    );
    assert_eq!(
        agent(
            "Egypt's economy grew. Egypt's parliament met. Police arrested 40 protesters on Monday."
        ),
        egy(F::Document)
    );
}

#[test]
fn a_compass_word_opening_a_place_name_is_no_bloc() {
    // "West" alone is the Western bloc; "West Lothian", "West Sussex" are British counties.
    let events = code(
        "The West imposed new sanctions on Russia on Monday. \
         West Lothian police arrested three men in Livingston on Tuesday.",
        (2023, 2, 8),
    );
    let west: Vec<_> = events
        .iter()
        .flat_map(|e| e.actors.iter())
        .filter_map(|a| a.country.as_deref())
        .collect();
    assert!(west.contains(&"WEST"), "{events:#?}");
    // The police then take the country of where they act.
    let (country, sector, _) = agent("West Sussex police arrested a teacher in Manchester.");
    assert_eq!(country.as_deref(), Some("GBR"));
    assert_eq!(sector.as_deref(), Some("COP"));
}
