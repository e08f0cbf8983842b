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
