//! Named-entity recognition: person, organization and place mentions, found by a greedy
//! left-to-right averaged perceptron over BILOU labels (Begin, Inside, Last, Unit, Outside),
//! in two layers: the outer mentions, then those nested in them.
//!
//! The recogniser runs after the tagger and parser, so besides words, shapes and affixes its
//! features read the predicted tags and dependency relations; the labels chosen before a word
//! are features of it, and decoding only allows well-formed label sequences. Trained on the
//! entity layer of GUM (`attache nlp train --entities`), shipped as `models/en-ner.nlp`.

mod consistency;
mod errors;
mod features;
mod gazetteer;
pub mod gold;
mod kinds;
pub mod learn;
mod score;
mod spans;

use crate::binio::{Reader, Writer};
use crate::error::{FormatError, ModelError};
use crate::perceptron::FullTable;
pub(crate) use features::{Input, NameHashes, NerWork, input_of};
pub(crate) use gazetteer::KnownNames;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The kinds of named entity the recogniser finds.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

impl EntityKind {
    pub const ALL: [EntityKind; 3] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ];

    /// The GUM entity type name ("person", "organization", "place").
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        }
    }

    /// Parses a GUM entity type name; other types ("abstract", "time") give `None`.
    pub fn from_name(name: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A mention as stored in a `Doc`: its kind and doc-level token range `start..end`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Mention {
    pub kind: EntityKind,
    pub start: u32,
    pub end: u32,
}

/// Label ids: 0 is Outside; kind `k` has Begin, Inside, Last and Unit at `1 + 4k + 0..4`.
pub(crate) const CLASSES: usize = 1 + 4 * EntityKind::ALL.len();
const OUTSIDE: u16 = 0;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

pub(crate) fn label(kind: EntityKind, part: Part) -> u16 {
    1 + 4 * kind as u16 + part as u16
}

pub(crate) fn unlabel(label: u16) -> Option<(EntityKind, Part)> {
    if label == OUTSIDE {
        return None;
    }
    let kind = EntityKind::ALL[(label as usize - 1) / 4];
    let part = [Part::Begin, Part::Inside, Part::Last, Part::Unit][(label as usize - 1) % 4];
    Some((kind, part))
}

/// Whether `next` may follow `prev` (`None`: sentence start); `last` marks the final word,
/// where no mention may stay open.
pub(crate) fn allowed(prev: Option<u16>, next: u16, last: bool) -> bool {
    let open = prev
        .and_then(unlabel)
        .filter(|(_, p)| matches!(p, Part::Begin | Part::Inside))
        .map(|(k, _)| k);
    match (open, unlabel(next)) {
        (Some(k), Some((k2, Part::Inside))) => k == k2 && !last,
        (Some(k), Some((k2, Part::Last))) => k == k2,
        (Some(_), _) => false,
        (None, Some((_, Part::Inside | Part::Last))) => false,
        (None, Some((_, Part::Begin))) => !last,
        (None, _) => true,
    }
}

/// The best label allowed after `prev`.
pub(crate) fn best_allowed(scores: &[f32], prev: Option<u16>, last: bool) -> u16 {
    let mut best = OUTSIDE;
    for c in 1..CLASSES as u16 {
        if allowed(prev, c, last) && scores[c as usize] > scores[best as usize] {
            best = c;
        }
    }
    best
}

/// Mentions of a sentence's label sequence, offset by `base` (the sentence's first token).
pub(crate) fn mentions_of(labels: &[u16], base: usize, out: &mut Vec<Mention>) {
    let mut start = 0;
    for (i, &l) in labels.iter().enumerate() {
        match unlabel(l) {
            Some((_, Part::Begin)) => start = i,
            Some((kind, Part::Last)) | Some((kind, Part::Unit)) => {
                let from = if unlabel(l).unwrap().1 == Part::Unit {
                    i
                } else {
                    start
                };
                out.push(Mention {
                    kind,
                    start: (base + from) as u32,
                    end: (base + i + 1) as u32,
                });
            }
            _ => {}
        }
    }
}

/// A recogniser bound to the tag and relation names of one analyser; documents share it. A
/// recogniser named by its file is read on first use (most commands never ask for entities,
/// and the file is large); a read failure is kept and returned to every later use.
pub(crate) struct EntityModel {
    /// The file to read on first use (`None` when the recogniser was given loaded).
    path: Option<std::path::PathBuf>,
    recognizer: OnceLock<Result<Recognizer, EntityError>>,
    hashes: NameHashes,
}

impl EntityModel {
    pub(crate) fn new(recognizer: Recognizer, names: &crate::Names) -> EntityModel {
        EntityModel {
            path: None,
            recognizer: OnceLock::from(Ok(recognizer)),
            hashes: NameHashes::new(names),
        }
    }

    /// A recogniser read from `path` when it is first used.
    pub(crate) fn lazy(path: std::path::PathBuf, names: &crate::Names) -> EntityModel {
        EntityModel {
            path: Some(path),
            recognizer: OnceLock::new(),
            hashes: NameHashes::new(names),
        }
    }

    /// The recogniser, read from its file on the first call.
    pub(crate) fn recognizer(&self) -> Result<&Recognizer, EntityError> {
        self.recognizer
            .get_or_init(|| {
                // A recogniser given loaded fills the cell, so `path` is there when it is read.
                let path = self.path.as_deref().unwrap_or(Path::new(DEFAULT_NAME));
                Recognizer::load(path).map_err(|e| EntityError(Arc::new(e)))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The mentions of every sentence of `doc`.
    pub(crate) fn mentions(&self, doc: &crate::Doc) -> Result<Vec<Mention>, EntityError> {
        let recognizer = self.recognizer()?;
        let mut inputs = Vec::with_capacity(doc.sentences.len());
        let mut bases = Vec::with_capacity(doc.sentences.len());
        let mut words = vec![None; doc.tags.len()];
        for k in 0..doc.sentences.len() {
            let input = features::input_of(doc, k, &self.hashes, &recognizer.known);
            let base = doc.sentences[k].0 as usize;
            for (j, a) in input.atoms.iter().enumerate() {
                words[base + j] = a.capitalised.then_some(a.form);
            }
            inputs.push(input);
            bases.push(base);
        }
        Ok(consistency::recognize_document(
            recognizer,
            &mut inputs,
            &bases,
            &words,
            &mut NerWork::default(),
        ))
    }
}

impl EntityModel {
    /// The mentions of sentence `k` of `doc` alone, without what the document's earlier
    /// mentions say of its words (see [`Memory`]): for callers that need a few sentences.
    pub(crate) fn sentence_mentions(
        &self,
        doc: &crate::Doc,
        k: usize,
    ) -> Result<Vec<Mention>, EntityError> {
        let recognizer = self.recognizer()?;
        let mut out = Vec::new();
        let input = features::input_of(doc, k, &self.hashes, &recognizer.known);
        let base = doc.sentences[k].0 as usize;
        recognizer.recognize(&input.view(), &mut NerWork::default(), base, &mut out);
        Ok(out)
    }
}

/// The named-entity recogniser could not be read when it was first used (the model error
/// names the file). Cheap to clone: every later use returns the same error.
#[derive(Debug, Clone, thiserror::Error)]
#[error(transparent)]
pub struct EntityError(Arc<ModelError>);

impl EntityError {
    /// The model error behind it.
    pub fn model_error(&self) -> &ModelError {
        &self.0
    }
}

/// The kinds of the mentions found so far in a document, by the words (as written) of each
/// mention that start with a capital: a name's later mentions ("Coron", "Athens") are
/// mostly of the kind of its earlier ones.
#[derive(Default)]
pub(crate) struct Memory(std::collections::HashMap<u64, u8>);

impl Memory {
    /// Fills `seen` (see [`Input::seen`]) for the words of a sentence.
    pub(crate) fn recall(&self, atoms: &[crate::tagger::Atoms], seen: &mut [u8]) {
        for (s, a) in seen.iter_mut().zip(atoms) {
            *s = self.seen(a.form).unwrap_or(0);
        }
    }

    /// The seen value (`1 + kind`) of a word form that a mention held.
    pub(crate) fn seen(&self, form: u64) -> Option<u8> {
        self.0.get(&form).map(|&k| 1 + k)
    }

    /// Records the mentions of a sentence (token ranges offset by `base`), outer ones before
    /// those nested in them, so that the innermost mention holding a word wins.
    pub(crate) fn remember(
        &mut self,
        atoms: &[crate::tagger::Atoms],
        mentions: &[Mention],
        base: usize,
    ) {
        for m in mentions {
            for a in &atoms[m.start as usize - base..m.end as usize - base] {
                if a.capitalised {
                    self.0.insert(a.form, m.kind as u8);
                }
            }
        }
    }
}

/// What decoding asks of a model: scores, and (in training) a look at each decision.
pub(crate) trait Decider {
    fn score(&self, keys: &[u64], scores: &mut [f32]);
    /// Called after word `i` was labelled `guess` from `keys`.
    fn decided(&mut self, _keys: &[u64], _i: usize, _guess: u16) {}
}

impl Decider for &FullTable {
    fn score(&self, keys: &[u64], scores: &mut [f32]) {
        FullTable::score(self, keys, scores);
    }
}

/// Labels the words `span` of a sentence left to right into `labels` (indexed by word; words
/// after the one labelled are not read), allowing only well-formed label sequences within
/// `span`.
pub(crate) fn decode(
    input: &Input,
    outer: Option<&[u16]>,
    span: std::ops::Range<usize>,
    labels: &mut [u16],
    keys: &mut Vec<u64>,
    scores: &mut [f32],
    model: &mut dyn Decider,
) {
    for i in span.clone() {
        features::all(input, labels, i, outer, keys);
        model.score(keys, scores);
        let prev = (i > span.start).then(|| labels[i - 1]);
        let l = best_allowed(&scores[..CLASSES], prev, i + 1 == span.end);
        model.decided(keys, i, l);
        labels[i] = l;
    }
}

/// The trained recogniser: weight tables over hashed features for the outer layer of
/// mentions and for the mentions nested in them.
#[derive(Clone)]
pub struct Recognizer {
    outer: FullTable,
    inner: FullTable,
    /// The kind of each mention found (see [`kinds`]); `None` while training the others.
    kinds: Option<FullTable>,
    relations: spans::Relations,
    /// The lexicon's names, read by the features.
    pub(crate) known: KnownNames,
}

pub(crate) const DEFAULT_NAME: &str = "en-ner.nlp";
const MAGIC: &[u8; 12] = b"ATTACHE-NER\n";
/// Bumped whenever the features change meaning.
const VERSION: u32 = 6;

impl Recognizer {
    pub(crate) fn from_tables(
        outer: FullTable,
        inner: FullTable,
        kinds: Option<FullTable>,
        known: KnownNames,
    ) -> Recognizer {
        Recognizer {
            outer,
            inner,
            kinds,
            relations: spans::Relations::new(),
            known,
        }
    }

    /// Decides the kind of each mention of a sentence with the kind classifier.
    fn rekind(
        &self,
        input: &Input,
        mentions: &mut [Mention],
        keys: &mut Vec<u64>,
        scores: &mut [f32],
    ) {
        let Some(table) = &self.kinds else {
            return;
        };
        for m in mentions {
            kinds::features(input, m.start as usize, m.end as usize, Some(m.kind), keys);
            table.score(keys, scores);
            let best = (0..EntityKind::ALL.len())
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                .unwrap_or(0);
            m.kind = EntityKind::ALL[best];
        }
    }

    /// Adds the runs of proper nouns outside `mentions` that the kind classifier takes for
    /// mentions (see [`kinds::candidates`]).
    fn add_missed(
        &self,
        input: &Input,
        mentions: &mut Vec<Mention>,
        keys: &mut Vec<u64>,
        scores: &mut [f32],
    ) {
        let Some(table) = &self.kinds else {
            return;
        };
        let mut covered = vec![false; input.atoms.len()];
        for m in mentions.iter() {
            covered[m.start as usize..m.end as usize].fill(true);
        }
        for (start, end) in kinds::candidates(input, &covered) {
            kinds::features(input, start, end, None, keys);
            table.score(keys, scores);
            let best = (0..kinds::CLASSES)
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                .unwrap_or(kinds::NO_MENTION);
            if best != kinds::NO_MENTION {
                mentions.push(Mention {
                    kind: EntityKind::ALL[best],
                    start: start as u32,
                    end: end as u32,
                });
            }
        }
    }

    /// Labels one sentence and appends its mentions to `out`: the outer layer, then the
    /// mentions nested in outer ones, each after the mention holding it.
    pub(crate) fn recognize(
        &self,
        input: &Input,
        work: &mut NerWork,
        base: usize,
        out: &mut Vec<Mention>,
    ) {
        let n = input.atoms.len();
        let NerWork {
            labels,
            inner,
            keys,
            scores,
        } = work;
        labels.clear();
        labels.resize(n, OUTSIDE);
        scores.resize(self.outer.stride(), 0.0);
        decode(input, None, 0..n, labels, keys, scores, &mut &self.outer);
        let first = out.len();
        mentions_of(labels, 0, out);
        let outer_mentions: Vec<Mention> = out.drain(first..).collect();
        inner.clear();
        inner.resize(n, OUTSIDE);
        for m in &outer_mentions {
            let span = m.start as usize..m.end as usize;
            if span.len() > 1 {
                decode(
                    input,
                    Some(labels),
                    span,
                    inner,
                    keys,
                    scores,
                    &mut &self.inner,
                );
            }
        }
        let mut nested = Vec::new();
        mentions_of(inner, 0, &mut nested);
        let mut all: Vec<Mention> = outer_mentions.into_iter().chain(nested).collect();
        // A name has a capital: "the", "of" or "have" alone is no mention.
        all.retain(|m| (m.start..m.end).any(|j| input.atoms[j as usize].capitalised));
        self.rekind(input, &mut all, keys, scores);
        self.add_missed(input, &mut all, keys, scores);
        spans::widen(input, &self.relations, &mut all);
        all.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        out.extend(all.into_iter().map(|m| Mention {
            kind: m.kind,
            start: m.start + base as u32,
            end: m.end + base as u32,
        }));
    }

    /// Reads a recogniser written by [`Recognizer::save`].
    pub fn load(path: impl AsRef<Path>) -> Result<Recognizer, ModelError> {
        let path = path.as_ref();
        let (bytes, start) = crate::model::read_model_bytes(path, MAGIC, VERSION)?;
        let format = |source| ModelError::Format {
            path: path.to_path_buf(),
            source,
        };
        let mut r = Reader::new(&bytes[start..]);
        let known = KnownNames::read(&mut r).map_err(format)?;
        let outer = FullTable::read(&mut r).map_err(format)?;
        let inner = FullTable::read(&mut r).map_err(format)?;
        let kinds = FullTable::read(&mut r).map_err(format)?;
        if outer.classes() != CLASSES
            || inner.classes() != CLASSES
            || kinds.classes() != kinds::CLASSES
            || !r.at_end()
        {
            return Err(format(FormatError::Inconsistent(
                "entity table does not match its labels (or trailing bytes)",
            )));
        }
        Ok(Recognizer {
            outer,
            inner,
            kinds: Some(kinds),
            relations: spans::Relations::new(),
            known,
        })
    }

    /// Writes the model file; returns its size in bytes.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<usize, ModelError> {
        let mut w = Writer::default();
        w.u32(VERSION);
        self.known.write(&mut w);
        self.outer.write(&mut w, 2e-2);
        self.inner.write(&mut w, 2e-2);
        match &self.kinds {
            Some(kinds) => kinds.write(&mut w, 2e-2),
            None => crate::perceptron::Trainer::new(4, kinds::CLASSES)
                .averaged_full()
                .write(&mut w, 2e-2),
        }
        let mut bytes = MAGIC.to_vec();
        bytes.extend(w.into_bytes());
        let path = path.as_ref();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        std::fs::write(path, &bytes).map_err(|source| ModelError::Write {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(bytes.len())
    }
}
