//! Sectors of actor that do not do what a category names (`data/coder/actor-sectors.tsv`):
//! firms, the media and celebrities neither attack, coerce nor retreat ("the company is
//! fighting opposition to new stores", "net firms ... to stop these attacks"); and what they do
//! among themselves is no political event ("Fiat negotiated an end to its alliance", "the BBC
//! denied it had lost a bidding war") unless it is aimed at someone of another sector.

use crate::datafile::DataFileError;
use crate::merge::Found;
use attache_event::EventCategory;
use std::sync::OnceLock;

const ACTOR_SECTORS_TSV: &str = include_str!("../../../data/coder/actor-sectors.tsv");
const ACTOR_SECTORS_NAME: &str = "data/coder/actor-sectors.tsv";
const HEADER: &str = "category\tsector\twhen";

/// When a row rules an event out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    /// Whenever every actor is of a listed sector (`always`).
    Always,
    /// Only in a report that is not political and when no recipient is of another sector
    /// (`unaimed`): what firms and the media do among themselves.
    Unaimed,
}

/// For each category, the sectors of actor that do not do it, and when.
#[derive(Debug, Default)]
pub(crate) struct ActorSectors {
    rows: Vec<(EventCategory, String, When)>,
}

impl ActorSectors {
    /// Parses the text of an actor-sectors file; `file` names it in errors.
    pub(crate) fn parse(file: &str, text: &str) -> Result<ActorSectors, DataFileError> {
        let err = |line: usize, reason: String| DataFileError::new(file, line, reason);
        let data = crate::datafile::rows(text, HEADER).map_err(|(n, r)| err(n, r))?;
        let mut out = ActorSectors::default();
        for row in data.rows {
            let [category, sector, when] = row.text.split('\t').collect::<Vec<_>>()[..] else {
                return Err(err(row.number, "expected 3 columns".into()));
            };
            let category = EventCategory::parse(category)
                .ok_or_else(|| err(row.number, format!("unknown PLOVER category {category:?}")))?;
            let when = match when {
                "always" => When::Always,
                "unaimed" => When::Unaimed,
                other => {
                    return Err(err(
                        row.number,
                        format!("unknown condition {other:?} (always, unaimed)"),
                    ));
                }
            };
            if sector.len() != 3 || !sector.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(err(
                    row.number,
                    format!("sector {sector:?} is not three capital letters"),
                ));
            }
            if out
                .rows
                .iter()
                .any(|(c, s, _)| *c == category && s == sector)
            {
                return Err(err(row.number, "row listed twice".into()));
            }
            out.rows.push((category, sector.to_string(), when));
        }
        Ok(out)
    }

    /// Whether `sector` is listed for `category` with the condition `when`.
    fn listed(&self, category: EventCategory, sector: Option<&str>, when: When) -> bool {
        sector.is_some_and(|sector| {
            self.rows
                .iter()
                .any(|(c, s, w)| *c == category && s == sector && *w == when)
        })
    }

    /// Whether `found` has actors and every one is of a sector listed `always` for its
    /// category, or, in a report that is not `political` (`names::POLITICAL_DOCUMENT`), listed
    /// `unaimed` while no recipient is of another sector (in a political report a firm's
    /// demand is part of the debate: "the CBI called for a pause year").
    pub(crate) fn rules_out(&self, found: &Found, political: bool) -> bool {
        let e = &found.event;
        let all = |when| {
            e.actors
                .iter()
                .all(|a| self.listed(e.event, a.sector.as_deref(), when))
        };
        let unaimed = || {
            e.recipients
                .iter()
                .all(|r| self.listed(e.event, r.sector.as_deref(), When::Unaimed))
        };
        !e.actors.is_empty() && (all(When::Always) || !political && all(When::Unaimed) && unaimed())
    }
}

static SHIPPED: OnceLock<Result<ActorSectors, DataFileError>> = OnceLock::new();

/// The shipped actor-sectors file, parsed once (checked when an extractor is built).
pub(crate) fn load() -> Result<&'static ActorSectors, DataFileError> {
    SHIPPED
        .get_or_init(|| ActorSectors::parse(ACTOR_SECTORS_NAME, ACTOR_SECTORS_TSV))
        .as_ref()
        .map_err(Clone::clone)
}

/// The shipped file (empty if it failed to load, which building an extractor reports).
pub(crate) fn shipped() -> &'static ActorSectors {
    static EMPTY: ActorSectors = ActorSectors { rows: Vec::new() };
    load().unwrap_or(&EMPTY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_loads() {
        assert!(load().is_ok());
    }

    #[test]
    fn a_bad_row_is_named_by_its_line() {
        let head = "category\tsector\twhen\n";
        let bad = |rows: &str| ActorSectors::parse("f", &format!("{head}{rows}")).unwrap_err();
        let e = bad("ASSAULT\tbus\talways\n");
        assert_eq!((e.line, e.file.as_str()), (2, "f"));
        assert_eq!(bad("WINNING\tBUS\talways\n").line, 2);
        assert_eq!(bad("ASSAULT\tBUS\tsometimes\n").line, 2);
        assert_eq!(bad("ASSAULT\tBUS\talways\nASSAULT\tBUS\tunaimed\n").line, 3);
        assert!(ActorSectors::parse("f", &format!("{head}AGREE\tBUS\tunaimed\n")).is_ok());
    }
}
