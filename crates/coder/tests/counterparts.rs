//! "his Spanish counterpart", "its English counterparts" (words.tsv `counterpart_noun`): who
//! holds, on another side, the office of the noun's possessor. The country comes from the
//! noun's own modifier; the sector is the possessor's (a minister's counterpart is GOV, a
//! newspaper's is MED). Negatives: a counterpart whose possessor has no sector has none, and
//! one without a nationality of its own is no actor.

use attache_event::{Actor, Event};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 2))
}

/// The (country, sector) of every actor and recipient named "counterpart(s)".
fn counterparts(events: &[Event]) -> Vec<(Option<String>, Option<String>)> {
    let pick = |a: &Actor| {
        a.text
            .contains("counterpart")
            .then(|| (a.country.clone(), a.sector.clone()))
    };
    events
        .iter()
        .flat_map(|e| e.actors.iter().chain(&e.recipients))
        .filter_map(pick)
        .collect()
}

fn gov(country: &str) -> (Option<String>, Option<String>) {
    (Some(country.to_string()), Some("GOV".to_string()))
}

#[test]
fn a_ministers_counterpart_is_government_of_its_own_country() {
    let cases = [
        (
            "Foreign Secretary Jack Straw met his Spanish counterpart in Madrid on Monday.",
            "ESP",
        ),
        (
            "Chancellor Gordon Brown held talks with his French counterpart on Tuesday.",
            "FRA",
        ),
        (
            "The Italian prime minister criticised his German counterpart over the budget \
             deficit.",
            "DEU",
        ),
    ];
    for (text, country) in cases {
        let events = code(text);
        assert_eq!(
            counterparts(&events),
            vec![gov(country)],
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn a_counterpart_takes_the_sector_of_a_named_possessor() {
    let text = "Foreign Secretary Jack Straw arrived in Madrid on Monday. Mr Straw's Spanish \
                counterpart criticised the plan.";
    let events = code(text);
    assert_eq!(counterparts(&events), vec![gov("ESP")], "{events:#?}");
}

#[test]
fn a_counterpart_of_an_owner_without_a_sector_has_none() {
    let cases = [
        "The singer said she had met her French counterpart in Paris on Monday to discuss \
         the tour.",
        "British workers earn less than their German counterparts, the survey said, and \
         unions criticised the government.",
    ];
    for text in cases {
        let events = code(text);
        assert!(
            counterparts(&events).iter().all(|(_, s)| s.is_none()),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn a_name_and_his_counterpart_are_two_sides() {
    let cases = [
        (
            "Foreign Secretary Jack Straw flew to Madrid on Monday. Mr Straw and his Spanish \
             counterpart agreed to set up a new forum on the future of the Rock.",
            "agreed",
            ["GBR", "ESP"],
        ),
        (
            "Chancellor Gordon Brown arrived in Berlin on Tuesday. Mr Brown and his German \
             counterpart criticised the bank's decision to raise rates.",
            "criticised",
            ["GBR", "DEU"],
        ),
        (
            "Prime Minister Tony Blair was in Rome this week. Mr Blair and his Italian \
             counterpart signed an agreement on training troops.",
            "signed",
            ["GBR", "ITA"],
        ),
    ];
    for (text, trigger, sides) in cases {
        let events = code(text);
        let mut actors: Vec<String> = events
            .iter()
            .filter(|e| e.trigger.text == trigger)
            .flat_map(|e| e.actors.iter().filter_map(|a| a.country.clone()))
            .collect();
        actors.sort();
        let mut want: Vec<String> = sides.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(actors, want, "{text}: {events:#?}");
    }
}

#[test]
fn a_name_and_a_common_noun_other_than_a_counterpart_stay_one_side() {
    let text = "Foreign Secretary Jack Straw flew to Madrid on Monday. Mr Straw and his Spanish \
                wife criticised the plan.";
    let events = code(text);
    let actors: Vec<String> = events
        .iter()
        .flat_map(|e| e.actors.iter().filter_map(|a| a.country.clone()))
        .collect();
    assert!(!actors.contains(&"ESP".to_string()), "{events:#?}");
}
