//! One kind for one name within a document: once a document's sentences are labelled, each
//! mention takes the kind most of the mentions of its name were given ("Coron" a place in
//! every sentence of an article about it, though one sentence's context made it a person),
//! the name's first mention breaking a tie. A name is the mention's capitalised words, so
//! "the Senate" and "Senate" are one name.

use super::{EntityKind, Mention};
use crate::perceptron::mix;
use std::collections::HashMap;

/// A document's words as the pass reads them: each token's form hash where it starts with a
/// capital, else `None`.
pub(crate) type Words = [Option<u64>];

const SEED: u64 = 0x5EED_0021;

/// The key of a mention's name: its capitalised words; `None` when it has none.
fn key(words: &Words, m: &Mention) -> Option<u64> {
    let mut k = SEED;
    for w in words[m.start as usize..m.end as usize].iter().flatten() {
        k = mix(k, *w);
    }
    (k != SEED).then_some(k)
}

/// Gives each mention of a document (token indices into `words`) the kind its name has most
/// often among them, the first mention's kind (in `mentions`' order) breaking a tie.
pub(crate) fn harmonise(words: &Words, mentions: &mut [Mention]) {
    // Mentions of each kind per name, and the kind of its first mention.
    let mut votes: HashMap<u64, ([u32; 3], EntityKind)> = HashMap::new();
    for m in mentions.iter() {
        let Some(k) = key(words, m) else { continue };
        votes.entry(k).or_insert(([0; 3], m.kind)).0[m.kind as usize] += 1;
    }
    for m in mentions.iter_mut() {
        let Some((counts, first)) = key(words, m).and_then(|k| votes.get(&k)) else {
            continue;
        };
        m.kind = EntityKind::ALL
            .into_iter()
            .max_by_key(|&k| (counts[k as usize], k == *first))
            .unwrap_or(m.kind);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(kind: EntityKind, start: u32, end: u32) -> Mention {
        Mention { kind, start, end }
    }

    #[test]
    fn the_kind_most_mentions_of_a_name_have_wins() {
        // "Coron ... the Coron ... Coron ... Harrow": two places and a person for one name.
        let words = [Some(1), None, Some(1), None, Some(1), Some(2)];
        let mut mentions = vec![
            mention(EntityKind::Place, 0, 1),
            mention(EntityKind::Person, 1, 3),
            mention(EntityKind::Place, 4, 5),
            mention(EntityKind::Organization, 5, 6),
        ];
        harmonise(&words, &mut mentions);
        let kinds: Vec<EntityKind> = mentions.iter().map(|m| m.kind).collect();
        use EntityKind::*;
        assert_eq!(kinds, [Place, Place, Place, Organization]);
    }

    #[test]
    fn a_tie_goes_to_the_first_mention() {
        let words = [Some(7), None, Some(7)];
        let mut mentions = vec![
            mention(EntityKind::Organization, 0, 1),
            mention(EntityKind::Person, 2, 3),
        ];
        harmonise(&words, &mut mentions);
        assert!(mentions.iter().all(|m| m.kind == EntityKind::Organization));
    }
}
