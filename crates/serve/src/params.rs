//! Query parameters: the filters through the store's own parser (the one `attache events`
//! uses), then paging, sorting and grouping. Unknown or repeated parameters are refused, so a
//! misspelt filter never silently returns everything. An empty value counts as absent (an empty
//! field of a form).

use crate::error::ApiError;
use attache_store::{Filter, FilterParams, GroupBy};

/// The filter parameters every list accepts.
pub const FILTER_KEYS: [&str; 10] = [
    "event",
    "mode",
    "actor",
    "recipient",
    "since",
    "until",
    "text",
    "country",
    "admin1",
    "near",
];
/// Most events one page may hold.
pub const MAX_LIMIT: usize = 1000;
pub const DEFAULT_LIMIT: usize = 100;

/// Parameters as given, checked against the names an endpoint knows.
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    pub fn new(pairs: Vec<(String, String)>, extra: &[&str]) -> Result<Params, ApiError> {
        let mut seen: Vec<&str> = Vec::new();
        for (key, _) in &pairs {
            // The token may come as a parameter on any request (see `access`).
            if key == "token" {
                continue;
            }
            if !FILTER_KEYS.contains(&key.as_str()) && !extra.contains(&key.as_str()) {
                let mut known: Vec<&str> = FILTER_KEYS.to_vec();
                known.extend(extra);
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {key:?} (known: {})",
                    known.join(", ")
                )));
            }
            if seen.contains(&key.as_str()) {
                return Err(ApiError::bad_request(format!(
                    "parameter {key:?} given twice"
                )));
            }
            seen.push(key);
        }
        Ok(Params { pairs })
    }

    fn get(&self, key: &str) -> Option<String> {
        self.pairs
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.clone())
    }

    /// The filter, parsed exactly as the command line parses it.
    pub fn filter(&self) -> Result<Filter, ApiError> {
        let params = FilterParams {
            event: self.get("event"),
            mode: self.get("mode"),
            actor: self.get("actor"),
            recipient: self.get("recipient"),
            since: self.get("since"),
            until: self.get("until"),
            text: self.get("text"),
            country: self.get("country"),
            admin1: self.get("admin1"),
            near: self.get("near"),
        };
        params
            .parse()
            .map_err(|e| ApiError::bad_request(e.to_string()))
    }

    fn number(&self, key: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(text) = self.get(key) else {
            return Ok(default);
        };
        match text.parse::<usize>() {
            Ok(n) if n <= max => Ok(n),
            _ => Err(ApiError::bad_request(format!(
                "{key}: {text:?} is not a whole number from 0 to {max}"
            ))),
        }
    }

    pub fn page(&self) -> Result<Page, ApiError> {
        let limit = self.number("limit", DEFAULT_LIMIT, MAX_LIMIT)?;
        if limit == 0 {
            return Err(ApiError::bad_request(format!(
                "limit: must be from 1 to {MAX_LIMIT}"
            )));
        }
        Ok(Page {
            limit,
            offset: self.number("offset", 0, usize::MAX)?,
        })
    }

    pub fn sort(&self) -> Result<Sort, ApiError> {
        let text = self.get("sort").unwrap_or_else(|| "id".to_string());
        let (descending, key) = match text.strip_prefix('-') {
            Some(key) => (true, key),
            None => (false, text.as_str()),
        };
        let key = match key {
            "id" => SortKey::Id,
            "date" => SortKey::Date,
            "count" => SortKey::Count,
            _ => {
                return Err(ApiError::bad_request(format!(
                    "sort: {text:?} is not one of id, date, count (a leading - reverses)"
                )));
            }
        };
        Ok(Sort { key, descending })
    }

    pub fn group_by(&self) -> Result<GroupBy, ApiError> {
        let text = self.get("by").unwrap_or_else(|| "actor".to_string());
        GroupBy::parse(&text).ok_or_else(|| {
            ApiError::bad_request(format!(
                "by: {text:?} is not one of actor, recipient, month, event"
            ))
        })
    }

    pub fn bucket(&self) -> Result<Bucket, ApiError> {
        match self.get("bucket").as_deref() {
            None | Some("day") => Ok(Bucket::Day),
            Some("week") => Ok(Bucket::Week),
            Some(other) => Err(ApiError::bad_request(format!(
                "bucket: {other:?} is not one of day, week"
            ))),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub limit: usize,
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Id,
    Date,
    Count,
}

#[derive(Debug, Clone, Copy)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    Day,
    Week,
}
