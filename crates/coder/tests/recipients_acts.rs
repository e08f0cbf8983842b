//! Recipients of promised and refused acts (recipients.tsv `act` rows: "offered to hand over
//! to Turkey three suspects") and speakers who are not their own recipients ("said he was
//! delighted", '"We are pleased," a spokesman said', "said it was wrong to ..."). Sentences
//! written for these tests.

use attache_event::{Event, EventCategory as C};

mod common;
use common::recipients;

fn coded(sentence: &str, category: C) -> Event {
    common::code_on(sentence, None)
        .into_iter()
        .find(|e| e.event == category)
        .unwrap_or_else(|| panic!("no {category:?} in {sentence:?}"))
}

#[test]
fn a_promised_or_refused_act_is_aimed_at_its_to_phrase() {
    let e = coded(
        "Iran has offered to hand over to Turkey three suspects in the killing.",
        C::Agree,
    );
    assert_eq!(recipients(&e), [(Some("TUR"), None)], "{e:#?}");
    let e = coded(
        "Pakistan has refused to hand over to India the men accused of the attack.",
        C::Reject,
    );
    assert_eq!(recipients(&e), [(Some("IND"), None)], "{e:#?}");
    let e = coded(
        "Cuba agreed to return to Spain the paintings seized in 1960.",
        C::Agree,
    );
    assert_eq!(recipients(&e), [(Some("ESP"), None)], "{e:#?}");
}

#[test]
fn a_phrase_on_the_acts_object_is_no_recipient() {
    // "to all areas" says where access goes, not to whom the promise is made.
    let e = coded(
        "Kenya has agreed to allow unimpeded access to all areas of the camp.",
        C::Agree,
    );
    assert!(recipients(&e).is_empty(), "{e:#?}");
}

#[test]
fn a_speaker_is_not_its_own_recipient() {
    let e = coded(
        "Chancellor Gordon Brown said he was delighted with the result.",
        C::Support,
    );
    assert!(recipients(&e).is_empty(), "{e:#?}");
    // Whom the speaker is pleased about is the subject of the clause the state takes.
    let e = coded(
        "Chancellor Gordon Brown said he was delighted the French government had agreed to the plan.",
        C::Support,
    );
    assert_eq!(recipients(&e), [(Some("FRA"), Some("GOV"))], "{e:#?}");
    let e = coded(
        "\"We are very pleased with the verdict,\" a Downing Street spokesman said.",
        C::Support,
    );
    assert!(recipients(&e).is_empty(), "{e:#?}");
}

#[test]
fn he_after_a_body_or_in_a_demand_stays() {
    // A party is not "he", and "said he should resign" is about someone else: the demand
    // keeps its addressee (and is coded at all).
    let e = coded(
        "The Conservative Party said he should resign at once.",
        C::Request,
    );
    assert!(!recipients(&e).is_empty(), "{e:#?}");
}

#[test]
fn support_for_someone_is_aimed_at_them() {
    // recipients.tsv SUPPORT noun "for".
    let e = coded(
        "Spain announced its support for the Moroccan government.",
        C::Support,
    );
    assert_eq!(recipients(&e), [(Some("MAR"), Some("GOV"))], "{e:#?}");
    // Support for a measure names no one.
    let e = coded("Spain announced its support for a ceasefire.", C::Support);
    assert!(recipients(&e).is_empty(), "{e:#?}");
}

#[test]
fn a_place_the_speakers_clause_is_about_acts_for_its_country() {
    // "said she was pleased Scotland would be following": a region as the subject of the
    // clause the speaker's state takes stands for its country.
    for (sentence, country) in [
        (
            "Tony Blair said he was pleased Scotland would be following the Irish example.",
            "GBR",
        ),
        (
            "The Spanish prime minister said he was delighted Catalonia had accepted the new statute.",
            "ESP",
        ),
    ] {
        let e = coded(sentence, C::Support);
        assert_eq!(
            recipients(&e),
            [(Some(country), None)],
            "{sentence}: {e:#?}"
        );
    }
    // A place the clause names in a phrase is where, not who.
    let e = coded(
        "Tony Blair said he was pleased the talks in Scotland had gone well.",
        C::Support,
    );
    assert!(recipients(&e).is_empty(), "{e:#?}");
}

#[test]
fn whoever_supplies_what_the_act_deals_in_is_its_other_party() {
    let cases = [
        (
            "Ukraine has agreed to pay 30% more for natural gas supplied by Turkmenistan.",
            C::Agree,
            "TKM",
        ),
        (
            "Belarus agreed to pay more for oil supplied by Russia.",
            C::Agree,
            "RUS",
        ),
        (
            "India has agreed to buy 40 fighter jets made by France.",
            C::Agree,
            "FRA",
        ),
        (
            "Georgia refused to pay for gas supplied by Russia.",
            C::Reject,
            "RUS",
        ),
    ];
    for (sentence, category, country) in cases {
        let e = coded(sentence, category);
        assert_eq!(
            recipients(&e),
            [(Some(country), None)],
            "{sentence}: {e:#?}"
        );
    }
}

#[test]
fn an_agent_that_supplies_nothing_is_no_recipient() {
    // What troops did or destroyed is no trade: the agreement has no other party here.
    for sentence in [
        "Ukraine agreed to pay for the damage done by Russian troops.",
        "Georgia agreed to rebuild villages destroyed by Russian troops.",
    ] {
        let e = coded(sentence, C::Agree);
        assert!(recipients(&e).is_empty(), "{sentence}: {e:#?}");
    }
    // The trigger's own phrase names the other party first.
    let e = coded(
        "Ukraine agreed with Russia to pay more for gas supplied by Turkmenistan.",
        C::Agree,
    );
    assert_eq!(recipients(&e), [(Some("RUS"), None)], "{e:#?}");
}

#[test]
fn a_promise_to_stand_by_someone_is_aimed_at_them() {
    for (sentence, country) in [
        ("Saudi Arabia pledged to stand by Kuwait.", "KWT"),
        ("Britain promised to stand by Poland.", "POL"),
    ] {
        let e = coded(sentence, C::Agree);
        assert_eq!(
            recipients(&e),
            [(Some(country), None)],
            "{sentence}: {e:#?}"
        );
    }
}

/// Accepting another party's assurances, guarantees or pledges agrees to what they offer, as
/// accepting their proposal does (triggers.tsv `accept` AGREE row); a challenge accepted in
/// sport is none.
#[test]
fn accepted_assurances_are_an_agreement_with_who_gave_them() {
    for (sentence, country) in [
        (
            "Iran accepted the French assurances on the nuclear talks.",
            "FRA",
        ),
        (
            "The Polish government accepted guarantees from Germany on the pipeline.",
            "DEU",
        ),
    ] {
        let e = coded(sentence, C::Agree);
        assert_eq!(
            recipients(&e),
            [(Some(country), None)],
            "{sentence}: {e:#?}"
        );
    }
    let events = common::code_on("The Italian striker accepted the challenge.", None);
    assert!(events.is_empty(), "{events:#?}");
}
