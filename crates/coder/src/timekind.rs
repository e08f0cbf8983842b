//! The types of time expressions (what an expression says, where it is, which way its clause
//! points, the interval it resolves to) and the calendar words they are read from. Shared by the
//! grammar of days and months (`dates`) and of quarters, seasons and offsets (`timewords`).

use crate::values::{ValueClass, value};
use chrono::{NaiveDate, Weekday};
use std::borrow::Cow;

/// A word sequence with each word's ASCII lower case, made once: the time grammar compares
/// the lower case of each word and its neighbours many times, and most words are lower case
/// already, so only capitalised ones are copied.
pub(crate) struct Words<'a> {
    /// The words as written.
    pub(crate) raw: &'a [&'a str],
    low: Vec<Cow<'a, str>>,
}

impl<'a> Words<'a> {
    pub(crate) fn new(raw: &'a [&'a str]) -> Words<'a> {
        let low = raw
            .iter()
            .map(|w| {
                if w.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(w.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(*w)
                }
            })
            .collect();
        Words { raw, low }
    }

    /// The ASCII lower case of word `i`; empty past the end.
    pub(crate) fn low(&self, i: usize) -> &str {
        self.low.get(i).map_or("", |w| w)
    }

    /// Whether word `i` begins with an upper-case letter.
    pub(crate) fn is_capitalised(&self, i: usize) -> bool {
        self.raw[i].chars().next().is_some_and(char::is_uppercase)
    }
}

/// What a time expression says, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeKind {
    Weekday(Weekday, Shift),
    /// today = 0, yesterday = -1, tomorrow = 1.
    RelativeDay(i64),
    MonthDay {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
    Month {
        month: u32,
        year: Option<i32>,
    },
    Year(i32),
    /// "last week" (-1), "this week" (0), "next week" (1).
    Week(i64),
    Month_(i64),
    YearRel(i64),
    /// "in recent days" / "in recent weeks": a window ending on publication.
    Recent {
        days: i64,
    },
    Iso(NaiveDate),
    /// "since <something that is not a date>": kept as words.
    SinceEvent,
    /// "the third quarter", "this year's third quarter", "the third quarter of 1984".
    Quarter {
        n: u32,
        year: YearRef,
    },
    /// "the first half of 1990".
    Half {
        n: u32,
        year: YearRef,
    },
    /// "this quarter" (0), "the quarter", "the latest quarter" (-1, the last one reported);
    /// with `true`, a year before that ("the year-earlier quarter").
    QuarterRel(i64, bool),
    /// "the winter of 1994", "spring 1998".
    Season {
        s: u32,
        year: YearRef,
    },
    /// "last fall" (-1), "this summer" (0), "next spring" (1).
    SeasonShift {
        s: u32,
        shift: i64,
    },
    /// "the 1990s": 199.
    Decade(i32),
    /// "two weeks ago", "a year earlier".
    Ago {
        unit: Unit,
        n: i64,
    },
    /// "last June" (-1), "this September" (0), "next March" (1).
    MonthShift {
        month: u32,
        shift: i64,
    },
    /// "now", "recently", "the future": no calendar date.
    Reference(Reference),
}

/// "last Monday", "next Monday" or just "Monday".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    Last,
    This,
    Next,
    None,
}

/// A time expression found at words `first..=last`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub kind: TimeKind,
    pub first: usize,
    pub last: usize,
    /// The first word of the expression proper, after any leading preposition ("on", "as of").
    pub core: usize,
    /// "since 2018", "as of April 30": open-ended from the anchor.
    pub since: bool,
}

/// Whether the clause reports something done (past) or to be done (future).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Past,
    Future,
    /// The verb does not say (a present tense, a verbless phrase): the nearest such date.
    Nearest,
}

/// A resolved interval, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

pub(crate) fn month_of(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    // Abbreviations as wire copy writes them ("Jan.", "Sept.").
    value(ValueClass::Month, w)
        .or_else(|| value(ValueClass::MonthAbbreviation, w))
        .map(|m| m as u32)
}

pub(crate) fn weekday_of(w: &str) -> Option<Weekday> {
    const WEEK: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    value(ValueClass::Weekday, w).map(|d| WEEK[d as usize - 1])
}

pub(crate) fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// Whether the words from `i` begin a clock time: "22:00", "2200 GMT", "0900 local time",
/// "1500 Moscow time", "1500 hours". A clock time is a time of day, never a year or a count.
pub(crate) fn is_clock_time(words: &[&str], i: usize) -> bool {
    let Some(clock) = words.get(i).and_then(|w| hours_minutes(w)) else {
        return false;
    };
    let fw = crate::figure_words::words();
    let zone = |w: &str| fw.is_clock_zone(w) || w.chars().next().is_some_and(char::is_uppercase);
    let at = |k: usize| words.get(i + k).copied();
    let followed = at(1).is_some_and(|w| fw.is_clock(w))
        || (at(1).is_some_and(zone) && at(2).is_some_and(|w| fw.is_clock(w)));
    clock == ClockForm::Colon || followed
}

/// How a number is written as hours and minutes: "22:00", or "2200" and "22.00", which are
/// clock times only beside a clock word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClockForm {
    Colon,
    Plain,
}

fn hours_minutes(w: &str) -> Option<ClockForm> {
    let (h, m, form) = if let Some((h, m)) = w.split_once(':') {
        (h, m, ClockForm::Colon)
    } else if let Some((h, m)) = w.split_once('.') {
        (h, m, ClockForm::Plain)
    } else if w.len() == 4 {
        w.split_at_checked(2)
            .map(|(h, m)| (h, m, ClockForm::Plain))?
    } else {
        return None;
    };
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    let valid = digits(h) && h.len() <= 2 && digits(m) && m.len() == 2;
    (valid && h.parse::<u32>().ok()? <= 24 && m.parse::<u32>().ok()? <= 59).then_some(form)
}

pub(crate) fn year_number(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

/// The year of a quarter, half or season as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Abs(i32),
    /// "this year's" (0), "last year's" (-1), "next year's" (1).
    Rel(i64),
    /// No year: the nearest one in the direction the clause points.
    Unsaid,
}

/// A unit of an offset ("two weeks ago").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// TimeML's vague references to the past, the present and the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    Past,
    Present,
    Future,
}
