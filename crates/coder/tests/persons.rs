//! People and parties resolved from the document's context: a role or party given with a name
//! in one sentence names the person's country and sector in later ones ("Mr Beith", the
//! surname); a party's status (governing or opposition) is the one at the event's date; a
//! surname two people of the document share names neither. Sentences from BBC News (2004-05).

use attache_event::Event;
use chrono::NaiveDate;

mod common;

fn code(text: &str, published: (i32, u32, u32)) -> Vec<Event> {
    common::code_on(
        text,
        NaiveDate::from_ymd_opt(published.0, published.1, published.2),
    )
}

fn actor_of(events: &[Event], trigger: &str) -> Option<(Option<String>, Option<String>)> {
    common::actor_rows(events)
        .into_iter()
        .find(|(t, ..)| t == trigger)
        .map(|(_, _, c, s)| (c, s))
}

fn gbr(sector: &str) -> Option<(Option<String>, Option<String>)> {
    Some((Some("GBR".into()), Some(sector.into())))
}

#[test]
fn a_role_given_two_sentences_earlier_names_mr_surname() {
    // Alan Beith is in no dictionary: his party and role come from the first sentence.
    let text = "On Monday Lib Dem constitutional affairs committee chairman Alan Beith warned \
        that the deletion of millions of government e-mails could harm the ability of key \
        probes like the Hutton Inquiry. But a Cabinet Office spokeswoman said the move was not \
        about the new laws. Mr Beith urged the information commissioner to look at how the \
        \"e-mail regime\" could \"support the freedom of information regime\".";
    let events = code(text, (2004, 12, 13));
    assert_eq!(
        actor_of(&events, "urged"),
        gbr("OPP"),
        "{:#?}",
        common::actor_rows(&events)
    );
}

#[test]
fn the_surname_alone_after_the_full_name_with_its_role() {
    let text = "Tory leader Michael Howard has gone on the offensive in response to people \
        questioning how a son of immigrants can propose asylum quotas. Howard has criticised the \
        government's plans.";
    let events = code(text, (2005, 1, 24));
    assert_eq!(
        actor_of(&events, "criticised"),
        gbr("OPP"),
        "{:#?}",
        common::actor_rows(&events)
    );
}

#[test]
fn a_party_is_governing_or_in_opposition_at_the_event_date() {
    // The Conservatives: opposition 1997-2010, in government 2010-2024 (parties.tsv).
    let text = "Tory leader Michael Howard has written to Tony Blair demanding an explanation \
        of the new rules on e-mail retention.";
    assert_eq!(
        actor_of(&code(text, (2004, 12, 13)), "demanding"),
        gbr("OPP")
    );
    assert_eq!(
        actor_of(&code(text, (2012, 12, 13)), "demanding"),
        gbr("GOV")
    );
    // Labour: in government 1997-2010, so its MPs are legislators; an opposition party's
    // MPs are the opposition (docs/gold.md: party membership wins over a legislative role).
    let text = "Labour MPs criticised the plan.";
    assert_eq!(
        actor_of(&code(text, (2005, 3, 2)), "criticised"),
        gbr("LEG")
    );
    assert_eq!(
        actor_of(&code(text, (2012, 3, 2)), "criticised"),
        gbr("OPP")
    );
}

#[test]
fn a_surname_two_people_share_names_neither() {
    let text = "Tony Blair visited Moscow on Monday. His wife Cherie Blair met charity workers. \
        Mr Blair criticised the plan.";
    let events = code(text, (2005, 3, 2));
    let found = common::actor_rows(&events);
    assert_eq!(actor_of(&events, "visited"), gbr("GOV"), "{found:#?}");
    assert_eq!(actor_of(&events, "criticised"), None, "{found:#?}");
    assert!(
        !found.iter().any(|(_, text, ..)| text.contains("Cherie")),
        "Cherie Blair is not the prime minister: {found:#?}"
    );
}

#[test]
fn an_apposition_gives_the_role_and_a_shorter_name_finds_it() {
    // The role after the name: a shadow minister is the opposition (roles.tsv), of the
    // country whose parties the report names.
    let text = "Former Conservative leader William Hague says he will not stand for the \
        leadership again, having given up his ambition to be prime minister. His determination \
        to stay away from a central role will disappoint some senior Conservative members, who \
        say the party needs him. Tim Collins, the shadow education secretary, said last week it would be a \
        \"huge boost\" to the party if Mr Hague returned to the front bench. Mr Collins has \
        criticised the government's plans.";
    let events = code(text, (2005, 2, 14));
    assert_eq!(
        actor_of(&events, "criticised"),
        gbr("OPP"),
        "{:#?}",
        common::actor_rows(&events)
    );
    // The party's leader given after the name; later the name without the given names.
    let text = "Jean-Marie Le Pen, leader of the National Front, spoke in Paris on Sunday. \
        Le Pen criticised the government.";
    let events = code(text, (2005, 3, 2));
    let fra_opp = Some((Some("FRA".into()), Some("OPP".into())));
    assert_eq!(
        actor_of(&events, "criticised"),
        fra_opp,
        "{:#?}",
        common::actor_rows(&events)
    );
}

#[test]
fn a_title_the_parse_splits_from_the_name_still_names_it() {
    // "Conservative MP | Peter Duncan said": two subjects in the parse, one person.
    let text = "Scotland's only Conservative MP Peter Duncan said the Save the Scottish \
        Regiments had done a \"superb job\" in fighting against defence cuts. Mr Duncan \
        criticised the government's plans.";
    let events = code(text, (2005, 4, 20));
    assert_eq!(
        actor_of(&events, "criticised"),
        gbr("OPP"),
        "{:#?}",
        common::actor_rows(&events)
    );
}

/// British politicians of 2004-05 named without a title: the dictionary gives their country
/// and their usual sector; a later "Mr" + surname resolves through the full name.
#[test]
fn british_politicians_of_2005_by_name() {
    let cases = [
        (
            "Jack Straw agreed to establish a body to give Gibraltarians a voice.",
            "agreed",
            "GOV",
        ),
        (
            "Michael Howard dismissed fears that his tax cuts were too modest.",
            "dismissed",
            "OPP",
        ),
        (
            "Charles Kennedy held talks with Tony Blair on Friday.",
            "talks",
            "OPP",
        ),
        (
            "Mr Kilroy-Silk accused his fellow UKIP MEPs of growing fat in Brussels.",
            "accused",
            "OPP",
        ),
        (
            "Jack McConnell promised that Scotland would play its part in the reconstruction.",
            "promised",
            "GOV",
        ),
        (
            "Michael Howard spoke in Bolton. Mr Howard denied he had been playing politics.",
            "denied",
            "OPP",
        ),
    ];
    for (text, trigger, sector) in cases {
        let events = code(text, (2005, 2, 1));
        assert_eq!(
            actor_of(&events, trigger),
            gbr(sector),
            "{text}: {events:#?}"
        );
    }
    // Another Howard is not the Tory leader.
    let events = code(
        "Australian Prime Minister John Howard criticised the plan.",
        (2005, 2, 1),
    );
    let rows = common::actor_rows(&events);
    assert!(
        rows.iter().all(|(_, _, c, _)| c.as_deref() != Some("GBR")),
        "{rows:?}"
    );
}

#[test]
fn a_title_the_parse_made_the_head_of_a_name_is_that_person() {
    // "host | Robert Kilroy-Silk", "general secretary of ... Unison | Dave Prentis": the parse
    // makes the title the head and the name its flat part; the person is who the name and
    // the body it is given with place. A title with a name placed by nothing stays no one.
    let events = code(
        "Ex-chat show host Robert Kilroy-Silk has quit the UK Independence Party and accused \
         it of betraying its supporters.",
        (2005, 1, 21),
    );
    assert_eq!(
        actor_of(&events, "accused"),
        gbr("OPP"),
        "{:#?}",
        common::actor_rows(&events)
    );
    let lead = "Ministers in Britain want to cut the number of civil servants by 80,000.\n\n";
    let events = code(
        &format!(
            "{lead}But general secretary of the public services union Unison Dave Prentis \
             criticised the plans."
        ),
        (2005, 3, 2),
    );
    assert_eq!(
        actor_of(&events, "criticised"),
        gbr("LAB"),
        "{:#?}",
        common::actor_rows(&events)
    );
    let events = code(
        &format!("{lead}But television presenter Jane Doe criticised the plans."),
        (2005, 3, 2),
    );
    assert_eq!(
        actor_of(&events, "criticised"),
        None,
        "{:#?}",
        common::actor_rows(&events)
    );
}
