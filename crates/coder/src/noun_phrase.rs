//! The shapes of noun phrases in a parse, and a sentence's dictionary matches: a phrase's
//! naming core, its conjuncts, the subject that governs a pronoun's clause, and whether a
//! role phrase is a generic agent of `data/coder/agents.tsv`. [`crate::actors`] reads actors
//! from these.

use crate::words::{WordClass, is};
use attache_lexicon::{EntryKind, LexMatch};
use attache_nlp::{Deprel, Token, Upos};
use std::collections::HashSet;
use std::sync::OnceLock;

const AGENTS_TSV: &str = include_str!("../../../data/coder/agents.tsv");

/// Whether a role phrase as written ("Police", "riot police") is a generic agent of
/// `data/coder/agents.tsv`.
pub fn is_generic_agent(phrase: &str) -> bool {
    static AGENTS: OnceLock<HashSet<String>> = OnceLock::new();
    AGENTS
        .get_or_init(|| {
            AGENTS_TSV
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_lowercase)
                .collect()
        })
        .contains(&phrase.to_lowercase())
}
/// Dictionary matches of one sentence, with offsets into the document text, sorted and
/// non-overlapping (leftmost-longest), so range queries are binary searches: coding stays
/// near-linear even on a pathological run-on sentence.
pub struct SentenceLex<'l> {
    pub matches: Vec<LexMatch<'l>>,
}

impl<'l> SentenceLex<'l> {
    /// Matches lying within `lo..hi`.
    pub fn within(&self, lo: usize, hi: usize) -> impl Iterator<Item = &LexMatch<'l>> {
        let first = self.matches.partition_point(|m| m.start < lo);
        self.matches[first..]
            .iter()
            .take_while(move |m| m.start < hi)
            .filter(move |m| m.end <= hi)
    }

    /// Matches that share a byte with `lo..hi`: those within, and one a phrase's edge cuts.
    pub fn overlapping(&self, lo: usize, hi: usize) -> impl Iterator<Item = &LexMatch<'l>> {
        let first = self.matches.partition_point(|m| m.end <= lo);
        self.matches[first..]
            .iter()
            .take_while(move |m| m.start < hi)
    }

    /// The match that covers `lo..hi`, if one does.
    pub fn covering(&self, lo: usize, hi: usize) -> Option<&LexMatch<'l>> {
        let i = self.matches.partition_point(|m| m.start <= lo);
        let m = self.matches.get(i.checked_sub(1)?)?;
        (m.start <= lo && hi <= m.end).then_some(m)
    }
}

/// Tokens of a phrase's naming core, in text order.
pub fn core_tokens<'a>(head: Token<'a>) -> Vec<Token<'a>> {
    let mut out = vec![head];
    let mut stack = vec![head];
    while let Some(t) = stack.pop() {
        for c in t.children() {
            let rel = c.rel();
            let naming = matches!(
                rel.base(),
                Deprel::Compound | Deprel::Flat | Deprel::Amod | Deprel::Nummod | Deprel::Det
            ) || rel == Deprel::NmodPoss
                || rel == Deprel::NmodDesc
                || (rel == Deprel::Case && c.text().contains('\''))
                || (rel == Deprel::Case && c.text() == "’s");
            // A possessor's own coordination ("Italy's and Spain's") stays inside; the head's
            // coordination is handled by the caller, one actor per conjunct.
            if naming {
                out.push(c);
                stack.push(c);
            }
        }
    }
    out.sort_by_key(|t| t.i());
    out
}

/// The conjuncts of a head: itself plus its `conj` dependents (recursively), in text order.
/// Coordination joins like with like, so a proper-noun conjunct of a common noun ("Russian
/// diplomats, and Germany") is a misattached clause subject, not a second participant; a
/// counterpart after a name is the one exception ("Mr Straw and his Spanish counterpart").
pub fn conjuncts<'a>(head: Token<'a>) -> Vec<Token<'a>> {
    let proper = |t: Token<'_>| t.upos() == Upos::Propn;
    // In a list ("Italy, Spain, Denmark and Estonia") parsers often hang an item as `appos`;
    // with coordination present, a like-for-like apposition is one more item.
    let is_list = head.children().any(|c| c.rel() == Deprel::Conj);
    let list_item = |c: Token<'_>| {
        matches!(
            c.rel(),
            Deprel::Appos | Deprel::NmodUnmarked | Deprel::Dep | Deprel::List
        ) && !c.children().any(|g| g.rel() == Deprel::Case)
    };
    let mut out = vec![head];
    let mut stack = vec![head];
    while let Some(t) = stack.pop() {
        for c in t.children().filter(|c| {
            (c.rel() == Deprel::Conj || (is_list && list_item(*c)))
                && (proper(*c) == proper(head) || is_counterpart(*c))
        }) {
            out.push(c);
            stack.push(c);
        }
    }
    out.sort_by_key(|t| t.i());
    out
}

/// "Mr Straw and his Spanish counterpart": a counterpart (words.tsv `counterpart_noun`) is a
/// side of its own beside the name it is coordinated with.
fn is_counterpart(t: Token<'_>) -> bool {
    crate::words::is(
        crate::words::WordClass::CounterpartNoun,
        &crate::tree::lemma(t),
    )
}

/// The subject of the clause that reports or governs the pronoun's clause: "Estonia" for "it"
/// in "Estonia said it would close", skipping subjects that are pronouns themselves ("The US
/// said it" is no "us": a name, not a pronoun).
pub(crate) fn governing_subject(pronoun: Token<'_>) -> Option<Token<'_>> {
    let mut verb = pronoun.head()?;
    for _ in 0..6 {
        if !matches!(
            verb.rel(),
            Deprel::Ccomp | Deprel::Conj | Deprel::Xcomp | Deprel::Advcl | Deprel::Parataxis
        ) {
            return None;
        }
        verb = verb.head()?;
        let subject = verb
            .children()
            .find(|c| c.rel() == Deprel::Nsubj && c.i() != pronoun.i());
        if let Some(s) = subject
            && !(s.upos() == Upos::Pron
                && is(WordClass::ActorPronoun, &s.text().to_ascii_lowercase()))
        {
            return Some(s);
        }
    }
    None
}

/// Whether a dictionary entry of this kind names a country or a body a country owns.
pub(crate) fn is_country_like(kind: EntryKind) -> bool {
    matches!(
        kind,
        EntryKind::Country
            | EntryKind::Organisation
            | EntryKind::Seat
            | EntryKind::Capital
            | EntryKind::Demonym
            | EntryKind::Media
            | EntryKind::Person
            | EntryKind::Party
    )
}
