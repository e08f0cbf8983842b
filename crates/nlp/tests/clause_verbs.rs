//! A verb of news English that the tagger read as another part of speech between its subject
//! or modal and its object (`repair_clause.rs`): the adverb after a modal before an object
//! ("will back a "yes" vote") and the participle between a clause's subject and an object
//! ("the party challenged Mr Kilroy-Silk to stand down") are verbs; an adverb that is one
//! ("came back", "will back down", "would rather") and a participle of a reduced relative
//! ("an ex-pat called Thomas Eyton", "Taliban ruled Afghanistan has been ...") keep their class.
//! A verb-tagged word between two nouns of an object is a noun ("dismissed the maternity pay
//! plan"); a verb after a plural subject ("the problems families face today") stays one.

mod common;
use common::{analyzer, assert_root_verb_heads, find};

#[test]
fn an_adverb_between_a_modal_and_an_object_is_its_verb() {
    let cases = [
        (
            "Mr Straw, along with the rest of the Cabinet, will back a \"yes\" vote.",
            "back",
            None,
        ),
        (
            "He also thinks women will back plans to end university tuition fees.",
            "back",
            Some("thinks"),
        ),
        (
            "Michael Howard said he would not back the Home Secretary's plans.",
            "back",
            Some("said"),
        ),
    ];
    for (text, verb, head) in cases {
        let doc = analyzer().analyze(text);
        let v = find(&doc, verb);
        assert_eq!(v.xpos(), "VB", "{verb} in {text:?}");
        assert_eq!(v.head().map(|h| h.text()), head, "{verb} in {text:?}");
    }
}

#[test]
fn adverbs_that_are_adverbs_keep_their_class() {
    let cases = [
        ("The minister came back the next day.", "back"),
        (
            "The rebels said they would rather the talks continued.",
            "rather",
        ),
        ("They will back down.", "back"),
        ("You may as well pile on more pressure.", "well"),
    ];
    for (text, word) in cases {
        let doc = analyzer().analyze(text);
        assert_ne!(find(&doc, word).xpos(), "VB", "{word} in {text:?}");
    }
}

#[test]
fn a_participle_between_a_subject_and_an_object_is_a_past_verb() {
    let cases = [
        (
            "On Thursday, the party challenged Mr Kilroy-Silk to stand down as an MEP.",
            "challenged",
            "Silk",
        ),
        (
            "The Tory co-chairman attacked Labour's six new pledges.",
            "attacked",
            "pledges",
        ),
        (
            "Consumer spending fuelled France's economic growth.",
            "fuelled",
            "growth",
        ),
    ];
    for (text, verb, object) in cases {
        assert_root_verb_heads(text, verb, "VBD", object);
    }
}

#[test]
fn participles_of_reduced_relatives_keep_their_class() {
    let cases = [
        (
            "Warbrick and an English ex-pat called Thomas Eyton decided to act.",
            "called",
        ),
        (
            "Taliban ruled Afghanistan has been sharing expertise with the rebels.",
            "ruled",
        ),
        (
            "A group called the Campaign for Reform has been set up.",
            "called",
        ),
        ("The broken window was repaired.", "broken"),
    ];
    for (text, word) in cases {
        let doc = analyzer().analyze(text);
        assert_ne!(find(&doc, word).xpos(), "VBD", "{word} in {text:?}");
    }
}

#[test]
fn a_verb_between_two_nouns_of_an_object_is_a_noun() {
    let cases = [
        (
            "The Tories dismissed the maternity pay plan as \"desperate\".",
            "pay",
            "plan",
            "dismissed",
        ),
        (
            "The pilots rejected a 32% pay cut.",
            "pay",
            "cut",
            "rejected",
        ),
    ];
    for (text, word, head, verb) in cases {
        let doc = analyzer().analyze(text);
        let w = find(&doc, word);
        assert_eq!(w.xpos(), "NN", "{word} in {text:?}");
        assert_eq!(w.head().map(|h| h.text()), Some(head), "{word} in {text:?}");
        let h = find(&doc, head);
        assert_eq!(h.deprel(), "obj", "{head} in {text:?}");
        assert_eq!(h.head().map(|h| h.text()), Some(verb), "{head} in {text:?}");
    }
}

#[test]
fn a_verb_after_a_plural_or_before_a_determiner_stays_a_verb() {
    let cases = [
        (
            "Labour failed to tackle the problems families face today.",
            "face",
        ),
        (
            "The firm said the workers pay the price for the cuts.",
            "pay",
        ),
    ];
    for (text, word) in cases {
        let doc = analyzer().analyze(text);
        assert!(
            find(&doc, word).xpos().starts_with("VB"),
            "{word} in {text:?}"
        );
    }
}
