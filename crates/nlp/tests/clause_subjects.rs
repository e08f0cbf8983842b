//! A subjectless finite verb gets the subject the parser hung on a phrase before it
//! (`repair_subject.rs`): the noun after a clause-opening "after"/"before"/"since"; a verb
//! with its own subject keeps it; a noun phrase hung as an apposition on a fronted time
//! phrase ("In March the Court of Appeal, ..., rejected") is its verb's subject.

mod common;
use common::{analyzer, assert_subject, find};

#[test]
fn the_noun_after_a_clause_opening_preposition_is_its_verbs_subject() {
    for (text, subject, verb) in [
        (
            "The deal was struck on Sunday night after Norway, one of the largest lenders, finally agreed to it.",
            "Norway",
            "agreed",
        ),
        (
            "Shares in the firm slumped in late trading after Brazil, the biggest buyer, finally rejected the offer.",
            "Brazil",
            "rejected",
        ),
        (
            "The bill was passed in the early hours after Ireland, one of the smallest members, finally signed up to it.",
            "Ireland",
            "signed",
        ),
    ] {
        assert_subject(text, subject, verb);
        let doc = analyzer().analyze(text);
        let v = find(&doc, verb);
        assert_eq!(v.deprel(), "advcl", "{verb} in {text:?}");
    }
}

#[test]
fn a_verb_with_its_own_subject_keeps_it() {
    for (text, subject, verb) in [
        (
            "On Tuesday, the day of the vote, Italian officials criticised the plan.",
            "officials",
            "criticised",
        ),
        (
            "After the vote, Dutch ministers criticised the plan.",
            "ministers",
            "criticised",
        ),
        (
            "Talks before the summit failed to produce a deal.",
            "Talks",
            "failed",
        ),
    ] {
        assert_subject(text, subject, verb);
    }
}

#[test]
fn a_noun_phrase_after_a_fronted_time_phrase_is_its_verbs_subject() {
    for (text, subject, verb, apposition) in [
        (
            "In March the Court of Appeal, the country's second highest court, rejected the claim.",
            "Court",
            "rejected",
            Some("court"),
        ),
        (
            "In January the Bank of England, the UK's central bank, raised interest rates.",
            "Bank",
            "raised",
            Some("bank"),
        ),
        (
            "In October, the Council of Welsh Bishops proposed the closure of three churches.",
            "Council",
            "proposed",
            None,
        ),
    ] {
        assert_subject(text, subject, verb);
        if let Some(apposition) = apposition {
            let doc = analyzer().analyze(text);
            let a = find(&doc, apposition);
            assert_eq!(a.deprel(), "appos", "{apposition} in {text:?}");
            assert_eq!(a.head().map(|h| h.text()), Some(subject), "{text:?}");
        }
    }
}

#[test]
fn a_time_phrases_own_apposition_stays_when_the_verb_has_a_subject() {
    let text = "In May, the month of the election, the ministers met in Paris.";
    assert_subject(text, "ministers", "met");
    let doc = analyzer().analyze(text);
    assert!(
        !find(&doc, "month").deprel().starts_with("nsubj"),
        "{text:?}"
    );
}
