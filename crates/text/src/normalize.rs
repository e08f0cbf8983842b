//! Text as the analysis reads it: invisible characters out, control characters as spaces, with
//! an [`OffsetMap`] back to the original bytes so every span still quotes the source.
//!
//! Removed (they change no word a reader sees, but split words and numbers for a machine):
//! soft hyphen, zero-width space, non-joiner and joiner, word joiner and the invisible
//! operators, combining grapheme joiner, Mongolian vowel separator, byte-order marks anywhere,
//! and the bidirectional marks, embeddings, overrides and isolates (U+200E/F, U+061C,
//! U+202A..U+202E, U+2066..U+2069, U+206A..U+206F).
//!
//! Replaced by a space: C0 control characters other than tab, newline and carriage return, DEL,
//! and the C1 controls (U+0080..U+009F; next line, U+0085, by a newline). A C1 control has two
//! bytes and its space one: the map treats the pair as one unit, so no span ends inside it.
//!
//! Text that has none of these (nearly all news text) is borrowed as it is: no allocation.

use std::borrow::Cow;

/// What the analysis does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Treatment {
    Keep,
    Remove,
    /// A control character: a space in its place (a newline for U+0085).
    Blank,
}

fn treatment(c: char) -> Treatment {
    match c {
        '\t' | '\n' | '\r' => Treatment::Keep,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Treatment::Blank,
        '\u{AD}'
        | '\u{34F}'
        | '\u{61C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' => Treatment::Remove,
        _ => Treatment::Keep,
    }
}

/// A document's text prepared for analysis, and the way back to the original's offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisText<'a> {
    /// Borrowed when the original needed no change.
    pub text: Cow<'a, str>,
    pub map: OffsetMap,
}

impl AnalysisText<'_> {
    /// Whether the analysed text differs from the original at all (offsets or bytes).
    pub fn changed(&self) -> bool {
        matches!(self.text, Cow::Owned(_))
    }
}

/// From offsets in the analysed text to offsets in the original: where characters were
/// removed or replaced by shorter ones. Empty when no offset moved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

/// Analysed bytes `start..end` stand for longer original bytes (`start == end`: characters
/// were removed at `start`); after them, an analysed offset plus `total` is the original one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    start: usize,
    end: usize,
    total: usize,
}

impl OffsetMap {
    /// True when every offset maps to itself.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    fn shift(&self, edits_before: usize) -> usize {
        edits_before
            .checked_sub(1)
            .map_or(0, |i| self.edits[i].total)
    }

    /// Where the character starting at analysed offset `at` starts in the original (removed
    /// characters just before it are left out).
    pub fn start(&self, at: usize) -> usize {
        at + self.shift(self.edits.partition_point(|e| e.end <= at))
    }

    /// Where the character ending at analysed offset `at` ends in the original (removed
    /// characters just after it are left out; a replaced one ending there is taken whole).
    pub fn end(&self, at: usize) -> usize {
        let before = self
            .edits
            .partition_point(|e| e.end < at || (e.end == at && e.start < e.end));
        at + self.shift(before)
    }

    /// A `[start, end)` span of the analysed text as a span of the original. Removed
    /// characters inside it are inside the result; those at its edges are not.
    pub fn span(&self, span: [usize; 2]) -> [usize; 2] {
        let start = self.start(span[0]);
        [start, self.end(span[1]).max(start)]
    }

    fn remove(&mut self, at: usize, len: usize) {
        match self.edits.last_mut() {
            Some(last) if last.start == at && last.end == at => last.total += len,
            _ => self.replace(at, 0, len),
        }
    }

    /// Original bytes of `original_len` became the analysed bytes `at..at + analysed_len`.
    fn replace(&mut self, at: usize, analysed_len: usize, original_len: usize) {
        let total = self.edits.last().map_or(0, |e| e.total) + original_len - analysed_len;
        self.edits.push(Edit {
            start: at,
            end: at + analysed_len,
            total,
        });
    }
}

/// Prepares `text` for analysis (see the module documentation). Offsets of the result map
/// back with [`AnalysisText::map`]; control characters keep their offsets.
pub fn normalize_for_analysis(text: &str) -> AnalysisText<'_> {
    let first = text
        .char_indices()
        .find(|&(_, c)| treatment(c) != Treatment::Keep);
    let Some((first, _)) = first else {
        return AnalysisText {
            text: Cow::Borrowed(text),
            map: OffsetMap::default(),
        };
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..first]);
    let mut map = OffsetMap::default();
    for c in text[first..].chars() {
        match treatment(c) {
            Treatment::Keep => out.push(c),
            Treatment::Remove => map.remove(out.len(), c.len_utf8()),
            Treatment::Blank => {
                let at = out.len();
                out.push(if c == '\u{85}' { '\n' } else { ' ' });
                if c.len_utf8() > 1 {
                    map.replace(at, 1, c.len_utf8());
                }
            }
        }
    }
    AnalysisText {
        text: Cow::Owned(out),
        map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed() {
        let text = "Italy expelled 30 Russian diplomats — “undesirable”.\r\n\tNext.";
        let prepared = normalize_for_analysis(text);
        assert!(matches!(prepared.text, Cow::Borrowed(_)));
        assert!(!prepared.changed());
        assert!(prepared.map.is_identity());
    }

    #[test]
    fn invisible_characters_are_removed_and_spans_map_back() {
        let text =
            "\u{FEFF}\u{200F}Ita\u{200B}ly expelled 3\u{AD}0 \u{2066}Russian\u{2069} diplomats.";
        let prepared = normalize_for_analysis(text);
        assert_eq!(prepared.text, "Italy expelled 30 Russian diplomats.");
        let quote = |words: &str| {
            let at = prepared.text.find(words).unwrap();
            let span = prepared.map.span([at, at + words.len()]);
            &text[span[0]..span[1]]
        };
        assert_eq!(quote("Italy"), "Ita\u{200B}ly");
        assert_eq!(quote("30"), "3\u{AD}0");
        assert_eq!(quote("Russian"), "Russian");
        assert_eq!(quote("Italy expelled"), "Ita\u{200B}ly expelled");
        assert_eq!(quote("diplomats."), "diplomats.");
        assert_eq!(prepared.map.span([0, 0]), [6, 6]);
        let end = prepared.text.len();
        assert_eq!(prepared.map.span([end, end]), [text.len(), text.len()]);
    }

    #[test]
    fn control_characters_become_spaces_in_place() {
        let text = "RUS\u{1B}]0;title\u{7}expels\u{7F}y";
        let prepared = normalize_for_analysis(text);
        assert_eq!(prepared.text, "RUS ]0;title expels y");
        assert!(prepared.map.is_identity());
        assert!(prepared.changed());
        let text = "don\u{92}t\u{85}\u{200B}x";
        let c1 = normalize_for_analysis(text);
        assert_eq!(c1.text, "don t\nx");
        assert_eq!(c1.map.span([0, 4]), [0, 5], "don and the control, whole");
        assert_eq!(c1.map.span([4, 5]), [5, 6], "t");
        assert_eq!(c1.map.span([5, 6]), [6, 8], "the newline");
        assert_eq!(c1.map.span([6, 7]), [11, 12], "x");
        assert_eq!(c1.map.span([3, 4]), [3, 5]);
    }
}
