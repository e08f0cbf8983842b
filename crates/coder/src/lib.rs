//! The event coder: from an analysed document to PLOVER events.
//!
//! Pipeline per document: the analyzer tokenizes, tags and parses ([`attache_nlp`]); the
//! lexicon finds actor phrases ([`attache_lexicon`]); each sentence's trigger words
//! (`data/coder/triggers.tsv`) become frames read off the parse (who, whom, how many, when,
//! where, according to whom); mentions of one event within the document merge. Coding
//! decisions live in the trigger file and in `data/coder/README.md`, not in this code.

mod acronyms;
mod act_targets;
mod actor_sectors;
mod actors;
mod casualties;
mod casualty_clauses;
mod casualty_places;
mod code;
mod constraint;
mod context;
mod cross_recipients;
mod crowds;
mod datafile;
mod dateline;
mod dates;
mod demands;
mod descriptions;
mod discourse;
mod distribute;
mod document_facts;
mod evaluations;
mod events;
mod figure_words;
mod frames;
mod genre;
mod implicit;
mod later_roles;
mod layout;
mod measure;
mod mention;
mod merge;
mod modality;
mod names;
mod noun_phrase;
mod numbers;
mod original;
mod participants;
mod persons;
mod place;
mod policy_refs;
mod prospect;
mod quoted;
mod recipients;
mod recode;
mod reference;
mod repair;
mod senses;
mod sentence;
mod subjects;
mod surnames;
mod targets;
mod timekind;
mod timewords;
pub mod timex;
mod timing;
mod tree;
mod triggers;
mod values;
mod words;

#[cfg(test)]
mod pass_tests;

use attache_event::Event;
use attache_lexicon::{EntryKind, Lexicon};
use attache_nlp::Analyzer;
use attache_text::Document;
use std::path::Path;
use std::sync::Arc;

pub use constraint::{Condition, Relation};
pub use constraint::{Constraint, ConstraintError};
pub use datafile::DataFileError;
use dates::Direction;
use document_facts::DocumentFacts;
pub use figure_words::FigureWords;
pub use mention::{GENERIC_MODE, MentionCode};
pub use triggers::{MissingRowError, NamedRow, QUOTED_CRITICISM, TriggerRule, TriggerTable};

/// Why an [`Extractor`] could not be built.
#[derive(Debug, thiserror::Error)]
pub enum CoderError {
    #[error(transparent)]
    Model(#[from] attache_nlp::ModelError),
    #[error(transparent)]
    DataFile(#[from] DataFileError),
    #[error(transparent)]
    MissingRow(#[from] MissingRowError),
    #[error("{}: {source}", path.display())]
    ReadTriggers {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The trigger file compiled into the binary, so `attache` runs from anywhere.
pub(crate) const TRIGGERS_TSV: &str = include_str!("../../../data/coder/triggers.tsv");
pub(crate) const TRIGGERS_NAME: &str = "data/coder/triggers.tsv";
/// The rows generated from the PETRARCH2 CAMEO verb dictionary (scripts/gen-triggers-cameo.py),
/// added under the hand-written ones.
pub(crate) const CAMEO_TRIGGERS_TSV: &str = include_str!("../../../data/coder/triggers-cameo.tsv");
pub(crate) const CAMEO_TRIGGERS_NAME: &str = "data/coder/triggers-cameo.tsv";

/// The shipped trigger rows: the hand-written file with the generated rows under it.
pub(crate) fn parse_shipped_triggers() -> Result<TriggerTable, CoderError> {
    let mut table = TriggerTable::parse(TRIGGERS_NAME, TRIGGERS_TSV)?;
    table.add_generated(TriggerTable::parse(
        CAMEO_TRIGGERS_NAME,
        CAMEO_TRIGGERS_TSV,
    )?);
    table.resolve_named(TRIGGERS_NAME)?;
    Ok(table)
}

/// A user's trigger file, checked (errors name file and line).
pub fn read_triggers(path: &Path) -> Result<TriggerTable, CoderError> {
    let text = std::fs::read_to_string(path).map_err(|source| CoderError::ReadTriggers {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(TriggerTable::parse(&path.display().to_string(), &text)?)
}

/// The shipped trigger dictionary (compiled in), parsed once.
pub fn shipped_triggers() -> &'static TriggerTable {
    static SHIPPED: std::sync::OnceLock<TriggerTable> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(|| {
        // Tested at build time (the coder's tests load it), so a failure is a packaging bug.
        parse_shipped_triggers()
            .unwrap_or_else(|e| panic!("shipped trigger dictionary is invalid: {e}"))
    })
}

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
        recipients::load()?;
        let triggers = parse_shipped_triggers()?;
        figure_words::embedded()?;
        senses::load()?;
        values::load()?;
        descriptions::load()?;
        evaluations::load()?;
        names::load()?;
        actor_sectors::load()?;
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

    /// Extends the trigger dictionary with a user's file: its rows for a lemma and part of
    /// speech replace the shipped ones, other rows are added (see [`TriggerTable::extend`]).
    /// A user's rows that replace a row other readings are coded by ([`QUOTED_CRITICISM`])
    /// must keep one such row: the error names the user's file.
    pub fn with_user_triggers(mut self, path: &Path) -> Result<Extractor, CoderError> {
        self.triggers.extend(read_triggers(path)?);
        self.triggers.resolve_named(&path.display().to_string())?;
        Ok(self)
    }

    /// Replaces the compiled-in trigger dictionary with a user's file, which must hold the
    /// rows other readings are coded by ([`QUOTED_CRITICISM`]).
    pub fn with_triggers(mut self, path: &Path) -> Result<Extractor, CoderError> {
        let mut triggers = read_triggers(path)?;
        triggers.resolve_named(&path.display().to_string())?;
        self.triggers = triggers;
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
    ///
    /// A long document is analysed and coded one window of sentences at a time
    /// ([`Analyzer::windows`]): what the coder remembers across sentences (people named, the
    /// last subject, the news peg, the document's country) carries over, and memory stays
    /// bounded by a window plus the events found.
    pub fn extract_counted(&self, document: &Document) -> (Vec<Event>, usize) {
        let prepared = attache_text::normalize_for_analysis(&document.text);
        let (mut events, sentences) =
            self.extract_prepared(&prepared.text, &document.id, document.publication.published);
        if prepared.changed() {
            let mut sentences = original::Sentences::new();
            for event in &mut events {
                original::restore_spans(
                    event,
                    &prepared.map,
                    &prepared.text,
                    &document.text,
                    &mut sentences,
                );
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
            let reading = Reading {
                published,
                peg: None,
                dateline: DatelineFacts::default(),
            };
            return self.code_text(doc_id, Arc::from(text), reading);
        };
        // Analysis without the dateline; its date, when it has one, is the news peg.
        let blanked: Arc<str> = Arc::from(dateline::blank(text, &line));
        let peg = line.date.and_then(|(s, e)| {
            let words: Vec<&str> = text[s..e].split_whitespace().collect();
            let expr = dates::find_times(&words).into_iter().next()?;
            let interval = dates::resolve(&expr, published, Direction::Past)?;
            Some(context::Peg {
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
        let reading = Reading {
            published,
            peg,
            dateline,
        };
        self.code_text(doc_id, blanked, reading)
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
        let matches = surnames::find(&self.lexicon, doc.text());
        let layout = layout::Layout::of(doc.text());
        let reading = Reading {
            published,
            peg: timing::find_peg(doc, published, &layout),
            dateline: DatelineFacts::default(),
        };
        let context = DocumentContext::new(
            doc_id,
            reading,
            DocumentFacts::of(&matches),
            layout,
            doc.text(),
        );
        let mut state = Reader::default();
        self.code_window(&context, doc, &matches, &mut state);
        merge::merge_document(state.found)
    }

    /// Analyses and codes `text` window by window (one window for all but very long texts).
    fn code_text(&self, doc_id: &str, text: Arc<str>, mut reading: Reading) -> (Vec<Event>, usize) {
        let mut windows = self.analyzer.windows(text.clone()).peekable();
        let first = windows.next().expect("a text gives at least one window");
        let single = windows.peek().is_none();
        // A short text is searched once; a long one is counted in a pass of its own first, so
        // that the document's country is known from its first sentence on.
        let first_matches = self.find_in(&first, single);
        let facts = if single {
            DocumentFacts::of(&first_matches)
        } else {
            self.facts_of(&text)
        };
        let layout = layout::Layout::of(&text);
        reading.peg = reading
            .peg
            .or_else(|| timing::find_peg(&first, reading.published, &layout));
        let context = DocumentContext::new(doc_id, reading, facts, layout, &text);
        let mut state = Reader::default();
        self.code_window(&context, &first, &first_matches, &mut state);
        let mut sentences = first.sentence_count();
        drop(first_matches);
        drop(first);
        for doc in windows {
            let matches = self.find_in(&doc, false);
            self.code_window(&context, &doc, &matches, &mut state);
            sentences += doc.sentence_count();
        }
        (merge::merge_document(state.found), sentences)
    }

    /// The lexicon's matches in a window, with offsets into the whole text.
    fn find_in<'l>(
        &'l self,
        doc: &attache_nlp::Doc,
        whole: bool,
    ) -> Vec<attache_lexicon::LexMatch<'l>> {
        if whole {
            return surnames::find(&self.lexicon, doc.text());
        }
        let window = doc.window();
        let mut matches = surnames::find(&self.lexicon, &doc.text()[window.clone()]);
        for m in &mut matches {
            m.start += window.start;
            m.end += window.start;
        }
        matches
    }

    /// [`DocumentFacts`] of a long text, read in pieces of about a window, cut at white space.
    fn facts_of(&self, text: &str) -> DocumentFacts<'_> {
        let mut facts = DocumentFacts::default();
        let mut at = 0;
        while at < text.len() {
            let mut end = (at + attache_nlp::WINDOW_BYTES).min(text.len());
            while end < text.len()
                && !(text.is_char_boundary(end) && text.as_bytes()[end].is_ascii_whitespace())
            {
                end += 1;
            }
            facts.add(&surnames::find(&self.lexicon, &text[at..end]));
            at = end;
        }
        facts
    }

    /// Codes the sentences of one window, in order.
    fn code_window(
        &self,
        context: &DocumentContext<'_>,
        doc: &attache_nlp::Doc,
        matches: &[attache_lexicon::LexMatch<'_>],
        state: &mut Reader,
    ) {
        let cx = context::DocContext {
            doc_id: context.doc_id,
            doc,
            lexicon: &self.lexicon,
            triggers: &self.triggers,
            published: context.reading.published,
            peg: context.reading.peg.clone(),
            dateline_country: context.reading.dateline.country.clone(),
            document_country: context.document_country.clone(),
            places: context.places.clone(),
            layout: &context.layout,
            political: context.political,
            genre: context.genre,
        };
        let mut next = 0;
        let mut sentences = Vec::new();
        for s in doc.sentences() {
            let span = s.span();
            while next < matches.len() && matches[next].end <= span.start {
                next += 1;
            }
            let mut end = next;
            while end < matches.len() && matches[end].start < span.end {
                end += 1;
            }
            let lex = noun_phrase::SentenceLex {
                matches: matches[next..end].to_vec(),
            };
            sentences.push((s, lex));
            next = end;
        }
        later_roles::note_later_roles(&cx, &sentences, &mut state.discourse);
        acronyms::note_acronyms(&cx, &sentences, &mut state.discourse);
        for (s, lex) in &sentences {
            code::code_sentence(&cx, s, lex, &mut state.discourse, &mut state.found);
        }
    }
}

/// What the report says about itself: when it was published, its news peg, its dateline.
struct Reading {
    published: Option<chrono::NaiveDate>,
    peg: Option<context::Peg>,
    dateline: DatelineFacts,
}

/// What a report's dateline says: its place's country and the place itself.
#[derive(Default)]
struct DatelineFacts {
    country: Option<String>,
    place: Option<attache_event::Location>,
}

/// What holds for the whole document while its windows are coded.
struct DocumentContext<'a> {
    doc_id: &'a str,
    reading: Reading,
    document_country: Option<String>,
    places: place::PlaceContext,
    layout: layout::Layout,
    political: bool,
    genre: context::Genre,
}

impl<'a> DocumentContext<'a> {
    fn new(
        doc_id: &'a str,
        reading: Reading,
        facts: DocumentFacts<'_>,
        layout: layout::Layout,
        text: &str,
    ) -> DocumentContext<'a> {
        let mut places = facts.places;
        places.dateline = reading.dateline.place.clone();
        DocumentContext {
            doc_id,
            genre: context::Genre::of(text, facts.political),
            document_country: facts.countries.dominant(),
            political: facts.political >= names::POLITICAL_DOCUMENT,
            places,
            reading,
            layout,
        }
    }
}

/// What the coder carries from sentence to sentence, across windows.
#[derive(Default)]
struct Reader {
    discourse: discourse::Discourse,
    found: Vec<merge::Found>,
}

/// The figure words compiled into the binary (`data/coder/figures.tsv`): casualty words, role
/// nouns that name a body, identifier and time words, currencies.
pub fn figure_words() -> Result<&'static FigureWords, DataFileError> {
    figure_words::embedded()
}
