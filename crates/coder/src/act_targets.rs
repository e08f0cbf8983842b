//! Whom a clause's verbal act is aimed at beyond its own phrases: the speaker is never its own
//! recipient ("Charles said he was delighted"), and a promised or refused act is aimed at whom
//! its infinitive names ("offered to hand over to Turkey three suspects";
//! `data/coder/recipients.tsv` rows `act`), a blow or a pledge whom its "to" phrase names.

use crate::recipients::{Marks, marks_recipient};
use crate::tree::{has_case, lemma};
use crate::words::{WordClass, is};
use attache_event::EventCategory;
use attache_nlp::{Deprel, Token, Upos};

/// The speaker in the clause it speaks, or no one ("we will not stand for it", "Charles said
/// he was delighted", "said it was wrong to put China under the embargo"): a first-person
/// pronoun, the empty "it" of a judgement, or "he"/"she" said to be in a state (an
/// adjective: "delighted", "appalled") where the verb's subject is one person (a plural
/// speaker is not "he": "the Tories said he was wrong"; "said he should resign" is about
/// someone else).
pub(crate) fn speaker_itself(trigger: Token<'_>, subject: Token<'_>) -> bool {
    let word = subject.text().to_ascii_lowercase();
    if subject.upos() != Upos::Pron {
        return false;
    }
    if is(WordClass::FirstPerson, &word) || crate::tree::is_expletive(subject, &word) {
        return true;
    }
    let state = subject.head().is_some_and(|h| h.upos() == Upos::Adj);
    state
        && is(WordClass::PersonPronoun, &word)
        && trigger.children().any(|s| {
            s.rel() == Deprel::Nsubj
                && (matches!(s.xpos(), "NNP" | "NN")
                    || is(WordClass::PersonPronoun, &s.text().to_ascii_lowercase()))
        })
}

/// "offered to hand over to Britain two suspects", "refused to hand him over to Britain":
/// where the trigger's own phrases name no one, whom the act it takes as its infinitive (with
/// no subject of its own) is aimed at, in a phrase on that verb (`data/coder/recipients.tsv`
/// rows `act`).
pub(crate) fn act_recipients<'d>(category: EventCategory, trigger: Token<'d>) -> Vec<Token<'d>> {
    let aimed = |t: Token<'_>| marks_recipient(t, Marks::Act, category);
    let mut out = Vec::new();
    let acts = trigger
        .children()
        .filter(|c| c.rel() == Deprel::Xcomp && !c.children().any(|g| g.rel().is_nsubj()));
    for act in acts {
        // The act's own passive agent is not whom it is aimed at ("agreed to be questioned by").
        out.extend(
            act.children()
                .filter(|c| c.rel().is_obl() && c.rel() != Deprel::OblAgent && aimed(*c)),
        );
        out.extend(supplier_agents(act).filter(|g| aimed(*g)));
        // "hand over to Turkey": the parse may hang the phrase on the verb's particle.
        let particles = act
            .children()
            .filter(|c| matches!(c.rel(), Deprel::Advmod | Deprel::CompoundPrt));
        out.extend(
            particles
                .flat_map(|p| p.children())
                .filter(|g| g.rel().is_obl() && aimed(*g)),
        );
    }
    out
}

/// "agreed to pay for gas supplied by Turkmenistan", "refused to buy jets made by France":
/// the "by" agent of a participle of supplying (`supplying` of `data/coder/words.tsv`) on the
/// act or on what it takes (the parse hangs it on either) is the act's other party.
fn supplier_agents<'d>(act: Token<'d>) -> impl Iterator<Item = Token<'d>> {
    let taken = act
        .children()
        .filter(|c| matches!(c.rel(), Deprel::Obj) || c.rel().is_obl());
    let participle = |t: &Token<'_>| {
        t.xpos() == "VBN"
            && matches!(t.rel().base(), Deprel::Acl | Deprel::Advcl)
            && is(WordClass::Supplying, &lemma(*t))
    };
    act.children()
        .chain(taken.flat_map(|t| t.children()))
        .filter(participle)
        .flat_map(|p| p.children())
        .filter(|g| g.rel() == Deprel::OblAgent)
}

/// "dealt a blow to the government's plans", "went back on a pledge to Mr Brown", "reneged on
/// its promise to the unions": a noun that is aimed at or given to someone (`aimed_noun` of
/// `data/coder/words.tsv`), as the trigger's object or oblique, names whom the act is aimed at
/// in its "to" phrase, whatever the category.
pub(crate) fn aimed_noun_recipients<'d>(trigger: Token<'d>) -> Vec<Token<'d>> {
    let aimed_noun = |t: &Token<'_>| {
        (matches!(t.rel(), Deprel::Obj | Deprel::Iobj) || t.rel().is_obl())
            && t.upos() == Upos::Noun
            && is(WordClass::AimedNoun, &lemma(*t))
    };
    trigger
        .children()
        .filter(aimed_noun)
        .flat_map(|n| n.children())
        .filter(|c| c.rel().is_nmod() && has_case(*c, &["to"]))
        .collect()
}
