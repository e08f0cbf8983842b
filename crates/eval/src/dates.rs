//! Date expressions against TimeML gold (TempEval-3 TBAQ): extent detection, strict (same
//! span) and relaxed (overlapping spans), and exact `value` accuracy on the matched ones, for
//! DATE expressions, with the misses grouped by kind (weekday, month, year, relative offset,
//! season, quarter, week, reference, day, decade).
//!
//! A found expression that overlaps a gold TIME, DURATION or SET expression is neither right nor
//! wrong here (the gold calls it something other than a date); any other found expression that
//! matches no gold DATE counts against precision.

use crate::metrics::Prf;
use crate::timeml::{TimemlDoc, Timex};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The scores of one run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DatesReport {
    pub documents: usize,
    pub strict: Prf,
    pub relaxed: Prf,
    /// Gold DATE expressions matched (relaxed) and, of those, the ones whose value is exact.
    pub matched: usize,
    pub value_correct: usize,
    pub value_accuracy: f64,
    pub by_kind: BTreeMap<String, KindRow>,
    /// Each gold DATE expression missed or valued wrong: `file: "text" gold -> found`.
    pub misses: Vec<String>,
}

/// One kind of gold DATE expression.
#[derive(Debug, Clone, Default, Serialize)]
pub struct KindRow {
    pub gold: usize,
    pub found: usize,
    pub value_correct: usize,
}

/// Scores one document's found expressions; call [`DatesReport::finish`] after the last.
pub fn score_document(report: &mut DatesReport, doc: &TimemlDoc, found: &[Timex]) {
    report.documents += 1;
    let name = doc
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let gold: Vec<&Timex> = doc.timexes.iter().filter(|t| t.kind == "DATE").collect();
    let mut used = vec![false; found.len()];
    for g in &gold {
        let row = report.by_kind.entry(kind_of(g).to_string()).or_default();
        row.gold += 1;
        let hit = (0..found.len()).find(|&i| !used[i] && overlaps(found[i].span, g.span));
        let Some(i) = hit else {
            report.relaxed.fn_ += 1;
            report.strict.fn_ += 1;
            report
                .misses
                .push(format!("{name}: {:?} {} -> missed", g.text, g.value));
            continue;
        };
        used[i] = true;
        row.found += 1;
        report.relaxed.tp += 1;
        if found[i].span == g.span {
            report.strict.tp += 1;
        } else {
            report.strict.fn_ += 1;
            report.strict.fp += 1;
        }
        report.matched += 1;
        if found[i].value == g.value {
            row.value_correct += 1;
            report.value_correct += 1;
        } else {
            report.misses.push(format!(
                "{name}: {:?} {} -> {:?} {}",
                g.text, g.value, found[i].text, found[i].value
            ));
        }
    }
    for (i, f) in found.iter().enumerate() {
        let other = doc
            .timexes
            .iter()
            .any(|t| t.kind != "DATE" && overlaps(t.span, f.span));
        if !used[i] && !other {
            report.relaxed.fp += 1;
            report.strict.fp += 1;
            report
                .misses
                .push(format!("{name}: found {:?} {} (no gold)", f.text, f.value));
        }
    }
}

impl DatesReport {
    pub fn finish(&mut self) {
        self.value_accuracy = if self.matched == 0 {
            0.0
        } else {
            self.value_correct as f64 / self.matched as f64
        };
    }

    pub fn render_text(&self, misses: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "documents            {}", self.documents);
        for (name, p) in [("strict", &self.strict), ("relaxed", &self.relaxed)] {
            let _ = writeln!(
                out,
                "extent {name:<8}      P {:.3}  R {:.3}  F1 {:.3}  (tp {} fp {} fn {})",
                p.precision(),
                p.recall(),
                p.f1(),
                p.tp,
                p.fp,
                p.fn_
            );
        }
        let _ = writeln!(
            out,
            "value accuracy       {:.3}  ({} of {} matched DATE expressions)",
            self.value_accuracy, self.value_correct, self.matched
        );
        let _ = writeln!(out, "\nkind               gold  found  value ok");
        for (kind, row) in &self.by_kind {
            let _ = writeln!(
                out,
                "{kind:<17} {:>5}  {:>5}  {:>8}",
                row.gold, row.found, row.value_correct
            );
        }
        if misses {
            out.push('\n');
            for m in &self.misses {
                let _ = writeln!(out, "{m}");
            }
        }
        out
    }
}

fn overlaps(a: [usize; 2], b: [usize; 2]) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

/// The kind of a gold DATE expression, for the table of confusions.
pub fn kind_of(t: &Timex) -> &'static str {
    let text = t.text.to_ascii_lowercase();
    let v = t.value.as_str();
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    const RELATIVE: [&str; 16] = [
        "last",
        "next",
        "this",
        "ago",
        "earlier",
        "later",
        "yesterday",
        "today",
        "tomorrow",
        "past",
        "coming",
        "previous",
        "recent",
        "current",
        "now",
        "year-",
    ];
    if WEEKDAYS.iter().any(|w| text.contains(w)) {
        "weekday"
    } else if v.ends_with("_REF") {
        "reference"
    } else if v.contains("-Q") || v.contains("-H") {
        "quarter"
    } else if v.contains("-W") {
        "week"
    } else if ["-SP", "-SU", "-FA", "-WI"].iter().any(|s| v.ends_with(s)) {
        "season"
    } else if text
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| RELATIVE.contains(&w))
        || text.contains("year-")
    {
        "relative offset"
    } else if v.len() == 10 {
        "day"
    } else if v.len() == 7 {
        "month"
    } else if v.len() == 4 {
        "year"
    } else if v.len() == 3 {
        "decade"
    } else {
        "other"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn timex(span: [usize; 2], kind: &str, value: &str, text: &str) -> Timex {
        Timex {
            span,
            kind: kind.into(),
            value: value.into(),
            text: text.into(),
        }
    }

    #[test]
    fn strict_relaxed_and_value() {
        let doc = TimemlDoc {
            path: PathBuf::from("d.tml"),
            head: String::new(),
            text: "on Friday and last week for two days".into(),
            creation: None,
            timexes: vec![
                timex([3, 9], "DATE", "1998-01-09", "Friday"),
                timex([14, 23], "DATE", "1998-W01", "last week"),
                timex([28, 36], "DURATION", "P2D", "two days"),
            ],
        };
        let found = vec![
            timex([0, 9], "DATE", "1998-01-09", "on Friday"),
            timex([14, 23], "DATE", "1997-W52", "last week"),
            timex([32, 36], "DATE", "PAST_REF", "days"),
        ];
        let mut r = DatesReport::default();
        score_document(&mut r, &doc, &found);
        r.finish();
        assert_eq!((r.relaxed.tp, r.relaxed.fp, r.relaxed.fn_), (2, 0, 0));
        assert_eq!((r.strict.tp, r.strict.fp, r.strict.fn_), (1, 1, 1));
        assert_eq!((r.matched, r.value_correct), (2, 1));
        assert_eq!(r.by_kind["weekday"].value_correct, 1);
        assert_eq!(r.by_kind["week"].found, 1);
    }
}
