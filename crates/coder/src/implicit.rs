//! Implicit doers of state acts. Only a state arrests, detains, holds in custody, jails,
//! indicts, deports and releases from custody; where the text says such an act was done
//! without naming the doer ("Twelve foreign nationals are being held indefinitely", "four men
//! have been released on bail", "the decision to hold the suspects"), news readers and
//! docs/gold.md take the doer to be that state's police, courts or government. The country is
//! the event's place, else the dateline's, else the document's (the actor's `country_from`
//! says which); the sector is the act's: the word classes `state_act_police`,
//! `state_act_court`, `state_act_government` and `custody_release` (police, released from
//! custody: only with a `custody_word` beside it, "released on bail", never "the hostages were
//! freed") of data/coder/words.tsv. Custody a state's name or nationality qualifies gives
//! that state ("freed from US custody", "held in Israeli jails", `country_from: modifier`);
//! custody of a group that is no state's ("rebel custody") gives no doer.
//!
//! Only an act told as done or announced (not "can be detained", "should be prosecuted": a
//! power or a wish names no deed), done to someone the text names, with no doer at all: an
//! agentless passive ("was arrested"), a participle on the one acted on ("terror suspects
//! detained without trial"), or an infinitive of a noun no one owns ("the decision to hold the
//! suspects"). A bare noun ("the detention had driven ...") is left out: it mostly refers back
//! to an act told already. No doer either where the one acted on is an official of another
//! state (British soldiers held in Basra were not held by Iraq's police as far as the text
//! says).

use crate::context::DocContext;
use crate::frames::Frame;
use crate::sentence::SentenceCx;
use crate::words::{WordClass, is};
use attache_event::{Actor, CountryFrom, EventCategory, Modality};
use attache_lexicon::EntryKind;
use attache_nlp::{Deprel, Token, Upos};

/// Sectors of a state's officials: one of another state is no one the place's police hold.
const OFFICIAL_SECTORS: [&str; 5] = ["GOV", "MIL", "COP", "JUD", "LEG"];

/// The state body that did a frame's act when the text names no doer; empty when the act is
/// not one only a state does, or the text names or implies another doer.
pub(crate) fn implicit_doer(
    sx: &SentenceCx<'_, '_>,
    frame: &Frame<'_>,
    patients: impl FnOnce() -> Vec<Actor>,
) -> Vec<Actor> {
    if !frame.agents.is_empty()
        || !matches!(
            frame.category,
            EventCategory::Coerce | EventCategory::Retreat
        )
        || !matches!(frame.modality, Modality::Asserted | Modality::Planned)
        || !acts_on_someone(frame)
        || !doerless(frame.trigger)
    {
        return Vec::new();
    }
    let custody = custody(sx, frame.trigger);
    let Some(sector) = act_sector(frame.trigger, &custody) else {
        return Vec::new();
    };
    let state = match custody {
        Custody::Of(state) => Some((state, CountryFrom::Modifier)),
        Custody::NotState => return Vec::new(),
        Custody::None | Custody::Bare => None,
    };
    let Some((country, from)) = state
        .or_else(|| place_or_context(sx.cx, sx, frame))
        .or_else(|| sx.cx.home_country())
    else {
        return Vec::new();
    };
    let foreign_official = patients().iter().any(|p| {
        p.sector
            .as_deref()
            .is_some_and(|s| OFFICIAL_SECTORS.contains(&s))
            && p.country.as_deref().is_some_and(|c| c != country)
    });
    if foreign_official {
        return Vec::new();
    }
    let sp = frame.trigger.span();
    vec![Actor {
        text: frame.trigger.text().to_string(),
        country: Some(country),
        sector: Some(sector.to_string()),
        span: [sp.start, sp.end],
        country_from: Some(from),
    }]
}

/// "Four Britons held by the US will be freed", "hostages seized by gunmen were released": a
/// release that names no doer is done by whoever holds those it frees, where a participle or
/// relative clause of holding (words.tsv `holding`) on them names the holder with "by". Only
/// an asserted or planned release ("could be freed" names no deed).
pub(crate) fn releaser<'d>(
    doc: &'d attache_nlp::Doc,
    frame: &Frame<'d>,
    mut actors_of: impl FnMut(Token<'d>) -> Vec<Actor>,
) -> Vec<Actor> {
    let lemma = frame.trigger.lemma().to_ascii_lowercase();
    if !frame.agents.is_empty()
        || !is(WordClass::CustodyRelease, &lemma)
        || !matches!(frame.modality, Modality::Asserted | Modality::Planned)
        || !doerless(frame.trigger)
    {
        return Vec::new();
    }
    let holding = |h: &Token<'_>| {
        matches!(h.rel(), Deprel::Acl | Deprel::AclRelcl)
            && is(WordClass::Holding, &h.lemma().to_ascii_lowercase())
    };
    frame
        .patients
        .iter()
        .map(|p| crate::frames::look_through(doc, *p).0)
        .flat_map(|p| p.children().filter(holding))
        .flat_map(|h| h.children().filter(|a| a.rel() == Deprel::OblAgent))
        .flat_map(&mut actors_of)
        .collect()
}

/// Whether `trigger` names an act of custody only a state does (arrest, detain, jail, hold,
/// deport, release): whom it acts on are people, never the place where it was done.
pub(crate) fn is_custody_act(trigger: Token<'_>) -> bool {
    let lemma = trigger.lemma().to_ascii_lowercase();
    [
        WordClass::StateActPolice,
        WordClass::StateActCourt,
        WordClass::StateActGovernment,
        WordClass::CustodyRelease,
    ]
    .into_iter()
    .any(|class| is(class, &lemma))
}

/// The sector of the state body that does the act `trigger` names, by its word class.
fn act_sector(trigger: Token<'_>, custody: &Custody) -> Option<&'static str> {
    let lemma = trigger.lemma().to_ascii_lowercase();
    if is(WordClass::StateActPolice, &lemma) {
        Some("COP")
    } else if is(WordClass::StateActCourt, &lemma) {
        Some("JUD")
    } else if is(WordClass::StateActGovernment, &lemma) {
        Some("GOV")
    } else if is(WordClass::CustodyRelease, &lemma) && !matches!(custody, Custody::None) {
        Some("COP")
    } else {
        None
    }
}

/// Whose custody a verb's oblique names: "released on bail", "freed from prison", "held at
/// Belmarsh prison", "from police custody" (no state said), "freed from US custody", "held in
/// Israeli jails" (a state's), "freed from rebel custody" (a group the dictionaries know that
/// is no state's body: `NotState`).
enum Custody {
    None,
    Bare,
    Of(String),
    NotState,
}

fn custody(sx: &SentenceCx<'_, '_>, trigger: Token<'_>) -> Custody {
    let Some(word) = trigger.children().find(|c| {
        c.rel().base() == Deprel::Obl && is(WordClass::CustodyWord, &c.lemma().to_ascii_lowercase())
    }) else {
        return Custody::None;
    };
    let readings = word
        .children()
        .filter(|m| matches!(m.rel(), Deprel::Amod | Deprel::Compound | Deprel::NmodPoss))
        .filter_map(|m| {
            let sp = m.span();
            sx.lex.covering(sp.start, sp.end)
        });
    for m in readings {
        match m.entry.kind {
            EntryKind::Country | EntryKind::Demonym if m.entry.code.is_some() => {
                return Custody::Of(m.entry.code.clone().unwrap_or_default());
            }
            EntryKind::Role
                if m.entry
                    .sector
                    .as_deref()
                    .is_some_and(|s| !OFFICIAL_SECTORS.contains(&s)) =>
            {
                return Custody::NotState;
            }
            _ => {}
        }
    }
    Custody::Bare
}

/// Whether the frame names whom it acts on, and not as "it" ("the vicious circle that it was
/// imprisoned in" holds no one).
fn acts_on_someone(frame: &Frame<'_>) -> bool {
    !frame.patients.is_empty()
        && frame
            .patients
            .iter()
            .all(|p| !p.text().eq_ignore_ascii_case("it"))
}

/// Whether the verb's clause leaves its doer unsaid: a passive without a "by" agent, a
/// participle on what it acts on, or an infinitive of a noun with no possessor.
fn doerless(trigger: Token<'_>) -> bool {
    if trigger.upos() != Upos::Verb || trigger.children().any(|c| c.rel() == Deprel::OblAgent) {
        return false;
    }
    let passive = trigger
        .children()
        .any(|c| matches!(c.rel(), Deprel::AuxPass | Deprel::NsubjPass));
    let participle = trigger.xpos() == "VBN" && trigger.rel() == Deprel::Acl;
    let of_noun = trigger.rel() == Deprel::Acl
        && trigger
            .children()
            .any(|c| c.rel() == Deprel::Mark && c.text().eq_ignore_ascii_case("to"))
        && trigger.head().is_some_and(|h| {
            h.upos() == Upos::Noun && !h.children().any(|c| c.rel() == Deprel::NmodPoss)
        });
    passive || participle || of_noun
}

/// The frame's place, else a place the sentence puts the event "in" (the parse may hang "in
/// Cairo" on the object).
pub(crate) fn place_or_context(
    cx: &DocContext<'_>,
    sx: &SentenceCx<'_, '_>,
    frame: &Frame<'_>,
) -> Option<(String, CountryFrom)> {
    let text = cx.doc.text();
    cx.location(frame, sx.lex, &[])
        .and_then(|l| l.country)
        .or_else(|| {
            sx.lex
                .matches
                .iter()
                .find(|m| {
                    matches!(
                        m.entry.kind,
                        EntryKind::City
                            | EntryKind::Capital
                            | EntryKind::Region
                            | EntryKind::Country
                    ) && text[..m.start].trim_end().ends_with(" in")
                })
                .and_then(|m| m.entry.code.clone())
        })
        .map(|c| (c, CountryFrom::Place))
}
