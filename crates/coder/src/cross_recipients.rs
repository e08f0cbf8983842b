//! Recipients across the frames of one sentence, after each frame's own participants are read
//! (`participants.rs`): coordinated acts of one doer share whom they act on, a penalty joined by
//! "or" to a demand is aimed at whom the demand is made of, and a refusal joined by "but" to a
//! demand answers it.

use crate::frames::Frame;
use crate::measure::Coded;
use crate::tree::coordinated;
use attache_event::{Actor, EventCategory};
use attache_nlp::{Deprel, Token};

/// Recipients pass, after the figures: coordinated verbs share whom they act on: "close two
/// Russian consulates and expel 14 staff" (the staff of those consulates); a penalty joined by
/// "or" to what a demand asks is aimed at whom the demand is made of: "called on the management
/// to recall the notice or face a strike ballot" (the threat is to the management).
pub(crate) fn share_recipients(frames: &[Frame<'_>], coded: &mut [Coded]) {
    let doers = |a: &[Actor]| {
        let mut c: Vec<Option<String>> = a.iter().map(|x| x.country.clone()).collect();
        c.sort();
        c
    };
    for i in 0..coded.len() {
        if !coded[i].recipients.is_empty() {
            continue;
        }
        let anchor = frames[coded[i].frame].anchor;
        let mine = doers(&coded[i].actors);
        let partner = coded.iter().position(|c| {
            !c.recipients.is_empty()
                && (coordinated(frames[c.frame].anchor, anchor)
                    || penalty_of_demand(frames[c.frame].anchor, anchor))
                && doers(&c.actors) == mine
        });
        if let Some(p) = partner {
            coded[i].recipients = coded[p].recipients.clone();
        }
    }
}

/// Whether `penalty` is joined by "or" to the act that the verb `demand` asks for: "called on
/// the government | to honour the deal | or face a strike" (the parser hangs the infinitive as
/// an xcomp or as a "to" adverbial clause).
fn penalty_of_demand(demand: Token<'_>, penalty: Token<'_>) -> bool {
    penalty.rel() == Deprel::Conj
        && penalty
            .children()
            .any(|c| c.rel() == Deprel::Cc && c.text().eq_ignore_ascii_case("or"))
        && penalty.head().is_some_and(|act| {
            (act.rel() == Deprel::Xcomp
                || act.rel() == Deprel::Advcl && crate::tree::has_mark_word(act, "to"))
                && act.head().is_some_and(|h| h.i() == demand.i())
        })
}

/// Recipients pass, after [`share_recipients`]: a refusal joined by "but" to a demand before it
/// answers that demand: "Mr Blair is among those who have called for an apology but so far
/// the mayor has refused", "the union demanded a pay rise, but the management refused". The
/// demander is whom the refusal is aimed at, where the refusal names no one of its own and the
/// doers differ; and the refuser is whom the demand was made of, where the demand names no one
/// ("Greece demanded an apology from Turkey but Ankara refused" keeps Turkey).
pub(crate) fn answer_demands(frames: &[Frame<'_>], coded: &mut [Coded]) {
    for r in 0..coded.len() {
        let refusal = frames[coded[r].frame].anchor;
        if frames[coded[r].frame].category != EventCategory::Reject
            || !coded[r].recipients.is_empty()
            || coded[r].actors.is_empty()
            || refusal.rel() != Deprel::Conj
            || !refusal
                .children()
                .any(|c| c.rel() == Deprel::Cc && c.text().eq_ignore_ascii_case("but"))
        {
            continue;
        }
        let Some(joined) = refusal.head() else {
            continue;
        };
        let demand = coded.iter().position(|c| {
            let anchor = frames[c.frame].anchor;
            frames[c.frame].category == EventCategory::Request
                && !c.actors.is_empty()
                && anchor.i() < refusal.i()
                && crate::tree::dominates(joined, anchor)
                && !crate::tree::dominates(refusal, anchor)
                && c.actors
                    .iter()
                    .all(|a| coded[r].actors.iter().all(|b| a.span != b.span))
        });
        if let Some(d) = demand {
            coded[r].recipients = coded[d].actors.clone();
            if coded[d].recipients.is_empty() {
                coded[d].recipients = coded[r].actors.clone();
            }
        }
    }
}
