//! Checks of the parse against the words where a parser's mistake is common and cheap to
//! recognise: a subject stranded as a conjunct of the previous object, an object hung on
//! another verb, an "of" phrase the parse lost.

use crate::tree::{has_mark, heads_verbless_sentence, lemma};
use crate::words::{WordClass, is};
use attache_nlp::{Deprel, Doc, Token, Upos};

/// The head noun of an "of" phrase right after `t` in the text ("expulsion of 15 Russian
/// diplomats", "a total of 80 Russian diplomats"): the last noun of the run of determiners,
/// numbers, adjectives and nouns after "of".
pub fn of_phrase_after<'d>(doc: &'d Doc, t: Token<'d>) -> Option<Token<'d>> {
    let of = t.i() + 1;
    if of >= doc.len() || !doc.token(of).text().eq_ignore_ascii_case("of") {
        return None;
    }
    let mut head = None;
    for i in of + 1..doc.len() {
        let w = doc.token(i);
        if w.sentence() != t.sentence() {
            break;
        }
        match w.upos() {
            Upos::Noun | Upos::Propn => head = Some(w),
            Upos::Det | Upos::Num | Upos::Adj if head.is_none() => {}
            _ => break,
        }
    }
    head
}

/// A coordinated clause's subject that the parser took for a conjunct of the previous
/// clause's object ("... 80 Russian diplomats, and Germany, Poland and Slovakia have taken"):
/// proper nouns right before the verb (and its auxiliaries), hanging as `conj` on a common noun.
/// Coordination joins like with like, so such a list is the verb's own subject.
pub(crate) fn stranded_subject<'d>(doc: &'d Doc, verb: Token<'d>) -> Option<Token<'d>> {
    // A second clause the parse hung on the first as a conjunct or an adverbial clause.
    if !matches!(verb.rel(), Deprel::Conj | Deprel::Advcl | Deprel::Parataxis)
        || verb.children().any(|c| c.rel().is_nsubj())
    {
        return None;
    }
    let first = verb
        .children()
        .filter(|c| {
            matches!(c.rel(), Deprel::Aux | Deprel::AuxPass | Deprel::Advmod) && c.i() < verb.i()
        })
        .map(|c| c.i())
        .min()
        .unwrap_or(verb.i());
    let mut t = doc.token(first.checked_sub(1)?);
    if t.upos() != Upos::Propn || t.sentence() != verb.sentence() {
        return None;
    }
    while t.rel() == Deprel::Conj {
        let h = t.head()?;
        if h.upos() != Upos::Propn {
            return (h.upos() == Upos::Noun).then_some(t);
        }
        t = h;
    }
    None
}

/// A clause's subject that the parser took for the object of a preceding "after" ("The move
/// came after France vowed to cut its deficit" with "France" an oblique of "came" and "vowed"
/// a subjectless complement or conjunct): the oblique that ends right before the verb (and its
/// auxiliaries) and whose preposition is a subordinator of time (words.tsv `time_subordinator`).
pub(crate) fn subordinated_subject<'d>(doc: &'d Doc, verb: Token<'d>) -> Option<Token<'d>> {
    if !matches!(verb.rel(), Deprel::Ccomp | Deprel::Advcl | Deprel::Conj)
        || verb.children().any(|c| c.rel().is_subject())
    {
        return None;
    }
    let first = verb
        .children()
        .filter(|c| {
            matches!(c.rel(), Deprel::Aux | Deprel::AuxPass | Deprel::Advmod) && c.i() < verb.i()
        })
        .map(|c| c.i())
        .min()
        .unwrap_or(verb.i());
    let before = doc.token(first.checked_sub(1)?);
    let head = verb.head()?;
    head.children().find(|o| {
        o.rel().is_obl()
            && matches!(o.upos(), Upos::Propn | Upos::Noun)
            && o.i() < first
            && (o.i() == before.i() || crate::tree::dominates(*o, before))
            && o.children()
                .any(|c| c.rel() == Deprel::Case && is(WordClass::TimeSubordinator, &lemma(c)))
    })
}

/// The noun phrase right after an active verb that the parser hung elsewhere ("Rome has marked
/// 30 Russian diplomats as undesirable, ... said" with "diplomats" made the subject of "said").
/// Returns its head: the last noun of the run of determiners, numbers, adjectives and nouns.
pub(crate) fn adjacent_object<'d>(doc: &'d Doc, verb: Token<'d>) -> Option<Token<'d>> {
    let mut head = None;
    for i in verb.i() + 1..doc.len() {
        let t = doc.token(i);
        if t.sentence() != verb.sentence() {
            break;
        }
        match t.upos() {
            Upos::Noun | Upos::Propn => head = Some(t),
            Upos::Det | Upos::Num | Upos::Adj => {
                if head.is_some() {
                    break;
                }
            }
            Upos::Adv if head.is_none() && i == verb.i() + 1 => {}
            _ => break,
        }
    }
    head
}

/// The noun a verb hung on it as `acl` has for its subject: a finite verb read as a reduced
/// relative ("after EU finance ministers met in Luxembourg"; "the army prepared to resume
/// shelling" as a sentence without a verb), and a present participle ("demonstrators protesting
/// the election results", "troops firing on the crowd"), through a document to its author
/// ("issued a statement demanding"). A past participle's noun is what was
/// acted on ("diplomats expelled from the EU") and is read elsewhere.
pub(crate) fn modified_subject(verb: Token<'_>) -> Option<Token<'_>> {
    let finite = matches!(verb.xpos(), "VBD" | "VBZ" | "VBP") || heads_verbless_sentence(verb);
    let gerund = verb.xpos() == "VBG" && !has_mark(verb);
    // A document says what its author does, wherever it stands ("opened the debate with a
    // speech criticising ...").
    let document = gerund
        && verb
            .head()
            .is_some_and(|h| is(WordClass::Document, &lemma(h)));
    // (Not on a noun inside a prepositional phrase, where a participle is as often the
    // clause's, misattached: "blocked roads in the city of Algiers demanding ...".)
    let present = gerund
        && (document
            || verb
                .head()
                .is_some_and(|h| !h.children().any(|c| c.rel() == Deprel::Case)));
    let noun = (verb.rel() == Deprel::Acl
        && (finite || present)
        && !verb.children().any(|c| c.rel().is_nsubj()))
    .then(|| verb.head())
    .flatten()?;
    // "issued a declaration demanding ...", "unveiled a poster accusing ...": the author.
    if document && let Some(author) = document_author(noun) {
        return Some(author);
    }
    Some(noun)
}

/// The author of a document noun: its "by" phrase, else the subject of the verb it hangs on,
/// through the nouns between ("issued a declaration", "opened the debate with a speech").
fn document_author(noun: Token<'_>) -> Option<Token<'_>> {
    if let Some(by) = noun
        .children()
        .find(|c| c.rel().is_nmod() && crate::tree::has_case(*c, &["by"]))
    {
        return Some(by);
    }
    let mut cur = noun;
    for _ in 0..3 {
        // A document that is itself a subject ("a report criticising ... said") has no
        // other author in the clause.
        if cur.rel().is_nsubj() {
            return None;
        }
        let h = cur.head()?;
        if crate::tree::is_verbal(h) {
            return h.children().find(|c| c.rel() == Deprel::Nsubj);
        }
        cur = h;
    }
    None
}
