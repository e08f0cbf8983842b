//! What the coder's integration tests share: one extractor per test binary (loading the model
//! once), and documents with their publication date.
#![allow(dead_code)] // each test binary uses its own part

use attache_coder::Extractor;
use attache_event::{Event, EventCategory};
use attache_text::{Document, Publication};
use chrono::NaiveDate;
use std::sync::OnceLock;

/// The shipped model and dictionaries, loaded once.
pub fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::load_default().expect("model and dictionaries load"))
}

/// A document named `id` holding `text`, published on `published`.
pub fn document(id: &str, text: &str, published: Option<NaiveDate>) -> Document {
    Document {
        id: id.into(),
        text: text.into(),
        publication: Publication {
            published,
            ..Publication::default()
        },
    }
}

/// The events of `text` read as one report published on `published`.
pub fn code_on(text: &str, published: Option<NaiveDate>) -> Vec<Event> {
    extractor().extract(&document("t", text, published))
}

/// The categories of the events coded in `text`, in order.
pub fn categories_on(text: &str, published: Option<NaiveDate>) -> Vec<EventCategory> {
    code_on(text, published).iter().map(|e| e.event).collect()
}

/// Asserts that each case's sentence (coded by `code`) yields an event `holds` accepts; lists
/// every failing case, with what it wants (`want`) and what was coded, in one panic.
pub fn assert_each_coded<T>(
    cases: &[T],
    text: impl Fn(&T) -> &str,
    code: impl Fn(&str) -> Vec<Event>,
    holds: impl Fn(&Event, &T) -> bool,
    want: impl Fn(&T) -> String,
) {
    let mut failures = Vec::new();
    for case in cases {
        let events = code(text(case));
        if !events.iter().any(|e| holds(e, case)) {
            let got: Vec<_> = events
                .iter()
                .map(|e| (e.event, e.mode.clone(), e.cameo.clone()))
                .collect();
            failures.push(format!(
                "{}\n  want {}\n  got  {got:?}",
                text(case),
                want(case)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Asserts that each (sentence, category, actor country, recipient country or "" for any)
/// row is coded so (`coded_as`), listing every failing row in one panic.
pub fn assert_rows_coded(
    rows: &[(&str, EventCategory, &str, &str)],
    code: impl Fn(&str) -> Vec<Event>,
) {
    assert_each_coded(
        rows,
        |c| c.0,
        code,
        |e, c| coded_as(e, c.1, c.2, c.3),
        |c| format!("{:?} {} -> {}", c.1, c.2, c.3),
    );
}

/// Asserts that no sentence yields an event of the category paired with it.
pub fn assert_none_coded(cases: &[(&str, EventCategory)], code: impl Fn(&str) -> Vec<Event>) {
    for (text, category) in cases {
        let events = code(text);
        assert!(
            events.iter().all(|e| e.event != *category),
            "{text}: unexpected {category:?} in {:?}",
            events.iter().map(|e| e.event).collect::<Vec<_>>()
        );
    }
}

/// The (country, sector) of the first actor of the event `trigger` starts, if any.
pub fn actor_of(events: &[Event], trigger: &str) -> Option<(String, String)> {
    events
        .iter()
        .filter(|e| e.trigger.text == trigger)
        .flat_map(|e| e.actors.iter())
        .next()
        .map(|a| {
            (
                a.country.clone().unwrap_or_default(),
                a.sector.clone().unwrap_or_default(),
            )
        })
}

/// The (country, sector) an actor is expected to have.
pub fn coded(country: &str, sector: &str) -> Option<(String, String)> {
    Some((country.to_string(), sector.to_string()))
}

/// The (country, sector) of each recipient of an event, in order.
pub fn recipients(e: &Event) -> Vec<(Option<&str>, Option<&str>)> {
    e.recipients
        .iter()
        .map(|a| (a.country.as_deref(), a.sector.as_deref()))
        .collect()
}

/// Whether `e` is of `category` with an actor of `actor` and, unless `recipient` is empty, a
/// recipient of `recipient` (country codes).
pub fn coded_as(e: &Event, category: EventCategory, actor: &str, recipient: &str) -> bool {
    e.event == category
        && e.actors.iter().any(|a| a.country.as_deref() == Some(actor))
        && (recipient.is_empty()
            || e.recipients
                .iter()
                .any(|r| r.country.as_deref() == Some(recipient)))
}

/// (trigger, actor text, country, sector) of every event's actors, for failure messages and
/// assertions.
pub fn actor_rows(events: &[Event]) -> Vec<(String, String, Option<String>, Option<String>)> {
    events
        .iter()
        .flat_map(|e| {
            e.actors.iter().map(|a| {
                (
                    e.trigger.text.clone(),
                    a.text.clone(),
                    a.country.clone(),
                    a.sector.clone(),
                )
            })
        })
        .collect()
}
