//! Coding a mention whose trigger is given: the trigger at a known byte span (a gold mention of
//! an evaluation corpus) is read by the same frame, actor, figure, date and place readers that
//! `extract` uses, whether or not the trigger dictionary knows the word.
//!
//! The trigger dictionary gives the category where it knows the word; otherwise the mention is
//! coded with a generic reading ([`MentionCode::category`] is `None`), which only evaluations
//! use: `extract` never reports an event the dictionary does not know.

use crate::Extractor;
use crate::context::DocContext;
use crate::dates::Direction;
use crate::discourse::Discourse;
use crate::frames::{Frame, FrameOrigin, frame_span, look_through, read_frame};
use crate::measure::{measure, sentence_words};
use crate::noun_phrase::SentenceLex;
use crate::timing::{Timed, assign_times, pick_date};
use crate::tree::subtree;
use crate::triggers::TriggerRule;
use attache_event::{ByteSpan, Event, EventCategory, Mention, Modality, SentenceRef, Trigger};
use attache_lexicon::EntryKind;
use attache_nlp::{Deprel, Token, Upos};
use attache_text::Document;

/// The mode given to mentions the dictionary does not know, under a placeholder category.
pub const GENERIC_MODE: &str = "generic";

/// One coded mention.
#[derive(Debug, Clone)]
pub struct MentionCode {
    /// The category from the trigger dictionary, or `None` for a word it does not know (then
    /// `event.event` is a placeholder and `event.mode` is [`GENERIC_MODE`]).
    pub category: Option<EventCategory>,
    /// The trigger's lemma, as the dictionary looks it up.
    pub lemma: String,
    pub event: Event,
}

impl Extractor {
    /// Codes one mention per trigger span (in any order); `None` where no token lies in the
    /// span. The document is analysed once.
    pub fn code_mentions(
        &self,
        document: &Document,
        triggers: &[ByteSpan],
    ) -> Vec<Option<MentionCode>> {
        let doc = self.analyzer.analyze(&document.text);
        let published = document.publication.published;
        let layout = crate::layout::Layout::of(doc.text());
        let matches = crate::surnames::find(&self.lexicon, doc.text());
        let cx = DocContext {
            doc_id: &document.id,
            doc: &doc,
            lexicon: &self.lexicon,
            triggers: &self.triggers,
            published,
            peg: crate::timing::find_peg(&doc, published, &layout),
            dateline_country: None,
            document_country: crate::document_facts::dominant_country(&matches),
            places: crate::place::PlaceContext::from_matches(&matches),
            layout: &layout,
            political: crate::names::political_document(&matches),
            genre: crate::context::Genre::of(doc.text(), crate::names::political_count(&matches)),
        };
        let mut out: Vec<Option<MentionCode>> = vec![None; triggers.len()];
        let mut discourse = Discourse::default();
        for s in doc.sentences() {
            let span = s.span();
            let wanted: Vec<(usize, Token<'_>)> = triggers
                .iter()
                .enumerate()
                .filter(|(_, t)| t[0] >= span.start && t[0] < span.end)
                .filter_map(|(k, t)| head_in(s.tokens(), *t).map(|tok| (k, tok)))
                .collect();
            if wanted.is_empty() {
                continue;
            }
            let lex = SentenceLex {
                matches: matches
                    .iter()
                    .filter(|m| m.start >= span.start && m.end <= span.end)
                    .cloned()
                    .collect(),
            };
            let generic: Vec<TriggerRule> =
                wanted.iter().map(|(_, tok)| generic_rule(*tok)).collect();
            let frames: Vec<Frame<'_>> = wanted
                .iter()
                .zip(&generic)
                .map(|((_, tok), fallback)| {
                    let rule = self.triggers.rule_for(&doc, *tok).unwrap_or(fallback);
                    read_frame(&doc, rule, *tok).unwrap_or_else(|| bare_frame(rule, *tok))
                })
                .collect();
            let words = sentence_words(&s);
            let times = cx.times(&s, &words);
            let doers: Vec<(usize, bool)> = (0..frames.len()).map(|k| (k, true)).collect();
            let dated = assign_times(&doc, &frames, &doers, &times, &[]);
            let sentence = SentenceRef {
                index: s.index(),
                span: [span.start, span.end],
                text: s.text().into(),
            };
            for (k, frame) in frames.iter().enumerate() {
                let mine: Vec<&Timed> = dated[k].iter().map(|&ti| &times[ti]).collect();
                let event = code_frame(
                    &cx,
                    &s,
                    &lex,
                    &words,
                    frame,
                    &mine,
                    &sentence,
                    &mut discourse,
                );
                let known = !std::ptr::eq(frame.rule, &generic[k]);
                out[wanted[k].0] = Some(MentionCode {
                    category: known.then_some(frame.category),
                    lemma: generic[k].lemma.clone(),
                    event,
                });
            }
        }
        out
    }
}

/// The token of `span` whose head lies outside it (the head of a multi-word trigger).
fn head_in<'d>(tokens: impl Iterator<Item = Token<'d>>, span: ByteSpan) -> Option<Token<'d>> {
    let inside: Vec<Token<'d>> = tokens
        .filter(|t| t.span().start < span[1] && span[0] < t.span().end)
        .collect();
    let within = |t: Token<'d>| inside.iter().any(|x| x.i() == t.i());
    inside
        .iter()
        .copied()
        .find(|t| t.head().is_none_or(|h| !within(h)))
        .or(inside.first().copied())
}

fn generic_rule(tok: Token<'_>) -> TriggerRule {
    TriggerRule {
        lemma: crate::tree::lemma(tok).into_owned(),
        upos: if tok.upos() == Upos::Noun {
            Upos::Noun
        } else {
            Upos::Verb
        },
        // A placeholder: `MentionCode::category` is None for these.
        category: EventCategory::Consult,
        mode: Some(GENERIC_MODE.to_string()),
        context: Vec::new(),
        cameo: None,
        constraint: None,
        silent: false,
        line: 0,
    }
}

/// A frame for a trigger used in a way `read_frame` declines ("the attack site"): its subject
/// and object, if any.
fn bare_frame<'d>(rule: &'d TriggerRule, tok: Token<'d>) -> Frame<'d> {
    Frame {
        rule,
        trigger: tok,
        anchor: tok,
        agents: tok
            .children()
            .filter(|c| c.rel() == Deprel::Nsubj)
            .collect(),
        patients: tok.children().filter(|c| c.rel() == Deprel::Obj).collect(),
        owners: Vec::new(),
        collective: None,
        category: rule.category,
        modality: Modality::Asserted,
        recoded: false,
        governor: None,
        origin: FrameOrigin::Trigger,
    }
}

#[allow(clippy::too_many_arguments)]
fn code_frame(
    cx: &DocContext<'_>,
    s: &attache_nlp::Sentence<'_>,
    lex: &SentenceLex<'_>,
    words: &[&str],
    frame: &Frame<'_>,
    mine: &[&Timed],
    sentence: &SentenceRef,
    discourse: &mut Discourse,
) -> Event {
    let doc = cx.doc;
    let reader = crate::actors::ActorReader {
        doc,
        lex,
        date: cx.published.map(|d| d.to_string()),
        home: cx.home_country().map(|(c, _)| c),
    };
    let actors: Vec<_> = frame
        .agents
        .iter()
        .flat_map(|a| reader.actors(*a, discourse))
        .collect();
    let recipients: Vec<_> = frame
        .patients
        .iter()
        .flat_map(|p| reader.actors(look_through(doc, *p).0, discourse))
        .collect();
    let is_role = |t: Token<'_>| {
        let sp = t.span();
        lex.covering(sp.start, sp.end)
            .is_some_and(|m| m.entry.kind == EntryKind::Role)
    };
    let mut measured = measure(doc, s, words, frame, &is_role);
    measured.casualties = crate::casualties::read(doc, s, words, frame, &measured);
    let dir = if frame.modality == Modality::Planned {
        Direction::Future
    } else {
        Direction::Past
    };
    let date = pick_date(cx, mine, dir, frame.modality);
    let location = cx.location(frame, lex, &[actors.clone(), recipients.clone()].concat());
    let trig = frame.trigger.span();
    // The clause: the frame's participants, and the trigger's own dependents.
    let mut span = frame_span(frame);
    for t in subtree(frame.trigger) {
        span[0] = span[0].min(t.span().start);
        span[1] = span[1].max(t.span().end);
    }
    Event {
        doc_id: cx.doc_id.to_string(),
        event: frame.category,
        mode: frame.rule.mode.clone(),
        context: frame.rule.context.clone(),
        cameo: frame.rule.cameo.clone(),
        actors,
        recipients,
        quantity: measured.quantity,
        other_quantities: measured.others,
        casualties: measured.casualties.casualties,
        date: date.map(|d| d.0),
        planned: None,
        location,
        attribution: None,
        modality: frame.modality,
        aggregate: false,
        trigger: Trigger {
            text: frame.trigger.text().to_string(),
            span: [trig.start, trig.end],
        },
        sentence: sentence.clone(),
        mentions: vec![Mention {
            sentence: s.index(),
            span,
            text: cx.span_text(span[0], span[1]),
        }],
        published: cx.published,
    }
}
