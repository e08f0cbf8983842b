//! Greedy left-to-right averaged-perceptron tagger predicting a joint UPOS+XPOS class, with a
//! tag dictionary for frequent unambiguous words.

use crate::binio::{Reader, Writer};
use crate::perceptron::{FastMap, Trainer, f, f2, f3, hash_str, mix};
use crate::table::Table;
use crate::tokenizer::normalize_into;
use std::collections::HashMap;

/// Per-token hashed atoms, computed once and shared by the tagger and the parser.
#[derive(Clone, Copy, Default)]
pub(crate) struct Atoms {
    pub lower: u64,
    pub form: u64,
    pub suffix: [u64; 4],
    pub prefix1: u64,
    pub prefix3: u64,
    pub shape: u64,
    /// The word is punctuation only.
    pub punct: bool,
    /// The word starts with a letter / an uppercase letter.
    pub alpha: bool,
    pub capitalised: bool,
    /// Ambiguity class from the tagger's lexicon (set by `fill_ambiguity`).
    pub ambiguity: u64,
}

const PAD: Atoms = Atoms {
    lower: 0x5EED_0001,
    form: 0x5EED_0001,
    suffix: [0x5EED_0001; 4],
    prefix1: 0x5EED_0001,
    prefix3: 0x5EED_0001,
    shape: 0x5EED_0001,
    punct: false,
    alpha: false,
    capitalised: false,
    ambiguity: 0x5EED_0001,
};

/// Word shape: X for uppercase, x lowercase, d digit, other characters as themselves; runs
/// longer than three collapse.
fn shape_hash(form: &str) -> u64 {
    let mut h: u64 = 0x1234_5678;
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run > 3 {
                continue;
            }
        } else {
            run = 1;
            last = k;
        }
        h = mix(h, k as u64);
    }
    h
}

/// Fills `out` with the atoms of each word form.
/// The hash of a word as written ([`Atoms::form`]).
pub(crate) fn form_hash(form: &str) -> u64 {
    mix(hash_str(form), 7)
}

pub(crate) fn atoms_into<'a>(
    forms: impl Iterator<Item = &'a str>,
    out: &mut Vec<Atoms>,
    scratch: &mut String,
) {
    out.clear();
    for form in forms {
        normalize_into(form, scratch);
        let lower = hash_str(scratch);
        // Byte offsets where the last 1..=4 characters start (0 when the word is shorter).
        let mut ends = [0usize; 4];
        for (k, (i, _)) in scratch.char_indices().rev().take(4).enumerate() {
            ends[k] = i;
        }
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            *s = mix(hash_str(&scratch[ends[k]..]), k as u64 + 1);
        }
        let cut = |m: usize| {
            scratch
                .char_indices()
                .nth(m)
                .map_or(scratch.len(), |(i, _)| i)
        };
        out.push(Atoms {
            lower,
            form: form_hash(form),
            suffix,
            prefix1: mix(hash_str(&scratch[..cut(1)]), 11),
            prefix3: mix(hash_str(&scratch[..cut(3)]), 13),
            shape: shape_hash(form),
            punct: form.chars().all(|c| !c.is_alphanumeric()),
            alpha: form.starts_with(char::is_alphabetic),
            capitalised: form.starts_with(char::is_uppercase),
            ambiguity: UNKNOWN_WORD,
        });
    }
}

#[derive(Clone)]
pub(crate) struct Tagger {
    /// Joint class names "UPOS\tXPOS".
    pub classes: Vec<String>,
    lexicon: FastMap<u64, Entry>,
    weights: Table,
}

const START_TAG: u64 = 0xFFFF_0001;

/// How title-cased the sentence is (0..=3): headlines capitalise common nouns, informal text
/// lowercases names, and the share of capitalised words tells the tagger which it is reading.
fn title_case_bucket(atoms: &[Atoms]) -> u64 {
    let words = atoms.iter().filter(|a| a.alpha).count();
    let capitalised = atoms.iter().filter(|a| a.alpha && a.capitalised).count();
    if words == 0 {
        0
    } else {
        (capitalised * 4 / (words + 1)) as u64
    }
}

/// `w.ambiguity` is the word's ambiguity class: the set of tags it had in training (looking ahead
/// at the following words' classes is what a left-to-right tagger otherwise lacks).
fn features(atoms: &[Atoms], title: u64, tags: &[u16], i: usize, keys: &mut Vec<u64>) {
    word_features(atoms, title, i, keys);
    history_features(atoms, tags, i, keys);
}

fn neighbour(atoms: &[Atoms], i: usize, k: isize) -> &Atoms {
    let j = i as isize + k;
    if j < 0 || j as usize >= atoms.len() {
        &PAD
    } else {
        &atoms[j as usize]
    }
}

/// The features of word `i` that do not look at the tags chosen before it (replaces `keys`).
fn word_features(atoms: &[Atoms], title: u64, i: usize, keys: &mut Vec<u64>) {
    keys.clear();
    let at = |k: isize| neighbour(atoms, i, k);
    let w = at(0);
    let (p1, p2, n1, n2) = (at(-1), at(-2), at(1), at(2));
    keys.extend_from_slice(&[
        f(1, 0),
        f(2, w.lower),
        f(3, w.suffix[0]),
        f(4, w.suffix[1]),
        f(5, w.suffix[2]),
        f(6, w.suffix[3]),
        f(7, w.prefix1),
        f(8, w.prefix3),
        f(9, w.shape),
        f(10, p1.lower),
        f(11, n1.lower),
        f(12, p2.lower),
        f(13, n2.lower),
        f(14, p1.suffix[2]),
        f(15, n1.suffix[2]),
        f2(19, w.lower, n1.lower),
        f2(20, p1.lower, w.lower),
        f(21, n1.shape),
        f(22, p1.shape),
        f(23, w.form),
        f(25, n1.suffix[1]),
        f2(27, w.shape, n1.shape),
        f(28, w.ambiguity),
        f(29, at(1).ambiguity),
        f(30, at(2).ambiguity),
        f2(32, w.ambiguity, at(1).ambiguity),
        f2(33, at(-1).ambiguity, w.ambiguity),
        f3(34, w.shape, title, (i == 0) as u64),
        f2(35, w.lower, title),
    ]);
}

/// The features of word `i` over the two tags before it (appended to `keys`).
fn history_features(atoms: &[Atoms], tags: &[u16], i: usize, keys: &mut Vec<u64>) {
    let tag = |k: usize| -> u64 {
        if i >= k {
            tags[i - k] as u64
        } else {
            START_TAG + k as u64
        }
    };
    let (w, n1) = (neighbour(atoms, i, 0), neighbour(atoms, i, 1));
    let (t1, t2) = (tag(1), tag(2));
    keys.extend_from_slice(&[
        f(16, t1),
        f2(17, t1, t2),
        f2(18, t1, w.lower),
        f2(24, t1, w.suffix[2]),
        f2(26, t1, n1.lower),
        f2(31, t1, n1.ambiguity),
    ]);
}

/// The tagger's doubt about a word, for the parser: the runner-up class and how far behind the
/// winner it came (`class | bucket << 8`, buckets 0..=2 from close to distant), or
/// `clear_winner` of the winner when the runner-up is far behind. Parse errors follow tagging
/// errors (with gold tags EWT dev LAS is 4.5 points higher), and most tagging errors are close
/// calls; knowing them lets the parser hedge (EWT dev LAS +0.2).
fn runner_up(scores: &[f32], best: usize) -> u16 {
    let (mut second, mut second_score) = (usize::MAX, f32::NEG_INFINITY);
    for (c, &v) in scores.iter().enumerate() {
        if c != best && v > second_score {
            (second, second_score) = (c, v);
        }
    }
    let gap = scores[best] - second_score;
    match gap {
        g if g < 1.0 => second as u16,
        g if g < 3.0 => second as u16 | 1 << 8,
        g if g < 8.0 => second as u16 | 2 << 8,
        _ => clear_winner(best as u16),
    }
}

/// The `runner_up` value of a word whose class is not in doubt.
pub(crate) fn clear_winner(class: u16) -> u16 {
    class | 3 << 8
}

/// Hash of the classes a word took in at least 5% of its `counts` (less one occurrence of
/// `without`), or UNKNOWN_WORD when fewer than 3 occurrences remain.
fn ambiguity_class(counts: &HashMap<u16, u32>, without: Option<u16>) -> u64 {
    let less = |c: u16| (without == Some(c)) as u32;
    let total: u32 = counts.iter().map(|(&c, &k)| k - less(c)).sum();
    if total < 3 {
        return UNKNOWN_WORD;
    }
    let mut seen: Vec<u16> = counts
        .iter()
        .filter(|&(&c, &k)| (k - less(c)) * 20 >= total && k > less(c))
        .map(|(&c, _)| c)
        .collect();
    seen.sort_unstable();
    seen.iter().fold(0xA3B1_u64, |a, &c| mix(a, c as u64))
}

/// What training said about one word (by normalised lowercase hash).
#[derive(Clone, Copy)]
struct Entry {
    /// The class of a frequent word that never had another; `NOT_SURE` otherwise.
    sure: u16,
    /// Hash of the set of classes the word took.
    ambiguity: u64,
}

const NOT_SURE: u16 = u16::MAX;

/// Whether the tagger's lexicon had no class for the word (unseen, or seen under three
/// times in training).
pub(crate) fn unseen(a: &Atoms) -> bool {
    a.ambiguity == UNKNOWN_WORD
}
const UNKNOWN_WORD: u64 = 0x0DD0_0001;

pub(crate) struct TaggerTrainer {
    /// Training counts of each word's classes.
    counts: HashMap<u64, HashMap<u16, u32>>,
    classes: Vec<String>,
    class_ids: HashMap<String, u16>,
    lexicon: FastMap<u64, Entry>,
    trainer: Trainer,
}

impl TaggerTrainer {
    /// Sets up classes and the tag dictionary from training words (hash, joint class).
    pub(crate) fn new(words: &[(u64, String)], bits: u32) -> TaggerTrainer {
        let mut class_ids: HashMap<String, u16> = HashMap::new();
        let mut classes = Vec::new();
        let mut counts: HashMap<u64, HashMap<u16, u32>> = HashMap::new();
        for (h, c) in words {
            let id = *class_ids.entry(c.clone()).or_insert_with(|| {
                classes.push(c.clone());
                (classes.len() - 1) as u16
            });
            *counts.entry(*h).or_default().entry(id).or_default() += 1;
        }
        let mut lexicon = FastMap::default();
        for (&h, by_class) in &counts {
            let total: u32 = by_class.values().sum();
            let (&best, &n) = by_class
                .iter()
                .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
                .unwrap();
            let sure = if total >= 20 && n as f64 / total as f64 >= 0.995 {
                best
            } else {
                NOT_SURE
            };
            if total < 3 && sure == NOT_SURE {
                continue;
            }
            let ambiguity = ambiguity_class(by_class, None);
            lexicon.insert(h, Entry { sure, ambiguity });
        }
        let trainer = Trainer::new(bits, classes.len());
        TaggerTrainer {
            counts,
            classes,
            class_ids,
            lexicon,
            trainer,
        }
    }

    pub(crate) fn fill_ambiguity(&self, atoms: &mut [Atoms]) {
        fill_ambiguity(&self.lexicon, atoms);
    }

    /// Ambiguity classes of training words as if each occurrence had not been counted (leave
    /// one out): a word seen three times in training is, in any one of its sentences, a word
    /// seen twice, and test text meets such words with no class to go on.
    pub(crate) fn fill_ambiguity_held_out(&self, atoms: &mut [Atoms], gold: &[u16]) {
        for (a, &class) in atoms.iter_mut().zip(gold) {
            a.ambiguity = self
                .counts
                .get(&a.lower)
                .map_or(UNKNOWN_WORD, |c| ambiguity_class(c, Some(class)));
        }
    }

    /// Class names ("UPOS\tXPOS") by id.
    pub(crate) fn classes(&self) -> &[String] {
        &self.classes
    }

    pub(crate) fn class_id(&self, c: &str) -> Option<u16> {
        self.class_ids.get(c).copied()
    }

    /// Tags one sentence with the current weights and updates towards `gold`; returns the
    /// number of correct tags.
    pub(crate) fn train_sentence(
        &mut self,
        atoms: &[Atoms],
        gold: &[u16],
        out: &mut Vec<u16>,
        alts: &mut Vec<u16>,
    ) -> usize {
        let mut keys = Vec::with_capacity(32);
        let mut scores = vec![0.0f32; self.trainer.stride()];
        out.clear();
        alts.clear();
        let mut correct = 0;
        let title = title_case_bucket(atoms);
        for i in 0..atoms.len() {
            if let Some(e) = self
                .lexicon
                .get(&atoms[i].lower)
                .filter(|e| e.sure != NOT_SURE)
            {
                out.push(e.sure);
                alts.push(clear_winner(e.sure));
                correct += (e.sure == gold[i]) as usize;
                continue;
            }
            features(atoms, title, out, i, &mut keys);
            self.trainer.score(&keys, &mut scores);
            let guess = argmax(&scores[..self.classes.len()]) as u16;
            alts.push(runner_up(&scores[..self.classes.len()], guess as usize));
            self.trainer.tick();
            self.trainer
                .update(&keys, gold[i] as usize, guess as usize, 1.0);
            correct += (guess == gold[i]) as usize;
            out.push(guess);
        }
        correct
    }

    pub(crate) fn finish(&self) -> Tagger {
        Tagger {
            classes: self.classes.clone(),
            lexicon: self.lexicon.clone(),
            weights: self.trainer.averaged(),
        }
    }
}

fn fill_ambiguity(lexicon: &FastMap<u64, Entry>, atoms: &mut [Atoms]) {
    for a in atoms {
        a.ambiguity = lexicon.get(&a.lower).map_or(UNKNOWN_WORD, |e| e.ambiguity);
    }
}

#[inline]
pub(crate) fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

impl Tagger {
    /// Averages the weights of taggers trained on the same data.
    pub(crate) fn average(members: Vec<&Tagger>) -> Tagger {
        let tables: Vec<&Table> = members.iter().map(|m| &m.weights).collect();
        Tagger {
            classes: members[0].classes.clone(),
            lexicon: members[0].lexicon.clone(),
            weights: Table::average(&tables),
        }
    }

    /// The scores `tag` left for word `i` in its `scores` buffer: None for a word the
    /// lexicon decided without the model.
    pub(crate) fn word_scores<'a>(
        &self,
        atoms: &[Atoms],
        scores: &'a [f32],
        i: usize,
    ) -> Option<&'a [f32]> {
        let sure = self
            .lexicon
            .get(&atoms[i].lower)
            .map_or(NOT_SURE, |e| e.sure);
        let stride = self.weights.stride();
        (sure == NOT_SURE).then(|| &scores[i * stride..i * stride + self.weights.classes()])
    }

    /// Sets each word's ambiguity class; call before `tag` and parsing.
    pub(crate) fn fill_ambiguity(&self, atoms: &mut [Atoms]) {
        fill_ambiguity(&self.lexicon, atoms);
    }

    pub(crate) fn tag(
        &self,
        atoms: &[Atoms],
        out: &mut Vec<u16>,
        alts: &mut Vec<u16>,
        keys: &mut Vec<u64>,
        scores: &mut Vec<f32>,
    ) {
        self.tag_from(atoms, None, out, alts, (keys, scores));
    }

    /// Tags a sentence as [`Tagger::tag`] does, with the first word's class given where
    /// `first` is Some: the words after it are decided with that class as their history.
    pub(crate) fn tag_from(
        &self,
        atoms: &[Atoms],
        first: Option<u16>,
        out: &mut Vec<u16>,
        alts: &mut Vec<u16>,
        (keys, scores): (&mut Vec<u64>, &mut Vec<f32>),
    ) {
        out.clear();
        alts.clear();
        let stride = self.weights.stride();
        let classes = self.weights.classes();
        let title = title_case_bucket(atoms);
        // The class of each word the lexicon is sure of, NOT_SURE for the rest.
        out.extend(
            atoms
                .iter()
                .map(|a| self.lexicon.get(&a.lower).map_or(NOT_SURE, |e| e.sure)),
        );
        if let (Some(c), Some(o)) = (first, out.first_mut()) {
            *o = c;
        }
        // First the word features of every word the model decides: these lookups do not wait
        // for earlier decisions, so the next word's rows are fetched while this word's are
        // summed. Then, left to right, only the few tag-history features wait for the tag before.
        let n = atoms.len();
        scores.clear();
        scores.resize(stride * (n + 1), 0.0);
        let mut next_keys = Vec::with_capacity(32);
        let models = |i: usize| (i < n && out[i] == NOT_SURE).then_some(i);
        let mut pending = (0..n).find_map(models);
        if let Some(i) = pending {
            word_features(atoms, title, i, keys);
        }
        while let Some(i) = pending {
            pending = (i + 1..n).find_map(models);
            if let Some(j) = pending {
                word_features(atoms, title, j, &mut next_keys);
                self.weights.prefetch(&next_keys);
            }
            self.weights
                .score(keys, &mut scores[i * stride..(i + 1) * stride]);
            std::mem::swap(keys, &mut next_keys);
        }
        let (words, history) = scores.split_at_mut(n * stride);
        for i in 0..n {
            if out[i] != NOT_SURE {
                alts.push(clear_winner(out[i]));
                continue;
            }
            keys.clear();
            history_features(atoms, out, i, keys);
            self.weights.score(keys, history);
            let word = &mut words[i * stride..i * stride + classes];
            for (s, h) in word.iter_mut().zip(history.iter()) {
                *s += h;
            }
            let best = argmax(word);
            out[i] = best as u16;
            alts.push(runner_up(word, best));
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.strs(self.classes.iter().map(String::as_str));
        let mut lexicon: Vec<(&u64, &Entry)> = self.lexicon.iter().collect();
        lexicon.sort_by_key(|(h, _)| **h);
        w.varint(lexicon.len() as u64);
        for (h, e) in lexicon {
            w.u64(*h);
            w.u16(e.sure);
            w.u64(e.ambiguity);
        }
        self.weights.write(w, 1e-3);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Tagger, crate::FormatError> {
        let classes = r.strs()?;
        let n = r.varint()? as usize;
        let mut lexicon = FastMap::default();
        lexicon.reserve(n.min(1 << 20));
        for _ in 0..n {
            let h = r.u64()?;
            let sure = r.u16()?;
            let ambiguity = r.u64()?;
            if sure != NOT_SURE && sure as usize >= classes.len() {
                return Err(crate::FormatError::Inconsistent(
                    "tagger lexicon class out of range",
                ));
            }
            lexicon.insert(h, Entry { sure, ambiguity });
        }
        let weights = Table::read(r)?;
        if weights.classes() != classes.len() {
            return Err(crate::FormatError::Inconsistent(
                "tagger table does not match its classes",
            ));
        }
        Ok(Tagger {
            classes,
            lexicon,
            weights,
        })
    }
}
