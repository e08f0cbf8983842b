//! Quotations a report carries over several paragraphs: each new paragraph of the quotation
//! opens with a quotation mark and the one before is never closed ("... are unfair. \"They
//! will hurt families.\""). Whether a sentence stands inside a quotation, and so whose "we"
//! and "I" are, is read from what each mark is (one after a space opens, one after a word or
//! a stop closes), not from how many marks came before: one reopened quotation must not turn
//! the rest of the report inside out.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 1, 20))
}

#[test]
fn we_in_a_reopened_paragraph_of_a_quotation_is_its_speaker() {
    let text = "Home Secretary Charles Clarke said: \"The law has to change. \"We condemn \
        the attacks on police officers in the city.\"";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "condemn"),
        coded("GBR", "GOV"),
        "{events:#?}"
    );
}

#[test]
fn a_reopened_quotation_leaves_later_quotations_their_speakers() {
    // Three marks before the last sentence: counted, they would put the narrative sentence
    // inside a quotation and the last quotation outside one.
    let text = "Tory leader Michael Howard said: \"The plans are unfair. \"They will hurt \
        families.\" He said the tax would rise next year. \"We condemn the decision to \
        raise it.\"";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "condemn"),
        coded("GBR", "OPP"),
        "{events:#?}"
    );
}

#[test]
fn a_quotation_reopened_after_a_stray_space_is_its_speakers() {
    let text = "TUC general secretary Brendan Barber said the offer was too low. \" We \
        reject the offer and will ballot our members.\"";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "reject"),
        coded("GBR", "LAB"),
        "{events:#?}"
    );
}

#[test]
fn we_after_a_reopened_quotation_has_closed_is_no_one() {
    // The writer's own "we", once the quotation is over, is nobody the report names.
    let text = "Tory leader Michael Howard said: \"The plans are unfair. \"They will hurt \
        families.\" We condemn the decision to close the hospital.";
    let events = code(text);
    assert_eq!(actor_of(&events, "condemn"), None, "{events:#?}");
    let text = "Home Secretary Charles Clarke said: \"The law has to change. \"It is \
        wrong.\" In our view we condemn the attacks on police officers.";
    let events = code(text);
    assert_eq!(actor_of(&events, "condemn"), None, "{events:#?}");
}

#[test]
fn a_quoted_word_closes_its_quotation() {
    // "unfair" quoted in the narrative opens and closes at once: "we" after it is outside.
    let text = "Tory leader Michael Howard called the plans \"unfair\" on Monday. We condemn \
        the decision to close the hospital.";
    let events = code(text);
    assert_eq!(actor_of(&events, "condemn"), None, "{events:#?}");
}
