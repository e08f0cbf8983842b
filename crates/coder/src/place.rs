//! Where an event happened: the place its clause names ("near Mosul", "in the town of Kafr
//! Nabl", "on the outskirts of Kyiv"), else the report's dateline place, resolved in the GeoNames
//! gazetteer. A name several places bear ("Alexandria", "Paris") goes to a country the phrase
//! itself names ("Alexandria, Virginia", "the Syrian city of Aleppo"), else the dateline's,
//! else one the document names, else the most populous. A place the gazetteer does not know is
//! kept as words, with no coordinates.

use crate::frames::Frame;
use crate::noun_phrase::SentenceLex;
use crate::tree::{has_case, has_case_in};
use crate::words::{WordClass, is};
use attache_event::{Actor, Location, PlaceFeature, PlaceFrom};
use attache_lexicon::gazetteer::{Feature, Gazetteer, GeoPlace};
use attache_lexicon::{Entry, EntryKind, LexMatch, Lexicon};
use attache_nlp::{Deprel, Token, Upos};

fn is_place_kind(kind: EntryKind) -> bool {
    matches!(
        kind,
        EntryKind::City | EntryKind::Capital | EntryKind::Country | EntryKind::Region
    )
}

/// What the document says about places, for telling namesakes apart.
#[derive(Debug, Default, Clone)]
pub struct PlaceContext {
    /// Countries the document names (countries, nationalities, capitals, cities, regions).
    pub countries: Vec<String>,
    /// Regions it names ("Virginia"), by the lexicon's canonical name.
    pub regions: Vec<String>,
    /// The dateline's place, resolved.
    pub dateline: Option<Location>,
}

impl PlaceContext {
    pub fn from_matches(matches: &[LexMatch<'_>]) -> PlaceContext {
        let mut cx = PlaceContext::default();
        cx.add(matches);
        cx
    }

    /// Adds what `matches` name (a long document is read in pieces).
    pub fn add(&mut self, matches: &[LexMatch<'_>]) {
        let cx = self;
        for m in matches {
            let placed = is_place_kind(m.entry.kind) || m.entry.kind == EntryKind::Demonym;
            if let Some(code) = m.entry.code.as_ref().filter(|_| placed)
                && !cx.countries.contains(code)
            {
                cx.countries.push(code.clone());
            }
            if m.entry.kind == EntryKind::Region && !cx.regions.contains(&m.entry.canonical) {
                cx.regions.push(m.entry.canonical.clone());
            }
        }
    }
}

/// A place phrase found in a clause, before resolution.
struct Phrase<'l> {
    start: usize,
    end: usize,
    entry: Option<&'l Entry>,
    /// A country the phrase itself names: "Virginia" in "Alexandria, Virginia" (its country
    /// and, for a region, the region's name), "Syrian" in "the Syrian city of Aleppo".
    qualifier: Option<&'l Entry>,
    near: bool,
    /// Introduced by a place noun ("the town of X"), so a place even if unknown.
    introduced: bool,
}

/// The place the frame's clause puts the event at, resolved; `taken` are the actors' spans.
pub(crate) fn clause_place(
    text: &str,
    frame: &Frame<'_>,
    lex: &SentenceLex<'_>,
    taken: &[Actor],
    context: &PlaceContext,
) -> Option<Location> {
    // The clause's own dependents first; then those of its participants, on which the parse
    // often hangs the place ("arrested 40 protesters in Alexandria").
    let mut heads = vec![frame.anchor];
    for t in [frame.trigger]
        .iter()
        .chain(&frame.patients)
        .chain(&frame.agents)
    {
        if !heads.iter().any(|h| h.i() == t.i()) {
            heads.push(*t);
        }
    }
    let place_dependent = |c: &Token<'_>| {
        let rel = c.rel();
        (rel.is_obl() || rel == Deprel::Nmod || rel == Deprel::Advmod)
            && has_case_in(*c, WordClass::PlacePreposition)
            && (c.upos() == Upos::Noun || !has_case_in(*c, WordClass::PlacePrepositionOfNouns))
    };
    // A place hung one phrase lower: "opened fire on protesters in Tiananmen Square".
    let nominal = |c: &Token<'_>| {
        let rel = c.rel();
        rel.is_obl() || rel == Deprel::Nmod || rel == Deprel::Obj
    };
    let direct = heads
        .iter()
        .flat_map(|h| h.children())
        .filter(place_dependent);
    let nested = heads
        .iter()
        .flat_map(|h| h.children())
        .filter(nominal)
        .flat_map(|c| c.children())
        .filter(place_dependent);
    for c in direct.chain(nested) {
        if let Some(phrase) = phrase_in(text, &place_tokens(c), lex, taken) {
            return resolve(text, &phrase, context);
        }
    }
    let place = where_antecedent(frame.anchor)?;
    let phrase = phrase_in(text, &crate::noun_phrase::core_tokens(place), lex, taken)?;
    resolve(text, &phrase, context)
}

/// The tokens of a place phrase: its subtree without the clauses and the phrases other
/// prepositions open inside it ("a truce in its battle with France" is not in France); "of"
/// stays ("on the outskirts of Kyiv").
fn place_tokens(c: Token<'_>) -> Vec<Token<'_>> {
    let mut out = vec![c];
    let mut stack = vec![c];
    while let Some(t) = stack.pop() {
        for child in t.children() {
            let clausal = matches!(
                child.rel().base(),
                Deprel::Acl | Deprel::Advcl | Deprel::Ccomp | Deprel::Xcomp | Deprel::Parataxis
            );
            let foreign = clausal
                || !has_case_in(child, WordClass::PlacePreposition)
                    && !has_case(child, &["of"])
                    && child
                        .children()
                        .any(|g| g.rel() == Deprel::Case && g.upos() == Upos::Adp);
            if !foreign {
                out.push(child);
                stack.push(child);
            }
        }
    }
    out.sort_by_key(|t| t.i());
    out
}

/// "flew to Cairo, where he met ...": the place a relative "where" refers back to, parsed as a
/// relative clause of the place or as an adverbial clause beside it.
fn where_antecedent(anchor: Token<'_>) -> Option<Token<'_>> {
    let word = anchor
        .children()
        .find(|c| c.rel() == Deprel::Advmod && c.text().eq_ignore_ascii_case("where"))?;
    let head = anchor.head()?;
    match anchor.rel() {
        Deprel::AclRelcl => Some(head),
        Deprel::Advcl => head
            .children()
            .filter(|c| c.rel().is_obl() || c.rel() == Deprel::Obj)
            .filter(|c| c.span().end <= word.span().start)
            .max_by_key(|c| c.span().end),
        _ => None,
    }
}

/// The first place phrase among the tokens of a prepositional dependent: a dictionary place, or a proper
/// name the gazetteer knows or a place noun introduces.
fn phrase_in<'l>(
    text: &str,
    sub: &[Token<'_>],
    lex: &SentenceLex<'l>,
    taken: &[Actor],
) -> Option<Phrase<'l>> {
    let lo = sub.first()?.span().start;
    let hi = sub.last()?.span().end;
    let free = |s: usize, e: usize| !taken.iter().any(|a| a.span[0] <= s && e <= a.span[1]);
    let known = lex
        .within(lo, hi)
        .find(|m| is_place_kind(m.entry.kind) && free(m.start, m.end));
    let named = proper_names(sub)
        .into_iter()
        .filter(|&(s, e)| free(s, e))
        .find(|&(s, e)| {
            let introduced = introduced_by_place_noun(sub, s, e);
            introduced || Gazetteer::embedded().named(&text[s..e]).next().is_some()
        });
    let (start, end, entry) = match (known, named) {
        (Some(m), Some((s, _))) if m.start <= s => (m.start, m.end, Some(m.entry)),
        (Some(m), None) => (m.start, m.end, Some(m.entry)),
        (_, Some((s, e))) => {
            let place = lex.covering(s, e).filter(|m| is_place_kind(m.entry.kind));
            (s, e, place.map(|m| m.entry))
        }
        (None, None) => return None,
    };
    let near = sub
        .iter()
        .filter(|t| t.span().end <= start)
        .any(|t| is(WordClass::PlaceNear, &t.text().to_ascii_lowercase()));
    Some(Phrase {
        start,
        end,
        entry,
        qualifier: qualifier(text, lex, sub, start, end),
        near,
        introduced: introduced_by_place_noun(sub, start, end),
    })
}

/// Maximal runs of capitalised proper nouns, in text order, as byte ranges.
fn proper_names(tokens: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut last: Option<usize> = None;
    for t in tokens {
        let capital = t.text().chars().next().is_some_and(char::is_uppercase);
        if t.upos() != Upos::Propn || !capital {
            last = None;
            continue;
        }
        match (last, out.last_mut()) {
            (Some(i), Some(run)) if i + 1 == t.i() => run.1 = t.span().end,
            _ => out.push((t.span().start, t.span().end)),
        }
        last = Some(t.i());
    }
    out
}

/// "the town of X", "X province", "the X region": a place noun beside the name.
fn introduced_by_place_noun(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    tokens.iter().any(|t| {
        let noun = is(WordClass::PlaceNoun, &t.lemma().to_ascii_lowercase())
            && matches!(t.upos(), Upos::Noun);
        let inside = |x: Token<'_>| start <= x.span().start && x.span().end <= end;
        noun && (t
            .children()
            .any(|c| c.rel() == Deprel::Nmod && inside(c) && has_case(c, &["of"]))
            || t.children()
                .any(|c| c.rel() == Deprel::Compound && inside(c)))
    })
}

/// A country or region the phrase names beside the place: ", Virginia" right after it, or a
/// nationality in the same phrase ("the Syrian city of Aleppo").
fn qualifier<'l>(
    text: &str,
    lex: &SentenceLex<'l>,
    sub: &[Token<'_>],
    start: usize,
    end: usize,
) -> Option<&'l Entry> {
    let after = lex.matches.iter().find(|m| m.start >= end)?;
    let comma_then_place = text[end..after.start].trim() == ","
        && matches!(after.entry.kind, EntryKind::Country | EntryKind::Region);
    if comma_then_place {
        return Some(after.entry);
    }
    let lo = sub.first()?.span().start;
    lex.within(lo, start)
        .filter(|m| matches!(m.entry.kind, EntryKind::Demonym | EntryKind::Country))
        .last()
        .map(|m| m.entry)
}

/// Resolves a phrase in the gazetteer, or keeps it as words.
fn resolve(text: &str, phrase: &Phrase<'_>, context: &PlaceContext) -> Option<Location> {
    let words = &text[phrase.start..phrase.end];
    let gaz = Gazetteer::embedded();
    let mut location = match phrase.entry {
        Some(e) if e.kind == EntryKind::Country => {
            let code = e.code.clone();
            match code.as_deref().and_then(|c| gaz.country(c)) {
                Some(place) => located(words, place),
                None => featured(words, code, PlaceFeature::Country),
            }
        }
        entry => {
            let mut names = vec![words];
            if let Some(e) = entry.filter(|e| e.canonical != words) {
                names.push(e.canonical.as_str());
            }
            let candidates: Vec<&GeoPlace> = names.iter().flat_map(|n| gaz.named(n)).collect();
            match pick(&candidates, entry, phrase.qualifier, context) {
                Some(place) => located(words, place),
                None => match entry {
                    Some(e) => featured(words, e.code.clone(), PlaceFeature::Region),
                    None if phrase.introduced || phrase.qualifier.is_some() => {
                        let country = phrase.qualifier.and_then(|q| q.code.clone());
                        Location::unresolved(words.to_string(), country)
                    }
                    None => return None,
                },
            }
        }
    };
    if phrase.near && location.feature == Some(PlaceFeature::City) {
        location.precision = Some(2);
    }
    location.span = Some([phrase.start, phrase.end]);
    Some(location)
}

/// The namesake meant: one in the country (or region) the phrase names, else in the dateline's
/// country, else in a country the document names, else in the dictionary reading's country,
/// else the most populous. A dictionary region of a state must be in that state.
fn pick<'g>(
    candidates: &[&'g GeoPlace],
    entry: Option<&Entry>,
    qualifier: Option<&Entry>,
    context: &PlaceContext,
) -> Option<&'g GeoPlace> {
    let gaz = Gazetteer::embedded();
    let region_name = |p: &GeoPlace| {
        p.admin1
            .as_deref()
            .and_then(|a| gaz.admin1(a))
            .map(|r| r.name.as_str())
    };
    let qualified = |p: &GeoPlace| {
        qualifier.is_some_and(|q| {
            q.code.as_deref() == Some(p.country.as_str())
                && (q.kind != EntryKind::Region || region_name(p) == Some(q.canonical.as_str()))
        })
    };
    let dateline = |p: &GeoPlace| {
        context
            .dateline
            .as_ref()
            .is_some_and(|d| d.country.as_deref() == Some(p.country.as_str()))
    };
    let mentioned = |p: &GeoPlace| context.countries.contains(&p.country);
    let in_region =
        |p: &GeoPlace| region_name(p).is_some_and(|r| context.regions.iter().any(|x| x == r));
    let dictionary =
        |p: &GeoPlace| entry.and_then(|e| e.code.as_deref()) == Some(p.country.as_str());
    let must_match = entry.filter(|e| e.kind == EntryKind::Region && e.code.is_some());
    // A name only the gazetteer knows (a town of 15,000) is often a namesake or no place at
    // all ("at Westminster" in a British report is not Westminster, Colorado): it needs a
    // country the report names, unless it is a city of a million.
    let supported = |p: &GeoPlace| {
        entry.is_some() || p.population >= BIG_CITY || qualified(p) || dateline(p) || mentioned(p)
    };
    // A dictionary region is a region before a town of its name; a dictionary city or
    // capital is a city before a region of its name ("in Washington" is the capital, not the
    // state).
    let kind_fits = |p: &GeoPlace| match entry.map(|e| e.kind) {
        Some(EntryKind::Region) => p.feature != Feature::City,
        Some(EntryKind::City | EntryKind::Capital) => p.feature == Feature::City,
        _ => true,
    };
    candidates
        .iter()
        .copied()
        .filter(|p| (must_match.is_none() || dictionary(p)) && supported(p))
        .max_by_key(|p| {
            (
                qualified(p),
                dateline(p),
                mentioned(p),
                in_region(p),
                dictionary(p),
                kind_fits(p),
                p.population,
            )
        })
}

/// Inhabitants from which a town's name alone places an event.
const BIG_CITY: u64 = 1_000_000;

/// A location from a gazetteer place.
fn located(words: &str, place: &GeoPlace) -> Location {
    let (feature, precision) = match place.feature {
        Feature::City => (PlaceFeature::City, 1),
        Feature::Admin1 => (PlaceFeature::Admin1, 3),
        Feature::Country => (PlaceFeature::Country, 4),
    };
    Location {
        name: Some(place.name.clone()),
        admin1: place.admin1.clone(),
        lat: Some(place.lat),
        lon: Some(place.lon),
        geonames_id: Some(place.geonames_id),
        feature: Some(feature),
        precision: Some(precision),
        ..Location::unresolved(words.to_string(), Some(place.country.clone()))
    }
}

/// A place the gazetteer does not hold, with what the dictionaries say of it.
fn featured(words: &str, country: Option<String>, feature: PlaceFeature) -> Location {
    let precision = match feature {
        PlaceFeature::Country => 4,
        _ => 3,
    };
    Location {
        feature: Some(feature),
        precision: Some(precision),
        ..Location::unresolved(words.to_string(), country)
    }
}

/// The dateline's place ("MOSUL, Iraq (Reuters) -", "CAIRO -"), resolved: written in
/// capitals, so looked up with each word capitalised; ", Iraq" after it is its country.
pub(crate) fn dateline_place(text: &str, end: usize, lexicon: &Lexicon) -> Option<Location> {
    let head = &text[..end];
    let lead = head.len() - head.trim_start().len();
    let stop = head[lead..]
        .find([',', '(', '-', '\u{2013}', '\u{2014}'])
        .map_or(end, |i| lead + i);
    let words = head[lead..stop].trim_end();
    if words.is_empty() {
        return None;
    }
    let titled = title_case(words);
    let rest = &head[lead + words.len()..];
    let country = lexicon
        .find(rest)
        .into_iter()
        .find(|m| m.entry.kind == EntryKind::Country)
        .map(|m| m.entry);
    let found = lexicon.find(&titled);
    let entry = found
        .iter()
        .find(|m| m.start == 0 && m.end == titled.len() && is_place_kind(m.entry.kind))
        .map(|m| m.entry);
    let phrase = Phrase {
        start: lead,
        end: lead + words.len(),
        entry,
        qualifier: country,
        near: false,
        introduced: false,
    };
    let context = PlaceContext::default();
    let gaz = Gazetteer::embedded();
    let candidates: Vec<&GeoPlace> = gaz.named(&titled).collect();
    let mut location = match pick(&candidates, entry, country, &context) {
        Some(place) => located(words, place),
        None => resolve(text, &phrase, &context)?,
    };
    location.span = Some([phrase.start, phrase.end]);
    location.from = PlaceFrom::Dateline;
    Some(location)
}

/// "NEW YORK" -> "New York".
fn title_case(words: &str) -> String {
    words
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| {
                    f.to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}
