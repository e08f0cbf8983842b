//! The one parser of event filters, shared by the command line (`attache events --actor POL`)
//! and the HTTP API (`/api/events?actor=POL`), so that both accept and refuse the same values
//! with the same messages.

use crate::{Filter, Near};
use attache_event::EventCategory;
use chrono::NaiveDate;

/// A filter as text, the way a command line or a URL gives it: every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterParams {
    pub event: Option<String>,
    pub mode: Option<String>,
    pub actor: Option<String>,
    pub recipient: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub text: Option<String>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub near: Option<String>,
}

/// A filter value that does not parse, naming the field ("since") and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct FilterError {
    pub field: &'static str,
    pub problem: FilterValueError,
}

/// Why one filter value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterValueError {
    #[error("{0:?} is not a date (YYYY-MM-DD)")]
    Date(String),
    #[error("{text:?} is not a PLOVER category ({names})")]
    Category { text: String, names: String },
    #[error("{until} is before the since date {since}")]
    Period { since: NaiveDate, until: NaiveDate },
    #[error("{0:?} is not LAT,LON,KM (latitude -90..90, longitude -180..180, kilometres above 0)")]
    Near(String),
}

/// A day as `YYYY-MM-DD`, exactly: `2022-1-1` is refused rather than read one way or another.
pub fn parse_date(text: &str) -> Result<NaiveDate, FilterValueError> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    shaped
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| FilterValueError::Date(text.to_string()))
}

/// A period must not end before it starts: `--since` after `--until` selects nothing, which is
/// a mistake to report, not an empty answer.
pub fn check_period(since: Option<NaiveDate>, until: Option<NaiveDate>) -> Result<(), FilterError> {
    match (since, until) {
        (Some(since), Some(until)) if since > until => Err(FilterError {
            field: "until",
            problem: FilterValueError::Period { since, until },
        }),
        _ => Ok(()),
    }
}

/// A PLOVER category name (`SANCTION`, `protest`, ...).
pub fn parse_category(text: &str) -> Result<EventCategory, FilterValueError> {
    EventCategory::parse(text).ok_or_else(|| {
        let names: Vec<&str> = EventCategory::ALL.iter().map(|c| c.as_str()).collect();
        FilterValueError::Category {
            text: text.to_string(),
            names: names.join(", "),
        }
    })
}

/// An actor or recipient code as stored: trimmed, upper case.
pub fn parse_code(text: &str) -> Result<String, FilterValueError> {
    Ok(text.trim().to_ascii_uppercase())
}

/// `LAT,LON,KM`: a circle of KM kilometres around a point in decimal degrees.
pub fn parse_near(text: &str) -> Result<Near, FilterValueError> {
    let numbers: Vec<f64> = text
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| FilterValueError::Near(text.to_string()))?;
    match numbers[..] {
        [lat, lon, km]
            if (-90.0..=90.0).contains(&lat)
                && (-180.0..=180.0).contains(&lon)
                && km > 0.0
                && km.is_finite() =>
        {
            Ok(Near { lat, lon, km })
        }
        _ => Err(FilterValueError::Near(text.to_string())),
    }
}

impl FilterParams {
    /// The filter these values describe, or the first value that does not parse.
    pub fn parse(&self) -> Result<Filter, FilterError> {
        fn field<T>(
            name: &'static str,
            value: &Option<String>,
            parse: impl Fn(&str) -> Result<T, FilterValueError>,
        ) -> Result<Option<T>, FilterError> {
            value
                .as_deref()
                .map(|v| {
                    parse(v).map_err(|problem| FilterError {
                        field: name,
                        problem,
                    })
                })
                .transpose()
        }
        let since = field("since", &self.since, parse_date)?;
        let until = field("until", &self.until, parse_date)?;
        check_period(since, until)?;
        Ok(Filter {
            category: field("event", &self.event, parse_category)?,
            mode: self.mode.clone(),
            actor: field("actor", &self.actor, parse_code)?,
            recipient: field("recipient", &self.recipient, parse_code)?,
            since,
            until,
            text: self.text.clone(),
            country: field("country", &self.country, parse_code)?,
            admin1: field("admin1", &self.admin1, parse_code)?,
            near: field("near", &self.near, parse_near)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_the_command_line_accepts() {
        let params = FilterParams {
            event: Some("sanction".into()),
            actor: Some(" pol ".into()),
            since: Some("2022-04-01".into()),
            ..FilterParams::default()
        };
        let filter = params.parse().unwrap();
        assert_eq!(filter.category, Some(EventCategory::Sanction));
        assert_eq!(filter.actor.as_deref(), Some("POL"));
        assert_eq!(filter.since, NaiveDate::from_ymd_opt(2022, 4, 1));
    }

    #[test]
    fn dates_are_iso_and_periods_run_forwards() {
        for text in [
            "2022-1-1",
            "2022-01-1",
            "22-01-01",
            "2022/01/01",
            "2022-01-01x",
        ] {
            assert!(parse_date(text).is_err(), "{text} accepted");
        }
        let backwards = FilterParams {
            since: Some("2022-05-01".into()),
            until: Some("2022-04-01".into()),
            ..FilterParams::default()
        };
        let error = backwards.parse().unwrap_err();
        assert_eq!(error.field, "until");
        assert!(error.to_string().contains("before"), "{error}");
    }

    #[test]
    fn places_are_codes_and_circles() {
        let params = FilterParams {
            country: Some("irq".into()),
            admin1: Some("iq.15".into()),
            near: Some("36.34, 43.12, 100".into()),
            ..FilterParams::default()
        };
        let filter = params.parse().unwrap();
        assert_eq!(filter.country.as_deref(), Some("IRQ"));
        assert_eq!(filter.admin1.as_deref(), Some("IQ.15"));
        let near = filter.near.unwrap();
        assert!(near.contains(36.19, 44.01), "Erbil is 80 km from Mosul");
        assert!(!near.contains(33.31, 44.36), "Baghdad is not");
        for bad in ["36,43", "91,0,5", "36,43,0", "a,b,c"] {
            let params = FilterParams {
                near: Some(bad.into()),
                ..FilterParams::default()
            };
            assert_eq!(params.parse().unwrap_err().field, "near", "{bad}");
        }
    }

    #[test]
    fn names_the_field_that_does_not_parse() {
        let bad_date = FilterParams {
            until: Some("2022-13-01".into()),
            ..FilterParams::default()
        };
        let error = bad_date.parse().unwrap_err();
        assert_eq!(error.field, "until");
        assert!(error.to_string().contains("not a date"), "{error}");
        let bad_category = FilterParams {
            event: Some("PICNIC".into()),
            ..FilterParams::default()
        };
        let error = bad_category.parse().unwrap_err();
        assert_eq!(error.field, "event");
        assert!(error.to_string().contains("SANCTION"), "{error}");
    }
}
