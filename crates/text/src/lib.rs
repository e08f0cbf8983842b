//! Documents in: what a news report is before analysis, and the readers that make one.
//!
//! [`expand_paths`] turns command-line paths into files (directories walked in sorted order),
//! and [`read_documents`] streams the [`Document`]s of one of them: a plain text file, an HTML
//! page (article text extracted, see [`html_to_text`]), JSON Lines or CSV. Bad input never
//! panics: it yields an [`InputError`] naming file and line, and record-based formats carry on
//! with the next record.

use chrono::NaiveDate;

mod bytes;
mod csv;
mod csv_scan;
mod date;
mod entities;
mod error;
pub mod hash;
mod html;
mod html_meta;
mod html_tokens;
mod jsonl;
mod normalize;
mod paths;
mod reader;

pub use date::parse_published;
pub use error::{DateError, InputError, RecordError};
pub use html::{ExtractedHtml, html_to_text};
pub use normalize::{AnalysisText, OffsetMap, normalize_for_analysis};
pub use paths::{InputFormat, expand_paths};
pub use reader::{DocumentReader, MAX_DOCUMENT_BYTES, read_documents};

/// One news report as read: its text (after markup removal) and what is known of its publication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable identifier: the path of a text/HTML file, the `id` field of a JSON Lines record.
    pub id: String,
    /// The text all spans point into.
    pub text: String,
    pub publication: Publication,
}

/// What the source says about where and when a report appeared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Publication {
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// The outlet: "Financial Times", "Reuters".
    pub source: Option<String>,
}

/// How to read inputs. `ReadOptions::default()` suits most callers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Publication date of documents whose source gives none.
    pub published: Option<NaiveDate>,
    pub csv: CsvColumns,
}

/// Which CSV columns hold what. Column names match case-insensitively.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvColumns {
    /// The report text (default `text`).
    pub text: String,
    /// The document id; when `None`, a column named `id` if there is one, else `path:line`.
    pub id: Option<String>,
    /// The publication date; when `None`, a column named `published` or `date` if there is one.
    pub date: Option<String>,
}

impl Default for CsvColumns {
    fn default() -> CsvColumns {
        CsvColumns {
            text: "text".to_string(),
            id: None,
            date: None,
        }
    }
}
