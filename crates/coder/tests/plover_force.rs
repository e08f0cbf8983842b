//! Force, its preparation and its direction, each construction in sentences other than the
//! PLOVER dev half it was found in (issue 11): driving people from their homes is a mass
//! expulsion (ASSAULT, CAMEO 201), not one deportation; readiness to go on attacking is a show of
//! force (MOBILIZE), a plan to is planned; who orders patrols by the police mobilises them; a
//! present participle's noun is its doer ("students protesting the increase"), and is not taken
//! for its object ("citizens wanting to work" request nothing); a "to" infinitive hung on a
//! threat is what is threatened; an "-ed" verb tagged as an adjective is still a verb; the
//! government of a province acts for its state; alerts, a larger military presence, call-ups
//! and weapons tests are shows of force, house arrest an arrest.

use attache_event::{Event, EventCategory as C, Modality};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2012, 3, 14))
}

/// Each sentence yields an event of its category, asserted or planned.
const CODED: &[(&str, C)] = &[
    // Mass expulsion: people driven, forced or expelled from their homes.
    (
        "Serbian police drove the ethnic Albanian villagers from their homes in Kosovo.",
        C::Assault,
    ),
    (
        "Sudanese soldiers drove the villagers from their homes.",
        C::Assault,
    ),
    (
        "The Burmese army expelled thousands of Rohingya from their homes.",
        C::Assault,
    ),
    (
        "Syrian forces expelled the residents from their homes in Homs.",
        C::Assault,
    ),
    (
        "The Indonesian army forced out dozens of Acehnese families from their villages.",
        C::Assault,
    ),
    // One person forced out of a country stays a deportation.
    ("Kenya forced out a British journalist.", C::Coerce),
    // Readiness to go on attacking: a show of force.
    (
        "The Syrian army prepared to resume shelling rebel districts of Aleppo.",
        C::Mobilize,
    ),
    (
        "The Ethiopian army prepared to continue shelling Eritrean positions.",
        C::Mobilize,
    ),
    // Patrols ordered by a government and carried out by its forces.
    (
        "The Pakistani government ordered patrols by paramilitary troops in Karachi.",
        C::Mobilize,
    ),
    (
        "The Indian government ordered extra patrols by troops along the border.",
        C::Mobilize,
    ),
    // A present participle's noun protests.
    (
        "Kenyan police dispersed students protesting the fee increase in Nairobi.",
        C::Protest,
    ),
    // "have upgraded" whatever its tag.
    (
        "Egypt and Qatar have upgraded their diplomatic relations.",
        C::Support,
    ),
    // Alerts, larger armed presences, call-ups and weapons tests: shows of force.
    (
        "Russia placed its nuclear forces on high alert.",
        C::Mobilize,
    ),
    (
        "Greece increased its military presence on the islands.",
        C::Mobilize,
    ),
    (
        "Russia beefed up its military presence in the Baltic.",
        C::Mobilize,
    ),
    ("Israel called up 20,000 reservists.", C::Mobilize),
    (
        "North Korea test-fired two ballistic missiles.",
        C::Mobilize,
    ),
    ("Iran test-launched a new missile.", C::Mobilize),
    // House arrest is an arrest.
    (
        "Burmese soldiers placed the opposition leader under house arrest.",
        C::Coerce,
    ),
    (
        "Pakistan put the former prime minister under house arrest.",
        C::Coerce,
    ),
    // A document says what its author does.
    (
        "The Russian parliament passed a resolution calling for the withdrawal of NATO troops.",
        C::Request,
    ),
    (
        "The Iranian foreign ministry issued a statement condemning the attack.",
        C::Accuse,
    ),
    // A "to" infinitive hung on a threat.
    (
        "The Iranian parliament threatened on Sunday to break off relations with Britain.",
        C::Threaten,
    ),
];

/// No sentence yields an event of the category paired with it.
const NOT_CODED: &[(&str, C)] = &[
    // A force of circumstance, not an actor, drives people out.
    (
        "Rising rents forced many families from their homes.",
        C::Assault,
    ),
    ("Kenya forced out a British journalist.", C::Assault),
    // Readiness to attack is not yet an attack.
    (
        "The Syrian army prepared to resume shelling rebel districts of Aleppo.",
        C::Assault,
    ),
    // What is threatened is not done.
    (
        "The Iranian parliament threatened on Sunday to break off relations with Britain.",
        C::Sanction,
    ),
    // A weapons test is no attack; a launch at a target is.
    ("North Korea test-fired two ballistic missiles.", C::Assault),
    // A larger presence of a firm, or at talks, is no show of force.
    ("Kenya increased its presence at the talks.", C::Mobilize),
    ("The company boosted its presence in China.", C::Mobilize),
    // A present participle describes who wants; no one is asked.
    (
        "Non-EU citizens wanting to study in Britain will need a visa.",
        C::Request,
    ),
    (
        "Migrants hoping to reach Italy must pay smugglers.",
        C::Request,
    ),
    // Evidence that supports a claim endorses no one.
    (
        "The new evidence supports the allegations against the minister.",
        C::Support,
    ),
    (
        "Police said the findings supported the theory that the fire was started deliberately.",
        C::Support,
    ),
    // Meeting commitments is no meeting and no promise.
    (
        "The chancellor said he would meet his spending commitments.",
        C::Consult,
    ),
    (
        "The chancellor said he would meet his spending commitments.",
        C::Agree,
    ),
];

#[test]
fn force_constructions_are_coded() {
    common::assert_each_coded(
        CODED,
        |c| c.0,
        code,
        |e, c| e.event == c.1 && matches!(e.modality, Modality::Asserted | Modality::Planned),
        |c| format!("{:?}", c.1),
    );
}

#[test]
fn force_constructions_in_other_senses_are_not_coded() {
    common::assert_none_coded(NOT_CODED, code);
}

/// A plan to go on attacking is a planned attack, not an attack done.
#[test]
fn a_plan_to_resume_shelling_is_planned() {
    let events = code("The Turkish army planned to resume shelling Kurdish positions.");
    let shelling: Vec<&Event> = events.iter().filter(|e| e.event == C::Assault).collect();
    assert!(!shelling.is_empty(), "{events:?}");
    assert!(
        shelling.iter().all(|e| e.modality == Modality::Planned),
        "{shelling:?}"
    );
}

/// The government of a province or region acts for its state.
#[test]
fn a_regional_government_acts_for_its_state() {
    for (text, trigger, country) in [
        (
            "The government of Kashmir has ordered the arrest of the protest leaders.",
            "arrest",
            "IND",
        ),
        (
            "The government of Chechnya ordered the arrest of the rebel leaders.",
            "arrest",
            "RUS",
        ),
    ] {
        let events = code(text);
        let actor = common::actor_of(&events, trigger);
        assert_eq!(
            actor.as_ref().map(|a| a.0.as_str()),
            Some(country),
            "{text}: {events:?}"
        );
    }
}
