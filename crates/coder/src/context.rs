//! What the sentence coder reads from, built once per document: the parse, the dictionaries,
//! the publication date and news peg, the dateline's and the document's country; with the
//! readings every pass may need (a frame's place, a sentence's attribution).

use crate::dates::Interval;
use crate::frames::Frame;
use crate::noun_phrase::SentenceLex;
use crate::triggers::TriggerTable;
use crate::words::{WordClass, is};
use attache_event::{Actor, Attribution, Location};
use attache_lexicon::{EntryKind, Lexicon};
use attache_nlp::{Doc, Sentence, Token};
use chrono::NaiveDate;

/// The report's news peg: the time expression of its lead sentence, which a reader applies to
/// the report's undated events ("accelerated on Tuesday" ... "Italy announced").
#[derive(Debug, Clone)]
pub struct Peg {
    pub text: String,
    pub interval: Interval,
}

/// Everything the sentence coder reads from; built once per document.
pub struct DocContext<'a> {
    pub doc_id: &'a str,
    pub doc: &'a Doc,
    pub lexicon: &'a Lexicon,
    pub triggers: &'a TriggerTable,
    pub published: Option<NaiveDate>,
    pub peg: Option<Peg>,
    /// The country of the report's dateline place ("CAIRO (Reuters) -"), if it has one.
    pub dateline_country: Option<String>,
    /// The country the document names most often (at least twice, and more than any other).
    pub document_country: Option<String>,
    /// The places the document names and its dateline's, for telling namesakes apart.
    pub places: crate::place::PlaceContext,
    /// The lines that are not news (headings, captions, bylines, link lists).
    pub layout: &'a crate::layout::Layout,
    /// Whether the document names political bodies and roles (parties, governments, ministers;
    /// `names::POLITICAL_DOCUMENT` of them at least): only then may a person it names only by
    /// name be a political actor.
    pub political: bool,
    /// Whether the report, or how much of it, is about sport (`genre`).
    pub genre: Genre,
}
/// The longest attribution phrase kept, in tokens after "according" / "citing": the phrase
/// names a source ("according to calculations by the Financial Times" is 7), and each event of
/// the sentence carries it, so it must not run on through an unpunctuated sentence.
const ATTRIBUTION_TOKENS: usize = 16;

impl DocContext<'_> {
    /// The country a report stands in when its sentence names none: its dateline's, else the
    /// one the document names most; with where it came from.
    pub(crate) fn home_country(&self) -> Option<(String, attache_event::CountryFrom)> {
        use attache_event::CountryFrom;
        self.dateline_country
            .clone()
            .map(|c| (c, CountryFrom::Dateline))
            .or_else(|| {
                self.document_country
                    .clone()
                    .map(|c| (c, CountryFrom::Document))
            })
    }

    pub(crate) fn span_text(&self, lo: usize, hi: usize) -> String {
        self.doc.text()[lo..hi].to_string()
    }

    /// "according to calculations by the Financial Times", "citing Reuters".
    pub(crate) fn attribution(
        &self,
        s: &Sentence<'_>,
        lex: &SentenceLex<'_>,
    ) -> Option<Attribution> {
        let toks: Vec<Token<'_>> = s.tokens().collect();
        let pos = toks.iter().position(|t| {
            let w = t.text().to_ascii_lowercase();
            (w == "according"
                && toks
                    .get(t.i() + 1 - toks[0].i())
                    .is_some_and(|n| n.text() == "to"))
                || w == "citing"
        })?;
        let start = toks[pos].span().start;
        let end_tok = toks[pos + 1..]
            .iter()
            .take_while(|t| !matches!(t.text(), "." | ";" | "," | "!" | "?" | "\"" | "”"))
            .take(ATTRIBUTION_TOKENS)
            .last()?;
        let end = end_tok.span().end;
        let credited = lex
            .within(start, end)
            .filter(|m| matches!(m.entry.kind, EntryKind::Media | EntryKind::Organisation))
            .last();
        // "citing national security" gives a reason, "citing Reuters" a source: "citing"
        // counts only with a source the dictionaries know, or people who speak ("officials").
        let citing = toks[pos].text().eq_ignore_ascii_case("citing");
        let speakers = lex
            .within(start, end)
            .any(|m| matches!(m.entry.kind, EntryKind::Person | EntryKind::Role));
        if citing && credited.is_none() && !speakers {
            return None;
        }
        let source = credited.map(|m| m.entry.canonical.clone()).or_else(|| {
            // The credited body after the last "by/of/to/from".
            let text = &self.doc.text()[start..end];
            let tail = ["by ", "of ", "from ", "to ", "citing "]
                .iter()
                .filter_map(|p| text.rfind(p).map(|i| &text[i + p.len()..]))
                .min_by_key(|t| t.len())?;
            let tail = tail.trim_start_matches("the ").trim();
            (!tail.is_empty()).then(|| tail.to_string())
        });
        Some(Attribution {
            text: self.span_text(start, end),
            source,
        })
    }

    /// A place named in the frame's clause ("met in Luxembourg", "on the outskirts of Kyiv"),
    /// resolved in the gazetteer; `taken` are the actors, whose words are no place.
    pub(crate) fn location(
        &self,
        frame: &Frame<'_>,
        lex: &SentenceLex<'_>,
        taken: &[Actor],
    ) -> Option<Location> {
        crate::place::clause_place(self.doc.text(), frame, lex, taken, &self.places)
    }
}

/// The fewest sport words a sport report holds.
pub(crate) const SPORT_DOCUMENT: usize = 3;
/// A sport report holds one sport word in this many words, or more.
pub(crate) const SPORT_DENSITY: usize = 133;
/// How a report's words read as sport.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Genre {
    /// How many sport words the report holds.
    pub sport_words: usize,
    /// Whether it is a sport report.
    pub sport: bool,
}

impl Genre {
    /// The genre of `text`, which names `political` political bodies and roles
    /// (`names::political_count`).
    pub(crate) fn of(text: &str, political: usize) -> Genre {
        let (sport_words, words) = count_sport_words(text);
        let sport = sport_words >= SPORT_DOCUMENT
            && sport_words * SPORT_DENSITY >= words
            && sport_words > 2 * political;
        Genre { sport_words, sport }
    }
}

/// The sport words of `text` and all its words (runs of letters, digits and hyphens).
fn count_sport_words(text: &str) -> (usize, usize) {
    let mut word = String::new();
    let (mut sport, mut words) = (0, 0);
    let mut close = |word: &mut String| {
        if !word.is_empty() {
            words += 1;
            sport += usize::from(is(WordClass::SportWord, word));
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '-' {
            word.extend(c.to_lowercase());
        } else {
            close(&mut word);
        }
    }
    close(&mut word);
    (sport, words)
}
