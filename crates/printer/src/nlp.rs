//! What `attache nlp eval` prints: scores of the analyser against gold CoNLL-U.

use attache_nlp::conllu::Sentence as GoldSentence;
use attache_nlp::eval::{self, GoldScores, Prf, RawScores};
use attache_nlp::{Analyzer, Doc};
use std::fmt::Write as _;

/// What `attache nlp eval` does with gold sentences: analyses them (their raw text with `raw`,
/// else their gold tokens) and returns the analysis and the scores as printed, with the
/// per-relation table when `by_relation` (gold tokens only). `name` heads the report.
pub fn evaluate(
    analyzer: &Analyzer,
    gold: &[GoldSentence],
    name: &str,
    raw: bool,
    by_relation: bool,
) -> (Doc, String) {
    if raw {
        let g = eval::raw_gold(gold);
        let doc = analyzer.analyze(&g.text);
        let out = raw_scores(name, &eval::score_raw(&g, &doc));
        return (doc, out);
    }
    let doc = eval::analyze_gold(analyzer, gold);
    let sc = eval::score_gold(&doc, gold);
    let mut out = gold_scores(name, &sc);
    if by_relation {
        let rows = eval::relation_scores(&doc, gold);
        out += &relations(&rows, sc.words - sc.las);
    }
    (doc, out)
}

/// Scores on raw text: tokens, sentences, UPOS and LAS as precision, recall and F1.
pub fn raw_scores(name: &str, sc: &RawScores) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: raw text, {} gold words, {} gold sentences",
        name,
        sc.tokens.gold(),
        sc.sentences.gold()
    );
    for (metric, p) in [
        ("Tokens", sc.tokens),
        ("Sentences", sc.sentences),
        ("UPOS", sc.upos),
        ("LAS", sc.las),
    ] {
        let (precision, recall, f1) = p.percentages();
        let _ = writeln!(
            out,
            "{metric:<10} P {precision:6.2}  R {recall:6.2}  F1 {f1:6.2}"
        );
    }
    out
}

/// Scores on gold tokenization: accuracies in percent.
pub fn gold_scores(name: &str, sc: &GoldScores) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{name}: gold tokenization, {} words", sc.words);
    let _ = writeln!(out, "UPOS     {:6.2}", sc.upos_pct());
    let _ = writeln!(out, "XPOS     {:6.2}", sc.xpos_pct());
    let _ = writeln!(out, "Lemma    {:6.2}", sc.lemma_pct());
    let _ = writeln!(out, "UAS      {:6.2}", sc.uas_pct());
    let _ = writeln!(out, "LAS      {:6.2}", sc.las_pct());
    let _ = writeln!(
        out,
        "LAS-full {:6.2}  (relation subtypes compared too)",
        sc.las_full_pct()
    );
    out
}

/// One line per universal relation. The last column is the share of all LAS errors that are
/// this relation's gold words missed, which says where the errors are.
pub fn relations(rows: &[(String, Prf)], errors: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<12} {:>6} {:>6} {:>7} {:>7} {:>7} {:>10}",
        "relation", "gold", "system", "P", "R", "F1", "of errors"
    );
    for (rel, p) in rows {
        let missed = p.fn_;
        let (precision, recall, f1) = p.percentages();
        let _ = writeln!(
            out,
            "{rel:<12} {:>6} {:>6} {:>7.2} {:>7.2} {:>7.2} {:>9.1}%",
            p.gold(),
            p.system(),
            precision,
            recall,
            f1,
            100.0 * missed as f64 / errors.max(1) as f64
        );
    }
    out
}
