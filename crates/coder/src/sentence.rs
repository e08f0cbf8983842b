//! What every pass of one sentence reads, built once per sentence.

use crate::actors::ActorReader;
use crate::context::DocContext;
use crate::measure::sentence_words;
use crate::noun_phrase::SentenceLex;
use crate::timing::Timed;
use attache_event::{Attribution, SentenceRef};
use attache_lexicon::EntryKind;
use attache_nlp::{Sentence, Token};

/// What every pass of one sentence reads: the document's context, the sentence with its words,
/// tokens, dictionary matches, time expressions and attribution.
pub(crate) struct SentenceCx<'a, 'l> {
    pub cx: &'a DocContext<'a>,
    pub s: Sentence<'a>,
    pub lex: &'a SentenceLex<'l>,
    pub words: Vec<&'a str>,
    pub tokens: Vec<Token<'a>>,
    pub reader: ActorReader<'a, 'l>,
    pub times: Vec<Timed>,
    pub attribution: Option<Attribution>,
    pub sentence_ref: SentenceRef,
    /// The sentence's named mentions, found by the recogniser when first asked for
    /// (`names.rs`): most sentences never need them.
    pub entities: std::cell::OnceCell<Vec<attache_nlp::Entity<'a>>>,
}

impl<'a, 'l> SentenceCx<'a, 'l> {
    pub(crate) fn new(cx: &'a DocContext<'a>, s: Sentence<'a>, lex: &'a SentenceLex<'l>) -> Self {
        let words = sentence_words(&s);
        let mut times = cx.times(&s, &words);
        // A date on a heading, caption or byline line dates nothing in the story.
        if !cx.layout.is_empty() {
            times.retain(|t| !cx.layout.covers(cx.doc.token(t.first).span().start));
        }
        SentenceCx {
            cx,
            s,
            lex,
            tokens: s.tokens().collect(),
            reader: ActorReader {
                doc: cx.doc,
                lex,
                date: cx.published.map(|d| d.to_string()),
                home: cx.home_country().map(|(c, _)| c),
            },
            times,
            attribution: cx.attribution(&s, lex),
            sentence_ref: SentenceRef {
                index: s.index(),
                span: [s.span().start, s.span().end],
                text: s.text().into(),
            },
            words,
            entities: std::cell::OnceCell::new(),
        }
    }

    /// The named mentions of the sentence (see `entities`).
    pub(crate) fn entities(&self) -> &[attache_nlp::Entity<'a>] {
        self.entities.get_or_init(|| {
            self.cx
                .doc
                .sentence_entities(self.s.index() - self.cx.doc.first_sentence())
        })
    }

    /// Whether the dictionaries read `t` as a role ("spokesman", "foreign minister").
    pub(crate) fn is_role(&self, t: Token<'_>) -> bool {
        let sp = t.span();
        self.lex
            .covering(sp.start, sp.end)
            .is_some_and(|m| m.entry.kind == EntryKind::Role)
    }
}
