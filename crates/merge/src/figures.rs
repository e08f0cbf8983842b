//! Figures as merge evidence: a [`Count`] of one mention against another's, under a
//! [`FigureRule`] (identical, or within a tolerance).

use crate::policy::FigureRule;
use crate::rule::{Apart, Evidence};
use attache_event::Qualifier;

/// A figure as the rule sees it: what it counts, and the words and outlet that report it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Count<'a> {
    pub value: f64,
    pub max: Option<f64>,
    pub unit: Option<&'a str>,
    pub qualifier: Qualifier,
    /// The mention's headline figure, as opposed to a further one ("seven of whom ...").
    pub main: bool,
    /// The words of the report: "at least 300".
    pub text: &'a str,
    /// The outlet that reported it.
    pub source: &'a str,
}

impl Count<'_> {
    /// Lowest and highest count the figure allows; `None` where the report leaves it open.
    pub fn bounds(&self) -> (Option<i64>, Option<i64>) {
        let v = self.value.round() as i64;
        match self.qualifier {
            Qualifier::Exact | Qualifier::Approx => (Some(v), Some(v)),
            Qualifier::AtLeast => (Some(v), None),
            Qualifier::MoreThan => (Some(v + 1), None),
            Qualifier::AtMost => (None, Some(v)),
            Qualifier::LessThan => (None, Some((v - 1).max(0))),
            Qualifier::Range => (Some(v), Some(self.max.map_or(v, |m| m.round() as i64))),
        }
    }

    /// Whether two figures can be counting the same thing at all.
    pub fn comparable(&self, other: &Count) -> bool {
        match (self.unit, other.unit) {
            (Some(a), Some(b)) => a == b,
            _ => self.main && other.main,
        }
    }

    /// Whether the figure is a number, not a noun read as a count of one: its words say more
    /// than its unit ("Three diplomats", "$3 billion", "12"), where "Church" or "the
    /// ambassador" only names the thing. Only a number is evidence of which event it is.
    pub fn numeric(&self) -> bool {
        let unit = self.unit.unwrap_or_default().to_lowercase();
        self.text.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let noun = w == unit || w.strip_suffix('s') == Some(unit.as_str());
            !w.is_empty() && !noun && !matches!(w, "a" | "an" | "the" | "its" | "their")
        })
    }

    /// Whether two comparable figures could be two reports of one count: the larger is at
    /// most `tolerance` above the smaller, plus one for small counts.
    pub fn agrees(&self, other: &Count, tolerance: f64) -> bool {
        let (a_lo, a_hi) = self.bounds();
        let (b_lo, b_hi) = other.bounds();
        let lo = a_lo.unwrap_or(0).max(b_lo.unwrap_or(0)) as f64;
        let hi = a_hi.unwrap_or(i64::MAX).min(b_hi.unwrap_or(i64::MAX)) as f64;
        lo <= hi * (1.0 + tolerance) + 1.0
    }
}

/// The figures' verdict, and whether some comparable pair agrees.
pub(crate) fn figures_verdict(
    ours: &Evidence,
    theirs: &Evidence,
    rule: FigureRule,
) -> Result<(String, bool), Apart> {
    let contradiction = || {
        let shown: Vec<&str> = ours.counts.iter().map(|f| f.text).collect();
        let theirs: Vec<&str> = theirs.counts.iter().map(|f| f.text).collect();
        format!("counts {theirs:?} contradict {shown:?}")
    };
    match rule {
        FigureRule::Identical => match (headline(ours), headline(theirs)) {
            (Some(o), Some(t)) if o.value != t.value || o.unit != t.unit => {
                Err(Apart(contradiction()))
            }
            (Some(o), Some(t)) => Ok((
                format!("count \"{}\" agrees with \"{}\"", t.text, o.text),
                true,
            )),
            _ => Ok(("no counts to compare".to_string(), false)),
        },
        FigureRule::Within { tolerance } => {
            let pairs = theirs
                .counts
                .iter()
                .flat_map(|t| ours.counts.iter().map(move |o| (t, o)))
                .filter(|(t, o)| t.comparable(o));
            let mut compared = false;
            let mut agreeing: Option<(&Count, &Count)> = None;
            for (t, o) in pairs {
                compared = true;
                let better = agreeing.is_none_or(|(a, b)| !(telling(a) && telling(b)));
                if t.agrees(o, tolerance) && better {
                    agreeing = Some((t, o));
                }
            }
            match agreeing {
                Some((t, o)) => {
                    let verdict = if t.bounds() == o.bounds() {
                        "agrees with"
                    } else {
                        "differs within tolerance from"
                    };
                    let text = format!(
                        "count \"{}\" {verdict} \"{}\" ({})",
                        t.text, o.text, o.source
                    );
                    Ok((text, telling(t) && telling(o)))
                }
                None if compared => Err(Apart(contradiction())),
                None => Ok(("no counts to compare".to_string(), false)),
            }
        }
    }
}

/// Whether the two sides report one telling count exactly ("23 pirates" and "23"): as
/// good as a shared name, where a count within the tolerance ("26") is not.
pub(crate) fn same_telling_count(ours: &Evidence, theirs: &Evidence) -> bool {
    theirs.counts.iter().any(|t| {
        ours.counts
            .iter()
            .any(|o| t.comparable(o) && telling(t) && telling(o) && t.bounds() == o.bounds())
    })
}

/// Whether an agreeing figure tells which event it is: a count of one ("a woman", "its
/// ambassador") agrees with every other count of one.
fn telling(count: &Count) -> bool {
    count.value >= MIN_TELLING_COUNT
}

/// The least count whose agreement is evidence of one event.
pub const MIN_TELLING_COUNT: f64 = 2.0;

pub(crate) fn headline<'a>(evidence: &Evidence<'a>) -> Option<Count<'a>> {
    evidence.counts.iter().find(|c| c.main).copied()
}
