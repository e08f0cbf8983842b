//! A time phrase fronted without a comma that the parser ran into the subject's name
//! (`repair_subject/time.rs`, time words from `data/nlp/time-nouns.tsv`): the time word goes
//! back to the verb with its preposition, and the name is the verb's subject.

mod common;
use common::{analyzer, assert_subject, find};

/// Asserts that in `text` the word `subject` is the subject of `verb` and the time word
/// `time` an oblique of `verb`, outside the subject.
fn assert_fronted_time(text: &str, time: &str, subject: &str, verb: &str) {
    assert_subject(text, subject, verb);
    let doc = analyzer().analyze(text);
    let t = find(&doc, time);
    assert!(
        t.deprel().starts_with("obl"),
        "{time} in {text:?}: {}",
        t.deprel()
    );
    assert_eq!(t.head().map(|h| h.text()), Some(verb), "{time} in {text:?}");
}

#[test]
fn a_time_word_run_into_the_subjects_name_goes_back_to_the_verb() {
    for (text, time, subject, verb) in [
        (
            "On Monday Spain expelled two Iranian diplomats.",
            "Monday",
            "Spain",
            "expelled",
        ),
        (
            "On Thursday Foreign Minister Anna Berg condemned the attack.",
            "Thursday",
            "Anna",
            "condemned",
        ),
        (
            "In April Prime Minister Jan Novak dismissed the report.",
            "April",
            "Jan",
            "dismissed",
        ),
        (
            "On Sunday Chilean police arrested three students.",
            "Sunday",
            "police",
            "arrested",
        ),
        (
            "On Saturday thousands of people marched through the capital.",
            "Saturday",
            "thousands",
            "marched",
        ),
    ] {
        assert_fronted_time(text, time, subject, verb);
    }
}

#[test]
fn the_rest_of_the_name_stays_with_the_subject() {
    let text = "On Friday Green Party leader Jo Hall criticised the plan.";
    assert_fronted_time(text, "Friday", "Hall", "criticised");
    let doc = analyzer().analyze(text);
    let on = find(&doc, "On");
    assert_eq!(on.head().map(|h| h.text()), Some("Friday"));
    let green = find(&doc, "Green");
    assert_ne!(green.head().map(|h| h.text()), Some("Friday"), "{text:?}");
}

#[test]
fn a_name_hung_on_a_fronted_time_word_is_the_subject() {
    for (text, time, subject, verb) in [
        (
            "Last week Hungary recalled its ambassador.",
            "week",
            "Hungary",
            "recalled",
        ),
        (
            "This week Norway froze the accounts.",
            "week",
            "Norway",
            "froze",
        ),
        (
            "Next week Spain will host the summit.",
            "week",
            "Spain",
            "host",
        ),
    ] {
        assert_fronted_time(text, time, subject, verb);
    }
}

#[test]
fn a_time_phrase_of_two_words_and_other_names_keep_their_parse() {
    let doc = analyzer().analyze("On Monday morning Germany expelled 40 diplomats.");
    assert_eq!(
        find(&doc, "Monday").head().map(|h| h.text()),
        Some("morning")
    );
    let doc = analyzer().analyze("The May Day rally drew large crowds.");
    assert_eq!(find(&doc, "May").head().map(|h| h.text()), Some("Day"));
    let doc = analyzer().analyze("Last week's vote angered Spain.");
    assert_eq!(find(&doc, "vote").deprel(), "nsubj");
}
