//! Words that stand for a value (`data/coder/values.tsv`): month and weekday names, days
//! relative to publication, units, seasons and vague references of time expressions, number
//! words, scales and vague plurals of figures. Loaded and validated like the word classes; the
//! grammar that combines them stays in `dates`, `timewords` and `numbers`.

use crate::datafile::DataFileError;
use attache_text::hash::FnvBuild;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The value-word file compiled into the binary.
const VALUES_TSV: &str = include_str!("../../../data/coder/values.tsv");
const VALUES_NAME: &str = "data/coder/values.tsv";
const HEADER: &str = "class\tword\tvalue";

/// What a class's values are.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Values {
    /// A number in the range, inclusive.
    Range(f64, f64),
    /// Any finite number.
    Number,
    /// A unit name (day, week, month, year, decade).
    UnitName,
    /// A reference name (present, past, future).
    ReferenceName,
}

macro_rules! value_classes {
    ($($variant:ident = $name:literal: $values:expr,)*) => {
        /// A class of words of `data/coder/values.tsv` (its header documents each).
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub(crate) enum ValueClass {
            $($variant,)*
        }

        impl ValueClass {
            const ALL: &'static [ValueClass] = &[$(ValueClass::$variant,)*];

            fn name(self) -> &'static str {
                match self {
                    $(ValueClass::$variant => $name,)*
                }
            }

            fn values(self) -> Values {
                match self {
                    $(ValueClass::$variant => $values,)*
                }
            }
        }
    };
}

value_classes! {
    Month = "month": Values::Range(1.0, 12.0),
    MonthAbbreviation = "month_abbreviation": Values::Range(1.0, 12.0),
    Weekday = "weekday": Values::Range(1.0, 7.0),
    RelativeDay = "relative_day": Values::Range(-1.0, 1.0),
    Reference = "reference": Values::ReferenceName,
    Unit = "unit": Values::UnitName,
    Season = "season": Values::Range(0.0, 3.0),
    QuarterOrdinal = "quarter_ordinal": Values::Range(1.0, 4.0),
    OffsetCount = "offset_count": Values::Range(1.0, 100.0),
    Number = "number": Values::Number,
    Scale = "scale": Values::Number,
    AfterA = "after_a": Values::Number,
    VagueNumber = "vague_number": Values::Number,
}

/// The names a `unit` row may give, in the order [`unit_index`] numbers them.
pub(crate) const UNIT_NAMES: [&str; 5] = ["day", "week", "month", "year", "decade"];

/// The names a `reference` row may give, in the order [`reference_index`] numbers them.
pub(crate) const REFERENCE_NAMES: [&str; 3] = ["present", "past", "future"];

/// The longest word a row may give, in bytes: lookups lower-case a word into a buffer this
/// long instead of allocating.
const MAX_WORD: usize = 32;

/// Every class's words with their values (units and references by their index in
/// [`UNIT_NAMES`] / [`REFERENCE_NAMES`]).
#[derive(Debug)]
pub(crate) struct ValueWords {
    lists: Vec<HashMap<String, f64, FnvBuild>>,
    /// Per class, what a word must be like to be looked up at all: most words of a text
    /// are not value words and are turned away without hashing.
    shapes: Vec<Shape>,
}

/// The lengths and first bytes of a class's words.
#[derive(Debug, Default)]
struct Shape {
    shortest: usize,
    longest: usize,
    /// Bit `b` set when a word begins with byte `b`.
    first: [u64; 4],
}

impl Shape {
    fn of<'a>(words: impl Iterator<Item = &'a String>) -> Shape {
        let mut shape = Shape {
            shortest: usize::MAX,
            ..Shape::default()
        };
        for w in words {
            shape.shortest = shape.shortest.min(w.len());
            shape.longest = shape.longest.max(w.len());
            let b = w.as_bytes()[0];
            shape.first[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        shape
    }

    /// Whether `word` (any ASCII case) may be one of the class's words.
    fn admits(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else {
            return false;
        };
        let b = b.to_ascii_lowercase();
        (self.shortest..=self.longest).contains(&word.len())
            && self.first[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

impl ValueWords {
    /// Parses the text of a value-word file; `file` names it in errors.
    pub(crate) fn parse(file: &str, text: &str) -> Result<ValueWords, DataFileError> {
        let err = |line: usize, reason: String| DataFileError::new(file, line, reason);
        let mut lists: Vec<HashMap<String, f64, FnvBuild>> =
            vec![HashMap::default(); ValueClass::ALL.len()];
        let data = crate::datafile::rows(text, HEADER).map_err(|(n, r)| err(n, r))?;
        if !data.header {
            return Err(err(1, "no header line and no rows".to_string()));
        }
        for row in data.rows {
            let cols: Vec<&str> = row.text.split('\t').collect();
            let [class, word, value] = cols[..] else {
                return Err(err(
                    row.number,
                    "expected `class<TAB>word<TAB>value`".into(),
                ));
            };
            let Some(class) = ValueClass::ALL.iter().copied().find(|c| c.name() == class) else {
                return Err(err(row.number, format!("unknown value class {class:?}")));
            };
            if word.is_empty() || word.contains(char::is_whitespace) || word != word.to_lowercase()
            {
                return Err(err(
                    row.number,
                    format!("{word:?} is not one lower-case word"),
                ));
            }
            if word.len() > MAX_WORD {
                return Err(err(
                    row.number,
                    format!("{word:?} is longer than {MAX_WORD} bytes"),
                ));
            }
            let value = parse_value(class, value).map_err(|r| err(row.number, r))?;
            if lists[class as usize]
                .insert(word.to_string(), value)
                .is_some()
            {
                return Err(err(
                    row.number,
                    format!("{word:?} is listed twice in class {}", class.name()),
                ));
            }
        }
        if let Some(empty) = ValueClass::ALL
            .iter()
            .find(|c| lists[**c as usize].is_empty())
        {
            return Err(err(
                data.last_line,
                format!("class {} has no words", empty.name()),
            ));
        }
        let shapes = lists.iter().map(|l| Shape::of(l.keys())).collect();
        Ok(ValueWords { lists, shapes })
    }

    /// The value of `word` in `class`, ignoring ASCII case, without allocating.
    fn get(&self, class: ValueClass, word: &str) -> Option<f64> {
        if !self.shapes[class as usize].admits(word) {
            return None;
        }
        let list = &self.lists[class as usize];
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return list.get(word).copied();
        }
        let mut buf = [0u8; MAX_WORD];
        let lowered = &mut buf[..word.len()];
        lowered.copy_from_slice(word.as_bytes());
        lowered.make_ascii_lowercase();
        // ASCII lower-casing keeps UTF-8 valid.
        let lowered = std::str::from_utf8(lowered).ok()?;
        list.get(lowered).copied()
    }
}

/// A row's value, checked against its class.
fn parse_value(class: ValueClass, text: &str) -> Result<f64, String> {
    let named = |names: &[&str]| {
        names
            .iter()
            .position(|n| *n == text)
            .map(|i| i as f64)
            .ok_or_else(|| format!("{text:?} is not one of {}", names.join(", ")))
    };
    match class.values() {
        Values::UnitName => named(&UNIT_NAMES),
        Values::ReferenceName => named(&REFERENCE_NAMES),
        Values::Number | Values::Range(..) => {
            let v: f64 = text
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| format!("{text:?} is not a number"))?;
            match class.values() {
                Values::Range(lo, hi) if !(lo..=hi).contains(&v) || v.fract() != 0.0 => {
                    Err(format!(
                        "{text:?} is not a whole number from {lo} to {hi} ({})",
                        class.name()
                    ))
                }
                _ => Ok(v),
            }
        }
    }
}

static VALUES: OnceLock<ValueWords> = OnceLock::new();

/// Loads the compiled-in value-word file, reporting a bad file by its line.
pub fn load() -> Result<(), DataFileError> {
    if VALUES.get().is_none() {
        let parsed = ValueWords::parse(VALUES_NAME, VALUES_TSV)?;
        let _ = VALUES.set(parsed);
    }
    Ok(())
}

/// The compiled-in value words (validated by [`load`] when an extractor is built, and by the
/// tests).
fn values() -> &'static ValueWords {
    VALUES.get_or_init(|| {
        ValueWords::parse(VALUES_NAME, VALUES_TSV).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The value of `word` (in any ASCII case) in `class` of the compiled-in file.
pub(crate) fn value(class: ValueClass, word: &str) -> Option<f64> {
    values().get(class, word)
}

/// The index in [`UNIT_NAMES`] of the unit `word` names ("week" is 1).
pub(crate) fn unit_index(word: &str) -> Option<usize> {
    value(ValueClass::Unit, word).map(|i| i as usize)
}

/// The index in [`REFERENCE_NAMES`] of the vague reference `word` makes ("recently" is 1).
pub(crate) fn reference_index(word: &str) -> Option<usize> {
    value(ValueClass::Reference, word).map(|i| i as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_loads_with_every_class() {
        load().unwrap();
        assert_eq!(value(ValueClass::Month, "march"), Some(3.0));
        assert_eq!(value(ValueClass::MonthAbbreviation, "sept"), Some(9.0));
        assert_eq!(value(ValueClass::RelativeDay, "yesterday"), Some(-1.0));
        assert_eq!(value(ValueClass::Scale, "bn"), Some(1e9));
        assert_eq!(unit_index("decade"), Some(4));
        assert_eq!(reference_index("recently"), Some(1));
        assert_eq!(value(ValueClass::Month, "MARCH"), Some(3.0));
        assert_eq!(value(ValueClass::Weekday, "Friday"), Some(5.0));
        assert_eq!(
            value(ValueClass::Month, "Marchmarchmarchmarchmarchmarchmarch"),
            None
        );
    }

    #[test]
    fn bad_files_name_their_line() {
        let head = "class\tword\tvalue\n";
        let e = ValueWords::parse("v.tsv", &format!("{head}monthh\tmay\t5\n")).unwrap_err();
        assert_eq!(e.to_string(), "v.tsv:2: unknown value class \"monthh\"");
        let e = ValueWords::parse("v.tsv", &format!("# c\n{head}month\tmay\t13\n")).unwrap_err();
        assert_eq!((e.line, e.reason.contains("1 to 12")), (3, true));
        let e = ValueWords::parse("v.tsv", &format!("{head}unit\tweek\tfortnight\n")).unwrap_err();
        assert!(e.reason.contains("not one of"), "{e}");
        let e = ValueWords::parse("v.tsv", &format!("{head}month\tMay\t5\n")).unwrap_err();
        assert_eq!(e.line, 2);
        let e = ValueWords::parse("v.tsv", &format!("{head}month\tmay\t5\nmonth\tmay\t5\n"))
            .unwrap_err();
        assert!(e.reason.contains("twice"), "{e}");
        let e = ValueWords::parse("v.tsv", &format!("{head}month\tmay\t5\n")).unwrap_err();
        assert!(e.reason.contains("has no words"), "{e}");
    }
}
