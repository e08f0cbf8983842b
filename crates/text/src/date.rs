//! Publication dates as sources write them: ISO dates, RFC 3339 timestamps and, in HTML
//! metadata, the e-mail style dates some sites still use.

use crate::DateError;
use chrono::{DateTime, NaiveDate, NaiveDateTime};

/// Parses `YYYY-MM-DD` or a full RFC 3339 timestamp (`2022-04-05T09:30:00+02:00`).
///
/// A timestamp gives the calendar date at the offset it is written in: that is the date the
/// publisher printed, which is what relative dates in the text ("on Tuesday") count from.
pub fn parse_published(value: &str) -> Result<NaiveDate, DateError> {
    let value = value.trim();
    if value.len() == 10 {
        return NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|source| DateError::Day {
            value: value.to_string(),
            source,
        });
    }
    if let Ok(stamp) = DateTime::parse_from_rfc3339(value) {
        return Ok(stamp.date_naive());
    }
    // Timestamps without an offset are common in exports; their date part is still the date.
    for layout in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(stamp) = NaiveDateTime::parse_from_str(value, layout) {
            return Ok(stamp.date());
        }
    }
    Err(DateError::Unrecognised {
        value: value.to_string(),
    })
}

/// Like [`parse_published`], also accepting what HTML metadata carries in the wild:
/// RFC 2822 dates and compact `YYYYMMDD`.
pub(crate) fn parse_meta_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if let Ok(date) = parse_published(value) {
        return Some(date);
    }
    if let Ok(stamp) = DateTime::parse_from_rfc2822(value) {
        return Some(stamp.date_naive());
    }
    if value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(value, "%Y%m%d").ok();
    }
    // "2022-04-05T09:30:00.000+0200": an offset without the colon RFC 3339 requires.
    if value.len() > 10 && value.is_char_boundary(10) {
        let head = &value[..10];
        let rest = value.as_bytes()[10];
        if rest == b'T' || rest == b' ' {
            return NaiveDate::parse_from_str(head, "%Y-%m-%d").ok();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_and_timestamps() {
        assert_eq!(parse_published("2022-04-05"), Ok(ymd(2022, 4, 5)));
        assert_eq!(
            parse_published("2022-04-05T23:30:00-04:00"),
            Ok(ymd(2022, 4, 5))
        );
        assert_eq!(parse_published("2022-04-05T08:00:00Z"), Ok(ymd(2022, 4, 5)));
        assert_eq!(parse_published("2022-04-05 08:00:00"), Ok(ymd(2022, 4, 5)));
    }

    #[test]
    fn bad_dates_say_what_was_expected() {
        let err = parse_published("2022-13-40").unwrap_err().to_string();
        assert!(err.contains("2022-13-40"), "{err}");
        assert!(parse_published("yesterday").is_err());
        assert!(parse_published("").is_err());
    }

    #[test]
    fn meta_dates_in_other_layouts() {
        assert_eq!(
            parse_meta_date("Tue, 05 Apr 2022 10:00:00 GMT"),
            Some(ymd(2022, 4, 5))
        );
        assert_eq!(parse_meta_date("20220405"), Some(ymd(2022, 4, 5)));
        assert_eq!(
            parse_meta_date("2022-04-05T10:00:00.000+0200"),
            Some(ymd(2022, 4, 5))
        );
        assert_eq!(parse_meta_date("April"), None);
    }
}
