//! Actors a sentence refers to instead of naming them: "he" for the person named last (none
//! when two people of other countries or sectors were named together), "we" and "I" of a
//! quotation for its speaker (in the same sentence or an earlier one of the same quotation),
//! "the chancellor" and "the party" for the actor the document gave that role. Sentences from
//! BBC News (2004-05) and PLOVER-style reports.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2004, 12, 13))
}

#[test]
fn he_is_the_person_whose_role_was_given_two_sentences_earlier() {
    let text = "On Monday Lib Dem constitutional affairs committee chairman Alan Beith warned \
        that the deletion of millions of government e-mails could harm the ability of key \
        probes like the Hutton Inquiry. The timing of the new rules was \"too unlikely to have \
        been a coincidence\", the committee said. He urged the information commissioner to \
        look at how the \"e-mail regime\" could \"support the freedom of information regime\".";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "urged"),
        coded("GBR", "OPP"),
        "{events:#?}"
    );
}

#[test]
fn he_after_two_people_of_other_countries_is_no_one() {
    let text = "In October, Mr Straw and his Spanish counterpart Miguel Moratinos agreed to \
        establish a body that would give Gibraltarians a voice in their future. He condemned \
        the attack on the Rock.";
    let events = code(text);
    assert_eq!(actor_of(&events, "condemned"), None, "{events:#?}");
}

#[test]
fn he_after_a_person_the_report_says_nothing_about_is_no_one() {
    // Mr Collingwood (a name no dictionary knows), named again after Mr Clarke, is given no
    // role: "he" may be either. (The test named Jack Straw until persons.tsv gave him his
    // office: a pronoun after two people of one country and sector takes theirs.)
    let text = "Peter Collingwood has attacked the decision by Britain's highest court. New Home \
        Secretary Charles Clarke vowed the nine men would remain in prison. But Mr Collingwood denied \
        it amounted to a \"constitutional crisis\". He accused the law lords of ignoring the \
        threat.";
    let events = code(text);
    assert_eq!(actor_of(&events, "accused"), None, "{events:#?}");
}

#[test]
fn the_chancellor_is_the_one_the_report_named_chancellor() {
    let text = "The UK chancellor predicted a vaccine could be found by 2012. The chancellor \
        called on rich nations to fund the plan.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "called"),
        coded("GBR", "GOV"),
        "{events:#?}"
    );
    // Named nowhere before, "the chancellor" is no one.
    let alone = code("The chancellor called on rich nations to fund the plan.");
    assert_eq!(actor_of(&alone, "called"), None, "{alone:#?}");
}

#[test]
fn the_president_of_a_state_is_no_earlier_president() {
    // "the president of Georgia" says whose president: not the president named before.
    let text = "President Vladimir Putin spoke in Moscow on Monday. He offered to negotiate \
        with the president of Georgia over South Ossetia.";
    let events = code(text);
    let recipients: Vec<_> = events
        .iter()
        .flat_map(|e| e.recipients.iter())
        .filter_map(|r| r.country.clone())
        .collect();
    assert!(!recipients.contains(&"RUS".to_string()), "{events:#?}");
}

#[test]
fn the_party_is_the_party_named_before() {
    let text = "The Conservatives published their manifesto on Monday. The party accused the \
        government of breaking its promises on tax.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "accused"),
        coded("GBR", "OPP"),
        "{events:#?}"
    );
}

#[test]
fn we_in_a_quotation_is_its_speaker() {
    // The speaker is a pronoun after the quotation, for the person named before.
    let text = "Tory leader Michael Howard spoke in Manchester on Monday. \"We condemn the \
        decision to release the men,\" he said.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "condemn"),
        coded("GBR", "OPP"),
        "{events:#?}"
    );
    // The quotation goes on in a sentence of its own.
    let text = "Tory leader Michael Howard said: \"The men are dangerous. We condemn the \
        decision to release them.\"";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "condemn"),
        coded("GBR", "OPP"),
        "{events:#?}"
    );
    // Outside a quotation, "we" is no one.
    let text = "Tory leader Michael Howard spoke in Manchester on Monday. We condemn the \
        decision to release the men.";
    let events = code(text);
    assert_eq!(actor_of(&events, "condemn"), None, "{events:#?}");
}

#[test]
fn a_long_title_before_a_name_gives_the_person() {
    let text = "Chairman of the Senate Armed Services Committee John McCain urged Russia to \
        withdraw its troops.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "urged"),
        coded("USA", "LEG"),
        "{events:#?}"
    );
}

#[test]
fn he_is_a_person_not_the_state_the_parse_made_the_speaker() {
    // The parse hangs "Mr Hain" on "cautious" and leaves "said" without a subject: the
    // subject it climbs to is Britain, which "he" cannot be.
    let text = "Welsh Secretary Peter Hain visited Cardiff on Monday. Britain has been more \
        cautious but Mr Hain last week said he also wanted it to end, despite French objections.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "wanted"),
        coded("GBR", "GOV"),
        "{events:#?}"
    );
    // With no person the report places, "he" is no one (not Britain).
    let alone = code(
        "Britain has been more cautious but Mr Hain last week said he also wanted it to end, \
         despite French objections.",
    );
    assert_eq!(actor_of(&alone, "wanted"), None, "{alone:#?}");
}

#[test]
fn the_electoral_commission_is_the_home_countrys() {
    // A state body named only by its office takes the report's home country (its dateline's).
    let text = "LONDON (Reuters) - The Electoral Commission urged political parties to seek out \
        more small-scale donations.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "urged"),
        coded("GBR", "GOV"),
        "{events:#?}"
    );
    // With no home country it is no one's.
    let alone = code(
        "The Electoral Commission urged political parties to seek out more small-scale \
         donations.",
    );
    assert_eq!(actor_of(&alone, "urged"), None, "{alone:#?}");
}
