//! Storing documents: mentions, merging into events, replacing a document's reports.

use super::batch::{BatchState, ParsedEvents};
use super::clusters;
use super::{ACTOR, RECIPIENT};
use crate::merge::{self, Clusters, FigureChoice, MergedEvent, Report, Role};
use crate::{BatchSummary, IngestDocument, content_hash};
use attache_event::{Event, SentenceRef};
use attache_merge::Strictness;
use attache_text::Document;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Transaction, params, params_from_iter};
use std::collections::BTreeSet;

/// Events spanning more days than this are looked up as long spans (see `merge_keys`).
const LONG_SPAN_DAYS: i64 = 40;

/// The outlet a document stands for: its source, else its URL's host, else its id.
fn outlet(document: &Document) -> String {
    let publication = &document.publication;
    if let Some(source) = publication
        .source
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    {
        return source.trim().to_string();
    }
    if let Some(url) = publication.url.as_deref() {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split('/').next().unwrap_or(rest);
        if !host.is_empty() {
            return host.trim_start_matches("www.").to_string();
        }
    }
    document.id.clone()
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("store records serialise")
}

fn insert_document(tx: &Transaction, item: &IngestDocument, hash: &str) -> rusqlite::Result<()> {
    let doc = &item.document;
    let p = &doc.publication;
    tx.prepare_cached(
        "INSERT INTO documents (id, url, title, source, published, hash, text, event_count) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        doc.id,
        p.url,
        p.title,
        p.source,
        p.published.map(|d| d.to_string()),
        hash,
        doc.text,
        item.events.len() as i64
    ])?;
    Ok(())
}

/// Stores a reporting sentence of a document, once however many events it gives.
fn insert_sentence(
    tx: &Transaction,
    document: &str,
    sentence: &SentenceRef,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO sentences (document, idx, start_byte, end_byte, text) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        document,
        sentence.index as i64,
        sentence.span[0] as i64,
        sentence.span[1] as i64,
        &*sentence.text
    ])?;
    Ok(())
}

/// Stores a coded event as a mention; its record leaves out the sentence's text, which is in
/// `sentences` (see [`super::read_record`]).
fn insert_mention(tx: &Transaction, ordinal: usize, event: &Event) -> rusqlite::Result<i64> {
    debug_assert!(
        event.sentence.text.is_empty(),
        "the sentence is stored apart"
    );
    let mut spans: Vec<[usize; 2]> = vec![event.trigger.span];
    spans.extend(event.mentions.iter().map(|m| m.span));
    tx.prepare_cached(
        "INSERT INTO mentions (document, ordinal, sentence, spans, record) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        event.doc_id,
        ordinal as i64,
        event.sentence.index as i64,
        to_json(&spans),
        to_json(event)
    ])?;
    Ok(tx.last_insert_rowid())
}

/// How fine the date the reports give is; none for undated events and derived windows.
fn date_precision(event: &MergedEvent) -> Option<&'static str> {
    let date = event.date.filter(|d| d.exact)?;
    Some(attache_event::DatePrecision::of(date.start, date.end).as_str())
}

/// The event's figures per kind and unit: its count and each casualty it reports.
fn write_figures(tx: &Transaction, id: i64, event: &MergedEvent) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT OR REPLACE INTO event_figures (event, figure, unit, low, high) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let choices = std::iter::once(FigureChoice::Count)
        .chain(attache_event::CasualtyKind::ALL.map(FigureChoice::Casualty));
    for choice in choices.filter(|c| event.has_figure(*c)) {
        let (low, high) = event.figure_range(choice);
        let unit = event.figure_unit(choice).unwrap_or_default();
        insert.execute(params![id, choice.as_str(), unit, low, high])?;
    }
    Ok(())
}

/// Writes a merged event's row (new when `id` is `None`) and its participants.
fn write_event(tx: &Transaction, id: Option<i64>, event: &MergedEvent) -> rusqlite::Result<i64> {
    let (low, high) = event.count_range();
    let values = params![
        event.category.as_str(),
        event.mode,
        event.modality.as_str(),
        event.claim,
        event.actors.join(" "),
        event.recipients.join(" "),
        event.date.map(|d| d.start.to_string()),
        event.date.map(|d| d.end.to_string()),
        event.day().map(|d| d.to_string()),
        low,
        high,
        to_json(event),
        date_precision(event),
    ];
    let id = match id {
        None => {
            tx.prepare_cached(
                "INSERT INTO events (category, mode, modality, claim, actors, recipients, \
                 date_start, date_end, day, count_low, count_high, merged, date_precision) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(values)?;
            tx.last_insert_rowid()
        }
        Some(id) => {
            tx.prepare_cached(
                "UPDATE events SET category = ?1, mode = ?2, modality = ?3, claim = ?4, \
                 actors = ?5, recipients = ?6, date_start = ?7, date_end = ?8, day = ?9, \
                 count_low = ?10, count_high = ?11, merged = ?12, date_precision = ?13 \
                 WHERE id = ?14",
            )?
            .execute(rusqlite::params_from_iter(
                values.iter().copied().chain([&id as &dyn rusqlite::ToSql]),
            ))?;
            tx.prepare_cached("DELETE FROM participants WHERE event = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM merge_keys WHERE event = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM event_places WHERE event = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM event_figures WHERE event = ?1")?
                .execute([id])?;
            id
        }
    };
    write_places(tx, id, event)?;
    write_figures(tx, id, event)?;
    let lookup = merge::lookup_span(event.date, event.announced);
    let long_span = lookup.is_some_and(|d| (d.end - d.start).num_days() > LONG_SPAN_DAYS);
    let mut key = tx.prepare_cached(
        "INSERT INTO merge_keys (event, actor, category, claim, long_span, date_start) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let no_actor = [String::new()];
    let actors = if event.actors.is_empty() {
        &no_actor[..]
    } else {
        &event.actors[..]
    };
    for actor in actors {
        key.execute(params![
            id,
            actor,
            event.category.as_str(),
            event.claim,
            long_span,
            lookup.map(|d| d.start.to_string())
        ])?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO participants (event, role, code) VALUES (?1, ?2, ?3)",
    )?;
    for (role, codes) in [(ACTOR, &event.actors), (RECIPIENT, &event.recipients)] {
        for code in codes {
            insert.execute(params![id, role, code])?;
        }
    }
    Ok(id)
}

/// The event's places, for the place filters.
fn write_places(tx: &Transaction, id: i64, event: &MergedEvent) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO event_places (event, country, admin1, lat, lon, geonames_id, feature) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for place in &event.places {
        let l = &place.location;
        insert.execute(params![
            id,
            l.country,
            l.admin1,
            l.lat,
            l.lon,
            l.geonames_id,
            l.feature.map(|f| f.as_str())
        ])?;
    }
    Ok(())
}

/// Stored events a report might join: same category and kind, overlapping dates, a shared
/// actor (or both without actors), by id, read into `parsed`. The merge rules decide among
/// them.
fn candidates(
    tx: &Transaction,
    report: &Report,
    parsed: &mut ParsedEvents,
) -> rusqlite::Result<Vec<i64>> {
    let actors: Vec<String> = if report.actors.is_empty() {
        vec![String::new()]
    } else {
        report.actors.clone()
    };
    let actor_list = (0..actors.len())
        .map(|i| format!("?{}", i + 6))
        .collect::<Vec<_>>()
        .join(",");
    let keyed = format!("category = ?1 AND claim = ?2 AND actor IN ({actor_list})");
    let lookup = merge::lookup_span(report.date, report.announced);
    let sql = match lookup {
        // A stored short span overlapping [S, E] starts within LONG_SPAN_DAYS before S.
        Some(_) => format!(
            "SELECT id, merged FROM events WHERE id IN (\
             SELECT event FROM merge_keys WHERE {keyed} AND long_span = 0 \
             AND date_start BETWEEN ?3 AND ?4 \
             UNION SELECT event FROM merge_keys WHERE {keyed} AND long_span = 1 \
             AND date_start <= ?4) AND date_end >= ?5 ORDER BY id"
        ),
        None => format!(
            "SELECT id, merged FROM events WHERE id IN (SELECT event FROM merge_keys \
             WHERE {keyed} AND long_span = 0 AND date_start IS NULL AND ?3 IS NULL \
             AND ?4 IS NULL AND ?5 IS NULL) ORDER BY id"
        ),
    };
    let mut values: Vec<Value> = vec![
        Value::Text(report.category.as_str().to_string()),
        Value::Integer(i64::from(report.claim)),
    ];
    match lookup {
        Some(d) => {
            let earliest = d.start - chrono::Duration::days(LONG_SPAN_DAYS);
            values.push(Value::Text(earliest.to_string()));
            values.push(Value::Text(d.end.to_string()));
            values.push(Value::Text(d.start.to_string()));
        }
        None => values.extend([Value::Null, Value::Null, Value::Null]),
    }
    values.extend(actors.into_iter().map(Value::Text));
    let mut stmt = tx.prepare_cached(&sql)?;
    let mut rows = stmt.query(params_from_iter(values))?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let json = row.get_ref(1)?.as_str().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into())
        })?;
        parsed.read(id, json)?;
        out.push(id);
    }
    Ok(out)
}

fn link(
    tx: &Transaction,
    event: i64,
    mention: i64,
    role: &Role,
    reason: &str,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO event_mentions (event, mention, role, reason) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![event, mention, role.key(), reason])?;
    Ok(())
}

/// Removes a document's mentions and rebuilds (or drops) the events they were part of.
fn remove_document(tx: &Transaction, id: &str, groups: &mut Clusters) -> rusqlite::Result<()> {
    clusters::remove(tx, groups, id)?;
    let affected: Vec<i64> = tx
        .prepare_cached(
            "SELECT DISTINCT em.event FROM event_mentions em JOIN mentions m ON m.id = em.mention \
             WHERE m.document = ?1",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    tx.prepare_cached("DELETE FROM mentions WHERE document = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM sentences WHERE document = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM documents WHERE id = ?1")?
        .execute([id])?;
    for event in affected {
        rebuild_event(tx, event)?;
    }
    Ok(())
}

/// Refolds an event from the reports still linked to it, oldest first.
fn rebuild_event(tx: &Transaction, event: i64) -> rusqlite::Result<()> {
    // Each row: the link's role, the coded record, and the document it came from.
    let rows: Vec<(String, String, Document)> = tx
        .prepare_cached(
            "SELECT em.role, m.record, d.source, d.url, d.published, d.id, d.text FROM event_mentions em \
             JOIN mentions m ON m.id = em.mention JOIN documents d ON d.id = m.document \
             WHERE em.event = ?1 ORDER BY m.id",
        )?
        .query_map([event], linked_row)?
        .collect::<Result<_, _>>()?;
    let mut merged: Option<MergedEvent> = None;
    for (role, record, document) in rows {
        let record: Event = serde_json::from_str(&record).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Text,
                format!("mention of {}: unreadable record: {e}", document.id).into(),
            )
        })?;
        let role = Role::from_key(&role);
        let reports = Report::told_in(
            Report::from_event(&record, &outlet(&document), document.publication.published),
            &merge::story_names(&document.text),
            clusters::of_document(tx, &document.id)?,
        );
        let Some(report) = reports.into_iter().find(|r| Some(&r.role) == role.as_ref()) else {
            continue;
        };
        match merged.as_mut() {
            Some(m) => m.absorb(&report),
            None => merged = Some(MergedEvent::new(&report)),
        }
    }
    match merged {
        Some(m) => {
            write_event(tx, Some(event), &m)?;
        }
        None => {
            tx.prepare_cached("DELETE FROM events WHERE id = ?1")?
                .execute([event])?;
        }
    }
    Ok(())
}

/// The merge strictness recorded in the database (`default` when none was set).
pub(super) fn merge_setting(conn: &rusqlite::Connection) -> rusqlite::Result<Strictness> {
    let value: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = 'merge'")?
        .query_row([], |r| r.get(0))
        .optional()?;
    Ok(value
        .as_deref()
        .and_then(Strictness::parse)
        .unwrap_or_default())
}

/// Events holding a mention that was split by hand from the mention `(document, ordinal)`.
fn kept_apart_events(
    tx: &Transaction,
    document: &str,
    ordinal: usize,
) -> rusqlite::Result<Vec<i64>> {
    tx.prepare_cached(
        "SELECT DISTINCT em.event FROM kept_apart k \
         JOIN mentions m ON m.document = k.other_document AND m.ordinal = k.other_ordinal \
         JOIN event_mentions em ON em.mention = m.id \
         WHERE k.document = ?1 AND k.ordinal = ?2",
    )?
    .query_map(params![document, ordinal as i64], |r| r.get(0))?
    .collect()
}

/// The reports a stored mention stands for, by the role key of each link to `event`.
fn linked_reports(tx: &Transaction, event: i64, mention: i64) -> rusqlite::Result<Vec<Report>> {
    let rows: Vec<(String, String, Document)> = tx
        .prepare_cached(
            "SELECT em.role, m.record, d.source, d.url, d.published, d.id, d.text FROM event_mentions em \
             JOIN mentions m ON m.id = em.mention JOIN documents d ON d.id = m.document \
             WHERE em.event = ?1 AND em.mention = ?2",
        )?
        .query_map(params![event, mention], linked_row)?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for (role, record, document) in rows {
        let record: Event = serde_json::from_str(&record).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Text,
                format!("mention {mention}: unreadable record: {e}").into(),
            )
        })?;
        let role = Role::from_key(&role);
        out.extend(
            Report::told_in(
                Report::from_event(&record, &outlet(&document), document.publication.published),
                &merge::story_names(&document.text),
                clusters::of_document(tx, &document.id)?,
            )
            .into_iter()
            .filter(|r| Some(&r.role) == role.as_ref()),
        );
    }
    Ok(out)
}

/// Takes `mention` out of `event` into an event of its own, and records that it stays apart
/// from the event's other mentions in later ingests. Returns the new event's id, or `None`
/// when the mention is not linked to the event.
pub(super) fn split(tx: &Transaction, event: i64, mention: i64) -> rusqlite::Result<Option<i64>> {
    let reports = linked_reports(tx, event, mention)?;
    let Some(first) = reports.first() else {
        return Ok(None);
    };
    let key = |id: i64| -> rusqlite::Result<(String, i64)> {
        tx.prepare_cached("SELECT document, ordinal FROM mentions WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
    };
    let (document, ordinal) = key(mention)?;
    let others: Vec<i64> = tx
        .prepare_cached(
            "SELECT DISTINCT mention FROM event_mentions WHERE event = ?1 AND mention != ?2",
        )?
        .query_map(params![event, mention], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for other in others {
        let (other_document, other_ordinal) = key(other)?;
        let mut insert = tx.prepare_cached(
            "INSERT OR IGNORE INTO kept_apart (document, ordinal, other_document, other_ordinal) \
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        insert.execute(params![document, ordinal, other_document, other_ordinal])?;
        insert.execute(params![other_document, other_ordinal, document, ordinal])?;
    }
    tx.prepare_cached("DELETE FROM event_mentions WHERE event = ?1 AND mention = ?2")?
        .execute(params![event, mention])?;
    rebuild_event(tx, event)?;
    let mut merged = MergedEvent::new(first);
    for report in &reports[1..] {
        merged.absorb(report);
    }
    let id = write_event(tx, None, &merged)?;
    for report in &reports {
        link(
            tx,
            id,
            mention,
            &report.role,
            &format!("split by hand from event {event}"),
        )?;
    }
    Ok(Some(id))
}

pub(super) fn store_document(
    tx: &Transaction,
    item: &IngestDocument,
    summary: &mut BatchSummary,
    state: &mut BatchState,
) -> rusqlite::Result<()> {
    let doc = &item.document;
    let hash = content_hash(doc);
    let existing: Option<String> = tx
        .prepare_cached("SELECT hash FROM documents WHERE id = ?1")?
        .query_row([&doc.id], |r| r.get(0))
        .optional()?;
    match existing {
        Some(old) if old == hash => {
            summary.unchanged += 1;
            return Ok(());
        }
        // The caller judged it unchanged against an older state: its events are not known.
        _ if !item.coded => {
            summary.stale.push(doc.id.clone());
            return Ok(());
        }
        Some(_) => {
            remove_document(tx, &doc.id, &mut state.clusters)?;
            summary.replaced += 1;
        }
        None => summary.new += 1,
    }
    insert_document(tx, item, &hash)?;
    let vector = merge::compact(&state.words.count(tx, &doc.text)?);
    let threshold = clusters::threshold(&state.policy);
    let cluster = clusters::place(tx, &mut state.clusters, &doc.id, &vector, threshold)?;
    let source = outlet(doc);
    let story = if item.events.is_empty() {
        Vec::new()
    } else {
        merge::story_names(&doc.text)
    };
    let home = merge::home_country(&item.events);
    let mut sentences = BTreeSet::new();
    for (ordinal, event) in item.events.iter().enumerate() {
        // The coder names the document; the store keys mentions by the id it stores.
        let mut event = event.clone();
        event.doc_id.clone_from(&doc.id);
        if sentences.insert(event.sentence.index) {
            insert_sentence(tx, &doc.id, &event.sentence)?;
        }
        event.sentence.text = Default::default();
        let mention = insert_mention(tx, ordinal, &event)?;
        summary.events += 1;
        let apart = if state.kept_apart {
            kept_apart_events(tx, &doc.id, ordinal)?
        } else {
            Vec::new()
        };
        let reports = Report::from_event(&event, &source, doc.publication.published);
        for report in Report::at_home(Report::told_in(reports, &story, cluster), home.as_deref()) {
            let mut found = candidates(tx, &report, &mut state.events)?;
            found.retain(|id| !apart.contains(id));
            let events = &state.events;
            let chosen = merge::choose_under(
                found.iter().map(|id| events.get(*id)),
                &report,
                &state.policy,
            );
            match chosen {
                Some((index, reason)) => {
                    let id = found[index];
                    // Taken out: the next reader parses what is written.
                    let mut merged = state.events.take(id);
                    merged.absorb(&report);
                    write_event(tx, Some(id), &merged)?;
                    link(tx, id, mention, &report.role, &reason)?;
                    summary.merged += 1;
                }
                None => {
                    let id = write_event(tx, None, &MergedEvent::new(&report))?;
                    let reason = match &report.role {
                        Role::Report => "first report of this event".to_string(),
                        Role::Implied { actor } => {
                            format!("{actor} is named in an aggregate claim; no count of its own")
                        }
                    };
                    link(tx, id, mention, &report.role, &reason)?;
                    summary.new_events += 1;
                }
            }
        }
    }
    summary.sentences += sentences.len();
    Ok(())
}

/// One row of `SELECT em.role, m.record, d.source, d.url, d.published, d.id`: the link's role,
/// the coded record, and the document it came from (without its text).
fn linked_row(r: &rusqlite::Row) -> rusqlite::Result<(String, String, Document)> {
    let published: Option<String> = r.get(4)?;
    let document = Document {
        id: r.get(5)?,
        text: r.get(6)?,
        publication: attache_text::Publication {
            published: published.as_deref().and_then(|p| p.parse().ok()),
            url: r.get(3)?,
            title: None,
            source: r.get(2)?,
        },
    };
    Ok((r.get(0)?, r.get(1)?, document))
}
