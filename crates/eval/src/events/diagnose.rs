//! Why a gold event was missed, or a prediction unmatched: what the article's sentence held.

use super::gold::GoldEvent;
use super::score::{Placed, Predicted, category_fits, side_agrees};
use attache_event::{Event, Modality};
use serde::Serialize;

/// A gold event no prediction matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub doc: String,
    /// Line of the gold file.
    pub line: usize,
    pub category: String,
    pub actor: String,
    pub recipient: String,
    pub quote: String,
    /// The reason's class (tallied in the report) and its particulars.
    pub reason: String,
    pub detail: String,
    /// What attache coded in the same sentence: `CATEGORY actor -> recipient [modality]`.
    pub predicted_here: Vec<String>,
}

/// A prediction no gold event matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FalsePositive {
    pub doc: String,
    pub category: String,
    pub actor: String,
    pub recipient: String,
    pub trigger: String,
    pub reason: String,
    pub sentence: String,
}

/// A matched pair (strict rule) whose recipient countries or sectors differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecipientMismatch {
    /// The countries agree and only the sectors differ.
    pub country_right: bool,
    pub doc: String,
    /// Line of the gold file.
    pub line: usize,
    pub category: String,
    /// The gold recipient as compared (the gold actor when the match swapped the sides).
    pub gold: String,
    pub predicted: String,
    pub quote: String,
    pub sentence: String,
}

/// `ACCUSE GBR OPP -> GBR GOV`, with the modality when it is not asserted.
pub(crate) fn label(event: &Event) -> String {
    let p = Predicted::new(event);
    let modality = match event.modality {
        Modality::Asserted => String::new(),
        other => format!(" [{}]", other.as_str()),
    };
    format!(
        "{} {} -> {}{modality}",
        event.event.as_str(),
        p.actor.label(),
        p.recipient.label()
    )
}

/// The classes of miss, in the order the report lists them when counts tie.
pub const MISS_REASONS: [&str; 7] = [
    "no event coded in the sentence",
    "only other categories coded in the sentence",
    "actor has no country",
    "actor has another country",
    "actor sector differs (gold actor has no country)",
    "coded as negated or hypothetical",
    "its match went to another gold event",
];

/// Classifies a missed gold event from everything attache coded in the article (`all`, any
/// modality) and its scored predictions.
pub(crate) fn diagnose_miss(g: &Placed, all: &[&Event], scored: &[Predicted]) -> Miss {
    let here: Vec<&Event> = all
        .iter()
        .copied()
        .filter(|e| Predicted::new(e).within(g.sentence))
        .collect();
    let (reason, detail) = classify_miss(g.gold, &here, scored, g.sentence);
    Miss {
        doc: g.gold.doc.clone(),
        line: g.gold.line,
        category: g.gold.category.as_str().to_string(),
        actor: g.gold.actor.label(),
        recipient: g.gold.recipient.label(),
        quote: g.gold.trigger.clone(),
        reason: reason.to_string(),
        detail,
        predicted_here: here.iter().map(|e| label(e)).collect(),
    }
}

fn classify_miss(
    gold: &GoldEvent,
    here: &[&Event],
    scored: &[Predicted],
    sentence: [usize; 2],
) -> (&'static str, String) {
    let same: Vec<&Event> = here
        .iter()
        .copied()
        .filter(|e| category_fits(gold, e.event))
        .collect();
    let scored_same: Vec<&Event> = same
        .iter()
        .copied()
        .filter(|e| matches!(e.modality, Modality::Asserted | Modality::Planned))
        .collect();
    if scored_same.is_empty() {
        if !same.is_empty() {
            return (MISS_REASONS[5], label(same[0]));
        }
        if here.is_empty() {
            return (MISS_REASONS[0], String::new());
        }
        let coded: Vec<String> = here.iter().map(|e| e.event.as_str().to_string()).collect();
        return (MISS_REASONS[1], format!("coded {}", coded.join(", ")));
    }
    // A prediction here that would match: the greedy matching gave it to another gold event.
    let agreeing = scored.iter().find(|p| {
        p.within(sentence)
            && category_fits(gold, p.event.event)
            && side_agrees(&gold.actor, &p.actor)
    });
    if let Some(p) = agreeing {
        return (MISS_REASONS[6], label(p.event));
    }
    let p = Predicted::new(scored_same[0]);
    let detail = format!("coded {}", p.actor.label());
    if gold.actor.countries.is_empty() {
        (MISS_REASONS[4], detail)
    } else if p.actor.countries.is_empty() {
        (MISS_REASONS[2], detail)
    } else {
        (MISS_REASONS[3], detail)
    }
}

/// The classes of unmatched prediction.
pub const FALSE_POSITIVE_REASONS: [&str; 3] = [
    "no gold event in the sentence",
    "gold event of another category in the sentence",
    "gold event of this category in the sentence, other actor or matched elsewhere",
];

pub(crate) fn diagnose_false_positive(p: &Predicted, gold: &[Placed]) -> FalsePositive {
    let here: Vec<&Placed> = gold.iter().filter(|g| p.within(g.sentence)).collect();
    let reason = if here.is_empty() {
        FALSE_POSITIVE_REASONS[0]
    } else if here.iter().all(|g| !category_fits(g.gold, p.event.event)) {
        FALSE_POSITIVE_REASONS[1]
    } else {
        FALSE_POSITIVE_REASONS[2]
    };
    FalsePositive {
        doc: p.event.doc_id.clone(),
        category: p.event.event.as_str().to_string(),
        actor: p.actor.label(),
        recipient: p.recipient.label(),
        trigger: p.event.trigger.text.clone(),
        reason: reason.to_string(),
        sentence: p.event.sentence.text.to_string(),
    }
}
