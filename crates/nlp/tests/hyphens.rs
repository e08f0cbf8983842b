//! A hyphen written inside a word is HYPH, as in both treebanks; after a name, the
//! capitalised word it joins is part of the name ("Robert Kilroy-Silk"), where an adjective
//! ("Franco-German") or a lower-case word ("Paris-based") keeps its class.

mod common;
use common::{analyzer, find};

fn hyphens(doc: &attache_nlp::Doc) -> Vec<String> {
    doc.tokens()
        .filter(|t| t.text() == "-")
        .map(|t| t.xpos().to_string())
        .collect()
}

#[test]
fn a_hyphenated_name_is_one_name() {
    let text = "Ex-chat show host Robert Kilroy-Silk has quit the party.";
    let doc = analyzer().analyze(text);
    assert_eq!(hyphens(&doc), ["HYPH", "HYPH"]);
    let silk = find(&doc, "Silk");
    assert_eq!(silk.xpos(), "NNP");
    assert_eq!(silk.deprel(), "flat");
    assert_eq!(find(&doc, "host").deprel(), "nsubj");
}

#[test]
fn inner_hyphens_keep_the_words_classes_and_a_spaced_dash_is_no_hyphen() {
    let doc = analyzer().analyze("A Paris-based group of Franco-German investors bought the firm.");
    assert_eq!(hyphens(&doc), ["HYPH", "HYPH"]);
    assert_eq!(find(&doc, "based").xpos(), "VBN");
    assert_eq!(find(&doc, "German").xpos(), "JJ");
    let doc = analyzer().analyze("Shares fell 5% - the lowest level since 1990.");
    assert_ne!(hyphens(&doc), ["HYPH"]);
}
