//! A person the dictionaries do not know, named bare first and given a role later in the
//! report: by a definite description ("The foreign secretary said"), an apposition ("Mr
//! Hainworth, the home secretary, said") or a copula ("Mr Hainworth is the foreign
//! secretary"). The role holds for the earlier mentions too, unless another person the
//! dictionaries cannot place was named before the description. Sentences in the manner of BBC
//! News (2004-05); the names are not in the dictionaries.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2004, 12, 13))
}

#[test]
fn a_definite_description_in_the_next_sentence_gives_the_earlier_mention_its_role() {
    let text = "Britain has rejected the ruling on fishing quotas. Jack Hainworth condemned \
        the decision on Monday. The foreign secretary said Britain would appeal. Mr Hainworth \
        will meet fishermen on Friday.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "condemned"),
        coded("GBR", "GOV"),
        "{events:#?}"
    );
}

#[test]
fn two_unplaced_people_before_the_description_give_it_to_neither() {
    let text = "Britain has rejected the ruling on fishing quotas. Jack Hainworth condemned \
        the decision on Monday. Peter Colbeck welcomed it. The foreign secretary said Britain \
        would appeal. Mr Hainworth and Mr Colbeck will meet fishermen on Friday.";
    let events = code(text);
    assert_ne!(
        actor_of(&events, "condemned"),
        coded("GBR", "GOV"),
        "{events:#?}"
    );
}

#[test]
fn a_firm_never_called_mister_is_no_person() {
    let text = "China has approved the dam project. Yangtze Power condemned the delay on \
        Monday. The finance minister said the project would go ahead.";
    let events = code(text);
    assert_ne!(
        actor_of(&events, "condemned"),
        coded("CHN", "GOV"),
        "{events:#?}"
    );
}

#[test]
fn a_later_apposition_gives_the_earlier_mention_its_role() {
    let text = "Britain has rejected the ruling on fishing quotas. Mr Hainworth condemned \
        the decision on Monday. Fishermen in Britain were angry. Mr Hainworth, the home \
        secretary, said an appeal would be lodged.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "condemned"),
        coded("GBR", "GOV"),
        "{events:#?}"
    );
}

#[test]
fn a_later_copula_gives_the_earlier_mention_its_role() {
    let text = "Britain has rejected the ruling on fishing quotas. Jack Hainworth condemned \
        the decision on Monday. Mr Hainworth is the foreign secretary of Britain.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "condemned"),
        coded("GBR", "GOV"),
        "{events:#?}"
    );
}

#[test]
fn a_description_after_a_used_role_is_not_the_unplaced_person() {
    let text = "Britain has rejected the ruling on fishing quotas. Foreign Secretary Jack \
        Hainworth said Britain would appeal. Peter Colbeck condemned the decision on Monday. \
        The foreign secretary said the ruling was unfair.";
    let events = code(text);
    assert_ne!(
        actor_of(&events, "condemned"),
        coded("GBR", "GOV"),
        "{events:#?}"
    );
}
