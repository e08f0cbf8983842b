//! The lemmatizer's data, compiled in: corrections to the learned lexicon
//! (`data/nlp/lemmas.tsv`: the treebanks' annotation errors, regular verbs whose rule meets a
//! known word of another part of speech) and the stem endings of verbs that drop a final e
//! (`data/nlp/final-e.tsv`); and the parser repairs' time nouns (`data/nlp/time-nouns.tsv`).
//! Each file's header documents its rows.

const LEMMAS_TSV: &str = include_str!("../../../data/nlp/lemmas.tsv");
const LEMMAS_NAME: &str = "data/nlp/lemmas.tsv";
const HEADER: &str = "form\txpos\tlemma";
const FINAL_E_TSV: &str = include_str!("../../../data/nlp/final-e.tsv");
const FINAL_E_NAME: &str = "data/nlp/final-e.tsv";
const FINAL_E_HEADER: &str = "ending";
const TIME_NOUNS_TSV: &str = include_str!("../../../data/nlp/time-nouns.tsv");
const TIME_NOUNS_NAME: &str = "data/nlp/time-nouns.tsv";
const TIME_NOUNS_HEADER: &str = "word";

/// A lemma correction file that could not be read, with the file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct LemmaDataError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

impl LemmaDataError {
    fn at(file: &str, line: usize, reason: String) -> Self {
        LemmaDataError {
            file: file.to_string(),
            line,
            reason,
        }
    }
}

/// One row: (form, XPOS, lemma).
pub(crate) type Correction = (String, String, String);

/// The compiled-in corrections.
pub(crate) fn corrections() -> Result<Vec<Correction>, LemmaDataError> {
    parse(LEMMAS_TSV, LEMMAS_NAME)
}

/// The compiled-in final-e endings.
pub(crate) fn final_e_endings() -> Result<Vec<String>, LemmaDataError> {
    parse_endings(FINAL_E_TSV, FINAL_E_NAME)
}

/// The compiled-in time nouns, sorted.
pub(crate) fn time_nouns() -> Result<Vec<String>, LemmaDataError> {
    parse_words(TIME_NOUNS_TSV, TIME_NOUNS_NAME, TIME_NOUNS_HEADER)
}

/// Reads a word list: the `header` line, then comments, blank lines and one lower-case word a
/// line; the words come back sorted.
pub(crate) fn parse_words(
    text: &str,
    file: &str,
    header: &str,
) -> Result<Vec<String>, LemmaDataError> {
    let mut words = Vec::new();
    for (line, row) in data_rows(text, file, header)? {
        if row.is_empty() || !row.bytes().all(|b| b.is_ascii_lowercase()) {
            let reason = format!("{row:?}: a word is lower-case letters");
            return Err(LemmaDataError::at(file, line, reason));
        }
        words.push(row.to_string());
    }
    words.sort();
    Ok(words)
}

/// Reads an endings file: the header line, then comments, blank lines and one ending a line
/// (lower-case ASCII letters, and C for any consonant).
pub(crate) fn parse_endings(text: &str, file: &str) -> Result<Vec<String>, LemmaDataError> {
    let mut rows = Vec::new();
    for (line, row) in data_rows(text, file, FINAL_E_HEADER)? {
        if !row.bytes().all(|b| b.is_ascii_lowercase() || b == b'C') {
            let reason = format!("{row:?}: an ending is lower-case letters and C");
            return Err(LemmaDataError::at(file, line, reason));
        }
        rows.push(row.to_string());
    }
    Ok(rows)
}

/// The rows of a data file after its header line, numbered from 1 as in the file, without
/// comment lines (`#`) and blank lines.
fn data_rows<'t>(
    text: &'t str,
    file: &str,
    header: &str,
) -> Result<Vec<(usize, &'t str)>, LemmaDataError> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, h)) if h == header => {}
        _ => {
            let reason = format!("the first line must be {header:?}");
            return Err(LemmaDataError::at(file, 1, reason));
        }
    }
    Ok(lines
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l))
        .collect())
}

/// Whether `word` ends as `ending` (C matching any consonant) does.
pub(crate) fn ends_as(word: &str, ending: &str) -> bool {
    let (w, e) = (word.as_bytes(), ending.as_bytes());
    w.len() > e.len()
        && w[w.len() - e.len()..].iter().zip(e).all(|(&c, &p)| {
            if p == b'C' {
                c.is_ascii_lowercase() && !b"aeiouy".contains(&c)
            } else {
                c == p
            }
        })
}

/// Reads a correction file: the header line, then comment lines (`#`), blank lines and rows
/// of three tab-separated lower-case columns.
pub(crate) fn parse(text: &str, file: &str) -> Result<Vec<Correction>, LemmaDataError> {
    let mut rows = Vec::new();
    for (line, row) in data_rows(text, file, HEADER)? {
        let error = |reason: String| LemmaDataError::at(file, line, reason);
        let cols: Vec<&str> = row.split('\t').collect();
        let [form, xpos, lemma] = cols[..] else {
            return Err(error(format!("expected 3 columns, found {}", cols.len())));
        };
        let word = |w: &str| !w.is_empty() && !w.chars().any(|c| c.is_uppercase() || c == ' ');
        if !word(form) || !word(lemma) {
            return Err(error("form and lemma are one lower-case word".into()));
        }
        if xpos.is_empty() || xpos.chars().any(|c| !c.is_ascii_uppercase() && c != '$') {
            return Err(error(format!("bad XPOS {xpos:?}")));
        }
        rows.push((form.to_string(), xpos.to_string(), lemma.to_string()));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_corrections_parse() {
        let rows = corrections().expect("data/nlp/lemmas.tsv parses");
        assert!(rows.iter().any(|r| r.0 == "freed" && r.2 == "free"));
    }

    #[test]
    fn shipped_endings_parse_and_match() {
        let endings = final_e_endings().expect("data/nlp/final-e.tsv parses");
        assert!(endings.iter().any(|e| ends_as("abdicat", e)));
        assert!(endings.iter().any(|e| ends_as("squabbl", e)));
        assert!(!endings.iter().any(|e| ends_as("visit", e)));
        assert!(!endings.iter().any(|e| ends_as("join", e)));
        let e = parse_endings("ending\nCat\nA-b\n", "y.tsv").unwrap_err();
        assert_eq!(e.line, 3);
    }

    #[test]
    fn shipped_time_nouns_parse() {
        let words = time_nouns().expect("data/nlp/time-nouns.tsv parses");
        assert!(words.binary_search(&"monday".to_string()).is_ok());
        assert!(words.binary_search(&"week".to_string()).is_ok());
        let e = parse_words("word\n# c\nweek\nNext week\n", "t.tsv", "word").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.tsv:4: \"Next week\": a word is lower-case letters"
        );
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let e = parse("form\txpos\tlemma\n# c\nfreed\tVBN\n", "x.tsv").unwrap_err();
        assert_eq!(e.to_string(), "x.tsv:3: expected 3 columns, found 2");
        let e = parse("form\txpos\tlemma\nFreed\tVBN\tfree\n", "x.tsv").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("form\tlemma\n", "x.tsv").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
