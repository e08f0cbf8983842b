//! The figure attached to an event's participants: "30 Russian diplomats", "a total of 80",
//! "the number of ... to at least 300", "Russia's ambassador" (one), "seven of whom have
//! diplomatic status" (a further figure for the same event).

use crate::frames::Frame;
use crate::numbers::{Figure, figure_at, find_figures};
use crate::triggers::{has_case, trigger_lemma};
use attache_event::{Qualifier, Quantity};
use attache_nlp::{Doc, Sentence, Token, Upos};

/// Figures of one event.
#[derive(Debug, Default, Clone)]
pub struct Measured {
    pub quantity: Option<Quantity>,
    pub others: Vec<Quantity>,
    /// The figure totals several actions: "a total of", "the number of ... to 300".
    pub total: bool,
}

/// Words of a sentence, for the word-level readers (numbers, times).
pub fn sentence_words<'d>(s: &Sentence<'d>) -> Vec<&'d str> {
    s.tokens().map(|t| t.text()).collect()
}

fn to_quantity(
    doc: &Doc,
    s: &Sentence<'_>,
    fig: &Figure,
    end_tok: usize,
    unit: Option<String>,
) -> Quantity {
    let base = s.token_range().start;
    let start = doc.token(base + fig.first).span().start;
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
    matches!(head.upos(), Upos::Noun).then(|| trigger_lemma(head))
}

/// Figures whose number lies in `lo..=hi` (sentence-relative word indices).
fn figures_in(words: &[&str], lo: usize, hi: usize) -> Vec<Figure> {
    // Start a little earlier so qualifiers ("at least") before the phrase are read too.
    let from = lo.saturating_sub(3);
    let mut out: Vec<Figure> = Vec::new();
    let mut i = from;
    while i <= hi && i < words.len() {
        if let Some(f) = figure_at(words, i) {
            if f.number_first >= lo && f.number_first <= hi {
                out.push(f.clone());
            }
            i = f.last + 1;
        } else {
            i += 1;
        }
    }
    out
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
    let Some(&patient) = frame.patients.first() else {
        return out;
    };
    let unit = unit_of(patient);
    let phrase_start = frame.collective.unwrap_or(patient);
    let core = crate::actors::core_tokens(phrase_start);
    let lo = core.iter().map(|t| t.i()).min().unwrap_or(patient.i()) - base;
    let hi = patient.i() - base;
    let figs = figures_in(words, lo, hi);
    if let Some(fig) = figs.last() {
        out.total = fig.total;
        out.quantity = Some(to_quantity(doc, s, fig, patient.i(), unit.clone()));
    } else if let Some(coll) = frame.collective {
        // "bring the number of X ... to at least 300": the figure hangs on the verb.
        out.total = true;
        // The parse may hang "to 300" on the clause verb or on the participle itself.
        let holders = coll.head().into_iter().chain([frame.trigger]);
        for verb in holders {
            for obl in verb
                .children()
                .filter(|c| c.deprel().starts_with("obl") && has_case(*c, &["to", "at"]))
            {
                let sub = crate::actors::core_tokens(obl);
                let lo = sub.iter().map(|t| t.i()).min().unwrap_or(obl.i()) - base;
                if let Some(fig) = figures_in(words, lo, obl.i() - base).last() {
                    out.quantity = Some(to_quantity(doc, s, fig, base + fig.last, unit.clone()));
                }
            }
            if out.quantity.is_some() {
                break;
            }
        }
    } else if patient.xpos() == "NN"
        && is_role(patient)
        && patient
            .children()
            .any(|c| matches!(c.deprel(), "det" | "nmod:poss"))
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

/// "14 staff, seven of whom have diplomatic status": a subset figure in a relative clause.
fn subset_figures(doc: &Doc, s: &Sentence<'_>, words: &[&str], head: Token<'_>) -> Vec<Quantity> {
    let base = s.token_range().start;
    let mut out = Vec::new();
    for rel in head.children().filter(|c| c.deprel().starts_with("acl")) {
        let Some(subj) = rel
            .children()
            .find(|c| c.deprel().starts_with("nsubj") && c.upos() == Upos::Num)
        else {
            continue;
        };
        let of_whom = subj.children().any(|c| {
            c.deprel().starts_with("nmod")
                && matches!(
                    c.text().to_ascii_lowercase().as_str(),
                    "whom" | "which" | "them"
                )
        });
        if !of_whom {
            continue;
        }
        let Some(fig) = find_figures(&words[subj.i() - base..=subj.i() - base]).pop() else {
            continue;
        };
        let fig = Figure {
            first: fig.first + subj.i() - base,
            last: fig.last + subj.i() - base,
            number_first: fig.number_first + subj.i() - base,
            ..fig
        };
        // The subset's unit from what it has: "diplomatic status" -> diplomat.
        let unit = rel
            .children()
            .find(|c| c.deprel() == "obj")
            .and_then(|o| {
                o.children()
                    .find(|c| c.deprel() == "amod")
                    .map(|a| status_unit(&trigger_lemma(a)))
            })
            .or_else(|| unit_of(head));
        let end = rel.span().end.max(
            rel.children()
                .map(|c| {
                    crate::actors::core_tokens(c)
                        .last()
                        .map_or(0, |t| t.span().end)
                })
                .max()
                .unwrap_or(0),
        );
        let start = doc.token(base + fig.first).span().start;
        out.push(Quantity {
            value: fig.value,
            max: fig.max,
            unit,
            qualifier: fig.qualifier,
            text: doc.text()[start..end].to_string(),
            span: [start, end],
        });
    }
    out
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
