//! Acronyms a report defines: a body's name followed by the initials of its words in brackets
//! ("the Muslim Association of Britain (MAB) said ... Last year MAB urged") names that body for
//! the rest of the document, with the actor the name gives: its country from a country or
//! nationality the name or the capitalised words just before it contain ("of Britain", "US
//! Securities and Exchange Commission"), else, for a body whose kind gives a sector, the
//! dateline's or the document's country (`country_from` says which); its sector from a body
//! the dictionaries know in it, a role word in it ("Workers") or its head noun's kind
//! (`data/coder/descriptions.tsv`: "Association", "Union"). A kind noun alone does not place a
//! body in the report's country: the "Union" of "Rugby Football Union" is no trade union.
//!
//! Precision first: the bracketed word must be the name's initials (the small words of
//! `name_link` in `data/coder/words.tsv` may be skipped or kept: "BoE"), a name of one of the
//! `world_name` words ("International Air Transport Association") takes no country from the
//! report, and a name that gives neither a country nor a sector defines nothing.

use crate::context::DocContext;
use crate::discourse::{Acronym, Discourse};
use crate::noun_phrase::{SentenceLex, is_country_like};
use crate::words::{WordClass, is};

use attache_lexicon::EntryKind;
use attache_nlp::{Sentence, Token};

/// The most words a defined name runs to, small words included.
const NAME_WORDS: usize = 12;

/// Reads the acronyms a window's sentences define into the document's discourse, before any
/// of them is coded.
pub(crate) fn note_acronyms(
    cx: &DocContext<'_>,
    sentences: &[(Sentence<'_>, SentenceLex<'_>)],
    discourse: &mut Discourse,
) {
    for (s, lex) in sentences {
        // Most sentences define nothing: skip them before collecting their tokens.
        if !s.text().contains('(') || cx.layout.covers_all(s.span()) {
            continue;
        }
        let toks: Vec<Token<'_>> = s.tokens().collect();
        for j in 1..toks.len().saturating_sub(2) {
            if toks[j].text() != "(" || toks[j + 2].text() != ")" {
                continue;
            }
            let acronym = toks[j + 1].text();
            if !is_acronym(acronym) {
                continue;
            }
            if let Some(a) = define(cx, lex, &toks[..j], acronym, toks[j + 2].span().end) {
                discourse.acronyms.defined.push(a);
            }
        }
    }
}

/// "MAB", "TGWU", "BoE": two to eight letters, the first and at least one other capital.
fn is_acronym(word: &str) -> bool {
    (2..=8).contains(&word.len())
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().filter(char::is_ascii_uppercase).count() >= 2
}

fn is_link(word: &str) -> bool {
    is(WordClass::NameLink, &word.to_lowercase())
}

fn is_capitalised(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase()) && word.chars().any(char::is_alphabetic)
}

/// The definition of `acronym` by the name that ends `before` (the tokens before its bracket).
fn define(
    cx: &DocContext<'_>,
    lex: &SentenceLex<'_>,
    before: &[Token<'_>],
    acronym: &str,
    defined_at: usize,
) -> Option<Acronym> {
    // The capitalised words (and small words between them) just before the bracket.
    let run_len = before
        .iter()
        .rev()
        .take(NAME_WORDS)
        .take_while(|t| is_capitalised(t.text()) || is_link(t.text()))
        .count();
    let run = &before[before.len() - run_len..];
    let letters: Vec<char> = acronym.chars().map(|c| c.to_ascii_lowercase()).collect();
    let start = (0..run.len()).find(|&k| {
        !is_link(run[k].text())
            && initials_match(
                &run[k..].iter().map(|t| t.text()).collect::<Vec<_>>(),
                &letters,
            )
    })?;
    let name = &run[start..];
    let (lo, hi) = (name[0].span().start, name.last()?.span().end);
    let run_lo = run.iter().find(|t| !is_link(t.text()))?.span().start;
    let reading = read_name(cx, lex, name, run_lo, hi);
    let (country, from) = match reading.country {
        Some(c) => (c, None),
        None if reading.named_sector
            && !name
                .iter()
                .any(|t| is(WordClass::WorldName, &t.text().to_lowercase())) =>
        {
            let (c, from) = cx.home_country()?;
            (c, Some(from))
        }
        None => return None,
    };
    Some(Acronym {
        text: acronym.to_string(),
        name: [lo, hi],
        defined_at,
        country,
        sector: reading.sector,
        from,
    })
}

/// Whether the words' initials spell `letters`: each capitalised word gives its initial, each
/// small word ("of") its initial or nothing.
fn initials_match(words: &[&str], letters: &[char]) -> bool {
    let Some((w, rest)) = words.split_first() else {
        return letters.is_empty();
    };
    let initial = w
        .chars()
        .next()
        .map(|c| c.to_lowercase().next().unwrap_or(c));
    let takes =
        letters.first().is_some_and(|l| Some(*l) == initial) && initials_match(rest, &letters[1..]);
    takes || (is_link(w) && initials_match(rest, letters))
}

/// What a defined name says of its body.
struct NameReading {
    country: Option<String>,
    sector: Option<String>,
    /// Whether the sector comes from a body or role word the dictionaries know in the name,
    /// not from a kind noun alone (the "Union" of "Rugby Football Union" is no trade union).
    named_sector: bool,
}

/// The country and sector a name gives: a body the dictionaries know in it, else a country,
/// nationality or state's place in it or in the capitalised words before it (`run_lo..`); the
/// sector of a role word in it, else the kind one of its words names.
fn read_name(
    cx: &DocContext<'_>,
    lex: &SentenceLex<'_>,
    name: &[Token<'_>],
    run_lo: usize,
    hi: usize,
) -> NameReading {
    let date = cx.published.map(|d| d.to_string());
    let mut country = None;
    let mut sector = None;
    let mut role_sector = None;
    for m in lex.within(run_lo, hi) {
        let e = m.entry;
        if is_country_like(e.kind) {
            let (code, own) = e.role_at(date.as_deref());
            country = country.or_else(|| code.map(String::from));
            if matches!(
                e.kind,
                EntryKind::Organisation | EntryKind::Party | EntryKind::Media
            ) {
                sector = sector.or_else(|| own.map(String::from));
            }
        } else if matches!(e.kind, EntryKind::City | EntryKind::Region) {
            country = country.or_else(|| e.code.clone());
        } else if e.kind == EntryKind::Role && m.start >= name[0].span().start {
            role_sector = e.sector.clone().or(role_sector);
        }
    }
    // The kind its words name: "Association" of "Muslim Association of Britain".
    let kinds = crate::descriptions::shipped();
    let head_sector = name.iter().rev().find_map(|t| {
        let word = t.text().to_lowercase();
        kinds
            .sole_sector(&word)
            .or_else(|| kinds.sole_sector(word.strip_suffix('s')?))
            .map(String::from)
    });
    let sector = sector.or(role_sector);
    NameReading {
        country,
        named_sector: sector.is_some(),
        sector: sector.or(head_sector),
    }
}
