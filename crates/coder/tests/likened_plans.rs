//! Likening a person or a rival body to something derides them (ACCUSE); likening a plan, a
//! package or a scheme to something derides no one ("an aid package which he likened to the
//! Marshall Plan"). A relative pronoun object stands for the noun its clause modifies, so the
//! trigger's object rows see "package" in "a package which he likened" and "Blair" in "Blair,
//! whom he likened".

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 9))
}

fn accused(text: &str) -> bool {
    code(text)
        .iter()
        .any(|e| e.event == C::Accuse && e.trigger.text == "likened")
}

#[test]
fn likening_a_person_accuses_them() {
    for text in [
        "Tory leader Michael Howard likened Prime Minister Tony Blair to a used car salesman.",
        "In his speech Tory leader Michael Howard turned to Prime Minister Tony Blair, whom he likened to a used car salesman.",
    ] {
        assert!(accused(text), "{text}");
    }
}

#[test]
fn likening_a_plan_accuses_no_one() {
    for text in [
        "The French president unveiled an aid package for Africa which he likened to the Marshall Plan.",
        "Chancellor Gordon Brown likened the reform programme to the New Deal of the 1930s.",
        "The German chancellor likened the new subsidy scheme to a lifeline for farmers.",
    ] {
        assert!(!accused(text), "{text}");
    }
}
