//! How well reports of one event merge, and reports of different events stay apart, on ECB+
//! (one fresh merge per topic, the literature's gold-topic setting).
//!
//! - **gold mentions:** every gold action mention is coded by the coder's own readers with its
//!   trigger at the gold span ([`Extractor::code_mentions`]) and merged by the store's rule, in
//!   document order, as ingest would.
//! - **end to end:** each topic's documents are extracted and ingested into a fresh in-memory
//!   store; stored mentions whose trigger overlaps a gold action mention are scored, and the
//!   share of gold mentions so aligned (coverage) is reported beside every figure.
//!
//! Both settings score a same-lemma baseline (mentions whose triggers share a lemma corefer) on
//! the same mentions, and count cross-event links: links between a mention of the topic's ECB
//! half and one of its ECB+ half (two different real events) that the gold does not make.

use crate::EvalError;
use crate::coref::CorefCounts;
use crate::ecbplus::{EcbDocument, EcbTopic};
use attache_coder::{Extractor, GENERIC_MODE};
use attache_event::ByteSpan;
use attache_merge::{Policy, Strictness};
use attache_store::merge::{
    Clusters, Compact, Frequencies, MergedEvent, Report, choose_under, compact, document_terms,
    story_names,
};
use attache_store::{EventStore, Filter, IngestDocument, NoGroups, SqliteStore};
use attache_text::{Document, Publication};
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

mod fit;
mod misses;
pub use fit::{FitPoint, fit};
pub use misses::{Misses, misses};

/// One scored mention: its gold cluster, its half of the topic and its trigger's lemma.
#[derive(Debug, Clone)]
struct Scored {
    key: String,
    plus: bool,
    lemma: String,
    response: usize,
}

/// Scores of one topic in one setting.
#[derive(Debug, Clone, Serialize)]
pub struct TopicScore {
    pub topic: u32,
    /// Gold action mentions in the annotated sentences.
    pub gold_mentions: usize,
    /// Mentions scored (all coded ones, or those aligned with a stored mention).
    pub mentions: usize,
    pub system: CorefCounts,
    pub lemma: CorefCounts,
    pub cross_event_links: usize,
    pub lemma_cross_event_links: usize,
    /// Documents clustered, and how many of them agree with the gold sub-topics (the topic's
    /// ECB and ECB+ halves): purity counts each cluster's largest half, inverse purity each
    /// half's largest cluster. Zero in the end-to-end setting (not measured there).
    pub documents: usize,
    pub purity_hits: usize,
    pub inverse_purity_hits: usize,
    pub clusters: usize,
}

/// Scores of one setting over several topics.
#[derive(Debug, Clone, Serialize)]
pub struct SettingScore {
    pub setting: &'static str,
    pub topics: Vec<TopicScore>,
    pub gold_mentions: usize,
    pub mentions: usize,
    pub system: CorefCounts,
    pub lemma: CorefCounts,
    pub cross_event_links: usize,
    /// Topics where the system made at least one cross-event link.
    pub topics_with_cross_event_links: usize,
    /// Sub-topic purity and inverse purity of the document clusters (gold-mention setting).
    pub purity: f64,
    pub inverse_purity: f64,
    pub clusters: usize,
    pub documents: usize,
}

impl SettingScore {
    fn new(setting: &'static str, topics: Vec<TopicScore>) -> SettingScore {
        let mut system = CorefCounts::default();
        let mut lemma = CorefCounts::default();
        for t in &topics {
            system.add(&t.system);
            lemma.add(&t.lemma);
        }
        let documents: usize = topics.iter().map(|t| t.documents).sum();
        let share = |n: usize| {
            if documents == 0 {
                0.0
            } else {
                n as f64 / documents as f64
            }
        };
        SettingScore {
            purity: share(topics.iter().map(|t| t.purity_hits).sum()),
            inverse_purity: share(topics.iter().map(|t| t.inverse_purity_hits).sum()),
            clusters: topics.iter().map(|t| t.clusters).sum(),
            documents,
            setting,
            gold_mentions: topics.iter().map(|t| t.gold_mentions).sum(),
            mentions: topics.iter().map(|t| t.mentions).sum(),
            system,
            lemma,
            cross_event_links: topics.iter().map(|t| t.cross_event_links).sum(),
            topics_with_cross_event_links: topics
                .iter()
                .filter(|t| t.cross_event_links > 0)
                .count(),
            topics,
        }
    }

    /// Share of gold mentions that were scored.
    pub fn coverage(&self) -> f64 {
        if self.gold_mentions == 0 {
            0.0
        } else {
            self.mentions as f64 / self.gold_mentions as f64
        }
    }

    /// Share of topics without a cross-event link.
    pub fn clean_topics(&self) -> f64 {
        if self.topics.is_empty() {
            0.0
        } else {
            1.0 - self.topics_with_cross_event_links as f64 / self.topics.len() as f64
        }
    }

    pub fn render_text(&self) -> String {
        let mut out = format!(
            "{} setting: {} topics, {} of {} gold action mentions scored (coverage {:.3})\n",
            self.setting,
            self.topics.len(),
            self.mentions,
            self.gold_mentions,
            self.coverage()
        );
        if self.documents > 0 {
            out += &format!(
                "document clusters: {} of {} documents, sub-topic purity {:.3}, inverse purity {:.3}\n",
                self.clusters, self.documents, self.purity, self.inverse_purity
            );
        }
        out += "              pairwise P/R/F      MUC F1  B3 F1   CEAF-e F1  CoNLL F1  cross-event links (topics)\n";
        for (name, c, links, topics) in [
            (
                "attache",
                &self.system,
                self.cross_event_links,
                self.topics_with_cross_event_links,
            ),
            (
                "same lemma",
                &self.lemma,
                self.topics.iter().map(|t| t.lemma_cross_event_links).sum(),
                self.topics
                    .iter()
                    .filter(|t| t.lemma_cross_event_links > 0)
                    .count(),
            ),
        ] {
            out += &format!(
                "  {name:<11} {:.3}/{:.3}/{:.3}   {:.3}   {:.3}   {:.3}      {:.3}     {links} ({topics} of {})\n",
                c.pairwise.p(),
                c.pairwise.r(),
                c.pairwise.f1(),
                c.muc.f1(),
                c.b_cubed.f1(),
                c.ceaf_e.f1(),
                c.conll_f1(),
                self.topics.len()
            );
        }
        out
    }
}

/// An ECB+ document as attache reads it (no publication date: the corpus gives none).
fn document(doc: &EcbDocument) -> Document {
    Document {
        id: doc.name.clone(),
        text: doc.text.clone(),
        publication: Publication::default(),
    }
}

/// A coded gold mention as the merge rule sees it. For a word the dictionary does not know, the
/// generic category's mode is the trigger's lemma (only the word itself says what kind of event
/// it names); a known one without a mode is told apart from it by its category.
fn gold_report(code: &attache_coder::MentionCode, doc: &EcbDocument) -> Option<Report> {
    let reports = Report::from_event(&code.event, &doc.name, None);
    let mut report = Report::told_in(reports, &story_names(&doc.text), None)
        .into_iter()
        .next()?;
    match code.category {
        None => report.mode = Some(format!("{GENERIC_MODE}:{}", code.lemma)),
        Some(category) if report.mode.is_none() => {
            report.mode = Some(category.as_str().to_string())
        }
        Some(_) => {}
    }
    Some(report)
}

/// Merges reports in order under `policy`: each joins the best event that accepts it, or starts
/// one. Two mentions of one sentence are never one event (the coder reads each trigger of a
/// sentence as its own event), so an event holding a report of the sentence is passed over.
pub fn merge_reports(
    reports: &[Report],
    sentences: &[(usize, usize)],
    policy: &Policy,
) -> Vec<usize> {
    let mut events: Vec<MergedEvent> = Vec::new();
    let mut held: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut labels = Vec::with_capacity(reports.len());
    for (report, sentence) in reports.iter().zip(sentences) {
        let open: Vec<usize> = (0..events.len())
            .filter(|&e| !held[e].contains(sentence))
            .collect();
        let label = match choose_under(open.iter().map(|&e| &events[e]), report, policy) {
            Some((k, _)) => {
                let index = open[k];
                events[index].absorb(report);
                held[index].push(*sentence);
                index
            }
            None => {
                events.push(MergedEvent::new(report));
                held.push(vec![*sentence]);
                events.len() - 1
            }
        };
        labels.push(label);
    }
    labels
}

/// A topic's gold mentions, coded once and merged under any policy.
pub struct CodedTopic<'t> {
    topic: &'t EcbTopic,
    scored: Vec<Scored>,
    reports: Vec<Report>,
    sentences: Vec<(usize, usize)>,
    /// Each document's vector, weighed as a fresh store would at ingest.
    vectors: Vec<Compact>,
}

/// Codes every gold action mention of a topic. Each document's vector is weighed by the
/// topic's documents so far, as a fresh store would weigh it at ingest.
pub fn code_topic<'t>(topic: &'t EcbTopic, extractor: &Extractor) -> CodedTopic<'t> {
    let mut frequencies = Frequencies::default();
    let mut coded = CodedTopic {
        topic,
        scored: Vec::new(),
        reports: Vec::new(),
        sentences: Vec::new(),
        vectors: Vec::new(),
    };
    for (d, doc) in topic.documents.iter().enumerate() {
        let spans: Vec<ByteSpan> = doc.actions.iter().map(|a| a.span).collect();
        let codes = extractor.code_mentions(&document(doc), &spans);
        let terms = document_terms(&doc.text);
        frequencies.add(&terms);
        coded.vectors.push(compact(&frequencies.vector(&terms)));
        for (action, code) in doc.actions.iter().zip(codes) {
            let Some(report) = code.as_ref().and_then(|c| gold_report(c, doc)) else {
                continue;
            };
            coded.scored.push(Scored {
                key: action.instance.clone(),
                plus: doc.plus,
                lemma: code.map(|c| c.lemma).unwrap_or_default(),
                response: 0,
            });
            coded.reports.push(report);
            coded.sentences.push((d, action.sentence));
        }
    }
    coded
}

impl CodedTopic<'_> {
    /// The gold-mention setting's scores under `policy`.
    pub fn score(&self, policy: &Policy) -> TopicScore {
        let clusters = self.clusters(policy);
        let mut reports = self.reports.clone();
        for (report, (d, _)) in reports.iter_mut().zip(&self.sentences) {
            report.cluster = clusters[*d];
        }
        let mut scored = self.scored.clone();
        for (s, label) in scored
            .iter_mut()
            .zip(merge_reports(&reports, &self.sentences, policy))
        {
            s.response = label;
        }
        let mut score = score_topic(self.topic, &scored);
        let halves: Vec<bool> = self.topic.documents.iter().map(|d| d.plus).collect();
        score.add_purity(&clusters, &halves);
        score
    }

    /// Each document's cluster, clustered in document order as the store would.
    fn clusters(&self, policy: &Policy) -> Vec<Option<i64>> {
        let Some(threshold) = policy.content.map(|r| r.cluster) else {
            return vec![None; self.vectors.len()];
        };
        let mut clusters = Clusters::default();
        let mut next = 0;
        self.vectors
            .iter()
            .map(|v| {
                let placed = clusters.place(v, threshold, next)?;
                next += 1;
                Some(placed.cluster)
            })
            .collect()
    }
}

/// The gold-mention setting on one topic.
pub fn gold_topic(topic: &EcbTopic, extractor: &Extractor, policy: &Policy) -> TopicScore {
    code_topic(topic, extractor).score(policy)
}

/// The end-to-end setting on one topic: extract, ingest into a fresh store, align.
pub fn end_to_end_topic(
    topic: &EcbTopic,
    extractor: &Extractor,
    strictness: Strictness,
) -> Result<TopicScore, EvalError> {
    let mut store = SqliteStore::open(Path::new(":memory:"))?;
    store.set_merge(strictness)?;
    let batch: Vec<IngestDocument> = topic
        .documents
        .iter()
        .map(|doc| {
            let document = document(doc);
            let events = extractor.extract(&document);
            IngestDocument::coded(document, events)
        })
        .collect();
    store.ingest_batch(&batch)?;
    let by_name: HashMap<&str, &EcbDocument> = topic
        .documents
        .iter()
        .map(|d| (d.name.as_str(), d))
        .collect();
    // (document, gold action index) -> stored event.
    let mut aligned: Vec<(&EcbDocument, usize, usize)> = Vec::new();
    let stored = store.events(&Filter::default(), &NoGroups)?;
    for event in stored {
        let detail = store
            .event_detail(event.id)?
            .ok_or_else(|| EvalError::file(":memory:", "an event listed but not found"))?;
        for m in detail.mentions.iter().filter(|m| m.role == "report") {
            let Some(doc) = by_name.get(m.document.as_str()) else {
                continue;
            };
            let t = m.record.trigger.span;
            let hit = doc
                .actions
                .iter()
                .position(|a| a.span[0] < t[1] && t[0] < a.span[1]);
            if let Some(i) = hit
                && !aligned
                    .iter()
                    .any(|(d, j, _)| d.name == doc.name && *j == i)
            {
                aligned.push((doc, i, event.id as usize));
            }
        }
    }
    let mut scored = Vec::new();
    for (doc, i, response) in aligned {
        let action = &doc.actions[i];
        let lemma = extractor
            .code_mentions(&document(doc), &[action.span])
            .pop()
            .flatten()
            .map(|c| c.lemma)
            .unwrap_or_default();
        scored.push(Scored {
            key: action.instance.clone(),
            plus: doc.plus,
            lemma,
            response,
        });
    }
    Ok(score_topic(topic, &scored))
}

fn labels<'a>(values: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    values
        .map(|v| {
            let next = ids.len();
            *ids.entry(v).or_insert(next)
        })
        .collect()
}

/// Links the response makes between the topic's two halves that the key does not.
fn cross_event_links(scored: &[Scored], response: &[usize]) -> usize {
    let mut n = 0;
    for i in 0..scored.len() {
        for j in i + 1..scored.len() {
            if response[i] == response[j]
                && scored[i].plus != scored[j].plus
                && scored[i].key != scored[j].key
            {
                n += 1;
            }
        }
    }
    n
}

fn score_topic(topic: &EcbTopic, scored: &[Scored]) -> TopicScore {
    let key = labels(scored.iter().map(|s| s.key.as_str()));
    let lemma = labels(scored.iter().map(|s| s.lemma.as_str()));
    let response: Vec<usize> = scored.iter().map(|s| s.response).collect();
    TopicScore {
        topic: topic.topic,
        gold_mentions: topic.documents.iter().map(|d| d.actions.len()).sum(),
        mentions: scored.len(),
        system: CorefCounts::score(&key, &response),
        lemma: CorefCounts::score(&key, &lemma),
        cross_event_links: cross_event_links(scored, &response),
        lemma_cross_event_links: cross_event_links(scored, &lemma),
        documents: 0,
        purity_hits: 0,
        inverse_purity_hits: 0,
        clusters: 0,
    }
}

impl TopicScore {
    /// Counts how the documents' clusters agree with the topic's halves; a document without a
    /// cluster counts as a cluster of its own.
    fn add_purity(&mut self, clusters: &[Option<i64>], halves: &[bool]) {
        let labels: Vec<i64> = clusters
            .iter()
            .enumerate()
            .map(|(d, c)| c.unwrap_or(-1 - d as i64))
            .collect();
        let mut table: HashMap<(i64, bool), usize> = HashMap::new();
        for (label, half) in labels.iter().zip(halves) {
            *table.entry((*label, *half)).or_default() += 1;
        }
        let mut ids: Vec<i64> = labels.clone();
        ids.sort_unstable();
        ids.dedup();
        let count = |c: i64, h: bool| table.get(&(c, h)).copied().unwrap_or(0);
        self.documents = labels.len();
        self.clusters = ids.len();
        self.purity_hits = ids
            .iter()
            .map(|&c| count(c, false).max(count(c, true)))
            .sum();
        self.inverse_purity_hits = [false, true]
            .iter()
            .map(|&h| ids.iter().map(|&c| count(c, h)).max().unwrap_or(0))
            .sum();
    }
}

/// The gold-mention setting over topics.
pub fn run_gold(topics: &[EcbTopic], extractor: &Extractor, policy: &Policy) -> SettingScore {
    let scores = topics
        .iter()
        .map(|t| gold_topic(t, extractor, policy))
        .collect();
    SettingScore::new("gold-mention", scores)
}

/// The end-to-end setting over topics.
pub fn run_end_to_end(
    topics: &[EcbTopic],
    extractor: &Extractor,
    strictness: Strictness,
) -> Result<SettingScore, EvalError> {
    let scores = topics
        .iter()
        .map(|t| end_to_end_topic(t, extractor, strictness))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(SettingScore::new("end-to-end", scores))
}

/// Which topics of 1-35 to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopicSet {
    /// The customary development topics ([`crate::ecbplus::DEV_TOPICS`]).
    Dev,
    /// The other topics of 1-35, on which thresholds are fitted.
    Train,
    All,
}

impl TopicSet {
    pub fn parse(name: &str) -> Option<TopicSet> {
        match name {
            "dev" => Some(TopicSet::Dev),
            "train" => Some(TopicSet::Train),
            "all" => Some(TopicSet::All),
            _ => None,
        }
    }

    pub fn contains(self, topic: u32) -> bool {
        let dev = crate::ecbplus::DEV_TOPICS.contains(&topic);
        match self {
            TopicSet::Dev => dev,
            TopicSet::Train => !dev && topic <= 35,
            TopicSet::All => topic <= 35,
        }
    }
}

/// Both settings on the chosen topics of an ECB+ folder.
#[derive(Debug, Clone, Serialize)]
pub struct MergeEval {
    pub gold_mention: SettingScore,
    pub end_to_end: SettingScore,
}

impl MergeEval {
    pub fn render_text(&self) -> String {
        format!(
            "{}\n{}",
            self.gold_mention.render_text(),
            self.end_to_end.render_text()
        )
    }
}

/// Loads the topics of `set` from `dir` and scores both settings under `strictness`.
pub fn run(
    dir: &Path,
    set: TopicSet,
    extractor: &Extractor,
    strictness: Strictness,
) -> Result<MergeEval, EvalError> {
    let topics = load_set(dir, set)?;
    Ok(MergeEval {
        gold_mention: run_gold(&topics, extractor, &strictness.policy()),
        end_to_end: run_end_to_end(&topics, extractor, strictness)?,
    })
}

pub(crate) fn load_set(dir: &Path, set: TopicSet) -> Result<Vec<EcbTopic>, EvalError> {
    let wanted: Vec<u32> = (1..=35).filter(|&t| set.contains(t)).collect();
    crate::ecbplus::load(dir, &wanted)
}
