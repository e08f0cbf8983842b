//! An act only a state does (arrest, detain, hold in custody, jail, indict, deport, release from
//! custody), told with no doer (an agentless passive, a participle, the infinitive of a noun no
//! one owns), is done by that state's police, courts or government: the state of the event's
//! place, else of the dateline, unless the custody names its state ("freed from US custody");
//! `country_from` says which. Not for acts anyone does ("were attacked"), releases that are not
//! from custody ("the hostages were freed"), officials of another state ("British soldiers were
//! detained in Basra"), custody of a group that is no state's ("freed from rebel custody"),
//! powers ("can be detained") or other senses of "hold" ("were held to a draw", "shares were
//! held").

use attache_event::{CountryFrom, Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2011, 6, 14))
}

#[test]
fn a_state_act_without_a_doer_is_the_state_s() {
    for (text, category, country, sector, from) in [
        (
            "CAIRO (Reuters) - Three opposition activists were arrested on Sunday, their lawyer said.",
            C::Coerce,
            "EGY",
            "COP",
            CountryFrom::Dateline,
        ),
        (
            "Two journalists have been detained in Tehran after writing about the election, a press freedom group said.",
            C::Coerce,
            "IRN",
            "COP",
            CountryFrom::Place,
        ),
        (
            "LONDON (Reuters) - Five men were released on bail on Friday pending further inquiries.",
            C::Retreat,
            "GBR",
            "COP",
            CountryFrom::Dateline,
        ),
        (
            "LONDON (Reuters) - The decision to deport the asylum seekers was taken last month, lawyers said.",
            C::Coerce,
            "GBR",
            "GOV",
            CountryFrom::Dateline,
        ),
        (
            "An opposition leader was jailed for five years in Minsk on Tuesday.",
            C::Coerce,
            "BLR",
            "JUD",
            CountryFrom::Place,
        ),
        (
            "LONDON (Reuters) - The four Britons were freed from US custody on Tuesday.",
            C::Retreat,
            "USA",
            "COP",
            CountryFrom::Modifier,
        ),
        (
            "LONDON (Reuters) - Two Britons are being held in US custody in Cuba.",
            C::Coerce,
            "USA",
            "GOV",
            CountryFrom::Modifier,
        ),
    ] {
        let events = code(text);
        let found = events.iter().filter(|e| e.event == category).any(|e| {
            e.actors.iter().any(|a| {
                a.country.as_deref() == Some(country)
                    && a.sector.as_deref() == Some(sector)
                    && a.country_from == Some(from)
            })
        });
        assert!(
            found,
            "{text}: want {category:?} by {country} {sector} ({from:?}), got {:?}",
            common::actor_rows(&events)
        );
    }
}

#[test]
fn no_implicit_doer_for_other_acts_or_senses() {
    for text in [
        "Three villagers were attacked near the border in Kenya on Sunday.",
        "The hostages were freed on Tuesday in Iraq, the army said.",
        "Two British soldiers were detained in Basra on Sunday.",
        "Chelsea were held to a draw by Everton on Saturday in London.",
        "LONDON (Reuters) - Foreign suspects can be detained without trial under the law.",
        "LONDON (Reuters) - Shares in the firm were held by pension funds.",
        "LONDON (Reuters) - Two aid workers were freed from rebel custody on Tuesday.",
    ] {
        let events = code(text);
        let implied: Vec<_> = events
            .iter()
            .filter(|e| matches!(e.event, C::Coerce | C::Retreat | C::Assault))
            .filter(|e| {
                e.actors
                    .iter()
                    .any(|a| matches!(a.sector.as_deref(), Some("COP" | "JUD" | "GOV")))
            })
            .collect();
        assert!(
            implied.is_empty(),
            "{text}: a state doer was implied: {:?}",
            common::actor_rows(&events)
        );
    }
}

#[test]
fn the_place_of_a_detention_is_not_whom_it_holds() {
    // Whom a custody act holds are people; "in London" says where ("bombed Aleppo" is the
    // place hit, a detention "in London" is not aimed at London).
    for text in [
        "Most of the terror suspects are detained at Belmarsh Prison in London.",
        "The singer was arrested in London on Wednesday after a fight at a hotel.",
    ] {
        let events = code(text);
        let e = events
            .iter()
            .find(|e| e.event == C::Coerce)
            .unwrap_or_else(|| panic!("{text}: no COERCE in {events:#?}"));
        assert!(
            e.recipients
                .iter()
                .all(|r| !r.text.contains("London") && r.country.as_deref() != Some("GBR")),
            "{text}: {:?}",
            e.recipients
        );
    }
}
