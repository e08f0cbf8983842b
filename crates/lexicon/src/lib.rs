//! Actor dictionaries and gazetteers loaded from the data files in `data/lexicon/`.
//!
//! A [`Lexicon`] knows countries (names, demonyms, capitals), seats of government used as
//! metonyms ("the Kremlin"), organisations with date-aware membership, roles that imply a
//! sector ("ambassador" -> DIP), news media and cities. [`Lexicon::find`] finds all of their
//! phrases in a text with one Aho-Corasick automaton; proper nouns match case-sensitively,
//! roles case-insensitively.
//!
//! ```
//! let lex = attache_lexicon::Lexicon::embedded();
//! let text = "Rome has marked 30 Russian diplomats as undesirable.";
//! let found: Vec<_> = lex.find(text).iter().map(|m| m.entry.canonical.as_str()).collect();
//! assert_eq!(found, ["Rome", "Russian", "diplomat"]);
//! let day = attache_lexicon::NaiveDate::from_ymd_opt(2023, 4, 4).unwrap();
//! assert_eq!(lex.members_at("NATO", day).unwrap().contains(&"FIN"), true);
//! ```

mod dated;
pub mod gazetteer;
mod load;
mod matcher;

pub use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

pub use load::FILES;

/// What a dictionary phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    /// A country's name: "Italy", "the United States" ("United States"), "UK".
    Country,
    /// A national body or a group of states: "European Union", "NATO", "Pentagon", "CIA".
    Organisation,
    /// A seat of government used for the government: "Kremlin", "White House", "Downing Street".
    Seat,
    /// A capital, as a place and as a metonym for the government: "Moscow", "Rome".
    Capital,
    /// A nationality adjective or noun: "Russian", "Danish", "Americans".
    Demonym,
    /// A news outlet or agency: "Financial Times", "ANSA".
    Media,
    /// A city (an event location): "Kharkiv", "Mumbai".
    City,
    /// A place that is not a state: "Northern Ireland" (GBR), "Crimea" (UKR), "Middle East".
    Region,
    /// A political figure, with the state or organisation they act for: "Vladimir Putin".
    Person,
    /// A political party, with its state and its dated status (governing or opposition):
    /// "Labour", "Tories", "Liberal Democrats" (`parties.tsv`).
    Party,
    /// A role or group that carries a sector: "Foreign Minister", "troops", "protesters".
    Role,
}

impl EntryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Organisation => "organisation",
            Self::Seat => "seat",
            Self::Capital => "capital",
            Self::Demonym => "demonym",
            Self::Media => "media",
            Self::City => "city",
            Self::Region => "region",
            Self::Person => "person",
            Self::Party => "party",
            Self::Role => "role",
        }
    }

    pub fn parse(name: &str) -> Option<EntryKind> {
        Some(match name {
            "country" => Self::Country,
            "organisation" | "organization" => Self::Organisation,
            "seat" => Self::Seat,
            "capital" => Self::Capital,
            "demonym" => Self::Demonym,
            "media" => Self::Media,
            "city" => Self::City,
            "region" => Self::Region,
            "person" => Self::Person,
            "party" => Self::Party,
            "role" => Self::Role,
            _ => return None,
        })
    }

    /// Places and nationalities: a phrase of these kinds names a country (column 2).
    pub fn needs_country(self) -> bool {
        matches!(
            self,
            Self::Country | Self::Demonym | Self::Capital | Self::City | Self::Party
        )
    }

    /// Roles are common nouns ("police", "Police"); everything else is a proper noun.
    pub fn is_proper_noun(self) -> bool {
        self != Self::Role
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What one dictionary phrase means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: EntryKind,
    /// ISO 3166-1 alpha-3 ("RUS") or an organisation code ("EU", "UNSC"); `None` for plain
    /// roles and for regions that belong to no single state ("Middle East").
    pub code: Option<String>,
    /// GOV, MIL, DIP, COP, REB, CVL, MED, IGO, ... when the phrase implies one.
    pub sector: Option<String>,
    /// The normal form: "Russia", "European Union", "Foreign Minister", "Financial Times".
    pub canonical: String,
    /// A person's dated roles ("RUS GOV from 2008-05-08"), in the order the data file lists
    /// them; empty for everything else. `code` and `sector` above are the role without dates.
    pub roles: Vec<DatedRole>,
}

/// A role held between two dates, both inclusive (`None`: open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedRole {
    pub code: String,
    pub sector: Option<String>,
    pub from: Option<String>,
    pub until: Option<String>,
}

impl DatedRole {
    /// Whether the role covers `date` (YYYY-MM-DD; ISO strings compare as dates).
    pub fn covers(&self, date: &str) -> bool {
        self.from.as_deref().is_none_or(|from| from <= date)
            && self.until.as_deref().is_none_or(|until| date <= until)
    }
}

impl Entry {
    /// The code and sector this entry stands for at `date` (YYYY-MM-DD or a longer ISO
    /// timestamp): the first dated role that covers the date, else the role without dates.
    /// A person who was foreign minister in 2005 and president in 2012 gets the sector of
    /// each; a former office holder outside every dated role keeps the undated role (often
    /// ELI, or the country alone).
    /// Without a date, the latest dated role (the last the dictionaries knew of) stands,
    /// as an undated list would give it.
    pub fn role_at(&self, date: Option<&str>) -> (Option<&str>, Option<&str>) {
        let date = date.map(|d| d.get(..10).unwrap_or(d));
        let role = match date {
            Some(d) => self.roles.iter().find(|r| r.covers(d)),
            None => self
                .roles
                .iter()
                .max_by_key(|r| (r.until.as_deref().unwrap_or("9999"), r.from.as_deref())),
        };
        match role {
            Some(r) => (Some(r.code.as_str()), r.sector.as_deref()),
            None => (self.code.as_deref(), self.sector.as_deref()),
        }
    }
}

/// One dictionary phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexMatch<'a> {
    /// Byte offsets into the searched text: `&text[start..end]` is the phrase as written.
    pub start: usize,
    pub end: usize,
    /// The reading chosen here: the preferred one (a country before a capital or city of the
    /// same name), unless the context settles it ("Atlanta, Georgia": the US state).
    pub entry: &'a Entry,
    /// Every reading of the phrase, in order of preference; `entry` is one of them.
    pub readings: &'a [Entry],
}

impl<'a> LexMatch<'a> {
    /// The phrase as written in `text` (the text that was searched).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The readings other than `entry`: "Luxembourg" the country also has the capital.
    pub fn alternatives(&self) -> impl Iterator<Item = &'a Entry> + use<'a> {
        let chosen = self.entry;
        self.readings
            .iter()
            .filter(move |e| !std::ptr::eq(*e, chosen))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub alpha3: String,
    pub alpha2: String,
    /// English short name: "Russia", "United Kingdom".
    pub name: String,
    /// Other names matched in text: "Russian Federation"; "Britain", "UK".
    pub aliases: Vec<String>,
    /// Demonyms and their plurals: "Russian", "Russians".
    pub demonyms: Vec<String>,
    pub capital: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// "EU", "NATO", "UNSC".
    pub code: String,
    pub name: String,
    /// IGO for intergovernmental bodies, NGO, MED, ...
    pub sector: Option<String>,
    /// Other names matched in text: "European Union" -> "EU".
    pub aliases: Vec<String>,
}

/// One state's membership of a group, both dates inclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub member: String,
    /// First day of membership; `None` when it predates the lexicon's records.
    pub from: Option<NaiveDate>,
    /// Last day of membership; `None` while still a member.
    pub until: Option<NaiveDate>,
}

impl Membership {
    /// Whether this membership covers `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.until.is_none_or(|until| date <= until)
    }
}

/// A data file could not be read or has a malformed line; the message names the file (and
/// line: "data/lexicon/roles.tsv:12: ...").
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}: cannot read: {source}")]
    Read {
        /// The file as given: "data/lexicon/roles.tsv".
        file: String,
        #[source]
        source: std::io::Error,
    },
    /// A malformed data line (1-based `line`).
    #[error("{file}:{line}: {message}")]
    Line {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}:{line}: {source}")]
    Gazetteer {
        file: String,
        line: usize,
        #[source]
        source: gazetteer::GazetteerRowError,
    },
    /// A user's dictionary directory that cannot be used as it is.
    #[error("{file}: {message}")]
    UserFile { file: String, message: String },
    #[error("{file}:{line}: {source}")]
    DatedRole {
        file: String,
        line: usize,
        #[source]
        source: DatedRoleError,
    },
}

/// What is wrong with one item of a phrase file's dated-roles column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DatedRoleError {
    #[error(
        "dated role {item:?} is not \"CODE SECTOR FROM..UNTIL\" (e.g. \"RUS GOV 2008-05-08..\")"
    )]
    Shape { item: String },
    #[error("dated role {item:?}: the dates need \"..\" (FROM..UNTIL)")]
    NoRange { item: String },
    #[error("dated role {item:?}: {date:?} is not a date (YYYY-MM-DD)")]
    BadDate { item: String, date: String },
    #[error("dated role {item:?} ends before it starts")]
    EndsBeforeStart { item: String },
}

/// The loaded dictionaries and the automaton that finds their phrases.
#[derive(Debug)]
pub struct Lexicon {
    countries: Vec<Country>,
    country_index: HashMap<String, usize>,
    alpha2_index: HashMap<String, usize>,
    organisations: Vec<Organisation>,
    organisation_index: HashMap<String, usize>,
    memberships: HashMap<String, Vec<Membership>>,
    matcher: matcher::Matcher,
}

impl Lexicon {
    /// Loads every file of [`FILES`] from `dir` (normally `data/lexicon`).
    pub fn load_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let mut sources = Vec::with_capacity(FILES.len());
        for name in FILES {
            let path = dir.join(name);
            let text = std::fs::read_to_string(&path).map_err(|source| LexiconError::Read {
                file: path.display().to_string(),
                source,
            })?;
            sources.push((path.display().to_string(), text));
        }
        load::build(&sources)
    }

    /// The shipped dictionaries extended by a user's directory, without a rebuild: each file
    /// of `dir` named like a shipped one ([`FILES`]: `persons.tsv`, `aliases.tsv`, ...) is read
    /// after it, in the same format; its rows are added, and a phrase it lists replaces the
    /// shipped readings of the same kind (a user's "Putin" wins). Errors name the user's file
    /// and line; a directory with none of these files is an error too.
    pub fn with_user_dir(dir: &Path) -> Result<Lexicon, LexiconError> {
        let shipped: Vec<(String, String)> = load::EMBEDDED
            .iter()
            .map(|(name, text)| (format!("data/lexicon/{name}"), text.to_string()))
            .collect();
        let user = user_files(dir)?;
        load::build_layers(&shipped, &user)
    }

    /// The data files compiled into the binary, so that it works anywhere. Built once.
    pub fn embedded() -> &'static Lexicon {
        static EMBEDDED: OnceLock<Lexicon> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            let sources: Vec<(String, String)> = load::EMBEDDED
                .iter()
                .map(|(name, text)| (format!("data/lexicon/{name}"), text.to_string()))
                .collect();
            // The embedded files are tested at build time (tests load every shipped file),
            // so a failure here is a packaging bug, not bad user input.
            load::build(&sources).unwrap_or_else(|e| panic!("embedded lexicon is invalid: {e}"))
        })
    }

    /// Every dictionary phrase as written, with the kind of each of its readings (a phrase
    /// with two readings comes twice), in no particular order.
    pub fn phrases(&self) -> impl Iterator<Item = (&str, EntryKind)> + '_ {
        self.matcher.phrases()
    }

    /// All dictionary phrases in `text`: leftmost-longest, at word boundaries, without overlaps.
    /// Proper nouns match as written ("US" but not "us", "Turkey" but not "turkey"); roles
    /// match in any case. A curly apostrophe matches a straight one.
    pub fn find<'a>(&'a self, text: &str) -> Vec<LexMatch<'a>> {
        self.matcher.find(text)
    }

    /// A country by alpha-3 code ("RUS").
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index.get(code).map(|&i| &self.countries[i])
    }

    /// A country by alpha-2 code ("RU").
    pub fn country_by_alpha2(&self, code: &str) -> Option<&Country> {
        self.alpha2_index.get(code).map(|&i| &self.countries[i])
    }

    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// An organisation by code ("EU", "NATO").
    pub fn organisation(&self, code: &str) -> Option<&Organisation> {
        self.organisation_index
            .get(code)
            .map(|&i| &self.organisations[i])
    }

    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    /// Whether `code` is a group of states with recorded members (EU, NATO, UN, ...).
    pub fn is_group(&self, code: &str) -> bool {
        self.memberships.contains_key(code)
    }

    /// Every recorded membership of a group, past and present; `None` if not a group.
    pub fn memberships(&self, code: &str) -> Option<&[Membership]> {
        self.memberships.get(code).map(Vec::as_slice)
    }

    /// Member state codes of a group at `date`, sorted; `None` if `code` is not a group.
    pub fn members_at(&self, code: &str, date: NaiveDate) -> Option<Vec<&str>> {
        let rows = self.memberships.get(code)?;
        let mut members: Vec<&str> = rows
            .iter()
            .filter(|m| m.covers(date))
            .map(|m| m.member.as_str())
            .collect();
        members.sort_unstable();
        members.dedup();
        Some(members)
    }

    /// The code a user means by `name`: a code as is ("RUS", "eu"), an alpha-2 code ("RU"),
    /// or a name the dictionaries know ("Russia", "European Union", "the Kremlin", "russia").
    /// `None` when nothing, or more than one actor, is named.
    pub fn resolve_code(&self, name: &str) -> Option<&str> {
        let name = name.trim();
        let upper = name.to_ascii_uppercase();
        if let Some(c) = self.country(&upper) {
            return Some(&c.alpha3);
        }
        if let Some(o) = self.organisation(&upper) {
            return Some(&o.code);
        }
        if let Some(c) = self.country_by_alpha2(&upper) {
            return Some(&c.alpha3);
        }
        // As written, then with each word capitalised ("south korea" -> "South Korea").
        let titled: String = name
            .split(' ')
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|f| f.to_uppercase().chain(cs).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ");
        for candidate in [name, titled.as_str()] {
            let found = self.find(candidate);
            if let [only] = found.as_slice()
                && matches!(candidate[..only.start].trim(), "" | "the" | "The")
                && candidate[only.end..].trim().is_empty()
                && only.entry.kind != EntryKind::Role
            {
                return only.entry.code.as_deref();
            }
        }
        None
    }

    /// Whether `member` belongs to `group` at `date`; false when either is unknown.
    pub fn is_member_at(&self, group: &str, member: &str, date: NaiveDate) -> bool {
        self.members_at(group, date)
            .is_some_and(|members| members.contains(&member))
    }
}

/// The files of a user's dictionary directory, in [`FILES`] order; any other `.tsv` file there
/// is an error (a misnamed file would otherwise be ignored in silence).
fn user_files(dir: &Path) -> Result<Vec<(String, String)>, LexiconError> {
    let error = |file: &Path, message: String| LexiconError::UserFile {
        file: file.display().to_string(),
        message,
    };
    let read_error = |file: &Path, source: std::io::Error| LexiconError::Read {
        file: file.display().to_string(),
        source,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| read_error(dir, e))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".tsv") && !FILES.contains(&name.as_str()) {
            return Err(error(
                &entry.path(),
                format!("not a dictionary file (known: {})", FILES.join(", ")),
            ));
        }
    }
    let mut out = Vec::new();
    for name in FILES {
        let path = dir.join(name);
        if path.exists() {
            let text = std::fs::read_to_string(&path).map_err(|e| read_error(&path, e))?;
            out.push((path.display().to_string(), text));
        }
    }
    if out.is_empty() {
        return Err(error(
            dir,
            format!("no dictionary file here (known: {})", FILES.join(", ")),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_phrase_has_two_codes_of_one_kind() {
        let conflicts = Lexicon::embedded().matcher.same_kind_conflicts();
        assert!(conflicts.is_empty(), "{conflicts:#?}");
    }
}
