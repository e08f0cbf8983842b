//! The word after a modal (past adverbs and quote marks) is its verb where the tagger made it
//! a noun or adjective and the verb came close: 'would "cut" £35bn'. A noun that is a
//! subject ("the cut in taxes would help", "Can poverty ... be halved?") and an adjective
//! after the verb ("will close next week") keep their class.

mod common;
use common::{analyzer, find};

#[test]
fn the_word_after_a_modal_is_its_verb() {
    let cases = [
        (
            "Tony Blair claimed a Tory government would \"cut\" £35bn from public services.",
            "cut",
            "claimed",
        ),
        (
            "The firm said the deal should \"significantly uplift\" earnings.",
            "uplift",
            "said",
        ),
    ];
    for (text, verb, head) in cases {
        let doc = analyzer().analyze(text);
        let v = find(&doc, verb);
        assert_eq!(v.xpos(), "VB", "{verb} in {text:?}");
        assert_eq!(v.deprel(), "ccomp", "{verb} in {text:?}");
        assert_eq!(v.head().map(|h| h.text()), Some(head), "{verb} in {text:?}");
    }
}

#[test]
fn nouns_and_adjectives_near_a_modal_keep_their_class() {
    let cases = [
        (
            "The Tories promised the cut in taxes would help families.",
            "cut",
            "NN",
        ),
        ("Can poverty in Africa really be halved?", "poverty", "NN"),
        ("The consultation will close next week.", "next", "JJ"),
    ];
    for (text, word, xpos) in cases {
        let doc = analyzer().analyze(text);
        assert_eq!(find(&doc, word).xpos(), xpos, "{word} in {text:?}");
    }
}
