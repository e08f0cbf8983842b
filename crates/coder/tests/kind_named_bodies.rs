//! Organisations whose names the dictionaries read only as kinds of body with no state ("the
//! Green Party": a green party, NGO, no state), and the head words and modifiers of
//! data/coder/name-heads.tsv ("Society", "Trust"; "Building" makes a business). Sentences
//! written for these tests.

use attache_event::Event;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, chrono::NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// A British political report around `sentence`.
fn british(sentence: &str) -> String {
    format!(
        "British ministers met in London on Monday to discuss the plan for Britain's railways. \
         {sentence} The government said the plan would be published in the spring."
    )
}

/// The (country, sector) of the actor of the event `trigger` names, if any.
fn placed(sentence: &str, trigger: &str) -> Option<(Option<String>, Option<String>)> {
    let events = code(&british(sentence));
    let rows = common::actor_rows(&events);
    rows.into_iter()
        .find(|r| r.0 == trigger)
        .map(|r| (r.2, r.3))
}

fn gbr(sector: &str) -> Option<(Option<String>, Option<String>)> {
    Some((Some("GBR".into()), Some(sector.into())))
}

#[test]
fn a_party_the_dictionaries_read_as_a_kind_is_the_reports_party() {
    assert_eq!(
        placed(
            "The Green Party condemned the Prime Minister over the war.",
            "condemned"
        ),
        gbr("PTY")
    );
    assert_eq!(
        placed(
            "The Green Party urged ministers to scrap the new motorway.",
            "urged"
        ),
        gbr("PTY")
    );
}

#[test]
fn societies_and_trusts_are_campaign_groups() {
    assert_eq!(
        placed(
            "The Law Society accused the Home Secretary of an abuse of power.",
            "accused"
        ),
        gbr("NGO")
    );
    assert_eq!(
        placed(
            "The Energy Savings Trust urged ministers to spend more on insulation.",
            "urged"
        ),
        gbr("NGO")
    );
}

#[test]
fn a_modifier_before_the_head_makes_a_business() {
    assert_eq!(
        placed(
            "Britannia Building Society urged the chancellor to act on house prices.",
            "urged"
        ),
        gbr("BUS")
    );
}

#[test]
fn an_authority_is_a_public_body() {
    assert_eq!(
        placed(
            "The Football Licensing Authority warned ministers that the grounds were unsafe.",
            "warned"
        ),
        gbr("GOV")
    );
}

#[test]
fn a_title_or_a_companys_committee_is_no_body_of_the_state() {
    // "chief executive" is a person's office, never the Scottish Executive.
    for (sentence, trigger) in [
        (
            "The Chief Executive accused ministers of ignoring the figures.",
            "accused",
        ),
        (
            "The chief executive of the railway criticised the government's plans.",
            "criticised",
        ),
        (
            "The Executive Committee of the bank rejected the offer from ministers.",
            "rejected",
        ),
    ] {
        let got = placed(sentence, trigger);
        assert!(
            got.as_ref()
                .is_none_or(|(_, s)| s.as_deref() != Some("GOV")),
            "{sentence}: {got:?}"
        );
    }
}

/// A name the recogniser finds no mention in is still a body when its last word is a head
/// word name-heads.tsv lists; a name ending in an unlisted word is not read so.
#[test]
fn a_name_ending_in_a_listed_head_word_is_a_body() {
    assert_eq!(
        placed(
            "The Woodland Trust urged ministers to protect ancient forests.",
            "urged"
        ),
        gbr("NGO")
    );
    assert_eq!(
        placed(
            "The Rural Payments Agency accused ministers of ignoring farmers.",
            "accused"
        ),
        gbr("GOV")
    );
    assert_eq!(
        placed(
            "The Greater Manchester Police Authority accused ministers of cutting funds.",
            "accused"
        ),
        gbr("GOV")
    );
    assert_eq!(
        placed(
            "The Woodland Group urged ministers to protect ancient forests.",
            "urged"
        ),
        None
    );
}

/// A director or chairman of a body speaks for it (words.tsv `part_noun`), with or without
/// the person's name set off after the title; a director of a film is no actor.
#[test]
fn a_director_or_chairman_of_a_body_acts_for_it() {
    assert_eq!(
        placed(
            "The director of the Confederation of British Industry accused ministers of neglecting business.",
            "accused"
        ),
        gbr("BUS")
    );
    assert_eq!(
        placed(
            "The chairman of the British Medical Association, John Smith, accused ministers of ignoring doctors.",
            "accused"
        ),
        gbr("LAB")
    );
    assert_eq!(
        placed(
            "The chairman of the Electoral Commission urged ministers to act.",
            "urged"
        ),
        gbr("GOV")
    );
    assert_eq!(
        placed(
            "The director of the film accused critics of bias.",
            "accused"
        ),
        None
    );
}
