//! What `attache extract` writes: events as JSON Lines or as an aligned table, or the
//! documents themselves.

use crate::terminal::{self, ShownChars};
use attache_event::{Actor, Event, Modality, Qualifier, Quantity};
use attache_pipeline::{Coded, Sink};
use attache_text::Document;
use serde::Serialize;
use std::io::{self, Write};

/// What an [`EventWriter`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One event per line.
    Jsonl,
    /// An aligned table, one section per document.
    Table,
    /// The documents as read, one per line: the exact text every event span points into.
    Documents,
}

impl Layout {
    /// The layout `attache extract` writes: the documents when asked for them, else a table
    /// when asked (`table`) or, by default, when standard output is a terminal.
    pub fn choose(documents: bool, table: Option<bool>) -> Layout {
        let table = table.unwrap_or_else(|| std::io::IsTerminal::is_terminal(&std::io::stdout()));
        match (documents, table) {
            (true, _) => Layout::Documents,
            (false, true) => Layout::Table,
            (false, false) => Layout::Jsonl,
        }
    }
}

pub struct EventWriter<W: Write> {
    out: W,
    layout: Layout,
    written: usize,
}

impl<W: Write> Sink for EventWriter<W> {
    type Error = io::Error;

    fn accept(&mut self, coded: Coded) -> io::Result<()> {
        match self.layout {
            Layout::Documents => self.document(&coded.document),
            Layout::Jsonl | Layout::Table => self.events(&coded.events),
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Width a table row is laid out for, unless `COLUMNS` says otherwise; the sentence gets what
/// the other columns leave.
const TABLE_WIDTH: usize = 100;

fn table_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| (60..=1000).contains(&c))
        .unwrap_or(TABLE_WIDTH)
}

/// The sentence is never cut shorter than this (the caps below leave it at least this much).
const MIN_SENTENCE_WIDTH: usize = 20;

/// Table columns before the sentence: heading and the widest a cell may grow.
const COLUMNS: [(&str, usize); 5] = [
    ("ACTOR", 14),
    ("EVENT", 24),
    ("RECIPIENT", 14),
    ("COUNT", 8),
    ("DATE", 10),
];

impl<W: Write> EventWriter<W> {
    pub fn new(out: W, layout: Layout) -> EventWriter<W> {
        EventWriter {
            out,
            layout,
            written: 0,
        }
    }

    /// Records written so far (events, or documents with `Layout::Documents`).
    pub fn written(&self) -> usize {
        self.written
    }

    /// Writes events in order; a table gets one section per run of events of one document.
    pub fn events(&mut self, events: &[Event]) -> io::Result<()> {
        match self.layout {
            Layout::Table => {
                for run in events.chunk_by(|a, b| a.doc_id == b.doc_id) {
                    self.table_section(run)?;
                }
            }
            Layout::Jsonl | Layout::Documents => {
                for event in events {
                    serde_json::to_writer(&mut self.out, event).map_err(io::Error::from)?;
                    self.out.write_all(b"\n")?;
                }
            }
        }
        self.written += events.len();
        Ok(())
    }

    pub fn document(&mut self, doc: &Document) -> io::Result<()> {
        let record = DocumentRecord {
            id: &doc.id,
            text: &doc.text,
            published: doc.publication.published,
            url: doc.publication.url.as_deref(),
            title: doc.publication.title.as_deref(),
            source: doc.publication.source.as_deref(),
        };
        serde_json::to_writer(&mut self.out, &record).map_err(io::Error::from)?;
        self.out.write_all(b"\n")?;
        self.written += 1;
        Ok(())
    }

    /// One document's events: a heading line, column names, one row per event. Columns are
    /// as wide as this document's cells need (within limits), so rows stay within the width.
    fn table_section(&mut self, events: &[Event]) -> io::Result<()> {
        let Some(first) = events.first() else {
            return Ok(());
        };
        if self.written > 0 {
            writeln!(self.out)?;
        }
        let published = first
            .published
            .map_or_else(|| "date unknown".to_string(), |d| d.to_string());
        writeln!(
            self.out,
            "== {} ({published})",
            terminal::one_line(&first.doc_id)
        )?;
        let rows: Vec<[String; 5]> = events
            .iter()
            .map(|event| {
                [
                    actors(&event.actors),
                    event_cell(event),
                    actors(&event.recipients),
                    event.quantity.as_ref().map(count).unwrap_or_default(),
                    event_date(event),
                ]
            })
            .collect();
        let mut widths = [0; 5];
        for (i, (heading, max)) in COLUMNS.iter().enumerate() {
            let widest = rows
                .iter()
                .map(|row| terminal::one_line(&row[i]).chars().count())
                .max();
            widths[i] = widest.unwrap_or(0).max(heading.len()).min(*max);
        }
        let used: usize = widths.iter().map(|w| w + 2).sum();
        let sentence_width = table_width().saturating_sub(used).max(MIN_SENTENCE_WIDTH);
        let mut heading = String::new();
        for ((name, _), width) in COLUMNS.iter().zip(widths) {
            heading.push_str(&pad(name, width));
            heading.push_str("  ");
        }
        heading.push_str("SENTENCE");
        writeln!(self.out, "{heading}")?;
        for (event, cells) in events.iter().zip(rows) {
            let mut row = String::new();
            for (cell, width) in cells.iter().zip(widths) {
                row.push_str(&pad(&terminal::shortened(cell, width), width));
                row.push_str("  ");
            }
            row.push_str(&sentence_excerpt(event, sentence_width));
            writeln!(self.out, "{}", row.trim_end())?;
        }
        Ok(())
    }
}

/// A document as `--documents` writes it: the JSON Lines input format, so it reads back as is.
#[derive(Serialize)]
struct DocumentRecord<'a> {
    id: &'a str,
    text: &'a str,
    published: Option<chrono::NaiveDate>,
    url: Option<&'a str>,
    title: Option<&'a str>,
    source: Option<&'a str>,
}

/// Country codes where known, else the words, without repeats.
fn actors(actors: &[Actor]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for actor in actors {
        let name = actor.country.as_deref().unwrap_or(&actor.text);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(",")
}

fn event_cell(event: &Event) -> String {
    let mut cell = event.event.as_str().to_string();
    if let Some(mode) = &event.mode {
        cell.push('/');
        cell.push_str(mode);
    }
    let marker = match event.modality {
        Modality::Asserted => "",
        Modality::Planned => " (plan)",
        Modality::Negated => " (not)",
        Modality::Hypothetical => " (if)",
    };
    cell.push_str(marker);
    cell
}

/// A figure with its qualifier: "30", ">=300", "~50", "20-30".
pub(crate) fn count(quantity: &Quantity) -> String {
    let value = number(quantity.value);
    match quantity.qualifier {
        Qualifier::Exact => value,
        Qualifier::AtLeast => format!(">={value}"),
        Qualifier::MoreThan => format!(">{value}"),
        Qualifier::AtMost => format!("<={value}"),
        Qualifier::LessThan => format!("<{value}"),
        Qualifier::Approx => format!("~{value}"),
        Qualifier::Range => match quantity.max {
            Some(max) => format!("{value}-{}", number(max)),
            None => value,
        },
    }
}

fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

fn event_date(event: &Event) -> String {
    match &event.date {
        Some(date) => date
            .start
            .map_or_else(|| "?".to_string(), |d| d.to_string()),
        None => String::new(),
    }
}

fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    let mut padded = text.to_string();
    padded.extend(std::iter::repeat_n(' ', width.saturating_sub(len)));
    padded
}

/// The event's sentence on one line, escaped for a terminal, cut to `width` characters around
/// the trigger so that the words that carry the event stay visible.
pub(crate) fn sentence_excerpt(event: &Event, width: usize) -> String {
    let sentence = &event.sentence.text;
    let shown = ShownChars::new(sentence);
    let chars = &shown.chars;
    if chars.len() <= width {
        return chars.iter().collect();
    }
    let trigger_byte = event.trigger.span[0].saturating_sub(event.sentence.span[0]);
    let trigger = sentence
        .get(..trigger_byte)
        .map_or(0, |before| ShownChars::new(before).len());
    // Start a third of the width before the trigger, at a word boundary when one is near.
    let mut start = trigger.saturating_sub(width / 3).min(chars.len() - width);
    if start > 0 {
        let limit = (start + 12).min(trigger);
        if let Some(space) = (start..limit).find(|&i| chars[i] == ' ') {
            start = space;
        }
    }
    let mut end = (start + width).min(chars.len());
    if end < chars.len() {
        let floor = end.saturating_sub(12).max(start + 1);
        if let Some(space) = (floor..end).rev().find(|&i| chars[i] == ' ') {
            end = space + 1;
        }
    }
    let mut excerpt = String::new();
    if start > 0 {
        excerpt.push('…');
        start += 1;
    }
    // Never inside the escape of a control character.
    let start = shown.cut_at_or_after(start);
    let end = shown.cut_at_or_before(end.min(chars.len())).max(start);
    let body: String = chars[start..end].iter().collect();
    excerpt.push_str(body.trim());
    if end < chars.len() {
        excerpt.push('…');
    }
    excerpt
}

#[cfg(test)]
mod tests {
    use super::*;
    use attache_event::{EventCategory, SentenceRef, Trigger};

    fn event(sentence: &str, trigger: &str) -> Event {
        let at = sentence.find(trigger).unwrap();
        Event {
            doc_id: "doc".to_string(),
            event: EventCategory::Sanction,
            mode: Some("expel".to_string()),
            context: Vec::new(),
            cameo: None,
            actors: vec![Actor {
                text: "Italy".to_string(),
                country: Some("ITA".to_string()),
                sector: None,
                span: [0, 5],
                country_from: None,
            }],
            recipients: vec![Actor {
                text: "Russian diplomats".to_string(),
                country: Some("RUS".to_string()),
                sector: Some("DIP".to_string()),
                span: [0, 0],
                country_from: None,
            }],
            quantity: Some(Quantity {
                value: 300.0,
                max: None,
                unit: Some("diplomat".to_string()),
                qualifier: Qualifier::AtLeast,
                text: "at least 300".to_string(),
                span: [0, 0],
            }),
            other_quantities: Vec::new(),
            casualties: Default::default(),
            date: None,
            planned: None,
            location: None,
            attribution: None,
            modality: Modality::Negated,
            aggregate: false,
            trigger: Trigger {
                text: trigger.to_string(),
                span: [100 + at, 100 + at + trigger.len()],
            },
            sentence: SentenceRef {
                index: 0,
                span: [100, 100 + sentence.len()],
                text: sentence.into(),
            },
            mentions: Vec::new(),
            published: "2022-04-05".parse().ok(),
        }
    }

    #[test]
    fn counts_carry_their_qualifier() {
        let mut q = event("x", "x").quantity.unwrap();
        assert_eq!(count(&q), ">=300");
        q.qualifier = Qualifier::Range;
        q.value = 20.0;
        q.max = Some(30.0);
        assert_eq!(count(&q), "20-30");
        q.qualifier = Qualifier::Approx;
        q.value = 2.5;
        assert_eq!(count(&q), "~2.5");
    }

    #[test]
    fn long_sentences_are_cut_around_the_trigger() {
        let sentence = "The moves bring the number of Russian diplomats expelled from the \
                        European Union since the invasion of Ukraine to at least 300.";
        let excerpt = sentence_excerpt(&event(sentence, "expelled"), 30);
        assert!(excerpt.chars().count() <= 30, "{excerpt}");
        assert!(
            excerpt.starts_with('…') && excerpt.ends_with('…'),
            "{excerpt}"
        );
        assert!(excerpt.contains("expelled"), "{excerpt}");
        let short = sentence_excerpt(&event("Italy expelled\n30.", "expelled"), 30);
        assert_eq!(short, "Italy expelled 30.");
    }

    #[test]
    fn table_rows_fit_the_width() {
        let mut out = Vec::new();
        let mut writer = EventWriter::new(&mut out, Layout::Table);
        let sentence = "Italy, Spain, Denmark, Sweden and Estonia announced the expulsion of a \
                        total of 80 Russian diplomats, and Germany, Poland and Slovakia have \
                        taken similar actions in recent days.";
        writer.events(&[event(sentence, "expulsion")]).unwrap();
        writer.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "== doc (2022-04-05)");
        assert!(lines[1].starts_with("ACTOR "), "{text}");
        assert!(lines[2].starts_with("ITA "), "{text}");
        assert!(lines[2].contains("SANCTION/expel (not)"), "{text}");
        assert!(lines[2].contains(">=300"), "{text}");
        assert!(lines[2].contains("expulsion"), "{text}");
        assert!(lines[2].chars().count() <= table_width(), "{text}");
    }

    // Failing before the fix: the escape sequences reached the terminal as they were.
    #[test]
    fn table_cells_escape_control_characters_and_cut_after_escaping() {
        let sentence = "Italy\u{1b}]0;pwned\u{7} expelled 30 Russian diplomats\u{1b}[2J, the \
                        \u{9b}2J ministry said on Tuesday in a statement \u{202e}read out in Rome \
                        and \u{1b}[2J in Berlin and in \u{1b}[2J Paris.";
        for width in [60, 80, 100, 140] {
            let mut e = event(sentence, "expelled");
            e.doc_id = "feed\u{1b}[31m.jsonl".to_string();
            e.actors[0].country = None;
            e.actors[0].text = "It\u{1b}[2Jaly".to_string();
            let excerpt = sentence_excerpt(&e, width - 40);
            assert!(excerpt.chars().count() <= width - 40, "{excerpt}");
            let mut out = Vec::new();
            let mut writer = EventWriter::new(&mut out, Layout::Table);
            writer.events(&[e]).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(
                !text.contains(|c: char| c.is_control() && c != '\n'),
                "{text:?}"
            );
            assert!(!text.contains('\u{202e}'), "{text:?}");
            assert!(text.starts_with("== feed\\x1b[31m.jsonl "), "{text}");
            assert!(text.contains("It\\x1b[2Jaly"), "{text}");
            for cut in [
                excerpt.trim_end_matches('…'),
                excerpt.trim_start_matches('…'),
            ] {
                for partial in ["\\x1\u{2026}", "\\u{9\u{2026}", "\\x\u{2026}"] {
                    assert!(!cut.contains(partial), "{excerpt}");
                }
            }
            let body = excerpt.trim_matches('…');
            for piece in body.split('\\').skip(1) {
                assert!(
                    piece.starts_with("x1b") || piece.starts_with("x07") || piece.starts_with("u{"),
                    "an escape cut in half in {excerpt}"
                );
            }
        }
    }
}
