//! UK state bodies and non-state groups named in British news (issue 12): departments, unions,
//! business and campaign groups, and a UN agency, each with its country and sector.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// (text, country, sector) of the first actor of each event.
fn first_actors(events: &[Event]) -> Vec<(String, Option<String>, Option<String>)> {
    events
        .iter()
        .filter_map(|e| e.actors.first())
        .map(|a| (a.text.clone(), a.country.clone(), a.sector.clone()))
        .collect()
}

#[test]
fn uk_departments_and_groups_have_their_country_and_sector() {
    let cases = [
        (
            "The Home Office rejected the inspectors' demands for more prison staff.",
            "Home Office",
            "GBR",
            "GOV",
        ),
        (
            "The TUC accused ministers of ignoring low-paid workers.",
            "TUC",
            "GBR",
            "LAB",
        ),
        (
            "The Countryside Alliance condemned the ban on hunting with hounds.",
            "Countryside Alliance",
            "GBR",
            "NGO",
        ),
        (
            "Cafod urged ministers to cancel the debts of poor countries.",
            "Cafod",
            "GBR",
            "NGO",
        ),
        (
            "The CBI warned ministers against new taxes on business.",
            "CBI",
            "GBR",
            "BUS",
        ),
        (
            "The NUJ condemned the arrest of the reporters.",
            "NUJ",
            "GBR",
            "LAB",
        ),
        (
            "The FAO urged donors to send more food aid to Niger.",
            "FAO",
            "FAO",
            "IGO",
        ),
    ];
    for (text, name, country, sector) in cases {
        let events = code(text);
        let actors = first_actors(&events);
        assert!(
            actors.iter().any(|(t, c, s)| t == name
                && c.as_deref() == Some(country)
                && s.as_deref() == Some(sector)),
            "{text}: {actors:?}"
        );
    }
}

#[test]
fn a_deputy_in_a_title_is_not_the_police() {
    // PETRARCH2 codes a bare "deputy" as police (a sheriff's deputy); in a party title it is
    // the party's officer.
    let text =
        "Tory deputy chairman Michael Ancram accused Labour of wasting money on consultants.";
    let actors = first_actors(&code(text));
    assert!(
        actors
            .iter()
            .any(|(_, c, s)| c.as_deref() == Some("GBR") && s.as_deref() == Some("OPP")),
        "{actors:?}"
    );
    assert!(
        actors.iter().all(|(_, _, s)| s.as_deref() != Some("COP")),
        "{actors:?}"
    );
}

#[test]
fn a_court_named_after_the_article_is_that_court() {
    // The generated PETRARCH2 agent "the court" no longer takes "The Court" before the court's
    // own name (institutions.tsv: Court of Session, GBR JUD).
    let text = "The Court of Session rejected the council's appeal against the ruling.";
    let actors = first_actors(&code(text));
    assert!(
        actors
            .iter()
            .any(|(_, c, s)| c.as_deref() == Some("GBR") && s.as_deref() == Some("JUD")),
        "{actors:?}"
    );
}

#[test]
fn devolved_governments_and_assemblies_are_british() {
    let cases = [
        (
            "The Scottish Executive rejected the teachers' demands for smaller classes.",
            "Scottish Executive",
            "GOV",
        ),
        (
            "The Welsh Assembly Government condemned the closure of the steelworks.",
            "Welsh Assembly Government",
            "GOV",
        ),
        (
            "The Welsh Assembly condemned the closure of the steelworks.",
            "Welsh Assembly",
            "LEG",
        ),
    ];
    for (text, actor, sector) in cases {
        let events = code(text);
        let rows = first_actors(&events);
        assert!(
            rows.iter().any(|(t, c, s)| t.contains(actor)
                && c.as_deref() == Some("GBR")
                && s.as_deref() == Some(sector)),
            "{text}: {rows:?}"
        );
    }
    // As a recipient too: the executive an opposition accuses is the Scottish government.
    let events = code("The Conservatives accused the Scottish Executive of wasting money.");
    assert!(
        events.iter().any(|e| e.recipients.iter().any(|r| {
            r.country.as_deref() == Some("GBR") && r.sector.as_deref() == Some("GOV")
        })),
        "{events:#?}"
    );
}

#[test]
fn unions_campaign_groups_churches_and_firms_of_2005_news() {
    let cases = [
        (
            "The PCS union condemned plans to cut 100,000 civil service jobs.",
            "GBR",
            "LAB",
        ),
        (
            "Napo accused ministers of undermining the probation service.",
            "GBR",
            "LAB",
        ),
        (
            "Unison attacked the plans to privatise hospital cleaning.",
            "GBR",
            "LAB",
        ),
        (
            "The National Union of Students condemned the rise in tuition fees.",
            "GBR",
            "EDU",
        ),
        (
            "The League Against Cruel Sports welcomed the ban on hunting with dogs.",
            "GBR",
            "NGO",
        ),
        (
            "The Muslim Council of Britain condemned the attack on the mosque.",
            "GBR",
            "REL",
        ),
        (
            "The Standards Board criticised the mayor's remarks.",
            "GBR",
            "GOV",
        ),
        (
            "Yukos accused the Kremlin of destroying the company.",
            "RUS",
            "BUS",
        ),
        (
            "The European People's Party attacked the plan to suspend the pact.",
            "EU",
            "LEG",
        ),
        (
            "Church leaders condemned the government's asylum policy.",
            "GBR",
            "REL",
        ),
    ];
    for (text, country, sector) in cases {
        let events = code(&format!(
            "Ministers in London faced the British press. {text}"
        ));
        let rows = first_actors(&events);
        assert!(
            rows.iter()
                .any(|(_, c, s)| c.as_deref() == Some(country) && s.as_deref() == Some(sector)),
            "{text}: {rows:?}"
        );
    }
}

#[test]
fn a_union_word_in_lower_case_names_no_union() {
    // "in unison" is no trade union: the ministers are the actor.
    let events = code("British ministers criticised the plan in unison.");
    let rows = first_actors(&events);
    assert!(
        rows.iter().all(|(_, _, s)| s.as_deref() != Some("LAB")),
        "{rows:?}"
    );
}

#[test]
fn the_first_minister_and_the_information_commissioner_are_the_home_countrys() {
    let cases = [
        "The first minister praised the firefighters for their work in the disaster zone.",
        "The first minister also praised the aid agencies for flying water to the region.",
        "The information commissioner says he is urgently asking for details of the orders.",
        "Scottish First Minister Jack McConnell criticised the plan.",
    ];
    for text in cases {
        let events = code(&format!(
            "Ministers in London faced the British press. {text}"
        ));
        let rows = first_actors(&events);
        assert!(
            rows.iter()
                .any(|(_, c, s)| c.as_deref() == Some("GBR") && s.as_deref() == Some("GOV")),
            "{text}: {rows:?}"
        );
    }
    // "First" alone opens no office.
    let events = code(
        "Ministers in London faced the British press. The first pensioners to complain criticised the plan.",
    );
    let rows = first_actors(&events);
    assert!(
        rows.iter().all(|(_, _, s)| s.as_deref() != Some("GOV")),
        "{rows:?}"
    );
}

#[test]
fn a_report_naming_a_states_bodies_stands_in_that_state() {
    // No country is named, but its bodies and seat of government place the report: the
    // campaigners and the watchdog act in the UK.
    let cases = [
        "The Home Office published the figures on Monday. The Scottish Parliament will debate them. The watchdog criticised the plans.",
        "The Home Office published the figures on Monday. Downing Street said nothing. Campaigners condemned the plans.",
    ];
    for text in cases {
        let rows = first_actors(&code(text));
        assert!(
            rows.iter().any(|(_, c, _)| c.as_deref() == Some("GBR")),
            "{text}: {rows:?}"
        );
    }
    // A body of an international organisation places a report in no state.
    let text = "The European Commission published the figures on Monday. The European Commission said nothing. Campaigners condemned the plans.";
    let rows = first_actors(&code(text));
    assert!(rows.iter().all(|(_, c, _)| c.is_none()), "{rows:?}");
}

#[test]
fn a_court_acts_where_the_report_stands() {
    let cases = [
        "The High Court ruled against the government.",
        "The court rejected the appeal of the detainees.",
        "The Supreme Court ruled against the Home Office.",
    ];
    for text in cases {
        let rows = first_actors(&code(&format!(
            "Ministers in London faced the British press. {text}"
        )));
        assert!(
            rows.iter()
                .any(|(_, c, s)| c.as_deref() == Some("GBR") && s.as_deref() == Some("JUD")),
            "{text}: {rows:?}"
        );
    }
    // The event's place names the court's state.
    let rows = first_actors(&code(
        "Ministers in London faced the British press. A court in Cairo rejected the appeal of the activists.",
    ));
    assert!(
        rows.iter().all(|(_, c, _)| c.as_deref() != Some("GBR")),
        "{rows:?}"
    );
}
