//! English analysis: tokens, sentences, tags, lemmas and dependencies over one `Doc`.
//!
//! [`Analyzer::load_default`] reads the shipped model (`models/en.nlp`); [`Analyzer::analyze`]
//! tokenizes (UD English conventions, byte offsets into the text), splits sentences, tags UPOS
//! and XPOS, lemmatizes and parses into UD relations. Training and evaluation live in
//! [`train`] and [`eval`]; CoNLL-U input and output in [`conllu`].

mod binio;
pub mod conllu;
mod deprel;
mod doc;
mod error;
pub mod eval;
mod hugebuf;
mod lemma;
mod lemma_data;
mod model;
pub mod ner;
mod parser;
mod perceptron;
mod prf;
mod repair;
mod repair_clause;
mod repair_subject;
mod repair_tree;
mod table;
mod tagger;
mod tokenizer;
pub mod train;

pub use deprel::{Deprel, UnknownDeprel};
pub use doc::{Doc, Entity, Sentence, Token};
pub use error::{ConlluError, FormatError, LineProblem, ModelError, TrainError};
pub use lemma_data::LemmaDataError;
pub use ner::{EntityError, EntityKind, Recognizer};
pub use prf::Prf;
pub use tokenizer::MAX_SENTENCE_TOKENS;

use parser::{Input, Output, Parser};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tagger::{Atoms, Tagger};
use tokenizer::TokenizerRules;

/// Universal part-of-speech tags.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// Parses a UPOS name ("NOUN"); unknown names give `None`.
    pub fn from_name(name: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == name)
    }
}

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Tag and label names shared by a model and the documents it produces.
pub(crate) struct Names {
    pub upos: Vec<Upos>,
    pub xpos: Vec<String>,
    pub deprels: Vec<String>,
    /// `deprels` parsed once.
    pub rels: Vec<Deprel>,
}

impl Names {
    pub(crate) fn new(upos: Vec<Upos>, xpos: Vec<String>, deprels: Vec<String>) -> Names {
        let rels = deprels.iter().map(|l| Deprel::from_label(l)).collect();
        Names {
            upos,
            xpos,
            deprels,
            rels,
        }
    }
}

/// A tagger class ("UPOS\tXPOS") as its UPOS and XPOS.
pub(crate) fn split_class(class: &str) -> (Upos, &str) {
    let (u, x) = class.split_once('\t').unwrap_or((class, "_"));
    (Upos::from_name(u).unwrap_or(Upos::X), x)
}

/// The whole pipeline: tokenizer rules, tagger, lemmatizer and parser. `Send + Sync`; share
/// one instance across threads.
pub struct Analyzer {
    rules: TokenizerRules,
    tagger: Tagger,
    lemmatizer: lemma::Lemmatizer,
    parser: Parser,
    names: Arc<Names>,
    /// UPOS of each tagger class, for the parser's coarse-tag features.
    upos_of_class: Vec<u8>,
    /// Sentence-level repairs of the tagger's output.
    repair: repair::Repair,
    /// Repairs of a verb between a subject or modal and its object.
    clause_repair: repair_clause::ClauseRepair,
    /// Repairs of the parser's output.
    tree_repair: repair_tree::TreeRepair,
    /// Repairs of a finite verb's subject hung on a phrase before it.
    subject_repair: repair_subject::SubjectRepair,
    /// Parser beam: the model's own unless set with `with_beam`.
    beam: usize,
    /// The named-entity recogniser, when one is loaded; documents hold it and run it when
    /// their entities are first asked for.
    entities: Option<Arc<ner::EntityModel>>,
}

/// Reusable per-call buffers.
#[derive(Default)]
struct Work {
    atoms: Vec<Atoms>,
    tags: Vec<u16>,
    alts: Vec<u16>,
    keys: Vec<u64>,
    scores: Vec<f32>,
    out: Output,
    scratch: String,
}

impl Analyzer {
    /// Re-tags a sentence whose capitalised first word the tagger made a verb with that word a
    /// noun, and keeps the new tags where the sentence then reads as a subject and its verb
    /// ("Labour hit back at ...": "Labour" was VB and "hit" a pronoun).
    fn initial_noun(&self, work: &mut Work) {
        let scores = self.tagger.word_scores(&work.atoms, &work.scores, 0);
        let Some(noun) = self.repair.initial_noun(&work.atoms, &work.tags, scores) else {
            return;
        };
        let (mut tags, mut alts, mut scores) = (Vec::new(), Vec::new(), Vec::new());
        let buffers = (&mut work.keys, &mut scores);
        self.tagger
            .tag_from(&work.atoms, Some(noun), &mut tags, &mut alts, buffers);
        if self.repair.subject_then_verb(&tags)
            || self
                .repair
                .subject_with_that_clause(&work.atoms, &work.tags, &tags)
        {
            alts[0] = work.tags[0];
            (work.tags, work.alts, work.scores) = (tags, alts, scores);
        }
    }

    pub(crate) fn from_parts(
        rules: TokenizerRules,
        tagger: Tagger,
        lemmatizer: lemma::Lemmatizer,
        parser: Parser,
    ) -> Analyzer {
        let mut upos = Vec::new();
        let mut xpos = Vec::new();
        for c in &tagger.classes {
            let (u, x) = split_class(c);
            upos.push(u);
            xpos.push(x.to_string());
        }
        let upos_of_class = upos.iter().map(|&u| u as u8).collect();
        let names = Arc::new(Names::new(upos, xpos, parser.labels.clone()));
        let repair = repair::Repair::new(&tagger.classes);
        Analyzer {
            clause_repair: repair_clause::ClauseRepair::new(&tagger.classes),
            tree_repair: repair_tree::TreeRepair::new(&tagger.classes, &parser.labels),
            subject_repair: repair_subject::SubjectRepair::new(&tagger.classes, &parser.labels),
            repair,
            entities: None,
            beam: parser.beam,
            rules,
            tagger,
            lemmatizer,
            parser,
            names,
            upos_of_class,
        }
    }

    /// The dependency relation names the model's parser assigns, as it writes them.
    pub fn relation_names(&self) -> &[String] {
        &self.names.deprels
    }

    /// Loads a model file written by `attache nlp train`.
    pub fn load(path: impl AsRef<Path>) -> Result<Analyzer, ModelError> {
        model::load(path.as_ref())
    }

    /// The shipped model, searched for in this order: `$ATTACHE_MODEL` if set; `en.nlp` or
    /// `models/en.nlp` beside the executable (where an installed binary keeps it); and, as a
    /// fallback for running from a source checkout (`cargo run`, tests), `models/en.nlp` in the
    /// workspace this crate was built from. The named-entity recogniser `en-ner.nlp` is loaded
    /// from the same folder when it is there.
    pub fn load_default() -> Result<Analyzer, ModelError> {
        Analyzer::load_with_entities(&Analyzer::default_path())
    }

    /// Loads the model at `path` and names the recogniser `en-ner.nlp` beside it, if there is
    /// one. The recogniser's file is read on its first use ([`Doc::entities`],
    /// [`Analyzer::load_entities`]), not here: most commands never ask for entities.
    pub fn load_with_entities(path: &Path) -> Result<Analyzer, ModelError> {
        let mut analyzer = Analyzer::load(path)?;
        let ner = path
            .parent()
            .unwrap_or(Path::new(""))
            .join(ner::DEFAULT_NAME);
        if ner.exists() {
            analyzer.entities = Some(Arc::new(ner::EntityModel::lazy(ner, &analyzer.names)));
        }
        Ok(analyzer)
    }

    /// Where `load_default` finds the model (see there).
    pub fn default_path() -> PathBuf {
        if let Some(p) = std::env::var_os("ATTACHE_MODEL") {
            return PathBuf::from(p);
        }
        if let Some(dir) = std::env::current_exe()
            .ok()
            .and_then(|e| e.parent().map(Path::to_path_buf))
        {
            for candidate in [
                dir.join(model::DEFAULT_NAME),
                dir.join("models").join(model::DEFAULT_NAME),
            ] {
                if candidate.exists() {
                    return candidate;
                }
            }
        }
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../models")
            .join(model::DEFAULT_NAME)
    }

    /// Sets (or, with `None`, removes) the named-entity recogniser. It costs nothing until a
    /// document's [`Doc::entities`] are asked for; then it labels that document.
    pub fn with_entities(mut self, recognizer: Option<ner::Recognizer>) -> Analyzer {
        self.entities = recognizer.map(|r| Arc::new(ner::EntityModel::new(r, &self.names)));
        self
    }

    /// Whether a named-entity recogniser is loaded or named ([`Doc::entities`] is empty
    /// otherwise).
    pub fn has_entities(&self) -> bool {
        self.entities.is_some()
    }

    /// Reads the recogniser's file now, if it was named and not yet read, so that a bad file
    /// is reported before any document is analysed. Nothing to do without a recogniser.
    pub fn load_entities(&self) -> Result<(), EntityError> {
        match &self.entities {
            Some(model) => model.recognizer().map(|_| ()),
            None => Ok(()),
        }
    }

    /// Decodes with a beam of `width` hypotheses (at least 1, at most 64) instead of the
    /// model's own. A beam-trained model is most accurate at its training beam and poor when
    /// decoded greedily; a greedy model does not gain from a beam.
    pub fn with_beam(mut self, width: usize) -> Analyzer {
        self.beam = width.clamp(1, parser::MAX_BEAM);
        self
    }

    /// The beam the parser decodes with (1: greedy).
    pub fn beam(&self) -> usize {
        self.beam
    }

    /// The beam the parser was trained with (1: greedy).
    pub fn trained_beam(&self) -> usize {
        self.parser.beam
    }

    /// Writes the model file.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), ModelError> {
        model::save(self, path.as_ref())
    }

    /// Tokenizes, splits, tags, lemmatizes and parses `text`.
    pub fn analyze(&self, text: &str) -> Doc {
        let spans = self.rules.tokenize(text);
        let sentences = self.rules.split_sentences(text, &spans);
        self.annotate(Arc::from(text), (0, 0..text.len()), spans, sentences)
    }

    /// Analyses `text` in windows of whole sentences, about [`WINDOW_BYTES`] each, one at a
    /// time: memory stays bounded however long the text (see [`Windows`]). A text shorter
    /// than a window is one `Doc`, the same as [`Analyzer::analyze`] gives.
    pub fn windows(&self, text: Arc<str>) -> Windows<'_> {
        self.windows_of(text, WINDOW_BYTES)
    }

    /// [`Analyzer::windows`] with windows of about `window_bytes` (at least one sentence each).
    pub fn windows_of(&self, text: Arc<str>, window_bytes: usize) -> Windows<'_> {
        Windows {
            analyzer: self,
            window_bytes: window_bytes.max(1),
            text,
            at: 0,
            next_sentence: 0,
            started: false,
        }
    }

    /// Analyzes text already split into sentences of tokens (gold tokenization): tokens are
    /// joined by spaces, sentences by newlines.
    pub fn analyze_tokens<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Doc {
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut ranges = Vec::new();
        for s in sentences {
            let first = spans.len();
            for (k, w) in s.iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(w.as_ref());
                spans.push(start..text.len());
            }
            text.push('\n');
            if spans.len() > first {
                ranges.push(first..spans.len());
            }
        }
        let whole = 0..text.len();
        self.annotate(Arc::from(text), (0, whole), spans, ranges)
    }

    fn annotate(
        &self,
        text: Arc<str>,
        (first_sentence, window): (usize, Range<usize>),
        spans: Vec<Range<usize>>,
        sentences: Vec<Range<usize>>,
    ) -> Doc {
        let n = spans.len();
        let mut doc = Doc::with_capacity(
            text,
            first_sentence,
            window,
            self.names.clone(),
            n,
            sentences.len(),
        );
        doc.ner = self.entities.clone();
        let mut work = Work::default();
        for range in sentences {
            let forms = spans[range.clone()].iter().map(|s| &doc.text[s.clone()]);
            tagger::atoms_into(forms, &mut work.atoms, &mut work.scratch);
            self.tagger.fill_ambiguity(&mut work.atoms);
            self.tagger.tag(
                &work.atoms,
                &mut work.tags,
                &mut work.alts,
                &mut work.keys,
                &mut work.scores,
            );
            self.initial_noun(&mut work);
            let (atoms, scores) = (&work.atoms, &work.scores);
            self.repair
                .finite_verb(atoms, &mut work.tags, &mut work.alts, |i| {
                    self.tagger.word_scores(atoms, scores, i)
                });
            let words = &spans[range.clone()];
            let form = |i: usize| &doc.text[words[i].clone()];
            self.repair
                .modal_verb((atoms, form), &mut work.tags, &mut work.alts, |i| {
                    self.tagger.word_scores(atoms, scores, i)
                });
            self.clause_repair
                .adverb_after_modal(atoms, &mut work.tags, &mut work.alts, |i| {
                    self.tagger.word_scores(atoms, scores, i)
                });
            self.clause_repair
                .verb_inside_object(atoms, &mut work.tags, &mut work.alts, |i| {
                    self.tagger.word_scores(atoms, scores, i)
                });
            self.clause_repair
                .participle_with_object(atoms, &mut work.tags, &mut work.alts, |i| {
                    self.tagger.word_scores(atoms, scores, i)
                });
            self.clause_repair
                .verbless_that_clause(atoms, &mut work.tags, &mut work.alts, |i| {
                    self.tagger.word_scores(atoms, scores, i)
                });
            self.repair
                .unseen_verb(atoms, &mut work.tags, &mut work.alts, form, |w| {
                    self.lemmatizer.is_verb_lemma(w)
                });
            self.repair
                .inner_hyphens(atoms, &mut work.tags, &mut work.alts, |i| {
                    words[i].end == words[i + 1].start
                });
            let input = Input {
                atoms: &work.atoms,
                tags: &work.tags,
                alts: &work.alts,
                upos_of_class: &self.upos_of_class,
            };
            self.parser.parse(
                &input,
                &mut work.out,
                &mut work.keys,
                &mut work.scores,
                self.beam,
            );
            self.subject_repair
                .clause_after_preposition(&work.tags, form, &mut work.out);
            self.subject_repair
                .subject_after_time_phrase(&work.tags, &mut work.out);
            self.subject_repair
                .time_word_in_subject(&work.tags, form, &mut work.out);
            self.subject_repair
                .subject_in_time_word(&work.tags, form, &mut work.out);
            self.tree_repair
                .object_before_complement(&work.tags, &mut work.out);
            let base = range.start as u32;
            for (k, span) in spans[range.clone()].iter().enumerate() {
                let tag = work.tags[k];
                let lemma = self.lemmatizer.lemma(
                    &doc.text[span.clone()],
                    &self.names.xpos[tag as usize],
                    &mut work.scratch,
                );
                let head = work.out.heads[k];
                let head = if head == u32::MAX {
                    u32::MAX
                } else {
                    base + head
                };
                doc.push_token(span.clone(), tag, &lemma, head, work.out.labels[k]);
            }
            doc.push_sentence(range);
        }
        doc
    }
}

/// How much text one window of [`Analyzer::windows`] reads before it ends at a sentence
/// boundary: about 200,000 tokens, some 10 MB of analysis.
pub const WINDOW_BYTES: usize = 1 << 20;

/// The analysis of a long text, one window of whole sentences at a time. Each window's tokens
/// have spans into the whole text and its sentences carry their index in the whole text, so
/// that a coder reading the windows in order sees what it would see in one `Doc`, while only
/// one window is held. A window reads up to [`WINDOW_BYTES`] and gives back its last sentence,
/// which may be cut, to the next window; only the last window ends at the text's end.
pub struct Windows<'a> {
    analyzer: &'a Analyzer,
    window_bytes: usize,
    text: Arc<str>,
    at: usize,
    next_sentence: usize,
    /// Whether a window was given: an empty text still gives one (empty) `Doc`.
    started: bool,
}

impl Iterator for Windows<'_> {
    type Item = Doc;

    fn next(&mut self) -> Option<Doc> {
        let text = &*self.text;
        if self.at >= text.len() && self.started {
            return None;
        }
        self.started = true;
        let mut end = (self.at + self.window_bytes).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let part = &text[self.at..end];
        let mut spans = self.analyzer.rules.tokenize(part);
        let mut sentences = self.analyzer.rules.split_sentences(part, &spans);
        if end < text.len() && sentences.len() > 1 {
            // The last sentence may run on past the window: the next window reads it whole.
            let cut = sentences.pop().expect("two sentences").start;
            end = self.at + spans[cut].start;
            spans.truncate(cut);
        }
        for span in &mut spans {
            *span = span.start + self.at..span.end + self.at;
        }
        let first = self.next_sentence;
        let window = self.at..end;
        self.next_sentence += sentences.len();
        self.at = end;
        Some(
            self.analyzer
                .annotate(self.text.clone(), (first, window), spans, sentences),
        )
    }
}
