//! The event passes of a sentence: which time expressions date which frame, the events of the
//! coded frames (dates, places, attribution; one event per coordinated actor), and the events
//! a reference to an earlier one repeats with new actors.

use crate::dates::{Direction, Interval};
use crate::discourse::Discourse;
use crate::frames::Repeat;
use crate::frames::{Frame, frame_span};
use crate::measure::Coded;
use crate::merge::Found;
use crate::prospect::{is_planned_time, is_prospective, told_as_past};
use crate::sentence::SentenceCx;
use crate::timing::{Timed, assign_times, pick_date};
use crate::tree::{dominates, subtree};
use attache_event::{Actor, Event, EventDate, Mention, Modality, Trigger};
use attache_nlp::Token;

/// Times pass: for each frame (by index), the indices into the sentence's time expressions
/// that date it.
pub(crate) fn date_frames(
    sx: &SentenceCx<'_, '_>,
    frames: &[Frame<'_>],
    coded: &[Coded],
    repeats: &[Repeat<'_>],
) -> Vec<Vec<usize>> {
    let doers: Vec<(usize, bool)> = coded
        .iter()
        .map(|c| (c.frame, !c.actors.is_empty()))
        .collect();
    let repeat_verbs: Vec<Token<'_>> = repeats.iter().map(|(v, _)| *v).collect();
    assign_times(sx.cx.doc, frames, &doers, &sx.times, &repeat_verbs)
}

/// Events pass: the events of the coded frames, appended to `out`. Returns the sentence's
/// expulsion, if it has one, as the template a distributive list splits.
pub(crate) fn build_events(
    sx: &SentenceCx<'_, '_>,
    frames: &[Frame<'_>],
    coded: Vec<Coded>,
    dated: &[Vec<usize>],
    out: &mut Vec<Found>,
) -> Option<Found> {
    let mut template: Option<Found> = None;
    for c in coded {
        let frame = &frames[c.frame];
        let mine: Vec<&Timed> = dated[c.frame].iter().map(|&ti| &sx.times[ti]).collect();
        let (event, interval) = frame_event(sx, frame, c, &mine);
        let codes = event.actor_codes().len();
        let expulsion = is_expulsion(event.mode.as_deref());
        if codes > 1 {
            split_by_actor(event, interval, out);
        } else if event.actors.is_empty() && expulsion {
            template = template.or(Some(Found::new(event, interval)));
        } else {
            if expulsion {
                template = template.or(Some(Found::new(event.clone(), interval)));
            }
            out.push(Found::new(event, interval));
        }
    }
    template
}

fn is_expulsion(mode: Option<&str>) -> bool {
    matches!(mode, Some("expel" | "deport"))
}

/// Several actors of different countries: one group total (when the figure is theirs
/// together), and one event per actor without the total.
fn split_by_actor(event: Event, interval: Option<Interval>, out: &mut Vec<Found>) {
    let aggregate = event.aggregate;
    if aggregate {
        out.push(Found::new(event.clone(), interval));
    }
    for a in &event.actors {
        let mut e = event.clone();
        e.actors = vec![a.clone()];
        e.aggregate = false;
        if aggregate {
            e.quantity = None;
            e.other_quantities.clear();
            e.casualties = Default::default();
        }
        out.push(Found::new(e, interval));
    }
}

/// The dates of a frame: the event's own and, for an asserted announcement, promise or threat,
/// when the announced act is to happen.
struct FrameDates {
    date: Option<(EventDate, Option<Interval>)>,
    planned: Option<EventDate>,
    modality: Modality,
}

/// The dates of a frame from its time expressions, read forward for plans and future clauses.
/// An asserted event is dated by the time of its act or saying, never by the time of what it
/// announces ("will hold talks on Thursday": the AGREE is asserted now, the talks are planned
/// for Thursday); an event the report dates after its own publication is told as to come.
fn frame_date(sx: &SentenceCx<'_, '_>, frame: &Frame<'_>, mine: &[&Timed]) -> FrameDates {
    let future = crate::timex::clause_direction(frame.anchor) == Some(Direction::Future);
    let dir = if frame.modality == Modality::Planned || future {
        Direction::Future
    } else {
        Direction::Past
    };
    let doc = sx.cx.doc;
    // "is due to face trial in March": the event's own clause tells of what is to come.
    let to_come = frame.modality == Modality::Asserted
        && !frame.recoded
        && mine
            .iter()
            .any(|t| t.attach == Some(frame.anchor.i()) && is_prospective(doc, t.attach));
    if frame.modality != Modality::Asserted || to_come {
        let modality = if to_come {
            Modality::Planned
        } else {
            frame.modality
        };
        return FrameDates {
            date: pick_date(sx.cx, mine, dir, modality),
            planned: None,
            modality,
        };
    }
    let (ahead, own): (Vec<&Timed>, Vec<&Timed>) = mine
        .iter()
        .partition(|t| is_planned_time(doc, frame, t.attach, t.expr.since));
    let mut planned = pick_date(sx.cx, &ahead, Direction::Future, Modality::Planned).map(|d| d.0);
    // An announcement is made when it is said: its own times read back.
    let own_dir = if frame.recoded { Direction::Past } else { dir };
    let mut date = pick_date(sx.cx, &own, own_dir, Modality::Asserted);
    let mut modality = Modality::Asserted;
    let after = date
        .as_ref()
        .and_then(|d| d.1)
        .zip(sx.cx.published)
        .is_some_and(|(i, p)| i.start > p);
    if after {
        if frame.recoded || told_as_past(frame) {
            // "agreed ..., extending its support until 2007": the time of what was agreed.
            planned = planned.or(date.map(|d| d.0));
            date = pick_date(sx.cx, &[], own_dir, Modality::Asserted);
        } else {
            // "when it meets next week": a report cannot tell as done what it dates later.
            modality = Modality::Planned;
        }
    }
    FrameDates {
        date,
        planned,
        modality,
    }
}

/// The event of one coded frame, with the interval its date resolves to.
fn frame_event(
    sx: &SentenceCx<'_, '_>,
    frame: &Frame<'_>,
    coded: Coded,
    mine: &[&Timed],
) -> (Event, Option<Interval>) {
    let cx = sx.cx;
    let Coded {
        mut actors,
        mut recipients,
        measured,
        ..
    } = coded;
    let FrameDates {
        date,
        planned,
        modality,
    } = frame_date(sx, frame, mine);
    if let Some(day) = date.as_ref().and_then(|d| d.0.start) {
        let day = day.to_string();
        sx.reader.redate(&mut actors, &day);
        sx.reader.redate(&mut recipients, &day);
    }
    let since = mine.iter().any(|t| t.expr.since);
    let location = cx
        .location(
            frame,
            sx.lex,
            &[actors.clone(), recipients.clone()].concat(),
        )
        .or_else(|| cx.places.dateline.clone());
    let codes: Vec<&str> = {
        let mut c: Vec<&str> = actors.iter().filter_map(|a| a.country.as_deref()).collect();
        c.sort_unstable();
        c.dedup();
        c
    };
    // A group of states, or a bloc without fixed membership ("the West"), acts through its
    // members: a figure it is credited with totals their actions.
    let group_actor = codes.iter().any(|c| {
        cx.lexicon.is_group(c)
            || cx
                .lexicon
                .organisation(c)
                .is_some_and(|o| o.sector.is_none())
    });
    let aggregate =
        measured.quantity.is_some() && (measured.total || codes.len() > 1 || group_actor || since);
    let trig_span = frame.trigger.span();
    let span = frame_span(frame);
    let event = Event {
        doc_id: cx.doc_id.to_string(),
        event: frame.category,
        mode: if frame.recoded {
            None
        } else {
            frame.rule.mode.clone()
        },
        context: frame.rule.context.clone(),
        cameo: if frame.recoded {
            None
        } else {
            frame.rule.cameo.clone()
        },
        actors,
        recipients,
        quantity: measured.quantity,
        other_quantities: measured.others,
        casualties: measured.casualties.casualties,
        date: date.as_ref().map(|d| d.0.clone()),
        planned,
        location,
        attribution: sx.attribution.clone(),
        modality,
        aggregate,
        trigger: Trigger {
            text: frame.trigger.text().to_string(),
            span: [trig_span.start, trig_span.end],
        },
        sentence: sx.sentence_ref.clone(),
        mentions: vec![Mention {
            sentence: sx.s.index(),
            span,
            text: cx.span_text(span[0], span[1]),
        }],
        published: cx.published,
    };
    (event, date.and_then(|d| d.1))
}

/// Repeats pass: "Germany, Poland and Slovakia have taken similar actions": the latest event,
/// new actors.
pub(crate) fn repeat_events(
    sx: &SentenceCx<'_, '_>,
    repeats: &[Repeat<'_>],
    discourse: &mut Discourse,
    out: &mut Vec<Found>,
) {
    for (verb, subjects) in repeats {
        let Some(antecedent) = out.iter().rev().find(|f| !f.event.aggregate).cloned() else {
            continue;
        };
        let actors: Vec<Actor> = subjects
            .iter()
            .flat_map(|a| sx.reader.actors(*a, discourse))
            .collect();
        let mine: Vec<&Timed> = sx
            .times
            .iter()
            .filter(|t| {
                t.attach
                    .is_some_and(|a| dominates(sx.cx.doc.token(a), *verb))
            })
            .collect();
        let date = pick_date(sx.cx, &mine, Direction::Past, Modality::Asserted);
        let before = antecedent.event.actor_codes();
        for a in actors.iter() {
            if a.country.as_deref().is_some_and(|c| before.contains(&c)) {
                continue; // the antecedent's own actor is no repetition
            }
            let e = repeated(sx, &antecedent.event, a.clone(), *verb, &actors, &date);
            out.push(Found::new(e, date.as_ref().and_then(|d| d.1)));
        }
    }
}

/// The antecedent event done again by `actor` at `verb`.
fn repeated(
    sx: &SentenceCx<'_, '_>,
    antecedent: &Event,
    actor: Actor,
    verb: Token<'_>,
    actors: &[Actor],
    date: &Option<(EventDate, Option<Interval>)>,
) -> Event {
    let vspan = verb.span();
    let span = [
        actors
            .iter()
            .map(|a| a.span[0])
            .min()
            .unwrap_or(vspan.start),
        subtree(verb).last().map_or(vspan.end, |t| t.span().end),
    ];
    let mut e = antecedent.clone();
    e.actors = vec![actor];
    e.quantity = None;
    e.other_quantities.clear();
    e.casualties = Default::default();
    e.aggregate = false;
    e.modality = Modality::Asserted;
    e.location = None;
    e.attribution = sx.attribution.clone();
    e.date = date.as_ref().map(|d| d.0.clone());
    e.planned = None;
    e.trigger = Trigger {
        text: verb.text().to_string(),
        span: [vspan.start, vspan.end],
    };
    e.sentence = sx.sentence_ref.clone();
    e.mentions = vec![Mention {
        sentence: sx.s.index(),
        span,
        text: sx.cx.span_text(span[0], span[1]),
    }];
    e
}
