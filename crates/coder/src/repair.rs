//! Checks of the parse against the words where a parser's mistake is common and cheap to
//! recognise: a subject stranded as a conjunct of the previous object, an object hung on
//! another verb, an "of" phrase the parse lost.

use crate::tree::{
    ancestors, has_case, has_mark, has_mark_word, heads_verbless_sentence, lemma, subtree,
};
use crate::words::{WordClass, is, is_intent_verb};
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

/// The phrase right after a noun trigger that the parser hung on the trigger's own head ("the
/// aftermath of China's crackdown | on protesters" with "on protesters" on "aftermath"): a
/// preposition that follows the noun at once belongs to it.
pub(crate) fn stray_phrase_after(t: Token<'_>) -> Option<Token<'_>> {
    let head = t.head()?;
    head.children().find(|p| {
        p.i() > t.i()
            && p.rel().is_nmod()
            && p.children()
                .any(|c| c.rel() == Deprel::Case && c.i() == t.i() + 1)
    })
}

/// Where a verb's group begins: its first auxiliary or adverb before it ("have already
/// taken"), or the verb itself.
fn verb_group_start(verb: Token<'_>) -> usize {
    verb.children()
        .filter(|c| {
            matches!(c.rel(), Deprel::Aux | Deprel::AuxPass | Deprel::Advmod) && c.i() < verb.i()
        })
        .map(|c| c.i())
        .min()
        .unwrap_or(verb.i())
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
    let first = verb_group_start(verb);
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
    let first = verb_group_start(verb);
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

/// A past tense the tagger read as a past participle on the noun right before it: "Zambia
/// extradited a militant to Britain, an official said", "the army prepared to resume
/// shelling". A participle that modifies a noun is passive, so it takes no direct object and no
/// "to" clause of a verb of intent ("threatened to", "prepared to"); one that has either (or
/// whose coordinated verb has: "donated and delivered goods"), right after its noun, is that
/// noun's own finite verb. So is one right after a single name that opens the sentence, with
/// no comma and no "by" agent: such a name is rarely modified by a bare participle.
pub(crate) fn finite_read_as_participle(verb: Token<'_>) -> bool {
    if verb.xpos() != "VBN" || verb.rel() != Deprel::Acl {
        return false;
    }
    let Some(noun) = verb.head() else {
        return false;
    };
    if noun.i() + 1 != verb.i() || !matches!(noun.upos(), Upos::Noun | Upos::Propn) {
        return false;
    }
    let intent = || is_intent_verb(&lemma(verb));
    // A coordinated verb's complement counts: "donated and delivered goods".
    let conjuncts = verb
        .children()
        .filter(|c| c.rel() == Deprel::Conj && c.upos() == Upos::Verb);
    let complement = verb
        .children()
        .chain(conjuncts.flat_map(|c| c.children()))
        .any(|c| match c.rel() {
            Deprel::Obj => true,
            Deprel::Xcomp => has_mark_word(c, "to") && intent(),
            _ => false,
        });
    complement || (opening_name(noun) && !has_agent(verb))
}

/// A single name that opens its sentence, with no number before it ("Zambia", "South Africa",
/// not "The four Britons").
fn opening_name(noun: Token<'_>) -> bool {
    noun.upos() == Upos::Propn
        && noun.xpos() == "NNP"
        && !noun.children().any(|c| c.rel() == Deprel::Nummod)
        && opens_sentence(noun)
}

/// Whether a noun's phrase is the first thing in its sentence ("Zambia", "South Africa").
fn opens_sentence(noun: Token<'_>) -> bool {
    let Some(root) = ancestors(noun).last() else {
        return false;
    };
    let first = |t: Token<'_>| subtree(t).first().map(|x| x.i());
    first(noun).is_some_and(|i| Some(i) == first(root))
}

/// Whether a verb has a "by" agent.
fn has_agent(verb: Token<'_>) -> bool {
    verb.children()
        .any(|c| c.rel() == Deprel::OblAgent || (c.rel().is_obl() && has_case(c, &["by"])))
}

/// The noun a verb hung on it as `acl` has for its subject: a finite verb read as a reduced
/// relative ("after EU finance ministers met in Luxembourg"; "the army prepared to resume
/// shelling" as a sentence without a verb), and a present participle ("demonstrators protesting
/// the election results", "troops firing on the crowd"), through a document to its author
/// ("issued a statement demanding"). A past participle's noun is what was
/// acted on ("diplomats expelled from the EU") and is read elsewhere.
pub(crate) fn modified_subject(verb: Token<'_>) -> Option<Token<'_>> {
    if let Some(s) = subject_of_verbless_root(verb) {
        return Some(s);
    }
    let finite = matches!(verb.xpos(), "VBD" | "VBZ" | "VBP")
        || heads_verbless_sentence(verb)
        || finite_read_as_participle(verb);
    let gerund = verb.xpos() == "VBG" && !has_mark(verb);
    // A document says what its author does, wherever it stands ("opened the debate with a
    // speech criticising ...").
    let document = gerund
        && verb
            .head()
            .is_some_and(|h| is(WordClass::Document, &lemma(h)));
    // (Not on a noun inside a prepositional phrase, where a participle is as often the
    // clause's, misattached: "blocked roads in the city of Algiers demanding ...". A "with"
    // phrase set off by a comma on the clause is the absolute construction, whose noun does
    // what the participle says: "..., with the European People's Party attacking the EC";
    // not "broke a ceasefire with rebels bombing their positions".)
    let present = gerund
        && (document
            || verb.head().is_some_and(|h| {
                !h.children().any(|c| c.rel() == Deprel::Case) || absolute_with(h)
            }));
    // A relative clause has a subject of its own (a relative pronoun at least), so a tensed
    // one without any is the noun's own verb the parse hung on it ("The Chilean government
    // yesterday welcomed Peru's offer" read as "government | (that) yesterday welcomed").
    let relative = verb.rel() == Deprel::AclRelcl && finite;
    let noun = (((verb.rel() == Deprel::Acl && (finite || present)) || relative)
        && !verb.children().any(|c| c.rel().is_nsubj()))
    .then(|| verb.head())
    .flatten()?;
    // "issued a declaration demanding ...", "unveiled a poster accusing ...": the author.
    if document && let Some(author) = document_author(noun) {
        return Some(author);
    }
    Some(noun)
}

/// Whether `noun` opens an absolute "with" phrase: its only preposition is "with", right
/// after a comma (wherever the parse hung the phrase: "sparked an outcry, with Labour
/// backbenchers opposing the plan").
fn absolute_with(noun: Token<'_>) -> bool {
    let mut cases = noun.children().filter(|c| c.rel() == Deprel::Case);
    let (Some(with), None) = (cases.next(), cases.next()) else {
        return false;
    };
    with.text().eq_ignore_ascii_case("with")
        && noun
            .children()
            .any(|c| c.rel() == Deprel::Punct && c.text() == "," && c.i() + 1 == with.i())
}

/// A verb the parse hung as a modifier (`amod`) on its own object, made the root of a sentence
/// without a verb, with the subject on that root: "The German government today welcomed
/// President Reagan's statement" read as "government ... statement". The subject is the
/// root's, before the verb; a copular root is no sentence without a verb.
fn subject_of_verbless_root(verb: Token<'_>) -> Option<Token<'_>> {
    if verb.rel() != Deprel::Amod || verb.upos() != Upos::Verb || !heads_verbless_sentence(verb) {
        return None;
    }
    // (A copular root has a verb: "It is the most passionately supported club".)
    let root = verb.head()?;
    if root.children().any(|c| c.rel() == Deprel::Cop) {
        return None;
    }
    root.children()
        .find(|c| c.rel() == Deprel::Nsubj && c.i() < verb.i())
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

/// A finite verb the parser hung as a conjunct on a noun of the clause before it ("the TUC
/// welcomed the plan and called on ministers to go further" with "called" a `conj` of "plan";
/// "criticised Mr Brown's preoccupation with finding a vaccine and called on G8 nations" with
/// "called" a `conj` of "vaccine"): coordination joins like with like, so it is a second
/// finite verb of that clause, with its subject. Returns the nearest finite verb above the
/// noun. A participle on a noun may be its modifier ("the plan and proposals drawn up"), so
/// only a finite past or present tense counts.
pub(crate) fn object_conjunct_of(verb: Token<'_>) -> Option<Token<'_>> {
    let finite = |t: Token<'_>| matches!(t.xpos(), "VBD" | "VBZ" | "VBP");
    if verb.rel() != Deprel::Conj || !finite(verb) {
        return None;
    }
    let noun = verb
        .head()
        .filter(|h| matches!(h.upos(), Upos::Noun | Upos::Propn | Upos::Pron))?;
    let mut cur = noun.head();
    for _ in 0..4 {
        let t = cur?;
        if crate::tree::is_verbal(t) && finite(t) {
            return Some(t);
        }
        cur = t.head();
    }
    None
}
