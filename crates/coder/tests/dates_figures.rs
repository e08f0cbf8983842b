//! The failures a new user met on real news (issue 14), one sentence each with its
//! publication date, asserting the resolved date (or none) and the figures.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

use common::extractor;

fn code(published: &str, text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::parse_from_str(published, "%Y-%m-%d").ok())
}

/// The one event of `category` in the text.
fn one(events: &[Event], category: C) -> &Event {
    let found: Vec<&Event> = events.iter().filter(|e| e.event == category).collect();
    assert_eq!(found.len(), 1, "one {category} event expected: {events:#?}");
    found[0]
}

/// (start, end) of the event's date.
fn span(e: &Event) -> (Option<String>, Option<String>) {
    let d = e.date.as_ref().expect("a date");
    (d.start.map(|x| x.to_string()), d.end.map(|x| x.to_string()))
}

/// (start, end) of the time the event's announced act is planned for.
fn planned(e: &Event) -> (Option<String>, Option<String>) {
    let d = e.planned.as_ref().expect("a planned date");
    (d.start.map(|x| x.to_string()), d.end.map(|x| x.to_string()))
}

fn days(a: &str, b: &str) -> (Option<String>, Option<String>) {
    (Some(a.to_string()), Some(b.to_string()))
}

/// The TimeML value the date finder gives the only date of `text`.
fn value(published: &str, text: &str) -> Option<String> {
    let p = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    let found = extractor().find_dates(text, p);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found[0].value.clone()
}

#[test]
fn future_dates_resolve_forward() {
    // Published Thursday 2017-02-09.
    let p = "2017-02-09";
    assert_eq!(
        value(
            p,
            "Talks between the two governments are scheduled to take place on February 20."
        ),
        Some("2017-02-20".into())
    );
    // The announced talks are planned for Friday; the AGREE itself is the announcement.
    let e = code(p, "Russia will hold talks with Turkey on Friday.");
    let e = one(&e, C::Agree);
    assert_eq!(planned(e), days("2017-02-10", "2017-02-10"));
    let e = code(p, "Russia will meet Turkey in September.");
    assert_eq!(planned(&e[0]), days("2017-09-01", "2017-09-30"));
    // A past verb still reads a past date backwards.
    let e = code(p, "Russia condemned Ukraine on February 27.");
    assert_eq!(span(one(&e, C::Accuse)), days("2016-02-27", "2016-02-27"));
    // An infinitive under "agreed" looks forward from the agreement: the withdrawal's day.
    let e = code(
        p,
        "Ukraine agreed to withdraw heavy weapons by February 27.",
    );
    let e = one(&e, C::Agree);
    assert_eq!(planned(e), days("2017-02-27", "2017-02-27"));
    assert!(
        e.date.is_none(),
        "the agreement is not dated by what it agrees: {e:#?}"
    );
}

#[test]
fn month_with_year_and_shifted_months() {
    let p = "2016-11-20";
    let e = code(p, "Israeli police arrested the suspects in June of 2015.");
    assert_eq!(span(one(&e, C::Coerce)), days("2015-06-01", "2015-06-30"));
    assert_eq!(value(p, "They met last June."), Some("2016-06".into()));
    assert_eq!(
        value("2017-03-01", "They met last June."),
        Some("2016-06".into())
    );
    assert_eq!(value(p, "They met in June."), Some("2016-06".into()));
}

#[test]
fn dates_stay_in_their_clause() {
    let p = "2016-07-11";
    // The ruling's year does not date the massacre it rules on.
    let e = code(
        p,
        "The UN court ruled in 2007 that the 1995 massacre of 8,000 Muslim men and boys by \
         Bosnian Serb forces was genocide.",
    );
    assert_eq!(span(one(&e, C::Assault)), days("1995-01-01", "1995-12-31"));
    // Someone's target date does not date a deployment.
    let e = code(
        "2017-02-09",
        "NATO deployed 300 troops to Estonia, ahead of a target date of March 23 set by Britain.",
    );
    let e = one(&e, C::Mobilize);
    assert!(
        e.date.as_ref().is_none_or(|d| !d.text.contains("March")),
        "{e:#?}"
    );
    // An election in September does not date the call for it.
    let e = code(
        "2017-02-09",
        "The Labour Party called for an election in September.",
    );
    for e in &e {
        assert!(
            e.date.as_ref().is_none_or(|d| d.text != "in September"),
            "the call took the election's month: {e:#?}"
        );
    }
}

#[test]
fn captions_and_headings_lend_no_date() {
    let e = code(
        "2017-02-09",
        "Image caption Protesters in Kiev on Monday\n\nRussia expelled 20 Ukrainian diplomats.",
    );
    let e = one(&e, C::Sanction);
    assert!(
        e.date.as_ref().is_none_or(|d| d.text != "on Monday"),
        "{e:#?}"
    );
}

#[test]
fn dates_identifiers_durations_and_role_nouns_are_not_counts() {
    let p = "2017-02-09";
    let e = code(
        p,
        "Russia condemned the government of Ukraine on February 27.",
    );
    let e = one(&e, C::Accuse);
    assert_eq!(e.quantity, None, "a role noun is no count");
    assert_eq!(span(e), days("2016-02-27", "2016-02-27"));
    let e = code(
        p,
        "Russia blocked resolution 2118 at the Security Council on Tuesday.",
    );
    let e = one(&e, C::Reject);
    assert_eq!(e.quantity, None, "an identifier is no count");
    assert_eq!(span(e), days("2017-02-07", "2017-02-07"));
    // A number inside a name: a radio station, a law titled by its year.
    for (text, category) in [
        (
            "The British home secretary told BBC Radio 4's Today programme: \"No minister should make that promise again.\"",
            C::Request,
        ),
        (
            "The Scottish first minister attacked the 1707 Act of Union as unfair.",
            C::Accuse,
        ),
    ] {
        let e = code(p, text);
        assert_eq!(
            one(&e, category).quantity,
            None,
            "{text}: a name is no count"
        );
    }
    // A count after a day keeps its number.
    let e = code(p, "On Tuesday 30 Russian diplomats were expelled by Italy.");
    assert_eq!(
        fig(one(&e, C::Sanction).quantity.as_ref()),
        Some((30.0, Some("diplomat".to_string())))
    );
    let e = code(p, "Russia will expel diplomats within 24 hours.");
    assert_eq!(
        one(&e, C::Sanction).quantity,
        None,
        "a duration is no count"
    );
}

/// (value, unit) of a figure.
fn fig(q: Option<&attache_event::Quantity>) -> Option<(f64, Option<String>)> {
    q.map(|q| (q.value, q.unit.clone()))
}

#[test]
fn casualties_are_figures_of_one_event() {
    let p = "2016-07-11";
    // Failing before the fix: two ASSAULT events, 12 "soldier" and 30 "other".
    let e = code(
        p,
        "Rebels killed 12 people and wounded 30 in an attack on a market in Aleppo on Sunday.",
    );
    let e = one(&e, C::Assault);
    let c = &e.casualties;
    assert_eq!(fig(c.killed.as_ref()), Some((12.0, Some("people".into()))));
    assert_eq!(fig(c.injured.as_ref()).map(|f| f.0), Some(30.0));
    assert_eq!(c.injured.as_ref().unwrap().text, "30");
    assert_eq!(span(e), days("2016-07-10", "2016-07-10"));
    // The passive, and casualties named by adjectives after their number.
    let e = code(
        p,
        "A car bomb killed 12 people and injured 30 others in Baghdad on Monday.",
    );
    let c = &one(&e, C::Assault).casualties;
    assert_eq!(fig(c.killed.as_ref()).map(|f| f.0), Some(12.0));
    assert_eq!(fig(c.injured.as_ref()), Some((30.0, Some("other".into()))));
    // Two arrests of different people stay two events, each with its own figure.
    let e = code(
        p,
        "Police detained 15 activists in Cairo and arrested 3 journalists.",
    );
    let arrested: Vec<f64> = e
        .iter()
        .filter_map(|e| e.casualties.arrested.as_ref().map(|q| q.value))
        .collect();
    assert_eq!(arrested, [15.0, 3.0], "{e:#?}");
    let e = code(
        p,
        "Police arrested 40 protesters in Cairo on Friday, the interior ministry said.",
    );
    let e = one(&e, C::Coerce);
    assert_eq!(
        fig(e.casualties.arrested.as_ref()),
        Some((40.0, Some("protester".into())))
    );
    assert_eq!(span(e), days("2016-07-08", "2016-07-08"));
    // Figures of another kind of event are no casualties.
    let e = code(p, "Russia expelled 20 Ukrainian diplomats on Monday.");
    assert!(one(&e, C::Sanction).casualties.is_empty());
}

#[test]
fn the_massacre_counts_its_victims_and_keeps_its_year() {
    let e = code(
        "2016-07-11",
        "The UN court ruled in 2007 that the 1995 massacre of 8,000 Muslim men and boys by \
         Bosnian Serb forces was genocide.",
    );
    let e = one(&e, C::Assault);
    assert_eq!(fig(e.quantity.as_ref()).map(|f| f.0), Some(8000.0));
    assert_eq!(
        e.date.as_ref().and_then(|d| d.precision),
        Some(attache_event::DatePrecision::Year)
    );
}

#[test]
fn money_is_counted_in_its_currency() {
    let p = "2017-02-09";
    // Failing before the fix in a tally: "$3 billion" summed with people.
    let e = code(p, "Saudi Arabia donated $3 billion to Egypt on Tuesday.");
    let e = one(&e, C::Aid);
    assert_eq!(fig(e.quantity.as_ref()), Some((3e9, Some("USD".into()))));
    assert_eq!(e.quantity.as_ref().unwrap().text, "$3 billion");
    assert_eq!(span(e), days("2017-02-07", "2017-02-07"));
    let e = code(
        p,
        "Egypt requested 2 million euros in aid from Saudi Arabia.",
    );
    let e = one(&e, C::Request);
    assert_eq!(
        fig(e.quantity.as_ref()),
        Some((2e6, Some("EUR".into()))),
        "{e:#?}"
    );
}

#[test]
fn scheduled_talks_take_their_day_and_no_count() {
    let e = code(
        "2017-02-09",
        "Russian and Turkish officials will hold talks on February 20.",
    );
    let e = &e[0];
    assert_eq!(e.quantity, None, "a day of the month is no count");
    assert_eq!(planned(e), days("2017-02-20", "2017-02-20"));
    assert_eq!(
        e.planned.as_ref().and_then(|d| d.precision),
        Some(attache_event::DatePrecision::Day)
    );
    let e = code("2017-02-09", "Russia will meet Turkey in September.");
    assert_eq!(
        e[0].planned.as_ref().and_then(|d| d.precision),
        Some(attache_event::DatePrecision::Month)
    );
}

#[test]
fn an_announcement_is_dated_when_it_is_said() {
    // Published Thursday 2017-02-09.
    let p = "2017-02-09";
    let e = code(
        p,
        "Russia said on Monday it would hold talks with Turkey on Friday.",
    );
    let e = one(&e, C::Agree);
    assert_eq!(span(e), days("2017-02-06", "2017-02-06"));
    assert_eq!(planned(e), days("2017-02-10", "2017-02-10"));
    // A relative clause announcing talks: no day of saying, the talks' day planned.
    let e = code(
        p,
        "Egypt's foreign minister, who will hold talks in Cairo on Thursday, said the ban was \
         more effective than sanctions.",
    );
    let e = one(&e, C::Agree);
    assert!(e.date.is_none(), "{e:#?}");
    assert_eq!(planned(e), days("2017-02-09", "2017-02-09"));
    // A promise made earlier, of an act next February.
    let e = code(
        p,
        "Germany has pledged to introduce new aid to Greece next February.",
    );
    let e = one(&e, C::Agree);
    assert!(e.date.is_none(), "{e:#?}");
    assert_eq!(planned(e), days("2018-02-01", "2018-02-28"));
}

#[test]
fn a_meeting_dated_after_publication_is_planned() {
    let e = code(
        "2017-02-09",
        "Analysts said the bank would raise rates when the US Federal Reserve meets next week.",
    );
    let e = one(&e, C::Consult);
    assert_eq!(e.modality, attache_event::Modality::Planned);
    assert_eq!(span(e), days("2017-02-13", "2017-02-19"));
    // Failing before the fix: an asserted meeting dated the day after publication.
    let e = code("2017-02-09", "Russia is due to meet Turkey on Friday.");
    let e = one(&e, C::Consult);
    assert_eq!(e.modality, attache_event::Modality::Planned);
    assert_eq!(span(e), days("2017-02-10", "2017-02-10"));
}

#[test]
fn the_news_peg_is_never_a_time_to_come() {
    let p = "2017-02-09";
    // Failing before the fix: the condemnation took the talks' Friday, read back as 2017-02-03.
    let e = code(
        p,
        "Iran will hold talks with the EU in Vienna on Friday.\n\nIran condemned the new \
         sanctions.",
    );
    let e = one(&e, C::Accuse);
    assert!(e.date.is_none(), "{e:#?}");
    // Failing before the fix: the accusation took next Sunday, after publication.
    let e = code(
        p,
        "Britain should set out an exit strategy from Iraq after next Sunday's elections, the \
         opposition leader has said.\n\nRussia accused Britain of misleading Iraq.",
    );
    let e = one(&e, C::Accuse);
    assert!(e.date.is_none(), "{e:#?}");
    // A lead that tells of the past still lends its day.
    let e = code(
        p,
        "Iran condemned the new sanctions on Tuesday.\n\nIran accused the EU of hypocrisy.",
    );
    let accused: Vec<&Event> = e.iter().filter(|e| e.trigger.text == "accused").collect();
    let d = accused[0].date.as_ref().expect("the peg");
    assert!(d.inherited);
    assert_eq!(span(accused[0]), days("2017-02-07", "2017-02-07"));
}

#[test]
fn a_clock_time_is_a_time_of_day_not_a_year_or_a_count() {
    let p = "2017-02-09";
    // Failing before the fix: the curfew was dated the year 2200.
    let e = code(
        p,
        "Egypt agreed on Monday to extend the 2200 GMT curfew in Cairo by two hours.",
    );
    assert_eq!(span(one(&e, C::Agree)), days("2017-02-06", "2017-02-06"));
    for e in &e {
        assert!(
            e.date.as_ref().is_none_or(|d| d.text != "2200"),
            "a clock time dated an event: {e:#?}"
        );
    }
    // The day beside a clock time dates the event; the clock time counts nothing.
    let e = code(
        p,
        "Israeli troops detained 12 Palestinians in Hebron at 0900 local time on Monday.",
    );
    let e = one(&e, C::Coerce);
    assert_eq!(fig(e.quantity.as_ref()).map(|f| f.0), Some(12.0));
    assert_eq!(span(e), days("2017-02-06", "2017-02-06"));
    let e = code(
        p,
        "Egyptian police arrested 30 protesters in Cairo at 1500 hours on Tuesday.",
    );
    let e = one(&e, C::Coerce);
    assert_eq!(fig(e.quantity.as_ref()).map(|f| f.0), Some(30.0));
    assert_eq!(span(e), days("2017-02-07", "2017-02-07"));
    let e = code(p, "Syrian troops shelled Aleppo at 22:00 GMT on Sunday.");
    assert_eq!(span(one(&e, C::Assault)), days("2017-02-05", "2017-02-05"));
    // A clock time with a zone is no count either.
    let e = code(
        p,
        "Police arrested protesters in Cairo at 0800 Cairo time on Tuesday.",
    );
    for e in &e {
        assert!(
            e.quantity.as_ref().is_none_or(|q| q.value != 800.0),
            "{e:#?}"
        );
    }
}
