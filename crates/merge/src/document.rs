//! How alike two documents are as wholes: the cosine of their tf-idf vectors over content
//! words. Two reports of one story (a quake in Indonesia, told by two outlets) repeat its
//! particular words ("Sumatra", "6.1", "aftershock"); two stories of one kind (two quakes)
//! share the words of the kind, which every document of a store on quakes repeats and idf
//! weighs down. The literature's lemma baseline with document clusters recovers ECB+'s
//! sub-topics this way.
//!
//! The idf comes from the documents a store has seen (incremental: a new document is weighed
//! by the documents before it and itself, and its vector is kept as first computed). A
//! document's terms are its [`DOCUMENT_TERMS`] most frequent content words (function words
//! dropped, lower-cased, a plural "s" stripped, as in [`crate::content`]); a word's document
//! frequency counts the documents that have it among their terms.

use crate::content::counted_words;
use std::collections::HashMap;
use std::sync::OnceLock;

const BACKGROUND: &str = include_str!("../../../data/merge/document-frequencies.tsv");

/// How many documents the background corpus's counts (`data/merge/document-frequencies.tsv`)
/// stand for beside a store's own: a new store weighs words by them, a store of thousands by
/// its own documents.
pub const BACKGROUND_DOCUMENTS: f64 = 30.0;

/// The background corpus: its number of documents and each word's document count.
struct Background {
    documents: f64,
    words: HashMap<&'static str, u32>,
}

/// Reads the background counts; `Err` names the first line that is not `word<TAB>count`.
fn read_background(text: &'static str) -> Result<Background, usize> {
    let mut documents = None;
    let mut words = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (word, count) = line.split_once('\t').ok_or(index + 1)?;
        let count: u32 = count.trim().parse().map_err(|_| index + 1)?;
        if documents.is_none() && word == "documents" {
            documents = Some(f64::from(count));
        } else {
            words.insert(word, count);
        }
    }
    Ok(Background {
        documents: documents.ok_or(1usize)?,
        words,
    })
}

fn background() -> &'static Background {
    static BG: OnceLock<Background> = OnceLock::new();
    BG.get_or_init(|| {
        read_background(BACKGROUND).unwrap_or_else(|line| {
            panic!("data/merge/document-frequencies.tsv:{line}: not 'word<TAB>count'")
        })
    })
}

/// How many of a document's most frequent content words stand for it.
pub const DOCUMENT_TERMS: usize = 64;

/// A document with fewer content words than this is too short to tell its story (a wire
/// report of one sentence): its vector is empty, unknown, and proves or blocks nothing.
pub const MIN_DOCUMENT_TERMS: usize = 16;

/// A document's tf-idf vector: words in order, weights of unit length.
pub type Vector = Vec<(String, f32)>;

/// A document's [`DOCUMENT_TERMS`] most frequent content words with their counts, the first
/// seen first among equals, in word order.
pub fn document_terms(text: &str) -> Vec<(String, u32)> {
    let mut counts = counted_words(text, |w| Some(w.trim_start_matches('^')));
    counts.truncate(DOCUMENT_TERMS);
    counts.sort_by(|a, b| a.0.cmp(&b.0));
    counts
}

/// In how many documents each word is a term ([`document_terms`]), and how many documents.
#[derive(Debug, Clone, Default)]
pub struct Frequencies {
    documents: u32,
    words: HashMap<String, u32>,
}

impl Frequencies {
    /// Counts one more document with these terms.
    pub fn add(&mut self, terms: &[(String, u32)]) {
        self.documents += 1;
        for (word, _) in terms {
            *self.words.entry(word.clone()).or_default() += 1;
        }
    }

    /// The tf-idf vector of a counted document's terms.
    pub fn vector(&self, terms: &[(String, u32)]) -> Vector {
        let frequency = |w: &str| self.words.get(w).copied().unwrap_or(0);
        weigh(terms, self.documents, frequency)
    }
}

/// The unit tf-idf vector of `terms` among `documents` documents, of which `frequency(word)`
/// have the word (counting the document itself): (1 + ln tf) ln((N + 1) / df), where N and df
/// also count the background corpus as [`BACKGROUND_DOCUMENTS`] documents.
pub fn weigh(terms: &[(String, u32)], documents: u32, frequency: impl Fn(&str) -> u32) -> Vector {
    if terms.len() < MIN_DOCUMENT_TERMS {
        return Vector::new();
    }
    let bg = background();
    let scale = BACKGROUND_DOCUMENTS / bg.documents;
    let n = f64::from(documents) + BACKGROUND_DOCUMENTS + 1.0;
    let mut vector: Vec<(String, f64)> = terms
        .iter()
        .map(|(w, tf)| {
            let known = bg
                .words
                .get(w.as_str())
                .map_or(0.0, |&c| f64::from(c) * scale);
            let df = (f64::from(frequency(w)) + known).max(1.0);
            (w.clone(), (1.0 + f64::from(*tf).ln()) * (n / df).ln())
        })
        .collect();
    let norm = vector.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, x) in &mut vector {
            *x /= norm;
        }
    }
    vector
        .into_iter()
        .map(|(w, x)| (w, x as f32))
        .filter(|(_, x)| *x > 0.0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(a: &[(String, f32)]) -> f64 {
        a.iter()
            .map(|(_, x)| f64::from(*x) * f64::from(*x))
            .sum::<f64>()
            .sqrt()
    }

    /// The cosine of two vectors in word order; `None` when either is empty (unknown).
    fn cosine(a: &[(String, f32)], b: &[(String, f32)]) -> Option<f64> {
        let norms = norm(a) * norm(b);
        if norms == 0.0 {
            return None;
        }
        let (mut i, mut j, mut sum) = (0, 0, 0.0f64);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += f64::from(a[i].1) * f64::from(b[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
        Some(sum / norms)
    }

    const QUAKE: &str = "A strong earthquake struck Sumatra on Sunday. The earthquake, of \
        magnitude 6.1, shook Padang; aftershocks followed. Sumatra's governor said houses fell \
        and rescue teams searched the rubble overnight while hospitals treated dozens.";
    const QUAKE_AGAIN: &str = "Houses collapsed in Padang after a 6.1 earthquake hit western \
        Sumatra. Aftershocks rattled the city. The governor of West Sumatra toured Padang as \
        rescue teams dug through rubble and hospitals asked for blood donors.";
    const OTHER_QUAKE: &str = "An earthquake of magnitude 5.4 hit northern California near \
        Cloverdale. Residents of Sonoma County felt the earthquake; no damage was reported. \
        Geologists said the fault near the Geysers steam field often produces small tremors.";

    #[test]
    fn two_reports_of_one_quake_are_closer_than_two_quakes() {
        let mut freq = Frequencies::default();
        let terms: Vec<_> = [QUAKE, QUAKE_AGAIN, OTHER_QUAKE]
            .iter()
            .map(|t| document_terms(t))
            .collect();
        for t in &terms {
            freq.add(t);
        }
        let v: Vec<Vector> = terms.iter().map(|t| freq.vector(t)).collect();
        let same = cosine(&v[0], &v[1]).unwrap();
        let other = cosine(&v[0], &v[2]).unwrap();
        assert!(same > 2.0 * other, "{same} vs {other}");
        // "earthquake" is in every document, "Sumatra" in two: told twice each, the place
        // weighs more.
        let weight = |w: &str| v[0].iter().find(|x| x.0 == w).map(|x| x.1).unwrap();
        assert!(weight("earthquake") < weight("sumatra"), "{:?}", v[0]);
        assert!((cosine(&v[0], &v[0]).unwrap() - 1.0).abs() < 1e-6);
        assert_eq!(cosine(&v[0], &[]), None);
    }

    #[test]
    fn the_background_counts_read() {
        let bg = background();
        assert_eq!(bg.documents, 2225.0);
        assert!(bg.words["government"] > 100, "{}", bg.words["government"]);
        assert_eq!(read_background("documents\t3\nword 2\n").err(), Some(2));
    }

    #[test]
    fn terms_are_bare_lower_case_content_words() {
        let terms = document_terms("Sumatra's governors met the governor in Sumatra.");
        assert_eq!(
            terms,
            [
                ("governor".to_string(), 2),
                ("met".to_string(), 1),
                ("sumatra".to_string(), 2)
            ]
        );
    }
}
