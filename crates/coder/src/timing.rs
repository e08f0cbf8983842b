//! When: time expressions of a sentence located in the parse, the date each event takes, and
//! the report's news peg.

use crate::context::{DocContext, Peg};
use crate::dates::{Direction, Interval, TimeExpr, TimeKind, find_times, resolve};
use crate::frames::Frame;
use crate::layout::Layout;
use crate::measure::sentence_words;
use crate::prospect::{dates_the_saying, is_prospective};
use crate::timekind::is_clock_time;
use crate::timex::clause_direction;
use crate::tree::{ancestors, coordinated, depth_between, dominates, has_case, subtree};
use crate::words::{WordClass, is};
use attache_event::{EventDate, Modality};
use attache_nlp::{Deprel, Doc, Sentence, Token, Upos};
use chrono::NaiveDate;
use std::collections::HashMap;

/// A time expression of the sentence with the token it attaches to.
pub(crate) struct Timed {
    pub expr: TimeExpr,
    /// Doc-level token indices of the expression.
    pub first: usize,
    pub last: usize,
    pub attach: Option<usize>,
}

fn event_date(text: String, interval: Option<Interval>, inherited: bool) -> EventDate {
    EventDate {
        start: interval.map(|i| i.start),
        end: interval.map(|i| i.end),
        text,
        resolved: interval.is_some(),
        inherited,
        precision: interval.map(|i| attache_event::DatePrecision::of(i.start, i.end)),
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
                    .map(|h| self.past_clock(base, words, h));
                Timed {
                    expr,
                    first,
                    last,
                    attach,
                }
            })
            .filter(|t| !describes_a_noun(self.doc, t))
            .collect();
        // "since the invasion of Ukraine": a period with no calendar anchor.
        for t in s.tokens() {
            // A "since" the tagger reads as a conjunction opens a clause of reason ("since only
            // a third of children do sport"), not a period.
            let as_conjunction = t.children().any(|c| {
                c.rel() == Deprel::Case
                    && c.upos() == Upos::Sconj
                    && c.text().eq_ignore_ascii_case("since")
            });
            let is_since = t.rel().is_obl()
                && has_case(t, &["since"])
                && !as_conjunction
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
                        core: first - base,
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

    /// A day hung on a clock time ("at 0900 local time on Monday") modifies what the clock
    /// time modifies.
    fn past_clock(&self, base: usize, words: &[&str], h: Token<'_>) -> usize {
        let clock = |t: Token<'_>| is_clock_time(words, t.i() - base);
        let is_clock = clock(h) || h.children().any(|c| c.rel() == Deprel::Nummod && clock(c));
        match h.head() {
            Some(up) if is_clock => up.i(),
            _ => h.i(),
        }
    }

    pub(crate) fn time_text(&self, t: &Timed) -> (String, [usize; 2]) {
        let lo = self.doc.token(t.first).span().start;
        let hi = self.doc.token(t.last).span().end;
        (self.span_text(lo, hi), [lo, hi])
    }
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
        // The tense of the clause the expression modifies reads it ("agreed to withdraw by
        // February 27" looks forward from a past verb); the event's own direction otherwise.
        let own = t
            .attach
            .and_then(|a| clause_direction(cx.doc.token(a)))
            .unwrap_or(dir);
        let interval = resolve(&t.expr, cx.published, own);
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
/// The lead is the first sentence with a verb of its own: a heading or a photo caption
/// ("Image caption Protesters in Kiev, 2014") lends no date to the story, nor does a line that
/// is not news (`layout`: a heading or byline line that shares the lead's sentence).
pub(crate) fn find_peg(doc: &Doc, published: Option<NaiveDate>, layout: &Layout) -> Option<Peg> {
    let lead = doc
        .sentences()
        .filter(|s| !layout.covers_all(s.span()))
        .take(4)
        .find(|s| !is_caption_or_heading(s))?;
    let words = sentence_words(&lead);
    let base = lead.token_range().start;
    find_times(&words).into_iter().find_map(|t| {
        let i = resolve(&t, published, Direction::Past)?;
        if i.start != i.end || published.is_some_and(|p| i.start > p) {
            return None;
        }
        // Nor the time of an announced or planned act ("will hold talks on Thursday", "next
        // Sunday"): the peg is when the news happened, which is never after it is reported.
        let attach = crate::timex::attach_of(doc, base + t.first, base + t.last).map(|a| a.i());
        if is_prospective(doc, attach) {
            return None;
        }
        // The peg dates the lead's telling, not a noun of it ("a target date of March 23").
        if (base + t.first..=base + t.last).any(|i| is_of_complement(doc.token(i))) {
            return None;
        }
        let lo = doc.token(base + t.first).span().start;
        let hi = doc.token(base + t.last).span().end;
        if layout.covers(lo) {
            return None;
        }
        Some(Peg {
            text: doc.text()[lo..hi].to_string(),
            interval: i,
        })
    })
}

/// A sentence that is a caption ("Image caption ...", "Photo: ...") or has no finite verb of
/// its own (a heading).
fn is_caption_or_heading(s: &Sentence<'_>) -> bool {
    let first = s.tokens().next().map(|t| t.text().to_ascii_lowercase());
    let caption = first.is_some_and(|w| is(WordClass::CaptionStart, &w))
        && s.tokens()
            .nth(1)
            .is_some_and(|t| is(WordClass::CaptionSecond, &t.text().to_ascii_lowercase()));
    let verb = s.root().is_some_and(|r| {
        matches!(r.upos(), Upos::Verb | Upos::Aux) || r.children().any(|c| c.rel() == Deprel::Cop)
    });
    caption || !verb
}

/// Which time expressions date which frame, as indices into `times` per frame index: each
/// expression goes to the nearest frame whose clause it modifies (frames with a known doer
/// first); one the parse hung on no event's clause dates the nearest event before it and the
/// events coordinated with that one; a sentence's only expression dating a noun ("the poisoning
/// ... in 2018, after the West expelled ...") dates an event that has none.
pub(crate) fn assign_times(
    doc: &Doc,
    frames: &[Frame<'_>],
    doers: &[(usize, bool)],
    times: &[Timed],
    repeat_verbs: &[Token<'_>],
) -> Vec<Vec<usize>> {
    // Time expressions each go to the nearest coded frame whose clause they modify.
    // Events with a known doer claim time expressions before templates without one do.
    let index = FrameIndex::new(frames, doers);
    let mut owners: Vec<Option<usize>> = times.iter().map(|t| index.owner_of(doc, t)).collect();
    let shared = date_by_nearest_before(doc, frames, doers, times, repeat_verbs, &mut owners);
    let mut dated: Vec<Vec<usize>> = vec![Vec::new(); frames.len()];
    for (ti, owner) in owners.iter().enumerate() {
        if let Some(k) = owner {
            dated[*k].push(ti);
        }
    }
    for (ti, k) in shared {
        dated[k].push(ti);
    }
    let coded_empty: Vec<usize> = doers.iter().filter(|(_, d)| !d).map(|(k, _)| *k).collect();
    let nominal = |t: &Timed| {
        t.attach
            .is_some_and(|a| matches!(doc.token(a).upos(), Upos::Noun | Upos::Propn))
    };
    let unclaimed = |o: Option<usize>| o.is_none_or(|o| coded_empty.contains(&o));
    // ... unless the noun is a participant of the event ("called for an election in
    // September": the call is not in September) or the time is a noun's "of" complement
    // ("a target date of March 23").
    let of_noun = |t: &Timed| (t.first..=t.last).any(|i| is_of_complement(doc.token(i)));
    if times.len() == 1 && unclaimed(owners[0]) && nominal(&times[0]) && !of_noun(&times[0]) {
        let noun = doc.token(times[0].attach.unwrap_or(times[0].first));
        for (k, _) in doers {
            let anchor = frames[*k].anchor;
            if dated[*k].is_empty() && !dominates(anchor, noun) && !in_noun_clause(noun, anchor) {
                dated[*k].push(0);
            }
        }
    }
    dated
}

/// Which coded frames sit under which token, found once: a run-on sentence with hundreds of
/// events and dates must not cost events x dates x depth.
struct FrameIndex<'f, 'd> {
    frames: &'f [Frame<'d>],
    doers: &'f [(usize, bool)],
    /// Token index -> (frame index, depth of the frame's anchor below the token).
    under: HashMap<usize, Vec<(usize, usize)>>,
    /// Trigger token index -> frame index.
    by_trigger: HashMap<usize, usize>,
}

impl<'f, 'd> FrameIndex<'f, 'd> {
    fn new(frames: &'f [Frame<'d>], doers: &'f [(usize, bool)]) -> Self {
        let mut under: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
        let mut by_trigger = HashMap::new();
        for (k, _) in doers {
            for (depth, anc) in ancestors(frames[*k].anchor).enumerate() {
                under.entry(anc.i()).or_default().push((*k, depth));
            }
            by_trigger.insert(frames[*k].trigger.i(), *k);
        }
        FrameIndex {
            frames,
            doers,
            under,
            by_trigger,
        }
    }

    fn has_doer(&self, k: usize) -> bool {
        self.doers.iter().any(|(j, d)| *j == k && *d)
    }

    /// The frame a time expression dates by the parse: the nearest whose clause it modifies,
    /// frames with a known doer first.
    fn owner_of(&self, doc: &Doc, t: &Timed) -> Option<usize> {
        let frames = self.frames;
        let a = doc.token(t.attach?);
        // Frames whose clause the expression modifies ("Finland said on Monday it would
        // expel": the day of saying does not date what is reported) ...
        let mut candidates: Vec<(usize, usize)> = self
            .under
            .get(&a.i())
            .into_iter()
            .flatten()
            .filter(|(k, _)| {
                // ... except that an announcement is dated by its saying ("said on Monday it
                // would hold talks").
                let says = dates_the_saying(&frames[*k], a);
                (a.i() == frames[*k].anchor.i() || !is_saying(a) || says)
                    && (says || !in_complement(frames[*k].anchor, a))
            })
            .copied()
            .collect();
        // ... and frames whose trigger phrase contains it ("the expulsion on Monday of"), up
        // to the first other noun with a preposition of its own ("called for an election in
        // September", "ahead of a target date of March 23": the date is that noun's).
        let mut nouns = 0;
        candidates.extend(
            ancestors(a)
                .take_while(|x| {
                    let other_noun = x.upos() == Upos::Noun
                        && !self.by_trigger.contains_key(&x.i())
                        && x.children().any(|c| c.rel() == Deprel::Case);
                    nouns += usize::from(other_noun);
                    nouns == 0
                })
                .filter_map(|x| self.by_trigger.get(&x.i()))
                .filter(|k| !in_noun_clause(a, frames[**k].anchor))
                .map(|k| (*k, depth_between(a, frames[*k].anchor))),
        );
        candidates
            .into_iter()
            .min_by_key(|(k, depth)| (!self.has_doer(*k), *depth))
            .map(|(k, _)| k)
    }
}

/// A time expression the parse hung on no event's clause ("... expel 14 staff, seven of whom
/// have diplomatic status, as of April 30") dates the nearest event before it in the text
/// (set in `owners`), and the events coordinated with that one (returned as (time index,
/// frame index) pairs).
fn date_by_nearest_before(
    doc: &Doc,
    frames: &[Frame<'_>],
    doers: &[(usize, bool)],
    times: &[Timed],
    repeat_verbs: &[Token<'_>],
    owners: &mut [Option<usize>],
) -> Vec<(usize, usize)> {
    let mut shared = Vec::new();
    for (ti, t) in times.iter().enumerate() {
        let verbal = t
            .attach
            .is_some_and(|a| !matches!(doc.token(a).upos(), Upos::Noun | Upos::Propn));
        if owners[ti].is_some() || !verbal || keeps_own_time(doc, t, repeat_verbs) {
            continue;
        }
        let nearest = doers
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| frames[*k].trigger.i() < t.first)
            .max_by_key(|k| frames[*k].trigger.i());
        // A time of what is to come ("contracts which his government will offer next year")
        // does not date an event told as done before it.
        let nearest = nearest.filter(|n| {
            frames[*n].modality != Modality::Asserted || !is_prospective(doc, t.attach)
        });
        // Nor does the time of a clause that describes a noun ("laws coming into force on 1
        // January", "the row, which led to filings last autumn").
        let nearest = nearest
            .filter(|n| !in_noun_clause(doc.token(t.attach.unwrap_or(t.first)), frames[*n].anchor));
        if let Some(n) = nearest {
            owners[ti] = Some(n);
            let near = frames[n].anchor;
            for (k, _) in doers {
                if *k != n && coordinated(frames[*k].anchor, near) {
                    shared.push((ti, *k));
                }
            }
        }
    }
    shared
}

/// A clause with its own subject, or one that repeats an event, keeps its time.
fn keeps_own_time(doc: &Doc, t: &Timed, repeat_verbs: &[Token<'_>]) -> bool {
    t.attach.is_some_and(|a| {
        let a = doc.token(a);
        // A relative clause ("seven of whom have ...") belongs to its noun, not a new event.
        let relative = a.rel().is_acl()
            || a.children().any(|c| {
                c.rel() == Deprel::Nsubj
                    && (c.upos() == Upos::Num
                        || matches!(
                            c.text().to_ascii_lowercase().as_str(),
                            "who" | "which" | "that"
                        ))
            });
        (!relative && a.children().any(|c| c.rel() == Deprel::Nsubj))
            || repeat_verbs.iter().any(|v| dominates(*v, a))
    })
}

/// Whether `x` sits in a clause that describes a noun (a relative clause, a participle or a
/// noun's content clause: "laws coming into force on 1 January", "reports that he is planning
/// an election for February") which does not hold `anchor`: the time of that clause is its
/// own. A partitive aside ("14 staff, seven of whom have diplomatic status, as of April 30")
/// is no such clause: the parse hangs the sentence's trailing time on it.
fn in_noun_clause(x: Token<'_>, anchor: Token<'_>) -> bool {
    ancestors(x).any(|c| {
        c.rel().is_acl()
            && matches!(c.upos(), Upos::Verb | Upos::Aux)
            && !dominates(c, anchor)
            && !is_partitive_aside(c)
    })
}

/// "seven of whom have ...", "some of which were ...": a clause whose subject is a part of
/// the noun it hangs on.
fn is_partitive_aside(clause: Token<'_>) -> bool {
    clause.children().any(|c| {
        c.rel().is_subject()
            && (c.upos() == Upos::Num
                || c.children()
                    .any(|w| matches!(w.text().to_ascii_lowercase().as_str(), "whom" | "which")))
    })
}

/// Whether `t` sits in a complement clause below `top` ("ruled in 2007 that the 1995
/// massacre ..."): the time of the governing verb does not date what its complement reports.
fn in_complement(t: Token<'_>, top: Token<'_>) -> bool {
    ancestors(t).take_while(|x| x.i() != top.i()).any(|x| {
        matches!(
            x.rel(),
            Deprel::Ccomp | Deprel::Csubj | Deprel::Parataxis | Deprel::Advcl
        ) || x.rel().is_acl()
    })
}

/// A one-word reference ("now", "recently") that modifies a noun or an adjective, not a
/// clause: "Jack Straw, now foreign secretary", "his wife, now a Labour MEP", "a now infamous
/// meal" say when a description holds, not when any event happened. A predicate noun or
/// adjective ("he is now very relieved") is a clause.
fn describes_a_noun(doc: &Doc, t: &Timed) -> bool {
    let Some(head) = t.attach.map(|a| doc.token(a)) else {
        return false;
    };
    matches!(t.expr.kind, TimeKind::Reference(_))
        && t.first == t.last
        && doc.token(t.first).rel() == Deprel::Advmod
        && matches!(head.upos(), Upos::Noun | Upos::Propn | Upos::Adj)
        && !head.children().any(|c| c.rel() == Deprel::Cop)
}

/// "(a target date) of March 23": a noun's complement, which dates that noun.
fn is_of_complement(x: Token<'_>) -> bool {
    x.rel().is_nmod() && has_case(x, &["of"])
}

/// Verbs that report speech rather than perform an act.
fn is_saying(t: Token<'_>) -> bool {
    is(WordClass::Reporting, &crate::tree::lemma(t))
}
