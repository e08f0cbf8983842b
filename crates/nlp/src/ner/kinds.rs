//! A second look at each mention's kind, once its span is known. The left-to-right labeller
//! chooses a mention's kind at its first word, before it has read the rest ("Harrow School",
//! "the World Health Organisation", "Cape of Good Hope"); this classifier reads the whole
//! span, the words around it, where it hangs in the parse, the known names it matches and the
//! kinds its words had earlier in the document, and decides person, organization or place.

use super::gazetteer;
use super::{EntityKind, Input};
use crate::perceptron::{f, f2, mix};

const PAD: u64 = 0x5EED_0012;
const ROOT: u64 = 0x5EED_0013;
/// At most this many words of a span give bag-of-words features (a decision reads at most
/// 128 features).
const MAX_BAG: usize = 10;

/// The features of the mention `start..end` of a sentence (replaces `keys`).
/// `prior` is the kind the labeller gave it.
pub(crate) fn features(
    input: &Input,
    start: usize,
    end: usize,
    prior: Option<EntityKind>,
    keys: &mut Vec<u64>,
) {
    keys.clear();
    let n = input.atoms.len();
    let lower = |j: isize| -> u64 {
        if j >= 0 && (j as usize) < n {
            input.atoms[j as usize].lower
        } else {
            PAD
        }
    };
    let (s, e) = (start as isize, end as isize);
    let first = &input.atoms[start];
    let last = &input.atoms[end - 1];
    let mut whole = 0x5EED_0014;
    for a in &input.atoms[start..end] {
        whole = mix(whole, a.lower);
    }
    keys.extend_from_slice(&[
        f(200, 0),
        f(201, whole),
        f(202, last.lower),
        f(203, last.suffix[2]),
        f(204, first.lower),
        f2(205, first.shape, last.shape),
        f(206, (end - start).min(5) as u64),
        f(207, lower(s - 1)),
        f(208, lower(s - 2)),
        f2(209, lower(s - 2), lower(s - 1)),
        f(210, lower(e)),
        f(211, lower(e + 1)),
        f2(212, lower(s - 1), last.lower),
    ]);
    for a in input.atoms[start..end].iter().filter(|a| a.capitalised) {
        keys.extend_from_slice(&[f(213, a.lower), f(214, a.suffix[2])]);
        if keys.len() > 13 + 2 * MAX_BAG {
            break;
        }
    }
    let prior = prior.map_or(PAD, |k| k as u64);
    keys.extend_from_slice(&[f(240, prior), f2(241, prior, first.shape)]);
    head_features(input, start, end, keys);
    known_features(input, start, end, keys);
}

/// Where the mention hangs in the parse: its head word's relation and the word it hangs on.
fn head_features(input: &Input, start: usize, end: usize, keys: &mut Vec<u64>) {
    let inside = |h: u32| h != u32::MAX && (start..end).contains(&(h as usize));
    let Some(head) = (start..end).find(|&j| !inside(input.heads[j])) else {
        return;
    };
    let rel = input.rel[head];
    let up = input.heads[head];
    let up_lower = if up == u32::MAX {
        ROOT
    } else {
        input.atoms[up as usize].lower
    };
    keys.extend_from_slice(&[
        f(220, rel),
        f2(221, rel, up_lower),
        f(222, input.atoms[head].lower),
    ]);
    // The case marker or determiner of the head ("in", "at", "the").
    for j in (0..start).rev().take(3) {
        if input.heads[j] as usize == head {
            keys.push(f2(223, input.rel[j], input.atoms[j].lower));
        }
    }
}

/// The known names the span's words are part of, and the kinds its words had in earlier
/// mentions of the document.
fn known_features(input: &Input, start: usize, end: usize, keys: &mut Vec<u64>) {
    // The span without a leading determiner ("the Senate").
    let from = if end - start > 1 && !input.atoms[start].capitalised {
        start + 1
    } else {
        start
    };
    for c in 0..gazetteer::CLASSES {
        let (a, b) = (input.known[from][c], input.known[end - 1][c]);
        let whole = (from + 1 == end && a == 4) || (from + 1 < end && a == 1 && b == 3);
        if whole {
            keys.push(f(230, c as u64));
        } else if a != 0 || b != 0 {
            keys.push(f3_known(c, a, b));
        }
    }
    let mut seen = [false; 4];
    for &k in &input.seen[start..end] {
        seen[k as usize] = true;
    }
    for (k, _) in seen.iter().enumerate().skip(1).filter(|(_, s)| **s) {
        keys.push(f(232, k as u64));
    }
}

fn f3_known(c: usize, a: u8, b: u8) -> u64 {
    crate::perceptron::f3(231, c as u64, a as u64, b as u64)
}

/// The classifier's class for "no mention", after the three kinds.
pub(crate) const NO_MENTION: usize = 3;
/// The classifier's classes: the kinds and [`NO_MENTION`].
pub(crate) const CLASSES: usize = 4;
/// Longest run of proper nouns taken as a candidate.
const MAX_CANDIDATE: usize = 6;

/// Runs of capitalised words tagged proper nouns that no mention covers (`covered`, by
/// word): names the labeller left out ("Theseus", "Coron"), which the classifier may take as
/// mentions of a kind or as no mention.
pub(crate) fn candidates(input: &Input, covered: &[bool]) -> Vec<(usize, usize)> {
    let propn = crate::perceptron::hash_str("PROPN");
    let n = input.atoms.len();
    let free = |j: usize| !covered[j] && input.upos[j] == propn && input.atoms[j].capitalised;
    let mut out = Vec::new();
    let mut j = 0;
    while j < n {
        if !free(j) {
            j += 1;
            continue;
        }
        let start = j;
        while j < n && free(j) {
            j += 1;
        }
        if j - start <= MAX_CANDIDATE {
            out.push((start, j));
        }
    }
    out
}
