//! Behaviour of the shipped model on news text: UD English tokenization with byte offsets,
//! sentence splitting, tags, lemmas and the core relations of wire sentences.

use attache_nlp::{Analyzer, Deprel, Doc, Token, Upos};

mod common;
use common::analyzer;

fn words(doc: &Doc) -> Vec<&str> {
    doc.tokens().map(|t| t.text()).collect()
}

fn find<'a>(doc: &'a Doc, text: &str) -> Token<'a> {
    doc.tokens()
        .find(|t| t.text() == text)
        .unwrap_or_else(|| panic!("no token {text:?} in {:?}", words(doc)))
}

#[test]
fn clitics_and_punctuation_split_like_ud() {
    let doc = analyzer().analyze("I don't think it's Russia's fault, they'll say.");
    assert_eq!(
        words(&doc),
        [
            "I", "do", "n't", "think", "it", "'s", "Russia", "'s", "fault", ",", "they", "'ll",
            "say", "."
        ]
    );
}

#[test]
fn curly_quotes_tokenize_like_ascii() {
    let straight = analyzer().analyze("\"Lithuania expelled Russia's ambassador,\" he said.");
    let curly = analyzer().analyze("“Lithuania expelled Russia’s ambassador,” he said.");
    assert_eq!(straight.len(), curly.len());
    for (a, b) in straight.tokens().zip(curly.tokens()) {
        assert_eq!(a.upos(), b.upos(), "{} vs {}", a.text(), b.text());
        assert_eq!(a.deprel(), b.deprel(), "{} vs {}", a.text(), b.text());
    }
    assert_eq!(find(&curly, "’s").upos(), Upos::Part);
}

#[test]
fn numbers_abbreviations_and_urls_stay_whole() {
    let doc = analyzer()
        .analyze("The U.S. paid $1,000 to Mr. Smith on 3.5 acres, see https://example.com/a-b.");
    let w = words(&doc);
    for expected in ["U.S.", "1,000", "Mr.", "3.5", "https://example.com/a-b"] {
        assert!(w.contains(&expected), "{expected} missing from {w:?}");
    }
    assert!(w.contains(&"$"));
    assert_eq!(*w.last().unwrap(), ".");
}

#[test]
fn spans_are_byte_offsets_into_the_text() {
    let text = "Moscow’s “aggression” — in Ukraine.";
    let doc = analyzer().analyze(text);
    for t in doc.tokens() {
        assert_eq!(&text[t.span()], t.text());
    }
    assert_eq!(doc.text(), text);
}

#[test]
fn sentences_split_at_terminal_punctuation_not_abbreviations() {
    let doc = analyzer()
        .analyze("Mr. Di Maio spoke in the U.S. on Monday. Rome acted. \"Enough,\" he said!\n\nNew paragraph");
    let texts: Vec<&str> = doc.sentences().map(|s| s.text()).collect();
    assert_eq!(
        texts,
        [
            "Mr. Di Maio spoke in the U.S. on Monday.",
            "Rome acted.",
            "\"Enough,\" he said!",
            "New paragraph"
        ]
    );
    for s in doc.sentences() {
        assert_eq!(
            s.tokens().filter(|t| t.head().is_none()).count(),
            1,
            "{}",
            s.text()
        );
        assert_eq!(s.root().map(|r| r.sentence()), Some(s.index()));
    }
}

#[test]
fn active_wire_sentence() {
    let doc = analyzer().analyze("Lithuania expelled Russia's ambassador on Monday.");
    let verb = find(&doc, "expelled");
    assert!(verb.head().is_none(), "expelled is the root");
    assert_eq!(verb.lemma(), "expel");
    assert_eq!(verb.upos(), Upos::Verb);
    assert_eq!(find(&doc, "Lithuania").deprel(), "nsubj");
    let amb = find(&doc, "ambassador");
    assert_eq!(amb.deprel(), "obj");
    assert_eq!(amb.head().map(|h| h.i()), Some(verb.i()));
    assert_eq!(find(&doc, "Russia").head().map(|h| h.i()), Some(amb.i()));
    assert_eq!(find(&doc, "Russia").deprel(), "nmod:poss");
    assert_eq!(find(&doc, "Monday").head().map(|h| h.i()), Some(verb.i()));
    let kids: Vec<&str> = verb.children().map(|c| c.text()).collect();
    assert_eq!(kids, ["Lithuania", "ambassador", "Monday", "."]);
}

#[test]
fn passive_wire_sentence() {
    let doc = analyzer().analyze("Russian diplomats were expelled by Poland.");
    let verb = find(&doc, "expelled");
    assert!(verb.head().is_none());
    assert_eq!(find(&doc, "diplomats").deprel(), "nsubj:pass");
    assert_eq!(find(&doc, "were").deprel(), "aux:pass");
    assert_eq!(find(&doc, "were").lemma(), "be");
    assert_eq!(find(&doc, "Poland").head().map(|h| h.i()), Some(verb.i()));
    assert!(find(&doc, "Poland").deprel().starts_with("obl"));
}

/// A parse the shipped model gets wrong ("diplomats" as the subject of "said"; with "on
/// Tuesday" after "said" it parses right). The coder still codes the event (see the
/// constructions in the coder's tests); this documents the limit and passes once a model
/// improves (`cargo test -p attache-nlp -- --ignored`).
#[test]
#[ignore = "parser: the shipped model reads 'diplomats' as the subject of the trailing 'said'"]
fn reported_speech_wire_sentence() {
    let doc = analyzer().analyze(
        "Rome has marked 30 Russian diplomats as undesirable, Italian Foreign Minister Luigi Di Maio said.",
    );
    let marked = find(&doc, "marked");
    let said = find(&doc, "said");
    assert_eq!(
        find(&doc, "diplomats").head().map(|h| h.i()),
        Some(marked.i())
    );
    assert_eq!(find(&doc, "diplomats").deprel(), "obj");
    assert_eq!(find(&doc, "30").deprel(), "nummod");
    assert_eq!(find(&doc, "Rome").deprel(), "nsubj");
    // Either analysis of reported speech links the two clauses.
    let linked = said.head().map(|h| h.i()) == Some(marked.i())
        || marked.head().map(|h| h.i()) == Some(said.i());
    assert!(linked, "said and marked are linked");
    assert_eq!(find(&doc, "Maio").upos(), Upos::Propn);
}

#[test]
fn unusual_input_gives_well_formed_documents() {
    let long = "word ".repeat(3000);
    let texts = [
        "",
        "   \n\n  ",
        "…",
        "😀 🇺🇦!!",
        "東京は大きい。",
        "a",
        "''",
        "((((",
        "U.S.",
        "http://x.y/ .",
        "-- -- --",
        "a\u{0}b c\u{200b}d",
        long.as_str(),
    ];
    for text in texts {
        let doc = analyzer().analyze(text);
        assert_eq!(doc.text(), text);
        let mut covered = 0;
        for s in doc.sentences() {
            assert_eq!(
                s.tokens().filter(|t| t.head().is_none()).count(),
                1,
                "{text:?}"
            );
            covered += s.token_range().len();
        }
        assert_eq!(
            covered,
            doc.len(),
            "every token is in one sentence: {text:?}"
        );
        for t in doc.tokens() {
            assert_eq!(&text[t.span()], t.text());
            assert!(!t.text().trim().is_empty(), "{text:?}");
            if let Some(h) = t.head() {
                assert_eq!(h.sentence(), t.sentence());
            }
        }
    }
}

#[test]
fn treebank_conventions_for_contractions_numbers_and_addresses() {
    let cases: [(&str, &[&str]); 6] = [
        ("I cannot go", &["I", "can", "not", "go"]),
        (
            "you dont know its name",
            &["you", "do", "nt", "know", "its", "name"],
        ),
        (
            "won 5-3 on 2-4 May",
            &["won", "5", "-", "3", "on", "2", "-", "4", "May"],
        ),
        ("call 713-853-3989 now", &["call", "713-853-3989", "now"]),
        (
            "lost -6,363,217 -$ 55",
            &["lost", "-6,363,217", "-", "$", "55"],
        ),
        (
            "<vijay@funb.com> wrote",
            &["<", "vijay@funb.com", ">", "wrote"],
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(words(&analyzer().analyze(text)), expected, "{text}");
    }
}

#[test]
fn analyzer_is_shared_across_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Analyzer>();
    let a = analyzer();
    let counts: Vec<usize> = std::thread::scope(|s| {
        let handles: Vec<_> = ["Poland expelled 45 diplomats.", "Moscow vowed to respond."]
            .into_iter()
            .map(|t| s.spawn(move || a.analyze(t).len()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(counts, [5, 5]);
}

#[test]
fn every_relation_of_the_model_is_a_known_deprel() {
    // Code compares `Token::rel()` with `Deprel` values: a label outside the type would read as
    // its universal part and silently stop matching its subtype.
    for name in analyzer().relation_names() {
        let rel = Deprel::from_name(name).unwrap_or_else(|| panic!("unknown relation {name}"));
        assert_eq!(rel.to_string(), *name);
    }
}
