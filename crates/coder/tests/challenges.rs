//! Challenging someone to do something is a demand ("challenged the government to publish the
//! report"); a challenge to a fight, for a title or in court is not.

use attache_event::EventCategory as C;
use chrono::NaiveDate;

mod common;

fn categories(text: &str) -> Vec<C> {
    common::categories_on(text, NaiveDate::from_ymd_opt(2005, 3, 2))
}

#[test]
fn a_challenge_to_act_is_a_request() {
    for text in [
        "The Conservatives challenged the British chancellor to publish his spending figures.",
        "The Irish opposition challenged the Irish prime minister to call an early election.",
        "Labour challenged the Tories to explain how they would pay for their tax cuts.",
        "On Friday, the Scottish National Party challenged Mr McConnell to stand down as first minister.",
    ] {
        assert!(
            categories(text).contains(&C::Request),
            "{text}: {:?}",
            categories(text)
        );
    }
}

#[test]
fn a_challenge_to_a_fight_or_for_a_title_is_no_request() {
    for text in [
        "The British boxer challenged the American champion to a rematch in Las Vegas.",
        "The Kenyan runner will challenge for the world title in Helsinki.",
        "Italian rivals challenged the German team throughout the final lap.",
    ] {
        assert!(
            !categories(text).contains(&C::Request),
            "{text}: {:?}",
            categories(text)
        );
    }
}
