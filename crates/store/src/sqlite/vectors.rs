//! Documents' tf-idf vectors with the idf of the stored documents (`document_words`).

use crate::merge::{Vector, document_terms};
use attache_merge::document::weigh;
use rusqlite::{OptionalExtension, Transaction};
use std::collections::HashMap;

const COUNTED: &str = "documents_counted";

fn documents_counted(tx: &Transaction) -> rusqlite::Result<u32> {
    let value: Option<String> = tx
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([COUNTED], |r| r.get(0))
        .optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// The vector of a new document's `text`, counting it among the stored documents first (its
/// vector is weighed by the documents before it and itself, and kept as computed).
pub(super) fn count_document(tx: &Transaction, text: &str) -> rusqlite::Result<Vector> {
    let terms = document_terms(text);
    let documents = documents_counted(tx)? + 1;
    tx.prepare_cached("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)")?
        .execute(rusqlite::params![COUNTED, documents.to_string()])?;
    let mut frequency = HashMap::with_capacity(terms.len());
    let mut upsert = tx.prepare_cached(
        "INSERT INTO document_words (word, documents) VALUES (?1, 1) \
         ON CONFLICT(word) DO UPDATE SET documents = documents + 1 RETURNING documents",
    )?;
    for (word, _) in &terms {
        let n: u32 = upsert.query_row([word], |r| r.get(0))?;
        frequency.insert(word.as_str(), n);
    }
    Ok(weigh(&terms, documents, |w| {
        frequency.get(w).copied().unwrap_or(1)
    }))
}

/// Counts the documents a store held before it kept `document_words` (the migration that
/// creates the table), so that an upgraded store weighs words by all its documents.
pub(super) fn count_stored_documents(tx: &Transaction) -> rusqlite::Result<()> {
    let texts: Vec<String> = tx
        .prepare("SELECT text FROM documents ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for text in &texts {
        count_document(tx, text)?;
    }
    Ok(())
}

/// The vector of a stored document's `text` by the stored documents' frequencies now (for an
/// event rebuilt from its reports).
pub(super) fn stored_vector(tx: &Transaction, text: &str) -> rusqlite::Result<Vector> {
    let terms = document_terms(text);
    let documents = documents_counted(tx)?;
    let mut frequency = HashMap::with_capacity(terms.len());
    let mut select = tx.prepare_cached("SELECT documents FROM document_words WHERE word = ?1")?;
    for (word, _) in &terms {
        let n: Option<u32> = select.query_row([word], |r| r.get(0)).optional()?;
        frequency.insert(word.as_str(), n.unwrap_or(1));
    }
    Ok(weigh(&terms, documents.max(1), |w| {
        frequency.get(w).copied().unwrap_or(1)
    }))
}
