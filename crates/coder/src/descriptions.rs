//! Nouns that describe a named body by its kind (`data/coder/descriptions.tsv`): "the group"
//! after "Human Rights Watch", "the alliance" after "Nato", "the union" after a trade union.
//! Loaded and validated like the word classes; the discourse remembers, per noun, the last
//! named body of a fitting sector, and the reference reader resolves "the group" to it.

use crate::datafile::DataFileError;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The description file compiled into the binary.
const DESCRIPTIONS_TSV: &str = include_str!("../../../data/coder/descriptions.tsv");
const DESCRIPTIONS_NAME: &str = "data/coder/descriptions.tsv";
const HEADER: &str = "word\tsectors";

/// Each description noun with the sectors of the bodies it can describe.
#[derive(Debug, Default)]
pub(crate) struct KindDescriptions {
    kinds: HashMap<String, Vec<String>>,
}

impl KindDescriptions {
    /// Parses the text of a description file; `file` names it in errors.
    pub(crate) fn parse(file: &str, text: &str) -> Result<KindDescriptions, DataFileError> {
        let err = |line: usize, reason: &str| DataFileError::new(file, line, reason);
        let data = crate::datafile::rows(text, HEADER).map_err(|(n, r)| err(n, &r))?;
        let mut out = KindDescriptions::default();
        for row in data.rows {
            let Some((word, sectors)) = row.text.split_once('\t') else {
                return Err(err(row.number, "expected `word<TAB>sectors`"));
            };
            if word.is_empty() || word.contains(' ') || word.chars().any(char::is_uppercase) {
                return Err(err(row.number, "a word is one lower-case token"));
            }
            let sectors: Vec<String> = sectors.split(',').map(str::to_string).collect();
            let sector_like =
                |s: &String| s.len() == 3 && s.chars().all(|c| c.is_ascii_uppercase());
            if !sectors.iter().all(sector_like) {
                return Err(err(row.number, "sectors are three capital letters each"));
            }
            if out.kinds.insert(word.to_string(), sectors).is_some() {
                return Err(err(row.number, "word listed twice"));
            }
        }
        Ok(out)
    }

    /// Whether `word` is a kind description.
    pub(crate) fn describes_kinds(&self, word: &str) -> bool {
        self.kinds.contains_key(word)
    }

    /// The one sector a description noun names, where it names one only ("union": LAB).
    pub(crate) fn sole_sector(&self, word: &str) -> Option<&str> {
        match self.kinds.get(word).map(Vec::as_slice) {
            Some([one]) => Some(one.as_str()),
            _ => None,
        }
    }

    /// The description nouns that fit a body of `sector`.
    pub(crate) fn words_for<'s>(&'s self, sector: &'s str) -> impl Iterator<Item = &'s str> {
        self.kinds
            .iter()
            .filter(move |(_, sectors)| sectors.iter().any(|s| s == sector))
            .map(|(w, _)| w.as_str())
    }
}

/// The shipped description file, parsed once (checked when an extractor is built).
pub(crate) fn load() -> Result<&'static KindDescriptions, DataFileError> {
    static SHIPPED: OnceLock<Result<KindDescriptions, DataFileError>> = OnceLock::new();
    SHIPPED
        .get_or_init(|| KindDescriptions::parse(DESCRIPTIONS_NAME, DESCRIPTIONS_TSV))
        .as_ref()
        .map_err(Clone::clone)
}

/// The shipped descriptions; empty if the file is invalid (building an extractor reports it).
pub(crate) fn shipped() -> &'static KindDescriptions {
    static EMPTY: OnceLock<KindDescriptions> = OnceLock::new();
    load().unwrap_or_else(|_| EMPTY.get_or_init(KindDescriptions::default))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_loads() {
        let d = load().expect("descriptions.tsv");
        assert!(d.describes_kinds("group"));
        assert!(d.words_for("IGO").any(|w| w == "alliance"));
        assert!(!d.words_for("GOV").any(|w| w == "group"));
    }

    #[test]
    fn malformed_rows_are_named_by_their_line() {
        let bad = |text: &str| KindDescriptions::parse("f.tsv", text).err().map(|e| e.line);
        assert_eq!(bad("word\tsectors\nGroup\tNGO\n"), Some(2));
        assert_eq!(bad("word\tsectors\ngroup\tngo\n"), Some(2));
        assert_eq!(bad("word\tsectors\ngroup\tNGO\ngroup\tREB\n"), Some(3));
        assert_eq!(bad("word\tsectors\ngroup NGO\n"), Some(2));
    }
}
