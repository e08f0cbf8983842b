//! The date finder on its own: every time expression of a document with its TimeML value
//! (`2022-04-05`, `2022-W14`, `2022-Q1`, `PAST_REF`), read by the tense of the clause it
//! modifies. `attache eval dates` scores this against TimeML gold; the coder dates events with
//! the same expressions and the same resolution.

use crate::dates::{Direction, Interval, TimeExpr, TimeKind, find_times, resolve};
use crate::timewords::{Unit, extra_value};
use crate::tree::ancestors;
use crate::words::{WordClass, is};
use attache_nlp::{Deprel, Doc, Token, Upos};
use chrono::{Datelike, NaiveDate};

/// A date expression found in a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte span of the expression proper (without a leading "on", "in", "as of").
    pub span: [usize; 2],
    pub text: String,
    /// TimeML value (`2022-04-05`, `2022-04`, `2022`, `2022-W14`, `2022-Q1`, `2022-SU`, `199`,
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`), or `None` when the text gives no anchor.
    pub value: Option<String>,
    /// Whether the clause the expression modifies tells of the future.
    pub future: bool,
}

/// Every date expression of an analysed document, resolved against `published`. The words are
/// read across sentence breaks (a splitter may break "Feb. 1" after "Feb.").
pub fn find_dates(doc: &Doc, published: Option<NaiveDate>) -> Vec<FoundDate> {
    let words: Vec<&str> = doc.tokens().map(|t| t.text()).collect();
    let mut out = Vec::new();
    // The quarter a report is about, which "the quarter" and "a year earlier" refer to.
    let mut reported: Option<Interval> = None;
    for expr in find_times(&words) {
        let dir = attach_of(doc, expr.first, expr.last)
            .and_then(clause_direction)
            .unwrap_or(Direction::Nearest);
        let mut value = timeml_value(&expr, published, dir);
        if let Some(q) = reported {
            value = refer_to_quarter(&expr.kind, q).or(value);
        }
        if let Some(interval) = resolve(&expr, published, dir)
            && matches!(expr.kind, TimeKind::Quarter { .. })
        {
            reported = Some(interval);
        }
        let lo = doc.token(expr.core).span().start;
        let hi = doc.token(expr.last).span().end;
        out.push(FoundDate {
            span: [lo, hi],
            text: doc.text()[lo..hi].to_string(),
            value,
            future: dir == Direction::Future,
        });
    }
    out
}

/// "the quarter" and "a year earlier" in a report about a quarter: that quarter, or the same
/// quarter a year before.
fn refer_to_quarter(kind: &TimeKind, q: Interval) -> Option<String> {
    let (y, n) = (q.start.year(), q.start.month0() / 3 + 1);
    match kind {
        TimeKind::QuarterRel(-1, false) => Some(format!("{y}-Q{n}")),
        TimeKind::QuarterRel(-1, true)
        | TimeKind::Ago {
            unit: Unit::Year,
            n: 1,
        } => Some(format!("{}-Q{n}", y - 1)),
        _ => None,
    }
}

/// The token outside `first..=last` that the expression hangs on.
pub(crate) fn attach_of(doc: &Doc, first: usize, last: usize) -> Option<Token<'_>> {
    (first..=last)
        .map(|i| doc.token(i))
        .find(|t| t.head().is_none_or(|h| h.i() < first || h.i() > last))
        .and_then(|t| t.head())
}

/// The TimeML value of an expression: the resolved interval written at the expression's
/// granularity.
pub(crate) fn timeml_value(
    expr: &TimeExpr,
    published: Option<NaiveDate>,
    dir: Direction,
) -> Option<String> {
    use crate::dates::TimeKind as K;
    let i = resolve(
        &TimeExpr {
            since: false,
            ..expr.clone()
        },
        published,
        dir,
    );
    let base = matches!(
        expr.kind,
        K::Iso(_)
            | K::RelativeDay(_)
            | K::Weekday(..)
            | K::MonthDay { .. }
            | K::Month { .. }
            | K::Month_(_)
            | K::Year(_)
            | K::YearRel(_)
            | K::Week(_)
            | K::Recent { .. }
    );
    if !base {
        return extra_value(&expr.kind, i);
    }
    let i = i?;
    Some(match &expr.kind {
        K::Iso(_) | K::RelativeDay(_) | K::Weekday(..) | K::MonthDay { .. } => {
            i.start.format("%Y-%m-%d").to_string()
        }
        K::Month { .. } | K::Month_(_) => i.start.format("%Y-%m").to_string(),
        K::Year(_) | K::YearRel(_) => i.start.format("%Y").to_string(),
        K::Week(_) => i.start.format("%G-W%V").to_string(),
        K::Recent { .. } => "PAST_REF".to_string(),
        _ => return None,
    })
}

/// Whether the clause of `t` tells of what is to come or of what was: "will hold talks on
/// Friday", "is scheduled to take place on February 20" point forward; "met on Friday" back.
/// `None` when the verb does not say (a present tense, a verbless headline).
pub(crate) fn clause_direction(t: Token<'_>) -> Option<Direction> {
    let verb = ancestors(t).take(2).find(|x| is_predicate(*x))?;
    let mut v = verb;
    for _ in 0..4 {
        if let Some(d) = own_tense(v) {
            return Some(d);
        }
        // Coordinated verbs share their tense; an infinitive under a planning verb is to come.
        match v.rel() {
            Deprel::Conj => v = v.head()?,
            Deprel::Xcomp => {
                let gov = v.head()?;
                if is_planning(gov) {
                    return Some(Direction::Future);
                }
                v = gov;
            }
            _ => return None,
        }
    }
    None
}

fn is_predicate(t: Token<'_>) -> bool {
    matches!(t.upos(), Upos::Verb | Upos::Aux) || t.children().any(|c| c.rel() == Deprel::Cop)
}

fn is_planning(t: Token<'_>) -> bool {
    let lemma = t.lemma().to_ascii_lowercase();
    is(WordClass::Planning, &lemma) || is(WordClass::Scheduled, &lemma)
}

/// The tense the verb's own form and auxiliaries mark.
fn own_tense(v: Token<'_>) -> Option<Direction> {
    let mut past = v.xpos() == "VBD";
    for c in v.children() {
        if !c.rel().is_aux() && c.rel() != Deprel::Cop {
            continue;
        }
        let w = c.text().to_ascii_lowercase();
        if is(WordClass::FutureTenseAux, &w) {
            return Some(Direction::Future);
        }
        if c.xpos() == "VBD" || is(WordClass::PastTenseAux, &w) {
            past = true;
        }
    }
    past.then_some(Direction::Past)
}
