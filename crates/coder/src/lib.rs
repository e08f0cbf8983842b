//! The event coder: from an analysed document to PLOVER events.

use attache_event::Event;
use attache_text::Document;

/// Turns documents into events. Holds the loaded model and dictionaries; cheap to share
/// across threads (`&Extractor` is all `extract` needs).
pub struct Extractor {}

impl Extractor {
    /// Loads the shipped model and dictionaries.
    pub fn load_default() -> Result<Extractor, String> {
        Ok(Extractor {})
    }

    /// All events of one document, ordered by first mention.
    pub fn extract(&self, _doc: &Document) -> Vec<Event> {
        Vec::new()
    }
}
