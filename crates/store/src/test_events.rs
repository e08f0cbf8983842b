//! Hand-built events for the unit tests of merging and tallies.

use crate::merge::{MergedEvent, Report, choose};
use attache_event::{
    Actor, Event, EventCategory, EventDate, Mention, Modality, Qualifier, Quantity, SentenceRef,
    Trigger,
};
use chrono::NaiveDate;

pub fn actor(code: &str) -> Actor {
    Actor {
        text: code.to_string(),
        country: Some(code.to_string()),
        sector: None,
        span: [0, 0],
        country_from: None,
    }
}

pub fn quantity(value: f64, unit: &str, qualifier: Qualifier) -> Quantity {
    Quantity {
        value,
        max: None,
        unit: Some(unit.to_string()),
        qualifier,
        text: format!("{value} {unit}"),
        span: [0, 0],
    }
}

/// A SANCTION/expel event of `actors` against Russia, dated `date` when given.
pub fn expulsion(doc: &str, actors: &[&str], count: Option<f64>, date: Option<&str>) -> Event {
    Event {
        doc_id: doc.to_string(),
        event: EventCategory::Sanction,
        mode: Some("expel".to_string()),
        context: Vec::new(),
        cameo: None,
        actors: actors.iter().map(|c| actor(c)).collect(),
        recipients: vec![actor("RUS")],
        quantity: count.map(|v| quantity(v, "diplomat", Qualifier::Exact)),
        other_quantities: Vec::new(),
        casualties: Default::default(),
        date: date.map(|d| EventDate {
            start: Some(d.parse().expect("a YYYY-MM-DD date")),
            end: None,
            text: d.to_string(),
            resolved: true,
            inherited: false,
            precision: None,
        }),
        planned: None,
        location: None,
        attribution: None,
        modality: Modality::Asserted,
        aggregate: false,
        trigger: Trigger {
            text: "expelled".to_string(),
            span: [0, 8],
        },
        sentence: SentenceRef {
            index: 0,
            span: [0, 10],
            text: "expelled".into(),
        },
        mentions: vec![Mention {
            sentence: 0,
            span: [0, 8],
            text: "expelled".to_string(),
        }],
        published: None,
    }
}

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub fn report(event: &Event, source: &str) -> Report {
    Report::from_event(event, source, Some(day("2022-04-06"))).remove(0)
}

/// Folds reports into merged events the way the store does.
pub fn merge_all(reports: &[Report]) -> Vec<MergedEvent> {
    let mut merged: Vec<MergedEvent> = Vec::new();
    for r in reports {
        match choose(merged.iter(), r) {
            Some((index, _)) => merged[index].absorb(r),
            None => merged.push(MergedEvent::new(r)),
        }
    }
    merged
}
