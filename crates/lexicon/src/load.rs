//! Reading and validating the data files. Every problem is reported as `file:line: reason`.

use crate::matcher::PhraseTable;
use crate::{Country, Entry, EntryKind, Lexicon, LexiconError, Membership, Organisation};
use chrono::NaiveDate;
use std::collections::HashMap;

mod holders;
mod parties;
mod places;

/// The data files, in load order: countries and organisations come first because the other
/// files refer to their codes.
pub const FILES: [&str; 18] = [
    "countries.tsv",
    "organisations.tsv",
    "demonyms.tsv",
    "capitals.tsv",
    "cities.tsv",
    "subdivisions.tsv",
    "memberships.tsv",
    "aliases.tsv",
    "regions.tsv",
    "institutions.tsv",
    "media.tsv",
    "persons.tsv",
    "office-holders.tsv",
    "parties.tsv",
    "roles.tsv",
    "petrarch-persons.tsv",
    "petrarch-agents.tsv",
    "exclusions.tsv",
];

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_str!(concat!("../../../data/lexicon/", $name)))),*]
    };
}

/// The shipped files, compiled in; same order as [`FILES`].
pub(crate) const EMBEDDED: [(&str, &str); 18] = embed!(
    "countries.tsv",
    "organisations.tsv",
    "demonyms.tsv",
    "capitals.tsv",
    "cities.tsv",
    "subdivisions.tsv",
    "memberships.tsv",
    "aliases.tsv",
    "regions.tsv",
    "institutions.tsv",
    "media.tsv",
    "persons.tsv",
    "office-holders.tsv",
    "parties.tsv",
    "roles.tsv",
    "petrarch-persons.tsv",
    "petrarch-agents.tsv",
    "exclusions.tsv",
);

/// The columns of the phrase files (office-holders.tsv adds a seventh: the source).
const PHRASE_COLUMNS: &str = "kind, code, sector, canonical, variants, dated roles";

/// Sectors a phrase may imply (CAMEO's actor types, which PLOVER keeps).
pub const SECTORS: [&str; 23] = [
    "GOV", "MIL", "DIP", "COP", "REB", "CVL", "MED", "IGO", "NGO", "BUS", "LEG", "JUD", "SPY",
    "OPP", "PTY", "EDU", "LAB", "REF", "REL", "HLH", "CRM", "AGR", "ELI",
];

/// Reads a YYYY-MM-DD calendar date (four-digit year, two-digit month and day).
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) {
        return None;
    }
    if !digits(8..10) {
        return None;
    }
    // The digits are checked: read them directly (chrono's format parser costs some 1,200
    // instructions a date, and the phrase files hold tens of thousands).
    let number =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    NaiveDate::from_ymd_opt(number(0..4) as i32, number(5..7), number(8..10))
}

/// One data line split into fields, with where it came from for error messages.
struct Line<'s> {
    file: &'s str,
    number: usize,
    fields: Vec<&'s str>,
}

impl<'s> Line<'s> {
    fn error(&self, message: impl Into<String>) -> LexiconError {
        LexiconError::Line {
            file: self.file.to_string(),
            line: self.number,
            message: message.into(),
        }
    }

    /// Field `i`, or `None` when missing, empty or "-".
    fn opt(&self, i: usize) -> Option<&'s str> {
        self.fields
            .get(i)
            .copied()
            .filter(|f| !f.is_empty() && *f != "-")
    }

    fn req(&self, i: usize, what: &str) -> Result<&'s str, LexiconError> {
        self.opt(i)
            .ok_or_else(|| self.error(format!("column {} ({what}) is empty", i + 1)))
    }

    /// A `|`-separated list (empty when the field is absent).
    fn list(&self, i: usize) -> Vec<&'s str> {
        self.opt(i)
            .map(|f| {
                f.split('|')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The data lines of a file: comments (`#`) and blank lines skipped, fields tab-separated.
fn lines<'s>(
    file: &'s str,
    text: &'s str,
    columns: &str,
    min: usize,
    max: usize,
) -> Result<Vec<Line<'s>>, LexiconError> {
    let mut out = Vec::new();
    // A byte-order mark (some editors write one) is not part of the first field.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw) in text.lines().enumerate() {
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').map(str::trim).collect();
        let line = Line {
            file,
            number: i + 1,
            fields,
        };
        let n = line.fields.len();
        if n < min || n > max {
            let expected = if min == max {
                format!("{min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(line.error(format!(
                "expected {expected} tab-separated columns ({columns}), found {n}"
            )));
        }
        out.push(line);
    }
    Ok(out)
}

fn is_code(s: &str, len: std::ops::RangeInclusive<usize>) -> bool {
    len.contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

struct Builder {
    countries: Vec<Country>,
    country_index: HashMap<String, usize>,
    organisations: Vec<Organisation>,
    organisation_index: HashMap<String, usize>,
    memberships: HashMap<String, Vec<Membership>>,
    phrases: PhraseTable,
    /// People of the hand-written phrase files, which office-holders.tsv gives dates to.
    hand_persons: holders::HandPersons,
    /// Reading a user's file: its phrases replace the shipped readings of the same kind.
    user: bool,
}

impl Builder {
    fn country_code<'s>(&self, line: &Line<'s>, i: usize) -> Result<&'s str, LexiconError> {
        let code = line.req(i, "country code")?;
        if !self.country_index.contains_key(code) {
            return Err(line.error(format!(
                "unknown country code {code:?} (not in countries.tsv)"
            )));
        }
        Ok(code)
    }

    fn any_code<'s>(&self, line: &Line<'s>, i: usize) -> Result<Option<&'s str>, LexiconError> {
        let Some(code) = line.opt(i) else {
            return Ok(None);
        };
        if !self.country_index.contains_key(code) && !self.organisation_index.contains_key(code) {
            return Err(line.error(format!(
                "unknown code {code:?} (neither a country in countries.tsv nor an organisation in organisations.tsv)"
            )));
        }
        Ok(Some(code))
    }

    fn countries(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for line in lines(file, text, "alpha3, alpha2, name, aliases", 3, 4)? {
            let alpha3 = line.req(0, "alpha3")?;
            let alpha2 = line.req(1, "alpha2")?;
            let name = line.req(2, "name")?;
            if !is_code(alpha3, 3..=3) || !alpha3.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(line.error(format!("{alpha3:?} is not an alpha-3 code (AAA)")));
            }
            if !is_code(alpha2, 2..=2) || !alpha2.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(line.error(format!("{alpha2:?} is not an alpha-2 code (AA)")));
            }
            if self.country_index.contains_key(alpha3) {
                return Err(line.error(format!("country {alpha3} is listed twice")));
            }
            let aliases: Vec<String> = line.list(3).into_iter().map(String::from).collect();
            let entry = Entry {
                kind: EntryKind::Country,
                code: Some(alpha3.to_string()),
                sector: None,
                canonical: name.to_string(),
                roles: Vec::new(),
            };
            self.phrases.add(name, entry.clone());
            for alias in &aliases {
                self.phrases.add(alias, entry.clone());
            }
            self.country_index
                .insert(alpha3.to_string(), self.countries.len());
            self.countries.push(Country {
                alpha3: alpha3.to_string(),
                alpha2: alpha2.to_string(),
                name: name.to_string(),
                aliases,
                demonyms: Vec::new(),
                capital: None,
            });
        }
        Ok(())
    }

    fn organisations(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for line in lines(file, text, "code, sector, name, aliases", 3, 4)? {
            let code = line.req(0, "code")?;
            let sector = sector(&line, 1)?;
            let name = line.req(2, "name")?;
            if !is_code(code, 2..=8) {
                return Err(line.error(format!(
                    "{code:?} is not an organisation code (2-8 capital letters or digits)"
                )));
            }
            if self.country_index.contains_key(code) || self.organisation_index.contains_key(code) {
                return Err(line.error(format!("code {code} is already used")));
            }
            let aliases: Vec<String> = line.list(3).into_iter().map(String::from).collect();
            let entry = Entry {
                kind: EntryKind::Organisation,
                code: Some(code.to_string()),
                sector: sector.map(String::from),
                canonical: name.to_string(),
                roles: Vec::new(),
            };
            self.phrases.add(name, entry.clone());
            for alias in &aliases {
                self.phrases.add(alias, entry.clone());
            }
            self.organisation_index
                .insert(code.to_string(), self.organisations.len());
            self.organisations.push(Organisation {
                code: code.to_string(),
                name: name.to_string(),
                sector: sector.map(String::from),
                aliases,
            });
        }
        Ok(())
    }

    fn demonyms(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for line in lines(file, text, "alpha3, forms", 2, 2)? {
            let code = self.country_code(&line, 0)?;
            let forms = line.list(1);
            let Some(first) = forms.first() else {
                return Err(line.error("column 2 (forms) is empty"));
            };
            let entry = Entry {
                kind: EntryKind::Demonym,
                code: Some(code.to_string()),
                sector: None,
                canonical: first.to_string(),
                roles: Vec::new(),
            };
            for form in &forms {
                self.phrases.add(form, entry.clone());
            }
            let country = &mut self.countries[self.country_index[code]];
            country.demonyms.extend(forms.iter().map(|f| f.to_string()));
        }
        Ok(())
    }

    fn memberships(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for line in lines(file, text, "group, member, from, until, note", 4, 5)? {
            let group = line.req(0, "group")?;
            if !self.organisation_index.contains_key(group) {
                return Err(line.error(format!(
                    "unknown group {group:?} (not in organisations.tsv)"
                )));
            }
            let member = self.country_code(&line, 1)?;
            let date = |i: usize| -> Result<Option<NaiveDate>, LexiconError> {
                match line.opt(i) {
                    None => Ok(None),
                    Some(d) => parse_date(d)
                        .map(Some)
                        .ok_or_else(|| line.error(format!("{d:?} is not a date (YYYY-MM-DD)"))),
                }
            };
            let (from, until) = (date(2)?, date(3)?);
            if let (Some(f), Some(u)) = (&from, &until)
                && u < f
            {
                return Err(line.error(format!("membership ends ({u}) before it starts ({f})")));
            }
            self.memberships
                .entry(group.to_string())
                .or_default()
                .push(Membership {
                    member: member.to_string(),
                    from,
                    until,
                });
        }
        Ok(())
    }

    /// The common format of the phrase files. A generated file (`petrarch-*.tsv`) yields to
    /// the hand-written ones: a phrase they list keeps only its hand readings.
    fn phrases(&mut self, file: &str, text: &str, generated: bool) -> Result<(), LexiconError> {
        for line in lines(file, text, PHRASE_COLUMNS, 4, 6)? {
            self.phrase_line(&line, generated)?;
        }
        Ok(())
    }

    /// One line of a phrase file: its entry and the phrases that name it.
    fn parse_phrase<'s>(&self, line: &Line<'s>) -> Result<(Entry, Vec<&'s str>), LexiconError> {
        let kind_name = line.req(0, "kind")?;
        let kind = EntryKind::parse(kind_name)
            .ok_or_else(|| line.error(format!("unknown kind {kind_name:?}")))?;
        let code = self.any_code(line, 1)?;
        let sector = sector(line, 2)?;
        let canonical = line.req(3, "canonical")?;
        let roles = match line.opt(5) {
            None => Vec::new(),
            Some(field) => crate::dated::parse_roles(field)
                .map_err(|source| LexiconError::DatedRole {
                    file: line.file.to_string(),
                    line: line.number,
                    source,
                })?
                .into_iter()
                .map(|r| self.check_role_code(line, r))
                .collect::<Result<Vec<_>, _>>()?,
        };
        if kind.needs_country() && code.is_none_or(|c| !self.country_index.contains_key(c)) {
            return Err(line.error(format!("a {kind} needs a country code in column 2")));
        }
        let entry = Entry {
            kind,
            code: code.map(String::from),
            sector: sector.map(String::from),
            canonical: canonical.to_string(),
            roles,
        };
        let phrases = std::iter::once(canonical).chain(line.list(4)).collect();
        Ok((entry, phrases))
    }

    fn phrase_line(&mut self, line: &Line<'_>, generated: bool) -> Result<(), LexiconError> {
        let (entry, phrases) = self.parse_phrase(line)?;
        let kind = entry.kind;
        if kind == EntryKind::Capital {
            let code = entry.code.as_deref().unwrap_or_default();
            for phrase in &phrases {
                self.add_capital(code, phrase, &entry.canonical);
            }
            return Ok(());
        }
        if kind == EntryKind::Person && !generated {
            self.record_hand_person(&entry, &phrases);
        }
        self.add_entry(entry, &phrases, generated);
        Ok(())
    }

    /// Adds `entry` under each of `phrases`; a generated file leaves hand phrases alone.
    fn add_entry(&mut self, entry: Entry, phrases: &[&str], generated: bool) {
        let kind = entry.kind;
        for &phrase in phrases {
            if generated && self.phrases.is_hand_phrase(phrase, kind) {
                continue;
            }
            if !generated {
                self.phrases.mark_hand(phrase, kind);
            }
            if self.user {
                self.phrases.remove(phrase, kind);
            }
            self.phrases.add(phrase, entry.clone());
            let Some(code) = entry.code.as_deref().filter(|_| kind.needs_country()) else {
                continue;
            };
            let country = &mut self.countries[self.country_index[code]];
            let list = match kind {
                EntryKind::Country => &mut country.aliases,
                EntryKind::Demonym => &mut country.demonyms,
                _ => continue,
            };
            if !list.iter().any(|p| p == phrase) && phrase != country.name {
                list.push(phrase.to_string());
            }
        }
    }

    fn check_role_code(
        &self,
        line: &Line<'_>,
        role: crate::DatedRole,
    ) -> Result<crate::DatedRole, LexiconError> {
        let known = self.country_index.contains_key(&role.code)
            || self.organisation_index.contains_key(&role.code);
        if !known {
            return Err(line.error(format!(
                "dated role: unknown code {:?} (neither a country nor an organisation)",
                role.code
            )));
        }
        if let Some(s) = role.sector.as_deref().filter(|s| !SECTORS.contains(s)) {
            return Err(line.error(format!(
                "dated role: unknown sector {s:?} (known: {})",
                SECTORS.join(" ")
            )));
        }
        Ok(role)
    }

    fn exclusions(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for line in lines(file, text, "kind, phrase, reason", 2, 3)? {
            let kind_name = line.req(0, "kind")?;
            let phrase = line.req(1, "phrase")?;
            match kind_name {
                "stop" => {
                    self.phrases.add_stop(phrase);
                    continue;
                }
                "shouted" => {
                    if !self.phrases.mark_shout_sensitive(phrase) {
                        return Err(line.error(format!(
                            "{phrase:?} is not a proper-noun phrase of the lexicon"
                        )));
                    }
                    continue;
                }
                "name-start" => {
                    if !self.phrases.mark_name_start(phrase) {
                        return Err(line.error(format!(
                            "{phrase:?} is not a proper-noun phrase of the lexicon"
                        )));
                    }
                    continue;
                }
                _ => {}
            }
            let kind = EntryKind::parse(kind_name).ok_or_else(|| {
                line.error(format!(
                    "unknown kind {kind_name:?} (an entry kind, \"stop\", \"shouted\" or \"name-start\")"
                ))
            })?;
            // Lenient: a regenerated file may no longer hold the phrase.
            self.phrases.remove(phrase, kind);
            if kind == EntryKind::Country || kind == EntryKind::Demonym {
                for country in &mut self.countries {
                    country.aliases.retain(|a| a != phrase);
                    country.demonyms.retain(|a| a != phrase);
                }
            }
        }
        Ok(())
    }
}

fn sector<'s>(line: &Line<'s>, i: usize) -> Result<Option<&'s str>, LexiconError> {
    match line.opt(i) {
        None => Ok(None),
        Some(s) if SECTORS.contains(&s) => Ok(Some(s)),
        Some(s) => Err(line.error(format!(
            "unknown sector {s:?} (known: {})",
            SECTORS.join(" ")
        ))),
    }
}

/// Builds a lexicon from `(file name for messages, text)` pairs in [`FILES`] order.
pub(crate) fn build(sources: &[(String, String)]) -> Result<Lexicon, LexiconError> {
    build_layers(sources, &[])
}

/// The shipped files (in [`FILES`] order), then a user's files named like them (each file's
/// kind is its name): a user's file extends its shipped one, and a phrase it lists replaces
/// the shipped readings of the same kind.
pub(crate) fn build_layers(
    shipped: &[(String, String)],
    user: &[(String, String)],
) -> Result<Lexicon, LexiconError> {
    let mut b = Builder {
        countries: Vec::new(),
        country_index: HashMap::new(),
        organisations: Vec::new(),
        organisation_index: HashMap::new(),
        memberships: HashMap::new(),
        phrases: PhraseTable::default(),
        hand_persons: holders::HandPersons::default(),
        user: false,
    };
    for (n, (file, text)) in shipped.iter().chain(user).enumerate() {
        let (file, text) = (file.as_str(), text.as_str());
        b.user = n >= shipped.len();
        let name = std::path::Path::new(file)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(file);
        match name {
            "countries.tsv" => b.countries(file, text)?,
            "organisations.tsv" => b.organisations(file, text)?,
            "demonyms.tsv" => b.demonyms(file, text)?,
            "capitals.tsv" => b.capitals(file, text)?,
            "cities.tsv" => b.cities(file, text)?,
            "subdivisions.tsv" => b.subdivisions(file, text)?,
            "memberships.tsv" => b.memberships(file, text)?,
            "exclusions.tsv" => b.exclusions(file, text)?,
            "office-holders.tsv" => b.office_holders(file, text)?,
            "parties.tsv" => b.parties(file, text)?,
            _ if name.starts_with("petrarch-") => b.phrases(file, text, true)?,
            _ => b.phrases(file, text, false)?,
        }
    }
    let alpha2_index = b
        .countries
        .iter()
        .enumerate()
        .map(|(i, c)| (c.alpha2.clone(), i))
        .collect();
    Ok(Lexicon {
        countries: b.countries,
        country_index: b.country_index,
        alpha2_index,
        organisations: b.organisations,
        organisation_index: b.organisation_index,
        memberships: b.memberships,
        matcher: b.phrases.build(),
    })
}
