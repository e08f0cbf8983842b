//! Sport reports and sport sentences (issue 11: precision on news outside politics). A national
//! team is no state, and a player, a club or its manager is no political actor: "the Italians
//! travel to Edinburgh" is no visit, "the Welsh striker rejected a move to Birmingham" no
//! rejection. The words that mark sport are the `sport_word` class of `data/coder/words.tsv`.
//!
//! - A **sport report** has at least [`crate::context::SPORT_DOCUMENT`] sport words, one in every
//!   [`crate::context::SPORT_DENSITY`] words or more often, and more than twice as many as names of political
//!   bodies and roles: there, an event needs an actor whose own words name a role, body or party of a
//!   political sector ([`POLITICAL_ACTOR`]: "the Italian interior minister accused the football
//!   federation" still codes; "he", "Williams" or "Stockholm's" do not).
//! - In a **sport sentence** (one sport word, in a report with at least two) a country or a
//!   nationality alone ("France", "the Italians") names a team: it is no actor, and an event
//!   left with no actor goes.

use crate::merge::Found;
use crate::sentence::SentenceCx;
use crate::words::{WordClass, is};
use attache_event::Actor;
use attache_lexicon::EntryKind;

/// The fewest sport words a report holds before one in a sentence makes it a sport sentence.
const SPORT_SENTENCES: usize = 2;

/// Sectors of an actor that acts in politics even in a sport report: governments, parties,
/// legislatures, courts, international bodies, diplomats, police and intelligence.
const POLITICAL_ACTOR: [&str; 9] = [
    "GOV", "OPP", "LEG", "PTY", "JUD", "IGO", "DIP", "COP", "SPY",
];

/// Applies the sport guards to the events `out[start..]` one sentence found.
pub(crate) fn guard(sx: &SentenceCx<'_, '_>, out: &mut Vec<Found>, start: usize) {
    let genre = sx.cx.genre;
    if genre.sport {
        let mut k = start;
        while k < out.len() {
            if out[k].event.actors.iter().any(|a| political_actor(sx, a)) {
                k += 1;
            } else {
                out.remove(k);
            }
        }
        return;
    }
    if genre.sport_words < SPORT_SENTENCES || !sport_sentence(sx) {
        return;
    }
    let mut k = start;
    while k < out.len() {
        out[k].event.actors.retain(|a| !team_name(sx, a));
        if out[k].event.actors.is_empty() {
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Whether an actor's own words name a political role, body or party ("the sports minister",
/// "Greek prosecutors", "police"): in a sport report a pronoun, a surname a politician shares
/// ("Williams"), a club's "chief executive" or a city ("Stockholm's meeting") is none.
fn political_actor(sx: &SentenceCx<'_, '_>, actor: &Actor) -> bool {
    let [lo, hi] = actor.span;
    sx.lex.within(lo, hi).any(|m| {
        let sector = match m.entry.kind {
            EntryKind::Party => return true,
            EntryKind::Role => m.entry.sector.as_deref(),
            EntryKind::Organisation => m.entry.role_at(None).1,
            _ => None,
        };
        sector.is_some_and(|s| POLITICAL_ACTOR.contains(&s))
    })
}

/// Whether the sentence holds a sport word.
fn sport_sentence(sx: &SentenceCx<'_, '_>) -> bool {
    let mut lower = String::new();
    sx.tokens.iter().any(|t| {
        lower.clear();
        lower.extend(t.text().chars().flat_map(char::to_lowercase));
        is(WordClass::SportWord, &lower)
    })
}

/// Whether an actor is only a country or a nationality ("France", "the Italians", "Welsh"):
/// no sector, and one dictionary phrase of a state covers its words after a determiner.
fn team_name(sx: &SentenceCx<'_, '_>, actor: &Actor) -> bool {
    if actor.sector.is_some() {
        return false;
    }
    let [lo, hi] = actor.span;
    let text = actor.text.as_str();
    let skip = ["the ", "The "]
        .iter()
        .find(|d| text.starts_with(**d))
        .map_or(0, |d| d.len());
    sx.lex.within(lo + skip, hi).any(|m| {
        m.start == lo + skip
            && m.end == hi
            && matches!(
                m.entry.kind,
                EntryKind::Country | EntryKind::Demonym | EntryKind::Capital
            )
    })
}
