//! When events happened: date spans from reports, and when two of them can be one event's.

use attache_event::Event;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// How far before its publication (or its inherited news peg) an event without its own date
/// may have happened. Reports carry recent news; a week keeps "again a month later" apart.
pub const UNDATED_WINDOW_DAYS: i64 = 7;

/// When an event happened, as far as a report lets us say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateSpan {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// True when the event's own clause gives the date; false for a window derived from the
    /// publication date or the report's news peg.
    pub exact: bool,
}

impl DateSpan {
    fn contains(&self, other: &DateSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    fn overlaps(&self, other: &DateSpan) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Same day, or one range containing the other; a window only needs to overlap.
    pub fn compatible(&self, other: &DateSpan) -> bool {
        if self.exact && other.exact {
            self.contains(other) || other.contains(self)
        } else {
            self.overlaps(other)
        }
    }

    /// The narrowest span both reports allow; an exact date beats a window.
    /// Spans that do not overlap (an announcement and the later day of the planned action)
    /// keep the later one: the day the event takes place.
    pub fn narrowed(&self, other: &DateSpan) -> DateSpan {
        match (self.exact, other.exact) {
            (true, false) => *self,
            (false, true) => *other,
            _ if !self.overlaps(other) => *self.max_by_start(other),
            _ => DateSpan {
                start: self.start.max(other.start),
                end: self.end.min(other.end),
                exact: self.exact,
            },
        }
    }

    fn max_by_start<'a>(&'a self, other: &'a DateSpan) -> &'a DateSpan {
        if other.start > self.start {
            other
        } else {
            self
        }
    }

    /// The day the event is filed under: its start when dated, else the end of its window
    /// (the publication day).
    pub fn day(&self) -> NaiveDate {
        if self.exact { self.start } else { self.end }
    }

    /// Short form for tables: "2022-04-05", "2022-04-01..2022-04-05", or "~2022-04-05" for a
    /// window ending on the publication day.
    pub fn short(&self) -> String {
        if !self.exact {
            format!("~{}", self.end)
        } else if self.start == self.end {
            self.start.to_string()
        } else {
            format!("{}..{}", self.start, self.end)
        }
    }

    pub fn describe(&self) -> String {
        let kind = if self.exact { "" } else { " (window)" };
        if self.start == self.end {
            format!("{}{kind}", self.start)
        } else {
            format!("{}..{}{kind}", self.start, self.end)
        }
    }
}

/// When a coded event happened: its own resolved date (a news-peg date widened to a window),
/// else a window ending on its publication date.
pub fn report_date(event: &Event, published: Option<NaiveDate>) -> Option<DateSpan> {
    let window = |end: NaiveDate| DateSpan {
        start: end - Duration::days(UNDATED_WINDOW_DAYS),
        end,
        exact: false,
    };
    let resolved = event.date.as_ref().filter(|d| d.resolved);
    if let Some(date) = resolved
        && let Some(start) = date.start
    {
        let end = date.end.unwrap_or(start).max(start);
        // A date inherited from the lead's news peg is not the clause's own time: the event
        // is near it, so it is treated like a window.
        let (start, exact) = if date.inherited {
            (start - Duration::days(UNDATED_WINDOW_DAYS), false)
        } else {
            (start, true)
        };
        return Some(DateSpan { start, end, exact });
    }
    published.map(window)
}

/// The days a date (with its announcement, for a planned action) may match: what a store
/// searches when looking for events a report may join.
pub fn lookup_span(date: Option<DateSpan>, announced: Option<NaiveDate>) -> Option<DateSpan> {
    let mut span = date?;
    if let Some(day) = announced {
        span.start = span.start.min(day - Duration::days(UNDATED_WINDOW_DAYS));
        span.end = span.end.max(day);
    }
    Some(span)
}

/// Whether `other` falls between the announcement of a planned action and its date: "Estonia
/// announced expulsions" on the day it said it "would expel 14 staff as of April 30".
pub fn announcement_fits(
    planned: &DateSpan,
    announced: Option<NaiveDate>,
    other: &DateSpan,
) -> bool {
    announced.is_some_and(|day| {
        let span = DateSpan {
            start: day - Duration::days(UNDATED_WINDOW_DAYS),
            end: planned.end.max(day),
            exact: false,
        };
        span.overlaps(other)
    })
}
