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

/// Words whose counts [`WordCounts`] keeps between transactions.
const WORDS_KEPT: usize = 1 << 20;

/// A `document_words` of at most this many words is read whole at the first transaction.
const WORDS_READ_WHOLE: usize = 1 << 16;

/// `document_words` and the documents counted, as transactions change them: each word's count
/// is read once (and kept while the connection is the only writer) and written once per
/// transaction ([`WordCounts::save`]) rather than once per document that has the word.
pub(super) struct WordCounts {
    /// Documents counted as stored, and now.
    stored_documents: u32,
    documents: u32,
    /// Per word: documents counted now, and how many of them this transaction added. A word
    /// it lacks is read from `document_words`, unless `complete`.
    words: HashMap<String, (u32, u32)>,
    /// Whether `words` holds every word of `document_words` (a small table is read whole).
    complete: bool,
}

impl WordCounts {
    pub(super) fn load(tx: &Transaction) -> rusqlite::Result<WordCounts> {
        let documents = documents_counted(tx)?;
        let mut words = HashMap::new();
        let mut stmt = tx.prepare_cached("SELECT word, documents FROM document_words LIMIT ?1")?;
        let mut rows = stmt.query([WORDS_READ_WHOLE as i64 + 1])?;
        while let Some(row) = rows.next()? {
            words.insert(row.get(0)?, (row.get(1)?, 0));
        }
        let complete = words.len() <= WORDS_READ_WHOLE;
        if !complete {
            words.clear();
        }
        Ok(WordCounts {
            stored_documents: documents,
            documents,
            words,
            complete,
        })
    }

    /// The vector of a new document's `text`, counting it among the documents first (its
    /// vector is weighed by the documents before it and itself).
    pub(super) fn count(&mut self, tx: &Transaction, text: &str) -> rusqlite::Result<Vector> {
        let terms = document_terms(text);
        self.documents += 1;
        let mut select =
            tx.prepare_cached("SELECT documents FROM document_words WHERE word = ?1")?;
        for (word, _) in &terms {
            let counted = match self.words.get_mut(word.as_str()) {
                Some(counted) => counted,
                None => {
                    let n: Option<u32> = if self.complete {
                        None
                    } else {
                        select.query_row([word], |r| r.get(0)).optional()?
                    };
                    self.words
                        .entry(word.clone())
                        .or_insert((n.unwrap_or(0), 0))
                }
            };
            counted.0 += 1;
            counted.1 += 1;
        }
        Ok(weigh(&terms, self.documents, |w| {
            self.words.get(w).map_or(1, |c| c.0)
        }))
    }

    /// Writes the counts this transaction added.
    pub(super) fn save(&mut self, tx: &Transaction) -> rusqlite::Result<()> {
        if self.documents == self.stored_documents {
            return Ok(());
        }
        tx.prepare_cached("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)")?
            .execute(rusqlite::params![COUNTED, self.documents.to_string()])?;
        self.stored_documents = self.documents;
        let mut upsert = tx.prepare_cached(
            "INSERT INTO document_words (word, documents) VALUES (?1, ?2) \
             ON CONFLICT(word) DO UPDATE SET documents = documents + ?2",
        )?;
        for (word, (_, added)) in &mut self.words {
            if *added > 0 {
                upsert.execute(rusqlite::params![word, *added])?;
                *added = 0;
            }
        }
        // The counts read stay for the next transaction of this connection, up to a limit.
        if self.words.len() > WORDS_KEPT {
            self.words.clear();
            self.complete = false;
        }
        Ok(())
    }
}

/// Counts the documents a store held before it kept `document_words` (the migration that
/// creates the table), so that an upgraded store weighs words by all its documents.
pub(super) fn count_stored_documents(tx: &Transaction) -> rusqlite::Result<()> {
    let texts: Vec<String> = tx
        .prepare("SELECT text FROM documents ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut words = WordCounts::load(tx)?;
    for text in &texts {
        words.count(tx, text)?;
    }
    words.save(tx)
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
