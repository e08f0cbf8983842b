//! The one error type of the readers: which input, which line, what is wrong with it.

use std::fmt;

/// A problem with one input: a whole file (`line` is `None`) or one line/record of it.
///
/// Readers never panic on bad input; they yield this and, where the format allows (JSON Lines,
/// CSV), carry on with the next record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The path as given (or found by walking a directory); `-` for standard input.
    pub path: String,
    /// 1-based line where the bad record starts, when the problem is confined to one record.
    pub line: Option<usize>,
    pub reason: String,
}

impl InputError {
    pub fn file(path: &str, reason: impl Into<String>) -> InputError {
        InputError {
            path: path.to_string(),
            line: None,
            reason: reason.into(),
        }
    }

    pub fn at_line(path: &str, line: usize, reason: impl Into<String>) -> InputError {
        InputError {
            path: path.to_string(),
            line: Some(line),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

impl std::error::Error for InputError {}

/// Says how big `bytes` is in the unit a reader of the message thinks in.
pub(crate) fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1 << 20;
    if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

/// A publication date that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("bad date {value:?}: {source} (expected YYYY-MM-DD)")]
    Day {
        value: String,
        #[source]
        source: chrono::ParseError,
    },
    #[error("bad date {value:?} (expected YYYY-MM-DD or an RFC 3339 timestamp)")]
    Unrecognised { value: String },
}

/// What is wrong with one JSON Lines or CSV record (the [`InputError`] that carries it names
/// the file and line).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    #[error("truncated JSON record (it ends at column {column} before the object closes)")]
    TruncatedJson { column: usize },
    #[error("invalid JSON at column {column}: {message}")]
    Json { column: usize, message: String },
    #[error("expected a JSON object per line, found {found}")]
    NotAnObject { found: &'static str },
    #[error("record has no \"text\" field (it has: {fields})")]
    NoText { fields: String },
    #[error("field \"{field}\" must be {expected}, found {found}")]
    FieldType {
        field: &'static str,
        expected: &'static str,
        found: &'static str,
    },
    #[error("field \"published\": {0}")]
    PublishedField(#[source] DateError),
    #[error("column {column:?}: {source}")]
    DateColumn {
        column: String,
        #[source]
        source: DateError,
    },
    #[error("no column {name:?} in the header (columns: {columns}); choose one with {option}")]
    NoColumn {
        name: String,
        columns: String,
        option: &'static str,
    },
    #[error("invalid UTF-8 at byte {byte} of field {field} (the file must be UTF-8 encoded)")]
    Utf8 { byte: usize, field: usize },
    #[error("record has {0} fields, too few to reach the text column")]
    TooFewFields(usize),
    #[error(
        "stray quote at {at}: a quote inside a quoted field must be doubled (\"\"), and a \
         closing quote followed by a delimiter or the line's end; record skipped"
    )]
    StrayQuote { at: String },
    #[error(
        "lone surrogate {escape} at column {column}: half of a UTF-16 pair, which no UTF-8 \
         text can hold (the writer must escape the whole character as a pair)"
    )]
    LoneSurrogate { column: usize, escape: String },
    #[error("{}", unclosed_quote(*resumed))]
    UnclosedQuote { resumed: bool },
}

fn unclosed_quote(resumed: bool) -> &'static str {
    if resumed {
        "quoted field never closed: the file ends inside it (a stray quote?); record skipped, \
         reading goes on at the next line"
    } else {
        "quoted field never closed: the file ends inside it"
    }
}
