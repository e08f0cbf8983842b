//! "He" as the subject of a main clause after an adverbial clause whose subject is a name
//! ("When President Kirchner took office he began to negotiate") is that name, not a person of
//! an earlier sentence; a fronted clause without a named subject of its own leaves "he" to
//! the usual reading.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 1, 20))
}

#[test]
fn he_after_a_clause_with_a_named_subject_is_that_name() {
    let cases = [
        (
            "Tory leader Michael Howard spoke in Leeds on Friday. When Home Secretary Charles \
             Clarke arrived in Cardiff he criticised the judges.",
            ("GBR", "GOV"),
        ),
        (
            "Home Secretary Charles Clarke spoke in Leeds on Friday. After Lib Dem leader \
             Charles Kennedy returned from Brussels, he rejected the plan.",
            ("GBR", "OPP"),
        ),
        (
            "Chancellor Gordon Brown spoke in Leeds on Friday. Although Tory leader Michael \
             Howard had praised the scheme in June, he rejected the new plan.",
            ("GBR", "OPP"),
        ),
    ];
    for (text, (country, sector)) in cases {
        let events = code(text);
        let trigger = ["criticised", "rejected"]
            .into_iter()
            .find(|t| text.contains(t))
            .unwrap();
        assert_eq!(
            actor_of(&events, trigger),
            coded(country, sector),
            "{text}\n{events:#?}"
        );
    }
}

#[test]
fn a_fronted_clause_without_a_named_subject_leaves_he_alone() {
    // The judges, a common noun, are no antecedent for "he"; the person of the sentence
    // before is.
    let cases = [
        "Home Secretary Charles Clarke spoke in Leeds on Friday. When the judges ruled \
         against him he criticised the ruling.",
        "Home Secretary Charles Clarke spoke in Leeds on Friday. Speaking in Cardiff, he \
         criticised the ruling.",
        "Home Secretary Charles Clarke spoke in Leeds on Friday. When they met in Cardiff he \
         criticised the ruling.",
    ];
    for text in cases {
        let events = code(text);
        assert_eq!(
            actor_of(&events, "criticised"),
            coded("GBR", "GOV"),
            "{text}\n{events:#?}"
        );
    }
}
