//! Scoring against gold CoNLL-U: with gold tokenization (accuracy per word) and from raw text
//! (F1 over character spans, as in the CoNLL 2018 shared task: words align when they cover the
//! same characters; LAS compares the universal part of the relation).

pub use crate::Prf;
use crate::conllu::Sentence as GoldSentence;
use crate::{Analyzer, Doc};
use std::collections::{HashMap, HashSet};

/// Word-level accuracy counts with gold tokenization.
#[derive(Clone, Copy, Debug, Default)]
pub struct GoldScores {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    pub uas: usize,
    /// Head and universal relation (subtype ignored), as CoNLL 2018 LAS.
    pub las: usize,
    /// Head and full relation including subtype.
    pub las_full: usize,
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

impl GoldScores {
    pub fn upos_pct(&self) -> f64 {
        pct(self.upos, self.words)
    }
    pub fn xpos_pct(&self) -> f64 {
        pct(self.xpos, self.words)
    }
    pub fn lemma_pct(&self) -> f64 {
        pct(self.lemma, self.words)
    }
    pub fn uas_pct(&self) -> f64 {
        pct(self.uas, self.words)
    }
    pub fn las_pct(&self) -> f64 {
        pct(self.las, self.words)
    }
    pub fn las_full_pct(&self) -> f64 {
        pct(self.las_full, self.words)
    }
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Analyzes the gold sentences' words (gold tokenization) and counts agreements.
pub fn eval_gold(analyzer: &Analyzer, gold: &[GoldSentence]) -> GoldScores {
    score_gold(&analyze_gold(analyzer, gold), gold)
}

/// Analyzes the gold sentences' words as given: one system sentence per gold sentence.
pub fn analyze_gold(analyzer: &Analyzer, gold: &[GoldSentence]) -> Doc {
    let words: Vec<Vec<&str>> = gold
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    analyzer.analyze_tokens(&words)
}

/// The system's head of each word as a 1-based index in its sentence, 0 for the root.
fn sentence_heads<'d>(
    doc: &'d Doc,
    gold: &'d [GoldSentence],
) -> impl Iterator<Item = (crate::Token<'d>, &'d crate::conllu::Word, usize)> {
    let mut i = 0;
    gold.iter().flat_map(move |s| {
        let base = i;
        i += s.words.len();
        s.words.iter().enumerate().map(move |(k, w)| {
            let t = doc.token(base + k);
            let head = t.head().map_or(0, |h| h.i() - base + 1);
            (t, w, head)
        })
    })
}

/// Scores a document made by [`analyze_gold`] against its gold sentences.
pub fn score_gold(doc: &Doc, gold: &[GoldSentence]) -> GoldScores {
    let mut sc = GoldScores::default();
    for (t, w, head) in sentence_heads(doc, gold) {
        sc.words += 1;
        sc.upos += (t.upos().as_str() == w.upos) as usize;
        sc.xpos += (t.xpos() == w.xpos) as usize;
        sc.lemma += (t.lemma() == w.lemma) as usize;
        if head == w.head {
            sc.uas += 1;
            sc.las += (universal(t.deprel()) == universal(&w.deprel)) as usize;
            sc.las_full += (t.deprel() == w.deprel) as usize;
        }
    }
    sc
}

/// Per universal relation, with gold tokenization: gold words bearing it, system words given
/// it, and words with both the right head and it (precision, recall and F1 of labelled
/// attachment per relation, as the CoNLL 2018 evaluation's per-relation table). Sorted by
/// gold count, most frequent first.
pub fn relation_scores(doc: &Doc, gold: &[GoldSentence]) -> Vec<(String, Prf)> {
    let mut by: HashMap<&str, Prf> = HashMap::new();
    for (t, w, head) in sentence_heads(doc, gold) {
        let (g, s) = (universal(&w.deprel), universal(t.deprel()));
        if g == s && head == w.head {
            by.entry(g).or_default().tp += 1;
        } else {
            by.entry(g).or_default().fn_ += 1;
            by.entry(s).or_default().fp += 1;
        }
    }
    let mut rows: Vec<(String, Prf)> = by.into_iter().map(|(r, p)| (r.to_string(), p)).collect();
    rows.sort_by(|a, b| b.1.gold().cmp(&a.1.gold()).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// Scores from raw text.
#[derive(Clone, Copy, Debug, Default)]
pub struct RawScores {
    pub tokens: Prf,
    pub sentences: Prf,
    pub upos: Prf,
    pub las: Prf,
}

/// Gold words located in a reconstructed raw text.
pub struct RawGold {
    pub text: String,
    /// Byte span, UPOS, head word index (None for root), universal relation.
    pub words: Vec<(std::ops::Range<usize>, String, Option<usize>, String)>,
    pub sentences: Vec<std::ops::Range<usize>>,
}

/// Rebuilds the raw text from `# text` lines: sentences in a paragraph joined by a space,
/// paragraphs by a blank line; gold words are located in it character by character.
pub fn raw_gold(gold: &[GoldSentence]) -> RawGold {
    let mut text = String::new();
    let mut words = Vec::new();
    let mut sentences = Vec::new();
    for (k, s) in gold.iter().enumerate() {
        if k > 0 {
            text.push_str(if s.new_par { "\n\n" } else { " " });
        }
        let start = text.len();
        let stext = if s.text.is_empty() {
            s.words
                .iter()
                .map(|w| w.form.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            s.text.clone()
        };
        text.push_str(&stext);
        let base = words.len();
        let mut pos = start;
        for w in &s.words {
            while let Some(c) = text[pos..].chars().next().filter(|c| c.is_whitespace()) {
                pos += c.len_utf8();
            }
            let end = if text[pos..].starts_with(&w.form) {
                pos + w.form.len()
            } else {
                // Text and form disagree: cover as many non-space characters as the form has.
                let mut e = pos;
                for _ in w.form.chars().filter(|c| !c.is_whitespace()) {
                    match text[e..].chars().next() {
                        Some(c) => e += c.len_utf8(),
                        None => break,
                    }
                }
                e
            };
            let head = (w.head > 0).then(|| base + w.head - 1);
            words.push((
                pos..end,
                w.upos.clone(),
                head,
                universal(&w.deprel).to_string(),
            ));
            pos = end;
        }
        if let (Some(first), Some(last)) = (words.get(base), words.last()) {
            sentences.push(first.0.start..last.0.end);
        }
    }
    RawGold {
        text,
        words,
        sentences,
    }
}

/// Analyzes the raw text of `gold` and scores tokens, sentences, UPOS and LAS.
pub fn eval_raw(analyzer: &Analyzer, gold: &[GoldSentence]) -> RawScores {
    let g = raw_gold(gold);
    let doc = analyzer.analyze(&g.text);
    score_raw(&g, &doc)
}

/// Scores a document made from `g.text` against the gold words located in it.
pub fn score_raw(g: &RawGold, doc: &Doc) -> RawScores {
    let mut sc = RawScores::default();
    let gold_index: HashMap<(usize, usize), usize> = g
        .words
        .iter()
        .enumerate()
        .map(|(i, w)| ((w.0.start, w.0.end), i))
        .collect();
    let sys_to_gold: Vec<Option<usize>> = doc
        .tokens()
        .map(|t| gold_index.get(&(t.span().start, t.span().end)).copied())
        .collect();
    let (gold_words, system_words) = (g.words.len(), doc.len());
    let aligned = sys_to_gold.iter().flatten().count();
    sc.tokens = Prf::from_counts(gold_words, system_words, aligned);
    let (mut upos, mut las) = (0, 0);
    for t in doc.tokens() {
        let Some(gi) = sys_to_gold[t.i()] else {
            continue;
        };
        let gw = &g.words[gi];
        upos += (t.upos().as_str() == gw.1) as usize;
        let head_ok = match (t.head(), gw.2) {
            (None, None) => true,
            (Some(h), Some(gh)) => sys_to_gold[h.i()] == Some(gh),
            _ => false,
        };
        las += (head_ok && universal(t.deprel()) == gw.3) as usize;
    }
    sc.upos = Prf::from_counts(gold_words, system_words, upos);
    sc.las = Prf::from_counts(gold_words, system_words, las);
    let gold_sents: HashSet<(usize, usize)> =
        g.sentences.iter().map(|r| (r.start, r.end)).collect();
    let sys_sents: Vec<(usize, usize)> = doc
        .sentences()
        .map(|s| (s.span().start, s.span().end))
        .collect();
    let found = sys_sents.iter().filter(|s| gold_sents.contains(s)).count();
    sc.sentences = Prf::from_counts(gold_sents.len(), sys_sents.len(), found);
    sc
}
