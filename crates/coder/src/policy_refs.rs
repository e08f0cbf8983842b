//! Policies referred back to: "The EU's new rules on compensation came into force ... Airlines
//! have attacked the rules". A policy word (words.tsv `policy`) the text gives an owner ("the
//! EU rules", "the government's plans", "plans by the mayor") is remembered with that owner,
//! by its lemma; a later definite mention of the same word with no owner of its own ("the
//! rules", "this measure"), within a few sentences, is that owner's (another word may name
//! another policy: "the plans would contravene EU asylum policy"), and the owner is whom
//! approval, disapproval or protest of it is aimed at (before the home government of an
//! unowned policy, `targets::policy_maker`).

use crate::discourse::Discourse;
use crate::sentence::SentenceCx;
use crate::tree::has_case;
use crate::words::{WordClass, is};
use attache_event::Actor;
use attache_nlp::{Deprel, Token, Upos};

/// Determiners that make a noun refer to something already named.
const DEFINITE: [&str; 5] = ["the", "this", "these", "that", "those"];

/// Notes whose the sentence's policy words are, in text order: one with an owner the
/// dictionaries know (read by them alone: a second reading must not move the document's memory
/// of people) is remembered; a definite one with no owner of its own refers back and leaves the
/// memory as it was; any other ("its plans", "plans", an owner no one knows) is a policy of no
/// known owner, and the memory is cleared.
pub(crate) fn note_policies(sx: &SentenceCx<'_, '_>, discourse: &mut Discourse) {
    let mut scratch = Discourse::default();
    for t in sx.tokens.iter().filter(|t| is_policy_word(**t)) {
        let owners = owners_of(sx, *t, &mut scratch);
        if !owners.is_empty() {
            discourse.note_policy(&t.lemma().to_ascii_lowercase(), Some(owners));
        } else if !(is_definite(*t) && unowned(*t)) {
            discourse.note_policy(&t.lemma().to_ascii_lowercase(), None);
        }
    }
}

/// The owners a definite policy word with no owner of its own refers back to; empty when it
/// is no such word or the document named no owned policy just before.
pub(crate) fn referred_owners(head: Token<'_>, discourse: &Discourse) -> Vec<Actor> {
    if !is_definite(head) || !is_policy_word(head) {
        return Vec::new();
    }
    discourse
        .policy_referent(&head.lemma().to_ascii_lowercase())
        .map(<[Actor]>::to_vec)
        .unwrap_or_default()
}

/// Whether a determiner makes the noun refer to something already named ("the", "this").
fn is_definite(head: Token<'_>) -> bool {
    head.children().any(|c| {
        c.rel() == Deprel::Det && DEFINITE.contains(&c.text().to_ascii_lowercase().as_str())
    })
}

/// Whether a noun has no dependent that could name an owner: a possessor, a capitalised
/// modifier, an "of", "by" or "from" phrase.
fn unowned(head: Token<'_>) -> bool {
    head.children().all(|c| match c.rel() {
        Deprel::NmodPoss => false,
        Deprel::Amod | Deprel::Compound => !c.text().starts_with(char::is_uppercase),
        rel => !(rel.is_nmod() && has_case(c, &["by", "of", "from"])),
    })
}

/// A lower-case noun of the `policy` class.
fn is_policy_word(t: Token<'_>) -> bool {
    t.upos() == Upos::Noun
        && !t.text().starts_with(char::is_uppercase)
        && is(WordClass::Policy, &t.text().to_ascii_lowercase())
}

/// Whom a policy word's own dependents name as its owner: a possessor that is no pronoun
/// ("the government's plans"), a capitalised modifier ("EU rules", "the Labour plan"), a "by"
/// phrase ("plans by the mayor").
fn owners_of(sx: &SentenceCx<'_, '_>, head: Token<'_>, scratch: &mut Discourse) -> Vec<Actor> {
    head.children()
        .filter(|c| match c.rel() {
            Deprel::NmodPoss => c.upos() != Upos::Pron,
            Deprel::Amod | Deprel::Compound => c.text().starts_with(char::is_uppercase),
            rel => rel.is_nmod() && has_case(*c, &["by"]),
        })
        .flat_map(|c| sx.reader.actors(c, scratch))
        .filter(|a| a.country.is_some())
        .collect()
}
