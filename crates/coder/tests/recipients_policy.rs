//! Recipients of criticism and defence of a policy: the government whose policy it is, named
//! as the object or as the subject of the clause a criticism judges, never the actor itself
//! (a government defending its own measures), never a pronoun read as the speaker. Sentences
//! written for these tests.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;
use common::recipients;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2023, 3, 14))
}

/// A report about Norway: it names Norway three times, so its government is the home one.
const NORWAY: &str = "Norway's economy grew by 2% last year. Norway's exports rose in \
Oslo. The Norwegian krone fell.";

/// The first event of `category` in the Norway report followed by `sentence`.
fn event(sentence: &str, category: C) -> Event {
    let events = code(&format!("{NORWAY} {sentence}"));
    events
        .into_iter()
        .find(|e| e.event == category)
        .unwrap_or_else(|| panic!("no {category:?} in {sentence:?}"))
}

#[test]
fn a_policy_a_criticism_judges_is_the_governments() {
    for sentence in [
        "Norway's opposition leader said the move would be a grave mistake.",
        "Norway's opposition leader said the plan would be wrong.",
    ] {
        let e = event(sentence, C::Accuse);
        assert_eq!(recipients(&e), [(Some("NOR"), Some("GOV"))], "{sentence}");
    }
}

#[test]
fn a_policy_someone_owns_is_not_the_governments() {
    let e = event(
        "Norway's opposition leader said the company's plan would be wrong.",
        C::Accuse,
    );
    assert!(
        !recipients(&e).contains(&(Some("NOR"), Some("GOV"))),
        "{e:#?}"
    );
}

#[test]
fn a_government_defending_its_policy_acts_on_no_one() {
    let e = event("Norway's prime minister defended the measures.", C::Reject);
    assert!(e.recipients.is_empty(), "{e:#?}");
    // Welcoming a move is no defence of one's own: the move stays the government's.
    let e = event("Norway's opposition leader welcomed the move.", C::Support);
    assert_eq!(recipients(&e), [(Some("NOR"), Some("GOV"))]);
    // The opposition criticising the same measures aims at the government.
    let e = event(
        "Norway's opposition leader criticised the measures.",
        C::Accuse,
    );
    assert_eq!(recipients(&e), [(Some("NOR"), Some("GOV"))]);
}

#[test]
fn a_tax_or_a_ban_is_the_governments() {
    for sentence in [
        "Norway's opposition leader attacked the tax on Monday.",
        "Norway's opposition leader criticised the ban on Monday.",
    ] {
        let e = event(sentence, C::Accuse);
        assert_eq!(recipients(&e), [(Some("NOR"), Some("GOV"))], "{sentence}");
    }
}

#[test]
fn a_pronoun_in_a_denial_is_not_the_speaker() {
    for sentence in [
        "Norway's prime minister denied it amounted to a crisis.",
        "The Norwegian government criticised the plan. Norway's prime minister denied it had \
         failed.",
    ] {
        let e = event(sentence, C::Reject);
        assert!(e.recipients.is_empty(), "{sentence}: {e:#?}");
    }
}

#[test]
fn an_opposition_criticises_its_own_government() {
    // The report names Norway most; the Swedish opposition's target is Sweden's government.
    let e = event(
        "Sweden's opposition leader said the plan would be wrong.",
        C::Accuse,
    );
    assert_eq!(recipients(&e), [(Some("SWE"), Some("GOV"))]);
}

#[test]
fn the_system_is_the_governments() {
    // words.tsv `policy` "system": "the current system" with no one's name on it.
    for sentence in [
        "Norway's most senior judge said the current system was giving the country a bad name.",
        "Norway's most senior judge criticised the system on Monday.",
    ] {
        let e = event(sentence, C::Accuse);
        assert_eq!(recipients(&e), [(Some("NOR"), Some("GOV"))], "{sentence}");
    }
    // A firm's system is the firm's.
    let e = event(
        "Norway's largest union said the company's system was unfair.",
        C::Accuse,
    );
    assert!(
        !recipients(&e).contains(&(Some("NOR"), Some("GOV"))),
        "{e:#?}"
    );
}

#[test]
fn a_bill_named_by_its_title_is_the_governments() {
    for (sentence, category) in [
        (
            "Norway's opposition leader rejected the Identity Cards Bill in parliament on Monday.",
            C::Reject,
        ),
        (
            "Norwegian farmers rejected the Climate Change Bill on Saturday.",
            C::Reject,
        ),
    ] {
        let e = event(sentence, category);
        assert_eq!(recipients(&e), [(Some("NOR"), Some("GOV"))], "{sentence}");
    }
    // A name before a plain policy word is whose it is, known or not; so is a known body's
    // name before a title.
    for sentence in [
        "Norwegian farmers rejected the Statoil plan on Saturday.",
        "Norwegian farmers rejected the Labour Plan on Saturday.",
    ] {
        let e = event(sentence, C::Reject);
        assert!(
            !recipients(&e).contains(&(Some("NOR"), Some("GOV"))),
            "{sentence}: {e:#?}"
        );
    }
}
