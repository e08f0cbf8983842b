//! The one error type of the scoring harness: which file (and line) and what is wrong.

use std::path::PathBuf;

/// Why a gold file, corpus or prediction file could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A malformed line of a gold or data file (1-based `line`).
    #[error("{file}:{line}: {message}")]
    Line {
        file: String,
        line: usize,
        message: String,
    },
    /// A gold or data file wrong as a whole (an article missing, nothing declared).
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{file}:{line}:{column}: {source}", line = source.line(), column = source.column())]
    Json {
        file: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("{file}:{line}: {what}: {source}")]
    JsonLine {
        file: String,
        line: usize,
        what: &'static str,
        #[source]
        source: serde_json::Error,
    },
    #[error("{file}:{line}: {source}")]
    GoldLine {
        file: String,
        line: usize,
        #[source]
        source: crate::events::gold::GoldLineError,
    },
    #[error("cannot write JSON: {0}")]
    Serialize(#[source] serde_json::Error),
    #[error(transparent)]
    Input(#[from] attache_text::InputError),
    #[error(transparent)]
    Store(#[from] attache_store::StoreError),
}

impl EvalError {
    pub(crate) fn line(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        EvalError::Line {
            file: file.into(),
            line,
            message: message.into(),
        }
    }

    pub(crate) fn file(file: impl Into<String>, message: impl Into<String>) -> Self {
        EvalError::File {
            file: file.into(),
            message: message.into(),
        }
    }

    pub(crate) fn read(path: &std::path::Path, source: std::io::Error) -> Self {
        EvalError::Read {
            path: path.to_path_buf(),
            source,
        }
    }
}
