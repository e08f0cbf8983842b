//! Group membership over time from the embedded dictionaries, for the store's queries.

use attache_store::GroupMembers;
use chrono::NaiveDate;

/// Group membership ("EU" at 2022-04-05) from the embedded dictionaries.
pub struct LexiconGroups;

impl GroupMembers for LexiconGroups {
    fn members_at(&self, group: &str, date: NaiveDate) -> Option<Vec<String>> {
        let lexicon = attache_lexicon::Lexicon::embedded();
        let members = lexicon.members_at(group, date)?;
        Some(members.into_iter().map(String::from).collect())
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
