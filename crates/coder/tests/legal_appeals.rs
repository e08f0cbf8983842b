//! Appeals in the courts and appeals to people (issue 11's BBC senses): appealing against
//! anything, or an appeal with no "for" or "to", is the legal appeal, a rejection of the ruling
//! (REJECT); an appeal for something or to someone to act is a request; appealing to an
//! audience, and a charity or a broad appeal, is no event. And an act planned by someone else
//! for the object of "expect"/"want" ("expects the police to prosecute") is only asked of them:
//! hypothetical, not planned; and so is an act only sought ("seeking indictments against").

use attache_event::{EventCategory as C, Modality};
use chrono::NaiveDate;

mod common;

fn on(text: &str) -> Vec<attache_event::Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

fn has(text: &str, category: C, trigger: &str) -> bool {
    on(text)
        .iter()
        .any(|e| e.event == category && e.trigger.text.to_lowercase().starts_with(trigger))
}

/// Every event on the named trigger of each sentence is hypothetical.
fn assert_hypothetical(cases: &[(&str, &str)]) {
    for (text, trigger) in cases {
        let events = on(text);
        let act: Vec<_> = events
            .iter()
            .filter(|e| e.trigger.text.to_lowercase().starts_with(trigger))
            .collect();
        assert!(
            act.iter().all(|e| e.modality == Modality::Hypothetical),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn a_legal_appeal_rejects_the_ruling() {
    let cases = [
        "The Danish government is appealing against claims that its fishing quotas broke EU rules.",
        "The Irish government said it would appeal.",
        "Scottish ministers raised an appeal arguing that the lower standard of proof was wrong.",
        "Peace campaigners in Britain appealed against a finding by the High Court that the police had acted lawfully.",
    ];
    for text in cases {
        // "raised an appeal" codes on its light verb
        let rejects = on(text).iter().any(|e| e.event == C::Reject);
        assert!(rejects, "{text}: {:#?}", on(text));
        assert!(!has(text, C::Request, "appeal"), "{text}: {:#?}", on(text));
    }
}

#[test]
fn an_appeal_for_something_or_to_someone_to_act_is_a_request() {
    let cases = [
        "The Spanish government appealed for calm after the bombing.",
        "The Kenyan government made an appeal to the rebels to return to talks.",
        "Police in London appealed to witnesses to come forward.",
        "Gordon Brown has made an appeal for unity within the Labour Party.",
    ];
    for text in cases {
        assert!(has(text, C::Request, "appeal"), "{text}: {:#?}", on(text));
        assert!(!has(text, C::Reject, "appeal"), "{text}: {:#?}", on(text));
    }
}

#[test]
fn an_appeal_to_an_audience_or_a_charity_appeal_is_no_event() {
    let cases = [
        "Apple said the new iPod would appeal to people thinking of changing their music player.",
        "The Conservative policy is designed to appeal to core voters in the south.",
        "The French singer gave the money to the tsunami appeal in Paris.",
    ];
    for text in cases {
        let events = on(text);
        assert!(
            !events
                .iter()
                .any(|e| e.trigger.text.to_lowercase().starts_with("appeal")),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn an_act_expected_of_someone_else_is_only_asked() {
    let cases = [
        (
            "The Tories want the Electoral Commission to investigate the donations.",
            "investigat",
        ),
        (
            "The campaign group expects the police to prosecute the hunt.",
            "prosecute",
        ),
        (
            "Labour would expect the watchdog to investigate the complaints.",
            "investigat",
        ),
    ];
    assert_hypothetical(&cases);
}

#[test]
fn an_own_plan_stays_planned() {
    let cases = [
        "The French government plans to expel four Russian diplomats.",
        "Germany wants to expel two Iranian diplomats.",
        "Spain expects to hold talks with Morocco next week.",
    ];
    for text in cases {
        let events = on(text);
        assert!(
            events.iter().any(|e| e.modality == Modality::Planned
                || e.event == C::Agree
                || e.event == C::Sanction),
            "{text}: {events:#?}"
        );
        assert!(
            !events.iter().any(|e| e.modality == Modality::Hypothetical),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn an_act_only_sought_is_not_done() {
    let cases = [
        (
            "Italian prosecutors are seeking indictments against the former chief executive.",
            "indictment",
        ),
        (
            "The Russian oil firm will seek sanctions against the buyer in a Texas court.",
            "sanction",
        ),
        (
            "The Spanish government is seeking the extradition of the two Algerian men.",
            "extradition",
        ),
    ];
    assert_hypothetical(&cases);
    // What was done beside a search stays done.
    for text in [
        "Police in London arrested two men who sought asylum in Britain.",
        "The Home Office deported the two Algerian men who had sought refuge in Britain.",
        "Britain expelled two Russian diplomats who had sought secret contacts with MPs.",
    ] {
        let events = on(text);
        assert!(
            events.iter().any(|e| e.modality == Modality::Asserted),
            "{text}: {events:#?}"
        );
    }
}
