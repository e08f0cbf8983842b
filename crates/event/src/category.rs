//! What an event is: its PLOVER category, and the modality the report gives it.

use serde::{Deserialize, Serialize};
use std::fmt;

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
