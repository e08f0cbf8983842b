//! Where the merge rule's recall goes on ECB+ (`attache eval merge --misses`): every pair of
//! gold-coreferent mentions of two sentences that the merge left apart, counted by what keeps
//! them apart when the two reports are compared alone ("pairwise merge": the two alone would
//! merge, but each joined another event first); and every wrong link, counted by why the rule
//! would make it. Pairs are tagged with what they have in common: one document, the same
//! trigger lemma, a document too short to be clustered, the topic's two different events.
//! Beside them, the same-lemma baseline within the document clusters and within the gold
//! sub-topics: what a perfect clustering of documents would leave to the rule.

use super::{CodedTopic, TopicSet, code_topic, load_set, merge_reports};
use crate::EvalError;
use crate::coref::CorefCounts;
use attache_coder::Extractor;
use attache_merge::Policy;
use attache_store::merge::MergedEvent;
use std::collections::BTreeMap;
use std::path::Path;

/// Counts of pairs by the class of their reason, most frequent first.
#[derive(Debug, Clone, Default)]
pub struct Misses {
    pub missed: BTreeMap<String, usize>,
    pub wrong: BTreeMap<String, usize>,
    pub missed_pairs: usize,
    pub wrong_pairs: usize,
    /// The same-lemma baseline within the document clusters, and within the gold sub-topics
    /// (the topic's two halves): what clustering documents leaves to the rule.
    pub lemma_in_clusters: CorefCounts,
    pub lemma_in_halves: CorefCounts,
}

/// The class of a reason: its words without the figures, codes and word lists it quotes.
fn class(reason: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in reason.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth > 0 => {}
            c if c.is_ascii_digit() || c == '.' => {}
            c => out.push(c),
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    match out.split_once(" vs ") {
        Some((head, _)) => {
            let head: Vec<&str> = head.split_whitespace().collect();
            format!("{} differ", head.first().copied().unwrap_or(""))
        }
        None => out
            .split_once("; actors")
            .map(|(h, rest)| format!("{h}; {}", rest.rsplit(';').next().unwrap_or("").trim()))
            .unwrap_or(out),
    }
}

/// The pairs of one topic: missed (gold-coreferent, left apart) and wrong (linked, not
/// coreferent), of two sentences.
fn topic_misses(coded: &CodedTopic<'_>, policy: &Policy, out: &mut Misses) {
    let clusters = coded.clusters(policy);
    let mut reports = coded.reports.clone();
    for (report, (d, _)) in reports.iter_mut().zip(&coded.sentences) {
        report.cluster = clusters[*d];
    }
    let labels = merge_reports(&reports, &coded.sentences, policy);
    let key = super::labels(coded.scored.iter().map(|s| s.key.as_str()));
    let by = |f: &dyn Fn(usize) -> String| {
        let names: Vec<String> = (0..reports.len()).map(f).collect();
        super::labels(names.iter().map(String::as_str))
    };
    let lemma_in = |k: usize, c: String| format!("{c} {}", coded.scored[k].lemma);
    let in_cluster = by(&|k| lemma_in(k, format!("{:?}", clusters[coded.sentences[k].0])));
    let in_half = by(&|k| lemma_in(k, coded.scored[k].plus.to_string()));
    out.lemma_in_clusters
        .add(&CorefCounts::score(&key, &in_cluster));
    out.lemma_in_halves.add(&CorefCounts::score(&key, &in_half));
    for i in 0..reports.len() {
        for j in i + 1..reports.len() {
            let (di, dj) = (coded.sentences[i].0, coded.sentences[j].0);
            if coded.sentences[i] == coded.sentences[j] {
                continue;
            }
            let gold = coded.scored[i].key == coded.scored[j].key;
            let linked = labels[i] == labels[j];
            if gold == linked {
                continue;
            }
            let decision = MergedEvent::new(&reports[i]).accepts_under(&reports[j], policy);
            let mut reason = class(&decision.reason);
            if decision.merge {
                let route = reason.rsplit(';').next().unwrap_or("").trim().to_string();
                reason = format!("pairwise merge: {route}");
            }
            if coded.scored[i].lemma == coded.scored[j].lemma {
                reason = format!("[same lemma] {reason}");
            }
            if di == dj {
                reason = format!("[one document] {reason}");
            } else if clusters[di].is_none() || clusters[dj].is_none() {
                reason = format!("[a document unclustered] {reason}");
            }
            let table = if gold {
                out.missed_pairs += 1;
                &mut out.missed
            } else {
                out.wrong_pairs += 1;
                if coded.scored[i].plus != coded.scored[j].plus {
                    reason = format!("[cross-event] {reason}");
                }
                &mut out.wrong
            };
            *table.entry(reason).or_default() += 1;
        }
    }
}

/// The missed and wrong pairs of the topics of `set` under `policy`.
pub fn misses(
    dir: &Path,
    set: TopicSet,
    extractor: &Extractor,
    policy: &Policy,
) -> Result<Misses, EvalError> {
    let topics = load_set(dir, set)?;
    let mut out = Misses::default();
    for topic in &topics {
        topic_misses(&code_topic(topic, extractor), policy, &mut out);
    }
    Ok(out)
}

impl Misses {
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        for (name, c) in [
            (
                "same lemma within document clusters",
                &self.lemma_in_clusters,
            ),
            ("same lemma within gold sub-topics", &self.lemma_in_halves),
        ] {
            out += &format!(
                "{name}: pairwise P {:.3} R {:.3}, CoNLL F1 {:.3}\n",
                c.pairwise.p(),
                c.pairwise.r(),
                c.conll_f1()
            );
        }
        for (title, total, table) in [
            (
                "gold pairs of two sentences left apart",
                self.missed_pairs,
                &self.missed,
            ),
            (
                "wrong links between two sentences",
                self.wrong_pairs,
                &self.wrong,
            ),
        ] {
            out += &format!("{title}: {total}\n");
            let mut rows: Vec<(&String, &usize)> = table.iter().collect();
            rows.sort_by(|a, b| b.1.cmp(a.1));
            for (reason, n) in rows.into_iter().take(40) {
                out += &format!("  {n:>6}  {reason}\n");
            }
        }
        out
    }
}
