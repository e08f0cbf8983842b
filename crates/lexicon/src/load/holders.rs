//! office-holders.tsv: people with dated offices, each row with the public source it was
//! checked against. A person that a hand-written phrase file (persons.tsv) already lists stays
//! one entry: that file's code, sector and phrases, with this file's dated roles and variants.

use super::{Builder, Line, lines};
use crate::{Entry, EntryKind, LexiconError};
use std::collections::HashMap;

/// The people of the hand-written phrase files, by each phrase that names them.
#[derive(Debug, Default)]
pub(super) struct HandPersons {
    rows: Vec<HandPerson>,
    by_phrase: HashMap<String, usize>,
}

#[derive(Debug, Clone)]
struct HandPerson {
    entry: Entry,
    phrases: Vec<String>,
}

impl HandPersons {
    fn find(&self, phrases: &[&str]) -> Option<usize> {
        phrases.iter().find_map(|p| self.by_phrase.get(*p).copied())
    }
}

/// Column 7 holds the pages the row was checked against: web addresses (`https://...`)
/// without spaces, separated by `|`.
pub(super) fn check_source(line: &Line<'_>) -> Result<(), LexiconError> {
    line.req(6, "source")?;
    for source in line.list(6) {
        let rest = source
            .strip_prefix("https://")
            .or_else(|| source.strip_prefix("http://"));
        if rest.is_none_or(|r| r.is_empty() || r.contains(char::is_whitespace)) {
            return Err(line.error(format!(
                "column 7 (source) {source:?} is not a web address (http:// or https://)"
            )));
        }
    }
    Ok(())
}

impl Builder {
    /// Remembers a person of a hand-written phrase file, for office-holders.tsv to date.
    pub(super) fn record_hand_person(&mut self, entry: &Entry, phrases: &[&str]) {
        let persons = &mut self.hand_persons;
        let index = persons.rows.len();
        for phrase in phrases {
            persons.by_phrase.entry(phrase.to_string()).or_insert(index);
        }
        persons.rows.push(HandPerson {
            entry: entry.clone(),
            phrases: phrases.iter().map(|p| p.to_string()).collect(),
        });
    }

    pub(super) fn office_holders(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        let columns = format!("{}, source", super::PHRASE_COLUMNS);
        for line in lines(file, text, &columns, 7, 7)? {
            check_source(&line)?;
            let (entry, phrases) = self.parse_phrase(&line)?;
            if entry.kind != EntryKind::Person {
                return Err(line.error(format!(
                    "an office holder is a person, not a {}",
                    entry.kind
                )));
            }
            if entry.roles.is_empty() {
                return Err(line.error("column 6 (dated roles) is empty"));
            }
            match self.hand_persons.find(&phrases) {
                Some(index) => self.date_hand_person(&line, index, entry, &phrases)?,
                None => self.add_entry(entry, &phrases, false),
            }
        }
        Ok(())
    }

    /// Gives the person of an earlier hand-written row this row's dated roles (first, so that
    /// they are the ones picked) and variants.
    fn date_hand_person(
        &mut self,
        line: &Line<'_>,
        index: usize,
        dated: Entry,
        phrases: &[&str],
    ) -> Result<(), LexiconError> {
        let old = self.hand_persons.rows[index].clone();
        if let Some(code) = old.entry.code.as_deref()
            && !dated.roles.iter().any(|r| r.code == code)
        {
            return Err(line.error(format!(
                "{} is {code} in an earlier file, but none of the dated roles is",
                old.entry.canonical
            )));
        }
        let mut merged = old.entry.clone();
        merged.roles = dated.roles;
        merged.roles.extend(old.entry.roles.iter().cloned());
        for phrase in &old.phrases {
            self.phrases.replace(phrase, &old.entry, merged.clone());
        }
        let new: Vec<&str> = phrases
            .iter()
            .copied()
            .filter(|p| !old.phrases.iter().any(|o| o == p))
            .collect();
        self.add_entry(merged.clone(), &new, false);
        self.hand_persons.rows[index].entry = merged;
        Ok(())
    }
}
