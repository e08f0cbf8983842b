//! Tallies: per group, the sum of merged events' counts as a range, with the number of events,
//! of events without a count and of distinct sources; aggregate claims beside, never inside.
//!
//! Negated and hypothetical events are never tallied. Planned events are tallied and flagged
//! (`planned` counts them). An event with several actors (not an aggregate claim) appears in each
//! actor's row with its full figure and is counted in `shared`: such rows must not be added up.

use crate::{Filter, GroupMembers, StoredEvent, code_matches};
use attache_event::Modality;
use serde::Serialize;
use std::collections::BTreeMap;

/// What a tally groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Actor,
    Recipient,
    Month,
    Event,
}

impl GroupBy {
    pub fn parse(name: &str) -> Option<GroupBy> {
        match name {
            "actor" => Some(GroupBy::Actor),
            "recipient" => Some(GroupBy::Recipient),
            "month" => Some(GroupBy::Month),
            "event" => Some(GroupBy::Event),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Actor => "actor",
            GroupBy::Recipient => "recipient",
            GroupBy::Month => "month",
            GroupBy::Event => "event",
        }
    }
}

/// A further figure summed per unit over a row's events: "7 diplomat".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OtherCount {
    pub unit: String,
    pub count_low: Option<i64>,
    pub count_high: Option<i64>,
}

/// One group of a tally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TallyRow {
    pub group: String,
    /// Sum of the lowest counts reports give; `None` when no event of the group has a count.
    pub count_low: Option<i64>,
    /// Sum of the highest counts; `None` when unknown (an event without a count or an open
    /// figure such as "at least 300").
    pub count_high: Option<i64>,
    pub events: usize,
    pub events_without_count: usize,
    /// Events whose reports give different counts.
    pub conflicting: usize,
    /// Events announced but not (yet) reported as done.
    pub planned: usize,
    /// Events this row shares with other groups' rows (several actors acting together).
    pub shared: usize,
    pub sources: usize,
    pub source_names: Vec<String>,
    pub other_counts: Vec<OtherCount>,
    pub event_ids: Vec<i64>,
}

/// An aggregate claim shown beside a tally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimRow {
    pub claim: bool,
    pub event_id: i64,
    pub group: String,
    pub actors: Vec<String>,
    pub recipients: Vec<String>,
    pub count_low: Option<i64>,
    pub count_high: Option<i64>,
    /// The words of the figures: "at least 300".
    pub text: Vec<String>,
    /// Who the reports credit: "Financial Times".
    pub attributions: Vec<String>,
    pub sources: Vec<String>,
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub by: String,
    pub rows: Vec<TallyRow>,
    pub claims: Vec<ClaimRow>,
}

fn add(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    Some(a? + b?)
}

/// Tallies `events` (already selected by `filter`). When grouping by the role a filter names,
/// only the codes it selects become rows.
pub fn tally(
    events: &[StoredEvent],
    filter: &Filter,
    by: GroupBy,
    groups: &dyn GroupMembers,
) -> Tally {
    let mut rows: BTreeMap<String, TallyRow> = BTreeMap::new();
    let mut claims = Vec::new();
    for stored in events {
        let event = &stored.event;
        if matches!(event.modality, Modality::Negated | Modality::Hypothetical) {
            continue;
        }
        if event.claim {
            claims.push(claim_row(stored));
            continue;
        }
        let day = event.day();
        let keep = |wanted: &Option<String>, code: &str| {
            wanted
                .as_deref()
                .is_none_or(|w| code_matches(w, code, day, groups))
        };
        let keys: Vec<String> = match by {
            GroupBy::Actor => role_keys(&event.actors, |c| keep(&filter.actor, c)),
            GroupBy::Recipient => role_keys(&event.recipients, |c| keep(&filter.recipient, c)),
            GroupBy::Month => vec![event.month().unwrap_or_else(|| "undated".to_string())],
            GroupBy::Event => vec![match &event.mode {
                Some(mode) => format!("{}/{mode}", event.category),
                None => event.category.to_string(),
            }],
        };
        let shared = keys.len() > 1;
        let (low, high) = event.count_range();
        for key in keys {
            let row = rows.entry(key.clone()).or_insert_with(|| TallyRow {
                group: key,
                count_low: None,
                count_high: Some(0),
                events: 0,
                events_without_count: 0,
                conflicting: 0,
                planned: 0,
                shared: 0,
                sources: 0,
                source_names: Vec::new(),
                other_counts: Vec::new(),
                event_ids: Vec::new(),
            });
            row.events += 1;
            row.event_ids.push(stored.id);
            if low.is_none() && high.is_none() {
                row.events_without_count += 1;
                row.count_high = None;
            } else {
                row.count_low = Some(row.count_low.unwrap_or(0) + low.unwrap_or(0));
                row.count_high = add(row.count_high, high);
            }
            row.conflicting += usize::from(event.counts_conflict());
            row.planned += usize::from(event.modality == Modality::Planned);
            row.shared += usize::from(shared);
            for source in &event.sources {
                if !row.source_names.contains(source) {
                    row.source_names.push(source.clone());
                }
            }
            for (unit, lo, hi) in event.other_counts() {
                match row.other_counts.iter_mut().find(|o| o.unit == unit) {
                    Some(other) => {
                        other.count_low = add(other.count_low, lo);
                        other.count_high = add(other.count_high, hi);
                    }
                    None => row.other_counts.push(OtherCount {
                        unit,
                        count_low: lo,
                        count_high: hi,
                    }),
                }
            }
        }
    }
    let mut rows: Vec<TallyRow> = rows
        .into_values()
        .map(|mut row| {
            row.sources = row.source_names.len();
            if row.count_low.is_none() {
                row.count_high = None;
            }
            row
        })
        .collect();
    // Largest first; groups without any count last.
    rows.sort_by(|a, b| {
        b.count_low
            .unwrap_or(-1)
            .cmp(&a.count_low.unwrap_or(-1))
            .then_with(|| a.group.cmp(&b.group))
    });
    Tally {
        by: by.as_str().to_string(),
        rows,
        claims,
    }
}

fn role_keys(codes: &[String], keep: impl Fn(&str) -> bool) -> Vec<String> {
    if codes.is_empty() {
        return vec!["unknown".to_string()];
    }
    codes.iter().filter(|c| keep(c)).cloned().collect()
}

fn claim_row(stored: &StoredEvent) -> ClaimRow {
    let event = &stored.event;
    let (low, high) = event.count_range();
    let mut text = Vec::new();
    let mut attributions = Vec::new();
    for figure in event.figures.iter().filter(|f| f.main) {
        if !text.contains(&figure.text) {
            text.push(figure.text.clone());
        }
        if let Some(a) = &figure.attribution
            && !attributions.contains(a)
        {
            attributions.push(a.clone());
        }
    }
    let group = if event.actors.is_empty() {
        "unknown".to_string()
    } else {
        event.actors.join("+")
    };
    ClaimRow {
        claim: true,
        event_id: stored.id,
        group,
        actors: event.actors.clone(),
        recipients: event.recipients.clone(),
        count_low: low,
        count_high: high,
        text,
        attributions,
        sources: event.sources.clone(),
        date: event.date.map(|d| d.describe()),
    }
}

/// "30", "25-27", "300+" or "-": how a table shows a count range.
pub fn show_range(low: Option<i64>, high: Option<i64>) -> String {
    match (low, high) {
        (None, None) => "-".to_string(),
        (Some(l), Some(h)) if l == h => l.to_string(),
        (Some(l), Some(h)) => format!("{l}-{h}"),
        (Some(l), None) => format!("{l}+"),
        (None, Some(h)) => format!("<={h}"),
    }
}
