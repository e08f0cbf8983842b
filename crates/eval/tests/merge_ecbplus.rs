//! Merging on the ECB+ development topics: the reader finds every gold action mention, and the
//! scores are those `attache eval merge --topics dev` prints (docs/eval.md).

use attache_coder::Extractor;
use attache_eval::ecbplus::{self, DEV_TOPICS};
use attache_eval::merging;

#[test]
fn dev_topics_are_read_and_scored_in_both_settings() {
    let Some(dir) = attache_testkit::shared_path("data/ecbplus") else {
        return;
    };
    let topics = ecbplus::load(&dir, &DEV_TOPICS).expect("ECB+ reads");
    assert_eq!(topics.len(), 8);
    let doc = &topics[0].documents[0];
    // Tokens are joined with a recorded byte map: each span slices its token back out.
    let first = &doc.actions[0];
    assert!(!doc.text[first.span[0]..first.span[1]].trim().is_empty());
    let gold: usize = topics
        .iter()
        .flat_map(|t| &t.documents)
        .map(|d| d.actions.len())
        .sum();
    assert_eq!(
        gold, 1245,
        "action mentions in the annotated sentences of the dev topics"
    );

    let extractor = Extractor::load_default().expect("model loads");
    let scores = merging::run_gold(&topics, &extractor);
    eprint!("{}", scores.render_text());
    assert_eq!(scores.mentions, 1245, "every gold mention is coded");
    // The published same-lemma baselines with gold mentions are in the 0.70s CoNLL F1.
    let lemma = scores.lemma.conll_f1();
    assert!(
        (0.65..0.8).contains(&lemma),
        "lemma baseline CoNLL F1 {lemma}"
    );

    let e2e = merging::run_end_to_end(&topics, &extractor).expect("stores open");
    eprint!("{}", e2e.render_text());
    assert_eq!(e2e.gold_mentions, 1245);
    assert!(
        e2e.mentions > 0,
        "some extracted events align with gold mentions"
    );
}
