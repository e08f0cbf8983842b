//! Scores attache against gold standards.
//!
//! - [`plover`]: category precision/recall/F1, actor and recipient country accuracy and count
//!   accuracy on PLOVER gold standard records (one sentence, one gold event each).
//! - [`events`]: whole articles against the hand-coded BBC development gold: event recall and
//!   precision, category accuracy, actor and recipient accuracy of matched events.
//! - [`tally`]: per-actor counts extracted from a few documents against expected counts, so a
//!   report's tally (the founding article's expulsions) is a regression test.
//! - [`merging`]: merging on ECB+ ([`ecbplus`]) with the coreference scorers of [`coref`].
//! - [`dates`]: the date finder on TimeML gold (TempEval-3): extent F1 and value accuracy.
//!
//! Scoring is separate from extraction ([`plover::score`], [`tally::score`] take events), so the
//! scorers are tested on hand-made events; [`run_plover`] and [`run_tally`] extract and score.

pub mod commands;
pub mod coref;
pub mod dates;
pub mod ecbplus;
mod error;
pub mod events;
pub mod merging;
pub mod metrics;
pub mod plover;
pub mod tally;
pub mod timeml;

pub use error::EvalError;

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
) -> Result<dates::DatesReport, EvalError> {
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
            let name = doc.path.file_name().unwrap_or(doc.path.as_os_str());
            let out = dir.join(name);
            std::fs::write(&out, timeml::write_back(doc, &found))
                .map_err(|source| EvalError::Write { path: out, source })?;
        }
    }
    report.finish();
    Ok(report)
}
/// Scores the gold's articles of `corpus` (a JSON Lines file such as the BBC benchmark's
/// `bbc-news.jsonl`; publication dates as the corpus gives them, none for the BBC): extracted
/// here, or read from `events`, a JSON Lines file written by `attache extract` (to score
/// another build's output). Fails, naming the file, when an article or a gold quote is not in
/// the corpus or an event line does not parse.
pub fn run_events(
    gold: &events::EventGold,
    gold_name: &str,
    corpus: &std::path::Path,
    extractor: &Extractor,
    events: Option<&std::path::Path>,
) -> Result<events::EventsReport, EvalError> {
    let texts = read_articles(gold, corpus, extractor)?;
    events::check_quotes(gold, gold_name, &texts)?;
    let predicted = match events {
        Some(path) => events::read_predictions(path, &texts)?,
        None => texts
            .iter()
            .map(|(id, article)| (id.clone(), extractor.extract(&article.document)))
            .collect(),
    };
    let mut report = events::score(gold, &texts, &predicted);
    events::refine_misses(&mut report, gold, &texts, extractor);
    Ok(report)
}

/// The gold's articles from the corpus, with their sentences as the analyzer splits them.
fn read_articles(
    gold: &events::EventGold,
    corpus: &std::path::Path,
    extractor: &Extractor,
) -> Result<std::collections::BTreeMap<String, events::ArticleText>, EvalError> {
    let wanted: std::collections::BTreeSet<&str> =
        gold.articles.iter().map(String::as_str).collect();
    let mut texts = std::collections::BTreeMap::new();
    let opts = attache_text::ReadOptions::default();
    for document in attache_text::read_documents(corpus, &opts) {
        let document = document?;
        if !wanted.contains(document.id.as_str()) || texts.contains_key(&document.id) {
            continue;
        }
        let sentences = extractor
            .analyzer()
            .analyze(&document.text)
            .sentences()
            .map(|s| [s.span().start, s.span().end])
            .collect();
        let id = document.id.clone();
        texts.insert(
            id,
            events::ArticleText {
                document,
                sentences,
            },
        );
    }
    Ok(texts)
}
