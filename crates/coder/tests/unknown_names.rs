//! Named people and organisations that no dictionary lists, found by the named-entity
//! recogniser where a trigger's doer is a name nothing else resolves (crates/coder/src/names.rs,
//! data/coder/name-heads.tsv). Sentences written for these tests.

use attache_event::{CountryFrom, Event};

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, chrono::NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// (trigger, actor text, country, sector, where the country came from) of every actor.
type Row = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<CountryFrom>,
);

fn actors(events: &[Event]) -> Vec<Row> {
    events
        .iter()
        .flat_map(|e| {
            e.actors.iter().map(|a| {
                (
                    e.trigger.text.clone(),
                    a.text.clone(),
                    a.country.clone(),
                    a.sector.clone(),
                    a.country_from,
                )
            })
        })
        .collect()
}

fn actor_of(events: &[Event], trigger: &str) -> Option<Row> {
    actors(events).into_iter().find(|r| r.0 == trigger)
}

/// A British political report around `sentence`: the document's country is Britain, and it
/// names the government and ministers.
fn british(sentence: &str) -> String {
    format!(
        "British ministers met in London on Monday to discuss the plan for Britain's railways. \
         {sentence} The government said the plan would be published in the spring."
    )
}

#[test]
fn a_person_named_only_by_name_who_acts_on_the_government_takes_the_reports_country() {
    let events = code(&british(
        "Gwyneth Pardoe urged the government to publish the costs in full.",
    ));
    let row = actor_of(&events, "urged").unwrap_or_else(|| panic!("{:#?}", actors(&events)));
    assert_eq!(row.1, "Gwyneth Pardoe");
    assert_eq!(row.2.as_deref(), Some("GBR"));
    assert_eq!(row.3, None, "a name alone says nothing of the sector");
    assert_eq!(row.4, Some(CountryFrom::Document));
}

#[test]
fn a_party_written_before_a_name_gives_its_country_and_status() {
    let events = code(&british(
        "Labour's Gwyneth Pardoe accused the Conservatives of misleading voters.",
    ));
    let row = actor_of(&events, "accused").unwrap_or_else(|| panic!("{:#?}", actors(&events)));
    assert_eq!(row.2.as_deref(), Some("GBR"));
    assert_eq!(row.3.as_deref(), Some("GOV"), "Labour governed in 2005");
    assert_eq!(
        row.4, None,
        "the country is the party's, not the document's"
    );
}

#[test]
fn a_description_after_the_name_gives_its_country_and_sector() {
    let cases = [
        // The party's MP: a legislator of the governing party.
        (
            "Gwyneth Pardoe, the Labour MP for Leeds, accused the Conservatives of misleading voters.",
            "GBR",
            "LEG",
        ),
        (
            "Marcel Dufresne, vice president of the European Commission, urged ministers to act.",
            "EU",
            "GOV",
        ),
    ];
    for (sentence, country, sector) in cases {
        let events = code(&british(sentence));
        let row = actors(&events)
            .into_iter()
            .find(|r| sentence.starts_with(&r.1))
            .unwrap_or_else(|| panic!("{sentence}: {:#?}", actors(&events)));
        assert_eq!(row.2.as_deref(), Some(country), "{sentence}");
        assert_eq!(row.3.as_deref(), Some(sector), "{sentence}");
        assert_eq!(row.4, None, "{sentence}");
    }
}

#[test]
fn an_organisation_takes_the_sector_of_its_head_word() {
    let cases = [
        (
            "The Amalgamated Boilermakers Union accused the government of betraying workers.",
            "accused",
            "LAB",
        ),
        (
            "The Fair Housing Commission urged ministers to act on rents.",
            "urged",
            "GOV",
        ),
        (
            "The Cornish Independence Party accused the government of neglecting Cornwall.",
            "accused",
            "PTY",
        ),
    ];
    for (sentence, trigger, sector) in cases {
        let events = code(&british(sentence));
        let row = actor_of(&events, trigger)
            .unwrap_or_else(|| panic!("{sentence}: {:#?}", actors(&events)));
        assert_eq!(row.2.as_deref(), Some("GBR"), "{sentence}");
        assert_eq!(row.3.as_deref(), Some(sector), "{sentence}");
        assert_eq!(row.4, Some(CountryFrom::Document), "{sentence}");
    }
}

#[test]
fn an_organisation_keeps_the_state_named_with_it() {
    let events = code(
        "Turkey's ruling AKP accused the Turkish opposition of stirring unrest. The Turkish \
         press was divided over the claims.",
    );
    let row = actor_of(&events, "accused").unwrap_or_else(|| panic!("{:#?}", actors(&events)));
    assert_eq!(row.1, "Turkey's ruling AKP");
    assert_eq!(row.2.as_deref(), Some("TUR"));
    assert_eq!(row.4, None);
}

#[test]
fn a_body_named_after_a_region_is_not_the_reports_country() {
    let events = code(&british(
        "The European Rail Safety Agency urged ministers to delay the plan.",
    ));
    assert_eq!(actor_of(&events, "urged"), None, "{:#?}", actors(&events));
}

#[test]
fn a_name_whose_deed_hits_no_political_actor_is_not_coded() {
    // A footballer criticising a referee in a sports report, and the same in a report that
    // names the government: neither deed acts on a political body.
    let sport = "Chelsea beat Arsenal 2-1 at Stamford Bridge on Saturday. Ricardo Fonseca \
        accused the referee of bias after the match.";
    let events = code(sport);
    assert_eq!(actor_of(&events, "accused"), None, "{:#?}", actors(&events));
    let events = code(&british(
        "Ricardo Fonseca accused the referee of bias after the match.",
    ));
    assert_eq!(actor_of(&events, "accused"), None, "{:#?}", actors(&events));
}

#[test]
fn a_report_that_names_no_political_body_codes_no_name_by_the_documents_country() {
    // The deed hits a political body, but the report (a sports one) names too few of them for
    // a bare name to be taken as a political actor.
    let text = "England won the series in Cape Town on Sunday. Ricardo Fonseca accused the \
        government of ignoring cricket. England fans celebrated in Cape Town.";
    let events = code(text);
    assert_eq!(actor_of(&events, "accused"), None, "{:#?}", actors(&events));
}

#[test]
fn a_part_of_a_longer_name_is_no_actor() {
    // The recogniser may find only "Fair Housing" in it.
    let events = code(&british(
        "The Commission for Fair Housing urged ministers to act on rents.",
    ));
    let rows = actors(&events);
    assert!(rows.iter().all(|r| r.1 != "Fair Housing"), "{rows:#?}");
}

#[test]
fn a_firm_known_by_its_name_alone_is_no_actor() {
    // An organisation whose head word names no sector, with no state named with it.
    let events = code(&british(
        "Brackwell Holdings accused the government of wrecking the rail market.",
    ));
    assert_eq!(actor_of(&events, "accused"), None, "{:#?}", actors(&events));
}
