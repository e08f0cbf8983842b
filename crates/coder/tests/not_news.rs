//! Lines that are not news (issue 11, step 4): headings, photo captions and credits, bylines,
//! "Read more" link lists and date lines report no event and lend no date to the story. Each
//! case is a report as a scraper hands it over, with its publication date.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(published: &str, text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::parse_from_str(published, "%Y-%m-%d").ok())
}

/// The events whose trigger stands in `line` of `text`.
fn from_line<'e>(events: &'e [Event], text: &str, line: &str) -> Vec<&'e Event> {
    let start = text.find(line).expect("the line is in the text");
    let end = start + line.len();
    events
        .iter()
        .filter(|e| e.trigger.span[0] >= start && e.trigger.span[1] <= end)
        .collect()
}

fn none_from(published: &str, text: &str, line: &str) {
    let events = code(published, text);
    let found = from_line(&events, text, line);
    assert!(found.is_empty(), "no event from {line:?}: {found:#?}");
}

#[test]
fn a_headline_on_its_own_line_reports_nothing() {
    let text = "Russia expels 20 German diplomats in tit-for-tat move\n\
                Germany's foreign ministry said on Monday that it had been told of the decision.";
    none_from(
        "2022-04-25",
        text,
        "Russia expels 20 German diplomats in tit-for-tat move",
    );
}

#[test]
fn a_title_case_headline_reports_nothing() {
    let text = "Nigerian Troops Free 20 Hostages Held By Militants In Borno\n\n\
                The army said on Friday that an operation in the state was continuing.";
    none_from(
        "2021-06-12",
        text,
        "Nigerian Troops Free 20 Hostages Held By Militants In Borno",
    );
}

#[test]
fn a_byline_reports_nothing_and_the_story_still_does() {
    let text = "By Anna Petrova, BBC News, Moscow\n\n\
                Russia expelled 20 German diplomats on Monday, the foreign ministry said.";
    let events = code("2022-04-25", text);
    assert!(from_line(&events, text, "By Anna Petrova, BBC News, Moscow").is_empty());
    let sanction: Vec<&Event> = events.iter().filter(|e| e.event == C::Sanction).collect();
    assert_eq!(sanction.len(), 1, "{events:#?}");
}

#[test]
fn an_image_caption_line_reports_nothing_and_lends_no_date() {
    let text = "The Turkish government said on Wednesday it was studying the proposal.\n\
                Image caption Police detained protesters in Istanbul on 12 March 2019\n\
                Officials gave no further details.";
    let events = code("2022-04-06", text);
    assert!(events.iter().all(|e| e.event != C::Coerce), "{events:#?}");
    assert!(
        events
            .iter()
            .all(|e| e.date.as_ref().is_none_or(|d| !d.text.contains("2019"))),
        "{events:#?}"
    );
}

#[test]
fn a_photograph_credit_line_reports_nothing() {
    let text = "Lebanon's prime minister met the Iranian foreign minister in Beirut.\n\n\
                Protesters clash with police outside parliament in Beirut on Sunday. Photograph: Hassan Ammar/AP\n\n\
                The talks focused on reconstruction.";
    let events = code("2022-04-05", text);
    assert!(events.iter().all(|e| e.event != C::Protest), "{events:#?}");
    assert!(events.iter().any(|e| e.event == C::Consult), "{events:#?}");
}

#[test]
fn a_trailing_agency_credit_marks_a_caption() {
    let text = "Police fire tear gas at protesters in Nairobi (Reuters)\n\n\
                Kenya's interior minister said on Tuesday that the protests were illegal.";
    none_from(
        "2023-07-11",
        text,
        "Police fire tear gas at protesters in Nairobi (Reuters)",
    );
}

#[test]
fn a_read_more_list_reports_nothing_and_lends_no_date() {
    let text = "Pakistan's army chief visited Kabul on Thursday.\n\n\
                Read more:\n\
                India expels Pakistani diplomat over spying claims\n\
                Pakistan arrests 50 militants after mosque attack\n\n\
                The visit was the first in two years.";
    let events = code("2022-04-05", text);
    assert!(
        events
            .iter()
            .all(|e| e.event != C::Sanction && e.event != C::Coerce),
        "{events:#?}"
    );
}

#[test]
fn a_related_line_reports_nothing() {
    let text = "Iran's foreign minister held talks with his Saudi counterpart in Beijing on Thursday.\n\
                Related: Israel strikes targets in Syria after rocket fire\n\
                The two ministers agreed to reopen embassies within two months.";
    none_from(
        "2023-04-07",
        text,
        "Related: Israel strikes targets in Syria after rocket fire",
    );
}

#[test]
fn a_wire_credit_line_at_the_end_reports_nothing() {
    let text = "Israeli troops killed two Palestinians in Jenin on Monday, health officials said.\n\
                Reporting by Ali Sawafta; Editing by Mark Heinrich";
    let events = code("2023-01-17", text);
    assert_eq!(
        events.iter().filter(|e| e.event == C::Assault).count(),
        1,
        "{events:#?}"
    );
    assert!(
        from_line(
            &events,
            text,
            "Reporting by Ali Sawafta; Editing by Mark Heinrich"
        )
        .is_empty()
    );
}

#[test]
fn a_date_line_lends_no_date_to_the_story() {
    let text = "Published 3 March 2019\n\n\
                Police arrested 40 protesters in Algiers, the interior ministry said.";
    let events = code("2022-04-05", text);
    let coerce: Vec<&Event> = events.iter().filter(|e| e.event == C::Coerce).collect();
    assert_eq!(coerce.len(), 1, "{events:#?}");
    assert!(
        coerce[0]
            .date
            .as_ref()
            .is_none_or(|d| !d.text.contains("2019")),
        "{events:#?}"
    );
}

#[test]
fn a_one_line_report_without_a_full_stop_is_news() {
    let events = code(
        "2022-04-05",
        "Italy expelled 30 Russian diplomats on Tuesday",
    );
    assert_eq!(
        events.iter().filter(|e| e.event == C::Sanction).count(),
        1,
        "{events:#?}"
    );
}

#[test]
fn hard_wrapped_prose_is_news() {
    let text = "Poland expelled 45 Russian diplomats on Wednesday, accusing\n\
                them of spying, the interior minister said.\n\
                Moscow said it would respond.";
    let events = code("2022-03-23", text);
    assert_eq!(
        events.iter().filter(|e| e.event == C::Sanction).count(),
        1,
        "{events:#?}"
    );
}
