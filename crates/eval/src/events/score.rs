//! Matching extracted events to the gold's, per article, and the figures that follow.
//!
//! The rule (docs/eval.md states it for users):
//! - only asserted and planned events count, on both sides;
//! - a prediction *matches* a gold event of the same article when it has the same category (or,
//!   for a planned gold event, the category PLOVER gives its announcement: [`category_fits`]) and
//!   its actor countries overlap the gold actor's (a gold actor with no country: its sectors
//!   overlap); for the symmetric categories CONSULT, AGREE and COOPERATE the gold recipient may
//!   stand for the actor (either side of talks or a deal);
//! - one-to-one, greedy: candidate pairs are taken best first (the prediction's sentence holds
//!   the gold quote, then the recipient agrees, then file order), each event used once;
//! - the category-only match is the same with the category alone;
//! - category accuracy: of the gold events with a prediction in the sentence of their quote,
//!   the share where one of those predictions has the gold category.

use super::gold::{GoldEvent, Party};
use crate::metrics::{Prf, Ratio};
use attache_event::{Actor, Event, EventCategory, Modality};
use attache_text::Document;
use std::collections::{BTreeMap, BTreeSet};

/// An article and its sentences' byte ranges, to place the gold quotes.
#[derive(Debug, Clone)]
pub struct ArticleText {
    pub document: Document,
    pub sentences: Vec<[usize; 2]>,
}

impl ArticleText {
    pub fn text(&self) -> &str {
        &self.document.text
    }

    /// The byte range of the sentence holding `offset` (the whole text when none does).
    pub(crate) fn sentence_at(&self, offset: usize) -> [usize; 2] {
        self.sentences
            .iter()
            .copied()
            .find(|s| s[0] <= offset && offset < s[1])
            .unwrap_or([0, self.text().len()])
    }
}

/// Country and sector codes of an event's actors or recipients.
pub(crate) fn party_of(actors: &[Actor]) -> Party {
    Party {
        countries: actors.iter().filter_map(|a| a.country.clone()).collect(),
        sectors: actors.iter().filter_map(|a| a.sector.clone()).collect(),
    }
}

/// Whether a predicted side names the gold side: a shared country, or, for a gold side with no
/// country, a shared sector.
pub(crate) fn side_agrees(gold: &Party, predicted: &Party) -> bool {
    if !gold.countries.is_empty() {
        return !gold.countries.is_disjoint(&predicted.countries);
    }
    gold.sectors.is_empty() || !gold.sectors.is_disjoint(&predicted.sectors)
}

pub(crate) fn is_symmetric(category: EventCategory) -> bool {
    matches!(
        category,
        EventCategory::Consult | EventCategory::Agree | EventCategory::Cooperate
    )
}

/// A prediction as the matcher sees it.
#[derive(Debug, Clone)]
pub(crate) struct Predicted<'a> {
    pub event: &'a Event,
    pub actor: Party,
    pub recipient: Party,
}

impl<'a> Predicted<'a> {
    pub fn new(event: &'a Event) -> Predicted<'a> {
        Predicted {
            event,
            actor: party_of(&event.actors),
            recipient: party_of(&event.recipients),
        }
    }

    /// Whether the prediction was coded from the sentence `range`.
    pub fn within(&self, range: [usize; 2]) -> bool {
        let [start, end] = self.event.sentence.span;
        start < range[1] && range[0] < end
    }
}

pub(crate) fn is_scored(event: &Event) -> bool {
    matches!(event.modality, Modality::Asserted | Modality::Planned)
}

/// A gold event placed in its article.
#[derive(Debug, Clone)]
pub(crate) struct Placed<'a> {
    pub gold: &'a GoldEvent,
    /// The sentence holding the gold quote (the whole text if the quote is not found).
    pub sentence: [usize; 2],
}

/// How a gold event and a prediction were paired, if they were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Same category, actor agrees.
    Strict,
    /// Same category.
    CategoryOnly,
}

/// Whether a prediction's category may stand for the gold event's: the same, or, for an
/// announced (planned) gold event, the category PLOVER gives the announcement: AGREE for an
/// intention to cooperate ("will hold talks", "will free"), THREATEN for an announced protest
/// or strike (docs/coder.md, Modality).
pub(crate) fn category_fits(gold: &GoldEvent, predicted: EventCategory) -> bool {
    use EventCategory as C;
    if gold.category == predicted {
        return true;
    }
    if gold.status != Modality::Planned {
        return false;
    }
    let cooperative = matches!(
        gold.category,
        C::Consult | C::Support | C::Cooperate | C::Aid | C::Concede | C::Retreat
    );
    (cooperative && predicted == C::Agree)
        || (gold.category == C::Protest && predicted == C::Threaten)
}

/// Whether `p` may match `g` under `rule`, and whether sides were swapped to do it.
pub(crate) fn pairs(g: &Placed, p: &Predicted, rule: Rule) -> Option<bool> {
    if !category_fits(g.gold, p.event.event) {
        return None;
    }
    if rule == Rule::CategoryOnly || side_agrees(&g.gold.actor, &p.actor) {
        return Some(false);
    }
    let symmetric = is_symmetric(g.gold.category) || is_symmetric(p.event.event);
    let swapped = symmetric && side_agrees(&g.gold.recipient, &p.actor);
    swapped.then_some(true)
}

/// One accepted pair: gold index, prediction index, sides swapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pair {
    pub gold: usize,
    pub predicted: usize,
    pub swapped: bool,
}

/// Greedy one-to-one matching of one article's gold events and predictions.
pub(crate) fn match_article(gold: &[Placed], predicted: &[Predicted], rule: Rule) -> Vec<Pair> {
    let mut candidates: Vec<(u8, Pair)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in predicted.iter().enumerate() {
            let Some(swapped) = pairs(g, p, rule) else {
                continue;
            };
            let located = u8::from(p.within(g.sentence));
            let other = match rule {
                Rule::Strict => {
                    let (gold_side, _) = sides(g.gold, swapped);
                    u8::from(side_agrees(gold_side, &p.recipient))
                }
                Rule::CategoryOnly => u8::from(side_agrees(&g.gold.actor, &p.actor)),
            };
            let pair = Pair {
                gold: gi,
                predicted: pi,
                swapped,
            };
            candidates.push((2 * located + other, pair));
        }
    }
    candidates.sort_by_key(|(priority, pair)| (u8::MAX - priority, pair.gold, pair.predicted));
    let (mut used_gold, mut used_pred) = (BTreeSet::new(), BTreeSet::new());
    let mut out = Vec::new();
    for (_, pair) in candidates {
        if used_gold.contains(&pair.gold) || used_pred.contains(&pair.predicted) {
            continue;
        }
        used_gold.insert(pair.gold);
        used_pred.insert(pair.predicted);
        out.push(pair);
    }
    out.sort_by_key(|p| p.gold);
    out
}

/// The gold recipient and actor as they should be compared to the prediction's actor and
/// recipient: swapped when the match took the gold recipient for the actor.
pub(crate) fn sides(gold: &GoldEvent, swapped: bool) -> (&Party, &Party) {
    if swapped {
        (&gold.actor, &gold.recipient)
    } else {
        (&gold.recipient, &gold.actor)
    }
}

/// Accuracy of the matched pairs' actors and recipients.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct SideAccuracy {
    /// The set of predicted countries equals the gold set (empty gold: no country predicted).
    pub country: Ratio,
    /// The set of predicted sectors equals the gold set.
    pub sector: Ratio,
    /// Both.
    pub both: Ratio,
}

impl SideAccuracy {
    pub(crate) fn add(&mut self, gold: &Party, predicted: &Party) {
        let country = gold.countries == predicted.countries;
        let sector = gold.sectors == predicted.sectors;
        self.country.add(country);
        self.sector.add(sector);
        self.both.add(country && sector);
    }
}

/// The figures of one matching rule.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct MatchFigures {
    pub events: Prf,
    pub actor: SideAccuracy,
    pub recipient: SideAccuracy,
    /// Of matched gold events with a recipient, those where the prediction has one.
    pub recipient_present: Ratio,
}

/// Adds one article's pairs to `figures`.
pub(crate) fn tally_pairs(
    figures: &mut MatchFigures,
    gold: &[Placed],
    predicted: &[Predicted],
    pairs: &[Pair],
) {
    figures.events.tp += pairs.len();
    figures.events.fn_ += gold.len() - pairs.len();
    figures.events.fp += predicted.len() - pairs.len();
    for pair in pairs {
        let (g, p) = (gold[pair.gold].gold, &predicted[pair.predicted]);
        let (recipient, actor) = sides(g, pair.swapped);
        figures.actor.add(actor, &p.actor);
        figures.recipient.add(recipient, &p.recipient);
        if !recipient.is_empty() {
            figures.recipient_present.add(!p.recipient.is_empty());
        }
    }
}

/// Per category: gold events, predictions and strict matches.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct CategoryRow {
    pub category: String,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
}

pub(crate) fn category_rows(
    gold: &[&GoldEvent],
    predicted: &[&Event],
    matched: &[EventCategory],
) -> Vec<CategoryRow> {
    let mut rows: BTreeMap<EventCategory, CategoryRow> = BTreeMap::new();
    fn row(rows: &mut BTreeMap<EventCategory, CategoryRow>, c: EventCategory) -> &mut CategoryRow {
        rows.entry(c).or_insert_with(|| CategoryRow {
            category: c.as_str().to_string(),
            ..CategoryRow::default()
        })
    }
    for g in gold {
        row(&mut rows, g.category).gold += 1;
    }
    for p in predicted {
        row(&mut rows, p.event).predicted += 1;
    }
    for c in matched {
        row(&mut rows, *c).matched += 1;
    }
    rows.into_values().collect()
}
