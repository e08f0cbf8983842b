//! What the coder's integration tests share: one extractor per test binary (loading the model
//! once), and documents with their publication date.
#![allow(dead_code)] // each test binary uses its own part

use attache_coder::Extractor;
use attache_event::Event;
use attache_text::{Document, Publication};
use chrono::NaiveDate;
use std::sync::OnceLock;

/// The shipped model and dictionaries, loaded once.
pub fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::load_default().expect("model and dictionaries load"))
}

/// A document named `id` holding `text`, published on `published`.
pub fn document(id: &str, text: &str, published: Option<NaiveDate>) -> Document {
    Document {
        id: id.into(),
        text: text.into(),
        publication: Publication {
            published,
            ..Publication::default()
        },
    }
}

/// The events of `text` read as one report published on `published`.
pub fn code_on(text: &str, published: Option<NaiveDate>) -> Vec<Event> {
    extractor().extract(&document("t", text, published))
}
