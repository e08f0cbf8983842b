//! Times of what is to come. An announcement, promise, threat or refusal is asserted, but the
//! time its clause names ("will hold talks on Thursday", "pledged to introduce a budget next
//! February") is when the announced act is to happen, not when it was announced; such a time
//! never dates an asserted event and is never the report's news peg.

use crate::dates::Direction;
use crate::frames::Frame;
use crate::modality::{governor, modality_of};
use crate::timex::clause_direction;
use crate::tree::{ancestors, dominates};
use attache_event::Modality;
use attache_nlp::{Deprel, Doc, Token, Upos};

/// Whether a time expression hung on the token `attach` modifies a clause that tells of what is
/// to come: a future tense ("will hold talks on Thursday"), an infinitive under a planning verb
/// ("agreed to withdraw by February 27"), or a clause of planned or hypothetical modality
/// ("said it would hold a poll in 2006", "a vaccine could be found by 2012").
pub(crate) fn is_prospective(doc: &Doc, attach: Option<usize>) -> bool {
    let Some(a) = attach.map(|a| doc.token(a)) else {
        return false;
    };
    let Some(verb) = ancestors(a).take(2).find(|x| is_predicate(*x)) else {
        return false;
    };
    clause_direction(a) == Some(Direction::Future)
        || matches!(
            modality_of(verb, verb).0,
            Modality::Planned | Modality::Hypothetical
        )
}

/// Whether a time expression names when the act a frame announces is to happen: for a frame
/// recoded from what it announces (an AGREE from "will meet"), any time in the announced act's
/// clause; for any other frame, a time of a clause that tells of what is to come, unless it
/// modifies the frame's own trigger ("his arrest in 1998"). A "since" period reaches up to the
/// report and is never a plan.
pub(crate) fn is_planned_time(
    doc: &Doc,
    frame: &Frame<'_>,
    attach: Option<usize>,
    since: bool,
) -> bool {
    if since {
        return false;
    }
    if frame.recoded {
        let in_act = attach.is_some_and(|a| dominates(frame.anchor, doc.token(a)));
        return in_act || is_prospective(doc, attach);
    }
    attach != Some(frame.trigger.i()) && is_prospective(doc, attach)
}

/// The verb that says or promises what a recoded frame announces, when the time expression hung
/// on `a` modifies it: "Russia said on Monday it would hold talks" dates the announcement
/// Monday.
pub(crate) fn dates_the_saying(frame: &Frame<'_>, a: Token<'_>) -> bool {
    frame.recoded && governor(frame.anchor).is_some_and(|g| g.i() == a.i())
}

/// Whether the clause of a frame's anchor tells of the past ("agreed", "had signed").
pub(crate) fn told_as_past(frame: &Frame<'_>) -> bool {
    clause_direction(frame.anchor) == Some(Direction::Past)
}

fn is_predicate(t: Token<'_>) -> bool {
    matches!(t.upos(), Upos::Verb | Upos::Aux) || t.children().any(|c| c.rel() == Deprel::Cop)
}
