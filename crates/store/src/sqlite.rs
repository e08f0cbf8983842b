//! The embedded SQLite backend: one file, WAL journal, versioned migrations.

use crate::merge::{self, MergedEvent, Report, Role};
use crate::{
    BatchSummary, EventDetail, EventStore, Filter, GroupMembers, IngestDocument, MentionDetail,
    StoreError, StoreStats, StoredEvent, code_matches, content_hash,
};
use attache_event::Event;
use attache_text::Document;
use rusqlite::types::Value;
use rusqlite::{
    Connection, OptionalExtension, Transaction, TransactionBehavior, params, params_from_iter,
};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Schema versions, oldest first; `PRAGMA user_version` records how many have been applied.
/// Append new migrations; never edit an applied one.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    url TEXT,
    title TEXT,
    source TEXT,
    published TEXT,
    hash TEXT NOT NULL,
    text TEXT NOT NULL,
    -- how many coded events the document gave: its mentions rows, checked for consistency
    event_count INTEGER NOT NULL
);
-- One coded event of one document (all its places in that document already merged).
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    sentence_text TEXT NOT NULL,
    spans TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX mentions_document ON mentions(document);
-- Words of the reporting sentences, for `--text`; kept in step with `mentions` by triggers.
CREATE VIRTUAL TABLE mentions_text USING fts5(sentence_text, content = 'mentions', content_rowid = 'id');
CREATE TRIGGER mentions_text_insert AFTER INSERT ON mentions BEGIN
    INSERT INTO mentions_text (rowid, sentence_text) VALUES (new.id, new.sentence_text);
END;
CREATE TRIGGER mentions_text_delete AFTER DELETE ON mentions BEGIN
    INSERT INTO mentions_text (mentions_text, rowid, sentence_text)
    VALUES ('delete', old.id, old.sentence_text);
END;
-- Events merged across documents; `merged` holds the full merged record as JSON, the other
-- columns copy what filters need.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    category TEXT NOT NULL,
    mode TEXT,
    modality TEXT NOT NULL,
    claim INTEGER NOT NULL,
    actors TEXT NOT NULL,
    recipients TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    day TEXT,
    count_low INTEGER,
    count_high INTEGER,
    merged TEXT NOT NULL
);
-- Filters: category and mode over a period; a period alone.
CREATE INDEX events_category_day ON events(category, mode, day);
CREATE INDEX events_day ON events(day);
-- Merge candidates by actor ('' for none), kind and start date. Spans longer than
-- LONG_SPAN_DAYS are flagged so that the common short ones are found by a narrow range.
CREATE TABLE merge_keys (
    event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor TEXT NOT NULL,
    category TEXT NOT NULL,
    claim INTEGER NOT NULL,
    long_span INTEGER NOT NULL,
    date_start TEXT
);
CREATE INDEX merge_keys_lookup ON merge_keys(category, claim, actor, long_span, date_start);
CREATE INDEX merge_keys_event ON merge_keys(event);
CREATE TABLE event_mentions (
    event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    mention INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (event, mention, role)
);
CREATE INDEX event_mentions_mention ON event_mentions(mention);
CREATE TABLE participants (
    event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (event, role, code)
);
CREATE INDEX participants_code ON participants(code, role, event);
"#];

/// Events spanning more days than this are looked up as long spans (see `merge_keys`).
const LONG_SPAN_DAYS: i64 = 40;

const ACTOR: &str = "A";
const RECIPIENT: &str = "R";

/// The SQLite event store.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
}

fn sql_error(path: &Path, doing: &str) -> impl Fn(rusqlite::Error) -> StoreError + use<> {
    let path = path.display().to_string();
    let doing = doing.to_string();
    move |e| StoreError::new(format!("{path}: {doing}: {e}"))
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let conn = Connection::open(path).map_err(sql_error(path, "cannot open database"))?;
        let mut store = SqliteStore {
            conn,
            path: path.to_path_buf(),
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing database; a missing file is an error rather than a new database.
    pub fn open_existing(path: &Path) -> Result<SqliteStore, StoreError> {
        if !path.exists() {
            return Err(StoreError::new(format!(
                "{}: no database here (create one with `attache ingest`)",
                path.display()
            )));
        }
        SqliteStore::open(path)
    }

    fn err(&self, doing: &str) -> impl Fn(rusqlite::Error) -> StoreError + use<> {
        sql_error(&self.path, doing)
    }

    fn configure(&self) -> Result<(), StoreError> {
        self.conn
            .busy_timeout(std::time::Duration::from_secs(30))
            .map_err(self.err("setting busy timeout"))?;
        // WAL: readers never block the writer; NORMAL sync is durable at each commit's
        // checkpoint and cannot corrupt the file.
        self.conn
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                 PRAGMA cache_size = -65536;",
            )
            .map_err(self.err("configuring database"))
    }

    /// Applies the migrations this database lacks. Each runs in an immediate transaction that
    /// re-reads the version, so two processes opening a new database at once cannot both
    /// apply it.
    fn migrate(&mut self) -> Result<(), StoreError> {
        let read_version = |conn: &Connection| -> rusqlite::Result<usize> {
            let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            Ok(usize::try_from(version).unwrap_or(usize::MAX))
        };
        loop {
            let version = read_version(&self.conn).map_err(self.err("reading schema version"))?;
            if version > MIGRATIONS.len() {
                return Err(StoreError::new(format!(
                    "{}: schema version {version} is newer than this attache knows ({}); upgrade attache",
                    self.path.display(),
                    MIGRATIONS.len()
                )));
            }
            if version == MIGRATIONS.len() {
                return Ok(());
            }
            let err = sql_error(&self.path, &format!("applying migration {}", version + 1));
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(&err)?;
            // Another process may have migrated while this one waited for the lock.
            if read_version(&tx).map_err(&err)? == version {
                tx.execute_batch(MIGRATIONS[version]).map_err(&err)?;
                tx.pragma_update(None, "user_version", (version + 1) as i64)
                    .map_err(&err)?;
            }
            tx.commit().map_err(&err)?;
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Problems found by SQLite's own check and by ours (documents missing mentions, mentions
    /// or events without links); empty when the database is consistent.
    pub fn check_consistency(&self) -> Result<Vec<String>, StoreError> {
        let err = self.err("checking consistency");
        let mut problems = Vec::new();
        // FTS5's part of the integrity check reads the index structure this connection cached
        // when it last used it; after another process has written, that copy is stale and the
        // check reports corruption that a fresh connection does not see. A query refreshes it.
        self.conn
            .query_row(
                "SELECT count(*) FROM mentions_text WHERE mentions_text MATCH 'refresh'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .map_err(&err)?;
        let mut stmt = self.conn.prepare("PRAGMA integrity_check").map_err(&err)?;
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        if rows != ["ok"] {
            problems.extend(rows.into_iter().map(|r| format!("integrity: {r}")));
        }
        let checks = [
            (
                "document whose stored mentions differ from its coded events",
                "SELECT d.id FROM documents d WHERE d.event_count != \
                 (SELECT count(*) FROM mentions m WHERE m.document = d.id)",
            ),
            (
                "mention linked to no event",
                "SELECT CAST(m.id AS TEXT) FROM mentions m WHERE NOT EXISTS \
                 (SELECT 1 FROM event_mentions em WHERE em.mention = m.id AND em.role = 'report')",
            ),
            (
                "event with no mention",
                "SELECT CAST(e.id AS TEXT) FROM events e WHERE NOT EXISTS \
                 (SELECT 1 FROM event_mentions em WHERE em.event = e.id)",
            ),
        ];
        for (what, sql) in checks {
            let mut stmt = self.conn.prepare(sql).map_err(&err)?;
            let ids: Vec<String> = stmt
                .query_map([], |r| r.get(0))
                .map_err(&err)?
                .collect::<Result<_, _>>()
                .map_err(&err)?;
            problems.extend(ids.into_iter().map(|id| format!("{what}: {id}")));
        }
        Ok(problems)
    }
}

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

fn insert_mention(tx: &Transaction, ordinal: usize, event: &Event) -> rusqlite::Result<i64> {
    let mut spans: Vec<[usize; 2]> = vec![event.trigger.span];
    spans.extend(event.mentions.iter().map(|m| m.span));
    tx.prepare_cached(
        "INSERT INTO mentions (document, ordinal, sentence, sentence_text, spans, record) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        event.doc_id,
        ordinal as i64,
        event.sentence.index as i64,
        event.sentence.text,
        to_json(&spans),
        to_json(event)
    ])?;
    Ok(tx.last_insert_rowid())
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
    ];
    let id = match id {
        None => {
            tx.prepare_cached(
                "INSERT INTO events (category, mode, modality, claim, actors, recipients, \
                 date_start, date_end, day, count_low, count_high, merged) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(values)?;
            tx.last_insert_rowid()
        }
        Some(id) => {
            tx.prepare_cached(
                "UPDATE events SET category = ?1, mode = ?2, modality = ?3, claim = ?4, \
                 actors = ?5, recipients = ?6, date_start = ?7, date_end = ?8, day = ?9, \
                 count_low = ?10, count_high = ?11, merged = ?12 WHERE id = ?13",
            )?
            .execute(rusqlite::params_from_iter(
                values.iter().copied().chain([&id as &dyn rusqlite::ToSql]),
            ))?;
            tx.prepare_cached("DELETE FROM participants WHERE event = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM merge_keys WHERE event = ?1")?
                .execute([id])?;
            id
        }
    };
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

/// Stored events a report might join: same category and kind, overlapping dates, a shared
/// actor (or both without actors). The merge rules decide among them.
fn candidates(tx: &Transaction, report: &Report) -> rusqlite::Result<Vec<(i64, MergedEvent)>> {
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
    let rows = stmt.query_map(params_from_iter(values), |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, json) = row?;
        out.push((id, parse_merged(&json, id)?));
    }
    Ok(out)
}

fn parse_merged(json: &str, id: i64) -> rusqlite::Result<MergedEvent> {
    serde_json::from_str(json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("event {id}: unreadable merged record: {e}").into(),
        )
    })
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
fn remove_document(tx: &Transaction, id: &str) -> rusqlite::Result<()> {
    let affected: Vec<i64> = tx
        .prepare_cached(
            "SELECT DISTINCT em.event FROM event_mentions em JOIN mentions m ON m.id = em.mention \
             WHERE m.document = ?1",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    tx.prepare_cached("DELETE FROM mentions WHERE document = ?1")?
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
            "SELECT em.role, m.record, d.source, d.url, d.published, d.id FROM event_mentions em \
             JOIN mentions m ON m.id = em.mention JOIN documents d ON d.id = m.document \
             WHERE em.event = ?1 ORDER BY m.id",
        )?
        .query_map([event], |r| {
            let published: Option<String> = r.get(4)?;
            let document = Document {
                id: r.get(5)?,
                text: String::new(),
                publication: attache_text::Publication {
                    published: published.as_deref().and_then(|p| p.parse().ok()),
                    url: r.get(3)?,
                    title: None,
                    source: r.get(2)?,
                },
            };
            Ok((r.get(0)?, r.get(1)?, document))
        })?
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
        let reports =
            Report::from_event(&record, &outlet(&document), document.publication.published);
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

fn store_document(
    tx: &Transaction,
    item: &IngestDocument,
    summary: &mut BatchSummary,
) -> rusqlite::Result<()> {
    let doc = &item.document;
    let hash = content_hash(&doc.text);
    let existing: Option<String> = tx
        .prepare_cached("SELECT hash FROM documents WHERE id = ?1")?
        .query_row([&doc.id], |r| r.get(0))
        .optional()?;
    match existing {
        Some(old) if old == hash => {
            summary.unchanged += 1;
            return Ok(());
        }
        Some(_) => {
            remove_document(tx, &doc.id)?;
            summary.replaced += 1;
        }
        None => summary.new += 1,
    }
    insert_document(tx, item, &hash)?;
    let source = outlet(doc);
    let mut sentences = BTreeSet::new();
    for (ordinal, event) in item.events.iter().enumerate() {
        // The coder names the document; the store keys mentions by the id it stores.
        let mut event = event.clone();
        event.doc_id.clone_from(&doc.id);
        sentences.insert(event.sentence.index);
        let mention = insert_mention(tx, ordinal, &event)?;
        summary.events += 1;
        for report in Report::from_event(&event, &source, doc.publication.published) {
            let found = candidates(tx, &report)?;
            match merge::choose(found.iter().map(|(_, m)| m), &report) {
                Some((index, reason)) => {
                    let (id, mut merged) = found.into_iter().nth(index).expect("chosen index");
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

/// The SQL part of a filter: everything except the group-aware actor and recipient checks.
fn filter_sql(filter: &Filter, codes: &[(&str, Vec<String>)]) -> (String, Vec<Value>) {
    let mut sql = String::from(" WHERE 1 = 1");
    let mut values = Vec::new();
    if let Some(category) = filter.category {
        sql.push_str(" AND category = ?");
        values.push(Value::Text(category.as_str().to_string()));
    }
    if let Some(mode) = &filter.mode {
        sql.push_str(" AND mode = ?");
        values.push(Value::Text(mode.clone()));
    }
    if let Some(since) = filter.since {
        sql.push_str(" AND day >= ?");
        values.push(Value::Text(since.to_string()));
    }
    if let Some(until) = filter.until {
        sql.push_str(" AND day <= ?");
        values.push(Value::Text(until.to_string()));
    }
    if let Some(text) = &filter.text {
        // Every word must occur in one reporting sentence; each is quoted so that user text
        // is never read as FTS syntax.
        let words: Vec<String> = text
            .split_whitespace()
            .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
            .collect();
        if !words.is_empty() {
            sql.push_str(
                " AND id IN (SELECT em.event FROM event_mentions em WHERE em.mention IN \
                 (SELECT rowid FROM mentions_text WHERE mentions_text MATCH ?))",
            );
            values.push(Value::Text(words.join(" ")));
        }
    }
    for (role, wanted) in codes {
        sql.push_str(&format!(
            " AND id IN (SELECT event FROM participants WHERE role = '{role}' AND code IN ({}))",
            vec!["?"; wanted.len()].join(",")
        ));
        values.extend(wanted.iter().map(|c| Value::Text(c.clone())));
    }
    (sql, values)
}

impl EventStore for SqliteStore {
    fn document_hash(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT hash FROM documents WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(self.err("looking up a document"))
    }

    fn ingest_batch(&mut self, batch: &[IngestDocument]) -> Result<BatchSummary, StoreError> {
        let err = sql_error(&self.path, "storing a batch");
        let tx = self.conn.transaction().map_err(&err)?;
        let mut summary = BatchSummary::default();
        for item in batch {
            store_document(&tx, item, &mut summary).map_err(|e| {
                StoreError::new(format!(
                    "{}: storing document {}: {e}",
                    self.path.display(),
                    item.document.id
                ))
            })?;
        }
        tx.commit().map_err(&err)?;
        Ok(summary)
    }

    fn events(
        &self,
        filter: &Filter,
        groups: &dyn GroupMembers,
    ) -> Result<Vec<StoredEvent>, StoreError> {
        let err = self.err("querying events");
        // A group code stands for its members at each event's date: collect every member it
        // has on the days in question for the SQL narrowing, then check each event exactly.
        let mut codes: Vec<(&str, Vec<String>)> = Vec::new();
        let base = Filter {
            actor: None,
            recipient: None,
            ..filter.clone()
        };
        let wanted_codes = [(ACTOR, &filter.actor), (RECIPIENT, &filter.recipient)];
        if wanted_codes.iter().any(|(_, c)| c.is_some()) {
            let (sql, values) = filter_sql(&base, &[]);
            let mut stmt = self
                .conn
                .prepare(&format!(
                    "SELECT DISTINCT day FROM events{sql} AND day IS NOT NULL"
                ))
                .map_err(&err)?;
            let days: Vec<String> = stmt
                .query_map(params_from_iter(values), |r| r.get(0))
                .map_err(&err)?
                .collect::<Result<_, _>>()
                .map_err(&err)?;
            for (role, wanted) in wanted_codes {
                let Some(wanted) = wanted else { continue };
                let mut all: BTreeSet<String> = BTreeSet::from([wanted.to_ascii_uppercase()]);
                for day in &days {
                    if let Some(members) =
                        day.parse().ok().and_then(|d| groups.members_at(wanted, d))
                    {
                        all.extend(members);
                    }
                }
                codes.push((role, all.into_iter().collect()));
            }
        }
        let (sql, values) = filter_sql(filter, &codes);
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT id, merged FROM events{sql} ORDER BY id"))
            .map_err(&err)?;
        let rows = stmt
            .query_map(params_from_iter(values), |r| {
                let id: i64 = r.get(0)?;
                let json: String = r.get(1)?;
                Ok(StoredEvent {
                    id,
                    event: parse_merged(&json, id)?,
                })
            })
            .map_err(&err)?;
        let mut out = Vec::new();
        for row in rows {
            let stored = row.map_err(&err)?;
            let day = stored.event.day();
            let selected = |wanted: &Option<String>, codes: &[String]| {
                wanted
                    .as_deref()
                    .is_none_or(|w| codes.iter().any(|c| code_matches(w, c, day, groups)))
            };
            if selected(&filter.actor, &stored.event.actors)
                && selected(&filter.recipient, &stored.event.recipients)
            {
                out.push(stored);
            }
        }
        Ok(out)
    }

    fn event_detail(&self, id: i64) -> Result<Option<EventDetail>, StoreError> {
        let err = self.err("reading an event");
        let json: Option<String> = self
            .conn
            .query_row("SELECT merged FROM events WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(&err)?;
        let Some(json) = json else { return Ok(None) };
        let event = parse_merged(&json, id).map_err(&err)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT m.id, m.document, d.title, d.source, d.url, d.published, em.role, \
                 em.reason, m.record FROM event_mentions em JOIN mentions m ON m.id = em.mention \
                 JOIN documents d ON d.id = m.document WHERE em.event = ?1 ORDER BY m.id",
            )
            .map_err(&err)?;
        let rows = stmt
            .query_map([id], |r| {
                let record: String = r.get(8)?;
                let record: Event = serde_json::from_str(&record).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        8,
                        rusqlite::types::Type::Text,
                        format!("unreadable mention record: {e}").into(),
                    )
                })?;
                Ok(MentionDetail {
                    mention: r.get(0)?,
                    document: r.get(1)?,
                    title: r.get(2)?,
                    source: r.get(3)?,
                    url: r.get(4)?,
                    published: r.get(5)?,
                    role: r.get(6)?,
                    reason: r.get(7)?,
                    record,
                })
            })
            .map_err(&err)?;
        let mentions = rows.collect::<Result<_, _>>().map_err(&err)?;
        Ok(Some(EventDetail {
            stored: StoredEvent { id, event },
            mentions,
        }))
    }

    fn stats(&self) -> Result<StoreStats, StoreError> {
        let count = |table: &str| -> Result<usize, StoreError> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n as usize)
                .map_err(self.err("counting rows"))
        };
        Ok(StoreStats {
            documents: count("documents")?,
            mentions: count("mentions")?,
            events: count("events")?,
        })
    }
}
