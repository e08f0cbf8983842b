//! Merging on the ECB+ development topics: the reader finds every gold action mention, and the
//! scores are those `attache eval merge --topics dev` prints (docs/eval.md).

use attache_coder::Extractor;
use attache_eval::ecbplus::{self, DEV_TOPICS};
use attache_eval::merging;
use attache_merge::{Policy, Strictness};

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
    let scores = merging::run_gold(&topics, &extractor, &Policy::ACROSS_DOCUMENTS);
    eprint!("{}", scores.render_text());
    assert_eq!(scores.mentions, 1245, "every gold mention is coded");
    // The published same-lemma baselines with gold mentions are in the 0.70s CoNLL F1.
    let lemma = scores.lemma.conll_f1();
    assert!(
        (0.65..0.8).contains(&lemma),
        "lemma baseline CoNLL F1 {lemma}"
    );

    // Merging on evidence links few mentions of the topic's two different events (figures in
    // docs/eval.md); the same-lemma baseline links thousands.
    let lemma_links: usize = scores
        .topics
        .iter()
        .map(|t| t.lemma_cross_event_links)
        .sum();
    assert!(
        scores.cross_event_links * 10 < lemma_links,
        "{} cross-event links against the baseline's {lemma_links}",
        scores.cross_event_links
    );

    let e2e =
        merging::run_end_to_end(&topics, &extractor, Strictness::Default).expect("stores open");
    eprint!("{}", e2e.render_text());
    assert_eq!(e2e.gold_mentions, 1245);
    assert!(
        e2e.mentions > 0,
        "some extracted events align with gold mentions"
    );
}
