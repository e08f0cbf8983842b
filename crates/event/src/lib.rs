//! The event record: the one vocabulary shared by the coder, the store and the evaluators.
//!
//! Field names follow the JSON contract of `attache extract --format jsonl`; renaming one is a
//! breaking change for every user's pipeline, so add fields rather than rename them.

pub use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

mod category;
mod date;
mod figures;
mod place;

pub use category::{EventCategory, MergeClass, Modality};
pub use date::{DatePrecision, EventDate};
pub use figures::{Casualties, CasualtyKind, Qualifier, Quantity};
pub use place::{Location, PlaceFeature, PlaceFrom};

/// A `[start, end)` byte range into a document's text. Slicing the text with it gives the quote.
pub type ByteSpan = [usize; 2];

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

/// Where a generic agent's country comes from, in the order the coder tries them; and, for a
/// participant no word of the text names, that it is implied.
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
    /// No word names the participant: the coder infers it (an opposition's criticism that names
    /// no target is aimed at its own country's government), and its text and span are the
    /// trigger's.
    Implied,
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
