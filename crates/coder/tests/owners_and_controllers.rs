//! Who does what a noun or an infinitive names: the possessor of a noun trigger that is a
//! description of a body named before ("the party's opposition"), the subject of "raise" with
//! a noun trigger ("raised a legal challenge"), a cause's lobby as a campaign group, the
//! object of a verb that governs an infinitive ("urged Iran to withdraw": Iran is to act), and
//! the noun of an absolute "with" phrase (", with Labour backbenchers opposing the plan").

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 4))
}

#[test]
fn a_described_body_owning_a_noun_trigger_is_its_actor() {
    common::assert_rows_coded(
        &[
            (
                "Tory leader Michael Howard spoke in Blackpool on Friday. He stayed in London to lead the party's opposition to the Prevention of Terrorism Bill.",
                C::Reject,
                "GBR",
                "",
            ),
            (
                "The European Commission fined Microsoft last year. The commission's criticism of Google was sharp.",
                C::Accuse,
                "EU",
                "",
            ),
            (
                "The Liberal Democrats unveiled their manifesto on Tuesday. The party's criticism of the government's record was fierce.",
                C::Accuse,
                "GBR",
                "GBR",
            ),
        ],
        code,
    );
}

#[test]
fn a_description_no_body_was_named_for_owns_nothing() {
    common::assert_none_coded(
        &[("The party's opposition to the bill was fierce.", C::Reject)],
        code,
    );
}

#[test]
fn raising_a_challenge_or_an_objection_is_done_by_the_subject() {
    common::assert_rows_coded(
        &[
            (
                "The Confederation of British Industry raised objections to the plan.",
                C::Accuse,
                "GBR",
                "",
            ),
            (
                "The Scottish Executive lost a case at the Court of Session in Edinburgh on Tuesday. Napier, a remand prisoner at the time, raised a legal challenge in 2001 under the European Convention on Human Rights.",
                C::Accuse,
                "GBR",
                "",
            ),
        ],
        code,
    );
    // Raising what is no event reports nothing.
    for text in [
        "The government raised taxes on fuel.",
        "The bank raised interest rates on Thursday.",
    ] {
        assert!(code(text).is_empty(), "{text}: {:?}", code(text));
    }
}

#[test]
fn a_causes_lobby_is_a_campaign_group() {
    let events = code(
        "Hunting with dogs was banned in England and Wales on Friday. The anti-hunting lobby expects the authorities to prosecute wherever there is evidence of illegal hunting.",
    );
    let request = events
        .iter()
        .find(|e| e.event == C::Request)
        .expect("a request");
    assert_eq!(request.actors[0].country.as_deref(), Some("GBR"));
    assert_eq!(request.actors[0].sector.as_deref(), Some("NGO"));
    // A hotel's lobby is a place, and no one.
    let events = code("Guests waited in the hotel lobby as the minister criticised the plan.");
    assert!(
        common::actor_rows(&events)
            .iter()
            .all(|(_, text, _, _)| !text.contains("lobby")),
        "{:?}",
        common::actor_rows(&events)
    );
}

#[test]
fn an_infinitive_after_an_object_is_the_objects_act() {
    common::assert_rows_coded(
        &[
            (
                "Britain urged Iran to withdraw its troops from the border.",
                C::Retreat,
                "IRN",
                "",
            ),
            (
                "France persuaded Germany to impose sanctions on Iran.",
                C::Sanction,
                "DEU",
                "IRN",
            ),
            // Asked of China, the apology is China's act, only possible: no promise of China's
            // (AGREE), which an announced apology would be.
            (
                "Japan wants the Chinese government to apologise for the riots.",
                C::Support,
                "CHN",
                "",
            ),
            (
                "The US has asked the World Trade Organisation to investigate European Union customs tariffs.",
                C::Accuse,
                "WTO",
                "EU",
            ),
        ],
        code,
    );
    // The one who urges does not do what they urge.
    for (text, category, urger) in [
        (
            "Britain urged Iran to withdraw its troops from the border.",
            C::Retreat,
            "GBR",
        ),
        (
            "France persuaded Germany to impose sanctions on Iran.",
            C::Sanction,
            "FRA",
        ),
        (
            "Japan wants the Chinese government to apologise for the riots.",
            C::Support,
            "JPN",
        ),
    ] {
        let events = code(text);
        assert!(
            !events
                .iter()
                .any(|e| common::coded_as(e, category, urger, "")),
            "{text}: {:?}",
            common::actor_rows(&events)
        );
    }
}

#[test]
fn the_noun_of_an_absolute_with_phrase_does_what_its_participle_says() {
    common::assert_rows_coded(
        &[
            (
                "The proposals sparked a political outcry in London, with Labour backbenchers opposing the plan.",
                C::Reject,
                "GBR",
                "",
            ),
            (
                "The EU is gearing up for tough negotiations, with the Luxembourg presidency hoping to strike a deal at a June summit.",
                C::Agree,
                "LUX",
                "",
            ),
        ],
        code,
    );
    // "with" without the comma is the noun's own phrase: the rebels are who is bombed.
    let text =
        "President Laurent Gbagbo broke an 18-month ceasefire with rebels bombing their positions.";
    let events = code(text);
    assert!(
        common::actor_rows(&events)
            .iter()
            .all(|(_, actor, _, _)| actor != "rebels"),
        "{text}: {:?}",
        common::actor_rows(&events)
    );
}
