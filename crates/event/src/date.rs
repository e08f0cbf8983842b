//! When an event happened: the resolved date and how fine it is.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// When the event happened, resolved against the publication date where the text allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// First day, written as an ISO 8601 date ("2022-04-05"); null when `resolved` is false.
    pub start: Option<NaiveDate>,
    /// Last day (the same as `start` for a single day).
    pub end: Option<NaiveDate>,
    pub text: String,
    /// False when the text gives no anchor: the words are kept and no date is guessed.
    pub resolved: bool,
    /// True when the event's own clause names no time and the date is the report's news peg
    /// (the time expression of its lead sentence), as a reader takes it; `text` quotes the peg.
    #[serde(default)]
    pub inherited: bool,
    /// How fine the resolved date is (day, week, month, quarter, year or range); null when
    /// `resolved` is false.
    #[serde(default)]
    pub precision: Option<DatePrecision>,
}

/// How fine a resolved date is: what its first and last day span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    /// Monday to Sunday of one ISO week.
    Week,
    /// The first to the last day of one month.
    Month,
    /// The first to the last day of one calendar quarter.
    Quarter,
    /// The first to the last day of one year.
    Year,
    /// Any other span ("between March 3 and March 9", "the 1990s", a season).
    Range,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
            Self::Range => "range",
        }
    }

    /// The precision of the span from `start` to `end` (both included), read off the calendar.
    pub fn of(start: NaiveDate, end: NaiveDate) -> DatePrecision {
        use chrono::{Datelike, Weekday};
        let month_end = |d: NaiveDate| {
            d.checked_add_days(chrono::Days::new(1))
                .is_none_or(|next| next.month() != d.month())
        };
        let whole_months = start.day() == 1 && month_end(end) && start.year() == end.year();
        let months = end.month0() as i64 - start.month0() as i64 + 1;
        if start == end {
            Self::Day
        } else if start.weekday() == Weekday::Mon && (end - start).num_days() == 6 {
            Self::Week
        } else if whole_months && months == 1 {
            Self::Month
        } else if whole_months && months == 3 && start.month0().is_multiple_of(3) {
            Self::Quarter
        } else if whole_months && months == 12 {
            Self::Year
        } else {
            Self::Range
        }
    }
}

impl fmt::Display for DatePrecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
