//! Demands a speaker makes through the clause it reports: "said Sudan must return the
//! helicopter", "said America needed to act", "said the law will have to be changed", "says
//! there should be an inquiry", "I hope the government will act upon this decision". The
//! words are word classes of `data/coder/words.tsv` (`obligation_saying`, `obligation_aux`,
//! `obligation_verb`, `demand_pivot`, `wishing`, `wish_aux`, `demanded_act`).

use crate::tree::{has_mark_word, lemma};
use crate::words::{WordClass, is};
use attache_nlp::{Deprel, Token, Upos};

/// A verb of saying whose complement clause carries "must" / "should" / "has to", or is headed
/// by a verb of need with what is needed ("said America needed to act", "said changes were
/// needed"), or a verb of hoping whose clause says what someone named will do ("hoped the
/// government would act"): the clause.
pub(crate) fn obligation_clause(t: Token<'_>) -> Option<Token<'_>> {
    let l = lemma(t);
    let wishing = is(WordClass::Wishing, &l);
    if !wishing && !is(WordClass::ObligationSaying, &l) {
        return None;
    }
    let complement = |c: &Token<'_>| {
        !binds_self(*c)
            && if wishing {
                wished(*c)
            } else {
                needed(*c)
                    || imposed_measure(*c)
                    || has_aux_in(*c, WordClass::ObligationAux) && !perfect(*c)
            }
    };
    let complements = || t.children().filter(|c| c.rel() == Deprel::Ccomp);
    complements().find(complement).or_else(|| {
        (!wishing)
            .then(|| complements().find_map(coordinated_measure))
            .flatten()
    })
}

/// A clause coordinated with a reported one that asks for a measure by itself ("told crowds:
/// \"We will prevail and this law will have to be overturned\"", "said it was a setback and
/// there must be an inquiry"). Only a measure: a need or a modal there more often judges or
/// forecasts ("said the meeting had produced movement, but much work was needed", "it should
/// not be enough to derail").
fn coordinated_measure(c: Token<'_>) -> Option<Token<'_>> {
    c.children().find(|k| {
        k.rel() == Deprel::Conj
            && k.children().any(|s| s.rel().is_nsubj())
            && (imposed_measure(*k) || demanded_measure(*k))
    })
}

/// "the ban will have to be lifted", "this law must have to be overturned": a measure
/// (words.tsv `demand_pivot`) that is to be undone or done, with an auxiliary of
/// `imposed_aux`; not "would have to be" (a condition), "had to be" (past), nor "voters will
/// have to wait" (a consequence for people).
fn imposed_measure(c: Token<'_>) -> bool {
    lemma(c) == "have"
        && c.xpos() == "VB"
        && has_aux_in(c, WordClass::ImposedAux)
        && c.children()
            .any(|x| x.rel() == Deprel::Xcomp && has_mark_word(x, "to") && is_passive(x))
        && c.children()
            .any(|s| s.rel().is_nsubj() && is(WordClass::DemandPivot, &lemma(s)))
}

/// "argued the minister should have volunteered a statement", "argue that many should never
/// have been granted": a modal of obligation with the perfect judges what was done, it asks
/// for nothing.
fn perfect(c: Token<'_>) -> bool {
    c.children().any(|a| {
        a.rel() == Deprel::Aux && matches!(a.text().to_ascii_lowercase().as_str(), "have" | "'ve")
    })
}

/// A demand whose clause is passive ("said the public should be consulted", "said changes
/// were needed", "said the law will have to be changed") or asks for a measure to exist
/// ("said there should be a public inquiry") names what must be done, not who must do it.
pub(crate) fn passive_demand(t: Token<'_>) -> bool {
    obligation_clause(t).is_some_and(|c| {
        is_passive(c)
            || needed_infinitive(c).is_some_and(is_passive)
            || imposed_measure(c)
            || demanded_measure(c)
    })
}

/// "We must continue along this path": the speaker's own side binds itself; no demand.
fn binds_self(c: Token<'_>) -> bool {
    c.children().any(|s| {
        s.rel() == Deprel::Nsubj && is(WordClass::SelfSubject, &s.text().to_ascii_lowercase())
    })
}

/// Whether a clause has an auxiliary of `class` ("must", "will").
fn has_aux_in(c: Token<'_>, class: WordClass) -> bool {
    c.children()
        .any(|a| a.rel() == Deprel::Aux && is(class, &a.text().to_ascii_lowercase()))
}

fn is_passive(c: Token<'_>) -> bool {
    c.children().any(|a| a.rel() == Deprel::AuxPass)
}

/// The "to" infinitive a verb of need governs ("needed to act", "will have to be changed").
fn needed_infinitive(c: Token<'_>) -> Option<Token<'_>> {
    if !is(WordClass::ObligationVerb, &lemma(c)) {
        return None;
    }
    c.children()
        .find(|a| a.rel() == Deprel::Xcomp && has_mark_word(*a, "to"))
}

/// A clause headed by a verb of need that says what must be done: "America needed to act",
/// "changes were needed", "the law will have to be changed". "said he needed to rest" is
/// about the speaker: a need is a demand only on someone named. "says the cuts are needed to
/// fund investment" justifies: a passive need with a purpose says why, not what must be done.
fn needed(c: Token<'_>) -> bool {
    if !is(WordClass::ObligationVerb, &lemma(c)) {
        return false;
    }
    let infinitive = c
        .children()
        .any(|a| a.rel() == Deprel::Xcomp || a.rel() == Deprel::Advcl && has_mark_word(a, "to"));
    let what = if is_passive(c) {
        !infinitive
    } else {
        needed_infinitive(c).is_some()
    };
    what && !c
        .children()
        .any(|s| s.rel().is_nsubj() && s.upos() == Upos::Pron)
}

/// "there should be a public inquiry", "there must be more state funding": an existential
/// clause asking for a measure (words.tsv `demand_pivot`; not "there should be no problem",
/// "there should be rain", a forecast, nor "there should be no inquiry").
fn demanded_measure(c: Token<'_>) -> bool {
    c.children().any(|e| e.rel() == Deprel::Expl)
        && c.children().any(|s| {
            s.rel().is_nsubj()
                && is(WordClass::DemandPivot, &lemma(s))
                && !s
                    .children()
                    .any(|d| d.rel() == Deprel::Det && is(WordClass::NegativeDeterminer, &lemma(d)))
        })
}

/// A hoped-for act of someone named: "hope the government will act", "hoped Moscow would
/// reconsider" (words.tsv `wish_aux`, `demanded_act`); not "hoped Mr Blunkett would survive",
/// "hope the song will raise £2m", nor a pronoun's act ("hope they will").
fn wished(c: Token<'_>) -> bool {
    has_aux_in(c, WordClass::WishAux)
        && !is_passive(c)
        && is(WordClass::DemandedAct, &lemma(c))
        && c.children()
            .any(|s| s.rel() == Deprel::Nsubj && s.upos() != Upos::Pron)
}
