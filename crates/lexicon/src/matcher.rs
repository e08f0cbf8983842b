//! Finding dictionary phrases in text with one Aho-Corasick automaton.
//!
//! The automaton folds ASCII case and reports every (overlapping) occurrence; each is then
//! checked for case (proper nouns must match as written) and word boundaries, and the
//! survivors are reduced to leftmost-longest, non-overlapping matches. Filtering before the
//! leftmost-longest choice matters: in "Chadian turkey farms" the rejected "turkey" must not
//! hide anything, and a rejected long candidate must not hide a valid shorter one.

use crate::{Entry, EntryKind, LexMatch};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Debug)]
struct Group {
    /// Entries of this phrase, preferred reading first.
    entries: Range<usize>,
    /// Whether the phrase matches in any case (roles) or only as written.
    any_case: bool,
    /// Rank of the preferred reading, to choose between equal spans.
    rank: EntryKind,
}

#[derive(Debug)]
pub(crate) struct Matcher {
    automaton: AhoCorasick,
    /// For each automaton pattern: its group and its exact bytes.
    patterns: Vec<(usize, String)>,
    groups: Vec<Group>,
    entries: Vec<Entry>,
}

/// Phrases and their readings, collected before the automaton is built.
#[derive(Debug, Default)]
pub(crate) struct PhraseTable {
    /// (phrase, any_case) -> readings, in load order without repeats.
    phrases: BTreeMap<(String, bool), Vec<Entry>>,
}

impl PhraseTable {
    pub(crate) fn add(&mut self, phrase: &str, entry: Entry) {
        let phrase = phrase.trim();
        if phrase.is_empty() {
            return;
        }
        let any_case = !entry.kind.is_proper_noun();
        let readings = self
            .phrases
            .entry((phrase.to_string(), any_case))
            .or_default();
        if !readings.contains(&entry) {
            readings.push(entry);
        }
    }

    /// Drops the readings of `kind` for `phrase` (the exclusion list).
    pub(crate) fn remove(&mut self, phrase: &str, kind: EntryKind) -> bool {
        let key = (phrase.to_string(), !kind.is_proper_noun());
        let Some(readings) = self.phrases.get_mut(&key) else {
            return false;
        };
        let before = readings.len();
        readings.retain(|e| e.kind != kind);
        let removed = readings.len() != before;
        if readings.is_empty() {
            self.phrases.remove(&key);
        }
        removed
    }

    pub(crate) fn build(self) -> Matcher {
        let mut entries = Vec::new();
        let mut groups = Vec::new();
        let mut patterns = Vec::new();
        for ((phrase, any_case), mut readings) in self.phrases {
            // Stable: within a kind, load order (the data files' order) decides.
            readings.sort_by_key(|e| e.kind);
            let start = entries.len();
            let rank = readings[0].kind;
            entries.extend(readings);
            let group = groups.len();
            groups.push(Group {
                entries: start..entries.len(),
                any_case,
                rank,
            });
            if phrase.contains('\'') {
                patterns.push((group, phrase.replace('\'', "\u{2019}")));
            }
            patterns.push((group, phrase));
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|(_, p)| p.as_bytes()))
            .expect("dictionary phrases fit in an automaton");
        Matcher {
            automaton,
            patterns,
            groups,
            entries,
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl Matcher {
    pub(crate) fn find<'a>(&'a self, text: &str) -> Vec<LexMatch<'a>> {
        let bytes = text.as_bytes();
        // (start, end, group) of every occurrence that passes the case and boundary checks.
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (group_id, pattern) = &self.patterns[m.pattern().as_usize()];
            let group = &self.groups[*group_id];
            let (start, end) = (m.start(), m.end());
            if !group.any_case && &bytes[start..end] != pattern.as_bytes() {
                continue;
            }
            // Offsets from ASCII-folded matching of valid UTF-8 patterns are char boundaries.
            if !self.at_word_boundaries(text, start, end) {
                continue;
            }
            candidates.push((start, end, *group_id));
        }
        // Leftmost, then longest, then the better-ranked reading for an equal span.
        candidates.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.1.cmp(&a.1))
                .then(self.groups[a.2].rank.cmp(&self.groups[b.2].rank))
                .then(self.groups[a.2].any_case.cmp(&self.groups[b.2].any_case))
        });
        let mut out = Vec::new();
        let mut covered_to = 0;
        for (start, end, group_id) in candidates {
            if start < covered_to {
                continue;
            }
            covered_to = end;
            let entries = &self.entries[self.groups[group_id].entries.clone()];
            out.push(LexMatch {
                start,
                end,
                entry: &entries[0],
                alternatives: &entries[1..],
            });
        }
        out
    }

    fn at_word_boundaries(&self, text: &str, start: usize, end: usize) -> bool {
        let phrase = &text[start..end];
        let first_is_word = phrase.chars().next().is_some_and(is_word_char);
        let last_is_word = phrase.chars().next_back().is_some_and(is_word_char);
        let before_ok =
            !first_is_word || !text[..start].chars().next_back().is_some_and(is_word_char);
        let after_ok = !last_is_word || !text[end..].chars().next().is_some_and(is_word_char);
        before_ok && after_ok
    }
}
