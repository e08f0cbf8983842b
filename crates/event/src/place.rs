//! Where an event happened: the place, resolved in the gazetteer where it can be.

use serde::{Deserialize, Serialize};

use crate::ByteSpan;

/// Where the event happened: the place its clause names ("near Mosul"), else the report's
/// dateline place. Resolved in the GeoNames gazetteer when it knows the name; an unknown place
/// keeps its words and no coordinates. Records written before the gazetteer have only `text`
/// and `country`; the other fields read as absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place as written: "Mosul", "the outskirts of Kyiv" gives "Kyiv".
    pub text: String,
    /// ISO 3166-1 alpha-3 code of the place's country; null for a region of no one state.
    pub country: Option<String>,
    /// The gazetteer's name for it: "Mosul", "Abū Ghurayb".
    #[serde(default)]
    pub name: Option<String>,
    /// GeoNames admin-1 code, country-prefixed ("IQ.15", "US.VA").
    #[serde(default)]
    pub admin1: Option<String>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    #[serde(default)]
    pub geonames_id: Option<u32>,
    #[serde(default)]
    pub feature: Option<PlaceFeature>,
    /// How closely the place pins the event, as ACLED's geo-precision: 1 the town itself,
    /// 2 near or outside a town, 3 a region, 4 a country.
    #[serde(default)]
    pub precision: Option<u8>,
    /// Byte span of `text` in the document.
    #[serde(default)]
    pub span: Option<ByteSpan>,
    #[serde(default)]
    pub from: PlaceFrom,
}

impl Location {
    /// A place known by its words and, at most, its country.
    pub fn unresolved(text: String, country: Option<String>) -> Location {
        Location {
            text,
            country,
            name: None,
            admin1: None,
            lat: None,
            lon: None,
            geonames_id: None,
            feature: None,
            precision: None,
            span: None,
            from: PlaceFrom::Clause,
        }
    }
}

/// What kind of place a [`Location`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceFeature {
    City,
    /// A first-level subdivision (a US state).
    Admin1,
    Country,
    /// A named area that the gazetteer does not hold: "Crimea", "the Middle East".
    Region,
}

impl PlaceFeature {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::City => "city",
            Self::Admin1 => "admin1",
            Self::Country => "country",
            Self::Region => "region",
        }
    }
}

/// Where an event's place was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceFrom {
    /// The event's own clause: "in", "near", "outside", "at", "across" + a place.
    #[default]
    Clause,
    /// The report's dateline ("MOSUL, Iraq (Reuters) -"), when the clause names no place.
    Dateline,
}
