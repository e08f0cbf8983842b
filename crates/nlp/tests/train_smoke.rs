//! A small training run: a few hundred EWT sentences, two epochs; the result saves, loads,
//! analyzes, and training is deterministic.

use attache_nlp::{Analyzer, eval, train};

#[test]
fn small_training_run_is_deterministic_and_learns() {
    let Some(ewt) = attache_testkit::shared_path("data/ud-english-ewt") else {
        return;
    };
    let mut sentences = train::read_training_sets(Some(&ewt), None, "train").unwrap();
    sentences.truncate(400);
    let (train_set, held_out) = sentences.split_at(300);
    let cfg = train::TrainConfig {
        epochs: 2,
        tagger_epochs: 2,
        members: 2,
        tagger_bits: 14,
        action_bits: 14,
        label_bits: 12,
        ..Default::default()
    };
    let mut lines = Vec::new();
    let a = train::train(train_set, held_out, &cfg, &mut |l| {
        lines.push(l.to_string())
    });
    // Per member, one tagger and one parser line per epoch (the parser's with dev scores);
    // then the averaged model's dev scores.
    assert_eq!(lines.len(), 9, "{lines:?}");
    assert!(lines[0].starts_with("tagger epoch 1/2"), "{lines:?}");
    assert!(
        lines[3].starts_with("parser epoch 2/2") && lines[3].contains("dev UPOS"),
        "{lines:?}"
    );
    assert!(lines[8].starts_with("average of 2 members"), "{lines:?}");

    let dir = std::env::temp_dir().join(format!("attache-nlp-smoke-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (p1, p2) = (dir.join("a.nlp"), dir.join("b.nlp"));
    a.save(&p1).unwrap();
    let b = train::train(train_set, held_out, &cfg, &mut |_| {});
    b.save(&p2).unwrap();
    assert_eq!(
        std::fs::read(&p1).unwrap(),
        std::fs::read(&p2).unwrap(),
        "training is deterministic"
    );

    let loaded = Analyzer::load(&p1).unwrap();
    let sc = eval::eval_gold(&loaded, held_out);
    // 300 sentences teach the frequent tags and attachments, far above chance.
    assert!(sc.upos_pct() > 70.0, "UPOS {:.2}", sc.upos_pct());
    assert!(sc.uas_pct() > 45.0, "UAS {:.2}", sc.uas_pct());
    let doc = loaded.analyze("The minister said it.");
    assert_eq!(doc.sentence_count(), 1);
    assert_eq!(
        doc.sentence(0)
            .tokens()
            .filter(|t| t.head().is_none())
            .count(),
        1
    );
}

/// A beam parser trains, records its beam in the model file, decodes with it by default, and
/// beats its own greedy decoding (it scores whole move sequences, not single moves).
#[test]
fn small_beam_training_run_keeps_its_beam() {
    let Some(ewt) = attache_testkit::shared_path("data/ud-english-ewt") else {
        return;
    };
    let mut sentences = train::read_training_sets(Some(&ewt), None, "train").unwrap();
    sentences.truncate(500);
    let (train_set, held_out) = sentences.split_at(400);
    let cfg = train::TrainConfig {
        epochs: 3,
        tagger_epochs: 3,
        members: 1,
        tagger_bits: 14,
        action_bits: 15,
        label_bits: 12,
        beam: 4,
        ..Default::default()
    };
    let a = train::train(train_set, &[], &cfg, &mut |_| {});
    let dir = std::env::temp_dir().join(format!("attache-nlp-beam-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("beam.nlp");
    a.save(&path).unwrap();
    let loaded = Analyzer::load(&path).unwrap();
    assert_eq!((loaded.beam(), loaded.trained_beam()), (4, 4));
    let beam = eval::eval_gold(&loaded, held_out);
    let greedy = eval::eval_gold(&Analyzer::load(&path).unwrap().with_beam(1), held_out);
    assert!(beam.uas_pct() > 45.0, "UAS {:.2}", beam.uas_pct());
    assert!(
        beam.uas_pct() > greedy.uas_pct(),
        "beam UAS {:.2} vs greedy decoding {:.2}",
        beam.uas_pct(),
        greedy.uas_pct()
    );
    std::fs::remove_dir_all(&dir).ok();
}
