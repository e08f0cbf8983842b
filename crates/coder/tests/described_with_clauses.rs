//! A definite description ("the union", "the commission") with a relative clause: set off by a
//! comma, the clause only says more of the body the description refers back to ("The union,
//! which represents ..., criticised"); without one it picks out a body of its own ("the union
//! which represents teachers"), and the description refers back to no one.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 1, 20))
}

#[test]
fn a_description_with_a_clause_set_off_by_commas_refers_back() {
    let cases = [
        (
            "The TUC met in London on Monday. The union, which represents millions of \
             workers, criticised the government.",
            ("GBR", "LAB"),
        ),
        (
            "The European Commission met in Brussels on Monday. The commission, which polices \
             the budget rules, criticised France.",
            ("EU", "IGO"),
        ),
        (
            "The Countryside Alliance met in London on Monday. The alliance, which campaigns \
             for hunting, criticised the government.",
            ("GBR", "NGO"),
        ),
    ];
    for (text, (country, sector)) in cases {
        let events = code(text);
        assert_eq!(
            actor_of(&events, "criticised").map(|a| a.0),
            coded(country, sector).map(|a| a.0),
            "{text}\n{events:#?}"
        );
    }
}

#[test]
fn a_description_a_clause_restricts_is_no_one_named_before() {
    let cases = [
        "The TUC met in London on Monday. The union which represents teachers criticised the \
         government.",
        "The European Commission met in Brussels on Monday. The commission that polices the \
         rules criticised France.",
    ];
    for text in cases {
        let events = code(text);
        assert_eq!(actor_of(&events, "criticised"), None, "{text}\n{events:#?}");
    }
}
