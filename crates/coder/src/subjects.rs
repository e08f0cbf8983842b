//! Who does what a verb or a noun trigger reports: a verb's subjects through coordination and
//! control, and the verb that carries a noun trigger ("announced the expulsion", "has been
//! locked in talks") with its subjects.

use crate::repair::{modified_subject, object_conjunct_of, stranded_subject, subordinated_subject};
use crate::tree::{has_case, has_mark, has_mark_word, is_verbal, lemma};
use crate::words::{WordClass, is};
use attache_nlp::{Deprel, Doc, Token, Upos};

/// Subjects of a verb, following coordination ("Estonia will close ... and expel") and control
/// ("agreed to expel") up to the verb that has one.
pub(crate) fn subjects_of<'d>(doc: &'d Doc, verb: Token<'d>) -> (Vec<Token<'d>>, bool) {
    if let Some(s) = stranded_subject(doc, verb).or_else(|| subordinated_subject(doc, verb)) {
        return (vec![s], false);
    }
    let mut v = verb;
    let mut controlled = false;
    // Climbed from a marked participle ("after criticising"): a passive's subject is its doer.
    let mut participial = false;
    for _ in 0..6 {
        if let Some(h) = modified_subject(v) {
            return (vec![h], false);
        }
        // Every subject the parse gives: a dateline ("ROME, April 5 (Reuters) - Italy
        // expelled") can read as a second subject; the one that names no actor drops out.
        // A quantifier phrase read as the subject ("Up to 1,000 ethnic Turks began" with "Up"
        // as subject) stands for the noun it quantifies.
        let aux_pass = v.children().any(|c| c.rel() == Deprel::AuxPass);
        let subjects: Vec<Token<'_>> = v
            .children()
            .filter(|c| (c.rel() == Deprel::Nsubj && !aux_pass) || c.rel() == Deprel::Csubj)
            .map(|c| {
                if matches!(c.upos(), Upos::Adp | Upos::Adv) {
                    c.children()
                        .find(|g| matches!(g.upos(), Upos::Noun | Upos::Propn))
                        .unwrap_or(c)
                } else {
                    c
                }
            })
            .collect();
        if !subjects.is_empty() {
            return (subjects, false);
        }
        // A finite passive has its passive auxiliary; a "passive" subject without one is the
        // parser's slip for an active subject: "whose troops apparently killed civilians",
        // "the Turkish and Greek sides have agreed".
        let slip = !v.children().any(|c| c.rel() == Deprel::AuxPass);
        if slip && let Some(s) = v.children().find(|c| c.rel() == Deprel::NsubjPass) {
            return (vec![s], false);
        }
        // "Algeria is prepared to lift the ban", "Iran was forced to withdraw": a passive
        // governor's subject is who does what it governs.
        if controlled && let Some(s) = passive_subject(v) {
            return (vec![s], false);
        }
        // "was jailed after attacking a guard": who was jailed attacked.
        if participial && let Some(s) = passive_subject(v) {
            return (vec![s], false);
        }
        if passive_subject(v).is_some() {
            // Passive: the agent is a by-phrase, the subject is what was acted on.
            let by = v
                .children()
                .find(|c| c.rel().is_obl() && has_case(*c, &["by"]))
                .or_else(|| agent_on_oblique(v));
            return (by.into_iter().collect(), true);
        }
        // ("is expected to be opposed by": a passive complement keeps its by-agent.)
        controlled = v.rel() == Deprel::Xcomp && !v.children().any(|c| c.rel() == Deprel::AuxPass);
        // "welcomed the plan and called on ministers": a finite conjunct hung on the object
        // shares the subject of the object's verb.
        if let Some(g) = object_conjunct_of(v) {
            v = g;
            continue;
        }
        if let Some(g) = speaker_of_conjunct(v) {
            v = g;
            continue;
        }
        match (v.rel(), v.head()) {
            // "expects the authorities to prosecute", "persuaded fellow EU members to put":
            // an infinitive after an object is the object's to do.
            (Deprel::Xcomp, Some(h)) if is_verbal(h) && object_before(h, v).is_some() => {
                return (object_before(h, v).into_iter().collect(), false);
            }
            (Deprel::Conj | Deprel::Xcomp, Some(h)) if is_verbal(h) => v = h,
            // "it is willing to withdraw": control through a predicative adjective.
            (Deprel::Xcomp, Some(h)) if h.upos() == Upos::Adj => v = h,
            // "was attacked by militiamen ..., killing 156": the participle's doer is the
            // clause's agent.
            (Deprel::Advcl, Some(h)) if is_verbal(h) && v.xpos() == "VBG" && !has_mark(v) => {
                v = crate::casualty_clauses::reported_before(h, v).unwrap_or(h);
            }
            // "resigned the whip after criticising the leader", "angered the unions by
            // attacking the deal": the subject of the clause a marked participle modifies.
            (Deprel::Advcl, Some(h))
                if is_verbal(h) && v.xpos() == "VBG" && shared_mark(v) && told_as_done(h) =>
            {
                participial = true;
                v = h;
            }
            // "began a hunger strike to protest": a purpose infinitive shares the subject.
            (Deprel::Advcl, Some(h)) if is_verbal(h) && has_mark_word(v, "to") => v = h,
            // "Spain's decision to put its claim on hold": a decision's infinitive is done by
            // its possessor (words.tsv `decision_noun`; "our ability to deport" is no act).
            (Deprel::Acl, Some(h))
                if !is_verbal(h)
                    && has_mark_word(v, "to")
                    && is(WordClass::DecisionNoun, &lemma(h)) =>
            {
                let owners: Vec<Token<'_>> = h
                    .children()
                    .filter(|c| c.rel() == Deprel::NmodPoss)
                    .collect();
                return (owners, false);
            }
            _ => break,
        }
    }
    (Vec::new(), false)
}

/// Whether a participle's subordinators are all of words.tsv `participle_mark` ("after",
/// "by", "while"; not "without").
fn shared_mark(v: Token<'_>) -> bool {
    let mut marks = v.children().filter(|c| c.rel() == Deprel::Mark).peekable();
    marks.peek().is_some()
        && marks.all(|m| is(WordClass::ParticipleMark, &m.text().to_ascii_lowercase()))
}

/// Whether a clause tells its act as done: no infinitive ("pledged to boost pensions by
/// restoring the link") and no auxiliary of the future, a possibility or a condition ("would
/// retaliate by seeking injunctions"), whose marked participle would be no deed either.
fn told_as_done(v: Token<'_>) -> bool {
    let modal = |c: Token<'_>| {
        let w = c.text().to_ascii_lowercase();
        c.rel() == Deprel::Aux
            && (is(WordClass::FutureAux, &w)
                || is(WordClass::HypotheticalAux, &w)
                || is(WordClass::ConditionalAux, &w))
    };
    v.rel() != Deprel::Xcomp && !has_mark_word(v, "to") && !v.children().any(modal)
}

/// The verb of saying whose speaker does a verb of stance the parse coordinated inside the
/// clause it reports, when that clause tells a state: "Mr Brown said America needed to take
/// more action but defended President Bush", "said his comments were not racist and refused
/// to apologise" (words.tsv `speaker_act`, `state_reported`). The verb has no subject and no
/// auxiliary of its own and shares the tense of the saying, which comes first. An act reported
/// ("said militants crossed the border and attacked a village", "Frisk says Rijkaard greeted
/// him and apologised") keeps the reported subject.
pub(crate) fn speaker_of_conjunct(v: Token<'_>) -> Option<Token<'_>> {
    let finite = matches!(v.xpos(), "VBD" | "VBZ")
        && !v
            .children()
            .any(|c| matches!(c.rel(), Deprel::Aux | Deprel::AuxPass));
    if v.rel() != Deprel::Conj || !finite || !is(WordClass::SpeakerAct, &lemma(v)) {
        return None;
    }
    let reported = v.head().filter(|h| h.rel() == Deprel::Ccomp)?;
    let state = reported.children().any(|c| c.rel() == Deprel::Cop)
        || is(WordClass::StateReported, &lemma(reported));
    let saying = reported.head()?;
    (state
        && is_verbal(saying)
        && is(WordClass::Reporting, &lemma(saying))
        && saying.i() < reported.i()
        && saying.xpos() == v.xpos())
    .then_some(saying)
}

/// The object of `governor` that stands before its infinitive `xcomp` ("urged *Iran* to
/// stop"): who is to do what the infinitive names (object control).
/// A participle after the object is what is done to it ("have Baikal assets frozen"), not
/// the object's act.
fn object_before<'d>(governor: Token<'d>, xcomp: Token<'d>) -> Option<Token<'d>> {
    if xcomp.xpos() == "VBN" {
        return None;
    }
    governor
        .children()
        .find(|c| c.rel() == Deprel::Obj && c.i() < xcomp.i())
}

/// A passive's "by" agent the parse hung on the oblique before it: "a complaint was made to
/// the watchdog by the Muslim Council of Britain" with "by ... Council" an `nmod` of
/// "watchdog". A noun is rarely modified by a "by" phrase of its own after a passive verb
/// ("a letter by Orwell" has no passive), so the agent is the verb's.
fn agent_on_oblique(v: Token<'_>) -> Option<Token<'_>> {
    v.children()
        .filter(|c| c.rel().is_obl())
        .flat_map(|o| o.children())
        .find(|n| n.rel() == Deprel::Nmod && has_case(*n, &["by"]))
}

/// The passive subject of `v`: its nsubj:pass, or the plain subject the parse may give a verb
/// with a passive auxiliary ("The government has been accused of lying": nsubj + aux:pass).
pub(crate) fn passive_subject(v: Token<'_>) -> Option<Token<'_>> {
    let aux_pass = v.children().any(|c| c.rel() == Deprel::AuxPass);
    v.children()
        .find(|c| c.rel() == Deprel::NsubjPass || (aux_pass && c.rel() == Deprel::Nsubj))
}

/// The verb that reports a noun trigger: "Italy ... announced the expulsion of ...", "launched
/// a series of consultations" (through a measure of events), "has been locked in talks".
pub(crate) fn carrier_of(noun: Token<'_>) -> Option<Token<'_>> {
    let h = noun.head()?;
    if noun.rel().is_nmod() && has_case(noun, &["of"]) && is(WordClass::EventMeasure, &lemma(h)) {
        return carrier_of(h);
    }
    let engaged = noun.rel().is_obl() && has_case(noun, &["in"]);
    let carried = matches!(noun.rel(), Deprel::Obj | Deprel::NsubjPass | Deprel::Xcomp)
        && is(WordClass::Carrier, &lemma(h))
        || engaged && is(WordClass::Engaging, &lemma(h));
    (carried && is_verbal(h)).then_some(h)
}

/// Who carries a noun trigger: the carrier's subject; for a verb of engagement in the passive
/// ("Mr Brown has been locked in talks") the passive subject.
pub(crate) fn carrier_subjects<'d>(doc: &'d Doc, carrier: Token<'d>) -> Vec<Token<'d>> {
    let (subj, passive) = subjects_of(doc, carrier);
    if subj.is_empty() && passive && is(WordClass::Engaging, &lemma(carrier)) {
        return passive_subject(carrier).into_iter().collect();
    }
    subj
}
