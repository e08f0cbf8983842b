//! The event record: the one vocabulary shared by the coder, the store and the evaluators.
//!
//! Field names follow the JSON contract of `attache extract --format jsonl`; renaming one is a
//! breaking change for every user's pipeline, so add fields rather than rename them.

pub use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// A `[start, end)` byte range into a document's text. Slicing the text with it gives the quote.
pub type ByteSpan = [usize; 2];

/// The sixteen PLOVER event categories (manual 2021), ordered from cooperation to conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventCategory {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

impl EventCategory {
    pub const ALL: [EventCategory; 16] = [
        Self::Agree,
        Self::Consult,
        Self::Support,
        Self::Concede,
        Self::Cooperate,
        Self::Aid,
        Self::Retreat,
        Self::Request,
        Self::Accuse,
        Self::Reject,
        Self::Threaten,
        Self::Protest,
        Self::Sanction,
        Self::Mobilize,
        Self::Coerce,
        Self::Assault,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Agree => "AGREE",
            Self::Consult => "CONSULT",
            Self::Support => "SUPPORT",
            Self::Concede => "CONCEDE",
            Self::Cooperate => "COOPERATE",
            Self::Aid => "AID",
            Self::Retreat => "RETREAT",
            Self::Request => "REQUEST",
            Self::Accuse => "ACCUSE",
            Self::Reject => "REJECT",
            Self::Threaten => "THREATEN",
            Self::Protest => "PROTEST",
            Self::Sanction => "SANCTION",
            Self::Mobilize => "MOBILIZE",
            Self::Coerce => "COERCE",
            Self::Assault => "ASSAULT",
        }
    }

    /// Parses a category name, accepting the PLOVER 0.5 names that the 2021 manual replaced
    /// (DEMAND, DISAPPROVE, FIGHT, INVESTIGATE), as found in older gold standard files.
    pub fn parse(name: &str) -> Option<EventCategory> {
        let upper = name.trim().to_ascii_uppercase();
        let mapped = match upper.as_str() {
            "DEMAND" => "REQUEST",
            "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
            "FIGHT" => "ASSAULT",
            other => other,
        };
        Self::ALL.into_iter().find(|c| c.as_str() == mapped)
    }
}

impl fmt::Display for EventCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How sure the report is about a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Approx,
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::AtLeast => "at_least",
            Self::MoreThan => "more_than",
            Self::AtMost => "at_most",
            Self::LessThan => "less_than",
            Self::Approx => "approx",
            Self::Range => "range",
        }
    }
}

/// Whether the report says the event happened, will happen, did not happen, or might.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    #[default]
    Asserted,
    Planned,
    Negated,
    Hypothetical,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asserted => "asserted",
            Self::Planned => "planned",
            Self::Negated => "negated",
            Self::Hypothetical => "hypothetical",
        }
    }

    /// Which mentions this one may be merged with: an announcement and the report that it
    /// happened are one event; a denial or a possibility is not the same event as the deed.
    pub fn merge_class(self) -> MergeClass {
        match self {
            Self::Asserted | Self::Planned => MergeClass::Occurrence,
            Self::Negated => MergeClass::Denial,
            Self::Hypothetical => MergeClass::Possibility,
        }
    }
}

/// The kinds of modality that never merge with each other (see [`Modality::merge_class`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MergeClass {
    /// It happened, or it is announced to happen.
    Occurrence,
    /// It is said not to have happened.
    Denial,
    /// It may happen.
    Possibility,
}

/// One participant: the words of the text and the code they resolve to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub text: String,
    /// ISO 3166 alpha-3 code, or an organisation code such as EU, UN, NATO.
    pub country: Option<String>,
    /// GOV, MIL, DIP, REB, CVL, MED, ... or null when the text does not say.
    pub sector: Option<String>,
    pub span: ByteSpan,
    /// For a generic agent ("police", "protesters"), where its country was read from; absent
    /// for actors that name their country themselves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_from: Option<CountryFrom>,
}

/// Where a generic agent's country comes from, in the order the coder tries them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CountryFrom {
    /// A nationality or country beside it: "Egyptian police".
    Modifier,
    /// The place of the event: "police arrested 40 protesters in Alexandria".
    Place,
    /// The report's dateline: "CAIRO (Reuters) - Police arrested ...".
    Dateline,
    /// The country the document names most often.
    Document,
}

/// A figure attached to an event: "at least 300 diplomats".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: f64,
    /// Upper bound for ranges ("between 20 and 30"); null otherwise.
    pub max: Option<f64>,
    /// What is counted, singular and lower case: "diplomat", "staff", "ambassador", "consulate".
    pub unit: Option<String>,
    pub qualifier: Qualifier,
    pub text: String,
    pub span: ByteSpan,
}

/// When the event happened, resolved against the publication date where the text allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// First day, written as an ISO 8601 date ("2022-04-05"); null when `resolved` is false.
    pub start: Option<NaiveDate>,
    /// Last day (the same as `start` for a single day).
    pub end: Option<NaiveDate>,
    pub text: String,
    /// False when the text gives no anchor: the words are kept and no date is guessed.
    pub resolved: bool,
    /// True when the event's own clause names no time and the date is the report's news peg
    /// (the time expression of its lead sentence), as a reader takes it; `text` quotes the peg.
    #[serde(default)]
    pub inherited: bool,
    /// How fine the resolved date is (day, week, month, quarter, year or range); null when
    /// `resolved` is false.
    #[serde(default)]
    pub precision: Option<DatePrecision>,
}

/// How fine a resolved date is: what its first and last day span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Day,
    /// Monday to Sunday of one ISO week.
    Week,
    /// The first to the last day of one month.
    Month,
    /// The first to the last day of one calendar quarter.
    Quarter,
    /// The first to the last day of one year.
    Year,
    /// Any other span ("between March 3 and March 9", "the 1990s", a season).
    Range,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Quarter => "quarter",
            Self::Year => "year",
            Self::Range => "range",
        }
    }

    /// The precision of the span from `start` to `end` (both included), read off the calendar.
    pub fn of(start: NaiveDate, end: NaiveDate) -> DatePrecision {
        use chrono::{Datelike, Weekday};
        let month_end = |d: NaiveDate| {
            d.checked_add_days(chrono::Days::new(1))
                .is_none_or(|next| next.month() != d.month())
        };
        let whole_months = start.day() == 1 && month_end(end) && start.year() == end.year();
        let months = end.month0() as i64 - start.month0() as i64 + 1;
        if start == end {
            Self::Day
        } else if start.weekday() == Weekday::Mon && (end - start).num_days() == 6 {
            Self::Week
        } else if whole_months && months == 1 {
            Self::Month
        } else if whole_months && months == 3 && start.month0().is_multiple_of(3) {
            Self::Quarter
        } else if whole_months && months == 12 {
            Self::Year
        } else {
            Self::Range
        }
    }
}

impl fmt::Display for DatePrecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kinds of casualty a report counts on a violent or coercive event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CasualtyKind {
    Killed,
    Injured,
    Missing,
    Arrested,
}

impl CasualtyKind {
    pub const ALL: [CasualtyKind; 4] = [Self::Killed, Self::Injured, Self::Missing, Self::Arrested];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Killed => "killed",
            Self::Injured => "injured",
            Self::Missing => "missing",
            Self::Arrested => "arrested",
        }
    }

    pub fn parse(name: &str) -> Option<CasualtyKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for CasualtyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The casualties of an ASSAULT or COERCE event, each a figure with its span: "killed 12
/// people and wounded 30" is killed 12, injured 30.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Casualties {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<Quantity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrested: Option<Quantity>,
}

impl Casualties {
    pub fn get(&self, kind: CasualtyKind) -> Option<&Quantity> {
        match kind {
            CasualtyKind::Killed => self.killed.as_ref(),
            CasualtyKind::Injured => self.injured.as_ref(),
            CasualtyKind::Missing => self.missing.as_ref(),
            CasualtyKind::Arrested => self.arrested.as_ref(),
        }
    }

    pub fn slot(&mut self, kind: CasualtyKind) -> &mut Option<Quantity> {
        match kind {
            CasualtyKind::Killed => &mut self.killed,
            CasualtyKind::Injured => &mut self.injured,
            CasualtyKind::Missing => &mut self.missing,
            CasualtyKind::Arrested => &mut self.arrested,
        }
    }

    /// The figures present, in the order killed, injured, missing, arrested.
    pub fn iter(&self) -> impl Iterator<Item = (CasualtyKind, &Quantity)> {
        CasualtyKind::ALL
            .into_iter()
            .filter_map(|k| self.get(k).map(|q| (k, q)))
    }

    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

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

/// Who the report credits for the claim: "according to calculations by the Financial Times".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    pub text: String,
    /// The credited source, normalised: "Financial Times".
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trigger {
    pub text: String,
    pub span: ByteSpan,
}

/// The sentence an event was read from. Its text is shared, not copied: all the events of one
/// sentence hold the same [`Arc`], so memory grows with the text, not with events times
/// sentence length. It serialises as a plain string; a store that keeps sentences apart
/// empties it, and the key is then left out (records without it read back empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRef {
    pub index: usize,
    pub span: ByteSpan,
    #[serde(default, skip_serializing_if = "is_empty")]
    pub text: Arc<str>,
}

fn is_empty(text: &Arc<str>) -> bool {
    text.is_empty()
}

/// One place in a document that reports an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub sentence: usize,
    pub span: ByteSpan,
    pub text: String,
}

/// One coded event from one document (all its mentions in that document merged).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub doc_id: String,
    pub event: EventCategory,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub cameo: Option<String>,
    pub actors: Vec<Actor>,
    pub recipients: Vec<Actor>,
    pub quantity: Option<Quantity>,
    /// Further figures the report gives for the same event ("seven of whom have diplomatic
    /// status", "two consulates"), kept rather than dropped.
    #[serde(default)]
    pub other_quantities: Vec<Quantity>,
    /// Killed, injured, missing and arrested, on ASSAULT and COERCE events; left out of the
    /// JSON when the report gives none.
    #[serde(default, skip_serializing_if = "Casualties::is_empty")]
    pub casualties: Casualties,
    pub date: Option<EventDate>,
    /// For an asserted announcement, promise, threat or refusal ("will hold talks on
    /// Thursday", "pledged to introduce a budget next February"): when the announced act is to
    /// happen, kept apart from `date`, which is the time of the saying. Left out of the JSON
    /// when the report names no such time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned: Option<EventDate>,
    pub location: Option<Location>,
    pub attribution: Option<Attribution>,
    pub modality: Modality,
    /// True when the figure totals several actors or a period rather than one actor's action.
    pub aggregate: bool,
    pub trigger: Trigger,
    pub sentence: SentenceRef,
    pub mentions: Vec<Mention>,
    /// The publication date of the source document, when known ("2022-04-05").
    #[serde(default)]
    pub published: Option<NaiveDate>,
}

impl Event {
    /// Country codes of the actors, in order, without repeats.
    pub fn actor_codes(&self) -> Vec<&str> {
        codes(&self.actors)
    }

    pub fn recipient_codes(&self) -> Vec<&str> {
        codes(&self.recipients)
    }
}

fn codes(actors: &[Actor]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for code in actors.iter().filter_map(|a| a.country.as_deref()) {
        if !out.contains(&code) {
            out.push(code);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_plover_names_map_to_current_ones() {
        assert_eq!(EventCategory::parse("DEMAND"), Some(EventCategory::Request));
        assert_eq!(
            EventCategory::parse("disapprove"),
            Some(EventCategory::Accuse)
        );
        assert_eq!(EventCategory::parse("FIGHT"), Some(EventCategory::Assault));
        assert_eq!(
            EventCategory::parse("SANCTION"),
            Some(EventCategory::Sanction)
        );
        assert_eq!(EventCategory::parse("NOPE"), None);
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn precision_is_read_off_the_calendar() {
        let p = |a: &str, b: &str| DatePrecision::of(day(a), day(b));
        assert_eq!(p("2017-02-20", "2017-02-20"), DatePrecision::Day);
        assert_eq!(p("2017-02-13", "2017-02-19"), DatePrecision::Week);
        assert_eq!(p("2016-02-01", "2016-02-29"), DatePrecision::Month);
        assert_eq!(p("2016-04-01", "2016-06-30"), DatePrecision::Quarter);
        assert_eq!(p("1995-01-01", "1995-12-31"), DatePrecision::Year);
        assert_eq!(p("2016-02-01", "2016-03-31"), DatePrecision::Range);
        assert_eq!(p("2017-02-14", "2017-02-20"), DatePrecision::Range);
        assert_eq!(p("1990-01-01", "1999-12-31"), DatePrecision::Range);
        let json = serde_json::to_string(&DatePrecision::Quarter).unwrap();
        assert_eq!(json, "\"quarter\"");
    }

    #[test]
    fn casualties_serialise_only_what_is_given() {
        let q = Quantity {
            value: 12.0,
            max: None,
            unit: Some("people".into()),
            qualifier: Qualifier::Exact,
            text: "12 people".into(),
            span: [0, 9],
        };
        let mut c = Casualties::default();
        assert!(c.is_empty());
        *c.slot(CasualtyKind::Killed) = Some(q);
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["killed"]["value"], 12.0);
        assert!(json.get("injured").is_none());
        assert_eq!(CasualtyKind::parse("injured"), Some(CasualtyKind::Injured));
    }

    #[test]
    fn categories_serialise_in_upper_case() {
        let json = serde_json::to_string(&EventCategory::Sanction).unwrap();
        assert_eq!(json, "\"SANCTION\"");
        let q = serde_json::to_string(&Qualifier::AtLeast).unwrap();
        assert_eq!(q, "\"at_least\"");
    }
}
