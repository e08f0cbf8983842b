//! Scores attache against gold standards.
//!
//! - [`plover`]: category precision/recall/F1, actor and recipient country accuracy and count
//!   accuracy on PLOVER gold standard records (one sentence, one gold event each).
//! - [`tally`]: per-actor counts extracted from a few documents against expected counts, so a
//!   report's tally (the founding article's expulsions) is a regression test.
//! - [`merging`]: merging on ECB+ ([`ecbplus`]) with the coreference scorers of [`coref`].
//! - [`dates`]: the date finder on TimeML gold (TempEval-3): extent F1 and value accuracy.
//!
//! Scoring is separate from extraction ([`plover::score`], [`tally::score`] take events), so the
//! scorers are tested on hand-made events; [`run_plover`] and [`run_tally`] extract and score.

pub mod coref;
pub mod dates;
pub mod ecbplus;
pub mod merging;
pub mod metrics;
pub mod plover;
pub mod tally;
pub mod timeml;

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

/// Finds the dates of each TimeML document (its creation date as publication date) and scores
/// them; with `predictions`, writes each document there as TimeML with the dates found.
pub fn run_dates(
    docs: &[timeml::TimemlDoc],
    extractor: &Extractor,
    predictions: Option<&std::path::Path>,
) -> Result<dates::DatesReport, String> {
    let mut report = dates::DatesReport::default();
    for doc in docs {
        let found: Vec<timeml::Timex> = extractor
            .find_dates(&doc.text, doc.creation)
            .into_iter()
            .map(|f| timeml::Timex {
                span: f.span,
                kind: "DATE".to_string(),
                value: f.value.unwrap_or_else(|| "XXXX-XX-XX".to_string()),
                text: f.text,
            })
            .collect();
        dates::score_document(&mut report, doc, &found);
        if let Some(dir) = predictions {
            let name = doc
                .path
                .file_name()
                .ok_or("a document path without a name")?;
            let out = dir.join(name);
            std::fs::write(&out, timeml::write_back(doc, &found))
                .map_err(|e| format!("{}: {e}", out.display()))?;
        }
    }
    report.finish();
    Ok(report)
}
