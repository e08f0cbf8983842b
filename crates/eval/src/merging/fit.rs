//! Fitting the document-cluster threshold of the across-document rule on ECB+ training topics.

use super::{CodedTopic, SettingScore, TopicSet, code_topic, load_set};
use crate::EvalError;
use attache_coder::Extractor;
use attache_merge::{ContentRule, Policy};
use serde::Serialize;
use std::path::Path;

/// One point of the threshold grid: the cluster threshold of the content rule, the
/// gold-mention scores and the clusters' sub-topic purity.
#[derive(Debug, Clone, Serialize)]
pub struct FitPoint {
    pub cluster: f64,
    pub pairwise_precision: f64,
    pub pairwise_recall: f64,
    pub conll_f1: f64,
    pub clean_topics: f64,
    pub purity: f64,
    pub inverse_purity: f64,
}

/// Scores a grid of cluster thresholds on the topics of `set` (the training topics, to fit
/// [`Policy::ACROSS_DOCUMENTS`]): the gold-mention setting, each topic coded once.
pub fn fit(dir: &Path, set: TopicSet, extractor: &Extractor) -> Result<Vec<FitPoint>, EvalError> {
    let topics = load_set(dir, set)?;
    let coded: Vec<CodedTopic<'_>> = topics.iter().map(|t| code_topic(t, extractor)).collect();
    let base = Policy::ACROSS_DOCUMENTS
        .content
        .expect("the across-document policy has a content rule");
    let mut out = Vec::new();
    for cluster in [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6] {
        let policy = Policy {
            content: Some(ContentRule { cluster, ..base }),
            ..Policy::ACROSS_DOCUMENTS
        };
        let scores = SettingScore::new(
            "gold-mention",
            coded.iter().map(|c| c.score(&policy)).collect(),
        );
        out.push(FitPoint {
            cluster,
            pairwise_precision: scores.system.pairwise.p(),
            pairwise_recall: scores.system.pairwise.r(),
            conll_f1: scores.system.conll_f1(),
            clean_topics: scores.clean_topics(),
            purity: scores.purity,
            inverse_purity: scores.inverse_purity,
        });
    }
    Ok(out)
}
