//! What the coder remembers while reading a document front to back: the people named so far
//! and the last subject, for surnames and pronouns in later sentences.

use attache_event::Actor;

/// A person named in the document, kept so later surname mentions resolve to the same actor.
#[derive(Debug, Clone)]
pub struct Person {
    /// Lower-case name parts: ["jepe", "corford"].
    pub names: Vec<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// Byte offset of the latest mention, for resolving "he" / "him" to the nearest person.
    pub seen_at: usize,
}

/// What the coder remembers while reading a document front to back.
#[derive(Debug, Default)]
pub struct Discourse {
    pub persons: Vec<Person>,
    /// The most recent coded subject, for "it" / "they" in a later sentence.
    pub last_subject: Option<Actor>,
    /// Whether that subject was plural ("Germany and Poland", "the allies"): "they" needs a
    /// plural antecedent and "it" a singular one.
    pub last_subject_plural: bool,
}

/// Levenshtein distance, bounded use on short names only.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether a surname as written matches a known one, allowing one slip in names of five letters
/// or more (machine translation writes "Corford" and "Coford" for the same minister).
fn same_name(a: &str, b: &str) -> bool {
    a == b || (a.len() >= 5 && b.len() >= 5 && edit_distance(a, b) <= 1)
}

impl Discourse {
    /// The person a bare name ("Coford", "Di Maio") refers to, by surname.
    pub fn person_named(&self, names: &[String]) -> Option<&Person> {
        let last = names.last()?;
        self.persons
            .iter()
            .rev()
            .find(|p| p.names.last().is_some_and(|s| same_name(s, last)))
    }

    pub fn remember_person(&mut self, person: Person) {
        if let Some(known) = self.persons.iter_mut().find(|p| p.names == person.names) {
            if known.country.is_none() {
                known.country = person.country;
            }
            if known.sector.is_none() {
                known.sector = person.sector;
            }
            known.seen_at = known.seen_at.max(person.seen_at);
        } else {
            self.persons.push(person);
        }
    }

    /// The person mentioned last before byte offset `at`.
    pub(crate) fn person_before(&self, at: usize) -> Option<&Person> {
        self.persons
            .iter()
            .filter(|p| p.seen_at < at)
            .max_by_key(|p| p.seen_at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_match_with_one_slip() {
        assert!(same_name("corford", "coford"));
        assert!(same_name("maio", "maio"));
        assert!(
            same_name("putin", "pution"),
            "one slip in five letters or more"
        );
        assert!(!same_name("putin", "pushkin"), "two slips are another name");
        assert!(!same_name("may", "mai"), "short names must match exactly");
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
