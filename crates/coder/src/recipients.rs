//! Which prepositions mark whom an event is aimed at, by category and construction: the
//! decisions of `data/coder/recipients.tsv` ("sanctions *on* Iran", "talks *with* Syria", "aid
//! *to* Sudan"; "talks on Iran" name a topic), loaded and validated like the word classes.

use crate::datafile::DataFileError;
use attache_event::EventCategory;
use attache_nlp::{Deprel, Token};
use std::collections::HashSet;
use std::sync::OnceLock;

/// The recipient file compiled into the binary.
const RECIPIENTS_TSV: &str = include_str!("../../../data/coder/recipients.tsv");
const RECIPIENTS_NAME: &str = "data/coder/recipients.tsv";
const HEADER: &str = "category\tmarks\tpreposition";

/// The construction a recipient preposition is read in (the file's `marks` column).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Marks {
    /// An oblique of a verb trigger, or a modifier of its object: "sent arms to Pakistan".
    Verb,
    /// A complement of a noun trigger or of the verb carrying it: "sanctions on Iran".
    Noun,
    /// A complement of an object that names no actor: "rejected calls by Belarus's rulers".
    Object,
    /// A place the event hits, named as its object or as the place "in" which it happened
    /// ("bombed Aleppo", "fired at targets in Jericho"): its country is the recipient when
    /// the text names no one.
    Place,
    /// People the object names only by their role ("arrested 12 protesters", "ordered the
    /// former minister to appear"): the recipient, with the country of the event's place,
    /// else the acting state's, else the report's (the preposition column is `-`).
    People,
    /// A policy named with no one's name on it ("rejected plans", "welcomed the move",
    /// `policy` of data/coder/words.tsv): the government of the report's home country (the
    /// preposition column is `-`).
    Policy,
    /// A complement of an oblique of a verb trigger, the act's purpose or occasion: "mobilized
    /// reservists for a war against Iraq".
    Nested,
    /// A policy as the subject of the clause a verbal act judges ("said the move would be
    /// wrong"): the government's, as with `Policy` (the preposition column is `-`).
    Judged,
    /// An opposition's act that names no one it is aimed at ("the Tories said the figures
    /// were a disgrace"): its own country's government (the preposition column is `-`).
    Opposed,
    /// An oblique of the act a verb trigger takes as its infinitive, when the trigger's own
    /// phrases name no one: "offered to hand over to Britain two suspects".
    Act,
}

impl Marks {
    const ALL: [Marks; 10] = [
        Marks::Verb,
        Marks::Noun,
        Marks::Object,
        Marks::Place,
        Marks::People,
        Marks::Policy,
        Marks::Nested,
        Marks::Judged,
        Marks::Opposed,
        Marks::Act,
    ];

    fn name(self) -> &'static str {
        match self {
            Marks::Verb => "verb",
            Marks::Noun => "noun",
            Marks::Object => "object",
            Marks::Place => "place",
            Marks::People => "people",
            Marks::Policy => "policy",
            Marks::Nested => "nested",
            Marks::Judged => "judged",
            Marks::Opposed => "opposed",
            Marks::Act => "act",
        }
    }
}

/// The prepositions of every (construction, category) pair.
#[derive(Debug)]
pub struct RecipientMarks {
    sets: Vec<HashSet<String>>,
}

fn slot(marks: Marks, category: EventCategory) -> usize {
    marks as usize * EventCategory::ALL.len() + category as usize
}

impl RecipientMarks {
    /// Parses the text of a recipient file; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<RecipientMarks, DataFileError> {
        let err = |line: usize, reason: String| DataFileError::new(file, line, reason);
        let mut sets = vec![HashSet::new(); Marks::ALL.len() * EventCategory::ALL.len()];
        let data = crate::datafile::rows(text, HEADER).map_err(|(n, r)| err(n, r))?;
        if !data.header {
            return Err(err(1, "no header line and no rows".to_string()));
        }
        for row in data.rows {
            let cols: Vec<&str> = row.text.split('\t').collect();
            let [category, marks, prep] = cols[..] else {
                return Err(err(
                    row.number,
                    "expected `category<TAB>marks<TAB>preposition`".to_string(),
                ));
            };
            let categories: Vec<EventCategory> = if category == "*" {
                EventCategory::ALL.to_vec()
            } else {
                let c = EventCategory::parse(category)
                    .filter(|c| c.as_str() == category)
                    .ok_or_else(|| {
                        err(row.number, format!("{category:?} is not a PLOVER category"))
                    })?;
                vec![c]
            };
            let Some(marks) = Marks::ALL.into_iter().find(|m| m.name() == marks) else {
                return Err(err(
                    row.number,
                    format!(
                        "unknown construction {marks:?} (verb, noun, object, place, people, policy, nested, judged, opposed or act)"
                    ),
                ));
            };
            let bare = matches!(
                marks,
                Marks::People | Marks::Policy | Marks::Judged | Marks::Opposed
            );
            if bare != (prep == "-") {
                return Err(err(
                    row.number,
                    format!(
                        "{prep:?}: the people, policy, judged and opposed rows, and only they, have the preposition -"
                    ),
                ));
            }
            if prep.is_empty() || prep.contains(char::is_whitespace) || prep != prep.to_lowercase()
            {
                return Err(err(
                    row.number,
                    format!("{prep:?} is not one lower-case word"),
                ));
            }
            let mut added = false;
            for c in categories {
                added |= sets[slot(marks, c)].insert(prep.to_string());
            }
            if !added {
                return Err(err(row.number, format!("{prep:?} is listed twice")));
            }
        }
        Ok(RecipientMarks { sets })
    }

    /// Whether `prep` (lower case) marks the recipient of `category` in `marks`.
    pub fn has(&self, marks: Marks, category: EventCategory, prep: &str) -> bool {
        self.sets[slot(marks, category)].contains(prep)
    }
}

static MARKS: OnceLock<RecipientMarks> = OnceLock::new();

/// Loads the compiled-in recipient file, reporting a bad file by its line.
pub fn load() -> Result<&'static RecipientMarks, DataFileError> {
    if let Some(m) = MARKS.get() {
        return Ok(m);
    }
    let parsed = RecipientMarks::parse(RECIPIENTS_NAME, RECIPIENTS_TSV)?;
    Ok(MARKS.get_or_init(|| parsed))
}

fn marks() -> &'static RecipientMarks {
    MARKS.get_or_init(|| {
        RecipientMarks::parse(RECIPIENTS_NAME, RECIPIENTS_TSV).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Whether the category has a recipient in construction `marks` with any preposition (the
/// `place` rows: a place hit stands for its country).
pub(crate) fn has_mark(construction: Marks, category: EventCategory) -> bool {
    !marks().sets[slot(construction, category)].is_empty()
}

/// Whether `prep` introduces a place whose country is the recipient of `category`.
pub(crate) fn has_place_mark(category: EventCategory, prep: &str) -> bool {
    marks().has(Marks::Place, category, prep)
}

/// Whether a nominal's preposition marks the recipient of `category` in `construction`.
pub(crate) fn marks_recipient(
    tok: Token<'_>,
    construction: Marks,
    category: EventCategory,
) -> bool {
    let m = marks();
    tok.children().any(|c| {
        c.rel() == Deprel::Case && m.has(construction, category, &c.text().to_ascii_lowercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_loads() {
        let m = load().unwrap();
        assert!(m.has(Marks::Noun, EventCategory::Sanction, "on"));
        assert!(!m.has(Marks::Noun, EventCategory::Consult, "on"));
        assert!(m.has(Marks::Verb, EventCategory::Consult, "with"));
        assert!(m.has(Marks::Object, EventCategory::Reject, "by"));
        assert!(m.has(Marks::People, EventCategory::Coerce, "-"));
        assert!(!m.has(Marks::People, EventCategory::Mobilize, "-"));
        assert!(m.has(Marks::Place, EventCategory::Assault, "in"));
        assert!(m.has(Marks::Policy, EventCategory::Reject, "-"));
        assert!(m.has(Marks::Nested, EventCategory::Mobilize, "against"));
        assert!(m.has(Marks::Object, EventCategory::Assault, "for"));
        assert!(m.has(Marks::Judged, EventCategory::Accuse, "-"));
        assert!(!m.has(Marks::Judged, EventCategory::Reject, "-"));
        assert!(m.has(Marks::Opposed, EventCategory::Accuse, "-"));
        assert!(m.has(Marks::Opposed, EventCategory::Request, "-"));
        assert!(!m.has(Marks::Opposed, EventCategory::Support, "-"));
        assert!(m.has(Marks::Act, EventCategory::Agree, "to"));
        assert!(!m.has(Marks::Act, EventCategory::Accuse, "to"));
    }

    #[test]
    fn bad_files_name_their_line() {
        let head = "# c\ncategory\tmarks\tpreposition\n";
        let e = RecipientMarks::parse("r.tsv", &format!("{head}SANCTON\tverb\ton\n")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "r.tsv:3: \"SANCTON\" is not a PLOVER category"
        );
        let e = RecipientMarks::parse("r.tsv", &format!("{head}*\tclause\ton\n")).unwrap_err();
        assert_eq!(e.line, 3);
        let e = RecipientMarks::parse("r.tsv", &format!("{head}*\tverb\tOn\n")).unwrap_err();
        assert!(e.reason.contains("lower-case"), "{e}");
        let twice = format!("{head}AID\tverb\tto\nAID\tverb\tto\n");
        let e = RecipientMarks::parse("r.tsv", &twice).unwrap_err();
        assert_eq!((e.line, e.reason.contains("twice")), (4, true));
        let e = RecipientMarks::parse("r.tsv", &format!("{head}AID\tpeople\tto\n")).unwrap_err();
        assert_eq!(e.line, 3);
        let e = RecipientMarks::parse("r.tsv", &format!("{head}AID\tverb\t-\n")).unwrap_err();
        assert_eq!(e.line, 3);
        let e = RecipientMarks::parse("r.tsv", "category\tmarks\n").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
