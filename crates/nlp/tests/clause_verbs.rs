//! A verb of news English that the tagger read as another part of speech between its subject
//! or modal and its object (`repair_clause.rs`): the adverb after a modal before an object
//! ("will back a "yes" vote") and the participle between a clause's subject and an object
//! ("the party challenged Mr Kilroy-Silk to stand down") are verbs; an adverb that is one
//! ("came back", "will back down", "would rather") and a participle of a reduced relative
//! ("an ex-pat called Thomas Eyton", "Taliban ruled Afghanistan has been ...") keep their class.

mod common;
use common::{analyzer, find};

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
        let doc = analyzer().analyze(text);
        let v = find(&doc, verb);
        assert_eq!(v.xpos(), "VBD", "{verb} in {text:?}");
        assert_eq!(v.deprel(), "root", "{verb} in {text:?}");
        let o = find(&doc, object);
        assert_eq!(
            o.head().map(|h| h.text()),
            Some(verb),
            "{object} in {text:?}"
        );
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
