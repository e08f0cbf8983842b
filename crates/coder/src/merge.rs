//! Within one document, mentions of the same event become one event.
//!
//! "Italy, Spain, ... announced the expulsion" and later "Rome has marked 30 Russian diplomats
//! as undesirable" both report Italy's expulsion: one event, two mentions, count 30. Whether two
//! mentions are one event is the same-event rule of [`attache_merge`] under
//! [`Policy::WITHIN_DOCUMENT`]: category and mode agree, neither is an aggregate, the actor sets
//! are equal, the recipients agree (or one side names none), the figures do not differ, the
//! modality is of one kind and the dates are compatible (a news-peg date is compatible with any).
//! This module folds the mentions that rule joins.

use crate::dates::Interval;
use attache_event::{Event, Quantity};
use attache_merge::{Count, DateSpan, Evidence, Policy, decide, is_statement};

/// An event from one mention, with what merging needs beside the record.
#[derive(Debug, Clone)]
pub struct Found {
    pub event: Event,
    pub interval: Option<Interval>,
    /// How much the mention tells: used to pick the mention that represents the event.
    pub weight: usize,
}

impl Found {
    pub fn new(event: Event, interval: Option<Interval>) -> Found {
        let mut found = Found {
            event,
            interval,
            weight: 0,
        };
        found.reweigh();
        found
    }

    /// Recomputes the weight after the event was changed in place.
    pub fn reweigh(&mut self) {
        let e = &self.event;
        self.weight = usize::from(e.quantity.is_some()) * 4
            + usize::from(e.date.as_ref().is_some_and(|d| !d.inherited)) * 2
            + usize::from(!e.recipients.is_empty())
            + e.other_quantities.len();
    }
}

/// What the same-event rule needs of a mention: its own date only when the clause gives one
/// (an inherited or unresolved date is no evidence), its headline figure only.
fn evidence(found: &Found) -> Evidence<'_> {
    let e = &found.event;
    let own_date = e.date.as_ref().is_some_and(|d| !d.inherited && d.resolved);
    Evidence {
        category: e.event,
        mode: e.mode.as_deref(),
        modality: e.modality,
        claim: e.aggregate,
        actors: e.actor_codes(),
        recipients: e.recipient_codes(),
        date: found.interval.filter(|_| own_date).map(|i| DateSpan {
            start: i.start,
            end: i.end,
            exact: true,
        }),
        announced: None,
        counts: e.quantity.iter().map(|q| headline(q, &e.doc_id)).collect(),
        content: Vec::new(),
        story: Vec::new(),
        home: None,
        speakers: Vec::new(),
        cluster: None,
        places: Vec::new(),
        words: Vec::new(),
    }
}

fn headline<'a>(q: &'a Quantity, source: &'a str) -> Count<'a> {
    Count {
        value: q.value,
        max: q.max,
        unit: q.unit.as_deref(),
        qualifier: q.qualifier,
        main: true,
        text: &q.text,
        source,
    }
}

fn mergeable(a: &Found, b: &Found) -> bool {
    if separate_statements(&a.event, &b.event) {
        return false;
    }
    same_sectors(&a.event, &b.event)
        && decide(&evidence(a), &evidence(b), &Policy::WITHIN_DOCUMENT).merge
}

/// Whether the actors of two mentions can be the same in sector as in country: an actor of a
/// country whose sector both mentions give must have the same one ("the Tories accused the
/// government" and "the government accused the Tories" are GBR both, and two events). A
/// mention that gives no sector for a country leaves it open.
fn same_sectors(a: &Event, b: &Event) -> bool {
    let sectors = |e: &Event, country: &str| -> Vec<String> {
        let mut out: Vec<String> = e
            .actors
            .iter()
            .filter(|x| x.country.as_deref() == Some(country))
            .filter_map(|x| x.sector.clone())
            .collect();
        out.sort();
        out.dedup();
        out
    };
    a.actor_codes().into_iter().all(|c| {
        let (x, y) = (sectors(a, c), sectors(b, c));
        x.is_empty() || y.is_empty() || x == y
    })
}

/// Whether two mentions are statements ([`is_statement`]) told in different sentences.
fn separate_statements(a: &Event, b: &Event) -> bool {
    if !is_statement(a.event, a.mode.as_deref()) {
        return false;
    }
    !b.mentions
        .iter()
        .all(|m| a.mentions.iter().any(|n| n.sentence == m.sentence))
}

/// Folds `b` into `a`: mentions joined, the more informative mention's fields kept.
fn absorb(a: &mut Found, mut b: Found) {
    // The heavier mention stays in place; the other is folded in. Nothing is cloned: events
    // carry their sentence text, and a long document has many.
    if b.weight > a.weight {
        std::mem::swap(a, &mut b);
    }
    let (merged, other) = (a, b);
    let e = &mut merged.event;
    let o = other.event;
    // Put in text order once, at the end (`in_text_order`): sorting here made an event
    // reported thousands of times (a runaway text) quadratic.
    e.mentions.extend(o.mentions);
    if e.recipients.is_empty() {
        e.recipients = o.recipients;
    }
    if e.quantity.is_none() {
        e.quantity = o.quantity;
    }
    for q in o.other_quantities {
        if !e.other_quantities.iter().any(|x| x.span == q.span) {
            e.other_quantities.push(q);
        }
    }
    for (kind, q) in o.casualties.iter() {
        let slot = e.casualties.slot(kind);
        if slot.is_none() {
            *slot = Some(q.clone());
        }
    }
    let own_date = |d: &Option<attache_event::EventDate>| {
        d.as_ref().is_some_and(|d| !d.inherited && d.resolved)
    };
    if !own_date(&e.date) && (own_date(&o.date) || e.date.is_none()) {
        e.date = o.date;
        merged.interval = other.interval;
    } else if let (Some(x), Some(y)) = (merged.interval, other.interval) {
        // Both dated: keep the narrower interval ("on Monday" inside "in recent days").
        if own_date(&o.date) && (y.end - y.start) < (x.end - x.start) {
            e.date = o.date;
            merged.interval = other.interval;
        }
    }
    if e.planned.is_none() {
        e.planned = o.planned;
    }
    if e.location.is_none() {
        e.location = o.location;
    }
    if e.attribution.is_none() {
        e.attribution = o.attribution;
    }
    for c in o.context {
        if !e.context.contains(&c) {
            e.context.push(c);
        }
    }
    merged.weight = merged.weight.max(other.weight);
}

/// What two mentions must share for the within-document rule to join them (category, mode,
/// kind of modality, actor set): mentions are filed under it so that each new mention is
/// compared with its like only, and a long document codes in linear time.
#[derive(Debug, PartialEq, Eq, Hash)]
struct MergeKey {
    category: attache_event::EventCategory,
    mode: Option<String>,
    class: attache_event::MergeClass,
    actors: Vec<String>,
}

impl MergeKey {
    fn of(found: &Found) -> MergeKey {
        let e = &found.event;
        let mut actors: Vec<String> = e.actor_codes().into_iter().map(str::to_string).collect();
        actors.sort();
        MergeKey {
            category: e.event,
            mode: e.mode.clone(),
            class: e.modality.merge_class(),
            actors,
        }
    }
}

/// Merges the mentions of one document into events, ordered by first mention. Each mention
/// joins the earliest event it may merge with, as a scan of all events would find it.
pub fn merge_document(found: Vec<Found>) -> Vec<Event> {
    const { assert!(!Policy::WITHIN_DOCUMENT.open_mode) };
    let mut events: Vec<Found> = Vec::new();
    let mut filed: std::collections::HashMap<MergeKey, Vec<usize>> = Default::default();
    for f in found {
        // An aggregate claim never merges within a document (`ClaimRule::Never`).
        let key = (!f.event.aggregate).then(|| MergeKey::of(&f));
        let like = key.as_ref().and_then(|k| filed.get(k));
        match like.and_then(|ids| ids.iter().copied().find(|&i| mergeable(&events[i], &f))) {
            Some(i) => absorb(&mut events[i], f),
            None => {
                if let Some(key) = key {
                    filed.entry(key).or_default().push(events.len());
                }
                events.push(f);
            }
        }
    }
    let mut out: Vec<Event> = events.into_iter().map(|f| in_text_order(f.event)).collect();
    out.sort_by_key(|e| e.mentions.first().map_or(e.trigger.span[0], |m| m.span[0]));
    out
}

/// The event's mentions in text order (by start, then end), each place once.
fn in_text_order(mut event: Event) -> Event {
    event.mentions.sort_by_key(|m| m.span);
    event.mentions.dedup_by_key(|m| m.span);
    event
}
