//! The figures of reports and of merged events: each figure with its source, and what a merged
//! event then counts (a range over its reports, never an average).

use super::MergedEvent;
use attache_event::{CasualtyKind, Qualifier};
use attache_merge::Count;
use serde::{Deserialize, Serialize};

/// One figure a report gives, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub value: f64,
    pub max: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Qualifier,
    /// The words of the report: "at least 300".
    pub text: String,
    pub document: String,
    /// The outlet that published the report (or the document id when unknown).
    pub source: String,
    /// Who the report credits for the figure: "Financial Times".
    pub attribution: Option<String>,
    /// The report's headline figure, as opposed to a further one ("seven of whom ...").
    pub main: bool,
    /// For a casualty (killed, injured, missing, arrested), which; absent for a count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub casualty: Option<CasualtyKind>,
}

/// Which figure of an event a tally sums: its count (the headline quantity) or a casualty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FigureChoice {
    #[default]
    Count,
    Casualty(CasualtyKind),
}

impl FigureChoice {
    /// "count", "killed", "injured", "missing", "arrested".
    pub fn parse(name: &str) -> Option<FigureChoice> {
        match name {
            "count" => Some(FigureChoice::Count),
            other => CasualtyKind::parse(other).map(FigureChoice::Casualty),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FigureChoice::Count => "count",
            FigureChoice::Casualty(kind) => kind.as_str(),
        }
    }
}

impl Figure {
    /// Lowest and highest count the figure allows; `None` where the report leaves it open.
    pub fn bounds(&self) -> (Option<i64>, Option<i64>) {
        self.count().bounds()
    }

    /// The figure as the same-event rule sees it.
    pub fn count(&self) -> Count<'_> {
        Count {
            value: self.value,
            max: self.max,
            unit: self.unit.as_deref(),
            qualifier: self.qualifier,
            main: self.main,
            text: &self.text,
            source: &self.source,
        }
    }
}

impl MergedEvent {
    /// The unit the event is counted in: that of its first headline figure.
    pub fn unit(&self) -> Option<&str> {
        self.figures.iter().find(|f| f.main)?.unit.as_deref()
    }

    /// Whether a figure is the event's count: a headline figure in the event's unit.
    fn counts_toward(&self, figure: &Figure) -> bool {
        figure.main
            && figure.casualty.is_none()
            && match (self.unit(), figure.unit.as_deref()) {
                (Some(ours), Some(theirs)) => ours == theirs,
                _ => true,
            }
    }

    fn counted(&self) -> impl Iterator<Item = &Figure> {
        self.figures.iter().filter(|f| self.counts_toward(f))
    }

    /// The count as a range over every report: `(None, None)` when no report gives one; an
    /// open upper end when reports only give lower bounds ("at least 300").
    pub fn count_range(&self) -> (Option<i64>, Option<i64>) {
        range_of(self.counted())
    }

    /// Whether the reports give different counts.
    pub fn counts_conflict(&self) -> bool {
        let mut bounds = self.counted().map(Figure::bounds);
        let first = bounds.next();
        bounds.any(|b| Some(b) != first)
    }

    /// Further figures, as a range per unit: "7 diplomat", "2 consulate".
    pub fn other_counts(&self) -> Vec<(String, Option<i64>, Option<i64>)> {
        let others: Vec<&Figure> = self
            .figures
            .iter()
            .filter(|f| f.casualty.is_none() && !self.counts_toward(f))
            .collect();
        let mut units: Vec<String> = Vec::new();
        for f in &others {
            let unit = f.unit.clone().unwrap_or_default();
            if !units.contains(&unit) {
                units.push(unit);
            }
        }
        units
            .into_iter()
            .map(|unit| {
                let same_unit = others
                    .iter()
                    .copied()
                    .filter(|f| f.unit.as_deref().unwrap_or_default() == unit);
                let (lo, hi) = range_of(same_unit);
                (unit, lo, hi)
            })
            .collect()
    }

    /// The figures of a casualty kind, from every report.
    fn casualty_figures(&self, kind: CasualtyKind) -> impl Iterator<Item = &Figure> {
        self.figures
            .iter()
            .filter(move |f| f.casualty == Some(kind))
    }

    /// The chosen figure as a range over every report (see [`count_range`](Self::count_range)).
    pub fn figure_range(&self, choice: FigureChoice) -> (Option<i64>, Option<i64>) {
        match choice {
            FigureChoice::Count => self.count_range(),
            FigureChoice::Casualty(kind) => range_of(self.casualty_figures(kind)),
        }
    }

    /// The unit the chosen figure is counted in: "diplomat", "people", "USD".
    pub fn figure_unit(&self, choice: FigureChoice) -> Option<&str> {
        match choice {
            FigureChoice::Count => self.unit(),
            FigureChoice::Casualty(kind) => {
                self.casualty_figures(kind).find_map(|f| f.unit.as_deref())
            }
        }
    }

    /// Whether some report gives the chosen figure.
    pub fn has_figure(&self, choice: FigureChoice) -> bool {
        match choice {
            FigureChoice::Count => self.counted().next().is_some(),
            FigureChoice::Casualty(kind) => self.casualty_figures(kind).next().is_some(),
        }
    }
}

fn range_of<'a>(figures: impl Iterator<Item = &'a Figure>) -> (Option<i64>, Option<i64>) {
    let mut lo: Option<i64> = None;
    let mut hi: Option<i64> = None;
    let mut any = false;
    for f in figures {
        any = true;
        let (l, h) = f.bounds();
        lo = match (lo, l) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        hi = match (hi, h) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
    if any && lo.is_none() {
        lo = Some(0);
    }
    (lo, hi)
}
