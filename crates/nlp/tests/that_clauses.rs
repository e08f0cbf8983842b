//! A clause opened by the subordinator "that" with a subject and no verb up to the sentence's
//! end (`repair_clause.rs`, `verbless_that_clause`): the word after the subject whose finite
//! class came close is the clause's verb ("ruled that the anti-terror measures broke human
//! rights laws", with "broke" a preposition); a clause with a verb of its own keeps its tags.

mod common;
use common::{analyzer, assert_root_verb_heads, find};

#[test]
fn a_that_clause_without_a_verb_gets_one() {
    let cases = [
        (
            "The inquiry concluded that the two firms broke safety rules.",
            "broke",
            "concluded",
            "rules",
        ),
        (
            "Police believe that the gang targeted elderly people.",
            "targeted",
            "believe",
            "people",
        ),
        (
            "Mr Smith said that the banks needed to cut costs.",
            "needed",
            "said",
            "cut",
        ),
    ];
    for (text, verb, governor, dependent) in cases {
        let doc = analyzer().analyze(text);
        let v = find(&doc, verb);
        assert_eq!(v.xpos(), "VBD", "{verb} in {text:?}");
        assert_eq!(
            v.head().map(|h| h.text()),
            Some(governor),
            "{verb} in {text:?}"
        );
        let d = find(&doc, dependent);
        assert_eq!(
            d.head().map(|h| h.text()),
            Some(verb),
            "{dependent} in {text:?}"
        );
    }
    // The governing verb keeps its place.
    assert_root_verb_heads(
        "The inquiry concluded that the two firms broke safety rules.",
        "concluded",
        "VBD",
        "broke",
    );
}

#[test]
fn a_that_clause_with_a_verb_keeps_its_tags() {
    let cases = [
        (
            "The minister said that the talks, which began in May, were over.",
            "talks",
            "NNS",
        ),
        (
            "Analysts said that the strength of the Japanese yen against the euro hurt exports.",
            "yen",
            "NN",
        ),
        (
            "The regulator said that the two carriers shared the route.",
            "carriers",
            "NNS",
        ),
        ("Nobody knew that.", "that", "DT"),
    ];
    for (text, word, xpos) in cases {
        let doc = analyzer().analyze(text);
        assert_eq!(find(&doc, word).xpos(), xpos, "{word} in {text:?}");
    }
}
