//! Reading one stored document back with the mentions coded from it.

use super::SqliteStore;
use crate::StoreError;
use attache_event::Event;
use rusqlite::OptionalExtension;
use serde::Serialize;

/// One coded event of a stored document, with the merged events it is linked to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentMention {
    pub mention: i64,
    /// Merged events this mention reports (as a report, or as an actor's share of a claim).
    pub events: Vec<i64>,
    /// The coded event, with byte spans into the document's text.
    pub record: Event,
}

/// A stored document: its text and publication details, and what was coded from it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDocument {
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub mentions: Vec<DocumentMention>,
}

impl SqliteStore {
    /// The text of the document stored under `id`, or `None` when there is none.
    pub fn document_text(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT text FROM documents WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(self.err("reading a document"))
    }

    /// The document stored under `id`, or `None` when there is none.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let err = self.err("reading a document");
        let document = self
            .conn
            .query_row(
                "SELECT id, title, source, url, published, text FROM documents WHERE id = ?1",
                [id],
                |r| {
                    Ok(StoredDocument {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        source: r.get(2)?,
                        url: r.get(3)?,
                        published: r.get(4)?,
                        text: r.get(5)?,
                        mentions: Vec::new(),
                    })
                },
            )
            .optional()
            .map_err(&err)?;
        let Some(mut document) = document else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare(
                "SELECT m.id, m.record, (SELECT group_concat(DISTINCT em.event) FROM event_mentions \
                 em WHERE em.mention = m.id), s.text FROM mentions m LEFT JOIN sentences s \
                 ON s.document = m.document AND s.idx = m.sentence \
                 WHERE m.document = ?1 ORDER BY m.ordinal",
            )
            .map_err(&err)?;
        let rows = stmt
            .query_map([id], |r| {
                let record: String = r.get(1)?;
                let events: Option<String> = r.get(2)?;
                Ok(DocumentMention {
                    mention: r.get(0)?,
                    events: parse_ids(events.as_deref()),
                    record: super::read_record(&record, r.get(3)?, 1)?,
                })
            })
            .map_err(&err)?;
        document.mentions = rows.collect::<Result<_, _>>().map_err(&err)?;
        Ok(Some(document))
    }
}

fn parse_ids(list: Option<&str>) -> Vec<i64> {
    let mut ids: Vec<i64> = list
        .unwrap_or("")
        .split(',')
        .filter_map(|id| id.parse().ok())
        .collect();
    ids.sort_unstable();
    ids
}
