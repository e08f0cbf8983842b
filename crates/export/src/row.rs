//! One export row per stored event: its facts, the reports behind it in a canonical order
//! (independent of ingest order), and the best mention's sentence.

use crate::id::{MentionKey, event_id};
use crate::schema::Value;
use attache_event::{Actor, Quantity};
use attache_lexicon::Lexicon;
use attache_merge::Count;
use attache_store::{EventDetail, MentionDetail};
use chrono::{Datelike, NaiveDate};
use serde_json::Value as Json;
use std::collections::HashMap;

/// One event as a row: the cells in [`crate::COLUMNS`] order, named for checking.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<(&'static str, Value)>,
}

impl Row {
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.cells.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    pub fn event_id(&self) -> &str {
        match self.get("event_id") {
            Some(Value::Text(Some(id))) => id,
            _ => "",
        }
    }

    pub fn date_start(&self) -> Option<NaiveDate> {
        match self.get("date_start") {
            Some(Value::Date(day)) => *day,
            _ => None,
        }
    }
}

/// A report of the event with what the row needs of it.
struct Report<'a> {
    detail: &'a MentionDetail,
    /// The document's content hash (its id where the store has none).
    hash: &'a str,
    /// The coded record as JSON, for fields read by their names in the event contract.
    json: Json,
}

/// The reports in canonical order: direct reports first, then by publication date, document
/// content hash and trigger position, so that no ingest order shows through.
fn reports<'a>(detail: &'a EventDetail, hashes: &'a HashMap<String, String>) -> Vec<Report<'a>> {
    let mut out: Vec<Report> = detail
        .mentions
        .iter()
        .map(|m| Report {
            detail: m,
            hash: hashes
                .get(&m.document)
                .map_or(m.document.as_str(), String::as_str),
            json: serde_json::to_value(&m.record).unwrap_or(Json::Null),
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |r: &Report<'a>| {
            (
                r.detail.role != "report",
                r.detail.published.is_none(),
                r.detail.published,
                r.hash.to_string(),
                r.detail.record.trigger.span,
                r.detail.role.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    out
}

/// Builds the row of one stored event. `hashes` maps document ids to content hashes.
pub fn build(detail: &EventDetail, hashes: &HashMap<String, String>, lexicon: &Lexicon) -> Row {
    let reports = reports(detail, hashes);
    let event = &detail.stored.event;
    let best = best_report(&reports, event.count_range() != (None, None));
    let mut cells: Vec<(&'static str, Value)> = Vec::with_capacity(crate::COLUMNS.len());
    let readings: Vec<String> = reports.iter().map(|r| reading(&r.detail.record)).collect();
    let id = event_id(
        reports
            .iter()
            .zip(&readings)
            .map(|(r, reading)| MentionKey {
                document: &r.detail.document,
                document_hash: r.hash,
                span: r.detail.record.trigger.span,
                role: &r.detail.role,
                reading,
            }),
    );
    cells.push(("event_id", Value::Text(Some(id))));
    cells.extend(date_cells(event.date, best));
    cells.extend(planned_cells(best));
    cells.extend(kind_cells(detail, &reports, best));
    cells.extend(participant_cells(
        "actor",
        &event.actors,
        &reports,
        lexicon,
        |r| &r.actors,
    ));
    cells.extend(participant_cells(
        "recipient",
        &event.recipients,
        &reports,
        lexicon,
        |r| &r.recipients,
    ));
    cells.extend(count_cells(event));
    cells.extend(casualty_cells(&reports));
    cells.extend(location_cells(&reports));
    cells.extend(source_cells(detail, &reports));
    cells.extend(mention_cells(best, &reports));
    Row { cells }
}

/// What the coder read at a mention: "SANCTION/expel/ITA,ESP>RUS".
fn reading(record: &attache_event::Event) -> String {
    let mode = record.mode.as_deref().unwrap_or("-");
    let actors = record.actor_codes().join(",");
    let recipients = record.recipient_codes().join(",");
    format!("{}/{mode}/{actors}>{recipients}", record.event)
}

/// The mention whose sentence stands for the event: the first direct report that gives a
/// figure when the event has one, else the first report.
fn best_report<'r, 'a>(reports: &'r [Report<'a>], counted: bool) -> Option<&'r Report<'a>> {
    reports
        .iter()
        .find(|r| !counted || r.detail.record.quantity.is_some())
        .or(reports.first())
}

fn text(value: Option<&str>) -> Value {
    Value::Text(value.map(str::to_string))
}

fn date_cells(
    span: Option<attache_store::DateSpan>,
    best: Option<&Report>,
) -> Vec<(&'static str, Value)> {
    let date_json = best.map(|r| &r.json["date"]);
    // The coder's own precision where the event keeps its best mention's days; else derived.
    let stated = date_json
        .filter(|d| {
            span.is_some_and(|s| {
                d["start"].as_str() == Some(&s.start.to_string())
                    && d["end"].as_str() == Some(&s.end.to_string())
            })
        })
        .and_then(|d| d["precision"].as_str().map(str::to_string));
    let precision = stated.or_else(|| span.map(|s| derived_precision(s.start, s.end).to_string()));
    vec![
        ("date_start", Value::Date(span.map(|s| s.start))),
        ("date_end", Value::Date(span.map(|s| s.end))),
        ("date_precision", Value::Text(precision)),
        ("date_exact", Value::Bool(span.is_some_and(|s| s.exact))),
        (
            "date_text",
            text(date_json.and_then(|d| d["text"].as_str())),
        ),
    ]
}

/// When an announced act is to happen ("will hold talks on Friday"), from the best mention's
/// `planned` date, which the coder keeps apart from the date of the announcement itself.
fn planned_cells(best: Option<&Report>) -> Vec<(&'static str, Value)> {
    let planned = best.map(|r| &r.json["planned"]).filter(|p| !p.is_null());
    let day = |key: &str| {
        planned
            .and_then(|p| p[key].as_str())
            .and_then(|d| d.parse::<NaiveDate>().ok())
    };
    vec![
        ("planned_start", Value::Date(day("start"))),
        ("planned_end", Value::Date(day("end"))),
        (
            "planned_text",
            text(planned.and_then(|p| p["text"].as_str())),
        ),
    ]
}

/// What a span of days is: one day, a Monday-to-Sunday week, a calendar month, quarter or
/// year, or some other range.
pub fn derived_precision(start: NaiveDate, end: NaiveDate) -> &'static str {
    let last_of_month = |d: NaiveDate| d.succ_opt().is_none_or(|n| n.month() != d.month());
    let days = (end - start).num_days();
    if days == 0 {
        "day"
    } else if days == 6 && start.weekday() == chrono::Weekday::Mon {
        "week"
    } else if start.day() == 1 && last_of_month(end) && start.year() == end.year() {
        match (start.month(), end.month()) {
            (a, b) if a == b => "month",
            (1, 12) => "year",
            (a, b) if b == a + 2 && a % 3 == 1 => "quarter",
            _ => "range",
        }
    } else {
        "range"
    }
}

fn kind_cells(
    detail: &EventDetail,
    reports: &[Report],
    best: Option<&Report>,
) -> Vec<(&'static str, Value)> {
    let event = &detail.stored.event;
    let mut context: Vec<String> = Vec::new();
    for r in reports {
        for c in &r.detail.record.context {
            if !context.contains(c) {
                context.push(c.clone());
            }
        }
    }
    let cameo = best.and_then(|r| r.detail.record.cameo.as_deref());
    vec![
        ("event", Value::Text(Some(event.category.to_string()))),
        ("mode", text(event.mode.as_deref())),
        ("context", Value::List(context)),
        ("cameo", text(cameo)),
        (
            "modality",
            Value::Text(Some(event.modality.as_str().into())),
        ),
        ("claim", Value::Bool(event.claim)),
    ]
}

/// The English name of an actor code: a country's short name or an organisation's name.
fn code_name(lexicon: &Lexicon, code: &str) -> String {
    lexicon
        .country(code)
        .map(|c| c.name.clone())
        .or_else(|| lexicon.organisation(code).map(|o| o.name.clone()))
        .unwrap_or_default()
}

/// Codes, names and sectors of one side, aligned: the codes in the order the canonical
/// reports name them; a code's sector is the first its reports give.
fn participant_cells(
    side: &'static str,
    merged: &[String],
    reports: &[Report],
    lexicon: &Lexicon,
    actors: impl Fn(&attache_event::Event) -> &Vec<Actor>,
) -> Vec<(&'static str, Value)> {
    let mut codes: Vec<String> = Vec::new();
    let mut sectors: Vec<String> = Vec::new();
    let named = reports.iter().flat_map(|r| actors(&r.detail.record));
    for actor in named {
        let Some(code) = actor.country.as_ref().filter(|c| merged.contains(c)) else {
            continue;
        };
        match codes.iter().position(|c| c == code) {
            Some(at) if sectors[at].is_empty() => {
                sectors[at] = actor.sector.clone().unwrap_or_default();
            }
            Some(_) => {}
            None => {
                codes.push(code.clone());
                sectors.push(actor.sector.clone().unwrap_or_default());
            }
        }
    }
    let mut rest: Vec<&String> = merged.iter().filter(|c| !codes.contains(c)).collect();
    rest.sort();
    for code in rest {
        codes.push(code.clone());
        sectors.push(String::new());
    }
    let names = codes.iter().map(|c| code_name(lexicon, c)).collect();
    let (c, n, s) = match side {
        "actor" => ("actor_codes", "actor_names", "actor_sectors"),
        _ => ("recipient_codes", "recipient_names", "recipient_sectors"),
    };
    vec![
        (c, Value::List(codes)),
        (n, Value::List(names)),
        (s, Value::List(sectors)),
    ]
}

fn count_cells(event: &attache_store::MergedEvent) -> Vec<(&'static str, Value)> {
    let (low, high) = event.count_range();
    let mut others: Vec<String> = event
        .other_counts()
        .into_iter()
        .map(|(unit, lo, hi)| {
            let n = match (lo, hi) {
                (Some(l), Some(h)) if l == h => l.to_string(),
                (l, h) => format!(
                    "{}-{}",
                    l.map_or(String::new(), |v| v.to_string()),
                    h.map_or(String::new(), |v| v.to_string())
                ),
            };
            format!("{n} {unit}").trim().to_string()
        })
        .collect();
    others.sort();
    vec![
        ("count_low", Value::Int(low)),
        ("count_high", Value::Int(high)),
        ("count_unit", text(event.unit())),
        ("counts_conflict", Value::Bool(event.counts_conflict())),
        ("other_counts", Value::List(others)),
    ]
}

/// Casualty figures (`casualties: {killed, injured, missing, arrested}` in the event record)
/// as a range over every report.
fn casualty_cells(reports: &[Report]) -> Vec<(&'static str, Value)> {
    let mut cells = Vec::new();
    for (kind, low_name, high_name) in [
        ("killed", "killed_low", "killed_high"),
        ("injured", "injured_low", "injured_high"),
        ("missing", "missing_low", "missing_high"),
        ("arrested", "arrested_low", "arrested_high"),
    ] {
        let bounds = reports.iter().filter_map(|r| {
            let q: Quantity = serde_json::from_value(r.json["casualties"][kind].clone()).ok()?;
            Some(quantity_bounds(&q))
        });
        let (low, high) = widest(bounds);
        cells.push((low_name, Value::Int(low)));
        cells.push((high_name, Value::Int(high)));
    }
    cells
}

fn quantity_bounds(q: &Quantity) -> (Option<i64>, Option<i64>) {
    Count {
        value: q.value,
        max: q.max,
        unit: q.unit.as_deref(),
        qualifier: q.qualifier,
        main: true,
        text: &q.text,
        source: "",
    }
    .bounds()
}

/// The range every report allows: the lowest low and the highest high (an open end stays
/// open only when no report closes it).
fn widest(bounds: impl Iterator<Item = (Option<i64>, Option<i64>)>) -> (Option<i64>, Option<i64>) {
    let (mut low, mut high, mut any) = (None, None, false);
    for (l, h) in bounds {
        any = true;
        low = match (low, l) {
            (Some(a), Some(b)) => Some(std::cmp::min(a, b)),
            (a, b) => a.or(b),
        };
        high = match (high, h) {
            (Some(a), Some(b)) => Some(std::cmp::max(a, b)),
            (a, b) => a.or(b),
        };
    }
    if any && low.is_none() {
        low = Some(0);
    }
    (low, high)
}

/// The place of the event: the first report placing it from its own clause, else the first
/// placing it at all (a dateline or the document, as `location_from` says).
fn location_cells(reports: &[Report]) -> Vec<(&'static str, Value)> {
    let placed: Vec<&Json> = reports
        .iter()
        .map(|r| &r.json["location"])
        .filter(|l| l.is_object())
        .collect();
    let from_clause = placed
        .iter()
        .find(|l| matches!(l["from"].as_str(), None | Some("clause")));
    let place = from_clause.or(placed.first()).copied();
    let field = |name: &str| place.map_or(&Json::Null, |p| &p[name]);
    let string = |name: &str| text(field(name).as_str());
    vec![
        ("location_text", string("text")),
        ("location_name", string("name")),
        ("location_country", string("country")),
        ("location_admin1", string("admin1")),
        ("location_lat", Value::Float(field("lat").as_f64())),
        ("location_lon", Value::Float(field("lon").as_f64())),
        (
            "location_geonames_id",
            Value::Int(field("geonames_id").as_i64()),
        ),
        ("location_feature", string("feature")),
        (
            "location_precision",
            Value::Int(field("precision").as_i64()),
        ),
        ("location_from", string("from")),
    ]
}

/// Counts of sources, documents and reports; first and last publication; the documents
/// behind the event, one item per document in canonical order in each list.
fn source_cells(detail: &EventDetail, reports: &[Report]) -> Vec<(&'static str, Value)> {
    let event = &detail.stored.event;
    let mut documents: Vec<&MentionDetail> = Vec::new();
    for r in reports {
        if !documents.iter().any(|d| d.document == r.detail.document) {
            documents.push(r.detail);
        }
    }
    let list = |item: fn(&MentionDetail) -> String| {
        Value::List(documents.iter().map(|d| item(d)).collect())
    };
    let published = || reports.iter().filter_map(|r| r.detail.published);
    vec![
        ("sources", Value::Int(Some(event.sources.len() as i64))),
        ("documents", Value::Int(Some(documents.len() as i64))),
        ("reports", Value::Int(Some(event.reports as i64))),
        ("first_report", Value::Date(published().min())),
        ("last_report", Value::Date(published().max())),
        ("source_documents", list(|d| d.document.clone())),
        ("source_urls", list(|d| d.url.clone().unwrap_or_default())),
        (
            "source_titles",
            list(|d| d.title.clone().unwrap_or_default()),
        ),
        (
            "source_outlets",
            list(|d| d.source.clone().unwrap_or_default()),
        ),
    ]
}

/// The best mention's sentence with its byte span, trigger and credited source; the
/// attribution is the first any report gives when the best one gives none.
fn mention_cells(best: Option<&Report>, reports: &[Report]) -> Vec<(&'static str, Value)> {
    let record = best.map(|r| &r.detail.record);
    let credited = best
        .into_iter()
        .chain(reports)
        .find_map(|r| r.detail.record.attribution.as_ref())
        .map(|a| a.source.clone().unwrap_or_else(|| a.text.clone()));
    let span = |i: usize| Value::Int(record.map(|r| r.sentence.span[i] as i64));
    vec![
        ("sentence", text(record.map(|r| &*r.sentence.text))),
        (
            "sentence_document",
            text(best.map(|r| r.detail.document.as_str())),
        ),
        ("sentence_start", span(0)),
        ("sentence_end", span(1)),
        ("trigger", text(record.map(|r| r.trigger.text.as_str()))),
        ("attribution", Value::Text(credited)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn precision_is_derived_from_the_span_of_days() {
        let p = |a, b| derived_precision(day(a), day(b));
        assert_eq!(p("2022-04-05", "2022-04-05"), "day");
        assert_eq!(p("2022-04-04", "2022-04-10"), "week");
        assert_eq!(p("2022-02-01", "2022-02-28"), "month");
        assert_eq!(p("2022-04-01", "2022-06-30"), "quarter");
        assert_eq!(p("2022-01-01", "2022-12-31"), "year");
        assert_eq!(p("2022-04-05", "2022-04-09"), "range");
    }

    #[test]
    fn ranges_keep_the_widest_bounds() {
        let w = |b: Vec<(Option<i64>, Option<i64>)>| widest(b.into_iter());
        assert_eq!(w(vec![]), (None, None));
        assert_eq!(
            w(vec![(Some(12), Some(12)), (Some(15), None)]),
            (Some(12), Some(12))
        );
        assert_eq!(w(vec![(None, Some(5))]), (Some(0), Some(5)));
    }
}
