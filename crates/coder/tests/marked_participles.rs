//! A subjectless -ing clause after "after", "before", "by", "while", "when" or "in" is done by
//! the subject of the clause it modifies ("resigned after criticising the leader"); of a
//! passive clause, by whom it is about ("was suspended after attacking ..."). "Without" tells
//! what was not done, and a clause told as planned or possible ("would retaliate by
//! seeking") makes its participle no deed.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 1, 20))
}

#[test]
fn a_marked_participle_is_done_by_the_subject() {
    let cases = [
        (
            "Tory MP John Smith quit the front bench after criticising the party's tax plans.",
            "criticising",
            ("GBR", "OPP"),
        ),
        (
            "Chancellor Gordon Brown angered the unions by attacking the pay deal for nurses.",
            "attacking",
            ("GBR", "GOV"),
        ),
        (
            "Before accusing ministers of panic, Tory leader Michael Howard praised the police.",
            "accusing",
            ("GBR", "OPP"),
        ),
        (
            "Lib Dem leader Charles Kennedy was heckled while criticising the government's \
             record on pensions.",
            "criticising",
            ("GBR", "OPP"),
        ),
    ];
    for (text, trigger, (country, sector)) in cases {
        let events = code(text);
        assert_eq!(
            actor_of(&events, trigger),
            coded(country, sector),
            "{text}\n{events:#?}"
        );
    }
}

#[test]
fn what_was_not_done_or_only_planned_is_no_deed_of_the_subject() {
    let cases = [
        (
            "Tory leader Michael Howard left the meeting without criticising the chancellor.",
            "criticising",
        ),
        (
            "Tory leader Michael Howard said he would respond by criticising the chancellor.",
            "criticising",
        ),
        (
            "Tory leader Michael Howard has pledged to cut taxes by attacking waste in Whitehall.",
            "attacking",
        ),
    ];
    for (text, trigger) in cases {
        let events = code(text);
        let asserted = events
            .iter()
            .any(|e| e.trigger.text == trigger && e.modality == attache_event::Modality::Asserted);
        assert!(!asserted, "{text}\n{events:#?}");
    }
}
