//! Scoring `extract` on whole articles against the hand-coded BBC development gold
//! (`data/eval/bbc-dev-gold.tsv`, format and coding manual in docs/gold.md): event recall and
//! precision, category accuracy, and actor and recipient accuracy on matched events. The
//! matching rule is stated in [`score`] and docs/eval.md.

mod dating;
mod diagnose;
pub mod gold;
mod refine;
mod render;
mod score;

pub use dating::{DateAgreement, DateMismatch, DateVerdict};
pub use diagnose::{FALSE_POSITIVE_REASONS, FalsePositive, MISS_REASONS, Miss, RecipientMismatch};
pub use gold::{EventGold, GoldEvent, Party};
pub use refine::NOTHING_CODED_REASONS;
pub use score::{ArticleText, CategoryRow, MatchFigures, SideAccuracy};

use crate::EvalError;
use crate::metrics::Ratio;
use attache_event::Event;
use score::{Placed, Predicted, Rule};
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything `attache eval events` reports.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EventsReport {
    pub articles: usize,
    /// Gold events scored (asserted and planned).
    pub gold_events: usize,
    /// Gold rows not scored (negated, hypothetical).
    pub gold_unscored: usize,
    /// Predictions scored (asserted and planned).
    pub predicted_events: usize,
    /// Category and actor must agree.
    pub strict: MatchFigures,
    /// Category alone.
    pub category_only: MatchFigures,
    /// Of gold events with a prediction in their sentence, those with one of the gold category.
    pub category_accuracy: Ratio,
    pub per_category: Vec<CategoryRow>,
    /// Miss classes with counts, most frequent first.
    pub miss_reasons: Vec<ReasonCount>,
    pub false_positive_reasons: Vec<ReasonCount>,
    pub misses: Vec<Miss>,
    pub false_positives: Vec<FalsePositive>,
    /// Strict matches whose recipient countries differ from the gold's.
    pub recipient_mismatches: Vec<RecipientMismatch>,
    /// Date-phrase agreement of the strict matches (docs/eval.md).
    pub dates: DateAgreement,
    /// Strict matches whose date phrases disagree.
    pub date_mismatches: Vec<DateMismatch>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReasonCount {
    pub reason: String,
    pub count: usize,
}

/// Checks that every gold article is in `texts` and every quote occurs in its article.
pub fn check_quotes(
    gold: &EventGold,
    name: &str,
    texts: &BTreeMap<String, ArticleText>,
) -> Result<(), EvalError> {
    for id in &gold.articles {
        if !texts.contains_key(id) {
            return Err(EvalError::file(
                name,
                format!("article {id} is not in the corpus"),
            ));
        }
    }
    for g in &gold.events {
        if !texts[&g.doc].text().contains(&g.trigger) {
            return Err(EvalError::line(
                name,
                g.line,
                format!("quote {:?} does not occur in {}", g.trigger, g.doc),
            ));
        }
    }
    Ok(())
}

/// Scores the predictions of each gold article (`predicted`, keyed by article id, every
/// modality: negated and hypothetical events are left out here) against the gold.
/// Matching, per article:
/// - a prediction matches a gold event of the same category (for a planned gold event, also
///   the category of its announcement: AGREE for cooperation, THREATEN for protest) whose
///   actor it names: a shared
///   country, or for a gold actor without a country a shared sector; for CONSULT, AGREE and
///   COOPERATE the gold recipient may stand for the actor (either side of talks or a deal);
/// - one-to-one and greedy, best pairs first: the prediction's sentence holds the gold quote,
///   then its recipient agrees, then file order;
/// - the category-only figures match on the category alone;
/// - actor and recipient accuracy compare the sets of countries (of sectors) of matched pairs.
pub fn score(
    gold: &EventGold,
    texts: &BTreeMap<String, ArticleText>,
    predicted: &BTreeMap<String, Vec<Event>>,
) -> EventsReport {
    let mut report = EventsReport {
        articles: gold.articles.len(),
        ..EventsReport::default()
    };
    let (mut gold_all, mut predicted_all, mut matched_categories) = (vec![], vec![], vec![]);
    let no_events = Vec::new();
    for id in &gold.articles {
        let all: Vec<&Event> = predicted.get(id).unwrap_or(&no_events).iter().collect();
        let placed = place_gold(gold, id, texts.get(id));
        report.gold_unscored += gold.events.iter().filter(|g| &g.doc == id).count() - placed.len();
        let scored: Vec<Predicted> = all
            .iter()
            .filter(|e| score::is_scored(e))
            .map(|e| Predicted::new(e))
            .collect();
        let strict = score::match_article(&placed, &scored, Rule::Strict);
        score::tally_pairs(&mut report.strict, &placed, &scored, &strict);
        let loose = score::match_article(&placed, &scored, Rule::CategoryOnly);
        score::tally_pairs(&mut report.category_only, &placed, &scored, &loose);
        add_category_accuracy(&mut report.category_accuracy, &placed, &scored);
        add_misses(&mut report, &placed, &all, &scored, &strict);
        add_recipient_mismatches(&mut report, &placed, &scored, &strict);
        add_dates(&mut report, &placed, &scored, &strict);
        gold_all.extend(placed.iter().map(|g| g.gold));
        predicted_all.extend(scored.iter().map(|p| p.event));
        matched_categories.extend(strict.iter().map(|pair| placed[pair.gold].gold.category));
    }
    report.gold_events = gold_all.len();
    report.predicted_events = predicted_all.len();
    report.per_category = score::category_rows(&gold_all, &predicted_all, &matched_categories);
    report.miss_reasons = count_reasons(report.misses.iter().map(|m| m.reason.as_str()));
    report.false_positive_reasons =
        count_reasons(report.false_positives.iter().map(|f| f.reason.as_str()));
    report
}

/// The article's scored gold events, each with the sentence of its quote.
/// An article missing from `texts` places its events nowhere (no prediction is "here").
fn place_gold<'a>(gold: &'a EventGold, id: &str, text: Option<&ArticleText>) -> Vec<Placed<'a>> {
    gold.events
        .iter()
        .filter(|g| g.doc == id && g.is_scored())
        .map(|g| Placed {
            gold: g,
            sentence: match text.and_then(|t| Some((t, t.text().find(&g.trigger)?))) {
                Some((t, offset)) => t.sentence_at(offset),
                None => [0, 0],
            },
        })
        .collect()
}

/// Events written by `attache extract` (JSON Lines), kept for the articles in `texts`.
pub fn read_predictions(
    path: &std::path::Path,
    texts: &BTreeMap<String, ArticleText>,
) -> Result<BTreeMap<String, Vec<Event>>, EvalError> {
    let content = std::fs::read_to_string(path).map_err(|e| EvalError::read(path, e))?;
    let mut out: BTreeMap<String, Vec<Event>> =
        texts.keys().map(|id| (id.clone(), Vec::new())).collect();
    for (index, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let event: Event = serde_json::from_str(line).map_err(|source| EvalError::JsonLine {
            file: path.display().to_string(),
            line: index + 1,
            what: "not an extracted event",
            source,
        })?;
        if let Some(events) = out.get_mut(&event.doc_id) {
            events.push(event);
        }
    }
    Ok(out)
}

fn add_category_accuracy(accuracy: &mut Ratio, gold: &[Placed], scored: &[Predicted]) {
    for g in gold {
        let here: Vec<&Predicted> = scored.iter().filter(|p| p.within(g.sentence)).collect();
        if !here.is_empty() {
            accuracy.add(
                here.iter()
                    .any(|p| score::category_fits(g.gold, p.event.event)),
            );
        }
    }
}

fn add_misses(
    report: &mut EventsReport,
    gold: &[Placed],
    all: &[&Event],
    scored: &[Predicted],
    pairs: &[score::Pair],
) {
    for (i, g) in gold.iter().enumerate() {
        if !pairs.iter().any(|p| p.gold == i) {
            report.misses.push(diagnose::diagnose_miss(g, all, scored));
        }
    }
    for (i, p) in scored.iter().enumerate() {
        if !pairs.iter().any(|pair| pair.predicted == i) {
            report
                .false_positives
                .push(diagnose::diagnose_false_positive(p, gold));
        }
    }
}

fn add_recipient_mismatches(
    report: &mut EventsReport,
    gold: &[Placed],
    scored: &[Predicted],
    pairs: &[score::Pair],
) {
    for pair in pairs {
        let (g, p) = (gold[pair.gold].gold, &scored[pair.predicted]);
        let (recipient, _) = score::sides(g, pair.swapped);
        let country_right = recipient.countries == p.recipient.countries;
        if !country_right || recipient.sectors != p.recipient.sectors {
            report.recipient_mismatches.push(RecipientMismatch {
                country_right,
                doc: g.doc.clone(),
                line: g.line,
                category: g.category.as_str().to_string(),
                gold: recipient.label(),
                predicted: p.recipient.label(),
                quote: g.trigger.clone(),
                sentence: p.event.sentence.text.to_string(),
            });
        }
    }
}

fn add_dates(
    report: &mut EventsReport,
    gold: &[Placed],
    scored: &[Predicted],
    pairs: &[score::Pair],
) {
    for pair in pairs {
        let (g, p) = (gold[pair.gold].gold, scored[pair.predicted].event);
        if let Some(mismatch) = dating::add_pair(&mut report.dates, g, p) {
            report.date_mismatches.push(mismatch);
        }
    }
}

fn count_reasons<'a>(reasons: impl Iterator<Item = &'a str>) -> Vec<ReasonCount> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in reasons {
        *counts.entry(r).or_default() += 1;
    }
    let mut out: Vec<ReasonCount> = counts
        .into_iter()
        .map(|(reason, count)| ReasonCount {
            reason: reason.to_string(),
            count,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.reason.cmp(&b.reason)));
    out
}

/// Splits the misses with nothing coded in their sentence by what the sentence holds: a trigger
/// word in the gold quote (as `extractor`'s dictionary reads it), the gold actor known to the
/// lexicon. Recounts the miss classes.
pub fn refine_misses(
    report: &mut EventsReport,
    gold: &EventGold,
    texts: &BTreeMap<String, ArticleText>,
    extractor: &attache_coder::Extractor,
) {
    let lexicon = attache_lexicon::Lexicon::embedded();
    let mut analysed: BTreeMap<&str, attache_nlp::Doc> = BTreeMap::new();
    for miss in &mut report.misses {
        let (Some(article), Some(g)) = (
            texts.get(&miss.doc),
            gold.events.iter().find(|g| g.line == miss.line),
        ) else {
            continue;
        };
        let Some(offset) = article.text().find(&g.trigger) else {
            continue;
        };
        let doc = analysed
            .entry(g.doc.as_str())
            .or_insert_with(|| extractor.analyzer().analyze(article.text()));
        let facts = refine::quote_facts(
            doc,
            extractor.triggers(),
            lexicon,
            (offset, g.trigger.len()),
            &g.actor.countries,
            &g.actor.sectors,
        );
        refine::refine(miss, &facts);
    }
    report.miss_reasons = count_reasons(report.misses.iter().map(|m| m.reason.as_str()));
}
