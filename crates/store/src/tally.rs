//! Tallies: per group, the sum of merged events' counts as a range, with the number of events,
//! of events without a count and of distinct sources; aggregate claims beside, never inside.
//!
//! Only like is summed with like: a row is a group and a unit ("diplomat", "people", "USD"), so
//! money is never added to people. Events without the figure join their group's row when the
//! group has one unit, else a row of their own without a unit.
//!
//! Negated and hypothetical events are never tallied. Planned events are tallied and flagged
//! (`planned` counts them). An event with several actors (not an aggregate claim) appears in each
//! actor's row with its full figure and is counted in `shared`: such rows must not be added up.

use crate::merge::FigureChoice;
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
    /// What the row counts ("diplomat", "people", "USD"); null for events without the figure
    /// in a group with several units, or figures without a unit.
    pub unit: Option<String>,
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
    pub unit: Option<String>,
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
    /// The figure summed: "count" or a casualty kind ("killed", ...).
    pub figure: String,
    pub rows: Vec<TallyRow>,
    pub claims: Vec<ClaimRow>,
}

fn add(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    Some(a? + b?)
}

/// Tallies the counts of `events` (already selected by `filter`); see [`tally_of`].
pub fn tally(
    events: &[StoredEvent],
    filter: &Filter,
    by: GroupBy,
    groups: &dyn GroupMembers,
) -> Tally {
    tally_of(events, filter, by, FigureChoice::Count, groups)
}

/// One tallied event: the groups it counts in, its unit and its figure.
struct Entry<'a> {
    stored: &'a StoredEvent,
    keys: Vec<String>,
    unit: Option<String>,
    has_figure: bool,
    range: (Option<i64>, Option<i64>),
}

/// The groups an event counts in.
fn group_keys(
    stored: &StoredEvent,
    filter: &Filter,
    by: GroupBy,
    groups: &dyn GroupMembers,
) -> Vec<String> {
    let event = &stored.event;
    let day = event.day();
    let keep = |wanted: &Option<String>, code: &str| {
        wanted
            .as_deref()
            .is_none_or(|w| code_matches(w, code, day, groups))
    };
    match by {
        GroupBy::Actor => role_keys(&event.actors, |c| keep(&filter.actor, c)),
        GroupBy::Recipient => role_keys(&event.recipients, |c| keep(&filter.recipient, c)),
        GroupBy::Month => vec![event.month().unwrap_or_else(|| "undated".to_string())],
        GroupBy::Event => vec![match &event.mode {
            Some(mode) => format!("{}/{mode}", event.category),
            None => event.category.to_string(),
        }],
    }
}

/// Tallies the chosen figure of `events` (already selected by `filter`), a row per group and
/// unit. When grouping by the role a filter names, only the codes it selects become rows.
pub fn tally_of(
    events: &[StoredEvent],
    filter: &Filter,
    by: GroupBy,
    figure: FigureChoice,
    groups: &dyn GroupMembers,
) -> Tally {
    let mut claims = Vec::new();
    let mut entries: Vec<Entry<'_>> = Vec::new();
    for stored in events {
        let event = &stored.event;
        if matches!(event.modality, Modality::Negated | Modality::Hypothetical) {
            continue;
        }
        if event.claim {
            if figure == FigureChoice::Count || event.has_figure(figure) {
                claims.push(claim_row(stored, figure));
            }
            continue;
        }
        entries.push(Entry {
            stored,
            keys: group_keys(stored, filter, by, groups),
            unit: event.figure_unit(figure).map(str::to_string),
            has_figure: event.has_figure(figure),
            range: event.figure_range(figure),
        });
    }
    // The units each group's figures come in: events without the figure join the only one.
    let mut units: BTreeMap<&str, Vec<Option<&str>>> = BTreeMap::new();
    for entry in entries.iter().filter(|e| e.has_figure) {
        for key in &entry.keys {
            let seen = units.entry(key).or_default();
            if !seen.contains(&entry.unit.as_deref()) {
                seen.push(entry.unit.as_deref());
            }
        }
    }
    let mut rows: BTreeMap<(String, Option<String>), TallyRow> = BTreeMap::new();
    for entry in &entries {
        let shared = entry.keys.len() > 1;
        for key in &entry.keys {
            let unit = if entry.has_figure {
                entry.unit.clone()
            } else {
                match units.get(key.as_str()).map(Vec::as_slice) {
                    Some([only]) => only.map(str::to_string),
                    _ => None,
                }
            };
            let row = rows
                .entry((key.clone(), unit.clone()))
                .or_insert_with(|| empty_row(key, unit));
            add_event(row, entry, shared, figure);
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
            .then_with(|| a.unit.cmp(&b.unit))
    });
    Tally {
        by: by.as_str().to_string(),
        figure: figure.as_str().to_string(),
        rows,
        claims,
    }
}

fn empty_row(group: &str, unit: Option<String>) -> TallyRow {
    TallyRow {
        group: group.to_string(),
        unit,
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
    }
}

/// Adds one event to a row: its figure, its sources and (for counts) its further figures.
fn add_event(row: &mut TallyRow, entry: &Entry<'_>, shared: bool, figure: FigureChoice) {
    let event = &entry.stored.event;
    let (low, high) = entry.range;
    row.events += 1;
    row.event_ids.push(entry.stored.id);
    if low.is_none() && high.is_none() {
        row.events_without_count += 1;
        row.count_high = None;
    } else {
        row.count_low = Some(row.count_low.unwrap_or(0) + low.unwrap_or(0));
        row.count_high = add(row.count_high, high);
    }
    if figure == FigureChoice::Count {
        row.conflicting += usize::from(event.counts_conflict());
    }
    row.planned += usize::from(event.modality == Modality::Planned);
    row.shared += usize::from(shared);
    for source in &event.sources {
        if !row.source_names.contains(source) {
            row.source_names.push(source.clone());
        }
    }
    if figure != FigureChoice::Count {
        return;
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

fn role_keys(codes: &[String], keep: impl Fn(&str) -> bool) -> Vec<String> {
    if codes.is_empty() {
        return vec!["unknown".to_string()];
    }
    codes.iter().filter(|c| keep(c)).cloned().collect()
}

fn claim_row(stored: &StoredEvent, choice: FigureChoice) -> ClaimRow {
    let event = &stored.event;
    let (low, high) = event.figure_range(choice);
    let mut text = Vec::new();
    let mut attributions = Vec::new();
    let wanted = |f: &&crate::merge::Figure| match choice {
        FigureChoice::Count => f.main && f.casualty.is_none(),
        FigureChoice::Casualty(kind) => f.casualty == Some(kind),
    };
    for figure in event.figures.iter().filter(wanted) {
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
        unit: event.figure_unit(choice).map(str::to_string),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::NoGroups;
    use crate::merge::MergedEvent;
    use crate::test_events::{expulsion, merge_all, quantity, report};
    use attache_event::{CasualtyKind, Event, EventCategory, Qualifier};

    fn stored(events: Vec<MergedEvent>) -> Vec<StoredEvent> {
        events
            .into_iter()
            .enumerate()
            .map(|(i, event)| StoredEvent {
                id: i as i64 + 1,
                event,
            })
            .collect()
    }

    fn row<'a>(tally: &'a Tally, group: &str) -> &'a TallyRow {
        tally.rows.iter().find(|r| r.group == group).unwrap()
    }

    #[test]
    fn ranges_missing_counts_and_sources_add_up_per_group() {
        let events = stored(merge_all(&[
            report(
                &expulsion("a", &["DEU"], Some(40.0), Some("2022-04-04")),
                "DW",
            ),
            report(
                &expulsion("b", &["DEU"], Some(36.0), Some("2022-04-04")),
                "Reuters",
            ),
            report(&expulsion("c", &["DEU"], None, Some("2022-05-10")), "AFP"),
            report(&expulsion("d", &["ESP"], None, Some("2022-04-05")), "AFP"),
        ]));
        let tally = tally(&events, &Filter::default(), GroupBy::Actor, &NoGroups);
        let deu = row(&tally, "DEU");
        assert_eq!((deu.count_low, deu.count_high), (Some(36), None));
        assert_eq!(
            (deu.events, deu.events_without_count, deu.conflicting),
            (2, 1, 1)
        );
        assert_eq!(deu.source_names, ["DW", "Reuters", "AFP"]);
        let esp = row(&tally, "ESP");
        assert_eq!((esp.count_low, esp.count_high), (None, None));
        assert_eq!(show_range(deu.count_low, deu.count_high), "36+");
        assert_eq!(show_range(Some(25), Some(27)), "25-27");
    }

    #[test]
    fn denials_and_hypotheticals_are_not_tallied_and_plans_are_flagged() {
        let mut denied = expulsion("a", &["HUN"], Some(5.0), Some("2022-04-05"));
        denied.modality = Modality::Negated;
        let mut maybe = expulsion("b", &["AUT"], Some(4.0), Some("2022-04-05"));
        maybe.modality = Modality::Hypothetical;
        let mut plan = expulsion("c", &["EST"], Some(14.0), Some("2022-04-30"));
        plan.modality = Modality::Planned;
        let events = stored(merge_all(&[
            report(&denied, "X"),
            report(&maybe, "Y"),
            report(&plan, "Z"),
        ]));
        let tally = tally(&events, &Filter::default(), GroupBy::Actor, &NoGroups);
        assert_eq!(tally.rows.len(), 1);
        assert_eq!(row(&tally, "EST").planned, 1);
    }

    #[test]
    fn a_joint_event_is_in_each_actors_row_and_a_claim_in_none() {
        let joint = expulsion("a", &["LVA", "LTU"], Some(3.0), Some("2022-04-05"));
        let mut total = expulsion("b", &["ITA", "ESP"], None, Some("2022-04-05"));
        total.aggregate = true;
        total.quantity = Some(quantity(80.0, "diplomat", attache_event::Qualifier::Exact));
        let events = stored(merge_all(&[report(&joint, "X"), report(&total, "Y")]));
        let tally = tally(&events, &Filter::default(), GroupBy::Actor, &NoGroups);
        for country in ["LVA", "LTU"] {
            let r = row(&tally, country);
            assert_eq!((r.count_low, r.shared), (Some(3), 1));
        }
        assert!(tally.rows.iter().all(|r| r.group != "ITA"));
        assert_eq!(tally.claims.len(), 1);
        assert_eq!(tally.claims[0].count_low, Some(80));
        assert_eq!(tally.claims[0].group, "ITA+ESP");
    }

    #[test]
    fn a_filtered_role_keeps_only_the_selected_codes_as_rows() {
        let joint = expulsion("a", &["LVA", "LTU"], Some(3.0), Some("2022-04-05"));
        let events = stored(merge_all(&[report(&joint, "X")]));
        let filter = Filter {
            actor: Some("LTU".to_string()),
            ..Filter::default()
        };
        let tally = tally(&events, &filter, GroupBy::Actor, &NoGroups);
        assert_eq!(tally.rows.len(), 1);
        assert_eq!(tally.rows[0].group, "LTU");
    }

    /// An event of `category` by `actor` with a headline figure.
    fn figured(doc: &str, category: EventCategory, figure: Option<(f64, &str)>) -> Event {
        let mut e = expulsion(doc, &["DEU"], None, Some("2022-04-04"));
        e.event = category;
        e.mode = None;
        e.recipients.clear();
        e.quantity = figure.map(|(v, unit)| quantity(v, unit, Qualifier::Exact));
        e
    }

    #[test]
    fn a_tally_over_mixed_units_sums_only_like_with_like() {
        // Failing before the fix: one DEU row of 3,000,000,052 (money added to people).
        let mut assault = figured("c", EventCategory::Assault, Some((12.0, "people")));
        assault.casualties.killed = Some(quantity(12.0, "people", Qualifier::Exact));
        assault.casualties.injured = Some(quantity(30.0, "people", Qualifier::Exact));
        let events = stored(merge_all(&[
            report(
                &figured("a", EventCategory::Sanction, Some((40.0, "diplomat"))),
                "DW",
            ),
            report(&figured("b", EventCategory::Aid, Some((3e9, "USD"))), "AFP"),
            report(&assault, "Reuters"),
            report(&figured("d", EventCategory::Protest, None), "AP"),
        ]));
        let tally = super::tally(&events, &Filter::default(), GroupBy::Actor, &NoGroups);
        let rows: Vec<(Option<&str>, Option<i64>, usize)> = tally
            .rows
            .iter()
            .map(|r| (r.unit.as_deref(), r.count_low, r.events))
            .collect();
        assert_eq!(
            rows,
            [
                (Some("USD"), Some(3_000_000_000), 1),
                (Some("diplomat"), Some(40), 1),
                (Some("people"), Some(12), 1),
                (None, None, 1),
            ]
        );
        assert!(tally.rows.iter().all(|r| r.group == "DEU"));
        // The casualties are their own figures; events without one join the group's only unit.
        let killed = FigureChoice::Casualty(CasualtyKind::Killed);
        let t = tally_of(
            &events,
            &Filter::default(),
            GroupBy::Actor,
            killed,
            &NoGroups,
        );
        assert_eq!(t.figure, "killed");
        assert_eq!(t.rows.len(), 1);
        let r = &t.rows[0];
        assert_eq!(
            (r.unit.as_deref(), r.count_low, r.count_high),
            (Some("people"), Some(12), None)
        );
        assert_eq!((r.events, r.events_without_count), (4, 3));
        let injured = FigureChoice::parse("injured").unwrap();
        let t = tally_of(
            &events,
            &Filter::default(),
            GroupBy::Event,
            injured,
            &NoGroups,
        );
        let assault = t.rows.iter().find(|r| r.group == "ASSAULT").unwrap();
        assert_eq!(
            (assault.count_low, assault.count_high),
            (Some(30), Some(30))
        );
        // A casualty is no further count of the event.
        let t = super::tally(&events, &Filter::default(), GroupBy::Event, &NoGroups);
        let assault = t.rows.iter().find(|r| r.group == "ASSAULT").unwrap();
        assert!(
            assault.other_counts.is_empty(),
            "{:?}",
            assault.other_counts
        );
    }
}
