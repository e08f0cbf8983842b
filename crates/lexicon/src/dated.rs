//! Dated roles of people: `RUS GOV 2008-05-08..; RUS ELI ..1999-08-09` in a phrase file's
//! sixth column.

use crate::load::parse_date;
use crate::{DatedRole, DatedRoleError};

/// Parses `CODE SECTOR FROM..UNTIL` items joined by `;` (sector `-`: none; an empty date:
/// open). Codes are checked against the loaded countries and organisations by the caller.
pub(crate) fn parse_roles(field: &str) -> Result<Vec<DatedRole>, DatedRoleError> {
    let mut out = Vec::new();
    for item in field.split(';').map(str::trim).filter(|i| !i.is_empty()) {
        let parts: Vec<&str> = item.split_whitespace().collect();
        let [code, sector, range] = parts.as_slice() else {
            return Err(DatedRoleError::Shape {
                item: item.to_string(),
            });
        };
        let Some((from, until)) = range.split_once("..") else {
            return Err(DatedRoleError::NoRange {
                item: item.to_string(),
            });
        };
        let date = |d: &str| -> Result<Option<String>, DatedRoleError> {
            if d.is_empty() {
                return Ok(None);
            }
            // A valid YYYY-MM-DD date is kept as written (it is how chrono writes it).
            parse_date(d)
                .map(|_| Some(d.to_string()))
                .ok_or_else(|| DatedRoleError::BadDate {
                    item: item.to_string(),
                    date: d.to_string(),
                })
        };
        let (from, until) = (date(from)?, date(until)?);
        if let (Some(f), Some(u)) = (&from, &until)
            && u < f
        {
            return Err(DatedRoleError::EndsBeforeStart {
                item: item.to_string(),
            });
        }
        out.push(DatedRole {
            code: code.to_string(),
            sector: (*sector != "-").then(|| sector.to_string()),
            from,
            until,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_with_open_ends_and_errors() {
        let r = parse_roles("RUS ELI ..1999-08-09; RUS GOV 2008-05-08..").unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].until.as_deref(), Some("1999-08-09"));
        assert_eq!(r[1].from.as_deref(), Some("2008-05-08"));
        assert!(r[1].covers("2012-03-01") && !r[1].covers("2005-01-01"));
        assert!(parse_roles("RUS GOV 2008-05-08").is_err());
        assert!(parse_roles("RUS GOV 2008-13-08..").is_err());
        assert!(parse_roles("RUS GOV 2009-01-01..2008-01-01").is_err());
        assert!(parse_roles("RUS GOV 2009-02-29..").is_err());
        assert!(parse_roles("RUS GOV 2008-02-29..").is_ok());
    }

    #[test]
    fn dates_read_as_calendar_days() {
        let d = parse_date("2022-04-05").unwrap();
        assert_eq!(d.to_string(), "2022-04-05");
        assert_eq!(parse_date("0999-12-31").unwrap().to_string(), "0999-12-31");
        for bad in [
            "2022-4-05",
            "2022-04-31",
            "2022/04/05",
            "+202-04-05",
            "2022-04-05 ",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }
}
