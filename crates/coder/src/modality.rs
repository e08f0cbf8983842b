//! Whether an event is reported as done, planned, denied or only possible, read off the verbs
//! that carry and govern its trigger.

use crate::tree::{has_case, has_mark_word, is_verbal, lemma};
use crate::words::{WordClass, is, is_intent_verb};
use attache_event::Modality;
use attache_nlp::{Deprel, Token, Upos};

/// The governing verb of a clause reached through `xcomp` ("threatened to expel").
pub(crate) fn governor(anchor: Token<'_>) -> Option<Token<'_>> {
    let mut v = anchor;
    // Coordinated verbs share their governor: "said it would close ... and expel".
    while v.rel() == Deprel::Conj {
        v = v.head()?;
    }
    match v.rel() {
        Deprel::Xcomp | Deprel::Ccomp => v.head(),
        _ if is_complement(v) => v.head(),
        _ => None,
    }
}

/// An open complement (`xcomp`), or a "to" infinitive the parse hung as an adverbial clause on
/// a verb that takes one as its complement: "threatened on Monday to break relations", or on
/// a verb of demand after whom it asks ("challenged the minister to resign").
pub(crate) fn is_complement(v: Token<'_>) -> bool {
    v.rel() == Deprel::Xcomp
        || (v.rel() == Deprel::Advcl
            && has_mark_word(v, "to")
            && v.head().is_some_and(|h| {
                is_intent_verb(&lemma(h))
                    || (is(WordClass::Hypothetical, &lemma(h))
                        && h.children()
                            .any(|o| o.rel() == Deprel::Obj && o.i() < v.i()))
            }))
        || negated_gerund(v)
}

/// A gerund the parse hung as an adverbial clause straight after a verb of refusal or denial,
/// with nothing but its particle between: "ruled out negotiating with the separatists",
/// "denied attacking the village". Not a participle after a comma or an object ("rejected the
/// offer, calling it a stunt"), which is an act of its own.
fn negated_gerund(v: Token<'_>) -> bool {
    let Some(h) = v.head() else { return false };
    let between = |i: usize| {
        h.children()
            .any(|c| c.i() == i && c.rel() == Deprel::CompoundPrt)
    };
    v.rel() == Deprel::Advcl
        && v.xpos() == "VBG"
        && !v.children().any(|c| c.rel() == Deprel::Mark)
        && is(WordClass::Negating, &lemma(h))
        && v.i() > h.i()
        && (h.i() + 1..v.i()).all(between)
}

/// A verb of necessity that is not past: "will have to offer", "has to release", "needs to
/// withdraw" (what it governs is still to be done); "had to withdraw", "has had to cancel" tell
/// what was done.
/// Only with a "to" infinitive: a causative "have" ("to have the assets frozen") is none.
fn still_necessary(g: Token<'_>, complement: Token<'_>) -> bool {
    is(WordClass::Necessity, &lemma(g))
        && !matches!(g.xpos(), "VBD" | "VBN")
        && has_mark_word(complement, "to")
}

pub(crate) fn has_negation(t: Token<'_>) -> bool {
    t.children().any(|c| {
        let w = c.text().to_ascii_lowercase();
        (c.rel() == Deprel::Advmod && is(WordClass::Negation, &w))
            || (c.rel() == Deprel::Det && is(WordClass::NegativeDeterminer, &w))
    })
}

pub(crate) fn aux_words(t: Token<'_>) -> Vec<String> {
    t.children()
        .filter(|c| c.rel() == Deprel::Aux || c.rel() == Deprel::AuxPass)
        .map(|c| c.text().to_ascii_lowercase())
        .collect()
}

/// Negation, plans and hypotheses, read off the anchor and the verbs governing it.
pub(crate) fn modality_of<'d>(
    anchor: Token<'d>,
    trigger: Token<'d>,
) -> (Modality, Option<Token<'d>>) {
    let mut chain = vec![anchor];
    if trigger.i() != anchor.i() {
        chain.push(trigger);
    }
    let mut v = anchor;
    let mut shares = true;
    while v.rel() == Deprel::Conj {
        match v.head() {
            Some(h) => {
                shares = shares && !own_clause(v, h);
                if shares {
                    chain.push(h);
                }
                v = h;
            }
            None => break,
        }
    }
    if chain.iter().any(|t| has_negation(*t)) {
        return (Modality::Negated, None);
    }
    // (No governor is returned: what was prevented or denied is no refusal of the actor's own.)
    if chain.iter().any(|t| preventer(*t).is_some()) {
        return (Modality::Negated, None);
    }
    if let Some(m) = content_clause(v) {
        return (m, None);
    }
    let clause = v;
    let mut gov = governor(anchor);
    // "planned to resume shelling": a verb of phase passes on the verb governing it.
    while let Some(g) = gov
        && is_complement(v)
        && is_complement(g)
        && is(WordClass::Aspectual, &lemma(g))
    {
        v = g;
        gov = governor(g);
    }
    if let Some(g) = gov {
        let gl = lemma(g);
        if has_negation(g) && is_complement(v) {
            return (Modality::Negated, gov);
        }
        if is_complement(v) {
            // "is unlikely to attack", "is expected to strike": an assessment, not a report.
            if assessing_governor(g) {
                return (Modality::Hypothetical, gov);
            }
            if is(WordClass::Negating, &gl) {
                return (Modality::Negated, gov);
            }
            if is(WordClass::Planning, &gl) {
                return (planned_or_asked(g), gov);
            }
            if is(WordClass::Hypothetical, &gl) || still_necessary(g, v) {
                return (Modality::Hypothetical, gov);
            }
        }
        // "demanded that Hamas renounce ...", "urged that talks resume": what is demanded is
        // not done.
        if v.rel() == Deprel::Ccomp && is(WordClass::Hypothetical, &gl) {
            return (Modality::Hypothetical, gov);
        }
    }

    if assessed_noun(trigger) {
        return (Modality::Hypothetical, gov);
    }
    // A noun carried by a verb of discussion or demand is not done: "discuss tougher sanctions".
    if trigger.i() != anchor.i() && is(WordClass::Hypothetical, &lemma(anchor)) {
        return (Modality::Hypothetical, Some(anchor));
    }
    if supposed(&chain, clause) {
        return (Modality::Hypothetical, gov);
    }
    for t in &chain {
        let aux = aux_words(*t);
        if aux.iter().any(|a| is(WordClass::HypotheticalAux, a)) {
            return (Modality::Hypothetical, gov);
        }
        if t.children().any(is_condition_mark) {
            return (Modality::Hypothetical, gov);
        }
        if aux.iter().any(|a| is(WordClass::FutureAux, a)) {
            return (Modality::Planned, gov);
        }
    }
    // "arms that China could use to threaten Taiwan": the purpose of a possible act is only
    // possible.
    if let Some(h) = purpose_of(v)
        && aux_words(h)
            .iter()
            .any(|a| is(WordClass::HypotheticalAux, a))
    {
        return (Modality::Hypothetical, gov);
    }
    // "is going to expel", "is to expel".
    if let Some(g) = gov
        && lemma(g) == "go"
        && aux_words(g).iter().any(|a| a == "is" || a == "are")
    {
        return (Modality::Planned, gov);
    }
    (Modality::Asserted, gov)
}

/// A finite conjunct after a verb that takes an auxiliary starts a clause of its own: the
/// "can", "would" or "would not" of the first verb cannot govern a past or present tense
/// ("would not cut spending but agreed ...", "can hinder exports, an EU spokesman dismissed
/// the complaint"). A conjunct of the same form shares them ("would close and expel", "has not
/// been charged or tried"), and so does one after a finite verb ("never visited or phoned").
/// The conjunct must be joined by a conjunction or open with its own subject: a bare finite
/// verb the parse hung on the first ("could hand over frequencies freed up", "should make
/// clear ..., says Michael Howard") is a participle or an inverted report misread.
fn own_clause(conjunct: Token<'_>, head: Token<'_>) -> bool {
    let finite = |t: Token<'_>| matches!(t.xpos(), "VBD" | "VBZ" | "VBP");
    let joined = conjunct
        .children()
        .any(|c| c.rel() == Deprel::Cc || (c.rel() == Deprel::Nsubj && c.i() < conjunct.i()));
    finite(conjunct) && joined && !finite(head) && !aux_words(head).is_empty()
}

/// A planning verb with an object plans another's act: "expects the police to prosecute",
/// "wants Britain to act" ask it of them, and what is asked is not done (hypothetical); "plans
/// to expel" is the speaker's own plan (planned).
fn planned_or_asked(g: Token<'_>) -> Modality {
    if g.children()
        .any(|c| matches!(c.rel(), Deprel::Obj | Deprel::Iobj))
    {
        Modality::Hypothetical
    } else {
        Modality::Planned
    }
}

/// The verb a "to" infinitive of purpose or result hangs on: "could be used *to threaten*".
fn purpose_of(v: Token<'_>) -> Option<Token<'_>> {
    let purpose = matches!(v.rel(), Deprel::Advcl | Deprel::Xcomp) && has_mark_word(v, "to");
    purpose
        .then(|| v.head())
        .flatten()
        .filter(|h| is_verbal(*h))
}

/// The verb that kept an act from happening: "police prevented the demonstration", "the plot
/// was foiled", "prevented them from marching" (words.tsv `preventing`); a participle on the
/// prevented noun is looked through ("prevented the march planned for Sunday").
fn preventer(t: Token<'_>) -> Option<Token<'_>> {
    let t = match t.head() {
        Some(n) if t.rel() == Deprel::Acl && matches!(n.upos(), Upos::Noun | Upos::Propn) => n,
        _ => t,
    };
    let h = t.head()?;
    if !is_verbal(h) || !is(WordClass::Preventing, &lemma(h)) {
        return None;
    }
    let prevented = match t.rel() {
        Deprel::Obj | Deprel::NsubjPass => true,
        Deprel::Advcl | Deprel::Xcomp | Deprel::Obl => {
            has_mark_word(t, "from") || has_case(t, &["from"])
        }
        _ => false,
    };
    prevented.then_some(h)
}

/// The modality a content clause takes from the verb its noun is the object of: "denied
/// reports that troops shelled the town" (negated), "demanded an admission that its forces
/// killed ..." (hypothetical). The noun is of words.tsv `content_noun`; its clause is an
/// `acl` or, where the parse read "that" as a relative pronoun, an `acl:relcl`.
fn content_clause(v: Token<'_>) -> Option<Modality> {
    if !v.rel().is_acl() || !v.children().any(|c| c.text().eq_ignore_ascii_case("that")) {
        return None;
    }
    let noun = v.head()?;
    if !is(WordClass::ContentNoun, &lemma(noun)) {
        return None;
    }
    // The verb whose object the noun is; where the parse made the noun the root and the verb
    // a modifier of it ("The army rejected claims that ..." read without a verb), that one.
    let g = match noun.head() {
        Some(h) if matches!(noun.rel(), Deprel::Obj | Deprel::NsubjPass) => h,
        None => noun
            .children()
            .find(|c| c.rel() == Deprel::Amod && is_verbal(*c) && c.i() < noun.i())?,
        _ => return None,
    };
    let gl = lemma(g);
    if has_negation(g) || is(WordClass::Negating, &gl) {
        Some(Modality::Negated)
    } else if is(WordClass::Hypothetical, &gl) {
        Some(Modality::Hypothetical)
    } else {
        None
    }
}

/// A governor that assesses what it governs: "likely", "unlikely", "able" ("is unlikely to
/// attack"), or a verb of expectation or belief in the passive ("is expected to strike", "is
/// believed to be planning").
fn assessing_governor(g: Token<'_>) -> bool {
    let gl = lemma(g);
    if is(WordClass::Assessing, &gl) {
        return true;
    }
    let passive = g
        .children()
        .any(|c| matches!(c.rel(), Deprel::AuxPass | Deprel::NsubjPass));
    passive && is(WordClass::AssessingPassive, &gl)
}

/// A noun trigger that is only possible: "a possible attack", "an imminent invasion", "the
/// risk of sanctions", "fears of a strike".
fn assessed_noun(trigger: Token<'_>) -> bool {
    let modified = trigger
        .children()
        .any(|c| c.rel() == Deprel::Amod && is(WordClass::Assessing, &lemma(c)));
    let of_possibility = trigger.rel().is_nmod()
        && has_case(trigger, &["of"])
        && trigger
            .head()
            .is_some_and(|h| is(WordClass::PossibilityNoun, &lemma(h)));
    modified || of_possibility
}

/// A conditional clause: "would expel its diplomats if Moscow used chemical weapons" (with
/// the condition on the verb, or hung by the parser on its object).
pub(crate) fn conditional(t: Token<'_>) -> bool {
    let condition = |c: Token<'_>| {
        (c.rel() == Deprel::Advcl || c.rel().is_acl()) && c.children().any(is_condition_mark)
    };
    aux_words(t)
        .iter()
        .any(|a| is(WordClass::ConditionalAux, a))
        && t.children()
            .any(|c| condition(c) || (c.rel() == Deprel::Obj && c.children().any(condition)))
}

/// A subordinator of condition or question (words.tsv `condition_mark`) on its clause: "if",
/// "unless", "whether", and with the words the parse joined to it ("as long as").
fn is_condition_mark(m: Token<'_>) -> bool {
    if m.rel() != Deprel::Mark {
        return false;
    }
    let word = m.text().to_ascii_lowercase();
    let fixed: Vec<String> = m
        .children()
        .filter(|c| c.rel() == Deprel::Fixed)
        .map(|c| c.text().to_ascii_lowercase())
        .collect();
    is(WordClass::ConditionMark, &word)
        || (!fixed.is_empty()
            && is(
                WordClass::ConditionMark,
                &[vec![word], fixed].concat().join("_"),
            ))
}

/// "would" in a clause that only supposes or foresees the act, not one that announces it: a
/// clause under a subordinator of condition or question ("providing the MPs would support
/// his government", "asked whether they would agree": words.tsv `condition_mark`, read off
/// the words before the clause where the parse made the subordinator a verb), or the clause
/// of a verb of belief, expectation or prediction ("she believed the Mayor would say sorry",
/// words.tsv `believing`). "said it would expel" (reported intent) is not.
fn supposed(chain: &[Token<'_>], clause: Token<'_>) -> bool {
    let mut with_would = chain
        .iter()
        .filter(|t| {
            aux_words(**t)
                .iter()
                .any(|a| is(WordClass::ConditionalAux, a))
        })
        .peekable();
    if with_would.peek().is_none() {
        return false;
    }
    let believed = clause.rel() == Deprel::Ccomp
        && clause
            .head()
            .is_some_and(|h| is(WordClass::Believing, &lemma(h)));
    // A verb the parse coordinated with the one before the subordinator ("could drop its veto
    // provided Turkey would withdraw", read as "drop ... and withdraw") is read on its own.
    believed
        || clause.children().any(is_condition_mark)
        || subordinated(clause)
        || with_would.any(|t| subordinated(*t))
}

/// Whether the words just before a clause, or ending at the subordinator it opens with, are a
/// subordinator of condition or question: "providing | the MPs would support" (the parse
/// read "providing" as a verb), "provided | that they would", "as long | as they would"
/// (words.tsv `condition_mark`, several words joined by `_`).
fn subordinated(clause: Token<'_>) -> bool {
    let Some(root) = crate::tree::ancestors(clause).last() else {
        return false;
    };
    let sentence = crate::tree::subtree(root);
    let (Some(first), Some(start)) = (
        sentence.first(),
        crate::tree::subtree(clause).first().map(|t| t.i()),
    ) else {
        return false;
    };
    let words: Vec<String> = sentence
        .iter()
        .map(|t| t.text().to_ascii_lowercase())
        .collect();
    let at = start.saturating_sub(first.i());
    let opens_with_mark = sentence
        .get(at)
        .is_some_and(|t| t.rel() == Deprel::Mark && t.head().is_some_and(|h| h.i() == clause.i()));
    let ends = [at.checked_sub(1), opens_with_mark.then_some(at)];
    ends.into_iter().flatten().any(|end| {
        (1..=3).any(|n| {
            end + 1 >= n
                && words.len() > end
                && is(
                    WordClass::ConditionMark,
                    &words[end + 1 - n..=end].join("_"),
                )
        })
    })
}
