//! The `attache eval` commands as library calls: each loads its gold, scores the extractor and
//! renders the report as text or JSON, so that the binary only parses arguments and prints.

use crate::merging::{self, TopicSet};
use crate::{EvalError, events, plover, tally, timeml};
use attache_coder::Extractor;
use attache_merge::Strictness;
use serde::Serialize;
use std::path::Path;

/// What a command prints, whether its expectations held (only `tally` has any), and notes
/// for standard error (gold records skipped).
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub report: String,
    pub passed: bool,
    pub notes: Vec<String>,
}

impl Outcome {
    fn printed(report: String) -> Outcome {
        Outcome {
            report,
            passed: true,
            notes: Vec::new(),
        }
    }
}

/// The report as pretty JSON with a final newline.
fn to_json(value: &impl Serialize) -> Result<String, EvalError> {
    Ok(serde_json::to_string_pretty(value).map_err(EvalError::Serialize)? + "\n")
}

/// `attache eval plover GOLD`: PLOVER gold records, one sentence and event per line.
pub fn plover(
    gold: &Path,
    extractor: &Extractor,
    misses: bool,
    json: bool,
) -> Result<Outcome, EvalError> {
    let gold = plover::load_gold(gold)?;
    let mut report = crate::run_plover(&gold, extractor);
    let text = if json {
        if !misses {
            report.misses.clear();
        }
        to_json(&report)?
    } else {
        report.render_text(misses)
    };
    let notes = gold
        .skipped
        .iter()
        .map(|s| format!("skipped {s}"))
        .collect();
    Ok(Outcome {
        notes,
        ..Outcome::printed(text)
    })
}

/// `attache eval tally GOLD`: the per-actor tally of a few reports against expected counts.
pub fn tally(gold: &Path, extractor: &Extractor, json: bool) -> Result<Outcome, EvalError> {
    let loaded = tally::load(gold)?;
    let report = crate::run_tally(&loaded, extractor);
    let text = if json {
        to_json(&report)?
    } else {
        report.render_text()
    };
    Ok(Outcome {
        passed: report.passed,
        ..Outcome::printed(text)
    })
}

/// `attache eval dates GOLD`: the date finder on a TimeML file or a folder of them; with
/// `predictions`, each document is written there with the dates found.
pub fn dates(
    gold: &Path,
    extractor: &Extractor,
    predictions: Option<&Path>,
    misses: bool,
    json: bool,
) -> Result<Outcome, EvalError> {
    let docs = if gold.is_dir() {
        timeml::load_dir(gold)?
    } else {
        vec![timeml::load(gold)?]
    };
    if let Some(dir) = predictions {
        std::fs::create_dir_all(dir).map_err(|source| EvalError::Write {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let mut report = crate::run_dates(&docs, extractor, predictions)?;
    Ok(Outcome::printed(if json {
        if !misses {
            report.misses.clear();
        }
        to_json(&report)?
    } else {
        report.render_text(misses)
    }))
}

/// `attache eval events GOLD --corpus CORPUS`: whole articles against a hand-coded gold, the
/// events extracted here or read from `events` (JSON Lines from `attache extract`).
pub fn events(
    gold: &Path,
    corpus: &Path,
    extractor: &Extractor,
    events: Option<&Path>,
    misses: bool,
    json: bool,
) -> Result<Outcome, EvalError> {
    let loaded = events::gold::load(gold)?;
    let name = gold.display().to_string();
    let mut report = crate::run_events(&loaded, &name, corpus, extractor, events)?;
    Ok(Outcome::printed(if json {
        if !misses {
            report.misses.clear();
            report.false_positives.clear();
            report.recipient_mismatches.clear();
            report.date_mismatches.clear();
        }
        to_json(&report)?
    } else {
        report.render_text(misses)
    }))
}

/// `attache eval merge ECBPLUS`: merging on ECB+ topics, or with `fit` the gold-mention scores
/// over a grid of content thresholds.
pub fn merge(
    ecbplus: &Path,
    set: TopicSet,
    strictness: Strictness,
    extractor: &Extractor,
    fit: bool,
    misses: bool,
    json: bool,
) -> Result<Outcome, EvalError> {
    if misses {
        let found = merging::misses(ecbplus, set, extractor, &strictness.policy())?;
        return Ok(Outcome::printed(found.render_text()));
    }
    if fit {
        let lines: String = merging::fit(ecbplus, set, extractor)?
            .iter()
            .map(|p| {
                format!(
                    "cluster {:.2}: pairwise P {:.3} R {:.3}, CoNLL F1 {:.3}, clean topics {:.3}, purity {:.3}, inverse purity {:.3}\n",
                    p.cluster, p.pairwise_precision, p.pairwise_recall, p.conll_f1, p.clean_topics, p.purity, p.inverse_purity
                )
            })
            .collect();
        return Ok(Outcome::printed(lines));
    }
    let report = merging::run(ecbplus, set, extractor, strictness)?;
    Ok(Outcome::printed(if json {
        to_json(&report)?
    } else {
        report.render_text()
    }))
}
