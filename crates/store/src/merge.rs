//! Merging reports across documents: when two reports describe the same event, and what the
//! merged event then says. Pure logic over [`Event`] values; the database only persists it.
//!
//! A report joins a merged event when category and mode agree, modality is of the same kind,
//! both are claims or both are not, actor and recipient sets are compatible, dates are
//! compatible and the figures do not contradict. Figures that differ within the reporting
//! tolerance are kept side by side: the event then shows a range, never an average. The rule
//! itself is [`attache_merge::decide`] with [`Policy::ACROSS_DOCUMENTS`]; this module keeps
//! what a merged event then says.

use attache_event::{CasualtyKind, Event, EventCategory, Location, Modality, Qualifier};
pub use attache_merge::content::story_names;
use attache_merge::content::{MAX_EVENT_WORDS, content_words};
use attache_merge::{Count, Decision, Evidence, Policy, decide, report_date};
pub use attache_merge::{DateSpan, UNDATED_WINDOW_DAYS, lookup_span};
use chrono::{Datelike, NaiveDate};
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

/// A place one of the event's reports puts it at, with the document that says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    #[serde(flatten)]
    pub location: Location,
    pub document: String,
}

impl Place {
    /// Whether two reports name the same place: the same gazetteer place, or for unresolved
    /// places the same words in the same country.
    fn same(&self, other: &Place) -> bool {
        let (a, b) = (&self.location, &other.location);
        match (a.geonames_id, b.geonames_id) {
            (Some(x), Some(y)) => x == y,
            (None, None) => a.text == b.text && a.country == b.country,
            _ => false,
        }
    }
}

/// Why a report is linked to a merged event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// The report describes the event itself.
    Report,
    /// An aggregate claim over several actors ("Italy, Spain and Denmark expelled a total of
    /// 80") also says that each of them acted; the report stands for that actor's event, with
    /// no count of its own.
    Implied { actor: String },
}

impl Role {
    pub fn key(&self) -> String {
        match self {
            Role::Report => "report".to_string(),
            Role::Implied { actor } => format!("implied:{actor}"),
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        match key.split_once(':') {
            None if key == "report" => Some(Role::Report),
            Some(("implied", actor)) => Some(Role::Implied {
                actor: actor.to_string(),
            }),
            _ => None,
        }
    }
}

/// What merging needs to know of one coded event from one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub category: EventCategory,
    pub mode: Option<String>,
    pub modality: Modality,
    pub claim: bool,
    pub actors: Vec<String>,
    pub recipients: Vec<String>,
    pub date: Option<DateSpan>,
    /// For a planned action, the day it was announced (the publication date).
    pub announced: Option<NaiveDate>,
    pub figures: Vec<Figure>,
    pub role: Role,
    pub document: String,
    pub source: String,
    /// The content words of the event's clauses ([`event_content`]).
    pub content: Vec<String>,
    /// Where the report puts the event (at most one place).
    pub places: Vec<Place>,
    /// The names its document repeats most ([`story_names`]); empty when the text is unknown.
    pub story: Vec<String>,
}

/// The content words of an event: those of each place it is reported in the document, the
/// actors' own words left out (they are compared by code).
pub fn event_content(event: &Event) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in &event.mentions {
        let skip: Vec<[usize; 2]> = event
            .actors
            .iter()
            .filter(|a| m.span[0] <= a.span[0] && a.span[1] <= m.span[1])
            .map(|a| [a.span[0] - m.span[0], a.span[1] - m.span[0]])
            .collect();
        for w in content_words(&m.text, &skip) {
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out
}

/// The merge rule's view of a report or a merged event: both carry the same facts under the
/// same field names, so one expansion serves both.
macro_rules! evidence_of {
    ($facts:expr) => {
        Evidence {
            category: $facts.category,
            mode: $facts.mode.as_deref(),
            modality: $facts.modality,
            claim: $facts.claim,
            actors: $facts.actors.iter().map(String::as_str).collect(),
            recipients: $facts.recipients.iter().map(String::as_str).collect(),
            date: $facts.date,
            announced: $facts.announced,
            counts: $facts
                .figures
                .iter()
                .filter(|f| f.casualty.is_none())
                .map(Figure::count)
                .collect(),
            content: $facts.content.iter().map(String::as_str).collect(),
            story: $facts.story.iter().map(String::as_str).collect(),
        }
    };
}

impl Report {
    /// The reports an event stands for: itself, plus one implied report per actor when it is
    /// an aggregate claim over several actors. `source` names the outlet; `published` is the
    /// document's publication date when the event does not carry one.
    pub fn from_event(event: &Event, source: &str, published: Option<NaiveDate>) -> Vec<Report> {
        let published = event.published.or(published);
        let attribution = event
            .attribution
            .as_ref()
            .map(|a| a.source.clone().unwrap_or_else(|| a.text.clone()));
        let figure = |q: &attache_event::Quantity, main: bool| Figure {
            value: q.value,
            max: q.max,
            unit: q.unit.clone(),
            qualifier: q.qualifier,
            text: q.text.clone(),
            document: event.doc_id.clone(),
            source: source.to_string(),
            attribution: attribution.clone(),
            main,
            casualty: None,
        };
        let mut figures: Vec<Figure> = event.quantity.iter().map(|q| figure(q, true)).collect();
        figures.extend(event.other_quantities.iter().map(|q| figure(q, false)));
        figures.extend(event.casualties.iter().map(|(kind, q)| Figure {
            casualty: Some(kind),
            ..figure(q, false)
        }));
        let actors: Vec<String> = event.actor_codes().into_iter().map(String::from).collect();
        let direct = Report {
            category: event.event,
            mode: event.mode.clone(),
            modality: event.modality,
            claim: event.aggregate,
            actors: actors.clone(),
            recipients: event
                .recipient_codes()
                .into_iter()
                .map(String::from)
                .collect(),
            date: report_date(event, published),
            announced: published.filter(|_| event.modality == Modality::Planned),
            figures,
            role: Role::Report,
            document: event.doc_id.clone(),
            source: source.to_string(),
            content: event_content(event),
            places: event
                .location
                .iter()
                .map(|l| Place {
                    location: l.clone(),
                    document: event.doc_id.clone(),
                })
                .collect(),
            story: Vec::new(),
        };
        let mut reports = Vec::new();
        if event.aggregate && actors.len() > 1 {
            for actor in &actors {
                reports.push(Report {
                    claim: false,
                    actors: vec![actor.clone()],
                    figures: Vec::new(),
                    role: Role::Implied {
                        actor: actor.clone(),
                    },
                    ..direct.clone()
                });
            }
        }
        reports.insert(0, direct);
        reports
    }
}

impl Report {
    /// The reports of an event (see [`Report::from_event`]), each with its document's story
    /// names ([`story_names`] of the document's text).
    pub fn told_in(reports: Vec<Report>, story: &[String]) -> Vec<Report> {
        reports
            .into_iter()
            .map(|r| Report {
                story: story.to_vec(),
                ..r
            })
            .collect()
    }

    fn evidence(&self) -> Evidence<'_> {
        evidence_of!(self)
    }
}

/// An event merged from one or more reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedEvent {
    pub category: EventCategory,
    pub mode: Option<String>,
    pub modality: Modality,
    /// An aggregate claim ("at least 300 since the invasion"): shown beside tallies, never in.
    pub claim: bool,
    pub actors: Vec<String>,
    pub recipients: Vec<String>,
    pub date: Option<DateSpan>,
    /// The earliest announcement of the event while it was planned.
    #[serde(default)]
    pub announced: Option<NaiveDate>,
    /// Every figure reported, with its document and outlet.
    pub figures: Vec<Figure>,
    /// The content words of its reports, the first reported first (at most
    /// [`MAX_EVENT_WORDS`]).
    #[serde(default)]
    pub content: Vec<String>,
    pub sources: Vec<String>,
    pub documents: Vec<String>,
    /// Documents that reported the event directly (not only through an aggregate claim).
    pub direct_documents: Vec<String>,
    pub reports: usize,
    /// Every place its reports put it at, the first reported first; one per gazetteer place.
    #[serde(default)]
    pub places: Vec<Place>,
    /// The story names of its first report's document ([`Report::story`]).
    #[serde(default)]
    pub story: Vec<String>,
}

impl MergedEvent {
    pub fn new(report: &Report) -> MergedEvent {
        let mut event = MergedEvent {
            category: report.category,
            mode: None,
            modality: report.modality,
            claim: report.claim,
            actors: Vec::new(),
            recipients: Vec::new(),
            date: report.date,
            announced: None,
            figures: Vec::new(),
            content: Vec::new(),
            sources: Vec::new(),
            documents: Vec::new(),
            direct_documents: Vec::new(),
            reports: 0,
            places: Vec::new(),
            story: report.story.clone(),
        };
        event.absorb(report);
        event
    }

    /// Whether `report` describes this event, why (or why not), and how well it fits, under
    /// the default policy.
    pub fn accepts(&self, report: &Report) -> Decision {
        self.accepts_under(report, &Policy::ACROSS_DOCUMENTS)
    }

    /// [`accepts`](Self::accepts) under a chosen across-document policy (`--merge`).
    /// A report of a document the event already holds needs no shared words: one text told
    /// both, and the coder has read them together.
    pub fn accepts_under(&self, report: &Report, policy: &Policy) -> Decision {
        let same_text = Policy {
            content: None,
            ..*policy
        };
        let policy = if self.documents.contains(&report.document) {
            &same_text
        } else {
            policy
        };
        let decision = decide(&self.evidence(), &report.evidence(), policy);
        // Two figured events of one document were kept apart by the coder; a figureless one
        // (a country named in a list, detailed later) may still be the same event.
        let same_document_figures = self.figures.iter().any(|f| f.document == report.document);
        if decision.merge
            && report.role == Role::Report
            && self.direct_documents.contains(&report.document)
            && same_document_figures
            && !report.figures.is_empty()
        {
            return Decision {
                merge: false,
                reason: "the coder kept them apart within one document".to_string(),
                score: 0,
            };
        }
        decision
    }

    fn evidence(&self) -> Evidence<'_> {
        evidence_of!(self)
    }

    /// Adds a report that [`accepts`](Self::accepts) allowed (or rebuilds from stored ones).
    pub fn absorb(&mut self, report: &Report) {
        if self.mode.is_none() {
            self.mode = report.mode.clone();
        }
        if report.modality == Modality::Asserted {
            self.modality = Modality::Asserted;
        }
        for (ours, theirs) in [
            (&mut self.actors, &report.actors),
            (&mut self.recipients, &report.recipients),
        ] {
            for code in theirs {
                if !ours.contains(code) {
                    ours.push(code.clone());
                }
            }
        }
        self.announced = match (self.announced, report.announced) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.date = match (self.date, report.date) {
            (Some(a), Some(b)) => Some(a.narrowed(&b)),
            (a, b) => a.or(b),
        };
        self.figures.extend(report.figures.iter().cloned());
        if self.story.is_empty() {
            self.story.clone_from(&report.story);
        }
        for word in &report.content {
            if self.content.len() < MAX_EVENT_WORDS && !self.content.contains(word) {
                self.content.push(word.clone());
            }
        }
        for (list, item) in [
            (&mut self.sources, &report.source),
            (&mut self.documents, &report.document),
        ] {
            if !list.contains(item) {
                list.push(item.clone());
            }
        }
        if report.role == Role::Report && !self.direct_documents.contains(&report.document) {
            self.direct_documents.push(report.document.clone());
        }
        for place in &report.places {
            if !self.places.iter().any(|p| p.same(place)) {
                self.places.push(place.clone());
            }
        }
        self.reports += 1;
    }

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

    /// The day the event is filed under, for months and group membership.
    pub fn day(&self) -> Option<NaiveDate> {
        self.date.map(|d| d.day())
    }

    /// "2022-04" for month tallies.
    pub fn month(&self) -> Option<String> {
        self.day()
            .map(|d| format!("{:04}-{:02}", d.year(), d.month()))
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

/// Chooses the merged event a report joins among candidates: the best fit that accepts it.
/// Returns its index and the reason, or `None` when the report starts a new event.
pub fn choose<'a>(
    candidates: impl IntoIterator<Item = &'a MergedEvent>,
    report: &Report,
) -> Option<(usize, String)> {
    choose_under(candidates, report, &Policy::ACROSS_DOCUMENTS)
}

/// [`choose`] under a chosen across-document policy.
pub fn choose_under<'a>(
    candidates: impl IntoIterator<Item = &'a MergedEvent>,
    report: &Report,
    policy: &Policy,
) -> Option<(usize, String)> {
    let mut best: Option<(usize, Decision)> = None;
    for (index, candidate) in candidates.into_iter().enumerate() {
        let decision = candidate.accepts_under(report, policy);
        if decision.merge && best.as_ref().is_none_or(|(_, b)| decision.score > b.score) {
            best = Some((index, decision));
        }
    }
    best.map(|(index, decision)| (index, decision.reason))
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
