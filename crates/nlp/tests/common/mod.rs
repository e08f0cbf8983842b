//! Helpers shared by the nlp crate's integration tests.
#![allow(dead_code)] // each test binary uses its own part

use attache_nlp::{Analyzer, Doc, Token};
use std::sync::OnceLock;

/// The shipped model, loaded once per test binary.
pub fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::load_default().expect("shipped model loads"))
}

/// The first token of `doc` written `text`.
pub fn find<'a>(doc: &'a Doc, text: &str) -> Token<'a> {
    doc.tokens()
        .find(|t| t.text() == text)
        .unwrap_or_else(|| panic!("no token {text:?}"))
}

/// Asserts that `verb` in `text` is tagged `xpos`, is the sentence's root and heads `object`.
pub fn assert_root_verb_heads(text: &str, verb: &str, xpos: &str, object: &str) -> Doc {
    let doc = analyzer().analyze(text);
    let v = find(&doc, verb);
    assert_eq!(v.xpos(), xpos, "{verb} in {text:?}");
    assert_eq!(v.deprel(), "root", "{verb} in {text:?}");
    let o = find(&doc, object);
    assert_eq!(
        o.head().map(|h| h.text()),
        Some(verb),
        "{object} in {text:?}"
    );
    doc
}

/// Asserts that `subject` in `text` is a nominal subject of `verb`.
pub fn assert_subject(text: &str, subject: &str, verb: &str) {
    let doc = analyzer().analyze(text);
    let s = find(&doc, subject);
    assert!(
        s.deprel().starts_with("nsubj"),
        "{subject} in {text:?}: {}",
        s.deprel()
    );
    assert_eq!(
        s.head().map(|h| h.text()),
        Some(verb),
        "{subject} in {text:?}"
    );
}
