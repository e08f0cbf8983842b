//! Property tests of the sentence coder and extractor (issue 10, fuzzing): on generated text,
//! invisible and control characters and long runs included, extraction never panics and every
//! span slices the original text at character boundaries to exactly its quoted words.
//!
//! Cases per run (PROPTEST_CASES overrides each): 10,000 texts built from news words, figures,
//! punctuation, invisible and control characters and arbitrary characters; 150 long runs (up to
//! 3,000 words without punctuation, 20,000-character tokens, runs of one punctuation mark).

use attache_event::Event;
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::Config;

fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

mod common;

use common::extractor;

fn extract(text: &str) -> Vec<Event> {
    extractor().extract(&common::document(
        "fuzz",
        text,
        NaiveDate::from_ymd_opt(2022, 4, 5),
    ))
}

/// Every span in range, on character boundaries, quoting exactly its words.
fn check_spans(text: &str, events: &[Event]) -> Result<(), TestCaseError> {
    let quote = |span: [usize; 2], words: &str, what: &str| -> Result<(), TestCaseError> {
        prop_assert!(
            span[0] <= span[1] && span[1] <= text.len(),
            "{} {:?}",
            what,
            span
        );
        prop_assert!(
            text.is_char_boundary(span[0]) && text.is_char_boundary(span[1]),
            "{} {:?} splits a character",
            what,
            span
        );
        prop_assert_eq!(&text[span[0]..span[1]], words, "{} {:?}", what, span);
        Ok(())
    };
    for e in events {
        quote(e.trigger.span, &e.trigger.text, "trigger")?;
        quote(e.sentence.span, &e.sentence.text, "sentence")?;
        for a in e.actors.iter().chain(&e.recipients) {
            quote(a.span, &a.text, "actor")?;
        }
        for q in e.quantity.iter().chain(&e.other_quantities) {
            quote(q.span, &q.text, "quantity")?;
        }
        for m in &e.mentions {
            quote(m.span, &m.text, "mention")?;
        }
        if let Some(span) = e.location.as_ref().and_then(|l| l.span) {
            prop_assert!(span[0] <= span[1] && span[1] <= text.len());
            prop_assert!(text.is_char_boundary(span[0]) && text.is_char_boundary(span[1]));
        }
    }
    Ok(())
}

const WORDS: &[&str] = &[
    "Italy",
    "Denmark",
    "Russia",
    "Russian",
    "Poland",
    "Estonia",
    "Moscow",
    "Kyiv",
    "EU",
    "NATO",
    "the",
    "a",
    "of",
    "and",
    "by",
    "to",
    "in",
    "on",
    "at least",
    "more than",
    "about",
    "a total of",
    "expelled",
    "expels",
    "will expel",
    "did not expel",
    "announced",
    "the expulsion",
    "said",
    "according to",
    "diplomats",
    "ambassador",
    "staff",
    "consulates",
    "police",
    "protesters",
    "arrested",
    "killed",
    "troops",
    "shelled",
    "urged",
    "met",
    "Tuesday",
    "April 5",
    "2022",
    "last year",
    "30",
    "15",
    "45",
    "three",
    "Forty-five",
    "80",
    "300",
    "1,200",
    "20-30",
    "Financial Times",
    "Di Maio",
    "ROME, April 5 (Reuters) -",
    "CAIRO (Reuters) -",
    "“",
    "”",
    "’s",
    "—",
    "…",
    "(",
    ")",
    "U.S.",
    "Zürich",
    "東京",
    "😀",
];

const MARKS: &[&str] = &[
    "\u{AD}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{200E}",
    "\u{200F}",
    "\u{202A}",
    "\u{202E}",
    "\u{2060}",
    "\u{2066}",
    "\u{2069}",
    "\u{FEFF}",
    "\u{61C}",
    "\u{0}",
    "\u{1}",
    "\u{7}",
    "\u{1B}[2J",
    "\u{1B}]0;t\u{7}",
    "\u{7F}",
    "\u{85}",
    "\u{9B}",
    "\t",
    "\r\n",
    "\n\n",
];

const PUNCT: &[&str] = &[
    ". ", ", ", "; ", ": ", "! ", "? ", ".", " - ", "\"", "'", " ",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(WORDS).prop_map(|w| format!("{w} ")),
        3 => prop::sample::select(PUNCT).prop_map(String::from),
        3 => prop::sample::select(MARKS).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-z]{1,12}",
    ]
}

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|pieces| pieces.concat())
}

/// Runaway input: many words and no full stop, one enormous token, or one mark repeated.
fn long_run() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            prop::sample::select(WORDS),
            prop::sample::select(MARKS),
            100..3000usize
        )
            .prop_map(|(w, m, n)| format!("{w}{m} ").repeat(n)),
        (prop::sample::select(MARKS), 1000..20_000usize).prop_map(|(m, n)| m.repeat(n)),
        (any::<char>(), 1000..20_000usize).prop_map(|(c, n)| c.to_string().repeat(n)),
        (prop::sample::select(PUNCT), 500..5000usize)
            .prop_map(|(p, n)| format!("Italy expelled 30 diplomats{}", p.repeat(n))),
    ]
}

proptest! {
    #![proptest_config(config(10000))]

    #[test]
    fn generated_news_text_codes_with_sound_spans(text in news_like()) {
        check_spans(&text, &extract(&text))?;
    }
}

proptest! {
    #![proptest_config(config(150))]

    #[test]
    fn long_runs_code_with_sound_spans(text in long_run()) {
        check_spans(&text, &extract(&text))?;
    }
}
