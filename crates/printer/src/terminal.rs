//! Text for a terminal: what a report says must never act on the window that shows it.
//!
//! Control characters (C0, DEL, C1: an escape sequence can set the window title or clear the
//! screen) and the bidirectional overrides and isolates (they reorder what follows them on the
//! line) are written as visible escapes, `\x1b` and `\u{202e}`; tab, newline and carriage return
//! become spaces, since every table cell is one line. Cutting to a width happens after escaping
//! and never inside an escape.

use std::borrow::Cow;

/// How a terminal gets one character.
enum Shown {
    Plain(char),
    Space,
    Escape(char),
}

fn shown(c: char) -> Shown {
    match c {
        '\t' | '\n' | '\r' => Shown::Space,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Shown::Escape(c),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Shown::Escape(c),
        _ => Shown::Plain(c),
    }
}

fn push_shown(out: &mut String, c: char) {
    match shown(c) {
        Shown::Plain(c) => out.push(c),
        Shown::Space => out.push(' '),
        Shown::Escape(c) if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
        Shown::Escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
    }
}

/// `text` on one line, safe for a terminal. Borrowed when nothing needed escaping.
pub(crate) fn one_line(text: &str) -> Cow<'_, str> {
    match text.find(|c| !matches!(shown(c), Shown::Plain(_))) {
        None => Cow::Borrowed(text),
        Some(at) => {
            let mut out = String::with_capacity(text.len() + 8);
            out.push_str(&text[..at]);
            text[at..].chars().for_each(|c| push_shown(&mut out, c));
            Cow::Owned(out)
        }
    }
}

/// The characters a terminal shows for `text` ([`one_line`], any white space a plain space),
/// each with whether a cut may fall before it (false inside an escape).
pub(crate) struct ShownChars {
    pub chars: Vec<char>,
    cut_before: Vec<bool>,
}

impl ShownChars {
    pub fn new(text: &str) -> ShownChars {
        let mut chars = Vec::with_capacity(text.len());
        let mut cut_before = Vec::with_capacity(text.len());
        let mut unit = String::new();
        for c in text.chars() {
            unit.clear();
            push_shown(&mut unit, c);
            for (i, shown) in unit.chars().enumerate() {
                chars.push(if shown.is_whitespace() { ' ' } else { shown });
                cut_before.push(i == 0);
            }
        }
        ShownChars { chars, cut_before }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether a cut may fall before character `at` (or at the end).
    pub fn can_cut(&self, at: usize) -> bool {
        self.cut_before.get(at).copied().unwrap_or(true)
    }

    /// `at`, or the nearest place before it where a cut may fall.
    pub fn cut_at_or_before(&self, mut at: usize) -> usize {
        while at > 0 && !self.can_cut(at) {
            at -= 1;
        }
        at
    }

    /// `at`, or the nearest place after it where a cut may fall.
    pub fn cut_at_or_after(&self, mut at: usize) -> usize {
        while at < self.len() && !self.can_cut(at) {
            at += 1;
        }
        at
    }
}

/// `text` escaped for a terminal and cut to at most `width` characters with '…'.
pub(crate) fn shortened(text: &str, width: usize) -> String {
    let escaped = one_line(text);
    if escaped.chars().count() <= width {
        return escaped.into_owned();
    }
    let shown = ShownChars::new(text);
    let keep = shown.cut_at_or_before(width.saturating_sub(1));
    let mut short: String = shown.chars[..keep].iter().collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_written_as_escapes() {
        assert!(matches!(one_line("Italy expelled 30."), Cow::Borrowed(_)));
        assert_eq!(
            one_line("a\u{1b}]0;pwned\u{7}b\u{1b}[2J\nc\u{9b}d\u{7f}\u{202e}e"),
            "a\\x1b]0;pwned\\x07b\\x1b[2J c\\u{9b}d\\x7f\\u{202e}e"
        );
    }

    #[test]
    fn cutting_never_splits_an_escape() {
        let text = "abcd\u{1b}[2Jefgh";
        for width in 1..14 {
            let short = shortened(text, width);
            assert!(short.chars().count() <= width, "{short} for {width}");
            assert!(!short.contains('\u{1b}'), "{short}");
            let body = short.trim_end_matches('…');
            assert!(
                !body.contains('\\') || body.contains("\\x1b"),
                "{short} for {width}"
            );
        }
        assert_eq!(shortened(text, 6), "abcd…");
        assert_eq!(shortened(text, 9), "abcd\\x1b…");
    }
}
