//! Words that name one kind of event (`data/merge/event-words.txt`): "quake" and "earthquake",
//! "died" and "death". Two modes whose last words share a line are one mode.

use std::collections::HashMap;
use std::sync::OnceLock;

const EVENT_WORDS: &str = include_str!("../../../data/merge/event-words.txt");

/// Each listed word with its line number (1-based), comments left out.
fn listed_words() -> impl Iterator<Item = (usize, &'static str)> {
    EVENT_WORDS.lines().enumerate().flat_map(|(index, text)| {
        let words = text.split('#').next().unwrap_or_default();
        words.split_whitespace().map(move |word| (index + 1, word))
    })
}

/// Each listed word with the number of its line.
fn classes() -> &'static HashMap<&'static str, usize> {
    static CLASSES: OnceLock<HashMap<&'static str, usize>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut map = HashMap::new();
        for (line, word) in listed_words() {
            map.entry(word).or_insert(line);
        }
        map
    })
}

const GENERAL_WORDS: &str = include_str!("../../../data/merge/general-words.txt");

fn general_words() -> &'static std::collections::HashSet<&'static str> {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        GENERAL_WORDS
            .lines()
            .flat_map(|l| l.split('#').next().unwrap_or_default().split_whitespace())
            .collect()
    })
}

/// Whether a mode's word (its last part: "generic:say") is one of the words for events that
/// recur within one story (`data/merge/general-words.txt`): the same such word does not tell
/// one event.
pub fn general(mode: &str) -> bool {
    let word = mode.rsplit_once(':').map_or(mode, |(_, w)| w);
    general_words().contains(word)
}

/// Whether two modes are one: the same string, or the same prefix ("generic:") and last words
/// that are one word inflected ([`inflected`]) or of one line of the event-word list.
pub fn same_mode(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (pa, wa) = a.rsplit_once(':').unwrap_or(("", a));
    let (pb, wb) = b.rsplit_once(':').unwrap_or(("", b));
    if pa != pb {
        return false;
    }
    if !pa.is_empty() && (inflected(wa, wb) || inflected(wb, wa)) {
        return true;
    }
    let class = |w: &str| classes().get(w).copied();
    class(wa).is_some() && class(wa) == class(wb)
}

/// The prefix of the mode of a mention whose word the trigger dictionary does not code
/// ("generic:riot"): its category is a placeholder, unknown rather than another kind of event.
const UNKNOWN_KIND: &str = "generic";

/// Whether two mentions, one of unknown kind ([`UNKNOWN_KIND`]), are told by one word, so
/// that their categories do not keep them apart: both of unknown kind and one mode
/// ([`same_mode`]), or the other coded with its word as its mode ("riot" coded PROTEST and
/// "riot" the dictionary left uncoded in another sentence), the word as it is or inflected.
/// Only the word itself counts across the two: a line of the event-word list joins words for
/// one kind of event, not a coder's mode ("beat" is an assault) to a result.
pub fn unknown_kind_fits(a: &str, b: &str) -> bool {
    let (pa, wa) = a.rsplit_once(':').unwrap_or(("", a));
    let (pb, wb) = b.rsplit_once(':').unwrap_or(("", b));
    match (pa == UNKNOWN_KIND, pb == UNKNOWN_KIND) {
        (true, true) => same_mode(a, b),
        (true, false) | (false, true) if pa.is_empty() || pb.is_empty() => {
            wa == wb || inflected(wa, wb) || inflected(wb, wa)
        }
        _ => false,
    }
}

/// Whether a mention of unknown kind ("generic:shooting") is told by the trigger's own word of
/// the other, coded, mention (`words`: "shooting" the dictionary coded ASSAULT, mode firearms):
/// the same word, as it is or inflected. The coder's mode or category names a kind of event,
/// the word read from the text is what both reports say.
pub fn unknown_word_fits(mode: Option<&str>, words: &[&str]) -> bool {
    let Some((UNKNOWN_KIND, word)) = mode.and_then(|m| m.rsplit_once(':')) else {
        return false;
    };
    words.iter().any(|w| one_word(word, w))
}

/// Whether a lemma and a word as the text reads it are one word for the event: the same,
/// inflected ([`inflected`]), or of one line of the event-word list as it is or as its lemma
/// ("shot" and "shooting", "murder" and "killed").
fn one_word(lemma: &str, read: &str) -> bool {
    if lemma == read || inflected(lemma, read) || inflected(read, lemma) {
        return true;
    }
    let Some(line) = classes().get(lemma) else {
        return false;
    };
    let stems = ["s", "es", "d", "ed"]
        .iter()
        .filter_map(|end| read.strip_suffix(end));
    std::iter::once(read)
        .chain(stems)
        .any(|w| classes().get(w) == Some(line))
}

/// Whether two coded mentions' triggers read one word for the event (`a`, `b`: the words as the
/// texts read them, lowercased): the same word, inflected, or words of one line of the
/// event-word list ("killed" and "murdered", "the quake" and "the earthquake"). The coder's mode
/// names a kind of event; these are what both texts say.
pub fn read_words_meet(a: &[&str], b: &[&str]) -> bool {
    a.iter().any(|x| {
        b.iter()
            .any(|y| stems(x).any(|sx| stems(y).any(|sy| sx == sy || one_word(sx, sy))))
    })
}

/// A word as read and the word with one of the inflections the lemmatiser may leave taken off.
fn stems(read: &str) -> impl Iterator<Item = &str> {
    std::iter::once(read).chain(
        ["s", "es", "d", "ed"]
            .iter()
            .filter_map(move |end| read.strip_suffix(end))
            .filter(|w| w.chars().count() >= 3),
    )
}

/// Whether `long` is `short` with an inflection the lemmatiser left on ("playoffs",
/// "retains", "escaped", "suspended"): `short` of three letters or more, followed by "s",
/// "es", "d" or "ed".
fn inflected(short: &str, long: &str) -> bool {
    short.chars().count() >= 3
        && long
            .strip_prefix(short)
            .is_some_and(|rest| ["s", "es", "d", "ed"].contains(&rest))
}

#[cfg(test)]
mod tests {
    use super::same_mode;

    #[test]
    fn words_of_one_line_are_one_mode() {
        assert!(same_mode("generic:quake", "generic:earthquake"));
        assert!(same_mode("generic:death", "generic:die"));
        assert!(!same_mode("generic:death", "generic:kill"));
        assert!(!same_mode("generic:quake", "quake"));
        assert!(!same_mode("generic:rehab", "generic:treatment"));
    }

    /// A word the lemmatiser left inflected is the word: "the playoffs" and "a playoff",
    /// "escaped" and "the escape", "was suspended" and "suspend". A coder's mode is a name, not
    /// a word read from the text, and stays as it is.
    #[test]
    fn an_inflected_word_is_its_lemma() {
        assert!(same_mode("generic:playoffs", "generic:playoff"));
        assert!(same_mode("generic:escape", "generic:escaped"));
        assert!(same_mode("generic:suspended", "generic:suspend"));
        assert!(same_mode("generic:retain", "generic:retains"));
        assert!(!same_mode("generic:ne", "generic:need"));
        assert!(!same_mode("generic:escape", "generic:escapade"));
        assert!(!same_mode("arrest", "arrests"));
    }

    /// A word the dictionary did not code is of unknown kind: the same word coded elsewhere,
    /// or uncoded twice, is one word for the event whatever the placeholder category says; a
    /// coder's mode named as a category ("ASSAULT") or a word only of the same line is not.
    #[test]
    fn a_word_of_unknown_kind_fits_the_same_word() {
        use super::unknown_kind_fits;
        assert!(unknown_kind_fits("generic:riot", "riot"));
        assert!(unknown_kind_fits("arrest", "generic:arrested"));
        assert!(unknown_kind_fits("generic:direct", "generic:direct"));
        assert!(unknown_kind_fits("generic:quake", "generic:earthquake"));
        assert!(!unknown_kind_fits("generic:shooting", "ASSAULT"));
        assert!(!unknown_kind_fits("generic:win", "beat"));
        assert!(!unknown_kind_fits("riot", "riot"));
        assert!(!unknown_kind_fits("generic:riot", "generic:protest"));
    }

    /// The word a coded mention's trigger reads is its word: an uncoded "shooting" fits a
    /// "shooting" coded ASSAULT whatever its mode, "shootings" too; another word, or a coded
    /// mention's mode alone, does not.
    #[test]
    fn a_word_of_unknown_kind_fits_the_coded_trigger_word() {
        use super::unknown_word_fits;
        assert!(unknown_word_fits(Some("generic:shooting"), &["shooting"]));
        assert!(unknown_word_fits(
            Some("generic:shooting"),
            &["gunfire", "shootings"]
        ));
        assert!(unknown_word_fits(Some("generic:shot"), &["shooting"]));
        assert!(unknown_word_fits(Some("generic:slaying"), &["killed"]));
        assert!(!unknown_word_fits(Some("generic:death"), &["killed"]));
        assert!(!unknown_word_fits(Some("generic:shooting"), &["attack"]));
        assert!(!unknown_word_fits(Some("generic:shooting"), &[]));
        assert!(!unknown_word_fits(Some("firearms"), &["firearms"]));
        assert!(!unknown_word_fits(None, &["shooting"]));
    }

    /// Two coded triggers read one word for the event: the same word, inflected, or words of
    /// one line as the texts read them ("murdered" and "killing"); not words of two lines
    /// ("killed" and "died") nor an inflection of a stub ("ed").
    #[test]
    fn two_read_words_meet_through_their_stems_and_lines() {
        use super::read_words_meet;
        assert!(read_words_meet(&["murdered"], &["killing"]));
        assert!(read_words_meet(&["negotiations"], &["negotiation"]));
        assert!(read_words_meet(&["arrested"], &["detained"]));
        assert!(read_words_meet(&["quake"], &["earthquakes"]));
        assert!(!read_words_meet(&["killed"], &["died"]));
        assert!(!read_words_meet(&["detained"], &["seized"]));
        assert!(!read_words_meet(&["ed"], &["d"]));
        assert!(!read_words_meet(&[], &["killing"]));
    }

    #[test]
    fn words_for_saying_are_general() {
        assert!(super::general("generic:say"));
        assert!(super::general("tell"));
        assert!(!super::general("generic:quake"));
    }

    /// A word on two lines would join two kinds of event through it; the first line would win
    /// silently, so the file lists each word once.
    #[test]
    fn each_word_is_listed_once() {
        let mut seen = std::collections::HashMap::new();
        for (line, word) in super::listed_words() {
            if let Some(first) = seen.insert(word, line) {
                panic!("data/merge/event-words.txt:{line}: '{word}' is already on line {first}");
            }
        }
    }
}
