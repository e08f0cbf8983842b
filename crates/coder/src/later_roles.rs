//! People named bare first and described later: "Peter Hain has attacked the decision. The
//! Northern Ireland secretary said ..." or "..., Mr Hain, the Welsh secretary, ...". Read
//! over a window's sentences before any of them is coded, so that the role the later
//! description gives (a role of `data/lexicon/roles.tsv`, with its own country or the
//! dateline's or document's) holds for the person's earlier mentions too.
//!
//! A description no one named before it fits ("..., the lord chancellor has said.", a report's
//! lead) goes to the first person named in the next two sentences ("Lord Falconer said"),
//! under the same conditions.
//!
//! Precision first: a definite description ("the foreign secretary", a subject) goes to the
//! person only when that person is the only one the dictionaries cannot place among those
//! named in the few sentences before it, the report calls them "Mr" or "Mrs" somewhere (a
//! firm's name is no person), no person they do place of the role's sector is
//! named there, and the document has not used the role before; an apposition or copula ("X,
//! the foreign secretary"; "X is the foreign secretary") names its person itself. A person
//! given two different roles gets neither, and a role never overrides what the dictionaries
//! say of a person for the date.

use crate::actors::{ActorReader, is_honorific};
use crate::context::DocContext;
use crate::discourse::Referent;
use crate::discourse::{Discourse, Person};
use crate::noun_phrase::{SentenceLex, core_tokens};
use crate::persons::{is_name_head, own_or_described, reading_of};
use crate::tree::lemma;
use crate::words::{WordClass, is};
use attache_lexicon::EntryKind;
use attache_nlp::{Deprel, Sentence, Token, Upos};
use std::collections::HashMap;

/// How many sentences before a definite description its person may have been named in.
const DESCRIPTION_WINDOW: usize = 3;

/// How many sentences after a definite description that no one named before it fits its
/// person may be named in.
const FORWARD_WINDOW: usize = 2;

/// A person named in the window.
struct Mention {
    sentence: usize,
    at: usize,
    names: Vec<String>,
    /// Named with an honorific ("Mr Hainworth").
    titled: bool,
    /// The sector the dictionaries give the person for the date, when they place them.
    known: Option<Option<String>>,
}

/// A role the window's text gives: to a named person (apposition, copula), or to whoever a
/// definite description stands for.
struct Description {
    sentence: usize,
    at: usize,
    /// The person an apposition or copula names.
    names: Option<Vec<String>>,
    /// The role's canonical form, for a definite description.
    key: Option<String>,
    country: Option<String>,
    sector: String,
}

/// What the window's sentences say: its people and its descriptions.
#[derive(Default)]
struct WindowPeople {
    mentions: Vec<Mention>,
    descriptions: Vec<Description>,
}

/// Gives the people of a window whom a later description gives a role that role, in
/// `discourse`, before the window's sentences are coded. `lexes` are the sentences'
/// dictionary matches, in order.
pub(crate) fn note_later_roles(
    cx: &DocContext<'_>,
    sentences: &[(Sentence<'_>, SentenceLex<'_>)],
    discourse: &mut Discourse,
) {
    let fallback = cx
        .dateline_country
        .clone()
        .or_else(|| cx.document_country.clone());
    let mut people = WindowPeople::default();
    for (k, (s, lex)) in sentences.iter().enumerate() {
        if cx.layout.covers_all(s.span()) {
            continue;
        }
        let reader = ActorReader {
            doc: cx.doc,
            lex,
            date: cx.published.map(|d| d.to_string()),
            home: None,
        };
        for t in s.tokens() {
            read_token(&reader, t, k, fallback.as_deref(), discourse, &mut people);
        }
    }
    place_namesakes(&mut people.mentions);
    let role_uses = role_uses(sentences);
    let mut given: HashMap<Vec<String>, Option<(Option<String>, String)>> = HashMap::new();
    for d in &people.descriptions {
        let Some(names) = person_described(d, &people.mentions, &role_uses) else {
            continue;
        };
        let names = fullest(&names, &people.mentions);
        let role = (d.country.clone(), d.sector.clone());
        given
            .entry(names)
            .and_modify(|r| {
                if r.as_ref() != Some(&role) {
                    *r = None;
                }
            })
            .or_insert(Some(role));
    }
    for (names, role) in given {
        let Some((country, sector)) = role else {
            continue;
        };
        let Some(first) = people
            .mentions
            .iter()
            .find(|m| same_person(&m.names, &names))
        else {
            continue;
        };
        discourse.remember_person(Person {
            names,
            country,
            sector: Some(sector),
            seen_at: first.at,
        });
    }
}

/// Notes the person or the role description token `t` heads, if any.
fn read_token<'d>(
    reader: &ActorReader<'d, '_>,
    t: Token<'d>,
    sentence: usize,
    fallback: Option<&str>,
    discourse: &Discourse,
    people: &mut WindowPeople,
) {
    let core = core_tokens(t);
    let at = core.first().map_or(0, |c| c.span().start);
    let titled = t.upos() == Upos::Propn && core.iter().any(|c| is_honorific(c.text()));
    if is_name_head(t) || titled {
        let names = reader.uncovered_names(&core);
        if names.is_empty() || (names.len() < 2 && !titled) {
            return;
        }
        let own = reading_of(reader, t, &core);
        let placed = own.country.is_some() || own.sector.is_some();
        let own_sector = own.sector.clone();
        let (described, span) = own_or_described(reader, t, own);
        // Only a role ("the foreign secretary") describes a person; a party or a body
        // beside a name may be what it heads ("the Hutton Inquiry").
        let by_role = span.is_some_and(|(lo, hi)| {
            reader
                .matches_in(lo, hi)
                .any(|m| m.entry.kind == EntryKind::Role && m.entry.sector.is_some())
        });
        let known = if placed {
            Some(own_sector)
        } else {
            discourse
                .person_named(&names)
                .filter(|p| p.country.is_some() || p.sector.is_some())
                .map(|p| p.sector.clone())
        };
        if known.is_none()
            && by_role
            && let Some(sector) = described.sector
        {
            people.descriptions.push(Description {
                sentence,
                at,
                names: Some(names.clone()),
                key: None,
                country: described.country.or(fallback.map(String::from)),
                sector,
            });
        }
        people.mentions.push(Mention {
            sentence,
            at,
            names,
            titled,
            known,
        });
        return;
    }
    let Some((key, reading)) = definite_role(reader, t, &core) else {
        return;
    };
    let Some(sector) = reading.1 else { return };
    let subject = t
        .children()
        .find(|c| c.rel() == Deprel::Nsubj && c.upos() == Upos::Propn);
    let copula = t.children().any(|c| c.rel() == Deprel::Cop);
    let names = match (copula, subject) {
        (true, Some(n)) => Some(reader.uncovered_names(&core_tokens(n))),
        (true, None) => return,
        // The subject of the sentence's main verb ("The foreign secretary said").
        (false, _) if main_clause_subject(t) => None,
        (false, _) => return,
    };
    people.descriptions.push(Description {
        sentence,
        at,
        names: names.filter(|n| !n.is_empty()),
        key: Some(key),
        country: reading.0.or(fallback.map(String::from)),
        sector,
    });
}

/// Whether `t` is the subject of the sentence's main verb ("The foreign secretary said"), or
/// of the verb of saying that closes it, which the parse hangs on the quoted clause ("..., the
/// lord chancellor has said.").
fn main_clause_subject(t: Token<'_>) -> bool {
    if t.rel() != Deprel::Nsubj {
        return false;
    }
    let Some(verb) = t.head() else { return false };
    let root = |v: Token<'_>| v.head().is_none();
    root(verb)
        || (verb.rel() == Deprel::Parataxis
            && is(WordClass::Reporting, &lemma(verb))
            && verb.head().is_some_and(root))
}

/// A definite role description ("the foreign secretary", "the British home secretary"): its
/// role's canonical form, and the country and sector its words give.
fn definite_role<'d>(
    reader: &ActorReader<'d, '_>,
    head: Token<'d>,
    core: &[Token<'d>],
) -> Option<(String, Referent)> {
    if head.upos() != Upos::Noun {
        return None;
    }
    let definite = head
        .children()
        .any(|c| c.rel() == Deprel::Det && c.text().eq_ignore_ascii_case("the"));
    // "the minister who resigned" says whose role it is; "X is the minister of Y" names X.
    let copula = head.children().any(|c| c.rel() == Deprel::Cop);
    let restricted = !copula
        && head
            .children()
            .any(|c| c.rel().is_nmod() || c.rel() == Deprel::AclRelcl);
    if !definite || restricted {
        return None;
    }
    let sp = head.span();
    let role = reader
        .lex
        .covering(sp.start, sp.end)
        .filter(|m| m.entry.kind == EntryKind::Role && m.entry.sector.is_some())?;
    let r = reading_of(reader, head, core);
    Some((role.entry.canonical.clone(), (r.country, r.sector)))
}

/// Where the window's text uses each role (byte offsets of its dictionary matches).
fn role_uses<'s>(sentences: &'s [(Sentence<'_>, SentenceLex<'_>)]) -> HashMap<&'s str, Vec<usize>> {
    let mut uses: HashMap<&str, Vec<usize>> = HashMap::new();
    for (_, lex) in sentences {
        for m in &lex.matches {
            if m.entry.kind == EntryKind::Role {
                uses.entry(m.entry.canonical.as_str())
                    .or_default()
                    .push(m.start);
            }
        }
    }
    uses
}

/// The person description `d` gives its role to, if that is unambiguous.
fn person_described(
    d: &Description,
    mentions: &[Mention],
    role_uses: &HashMap<&str, Vec<usize>>,
) -> Option<Vec<String>> {
    if let Some(names) = &d.names {
        let known = mentions
            .iter()
            .any(|m| same_person(&m.names, names) && m.known.is_some());
        return (!known).then(|| names.clone());
    }
    let key = d.key.as_deref()?;
    // The role used before: it may be someone else's ("Foreign Secretary Jack Straw").
    if role_uses
        .get(key)
        .is_some_and(|at| at.iter().any(|&a| a < d.at))
    {
        return None;
    }
    let near: Vec<&Mention> = mentions
        .iter()
        .filter(|m| {
            m.at < d.at && m.sentence + DESCRIPTION_WINDOW >= d.sentence && m.sentence <= d.sentence
        })
        .collect();
    let mut person: Option<&Vec<String>> = None;
    for m in &near {
        match &m.known {
            Some(sector) if sector.as_deref() == Some(d.sector.as_str()) => return None,
            Some(_) => {}
            None => match person {
                Some(p) if !same_person(p, &m.names) => return None,
                Some(_) => {}
                None => person = Some(&m.names),
            },
        }
    }
    // "..., the lord chancellor has said. ... Lord Falconer said": a report's lead gives the
    // role, its body the name.
    let person = match person {
        Some(p) => p,
        None if near.is_empty() => named_after(d, mentions)?,
        None => return None,
    };
    // A name never written with "Mr" or "Mrs" may be a firm's ("Yangtze Electric").
    mentions
        .iter()
        .any(|m| m.titled && m.names.last() == person.last())
        .then(|| person.clone())
}

/// The person a description that no one named before it fits is given to: the first person
/// named after it, within the next [`FORWARD_WINDOW`] sentences, if the dictionaries do not
/// place them and no other such person is named in their sentence. Only names the report
/// writes with "Mr", "Lord" or the like somewhere count: a bill or a firm ("the Mental Capacity
/// Bill") named first is no person.
fn named_after<'m>(d: &Description, mentions: &'m [Mention]) -> Option<&'m Vec<String>> {
    let titled = |m: &Mention| {
        mentions
            .iter()
            .any(|o| o.titled && o.names.last() == m.names.last())
    };
    let first = mentions
        .iter()
        .filter(|m| m.at > d.at && titled(m))
        .min_by_key(|m| m.at)?;
    if first.known.is_some() || first.sentence > d.sentence + FORWARD_WINDOW {
        return None;
    }
    let rival = mentions.iter().any(|m| {
        m.sentence == first.sentence && m.known.is_none() && !same_person(&m.names, &first.names)
    });
    (!rival).then_some(&first.names)
}

/// Whether two mentions' names can be one person's: the same surname, and the same given
/// names where both have some.
fn same_person(a: &[String], b: &[String]) -> bool {
    let (Some((sa, ga)), Some((sb, gb))) = (a.split_last(), b.split_last()) else {
        return false;
    };
    sa == sb && (ga.is_empty() || gb.is_empty() || ga == gb)
}

/// The fullest form the window names a person by ("Jack Straw" for "Mr Straw").
fn fullest(names: &[String], mentions: &[Mention]) -> Vec<String> {
    mentions
        .iter()
        .filter(|m| same_person(&m.names, names))
        .map(|m| &m.names)
        .max_by_key(|n| n.len())
        .cloned()
        .unwrap_or_else(|| names.to_vec())
}

/// A mention by surname of a person the dictionaries place elsewhere in the window ("Mr
/// Blair" beside "Tony Blair") is that person, placed.
fn place_namesakes(mentions: &mut [Mention]) {
    let placed: HashMap<String, Option<String>> = mentions
        .iter()
        .filter_map(|m| Some((m.names.last()?.clone(), m.known.clone()?)))
        .collect();
    for m in mentions.iter_mut().filter(|m| m.known.is_none()) {
        if let Some(sector) = m.names.last().and_then(|s| placed.get(s)) {
            m.known = Some(sector.clone());
        }
    }
}
