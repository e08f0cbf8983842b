//! The schema and its migrations.

use super::sql_error;
use crate::StoreError;
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;

/// The version whose migration creates `document_words`: applying it also counts the documents
/// stored before it ([`super::vectors::count_stored_documents`]), whatever its SQL says.
const DOCUMENT_WORDS_VERSION: usize = 6;

/// The version whose migration creates `clusters`: applying it also clusters the documents
/// stored before it ([`super::clusters::cluster_stored_documents`]).
const CLUSTERS_VERSION: usize = 7;

/// Schema versions, oldest first; `PRAGMA user_version` records how many have been applied.
/// Append new migrations; never edit an applied one.
const MIGRATIONS: &[&str] = &[
    r#"
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
"#,
    r#"
-- Settings of the database: `merge` is the strictness of merging across documents
-- (strict, default, loose), set by `attache ingest --merge` and used by later ingests.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- Mentions split from an event by hand (`attache split`): the mention (document, ordinal)
-- never joins an event that holds the other one again.
CREATE TABLE kept_apart (
    document TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    other_document TEXT NOT NULL,
    other_ordinal INTEGER NOT NULL,
    PRIMARY KEY (document, ordinal, other_document, other_ordinal)
);
"#,
    r#"
-- Where events happened: one row per place a merged event's reports give it (`--country`,
-- `--admin1`, `--near`). Coordinates only for places the gazetteer resolved.
CREATE TABLE event_places (
    event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    country TEXT,
    admin1 TEXT,
    lat REAL,
    lon REAL,
    geonames_id INTEGER,
    feature TEXT
);
CREATE INDEX event_places_event ON event_places(event);
CREATE INDEX event_places_country ON event_places(country, event);
CREATE INDEX event_places_admin1 ON event_places(admin1, event);
CREATE INDEX event_places_lat ON event_places(lat, lon);
-- Events stored before places were: the country their reports gave, read from the records.
INSERT INTO event_places (event, country)
SELECT DISTINCT em.event, json_extract(m.record, '$.location.country')
FROM event_mentions em JOIN mentions m ON m.id = em.mention
WHERE json_extract(m.record, '$.location.country') IS NOT NULL;
"#,
    r#"
-- Each reporting sentence is stored once per document, however many events it gives: a
-- mention refers to it by (document, sentence index), and its record leaves the text out.
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    -- byte span of the sentence in the document's text
    start_byte INTEGER NOT NULL,
    end_byte INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (document, idx)
);
-- Words of the reporting sentences, for `--text`; kept in step with `sentences` by triggers.
DROP TRIGGER mentions_text_insert;
DROP TRIGGER mentions_text_delete;
DROP TABLE mentions_text;
CREATE VIRTUAL TABLE sentences_text USING fts5(text, content = 'sentences', content_rowid = 'id');
CREATE TRIGGER sentences_text_insert AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_text (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_text_delete AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_text (sentences_text, rowid, text) VALUES ('delete', old.id, old.text);
END;
-- Rows of schema 2 kept the sentence in every mention: one copy goes to `sentences`.
INSERT INTO sentences (document, idx, start_byte, end_byte, text)
    SELECT document, sentence, json_extract(record, '$.sentence.span[0]'),
           json_extract(record, '$.sentence.span[1]'), sentence_text
    FROM mentions GROUP BY document, sentence ORDER BY min(id);
UPDATE mentions SET record = json_remove(record, '$.sentence.text');
ALTER TABLE mentions DROP COLUMN sentence_text;
"#,
    r#"
-- How fine an event's date is (day, week, month, quarter, year, range), for dates its reports
-- give; null for undated events and windows taken from the publication date.
ALTER TABLE events ADD COLUMN date_precision TEXT;
-- The figures of a merged event, one row per kind and unit, as ranges over its reports:
-- `figure` is count (the headline quantity) or a casualty (killed, injured, missing,
-- arrested); `unit` is what is counted ("diplomat", "people") or an ISO 4217 currency code.
-- Rows of events stored before this migration are written when the event is next rewritten.
CREATE TABLE event_figures (
    event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    figure TEXT NOT NULL,
    unit TEXT NOT NULL,
    low INTEGER,
    high INTEGER,
    PRIMARY KEY (event, figure, unit)
);
CREATE INDEX event_figures_figure ON event_figures(figure, unit);
"#,
    r#"
-- In how many stored documents each word is among the document's most frequent content words
-- (attache_merge::document): the idf of the documents' tf-idf vectors, which tell two reports
-- of one story from two stories of one kind. The number of documents counted is the setting
-- `documents_counted`. Documents stored before this migration are not counted.
CREATE TABLE document_words (
    word TEXT PRIMARY KEY,
    documents INTEGER NOT NULL
) WITHOUT ROWID;
"#,
    r#"
-- Clusters of documents of one story (attache_merge::cluster): a new document joins the
-- cluster whose centroid (the sum of its documents' tf-idf vectors) is nearest at or above the
-- merge setting's threshold, else starts one. Reports of different clusters never merge.
-- Vectors are BLOBs of little-endian (u32 word id, f32 weight) pairs in id order. Documents
-- stored before this migration are clustered when it is applied.
CREATE TABLE clusters (
    id INTEGER PRIMARY KEY,
    documents INTEGER NOT NULL,
    centroid BLOB NOT NULL
);
CREATE TABLE document_clusters (
    document TEXT PRIMARY KEY,
    cluster INTEGER NOT NULL REFERENCES clusters(id),
    -- cosine with the centroid it joined; null for the document that started the cluster
    similarity REAL,
    vector BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX document_clusters_cluster ON document_clusters(cluster);
"#,
];

/// Applies the migrations this database lacks. Each runs in an immediate transaction that
/// re-reads the version, so two processes opening a new database at once cannot both
/// apply it.
pub(super) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let read_version = |conn: &Connection| -> rusqlite::Result<usize> {
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        Ok(usize::try_from(version).unwrap_or(usize::MAX))
    };
    loop {
        let version = read_version(conn).map_err(sql_error(path, "reading schema version"))?;
        if version > MIGRATIONS.len() {
            return Err(StoreError::SchemaNewer {
                path: path.to_path_buf(),
                found: i64::try_from(version).unwrap_or(i64::MAX),
                known: MIGRATIONS.len(),
            });
        }
        if version == MIGRATIONS.len() {
            return Ok(());
        }
        let err = |source| StoreError::Migration {
            path: path.to_path_buf(),
            version: version + 1,
            source,
        };
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        // Another process may have migrated while this one waited for the lock.
        if read_version(&tx).map_err(&err)? == version {
            tx.execute_batch(MIGRATIONS[version]).map_err(&err)?;
            if version + 1 == DOCUMENT_WORDS_VERSION {
                super::vectors::count_stored_documents(&tx).map_err(&err)?;
            }
            if version + 1 == CLUSTERS_VERSION {
                super::clusters::cluster_stored_documents(&tx).map_err(&err)?;
            }
            tx.pragma_update(None, "user_version", (version + 1) as i64)
                .map_err(&err)?;
        }
        tx.commit().map_err(&err)?;
    }
}

/// For a read-only connection, which cannot migrate: the schema must be the one this attache
/// writes.
pub(super) fn check_current(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(sql_error(path, "reading schema version"))?;
    let known = MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::SchemaNewer {
            path: path.to_path_buf(),
            found: version,
            known: MIGRATIONS.len(),
        });
    }
    if version < known {
        return Err(StoreError::SchemaOlder {
            path: path.to_path_buf(),
            found: version,
            known: MIGRATIONS.len(),
        });
    }
    Ok(())
}
