//! Merging reports across documents: when two reports describe the same event, and what the
//! merged event then says. Pure logic over [`Event`] values; the database only persists it.
//!
//! A report joins a merged event when category and mode agree, modality is of the same kind,
//! both are claims or both are not, actor and recipient sets are compatible, dates are
//! compatible and the figures do not contradict. Figures that differ within the reporting
//! tolerance are kept side by side: the event then shows a range, never an average. The rule
//! itself is [`attache_merge::decide`] with [`Policy::ACROSS_DOCUMENTS`]; this module keeps
//! what a merged event then says.

use attache_event::{Event, EventCategory, Location, Modality};
pub use attache_merge::cluster::{Clusters, Compact, compact};
pub use attache_merge::content::story_names;
use attache_merge::content::{MAX_EVENT_WORDS, content_words, speaker_word};
pub use attache_merge::document::{Frequencies, Vector, document_terms};
pub use attache_merge::{DateSpan, UNDATED_WINDOW_DAYS, lookup_span};
use attache_merge::{Decision, Evidence, Policy, decide, kept_apart_in_document, report_date};
use chrono::{Datelike, NaiveDate};
pub use figures::{Figure, FigureChoice};
use serde::{Deserialize, Serialize};
pub use sides::{Side, implied_doer};

mod figures;
mod sides;

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
    /// The country its document stands in ([`home_country`]); `None` when unknown.
    pub home: Option<String>,
    /// Who speaks, in the actors' own words ([`speaker_word`]): a statement by another
    /// speaker is another event.
    pub speakers: Vec<String>,
    /// The cluster of documents its document is in ([`attache_merge::cluster`]); `None` when
    /// unknown.
    pub cluster: Option<i64>,
    /// The trigger's own word ([`trigger_word`]): at most one.
    pub words: Vec<String>,
    /// Each actor's country, sector and naming ([`Side`]).
    pub sides: Vec<Side>,
}

/// The word the event's trigger reads, lowercased ("shooting" of a shooting coded ASSAULT,
/// mode firearms): a report of unknown kind that names it fits
/// ([`attache_merge::words::unknown_word_fits`]).
pub fn trigger_word(event: &Event) -> Option<String> {
    let word = event.trigger.text.trim().to_lowercase();
    (!word.is_empty()).then_some(word)
}

/// The country a document's events stand in: that of a participant the coder placed by the
/// dateline or by the country the document names most, else the country most of its
/// participants have (at least twice, and more than any other).
pub fn home_country(events: &[Event]) -> Option<String> {
    use attache_event::CountryFrom;
    let participants = || {
        events
            .iter()
            .flat_map(|e| e.actors.iter().chain(&e.recipients))
    };
    for from in [CountryFrom::Dateline, CountryFrom::Document] {
        if let Some(c) = participants().find(|a| a.country_from == Some(from)) {
            return c.country.clone();
        }
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for country in participants().filter_map(|a| a.country.as_deref()) {
        match counts.iter_mut().find(|(c, _)| *c == country) {
            Some((_, n)) => *n += 1,
            None => counts.push((country, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(c, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => {
            Some(c.to_string())
        }
        _ => None,
    }
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
                .filter(attache_merge::Count::numeric)
                .collect(),
            content: $facts.content.iter().map(String::as_str).collect(),
            story: $facts.story.iter().map(String::as_str).collect(),
            home: None,
            speakers: $facts.speakers.iter().map(String::as_str).collect(),
            cluster: $facts.cluster,
            places: $facts
                .places
                .iter()
                .filter_map(|p| p.location.country.as_deref())
                .collect(),
            words: $facts.words.iter().map(String::as_str).collect(),
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
            home: None,
            speakers: event
                .actors
                .iter()
                .filter_map(|a| speaker_word(&a.text))
                .collect(),
            cluster: None,
            words: trigger_word(event).into_iter().collect(),
            sides: sides::sides_of(event),
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
                    sides: direct
                        .sides
                        .iter()
                        .filter(|s| s.country == *actor)
                        .cloned()
                        .collect(),
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
    /// names ([`story_names`] of the document's text) and cluster of documents.
    pub fn told_in(reports: Vec<Report>, story: &[String], cluster: Option<i64>) -> Vec<Report> {
        reports
            .into_iter()
            .map(|r| Report {
                story: story.to_vec(),
                cluster,
                ..r
            })
            .collect()
    }

    fn evidence(&self) -> Evidence<'_> {
        Evidence {
            home: self.home.as_deref(),
            actors: sides::stated_actors(&self.actors, &self.sides),
            ..evidence_of!(self)
        }
    }

    /// The reports, their document standing in `home` ([`home_country`]).
    pub fn at_home(reports: Vec<Report>, home: Option<&str>) -> Vec<Report> {
        reports
            .into_iter()
            .map(|r| Report {
                home: home.map(str::to_string),
                ..r
            })
            .collect()
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
    /// Who speaks in its reports ([`Report::speakers`]).
    #[serde(default)]
    pub speakers: Vec<String>,
    /// The cluster of documents of its reports ([`Report::cluster`]; the first known).
    #[serde(default)]
    pub cluster: Option<i64>,
    /// The trigger words of its reports ([`Report::words`]); empty in an event stored before
    /// they were kept, until it takes another report.
    #[serde(default)]
    pub words: Vec<String>,
    /// The actors of its reports ([`Report::sides`]); empty in an event stored before they
    /// were kept (its actors then all count as stated).
    #[serde(default)]
    pub sides: Vec<Side>,
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
            speakers: Vec::new(),
            cluster: None,
            words: Vec::new(),
            sides: Vec::new(),
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
    /// both, and the coder has read them together; as within a document, their modes must then
    /// be the same word (words of one kind of event, "died" and "his death", only under
    /// `--merge loose`), and a mode-less report is no match for one with a mode ("His claims
    /// were denied" is not "we have a veto"), while a report that gives no date takes the date
    /// its text gives elsewhere. Two
    /// statements of one document that the coder kept apart (two speakers' criticism in two
    /// sentences) stay apart, and so do two reports whose stated actors of one country the
    /// coder gave other sectors (an opposition and a government). An implied doer
    /// ([`Side::implied`]) is unknown: where one stands on either side within the document, the
    /// report needs the evidence a report of another document needs ("All were arrested" and
    /// "They were all jailed" are two acts with one implied state). Across documents, a named
    /// government and a named opposition of one country are two actors.
    pub fn accepts_under(&self, report: &Report, policy: &Policy) -> Decision {
        let same_text = Policy {
            content: None,
            open_mode: false,
            undated_matches_any: true,
            ..*policy
        };
        let same_document = self.documents.contains(&report.document);
        // An implied doer is no reading of the text: the report needs evidence as if it came
        // from another document.
        let implied = same_document && sides::implied_in(self, report);
        let policy = if same_document && !implied {
            &same_text
        } else {
            policy
        };
        let told_here =
            report.role == Role::Report && self.direct_documents.contains(&report.document);
        let theirs = report.evidence();
        if told_here && kept_apart_in_document(theirs.category, theirs.mode) {
            return apart("the coder told them as two statements or commitments of one document");
        }
        let sides_apart = if told_here {
            sides::sectors_apart_in_document(self, report)
        } else {
            sides::government_and_opposition(self, report)
        };
        if let Some(why) = sides_apart {
            return apart(&why);
        }
        let mut unknown = sides::implied_codes(&report.sides);
        unknown.extend(sides::implied_codes(&self.sides));
        unknown.sort_unstable();
        unknown.dedup();
        let policy = Policy {
            implied_doer: !unknown.is_empty(),
            ..*policy
        };
        let mut decision = decide(&self.evidence(), &theirs, &policy);
        if decision.merge && !unknown.is_empty() {
            decision.reason +=
                &format!("; implied doer {{{}}} taken as unknown", unknown.join(","));
        }
        // Two figured events of one document were kept apart by the coder; a figureless one
        // (a country named in a list, detailed later) may still be the same event.
        let same_document_figures = self.figures.iter().any(|f| f.document == report.document);
        if decision.merge && told_here && same_document_figures && !report.figures.is_empty() {
            return apart("the coder kept them apart within one document");
        }
        decision
    }

    fn evidence(&self) -> Evidence<'_> {
        Evidence {
            actors: sides::stated_actors(&self.actors, &self.sides),
            ..evidence_of!(self)
        }
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
        if self.cluster.is_none() {
            self.cluster = report.cluster;
        }
        for (ours, theirs) in [
            (&mut self.speakers, &report.speakers),
            (&mut self.words, &report.words),
        ] {
            for word in theirs {
                if !ours.contains(word) {
                    ours.push(word.clone());
                }
            }
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
        for side in &report.sides {
            if !self.sides.contains(side) {
                self.sides.push(side.clone());
            }
        }
        self.reports += 1;
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

/// A decision not to merge, and why.
fn apart(reason: &str) -> Decision {
    Decision {
        merge: false,
        reason: reason.to_string(),
        score: 0,
    }
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
