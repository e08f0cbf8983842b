//! Documents in: what a news report is before analysis, and the readers that make one.

use chrono::NaiveDate;

/// One news report as read: its text (after markup removal) and what is known of its publication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable identifier: the path of a text/HTML file, the `id` field of a JSON Lines record.
    pub id: String,
    /// The text all spans point into.
    pub text: String,
    pub publication: Publication,
}

/// What the source says about where and when a report appeared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Publication {
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub title: Option<String>,
    /// The outlet: "Financial Times", "Reuters".
    pub source: Option<String>,
}
