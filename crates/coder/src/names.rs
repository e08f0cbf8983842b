//! Named people and organisations the dictionaries lack: a trigger's doer that is a run of
//! capitalised words no dictionary phrase, role, apposition or earlier mention resolves ("Alan
//! Beith urged the government", "the Amalgamated Engineering Union accused ministers").
//!
//! Only then is the named-entity recogniser asked, for that sentence alone
//! (`Doc::sentence_entities`; the recogniser's file is read on first use), so sentences whose
//! doers the dictionaries know never pay for it. Where it finds no mention holding the doer,
//! a run of capitalised proper nouns ending in a head word `data/coder/name-heads.tsv` lists
//! ("the Woodland Trust") is taken as an organisation. What
//! the recogniser finds becomes an actor as follows:
//! - a person takes the state or party written just before the name ("Labour's Frank
//!   Dobson"), or what a description set off by commas after it says ("Frank Dobson, the
//!   Labour MP,"); else, when the event acts on a political actor the dictionaries know (a state,
//!   a government, a party, a legislature ...), the report's country (dateline, then the
//!   document's most-named country; `country_from` says which) and no sector. A person named
//!   only by name whose deed hits no political actor ("Frank Lampard accused the referee") is
//!   not coded: footballers, actors and executives are no political actors by their name.
//! - an organisation takes the sector its head word names (`data/coder/name-heads.tsv`) and
//!   the state named in it or just before it ("Turkey's ruling AKP", "the Scottish
//!   Executive"), else the report's country when its head word gave a sector.

use crate::datafile::DataFileError;
use crate::frames::{Frame, look_through};
use crate::noun_phrase::core_tokens;
use crate::sentence::SentenceCx;
use crate::words::{WordClass, is};
use attache_event::{Actor, CountryFrom};
use attache_lexicon::{Entry, EntryKind};
use attache_nlp::{Doc, Entity, EntityKind, Token, Upos};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The name-heads file compiled into the binary.
const NAME_HEADS_TSV: &str = include_str!("../../../data/coder/name-heads.tsv");
const NAME_HEADS_NAME: &str = "data/coder/name-heads.tsv";
const HEADER: &str = "word\tsector\tplace";

/// Sectors of the bodies and roles that make a deed or a document political: a person named
/// only by name is coded where the deed acts on one of them, in a document that names them.
const POLITICAL_SECTORS: [&str; 7] = ["GOV", "OPP", "LEG", "PTY", "JUD", "IGO", "DIP"];

/// How many names of political bodies and roles a document must hold before the people it
/// names only by name may be political actors (sports and arts reports name few or none).
pub(crate) const POLITICAL_DOCUMENT: usize = 3;

/// Whether a dictionary phrase names a political body or role: a party, or a role, body or
/// person of a political sector (read at `date`). A state or its capital alone does not ("beat
/// New Zealand", "a move to Atletico Madrid").
pub(crate) fn is_political(entry: &Entry, date: Option<&str>) -> bool {
    let sector = match entry.kind {
        EntryKind::Party => return true,
        EntryKind::Role => entry.sector.as_deref(),
        EntryKind::Organisation | EntryKind::Seat | EntryKind::Person => entry.role_at(date).1,
        _ => None,
    };
    sector.is_some_and(|s| POLITICAL_SECTORS.contains(&s))
}

/// Each head word with the sector of the bodies it names, and the modifiers that make a body
/// of another kind ("Building" of "Britannia Building Society").
#[derive(Debug, Default)]
pub(crate) struct NameHeads {
    sectors: HashMap<String, String>,
    modifiers: HashMap<String, String>,
}

impl NameHeads {
    /// Parses the text of a name-heads file; `file` names it in errors.
    pub(crate) fn parse(file: &str, text: &str) -> Result<NameHeads, DataFileError> {
        let err = |line: usize, reason: &str| DataFileError::new(file, line, reason);
        let data = crate::datafile::rows(text, HEADER).map_err(|(n, r)| err(n, &r))?;
        let mut out = NameHeads::default();
        for row in data.rows {
            let cols: Vec<&str> = row.text.split('\t').collect();
            let [word, sector, place] = cols[..] else {
                return Err(err(row.number, "expected `word<TAB>sector<TAB>place`"));
            };
            if word.is_empty() || word.contains(' ') || word.chars().any(char::is_uppercase) {
                return Err(err(row.number, "a word is one lower-case token"));
            }
            if !(sector.len() == 3 && sector.chars().all(|c| c.is_ascii_uppercase())) {
                return Err(err(row.number, "a sector is three capital letters"));
            }
            let map = match place {
                "head" => &mut out.sectors,
                "modifier" => &mut out.modifiers,
                _ => return Err(err(row.number, "a place is `head` or `modifier`")),
            };
            if map.insert(word.to_string(), sector.to_string()).is_some() {
                return Err(err(row.number, "word listed twice"));
            }
        }
        Ok(out)
    }

    /// The sector a head word names, if the file lists it.
    pub(crate) fn sector(&self, lemma: &str) -> Option<&str> {
        self.sectors.get(lemma).map(String::as_str)
    }

    /// The sector a modifier before the head gives the body, if the file lists it.
    pub(crate) fn modifier(&self, lemma: &str) -> Option<&str> {
        self.modifiers.get(lemma).map(String::as_str)
    }
}

/// Whether a document's dictionary phrases name enough political bodies and roles.
pub(crate) fn political_document(matches: &[attache_lexicon::LexMatch<'_>]) -> bool {
    political_count(matches) >= POLITICAL_DOCUMENT
}

/// How many of `matches` name a political body or role (undated).
pub(crate) fn political_count(matches: &[attache_lexicon::LexMatch<'_>]) -> usize {
    matches
        .iter()
        .filter(|m| is_political(m.entry, None))
        .count()
}

/// The shipped name-heads file, parsed once (checked when an extractor is built).
pub(crate) fn load() -> Result<&'static NameHeads, DataFileError> {
    static SHIPPED: OnceLock<Result<NameHeads, DataFileError>> = OnceLock::new();
    SHIPPED
        .get_or_init(|| NameHeads::parse(NAME_HEADS_NAME, NAME_HEADS_TSV))
        .as_ref()
        .map_err(Clone::clone)
}

fn shipped() -> &'static NameHeads {
    static EMPTY: OnceLock<NameHeads> = OnceLock::new();
    load().unwrap_or_else(|_| EMPTY.get_or_init(NameHeads::default))
}

/// The frame's doers that are names the recogniser finds and this module can place (see the
/// module's comment); the caller asks only when nothing else gave the frame an actor.
pub(crate) fn named_actors(sx: &SentenceCx<'_, '_>, frame: &Frame<'_>) -> Vec<Actor> {
    let mut political = None;
    let mut out = Vec::new();
    for &agent in &frame.agents {
        let Some(entity) = unread_name_at(sx, agent) else {
            continue;
        };
        // A head word that names a kind of body ("Union", "Commission") is no person's name,
        // whatever the recogniser took it for.
        let sector = head_sector(&entity);
        let placed = match entity.kind() {
            EntityKind::Person if sector.is_none() => person(sx, frame, &entity, &mut political),
            EntityKind::Person | EntityKind::Organization => organisation(sx, &entity, sector),
            EntityKind::Place => None,
        };
        // Two words of one name may both be the doer's (a misparse: "Savings" and "Trust").
        if let Some(p) = placed.filter(|p| out.iter().all(|o: &Actor| o.span != p.span)) {
            out.push(p);
        }
    }
    out
}

/// The name the recogniser finds at `t`, a proper noun the dictionaries leave (partly) unread.
/// Cheap checks first: the recogniser runs only for such a noun.
fn unread_name_at<'d>(sx: &SentenceCx<'d, '_>, t: Token<'_>) -> Option<Entity<'d>> {
    let core = core_tokens(t);
    if t.upos() != Upos::Propn {
        return None;
    }
    let unread = !sx.reader.uncovered_names(&core).is_empty();
    // A name the dictionaries read holds a listed head word, or the recogniser is not asked.
    let heads = shipped();
    if !unread
        && !core
            .iter()
            .any(|w| heads.sector(&w.lemma().to_lowercase()).is_some())
    {
        return None;
    }
    entity_at(sx, t).filter(|e| {
        (unread || named_only_by_kinds(sx, e)) && is_name(e) && holds_name(sx.cx.doc, e, &core)
    })
}

/// Whether an organisation's name is read by the dictionaries only as kinds of body with no
/// state ("the Green Party": a green party; "the Victims of Crime Trust": victims) and its head
/// word names a sector in `data/coder/name-heads.tsv`: the name is that body's own, as an
/// unread one is. Not a person's title ("the Chief Executive"; words.tsv `office_title`).
fn named_only_by_kinds(sx: &SentenceCx<'_, '_>, entity: &Entity<'_>) -> bool {
    if entity.kind() == EntityKind::Place || head_sector(entity).is_none() {
        return false;
    }
    let titled = entity
        .tokens()
        .any(|t| is(WordClass::OfficeTitle, &t.text().to_lowercase()));
    let sp = entity.span();
    let mut readings = sx.lex.within(sp.start, sp.end).peekable();
    !titled
        && readings.peek().is_some()
        && readings.all(|m| m.entry.kind == EntryKind::Role && m.entry.code.is_none())
}

/// The outermost mention the recogniser finds that holds `t` (a holder comes before the
/// mentions nested in it): the parse may make a nested name the doer's head ("the Commission
/// for Fair Housing" read as "Fair Housing").
fn entity_at<'d>(sx: &SentenceCx<'d, '_>, t: Token<'_>) -> Option<Entity<'d>> {
    sx.entities()
        .iter()
        .find(|e| e.token_range().contains(&t.i()))
        .copied()
        .or_else(|| listed_body_at(sx, t))
}

/// Where the recogniser finds no mention holding `t`: the run of capitalised proper nouns
/// holding it, as an organisation, when its last word is a head word data/coder/name-heads.tsv
/// lists ("the Woodland Trust", "the Energy Savings Trust"): the file's word says what the
/// name is, as it does for the bodies the recogniser finds.
fn listed_body_at<'d>(sx: &SentenceCx<'d, '_>, t: Token<'_>) -> Option<Entity<'d>> {
    let doc = sx.cx.doc;
    let sentence = doc.sentence(t.sentence()).token_range();
    // A nationality before the name is part of it ("the European Medicines Agency").
    let capitalised = |i: usize| {
        let w = doc.token(i);
        matches!(w.upos(), Upos::Propn | Upos::Adj)
            && w.text().chars().next().is_some_and(char::is_uppercase)
    };
    if t.upos() != Upos::Propn || !capitalised(t.i()) {
        return None;
    }
    let mut start = t.i();
    while start > sentence.start && capitalised(start - 1) {
        start -= 1;
    }
    let mut end = t.i() + 1;
    while end < sentence.end && capitalised(end) {
        end += 1;
    }
    let last = doc.token(end - 1).lemma().to_lowercase();
    shipped().sector(&last)?;
    Some(doc.mention(start..end, EntityKind::Organization))
}

/// Whom a frame acts on, named by a person's name the dictionaries lack with a description set
/// off by commas after it ("accused Oliver Finegold, of the Evening Standard newspaper, of
/// ...", "criticised John Smith, the Labour MP, for ..."): the country and sector the
/// description gives; a bare unknown name names no one. The caller asks only when the
/// dictionaries read none of the frame's patients.
pub(crate) fn described_patients(sx: &SentenceCx<'_, '_>, frame: &Frame<'_>) -> Vec<Actor> {
    let mut out = Vec::new();
    for &patient in &frame.patients {
        let Some(entity) = unread_name_at(sx, patient) else {
            continue;
        };
        if entity.kind() != EntityKind::Person || head_sector(&entity).is_some() {
            continue;
        }
        // A description of no state ("of the Evening Standard newspaper") is of the report's
        // country, in a report about politics.
        let Some((country, sector)) = description_read(sx, &entity) else {
            continue;
        };
        let (country, from) = match country {
            Some(c) => (c, None),
            None if sx.cx.political && sector.is_some() => match sx.cx.home_country() {
                Some((c, from)) => (c, Some(from)),
                None => continue,
            },
            None => continue,
        };
        let lo = entity.span().start;
        out.push(actor(sx, &entity, lo, Some(country), sector, from));
    }
    out
}

/// Whether a mention reads as a name: no lower-case word in it but function words ("the",
/// "of", "for") and a possessive ("Labour's"); the recogniser sometimes runs a mention on
/// over a clause ("the Spaniard on his way and when Roddick").
fn is_name(entity: &Entity<'_>) -> bool {
    entity.tokens().all(|t| {
        matches!(
            t.upos(),
            Upos::Det | Upos::Adp | Upos::Cconj | Upos::Part | Upos::Punct
        ) || !t.text().chars().next().is_some_and(char::is_lowercase)
    })
}

/// A person: the state or party written before the name, else the report's country when the
/// deed acts on a political actor.
fn person(
    sx: &SentenceCx<'_, '_>,
    frame: &Frame<'_>,
    entity: &Entity<'_>,
    political: &mut Option<bool>,
) -> Option<Actor> {
    if let Some((lo, country, sector)) = affiliation_before(sx, entity) {
        return Some(actor(sx, entity, lo, Some(country), sector, None));
    }
    if let Some((country, sector)) = description_after(sx, entity) {
        let lo = entity.span().start;
        return Some(actor(sx, entity, lo, Some(country), sector, None));
    }
    if !sx.cx.political || !*political.get_or_insert_with(|| acts_on_political(sx, frame)) {
        return None;
    }
    let (country, from) = sx.cx.home_country()?;
    let lo = entity.span().start;
    Some(actor(sx, entity, lo, Some(country), None, Some(from)))
}

/// A description set off by commas just after a name, which the parse did not hang on it
/// ("Frank Dobson, the Labour MP, said"; "Jacques Barrot, vice president of the European
/// Commission, said"): the country and sector its dictionary phrases give, where it names a
/// role and a state, party or body. Up to twelve words, no verb among them.
fn description_after(
    sx: &SentenceCx<'_, '_>,
    entity: &Entity<'_>,
) -> Option<(String, Option<String>)> {
    let (country, sector) = description_read(sx, entity)?;
    Some((country?, sector))
}

/// The country (if it names one) and sector of the description after a name (see
/// [`description_after`]), where it names a role.
fn description_read(
    sx: &SentenceCx<'_, '_>,
    entity: &Entity<'_>,
) -> Option<(Option<String>, Option<String>)> {
    let doc = sx.cx.doc;
    let first = entity.token_range().end + 1;
    let last = sx.tokens.last()?.i();
    if first > last || doc.token(first - 1).text() != "," {
        return None;
    }
    let stop = (first..=last.min(first + 12)).find(|&k| {
        let t = doc.token(k);
        t.text() == "," || matches!(t.upos(), Upos::Verb | Upos::Aux | Upos::Pron)
    })?;
    if stop == first || doc.token(stop).text() != "," {
        return None;
    }
    let lo = doc.token(first).span().start;
    let hi = doc.token(stop - 1).span().end;
    if !sx
        .lex
        .within(lo, hi)
        .any(|m| m.entry.kind == EntryKind::Role)
    {
        return None;
    }
    let read = sx.reader.read_core(doc.token(stop - 1), lo, hi);
    Some((read.country, read.sector))
}

/// An organisation: its head word's sector, and the state named in or before it, else (with a
/// sector) the report's country.
fn organisation(
    sx: &SentenceCx<'_, '_>,
    entity: &Entity<'_>,
    sector: Option<String>,
) -> Option<Actor> {
    if let Some((lo, country, own)) = affiliation_before(sx, entity) {
        return Some(actor(sx, entity, lo, Some(country), sector.or(own), None));
    }
    let sp = entity.span();
    if let Some(country) = state_within(sx, sp.start, sp.end) {
        return Some(actor(sx, entity, sp.start, Some(country), sector, None));
    }
    // A body named after a region or an alliance ("the European Medicines Agency") is not
    // the report's country's; nor is one of a report that names no political body.
    let regional = sx
        .lex
        .within(sp.start, sp.end)
        .any(|m| matches!(m.entry.kind, EntryKind::Region | EntryKind::Organisation));
    if regional || !sx.cx.political {
        return None;
    }
    let sector = sector?;
    let (country, from) = sx.cx.home_country()?;
    Some(actor(
        sx,
        entity,
        sp.start,
        Some(country),
        Some(sector),
        Some(from),
    ))
}

/// The sector the mention's head word (or its last word) names in `data/coder/name-heads.tsv`.
/// A modifier listed in the file before the head word wins ("Britannia Building Society" is a
/// business).
fn head_sector(entity: &Entity<'_>) -> Option<String> {
    let heads = shipped();
    let last = entity.tokens().last()?;
    let head = [entity.head(), last]
        .into_iter()
        .filter(|t| t.upos() != Upos::Punct)
        .find(|t| heads.sector(&t.lemma().to_lowercase()).is_some())?;
    let modifier = entity
        .tokens()
        .take_while(|t| t.i() < head.i())
        .find_map(|t| heads.modifier(&t.lemma().to_lowercase()));
    modifier
        .or_else(|| heads.sector(&head.lemma().to_lowercase()))
        .map(str::to_string)
}

/// Whether the mention holds every proper noun of the doer's naming core (but titles): a
/// mention of part of a name ("Holdings" of "Brackwell Holdings") is a misreading.
/// Nor is one that ends a longer name ("Fair Housing" of "the Commission for Fair Housing").
fn holds_name(doc: &Doc, entity: &Entity<'_>, core: &[Token<'_>]) -> bool {
    let range = entity.token_range();
    let whole = core
        .iter()
        .filter(|t| t.upos() == Upos::Propn && !crate::actors::is_honorific(t.text()))
        .all(|t| range.contains(&t.i()));
    let tokens: Vec<Token<'_>> = entity.tokens().collect();
    let continued = tokens.first().and_then(|first| {
        let before = first.i().checked_sub(1)?;
        let joint = doc.token(before);
        let named = doc.token(before.checked_sub(1)?);
        Some(
            matches!(joint.text(), "of" | "for")
                && named.sentence() == first.sentence()
                && named.text().chars().next().is_some_and(char::is_uppercase),
        )
    });
    whole && continued != Some(true)
}

/// A state or party written just before a name, as its possessor ("Labour's Frank Dobson",
/// "Turkey's ruling AKP": up to two lower-case words between): where the phrase starts, its
/// country and the sector it gives.
fn affiliation_before(
    sx: &SentenceCx<'_, '_>,
    entity: &Entity<'_>,
) -> Option<(usize, String, Option<String>)> {
    let doc = sx.cx.doc;
    let range = entity.token_range();
    let sentence_start = sx.tokens.first()?.i();
    // The recogniser may take the possessor into the mention ("Labour's Frank Dobson").
    let inside = range.clone().skip(1).find(|&k| is_possessive(doc.token(k)));
    let start = inside.map_or(range.start, |k| k + 1);
    let mut k = start.checked_sub(1)?;
    let mut skipped = 0;
    while k > sentence_start && is_plain_modifier(doc.token(k)) && skipped < 2 {
        k -= 1;
        skipped += 1;
    }
    let marker = doc.token(k);
    if k <= sentence_start || !is_possessive(marker) {
        return None;
    }
    let owner = doc.token(k - 1).span();
    let m = sx.lex.covering(owner.start, owner.end)?;
    if !matches!(
        m.entry.kind,
        EntryKind::Country | EntryKind::Demonym | EntryKind::Party
    ) || m.end != owner.end
    {
        return None;
    }
    let (code, sector) = m.entry.role_at(sx.reader.date.as_deref());
    Some((m.start, code?.to_string(), sector.map(str::to_string)))
}

/// The possessive marker ("'s", "’s", "'").
fn is_possessive(t: Token<'_>) -> bool {
    matches!(t.text(), "'s" | "’s" | "'")
}

/// A lower-case adjective, participle or noun between a possessor and a name ("ruling",
/// "opposition", "main").
fn is_plain_modifier(t: Token<'_>) -> bool {
    matches!(t.upos(), Upos::Adj | Upos::Verb | Upos::Noun)
        && t.text().chars().next().is_some_and(char::is_lowercase)
}

/// The state a country, nationality or capital inside bytes `lo..hi` names ("the Scottish
/// Executive", "Universities UK").
fn state_within(sx: &SentenceCx<'_, '_>, lo: usize, hi: usize) -> Option<String> {
    sx.lex
        .within(lo, hi)
        .find(|m| {
            matches!(
                m.entry.kind,
                EntryKind::Country | EntryKind::Demonym | EntryKind::Capital
            )
        })
        .and_then(|m| m.entry.code.clone())
}

/// Whether the frame acts on a body, role or person the dictionaries name as political ("urged
/// the government", "accused Mr Blair"; see [`is_political`]).
fn acts_on_political(sx: &SentenceCx<'_, '_>, frame: &Frame<'_>) -> bool {
    let doc = sx.cx.doc;
    frame
        .patients
        .iter()
        .map(|p| look_through(doc, *p).0)
        .chain(frame.owners.iter().copied())
        .any(|p| {
            let core = core_tokens(p);
            let (Some(first), Some(last)) = (core.first(), core.last()) else {
                return false;
            };
            let date = sx.reader.date.as_deref();
            sx.lex
                .within(first.span().start, last.span().end)
                .any(|m| is_political(m.entry, date))
        })
}

/// The actor of a mention, its text from byte `lo` (an affiliation before it) to its end.
fn actor(
    sx: &SentenceCx<'_, '_>,
    entity: &Entity<'_>,
    lo: usize,
    country: Option<String>,
    sector: Option<String>,
    from: Option<CountryFrom>,
) -> Actor {
    let hi = entity.span().end;
    Actor {
        text: sx.cx.doc.text()[lo..hi].to_string(),
        country,
        sector,
        span: [lo, hi],
        country_from: from,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_loads() {
        let heads = load().expect("name-heads.tsv");
        assert_eq!(heads.sector("union"), Some("LAB"));
        assert_eq!(heads.sector("association"), None);
        assert_eq!(heads.modifier("building"), Some("BUS"));
        assert_eq!(heads.sector("building"), None);
    }

    #[test]
    fn errors_name_the_line() {
        let h = "word\tsector\tplace\n";
        let err = NameHeads::parse("f.tsv", &format!("{h}Union\tLAB\thead\n")).unwrap_err();
        assert_eq!((err.line, err.file.as_str()), (2, "f.tsv"));
        let err = NameHeads::parse("f.tsv", &format!("{h}union\tlabour\thead\n")).unwrap_err();
        assert_eq!(err.line, 2);
        let twice = format!("{h}union\tLAB\thead\nunion\tLAB\thead\n");
        assert_eq!(NameHeads::parse("f.tsv", &twice).unwrap_err().line, 3);
        let err = NameHeads::parse("f.tsv", &format!("{h}bank\tBUS\tbefore\n")).unwrap_err();
        assert_eq!(err.line, 2);
        let err = NameHeads::parse("f.tsv", &format!("{h}union\tLAB\n")).unwrap_err();
        assert_eq!(err.line, 2);
    }
}
