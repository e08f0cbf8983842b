//! Mention boundaries the left-to-right labeller misses, read from the parse: GUM's mentions
//! are whole noun phrases, so a name's determiner belongs to it ("the Senate", "this
//! President", "that Coron"), where the labeller, which learns names from their capitals,
//! often leaves it out; and so is a person's title ("Ms Bauchtman", "Dr. Jones").

use super::{Input, Mention};
use crate::perceptron::hash_str;

/// Titles GUM keeps in a person's mention (in all its documents "Mr." opens a person mention
/// 13 times of 16, "Professor" 12 of 16, "Dr." 3 of 4); ranks and offices ("General",
/// "President", "Senator"), which GUM more often leaves out, are not titles here.
const TITLES: [&str; 11] = [
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "professor",
];

/// The relation and tag hashes the rules read, and the lower-cased titles'.
#[derive(Clone)]
pub(crate) struct Relations {
    det: u64,
    det_upos: u64,
    titles: Vec<u64>,
}

impl Relations {
    pub(crate) fn new() -> Relations {
        let mut atoms = Vec::new();
        crate::tagger::atoms_into(TITLES.into_iter(), &mut atoms, &mut String::new());
        Relations {
            det: hash_str("det"),
            det_upos: hash_str("DET"),
            titles: atoms.iter().map(|a| a.lower).collect(),
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

/// Widens each person's mention (sentence-relative) over a title just before it, then each
/// mention over the determiner just before it that the parse attaches to the mention's head
/// word ("the" in "the Senate", not in "the Obama administration", where it belongs to
/// "administration").
pub(crate) fn widen(input: &Input, rels: &Relations, mentions: &mut [Mention]) {
    for m in mentions {
        let title = |j: usize| rels.titles.contains(&input.atoms[j].lower);
        if m.kind == super::EntityKind::Person && m.start > 0 && title(m.start as usize - 1) {
            m.start -= 1;
        }
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
