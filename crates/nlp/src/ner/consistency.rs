//! One kind for one name within a document: once a document's sentences are labelled, each
//! mention takes the kind most of the mentions of its name were given ("Coron" a place in
//! every sentence of an article about it, though one sentence's context made it a person),
//! the name's first mention breaking a tie. A name is the mention's capitalised words, so
//! "the Senate" and "Senate" are one name.
//!
//! A sentence reads the kinds earlier mentions gave its words (see [`Memory`]), so a name's
//! first sentence reads nothing of it. Once every sentence is labelled, a run of capitalised
//! words that no mention holds, that no earlier mention held and that is a whole name a
//! mention of the document has ("Officials in Tarnowo said ..." before "Tarnowo was
//! flooded") gets a second look: its sentence is labelled again reading that mention's kind
//! as a later sentence would have, and the mentions then found on the run are added. A
//! run the recogniser still takes for no mention stays none: a name is not copied to its
//! other occurrences (tried: GUM exact F1 fell from 0.595 to 0.578).

use super::features::OwnedInput;
use super::{EntityKind, Memory, Mention, NerWork, Recognizer};
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

/// The mentions of one document's sentences (`inputs`, each with its first token's index
/// `bases` in the numbering of `words`), with one kind per name (see the module notes).
pub(crate) fn recognize_document(
    recognizer: &Recognizer,
    inputs: &mut [OwnedInput],
    bases: &[usize],
    words: &Words,
    work: &mut NerWork,
) -> Vec<Mention> {
    let mut memory = Memory::default();
    let mut found: Vec<Vec<Mention>> = Vec::with_capacity(inputs.len());
    for (input, &base) in inputs.iter_mut().zip(bases) {
        memory.recall(&input.atoms, &mut input.seen);
        let mut sentence = Vec::new();
        recognizer.recognize(&input.view(), work, base, &mut sentence);
        memory.remember(&input.atoms, &sentence, base);
        found.push(sentence);
    }
    let names: std::collections::HashSet<u64> = found
        .iter()
        .flatten()
        .filter_map(|m| key(words, m))
        .collect();
    for ((input, &base), sentence) in inputs.iter_mut().zip(bases).zip(&mut found) {
        let later = named_later(&memory, &names, input, sentence, base);
        if later.is_empty() {
            continue;
        }
        let mut again = Vec::new();
        recognizer.recognize(&input.view(), work, base, &mut again);
        let free = |m: &Mention| {
            later
                .iter()
                .any(|&j| (m.start as usize..m.end as usize).contains(&(base + j)))
                && !sentence.iter().any(|o| o.start < m.end && m.start < o.end)
        };
        let new: Vec<Mention> = again.into_iter().filter(|m| free(m)).collect();
        sentence.extend(new);
        sentence.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    }
    let mut out = found.concat();
    harmonise(words, &mut out);
    out
}

/// Gives the words of each run of capitalised words of a sentence that none of its
/// `mentions` holds, that read nothing from earlier mentions and that is one of the document's
/// `names` (keys as [`key`] makes them) the kind the document's mentions gave them (`memory`,
/// read after the whole document); returns those words' indices in the sentence.
fn named_later(
    memory: &Memory,
    names: &std::collections::HashSet<u64>,
    input: &mut OwnedInput,
    mentions: &[Mention],
    base: usize,
) -> Vec<usize> {
    let held = |j: usize| {
        mentions
            .iter()
            .any(|m| (m.start as usize..m.end as usize).contains(&(base + j)))
    };
    let free =
        |input: &OwnedInput, j: usize| input.atoms[j].capitalised && input.seen[j] == 0 && !held(j);
    let mut later = Vec::new();
    let n = input.atoms.len();
    let mut j = 0;
    while j < n {
        if !free(input, j) {
            j += 1;
            continue;
        }
        let start = j;
        let mut k = SEED;
        while j < n && free(input, j) {
            k = mix(k, input.atoms[j].form);
            j += 1;
        }
        if !names.contains(&k) {
            continue;
        }
        for i in start..j {
            if let Some(seen) = memory.seen(input.atoms[i].form) {
                input.seen[i] = seen;
                later.push(i);
            }
        }
    }
    later
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
