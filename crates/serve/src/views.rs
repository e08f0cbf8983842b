//! The JSON shapes of the API beyond the store's own: an event with its count and place, and
//! sentences cut into segments at the spans of what was coded, so that the page shows them
//! without computing offsets (the store's spans are bytes; a browser counts UTF-16 units).

use attache_event::Event;
use attache_store::{MentionDetail, StoredDocument, StoredEvent};
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

/// Where an event happened, as coordinates.
#[derive(Debug, Clone, Serialize)]
pub struct Coordinates {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

/// One event as lists show it.
#[derive(Debug, Clone, Serialize)]
pub struct EventSummary {
    #[serde(flatten)]
    pub stored: StoredEvent,
    pub day: Option<NaiveDate>,
    pub count_low: Option<i64>,
    pub count_high: Option<i64>,
    pub unit: Option<String>,
    /// The first place of the event with coordinates (a town before a region or country),
    /// `null` when none has: the map shows the events that have them.
    pub location: Option<Coordinates>,
}

impl EventSummary {
    pub fn new(stored: StoredEvent) -> EventSummary {
        let (count_low, count_high) = stored.event.count_range();
        EventSummary {
            day: stored.event.day(),
            unit: stored.event.unit().map(String::from),
            count_low,
            count_high,
            location: coordinates(&stored),
            stored,
        }
    }
}

/// Where the map puts an event: its first town, else its first place with coordinates.
fn coordinates(stored: &StoredEvent) -> Option<Coordinates> {
    let places = &stored.event.places;
    let town =
        |p: &&attache_store::Place| p.location.feature == Some(attache_event::PlaceFeature::City);
    let place = places.iter().find(town).or_else(|| places.first())?;
    let l = &place.location;
    Some(Coordinates {
        name: l.name.clone().unwrap_or_else(|| l.text.clone()),
        lat: l.lat?,
        lon: l.lon?,
    })
}

/// A piece of text, marked when it is a coded part of the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    /// trigger, actor, recipient, figure or date; absent for plain text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark: Option<&'static str>,
    /// The merged events a marked piece of a document belongs to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<i64>,
}

/// A report of an event, with each place of the document that reports it (its sentence, or
/// the paragraph around a further mention) cut at what the coder read there.
#[derive(Debug, Clone, Serialize)]
pub struct MentionView {
    #[serde(flatten)]
    pub detail: MentionDetail,
    pub passages: Vec<Passage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Passage {
    /// The sentence's index in the document.
    pub sentence: usize,
    /// Byte offset of the passage in the document.
    pub start: usize,
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    #[serde(flatten)]
    pub summary: EventSummary,
    pub mentions: Vec<MentionView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    #[serde(flatten)]
    pub document: StoredDocument,
    /// The whole text, cut at every mention's trigger and figures.
    pub segments: Vec<Segment>,
}

/// A marked span in document bytes.
#[derive(Debug, Clone)]
struct Mark {
    start: usize,
    end: usize,
    kind: &'static str,
    events: Vec<i64>,
}

/// What to mark in a record's sentence, most important first: where marks overlap, the
/// earlier kind wins.
fn marks_of(record: &Event, events: &[i64], with_participants: bool) -> Vec<Mark> {
    let mark = |span: [usize; 2], kind| Mark {
        start: span[0],
        end: span[1],
        kind,
        events: events.to_vec(),
    };
    let mut marks = Vec::new();
    marks.extend(record.quantity.iter().map(|q| mark(q.span, "figure")));
    marks.extend(
        record
            .other_quantities
            .iter()
            .map(|q| mark(q.span, "figure")),
    );
    marks.push(mark(record.trigger.span, "trigger"));
    if with_participants {
        marks.extend(record.actors.iter().map(|a| mark(a.span, "actor")));
        marks.extend(record.recipients.iter().map(|a| mark(a.span, "recipient")));
        // The record keeps a date's words but not their span: mark them where the sentence
        // itself says them (an inherited date quotes another sentence and is not marked).
        if let Some(date) = record.date.as_ref().filter(|d| !d.inherited)
            && !date.text.is_empty()
            && let Some(at) = record.sentence.text.find(&date.text)
        {
            let start = record.sentence.span[0] + at;
            marks.push(mark([start, start + date.text.len()], "date"));
        }
    }
    marks
}

/// Cuts `text` (which starts at byte `base` of its document) at the marks that fall inside it
/// on character boundaries and do not overlap an earlier mark.
fn segments(text: &str, base: usize, marks: Vec<Mark>) -> Vec<Segment> {
    let mut kept: Vec<Mark> = Vec::new();
    for mut mark in marks {
        let (Some(start), Some(end)) = (mark.start.checked_sub(base), mark.end.checked_sub(base))
        else {
            continue;
        };
        let inside = start < end && end <= text.len();
        if !inside || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if let Some(same) = kept.iter_mut().find(|k| k.start == start && k.end == end) {
            same.events.extend(mark.events);
            same.events.sort_unstable();
            same.events.dedup();
            continue;
        }
        if kept.iter().any(|k| start < k.end && k.start < end) {
            continue;
        }
        (mark.start, mark.end) = (start, end);
        kept.push(mark);
    }
    kept.sort_by_key(|m| m.start);
    let mut out = Vec::new();
    let mut at = 0;
    for mark in kept {
        if mark.start > at {
            out.push(plain(&text[at..mark.start]));
        }
        out.push(Segment {
            text: text[mark.start..mark.end].to_string(),
            mark: Some(mark.kind),
            events: mark.events,
        });
        at = mark.end;
    }
    if at < text.len() {
        out.push(plain(&text[at..]));
    }
    out
}

fn plain(text: &str) -> Segment {
    Segment {
        text: text.to_string(),
        mark: None,
        events: Vec::new(),
    }
}

/// The line of `text` around `span` (news paragraphs are lines), at most `MAX_PASSAGE` bytes.
fn paragraph(text: &str, span: [usize; 2]) -> Option<(usize, &str)> {
    const MAX_PASSAGE: usize = 2000;
    let (start, end) = (span[0], span[1]);
    if start > end || end > text.len() || !text.is_char_boundary(start) {
        return None;
    }
    let mut from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let mut to = text[end..].find('\n').map_or(text.len(), |i| end + i);
    if to - from > MAX_PASSAGE {
        (from, to) = (start, end);
    }
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    Some((from, &text[from..to]))
}

impl MentionView {
    /// `text` is the document's text, for the paragraphs of mentions outside the main sentence.
    pub fn new(detail: MentionDetail, text: Option<&str>) -> MentionView {
        let record = &detail.record;
        let main = &record.sentence;
        let mut places: Vec<(usize, usize, String)> =
            vec![(main.index, main.span[0], main.text.to_string())];
        for mention in &record.mentions {
            if places.iter().any(|(index, ..)| *index == mention.sentence) {
                continue;
            }
            let (start, passage) = text
                .and_then(|t| paragraph(t, mention.span))
                .unwrap_or((mention.span[0], mention.text.as_str()));
            places.push((mention.sentence, start, passage.to_string()));
        }
        places.sort_by_key(|(index, ..)| *index);
        let passages = places
            .into_iter()
            .map(|(sentence, start, passage)| Passage {
                sentence,
                start,
                segments: segments(&passage, start, marks_of(record, &[], true)),
            })
            .collect();
        MentionView { detail, passages }
    }
}

impl DocumentView {
    pub fn new(document: StoredDocument) -> DocumentView {
        let marks: Vec<Mark> = document
            .mentions
            .iter()
            .flat_map(|m| marks_of(&m.record, &m.events, false))
            .collect();
        let segments = segments(&document.text, 0, marks);
        DocumentView { document, segments }
    }
}

/// Events per day or per week (weeks start on Monday).
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub bucket: &'static str,
    pub periods: Vec<Period>,
    /// Matching events without a day.
    pub undated: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Period {
    pub start: NaiveDate,
    pub events: usize,
}

impl Timeline {
    pub fn new(days: impl Iterator<Item = Option<NaiveDate>>, weekly: bool) -> Timeline {
        let mut counts = std::collections::BTreeMap::<NaiveDate, usize>::new();
        let (mut undated, mut total) = (0, 0);
        for day in days {
            total += 1;
            match day {
                Some(day) => {
                    let start = if weekly {
                        day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
                    } else {
                        day
                    };
                    *counts.entry(start).or_default() += 1;
                }
                None => undated += 1,
            }
        }
        Timeline {
            bucket: if weekly { "week" } else { "day" },
            periods: counts
                .into_iter()
                .map(|(start, events)| Period { start, events })
                .collect(),
            undated,
            total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, kind: &'static str) -> Mark {
        Mark {
            start,
            end,
            kind,
            events: vec![],
        }
    }

    #[test]
    fn cuts_a_sentence_at_its_marks() {
        // "Poland expelled 45 diplomats." at byte 100 of its document.
        let text = "Poland expelled 45 diplomats.";
        let marks = vec![
            mark(116, 118, "figure"),
            mark(107, 115, "trigger"),
            mark(100, 106, "actor"),
            // Overlaps the figure: dropped.
            mark(116, 128, "date"),
            // Outside the sentence: dropped.
            mark(10, 20, "actor"),
        ];
        let cut = segments(text, 100, marks);
        let shown: Vec<(&str, Option<&str>)> =
            cut.iter().map(|s| (s.text.as_str(), s.mark)).collect();
        assert_eq!(
            shown,
            [
                ("Poland", Some("actor")),
                (" ", None),
                ("expelled", Some("trigger")),
                (" ", None),
                ("45", Some("figure")),
                (" diplomats.", None),
            ]
        );
    }

    #[test]
    fn never_cuts_inside_a_character() {
        let text = "Russia’s envoy";
        // Byte 7 is inside the three-byte apostrophe.
        let cut = segments(text, 0, vec![mark(7, 9, "actor")]);
        assert_eq!(cut, vec![plain(text)]);
    }

    #[test]
    fn weeks_start_on_monday() {
        let day = |d: &str| Some(d.parse::<NaiveDate>().unwrap());
        // 2022-04-05 was a Tuesday, 2022-04-10 a Sunday.
        let days = [
            day("2022-04-05"),
            day("2022-04-10"),
            None,
            day("2022-04-11"),
        ];
        let timeline = Timeline::new(days.into_iter(), true);
        let periods: Vec<(String, usize)> = timeline
            .periods
            .iter()
            .map(|p| (p.start.to_string(), p.events))
            .collect();
        assert_eq!(
            periods,
            [("2022-04-04".to_string(), 2), ("2022-04-11".to_string(), 1)]
        );
        assert_eq!((timeline.undated, timeline.total), (1, 4));
    }
}
