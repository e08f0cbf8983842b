//! The words that decide what a number counts (`data/coder/figures.tsv`): casualty words,
//! role nouns that name a body, identifier, time and clock words, currency signs and words.

use crate::datafile::DataFileError;
use attache_event::CasualtyKind;
use std::collections::HashMap;
use std::sync::OnceLock;

const FIGURES_TSV: &str = include_str!("../../../data/coder/figures.tsv");
const FIGURES_NAME: &str = "data/coder/figures.tsv";
const HEADER: &str = "word\tclass\tvalue";

/// What a word says about a number beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Casualty(CasualtyKind),
    Institution,
    Identifier,
    Time,
    Clock,
    ClockZone,
    CurrencySign,
    CurrencyWord,
}

impl Class {
    fn parse(name: &str) -> Option<Class> {
        Some(match name {
            "institution" => Class::Institution,
            "identifier" => Class::Identifier,
            "time" => Class::Time,
            "clock" => Class::Clock,
            "clock-zone" => Class::ClockZone,
            "currency-sign" => Class::CurrencySign,
            "currency-word" => Class::CurrencyWord,
            other => Class::Casualty(CasualtyKind::parse(other)?),
        })
    }

    fn is_currency(self) -> bool {
        matches!(self, Class::CurrencySign | Class::CurrencyWord)
    }
}

/// The loaded figure words, looked up in lower case.
#[derive(Debug, Default)]
pub struct FigureWords {
    rows: HashMap<(String, ClassKey), Option<String>>,
    casualty: HashMap<String, CasualtyKind>,
}

/// A class without its casualty kind, for the row index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum ClassKey {
    Casualty,
    Institution,
    Identifier,
    Time,
    Clock,
    ClockZone,
    CurrencySign,
    CurrencyWord,
}

fn key(class: Class) -> ClassKey {
    match class {
        Class::Casualty(_) => ClassKey::Casualty,
        Class::Institution => ClassKey::Institution,
        Class::Identifier => ClassKey::Identifier,
        Class::Time => ClassKey::Time,
        Class::Clock => ClassKey::Clock,
        Class::ClockZone => ClassKey::ClockZone,
        Class::CurrencySign => ClassKey::CurrencySign,
        Class::CurrencyWord => ClassKey::CurrencyWord,
    }
}

impl FigureWords {
    /// Parses the TSV text of a figure-word file; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<FigureWords, DataFileError> {
        let err = |line: usize, reason: String| DataFileError::new(file, line, reason);
        let mut words = FigureWords::default();
        let data = crate::datafile::rows(text, HEADER).map_err(|(n, r)| err(n, r))?;
        let header_seen = data.header;
        for row in data.rows {
            let (line_no, line) = (row.number, row.text);
            let cols: Vec<&str> = line.split('\t').collect();
            let [word, class, value] = cols[..] else {
                return Err(err(
                    line_no,
                    format!("expected 3 tab-separated columns, found {}", cols.len()),
                ));
            };
            if word.is_empty() || word.contains(' ') || word != word.to_lowercase() {
                return Err(err(
                    line_no,
                    format!("word {word:?} must be one lower-case token"),
                ));
            }
            let class = Class::parse(class).ok_or_else(|| {
                err(
                    line_no,
                    format!(
                        "unknown class {class:?} (killed, injured, missing, arrested, \
                         institution, identifier, time, clock, clock-zone, currency-sign, \
                         currency-word)"
                    ),
                )
            })?;
            let value = match (class.is_currency(), value) {
                (false, "-") => None,
                (false, other) => {
                    return Err(err(
                        line_no,
                        format!("value {other:?} must be - for this class"),
                    ));
                }
                (true, code) if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
                    Some(code.to_string())
                }
                (true, other) => {
                    return Err(err(
                        line_no,
                        format!("value {other:?} must be an ISO 4217 code such as USD"),
                    ));
                }
            };
            if words
                .rows
                .insert((word.to_string(), key(class)), value)
                .is_some()
            {
                return Err(err(
                    line_no,
                    format!("{word:?} is listed twice in its class"),
                ));
            }
            if let Class::Casualty(kind) = class {
                words.casualty.insert(word.to_string(), kind);
            }
        }
        if !header_seen {
            return Err(err(1, format!("missing the header line {HEADER:?}")));
        }
        Ok(words)
    }

    fn has(&self, word: &str, class: ClassKey) -> bool {
        self.rows.contains_key(&(word.to_lowercase(), class))
    }

    /// The casualty a word (a lemma, or an adjective as written) names: "wound" -> injured.
    pub fn casualty(&self, word: &str) -> Option<CasualtyKind> {
        self.casualty.get(&word.to_lowercase()).copied()
    }

    /// A role noun that names a body ("government"), never a count of one.
    pub fn is_institution(&self, word: &str) -> bool {
        self.has(word, ClassKey::Institution)
    }

    /// A word before a number that makes it an identifier ("resolution 2118").
    pub fn is_identifier(&self, word: &str) -> bool {
        self.has(word, ClassKey::Identifier)
    }

    /// A word after a number that makes it a time, duration, rate or ordinal ("24 hours").
    pub fn is_time(&self, word: &str) -> bool {
        self.has(word, ClassKey::Time)
    }

    /// A word after a four-digit clock time that makes it a time of day ("2200 GMT", "1500
    /// hours"), or "time" two words after it ("0900 local time").
    pub fn is_clock(&self, word: &str) -> bool {
        self.has(word, ClassKey::Clock)
    }

    /// A word naming where a clock time is read, between it and "time" ("0900 local time").
    pub fn is_clock_zone(&self, word: &str) -> bool {
        self.has(word, ClassKey::ClockZone)
    }

    /// The ISO 4217 code of a currency sign before a sum ("$") or a word after it ("euros").
    pub fn currency(&self, before: Option<&str>, after: Option<&str>) -> Option<&str> {
        let code = |w: Option<&str>, class| {
            self.rows
                .get(&(w?.to_lowercase(), class))
                .and_then(|v| v.as_deref())
        };
        code(before, ClassKey::CurrencySign).or_else(|| code(after, ClassKey::CurrencyWord))
    }
}

/// The figure words compiled into the binary.
pub fn embedded() -> Result<&'static FigureWords, DataFileError> {
    static WORDS: OnceLock<Result<FigureWords, DataFileError>> = OnceLock::new();
    WORDS
        .get_or_init(|| FigureWords::parse(FIGURES_NAME, FIGURES_TSV))
        .as_ref()
        .map_err(Clone::clone)
}

/// The compiled-in figure words; [`crate::Extractor::load_default`] has checked they load.
pub(crate) fn words() -> &'static FigureWords {
    embedded().expect("data/coder/figures.tsv loads (checked when the extractor loads)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_loads() {
        let w = embedded().unwrap();
        assert_eq!(w.casualty("wound"), Some(CasualtyKind::Injured));
        assert_eq!(w.casualty("Dead"), Some(CasualtyKind::Killed));
        assert_eq!(w.casualty("detain"), Some(CasualtyKind::Arrested));
        assert!(w.is_institution("government"));
        assert!(w.is_identifier("resolution"));
        assert!(w.is_time("hours"));
        assert!(w.is_clock("gmt") && w.is_clock_zone("local"));
        assert_eq!(w.currency(Some("$"), None), Some("USD"));
        assert_eq!(w.currency(Some("US$"), None), Some("USD"));
        assert_eq!(w.currency(None, Some("euros")), Some("EUR"));
        assert_eq!(w.currency(Some("the"), Some("people")), None);
    }

    #[test]
    fn bad_rows_name_file_and_line() {
        let e = FigureWords::parse("f.tsv", "word\tclass\tvalue\nkill\tdeadly\t-\n").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("f.tsv", 2));
        assert!(e.to_string().starts_with("f.tsv:2: unknown class"), "{e}");
        let e = FigureWords::parse("f.tsv", "# c\nword\tclass\tvalue\n$\tcurrency-sign\tusd\n")
            .unwrap_err();
        assert_eq!(e.line, 3);
        let e = FigureWords::parse("f.tsv", "word\tclass\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = FigureWords::parse("f.tsv", "word\tclass\tvalue\nkill\tkilled\n").unwrap_err();
        assert!(e.reason.contains("3 tab-separated columns"), "{e}");
        let e = FigureWords::parse(
            "f.tsv",
            "word\tclass\tvalue\nkill\tkilled\t-\nkill\tinjured\t-\n",
        )
        .unwrap_err();
        assert_eq!(e.line, 3);
    }
}
