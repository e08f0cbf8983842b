//! Numbers in words and digits, with the qualifiers reporters put before them.
//!
//! Works on plain word sequences so it does not depend on the tagger: "at least 300",
//! "more than 100", "a total of 80", "twenty-five", "1,000", "2.5 million", "between 20 and 30",
//! "dozens".

use crate::values::{ValueClass, value};
use attache_event::Qualifier;

/// A figure read from consecutive words `first..last` (inclusive word indices).
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub max: Option<f64>,
    pub qualifier: Qualifier,
    /// "a total of", "in total", "altogether": the figure sums several actors' actions.
    pub total: bool,
    pub first: usize,
    pub last: usize,
    /// Index of the first word of the number itself (after any qualifier).
    pub number_first: usize,
}

fn unit_word(w: &str) -> Option<f64> {
    value(ValueClass::Number, w)
}

fn scale_word(w: &str) -> Option<f64> {
    value(ValueClass::Scale, w)
}

/// Vague plurals: the figure is a lower bound ("dozens" = at least 24).
fn vague_word(w: &str) -> Option<f64> {
    value(ValueClass::VagueNumber, w)
}

/// Value of one word: digits ("1,000", "2.5", "30"), number words, hyphenated tens ("twenty-five").
pub fn word_value(word: &str) -> Option<f64> {
    let w = word.to_ascii_lowercase();
    if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        // Thousands separators only in groups of three: "1,000" but not "1,0".
        let mut groups = w.split(',');
        let first = groups.next()?;
        let mut digits = first.to_string();
        for g in groups {
            let int_part = g.split('.').next().unwrap_or("");
            if int_part.len() != 3 {
                return None;
            }
            digits.push_str(g);
        }
        return digits.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    if let Some(v) = unit_word(&w) {
        return Some(v);
    }
    if let Some((tens, units)) = w.split_once('-') {
        let t = unit_word(tens).filter(|t| *t >= 20.0 && *t % 10.0 == 0.0)?;
        let u = unit_word(units).filter(|u| *u < 10.0 && *u > 0.0)?;
        return Some(t + u);
    }
    None
}

/// Reads a number starting at `i`: returns (value, index of its last word, vague).
fn read_number(words: &[&str], i: usize) -> Option<(f64, usize, bool)> {
    let lower = |k: usize| words.get(k).map(|w| w.to_ascii_lowercase());
    let w0 = lower(i)?;
    if let Some(v) = vague_word(&w0) {
        return Some((v, i, true));
    }
    // "a dozen", "a hundred", "a thousand".
    let (mut value, mut end) = if (w0 == "a" || w0 == "an") && lower(i + 1).is_some() {
        let w1 = lower(i + 1)?;
        let v = value(ValueClass::AfterA, &w1)?;
        (v, i + 1)
    } else {
        (word_value(words[i])?, i)
    };
    // "twenty five", "two hundred", "2.5 million", "one hundred and twenty".
    while let Some(next) = lower(end + 1) {
        if let Some(scale) = scale_word(&next) {
            if scale == 100.0 && value >= 100.0 {
                break;
            }
            value *= scale;
            end += 1;
            continue;
        }
        let v = unit_word(&next).filter(|v| *v < 100.0);
        if let Some(v) = v {
            // Only as the tail of a spelled-out number: "twenty five", "hundred and five".
            let prev_is_word = word_value(words[end]).is_some()
                && !words[end]
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_digit());
            if prev_is_word && (value % 100.0 == 0.0 || (value >= 20.0 && value % 10.0 == 0.0)) {
                value += v;
                end += 1;
                continue;
            }
        }
        // "Forty-five" tokenized as "Forty", "-", "five".
        if (next == "-" || next == "–")
            && (20.0..100.0).contains(&value)
            && value % 10.0 == 0.0
            && let Some(v) = lower(end + 2)
                .and_then(|w| unit_word(&w))
                .filter(|v| *v < 10.0)
        {
            value += v;
            end += 2;
            continue;
        }
        if next == "and"
            && value >= 100.0
            && let Some(v) = lower(end + 2).and_then(|w| unit_word(&w))
        {
            value += v;
            end += 2;
            continue;
        }
        break;
    }
    Some((value, end, false))
}

/// Qualifier phrases that precede a number, longest first.
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["a", "total", "of"], Qualifier::Exact),
    (&["a", "combined"], Qualifier::Exact),
    (&["at", "least"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["more", "than"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["under"], Qualifier::LessThan),
    (&["almost"], Qualifier::Approx),
    (&["nearly"], Qualifier::Approx),
    (&["about"], Qualifier::Approx),
    (&["around"], Qualifier::Approx),
    (&["roughly"], Qualifier::Approx),
    (&["approximately"], Qualifier::Approx),
    (&["some"], Qualifier::Approx),
    (&["an", "estimated"], Qualifier::Approx),
    (&["close", "to"], Qualifier::Approx),
    (&["some", "estimated"], Qualifier::Approx),
];

/// A figure whose first word (qualifier or number) is at `i`.
pub fn figure_at(words: &[&str], i: usize) -> Option<Figure> {
    let lower: Vec<String> = words
        .iter()
        .skip(i)
        .take(4)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let mut qualifier = Qualifier::Exact;
    let mut total = false;
    let mut start = i;
    for (phrase, q) in QUALIFIERS {
        if phrase.len() < lower.len() && phrase.iter().zip(&lower).all(|(a, b)| a == b) {
            qualifier = *q;
            total = phrase == &["a", "total", "of"] || phrase == &["a", "combined"];
            start = i + phrase.len();
            break;
        }
    }
    // "between 20 and 30".
    if lower.first().is_some_and(|w| w == "between") {
        let (lo, lo_end, _) = read_number(words, i + 1)?;
        if !words
            .get(lo_end + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("and"))
        {
            return None;
        }
        let (hi, hi_end, _) = read_number(words, lo_end + 2)?;
        return Some(Figure {
            value: lo,
            max: Some(hi),
            qualifier: Qualifier::Range,
            total: false,
            first: i,
            last: hi_end,
            number_first: i + 1,
        });
    }
    let (value, end, vague) = read_number(words, start)?;
    // "a 15-year-old ban", "a 24-hour strike", "a two-day visit": a number hyphenated to the
    // next word modifies a noun; it counts nothing.
    let hyphenated = |k: usize| words.get(k).is_some_and(|w| matches!(*w, "-" | "–"));
    if hyphenated(end + 1) && words.get(end + 2).is_some_and(|w| word_value(w).is_none()) {
        return None;
    }
    let mut fig = Figure {
        value,
        max: None,
        qualifier: if vague && qualifier == Qualifier::Exact {
            Qualifier::AtLeast
        } else {
            qualifier
        },
        total,
        first: i,
        last: end,
        number_first: start,
    };
    // "20 to 30", "20-30": a range.
    if qualifier == Qualifier::Exact
        && !vague
        && words
            .get(end + 1)
            .is_some_and(|w| *w == "to" || *w == "-" || *w == "–")
        && let Some((hi, hi_end, false)) = read_number(words, end + 2)
        && hi > value
    {
        fig.max = Some(hi);
        fig.qualifier = Qualifier::Range;
        fig.last = hi_end;
    }
    // "80 in total", "80 diplomats altogether".
    let after: Vec<String> = words
        .iter()
        .skip(fig.last + 1)
        .take(4)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    if after.iter().any(|w| w == "altogether")
        || after.windows(2).any(|p| p[0] == "in" && p[1] == "total")
    {
        fig.total = true;
    }
    Some(fig)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Finds every figure in a word sequence, left to right, qualifiers included.
    pub fn find_figures(words: &[&str]) -> Vec<Figure> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let Some(fig) = figure_at(words, i) else {
                i += 1;
                continue;
            };
            i = fig.last + 1;
            out.push(fig);
        }
        out
    }

    fn one(text: &str) -> Figure {
        let words: Vec<&str> = text.split_whitespace().collect();
        let figs = find_figures(&words);
        assert_eq!(figs.len(), 1, "{text}: {figs:?}");
        figs[0].clone()
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(one("expelled 30 diplomats").value, 30.0);
        assert_eq!(one("expelled three diplomats").value, 3.0);
        assert_eq!(one("1,000 troops").value, 1000.0);
        assert_eq!(one("twenty-five people").value, 25.0);
        assert_eq!(one("twenty five people").value, 25.0);
        assert_eq!(one("Forty - five diplomats").value, 45.0);
        assert_eq!(one("2.5 million dollars").value, 2_500_000.0);
        assert_eq!(one("two hundred and five").value, 205.0);
        assert_eq!(one("a dozen soldiers").value, 12.0);
        assert_eq!(word_value("1,0"), None);
    }

    #[test]
    fn qualifiers() {
        let f = one("to at least 300 ,");
        assert_eq!((f.value, f.qualifier), (300.0, Qualifier::AtLeast));
        assert_eq!(f.first, 1);
        assert_eq!(one("more than 100 Russian").qualifier, Qualifier::MoreThan);
        assert_eq!(one("nearly 25,000 tons").qualifier, Qualifier::Approx);
        assert_eq!(one("up to 40 people").qualifier, Qualifier::AtMost);
        let f = one("a total of 80 Russian diplomats");
        assert!(f.total);
        assert_eq!(f.value, 80.0);
        assert_eq!(one("dozens of people").qualifier, Qualifier::AtLeast);
        assert!(one("80 diplomats in total").total);
        assert!(one("a combined 43 diplomats").total);
    }

    #[test]
    fn hyphenated_modifiers_count_nothing() {
        let words: Vec<&str> = "a 15 - year - old ban after a two - day visit"
            .split_whitespace()
            .collect();
        assert!(
            find_figures(&words).is_empty(),
            "{:?}",
            find_figures(&words)
        );
    }

    #[test]
    fn ranges() {
        let f = one("between 20 and 30 people");
        assert_eq!(
            (f.value, f.max, f.qualifier),
            (20.0, Some(30.0), Qualifier::Range)
        );
        let f = one("killed 20 to 30 people");
        assert_eq!((f.value, f.max), (20.0, Some(30.0)));
    }
}
