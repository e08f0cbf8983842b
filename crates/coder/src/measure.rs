//! The figure attached to an event's participants: "30 Russian diplomats", "a total of 80",
//! "the number of ... to at least 300", "Russia's ambassador" (one), "seven of whom have
//! diplomatic status" (a further figure for the same event).

use crate::figure_words as fw;
use crate::frames::Frame;
use crate::numbers::{Figure, figure_at};
use crate::tree::{has_case, lemma as trigger_lemma};
use attache_event::{Actor, Qualifier, Quantity};
use attache_nlp::{Deprel, Doc, Sentence, Token, Upos};

/// The casualties read for one frame, and the casualty words read besides its trigger.
#[derive(Debug, Default, Clone)]
pub struct CasualtyReading {
    pub casualties: attache_event::Casualties,
    /// Doc-level indices of the casualty words read, other than the frame's trigger: a frame
    /// triggered by one of them is this event's casualty, not an event of its own.
    pub read: Vec<usize>,
}

/// Figures of one event.
#[derive(Debug, Default, Clone)]
pub struct Measured {
    pub quantity: Option<Quantity>,
    pub others: Vec<Quantity>,
    /// The figure totals several actions: "a total of", "the number of ... to 300".
    pub total: bool,
    /// Killed, injured, missing, arrested (ASSAULT and COERCE events only).
    pub casualties: CasualtyReading,
}

/// Actors of one frame and whom it acts on, with the frame's index and figures.
pub(crate) struct Coded {
    pub frame: usize,
    pub actors: Vec<Actor>,
    pub recipients: Vec<Actor>,
    pub measured: Measured,
}

/// Words of a sentence, for the word-level readers (numbers, times).
pub fn sentence_words<'d>(s: &Sentence<'d>) -> Vec<&'d str> {
    s.tokens().map(|t| t.text()).collect()
}

pub(crate) fn to_quantity(
    doc: &Doc,
    s: &Sentence<'_>,
    fig: &Figure,
    end_tok: usize,
    unit: Option<String>,
) -> Quantity {
    let base = s.token_range().start;
    // "$3 billion": the currency sign is part of the figure's words.
    let sign = (base + fig.first).checked_sub(1).filter(|&i| {
        i >= base
            && fw::words()
                .currency(Some(doc.token(i).text()), None)
                .is_some()
    });
    let start = doc.token(sign.unwrap_or(base + fig.first)).span().start;
    let end = doc.token(end_tok.max(base + fig.last)).span().end;
    Quantity {
        value: fig.value,
        max: fig.max,
        unit,
        qualifier: fig.qualifier,
        text: doc.text()[start..end].to_string(),
        span: [start, end],
    }
}

/// Unit of a counted noun: its lemma, singular and lower case ("diplomats" -> "diplomat").
pub fn unit_of(head: Token<'_>) -> Option<String> {
    // A capitalised common noun ("the Russian Consulate") may be tagged a proper noun.
    (head.upos() == Upos::Noun || (head.upos() == Upos::Propn && head.xpos() == "NNP"))
        .then(|| trigger_lemma(head).to_lowercase())
}

/// Figures whose number lies in `lo..=hi` (sentence-relative word indices).
pub(crate) fn figures_in(words: &[&str], lo: usize, hi: usize) -> Vec<Figure> {
    // Start a little earlier so qualifiers ("at least") before the phrase are read too.
    let from = lo.saturating_sub(3);
    let mut out: Vec<Figure> = Vec::new();
    let mut i = from;
    while i <= hi && i < words.len() {
        if let Some(f) = figure_at(words, i) {
            if f.number_first >= lo && f.number_first <= hi && !not_a_count(words, &f) {
                out.push(f.clone());
            }
            i = f.last + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// A number that is a date, a year, a time, a duration, a percentage or an identifier, not a
/// count of people or things.
pub(crate) fn not_a_count(words: &[&str], f: &Figure) -> bool {
    let lower = |i: usize| words.get(i).map(|w| w.to_ascii_lowercase());
    let prev = f.number_first.checked_sub(1).and_then(lower);
    let next = lower(f.last + 1);
    let month = |w: &Option<String>| w.as_deref().and_then(crate::dates::month_of).is_some();
    let number = words[f.number_first];
    let year = number.len() == 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && crate::dates::year_number(number).is_some();
    month(&prev)
        || month(&next)
        || year
        || crate::timekind::is_clock_time(words, f.number_first)
        || next.as_deref().is_some_and(|w| fw::words().is_time(w))
        || prev
            .as_deref()
            .is_some_and(|w| fw::words().is_identifier(w))
        || in_a_name(words, f)
}

/// A number that is part of a name: it takes the possessive itself ("BBC Radio 4's Today
/// programme", "the G8's leaders": a count's noun would), it stands between two capitalised
/// words ("told Channel 4 News"), or it is the year that titles a law ("the 1701 Act", "the 1998
/// Bill": a capitalised identifier word after it).
fn in_a_name(words: &[&str], f: &Figure) -> bool {
    let capitalised = |i: usize| {
        words
            .get(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let next = words.get(f.last + 1).copied();
    let possessive = next.is_some_and(|w| w == "'s" || w == "\u{2019}s");
    // "on Tuesday 30 Russian diplomats": a day before a count is no name.
    let between_names = f.number_first > 1
        && capitalised(f.number_first - 1)
        && crate::timekind::weekday_of(&words[f.number_first - 1].to_ascii_lowercase()).is_none()
        && capitalised(f.last + 1);
    let titled_law = capitalised(f.last + 1)
        && next.is_some_and(|w| fw::words().is_identifier(&w.to_ascii_lowercase()));
    possessive || between_names || titled_law
}

/// The ISO 4217 currency of a sum of money ("$3 billion", "3 billion euros").
pub(crate) fn currency(words: &[&str], f: &Figure) -> Option<&'static str> {
    let prev = f.number_first.checked_sub(1).map(|i| words[i]);
    let next = words.get(f.last + 1).copied();
    fw::words().currency(prev, next)
}

/// Reads the figures of a frame's first patient.
pub fn measure(
    doc: &Doc,
    s: &Sentence<'_>,
    words: &[&str],
    frame: &Frame<'_>,
    is_role: &dyn Fn(Token<'_>) -> bool,
) -> Measured {
    let mut out = Measured::default();
    let base = s.token_range().start;
    let Some(&first) = frame.patients.first() else {
        return out;
    };
    // "declared the Russian ambassador persona non grata": the parse may make the person a
    // compound of another noun; the person is what is counted.
    let patient = if is_role(first) || first.children().any(|c| c.rel() == Deprel::Nummod) {
        first
    } else {
        first
            .children()
            .filter(|c| c.rel() == Deprel::Compound && is_role(*c))
            .last()
            .unwrap_or(first)
    };
    let unit = unit_of(patient);
    let phrase_start = frame.collective.unwrap_or(patient);
    let core = crate::noun_phrase::core_tokens(phrase_start);
    let lo = core.iter().map(|t| t.i()).min().unwrap_or(patient.i()) - base;
    // "$3 billion": the sign heads the phrase and the number follows it.
    let last = core.iter().map(|t| t.i()).max().unwrap_or(patient.i());
    let hi = if patient.upos() == Upos::Sym {
        last.max(patient.i())
    } else {
        patient.i()
    } - base;
    let mut figs = figures_in(words, lo, hi);
    if figs.is_empty() && lo > 0 {
        // A number the parse left outside the phrase but that stands right before it:
        // "Forty-five Russian diplomats" with "Forty" hung on the verb.
        let start = lo.saturating_sub(4);
        figs.extend(
            (start..lo)
                .filter_map(|i| figure_at(words, i))
                .filter(|f| f.last + 1 == lo)
                .take(1),
        );
    }
    if let Some(fig) = figs.last() {
        out.total = fig.total;
        let unit = currency(words, fig).map(str::to_string).or(unit.clone());
        out.quantity = Some(to_quantity(doc, s, fig, patient.i(), unit));
    } else if let Some(coll) = frame.collective {
        // "bring the number of X ... to at least 300": the figure hangs on the verb.
        out.total = true;
        // The parse may hang "to 300" on the clause verb, on the participle itself, or (a
        // prepositional phrase attached one level too low) on the counted noun or "number".
        let holders = coll
            .head()
            .into_iter()
            .chain([frame.trigger, patient, coll]);
        for verb in holders {
            // On the nouns only "to" counts: "the number of diplomats at 3 consulates" is
            // not a total.
            let on_noun = verb.i() == patient.i() || verb.i() == coll.i();
            let cases: &[&str] = if on_noun { &["to"] } else { &["to", "at"] };
            for obl in verb
                .children()
                .filter(|c| (c.rel().is_obl() || c.rel().is_nmod()) && has_case(*c, cases))
            {
                let sub = crate::noun_phrase::core_tokens(obl);
                let lo = sub.iter().map(|t| t.i()).min().unwrap_or(obl.i()) - base;
                if let Some(fig) = figures_in(words, lo, obl.i() - base).last() {
                    out.quantity = Some(to_quantity(doc, s, fig, base + fig.last, unit.clone()));
                }
            }
            if out.quantity.is_some() {
                break;
            }
        }
    } else if matches!(patient.xpos(), "NN" | "NNP")
        && is_role(patient)
        && !fw::words().is_institution(&trigger_lemma(patient))
        && [patient, first].iter().any(|p| {
            p.children()
                .any(|c| matches!(c.rel(), Deprel::Det | Deprel::NmodPoss))
        })
    {
        // One named role holder: "Russia's ambassador" is one ambassador.
        let sp = patient.span();
        out.quantity = Some(Quantity {
            value: 1.0,
            max: None,
            unit: unit.clone(),
            qualifier: Qualifier::Exact,
            text: doc.text()[sp.clone()].to_string(),
            span: [sp.start, sp.end],
        });
    }
    out.others = subset_figures(doc, s, words, patient);
    out
}

/// The size of a group that acts ("Up to 1,000 ethnic Turks began a hunger strike",
/// "thousands of protesters marched"): PLOVER's size of a protest or a mobilisation.
pub fn group_size(
    doc: &Doc,
    s: &Sentence<'_>,
    words: &[&str],
    head: Token<'_>,
) -> Option<Quantity> {
    let base = s.token_range().start;
    let (head, collective) = crate::frames::look_through(doc, head);
    let start = collective.unwrap_or(head);
    let core = crate::noun_phrase::core_tokens(start);
    let lo = core.iter().map(|t| t.i()).min().unwrap_or(start.i()) - base;
    let fig = figures_in(words, lo, head.i() - base).pop()?;
    Some(to_quantity(doc, s, &fig, head.i(), unit_of(head)))
}

/// "14 staff, seven of whom have diplomatic status": a subset figure right after the counted
/// noun. Read from the words, since parsers attach such clauses in many ways.
fn subset_figures(doc: &Doc, s: &Sentence<'_>, words: &[&str], head: Token<'_>) -> Vec<Quantity> {
    let base = s.token_range().start;
    let h = head.i() - base;
    let mut k = h + 1;
    if words.get(k) == Some(&",") {
        k += 1;
    }
    let Some(fig) = figure_at(words, k) else {
        return Vec::new();
    };
    let after = fig.last + 1;
    let of_whom = words
        .get(after)
        .is_some_and(|w| w.eq_ignore_ascii_case("of"))
        && words
            .get(after + 1)
            .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "whom" | "which" | "them"));
    if !of_whom {
        return Vec::new();
    }
    // The clause runs to the next comma or the sentence end.
    let end = (after + 2..words.len())
        .find(|i| matches!(words[*i], "," | ";" | "." | ")"))
        .unwrap_or(words.len());
    let clause: Vec<String> = words[after + 2..end]
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    // "diplomatic status" -> diplomat; otherwise the counted noun's own unit.
    let unit = clause
        .windows(2)
        .find(|p| p[1] == "status")
        .map(|p| status_unit(&p[0]))
        .or_else(|| unit_of(head));
    let start = doc.token(base + fig.first).span().start;
    let stop = doc.token(base + end - 1).span().end;
    vec![Quantity {
        value: fig.value,
        max: fig.max,
        unit,
        qualifier: fig.qualifier,
        text: doc.text()[start..stop].to_string(),
        span: [start, stop],
    }]
}

/// The person noun an adjective of status stands for: "diplomatic status" -> "diplomat".
fn status_unit(adjective: &str) -> String {
    match adjective {
        "diplomatic" => "diplomat".to_string(),
        "military" => "soldier".to_string(),
        "refugee" => "refugee".to_string(),
        other => format!("{other} status"),
    }
}
