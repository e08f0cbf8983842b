//! The embedded SQLite backend: one file, WAL journal, versioned migrations.

mod batch;
mod clusters;
mod documents;
mod generation;
mod open;
mod schema;
mod vectors;
mod write;

pub use documents::{DocumentMention, StoredDocument};
pub use open::APPLICATION_ID;

use batch::BatchState;
use write::{merge_setting, store_document};

use crate::merge::MergedEvent;
use crate::{
    BatchSummary, EventDetail, EventStore, Filter, GroupMembers, IngestDocument, MentionDetail,
    StoreError, StoreStats, StoredEvent, code_matches,
};
use attache_event::Event;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params_from_iter};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const ACTOR: &str = "A";
const RECIPIENT: &str = "R";

/// Prepared statements a connection keeps (see [`SqliteStore::configure`]).
const STATEMENT_CACHE: usize = 128;

/// The SQLite event store.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    /// What this connection's last batch left in memory, with the `data_version` it read:
    /// kept for the next batch unless another connection wrote meanwhile.
    kept: Option<(i64, batch::Kept)>,
}

fn sql_error(path: &Path, doing: &str) -> impl Fn(rusqlite::Error) -> StoreError + use<> {
    let path = path.to_path_buf();
    let doing = doing.to_string();
    move |source| StoreError::Sqlite {
        path: path.clone(),
        doing: doing.clone(),
        source,
    }
}

impl SqliteStore {
    /// Opens the database at `path` for writing, creating it if needed, and brings its schema
    /// up to date. A file that is not an attache database is refused untouched.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let conn = open::read_write(path)?;
        let mut store = SqliteStore {
            conn,
            path: path.to_path_buf(),
            kept: None,
        };
        store.configure()?;
        schema::migrate(&mut store.conn, path)?;
        Ok(store)
    }

    /// Opens an existing attache database for queries only: nothing is written to it (no
    /// journal mode, no migration), so a read-only file or folder can be queried. A missing
    /// file, an empty one, another program's database or an older schema is an error.
    pub fn open_read_only(path: &Path) -> Result<SqliteStore, StoreError> {
        let conn = open::read_only(path)?;
        schema::check_current(&conn, path)?;
        Ok(SqliteStore {
            conn,
            path: path.to_path_buf(),
            kept: None,
        })
    }

    /// Opens an existing database for writing; a missing file is an error rather than a new
    /// database.
    pub fn open_existing(path: &Path) -> Result<SqliteStore, StoreError> {
        if !path.exists() {
            return Err(StoreError::Missing {
                path: path.to_path_buf(),
            });
        }
        SqliteStore::open(path)
    }

    fn err(&self, doing: &str) -> impl Fn(rusqlite::Error) -> StoreError + use<> {
        sql_error(&self.path, doing)
    }

    /// Records how strictly later ingests merge across documents.
    pub fn set_merge(&mut self, strictness: attache_merge::Strictness) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES ('merge', ?1)",
                [strictness.as_str()],
            )
            .map_err(self.err("recording the merge setting"))?;
        Ok(())
    }

    /// The merge strictness the database records (`default` when none was set).
    pub fn merge_setting(&self) -> Result<attache_merge::Strictness, StoreError> {
        merge_setting(&self.conn).map_err(self.err("reading the merge setting"))
    }

    /// Takes a mention out of an event into one of its own (`attache split`); later ingests
    /// keep it apart from the event's other mentions. Returns the new event's id, or `None`
    /// when the mention is not part of the event.
    pub fn split(&mut self, event: i64, mention: i64) -> Result<Option<i64>, StoreError> {
        let err = self.err("splitting an event");
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        let id = write::split(&tx, event, mention).map_err(&err)?;
        tx.commit().map_err(&err)?;
        Ok(id)
    }

    fn configure(&self) -> Result<(), StoreError> {
        // Storing a document runs some thirty statements (more with the merge candidates'
        // actor lists): rusqlite's default cache of 16 would prepare most of them again for
        // every document.
        self.conn
            .set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // WAL: readers never block the writer; NORMAL sync is durable at each commit's
        // checkpoint and cannot corrupt the file.
        self.conn
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                 PRAGMA cache_size = -65536;",
            )
            .map_err(self.err("configuring database"))
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
                "SELECT count(*) FROM sentences_text WHERE sentences_text MATCH 'refresh'",
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
                "mention whose sentence is not stored",
                "SELECT CAST(m.id AS TEXT) FROM mentions m WHERE NOT EXISTS \
                 (SELECT 1 FROM sentences s WHERE s.document = m.document AND s.idx = m.sentence)",
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

/// A mention's coded event from its stored record and its sentence's stored text (`None`
/// when the sentence row is missing: the text stays empty). `column` names the record's
/// column in errors.
pub(super) fn read_record(
    json: &str,
    sentence: Option<String>,
    column: usize,
) -> rusqlite::Result<Event> {
    let mut record: Event = serde_json::from_str(json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            format!("unreadable mention record: {e}").into(),
        )
    })?;
    if let Some(text) = sentence {
        record.sentence.text = text.into();
    }
    Ok(record)
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

/// Whether a town the event happened in or near lies in the filter's circle (towns only: the
/// centre of a country or region says nothing of where in it).
fn near_matches(filter: &Filter, event: &MergedEvent) -> bool {
    let Some(near) = filter.near else { return true };
    event.places.iter().any(|p| {
        let l = &p.location;
        l.feature == Some(attache_event::PlaceFeature::City)
            && l.lat
                .zip(l.lon)
                .is_some_and(|(lat, lon)| near.contains(lat, lon))
    })
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
                " AND id IN (SELECT em.event FROM event_mentions em JOIN mentions m \
                 ON m.id = em.mention JOIN sentences s ON s.document = m.document \
                 AND s.idx = m.sentence WHERE s.id IN \
                 (SELECT rowid FROM sentences_text WHERE sentences_text MATCH ?))",
            );
            values.push(Value::Text(words.join(" ")));
        }
    }
    if let Some(country) = &filter.country {
        sql.push_str(" AND id IN (SELECT event FROM event_places WHERE country = ?)");
        values.push(Value::Text(country.clone()));
    }
    if let Some(admin1) = &filter.admin1 {
        sql.push_str(" AND id IN (SELECT event FROM event_places WHERE admin1 = ?)");
        values.push(Value::Text(admin1.clone()));
    }
    if let Some(near) = &filter.near {
        // The box around the circle narrows by index; `near_matches` checks the circle.
        let ((lat0, lat1), (lon0, lon1)) = near.bounds();
        sql.push_str(
            " AND id IN (SELECT event FROM event_places WHERE feature = 'city' \
             AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?)",
        );
        values.extend([lat0, lat1, lon0, lon1].map(Value::Real));
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
        // The write lock up front: a deferred transaction that reads first and then writes
        // cannot wait for a busy lock (SQLite fails it at once to avoid a deadlock).
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        let policy = merge_setting(&tx).map_err(&err)?.policy();
        // What this connection kept from its last batch (clusters, word counts, parsed
        // events), unless another connection wrote since.
        let version: i64 = tx
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .map_err(&err)?;
        let kept = match self.kept.take() {
            Some((seen, kept)) if seen == version => Some(kept),
            _ => None,
        };
        let mut state = BatchState::new(&tx, policy, kept).map_err(&err)?;
        let mut summary = BatchSummary::default();
        for item in batch {
            store_document(&tx, item, &mut summary, &mut state).map_err(|source| {
                StoreError::Document {
                    path: self.path.clone(),
                    document: item.document.id.clone(),
                    source,
                }
            })?;
        }
        state.words.save(&tx).map_err(&err)?;
        tx.commit().map_err(&err)?;
        self.kept = Some((version, state.keep()));
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
                && near_matches(filter, &stored.event)
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
                 em.reason, m.record, s.text FROM event_mentions em \
                 JOIN mentions m ON m.id = em.mention JOIN documents d ON d.id = m.document \
                 LEFT JOIN sentences s ON s.document = m.document AND s.idx = m.sentence \
                 WHERE em.event = ?1 ORDER BY m.id",
            )
            .map_err(&err)?;
        let rows = stmt
            .query_map([id], |r| {
                let record = read_record(&r.get::<_, String>(8)?, r.get(9)?, 8)?;
                Ok(MentionDetail {
                    mention: r.get(0)?,
                    document: r.get(1)?,
                    title: r.get(2)?,
                    source: r.get(3)?,
                    url: r.get(4)?,
                    published: r
                        .get::<_, Option<String>>(5)?
                        .and_then(|day| day.parse().ok()),
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
