//! Sentence-level repair of the greedy tagger's output, before parsing.
//!
//! A sentence that ends in a full stop and has a subject has a finite verb. The left-to-right
//! tagger, deciding each word alone, sometimes gives such a sentence none: "The judge ruled in
//! favour of the appeal." with "ruled" a participle (VBN), "Sales rose 5%." with "rose" a
//! noun; the parser then hangs the sentence on a noun and the event coder finds no verb. When
//! a sentence has no finite verb (no VBD, VBZ, VBP or MD, and no bare VB either), the word whose
//! own scores came closest to a finite verb class (past, present, third person) is given it,
//! if it came within [`FINITE_MARGIN`]: a lower-case word tagged as a participle, noun or
//! adjective, after a noun or pronoun. Lists, captions and headings without a candidate that
//! close keep their tags.

use crate::perceptron::hash_str;
use crate::split_class;
use crate::{Upos, tagger::Atoms};

/// How far (in perceptron score) a finite verb class may trail a word's chosen class for the
/// repair to give it. Chosen on EWT dev and GUM dev (words whose XPOS the repair changed, right
/// against wrong: 4: 1/0, 8: 1/2, 12: 4/2, 16: 6/4, 24: 8/9); on the BBC corpus at 12 it
/// changes 208 words, about nine in ten of a sample of 60 rightly ("The two banks held talks",
/// "The bank also blamed margins pressure", "Sales rose 5%").
pub(crate) const FINITE_MARGIN: f32 = 12.0;

/// What a tagger class means to the repair.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// VBD, VBZ, VBP or MD: the sentence has its verb. A bare VB counts too (an imperative,
    /// or a verb the tagger got as VB): the repair is for sentences with none.
    Finite,
    /// VBN, NN, NNS or JJ: a word that may be a finite verb the tagger missed.
    Candidate,
    Other,
}

pub(crate) struct Repair {
    kinds: Vec<Kind>,
    /// Whether a class is a noun, proper noun or pronoun: a possible subject.
    nominal: Vec<bool>,
    /// The classes VERB VBD, VERB VBZ and VERB VBP, where the model has them.
    finite: Vec<u16>,
    full_stop: u64,
}

impl Repair {
    pub(crate) fn new(classes: &[String]) -> Repair {
        let mut finite = Vec::new();
        let nominal = classes
            .iter()
            .map(|c| matches!(split_class(c).0, Upos::Noun | Upos::Propn | Upos::Pron))
            .collect();
        let kinds = classes
            .iter()
            .enumerate()
            .map(|(c, class)| {
                let (upos, xpos) = split_class(class);
                if upos == Upos::Verb && matches!(xpos, "VBD" | "VBZ" | "VBP") {
                    finite.push(c as u16);
                }
                match xpos {
                    "VBD" | "VBZ" | "VBP" | "MD" | "VB" => Kind::Finite,
                    "VBN" | "NN" | "NNS" | "JJ" => Kind::Candidate,
                    _ => Kind::Other,
                }
            })
            .collect();
        Repair {
            kinds,
            nominal,
            finite,
            full_stop: hash_str("."),
        }
    }

    fn kind(&self, class: u16) -> Kind {
        self.kinds
            .get(class as usize)
            .copied()
            .unwrap_or(Kind::Other)
    }

    /// Gives a sentence without a finite verb one (see the module notes). `scores(i)` is word
    /// `i`'s class scores, or None where the tagger's lexicon decided it without the model.
    /// The word's old class becomes its runner-up, for the parser.
    pub(crate) fn finite_verb<'a>(
        &self,
        atoms: &[Atoms],
        tags: &mut [u16],
        alts: &mut [u16],
        scores: impl Fn(usize) -> Option<&'a [f32]>,
    ) {
        let Some(last) = atoms
            .iter()
            .rposition(|a| !a.punct || a.lower == self.full_stop)
        else {
            return;
        };
        if atoms[last].lower != self.full_stop || tags.iter().any(|&t| self.kind(t) == Kind::Finite)
        {
            return;
        }
        let mut subject = false;
        let mut best: Option<(f32, usize, u16)> = None;
        for i in 0..last {
            let kind = self.kind(tags[i]);
            if kind == Kind::Candidate
                && subject
                && atoms[i].alpha
                && !atoms[i].capitalised
                && let Some(s) = scores(i)
            {
                let chosen = s[tags[i] as usize];
                for &c in &self.finite {
                    let gap = s[c as usize] - chosen;
                    if gap > -FINITE_MARGIN && best.is_none_or(|(g, _, _)| gap > g) {
                        best = Some((gap, i, c));
                    }
                }
            }
            subject |= self.nominal.get(tags[i] as usize).copied().unwrap_or(false);
        }
        if let Some((_, i, c)) = best {
            alts[i] = tags[i];
            tags[i] = c;
        }
    }
}
