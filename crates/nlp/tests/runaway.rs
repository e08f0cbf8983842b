//! Bounded work per sentence: text without sentence ends is cut into sentences of at most
//! MAX_SENTENCE_TOKENS tokens, at clause punctuation where there is some.

use attache_nlp::{Analyzer, MAX_SENTENCE_TOKENS};

#[test]
fn a_runaway_sentence_is_cut_into_bounded_pieces_that_cover_it() {
    let analyzer = Analyzer::load_default().expect("shipped model loads");
    let words = ["Italy", "expelled", "30", "Russian", "diplomats", "and"];
    let text: String = (0..20_000)
        .map(|i| words[i % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    let doc = analyzer.analyze(&text);
    assert_eq!(doc.len(), 20_000);
    let mut next = 0;
    for sentence in doc.sentences() {
        let range = sentence.token_range();
        assert_eq!(range.start, next, "sentences leave tokens out");
        assert!(range.len() <= MAX_SENTENCE_TOKENS, "{} tokens", range.len());
        next = range.end;
    }
    assert_eq!(next, doc.len());
    assert!(doc.sentence_count() >= 20_000 / MAX_SENTENCE_TOKENS);
}

#[test]
fn a_long_list_is_cut_after_a_comma() {
    let analyzer = Analyzer::load_default().expect("shipped model loads");
    let text: String = (0..400)
        .map(|i| format!("Italy expelled diplomat {i}, "))
        .collect::<String>()
        + "and Spain expelled 25.";
    let doc = analyzer.analyze(&text);
    let first = doc.sentence(0);
    assert!(first.token_range().len() <= MAX_SENTENCE_TOKENS);
    assert!(
        first.text().ends_with(','),
        "{:?}",
        &first.text()[first.text().len() - 20..]
    );
}

#[test]
fn ordinary_sentences_are_not_cut() {
    let analyzer = Analyzer::load_default().expect("shipped model loads");
    let text = "Italy expelled 30 Russian diplomats on Tuesday. Denmark expelled 15, Sweden 3.";
    assert_eq!(analyzer.analyze(text).sentence_count(), 2);
}

/// A long text analysed in windows gives the tokens, sentences, tags and parse of one whole
/// analysis, with spans into the whole text and sentence indices that run on across windows.
#[test]
fn windows_of_a_long_text_read_as_the_whole_text() {
    let analyzer = Analyzer::load_default().expect("shipped model loads");
    let paragraph = "Italy expelled 30 Russian diplomats on Tuesday, the foreign ministry said. \
                     Denmark followed with 15.\n\nThe U.S. Embassy in Moscow said nothing; \
                     Mr. Lavrov called it \"a mistake\".\n\n";
    let text: String = paragraph.repeat(40);
    let whole = analyzer.analyze(&text);
    let mut next_sentence = 0;
    let mut tokens = whole.tokens();
    let mut windows = 0;
    for doc in analyzer.windows_of(std::sync::Arc::from(text.as_str()), 1000) {
        windows += 1;
        assert_eq!(doc.first_sentence(), next_sentence);
        for s in doc.sentences() {
            let w = whole.sentence(s.index());
            assert_eq!((s.span(), s.text()), (w.span(), w.text()));
            for t in s.tokens() {
                let u = tokens.next().expect("as many tokens");
                assert_eq!(
                    (t.span(), t.xpos(), t.deprel()),
                    (u.span(), u.xpos(), u.deprel())
                );
                assert_eq!(t.head().map(|h| h.span()), u.head().map(|h| h.span()));
            }
        }
        next_sentence += doc.sentence_count();
    }
    assert!(tokens.next().is_none(), "the windows cover every token");
    assert_eq!(next_sentence, whole.sentence_count());
    assert!(windows > 5, "{windows} windows");
}
