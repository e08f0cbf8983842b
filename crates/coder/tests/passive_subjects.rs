//! A passive clause's subject is whom the act is done to, also where the parser labels it a
//! plain subject beside a passive auxiliary ("The government has been accused of ...": nsubj +
//! aux:pass). It is never the doer: with no by-agent the act has no actor and codes nothing;
//! with one, the agent acts on the subject. Control through a passive governor ("was forced to
//! withdraw") still gives the governed act its doer.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2011, 6, 14))
}

/// (event, actor country, recipient country) of every event coded from `text`.
fn coded(text: &str) -> Vec<(C, String, String)> {
    let first = |actors: &[attache_event::Actor]| {
        actors
            .first()
            .and_then(|a| a.country.clone())
            .unwrap_or_default()
    };
    code(text)
        .iter()
        .map(|e| (e.event, first(&e.actors), first(&e.recipients)))
        .collect()
}

#[test]
fn a_passive_subject_without_an_agent_is_no_doer() {
    for (text, category) in [
        (
            "The Italian government has been accused of hiding the report.",
            C::Accuse,
        ),
        (
            "\"We have been criticised for doing too little,\" the Kenyan minister said.",
            C::Accuse,
        ),
        (
            "Egypt has been urged to release the journalists.",
            C::Request,
        ),
        (
            "The Dutch cabinet has been asked to explain the delay.",
            C::Request,
        ),
    ] {
        let events = coded(text);
        assert!(
            events.iter().all(|(c, _, _)| *c != category),
            "{text}: the one acted on became the doer: {events:?}"
        );
    }
}

#[test]
fn a_passive_subject_with_an_agent_is_the_recipient() {
    for (text, category, actor, recipient) in [
        (
            "Turkey was accused by Greece of violating its airspace.",
            C::Accuse,
            "GRC",
            "TUR",
        ),
        (
            "The Spanish prime minister has been praised by Morocco for the deal.",
            C::Support,
            "MAR",
            "ESP",
        ),
        (
            "Dozens of Russian diplomats have been expelled by Poland.",
            C::Sanction,
            "POL",
            "RUS",
        ),
    ] {
        let events = coded(text);
        let want = (category, actor.to_string(), recipient.to_string());
        assert!(
            events.contains(&want),
            "{text}: want {want:?}, got {events:?}"
        );
    }
}

#[test]
fn passive_governors_and_engagement_keep_their_doer() {
    // "was forced to withdraw": the governed act is done by the governor's subject.
    let events = coded("Iran was forced to withdraw its troops from the border.");
    assert!(
        events.contains(&(C::Retreat, "IRN".into(), String::new())),
        "{events:?}"
    );
    // "has been locked in talks with": the one engaged holds the talks.
    let events = coded("The Irish foreign minister has been locked in talks with France.");
    assert!(
        events.contains(&(C::Consult, "IRL".into(), "FRA".into())),
        "{events:?}"
    );
}

/// A passive's "by" agent the parse hangs on the oblique before it ("made to the watchdog by
/// X") is still the doer; a "by" count of votes is no doer.
#[test]
fn a_by_agent_after_an_oblique_is_the_doer() {
    let cases = [
        "A complaint was made to the watchdog by the Muslim Council of Britain.",
        "An official complaint has been made to the standards body by the Board of Deputies.",
        "The plan was criticised in a report by the Muslim Council of Britain.",
    ];
    for text in cases {
        let events = common::code_on(
            &format!("Ministers in London faced the British press. {text}"),
            chrono::NaiveDate::from_ymd_opt(2005, 2, 1),
        );
        let rows = common::actor_rows(&events);
        assert!(
            rows.iter()
                .any(|(_, _, c, s)| c.as_deref() == Some("GBR") && s.as_deref() == Some("REL")),
            "{text}: {rows:?}"
        );
    }
    let events = common::code_on(
        "British MPs met in London. The bill was passed in the Commons by 300 votes to 200.",
        chrono::NaiveDate::from_ymd_opt(2005, 2, 1),
    );
    let rows = common::actor_rows(&events);
    assert!(
        rows.iter().all(|(_, t, _, _)| !t.contains("votes")),
        "{rows:?}"
    );
}
