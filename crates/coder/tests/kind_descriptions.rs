//! Bodies a later sentence describes by their kind instead of naming them (issue 12): "the
//! group" after a campaign or rebel group, "the alliance" after Nato, "the union" after a
//! union whose short name does not say so ("the TUC"), "the confederation" after "the
//! Confederation of British Industry" (a name the parse splits). Kinds live in
//! data/coder/descriptions.tsv. Precision first: two candidates of the description's kinds
//! named together, a candidate of another kind, or one named long before resolve to no one.
//! Mini-documents written for these tests.

use attache_event::Event;
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

#[test]
fn the_group_is_the_campaign_group_named_before() {
    let text = "Human Rights Watch released its annual report in New York on Thursday. The \
        group accused Uzbekistan of jailing thousands of dissidents.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "accused"),
        coded("HRW", "NGO"),
        "{events:#?}"
    );
}

#[test]
fn the_movement_and_the_group_are_the_armed_group_named_before() {
    let text = "Hezbollah staged a march through southern Beirut on Friday. The movement \
        threatened to retaliate against any Israeli incursion.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "threatened"),
        coded("LBN", "REB"),
        "{events:#?}"
    );
}

#[test]
fn the_alliance_is_nato() {
    let text = "Nato defence ministers gathered in Brussels for two days of meetings. The \
        alliance urged Moscow to withdraw its forces from the border.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "urged"),
        coded("NATO", "IGO"),
        "{events:#?}"
    );
}

#[test]
fn the_union_is_the_tuc_by_its_full_name() {
    // "TUC" has no word "union"; the Trades Union Congress does.
    let text = "The TUC opened its annual congress in Brighton on Monday. The union \
        accused ministers of betraying pensioners.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "accused"),
        coded("GBR", "LAB"),
        "{events:#?}"
    );
}

#[test]
fn a_name_the_parse_splits_still_gives_its_description() {
    // The parse leaves "of British Industry" out of the subject's core.
    let text = "The Confederation of British Industry published a survey of its members on \
        Monday. The confederation urged the chancellor to cut business rates.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "urged"),
        coded("GBR", "BUS"),
        "{events:#?}"
    );
}

#[test]
fn two_groups_named_together_leave_the_group_unresolved() {
    let text = "Hamas and Amnesty International both issued statements in Gaza on Sunday. \
        The group accused Israel of collective punishment.";
    let events = code(text);
    assert_eq!(actor_of(&events, "accused"), None, "{events:#?}");
}

#[test]
fn a_state_or_a_body_of_another_kind_is_not_the_group() {
    // A country is never "the group"; a rebel group is never "the union".
    let text = "Uzbekistan released its budget figures on Thursday. The group accused the \
        government of hiding its military spending.";
    let events = code(text);
    assert_eq!(actor_of(&events, "accused"), None, "{events:#?}");
    let text = "Hamas staged a march through Gaza City on Friday. The union accused the \
        Palestinian Authority of failing to pay salaries.";
    let events = code(text);
    assert_eq!(actor_of(&events, "accused"), None, "{events:#?}");
}

#[test]
fn a_group_named_long_before_is_out_of_reach() {
    let filler = "The weather in the region stayed cold and wet for most of the week. ";
    let text = format!(
        "Human Rights Watch released its annual report in New York on Thursday. {} The group \
         accused Uzbekistan of jailing thousands of dissidents.",
        filler.repeat(10)
    );
    let events = code(&text);
    assert_eq!(actor_of(&events, "accused"), None, "{events:#?}");
}
