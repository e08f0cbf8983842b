//! Group membership over time and the names filters may use, from the embedded dictionaries,
//! for the store's queries.

use attache_store::{GroupMembers, Vocabulary};
use chrono::NaiveDate;

/// Group membership ("EU" at 2022-04-05), actor names and PLOVER modes from the embedded
/// dictionaries.
pub struct LexiconGroups;

impl GroupMembers for LexiconGroups {
    fn members_at(&self, group: &str, date: NaiveDate) -> Option<Vec<String>> {
        let lexicon = attache_lexicon::Lexicon::embedded();
        let members = lexicon.members_at(group, date)?;
        Some(members.into_iter().map(String::from).collect())
    }
}

impl Vocabulary for LexiconGroups {
    fn resolve_actor(&self, name: &str) -> Option<String> {
        attache_lexicon::Lexicon::embedded()
            .resolve_code(name)
            .map(String::from)
    }

    fn actors(&self) -> Vec<(String, String)> {
        let lexicon = attache_lexicon::Lexicon::embedded();
        let countries = lexicon.countries().iter().map(|c| (&c.alpha3, &c.name));
        let organisations = lexicon.organisations().iter().map(|o| (&o.code, &o.name));
        countries
            .chain(organisations)
            .map(|(code, name)| (code.clone(), name.clone()))
            .collect()
    }

    fn modes(&self) -> Vec<String> {
        let mut modes = attache_coder::shipped_triggers().modes();
        modes.push(attache_coder::GENERIC_MODE.to_string());
        modes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eu_membership_follows_the_date() {
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        let before = LexiconGroups.members_at("EU", day("2019-06-01")).unwrap();
        let after = LexiconGroups.members_at("EU", day("2022-04-05")).unwrap();
        assert!(before.iter().any(|c| c == "GBR"));
        assert!(!after.iter().any(|c| c == "GBR"));
        assert!(after.iter().any(|c| c == "DEU"));
        assert_eq!(LexiconGroups.members_at("DEU", day("2022-04-05")), None);
    }
}
