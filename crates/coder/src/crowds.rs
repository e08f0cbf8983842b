//! Crowds counted by their size: "Thousands of protesters marched", "Hundreds of Georgian
//! students rallied". The doer is the people the count's "of" phrase names (protesters, CVL;
//! Georgian students, GEO), not the number word; the figure stays the event's size, read from
//! the frame as the text gives it.

use crate::frames::Frame;
use crate::tree::has_case;
use crate::words::{WordClass, is};
use attache_nlp::{Token, Upos};

/// The frame with each doer that is a count of people ("thousands of protesters", words.tsv
/// `crowd_count`) replaced by the people counted; `None` when no doer is such a count.
pub(crate) fn counted_doers<'d>(frame: &Frame<'d>) -> Option<Frame<'d>> {
    if !frame.agents.iter().any(|a| counted(*a).is_some()) {
        return None;
    }
    let mut looked = frame.clone();
    looked.agents = frame
        .agents
        .iter()
        .map(|a| counted(*a).unwrap_or(*a))
        .collect();
    Some(looked)
}

/// The people a count word counts, through nested counts ("tens of thousands of people"):
/// the noun of its "of" phrase.
fn counted(head: Token<'_>) -> Option<Token<'_>> {
    let mut at = head;
    let mut found = None;
    for _ in 0..3 {
        let word = at.text().to_ascii_lowercase();
        if !is(WordClass::CrowdCount, &word) {
            break;
        }
        let Some(inner) = at.children().find(|c| {
            c.rel().is_nmod()
                && has_case(*c, &["of"])
                && matches!(c.upos(), Upos::Noun | Upos::Propn)
        }) else {
            break;
        };
        found = Some(inner);
        at = inner;
    }
    found
}
