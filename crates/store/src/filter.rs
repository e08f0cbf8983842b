//! The one parser of event filters, shared by the command line (`attache events --actor POL`)
//! and the HTTP API (`/api/events?actor=POL`), so that both accept and refuse the same values
//! with the same messages.

use crate::{Filter, Near};
use attache_event::EventCategory;
use chrono::NaiveDate;

/// A filter as text, the way a command line or a URL gives it: every field optional. With the
/// `clap` feature it is also the command line's group of filter options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::Args))]
pub struct FilterParams {
    /// PLOVER category: SANCTION, PROTEST, ...
    #[cfg_attr(feature = "clap", arg(long, value_name = "CATEGORY"))]
    pub event: Option<String>,
    /// PLOVER mode, any case: expel, ...
    #[cfg_attr(feature = "clap", arg(long))]
    pub mode: Option<String>,
    /// ISO3 or organisation code, or a name (Russia); a group (EU, NATO) stands for its
    /// members at the event's date
    #[cfg_attr(feature = "clap", arg(long, value_name = "CODE"))]
    pub actor: Option<String>,
    /// ISO3 or organisation code, or a name; a group stands for its members at the event's date
    #[cfg_attr(feature = "clap", arg(long, value_name = "CODE"))]
    pub recipient: Option<String>,
    /// Events on or after this day (YYYY-MM-DD)
    #[cfg_attr(feature = "clap", arg(long, value_name = "DATE"))]
    pub since: Option<String>,
    /// Events on or before this day (YYYY-MM-DD)
    #[cfg_attr(feature = "clap", arg(long, value_name = "DATE"))]
    pub until: Option<String>,
    /// Words a reporting sentence contains (case-insensitive)
    #[cfg_attr(feature = "clap", arg(long))]
    pub text: Option<String>,
    /// ISO3 code of the country where the event happened
    #[cfg_attr(feature = "clap", arg(long, value_name = "CODE"))]
    pub country: Option<String>,
    /// GeoNames admin-1 code of the region where it happened (US.VA, IQ.15)
    #[cfg_attr(feature = "clap", arg(long, value_name = "CODE"))]
    pub admin1: Option<String>,
    /// Events in or near a town within KM kilometres of LAT,LON
    #[cfg_attr(feature = "clap", arg(long, value_name = "LAT,LON,KM"))]
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
    /// A name, code or mode nothing known goes by, with the nearest known ones.
    #[error("{text:?} is not a known {what}{}", did_you_mean(.suggestions))]
    Unknown {
        what: &'static str,
        text: String,
        suggestions: Vec<String>,
    },
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
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

/// What filters may name, supplied by the caller (the store does not know the dictionaries):
/// names resolve to codes (`--actor Russia` is `RUS`), and a value that names nothing known is
/// an error suggesting the nearest known ones, never a silent empty answer.
pub trait Vocabulary {
    /// The actor code `name` stands for: a code as is, or a name the dictionaries know.
    fn resolve_actor(&self, name: &str) -> Option<String>;
    /// Every known actor code with its name, for suggestions.
    fn actors(&self) -> Vec<(String, String)>;
    /// Every known PLOVER mode, lower case.
    fn modes(&self) -> Vec<String>;
}

/// Up to three of `known` (value, what to show) nearest to `wanted`, best first.
pub fn nearest<'a>(
    wanted: &str,
    known: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Vec<String> {
    let wanted = wanted.trim().to_lowercase();
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .map(|(value, shown)| (strsim::jaro_winkler(&wanted, &value.to_lowercase()), shown))
        .filter(|(score, _)| *score >= 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, shown) in scored {
        if !out.iter().any(|o| o == shown) && out.len() < 3 {
            out.push(shown.to_string());
        }
    }
    out
}

fn unknown(what: &'static str, text: &str, suggestions: Vec<String>) -> FilterValueError {
    FilterValueError::Unknown {
        what,
        text: text.to_string(),
        suggestions,
    }
}

/// An actor or recipient code, or a name the vocabulary resolves to one.
pub fn parse_actor(text: &str, vocabulary: &dyn Vocabulary) -> Result<String, FilterValueError> {
    if let Some(code) = vocabulary.resolve_actor(text) {
        return Ok(code);
    }
    let actors = vocabulary.actors();
    let known = actors.iter().flat_map(|(code, name)| {
        let shown = (code.as_str(), name.as_str());
        [(shown.0, shown.0), (shown.1, shown.0)]
    });
    let mut suggestions: Vec<String> = nearest(text, known);
    for s in &mut suggestions {
        if let Some((_, name)) = actors.iter().find(|(code, _)| code == s) {
            *s = format!("{s} ({name})");
        }
    }
    Err(unknown("actor code or name", text, suggestions))
}

/// A PLOVER mode in any letter case (`EXPEL` is `expel`).
pub fn parse_mode(text: &str, vocabulary: &dyn Vocabulary) -> Result<String, FilterValueError> {
    let mode = text.trim().to_lowercase();
    let modes = vocabulary.modes();
    if modes.contains(&mode) {
        return Ok(mode);
    }
    let suggestions = nearest(&mode, modes.iter().map(|m| (m.as_str(), m.as_str())));
    Err(unknown("PLOVER mode", text, suggestions))
}

impl FilterParams {
    /// The filter these values describe, with actor names resolved and modes checked through
    /// `vocabulary`, or the first value that does not parse.
    pub fn parse_with(&self, vocabulary: &dyn Vocabulary) -> Result<Filter, FilterError> {
        let mut filter = FilterParams {
            actor: None,
            recipient: None,
            mode: None,
            ..self.clone()
        }
        .parse()?;
        filter.mode = field("mode", &self.mode, |v| parse_mode(v, vocabulary))?;
        filter.actor = field("actor", &self.actor, |v| parse_actor(v, vocabulary))?;
        filter.recipient = field("recipient", &self.recipient, |v| parse_actor(v, vocabulary))?;
        Ok(filter)
    }

    /// The filter these values describe, or the first value that does not parse. Codes are
    /// taken as given (see [`FilterParams::parse_with`] for names and checks).
    pub fn parse(&self) -> Result<Filter, FilterError> {
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

/// One filter value parsed, or the error naming its field.
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

    struct Words;

    impl Vocabulary for Words {
        fn resolve_actor(&self, name: &str) -> Option<String> {
            match name.trim().to_lowercase().as_str() {
                "rus" | "russia" => Some("RUS".into()),
                "pol" | "poland" => Some("POL".into()),
                _ => None,
            }
        }
        fn actors(&self) -> Vec<(String, String)> {
            vec![
                ("RUS".into(), "Russia".into()),
                ("POL".into(), "Poland".into()),
            ]
        }
        fn modes(&self) -> Vec<String> {
            vec!["expel".into(), "embargo".into()]
        }
    }

    #[test]
    fn names_resolve_and_unknown_values_suggest_the_nearest() {
        let params = FilterParams {
            actor: Some("Russia".into()),
            mode: Some("EXPEL".into()),
            ..FilterParams::default()
        };
        let filter = params.parse_with(&Words).unwrap();
        assert_eq!(filter.actor.as_deref(), Some("RUS"));
        assert_eq!(filter.mode.as_deref(), Some("expel"));
        let typo = FilterParams {
            recipient: Some("Rusia".into()),
            ..FilterParams::default()
        };
        let error = typo.parse_with(&Words).unwrap_err();
        assert_eq!(error.field, "recipient");
        assert!(
            error.to_string().contains("did you mean RUS (Russia)"),
            "{error}"
        );
        let mode = FilterParams {
            mode: Some("expell".into()),
            ..FilterParams::default()
        };
        let error = mode.parse_with(&Words).unwrap_err();
        assert!(error.to_string().contains("did you mean expel"), "{error}");
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
