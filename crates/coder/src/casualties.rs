//! Casualties of a violent or coercive event: "killed 12 people and wounded 30" is one ASSAULT
//! with killed 12 and injured 30; "left 12 dead", "40 protesters were arrested". The words that
//! name each kind of casualty are in `data/coder/figures.tsv`.

use crate::figure_words::words;
use crate::frames::{Frame, look_through};
use crate::measure::{CasualtyReading, Measured, figures_in, not_a_count, to_quantity, unit_of};
use crate::numbers::figure_at;
use crate::tree::lemma as trigger_lemma;
use attache_event::{CasualtyKind, EventCategory, Quantity};
use attache_nlp::{Doc, Sentence, Token, Upos};

/// The casualty a token names, by its lemma or (adjectives such as "dead") as written.
fn casualty_of(t: Token<'_>) -> Option<CasualtyKind> {
    let w = words();
    w.casualty(&trigger_lemma(t))
        .or_else(|| w.casualty(t.text()))
}

/// Relations that leave the event's clause: another statement, a condition, a relative clause.
fn leaves_clause(t: Token<'_>) -> bool {
    let rel = t.deprel();
    let base = rel.split(':').next().unwrap_or(rel);
    matches!(
        base,
        "ccomp" | "advcl" | "parataxis" | "csubj" | "mark" | "discourse" | "vocative" | "list"
    ) || rel == "acl:relcl"
        // A coordinated verb with a doer of its own is another event ("and rebels killed 3").
        || (base == "conj" && t.children().any(|c| c.deprel() == "nsubj"))
}

/// The casualty words of a frame's clause: its trigger, the verbs coordinated with it and the
/// words under them ("left 12 dead and 30 wounded"), in text order.
fn casualty_words<'d>(doc: &'d Doc, frame: &Frame<'d>) -> Vec<(Token<'d>, CasualtyKind)> {
    let roots = vec![frame.trigger, frame.anchor];
    let mut seen: Vec<usize> = Vec::new();
    let mut stack = roots;
    while let Some(t) = stack.pop() {
        if seen.contains(&t.i()) || seen.len() > 200 {
            continue;
        }
        seen.push(t.i());
        stack.extend(t.children().filter(|c| !leaves_clause(*c)));
    }
    // The trigger first, so that its own figure is the casualty it names.
    seen.sort_unstable_by_key(|&i| (i != frame.trigger.i(), i));
    seen.into_iter()
        .map(|i| doc.token(i))
        .filter_map(|t| casualty_of(t).map(|k| (t, k)))
        .collect()
}

/// Reads the casualties of an ASSAULT or COERCE frame; the frame's own figure (`measured`)
/// is the casualty its trigger names ("killed 12 people").
pub fn read(
    doc: &Doc,
    s: &Sentence<'_>,
    words_of: &[&str],
    frame: &Frame<'_>,
    measured: &Measured,
) -> CasualtyReading {
    let mut out = CasualtyReading::default();
    if !matches!(
        frame.category,
        EventCategory::Assault | EventCategory::Coerce
    ) {
        return out;
    }
    let mut unit: Option<String> = None;
    for (t, kind) in casualty_words(doc, frame) {
        let figure = if t.i() == frame.trigger.i() {
            measured.quantity.clone()
        } else {
            None
        };
        let figure = figure.or_else(|| figure_of(doc, s, words_of, t));
        let Some(mut q) = figure.filter(|q| !is_money(q)) else {
            continue;
        };
        // A second figure of a kind already read is another event's: "detained 15 activists
        // and arrested 3 journalists".
        let slot = out.casualties.slot(kind);
        if slot.is_some() {
            continue;
        }
        // "killed 12 people and wounded 30": the second figure counts the same people.
        match (&q.unit, &unit) {
            (None, Some(u)) => q.unit = Some(u.clone()),
            (Some(u), None) => unit = Some(u.clone()),
            _ => {}
        }
        *slot = Some(q);
        if t.i() != frame.trigger.i() {
            out.read.push(t.i());
        }
    }
    out
}

/// A sum of money: its unit is an ISO 4217 code ("USD"); counted units are lower-case lemmas.
fn is_money(q: &Quantity) -> bool {
    q.unit
        .as_deref()
        .is_some_and(|u| u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase()))
}

/// The figure a casualty word counts: its number ("12 deaths"), its object or passive subject
/// ("wounded 30 others", "30 were injured"), or read off the words where the parse does not
/// say: the number after it ("injured 30 others") or before it ("12 dead", "20 were wounded").
fn figure_of(doc: &Doc, s: &Sentence<'_>, words_of: &[&str], t: Token<'_>) -> Option<Quantity> {
    let base = s.token_range().start;
    let phrase = |head: Token<'_>| {
        let (head, _) = look_through(doc, head);
        let core = crate::noun_phrase::core_tokens(head);
        let lo = core.iter().map(|x| x.i()).min().unwrap_or(head.i()) - base;
        let hi = core.iter().map(|x| x.i()).max().unwrap_or(head.i()) - base;
        let fig = figures_in(words_of, lo, hi).pop()?;
        let end = (base + fig.last).max(head.i());
        Some(to_quantity(doc, s, &fig, end, unit_of(head)))
    };
    if t.children().any(|c| c.deprel() == "nummod") {
        return phrase(t);
    }
    let verbal = t.upos() == Upos::Verb || t.xpos().starts_with("VB");
    let object = t
        .children()
        .filter(|_| verbal)
        .find(|c| matches!(c.deprel(), "obj" | "nsubj:pass"));
    object
        .and_then(phrase)
        .or_else(|| number_after(doc, s, words_of, t))
        .or_else(|| number_before(doc, s, words_of, t))
}

/// "injured 30 others", "arrested at least 3 journalists": a figure right after the word.
fn number_after(doc: &Doc, s: &Sentence<'_>, words_of: &[&str], t: Token<'_>) -> Option<Quantity> {
    let base = s.token_range().start;
    let fig = figure_at(words_of, t.i() - base + 1).filter(|f| !not_a_count(words_of, f))?;
    let noun = Some(doc.token(base + fig.last))
        .filter(|_| fig.last + 1 < words_of.len())
        .map(|_| doc.token(base + fig.last + 1))
        .filter(|n| n.upos() == Upos::Noun);
    let last = noun.map_or(base + fig.last, |n| n.i());
    Some(to_quantity(doc, s, &fig, last, noun.and_then(unit_of)))
}

/// Words between a number and the casualty word after it: "20 were wounded", "3 are missing".
const BETWEEN: &[&str] = &[
    "were", "was", "are", "is", "have", "has", "had", "been", "being",
];

/// "12 dead", "30 people wounded", "20 were wounded": a figure before the word, with at most
/// one noun and a few auxiliaries between.
fn number_before(doc: &Doc, s: &Sentence<'_>, words_of: &[&str], t: Token<'_>) -> Option<Quantity> {
    let base = s.token_range().start;
    let mut end = t.i() - base;
    while end > 0 && BETWEEN.contains(&words_of[end - 1].to_ascii_lowercase().as_str()) {
        end -= 1;
    }
    let noun = end
        .checked_sub(1)
        .map(|i| doc.token(base + i))
        .filter(|n| n.upos() == Upos::Noun);
    if let Some(n) = noun {
        end = n.i() - base;
    }
    let fig = (end.saturating_sub(6)..end)
        .filter_map(|i| figure_at(words_of, i))
        .find(|f| f.last + 1 == end && !not_a_count(words_of, f))?;
    let last = noun.map_or(base + fig.last, |n| n.i());
    Some(to_quantity(doc, s, &fig, last, noun.and_then(unit_of)))
}
