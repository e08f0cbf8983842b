//! Time expressions and their resolution against the publication date.
//!
//! "on Monday" in a report published Tuesday 2022-04-05 is 2022-04-04; "as of April 30" is
//! 2022-04-30; "in recent days" is a range ending on the publication date; "since the invasion" has
//! no calendar anchor and stays unresolved with its words kept. Nothing is guessed: without a
//! publication date, relative expressions stay unresolved too.

pub use crate::timekind::{Direction, Interval, Shift, TimeExpr, TimeKind};
use crate::timekind::{Reference, Words, YearRef, day_number, is_clock_time, weekday_of};
pub(crate) use crate::timekind::{month_of, year_number};
use crate::timewords::{extra_at, resolve_extra};
use chrono::{Datelike, Duration, NaiveDate};

/// Finds the time expressions in a word sequence, each with its leading preposition.
pub fn find_times(words: &[&str]) -> Vec<TimeExpr> {
    let words = &Words::new(words);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.raw.len() {
        if let Some(expr) = time_at(words, i) {
            i = expr.last + 1;
            out.push(expr);
        } else {
            i += 1;
        }
    }
    out
}

fn time_at(words: &Words, i: usize) -> Option<TimeExpr> {
    let w = words.low(i);
    // Leading words that belong to the expression.
    let (lead, since) = match w {
        "on" | "in" | "by" | "from" | "until" | "till" | "during" => (1, false),
        "since" => (1, true),
        "as" if words.low(i + 1) == "of" => (2, false),
        "earlier" | "later" if words.low(i + 1) == "on" => (1, false),
        _ => (0, false),
    };
    let (kind, last) = core_at(words, i + lead)?;
    Some(TimeExpr {
        kind,
        first: i,
        last,
        core: i + lead,
        since,
    })
}

/// A capitalised day word that is part of a name: "the Today programme", "the Sunday Times",
/// "the Mail on Sunday" (word classes `day_name_noun`, `day_name_word`).
fn is_day_name(words: &Words, j: usize) -> bool {
    use crate::words::{WordClass, is};
    let w = words.low(j);
    let day = weekday_of(w).is_some()
        || crate::values::value(crate::values::ValueClass::RelativeDay, w).is_some();
    if !day || !words.is_capitalised(j) {
        return false;
    }
    let before = |k: usize| j.checked_sub(k).map_or("", |i| words.low(i));
    let after_on = before(1) == "on" && j >= 2 && words.is_capitalised(j - 2);
    is(WordClass::DayNameNoun, words.low(j + 1))
        || (j >= 1 && words.is_capitalised(j - 1) && is(WordClass::DayNameWord, before(1)))
        || (after_on && is(WordClass::DayNameWord, before(2)))
}

/// The expression proper at `j`: (kind, last word index).
fn core_at(words: &Words, j: usize) -> Option<(TimeKind, usize)> {
    let w = words.low(j);
    let next = words.low(j + 1);
    // "early November", "mid-November", "earlier this year", "late last week".
    if matches!(w, "early" | "late" | "mid" | "earlier" | "later") {
        let k = if next == "-" { j + 2 } else { j + 1 };
        return core_at(words, k).filter(|(kind, _)| !matches!(kind, TimeKind::Reference(_)));
    }
    if let Some(found) = extra_at(words, j) {
        return Some(found);
    }
    if is_day_name(words, j) {
        return None;
    }
    if let Some(wd) = weekday_of(w) {
        // "Friday, Oct. 23": the calendar date, written from the weekday.
        let k = if next == "," { j + 2 } else { j + 1 };
        if let Some((kind @ TimeKind::MonthDay { .. }, last)) = core_at(words, k)
            && month_of(words.low(k)).is_some()
        {
            return Some((kind, last));
        }
        return Some((TimeKind::Weekday(wd, Shift::None), j));
    }
    if let Some(days) = crate::values::value(crate::values::ValueClass::RelativeDay, w) {
        return Some((TimeKind::RelativeDay(days as i64), j));
    }
    match w {
        "last" | "this" | "next" | "past" => {
            let shift = match w {
                "last" | "past" => -1,
                "this" => 0,
                _ => 1,
            };
            if let Some(wd) = weekday_of(next) {
                let s = [Shift::Last, Shift::This, Shift::Next][(shift + 1) as usize];
                return Some((TimeKind::Weekday(wd, s), j + 1));
            }
            return match next {
                "week" | "weekend" => Some((TimeKind::Week(shift), j + 1)),
                "month" => Some((TimeKind::Month_(shift), j + 1)),
                "year" => Some((TimeKind::YearRel(shift), j + 1)),
                _ => None,
            };
        }
        "recent" => {
            return match next {
                "days" => Some((TimeKind::Recent { days: 7 }, j + 1)),
                "weeks" => Some((TimeKind::Recent { days: 28 }, j + 1)),
                "months" => Some((TimeKind::Recent { days: 92 }, j + 1)),
                _ => None,
            };
        }
        "the" if next == "past" || next == "last" => {
            // "the past few days", "the last two weeks".
            let unit = words.low(j + 3);
            let few = words.low(j + 2);
            if few == "few" || few == "several" {
                return match unit {
                    "days" => Some((TimeKind::Recent { days: 7 }, j + 3)),
                    "weeks" => Some((TimeKind::Recent { days: 28 }, j + 3)),
                    _ => None,
                };
            }
            return None;
        }
        _ => {}
    }
    // ISO dates: 2022-04-05.
    if w.len() == 10
        && w.as_bytes()[4] == b'-'
        && let Ok(d) = NaiveDate::parse_from_str(w, "%Y-%m-%d")
    {
        return Some((TimeKind::Iso(d), j));
    }
    if let Some(month) = month_of(w) {
        // "May" alone is too often a verb; require a day or year after it, or a preposition.
        if let Some(day) = day_number(next) {
            let (year, last) =
                year_after(words, j + 2).map_or((None, j + 1), |(y, l)| (Some(y), l));
            return Some((TimeKind::MonthDay { month, day, year }, last));
        }
        if let Some(y) = year_number(next) {
            return Some((
                TimeKind::Month {
                    month,
                    year: Some(y),
                },
                j + 1,
            ));
        }
        if w != "may" && words.is_capitalised(j) {
            return Some((TimeKind::Month { month, year: None }, j));
        }
        return None;
    }
    if let Some(day) = day_number(w) {
        // "30 April", "30 April 2022".
        if let Some(month) = month_of(next)
            && words.is_capitalised(j + 1)
        {
            let (year, last) =
                year_after(words, j + 2).map_or((None, j + 1), |(y, l)| (Some(y), l));
            return Some((TimeKind::MonthDay { month, day, year }, last));
        }
    }
    // "2200 GMT", "1500 hours": a time of day, not a year.
    if let Some(y) = year_number(w)
        && !is_clock_time(words.raw, j)
    {
        return Some((TimeKind::Year(y), j));
    }
    None
}

/// ", 2022" or "2022" after a month-day.
fn year_after(words: &Words, k: usize) -> Option<(i32, usize)> {
    if let Some(y) = words.raw.get(k).and_then(|w| year_number(w)) {
        return Some((y, k));
    }
    if words.raw.get(k) == Some(&",")
        && let Some(y) = words.raw.get(k + 1).and_then(|w| year_number(w))
    {
        return Some((y, k + 1));
    }
    None
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_interval(y: i32, m: u32) -> Option<Interval> {
    let start = day(y, m, 1)?;
    let next = if m == 12 {
        day(y + 1, 1, 1)?
    } else {
        day(y, m + 1, 1)?
    };
    Some(Interval {
        start,
        end: next - Duration::days(1),
    })
}

fn single(d: NaiveDate) -> Interval {
    Interval { start: d, end: d }
}

/// Resolves an expression against the publication date; `None` when the text gives no anchor.
pub fn resolve(expr: &TimeExpr, published: Option<NaiveDate>, dir: Direction) -> Option<Interval> {
    let interval = match &expr.kind {
        TimeKind::Iso(d) => single(*d),
        TimeKind::Year(y) => Interval {
            start: day(*y, 1, 1)?,
            end: day(*y, 12, 31)?,
        },
        TimeKind::Month {
            month,
            year: Some(y),
        } => month_interval(*y, *month)?,
        TimeKind::MonthDay {
            month,
            day: d,
            year: Some(y),
        } => single(day(*y, *month, *d)?),
        TimeKind::SinceEvent | TimeKind::Reference(Reference::Past | Reference::Future) => {
            return None;
        }
        TimeKind::Decade(_)
        | TimeKind::Quarter {
            year: YearRef::Abs(_),
            ..
        }
        | TimeKind::Half {
            year: YearRef::Abs(_),
            ..
        }
        | TimeKind::Season {
            year: YearRef::Abs(_),
            ..
        } => resolve_extra(&expr.kind, published.unwrap_or_default(), dir)?,
        _ => {
            let pubd = published?;
            resolve_relative(&expr.kind, pubd, dir)?
        }
    };
    if expr.since {
        // "since 2018": from the anchor's start up to publication, when that is later.
        if let Some(p) = published
            && p > interval.start
        {
            return Some(Interval {
                start: interval.start,
                end: p,
            });
        }
    }
    Some(interval)
}

fn resolve_relative(kind: &TimeKind, pubd: NaiveDate, dir: Direction) -> Option<Interval> {
    Some(match kind {
        TimeKind::RelativeDay(off) => single(pubd + Duration::days(*off)),
        TimeKind::Weekday(wd, shift) => {
            let today = pubd.weekday().num_days_from_monday() as i64;
            let target = wd.num_days_from_monday() as i64;
            let back = (today - target).rem_euclid(7); // days since the last such weekday
            let fwd = (target - today).rem_euclid(7);
            let offset = match (shift, dir) {
                (Shift::Last, _) => -(if back == 0 { 7 } else { back }),
                (Shift::Next, _) => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                (Shift::This | Shift::None, Direction::Past | Direction::Nearest) => -back,
                (Shift::This | Shift::None, Direction::Future) => fwd,
            };
            single(pubd + Duration::days(offset))
        }
        TimeKind::Week(shift) => {
            let monday = pubd - Duration::days(pubd.weekday().num_days_from_monday() as i64);
            let start = monday + Duration::days(7 * shift);
            Interval {
                start,
                end: start + Duration::days(6),
            }
        }
        TimeKind::Month_(shift) => {
            let total = pubd.year() * 12 + pubd.month0() as i32 + *shift as i32;
            month_interval(total.div_euclid(12), total.rem_euclid(12) as u32 + 1)?
        }
        TimeKind::YearRel(shift) => {
            let y = pubd.year() + *shift as i32;
            Interval {
                start: day(y, 1, 1)?,
                end: day(y, 12, 31)?,
            }
        }
        TimeKind::Recent { days } => Interval {
            start: pubd - Duration::days(*days),
            end: pubd,
        },
        TimeKind::MonthDay {
            month,
            day: d,
            year: None,
        } => {
            let mut date = day(pubd.year(), *month, *d)?;
            // A report's unyeared date is the nearest one in the direction the clause points.
            if dir == Direction::Past && date > pubd + Duration::days(2) {
                date = day(pubd.year() - 1, *month, *d)?;
            } else if dir == Direction::Future && date + Duration::days(2) < pubd {
                date = day(pubd.year() + 1, *month, *d)?;
            } else if dir == Direction::Nearest {
                date = [pubd.year() - 1, pubd.year() + 1]
                    .into_iter()
                    .filter_map(|y| day(y, *month, *d))
                    .fold(date, |best, c| {
                        if (c - pubd).num_days().abs() < (best - pubd).num_days().abs() {
                            c
                        } else {
                            best
                        }
                    });
            }
            single(date)
        }
        TimeKind::Month { month, year: None } => {
            let mut y = pubd.year();
            if dir == Direction::Past && *month > pubd.month() {
                y -= 1;
            } else if dir == Direction::Future && *month < pubd.month() {
                y += 1;
            } else if dir == Direction::Nearest {
                let diff = *month as i32 - pubd.month() as i32;
                if diff > 6 {
                    y -= 1;
                } else if diff < -6 {
                    y += 1;
                }
            }
            month_interval(y, *month)?
        }
        other => return resolve_extra(other, pubd, dir),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pubd() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2022, 4, 5) // a Tuesday
    }

    fn res(text: &str, dir: Direction) -> Option<(String, String)> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let t = find_times(&words);
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        resolve(&t[0], pubd(), dir).map(|i| (i.start.to_string(), i.end.to_string()))
    }

    fn d(s: &str) -> Option<(String, String)> {
        Some((s.to_string(), s.to_string()))
    }

    #[test]
    fn weekdays_resolve_against_publication() {
        assert_eq!(res("expelled on Monday", Direction::Past), d("2022-04-04"));
        assert_eq!(
            res("accelerated on Tuesday", Direction::Past),
            d("2022-04-05")
        );
        assert_eq!(
            res("will meet on Friday", Direction::Future),
            d("2022-04-08")
        );
        assert_eq!(res("said last Tuesday", Direction::Past), d("2022-03-29"));
        assert_eq!(res("met yesterday", Direction::Past), d("2022-04-04"));
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(
            res("expel 14 staff as of April 30", Direction::Future),
            d("2022-04-30")
        );
        assert_eq!(res("on 30 April 2021", Direction::Past), d("2021-04-30"));
        assert_eq!(res("on Dec. 3", Direction::Past), d("2021-12-03"));
        assert_eq!(
            res("in 2018 after", Direction::Past),
            Some(("2018-01-01".into(), "2018-12-31".into()))
        );
        assert_eq!(
            res("said last year", Direction::Past),
            Some(("2021-01-01".into(), "2021-12-31".into()))
        );
        assert_eq!(
            res("in March", Direction::Past),
            Some(("2022-03-01".into(), "2022-03-31".into()))
        );
    }

    #[test]
    fn clock_times_are_no_years() {
        let found = |text: &str| {
            let words: Vec<&str> = text.split_whitespace().collect();
            find_times(&words)
                .iter()
                .map(|t| words[t.first..=t.last].join(" "))
                .collect::<Vec<_>>()
        };
        assert!(found("extend his 2200 GMT curfew").is_empty());
        assert!(found("at 0900 local time").is_empty());
        assert!(found("at 1500 hours").is_empty());
        assert!(found("by 2100 Moscow time").is_empty());
        assert_eq!(found("at 22:00 GMT on Friday"), ["on Friday"]);
        assert_eq!(found("at 1500 Moscow time in 2014"), ["in 2014"]);
        // Years stay years: no clock word after them, or not a time of day.
        assert_eq!(found("in 2014 ,"), ["in 2014"]);
        assert_eq!(found("in 1999 hours"), ["in 1999"]);
    }

    #[test]
    fn ranges_and_unanchored() {
        assert_eq!(
            res("in recent days ,", Direction::Past),
            Some(("2022-03-29".into(), "2022-04-05".into()))
        );
        let words: Vec<&str> = "may expel them".split_whitespace().collect();
        assert!(find_times(&words).is_empty(), "modal 'may' is not a month");
        let words: Vec<&str> = "on Monday".split_whitespace().collect();
        let t = &find_times(&words)[0];
        assert_eq!(
            resolve(t, None, Direction::Past),
            None,
            "no publication date, no guess"
        );
    }
}
