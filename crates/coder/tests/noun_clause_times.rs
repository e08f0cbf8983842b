//! Which time expression an event takes: a time inside a clause that describes a noun (a
//! relative clause, a participle, a noun's content clause) is that clause's, not the time of
//! the event the sentence tells; a day word that is part of a name ("the Today programme",
//! "the Sunday Times") is no time at all.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 2, 9))
}

/// Every event of `text` with a date of its own, as (category, date phrase).
fn own_dates(text: &str) -> Vec<(String, String)> {
    code(text)
        .iter()
        .filter_map(|e| {
            let d = e.date.as_ref().filter(|d| !d.inherited)?;
            Some((e.event.as_str().to_string(), d.text.clone()))
        })
        .collect()
}

fn assert_no_event_dated(text: &str, phrase: &str) {
    let events = code(text);
    assert!(!events.is_empty(), "nothing coded in {text:?}");
    for e in &events {
        // A one-sentence report's news peg is its own first day; only an own date counts.
        assert!(
            e.date
                .as_ref()
                .is_none_or(|d| d.inherited || !d.text.contains(phrase)),
            "{} took {phrase:?} from a clause describing a noun: {e:#?}",
            e.event
        );
    }
}

#[test]
fn a_participle_describing_a_noun_keeps_its_time() {
    assert_no_event_dated(
        "Britain's main opposition party condemned the closure of hospitals under spending \
         rules taking effect on 1 April.",
        "1 April",
    );
    assert_no_event_dated(
        "France criticised Germany over new border checks coming into force on 15 March.",
        "15 March",
    );
}

#[test]
fn a_relative_clause_keeps_its_time() {
    assert_no_event_dated(
        "The Spanish foreign minister said on Monday that Spain and Morocco had agreed to resume \
         talks on the fishing quota dispute, which led to rival court cases last spring.",
        "last spring",
    );
}

#[test]
fn a_content_clause_of_a_noun_keeps_its_time() {
    assert_no_event_dated(
        "Reports that the Iranian president is planning a snap general election for February \
         2006 have been described as \"idle speculation\" by Iran's foreign ministry.",
        "February 2006",
    );
}

#[test]
fn an_event_in_the_main_clause_keeps_its_own_time() {
    // The fronted day is the event's own; the relative clause's year is not.
    let dates = own_dates(
        "In January, the US government agreed to pay $200m to settle the lawsuit, which it had \
         fought since it was filed in 2001.",
    );
    assert!(
        dates.iter().any(|(_, d)| d == "In January"),
        "the agreement lost its own month: {dates:?}"
    );
    assert!(dates.iter().all(|(_, d)| !d.contains("2001")), "{dates:?}");
}

#[test]
fn day_words_in_names_are_not_times() {
    let found = |text: &str| {
        common::extractor()
            .find_dates(text, NaiveDate::from_ymd_opt(2005, 2, 9))
            .into_iter()
            .map(|d| d.text)
            .collect::<Vec<_>>()
    };
    assert!(found("The minister told BBC Radio 4's Today programme he would resign.").is_empty());
    assert!(found("The story was first reported by the Sunday Times.").is_empty());
    assert!(found("An interview in the Mail on Sunday angered his colleagues.").is_empty());
    assert!(found("The Bloody Sunday inquiry has cost more than £150m.").is_empty());
    // A day word that is a day stays one.
    assert_eq!(
        found("Today the minister told MPs he would resign on Sunday."),
        vec!["Today".to_string(), "Sunday".to_string()]
    );
}

#[test]
fn a_reference_describing_a_noun_dates_no_event() {
    // "now" says when the description holds, not when the praise was given.
    let dates = own_dates(
        "Germany's foreign minister praised Gerhard Weber, now ambassador to Moscow, for his \
         work on the treaty.",
    );
    assert!(dates.iter().all(|(_, d)| d != "now"), "{dates:?}");
    // "the future of" a thing is no time.
    let dates =
        own_dates("France accused Britain of a battle over the future of the European budget.");
    assert!(dates.iter().all(|(_, d)| d != "the future"), "{dates:?}");
}

#[test]
fn a_since_clause_of_reason_is_no_period() {
    let dates = own_dates(
        "Britain's opposition said that since only a quarter of pupils do an hour of music a \
         week, the British government is promising something it cannot deliver.",
    );
    assert!(
        dates.iter().all(|(_, d)| !d.starts_with("since")),
        "{dates:?}"
    );
}
