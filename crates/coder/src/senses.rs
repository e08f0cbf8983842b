//! Sense guards: an event needs participants of the right kind for its trigger. Arresting,
//! deporting and releasing need people; an attack needs a target that is a place, a group, a
//! person or a thing, not a figure or a trend ("moved to arrest the profit decline", "attacked
//! the market"); a retreat is from a place, not from "the world stage"; an actor is not an
//! economic figure or a sports team ("Japan's exports retreated", "India's cricket team
//! attacked"). Which nouns are of which kind is in `data/coder/nouns.tsv`; which kinds each
//! trigger class needs in `data/coder/senses.tsv`. A noun of no listed kind passes: the guard
//! only drops a frame whose participants are all of kinds its class does not take.

use crate::datafile::DataFileError;
use crate::tree::lemma;
use attache_event::EventCategory;
use attache_nlp::{Token, Upos};
use std::collections::HashMap;
use std::sync::OnceLock;

const NOUNS_TSV: &str = include_str!("../../../data/coder/nouns.tsv");
const NOUNS_NAME: &str = "data/coder/nouns.tsv";
const NOUNS_HEADER: &str = "kind\tlemma";
const SENSES_TSV: &str = include_str!("../../../data/coder/senses.tsv");
const SENSES_NAME: &str = "data/coder/senses.tsv";
const SENSES_HEADER: &str = "category\tmode\trole\tneeds";

/// Which participants of a frame a row tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The doers: subjects, by-agents, possessors of a noun trigger.
    Actor,
    /// What is acted on: objects, passive subjects, a noun trigger's "of"/"on"/"against".
    Object,
    /// Where a movement starts: "retreated from the world stage".
    Source,
}

impl Role {
    fn parse(name: &str) -> Option<Role> {
        match name {
            "actor" => Some(Role::Actor),
            "object" => Some(Role::Object),
            "source" => Some(Role::Source),
            _ => None,
        }
    }
}

/// The trigger class a row applies to: a category (or every one) and a mode (or any).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    Any,
    Is(String),
}

impl Pattern {
    fn parse(text: &str) -> Pattern {
        if text == "*" {
            Pattern::Any
        } else {
            Pattern::Is(text.to_string())
        }
    }

    fn matches(&self, value: &str) -> bool {
        match self {
            Pattern::Any => true,
            Pattern::Is(v) => v == value,
        }
    }
}

/// One row of `senses.tsv`: a trigger class, the role tested and the kinds it takes.
#[derive(Debug)]
struct Need {
    category: Option<EventCategory>,
    mode: Pattern,
    role: Role,
    /// Indices into [`Senses::kinds`].
    kinds: Vec<usize>,
}

/// The noun kinds and the trigger classes' needs.
#[derive(Debug)]
pub struct Senses {
    #[cfg_attr(not(test), allow(dead_code))]
    kinds: Vec<String>,
    nouns: HashMap<String, usize>,
    needs: Vec<Need>,
}

impl Senses {
    /// Parses a noun-kind file and a needs file; the names are used in errors.
    pub fn parse(
        nouns_name: &str,
        nouns: &str,
        senses_name: &str,
        senses: &str,
    ) -> Result<Senses, DataFileError> {
        let (kinds, nouns) = parse_nouns(nouns_name, nouns)?;
        let needs = parse_needs(senses_name, senses, &kinds)?;
        Ok(Senses {
            kinds,
            nouns,
            needs,
        })
    }

    /// The kind of a participant's head, when its lemma is listed. Names, pronouns and numbers
    /// have none: they are whoever they name.
    fn kind_of(&self, t: Token<'_>) -> Option<usize> {
        if matches!(t.upos(), Upos::Propn | Upos::Pron | Upos::Num) {
            return None;
        }
        self.nouns.get(lemma(t).as_ref()).copied()
    }

    /// Whether a noun phrase's head names people who can act: a name or pronoun, or a noun of
    /// the `person` or `group` kind ("the judge", "the police").
    pub(crate) fn names_people(&self, t: Token<'_>) -> bool {
        match t.upos() {
            Upos::Propn | Upos::Pron => true,
            Upos::Noun => self
                .kind_of(t)
                .is_some_and(|k| matches!(self.kinds[k].as_str(), "person" | "group")),
            _ => false,
        }
    }

    /// Whether `frame` has participants its trigger class takes: false when, for some row of
    /// its class, the participants in the row's role are all of listed kinds the row does not
    /// take ("its profit decline" for an arrest). A name, a pronoun or an unlisted noun among
    /// them passes the row.
    /// `in_role` gives the frame's participants in a role.
    pub(crate) fn admits<'d>(
        &self,
        category: EventCategory,
        mode: Option<&str>,
        in_role: impl Fn(Role) -> Vec<Token<'d>>,
    ) -> bool {
        let mode = mode.unwrap_or("-");
        self.needs
            .iter()
            .filter(|n| n.category.is_none_or(|c| c == category))
            .filter(|n| n.mode.matches(mode))
            .all(|n| self.takes(n, &in_role(n.role)))
    }

    /// Whether one participant in the row's role is of a kind it takes, or of no listed kind.
    fn takes(&self, need: &Need, tokens: &[Token<'_>]) -> bool {
        tokens.is_empty()
            || tokens
                .iter()
                .any(|t| self.kind_of(*t).is_none_or(|k| need.kinds.contains(&k)))
    }

    /// The kind names, in the order the noun file introduces them.
    #[cfg(test)]
    fn kinds(&self) -> &[String] {
        &self.kinds
    }
}

fn parse_nouns(
    file: &str,
    text: &str,
) -> Result<(Vec<String>, HashMap<String, usize>), DataFileError> {
    let err = |line: usize, reason: String| DataFileError::new(file, line, reason);
    let data = crate::datafile::rows(text, NOUNS_HEADER).map_err(|(n, r)| err(n, r))?;
    if !data.header {
        return Err(err(1, "no header line and no rows".to_string()));
    }
    let mut kinds: Vec<String> = Vec::new();
    let mut nouns = HashMap::new();
    for row in data.rows {
        let Some((kind, word)) = row.text.split_once('\t') else {
            return Err(err(row.number, "expected `kind<TAB>lemma`".to_string()));
        };
        if !is_name(kind) {
            return Err(err(row.number, format!("{kind:?} is not a kind name")));
        }
        if word.is_empty() || word.contains(char::is_whitespace) || word != word.to_lowercase() {
            return Err(err(
                row.number,
                format!("{word:?} is not one lower-case lemma"),
            ));
        }
        let k = match kinds.iter().position(|x| x == kind) {
            Some(k) => k,
            None => {
                kinds.push(kind.to_string());
                kinds.len() - 1
            }
        };
        if let Some(before) = nouns.insert(word.to_string(), k) {
            return Err(err(
                row.number,
                format!("{word:?} is already of kind {}", kinds[before]),
            ));
        }
    }
    Ok((kinds, nouns))
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_')
}

fn parse_needs(file: &str, text: &str, kinds: &[String]) -> Result<Vec<Need>, DataFileError> {
    let err = |line: usize, reason: String| DataFileError::new(file, line, reason);
    let data = crate::datafile::rows(text, SENSES_HEADER).map_err(|(n, r)| err(n, r))?;
    if !data.header {
        return Err(err(1, "no header line and no rows".to_string()));
    }
    let mut needs = Vec::new();
    for row in data.rows {
        let cols: Vec<&str> = row.text.split('\t').collect();
        let [category, mode, role, wanted] = cols[..] else {
            return Err(err(
                row.number,
                format!("expected 4 columns, found {}", cols.len()),
            ));
        };
        let category = match category {
            "*" => None,
            name => Some(
                EventCategory::parse(name)
                    .ok_or_else(|| err(row.number, format!("unknown PLOVER category {name:?}")))?,
            ),
        };
        let role = Role::parse(role).ok_or_else(|| {
            err(
                row.number,
                format!("unknown role {role:?} (actor, object, source)"),
            )
        })?;
        let mut wanted_kinds = Vec::new();
        for kind in wanted.split(';') {
            let k = kinds
                .iter()
                .position(|x| x == kind)
                .ok_or_else(|| err(row.number, format!("kind {kind:?} is not in the noun file")))?;
            wanted_kinds.push(k);
        }
        needs.push(Need {
            category,
            mode: Pattern::parse(mode),
            role,
            kinds: wanted_kinds,
        });
    }
    Ok(needs)
}

static SENSES: OnceLock<Senses> = OnceLock::new();

/// Loads the compiled-in sense files, reporting a bad file by its line.
pub fn load() -> Result<&'static Senses, DataFileError> {
    if let Some(s) = SENSES.get() {
        return Ok(s);
    }
    let parsed = Senses::parse(NOUNS_NAME, NOUNS_TSV, SENSES_NAME, SENSES_TSV)?;
    Ok(SENSES.get_or_init(|| parsed))
}

/// The compiled-in sense guards (validated by [`load`] when an extractor is built, and by the
/// tests).
pub(crate) fn senses() -> &'static Senses {
    SENSES.get_or_init(|| {
        Senses::parse(NOUNS_NAME, NOUNS_TSV, SENSES_NAME, SENSES_TSV)
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_files_load() {
        let s = load().unwrap();
        for kind in ["person", "group", "place", "figure", "trend", "economic"] {
            assert!(s.kinds().iter().any(|k| k == kind), "{kind}");
        }
        assert!(!s.needs.is_empty());
    }

    #[test]
    fn bad_files_name_their_line() {
        let nouns = "kind\tlemma\nperson\tman\ntrend\tdecline\n";
        let e = Senses::parse("n.tsv", "kind\tlemma\nperson\tMan\n", "s.tsv", "").unwrap_err();
        assert_eq!(
            e.to_string(),
            "n.tsv:2: \"Man\" is not one lower-case lemma"
        );
        let e =
            Senses::parse("n.tsv", "kind\tlemma\nperson\tman\ntrend\tman\n", "s", "").unwrap_err();
        assert_eq!((e.line, e.reason.contains("already")), (3, true));
        let bad = "category\tmode\trole\tneeds\nCOERCE\tarrest\tobject\tpeople\n";
        let e = Senses::parse("n.tsv", nouns, "s.tsv", bad).unwrap_err();
        assert_eq!(
            e.to_string(),
            "s.tsv:2: kind \"people\" is not in the noun file"
        );
        let bad = "category\tmode\trole\tneeds\nCOERSE\tarrest\tobject\tperson\n";
        assert_eq!(Senses::parse("n", nouns, "s", bad).unwrap_err().line, 2);
        let bad = "category\tmode\trole\tneeds\n\nCOERCE\tarrest\tpatient\tperson\n";
        assert_eq!(Senses::parse("n", nouns, "s", bad).unwrap_err().line, 3);
        let bad = "category\tmode\trole\nCOERCE\tarrest\tobject\n";
        assert_eq!(Senses::parse("n", nouns, "s", bad).unwrap_err().line, 1);
    }
}
