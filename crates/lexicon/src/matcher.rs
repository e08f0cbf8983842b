//! Finding dictionary phrases in text with one Aho-Corasick automaton.
//!
//! The automaton folds ASCII case and reports every (overlapping) occurrence; each is then
//! checked for case (proper nouns must match as written) and word boundaries, and the
//! survivors are reduced to leftmost-longest, non-overlapping matches. Filtering before the
//! leftmost-longest choice matters: in "Chadian turkey farms" the rejected "turkey" must not
//! hide anything, and a rejected long candidate must not hide a valid shorter one.

use crate::{Entry, EntryKind, LexMatch};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;

#[derive(Debug)]
struct Group {
    /// Entries of this phrase, preferred reading first.
    entries: Range<usize>,
    /// Whether the phrase matches in any case (roles) or only as written.
    any_case: bool,
    /// Rank of the preferred reading, to choose between equal spans.
    rank: EntryKind,
    /// A phrase that names nothing ("Guinea pig"): it wins like any phrase, so that its
    /// words are not read as an actor, and is left out of the results.
    stop: bool,
    /// An acronym that is also an English word ("US", "WHO"): not matched next to another
    /// word in capitals, where the text is shouting ("CONTACT US").
    shout_sensitive: bool,
    /// A word that, followed by a capitalised word, is the first word of a longer name
    /// ("West" in "West Yorkshire"): not read alone there.
    name_start: bool,
}

#[derive(Debug)]
pub(crate) struct Matcher {
    automaton: AhoCorasick,
    /// For each automaton pattern: its group and its exact bytes.
    patterns: Vec<(usize, String)>,
    /// Phrases that only name people, as written -> group; found by [`Matcher::find_names`].
    names: HashMap<String, usize>,
    /// Byte length of the longest of `names`.
    longest_name: usize,
    /// Words in lower case inside those names ("al", "von"): a name may go on past them.
    name_particles: HashSet<String>,
    groups: Vec<Group>,
    entries: Vec<Entry>,
}

/// Phrases and their readings, collected before the automaton is built.
#[derive(Debug, Default)]
pub(crate) struct PhraseTable {
    /// (phrase, any_case) -> readings, in load order without repeats.
    phrases: BTreeMap<(String, bool), Vec<Entry>>,
    stops: BTreeSet<String>,
    shout_sensitive: BTreeSet<String>,
    name_starts: BTreeSet<String>,
    /// Phrases of the hand-written files (roles in lower case), which generated files leave
    /// alone.
    hand: HashSet<(String, bool)>,
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

    fn hand_key(phrase: &str, kind: EntryKind) -> (String, bool) {
        let any_case = !kind.is_proper_noun();
        let phrase = phrase.trim();
        let phrase = if any_case {
            phrase.to_lowercase()
        } else {
            phrase.to_string()
        };
        (phrase, any_case)
    }

    /// Records a phrase of a hand-written file.
    pub(crate) fn mark_hand(&mut self, phrase: &str, kind: EntryKind) {
        self.hand.insert(Self::hand_key(phrase, kind));
    }

    /// Whether a hand-written file lists the phrase (roles: in any letter case).
    pub(crate) fn is_hand_phrase(&self, phrase: &str, kind: EntryKind) -> bool {
        self.hand.contains(&Self::hand_key(phrase, kind))
    }

    /// Replaces the reading `old` of a proper-noun `phrase` by `new` (dates given to a person).
    pub(crate) fn replace(&mut self, phrase: &str, old: &Entry, new: Entry) {
        let key = (phrase.trim().to_string(), false);
        if let Some(reading) = self
            .phrases
            .get_mut(&key)
            .and_then(|readings| readings.iter_mut().find(|e| *e == old))
        {
            *reading = new;
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

    /// Adds a phrase that names nothing; it only keeps its words from being read.
    pub(crate) fn add_stop(&mut self, phrase: &str) {
        self.stops.insert(phrase.trim().to_string());
    }

    /// Marks an acronym that is also a word; false when the phrase is not in the table.
    pub(crate) fn mark_shout_sensitive(&mut self, phrase: &str) -> bool {
        let known = self.phrases.contains_key(&(phrase.to_string(), false));
        if known {
            self.shout_sensitive.insert(phrase.to_string());
        }
        known
    }

    /// Marks a phrase that, before a capitalised word, begins a longer name the lexicon may
    /// not know ("West Yorkshire"); false when the phrase is not in the table.
    pub(crate) fn mark_name_start(&mut self, phrase: &str) -> bool {
        let known = self.phrases.contains_key(&(phrase.to_string(), false));
        if known {
            self.name_starts.insert(phrase.to_string());
        }
        known
    }

    pub(crate) fn build(self) -> Matcher {
        let mut entries = Vec::new();
        let mut groups = Vec::new();
        let mut patterns = Vec::new();
        let mut names = HashMap::new();
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
                stop: false,
                shout_sensitive: !any_case && self.shout_sensitive.contains(&phrase),
                name_start: !any_case && self.name_starts.contains(&phrase),
            });
            // People's names (tens of thousands, matched as written) are looked up word by
            // word instead: an automaton of them all would take a second to build.
            if !any_case && entries[start..].iter().all(|e| e.kind == EntryKind::Person) {
                names.insert(phrase, group);
                continue;
            }
            if phrase.contains('\'') {
                patterns.push((group, phrase.replace('\'', "\u{2019}")));
            }
            patterns.push((group, phrase));
        }
        for phrase in self.stops {
            let at = entries.len();
            patterns.push((groups.len(), phrase));
            groups.push(Group {
                entries: at..at,
                any_case: false,
                rank: EntryKind::Country,
                stop: true,
                shout_sensitive: false,
                name_start: false,
            });
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|(_, p)| p.as_bytes()))
            .expect("dictionary phrases fit in an automaton");
        let longest_name = names.keys().map(String::len).max().unwrap_or(0);
        let name_particles = names
            .keys()
            .flat_map(|n| n.split([' ', '-']))
            .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
            .map(String::from)
            .collect();
        Matcher {
            automaton,
            patterns,
            names,
            longest_name,
            name_particles,
            groups,
            entries,
        }
    }
}

/// Whether the words around `start..end` (across spaces only) are in capitals, as in shouted
/// text: one long neighbour ("CONTACT US", "WHO WANTS") or both ("LET US GO"). Short
/// acronyms beside it are ordinary news ("US GDP", "UK PM").
fn shouting_around(text: &str, start: usize, end: usize) -> bool {
    let capitals = |word: &str| word.chars().filter(|c| c.is_ascii_uppercase()).count();
    let in_capitals = |word: &str| word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
    let before = text[..start].trim_end_matches([' ', '\t']);
    let word_before = if before.len() < start {
        let from = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(before.len(), |(i, _)| i);
        &before[from..]
    } else {
        ""
    };
    let after = text[end..].trim_start_matches([' ', '\t']);
    let word_after = if after.len() < text.len() - end {
        let to = after
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(after.len(), |(i, _)| i);
        &after[..to]
    } else {
        ""
    };
    let long = |word: &str| in_capitals(word) && capitals(word) >= 4;
    let both = in_capitals(word_before) && in_capitals(word_after);
    both || long(word_before) || long(word_after)
}

/// "Atlanta, Georgia": a place right after a city and a comma is read, when it can be, as a
/// region of the city's country (the US state, not the country Georgia).
fn settle_by_context(text: &str, matches: &mut [LexMatch<'_>]) {
    for i in 1..matches.len() {
        let (before, rest) = matches.split_at_mut(i);
        let (city, place) = (&before[i - 1], &mut rest[0]);
        let is_city = matches!(city.entry.kind, EntryKind::City | EntryKind::Capital);
        if !is_city
            || text[city.end..place.start].trim() != ","
            || city.entry.code == place.entry.code
        {
            continue;
        }
        if let Some(region) = place
            .readings
            .iter()
            .find(|e| e.kind == EntryKind::Region && e.code == city.entry.code)
        {
            place.entry = region;
        }
    }
}

/// Whether a capitalised word follows `end` across one space or hyphen ("West| Yorkshire").
fn capitalised_word_follows(text: &str, end: usize) -> bool {
    let mut after = text[end..].chars();
    matches!(after.next(), Some(' ' | '-')) && after.next().is_some_and(char::is_uppercase)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl Matcher {
    /// Every phrase as written with the kind of each of its readings (stop phrases left out).
    pub(crate) fn phrases(&self) -> impl Iterator<Item = (&str, EntryKind)> + '_ {
        let patterns = self.patterns.iter().map(|(g, p)| (*g, p.as_str()));
        let names = self.names.iter().map(|(p, g)| (*g, p.as_str()));
        patterns.chain(names).flat_map(move |(g, p)| {
            self.entries[self.groups[g].entries.clone()]
                .iter()
                .map(move |e| (p, e.kind))
        })
    }

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
            if group.shout_sensitive && shouting_around(text, start, end) {
                continue;
            }
            // The first word of a longer name: "West Yorkshire" is no Western bloc (a name
            // the dictionary knows whole, "West Bank", is matched whole and wins anyway).
            if group.name_start && capitalised_word_follows(text, end) {
                continue;
            }
            candidates.push((start, end, *group_id));
        }
        self.find_names(text, &mut candidates);
        // Leftmost, then longest, then the better-ranked reading for an equal span.
        candidates.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.1.cmp(&a.1))
                .then(self.groups[b.2].stop.cmp(&self.groups[a.2].stop))
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
            if self.groups[group_id].stop {
                continue;
            }
            let entries = &self.entries[self.groups[group_id].entries.clone()];
            out.push(LexMatch {
                start,
                end,
                entry: &entries[0],
                readings: entries,
            });
        }
        settle_by_context(text, &mut out);
        out
    }

    /// Adds the people's names of `names` found in `text`: from each word that starts with a
    /// capital, every run of words up to the longest name is looked up as written (a curly
    /// apostrophe read as a straight one).
    fn find_names(&self, text: &str, candidates: &mut Vec<(usize, usize, usize)>) {
        if self.names.is_empty() {
            return;
        }
        let is_name_char =
            |c: char| is_word_char(c) || matches!(c, '.' | '-' | '\'' | '\u{2019}' | ' ');
        let mut prev: Option<char> = None;
        for (start, c) in text.char_indices() {
            let word_start = c.is_uppercase() && !prev.is_some_and(is_word_char);
            prev = Some(c);
            if !word_start {
                continue;
            }
            let mut last_word = true;
            let mut after_space = false;
            for (off, d) in text[start..].char_indices() {
                if off > self.longest_name {
                    break;
                }
                // Names go on with capitalised words and particles ("al-Assad", "von der").
                if after_space && d.is_lowercase() {
                    let rest = &text[start + off..];
                    let to = rest.find([' ', '-']).unwrap_or(rest.len());
                    if !self.name_particles.contains(&rest[..to]) {
                        break;
                    }
                }
                after_space = d == ' ';
                let word = is_word_char(d);
                if last_word && !word && off > 0 {
                    self.look_up_name(text, start, start + off, candidates);
                }
                if !is_name_char(d) {
                    last_word = false;
                    break;
                }
                last_word = word;
            }
            if last_word && text.len() - start <= self.longest_name {
                self.look_up_name(text, start, text.len(), candidates);
            }
        }
    }

    fn look_up_name(
        &self,
        text: &str,
        start: usize,
        end: usize,
        out: &mut Vec<(usize, usize, usize)>,
    ) {
        let phrase = &text[start..end];
        let group = if phrase.contains('\u{2019}') {
            self.names.get(&phrase.replace('\u{2019}', "'"))
        } else {
            self.names.get(phrase)
        };
        if let Some(&g) = group {
            out.push((start, end, g));
        }
    }

    /// Phrases with two readings of the same kind but different codes, "phrase: kind A/B"
    /// (a data error unless deliberate).
    #[cfg(test)]
    pub(crate) fn same_kind_conflicts(&self) -> Vec<String> {
        let mut out = Vec::new();
        let names = self.names.iter().map(|(p, g)| (*g, p.clone()));
        let all: Vec<(usize, String)> = self.patterns.iter().cloned().chain(names).collect();
        for (group_id, pattern) in &all {
            let entries = &self.entries[self.groups[*group_id].entries.clone()];
            for (i, a) in entries.iter().enumerate() {
                for b in &entries[i + 1..] {
                    if a.kind == b.kind && a.code != b.code {
                        out.push(format!("{pattern}: {} {:?}/{:?}", a.kind, a.code, b.code));
                    }
                }
            }
        }
        out.sort();
        out.dedup();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: EntryKind, code: &str) -> Entry {
        Entry {
            kind,
            code: Some(code.to_string()),
            sector: None,
            canonical: code.to_string(),
            roles: Vec::new(),
        }
    }

    fn spans(m: &Matcher, text: &str) -> Vec<(String, String)> {
        m.find(text)
            .iter()
            .map(|x| {
                let code = x.entry.code.clone().unwrap_or_default();
                (x.text(text).to_string(), code)
            })
            .collect()
    }

    #[test]
    fn rejected_long_candidate_does_not_hide_a_valid_short_one() {
        let mut t = PhraseTable::default();
        t.add("Chad", entry(EntryKind::Country, "TCD"));
        // "Chad basin" is not the proper noun "Chad Basin", which must not hide "Chad"; a
        // longer phrase in any case ("turkey farms") does win over "Turkey".
        t.add("Chad Basin", entry(EntryKind::Region, "CHADBASIN"));
        t.add("Turkey", entry(EntryKind::Country, "TUR"));
        t.add("turkey farms", entry(EntryKind::Role, "FARM"));
        let m = t.build();
        assert_eq!(spans(&m, "Chad basin"), [("Chad".into(), "TCD".into())]);
        assert_eq!(
            spans(&m, "Turkey farms"),
            [("Turkey farms".into(), "FARM".into())]
        );
        assert_eq!(spans(&m, "chad"), Vec::<(String, String)>::new());
    }

    #[test]
    fn boundaries_apostrophes_and_readings() {
        let mut t = PhraseTable::default();
        t.add("Oman", entry(EntryKind::Country, "OMN"));
        t.add("Côte d'Ivoire", entry(EntryKind::Country, "CIV"));
        t.add("Luxembourg", entry(EntryKind::City, "LUX"));
        t.add("Luxembourg", entry(EntryKind::Country, "LUX"));
        t.add_stop("Oman Air");
        let m = t.build();
        assert_eq!(spans(&m, "Romania, Omani, Omanis"), vec![]);
        assert_eq!(
            spans(&m, "Oman’s envoy to Côte d’Ivoire"),
            [
                ("Oman".into(), "OMN".into()),
                ("Côte d’Ivoire".into(), "CIV".into())
            ]
        );
        assert_eq!(
            spans(&m, "flew Oman Air to Oman"),
            [("Oman".into(), "OMN".into())]
        );
        let lux = m.find("in Luxembourg.");
        assert_eq!(lux[0].entry.kind, EntryKind::Country);
        assert_eq!(lux[0].alternatives().next().unwrap().kind, EntryKind::City);
        // Non-ASCII letters are word characters too.
        assert_eq!(spans(&m, "Omanø"), vec![]);
    }

    #[test]
    fn shouted_acronyms() {
        let mut t = PhraseTable::default();
        t.add("US", entry(EntryKind::Country, "USA"));
        assert!(t.mark_shout_sensitive("US"));
        assert!(!t.mark_shout_sensitive("UK"));
        let m = t.build();
        for quiet in ["the US said", "US GDP grew", "UK PM and US", "US-led"] {
            assert_eq!(m.find(quiet).len(), 1, "{quiet}");
        }
        for shouted in ["CONTACT US", "LET US GO", "US  NAVY SEALS", "us"] {
            assert_eq!(m.find(shouted).len(), 0, "{shouted}");
        }
    }

    #[test]
    fn people_are_found_word_by_word() {
        let mut t = PhraseTable::default();
        t.add("Bashar al-Assad", entry(EntryKind::Person, "SYR"));
        t.add("Tony Blair", entry(EntryKind::Person, "GBR"));
        t.add("Blair", entry(EntryKind::Person, "GBR"));
        t.add("Sean O'Brien", entry(EntryKind::Person, "IRL"));
        t.add("Syria", entry(EntryKind::Country, "SYR"));
        let m = t.build();
        assert_eq!(
            spans(&m, "Syria's Bashar al-Assad met Tony Blair's envoy."),
            [
                ("Syria".into(), "SYR".into()),
                ("Bashar al-Assad".into(), "SYR".into()),
                ("Tony Blair".into(), "GBR".into())
            ]
        );
        assert_eq!(spans(&m, "Blair."), [("Blair".into(), "GBR".into())]);
        assert_eq!(
            spans(&m, "Sean O’Brien said"),
            [("Sean O’Brien".into(), "IRL".into())]
        );
        // As written only, and whole words only.
        assert!(spans(&m, "tony blair, Blairite, TONY BLAIR").is_empty());
    }
}
