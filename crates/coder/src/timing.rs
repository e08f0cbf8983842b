//! When: time expressions of a sentence located in the parse, the date each event takes, and
//! the report's news peg.

use crate::code::{DocContext, subtree};
use crate::dates::{Direction, Interval, TimeExpr, TimeKind, find_times, resolve};
use crate::measure::sentence_words;
use crate::triggers::has_case;
use attache_event::{EventDate, Modality};
use attache_nlp::{Doc, Sentence, Token, Upos};
use chrono::NaiveDate;

/// The report's news peg: the time expression of its lead sentence, which a reader applies to
/// the report's undated events ("accelerated on Tuesday" ... "Italy announced").
#[derive(Debug, Clone)]
pub struct Peg {
    pub text: String,
    pub interval: Interval,
}

/// A time expression of the sentence with the token it attaches to.
pub(crate) struct Timed {
    pub expr: TimeExpr,
    /// Doc-level token indices of the expression.
    pub first: usize,
    pub last: usize,
    pub attach: Option<usize>,
}

pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn event_date(text: String, interval: Option<Interval>, inherited: bool) -> EventDate {
    EventDate {
        start: interval.map(|i| iso(i.start)),
        end: interval.map(|i| iso(i.end)),
        text,
        resolved: interval.is_some(),
        inherited,
    }
}

impl DocContext<'_> {
    /// The time expressions of a sentence, located in the parse.
    pub(crate) fn times(&self, s: &Sentence<'_>, words: &[&str]) -> Vec<Timed> {
        let base = s.token_range().start;
        let mut out: Vec<Timed> = find_times(words)
            .into_iter()
            .map(|expr| {
                let (first, last) = (base + expr.first, base + expr.last);
                let attach = (first..=last)
                    .map(|i| self.doc.token(i))
                    .find(|t| t.head().is_none_or(|h| h.i() < first || h.i() > last))
                    .and_then(|t| t.head())
                    .map(|h| h.i());
                Timed {
                    expr,
                    first,
                    last,
                    attach,
                }
            })
            .collect();
        // "since the invasion of Ukraine": a period with no calendar anchor.
        for t in s.tokens() {
            let is_since = t.deprel().starts_with("obl")
                && has_case(t, &["since"])
                && !out.iter().any(|x| x.first <= t.i() && t.i() <= x.last)
                && t.upos() != Upos::Num;
            if is_since {
                let sub = subtree(t);
                let first = sub.first().map_or(t.i(), |x| x.i());
                let last = sub.last().map_or(t.i(), |x| x.i());
                out.push(Timed {
                    expr: TimeExpr {
                        kind: TimeKind::SinceEvent,
                        first: first - base,
                        last: last - base,
                        since: true,
                    },
                    first,
                    last,
                    attach: t.head().map(|h| h.i()),
                });
            }
        }
        out
    }

    pub(crate) fn time_text(&self, t: &Timed) -> (String, [usize; 2]) {
        let lo = self.doc.token(t.first).span().start;
        let hi = self.doc.token(t.last).span().end;
        (self.span_text(lo, hi), [lo, hi])
    }
}

/// `t` and the tokens above it, nearest first, at most 200 (a bound against malformed trees).
pub(crate) fn ancestors(t: Token<'_>) -> impl Iterator<Item = Token<'_>> {
    std::iter::successors(Some(t), |x| x.head()).take(200)
}

/// Steps from `t` up to `anc` (large when `anc` is not above `t`).
pub(crate) fn depth_between(anc: Token<'_>, t: Token<'_>) -> usize {
    let mut cur = Some(t);
    let mut n = 0;
    while let Some(c) = cur {
        if c.i() == anc.i() {
            return n;
        }
        n += 1;
        if n > 200 {
            break;
        }
        cur = c.head();
    }
    usize::MAX
}

/// The date of a frame from its time expressions (a day before a range), else the news peg.
pub(crate) fn pick_date(
    cx: &DocContext<'_>,
    mine: &[&Timed],
    dir: Direction,
    modality: Modality,
) -> Option<(EventDate, Option<Interval>)> {
    let mut best: Option<(EventDate, Option<Interval>, i64)> = None;
    for t in mine {
        let (text, _) = cx.time_text(t);
        let interval = resolve(&t.expr, cx.published, dir);
        let width = interval.map_or(i64::MAX, |i| (i.end - i.start).num_days());
        if best.as_ref().is_none_or(|b| width < b.2) {
            best = Some((event_date(text, interval, false), interval, width));
        }
    }
    if let Some((d, i, _)) = best {
        return Some((d, i));
    }
    // A reader dates an undated event the report tells as done by the report's news peg.
    match (&cx.peg, modality) {
        (Some(peg), Modality::Asserted) => Some((
            event_date(peg.text.clone(), Some(peg.interval), true),
            Some(peg.interval),
        )),
        _ => None,
    }
}

/// The peg of a document: the first time expression of its lead sentence that names one day.
pub fn find_peg(doc: &Doc, published: Option<NaiveDate>) -> Option<Peg> {
    let lead = doc.sentences().next()?;
    let words = sentence_words(&lead);
    let base = lead.token_range().start;
    find_times(&words).into_iter().find_map(|t| {
        let i = resolve(&t, published, Direction::Past)?;
        if i.start != i.end {
            return None;
        }
        let lo = doc.token(base + t.first).span().start;
        let hi = doc.token(base + t.last).span().end;
        Some(Peg {
            text: doc.text()[lo..hi].to_string(),
            interval: i,
        })
    })
}
