//! Accusations that news tells in a clause rather than with a verb of blame: a ruling or a
//! claim that someone broke a law or a rule ("the court ruled that the ban breached the
//! treaty"), a claim that a rival government or party would cut or scrap something ("claimed
//! the Tories would slash spending"), and an attack in words with a "for" clause of what the
//! attacked did ("attacked the minister for ignoring the report") or a participle of speech
//! ("attacked the tabloids, questioning their honesty"). Not a clause that says the
//! law was not broken, not a broken record, not a measure that would cut costs, not an armed
//! attack "for hours".

use attache_event::EventCategory as C;
use chrono::NaiveDate;

mod common;

fn categories(text: &str) -> Vec<C> {
    common::categories_on(text, NaiveDate::from_ymd_opt(2005, 3, 2))
}

#[test]
fn a_ruling_or_claim_that_someone_broke_a_law_is_an_accusation() {
    for text in [
        "The High Court in London ruled that the British ban on imported beef breached European trade rules.",
        "The French parliament found that the French minister had violated the ministerial code.",
        "The Australian government claimed the Japanese whaling fleet had broken international law.",
    ] {
        assert!(
            categories(text).contains(&C::Accuse),
            "{text}: {:?}",
            categories(text)
        );
    }
}

#[test]
fn a_ruling_that_no_law_was_broken_or_a_broken_record_is_no_accusation() {
    for text in [
        "The High Court in London ruled that the British ban on imported beef had not breached European trade rules.",
        "The Kenyan athletics federation said the runner broke the world record in Berlin.",
        "Officials in Tokyo said the Japanese team broke camp on Monday.",
    ] {
        assert!(
            !categories(text).contains(&C::Accuse),
            "{text}: {:?}",
            categories(text)
        );
    }
}

#[test]
fn a_claim_that_a_rival_body_would_cut_services_is_an_accusation() {
    for text in [
        "The British prime minister claimed a Conservative government would slash spending on schools.",
        "Labour's chancellor argued the Tories would scrap free eye tests for pensioners.",
        "The Spanish prime minister claimed the opposition would axe thousands of teaching jobs.",
    ] {
        assert!(
            categories(text).contains(&C::Accuse),
            "{text}: {:?}",
            categories(text)
        );
    }
}

#[test]
fn a_measure_that_cuts_costs_or_a_plain_statement_of_cuts_is_no_accusation() {
    for text in [
        "The British minister claimed the new scheme would cut costs for small firms.",
        "The German chancellor said his government would cut income tax next year.",
        "The French finance minister claimed the reform would slash waiting times.",
    ] {
        assert!(
            !categories(text).contains(&C::Accuse),
            "{text}: {:?}",
            categories(text)
        );
    }
}

#[test]
fn an_attack_for_what_someone_did_is_an_accusation() {
    for text in [
        "The French foreign minister attacked Germany for blocking the deal.",
        "The Italian opposition attacked the prime minister for ignoring the report.",
        "Polish farmers attacked the European Commission for cutting their subsidies.",
    ] {
        let got = categories(text);
        assert!(
            got.contains(&C::Accuse) && !got.contains(&C::Assault),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn an_armed_attack_for_a_time_stays_an_assault() {
    for text in [
        "Iraqi insurgents attacked the police station in Ramadi for two hours.",
        "Russian troops attacked the Chechen village for most of the night.",
        "Israeli aircraft attacked Hamas positions in Gaza for a third day.",
    ] {
        let got = categories(text);
        assert!(
            got.contains(&C::Assault) && !got.contains(&C::Accuse),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn an_attack_with_a_participle_of_speech_is_an_accusation() {
    for text in [
        "The Venezuelan president attacked American oil companies, saying they had robbed the country for decades.",
        "The German chancellor attacked the Greek government, questioning its figures on the deficit.",
        "The French prime minister said he would attack the Socialists politically.",
    ] {
        let got = categories(text);
        assert!(
            got.contains(&C::Accuse) && !got.contains(&C::Assault),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn an_attack_told_by_a_speaker_or_with_a_participle_of_force_stays_an_assault() {
    for text in [
        "Iraqi insurgents attacked a police station in Ramadi, the Iraqi army said.",
        "Russian troops attacked the Chechen village, killing ten civilians.",
        "Israeli aircraft attacked Hamas positions in Gaza, destroying two buildings.",
    ] {
        let got = categories(text);
        assert!(
            got.contains(&C::Assault) && !got.contains(&C::Accuse),
            "{text}: {got:?}"
        );
    }
}
