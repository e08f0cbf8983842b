//! Distributive lists: "including 40 from Germany, 45 from Poland and 35 from Slovakia".

use crate::dates::{Direction, Interval, TimeExpr, find_times};
use crate::measure::unit_of;
use crate::merge::Found;
use crate::noun_phrase::SentenceLex;
use crate::numbers::figure_at;
use crate::sentence::SentenceCx;
use crate::timing::{Timed, pick_date};
use attache_event::{Actor, EventDate, Mention, Modality, Quantity};
use attache_lexicon::{EntryKind, LexMatch};
use attache_nlp::{Deprel, Doc, Sentence, Upos};

/// One item of "including 40 from Germany, 45 from Poland and 35 from Slovakia on Monday".
struct DistributiveItem<'l> {
    figure_text: [usize; 2],
    value: crate::numbers::Figure,
    from: LexMatch<'l>,
    span: [usize; 2],
    time: Option<(TimeExpr, usize, usize)>,
}

/// Reads the distributive list after "including" / "among them", if the sentence has one.
fn distributive_items<'l>(
    doc: &Doc,
    s: &Sentence<'_>,
    words: &[&str],
    lex: &SentenceLex<'l>,
) -> (Option<usize>, Vec<DistributiveItem<'l>>) {
    let base = s.token_range().start;
    let Some(at) = words
        .iter()
        .position(|w| w.eq_ignore_ascii_case("including") || w.eq_ignore_ascii_case("among"))
    else {
        return (None, Vec::new());
    };
    let mut items = Vec::new();
    let mut i = at + 1;
    while i < words.len() {
        let Some(fig) = figure_at(words, i) else {
            i += 1;
            continue;
        };
        // The item runs to the next comma / "and" / end.
        let mut end = fig.last + 1;
        while end < words.len() && !matches!(words[end], "," | ";" | "." | "and") {
            end += 1;
        }
        let from_at = (fig.last + 1..end).find(|k| words[*k].eq_ignore_ascii_case("from"));
        if let Some(k) = from_at {
            let lo = doc.token(base + k).span().end;
            let hi = doc.token(base + end - 1).span().end;
            let from = lex.within(lo, hi).find(|m| {
                matches!(
                    m.entry.kind,
                    EntryKind::Country | EntryKind::Organisation | EntryKind::Capital
                )
            });
            if let Some(from) = from {
                let item_words = &words[k + 1..end];
                let time = find_times(item_words)
                    .into_iter()
                    .next()
                    .map(|t| (t.clone(), base + k + 1 + t.first, base + k + 1 + t.last));
                let fspan = [
                    doc.token(base + fig.first).span().start,
                    doc.token(base + fig.last).span().end,
                ];
                items.push(DistributiveItem {
                    figure_text: fspan,
                    value: fig.clone(),
                    from: *from,
                    span: [fspan[0], hi],
                    time,
                });
            }
        }
        i = end + 1;
    }
    (Some(base + at), items)
}

/// One item read as an event's parts: its figure, actor, mention and date.
struct ItemParts {
    quantity: Quantity,
    actor: Actor,
    mention: Mention,
    date: Option<(EventDate, Option<Interval>)>,
}

/// "including 40 from Germany, 45 from Poland and 35 from Slovakia": each item is its own
/// event. With an event in this sentence the items split it; without one, the items add their
/// figures to the document's earlier events of those actors against the same recipient.
pub(crate) fn distribute(sx: &SentenceCx<'_, '_>, template: Option<Found>, out: &mut Vec<Found>) {
    let (cx, s, lex) = (sx.cx, &sx.s, sx.lex);
    let doc = cx.doc;
    let (Some(at), items) = distributive_items(doc, s, &sx.words, lex) else {
        return;
    };
    if items.is_empty() {
        return;
    }
    let at_byte = doc.token(at).span().start;
    // The counted noun before the list: "Russian diplomats ..., including 40 from Germany".
    let head = s
        .tokens()
        .filter(|t| t.i() < at && t.upos() == Upos::Noun)
        .find(|t| t.rel().is_nsubj() || t.rel() == Deprel::Obj);
    let unit = head.and_then(unit_of);
    let outside: Vec<&str> = lex
        .matches
        .iter()
        .filter(|m| m.end <= at_byte && m.entry.kind != EntryKind::Role)
        .filter_map(|m| m.entry.code.as_deref())
        .collect();
    // Clause-level time expressions (outside the items) apply to every item.
    let clause_times: Vec<&Timed> = sx
        .times
        .iter()
        .filter(|t| {
            !items
                .iter()
                .any(|it| it.time.as_ref().is_some_and(|x| x.1 == t.first))
        })
        .collect();
    for item in &items {
        let parts = item_parts(sx, item, unit.clone(), &clause_times);
        // Items "from" a state split an expulsion of this sentence among the states that
        // expelled; for any other event "from X" only says where people came from.
        match &template {
            Some(parent) => out.push(split_off(sx, parent, parts)),
            None => elaborate(out, parts, &outside),
        }
    }
    // The sentence's own event now totals its items.
    if let Some(parent) = &template {
        for f in out.iter_mut() {
            let before_list = f
                .event
                .mentions
                .first()
                .is_some_and(|m| m.span[0] < at_byte);
            if f.event.trigger.span == parent.event.trigger.span
                && f.event.quantity.is_some()
                && before_list
            {
                f.event.aggregate = true;
            }
        }
    }
}

/// An item's figure, actor, mention and date (its own time, else the clause's).
fn item_parts(
    sx: &SentenceCx<'_, '_>,
    item: &DistributiveItem<'_>,
    unit: Option<String>,
    clause_times: &[&Timed],
) -> ItemParts {
    let cx = sx.cx;
    let quantity = Quantity {
        value: item.value.value,
        max: item.value.max,
        unit,
        qualifier: item.value.qualifier,
        text: cx.span_text(item.figure_text[0], item.figure_text[1]),
        span: item.figure_text,
    };
    let own_time = item.time.as_ref().map(|(expr, first, last)| Timed {
        expr: expr.clone(),
        first: *first,
        last: *last,
        attach: None,
    });
    let mine: Vec<&Timed> = match &own_time {
        Some(t) => vec![t],
        None => clause_times.to_vec(),
    };
    let date = pick_date(cx, &mine, Direction::Past, Modality::Asserted);
    let mention = Mention {
        sentence: sx.s.index(),
        span: item.span,
        text: cx.span_text(item.span[0], item.span[1]),
    };
    let actor = Actor {
        text: cx.span_text(item.from.start, item.from.end),
        country: item.from.entry.code.clone(),
        sector: item.from.entry.sector.clone(),
        span: [item.from.start, item.from.end],
        country_from: None,
    };
    ItemParts {
        quantity,
        actor,
        mention,
        date,
    }
}

/// The sentence's expulsion, done by one item's state with the item's figure.
fn split_off(sx: &SentenceCx<'_, '_>, parent: &Found, parts: ItemParts) -> Found {
    let mut e = parent.event.clone();
    e.actors = vec![parts.actor];
    e.quantity = Some(parts.quantity);
    e.other_quantities.clear();
    e.casualties = Default::default();
    e.aggregate = false;
    e.sentence = sx.sentence_ref.clone();
    e.mentions = vec![parts.mention];
    if let Some(d) = &parts.date {
        e.date = Some(d.0.clone());
    }
    Found::new(e, parts.date.and_then(|d| d.1).or(parent.interval))
}

/// Elaboration of earlier events: the latest event of the item's actor against a recipient
/// named before the list takes the item's figure, mention and (narrower) date.
fn elaborate(out: &mut [Found], parts: ItemParts, outside: &[&str]) {
    let code = parts.actor.country.as_deref().unwrap_or("");
    let target = out.iter_mut().rev().find(|f| {
        !f.event.aggregate
            && f.event.actor_codes() == [code]
            && f.event
                .recipient_codes()
                .iter()
                .any(|r| outside.contains(r))
    });
    let Some(f) = target else {
        return;
    };
    let e = &mut f.event;
    if e.quantity.is_none() {
        e.quantity = Some(parts.quantity);
    }
    e.mentions.push(parts.mention);
    if let Some((d, interval)) = parts.date {
        let narrower = match (f.interval, interval) {
            (Some(old), Some(new)) => (new.end - new.start) < (old.end - old.start),
            (None, Some(_)) => true,
            _ => false,
        };
        if narrower || e.date.as_ref().is_none_or(|x| x.inherited) {
            e.date = Some(d);
            f.interval = interval;
        }
    }
    f.reweigh();
}
