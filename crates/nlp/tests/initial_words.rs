//! A capitalised first word that the tagger read as a command or a verb ("Labour", "Demand",
//! "Shadow") is a noun where the sentence, re-tagged with it a noun, reads as a subject and
//! its verb, or as a subject with a "that" clause of its own ("Reports that ... were
//! denied"); a sentence that really begins with a command keeps its verb.

mod common;
use common::{analyzer, find};

#[test]
fn a_first_word_before_its_verb_is_the_subject() {
    let cases = [
        (
            "Labour hit back at the Tory proposals on Tuesday.",
            "Labour",
            "hit",
        ),
        (
            "Shadow home secretary David Davis welcomed his \"gracious apology\" and the review itself.",
            "Shadow",
            "welcomed",
        ),
        ("Demand for the shares was strong.", "Demand", "strong"),
        (
            "Sound management of the cash could cut poverty.",
            "Sound",
            "cut",
        ),
    ];
    for (text, first, root) in cases {
        let doc = analyzer().analyze(text);
        let w = find(&doc, first);
        assert_ne!(w.upos().as_str(), "VERB", "{first} in {text:?}");
        let r = find(&doc, root);
        assert_eq!(r.deprel(), "root", "{root} in {text:?}");
    }
    let doc = analyzer().analyze("Labour hit back at the Tory proposals on Tuesday.");
    assert_eq!(find(&doc, "hit").xpos(), "VBD");
    assert_eq!(find(&doc, "Labour").deprel(), "nsubj");
}

/// Commands keep their verb: "Remember that ...", "Call a vet if ...", and a first word that
/// is a noun already stays one ("Labour laboured").
#[test]
fn commands_keep_their_verb() {
    let cases = [
        ("Remember that the occupation is temporary.", "Remember"),
        ("Call a vet if the dog is sick.", "Call"),
        ("Ask the minister what she plans to do.", "Ask"),
        ("Stop the war now.", "Stop"),
    ];
    for (text, first) in cases {
        let doc = analyzer().analyze(text);
        let w = find(&doc, first);
        assert_eq!(w.upos().as_str(), "VERB", "{first} in {text:?}");
        assert_eq!(w.deprel(), "root", "{first} in {text:?}");
    }
    let doc = analyzer().analyze("Labour laboured to win back voters.");
    assert_eq!(find(&doc, "laboured").deprel(), "root");
    assert_eq!(find(&doc, "Labour").deprel(), "nsubj");
}

/// A first word tagged VBZ before "that" ("Reports that ...") is a plural noun where two
/// finite verbs follow: its clause's and its own.
#[test]
fn a_first_noun_with_a_that_clause_is_the_subject() {
    let cases = [
        (
            "Reports that Jack Straw will visit Tehran were denied by his office.",
            "Reports",
            "denied",
        ),
        (
            "Hopes that Tony Blair would back the plan were dashed on Monday.",
            "Hopes",
            "dashed",
        ),
        (
            "Hopes that Tony Blair would visit the region have faded.",
            "Hopes",
            "faded",
        ),
    ];
    for (text, noun, verb) in cases {
        let doc = analyzer().analyze(text);
        let n = find(&doc, noun);
        assert_eq!(n.xpos(), "NNS", "{noun} in {text:?}");
        assert_eq!(n.head().map(|h| h.text()), Some(verb), "{noun} in {text:?}");
    }
}

/// A third-person verb with no noun reading keeps its class before "that".
#[test]
fn a_first_verb_before_that_stays_a_verb() {
    let cases = [
        "Seems that the shops are busy again and prices are rising.",
        "Says that he is tired and wants to go home.",
        "Explains that the council has no money and cannot help.",
    ];
    for text in cases {
        let doc = analyzer().analyze(text);
        let first = doc.tokens().next().expect("a word");
        assert_eq!(first.xpos(), "VBZ", "{text:?}");
    }
}
