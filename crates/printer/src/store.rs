//! How stored events, tallies and event details are written: tables for people, JSON Lines and
//! CSV for programs.

use crate::{ListFormat, PrintError, terminal};
use attache_store::tally::show_range;
use attache_store::{EventDetail, StoredEvent, Tally};
use serde_json::{Value, json};
use std::io::Write;

type Out<'a> = &'a mut dyn Write;

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn csv_row(out: Out, fields: &[String]) -> Result<(), PrintError> {
    let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    writeln!(out, "{}", row.join(",")).map_err(PrintError::from)
}

/// One line of a table or an event's detail, its control characters escaped for a terminal.
fn terminal_line(out: Out, line: &str) -> Result<(), PrintError> {
    writeln!(out, "{}", terminal::one_line(line)).map_err(PrintError::from)
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map_or(String::new(), |v| v.to_string())
}

/// English plural of a counted unit: "diplomat" -> "diplomats"; mass nouns stay.
fn plural(unit: &str, n: i64) -> String {
    let mass = ["staff", "personnel", "people", "police", "military"];
    if n == 1 || unit.is_empty() || mass.iter().any(|m| unit.ends_with(m)) || unit.ends_with('s') {
        return unit.to_string();
    }
    if let Some(stem) = unit.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        return format!("{stem}ies");
    }
    if unit.ends_with("ch") || unit.ends_with("sh") || unit.ends_with('x') {
        return format!("{unit}es");
    }
    format!("{unit}s")
}

/// "(7 diplomats, 2 consulates)" for further figures, or "".
fn others_text(others: &[(String, Option<i64>, Option<i64>)]) -> String {
    let parts: Vec<String> = others
        .iter()
        .map(|(unit, lo, hi)| {
            let n = hi.or(*lo).unwrap_or(0);
            format!("{} {}", show_range(*lo, *hi), plural(unit, n))
                .trim()
                .to_string()
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("({})", parts.join(", "))
    }
}

fn codes(list: &[String]) -> String {
    if list.is_empty() {
        "-".to_string()
    } else {
        list.join(",")
    }
}

fn kind(stored: &StoredEvent) -> String {
    let e = &stored.event;
    let mut kind = match &e.mode {
        Some(mode) => format!("{}/{mode}", e.category),
        None => e.category.to_string(),
    };
    if e.claim {
        kind.push_str(" [claim]");
    }
    if e.modality != attache_event::Modality::Asserted {
        kind.push_str(&format!(" [{}]", e.modality.as_str()));
    }
    kind
}

/// The JSON of a stored event with the figures a reader wants first.
fn event_json(stored: &StoredEvent) -> Value {
    let e = &stored.event;
    let (low, high) = e.count_range();
    let mut value = serde_json::to_value(stored).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("count_low".into(), json!(low));
        map.insert("count_high".into(), json!(high));
        map.insert("counts_conflict".into(), json!(e.counts_conflict()));
        let others: Vec<Value> = e
            .other_counts()
            .into_iter()
            .map(|(unit, lo, hi)| json!({"unit": unit, "count_low": lo, "count_high": hi}))
            .collect();
        map.insert("other_counts".into(), Value::Array(others));
        map.insert("day".into(), json!(e.day().map(|d| d.to_string())));
    }
    value
}

const EVENT_CSV_HEADER: [&str; 14] = [
    "id",
    "category",
    "mode",
    "modality",
    "claim",
    "date_start",
    "date_end",
    "actors",
    "recipients",
    "count_low",
    "count_high",
    "other_counts",
    "sources",
    "reports",
];

fn event_csv(stored: &StoredEvent) -> Vec<String> {
    let e = &stored.event;
    let (low, high) = e.count_range();
    vec![
        stored.id.to_string(),
        e.category.to_string(),
        e.mode.clone().unwrap_or_default(),
        e.modality.as_str().to_string(),
        e.claim.to_string(),
        opt(e.date.map(|d| d.start)),
        opt(e.date.map(|d| d.end)),
        e.actors.join(" "),
        e.recipients.join(" "),
        opt(low),
        opt(high),
        others_text(&e.other_counts()),
        e.sources.join("; "),
        e.reports.to_string(),
    ]
}

/// Runs a query on the database at `db`, opened read-only, writing through a buffer to
/// standard output. A reader that went away (`| head`) ends the output without an error.
pub fn query(
    db: &std::path::Path,
    body: impl FnOnce(&attache_store::SqliteStore, &mut dyn Write) -> Result<(), PrintError>,
) -> Result<(), PrintError> {
    let store = attache_store::SqliteStore::open_read_only(db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match body(&store, &mut out).and_then(|()| out.flush().map_err(PrintError::from)) {
        Err(e) if e.is_closed_pipe() => Ok(()),
        result => result,
    }
}

pub fn write_events(
    out: Out,
    events: &[StoredEvent],
    format: ListFormat,
) -> Result<(), PrintError> {
    match format {
        ListFormat::Jsonl => {
            for stored in events {
                writeln!(out, "{}", event_json(stored)).map_err(PrintError::from)?;
            }
        }
        ListFormat::Csv => {
            csv_row(out, &EVENT_CSV_HEADER.map(String::from))?;
            for stored in events {
                csv_row(out, &event_csv(stored))?;
            }
        }
        ListFormat::Table => {
            writeln!(
                out,
                "{:>6}  {:<22}  {:<30}  {:<12}  {:<12}  {:>9}  {:<16}  SOURCES",
                "ID", "DATE", "EVENT", "ACTORS", "RECIPIENTS", "COUNT", "PLACE"
            )
            .map_err(PrintError::from)?;
            for stored in events {
                let e = &stored.event;
                let (low, high) = e.count_range();
                let count = format!(
                    "{} {}",
                    show_range(low, high),
                    others_text(&e.other_counts())
                );
                let row = format!(
                    "{:>6}  {:<22}  {:<30}  {:<12}  {:<12}  {:>9}  {:<16}  {}",
                    stored.id,
                    e.date.map_or("undated".to_string(), |d| d.short()),
                    kind(stored),
                    codes(&e.actors),
                    codes(&e.recipients),
                    count.trim(),
                    crate::terminal::shortened(
                        &e.places.first().map_or(String::new(), place_short),
                        16
                    ),
                    e.sources.join("; ")
                );
                terminal_line(out, &row)?;
            }
            writeln!(out, "{} events", events.len()).map_err(PrintError::from)?;
        }
    }
    Ok(())
}

pub fn write_tally(out: Out, tally: &Tally, format: ListFormat) -> Result<(), PrintError> {
    match format {
        ListFormat::Jsonl => {
            for row in &tally.rows {
                let mut value = serde_json::to_value(row)
                    .map_err(|e| PrintError::from(std::io::Error::from(e)))?;
                if let Value::Object(map) = &mut value {
                    map.insert("claim".into(), json!(false));
                    map.insert("by".into(), json!(tally.by));
                }
                writeln!(out, "{value}").map_err(PrintError::from)?;
            }
            for claim in &tally.claims {
                let value = serde_json::to_value(claim)
                    .map_err(|e| PrintError::from(std::io::Error::from(e)))?;
                writeln!(out, "{value}").map_err(PrintError::from)?;
            }
        }
        ListFormat::Csv => {
            let header = [
                "claim",
                "group",
                "count_low",
                "count_high",
                "events",
                "events_without_count",
                "conflicting",
                "planned",
                "shared",
                "sources",
                "other_counts",
                "text",
                "unit",
            ];
            csv_row(out, &header.map(String::from))?;
            for row in &tally.rows {
                let others: Vec<(String, Option<i64>, Option<i64>)> = row
                    .other_counts
                    .iter()
                    .map(|o| (o.unit.clone(), o.count_low, o.count_high))
                    .collect();
                csv_row(
                    out,
                    &[
                        "false".into(),
                        row.group.clone(),
                        opt(row.count_low),
                        opt(row.count_high),
                        row.events.to_string(),
                        row.events_without_count.to_string(),
                        row.conflicting.to_string(),
                        row.planned.to_string(),
                        row.shared.to_string(),
                        row.sources.to_string(),
                        others_text(&others),
                        String::new(),
                        row.unit.clone().unwrap_or_default(),
                    ],
                )?;
            }
            for claim in &tally.claims {
                csv_row(
                    out,
                    &[
                        "true".into(),
                        claim.group.clone(),
                        opt(claim.count_low),
                        opt(claim.count_high),
                        "1".into(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        claim.sources.len().to_string(),
                        String::new(),
                        claim.text.join("; "),
                        claim.unit.clone().unwrap_or_default(),
                    ],
                )?;
            }
        }
        ListFormat::Table => write_tally_table(out, tally)?,
    }
    Ok(())
}

fn write_tally_table(out: Out, tally: &Tally) -> Result<(), PrintError> {
    writeln!(
        out,
        "{:<10}  {:>9}  {:<10}  {:<20}  {:>6}  {:>8}  {:>7}  NOTES",
        tally.by.to_ascii_uppercase(),
        tally.figure.to_ascii_uppercase(),
        "UNIT",
        "",
        "EVENTS",
        "NO COUNT",
        "SOURCES"
    )
    .map_err(PrintError::from)?;
    for row in &tally.rows {
        let others: Vec<(String, Option<i64>, Option<i64>)> = row
            .other_counts
            .iter()
            .map(|o| (o.unit.clone(), o.count_low, o.count_high))
            .collect();
        let mut notes = Vec::new();
        if row.conflicting > 0 {
            notes.push(format!("{} with conflicting reports", row.conflicting));
        }
        if row.planned > 0 {
            notes.push(format!("{} planned", row.planned));
        }
        if row.shared > 0 {
            notes.push(format!("{} shared with other rows", row.shared));
        }
        let line = format!(
            "{:<10}  {:>9}  {:<10}  {:<20}  {:>6}  {:>8}  {:>7}  {}",
            row.group,
            show_range(row.count_low, row.count_high),
            row.unit.as_deref().unwrap_or("-"),
            others_text(&others),
            row.events,
            row.events_without_count,
            row.sources,
            notes.join("; ")
        );
        terminal_line(out, &line)?;
    }
    if !tally.claims.is_empty() {
        writeln!(
            out,
            "\nClaims beside the tally (totals reported, not added into it):"
        )
        .map_err(PrintError::from)?;
        for claim in &tally.claims {
            let credit = if claim.attributions.is_empty() {
                claim.sources.join("; ")
            } else {
                claim.attributions.join("; ")
            };
            let line = format!(
                "  {:>9} {}  \"{}\"  actors {}  recipients {}  {}  ({credit})  [event {}]",
                show_range(claim.count_low, claim.count_high),
                claim.unit.as_deref().unwrap_or("-"),
                claim.text.join("\" / \""),
                codes(&claim.actors),
                codes(&claim.recipients),
                claim.date.as_deref().unwrap_or("undated"),
                claim.event_id
            );
            terminal_line(out, &line)?;
        }
    }
    Ok(())
}

/// The sentence with the event's words marked «like this»: trigger, figures and participants.
fn highlighted(record: &attache_event::Event) -> String {
    let sentence = &record.sentence;
    let base = sentence.span[0];
    let mut spans: Vec<[usize; 2]> = vec![record.trigger.span];
    spans.extend(record.quantity.iter().map(|q| q.span));
    spans.extend(
        record
            .actors
            .iter()
            .chain(&record.recipients)
            .map(|a| a.span),
    );
    let text = &sentence.text;
    let mut marks: Vec<(usize, usize)> = spans
        .into_iter()
        .filter(|[s, e]| *s >= base && e > s && e - base <= text.len())
        .map(|[s, e]| (s - base, e - base))
        .filter(|(s, e)| text.is_char_boundary(*s) && text.is_char_boundary(*e))
        .collect();
    marks.sort_unstable();
    let mut out = String::new();
    let mut at = 0;
    for (start, end) in marks {
        if start < at {
            continue; // overlapping spans: keep the first
        }
        out.push_str(&text[at..start]);
        out.push('«');
        out.push_str(&text[start..end]);
        out.push('»');
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// "Mosul IRQ" for a table cell.
fn place_short(place: &attache_store::Place) -> String {
    let l = &place.location;
    let name = l.name.as_deref().unwrap_or(&l.text);
    format!("{name} {}", l.country.as_deref().unwrap_or(""))
        .trim_end()
        .to_string()
}

/// "Mosul, IRQ (IQ.15) 36.3350,43.1189 city, near, geonames 99072, from the clause of doc-7".
fn place_long(place: &attache_store::Place) -> String {
    let l = &place.location;
    let mut parts = vec![
        l.name
            .clone()
            .unwrap_or_else(|| format!("\"{}\" (not in the gazetteer)", l.text)),
    ];
    parts.extend(l.country.clone());
    parts.extend(l.admin1.as_ref().map(|a| format!("({a})")));
    parts.extend(l.lat.zip(l.lon).map(|(a, o)| format!("{a:.4},{o:.4}")));
    parts.extend(l.feature.map(|f| f.as_str().to_string()));
    parts.extend(l.precision.filter(|p| *p == 2).map(|_| "near".to_string()));
    parts.extend(l.geonames_id.map(|g| format!("geonames {g}")));
    let from = match l.from {
        attache_event::PlaceFrom::Clause => "clause",
        attache_event::PlaceFrom::Dateline => "dateline",
    };
    format!("{}, from the {from} of {}", parts.join(" "), place.document)
}

/// `attache show`: one event's fields, its figures and places, then each mention with why it
/// joined.
pub fn write_detail(out: Out, detail: &EventDetail) -> Result<(), PrintError> {
    let stored = &detail.stored;
    let e = &stored.event;
    let head = format!(
        "Event {}: {} ({})",
        stored.id,
        kind(stored),
        e.modality.as_str()
    );
    terminal_line(out, &head)?;
    terminal_line(out, &format!("  actors:     {}", codes(&e.actors)))?;
    terminal_line(out, &format!("  recipients: {}", codes(&e.recipients)))?;
    terminal_line(out, &format!("  date:       {}", date_long(e)))?;
    write_figures(out, e)?;
    for place in &e.places {
        terminal_line(out, &format!("  place:      {}", place_long(place)))?;
    }
    terminal_line(out, &format!("  sources:    {}", e.sources.join("; ")))?;
    write_mentions(out, detail)
}

fn date_long(e: &attache_store::MergedEvent) -> String {
    e.date.map_or("undated".into(), |d| {
        let precision = attache_event::DatePrecision::of(d.start, d.end);
        if d.exact {
            format!("{} ({precision})", d.describe())
        } else {
            d.describe()
        }
    })
}

/// The count, each casualty figure, and every figure as reported with its credit.
fn write_figures(out: Out, e: &attache_store::MergedEvent) -> Result<(), PrintError> {
    let (low, high) = e.count_range();
    let conflict = if e.counts_conflict() {
        "  (reports disagree)"
    } else {
        ""
    };
    let count = format!(
        "  count:      {} {}{conflict}",
        show_range(low, high),
        others_text(&e.other_counts())
    );
    terminal_line(out, &count)?;
    for kind in attache_event::CasualtyKind::ALL {
        let choice = attache_store::FigureChoice::Casualty(kind);
        if e.has_figure(choice) {
            let (low, high) = e.figure_range(choice);
            let unit = e.figure_unit(choice).unwrap_or_default();
            let label = format!("{kind}:");
            terminal_line(
                out,
                &format!("  {label:<11} {} {unit}", show_range(low, high)),
            )?;
        }
    }
    for figure in &e.figures {
        let credit = figure
            .attribution
            .as_ref()
            .map_or(String::new(), |a| format!(", credited to {a}"));
        let kind = figure.casualty.map_or(String::new(), |k| format!("{k}: "));
        let line = format!(
            "    {kind}\"{}\" in {} ({}{credit})",
            figure.text, figure.document, figure.source
        );
        terminal_line(out, &line)?;
    }
    Ok(())
}

/// Each mention: its document and sentence, the sentence with the trigger marked, and why it
/// joined the event.
fn write_mentions(out: Out, detail: &EventDetail) -> Result<(), PrintError> {
    terminal_line(out, &format!("Mentions ({}):", detail.mentions.len()))?;
    for (n, m) in detail.mentions.iter().enumerate() {
        let mut about = vec![m.source.clone().unwrap_or_else(|| "source unknown".into())];
        about.extend(m.published.map(|d| d.to_string()));
        let line = format!(
            "  [{}] {} ({}), sentence {}, mention {}",
            n + 1,
            m.document,
            about.join(", "),
            m.record.sentence.index,
            m.mention
        );
        terminal_line(out, &line)?;
        if let Some(title) = &m.title {
            terminal_line(out, &format!("      title: {title}"))?;
        }
        terminal_line(out, &format!("      {}", highlighted(&m.record)))?;
        let role = if m.role == "report" {
            String::new()
        } else {
            format!(" [{}]", m.role)
        };
        terminal_line(out, &format!("      why: {}{role}", m.reason))?;
    }
    Ok(())
}
