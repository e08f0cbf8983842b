//! parties.tsv: political parties with their dated status in their state (governing, GOV, or
//! in opposition, OPP), each row with the public source it was checked against.

use super::{Builder, lines};
use crate::{EntryKind, LexiconError};

/// The statuses a party's dated roles may give it.
const STATUSES: [&str; 2] = ["GOV", "OPP"];

impl Builder {
    pub(super) fn parties(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        let columns = format!("{}, source", super::PHRASE_COLUMNS);
        for line in lines(file, text, &columns, 7, 7)? {
            super::holders::check_source(&line)?;
            let (entry, phrases) = self.parse_phrase(&line)?;
            if entry.kind != EntryKind::Party {
                return Err(line.error(format!("a party row has kind party, not {}", entry.kind)));
            }
            if entry.roles.is_empty() {
                return Err(line.error("column 6 (dated status) is empty"));
            }
            for role in &entry.roles {
                if Some(&role.code) != entry.code.as_ref() {
                    return Err(line.error(format!(
                        "dated status: code {:?} is not the party's country {:?}",
                        role.code,
                        entry.code.as_deref().unwrap_or("-")
                    )));
                }
                if role
                    .sector
                    .as_deref()
                    .is_none_or(|s| !STATUSES.contains(&s))
                {
                    return Err(line.error(format!(
                        "dated status: sector {:?} is neither GOV nor OPP",
                        role.sector.as_deref().unwrap_or("-")
                    )));
                }
            }
            self.add_entry(entry, &phrases, false);
        }
        Ok(())
    }
}
