//! "He" after a sentence that names two people of other sides: the person who is the main
//! subject of that sentence, or the speaker its report closes with ("Mr Clarke's bill is a
//! mistake, Mr Barber said."), is what "he" next refers to; a person named before them in a
//! possessive or a subordinate phrase is no rival. Two people named as equals (a list, or a
//! subject and an object) still leave "he" no one.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 1, 20))
}

#[test]
fn he_is_the_speaker_a_report_closes_with() {
    let cases = [
        (
            "Mr Clarke's warning was ignored, Tory leader Michael Howard told reporters. He \
             accused the government of panic.",
            ("GBR", "OPP"),
        ),
        (
            "Mr Blair's decision was wrong, Lib Dem leader Charles Kennedy said on Monday. He \
             accused the government of panic.",
            ("GBR", "OPP"),
        ),
        (
            "Mr Clarke's bill is a mistake, TUC general secretary Brendan Barber said. He \
             accused the government of panic.",
            ("GBR", "LAB"),
        ),
    ];
    for (text, (country, sector)) in cases {
        let events = code(text);
        assert_eq!(
            actor_of(&events, "accused"),
            coded(country, sector),
            "{text}\n{events:#?}"
        );
    }
}

#[test]
fn he_after_two_people_named_as_equals_is_no_one() {
    let cases = [
        "Tory leader Michael Howard met Home Secretary Charles Clarke on Monday. He accused \
         the government of panic.",
        "Tory leader Michael Howard and Home Secretary Charles Clarke spoke on Monday. He \
         accused the government of panic.",
        "The bill is a mistake, Tory leader Michael Howard told Home Secretary Charles Clarke. \
         He accused the government of panic.",
    ];
    for text in cases {
        let events = code(text);
        assert_eq!(actor_of(&events, "accused"), None, "{text}\n{events:#?}");
    }
}
