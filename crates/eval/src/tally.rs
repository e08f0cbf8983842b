//! Expected tallies: a few documents, a filter that picks the events being counted, and the
//! per-actor counts (and aggregate claims) a careful reader takes from them.
//!
//! The tally is computed in memory from extracted events, so it checks the coder, not the store:
//! per actor, the sum of the figures of its filtered, non-aggregate events; aggregate events
//! (totals over several actors or a period) are matched against the claims instead. Nothing is
//! merged across documents, so a gold file should list reports of different events.

use crate::EvalError;
use attache_event::{Event, EventCategory, Modality, Qualifier};
use attache_text::{Document, ReadOptions, parse_published, read_documents};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// A tally gold file (format in docs/eval.md).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TallyGold {
    #[serde(default)]
    pub description: Option<String>,
    pub documents: Vec<GoldDocument>,
    pub filter: TallyFilter,
    pub expected: Vec<ExpectedCount>,
    #[serde(default)]
    pub claims: Vec<ExpectedClaim>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldDocument {
    /// A file any reader of `attache_text` takes (text, HTML, JSON Lines, CSV), relative to
    /// the gold file's folder.
    pub path: String,
    /// Publication date, `YYYY-MM-DD`, for documents whose file gives none.
    #[serde(default)]
    pub published: Option<String>,
}

/// Which events are counted. Only `event` is required.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TallyFilter {
    /// A PLOVER category name (old names accepted).
    pub event: String,
    #[serde(default)]
    pub mode: Option<String>,
    /// A country code the event's recipients must include.
    #[serde(default)]
    pub recipient: Option<String>,
    /// Modalities counted; asserted only when absent.
    #[serde(default = "asserted_only")]
    pub modality: Vec<Modality>,
}

fn asserted_only() -> Vec<Modality> {
    vec![Modality::Asserted]
}

/// One actor's expected count; `null` when the text names the actor but gives no figure.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedCount {
    pub actor: String,
    pub count: Option<f64>,
    /// For readers of the gold file; not scored.
    #[serde(default, skip_serializing)]
    pub note: Option<String>,
}

/// An aggregate figure the text states: "a total of 80", "at least 300, according to the FT".
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedClaim {
    pub count: f64,
    /// Checked when given.
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// Codes the claim's event must list among its actors.
    #[serde(default)]
    pub actors: Vec<String>,
    /// Words the event's attribution must contain (case ignored).
    #[serde(default)]
    pub attribution: Option<String>,
    #[serde(default, skip_serializing)]
    pub note: Option<String>,
}

/// A gold file with its category resolved and its documents read.
#[derive(Debug, Clone)]
pub struct LoadedTally {
    pub gold: TallyGold,
    pub category: EventCategory,
    pub documents: Vec<Document>,
}

/// Reads a tally gold file and the documents it names. Errors name the file (and line).
pub fn load(path: &Path) -> Result<LoadedTally, EvalError> {
    let origin = path.display();
    let content = std::fs::read_to_string(path).map_err(|e| EvalError::read(path, e))?;
    let gold: TallyGold = serde_json::from_str(&content).map_err(|source| EvalError::Json {
        file: origin.to_string(),
        source,
    })?;
    let category = EventCategory::parse(&gold.filter.event).ok_or_else(|| {
        EvalError::file(
            origin.to_string(),
            format!(
                "filter.event {:?} is not a PLOVER category",
                gold.filter.event
            ),
        )
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut documents = Vec::new();
    for doc in &gold.documents {
        let published = match &doc.published {
            Some(date) => Some(parse_published(date).map_err(|e| {
                EvalError::file(
                    origin.to_string(),
                    format!("document {}: published: {e}", doc.path),
                )
            })?),
            None => None,
        };
        let opts = ReadOptions {
            published,
            ..ReadOptions::default()
        };
        for read in read_documents(&base.join(&doc.path), &opts) {
            documents.push(read.map_err(|e| {
                EvalError::file(origin.to_string(), format!("document {}: {e}", doc.path))
            })?);
        }
    }
    Ok(LoadedTally {
        gold,
        category,
        documents,
    })
}

/// What the events say about one actor.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorTally {
    pub actor: String,
    /// Sum of the figures of the actor's events; null when none gives one.
    pub count: Option<f64>,
    pub events: usize,
    /// Events of this actor without a figure.
    pub without_figure: usize,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorCheck {
    pub actor: String,
    pub expected: Option<f64>,
    pub found: Option<ActorTally>,
    pub ok: bool,
}

/// An aggregate event with a figure, as found.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FoundClaim {
    pub doc_id: String,
    pub actors: Vec<String>,
    pub count: f64,
    pub qualifier: Qualifier,
    pub attribution: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClaimCheck {
    pub expected: ExpectedClaim,
    pub found: Option<FoundClaim>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TallyReport {
    pub actors: Vec<ActorCheck>,
    /// Actors counted that the gold does not expect.
    pub unexpected: Vec<ActorTally>,
    pub claims: Vec<ClaimCheck>,
    /// Aggregate events with a figure that no claim matched.
    pub unexpected_claims: Vec<FoundClaim>,
    pub actors_matched: usize,
    pub actors_expected: usize,
    pub claims_matched: usize,
    pub claims_expected: usize,
    /// Every expectation met and nothing unexpected.
    pub passed: bool,
}

/// Whether an event is one the filter counts.
fn selected(filter: &TallyFilter, category: EventCategory, event: &Event) -> bool {
    event.event == category
        && filter.modality.contains(&event.modality)
        && filter
            .mode
            .as_ref()
            .is_none_or(|m| event.mode.as_deref() == Some(m.as_str()))
        && filter
            .recipient
            .as_ref()
            .is_none_or(|r| event.recipient_codes().contains(&r.as_str()))
}

/// Per-actor tally of the selected non-aggregate events, ordered by actor code. An event with
/// several actors credits its figure to each (the coder marks shared totals aggregate).
pub fn tally_actors(
    filter: &TallyFilter,
    category: EventCategory,
    events: &[Event],
) -> Vec<ActorTally> {
    let mut by_actor: BTreeMap<&str, ActorTally> = BTreeMap::new();
    for event in events
        .iter()
        .filter(|e| !e.aggregate && selected(filter, category, e))
    {
        for code in event.actor_codes() {
            let entry = by_actor.entry(code).or_insert_with(|| ActorTally {
                actor: code.to_string(),
                count: None,
                events: 0,
                without_figure: 0,
            });
            entry.events += 1;
            match &event.quantity {
                Some(q) => entry.count = Some(entry.count.unwrap_or(0.0) + q.value),
                None => entry.without_figure += 1,
            }
        }
    }
    by_actor.into_values().collect()
}

/// Checks events against the gold expectations.
pub fn score(loaded: &LoadedTally, events: &[Event]) -> TallyReport {
    let gold = &loaded.gold;
    let tallies = tally_actors(&gold.filter, loaded.category, events);
    let actors: Vec<ActorCheck> = gold
        .expected
        .iter()
        .map(|exp| {
            let found = tallies.iter().find(|t| t.actor == exp.actor).cloned();
            let ok = match (&found, exp.count) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(t), Some(n)) => t.count.is_some_and(|c| (c - n).abs() < 1e-9),
            };
            ActorCheck {
                actor: exp.actor.clone(),
                expected: exp.count,
                found,
                ok,
            }
        })
        .collect();
    let unexpected: Vec<ActorTally> = tallies
        .into_iter()
        .filter(|t| !gold.expected.iter().any(|e| e.actor == t.actor))
        .collect();

    let mut found_claims: Vec<FoundClaim> = events
        .iter()
        .filter(|e| e.aggregate && selected(&gold.filter, loaded.category, e))
        .filter_map(|e| {
            let q = e.quantity.as_ref()?;
            Some(FoundClaim {
                doc_id: e.doc_id.clone(),
                actors: e.actor_codes().into_iter().map(str::to_string).collect(),
                count: q.value,
                qualifier: q.qualifier,
                attribution: e
                    .attribution
                    .as_ref()
                    .map(|a| a.source.clone().unwrap_or_else(|| a.text.clone())),
                text: e.sentence.text.to_string(),
            })
        })
        .collect();
    let claims: Vec<ClaimCheck> = gold
        .claims
        .iter()
        .map(|expected| {
            let position = found_claims.iter().position(|f| claim_matches(expected, f));
            ClaimCheck {
                expected: expected.clone(),
                found: position.map(|i| found_claims.remove(i)),
            }
        })
        .collect();

    let actors_matched = actors.iter().filter(|a| a.ok).count();
    let claims_matched = claims.iter().filter(|c| c.found.is_some()).count();
    let passed = actors_matched == actors.len()
        && claims_matched == claims.len()
        && unexpected.is_empty()
        && found_claims.is_empty();
    TallyReport {
        actors_expected: actors.len(),
        claims_expected: claims.len(),
        actors,
        unexpected,
        claims,
        unexpected_claims: found_claims,
        actors_matched,
        claims_matched,
        passed,
    }
}

fn claim_matches(expected: &ExpectedClaim, found: &FoundClaim) -> bool {
    (expected.count - found.count).abs() < 1e-9
        && expected.qualifier.is_none_or(|q| q == found.qualifier)
        && expected.actors.iter().all(|a| found.actors.contains(a))
        && expected.attribution.as_ref().is_none_or(|words| {
            found
                .attribution
                .as_ref()
                .is_some_and(|a| a.to_lowercase().contains(&words.to_lowercase()))
        })
}

fn figure(count: Option<f64>) -> String {
    count.map_or_else(|| "no figure".to_string(), |c| format!("{c}"))
}

impl TallyReport {
    pub fn render_text(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "actors: {}/{} as expected; claims: {}/{} found; {}",
            self.actors_matched,
            self.actors_expected,
            self.claims_matched,
            self.claims_expected,
            if self.passed { "PASSED" } else { "FAILED" }
        );
        for a in &self.actors {
            let found = a.found.as_ref().map_or("absent".to_string(), |t| {
                format!("{} ({} events)", figure(t.count), t.events)
            });
            let mark = if a.ok { "ok  " } else { "MISS" };
            let _ = writeln!(
                out,
                "  {mark} {:<6} expected {:<10} found {found}",
                a.actor,
                figure(a.expected)
            );
        }
        for t in &self.unexpected {
            let _ = writeln!(
                out,
                "  EXTRA {:<6} found {} ({} events)",
                t.actor,
                figure(t.count),
                t.events
            );
        }
        for c in &self.claims {
            let e = &c.expected;
            let qualifier = e.qualifier.map_or("", |q| q.as_str());
            let mark = if c.found.is_some() { "ok  " } else { "MISS" };
            let _ = writeln!(
                out,
                "  {mark} claim {qualifier} {} {:?}{}",
                e.count,
                e.actors,
                e.attribution
                    .as_ref()
                    .map_or(String::new(), |a| format!(" according to {a}"))
            );
        }
        for f in &self.unexpected_claims {
            let _ = writeln!(
                out,
                "  EXTRA claim {} {} {:?}: {}",
                f.qualifier.as_str(),
                f.count,
                f.actors,
                f.text
            );
        }
        out
    }
}
