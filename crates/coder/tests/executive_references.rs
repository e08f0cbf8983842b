//! "The executive" after the document named "the Scottish Executive" refers back to it, like
//! "the commission" after "the European Commission", though the tagger reads "executive" as
//! an adjective: the maker of a rejected or welcomed move ("a move by the executive") and the
//! one criticised are the devolved government. With no executive named before, or a
//! business executive, it refers to no one. Mini-documents written for these tests.

use attache_event::{Event, EventCategory};
use chrono::NaiveDate;

mod common;

use common::recipients;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 2))
}

fn recipients_of(events: &[Event], category: EventCategory) -> Vec<(Option<&str>, Option<&str>)> {
    events
        .iter()
        .filter(|e| e.event == category)
        .flat_map(recipients)
        .collect()
}

#[test]
fn the_executive_after_the_scottish_executive_is_the_devolved_government() {
    let cases = [
        (
            "The Scottish Executive unveiled its plans for Scotland's prisons on Monday. \
             The SNP rejected a move by the executive to close two jails.",
            EventCategory::Reject,
        ),
        (
            "The Scottish Executive set out its school budget in Edinburgh. On Friday, \
             Conservatives condemned the executive over the cuts.",
            EventCategory::Accuse,
        ),
        (
            "The Scottish Executive announced a review of ferry routes. Unions in Glasgow \
             welcomed a proposal by the executive to keep the routes open.",
            EventCategory::Support,
        ),
    ];
    for (text, category) in cases {
        let events = code(text);
        assert_eq!(
            recipients_of(&events, category),
            vec![(Some("GBR"), Some("GOV"))],
            "{text}\n{:#?}",
            common::actor_rows(&events)
        );
    }
}

#[test]
fn the_executive_with_no_executive_named_before_is_no_one() {
    for text in [
        "Shareholders of the Dutch brewer met in Amsterdam. Dutch unions rejected a move by \
         the executive to close two breweries.",
        "Chancellor Gordon Brown spoke in London on Monday. The Tories rejected a move by the \
         executive to raise taxes.",
        "Pop star Ana Lind will marry music executive Jon Berg, her agent said. The Scottish \
         Executive said on Monday it would cut fees. Dutch unions rejected a move by Jon Berg \
         to close two breweries.",
    ] {
        let events = code(text);
        assert!(
            recipients_of(&events, EventCategory::Reject).is_empty(),
            "{text}\n{:#?}",
            events
                .iter()
                .map(|e| (e.event, recipients(e)))
                .collect::<Vec<_>>()
        );
    }
}
