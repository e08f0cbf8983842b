//! A document longer than one analysis window (a compilation of reports, a runaway file) is
//! coded window by window with bounded memory, and gives what one whole analysis gives.

use attache_coder::Extractor;
use attache_text::{Document, Publication};
use chrono::NaiveDate;

fn long_text() -> String {
    let root = attache_testkit::workspace_root().join("examples");
    let mut reports =
        vec![std::fs::read_to_string(root.join("expulsions-2022-04-05.txt")).unwrap()];
    let mut rewrites: Vec<_> = std::fs::read_dir(root.join("rewrites"))
        .expect("bundled rewrites")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    rewrites.sort();
    reports.extend(rewrites.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    let mut text = String::new();
    let mut i = 0;
    while text.len() < attache_nlp::WINDOW_BYTES + attache_nlp::WINDOW_BYTES / 4 {
        text.push_str(reports[i % reports.len()].trim());
        text.push_str("\n\n");
        i += 1;
    }
    text
}

#[test]
fn a_document_longer_than_a_window_codes_as_one_whole_analysis() {
    let text = long_text();
    let ex = Extractor::load_default().expect("model and dictionaries load");
    let published = NaiveDate::from_ymd_opt(2022, 4, 5);
    let doc = Document {
        id: "long".into(),
        text: text.clone(),
        publication: Publication {
            published,
            ..Publication::default()
        },
    };
    let (windowed, sentences) = ex.extract_counted(&doc);
    let whole_doc = ex.analyzer().analyze(&text);
    let whole = ex.code("long", &whole_doc, published);
    assert_eq!(sentences, whole_doc.sentence_count());
    assert!(!windowed.is_empty());
    assert_eq!(windowed.len(), whole.len(), "as many events");
    for (w, e) in windowed.iter().zip(&whole) {
        assert_eq!(w, e);
    }
    // Each event quotes its sentence, and the span slices the document to that quote.
    for e in &windowed {
        let [start, end] = e.sentence.span;
        assert_eq!(&text[start..end], &*e.sentence.text);
        assert_eq!(
            e.sentence.index,
            whole_doc.sentence(e.sentence.index).index()
        );
        assert_eq!(whole_doc.sentence(e.sentence.index).span(), start..end);
    }
}
