//! The errors of the analysis crate: reading or writing a model, reading CoNLL-U.

use std::path::PathBuf;

/// What is wrong inside a model file's bytes (the file is named by [`ModelError::Format`]).
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("file ends early (truncated?)")]
    Truncated,
    #[error("bad varint")]
    BadVarint,
    #[error("invalid UTF-8 string")]
    InvalidUtf8,
    #[error("parser beam {beam} outside 1..={max}")]
    BeamOutOfRange { beam: u64, max: usize },
    #[error("bad table shape ({bits} bits, {classes} classes)")]
    TableShape { bits: u32, classes: usize },
    /// A part of the model disagrees with another (a class index out of range, a table
    /// that does not match its classes, trailing bytes).
    #[error("{0}")]
    Inconsistent(&'static str),
}

/// Why a model could not be loaded or saved; the message names the file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error(
        "model {}: file not found (train one with `attache nlp train --out <file>` or set ATTACHE_MODEL)",
        path.display()
    )]
    NotFound { path: PathBuf },
    #[error("model {}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("model {}: not an attache NLP model (bad magic bytes)", path.display())]
    BadMagic { path: PathBuf },
    #[error(
        "model {}: model format version {found}, this build reads version {expected}; retrain the model",
        path.display()
    )]
    Version {
        path: PathBuf,
        found: u32,
        expected: u32,
    },
    #[error("model {}: {source}", path.display())]
    Format {
        path: PathBuf,
        #[source]
        source: FormatError,
    },
    #[error("model {}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The lemma corrections compiled in (`data/nlp/lemmas.tsv`) do not parse.
    #[error(transparent)]
    LemmaData(#[from] crate::lemma_data::LemmaDataError),
}

/// A CoNLL-U problem, naming the file (and line where there is one).
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{origin}:{line}: {problem}")]
    Line {
        origin: String,
        line: usize,
        problem: LineProblem,
    },
    #[error("{origin}: head beyond sentence in \"{text}\"")]
    HeadBeyondSentence { origin: String, text: String },
    #[error("no training sentences found under {}", dir.display())]
    NoTrainingSentences { dir: PathBuf },
}

/// What is wrong with one CoNLL-U line.
#[derive(Debug, thiserror::Error)]
pub enum LineProblem {
    #[error("expected 10 tab-separated columns, found {0}")]
    Columns(usize),
    #[error("bad multiword token range")]
    MultiwordRange,
    #[error("bad word id")]
    WordId,
    #[error("word id {0} out of sequence")]
    OutOfSequence(usize),
    #[error("bad head")]
    Head,
    #[error("bad entity annotation {0:?}")]
    Entity(String),
}

/// Why `attache nlp train` could not write a model.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error(transparent)]
    Treebank(#[from] ConlluError),
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("{}: {source}", path.display())]
    CreateDir {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}
