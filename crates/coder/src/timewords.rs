//! Time expressions beyond days, months and years, as TimeML writes them: quarters and halves
//! ("the third quarter", "this year's third quarter", "third-quarter"), seasons ("last fall"),
//! decades ("the 1990s"), offsets back from publication ("a year ago", "two weeks earlier"),
//! months named with a shift or a year ("last June", "June of 2015"), and the vague references
//! "now", "recently", "the future" (PRESENT_REF, PAST_REF, FUTURE_REF), which have no dates.

use crate::timekind::{Direction, Interval, TimeKind, Words, month_of, year_number};
pub use crate::timekind::{Reference, Unit, YearRef};
use crate::values::{ValueClass, value};
use chrono::{Datelike, Duration, NaiveDate};

fn ordinal(w: &str) -> Option<u32> {
    value(ValueClass::QuarterOrdinal, w).map(|n| n as u32)
}

/// "a", "two", "3": the count of an offset.
fn count(w: &str) -> Option<i64> {
    if let Some(n) = value(ValueClass::OffsetCount, w) {
        return Some(n as i64);
    }
    w.parse::<i64>().ok().filter(|n| (1..=100).contains(n))
}

/// The units and references in the order `values.tsv` names them (`UNIT_NAMES`,
/// `REFERENCE_NAMES`).
const UNITS: [Unit; 5] = [Unit::Day, Unit::Week, Unit::Month, Unit::Year, Unit::Decade];
const REFERENCES: [Reference; 3] = [Reference::Present, Reference::Past, Reference::Future];

fn unit(w: &str) -> Option<Unit> {
    crate::values::unit_index(w.trim_end_matches('s')).map(|i| UNITS[i])
}

fn season(w: &str) -> Option<u32> {
    value(ValueClass::Season, w).map(|n| n as u32)
}

/// The expressions of this module at word `j`: (kind, last word index).
pub(crate) fn extra_at(words: &Words, j: usize) -> Option<(TimeKind, usize)> {
    let w = words.low(j);
    let next = words.low(j + 1);
    // Vague references: a word ("now", "recently") or a phrase.
    if let Some(i) = crate::values::reference_index(w) {
        return Some((TimeKind::Reference(REFERENCES[i]), j));
    }
    let reference = match (w, next) {
        ("these", "days") => Some((Reference::Present, j + 1)),
        ("recent", "years") => Some((Reference::Past, j + 1)),
        // "the future of our country" is a thing, not a time.
        ("the", "future") if words.low(j + 2) != "of" => Some((Reference::Future, j + 1)),
        ("the", "near") if words.low(j + 2) == "future" && words.low(j + 3) != "of" => {
            Some((Reference::Future, j + 2))
        }
        ("the", "past") if !continues_period(words.low(j + 2)) => Some((Reference::Past, j + 1)),
        _ => None,
    };
    if let Some((r, last)) = reference {
        return Some((TimeKind::Reference(r), last));
    }
    if let Some(found) = quarter_at(words, j) {
        return Some(found);
    }
    if let Some(found) = offset_at(words, j) {
        return Some(found);
    }
    if let Some(found) = season_at(words, j) {
        return Some(found);
    }
    if let Some(found) = decade_at(words, j) {
        return Some(found);
    }
    // "last June", "this September", "next March".
    if let (Some(shift), Some(month)) = (shift_of(w), month_of(next))
        && words.is_capitalised(j + 1)
    {
        return Some((TimeKind::MonthShift { month, shift }, j + 1));
    }
    // "June of 2015".
    if let Some(month) = month_of(w)
        && words.is_capitalised(j)
        && next == "of"
        && let Some(y) = year_number(words.low(j + 2))
    {
        return Some((
            TimeKind::Month {
                month,
                year: Some(y),
            },
            j + 2,
        ));
    }
    // "fiscal 1989".
    if w == "fiscal"
        && let Some(y) = year_number(next)
    {
        return Some((TimeKind::Year(y), j + 1));
    }
    None
}

/// Words after "the past" that make it a period ("the past few days"), not PAST_REF.
fn continues_period(w: &str) -> bool {
    count(w).is_some() || unit(w).is_some() || matches!(w, "few" | "several" | "couple")
}

fn shift_of(w: &str) -> Option<i64> {
    Some(match w {
        "last" | "past" => -1,
        "this" => 0,
        "next" | "coming" => 1,
        _ => return None,
    })
}

/// "this year 's", "last year 's", "the 1988", "fiscal", "the fiscal": what may precede an
/// ordinal quarter; returns the year and the index after it.
fn year_prefix(words: &Words, mut k: usize) -> (YearRef, usize) {
    if words.low(k) == "the" {
        k += 1;
    }
    if words.low(k) == "fiscal" {
        k += 1;
    }
    if let Some(y) = year_number(words.low(k)) {
        return (YearRef::Abs(y), k + 1);
    }
    if let Some(s) = shift_of(words.low(k))
        && words.low(k + 1) == "year"
        && matches!(words.low(k + 2), "'s" | "’s")
    {
        return (YearRef::Rel(s), k + 3);
    }
    if words.low(k) == "fiscal" {
        k += 1;
    }
    (YearRef::Unsaid, k)
}

/// ", of 1984", "of this year", "of fiscal 1990" after a quarter.
fn year_suffix(words: &Words, k: usize) -> Option<(YearRef, usize)> {
    if words.low(k) != "of" {
        return None;
    }
    let mut m = k + 1;
    if words.low(m) == "fiscal" {
        m += 1;
    }
    if let Some(y) = year_number(words.low(m)) {
        return Some((YearRef::Abs(y), m));
    }
    let s = shift_of(words.low(m))?;
    (words.low(m + 1) == "year").then_some((YearRef::Rel(s), m + 1))
}

fn quarter_at(words: &Words, j: usize) -> Option<(TimeKind, usize)> {
    let (year, k) = year_prefix(words, j);
    let mut k = k;
    let n = ordinal(words.low(k));
    if n.is_some() {
        k += 1;
        if words.low(k) == "-" {
            k += 1;
        }
    }
    let noun = words.low(k);
    let (half, last) = match noun {
        "quarter" => (false, k),
        "half" if n.is_some_and(|n| n <= 2) => (true, k),
        _ => return quarter_by_reference(words, j),
    };
    if n.is_none() {
        return quarter_by_reference(words, j);
    }
    // An ordinal quarter names its own number; "first - quarter" needs "the" or a year only
    // when it stands alone as a noun, which the extent keeps as written.
    let (year, last) = match year_suffix(words, last + 1) {
        Some((y, l)) if year == YearRef::Unsaid => (y, l),
        _ => (year, last),
    };
    let n = n?;
    Some((
        if half {
            TimeKind::Half { n, year }
        } else {
            TimeKind::Quarter { n, year }
        },
        last,
    ))
}

/// "the quarter", "the latest quarter", "this quarter", "last quarter", "the year-earlier
/// quarter": a quarter named by its place relative to now.
fn quarter_by_reference(words: &Words, j: usize) -> Option<(TimeKind, usize)> {
    let w = words.low(j);
    let next = words.low(j + 1);
    let (shift, last) = match (w, next) {
        ("the", "quarter") => (-1, j + 1),
        ("the", "latest" | "recent" | "just-ended") if words.low(j + 2) == "quarter" => (-1, j + 2),
        ("the" | "this", "current") if words.low(j + 2) == "quarter" => (0, j + 2),
        ("this", "quarter") => (0, j + 1),
        ("last" | "previous", "quarter") => (-1, j + 1),
        ("next", "quarter") => (1, j + 1),
        ("the", "year") if words.low(j + 2) == "-" => {
            let which = words.low(j + 3);
            let noun = words.low(j + 4);
            if matches!(which, "earlier" | "ago") && matches!(noun, "quarter" | "period") {
                return Some((TimeKind::QuarterRel(-1, true), j + 4));
            }
            return None;
        }
        _ => return None,
    };
    Some((TimeKind::QuarterRel(shift, false), last))
}

/// "a year ago", "two weeks earlier", "year - earlier": offsets back from publication.
fn offset_at(words: &Words, j: usize) -> Option<(TimeKind, usize)> {
    let w = words.low(j);
    if w == "year" && words.low(j + 1) == "-" {
        let which = words.low(j + 2);
        if matches!(which, "earlier" | "ago") {
            return Some((
                TimeKind::Ago {
                    unit: Unit::Year,
                    n: 1,
                },
                j + 2,
            ));
        }
        return None;
    }
    let n = count(w)?;
    let u = unit(words.low(j + 1))?;
    let which = words.low(j + 2);
    matches!(which, "ago" | "earlier").then_some((TimeKind::Ago { unit: u, n }, j + 2))
}

/// "last fall", "this summer", "the winter of 1994", "spring 1998".
fn season_at(words: &Words, j: usize) -> Option<(TimeKind, usize)> {
    let w = words.low(j);
    let mut k = j;
    let mut shift = None;
    if let Some(s) = shift_of(w) {
        shift = Some(s);
        k += 1;
        if words.low(k) == "past" {
            shift = Some(-1);
            k += 1;
        }
    } else if w == "the" {
        k += 1;
    }
    let s = season(words.low(k))?;
    if let Some((year, last)) = year_suffix(words, k + 1) {
        return Some((TimeKind::Season { s, year }, last));
    }
    if let Some(y) = year_number(words.low(k + 1)) {
        return Some((
            TimeKind::Season {
                s,
                year: YearRef::Abs(y),
            },
            k + 1,
        ));
    }
    let shift = shift?;
    Some((TimeKind::SeasonShift { s, shift }, k))
}

/// "the 1990s", "the '80s", "the early 1980s", "mid - 1990s".
fn decade_at(words: &Words, j: usize) -> Option<(TimeKind, usize)> {
    let mut k = j;
    if words.low(k) == "the" {
        k += 1;
    }
    if matches!(words.low(k), "early" | "mid" | "late") {
        k += 1;
        if words.low(k) == "-" {
            k += 1;
        }
    }
    let w = words.low(k);
    let digits = w.trim_start_matches(['\'', '’']).strip_suffix('s')?;
    let decade: i32 = match digits.len() {
        4 if digits.ends_with('0') => digits.parse().ok()?,
        2 if digits.ends_with('0') => 1900 + digits.parse::<i32>().ok()?,
        _ => return None,
    };
    Some((TimeKind::Decade(decade / 10), k))
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Months `first..=last` (1-based, `last` up to 14 spilling into the next year) of year `y`.
fn months(y: i32, first: u32, last: u32) -> Option<Interval> {
    let start = day(y, first, 1)?;
    let (ey, em) = if last >= 12 {
        (y + 1, last - 12 + 1)
    } else {
        (y, last + 1)
    };
    Some(Interval {
        start,
        end: day(ey, em, 1)? - Duration::days(1),
    })
}

pub(crate) fn quarter_interval(y: i32, n: u32) -> Option<Interval> {
    months(y, 3 * n - 2, 3 * n)
}

pub(crate) fn season_interval(y: i32, s: u32) -> Option<Interval> {
    months(y, 3 * s + 3, 3 * s + 5)
}

/// The year of a period `of(year)` that the text names without one: the nearest, or the last
/// one begun by publication for the past, or the next one not yet over for the future.
fn pick_year(
    year: YearRef,
    pubd: NaiveDate,
    dir: Direction,
    of: impl Fn(i32) -> Option<Interval>,
) -> Option<i32> {
    let y = pubd.year();
    Some(match year {
        YearRef::Abs(y) => y,
        YearRef::Rel(s) => y + s as i32,
        YearRef::Unsaid => match dir {
            Direction::Past if of(y)?.start > pubd => y - 1,
            Direction::Future if of(y)?.end < pubd => y + 1,
            _ => y,
        },
    })
}

/// Resolves the kinds of this module; `None` for references and what has no anchor.
pub(crate) fn resolve_extra(kind: &TimeKind, pubd: NaiveDate, dir: Direction) -> Option<Interval> {
    let current_q = (pubd.month0() / 3) as i64;
    match kind {
        TimeKind::Quarter { n, year } => {
            // A quarter reported on is over or under way: a future verb ("will report
            // third-quarter results") does not move it to next year.
            let dir = if dir == Direction::Future {
                Direction::Nearest
            } else {
                dir
            };
            let y = pick_year(*year, pubd, dir, |y| quarter_interval(y, *n))?;
            quarter_interval(y, *n)
        }
        TimeKind::Half { n, year } => {
            let y = pick_year(*year, pubd, dir, |y| months(y, 6 * n - 5, 6 * n))?;
            months(y, 6 * n - 5, 6 * n)
        }
        TimeKind::QuarterRel(shift, year_earlier) => {
            let q = pubd.year() as i64 * 4 + current_q + shift - if *year_earlier { 4 } else { 0 };
            quarter_interval(q.div_euclid(4) as i32, q.rem_euclid(4) as u32 + 1)
        }
        TimeKind::Season { s, year } => {
            let y = pick_year(*year, pubd, dir, |y| season_interval(y, *s))?;
            season_interval(y, *s)
        }
        TimeKind::SeasonShift { s, shift } => {
            let this = season_interval(pubd.year(), *s)?;
            let y = match shift {
                0 => pubd.year(),
                s if *s < 0 => pubd.year() - i32::from(this.end >= pubd),
                _ => pubd.year() + i32::from(this.start <= pubd),
            };
            season_interval(y, *s)
        }
        TimeKind::Reference(Reference::Present) => Some(Interval {
            start: pubd,
            end: pubd,
        }),
        TimeKind::Decade(d) => Some(Interval {
            start: day(d * 10, 1, 1)?,
            end: day(d * 10 + 9, 12, 31)?,
        }),
        TimeKind::Ago { unit, n } => {
            let at = match unit {
                Unit::Day => pubd - Duration::days(*n),
                Unit::Week => pubd - Duration::days(7 * n),
                Unit::Month => pubd.checked_sub_months(chrono::Months::new(*n as u32))?,
                Unit::Year => pubd.with_year(pubd.year() - *n as i32)?,
                Unit::Decade => pubd.with_year(pubd.year() - 10 * *n as i32)?,
            };
            Some(match unit {
                Unit::Day => Interval { start: at, end: at },
                Unit::Week => {
                    let monday = at - Duration::days(at.weekday().num_days_from_monday() as i64);
                    Interval {
                        start: monday,
                        end: monday + Duration::days(6),
                    }
                }
                Unit::Month => months(at.year(), at.month(), at.month())?,
                Unit::Year => months(at.year(), 1, 12)?,
                Unit::Decade => {
                    let d = at.year() / 10 * 10;
                    months(d, 1, 12).map(|i| Interval {
                        start: i.start,
                        end: day(d + 9, 12, 31).unwrap_or(i.end),
                    })?
                }
            })
        }
        TimeKind::MonthShift { month, shift } => {
            let y = match shift {
                0 => pubd.year(),
                s if *s < 0 => pubd.year() - i32::from(*month >= pubd.month()),
                _ => pubd.year() + i32::from(*month <= pubd.month()),
            };
            months(y, *month, *month)
        }
        _ => None,
    }
}

/// The TimeML value of the kinds of this module, from their resolved interval.
pub(crate) fn extra_value(kind: &TimeKind, i: Option<Interval>) -> Option<String> {
    if let TimeKind::Reference(r) = kind {
        return Some(
            match r {
                Reference::Past => "PAST_REF",
                Reference::Present => "PRESENT_REF",
                Reference::Future => "FUTURE_REF",
            }
            .to_string(),
        );
    }
    let i = i?;
    let y = i.start.year();
    Some(match kind {
        TimeKind::Quarter { .. } | TimeKind::QuarterRel(..) => {
            format!("{y}-Q{}", i.start.month0() / 3 + 1)
        }
        TimeKind::Half { .. } => format!("{y}-H{}", i.start.month0() / 6 + 1),
        TimeKind::Season { .. } | TimeKind::SeasonShift { .. } => {
            let s = ["SP", "SU", "FA", "WI"][(i.start.month0() / 3).min(3) as usize];
            format!("{y}-{s}")
        }
        TimeKind::Decade(d) => format!("{d}"),
        TimeKind::Ago { unit, .. } => match unit {
            Unit::Day => i.start.format("%Y-%m-%d").to_string(),
            Unit::Week => i.start.format("%G-W%V").to_string(),
            Unit::Month => i.start.format("%Y-%m").to_string(),
            Unit::Year => format!("{y}"),
            Unit::Decade => format!("{}", y / 10),
        },
        TimeKind::MonthShift { .. } => i.start.format("%Y-%m").to_string(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::dates::{Direction, find_times};
    use crate::timex::timeml_value;
    use chrono::NaiveDate;

    /// The TimeML value of the only expression of `text`, published Thursday 1989-10-26.
    fn value(text: &str, dir: Direction) -> Option<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let t = find_times(&words);
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        timeml_value(&t[0], NaiveDate::from_ymd_opt(1989, 10, 26), dir)
    }

    fn v(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn quarters_halves_and_references() {
        let past = Direction::Past;
        assert_eq!(
            value("profit in the third quarter rose", past),
            v("1989-Q3")
        );
        assert_eq!(value("Third - quarter profit", past), v("1989-Q3"));
        assert_eq!(
            value("in the fourth quarter", Direction::Future),
            v("1989-Q4")
        );
        assert_eq!(value("the third quarter of 1984", past), v("1984-Q3"));
        assert_eq!(value("next year 's first quarter", past), v("1990-Q1"));
        assert_eq!(value("in the quarter ,", past), v("1989-Q3"));
        assert_eq!(value("the first half of 1990", past), v("1990-H1"));
        assert_eq!(value("is now closed", past), v("PRESENT_REF"));
        assert_eq!(value("was recently closed", past), v("PAST_REF"));
        assert_eq!(value("in the future", past), v("FUTURE_REF"));
    }

    #[test]
    fn seasons_decades_offsets_and_shifted_months() {
        let past = Direction::Past;
        assert_eq!(value("said last fall", past), v("1988-FA"));
        assert_eq!(value("this summer", past), v("1989-SU"));
        assert_eq!(value("the winter of 1994", past), v("1994-WI"));
        assert_eq!(value("in the 1990s", past), v("199"));
        assert_eq!(value("a year ago", past), v("1988"));
        assert_eq!(value("two weeks ago", past), v("1989-W41"));
        assert_eq!(value("last June", past), v("1989-06"));
        assert_eq!(value("last November", past), v("1988-11"));
        assert_eq!(value("next March", Direction::Future), v("1990-03"));
        assert_eq!(value("in June of 2015", past), v("2015-06"));
        assert_eq!(value("in early November", Direction::Nearest), v("1989-11"));
        assert_eq!(value("fiscal 1989", past), v("1989"));
    }
}
