//! Arc-hybrid dependency parser (root at the end of the buffer, so exactly one word attaches
//! to it), an averaged perceptron. Greedy by default, trained with the dynamic oracle of
//! Goldberg and Nivre (2013); optionally beam-trained and beam-decoded (`beam`). Arc labels
//! come from a second perceptron scoring each arc as it is built, so later decisions see the
//! labels of finished dependents.

mod beam;
mod features;
mod state;

use crate::binio::{Reader, Writer};
use crate::perceptron::Trainer;
use crate::table::Table;
use crate::tagger::{Atoms, argmax};
use features::{action_features, label_features};
use state::State;

const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
const NONE: u32 = u32::MAX;
const NO_LABEL: u16 = u16::MAX;
/// Widest beam a model may ask for (wider ones gain nothing measurable and cost linearly).
pub(crate) const MAX_BEAM: usize = 64;

/// Parser input for one sentence: per-word atoms and tag classes.
pub(crate) struct Input<'a> {
    pub atoms: &'a [Atoms],
    pub tags: &'a [u16],
    /// The tagger's runner-up class and how close it came (see `tagger::runner_up`).
    pub alts: &'a [u16],
    /// UPOS (as `Upos as u8`) of each tag class.
    pub upos_of_class: &'a [u8],
}

/// Parser output: head (word index, or NONE for the root) and label id per word.
#[derive(Default)]
pub(crate) struct Output {
    pub heads: Vec<u32>,
    pub labels: Vec<u16>,
}

#[derive(Clone)]
pub(crate) struct Parser {
    pub labels: Vec<String>,
    actions: Table,
    labeler: Table,
    /// The beam the parser was trained with (1: greedy), which is how it decodes best.
    pub beam: usize,
}

struct Scratch {
    keys: Vec<u64>,
    scores: Vec<f32>,
}

impl Parser {
    /// Averages the weights of parsers trained on the same data.
    pub(crate) fn average(members: Vec<&Parser>) -> Parser {
        let actions: Vec<&Table> = members.iter().map(|m| &m.actions).collect();
        let labeler: Vec<&Table> = members.iter().map(|m| &m.labeler).collect();
        Parser {
            labels: members[0].labels.clone(),
            actions: Table::average(&actions),
            labeler: Table::average(&labeler),
            beam: members[0].beam,
        }
    }

    /// Parses one sentence, greedily (`beam` 1) or keeping `beam` hypotheses.
    pub(crate) fn parse(
        &self,
        input: &Input,
        out: &mut Output,
        keys: &mut Vec<u64>,
        scores: &mut Vec<f32>,
        beam: usize,
    ) {
        let n = input.atoms.len();
        scores.resize(self.labeler.stride().max(self.actions.stride()), 0.0);
        let mut st = if beam > 1 {
            self.beam_search(input, keys, scores, beam)
        } else {
            State::new(input)
        };
        while !st.done() {
            let valid = st.valid();
            action_features(input, &st, keys);
            self.actions.score(keys, scores);
            let mv = best_valid(&scores[..3], &valid);
            if let Some(arc) = st.apply(mv) {
                self.label_arc(input, &mut st, arc, keys, scores);
            }
        }
        out.heads.clear();
        out.labels.clear();
        for i in 0..n {
            out.heads.push(if st.heads[i] as usize == n {
                NONE
            } else {
                st.heads[i]
            });
            out.labels.push(st.labels[i]);
        }
    }

    /// Labels an arc just built with the labeller's best guess.
    fn label_arc(
        &self,
        input: &Input,
        st: &mut State,
        (h, d): (u32, u32),
        keys: &mut Vec<u64>,
        scores: &mut [f32],
    ) {
        label_features(input, st, h, d, keys);
        self.labeler.score(keys, scores);
        let label = argmax(&scores[..self.labeler.classes()]) as u16;
        st.set_label(h, d, label);
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.strs(self.labels.iter().map(String::as_str));
        w.varint(self.beam as u64);
        self.actions.write(w, 1e-3);
        self.labeler.write(w, 1e-3);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Parser, crate::FormatError> {
        let labels = r.strs()?;
        let beam = r.varint()?;
        if !(1..=MAX_BEAM as u64).contains(&beam) {
            return Err(crate::FormatError::BeamOutOfRange {
                beam,
                max: MAX_BEAM,
            });
        }
        let beam = beam as usize;
        let actions = Table::read(r)?;
        let labeler = Table::read(r)?;
        if actions.classes() != 3 || labeler.classes() != labels.len() {
            return Err(crate::FormatError::Inconsistent(
                "parser tables do not match their classes",
            ));
        }
        Ok(Parser {
            labels,
            actions,
            labeler,
            beam,
        })
    }
}

fn best_valid(scores: &[f32], valid: &[bool; 3]) -> usize {
    let mut best = usize::MAX;
    for m in 0..3 {
        if valid[m] && (best == usize::MAX || scores[m] > scores[best]) {
            best = m;
        }
    }
    best
}

/// The oracle's move: the cheapest (fewest gold arcs lost), the model's favourite among equally
/// cheap ones (the first on ties).
fn oracle_move(costs: &[u32; 3], scores: &[f32]) -> usize {
    let cheapest = *costs.iter().min().unwrap();
    let mut best = usize::MAX;
    for m in 0..3 {
        if costs[m] == cheapest && (best == usize::MAX || scores[m] > scores[best]) {
            best = m;
        }
    }
    best
}

pub(crate) struct ParserTrainer {
    labels: Vec<String>,
    actions: Trainer,
    labeler: Trainer,
    scratch: Scratch,
    /// 1: greedy training only; wider: greedy and beam updates on every sentence.
    beam: usize,
}

/// Gold analysis of one training sentence: heads (0 = root, else 1-based) and label ids.
pub(crate) struct GoldTree<'a> {
    pub heads: &'a [usize],
    pub labels: &'a [u16],
}

impl GoldTree<'_> {
    /// Heads as the parser numbers words: from 0, the root as word `n`.
    fn heads_from_zero(&self, n: usize) -> Vec<u32> {
        self.heads
            .iter()
            .map(|&h| if h == 0 { n as u32 } else { h as u32 - 1 })
            .collect()
    }
}

impl ParserTrainer {
    pub(crate) fn new(
        labels: Vec<String>,
        action_bits: u32,
        label_bits: u32,
        beam: usize,
    ) -> ParserTrainer {
        let n = labels.len();
        ParserTrainer {
            beam: beam.clamp(1, MAX_BEAM),
            labels,
            actions: Trainer::new(action_bits, 3),
            labeler: Trainer::new(label_bits, n),
            scratch: Scratch {
                keys: Vec::with_capacity(96),
                scores: vec![0.0; n.div_ceil(8) * 8 + 8],
            },
        }
    }

    /// Trains on one sentence: greedily, and with a beam too when the trainer has one (the
    /// greedy updates make the beam parser's single moves sound, which its first epochs need,
    /// and measured better on dev than beam updates alone). Returns (correct heads, words).
    pub(crate) fn train(
        &mut self,
        input: &Input,
        gold: &GoldTree,
        explore: bool,
    ) -> (usize, usize) {
        let greedy = self.train_sentence(input, gold, explore);
        if self.beam > 1 {
            self.train_sentence_beam(input, gold, self.beam)
        } else {
            greedy
        }
    }

    /// Parses one sentence with the current weights, updating on every move that loses gold
    /// arcs. `explore` follows the model's own (possibly wrong) move, as the dynamic oracle
    /// allows; otherwise the best zero-cost move is followed. Returns (correct heads, words).
    pub(crate) fn train_sentence(
        &mut self,
        input: &Input,
        gold: &GoldTree,
        explore: bool,
    ) -> (usize, usize) {
        let n = input.atoms.len();
        let gold_heads = gold.heads_from_zero(n);
        let mut st = State::new(input);
        let Scratch { keys, scores } = &mut self.scratch;
        while !st.done() {
            let valid = st.valid();
            let costs = st.costs(&gold_heads);
            action_features(input, &st, keys);
            self.actions.score(keys, scores);
            let guess = best_valid(&scores[..3], &valid);
            let best_ok = oracle_move(&costs, scores);
            self.actions.tick();
            if costs[guess] != costs[best_ok] {
                self.actions.update(keys, best_ok, guess, 1.0);
            }
            let mv = if explore { guess } else { best_ok };
            if let Some((h, d)) = st.apply(mv) {
                label_features(input, &st, h, d, keys);
                self.labeler.score(keys, scores);
                let predicted = argmax(&scores[..self.labels.len()]) as u16;
                let label = if gold_heads[d as usize] == h {
                    let truth = gold.labels[d as usize];
                    self.labeler.tick();
                    self.labeler
                        .update(keys, truth as usize, predicted as usize, 1.0);
                    truth
                } else {
                    predicted
                };
                st.set_label(h, d, label);
            }
        }
        let correct = (0..n).filter(|&i| st.heads[i] == gold_heads[i]).count();
        (correct, n)
    }

    pub(crate) fn finish(&self) -> Parser {
        Parser {
            labels: self.labels.clone(),
            beam: self.beam,
            actions: self.actions.averaged(),
            labeler: self.labeler.averaged(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model asking for a beam outside 1..=MAX_BEAM is refused with a message, not used.
    #[test]
    fn out_of_range_beam_is_refused() {
        let trainer = ParserTrainer::new(vec!["root".into()], 4, 4, 1);
        for (beam, ok) in [
            (0, false),
            (1, true),
            (MAX_BEAM, true),
            (MAX_BEAM + 1, false),
        ] {
            let mut parser = trainer.finish();
            parser.beam = beam;
            let mut w = Writer::default();
            parser.write(&mut w);
            let bytes = w.into_bytes();
            let read = Parser::read(&mut Reader::new(&bytes));
            match read {
                Ok(p) => assert!(ok && p.beam == beam, "beam {beam} read back as {}", p.beam),
                Err(e) => assert!(
                    !ok && matches!(e, crate::FormatError::BeamOutOfRange { beam: b, .. } if b == beam as u64),
                    "{e}"
                ),
            }
        }
    }
}
