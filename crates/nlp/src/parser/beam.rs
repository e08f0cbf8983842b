//! Beam search over arc-hybrid moves, and its training: the structured perceptron with
//! max-violation updates (Huang, Fayong and Guo 2012).
//!
//! A beam-trained parser scores whole move sequences, so it is decoded with the beam it was
//! trained for (greedy decoding of it is worse than a greedy-trained parser). Every
//! sentence takes exactly 2n moves (each word is shifted once and attached once), so all
//! hypotheses finish together. Labels stay greedy: each arc is labelled as it is built.

use super::features::{action_features, label_features};
use super::state::State;
use super::{GoldTree, Input, NONE, Parser, ParserTrainer, Scratch, oracle_move};
use crate::perceptron::Trainer;
use crate::tagger::argmax;

/// One hypothesis: its configuration, total move score, and last step in the history arena.
struct Hypothesis {
    st: State,
    score: f32,
    step: u32,
    /// Every move so far is the oracle's.
    gold: bool,
}

/// A move in a hypothesis's history: the previous step, the range of its feature keys in the
/// key arena, and the move. Histories share prefixes, as a tree of steps.
#[derive(Clone, Copy)]
struct Step {
    prev: u32,
    keys: (u32, u32),
    mv: u8,
}

impl Parser {
    /// The best configuration found by a beam of `width` hypotheses.
    pub(super) fn beam_search(
        &self,
        input: &Input,
        keys: &mut Vec<u64>,
        scores: &mut [f32],
        width: usize,
    ) -> State {
        let mut beam = vec![(State::new(input), 0.0f32)];
        let mut next: Vec<(State, f32)> = Vec::with_capacity(width);
        let mut moves: Vec<(usize, usize, f32)> = Vec::with_capacity(3 * width);
        while !beam[0].0.done() {
            moves.clear();
            for (i, (st, total)) in beam.iter().enumerate() {
                let valid = st.valid();
                action_features(input, st, keys);
                self.actions.score(keys, scores);
                moves.extend(
                    (0..3)
                        .filter(|&m| valid[m])
                        .map(|m| (i, m, total + scores[m])),
                );
            }
            keep_best(&mut moves, width);
            next.clear();
            for &(i, m, total) in &moves {
                let mut st = beam[i].0.clone();
                if let Some(arc) = st.apply(m) {
                    self.label_arc(input, &mut st, arc, keys, scores);
                }
                next.push((st, total));
            }
            std::mem::swap(&mut beam, &mut next);
        }
        beam.swap_remove(0).0
    }
}

/// Keeps the `width` highest-scoring moves, best first (ties: earlier hypothesis, lower move,
/// so decoding is deterministic).
fn keep_best(moves: &mut Vec<(usize, usize, f32)>, width: usize) {
    moves.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    moves.truncate(width);
}

/// The structured update at the worst violation: the oracle's history from step `o` and the
/// best hypothesis's from step `b`, walked back together. Both histories have the same
/// length; where they made the same move from the same features the updates cancel, so those
/// steps are skipped.
fn update_at_violation(actions: &mut Trainer, steps: &[Step], arena: &[u64], o: u32, b: u32) {
    let (mut o, mut b) = (o, b);
    while o != NONE && b != NONE {
        let (so, sb) = (steps[o as usize], steps[b as usize]);
        let ko = &arena[so.keys.0 as usize..so.keys.1 as usize];
        let kb = &arena[sb.keys.0 as usize..sb.keys.1 as usize];
        if so.mv != sb.mv || ko != kb {
            actions.add(ko, so.mv as usize, 1.0);
            actions.add(kb, sb.mv as usize, -1.0);
        }
        (o, b) = (so.prev, sb.prev);
    }
}

impl ParserTrainer {
    /// Beam search on one sentence with the current weights, then one structured update at
    /// the step where the best hypothesis outscores the oracle's prefix by the most. The
    /// oracle follows the dynamic oracle's cheapest moves (so non-projective trees have a
    /// best reachable path too); its arcs are labelled with the gold label and train the
    /// labeller, as in greedy training. Returns (correct heads of the best hypothesis, words).
    pub(crate) fn train_sentence_beam(
        &mut self,
        input: &Input,
        gold: &GoldTree,
        width: usize,
    ) -> (usize, usize) {
        let n = input.atoms.len();
        let gold_heads = gold.heads_from_zero(n);
        let labels = self.labels.len();
        let Scratch { keys, scores } = &mut self.scratch;
        let mut steps: Vec<Step> = Vec::new();
        let mut arena: Vec<u64> = Vec::new();
        let mut beam = vec![Hypothesis {
            st: State::new(input),
            score: 0.0,
            step: NONE,
            gold: true,
        }];
        let mut next: Vec<Hypothesis> = Vec::with_capacity(width);
        let (mut oracle, mut oracle_score, mut oracle_step) = (State::new(input), 0.0f32, NONE);
        let mut ranges: Vec<(u32, u32)> = Vec::with_capacity(width);
        let mut moves: Vec<(usize, usize, f32)> = Vec::with_capacity(3 * width);
        // (violation, oracle step, best hypothesis's step)
        let mut worst: Option<(f32, u32, u32)> = None;
        while !beam[0].st.done() {
            moves.clear();
            ranges.clear();
            for (i, h) in beam.iter().enumerate() {
                let valid = h.st.valid();
                action_features(input, &h.st, keys);
                ranges.push((arena.len() as u32, (arena.len() + keys.len()) as u32));
                arena.extend_from_slice(keys);
                self.actions.score(keys, scores);
                moves.extend(
                    (0..3)
                        .filter(|&m| valid[m])
                        .map(|m| (i, m, h.score + scores[m])),
                );
            }
            action_features(input, &oracle, keys);
            let range = (arena.len() as u32, (arena.len() + keys.len()) as u32);
            arena.extend_from_slice(keys);
            self.actions.score(keys, scores);
            let gm = oracle_move(&oracle.costs(&gold_heads), scores);
            oracle_score += scores[gm];
            steps.push(Step {
                prev: oracle_step,
                keys: range,
                mv: gm as u8,
            });
            oracle_step = (steps.len() - 1) as u32;
            if let Some((h, d)) = oracle.apply(gm) {
                label_features(input, &oracle, h, d, keys);
                self.labeler.score(keys, scores);
                let predicted = argmax(&scores[..labels]);
                let label = if gold_heads[d as usize] == h {
                    let truth = gold.labels[d as usize];
                    self.labeler.update(keys, truth as usize, predicted, 1.0);
                    truth
                } else {
                    predicted as u16
                };
                oracle.set_label(h, d, label);
            }
            self.actions.tick();
            self.labeler.tick();

            keep_best(&mut moves, width);
            next.clear();
            for &(i, m, total) in &moves {
                steps.push(Step {
                    prev: beam[i].step,
                    keys: ranges[i],
                    mv: m as u8,
                });
                let mut st = beam[i].st.clone();
                if let Some((h, d)) = st.apply(m) {
                    // Arcs to the gold head take the gold label, as on the oracle's path, so
                    // the oracle's hypothesis stays identical to the oracle's configuration;
                    // only the others need the labeller.
                    let label = if gold_heads[d as usize] == h {
                        gold.labels[d as usize]
                    } else {
                        label_features(input, &st, h, d, keys);
                        self.labeler.score(keys, scores);
                        argmax(&scores[..labels]) as u16
                    };
                    st.set_label(h, d, label);
                }
                next.push(Hypothesis {
                    st,
                    score: total,
                    step: (steps.len() - 1) as u32,
                    gold: beam[i].gold && m == gm,
                });
            }
            std::mem::swap(&mut beam, &mut next);
            let violation = beam[0].score - oracle_score;
            if !beam[0].gold && violation >= 0.0 && worst.is_none_or(|w| violation > w.0) {
                worst = Some((violation, oracle_step, beam[0].step));
            }
        }
        if let Some((_, o, b)) = worst {
            update_at_violation(&mut self.actions, &steps, &arena, o, b);
        }
        let st = &beam[0].st;
        let correct = (0..n).filter(|&i| st.heads[i] == gold_heads[i]).count();
        (correct, n)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{GoldTree, Input, Output, ParserTrainer};
    use crate::tagger::{Atoms, atoms_into};

    /// Words, tag classes, heads (1-based, 0 = root) and label ids of one sentence.
    type Tree = (
        &'static str,
        &'static [u16],
        &'static [usize],
        &'static [u16],
    );

    /// A tiny treebank.
    const SENTENCES: &[Tree] = &[
        (
            "Poland expelled diplomats .",
            &[0, 1, 2, 3],
            &[2, 0, 2, 2],
            &[0, 1, 2, 3],
        ),
        (
            "Italy expelled thirty diplomats",
            &[0, 1, 4, 2],
            &[2, 0, 4, 2],
            &[0, 1, 4, 2],
        ),
        ("Moscow protested .", &[0, 1, 3], &[2, 0, 2], &[0, 1, 3]),
        ("diplomats left", &[2, 1], &[2, 0], &[0, 1]),
        (
            "Lithuania expelled the ambassador .",
            &[0, 1, 5, 2, 3],
            &[2, 0, 4, 2, 2],
            &[0, 1, 5, 2, 3],
        ),
    ];
    const LABELS: [&str; 6] = ["nsubj", "root", "obj", "punct", "nummod", "det"];
    const UPOS: [u8; 6] = [11, 15, 7, 12, 8, 4];

    fn atoms(text: &str) -> Vec<Atoms> {
        let mut out = Vec::new();
        atoms_into(text.split(' '), &mut out, &mut String::new());
        out
    }

    /// Max-violation updates learn a handful of trees well enough to parse them back exactly,
    /// and the parser made records its beam.
    #[test]
    fn beam_training_learns_small_trees() {
        let labels = LABELS.iter().map(|l| l.to_string()).collect();
        let mut trainer = ParserTrainer::new(labels, 12, 10, 2);
        let inputs: Vec<Vec<Atoms>> = SENTENCES.iter().map(|s| atoms(s.0)).collect();
        let alts: Vec<Vec<u16>> = SENTENCES.iter().map(|s| vec![0; s.1.len()]).collect();
        let input = |i: usize| Input {
            atoms: &inputs[i],
            tags: SENTENCES[i].1,
            alts: &alts[i],
            upos_of_class: &UPOS,
        };
        for _ in 0..10 {
            for (i, (_, _, heads, labels)) in SENTENCES.iter().enumerate() {
                let gold = GoldTree { heads, labels };
                // Beam updates alone, so that the test fails if they do not learn.
                trainer.train_sentence_beam(&input(i), &gold, 2);
            }
        }
        let parser = trainer.finish();
        assert_eq!(parser.beam, 2);
        let (mut out, mut keys, mut scores) = (Output::default(), Vec::new(), Vec::new());
        for (i, (text, _, heads, labels)) in SENTENCES.iter().enumerate() {
            parser.parse(&input(i), &mut out, &mut keys, &mut scores, parser.beam);
            let got: Vec<usize> = out
                .heads
                .iter()
                .map(|&h| if h == u32::MAX { 0 } else { h as usize + 1 })
                .collect();
            assert_eq!(&got, heads, "{text}");
            assert_eq!(&out.labels, labels, "{text}");
        }
    }
}
