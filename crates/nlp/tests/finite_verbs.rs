//! A sentence with a subject that ends in a full stop has a finite verb: where the greedy
//! tagger gave it none (a participle, noun or adjective in the verb's place), the closest
//! candidate becomes the verb, and the parser hangs the sentence on it.

mod common;
use common::{analyzer, assert_root_verb_heads, find};

#[test]
fn a_sentence_without_a_finite_verb_gets_one() {
    let cases = [
        ("The two leaders held talks in Paris.", "held", "talks"),
        (
            "The bank also blamed weaker demand for the fall.",
            "blamed",
            "demand",
        ),
    ];
    for (text, verb, dependent) in cases {
        let doc = analyzer().analyze(text);
        let v = find(&doc, verb);
        assert_eq!(v.upos().as_str(), "VERB", "{verb} in {text:?}");
        assert!(
            matches!(v.xpos(), "VBD" | "VBP" | "VBZ"),
            "{verb} in {text:?}: {}",
            v.xpos()
        );
        assert_eq!(v.deprel(), "root", "{verb} in {text:?}");
        let d = find(&doc, dependent);
        assert_eq!(
            d.head().map(|h| h.text()),
            Some(verb),
            "{dependent} in {text:?}"
        );
    }
}

/// A finite verb inside a relative clause set off by commas is not the sentence's: the main
/// verb after the clause, which the tagger made a participle, becomes the verb.
#[test]
fn a_relative_clause_does_not_lend_its_verb() {
    let cases = [
        (
            "The earthquake, which struck on Sunday, destroyed villages in Sri Lanka.",
            "destroyed",
            "villages",
        ),
        (
            "The Glasgow MP, who was expelled from Labour over the war, accused Ms King of lying.",
            "accused",
            "MP",
        ),
    ];
    for (text, verb, dependent) in cases {
        let doc = analyzer().analyze(text);
        let v = find(&doc, verb);
        assert!(
            matches!(v.xpos(), "VBD" | "VBP" | "VBZ"),
            "{verb} in {text:?}: {}",
            v.xpos()
        );
        assert_eq!(v.deprel(), "root", "{verb} in {text:?}");
        assert_eq!(
            find(&doc, dependent).head().map(|h| h.text()),
            Some(verb),
            "{dependent} in {text:?}"
        );
    }
    // The sentence's own verb before the clause stays, and the clause keeps its verb.
    let doc = analyzer().analyze("Police arrested the men, who were released on bail.");
    assert_eq!(find(&doc, "arrested").deprel(), "root");
    assert_eq!(find(&doc, "released").xpos(), "VBN");
}

/// Lists, captions and fragments with no word close to a verb keep their tags.
#[test]
fn fragments_without_a_verb_are_left_alone() {
    let cases = [
        ("Smith, Jones, Brown (Taylor 45), Wilson, Evans.", "Wilson"),
        ("A view of the harbour at dusk.", "view"),
        ("Twelve injured, two seriously.", "injured"),
    ];
    for (text, word) in cases {
        let doc = analyzer().analyze(text);
        assert!(
            !matches!(find(&doc, word).xpos(), "VBD" | "VBP" | "VBZ"),
            "{word} in {text:?}: {}",
            find(&doc, word).xpos()
        );
    }
}

/// A verb the tagger never saw, after a plural subject and before its object, is a verb when
/// training knows the word only as the lemma of verb forms ("accused", "accuses").
#[test]
fn unseen_verb_after_a_plural_subject() {
    let cases = [
        (
            "The Lib Dems accuse Mr Howard of scaremongering.",
            "accuse",
            "Howard",
        ),
        (
            "The Greens accuse Ms Kelly of ignoring the report.",
            "accuse",
            "Kelly",
        ),
    ];
    for (text, verb, object) in cases {
        let doc = assert_root_verb_heads(text, verb, "VBP", object);
        assert_eq!(find(&doc, object).deprel(), "obj", "{object} in {text:?}");
    }
    // A name after a preposition is no subject: "substitute" stays a noun.
    let doc = analyzer().analyze("A header by Rovers substitute Ian Smith won the game.");
    assert_eq!(find(&doc, "substitute").upos().as_str(), "NOUN");
}

/// "to" and a bare verb do not give a sentence its verb: "vow" before "to fight" can still be.
#[test]
fn a_verb_after_to_is_not_the_sentence_verb() {
    let doc = analyzer().analyze("The Lib Dems vow to fight on.");
    let v = find(&doc, "vow");
    assert_eq!(v.upos().as_str(), "VERB");
    assert_eq!(v.deprel(), "root");
}
