//! The subject of a complement clause that the parser hung on the verb of saying as its object
//! (`repair_tree.rs`): 'claimed a Tory government would "cut" ...' has "government" the
//! subject of "cut"; an object followed by "that", "whether" or a relative clause stays one.

mod common;
use common::{analyzer, find};

#[test]
fn an_object_before_a_finite_complement_is_its_subject() {
    let cases = [
        (
            "Gordon Brown claimed a Conservative government would \"slash\" spending on schools.",
            "slash",
            "claimed",
        ),
        (
            "The Tories claimed a Labour government would \"raise\" taxes.",
            "raise",
            "claimed",
        ),
        (
            "Mr Kennedy claimed a Conservative government would \"scrap\" the scheme.",
            "scrap",
            "claimed",
        ),
    ];
    for (text, verb, saying) in cases {
        let doc = analyzer().analyze(text);
        let s = find(&doc, "government");
        assert_eq!(s.deprel(), "nsubj", "government in {text:?}");
        assert_eq!(
            s.head().map(|h| h.text()),
            Some(verb),
            "government in {text:?}"
        );
        let v = find(&doc, verb);
        assert_eq!(
            v.head().map(|h| h.text()),
            Some(saying),
            "{verb} in {text:?}"
        );
    }
}

#[test]
fn an_object_before_that_or_whether_stays_the_verbs() {
    let cases = [
        (
            "She told the committee that the plan would fail.",
            "committee",
            "told",
        ),
        (
            "They asked the minister whether taxes would rise.",
            "minister",
            "asked",
        ),
        (
            "Police arrested the man who had stolen the car.",
            "man",
            "arrested",
        ),
    ];
    for (text, object, verb) in cases {
        let doc = analyzer().analyze(text);
        let o = find(&doc, object);
        assert_eq!(
            o.head().map(|h| h.text()),
            Some(verb),
            "{object} in {text:?}"
        );
        assert!(!o.deprel().starts_with("nsubj"), "{object} in {text:?}");
    }
}
