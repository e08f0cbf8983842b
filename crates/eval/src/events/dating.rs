//! Date-phrase agreement on matched events: the gold's date phrase (column `date`) against
//! the prediction's own date phrase. The corpus has no publication date, so phrases are
//! compared, not resolved days.

use super::gold::GoldEvent;
use attache_event::{Event, Modality};
use serde::Serialize;

/// How the phrases of one matched pair compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateVerdict {
    /// Neither gives a phrase.
    BothNone,
    /// The same phrase (case-insensitive, trimmed).
    Same,
    /// The gold gives none and the prediction one: a wrong date.
    Spurious,
    /// The gold gives one and the prediction none.
    Missed,
    /// Both give one, and they differ.
    Different,
}

impl DateVerdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BothNone => "both none",
            Self::Same => "same phrase",
            Self::Spurious => "gold none, predicted one",
            Self::Missed => "gold one, predicted none",
            Self::Different => "different phrases",
        }
    }
}

/// Counts of the five verdicts over the matched pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DateAgreement {
    pub both_none: usize,
    pub same: usize,
    pub spurious: usize,
    pub missed: usize,
    pub different: usize,
    /// Of `different`, those where one phrase holds the other ("Tuesday" / "on Tuesday").
    pub different_nested: usize,
}

impl DateAgreement {
    pub fn total(&self) -> usize {
        self.both_none + self.same + self.spurious + self.missed + self.different
    }

    /// Both none or the same phrase.
    pub fn agreeing(&self) -> usize {
        self.both_none + self.same
    }

    fn add(&mut self, verdict: DateVerdict, nested: bool) {
        match verdict {
            DateVerdict::BothNone => self.both_none += 1,
            DateVerdict::Same => self.same += 1,
            DateVerdict::Spurious => self.spurious += 1,
            DateVerdict::Missed => self.missed += 1,
            DateVerdict::Different => {
                self.different += 1;
                self.different_nested += usize::from(nested);
            }
        }
    }
}

/// A matched pair whose date phrases disagree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMismatch {
    pub verdict: DateVerdict,
    pub doc: String,
    /// Line of the gold file.
    pub line: usize,
    pub category: String,
    /// The gold phrase, `-` for none.
    pub gold: String,
    /// The prediction's own phrase, `-` for none; an inherited date is shown in brackets.
    pub predicted: String,
    pub quote: String,
    pub sentence: String,
}

/// The prediction's own date phrase: for a planned gold event, the time of the announced act
/// (`planned`) when the prediction keeps one apart from the time of the saying; otherwise
/// `date`, unless it is inherited from the report's news peg.
pub(crate) fn own_phrase<'a>(gold: &GoldEvent, event: &'a Event) -> Option<&'a str> {
    if gold.status == Modality::Planned
        && let Some(planned) = &event.planned
    {
        return Some(planned.text.as_str());
    }
    event
        .date
        .as_ref()
        .filter(|d| !d.inherited)
        .map(|d| d.text.as_str())
}

fn normal(phrase: &str) -> String {
    phrase.trim().to_lowercase()
}

/// Compares the gold phrase with the predicted one; the flag: one holds the other.
pub(crate) fn verdict(gold: Option<&str>, predicted: Option<&str>) -> (DateVerdict, bool) {
    match (gold.map(normal), predicted.map(normal)) {
        (None, None) => (DateVerdict::BothNone, false),
        (None, Some(_)) => (DateVerdict::Spurious, false),
        (Some(_), None) => (DateVerdict::Missed, false),
        (Some(g), Some(p)) if g == p => (DateVerdict::Same, false),
        (Some(g), Some(p)) => (
            DateVerdict::Different,
            g.contains(p.as_str()) || p.contains(g.as_str()),
        ),
    }
}

/// Adds one matched pair to `agreement`; a disagreement is returned for the `--misses` list.
pub(crate) fn add_pair(
    agreement: &mut DateAgreement,
    gold: &GoldEvent,
    event: &Event,
) -> Option<DateMismatch> {
    let predicted = own_phrase(gold, event);
    let (verdict, nested) = verdict(gold.date.as_deref(), predicted);
    agreement.add(verdict, nested);
    if matches!(verdict, DateVerdict::BothNone | DateVerdict::Same) {
        return None;
    }
    let shown = match (predicted, &event.date) {
        (Some(p), _) => p.to_string(),
        (None, Some(d)) if d.inherited => format!("- [inherited: {}]", d.text),
        (None, _) => "-".to_string(),
    };
    Some(DateMismatch {
        verdict,
        doc: gold.doc.clone(),
        line: gold.line,
        category: gold.category.as_str().to_string(),
        gold: gold.date.clone().unwrap_or_else(|| "-".to_string()),
        predicted: shown,
        quote: gold.trigger.clone(),
        sentence: event.sentence.text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_compared_case_insensitively_and_trimmed() {
        assert_eq!(
            verdict(Some("On Tuesday"), Some(" on tuesday")),
            (DateVerdict::Same, false)
        );
        assert_eq!(verdict(None, None), (DateVerdict::BothNone, false));
        assert_eq!(verdict(None, Some("now")), (DateVerdict::Spurious, false));
        assert_eq!(verdict(Some("1998"), None), (DateVerdict::Missed, false));
        assert_eq!(
            verdict(Some("Tuesday"), Some("on Tuesday")),
            (DateVerdict::Different, true)
        );
        assert_eq!(
            verdict(Some("last week"), Some("on Monday")),
            (DateVerdict::Different, false)
        );
    }
}
