//! What a mention says: the content words of its clause (objects, places, named entities,
//! numbers and the trigger), and how much two mentions share.
//!
//! Words are read from the mention's text with the actor's own words left out (the actor is
//! compared by its code; two different deeds of one actor must not look alike for naming it).
//! Function words (`data/merge/function-words.txt`) are dropped; the rest is lower-cased and a
//! plural "s" stripped. Names (capitalised words) and numbers weigh [`NAME_WEIGHT`], other
//! words 1: "Malibu" or "30" says more about which event it is than "rehab".

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const FUNCTION_WORDS: &str = include_str!("../../../data/merge/function-words.txt");

/// Weight of a name or number against 1 for another content word.
pub const NAME_WEIGHT: f64 = 2.0;

/// At most this many words are kept per merged event (the first ones reported win).
pub const MAX_EVENT_WORDS: usize = 48;

fn function_words() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        FUNCTION_WORDS
            .lines()
            .map(|l| l.split('#').next().unwrap_or_default())
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// The content words of `text`, skipping the byte ranges in `skip` (relative to `text`), in
/// order of first appearance without repeats. A name or number is kept with a leading `^`
/// ("^malibu", "^30") so that its weight survives storage.
pub fn content_words(text: &str, skip: &[[usize; 2]]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut start = None;
    let bytes = text.len();
    for (i, c) in text.char_indices().chain(std::iter::once((bytes, ' '))) {
        let word_char = c.is_alphanumeric() || (c == '\'' && start.is_some());
        match (start, word_char) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                start = None;
                if skip.iter().any(|r| s < r[1] && r[0] < i) {
                    continue;
                }
                if let Some(w) = normalise(&text[s..i])
                    && !out.contains(&w)
                {
                    out.push(w);
                }
            }
            _ => {}
        }
    }
    out
}

/// Who speaks in an actor's own words: its last content word when that is a name, bare ("Mr
/// Beith" gives "beith", "Tory leader Michael Howard" "howard", "the Tories" "tory"); `None`
/// for a pronoun ("he", "they") or a common noun ("the government", "the Turkmen side"), which
/// may stand for any named speaker of its side.
pub fn speaker_word(actor_text: &str) -> Option<String> {
    let last = content_words(actor_text, &[]).pop()?;
    let name = last.strip_prefix('^')?;
    let number = name.chars().all(|c| c.is_ascii_digit() || c == '.');
    (!number).then(|| name.to_string())
}

/// How many of a document's names tell its story ([`story_names`]).
pub const STORY_NAMES: usize = 20;

/// The names and numbers a document repeats most ("^malibu", "^reid"), the first seen first
/// among equals: what its story is about, whichever clause reports the event. Two reports of
/// one event share them; two events of one kind (two actresses in rehab) do not.
pub fn story_names(text: &str) -> Vec<String> {
    counted_words(text, |w| Some(w).filter(|w| w.starts_with('^')))
        .into_iter()
        .take(STORY_NAMES)
        .map(|(w, _)| w)
        .collect()
}

/// The words of `text` ([`normalise`]d, then kept or changed by `keep`) with how often each
/// occurs, most frequent first, the first seen first among equals. A word is normalised into
/// one reused buffer; only a word not seen before is allocated.
pub(crate) fn counted_words(text: &str, keep: impl Fn(&str) -> Option<&str>) -> Vec<(String, u32)> {
    let mut counts: Vec<(String, u32)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut buffer = String::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let word_char = c.is_alphanumeric() || (c == '\'' && start.is_some());
        match (start, word_char) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                start = None;
                if !normalise_into(&text[s..i], &mut buffer) {
                    continue;
                }
                let Some(w) = keep(&buffer) else {
                    continue;
                };
                match index.get(w) {
                    Some(&k) => counts[k].1 += 1,
                    None => {
                        index.insert(w.to_string(), counts.len());
                        counts.push((w.to_string(), 1));
                    }
                }
            }
            _ => {}
        }
    }
    // A stable sort keeps the first seen first among equal counts.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts
}

pub(crate) fn normalise(word: &str) -> Option<String> {
    let mut out = String::new();
    normalise_into(word, &mut out).then_some(out)
}

/// Writes the normal form of `word` into `out` (cleared first): lower case, a plural "s"
/// stripped, a leading `^` for a name or number; `false` for a function word or a word under
/// three letters.
fn normalise_into(word: &str, out: &mut String) -> bool {
    out.clear();
    let word = word.trim_end_matches("'s").trim_end_matches('\'');
    let number = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    let name = word.chars().next().is_some_and(char::is_uppercase);
    if number || name {
        out.push('^');
    }
    let offset = out.len();
    if number {
        out.extend(word.chars().filter(|&c| c != ','));
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if function_words().contains(&out[offset..]) || (!number && out[offset..].chars().count() < 3) {
        out.clear();
        return false;
    }
    if number {
        return true;
    }
    let lower = &out[offset..];
    if lower.len() > 4 && lower.ends_with('s') && !lower.ends_with("ss") {
        out.pop();
    }
    true
}

fn weight(word: &str) -> f64 {
    if word.starts_with('^') {
        NAME_WEIGHT
    } else {
        1.0
    }
}

fn bare(word: &str) -> &str {
    word.trim_start_matches('^')
}

/// How much of a new mention's content an event already has.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlap<'a> {
    /// The words both have.
    pub shared: Vec<&'a str>,
    /// Weight of the shared words.
    pub shared_weight: f64,
    /// How many shared words are names or numbers, a run of them adjacent on both sides
    /// ("Tony Blair") counting once.
    pub shared_names: usize,
    /// How many shared words are neither names nor numbers ("hosted", "dinner").
    pub shared_plain: usize,
    /// Shared weight over the sides' mean weight (Dice): 1 when both say the same words.
    pub score: f64,
}

/// Compares two word lists from [`content_words`]; a word is shared whether or not one side
/// capitalised it, and weighs as a name when either did.
pub fn overlap<'a>(ours: &[&'a str], theirs: &[&'a str]) -> Overlap<'a> {
    let mut shared = Vec::new();
    let mut shared_weight = 0.0;
    let mut shared_names = 0;
    let mut shared_plain = 0;
    // Where the last shared name stood on each side: a name that follows it on both sides
    // continues it ("Tony Blair", "Lib Dems") and is not a second name.
    let mut last_name: Option<(usize, usize)> = None;
    for (ti, t) in theirs.iter().enumerate() {
        if let Some(oi) = ours.iter().position(|o| bare(o) == bare(t)) {
            shared.push(bare(t));
            let w = weight(ours[oi]).max(weight(t));
            shared_weight += w;
            if w > 1.0 {
                let continues = last_name == Some((ti.wrapping_sub(1), oi.wrapping_sub(1)));
                shared_names += usize::from(!continues);
                last_name = Some((ti, oi));
            } else {
                shared_plain += 1;
            }
        }
    }
    let total = |words: &[&str]| words.iter().map(|w| weight(w)).sum::<f64>();
    let mean = (total(ours) + total(theirs)) / 2.0;
    let score = if mean == 0.0 {
        0.0
    } else {
        (shared_weight / mean).min(1.0)
    };
    Overlap {
        shared,
        shared_weight,
        shared_names,
        shared_plain,
        score,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers_and_nouns_are_kept_function_words_dropped() {
        let text = "Italy expelled 30 Russian diplomats on Tuesday, the foreign ministry said";
        let words = content_words(text, &[[0, 5]]);
        assert_eq!(
            words,
            [
                "expelled", "^30", "^russian", "diplomat", "foreign", "ministry"
            ]
        );
    }

    #[test]
    fn overlap_weighs_names_and_is_symmetric_in_case() {
        let a = content_words("Reid checked into Promises in Malibu", &[]);
        let b = content_words("the actress entered a clinic in malibu", &[]);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let b: Vec<&str> = b.iter().map(String::as_str).collect();
        let o = overlap(&a, &b);
        assert_eq!(o.shared, ["malibu"]);
        assert_eq!(o.shared_weight, NAME_WEIGHT);
        // "actress entered clinic malibu" weighs 4, Reid's clause 2+1+2+2 = 7: Dice 2 / 5.5.
        assert!((o.score - 2.0 / 5.5).abs() < 1e-9, "{}", o.score);
        assert_eq!(o.shared_names, 1);
    }

    #[test]
    fn a_full_name_shared_by_two_clauses_is_one_name() {
        let a = content_words(
            "Tory leader Michael Howard has accused Tony Blair",
            &[[0, 26]],
        );
        let b = content_words("The Tories have accused Tony Blair", &[[0, 15]]);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let b: Vec<&str> = b.iter().map(String::as_str).collect();
        let o = overlap(&a, &b);
        assert_eq!(o.shared, ["accused", "tony", "blair"]);
        assert_eq!(o.shared_names, 1);
        // Names apart in the text are two.
        let c = content_words("Blair met Chirac in Paris", &[]);
        let d = content_words("Chirac and Blair talked", &[]);
        let c: Vec<&str> = c.iter().map(String::as_str).collect();
        let d: Vec<&str> = d.iter().map(String::as_str).collect();
        assert_eq!(overlap(&c, &d).shared_names, 2);
    }

    #[test]
    fn a_story_is_the_names_a_document_repeats_most() {
        let text = "Reid checks into rehab. Tara Reid entered Promises in Malibu on Tuesday. \
                    Promises said Reid, 33, is well. Malibu police were not involved.";
        let names = story_names(text);
        assert_eq!(&names[..3], ["^reid", "^promise", "^malibu"]);
        assert!(!names.contains(&"^tuesday".to_string()), "{names:?}");
    }
}
