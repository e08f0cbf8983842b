//! Whom a phrase on the act's noun names: a blow, a snub or a pledge is aimed at whom its "to"
//! phrase names (words.tsv `aimed_noun`: "dealt a blow to the government's plans", "went back
//! on a pledge to India"), and a rejection made "amid" criticism answers the critics
//! (recipients.tsv REJECT verb "amid"). Sentences written for these tests in wire style.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;
use common::recipients;

fn coded(sentence: &str, category: C) -> Event {
    common::code_on(sentence, NaiveDate::from_ymd_opt(2023, 3, 14))
        .into_iter()
        .find(|e| e.event == category)
        .unwrap_or_else(|| panic!("no {category:?} in {sentence:?}"))
}

fn countries(e: &Event) -> Vec<&str> {
    e.recipients
        .iter()
        .filter_map(|a| a.country.as_deref())
        .collect()
}

#[test]
fn a_blow_is_aimed_at_whom_its_to_phrase_names() {
    for (sentence, country) in [
        (
            "Iran dealt a blow to Britain's hopes of a deal on Monday.",
            "GBR",
        ),
        (
            "The French parliament dealt a severe blow to the government's plans on Tuesday.",
            "FRA",
        ),
    ] {
        let e = coded(sentence, C::Accuse);
        assert_eq!(countries(&e), [country], "{sentence}: {e:#?}");
    }
}

#[test]
fn a_pledge_gone_back_on_is_aimed_at_whom_it_was_made_to() {
    for (sentence, country) in [
        (
            "Pakistan went back on a pledge to India to close the militant camps.",
            "IND",
        ),
        (
            "The Iraqi government reneged on its promise to Turkey to expel the rebels.",
            "TUR",
        ),
    ] {
        let e = coded(sentence, C::Reject);
        assert_eq!(countries(&e), [country], "{sentence}: {e:#?}");
    }
}

#[test]
fn a_to_phrase_that_names_no_one_is_no_recipient() {
    let e = coded(
        "Germany dealt a blow to hopes of a quick agreement on Monday.",
        C::Accuse,
    );
    assert!(recipients(&e).is_empty(), "{e:#?}");
    // A settlement is an agreement here, not a village of settlers.
    let e = coded(
        "Turkey dealt a blow to hopes of a lasting settlement on Monday.",
        C::Accuse,
    );
    assert!(recipients(&e).is_empty(), "{e:#?}");
    let e = coded(
        "The Russian president went back on his commitment to democracy, the opposition said.",
        C::Reject,
    );
    assert!(recipients(&e).is_empty(), "{e:#?}");
}

#[test]
fn a_rejection_amid_criticism_answers_the_critics() {
    let e = coded(
        "Egypt's foreign minister dismissed the report amid Israeli claims that weapons were smuggled into Gaza.",
        C::Reject,
    );
    assert_eq!(countries(&e), ["ISR"], "{e:#?}");
    let e = coded(
        "Kenya's president dismissed the allegations amid pressure from Britain.",
        C::Reject,
    );
    assert_eq!(countries(&e), ["GBR"], "{e:#?}");
}

#[test]
fn a_rejection_amid_fears_names_no_one() {
    let e = coded(
        "The Indian finance minister rejected the proposal amid fears of higher prices.",
        C::Reject,
    );
    assert!(recipients(&e).is_empty(), "{e:#?}");
}
