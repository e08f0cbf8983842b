//! The analysed document: the text plus flat per-token arrays, with cheap views.

use crate::{Deprel, Names, Upos};
use std::ops::Range;
use std::sync::Arc;

/// An analysed text. Tokens and sentences are views into flat arrays.
pub struct Doc {
    /// The whole text, shared by the windows of a long one (see [`crate::Windows`]); the
    /// tokens of this `Doc` cover a part of it, with spans into the whole.
    pub(crate) text: Arc<str>,
    /// The index, in the whole text, of this `Doc`'s first sentence.
    first_sentence: usize,
    /// The bytes of the whole text this `Doc` analysed.
    window: Range<usize>,
    names: Arc<Names>,
    pub(crate) spans: Vec<(u32, u32)>,
    pub(crate) tags: Vec<u16>,
    lemma_text: String,
    lemma_spans: Vec<(u32, u32)>,
    pub(crate) heads: Vec<u32>,
    pub(crate) labels: Vec<u16>,
    sentence_of: Vec<u32>,
    pub(crate) sentences: Vec<(u32, u32)>,
    /// Children of each token, built on first use: offsets (one per token, plus one) into a
    /// list of child indices in text order. Keeps `children()` O(children) rather than
    /// O(sentence length), which matters on run-on sentences of thousands of tokens.
    children: std::sync::OnceLock<(Vec<u32>, Vec<u32>)>,
    /// The analyser's recogniser, if it has one, and the mentions it finds, in text order,
    /// computed on first use (or why the recogniser could not be read).
    pub(crate) ner: Option<Arc<crate::ner::EntityModel>>,
    entities: std::sync::OnceLock<Result<Vec<crate::ner::Mention>, crate::ner::EntityError>>,
}

const ROOT_HEAD: u32 = u32::MAX;

impl Doc {
    pub(crate) fn with_capacity(
        text: Arc<str>,
        first_sentence: usize,
        window: Range<usize>,
        names: Arc<Names>,
        tokens: usize,
        sentences: usize,
    ) -> Doc {
        Doc {
            text,
            first_sentence,
            window,
            names,
            spans: Vec::with_capacity(tokens),
            tags: Vec::with_capacity(tokens),
            lemma_text: String::with_capacity(tokens * 6),
            lemma_spans: Vec::with_capacity(tokens),
            heads: Vec::with_capacity(tokens),
            labels: Vec::with_capacity(tokens),
            sentence_of: Vec::with_capacity(tokens),
            sentences: Vec::with_capacity(sentences),
            children: std::sync::OnceLock::new(),
            ner: None,
            entities: std::sync::OnceLock::new(),
        }
    }

    /// The children index (see the field); tokens are only pushed before a `Doc` is handed out.
    fn child_index(&self) -> &(Vec<u32>, Vec<u32>) {
        self.children.get_or_init(|| {
            let n = self.heads.len();
            let mut offsets = vec![0u32; n + 1];
            for &h in &self.heads {
                if h != ROOT_HEAD {
                    offsets[h as usize + 1] += 1;
                }
            }
            for i in 0..n {
                offsets[i + 1] += offsets[i];
            }
            let mut fill = offsets.clone();
            let mut kids = vec![0u32; offsets[n] as usize];
            for (j, &h) in self.heads.iter().enumerate() {
                if h != ROOT_HEAD {
                    kids[fill[h as usize] as usize] = j as u32;
                    fill[h as usize] += 1;
                }
            }
            (offsets, kids)
        })
    }

    pub(crate) fn push_token(
        &mut self,
        span: Range<usize>,
        tag: u16,
        lemma: &str,
        head: u32,
        label: u16,
    ) {
        self.spans.push((span.start as u32, span.end as u32));
        self.tags.push(tag);
        let start = self.lemma_text.len() as u32;
        self.lemma_text.push_str(lemma);
        self.lemma_spans.push((start, self.lemma_text.len() as u32));
        self.heads.push(head);
        self.labels.push(label);
        self.sentence_of.push(self.sentences.len() as u32);
    }

    pub(crate) fn push_sentence(&mut self, tokens: Range<usize>) {
        self.sentences
            .push((tokens.start as u32, tokens.end as u32));
    }

    /// A document from a CoNLL-U parse (see [`crate::conllu::to_doc`]); `origin` names the
    /// source in error messages.
    pub fn from_conllu(data: &str, origin: &str) -> Result<Doc, crate::conllu::ConlluError> {
        Ok(crate::conllu::to_doc(&crate::conllu::parse(data, origin)?))
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The token at doc-level index `i` (panics when out of range, like slice indexing).
    pub fn token(&self, i: usize) -> Token<'_> {
        assert!(
            i < self.len(),
            "token index {i} out of range ({} tokens)",
            self.len()
        );
        Token { doc: self, i }
    }

    pub fn tokens(&self) -> impl Iterator<Item = Token<'_>> {
        (0..self.len()).map(move |i| Token { doc: self, i })
    }

    pub fn sentences(&self) -> impl Iterator<Item = Sentence<'_>> {
        (0..self.sentences.len()).map(move |i| Sentence { doc: self, i })
    }

    /// The sentence at index `i` (panics when out of range).
    pub fn sentence(&self, i: usize) -> Sentence<'_> {
        assert!(i < self.sentences.len(), "sentence index {i} out of range");
        Sentence { doc: self, i }
    }

    /// The index, in the whole text, of this `Doc`'s first sentence (0 unless it is a later
    /// window of a long text).
    pub fn first_sentence(&self) -> usize {
        self.first_sentence
    }

    /// The bytes of [`Doc::text`] this `Doc` analysed: all of it, or one window of a long
    /// text ([`crate::Analyzer::windows`]).
    pub fn window(&self) -> Range<usize> {
        self.window.clone()
    }

    pub fn sentence_count(&self) -> usize {
        self.sentences.len()
    }

    /// Named person, organization and place mentions in text order; a mention nested in
    /// another ("Copenhagen" in "the University of Copenhagen") comes right after the one
    /// holding it. Empty when the analyser was loaded without a recogniser (see
    /// `docs/nlp.md`) or when its file could not be read ([`Doc::try_entities`] says why).
    /// The recogniser is read on the first use of any document and runs over the whole
    /// document on its first call.
    pub fn entities(&self) -> impl ExactSizeIterator<Item = Entity<'_>> {
        let mentions = self.mentions().unwrap_or(&[]);
        mentions.iter().map(move |&m| Entity { doc: self, m })
    }

    /// The named mentions of sentence `i` (as [`Doc::sentence`]) alone: those of
    /// [`Doc::entities`] when the document's were already found, else the recogniser run over
    /// that sentence only, without what the document's earlier mentions say of its words (so
    /// a later sentence's kinds may differ from `entities()`'s); not kept. For callers that
    /// need the mentions of a few sentences: it costs a sentence, not the document. Empty
    /// without a recogniser or when its file could not be read.
    pub fn sentence_entities(&self, i: usize) -> Vec<Entity<'_>> {
        let mentions = match self.entities.get() {
            Some(Ok(all)) => all
                .iter()
                .filter(|m| self.sentence_of[m.start as usize] as usize == i)
                .copied()
                .collect(),
            _ => self
                .ner
                .as_ref()
                .and_then(|model| model.sentence_mentions(self, i).ok())
                .unwrap_or_default(),
        };
        mentions
            .into_iter()
            .map(|m| Entity { doc: self, m })
            .collect()
    }

    /// A mention of `kind` over the tokens `range` (doc-level indices within one sentence)
    /// that the caller names itself where the recogniser found none (the coder's names whose
    /// head word a data file lists as a kind of body).
    pub fn mention(&self, range: Range<usize>, kind: crate::EntityKind) -> Entity<'_> {
        let m = crate::ner::Mention {
            kind,
            start: range.start as u32,
            end: range.end as u32,
        };
        Entity { doc: self, m }
    }

    /// [`Doc::entities`], or the error reading the recogniser's file on its first use.
    pub fn try_entities(
        &self,
    ) -> Result<impl ExactSizeIterator<Item = Entity<'_>>, crate::ner::EntityError> {
        let mentions = self.mentions()?;
        Ok(mentions.iter().map(move |&m| Entity { doc: self, m }))
    }

    fn mentions(&self) -> Result<&[crate::ner::Mention], crate::ner::EntityError> {
        self.entities
            .get_or_init(|| {
                self.ner
                    .as_ref()
                    .map_or_else(|| Ok(Vec::new()), |model| model.mentions(self))
            })
            .as_deref()
            .map_err(Clone::clone)
    }
}

/// A named-entity mention: a view of a token range in a [`Doc`] with its kind.
#[derive(Clone, Copy)]
pub struct Entity<'a> {
    doc: &'a Doc,
    m: crate::ner::Mention,
}

impl<'a> Entity<'a> {
    pub fn kind(&self) -> crate::EntityKind {
        self.m.kind
    }

    /// Doc-level token indices (within one sentence).
    pub fn token_range(&self) -> Range<usize> {
        self.m.start as usize..self.m.end as usize
    }

    pub fn tokens(&self) -> impl Iterator<Item = Token<'a>> + use<'a> {
        let doc = self.doc;
        self.token_range().map(move |i| Token { doc, i })
    }

    /// Bytes from the first token's start to the last token's end.
    pub fn span(&self) -> Range<usize> {
        let r = self.token_range();
        self.doc.spans[r.start].0 as usize..self.doc.spans[r.end - 1].1 as usize
    }

    pub fn text(&self) -> &'a str {
        &self.doc.text[self.span()]
    }

    /// The mention's head: its first token whose syntactic head lies outside it.
    pub fn head(&self) -> Token<'a> {
        let r = self.token_range();
        let i = r
            .clone()
            .find(|&i| {
                let h = self.doc.heads[i];
                h == ROOT_HEAD || !r.contains(&(h as usize))
            })
            .unwrap_or(r.start);
        Token { doc: self.doc, i }
    }

    /// Index of the sentence holding the mention, within this `Doc` (as [`Doc::sentence`]).
    pub fn sentence(&self) -> usize {
        self.doc.sentence_of[self.m.start as usize] as usize
    }
}

impl std::fmt::Debug for Entity<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}({:?})", self.kind(), self.text())
    }
}

/// A token: a view of one position in a [`Doc`].
#[derive(Clone, Copy)]
pub struct Token<'a> {
    doc: &'a Doc,
    i: usize,
}

impl<'a> Token<'a> {
    /// Doc-level index.
    pub fn i(&self) -> usize {
        self.i
    }

    /// The exact slice of the original text.
    pub fn text(&self) -> &'a str {
        &self.doc.text[self.span()]
    }

    /// Byte offsets into [`Doc::text`].
    pub fn span(&self) -> Range<usize> {
        let (s, e) = self.doc.spans[self.i];
        s as usize..e as usize
    }

    pub fn upos(&self) -> Upos {
        self.doc.names.upos[self.doc.tags[self.i] as usize]
    }

    pub fn xpos(&self) -> &'a str {
        &self.doc.names.xpos[self.doc.tags[self.i] as usize]
    }

    pub fn lemma(&self) -> &'a str {
        let (s, e) = self.doc.lemma_spans[self.i];
        &self.doc.lemma_text[s as usize..e as usize]
    }

    /// The syntactic head; `None` for the sentence root.
    pub fn head(&self) -> Option<Token<'a>> {
        let h = self.doc.heads[self.i];
        (h != ROOT_HEAD).then_some(Token {
            doc: self.doc,
            i: h as usize,
        })
    }

    /// Full UD relation including any subtype ("nsubj:pass", "obl:tmod"), as the model names it.
    pub fn deprel(&self) -> &'a str {
        &self.doc.names.deprels[self.doc.labels[self.i] as usize]
    }

    /// The relation to the head as a type: compare with [`Deprel`] values, not strings.
    pub fn rel(&self) -> Deprel {
        self.doc.names.rels[self.doc.labels[self.i] as usize]
    }

    /// Dependents in text order.
    pub fn children(&self) -> impl Iterator<Item = Token<'a>> + use<'a> {
        let doc = self.doc;
        let (offsets, kids) = doc.child_index();
        kids[offsets[self.i] as usize..offsets[self.i + 1] as usize]
            .iter()
            .map(move |&j| Token { doc, i: j as usize })
    }

    /// Index of the sentence holding this token.
    pub fn sentence(&self) -> usize {
        self.doc.sentence_of[self.i] as usize
    }
}

impl std::fmt::Debug for Token<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}/{}", self.text(), self.xpos(), self.deprel())
    }
}

/// A sentence: a view of a token range in a [`Doc`].
#[derive(Clone, Copy)]
pub struct Sentence<'a> {
    doc: &'a Doc,
    i: usize,
}

impl<'a> Sentence<'a> {
    /// The sentence's index in the whole text (its place in [`Doc::sentences`] plus
    /// [`Doc::first_sentence`]).
    pub fn index(&self) -> usize {
        self.doc.first_sentence + self.i
    }

    /// Bytes from the first token's start to the last token's end.
    pub fn span(&self) -> Range<usize> {
        let r = self.token_range();
        self.doc.spans[r.start].0 as usize..self.doc.spans[r.end - 1].1 as usize
    }

    pub fn text(&self) -> &'a str {
        &self.doc.text[self.span()]
    }

    pub fn tokens(&self) -> impl Iterator<Item = Token<'a>> + use<'a> {
        let doc = self.doc;
        self.token_range().map(move |i| Token { doc, i })
    }

    /// Doc-level token indices.
    pub fn token_range(&self) -> Range<usize> {
        let (s, e) = self.doc.sentences[self.i];
        s as usize..e as usize
    }

    pub fn root(&self) -> Option<Token<'a>> {
        self.tokens().find(|t| t.head().is_none())
    }
}
