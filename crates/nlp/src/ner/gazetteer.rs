//! The names attache's lexicon knows (countries, cities, regions, organisations, parties,
//! media, seats of government, people, nationalities; `data/lexicon`), as features of the
//! recogniser: for each word, where it lies in the longest known name of each class that
//! covers it. The names are read when the recogniser is trained and stored in its model file
//! as hashes of their words, so the recogniser needs no lexicon to run.

use crate::binio::{Reader, Writer};
use crate::error::FormatError;
use crate::perceptron::mix;
use crate::tagger::{Atoms, form_hash};
use crate::tokenizer::TokenizerRules;
use attache_lexicon::gazetteer::{Feature, Gazetteer};
use attache_lexicon::{EntryKind, Lexicon};
use std::collections::BTreeMap;

/// The classes of known names, each a bit of an entry.
pub(crate) const CLASSES: usize = 8;
/// Countries, capitals, regions, the lexicon's cities, GeoNames cities of at least
/// [`LARGE_CITY`] inhabitants, US states.
pub(crate) const PLACE: u8 = 0;
/// The smaller GeoNames cities (many are also surnames or first names).
const SMALL_PLACE: u8 = 1;
/// International and national bodies, parties, news media.
pub(crate) const ORGANIZATION: u8 = 2;
/// Seats of government used for it ("Kremlin", "White House").
pub(crate) const SEAT: u8 = 3;
/// People's full names and the single-word names they go by.
pub(crate) const PERSON: u8 = 4;
/// Nationality words ("Dutch", "Afghans").
const DEMONYM: u8 = 5;
/// The first word of a person's name of several words ("Angela").
const FIRST_NAME: u8 = 6;
/// The last word of a person's name of several words ("Merkel").
const LAST_NAME: u8 = 7;
const LARGE_CITY: u64 = 100_000;
/// Longer names are left out.
const MAX_WORDS: usize = 6;
const SEED: u64 = 0x5EED_0100;

/// Known names: hashes of their word sequences (case as written) with the classes they
/// belong to, sorted by hash.
#[derive(Clone, Default)]
pub(crate) struct KnownNames {
    entries: Vec<(u64, u8)>,
}

/// The class of a lexicon phrase's reading; `None` for roles.
fn class_of(kind: EntryKind) -> Option<u8> {
    Some(match kind {
        EntryKind::Country | EntryKind::Capital | EntryKind::City | EntryKind::Region => PLACE,
        EntryKind::Organisation | EntryKind::Party | EntryKind::Media => ORGANIZATION,
        EntryKind::Seat => SEAT,
        EntryKind::Person => PERSON,
        EntryKind::Demonym => DEMONYM,
        EntryKind::Role => return None,
    })
}

impl KnownNames {
    /// The names of the lexicon and gazetteer compiled into `attache-lexicon` (the files of
    /// `data/lexicon`), split into words by `rules`.
    pub(crate) fn from_lexicon(rules: &TokenizerRules) -> KnownNames {
        let mut map: BTreeMap<u64, u8> = BTreeMap::new();
        let mut add = |name: &str, class: u8| {
            let spans = rules.tokenize(name);
            if spans.is_empty() || spans.len() > MAX_WORDS {
                return;
            }
            let forms: Vec<u64> = spans.iter().map(|r| form_hash(&name[r.clone()])).collect();
            *map.entry(phrase_hash(&forms)).or_default() |= 1 << class;
            if class == PERSON && forms.len() > 1 {
                *map.entry(phrase_hash(&forms[..1])).or_default() |= 1 << FIRST_NAME;
                *map.entry(phrase_hash(&forms[forms.len() - 1..]))
                    .or_default() |= 1 << LAST_NAME;
            }
        };
        for (phrase, kind) in Lexicon::embedded().phrases() {
            if let Some(class) = class_of(kind) {
                add(phrase, class);
            }
        }
        for (name, place) in Gazetteer::embedded().names() {
            let large = place.feature != Feature::City || place.population >= LARGE_CITY;
            add(name, if large { PLACE } else { SMALL_PLACE });
        }
        KnownNames {
            entries: map.into_iter().collect(),
        }
    }

    fn get(&self, hash: u64) -> u8 {
        self.entries
            .binary_search_by_key(&hash, |&(h, _)| h)
            .map_or(0, |k| self.entries[k].1)
    }

    /// For each word of a sentence and each class, where the word lies in the longest known
    /// name of the class that covers it: 0 none, 1 first, 2 inside, 3 last, 4 the whole name.
    pub(crate) fn positions(&self, atoms: &[Atoms]) -> Vec<[u8; CLASSES]> {
        let n = atoms.len();
        let mut out = vec![[0u8; CLASSES]; n];
        if self.entries.is_empty() {
            return out;
        }
        let mut longest = vec![[0u8; CLASSES]; n];
        for s in 0..n {
            let mut h = SEED;
            for (e, word) in atoms.iter().enumerate().take(n.min(s + MAX_WORDS)).skip(s) {
                h = mix(h, word.form);
                let bits = self.get(h);
                if bits == 0 {
                    continue;
                }
                let len = (e - s + 1) as u8;
                for c in (0..CLASSES).filter(|c| bits >> c & 1 == 1) {
                    for t in s..=e {
                        if len > longest[t][c] {
                            longest[t][c] = len;
                            out[t][c] = position(t, s, e);
                        }
                    }
                }
            }
        }
        out
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.varint(self.entries.len() as u64);
        for &(h, bits) in &self.entries {
            w.u64(h);
            w.u8(bits);
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<KnownNames, FormatError> {
        let n = r.varint()? as usize;
        let mut entries = Vec::with_capacity(n.min(1 << 24));
        for _ in 0..n {
            entries.push((r.u64()?, r.u8()?));
        }
        if entries.windows(2).any(|w| w[0].0 >= w[1].0) {
            return Err(FormatError::Inconsistent("known names are not sorted"));
        }
        Ok(KnownNames { entries })
    }
}

fn position(t: usize, start: usize, end: usize) -> u8 {
    match (t == start, t == end) {
        (true, true) => 4,
        (true, false) => 1,
        (false, true) => 3,
        (false, false) => 2,
    }
}

fn phrase_hash(forms: &[u64]) -> u64 {
    forms.iter().fold(SEED, |h, &f| mix(h, f))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The classes (with positions) of each word of `text`.
    fn classes(
        known: &KnownNames,
        rules: &TokenizerRules,
        text: &str,
    ) -> Vec<(String, Vec<(u8, u8)>)> {
        let spans = rules.tokenize(text);
        let forms: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        let mut atoms = Vec::new();
        crate::tagger::atoms_into(forms.iter().copied(), &mut atoms, &mut String::new());
        let pos = known.positions(&atoms);
        forms
            .iter()
            .zip(pos)
            .map(|(f, p)| {
                let on = (0..CLASSES as u8).filter(|&c| p[c as usize] != 0);
                (f.to_string(), on.map(|c| (c, p[c as usize])).collect())
            })
            .collect()
    }

    #[test]
    fn places_people_and_bodies_of_the_lexicon() {
        let analyzer = crate::Analyzer::load(crate::Analyzer::default_path()).unwrap();
        let known = KnownNames::from_lexicon(&analyzer.rules);
        let found = classes(
            &known,
            &analyzer.rules,
            "Athens was thriving, Angela Merkel told the United Nations in New York.",
        );
        let get = |w: &str| found.iter().find(|(f, _)| f == w).unwrap().1.clone();
        assert!(get("Athens").contains(&(PLACE, 4)), "{found:?}");
        assert!(get("was").is_empty(), "{found:?}");
        assert!(get("Angela").contains(&(PERSON, 1)), "{found:?}");
        assert!(get("Merkel").contains(&(PERSON, 3)), "{found:?}");
        assert!(get("Merkel").contains(&(LAST_NAME, 4)), "{found:?}");
        assert!(get("Nations").contains(&(ORGANIZATION, 3)), "{found:?}");
        assert!(get("York").contains(&(PLACE, 3)), "{found:?}");
    }
}
