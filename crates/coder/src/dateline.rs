//! Wire-story datelines: "ROME, April 5 (Reuters) - Italy expelled ...".
//!
//! A dateline is not part of the first sentence, and parsers read it as a stray subject. The
//! coder blanks it (same byte length, so every span still points into the report's text) before
//! analysis, and keeps its date as the report's news peg.

use regex::Regex;
use std::sync::OnceLock;

/// The dateline at the start of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// Byte offset where the story proper begins.
    pub end: usize,
    /// Byte range of the date ("April 5"), when the dateline has one.
    pub date: Option<(usize, usize)>,
}

fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // PLACE in capitals, an optional ", COUNTRY" or ", Country", an optional ", Month Day[, Year]", an optional "(Agency)", a dash.
        Regex::new(
            r"^\s*[A-Z][A-Z.'’ -]{1,40}?(?:,\s*[A-Z][A-Za-z.]+)?(?:,\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*(?:\([^)\n]{1,40}\))?\s*(?:-|–|—|--)\s+",
        )
        .expect("dateline pattern compiles")
    })
}

/// Finds a dateline at the very start of `text`.
pub fn find(text: &str) -> Option<Dateline> {
    // Datelines are short: look at the first 160 bytes, cut at a character boundary.
    let cut = (0..=text.len().min(160))
        .rev()
        .find(|&i| text.is_char_boundary(i))?;
    let head = &text[..cut];
    let caps = pattern().captures(head)?;
    let whole = caps.get(0)?;
    // The place must be in capitals, not a sentence that starts with a capitalised word.
    let place_end = whole.as_str().find([',', '(', '-', '–', '—']).unwrap_or(0);
    let place = whole.as_str()[..place_end].trim();
    if place.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    // A bare short acronym before a dash is a headline ("US - China talks"), not a place.
    let has_more = caps.name("date").is_some() || whole.as_str().contains('(');
    if place.len() < 4 && !has_more {
        return None;
    }
    Some(Dateline {
        end: whole.end(),
        date: caps.name("date").map(|m| (m.start(), m.end())),
    })
}

/// The text with the dateline replaced by spaces of the same byte length.
pub fn blank(text: &str, dateline: &Dateline) -> String {
    let mut out = String::with_capacity(text.len());
    out.extend(std::iter::repeat_n(' ', dateline.end));
    out.push_str(&text[dateline.end..]);
    out
}

/// The dateline as the dictionaries spell places: words in capitals with only their first
/// letter kept upper case ("CAIRO (Reuters) -" -> "Cairo (Reuters) -"), since places are
/// matched as written.
pub fn titled(text: &str, dateline: &Dateline) -> String {
    let head = &text[..dateline.end];
    let mut out = String::with_capacity(head.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let shouted = word.chars().count() >= 2 && !word.chars().any(char::is_lowercase);
        if shouted {
            let mut cs = word.chars();
            out.extend(cs.next());
            out.extend(cs.flat_map(char::to_lowercase));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in head.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_datelines() {
        let t = "ROME, April 5 (Reuters) - Italy expelled 30 Russian diplomats.";
        let d = find(t).unwrap();
        assert_eq!(&t[d.end..d.end + 5], "Italy");
        let (s, e) = d.date.unwrap();
        assert_eq!(&t[s..e], "April 5");
        let b = blank(t, &d);
        assert_eq!(b.len(), t.len());
        assert!(b.ends_with("Italy expelled 30 Russian diplomats."));

        let t = "MADRID - Spain expelled 25 Russian diplomats.";
        assert_eq!(&t[find(t).unwrap().end..][..5], "Spain");
        let t = "WASHINGTON, D.C., March 3, 2022 (AP) — The United States said.";
        assert!(find(t).is_some());
    }

    #[test]
    fn dateline_places_in_title_case() {
        let t = "CAIRO (Reuters) - Police arrested 40 protesters.";
        assert_eq!(titled(t, &find(t).unwrap()), "Cairo (Reuters) - ");
        let t = "NEW DELHI, April 5 (Reuters) - India said.";
        assert_eq!(
            titled(t, &find(t).unwrap()),
            "New Delhi, April 5 (Reuters) - "
        );
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert_eq!(
            find("Italy - a founding member - expelled diplomats."),
            None
        );
        assert_eq!(
            find("The mass expulsion of Russian officials accelerated."),
            None
        );
        assert_eq!(find("US - China talks resumed."), None);
    }
}
