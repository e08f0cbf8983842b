//! Precision on news the political dev sets do not cover (issue 11): sport reports and sport
//! sentences (words.tsv `sport_word`, crates/coder/src/genre.rs), sectors of actor that do not
//! attack, coerce or retreat and what firms and the media do among themselves
//! (data/coder/actor-sectors.tsv), a UK office title's country (data/lexicon/roles.tsv), a
//! medium told something, the purpose of a possible act, and blaming a cause
//! (data/coder/senses.tsv). Every sentence is written for these tests.

use attache_event::{EventCategory as C, Modality};

mod common;

use common::{actor_of, code_on, coded};

fn code(text: &str) -> Vec<attache_event::Event> {
    code_on(text, None)
}

#[test]
fn a_national_team_in_a_sport_sentence_is_no_state() {
    common::assert_none_coded(
        &[
            (
                "Now the Scots travel to Cardiff hoping to win their first away match of the championship.",
                C::Consult,
            ),
            (
                "England's rugby squad arrived in Paris on Thursday ahead of the Six Nations match, and the French welcomed the visitors.",
                C::Support,
            ),
        ],
        code,
    );
    // The same journey by a head of state is a visit.
    let events = code(
        "The French president travels to Dublin for talks with the Irish prime minister on Saturday.",
    );
    assert!(events.iter().any(|e| e.event == C::Consult), "{events:#?}");
}

#[test]
fn players_and_clubs_of_a_sport_report_are_no_political_actors() {
    for text in [
        "Rangers striker Nacho Novo has rejected a move to Celtic after falling out with his manager. \
         The Spanish striker accused the club of lying to him about his contract. Celtic said they \
         had offered the forward a new deal. Novo's agent travelled to Madrid to hold talks with Real \
         about a move. The Spaniard praised the Rangers fans and said he wanted to stay in the league.",
        "Tennis Australia rejected criticism of the Melbourne courts by the former champion. The \
         Australian demanded that the surface be made faster before next year's tournament.",
    ] {
        let events = code(text);
        assert!(events.is_empty(), "{text}: {events:#?}");
    }
}

#[test]
fn a_minister_in_a_sport_report_still_acts() {
    let events = code(
        "Italy's interior minister accused the football federation of ignoring violence at the \
         stadium. The league's champions face Roma in the cup on Sunday, and the striker scored \
         twice in the last match. The referee sent off two players.",
    );
    assert_eq!(
        actor_of(&events, "accused"),
        coded("ITA", "GOV"),
        "{events:#?}"
    );
}

#[test]
fn a_uk_office_title_is_of_the_uk_unless_the_phrase_names_another_state() {
    let events = code(
        "India and Pakistan agreed to open a new rail link across the border. Foreign Secretary \
         Jack Straw praised the agreement between India and Pakistan during a visit to Delhi. \
         Indian officials said the link would open in April, and Pakistani officials agreed.",
    );
    assert_eq!(
        actor_of(&events, "praised"),
        coded("GBR", "GOV"),
        "{events:#?}"
    );
    let events =
        code("Indian Foreign Secretary Shyam Saran praised the agreement with Pakistan on Monday.");
    assert_eq!(
        actor_of(&events, "praised"),
        coded("IND", "GOV"),
        "{events:#?}"
    );
}

#[test]
fn a_medium_told_something_is_a_listener_not_a_recipient() {
    for (text, category) in [
        (
            "Chancellor Gordon Brown defended his spending plans on Monday. He told BBC Radio 4's \
             Today programme: \"No minister should promise tax cuts that the country cannot afford.\"",
            C::Request,
        ),
        (
            "Tory leader Michael Howard spoke on Thursday. He told BBC Radio 4's Today programme Mr \
             Blair had broken his promise on tax.",
            C::Accuse,
        ),
    ] {
        let events = code(text);
        let e = events
            .iter()
            .find(|e| e.event == category)
            .unwrap_or_else(|| panic!("{text}: no {category:?} in {events:#?}"));
        assert!(
            e.recipients
                .iter()
                .all(|r| r.sector.as_deref() != Some("MED")),
            "{text}: {:#?}",
            e.recipients
        );
    }
}

#[test]
fn the_purpose_of_a_possible_act_and_an_open_question_are_hypothetical() {
    for (text, category) in [
        (
            "The missiles could be used by North Korea to threaten Japan, officials said.",
            C::Threaten,
        ),
        (
            "It was not clear whether the Liberal Democrats would support the bill.",
            C::Support,
        ),
    ] {
        let events = code(text);
        let e = events.iter().find(|e| e.event == category);
        assert!(
            e.is_some_and(|e| e.modality == Modality::Hypothetical),
            "{text}: {events:#?}"
        );
        assert!(
            events.iter().all(|e| e.modality != Modality::Asserted),
            "{text}: {events:#?}"
        );
    }
}

#[test]
fn firms_the_media_and_actors_neither_attack_nor_retreat() {
    common::assert_none_coded(
        &[
            (
                "Defences are being put in place by some of Britain's biggest internet firms to stop these attacks.",
                C::Retreat,
            ),
            (
                "The US company said profits fell. Its withdrawal from the $400m contract in June is thought to be the largest cancellation so far.",
                C::Retreat,
            ),
            (
                "The American actor had been shooting a new film in Rome when he fell ill.",
                C::Assault,
            ),
            (
                "The Japanese company invited anyone who had doubts about their copy of the software to send it for testing.",
                C::Agree,
            ),
        ],
        code,
    );
    let events = code("Russian troops withdrew from the town on Monday.");
    assert!(events.iter().any(|e| e.event == C::Retreat), "{events:#?}");
}

#[test]
fn blaming_a_cause_is_no_accusation() {
    common::assert_none_coded(
        &[
            (
                "The Dutch airline blamed higher fuel prices and a weaker dollar for its losses.",
                C::Accuse,
            ),
            (
                "The German carmaker said profits fell. It blamed weak demand in Asia.",
                C::Accuse,
            ),
        ],
        code,
    );
    let events = code("Pakistan's president blamed the rebels for the attack.");
    assert!(events.iter().any(|e| e.event == C::Accuse), "{events:#?}");
}
