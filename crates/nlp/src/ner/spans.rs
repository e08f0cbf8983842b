//! Mention boundaries the left-to-right labeller misses, read from the parse: GUM's mentions
//! are whole noun phrases, so a name's determiner belongs to it ("the Senate", "this
//! President", "that Coron"), where the labeller, which learns names from their capitals,
//! often leaves it out.

use super::{Input, Mention};
use crate::perceptron::hash_str;

/// The relation and tag hashes the rule reads.
#[derive(Clone)]
pub(crate) struct Relations {
    det: u64,
    det_upos: u64,
}

impl Relations {
    pub(crate) fn new() -> Relations {
        Relations {
            det: hash_str("det"),
            det_upos: hash_str("DET"),
        }
    }
}

/// The head of `start..end`: its first word whose head lies outside it.
fn head_of(input: &Input, start: usize, end: usize) -> Option<usize> {
    (start..end).find(|&j| {
        let h = input.heads[j];
        h == u32::MAX || !(start..end).contains(&(h as usize))
    })
}

/// Widens each mention (sentence-relative) over the determiner just before it that the
/// parse attaches to the mention's head word ("the" in "the Senate", not in "the Obama
/// administration", where it belongs to "administration").
pub(crate) fn widen(input: &Input, rels: &Relations, mentions: &mut [Mention]) {
    for m in mentions {
        let (start, end) = (m.start as usize, m.end as usize);
        let Some(d) = start.checked_sub(1) else {
            continue;
        };
        let head = head_of(input, start, end);
        if input.rel[d] == rels.det
            && input.upos[d] == rels.det_upos
            && head.is_some_and(|h| input.heads[d] as usize == h)
        {
            m.start = d as u32;
        }
    }
}
