//! The development gold's file: article lines and event rows (format in docs/gold.md).

use crate::EvalError;
use attache_event::{EventCategory, Modality};
use std::collections::BTreeSet;
use std::path::Path;

/// Country and sector codes of one side of a gold event; empty when the gold gives `-`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Party {
    pub countries: BTreeSet<String>,
    pub sectors: BTreeSet<String>,
}

impl Party {
    /// `GBR`, `USA|GBR`, `-` with their sectors, as the file writes them.
    pub fn parse(countries: &str, sectors: &str) -> Party {
        Party {
            countries: codes(countries),
            sectors: codes(sectors),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.sectors.is_empty()
    }

    /// `GBR OPP`, `USA|GBR GOV`, `- NGO`, `-`.
    pub fn label(&self) -> String {
        let join = |set: &BTreeSet<String>| {
            if set.is_empty() {
                "-".to_string()
            } else {
                set.iter().cloned().collect::<Vec<_>>().join("|")
            }
        };
        if self.is_empty() {
            return "-".to_string();
        }
        format!("{} {}", join(&self.countries), join(&self.sectors))
    }
}

fn codes(field: &str) -> BTreeSet<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|c| !c.is_empty() && *c != "-")
        .map(str::to_uppercase)
        .collect()
}

/// One hand-coded event.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldEvent {
    pub doc: String,
    /// 1-based line in the gold file, for messages.
    pub line: usize,
    pub category: EventCategory,
    pub mode: Option<String>,
    pub actor: Party,
    pub recipient: Party,
    pub status: Modality,
    /// The text's own date phrase, if any (publication dates are unknown: nothing resolved).
    pub date: Option<String>,
    /// A verbatim quote of the article that locates the event.
    pub trigger: String,
}

impl GoldEvent {
    /// Asserted and planned events are scored; negated and hypothetical ones are not events.
    pub fn is_scored(&self) -> bool {
        matches!(self.status, Modality::Asserted | Modality::Planned)
    }
}

/// The whole gold: the articles it covers, in file order, and their events.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventGold {
    pub articles: Vec<String>,
    pub events: Vec<GoldEvent>,
}

const COLUMNS: usize = 10;

/// What is wrong with one line of an events gold file.
#[derive(Debug, thiserror::Error)]
pub enum GoldLineError {
    #[error("article {0} is not declared above")]
    Undeclared(String),
    #[error("expected an article id or {COLUMNS} tab-separated columns, found {0}")]
    Columns(usize),
    #[error("article {0} declared twice")]
    DeclaredTwice(String),
    #[error("unknown PLOVER category {0:?}")]
    Category(String),
    #[error("the trigger quote is empty")]
    EmptyTrigger,
    #[error("{what} {code:?} is not a sector code")]
    Sector { what: &'static str, code: String },
    #[error("status {0:?} is not asserted, planned, negated or hypothetical")]
    Status(String),
}

/// Reads a gold file; an error names the file and line.
pub fn load(path: &Path) -> Result<EventGold, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::read(path, e))?;
    parse(&path.display().to_string(), &text)
}

/// Parses gold text (`name` is used in messages).
pub fn parse(name: &str, text: &str) -> Result<EventGold, EvalError> {
    let mut gold = EventGold::default();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let content = raw.trim_end_matches('\r');
        if content.trim().is_empty() || content.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = content.split('\t').collect();
        let at = |source| EvalError::GoldLine {
            file: name.to_string(),
            line,
            source,
        };
        match fields.len() {
            1 => declare_article(&mut gold, fields[0].trim()).map_err(at)?,
            COLUMNS => {
                let event = parse_event(&fields, line).map_err(at)?;
                if !gold.articles.contains(&event.doc) {
                    return Err(at(GoldLineError::Undeclared(event.doc)));
                }
                gold.events.push(event);
            }
            n => {
                return Err(at(GoldLineError::Columns(n)));
            }
        }
    }
    if gold.articles.is_empty() {
        return Err(EvalError::file(name, "no article declared"));
    }
    Ok(gold)
}

fn declare_article(gold: &mut EventGold, id: &str) -> Result<(), GoldLineError> {
    if gold.articles.iter().any(|a| a == id) {
        return Err(GoldLineError::DeclaredTwice(id.to_string()));
    }
    gold.articles.push(id.to_string());
    Ok(())
}

fn parse_event(fields: &[&str], line: usize) -> Result<GoldEvent, GoldLineError> {
    let field = |i: usize| fields[i].trim();
    let optional = |i: usize| Some(field(i)).filter(|v| !v.is_empty() && *v != "-");
    let category = EventCategory::parse(field(1))
        .ok_or_else(|| GoldLineError::Category(field(1).to_string()))?;
    let status = parse_status(field(7))?;
    let trigger = field(9);
    if trigger.is_empty() || trigger == "-" {
        return Err(GoldLineError::EmptyTrigger);
    }
    for (i, what) in [(4, "actor sector"), (6, "recipient sector")] {
        if let Some(bad) = field(i)
            .split('|')
            .find(|s| *s != "-" && !s.chars().all(|c| c.is_ascii_uppercase()))
        {
            return Err(GoldLineError::Sector {
                what,
                code: bad.to_string(),
            });
        }
    }
    Ok(GoldEvent {
        doc: field(0).to_string(),
        line,
        category,
        mode: optional(2).map(str::to_string),
        actor: Party::parse(field(3), field(4)),
        recipient: Party::parse(field(5), field(6)),
        status,
        date: optional(8).map(str::to_string),
        trigger: trigger.to_string(),
    })
}

fn parse_status(value: &str) -> Result<Modality, GoldLineError> {
    match value {
        "asserted" => Ok(Modality::Asserted),
        "planned" => Ok(Modality::Planned),
        "negated" => Ok(Modality::Negated),
        "hypothetical" => Ok(Modality::Hypothetical),
        other => Err(GoldLineError::Status(other.to_string())),
    }
}
