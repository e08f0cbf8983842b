//! The event coder: from an analysed document to PLOVER events.
//!
//! Pipeline per document: the analyzer tokenizes, tags and parses ([`attache_nlp`]); the
//! lexicon finds actor phrases ([`attache_lexicon`]); each sentence's trigger words
//! (`data/coder/triggers.tsv`) become frames read off the parse (who, whom, how many, when,
//! where, according to whom); mentions of one event within the document merge. Coding
//! decisions live in the trigger file and in `data/coder/README.md`, not in this code.

mod actors;
mod casualties;
mod code;
mod dateline;
mod dates;
mod discourse;
mod distribute;
mod figure_words;
mod frames;
mod measure;
mod mention;
mod merge;
mod modality;
mod numbers;
mod original;
mod place;
mod repair;
mod timewords;
pub mod timex;
mod timing;
mod triggers;
mod words;

use attache_event::Event;
use attache_lexicon::{EntryKind, Lexicon};
use attache_nlp::Analyzer;
use attache_text::Document;
use std::path::Path;
use std::sync::Arc;

use dates::Direction;
pub use figure_words::{FigureWords, FigureWordsError};
pub use mention::{GENERIC_MODE, MentionCode};
pub use triggers::{ConstraintError, TriggerError, TriggerRule, TriggerTable};
pub use words::WordsError;

/// Why an [`Extractor`] could not be built.
#[derive(Debug, thiserror::Error)]
pub enum CoderError {
    #[error(transparent)]
    Model(#[from] attache_nlp::ModelError),
    #[error(transparent)]
    Triggers(#[from] TriggerError),
    #[error(transparent)]
    Words(#[from] WordsError),
    #[error(transparent)]
    FigureWords(#[from] FigureWordsError),
    #[error("{}: {source}", path.display())]
    ReadTriggers {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The trigger file compiled into the binary, so `attache` runs from anywhere.
const TRIGGERS_TSV: &str = include_str!("../../../data/coder/triggers.tsv");
const TRIGGERS_NAME: &str = "data/coder/triggers.tsv";

/// Turns documents into events. Holds the loaded model and dictionaries; `&Extractor` is all
/// `extract` needs, so one instance serves every thread.
pub struct Extractor {
    analyzer: Analyzer,
    lexicon: Dictionaries,
    triggers: TriggerTable,
}

/// The dictionaries an extractor codes with: the compiled-in ones, or a caller's (owned or
/// shared, e.g. loaded with [`Lexicon::load_dir`]).
enum Dictionaries {
    Embedded(&'static Lexicon),
    Shared(Arc<Lexicon>),
}

impl std::ops::Deref for Dictionaries {
    type Target = Lexicon;

    fn deref(&self) -> &Lexicon {
        match self {
            Dictionaries::Embedded(lexicon) => lexicon,
            Dictionaries::Shared(lexicon) => lexicon,
        }
    }
}

impl Extractor {
    /// Loads the shipped model and the dictionaries compiled into the binary.
    pub fn load_default() -> Result<Extractor, CoderError> {
        let analyzer = Analyzer::load_default()?;
        words::load()?;
        let triggers = TriggerTable::parse(TRIGGERS_NAME, TRIGGERS_TSV)?;
        figure_words::embedded()?;
        Ok(Extractor {
            analyzer,
            lexicon: Dictionaries::Embedded(Lexicon::embedded()),
            triggers,
        })
    }

    /// Codes with `lexicon` (a [`Lexicon`] or an `Arc<Lexicon>`) instead of the compiled-in
    /// dictionaries: a user's dictionary directory loaded with [`Lexicon::load_dir`].
    pub fn with_lexicon(mut self, lexicon: impl Into<Arc<Lexicon>>) -> Extractor {
        self.lexicon = Dictionaries::Shared(lexicon.into());
        self
    }

    /// The dictionaries in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Replaces the compiled-in trigger dictionary with a user's file.
    pub fn with_triggers(mut self, path: &Path) -> Result<Extractor, CoderError> {
        let text = std::fs::read_to_string(path).map_err(|source| CoderError::ReadTriggers {
            path: path.to_path_buf(),
            source,
        })?;
        self.triggers = TriggerTable::parse(&path.display().to_string(), &text)?;
        Ok(self)
    }

    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// The trigger dictionary in use (for diagnostics such as `attache eval events`).
    pub fn triggers(&self) -> &TriggerTable {
        &self.triggers
    }

    /// All events of one document, ordered by first mention.
    pub fn extract(&self, document: &Document) -> Vec<Event> {
        self.extract_counted(document).0
    }

    /// The events of one document and the number of sentences it was read as. The analysis
    /// reads the text without invisible and control characters
    /// ([`attache_text::normalize_for_analysis`]); spans and quotes are the original's.
    pub fn extract_counted(&self, document: &Document) -> (Vec<Event>, usize) {
        let prepared = attache_text::normalize_for_analysis(&document.text);
        let (mut events, sentences) =
            self.extract_prepared(&prepared.text, &document.id, document.publication.published);
        if prepared.changed() {
            for event in &mut events {
                original::restore_spans(event, &prepared.map, &prepared.text, &document.text);
            }
        }
        (events, sentences)
    }

    /// `extract_counted` on text already prepared for analysis.
    fn extract_prepared(
        &self,
        text: &str,
        doc_id: &str,
        published: Option<chrono::NaiveDate>,
    ) -> (Vec<Event>, usize) {
        let Some(line) = dateline::find(text) else {
            let doc = self.analyzer.analyze(text);
            let events =
                self.code_with_peg(doc_id, &doc, published, None, DatelineFacts::default());
            return (events, doc.sentence_count());
        };
        // Analysis without the dateline; its date, when it has one, is the news peg.
        let doc = self.analyzer.analyze(&dateline::blank(text, &line));
        let peg = line.date.and_then(|(s, e)| {
            let words: Vec<&str> = text[s..e].split_whitespace().collect();
            let expr = dates::find_times(&words).into_iter().next()?;
            let interval = dates::resolve(&expr, published, Direction::Past)?;
            Some(timing::Peg {
                text: text[s..e].to_string(),
                interval,
            })
        });
        let dateline_country = self
            .lexicon
            .find(&dateline::titled(text, &line))
            .iter()
            .find(|m| {
                matches!(
                    m.entry.kind,
                    EntryKind::City | EntryKind::Capital | EntryKind::Country | EntryKind::Region
                )
            })
            .and_then(|m| m.entry.code.clone());
        let dateline_place = place::dateline_place(text, line.end, &self.lexicon);
        let dateline = DatelineFacts {
            country: dateline_country,
            place: dateline_place,
        };
        let events = self.code_with_peg(doc_id, &doc, published, peg, dateline);
        (events, doc.sentence_count())
    }

    /// The date expressions of a text with their TimeML values, resolved against `published`
    /// (what `attache eval dates` scores).
    pub fn find_dates(
        &self,
        text: &str,
        published: Option<chrono::NaiveDate>,
    ) -> Vec<timex::FoundDate> {
        timex::find_dates(&self.analyzer.analyze(text), published)
    }

    /// Codes an already analysed document.
    pub fn code(
        &self,
        doc_id: &str,
        doc: &attache_nlp::Doc,
        published: Option<chrono::NaiveDate>,
    ) -> Vec<Event> {
        self.code_with_peg(doc_id, doc, published, None, DatelineFacts::default())
    }

    fn code_with_peg(
        &self,
        doc_id: &str,
        doc: &attache_nlp::Doc,
        published: Option<chrono::NaiveDate>,
        peg: Option<timing::Peg>,
        dateline: DatelineFacts,
    ) -> Vec<Event> {
        let matches = self.lexicon.find(doc.text());
        let document_country = dominant_country(&matches);
        let mut places = place::PlaceContext::from_matches(&matches);
        places.dateline = dateline.place;
        let cx = code::DocContext {
            doc_id,
            doc,
            lexicon: &self.lexicon,
            triggers: &self.triggers,
            published,
            peg: peg.or_else(|| timing::find_peg(doc, published)),
            dateline_country: dateline.country,
            document_country,
            places,
        };
        let mut discourse = actors::Discourse::default();
        let mut found = Vec::new();
        let mut next = 0;
        for s in doc.sentences() {
            let span = s.span();
            while next < matches.len() && matches[next].end <= span.start {
                next += 1;
            }
            let mut end = next;
            while end < matches.len() && matches[end].start < span.end {
                end += 1;
            }
            let lex = actors::SentenceLex {
                matches: matches[next..end].to_vec(),
            };
            code::code_sentence(&cx, &s, &lex, &mut discourse, &mut found);
            next = end;
        }
        merge::merge_document(found)
    }
}

/// What a report's dateline says: its place's country and the place itself.
#[derive(Default)]
struct DatelineFacts {
    country: Option<String>,
    place: Option<attache_event::Location>,
}

/// The figure words compiled into the binary (`data/coder/figures.tsv`): casualty words, role
/// nouns that name a body, identifier and time words, currencies.
pub fn figure_words() -> Result<&'static FigureWords, FigureWordsError> {
    figure_words::embedded()
}

/// The country a document names most often (countries, nationalities, capitals, cities and
/// regions of a state): at least twice, and more often than any other.
pub(crate) fn dominant_country(matches: &[attache_lexicon::LexMatch<'_>]) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in matches {
        let placed = matches!(
            m.entry.kind,
            EntryKind::Country
                | EntryKind::Demonym
                | EntryKind::Capital
                | EntryKind::City
                | EntryKind::Region
        );
        let Some(code) = m.entry.code.as_deref().filter(|_| placed) else {
            continue;
        };
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(code, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => {
            Some(code.to_string())
        }
        _ => None,
    }
}
