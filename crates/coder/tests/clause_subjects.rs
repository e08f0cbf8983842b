//! The doer of an act in a clause the parser misread: the noun after a clause-opening "after"
//! ("... after Norway, one of the largest lenders, finally agreed to it") is the act's actor
//! (nlp `repair_subject.rs`); a fronted phrase's own apposition is not. A body the parser hung
//! as an apposition on the date that opens the clause ("In March the Law Lords ruled ...") is
//! the clause's subject.

use attache_event::EventCategory as C;
use chrono::NaiveDate;

mod common;

/// (event, actor country) of every event coded from `text`.
fn coded(text: &str) -> Vec<(C, String)> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 1, 14))
        .iter()
        .map(|e| {
            let actor = e.actors.first().and_then(|a| a.country.clone());
            (e.event, actor.unwrap_or_default())
        })
        .collect()
}

fn assert_coded(text: &str, category: C, actor: &str) {
    let events = coded(text);
    assert!(
        events.iter().any(|(c, a)| *c == category && a == actor),
        "{text}: no {category:?} by {actor}: {events:?}"
    );
}

#[test]
fn the_noun_after_a_clause_opening_after_is_the_doer() {
    for (text, category, actor) in [
        (
            "The deal was struck on Sunday night after Norway, one of the largest lenders, finally agreed to it.",
            C::Agree,
            "NOR",
        ),
        (
            "Shares in the firm slumped in late trading after Brazil, the biggest buyer, finally rejected the offer.",
            C::Reject,
            "BRA",
        ),
        (
            "The bill was passed in the early hours after Ireland, one of the smallest members, finally signed up to it.",
            C::Agree,
            "IRL",
        ),
    ] {
        assert_coded(text, category, actor);
    }
}

#[test]
fn a_fronted_phrase_leaves_the_subject_the_doer() {
    for (text, category, actor) in [
        (
            "On Tuesday, the day of the vote, Italian officials criticised the plan.",
            C::Accuse,
            "ITA",
        ),
        (
            "After the vote, Dutch ministers criticised the plan.",
            C::Accuse,
            "NLD",
        ),
    ] {
        let events = coded(text);
        assert_coded(text, category, actor);
        assert_eq!(events.len(), 1, "{text}: {events:?}");
    }
}

#[test]
fn a_body_read_as_the_opening_dates_apposition_is_the_doer() {
    for (text, category, actor) in [
        (
            "In March the Law Lords criticised the Home Office.",
            C::Accuse,
            "GBR",
        ),
        (
            "In January the Court of Appeal, the second highest court in England, ruled that the curfew orders broke human rights law.",
            C::Accuse,
            "GBR",
        ),
        (
            "On Monday the British Medical Association, the doctors' union, condemned the health secretary.",
            C::Accuse,
            "GBR",
        ),
    ] {
        assert_coded(text, category, actor);
    }
}

#[test]
fn a_dates_own_apposition_is_no_doer() {
    // A passive has what was acted on for its subject; the date's apposition does nothing.
    let text = "On Friday, the day of the vote, the plan was condemned.";
    assert!(coded(text).is_empty(), "{text}: {:?}", coded(text));
    // The clause's own subject stays the doer.
    let text = "In June, the month of the summit, Dutch ministers criticised the plan.";
    assert_eq!(coded(text), vec![(C::Accuse, "NLD".to_string())], "{text}");
}
