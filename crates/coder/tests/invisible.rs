//! Invisible and control characters (issue 10, defect 7): the analysis reads the text without
//! them, and every span still slices the original bytes to the quoted words.

use attache_event::{Event, EventCategory};
use attache_text::{Document, ReadOptions, read_documents};
use chrono::NaiveDate;

mod common;

use common::extractor;

fn document(text: &str) -> Document {
    common::document("invisible", text, NaiveDate::from_ymd_opt(2022, 4, 5))
}

/// Every span slices `text` at character boundaries to exactly the words quoted with it.
fn assert_spans_quote(text: &str, events: &[Event]) {
    let quote = |span: [usize; 2], words: &str| {
        assert!(span[0] <= span[1] && span[1] <= text.len(), "{span:?}");
        assert!(text.is_char_boundary(span[0]) && text.is_char_boundary(span[1]));
        assert_eq!(&text[span[0]..span[1]], words, "{span:?} in {text:?}");
    };
    for e in events {
        quote(e.trigger.span, &e.trigger.text);
        quote(e.sentence.span, &e.sentence.text);
        for a in e.actors.iter().chain(&e.recipients) {
            quote(a.span, &a.text);
        }
        for q in e.quantity.iter().chain(&e.other_quantities) {
            quote(q.span, &q.text);
        }
        for m in &e.mentions {
            quote(m.span, &m.text);
        }
    }
}

/// (actor codes, recipient codes, count) of each expulsion.
fn expulsions(events: &[Event]) -> Vec<(String, String, Option<f64>)> {
    events
        .iter()
        .filter(|e| e.event == EventCategory::Sanction && e.mode.as_deref() == Some("expel"))
        .map(|e| {
            (
                e.actor_codes().join(","),
                e.recipient_codes().join(","),
                e.quantity.as_ref().map(|q| q.value),
            )
        })
        .collect()
}

// Failing before the fix: no event at all.
#[test]
fn a_zero_width_space_keeps_the_event_and_its_spans() {
    let text = "\u{200B}Italy expelled 30 Russian diplomats on Tuesday.";
    let events = extractor().extract(&document(text));
    assert_eq!(
        expulsions(&events),
        [("ITA".into(), "RUS".into(), Some(30.0))]
    );
    assert_spans_quote(text, &events);
    let e = &events[0];
    assert_eq!(
        e.actors[0].span,
        [3, 8],
        "the actor span leaves the mark out"
    );
    assert_eq!(&text[e.sentence.span[0]..e.sentence.span[1]], &text[3..]);
}

#[test]
fn invisible_characters_inside_words_are_quoted_as_written() {
    let text = "It\u{AD}aly ex\u{200D}pelled 3\u{2060}0 Rus\u{AD}sian diplomats on Tuesday.";
    let events = extractor().extract(&document(text));
    assert_eq!(
        expulsions(&events),
        [("ITA".into(), "RUS".into(), Some(30.0))]
    );
    assert_spans_quote(text, &events);
    assert_eq!(events[0].actors[0].text, "It\u{AD}aly");
    let figure = &events[0].quantity.as_ref().unwrap().text;
    assert!(figure.starts_with("3\u{2060}0 Rus\u{AD}sian"), "{figure:?}");
}

// Failing before the fix: the marks hid the sentence boundary, and Denmark's 15 went to Italy.
#[test]
fn right_to_left_marks_between_sentences_do_not_join_them() {
    let text = "\u{200F}Rome has marked 30 Russian diplomats as undesirable, Italian Foreign \
                Minister Luigi Di Maio said.\u{200F} \u{200F}Denmark separately announced the \
                expulsion of 15 Russian diplomats.\u{200F}";
    let events = extractor().extract(&document(text));
    let found = expulsions(&events);
    assert!(
        found.contains(&("ITA".into(), "RUS".into(), Some(30.0))),
        "{found:?}"
    );
    assert!(
        found.contains(&("DNK".into(), "RUS".into(), Some(15.0))),
        "{found:?}"
    );
    assert!(
        !found.contains(&("ITA".into(), "RUS".into(), Some(15.0))),
        "{found:?}"
    );
    assert_spans_quote(text, &events);
}

// Failing before the fix: Italy left out of the 80 and Lithuania's ambassador lost.
#[test]
fn the_founding_tally_holds_with_right_to_left_marks_around_sentences() {
    let path = attache_testkit::workspace_root().join("examples/expulsions-2022-04-05.txt");
    let plain = std::fs::read_to_string(&path).expect("bundled sample");
    let marked: String = plain
        .split('\n')
        .map(|paragraph| match paragraph.trim().is_empty() {
            true => paragraph.to_string(),
            false => format!(
                "\u{200F}{}\u{200F}",
                paragraph.replace(". ", ".\u{200F} \u{2067}")
            ),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let with_marks = expulsions(&extractor().extract(&document(&marked)));
    let without = expulsions(&extractor().extract(&document(&plain)));
    assert_eq!(with_marks, without);
    for state in [("ITA", 30.0), ("DNK", 15.0), ("EST", 14.0), ("POL", 45.0)] {
        let row = (state.0.to_string(), "RUS".to_string(), Some(state.1));
        assert!(with_marks.contains(&row), "{row:?} in {with_marks:?}");
    }
    assert!(
        with_marks.iter().any(|(a, _, _)| a == "LTU"),
        "{with_marks:?}"
    );
    assert_spans_quote(&marked, &extractor().extract(&document(&marked)));
}

// Failing before the fix: the control character glued the sentences and gave RUS expels RUS.
#[test]
fn control_characters_between_sentences_do_not_give_rus_expels_rus() {
    for control in ["\u{1}", "\u{1B}", "\u{7F}", "\u{9B}"] {
        let text = format!(
            "Russia expelled 20 Polish diplomats.{control}Poland expelled 45 Russian diplomats."
        );
        let events = extractor().extract(&document(&text));
        let found = expulsions(&events);
        assert_eq!(
            found,
            [
                ("RUS".into(), "POL".into(), Some(20.0)),
                ("POL".into(), "RUS".into(), Some(45.0))
            ],
            "{control:?}"
        );
        assert_spans_quote(&text, &events);
    }
}

// Failing before the fix: no event.
#[test]
fn soft_hyphens_and_a_bom_inside_a_json_lines_text_field() {
    let dir = attache_testkit::ScratchDir::new("coder", "invisible-jsonl");
    let path = dir.join("feed.jsonl");
    let line = r#"{"id": "a", "published": "2022-04-05", "text": "\ufeffIt\u00adaly ex\u00adpelled 30 Rus\u00adsian diplo\u00admats on Tuesday."}"#;
    std::fs::write(&path, format!("{line}\n")).unwrap();
    let doc = read_documents(&path, &ReadOptions::default())
        .next()
        .unwrap()
        .unwrap();
    assert!(
        doc.text.starts_with('\u{FEFF}'),
        "the text is kept as written"
    );
    let events = extractor().extract(&doc);
    assert_eq!(
        expulsions(&events),
        [("ITA".into(), "RUS".into(), Some(30.0))]
    );
    assert_spans_quote(&doc.text, &events);
}
