//! Denied news reports no one's name is on ("dismissed reports he will quit") are the media's,
//! of the report's home country; a report welcomed, a report of an inquiry, and a denial of a
//! clause with no report in it are not. Sentences written for these tests.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;
use common::recipients;

/// A report about Norway: it names Norway three times, so Norway is the home country.
const NORWAY: &str = "Norway's economy grew by 2% last year. Norway's exports rose in \
Oslo. The Norwegian krone fell.";

/// The first event of `category` in the Norway report followed by `sentence`.
fn event(sentence: &str, category: C) -> Event {
    let events = common::code_on(
        &format!("{NORWAY} {sentence}"),
        NaiveDate::from_ymd_opt(2005, 3, 2),
    );
    events
        .into_iter()
        .find(|e| e.event == category)
        .unwrap_or_else(|| panic!("no {category:?} in {sentence:?}"))
}

#[test]
fn denied_reports_are_the_home_medias() {
    for sentence in [
        "Norway's prime minister denied reports that he would resign.",
        "Norway's finance minister has dismissed reports he will quit.",
        "Norway's foreign minister rejected reports that the talks had failed.",
    ] {
        let e = event(sentence, C::Reject);
        assert_eq!(recipients(&e), [(Some("NOR"), Some("MED"))], "{sentence}");
    }
}

#[test]
fn reports_welcomed_owned_or_absent_are_no_medias() {
    let cases = [
        (
            "Norway's prime minister welcomed the report on police numbers.",
            C::Support,
        ),
        (
            "Norway's prime minister rejected the report of the inquiry.",
            C::Reject,
        ),
        (
            "Norway's prime minister denied that he would resign.",
            C::Reject,
        ),
    ];
    for (sentence, category) in cases {
        let e = event(sentence, category);
        assert!(
            !recipients(&e).contains(&(Some("NOR"), Some("MED"))),
            "{sentence}: {e:#?}"
        );
    }
}
