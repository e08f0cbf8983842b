//! Scores attache against gold standards.
//!
//! - [`plover`]: category precision/recall/F1, actor and recipient country accuracy and count
//!   accuracy on PLOVER gold standard records (one sentence, one gold event each).
//! - [`tally`]: per-actor counts extracted from a few documents against expected counts, so a
//!   report's tally (the founding article's expulsions) is a regression test.
//!
//! Scoring is separate from extraction ([`plover::score`], [`tally::score`] take events), so the
//! scorers are tested on hand-made events; [`run_plover`] and [`run_tally`] extract and score.

pub mod metrics;
pub mod plover;
pub mod tally;

use attache_coder::Extractor;
use attache_event::Event;
use attache_text::{Document, Publication, parse_published};

/// Extracts events from each gold record's sentence and scores them.
pub fn run_plover(gold: &plover::GoldFile, extractor: &Extractor) -> plover::PloverReport {
    let predicted: Vec<Vec<Event>> = gold
        .records
        .iter()
        .map(|record| extractor.extract(&record_document(record)))
        .collect();
    plover::score(gold, &predicted)
}

/// A gold record as a one-sentence document; its date (a placeholder in the OEDA files) is the
/// publication date when it parses.
fn record_document(record: &plover::GoldRecord) -> Document {
    let published = record.date.as_deref().and_then(|d| parse_published(d).ok());
    Document {
        id: record.id.clone(),
        text: record.text.clone(),
        publication: Publication {
            published,
            ..Publication::default()
        },
    }
}

/// Extracts events from the tally's documents and checks them against its expectations.
pub fn run_tally(loaded: &tally::LoadedTally, extractor: &Extractor) -> tally::TallyReport {
    let events: Vec<Event> = loaded
        .documents
        .iter()
        .flat_map(|doc| extractor.extract(doc))
        .collect();
    tally::score(loaded, &events)
}
