//! Recipients the text names only by what they are or by where the event hit: people known by
//! their role ("arrested 12 protesters", "ordered the former minister to appear") take the
//! country of the event's place, else the acting state's (the domestic convention of event
//! coders), else the report's; a place that an event hits ("bombed Aleppo", "fired at targets
//! in Jericho") stands for its country where `data/coder/recipients.tsv` marks the category
//! with the `place` construction.

use crate::frames::{Frame, look_through};
use crate::recipients::{Marks, has_mark, has_place_mark};
use crate::sentence::SentenceCx;
use crate::words::{WordClass, is};
use attache_event::{Actor, CountryFrom, EventCategory};
use attache_lexicon::EntryKind;
use attache_nlp::{Deprel, Token, Upos};

/// The people among a frame's patients and owners named only by their role, each with the
/// country of the event's place, else the acting state's, else the report's home country.
pub(crate) fn people_in_context(
    sx: &SentenceCx<'_, '_>,
    frame: &Frame<'_>,
    actors: &[Actor],
) -> Vec<Actor> {
    let (cx, doc, reader) = (sx.cx, sx.cx.doc, &sx.reader);
    let mut people: Vec<Actor> = frame
        .patients
        .iter()
        .map(|p| look_through(doc, *p).0)
        .flat_map(with_conjuncts)
        .filter(|p| !owned_by_pronoun(*p) && !names_states(*p))
        .filter_map(|p| {
            reader
                .role_actor(p)
                .filter(|a| a.sector.is_some() || !proper_modifier(p))
        })
        .collect();
    if people.is_empty() {
        people = frame
            .owners
            .iter()
            .filter(|o| !names_states(**o))
            .filter_map(|o| reader.role_actor(*o))
            .collect();
    }
    if people.is_empty() {
        return people;
    }
    let place = cx
        .location(frame, sx.lex, actors)
        .and_then(|l| l.country)
        .or_else(|| crate::casualty_places::outcome_place(sx, frame.trigger))
        .map(|c| (c, Some(CountryFrom::Place)));
    // Without a place, only the categories of the `people` rows (not the forces an actor
    // mobilises or withdraws).
    let domestic = has_mark(Marks::People, frame.rule.category);
    let acting = || {
        actors
            .iter()
            .find_map(|a| a.country.clone())
            .map(|c| (c, None))
    };
    // A deed with no doer is reported for whom it hit only where the text places it.
    let doer = !actors.is_empty();
    let home = || {
        cx.home_country()
            .filter(|_| doer)
            .map(|(c, from)| (c, Some(from)))
    };
    let context = || acting().or_else(home).filter(|_| domestic);
    let Some((country, from)) = place.or_else(context) else {
        return Vec::new();
    };
    for a in &mut people {
        a.country = Some(country.clone());
        a.country_from = from;
    }
    people
}

/// A nominal and those coordinated with it, whatever their kind ("the Director of Public
/// Prosecutions and the police").
fn with_conjuncts(head: Token<'_>) -> Vec<Token<'_>> {
    let mut out = vec![head];
    let mut i = 0;
    while i < out.len() {
        let t = out[i];
        out.extend(t.children().filter(|c| c.rel() == Deprel::Conj));
        i += 1;
    }
    out
}

/// "European leaders", "Kurdish men": a role of no sector whose capitalised modifier says
/// whose people they are, where the reader could not, is no domestic recipient.
fn proper_modifier(head: Token<'_>) -> bool {
    head.children().any(|c| {
        matches!(c.rel(), Deprel::Amod | Deprel::Compound)
            && c.text().starts_with(char::is_uppercase)
    })
}

/// A state's ISO 3166 alpha-3 code, not an organisation's.
fn is_iso(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// "rich nations", "other countries": states, not people of the report's country.
fn names_states(head: Token<'_>) -> bool {
    is(WordClass::StateNoun, &head.text().to_ascii_lowercase())
}

/// "withdraw its troops", "their supporters": people a possessive pronoun gives to the actor.
fn owned_by_pronoun(head: Token<'_>) -> bool {
    head.children().any(|c| {
        c.rel() == Deprel::NmodPoss
            && c.upos() == Upos::Pron
            && is(WordClass::Possessive, &c.text().to_ascii_lowercase())
    })
}

/// The country of the place a frame hits, for the categories whose recipient a place stands
/// for: a place as the object ("bombed Aleppo", "an attack on Gaza"), else the place of the
/// event ("fired shells at targets in Kashmir") where the category's `place` row lists "in".
/// In every category, a place as the subject of the clause a verbal act takes acts for its
/// country ("said she was pleased Scotland would be following", "warned Texas would lose").
pub(crate) fn place_hit(
    sx: &SentenceCx<'_, '_>,
    frame: &Frame<'_>,
    actors: &[Actor],
) -> Vec<Actor> {
    let (cx, doc) = (sx.cx, sx.cx.doc);
    if !has_mark(Marks::Place, frame.rule.category) {
        let acting = frame
            .patients
            .iter()
            .filter(|p| p.rel().is_nsubj() && p.upos() == Upos::Propn)
            .find_map(|p| place_country(sx, *p));
        return acting
            .map(|hit| place_actor(doc, hit))
            .into_iter()
            .collect();
    }
    let named = frame
        .patients
        .iter()
        .find_map(|p| place_country(sx, look_through(doc, *p).0));
    let (country, span) = match named {
        Some(hit) => hit,
        None if has_place_mark(frame.rule.category, "in") => {
            let Some(l) = cx.location(frame, sx.lex, actors) else {
                return Vec::new();
            };
            let Some(c) = l.country else {
                return Vec::new();
            };
            let Some(span) = l.span else {
                return Vec::new();
            };
            (c, span)
        }
        None => return Vec::new(),
    };
    vec![place_actor(doc, (country, span))]
}

/// The country a place stands for, as a recipient of no sector.
fn place_actor(doc: &attache_nlp::Doc, (country, span): (String, [usize; 2])) -> Actor {
    Actor {
        text: doc.text()[span[0]..span[1]].to_string(),
        country: Some(country),
        sector: None,
        span,
        country_from: Some(CountryFrom::Place),
    }
}

/// Whether what a frame acts on is places, all in the country of its actors ("Mr Kennedy
/// visits Manchester" for a British actor).
pub(crate) fn home_places(sx: &SentenceCx<'_, '_>, frame: &Frame<'_>, actors: &[Actor]) -> bool {
    let doc = sx.cx.doc;
    let home: Vec<&str> = actors.iter().filter_map(|a| a.country.as_deref()).collect();
    !home.is_empty()
        && !frame.patients.is_empty()
        && frame.patients.iter().all(|p| {
            place_country(sx, look_through(doc, *p).0)
                .is_some_and(|(c, _)| home.contains(&c.as_str()))
        })
}

/// The country of a city, capital or region the gazetteer knows `head` by.
fn place_country(sx: &SentenceCx<'_, '_>, head: Token<'_>) -> Option<(String, [usize; 2])> {
    let sp = head.span();
    let m = sx.lex.covering(sp.start, sp.end)?;
    let place = matches!(
        m.entry.kind,
        EntryKind::City | EntryKind::Capital | EntryKind::Region
    );
    let code = m.entry.code.as_deref()?;
    (place && is_iso(code)).then(|| (code.to_string(), [m.start, m.end]))
}

/// "Gibraltarians rejected plans", "welcomed the move": a policy no one's name is on is the
/// government's, of the report's home country, in the categories of the `policy` rows; as the
/// subject of the clause a criticism judges ("said the move would be wrong"), in those of the
/// `judged` rows. A government that rejects criticism of such a policy defends its own: "the
/// Home Office defended the measures" has no recipient.
pub(crate) fn policy_maker(
    sx: &SentenceCx<'_, '_>,
    frame: &Frame<'_>,
    actors: &[Actor],
    discourse: &crate::discourse::Discourse,
) -> Vec<Actor> {
    let category = frame.rule.category;
    let judged = has_mark(Marks::Judged, category);
    if !has_mark(Marks::Policy, category) && !judged {
        return Vec::new();
    }
    // Named as what the act is done to, not as the subject of what is said of it ("denied the
    // decision would suggest ..."), except in a judgement ("said the plan would hurt").
    let mut named = frame.patients.iter().chain(&frame.owners);
    let Some(policy) = named.find(|p| {
        let subject = p.rel().is_nsubj();
        let rows = if subject {
            judged
        } else {
            has_mark(Marks::Policy, category)
        };
        rows && is_unowned_policy(sx, **p)
    }) else {
        return Vec::new();
    };
    // "New EU rules set ... Airlines have attacked the legislation": a definite policy word
    // is the policy the document just gave an owner, unless the actor is that owner.
    let sp = policy.span();
    let referred: Vec<Actor> = crate::policy_refs::referred_owners(*policy, discourse)
        .into_iter()
        .filter(|o| {
            !actors
                .iter()
                .any(|a| a.country == o.country && a.sector == o.sector)
        })
        .map(|o| Actor {
            text: policy.text().to_string(),
            span: [sp.start, sp.end],
            ..o
        })
        .collect();
    if !referred.is_empty() {
        return referred;
    }
    // An opposition acts on its own country's government, whichever country the report
    // names most ("the shadow foreign secretary said the move would be wrong" in a report
    // about China).
    let opposition = actors
        .iter()
        .find(|a| a.sector.as_deref() == Some("OPP"))
        .and_then(|a| a.country.clone())
        .map(|c| (c, None));
    let home = || sx.cx.home_country().map(|(c, f)| (c, Some(f)));
    let Some((country, from)) = opposition.or_else(home) else {
        return Vec::new();
    };
    let own = category == EventCategory::Reject
        && actors
            .iter()
            .any(|a| a.country.as_ref() == Some(&country) && a.sector.as_deref() == Some("GOV"));
    if own {
        return Vec::new();
    }
    vec![Actor {
        text: policy.text().to_string(),
        country: Some(country),
        sector: Some("GOV".to_string()),
        span: [sp.start, sp.end],
        country_from: from,
    }]
}

/// "Tony Blair has dismissed reports he would quit", "Reports that ... have been described as
/// idle speculation by Downing Street": news reports no one's name is on (words.tsv
/// `report_noun`), denied, are the media's, of the report's home country.
pub(crate) fn report_maker(
    sx: &SentenceCx<'_, '_>,
    frame: &Frame<'_>,
    actors: &[Actor],
) -> Vec<Actor> {
    if frame.rule.category != EventCategory::Reject
        || actors.iter().any(|a| a.sector.as_deref() == Some("MED"))
    {
        return Vec::new();
    }
    let Some(report) = frame.patients.iter().find(|p| {
        !matches!(p.rel(), Deprel::Ccomp | Deprel::Xcomp) && unowned(sx, **p, WordClass::ReportNoun)
    }) else {
        return Vec::new();
    };
    let Some((country, from)) = sx.cx.home_country() else {
        return Vec::new();
    };
    let sp = report.span();
    vec![Actor {
        text: report.text().to_string(),
        country: Some(country),
        sector: Some("MED".to_string()),
        span: [sp.start, sp.end],
        country_from: Some(from),
    }]
}

/// A policy word with no possessor, no capitalised modifier the dictionaries know and no
/// "by"/"of"/"from" phrase that could name whose it is ("Labour's plans", "the Tory plans", "plans by the mayor").
fn is_unowned_policy(sx: &SentenceCx<'_, '_>, head: Token<'_>) -> bool {
    unowned(sx, head, WordClass::Policy)
}

/// A word of `class` with no one's name on it, as `is_unowned_policy` says.
fn unowned(sx: &SentenceCx<'_, '_>, head: Token<'_>, class: WordClass) -> bool {
    // A capitalised modifier names an owner ("the Labour plan", "the Statoil plan"), unless
    // the policy word is capitalised too and the dictionaries do not know the modifier: the
    // policy's own title ("the Prevention of Terrorism Bill", "the Identity Cards Bill").
    let titled = head.text().starts_with(char::is_uppercase);
    let known = |c: Token<'_>| {
        let sp = c.span();
        !titled || sx.lex.covering(sp.start, sp.end).is_some()
    };
    is(class, &head.text().to_ascii_lowercase())
        && head.children().all(|c| match c.rel() {
            Deprel::NmodPoss => false,
            Deprel::Amod | Deprel::Compound => {
                !(c.text().starts_with(char::is_uppercase) && known(c))
            }
            rel if rel.is_nmod() => !crate::tree::has_case(c, &["by", "of", "from"]),
            _ => true,
        })
}

/// "The Tories said the figures were a disgrace": an act of an opposition (sector OPP, with a
/// country) that names no one it is aimed at is aimed at its own country's government, in the
/// categories of the `opposed` rows of data/coder/recipients.tsv. The recipient's words are
/// the trigger's: the text names the government only by implication.
pub(crate) fn opposed_government(frame: &Frame<'_>, actors: &[Actor]) -> Vec<Actor> {
    if !has_mark(Marks::Opposed, frame.rule.category) {
        return Vec::new();
    }
    // Aimed at someone the text names, known or not ("accused Mr McLetchie of ..."): that one
    // is the target, not the government by implication; an unknown name stays unknown.
    if frame.patients.iter().any(|p| p.upos() == Upos::Propn) {
        return Vec::new();
    }
    let Some(country) = actors
        .iter()
        .find(|a| a.sector.as_deref() == Some("OPP"))
        .and_then(|a| a.country.clone())
    else {
        return Vec::new();
    };
    vec![implied_government(frame, country)]
}

/// "The Electoral Commission says there should be more state funding", "told crowds: \"this
/// law will have to be overturned\"": a demand that names a measure but not who must take it
/// (a passive or existential one) is aimed at the government of the speaker's country, when
/// that is the country the report is about and the speaker is no part of its government. The
/// recipient's words are the trigger's.
pub(crate) fn home_government(
    sx: &SentenceCx<'_, '_>,
    frame: &Frame<'_>,
    actors: &[Actor],
) -> Vec<Actor> {
    let Some(home) = sx.cx.document_country.as_deref() else {
        return Vec::new();
    };
    // A government's own "should" is mostly its policy or a judgement ("nobody should be
    // distracted", "the Tories must not be allowed to win"), not a demand on itself.
    let home_speaker = |a: &Actor| {
        a.country.as_deref() == Some(home) && a.sector.as_deref().is_some_and(|s| s != "GOV")
    };
    if !actors.iter().any(home_speaker) {
        return Vec::new();
    }
    vec![implied_government(frame, home.to_string())]
}

/// A country's government the text names only by implication: its words are the trigger's.
fn implied_government(frame: &Frame<'_>, country: String) -> Actor {
    let sp = frame.trigger.span();
    Actor {
        text: frame.trigger.text().to_string(),
        country: Some(country),
        sector: Some("GOV".to_string()),
        span: [sp.start, sp.end],
        country_from: Some(CountryFrom::Implied),
    }
}
