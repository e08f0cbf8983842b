//! Precision, recall and F1 from counts: the one such struct of the workspace (the analysis
//! scores here, the event and date scores of `attache-eval`).

use serde::ser::{Serialize, SerializeStruct, Serializer};

/// True positives, false positives and false negatives. A ratio with a zero denominator is 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Prf {
    /// From `gold` items, `system` items and the `correct` ones among both.
    pub fn from_counts(gold: usize, system: usize, correct: usize) -> Prf {
        Prf {
            tp: correct,
            fp: system - correct,
            fn_: gold - correct,
        }
    }

    /// Gold items: found or missed.
    pub fn gold(&self) -> usize {
        self.tp + self.fn_
    }

    /// System items: right or wrong.
    pub fn system(&self) -> usize {
        self.tp + self.fp
    }

    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.system())
    }

    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold())
    }

    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }

    /// Precision, recall and F1 in percent (each ratio scaled before F1 is taken).
    pub fn percentages(&self) -> (f64, f64, f64) {
        let (p, r) = (
            percent(self.tp, self.system()),
            percent(self.tp, self.gold()),
        );
        (p, r, f1(p, r))
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

fn percent(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        100.0 * numerator as f64 / denominator as f64
    }
}

impl Serialize for Prf {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Prf", 6)?;
        s.serialize_field("tp", &self.tp)?;
        s.serialize_field("fp", &self.fp)?;
        s.serialize_field("fn", &self.fn_)?;
        s.serialize_field("precision", &self.precision())?;
        s.serialize_field("recall", &self.recall())?;
        s.serialize_field("f1", &self.f1())?;
        s.end()
    }
}
