//! Scoring on PLOVER gold standard records: one JSON object per line, each one sentence with
//! one gold event (`event`, `source`, `target`, and `size`/`dead`/`injured` where given).
//!
//! Scoring, per record (see docs/eval.md for the full statement):
//! - the system's predicted categories for the record's text are the distinct categories of its
//!   asserted and planned events (negated and hypothetical ones claim nothing happened); the gold category among them is a true positive, each other one a false
//!   positive, and a gold category not among them a false negative;
//! - the matched prediction is the event of the gold category whose actor and recipient codes
//!   agree best with the gold ones (first in order on ties);
//! - actor (recipient) codes are right when the set of the matched event's codes equals the set
//!   of gold source (target) codes, an organisation standing for its type where the gold gives
//!   the type (UN for IGO); reported over matched records and over all gold records;
//! - a gold figure is found when a quantity of the matched event has its value (numeric gold)
//!   or quotes its words (gold such as "thousands").

use crate::EvalError;
use crate::metrics::{Prf, Ratio};
use attache_event::{Event, EventCategory, Modality, Quantity};
use attache_lexicon::Lexicon;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// One gold standard record, with the file's quirks resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldRecord {
    pub id: String,
    /// 1-based line in the gold file, for messages.
    pub line: usize,
    pub text: String,
    /// The record's date as written (placeholders in the OEDA files).
    pub date: Option<String>,
    /// The category as written in the file ("DEMAND"), before mapping.
    pub category_name: String,
    pub category: EventCategory,
    /// Distinct source and target codes, upper case, in file order.
    pub source_codes: Vec<String>,
    pub target_codes: Vec<String>,
    pub figures: Vec<GoldFigure>,
}

/// Which count field of a record a figure comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureField {
    Size,
    Dead,
    Injured,
}

impl FigureField {
    const ALL: [FigureField; 3] = [Self::Size, Self::Dead, Self::Injured];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Size => "size",
            Self::Dead => "dead",
            Self::Injured => "injured",
        }
    }
}

/// A count given in a gold record: "2", "156", or words such as "thousands".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoldFigure {
    pub field: FigureField,
    pub text: String,
    /// The number when the text is one.
    pub value: Option<f64>,
}

impl GoldFigure {
    fn found_in(&self, quantity: &Quantity) -> bool {
        match self.value {
            Some(value) => {
                (quantity.value - value).abs() < 1e-9
                    || quantity.max.is_some_and(|max| (max - value).abs() < 1e-9)
            }
            None => quantity
                .text
                .to_lowercase()
                .contains(&self.text.to_lowercase()),
        }
    }
}

/// The records of a gold file, and the ids of those skipped (with why).
#[derive(Debug, Clone, Default)]
pub struct GoldFile {
    pub records: Vec<GoldRecord>,
    pub skipped: Vec<String>,
}

/// Reads a PLOVER gold file. Lines that are not JSON objects, or lack `text` or `event`, are
/// errors naming file and line; records whose category no PLOVER name maps to are skipped.
pub fn load_gold(path: &Path) -> Result<GoldFile, EvalError> {
    let content = std::fs::read_to_string(path).map_err(|e| EvalError::read(path, e))?;
    parse_gold(&content, &path.display().to_string())
}

/// Parses gold records from JSON Lines text; `origin` names the source in messages.
pub fn parse_gold(content: &str, origin: &str) -> Result<GoldFile, EvalError> {
    let mut file = GoldFile::default();
    for (index, line) in content.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line).map_err(|source| EvalError::JsonLine {
            file: origin.to_string(),
            line: line_no,
            what: "not a JSON object",
            source,
        })?;
        let Value::Object(record) = &value else {
            return Err(EvalError::line(origin, line_no, "not a JSON object"));
        };
        let field = |name: &str| record.get(name).and_then(Value::as_str);
        let id = field("id")
            .map(str::to_string)
            .unwrap_or_else(|| format!("line {line_no}"));
        let text = field("text").ok_or_else(|| {
            EvalError::line(origin, line_no, format!("record {id} has no \"text\""))
        })?;
        let category_name = field("event").ok_or_else(|| {
            EvalError::line(origin, line_no, format!("record {id} has no \"event\""))
        })?;
        let Some(category) = EventCategory::parse(category_name) else {
            file.skipped.push(format!(
                "{id} (line {line_no}): unknown category {category_name:?}"
            ));
            continue;
        };
        let figures = FigureField::ALL
            .into_iter()
            .filter_map(|f| gold_figure(f, record.get(f.as_str())?))
            .collect();
        file.records.push(GoldRecord {
            id,
            line: line_no,
            text: text.to_string(),
            date: field("date").map(str::to_string),
            category_name: category_name.to_string(),
            category,
            source_codes: actor_codes(record.get("source")),
            target_codes: actor_codes(record.get("target")),
            figures,
        });
    }
    Ok(file)
}

/// Codes of an actor field: a list of `{actorText, code, sector?}` or one such object. Other
/// shapes ("" or a stray word where the file has no target) carry no code.
fn actor_codes(field: Option<&Value>) -> Vec<String> {
    let items: Vec<&Value> = match field {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(object @ Value::Object(_)) => vec![object],
        _ => Vec::new(),
    };
    let mut codes: Vec<String> = Vec::new();
    for code in items.iter().filter_map(|a| a.get("code")?.as_str()) {
        let code = code.trim().to_ascii_uppercase();
        if !code.is_empty() && !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

fn gold_figure(field: FigureField, value: &Value) -> Option<GoldFigure> {
    let text = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    if text.is_empty() {
        return None;
    }
    let value = text.replace(',', "").parse::<f64>().ok();
    Some(GoldFigure { field, text, value })
}

/// Category counts for one row of the per-category table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CategoryRow {
    pub category: EventCategory,
    /// Gold records of this category.
    pub gold: usize,
    /// Records where this category was predicted.
    pub predicted: usize,
    #[serde(flatten)]
    pub prf: Prf,
}

/// Actor or recipient country accuracy.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CountryAccuracy {
    /// Over records where the gold category was predicted.
    pub matched: Ratio,
    /// Over all gold records (no matched prediction counts as wrong).
    pub all: Ratio,
}

/// Figure accuracy, overall and per field.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CountAccuracy {
    pub matched: Ratio,
    pub all: Ratio,
    pub size: Ratio,
    pub dead: Ratio,
    pub injured: Ratio,
}

/// One record the system got wrong in some way, for study.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Miss {
    pub id: String,
    pub line: usize,
    pub text: String,
    pub gold: EventCategory,
    pub predicted: Vec<EventCategory>,
    pub gold_actors: Vec<String>,
    pub predicted_actors: Vec<String>,
    pub gold_recipients: Vec<String>,
    pub predicted_recipients: Vec<String>,
    /// What went wrong: "missed ASSAULT", "extra ACCUSE", "actors", "recipients", "dead 156".
    pub problems: Vec<String>,
}

/// Scores of one run on one gold file.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PloverReport {
    pub records: usize,
    pub skipped: Vec<String>,
    /// Micro-averaged over categories.
    pub category: Prf,
    /// Mean F1 of the categories that occur in gold or predictions.
    pub macro_f1: f64,
    pub per_category: Vec<CategoryRow>,
    pub actor: CountryAccuracy,
    pub recipient: CountryAccuracy,
    pub counts: CountAccuracy,
    pub misses: Vec<Miss>,
}

/// Scores predictions against gold: `predicted[i]` are the events extracted from
/// `gold[i].text`. Panics if the slices differ in length (a caller bug, not bad input).
pub fn score(gold: &GoldFile, predicted: &[Vec<Event>]) -> PloverReport {
    assert_eq!(
        gold.records.len(),
        predicted.len(),
        "one prediction per record"
    );
    let mut tally = Tally::new();
    for (record, all_events) in gold.records.iter().zip(predicted) {
        tally.add(record, &claimed(all_events));
    }
    tally.report(gold)
}

/// What the system says happened or was announced; a denied ("did not expel") or merely
/// possible ("could expel") event is no claim that an event of its category occurred.
fn claimed(events: &[Event]) -> Vec<Event> {
    events
        .iter()
        .filter(|e| matches!(e.modality, Modality::Asserted | Modality::Planned))
        .cloned()
        .collect()
}

/// The row of `category` in [`EventCategory::ALL`] order.
fn row_of(category: EventCategory) -> usize {
    EventCategory::ALL
        .iter()
        .position(|&c| c == category)
        .expect("every category is in ALL")
}

/// The counts of a scoring run, record by record.
struct Tally {
    rows: Vec<CategoryRow>,
    actor: CountryAccuracy,
    recipient: CountryAccuracy,
    figures: CountAccuracy,
    misses: Vec<Miss>,
}

impl Tally {
    fn new() -> Tally {
        let rows = EventCategory::ALL
            .into_iter()
            .map(|category| CategoryRow {
                category,
                gold: 0,
                predicted: 0,
                prf: Prf::default(),
            })
            .collect();
        let accuracy = || CountryAccuracy {
            matched: Ratio::default(),
            all: Ratio::default(),
        };
        Tally {
            rows,
            actor: accuracy(),
            recipient: accuracy(),
            figures: CountAccuracy {
                matched: Ratio::default(),
                all: Ratio::default(),
                size: Ratio::default(),
                dead: Ratio::default(),
                injured: Ratio::default(),
            },
            misses: Vec::new(),
        }
    }

    /// Counts one gold record against the events claimed for its text.
    fn add(&mut self, record: &GoldRecord, events: &[Event]) {
        let categories: BTreeSet<EventCategory> = events.iter().map(|e| e.event).collect();
        let mut problems = self.count_categories(record.category, &categories);
        let matched = best_match(record, events);
        if matched.is_none() {
            self.rows[row_of(record.category)].prf.fn_ += 1;
            problems.insert(0, format!("missed {}", record.category));
        }
        self.count_codes(record, matched, &mut problems);
        self.count_figures(record, matched, &mut problems);
        if !problems.is_empty() {
            let chosen = matched.or(events.first());
            self.misses.push(Miss {
                id: record.id.clone(),
                line: record.line,
                text: record.text.clone(),
                gold: record.category,
                predicted: categories.into_iter().collect(),
                gold_actors: record.source_codes.clone(),
                predicted_actors: chosen.map(|e| owned(e.actor_codes())).unwrap_or_default(),
                gold_recipients: record.target_codes.clone(),
                predicted_recipients: chosen
                    .map(|e| owned(e.recipient_codes()))
                    .unwrap_or_default(),
                problems,
            });
        }
    }

    /// Counts the gold category and every predicted one; returns a problem per extra category.
    fn count_categories(
        &mut self,
        gold: EventCategory,
        predicted: &BTreeSet<EventCategory>,
    ) -> Vec<String> {
        let mut problems = Vec::new();
        self.rows[row_of(gold)].gold += 1;
        for &c in predicted {
            let row = &mut self.rows[row_of(c)];
            row.predicted += 1;
            if c == gold {
                row.prf.tp += 1;
            } else {
                row.prf.fp += 1;
                problems.push(format!("extra {c}"));
            }
        }
        problems
    }

    /// Whether the matched event's actor and recipient codes are the gold ones.
    fn count_codes(
        &mut self,
        record: &GoldRecord,
        matched: Option<&Event>,
        problems: &mut Vec<String>,
    ) {
        let actors_right =
            matched.is_some_and(|e| same_codes(&record.source_codes, &e.actor_codes()));
        let recips_right =
            matched.is_some_and(|e| same_codes(&record.target_codes, &e.recipient_codes()));
        self.actor.all.add(actors_right);
        self.recipient.all.add(recips_right);
        if matched.is_some() {
            self.actor.matched.add(actors_right);
            self.recipient.matched.add(recips_right);
            if !actors_right {
                problems.push("actors".to_string());
            }
            if !recips_right {
                problems.push("recipients".to_string());
            }
        }
    }

    /// Whether each gold figure is among the matched event's quantities.
    fn count_figures(
        &mut self,
        record: &GoldRecord,
        matched: Option<&Event>,
        problems: &mut Vec<String>,
    ) {
        for figure in &record.figures {
            let found = matched.is_some_and(|e| {
                e.quantity
                    .iter()
                    .chain(&e.other_quantities)
                    .any(|q| figure.found_in(q))
            });
            self.figures.all.add(found);
            let field = match figure.field {
                FigureField::Size => &mut self.figures.size,
                FigureField::Dead => &mut self.figures.dead,
                FigureField::Injured => &mut self.figures.injured,
            };
            field.add(found);
            if matched.is_some() {
                self.figures.matched.add(found);
                if !found {
                    problems.push(format!("{} {}", figure.field.as_str(), figure.text));
                }
            }
        }
    }

    /// The report: micro totals over all categories, macro F1 over those seen.
    fn report(mut self, gold: &GoldFile) -> PloverReport {
        let mut micro = Prf::default();
        for r in &self.rows {
            micro.tp += r.prf.tp;
            micro.fp += r.prf.fp;
            micro.fn_ += r.prf.fn_;
        }
        self.rows.retain(|r| r.gold > 0 || r.predicted > 0);
        let macro_f1 = if self.rows.is_empty() {
            0.0
        } else {
            self.rows.iter().map(|r| r.prf.f1()).sum::<f64>() / self.rows.len() as f64
        };
        PloverReport {
            records: gold.records.len(),
            skipped: gold.skipped.clone(),
            category: micro,
            macro_f1,
            per_category: self.rows,
            actor: self.actor,
            recipient: self.recipient,
            counts: self.figures,
            misses: self.misses,
        }
    }
}

/// The event of the gold category whose codes agree best with the gold ones.
fn best_match<'a>(record: &GoldRecord, events: &'a [Event]) -> Option<&'a Event> {
    let mut best: Option<(&Event, usize)> = None;
    for event in events.iter().filter(|e| e.event == record.category) {
        let agreement = usize::from(same_codes(&record.source_codes, &event.actor_codes()))
            + usize::from(same_codes(&record.target_codes, &event.recipient_codes()));
        if best.is_none_or(|(_, b)| agreement > b) {
            best = Some((event, agreement));
        }
    }
    best.map(|(event, _)| event)
}

/// Whether predicted codes equal the gold ones as sets. Where the gold gives an organisation
/// type (IGO, NGO), as PLOVER coders do, a predicted organisation of that type in attache's
/// lexicon (UN, UNSC, WFP are IGO) stands for it.
fn same_codes(gold: &[String], predicted: &[&str]) -> bool {
    let lexicon = Lexicon::embedded();
    let gold: BTreeSet<&str> = gold.iter().map(String::as_str).collect();
    let predicted: BTreeSet<String> = predicted
        .iter()
        .map(|code| {
            let code = code.to_ascii_uppercase();
            let sector = lexicon
                .organisation(&code)
                .and_then(|org| org.sector.as_deref())
                .filter(|sector| !gold.contains(code.as_str()) && gold.contains(sector));
            sector.map_or(code, str::to_string)
        })
        .collect();
    gold.len() == predicted.len() && predicted.iter().all(|c| gold.contains(c.as_str()))
}

fn owned(codes: Vec<&str>) -> Vec<String> {
    codes.into_iter().map(str::to_string).collect()
}

impl PloverReport {
    /// The human-readable report; the misses only when `misses` is set.
    pub fn render_text(&self, misses: bool) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let c = &self.category;
        let _ = writeln!(out, "records: {}", self.records);
        if !self.skipped.is_empty() {
            let _ = writeln!(out, "skipped: {}", self.skipped.len());
            for s in &self.skipped {
                let _ = writeln!(out, "  {s}");
            }
        }
        let _ = writeln!(
            out,
            "category: precision {:.3}  recall {:.3}  F1 {:.3}  (tp {}, fp {}, fn {}; macro F1 {:.3})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_,
            self.macro_f1
        );
        let _ = writeln!(
            out,
            "\n{:<10} {:>5} {:>5} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6}",
            "category", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1"
        );
        for r in &self.per_category {
            let _ = writeln!(
                out,
                "{:<10} {:>5} {:>5} {:>4} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3}",
                r.category.as_str(),
                r.gold,
                r.predicted,
                r.prf.tp,
                r.prf.fp,
                r.prf.fn_,
                r.prf.precision(),
                r.prf.recall(),
                r.prf.f1()
            );
        }
        let _ = writeln!(out);
        for (name, acc) in [("actor", &self.actor), ("recipient", &self.recipient)] {
            let _ = writeln!(
                out,
                "{name} countries: {} of matched, {} of all gold",
                acc.matched, acc.all
            );
        }
        let k = &self.counts;
        let _ = writeln!(
            out,
            "counts: {} of matched, {} of all gold (size {}, dead {}, injured {})",
            k.matched, k.all, k.size, k.dead, k.injured
        );
        if misses {
            let _ = writeln!(out, "\nmisses: {}", self.misses.len());
            for m in &self.misses {
                let predicted: Vec<&str> = m.predicted.iter().map(|c| c.as_str()).collect();
                let _ = writeln!(
                    out,
                    "\n{} (line {}): {}\n  gold {} {:?} -> {:?}; predicted [{}] {:?} -> {:?}\n  {}",
                    m.id,
                    m.line,
                    m.problems.join(", "),
                    m.gold,
                    m.gold_actors,
                    m.gold_recipients,
                    predicted.join(", "),
                    m.predicted_actors,
                    m.predicted_recipients,
                    m.text
                );
            }
        }
        out
    }
}
