//! Figures attached to an event: the quantity and its qualifier, and the casualties.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::ByteSpan;

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
