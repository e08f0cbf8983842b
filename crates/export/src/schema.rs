//! The one column schema of every export format: names, types and meanings, in order.
//! `docs/export.md` documents the same table (a test holds the two together).

use chrono::NaiveDate;

/// What a column holds. Every scalar may be empty (null), except booleans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text; null where unknown.
    Text,
    /// A whole number; null where unknown.
    Int,
    /// A decimal number; null where unknown.
    Float,
    /// `true` or `false`, never null.
    Bool,
    /// An ISO 8601 day (`2022-04-05`); null where unknown.
    Date,
    /// A list of texts (empty strings where an item is unknown). Parquet and JSON Lines write a
    /// list; CSV joins the items with `;` (a `;` inside an item is written as `,`).
    List,
}

impl Kind {
    /// The type's name as `docs/export.md` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Text => "string",
            Kind::Int => "int64",
            Kind::Float => "float64",
            Kind::Bool => "bool",
            Kind::Date => "date",
            Kind::List => "list<string>",
        }
    }
}

/// One column: its name and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
}

const fn col(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

use Kind::{Bool, Date, Float, Int, List, Text};

/// Every column of an export, in the order written.
pub const COLUMNS: &[Column] = &[
    col("event_id", Text),
    col("date_start", Date),
    col("date_end", Date),
    col("date_precision", Text),
    col("date_exact", Bool),
    col("date_text", Text),
    col("planned_start", Date),
    col("planned_end", Date),
    col("planned_text", Text),
    col("event", Text),
    col("mode", Text),
    col("context", List),
    col("cameo", Text),
    col("modality", Text),
    col("claim", Bool),
    col("actor_codes", List),
    col("actor_names", List),
    col("actor_sectors", List),
    col("recipient_codes", List),
    col("recipient_names", List),
    col("recipient_sectors", List),
    col("count_low", Int),
    col("count_high", Int),
    col("count_unit", Text),
    col("counts_conflict", Bool),
    col("other_counts", List),
    col("killed_low", Int),
    col("killed_high", Int),
    col("injured_low", Int),
    col("injured_high", Int),
    col("missing_low", Int),
    col("missing_high", Int),
    col("arrested_low", Int),
    col("arrested_high", Int),
    col("location_text", Text),
    col("location_name", Text),
    col("location_country", Text),
    col("location_admin1", Text),
    col("location_lat", Float),
    col("location_lon", Float),
    col("location_geonames_id", Int),
    col("location_feature", Text),
    col("location_precision", Int),
    col("location_from", Text),
    col("sources", Int),
    col("documents", Int),
    col("reports", Int),
    col("first_report", Date),
    col("last_report", Date),
    col("source_documents", List),
    col("source_urls", List),
    col("source_titles", List),
    col("source_outlets", List),
    col("sentence", Text),
    col("sentence_document", Text),
    col("sentence_start", Int),
    col("sentence_end", Int),
    col("trigger", Text),
    col("attribution", Text),
];

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(Option<String>),
    Int(Option<i64>),
    Float(Option<f64>),
    Bool(bool),
    Date(Option<NaiveDate>),
    List(Vec<String>),
}

impl Value {
    /// The kind of column this value belongs in.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Text(_) => Kind::Text,
            Value::Int(_) => Kind::Int,
            Value::Float(_) => Kind::Float,
            Value::Bool(_) => Kind::Bool,
            Value::Date(_) => Kind::Date,
            Value::List(_) => Kind::List,
        }
    }
}
