//! Whether an event is reported as done, planned, denied or only possible, read off the verbs
//! that carry and govern its trigger.

use crate::frames::lemma;
use attache_event::Modality;
use attache_nlp::{Deprel, Token};

/// Governing verbs whose complement is not (yet) done.
pub(crate) const PLANNING_VERBS: &[&str] = &[
    "plan",
    "intend",
    "prepare",
    "aim",
    "seek",
    "want",
    "expect",
    "promise",
    "pledge",
    "vow",
    "agree",
    "offer",
    "hope",
    "wish",
    "commit",
    "move",
    "set",
    "schedule",
    "threaten",
    "warn",
    // Predicative adjectives of intent: "is willing to withdraw", "prepared to lift".
    "willing",
    "prepared",
    "ready",
    "committed",
    "determined",
    "eager",
];
pub(crate) const HYPOTHETICAL_VERBS: &[&str] = &[
    "consider",
    "discuss",
    "debate",
    "propose",
    "weigh",
    "mull",
    "urge",
    "demand",
    "ask",
    "call",
    "appeal",
    "suggest",
    "recommend",
    "contemplate",
    "explore",
    "study",
    "review",
    "examine",
    "press",
    "push",
];
pub(crate) const NEGATING_VERBS: &[&str] = &["refuse", "decline", "deny", "fail", "reject", "rule"];

/// The governing verb of a clause reached through `xcomp` ("threatened to expel").
pub(crate) fn governor(anchor: Token<'_>) -> Option<Token<'_>> {
    let mut v = anchor;
    // Coordinated verbs share their governor: "said it would close ... and expel".
    while v.rel() == Deprel::Conj {
        v = v.head()?;
    }
    match v.rel() {
        Deprel::Xcomp | Deprel::Ccomp => v.head(),
        _ => None,
    }
}

fn has_negation(t: Token<'_>) -> bool {
    t.children().any(|c| {
        let w = c.text().to_ascii_lowercase();
        (c.rel() == Deprel::Advmod && matches!(w.as_str(), "not" | "n't" | "never" | "’t" | "n’t"))
            || (c.rel() == Deprel::Det && w == "no")
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
    while v.rel() == Deprel::Conj {
        match v.head() {
            Some(h) => {
                chain.push(h);
                v = h;
            }
            None => break,
        }
    }
    if chain.iter().any(|t| has_negation(*t)) {
        return (Modality::Negated, None);
    }
    let gov = governor(anchor);
    if let Some(g) = gov {
        let gl = lemma(g);
        if has_negation(g) && v.rel() == Deprel::Xcomp {
            return (Modality::Negated, gov);
        }
        if v.rel() == Deprel::Xcomp {
            if NEGATING_VERBS.contains(&&*gl) {
                return (Modality::Negated, gov);
            }
            if PLANNING_VERBS.contains(&&*gl) {
                return (Modality::Planned, gov);
            }
            if HYPOTHETICAL_VERBS.contains(&&*gl) {
                return (Modality::Hypothetical, gov);
            }
        }
        // "demanded that Hamas renounce ...", "urged that talks resume": what is demanded is
        // not done.
        if v.rel() == Deprel::Ccomp && HYPOTHETICAL_VERBS.contains(&&*gl) {
            return (Modality::Hypothetical, gov);
        }
    }

    // A noun carried by a verb of discussion or demand is not done: "discuss tougher sanctions".
    if trigger.i() != anchor.i() && HYPOTHETICAL_VERBS.contains(&&*lemma(anchor)) {
        return (Modality::Hypothetical, Some(anchor));
    }
    for t in &chain {
        let aux = aux_words(*t);
        if aux
            .iter()
            .any(|a| matches!(a.as_str(), "could" | "might" | "may" | "should" | "must"))
        {
            return (Modality::Hypothetical, gov);
        }
        if t.children().any(|c| {
            c.rel() == Deprel::Mark
                && matches!(c.text().to_ascii_lowercase().as_str(), "if" | "unless")
        }) {
            return (Modality::Hypothetical, gov);
        }
        if aux.iter().any(|a| {
            matches!(
                a.as_str(),
                "will" | "would" | "shall" | "'ll" | "’ll" | "wo"
            )
        }) {
            return (Modality::Planned, gov);
        }
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
