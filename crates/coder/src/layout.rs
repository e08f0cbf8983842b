//! Lines of a report that are not its news: headings, photo captions and credits, bylines,
//! "Related:" / "Read more" link lists, lines that carry only a date or a place. They report no
//! event and lend no date to the story. They are told apart by the text's structure (a line
//! with no final punctuation, title case, a credit marker, a byline's "By"), with the marker
//! words in `data/coder/words.tsv`.
//!
//! The sentence splitter ends a sentence at a blank line only, so a heading on its own line
//! may share its "sentence" with the lead below it: the layout is kept as byte ranges of
//! lines, and a frame or a time expression counts as not news by where it stands.

use crate::words::{WordClass, is};
use std::ops::Range;

/// The most words a short untitled line without final punctuation may have to be taken for a
/// heading or a date line ("Russia expels diplomats", "Published 5 April 2022").
const SHORT_LINE_WORDS: usize = 12;
/// The most words a title-case line without final punctuation may have to be a heading.
const TITLE_LINE_WORDS: usize = 20;
/// The most words a byline ("By Jane Smith, BBC News, Kyiv") may have.
const BYLINE_WORDS: usize = 16;
/// How many words at a line's start a link list's head ("Read more:") may take.
const LIST_HEAD_WORDS: usize = 4;

/// The byte ranges of a text's lines that are not news, in text order.
#[derive(Debug, Default, Clone)]
pub(crate) struct Layout {
    off: Vec<Range<usize>>,
}

/// What a line of the report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    News,
    Caption,
    Byline,
    ListHead,
    Heading,
}

/// One non-blank line: its byte range (trimmed) and its words.
struct Line<'t> {
    range: Range<usize>,
    text: &'t str,
    /// Whether a blank line follows it.
    blank_after: bool,
}

impl Layout {
    /// The layout of `text`. A text of one line is all news: a one-sentence report has no
    /// headings.
    pub(crate) fn of(text: &str) -> Layout {
        let lines = lines(text);
        if lines.len() < 2 || !lines.iter().any(|l| ends_sentence(l.text)) {
            return Layout::default();
        }
        let mut off = Vec::new();
        let mut in_list = false;
        for (k, line) in lines.iter().enumerate() {
            let kind = line_kind(line, k.checked_sub(1).map(|p| &lines[p]), lines.get(k + 1));
            // The items of a link list are headlines: lines without final punctuation, up to
            // the first line of prose.
            in_list = match kind {
                LineKind::ListHead => true,
                LineKind::News => {
                    in_list
                        && !ends_sentence(line.text)
                        && words(line.text).count() <= TITLE_LINE_WORDS
                }
                _ => in_list,
            };
            if kind != LineKind::News || in_list {
                off.push(line.range.clone());
            }
        }
        Layout { off }
    }

    /// Whether the byte at `at` stands on a line that is not news.
    pub(crate) fn covers(&self, at: usize) -> bool {
        let k = self.off.partition_point(|r| r.end <= at);
        self.off.get(k).is_some_and(|r| r.start <= at)
    }

    /// Whether every byte of `span` stands on lines that are not news.
    pub(crate) fn covers_all(&self, span: Range<usize>) -> bool {
        let k = self.off.partition_point(|r| r.end <= span.start);
        self.off
            .get(k)
            .is_some_and(|r| r.start <= span.start && span.end <= r.end)
    }

    /// Whether the text has no lines that are not news.
    pub(crate) fn is_empty(&self) -> bool {
        self.off.is_empty()
    }
}

/// The non-blank lines of `text`, trimmed.
fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out: Vec<Line<'_>> = Vec::new();
    let mut at = 0;
    for raw in text.split('\n') {
        let start = at + (raw.len() - raw.trim_start().len());
        let trimmed = raw.trim();
        at += raw.len() + 1;
        if trimmed.is_empty() {
            if let Some(last) = out.last_mut() {
                last.blank_after = true;
            }
            continue;
        }
        out.push(Line {
            range: start..start + trimmed.len(),
            text: trimmed,
            blank_after: false,
        });
    }
    out
}

fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split_whitespace()
}

/// A word as the word classes list it: lower case, without surrounding punctuation.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a line ends as a sentence does: with final punctuation, maybe inside quotes or
/// brackets.
fn ends_sentence(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*']);
    end.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// What a line is, by its words and its neighbours: a heading stands apart, so a short line in
/// the middle of a hard-wrapped paragraph is none.
fn line_kind(line: &Line<'_>, before: Option<&Line<'_>>, after: Option<&Line<'_>>) -> LineKind {
    let text = line.text;
    let apart = before.is_none_or(|b| ends_sentence(b.text) || b.blank_after)
        && (line.blank_after || after.is_none_or(|a| opens_unit(a.text)));
    if is_caption(text) {
        LineKind::Caption
    } else if is_byline(text) {
        LineKind::Byline
    } else if is_list_head(text) {
        LineKind::ListHead
    } else if apart && is_heading(text) {
        LineKind::Heading
    } else {
        LineKind::News
    }
}

/// "Image caption Protesters in Kyiv", "Photo: ...", or a line with a credit marker
/// ("... on Sunday. Photograph: Efrem Lukatsky/AP") or a trailing agency credit in brackets
/// ("Protesters outside parliament (Reuters)").
fn is_caption(line: &str) -> bool {
    let w: Vec<&str> = words(line).collect();
    let opens = w
        .first()
        .is_some_and(|f| is(WordClass::CaptionStart, &bare(f)))
        && w.get(1).is_some_and(|s| {
            is(WordClass::CaptionSecond, &bare(s)) || is(WordClass::CaptionSecond, s)
        });
    let colon_opens = w
        .first()
        .is_some_and(|f| f.ends_with(':') && is(WordClass::CaptionStart, &bare(f)) && w.len() > 1);
    let credit = w.windows(2).any(|p| {
        p[0].ends_with(':') && is(WordClass::CreditWord, &bare(p[0])) && starts_upper(p[1])
    });
    opens || colon_opens || credit || trailing_credit(line)
}

/// A line without final punctuation that ends with a bracketed credit: "(Reuters)",
/// "(Jane Smith/AFP)".
fn trailing_credit(line: &str) -> bool {
    let Some(open) = line.rfind('(') else {
        return false;
    };
    let inner = &line[open + 1..];
    let Some(inner) = inner.strip_suffix(')') else {
        return false;
    };
    let before = line[..open].trim_end();
    !before.is_empty()
        && !ends_sentence(before)
        && !inner.is_empty()
        && (inner.contains('/') || words(inner).all(starts_upper))
        && words(inner).count() <= 4
}

/// "By Jane Smith", "By Jane Smith, BBC News, Kyiv", "Reporting by Jane Smith; Editing by ...".
fn is_byline(line: &str) -> bool {
    let w: Vec<&str> = words(line).collect();
    if w.len() < 2 || w.len() > BYLINE_WORDS {
        return false;
    }
    let first = bare(w[0]);
    if first == "by" {
        return starts_upper(w[1]) && !ends_sentence(line);
    }
    // "Reporting by", "Additional reporting by", "Editing by".
    is(WordClass::BylineStart, &first)
        && w.iter().take(3).any(|x| bare(x) == "by")
        && w.iter()
            .skip_while(|x| bare(x) != "by")
            .nth(1)
            .is_some_and(|x| starts_upper(x))
}

/// "Related:", "Read more: ...", "More on this story", "See also".
fn is_list_head(line: &str) -> bool {
    let w: Vec<&str> = words(line).collect();
    if !w.first().is_some_and(|f| is(WordClass::ListHead, &bare(f))) {
        return false;
    }
    let colon = w.iter().take(LIST_HEAD_WORDS).any(|x| x.ends_with(':'));
    colon || (w.len() <= LIST_HEAD_WORDS && !ends_sentence(line))
}

/// A line without final punctuation that is short, or in title case: a headline, a section
/// heading, a date or place line. Lines of a bulleted list are not headings.
fn is_heading(line: &str) -> bool {
    if ends_sentence(line) || line.starts_with(['-', '•', '*', '–', '—']) {
        return false;
    }
    let n = words(line).count();
    n <= SHORT_LINE_WORDS || (n <= TITLE_LINE_WORDS && title_case(line))
}

/// Whether a line can open a new unit of text: it starts with a capital, a digit, a quote or a
/// bullet, not with a word that continues a wrapped sentence.
fn opens_unit(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| !c.is_lowercase() && c != ',' && c != ';')
}

fn starts_upper(word: &str) -> bool {
    word.trim_start_matches(|c: char| !c.is_alphanumeric())
        .starts_with(char::is_uppercase)
}

/// Whether most of a line's longer words (four letters or more) are capitalised.
fn title_case(line: &str) -> bool {
    let long: Vec<&str> = words(line)
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let upper = long.iter().filter(|w| starts_upper(w)).count();
    !long.is_empty() && upper * 4 >= long.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn off(text: &str) -> Vec<&str> {
        let layout = Layout::of(text);
        layout.off.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn one_line_is_news() {
        assert!(Layout::of("Russia expels 30 US diplomats").is_empty());
    }

    #[test]
    fn headings_captions_bylines_and_lists_are_not_news() {
        let text = "Russia Expels 30 US Diplomats\nBy Jane Smith, BBC News\n\n\
                    Russia expelled 30 US diplomats on Monday.\n\
                    Image caption Protesters in Moscow in 2014\n\
                    Diplomats leave the embassy. Photograph: Ivan Petrov/AP\n\
                    Read more:\nUS vows response to expulsions\n\
                    The US said it would respond.";
        assert_eq!(
            off(text),
            vec![
                "Russia Expels 30 US Diplomats",
                "By Jane Smith, BBC News",
                "Image caption Protesters in Moscow in 2014",
                "Diplomats leave the embassy. Photograph: Ivan Petrov/AP",
                "Read more:",
                "US vows response to expulsions",
            ]
        );
    }

    #[test]
    fn prose_and_bulleted_items_are_news() {
        let text = "The budget:\n- Pledged 102bn rupees for tsunami victims\n\
                    Many companies have focused on cost cutting and greater efficiency while the government has been trying to trim";
        assert_eq!(off(text), Vec::<&str>::new());
    }

    #[test]
    fn hard_wrapped_prose_is_news() {
        let text = "Russia expelled 30 US diplomats on Monday in a move\n\
                    that Washington called unjustified, officials said.\n\
                    The embassy will close\nnext week, they said.";
        assert_eq!(off(text), Vec::<&str>::new());
    }

    #[test]
    fn covers_finds_the_line() {
        let text = "Heading line\nA sentence of prose.";
        let layout = Layout::of(text);
        assert!(layout.covers(0) && layout.covers(11));
        assert!(!layout.covers(12) && !layout.covers(14));
        assert!(layout.covers_all(0..7) && !layout.covers_all(0..14));
    }
}
