//! Scoring the recogniser on GUM: precision, recall and F1 of named person, organization and
//! place mentions, by exact span and type and by head word and type.

use super::EntityKind;
use super::gold::{GoldMention, GoldSentence, span_head};
use super::learn::{analyse, documents};
use crate::{Analyzer, Prf};
use std::fmt::Write as _;

/// Precision, recall and F1 per kind, by exact span and by head word.
#[derive(Clone, Debug, Default)]
pub struct EntityScores {
    /// Indexed by `EntityKind as usize`.
    pub exact: [Prf; 3],
    pub head: [Prf; 3],
}

impl EntityScores {
    pub fn exact_all(&self) -> Prf {
        pool(&self.exact)
    }

    pub fn head_all(&self) -> Prf {
        pool(&self.head)
    }

    /// A table of the scores, one row per kind and one for all.
    pub fn report(&self, what: &str) -> String {
        let mut out = format!(
            "named entities: {what}\n{:<14} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}\n",
            "kind", "gold", "system", "P", "R", "F1", "head P", "head R", "head F1"
        );
        let rows = EntityKind::ALL
            .iter()
            .map(|&k| (k.as_str(), self.exact[k as usize], self.head[k as usize]))
            .chain([("all", self.exact_all(), self.head_all())]);
        for (name, e, h) in rows {
            let (p, r, f) = e.percentages();
            let (hp, hr, hf) = h.percentages();
            let _ = writeln!(
                out,
                "{name:<14} {:>6} {:>6}   {p:>6.2} {r:>6.2} {f:>6.2}   {hp:>6.2} {hr:>6.2} {hf:>6.2}",
                e.gold(),
                e.system()
            );
        }
        out
    }
}

fn pool(prfs: &[Prf; 3]) -> Prf {
    let mut all = Prf::default();
    for p in prfs {
        all.tp += p.tp;
        all.fp += p.fp;
        all.fn_ += p.fn_;
    }
    all
}

/// Scores `analyzer`'s entities on the gold words of `gold` against their named mentions
/// (nested ones included). A system mention's head is found with the gold tree.
pub fn score(analyzer: &Analyzer, gold: &[GoldSentence]) -> EntityScores {
    score_mentions(gold, &system_of(analyzer, gold).0)
}

/// The scores of [`score`] and the table of where the errors lie ([`super::errors`]).
pub fn score_with_errors(analyzer: &Analyzer, gold: &[GoldSentence]) -> (EntityScores, String) {
    let (system, upos) = system_of(analyzer, gold);
    let table = super::errors::report(gold, &system, &upos);
    (score_mentions(gold, &system), table)
}

/// `analyzer`'s mentions in each gold sentence (documents analysed whole), and the predicted
/// UPOS of each word.
fn system_of(
    analyzer: &Analyzer,
    gold: &[GoldSentence],
) -> (Vec<Vec<GoldMention>>, Vec<Vec<String>>) {
    let mut system: Vec<Vec<GoldMention>> = vec![Vec::new(); gold.len()];
    let mut upos: Vec<Vec<String>> = vec![Vec::new(); gold.len()];
    for range in documents(gold) {
        let doc = analyse(analyzer, &gold[range.clone()]);
        for (s, sentence) in doc.sentences().enumerate() {
            upos[range.start + s] = sentence
                .tokens()
                .map(|t| t.upos().as_str().to_string())
                .collect();
        }
        for e in doc.entities() {
            let s = e.sentence();
            let base = doc.sentence(s).token_range().start;
            let (start, end) = (e.token_range().start - base, e.token_range().end - base);
            let k = range.start + s;
            system[k].push(system_mention(&gold[k], e.kind(), start, end));
        }
    }
    (system, upos)
}

/// A system mention of a gold sentence, its head found with the gold tree.
pub(super) fn system_mention(
    gold: &GoldSentence,
    kind: EntityKind,
    start: usize,
    end: usize,
) -> GoldMention {
    let head = span_head(&gold.heads, start, end).unwrap_or(start);
    GoldMention {
        kind,
        start,
        end,
        head,
    }
}

/// Scores system mentions (sentence by sentence) against the gold ones.
pub(super) fn score_mentions(gold: &[GoldSentence], system: &[Vec<GoldMention>]) -> EntityScores {
    let mut scores = EntityScores::default();
    for (g, sys) in gold.iter().zip(system) {
        count(&g.mentions, sys, |a, b| a == b, &mut scores.exact);
        count(
            &g.mentions,
            sys,
            |a, b| a.kind == b.kind && a.head == b.head,
            &mut scores.head,
        );
    }
    scores
}

/// Adds one sentence's matches to `prfs`: each gold mention matches at most one system one.
fn count(
    gold: &[GoldMention],
    system: &[GoldMention],
    same: impl Fn(&GoldMention, &GoldMention) -> bool,
    prfs: &mut [Prf; 3],
) {
    let mut used = vec![false; gold.len()];
    for s in system {
        let found = (0..gold.len()).find(|&k| !used[k] && same(&gold[k], s));
        match found {
            Some(k) => {
                used[k] = true;
                prfs[s.kind as usize].tp += 1;
            }
            None => prfs[s.kind as usize].fp += 1,
        }
    }
    for (g, u) in gold.iter().zip(used) {
        if !u {
            prfs[g.kind as usize].fn_ += 1;
        }
    }
}

/// Scores `analyzer`'s recogniser on GUM CoNLL-U `files`, pooled; with no files, on the
/// documents of GUM's `files.test` under `gum`. Also gives the table of where the errors lie.
pub fn eval_files(
    analyzer: &Analyzer,
    files: &[std::path::PathBuf],
    gum: &std::path::Path,
) -> Result<(EntityScores, String, String), crate::ConlluError> {
    let (gold, what) = if files.is_empty() {
        let (gold, docs) = super::gold::read_split(gum, "test")?;
        (gold, format!("{docs} GUM test documents"))
    } else {
        let mut gold = Vec::new();
        for f in files {
            gold.extend(super::gold::read_file(f)?);
        }
        let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        (gold, names.join(" "))
    };
    let (scores, errors) = score_with_errors(analyzer, &gold);
    Ok((scores, what, errors))
}
