//! Counting figures: precision/recall/F1 and plain accuracy, serialised with their derived values
//! so JSON readers need not recompute them.

use std::fmt;

pub use attache_nlp::Prf;
use serde::ser::{Serialize, SerializeStruct, Serializer};

/// `correct` out of `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ratio {
    pub correct: usize,
    pub total: usize,
}

impl Ratio {
    pub fn add(&mut self, correct: bool) {
        self.total += 1;
        self.correct += usize::from(correct);
    }

    pub fn value(&self) -> f64 {
        ratio(self.correct, self.total)
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.3} ({}/{})", self.value(), self.correct, self.total)
    }
}

impl Serialize for Ratio {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Ratio", 3)?;
        s.serialize_field("correct", &self.correct)?;
        s.serialize_field("total", &self.total)?;
        s.serialize_field("value", &self.value())?;
        s.end()
    }
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}
