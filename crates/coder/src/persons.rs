//! People named in a document, and what the document says they are: a role or party written
//! with the name ("Tory leader Michael Howard", "Home Secretary Charles Clarke"), an
//! apposition ("Michel Barnier, the French foreign minister"; "the party's leader, Michael
//! Howard"; "Le Pen, leader of the National Front"), or the dictionaries' dated roles ("Tony
//! Blair"). Each is remembered in the document's [`Discourse`], so that a later mention by
//! surname, "Mr/Sir/Lord + surname" or full name resolves to the same country and sector; a
//! surname two people of the document share resolves to none.

use crate::actors::{ActorReader, CoreReading};
use crate::discourse::{Discourse, Person};
use crate::noun_phrase::core_tokens;
use crate::tree::has_case;
use crate::words::{WordClass, is};
use attache_lexicon::EntryKind;
use attache_nlp::{Deprel, Doc, Token, Upos};

/// Prepositions that attach what a described role belongs to ("leader *of* the National
/// Front", "spokesman *for* the Liberal Democrats").
const DESCRIBING_CASES: [&str; 3] = ["of", "for", "from"];

/// Registers the people a sentence names, with the country and sector its own words give them.
/// A person given a sector but no country ("Home Secretary Charles Clarke") acts for
/// `fallback_country`: the state that is the sentence's subject, else the dateline's or the
/// document's; a name with a `world_name` word ("International ... Union") takes none. A
/// name the sentence says nothing about is still remembered, without a role, so that a
/// surname two people share stays ambiguous.
pub fn note_people(
    reader: &ActorReader<'_, '_>,
    sentence_tokens: &[Token<'_>],
    fallback_country: Option<&str>,
    discourse: &mut Discourse,
) {
    for t in sentence_tokens {
        if !is_name_head(*t) {
            continue;
        }
        let core = core_tokens(*t);
        let names = reader.uncovered_names(&core);
        let own = reading_of(reader, *t, &core);
        let (mut described, description) = own_or_described(reader, *t, own);
        // "Simon Hart of the Countryside Alliance": the body named with the name places the
        // person, for a later "Mr Hart" or "he" (and the "we" of their quotation).
        if described.country.is_none()
            && described.sector.is_none()
            && let Some((country, sector)) = reader.body_of_name(*t, discourse, 1)
        {
            (described.country, described.sector) = (country, sector);
        }
        let known = described.country.is_some() || described.sector.is_some();
        // A name met before ("Le Pen" after "Jean-Marie Le Pen", "Mr Brown" after "Gordon
        // Brown") is that person again, mentioned last here.
        let met = discourse.person_named(&names);
        let met_known = met.is_some_and(|p| p.country.is_some() || p.sector.is_some());
        let met = met.map(|p| p.names.clone());
        // "Mr Straw" the document says nothing about is a person still: a rival for "he".
        let titled = core.iter().any(|c| crate::actors::is_honorific(c.text()));
        if titled && !known && !met_known && !names.is_empty() {
            discourse.note_anonymous(core[0].span().start);
        }
        // A one-word name is otherwise remembered only with what the text says it is ("Straw,
        // the foreign secretary"); alone it may be a place or a firm.
        if names.is_empty() || (names.len() < 2 && !known && met.is_none()) {
            continue;
        }
        let names = met.unwrap_or(names);
        // A body named as of the world ("International Freight Workers Union", or its
        // acronym in brackets after it) acts for no state the sentence or the report stands
        // in (words.tsv `world_name`).
        let (lo, hi) = (
            core.first().map_or(0, |c| c.span().start),
            core.last().map_or(0, |c| c.span().end),
        );
        let worldwide = std::iter::once((lo, hi))
            .chain(description)
            .any(|span| names_the_world(reader, sentence_tokens, span));
        let country = described.country.or_else(|| {
            described
                .sector
                .as_ref()
                .filter(|_| !worldwide)
                .and(fallback_country.map(str::to_string))
        });
        for span in std::iter::once((lo, hi)).chain(description) {
            reader.note_descriptions(
                span,
                country.as_deref(),
                described.sector.as_deref(),
                discourse,
            );
        }
        let male = core.iter().find_map(|c| title_gender(c.text()));
        discourse.remember_person(Person {
            names: names.clone(),
            country,
            sector: described.sector,
            seen_at: lo,
        });
        if let Some(male) = male {
            discourse.note_gender(&names, male);
        }
    }
}

/// Whether a `world_name` word ("International", "World") is in bytes `lo..hi`, outside a
/// role the dictionaries know ("shadow international development secretary" is a state's).
fn names_the_world(
    reader: &ActorReader<'_, '_>,
    tokens: &[Token<'_>],
    (lo, hi): (usize, usize),
) -> bool {
    tokens.iter().any(|t| {
        let sp = t.span();
        lo <= sp.start
            && sp.end <= hi
            && is(WordClass::WorldName, &t.text().to_lowercase())
            && reader
                .lex
                .covering(sp.start, sp.end)
                .is_none_or(|m| m.entry.kind != EntryKind::Role)
    })
}

/// The gender a title says ("Mr": male, `Some(true)`; "Mrs": `Some(false)`), if it says one.
fn title_gender(word: &str) -> Option<bool> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if is(WordClass::MaleTitle, &word) {
        Some(true)
    } else {
        is(WordClass::FemaleTitle, &word).then_some(false)
    }
}

/// A proper noun that heads a name: not itself part of a longer name ("Michael" of "Michael
/// Howard"), and either of several words or described by an apposition.
pub(crate) fn is_name_head(t: Token<'_>) -> bool {
    let part_of_name = |r: Deprel| matches!(r, Deprel::Flat | Deprel::Compound | Deprel::FlatName);
    t.upos() == Upos::Propn
        && !part_of_name(t.rel())
        && (t.children().any(|c| part_of_name(c.rel()))
            || t.rel() == Deprel::Appos
            || t.children().any(|c| c.rel() == Deprel::Appos))
}

/// A role written just before a name that the parse made a nominal of its own, beside the
/// name in the same function: "Conservative MP | John Hayes said", "The Italian foreign
/// minister, | Paolo Verdani, arrived" (both read as subjects of the verb).
fn title_before<'d>(doc: &'d Doc, name: Token<'d>) -> Option<Token<'d>> {
    let start = core_tokens(name).first()?.i();
    let parent = name.head()?.i();
    let mut k = start.checked_sub(1)?;
    while doc.token(k).text() == "," {
        k = k.checked_sub(1)?;
    }
    let mut t = doc.token(k);
    if t.sentence() != name.sentence() {
        return None;
    }
    // Up to the nominal the word before the name belongs to (its head comes before the name).
    while let Some(h) = t.head()
        && h.i() < start
        && h.i() != parent
    {
        t = h;
    }
    let sibling = t.head().is_some_and(|h| h.i() == parent);
    (t.upos() == Upos::Noun && sibling && t.rel() == name.rel()).then_some(t)
}

/// A party's name written just before a person's, which the parse hung elsewhere: "Tory |
/// co-chairman Liam Fox said" (two subjects), "Lib Dem | committee chairman Alan Beith warned"
/// (the name a list item of the party's). Only a party the dictionaries know, and only with
/// nothing between the two (no comma: "the Tories, Liam Fox said" may list two speakers).
fn party_before<'d>(reader: &ActorReader<'d, '_>, name: Token<'d>) -> Option<Token<'d>> {
    let start = core_tokens(name).first()?.i();
    let t = reader.doc.token(start.checked_sub(1)?);
    if t.sentence() != name.sentence() || t.upos() != Upos::Propn {
        return None;
    }
    let sp = t.span();
    reader
        .lex
        .covering(sp.start, sp.end)
        .is_some_and(|m| m.entry.kind == EntryKind::Party && m.end == sp.end)
        .then_some(t)
}

/// What a nominal's naming core says (country and sector).
pub(crate) fn reading_of<'d>(
    reader: &ActorReader<'d, '_>,
    head: Token<'d>,
    core: &[Token<'d>],
) -> CoreReading {
    let lo = core.first().map_or(0, |c| c.span().start);
    let hi = core.last().map_or(0, |c| c.span().end);
    reader.read_core(head, lo, hi)
}

/// The name's own reading, completed by what an apposition says: the name's `appos` child
/// ("Barnier, the French foreign minister") or the nominal the name is in apposition to ("the
/// Tory leader, Michael Howard"), with what that role belongs to ("leader of the National
/// Front").
/// Also gives the bytes of the description's naming core, where one was read.
pub(crate) fn own_or_described<'d>(
    reader: &ActorReader<'d, '_>,
    name: Token<'d>,
    mut own: CoreReading,
) -> (CoreReading, Option<(usize, usize)>) {
    if own.country.is_some() && own.sector.is_some() {
        return (own, None);
    }
    let description = name
        .children()
        .find(|c| c.rel() == Deprel::Appos && c.upos() != Upos::Propn)
        .or_else(|| {
            (name.rel() == Deprel::Appos)
                .then(|| name.head())
                .flatten()
                .filter(|h| matches!(h.upos(), Upos::Noun | Upos::Propn))
        })
        .or_else(|| title_before(reader.doc, name))
        .or_else(|| party_before(reader, name));
    let Some(d) = description else {
        return (own, None);
    };
    let d_core = core_tokens(d);
    let d_span = (
        d_core.first().map_or(0, |c| c.span().start),
        d_core.last().map_or(0, |c| c.span().end),
    );
    let mut said = reading_of(reader, d, &d_core);
    if said.country.is_none() {
        let whole = d
            .children()
            .find(|c| c.rel().is_nmod() && has_case(*c, &DESCRIBING_CASES));
        if let Some(w) = whole {
            let of = reading_of(reader, w, &core_tokens(w));
            said.country = of.country;
            // "leader of the Tories": the party's status is the leader's sector.
            said.sector = said.sector.or(of.sector);
        }
    }
    own.country = own.country.or(said.country);
    own.sector = own.sector.or(said.sector);
    (own, Some(d_span))
}
