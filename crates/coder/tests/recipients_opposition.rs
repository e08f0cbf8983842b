//! An opposition's criticism that names no one it is aimed at is aimed at its own country's
//! government (recipients.tsv `opposed` rows): "the Conservatives condemned the figures as a
//! disgrace" in 2005 is GBR OPP -> GBR GOV. A target the text names wins, and a critic that is
//! no opposition gets no implied target. Sentences written for these tests.

use attache_event::{CountryFrom, Event, EventCategory as C};
use chrono::NaiveDate;

mod common;
use common::recipients;

/// A report from London published in 2005, when the Conservatives were in opposition.
fn accusation(sentence: &str) -> Event {
    let text = format!("LONDON, March 3 (Reuters) - {sentence}");
    let events = common::code_on(&text, NaiveDate::from_ymd_opt(2005, 3, 14));
    events
        .into_iter()
        .find(|e| e.event == C::Accuse)
        .unwrap_or_else(|| panic!("no ACCUSE in {sentence:?}"))
}

#[test]
fn an_opposition_criticises_the_government() {
    let e = accusation("The Conservatives condemned the waiting list figures as a disgrace.");
    assert_eq!(e.actors[0].sector.as_deref(), Some("OPP"));
    assert_eq!(recipients(&e), [(Some("GBR"), Some("GOV"))]);
    // No word names the government: the record says so, and points at the trigger.
    assert_eq!(e.recipients[0].country_from, Some(CountryFrom::Implied));
    assert_eq!(e.recipients[0].span, e.trigger.span);
}

#[test]
fn a_named_target_wins() {
    let e = accusation("The Conservatives criticised France over the fishing quotas.");
    assert_eq!(recipients(&e), [(Some("FRA"), None)]);
}

#[test]
fn a_critic_outside_politics_gets_no_implied_target() {
    let e = accusation("Amnesty International condemned the waiting list figures as a disgrace.");
    assert!(recipients(&e).is_empty(), "{e:#?}");
}

#[test]
fn a_named_target_the_dictionaries_lack_is_no_government() {
    let e = accusation("The Conservatives accused Mr Pemberton-Hale of misleading the council.");
    assert!(
        !recipients(&e).contains(&(Some("GBR"), Some("GOV"))),
        "{e:#?}"
    );
}

#[test]
fn an_oppositions_demand_is_made_of_the_government() {
    let text = "LONDON, March 3 (Reuters) - The Conservatives have called for a public inquiry \
                into the hospital closures.";
    let events = common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 14));
    let e = events
        .iter()
        .find(|e| e.event == C::Request)
        .unwrap_or_else(|| panic!("no REQUEST: {events:#?}"));
    assert_eq!(recipients(e), [(Some("GBR"), Some("GOV"))]);
    assert_eq!(e.recipients[0].country_from, Some(CountryFrom::Implied));
    // A campaign group's demand gets no implied addressee.
    let text = "LONDON, March 3 (Reuters) - Amnesty International has called for a public \
                inquiry into the deaths.";
    let events = common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 14));
    assert!(
        events.iter().all(|e| e.recipients.is_empty()),
        "{events:#?}"
    );
    // The implied addressee codes no demand the text does not make of anyone: "there
    // needed to be a review" stays uncoded.
    let text = "LONDON, March 3 (Reuters) - The Conservatives said there needed to be a review \
                of the hospital closures.";
    let events = common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 14));
    assert!(events.iter().all(|e| e.event != C::Request), "{events:#?}");
}
