//! Actors a sentence gives only by reference to the document: a report's lead that names an
//! office by a closing "..., the lord chancellor has said." before the body names its holder;
//! a role owned by a pronoun ("his government"); the empty "it" of a judgement ("it was
//! fair to criticise"); and "it", which never stands for a person. Mini-documents written for
//! these tests, with negatives (two candidates, a candidate that is no actor, one too far
//! back).

use attache_event::Event;
use chrono::NaiveDate;

mod common;

use common::{actor_of, coded};

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 2))
}

#[test]
fn a_lead_closing_with_an_office_names_the_person_the_body_names_next() {
    // The verb of saying closes the lead and the parse hangs it on the quoted clause; a
    // bill's name comes before the person's.
    let text = "Cuts to school meals would be a mistake, the education secretary has said.\n\n\
                Teachers in Britain protested against the Healthy Schools Bill on \
                Tuesday. Lady Harwood said the critics had misread the plan.\n\nLater Lady \
                Harwood praised the head teachers of Britain for their patience.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "praised"),
        coded("GBR", "GOV"),
        "{:#?}",
        common::actor_rows(&events)
    );
}

#[test]
fn a_lead_office_with_two_unplaced_people_after_it_names_neither() {
    let text = "Cuts to school meals would be a mistake, the education secretary has said.\n\n\
                Lady Harwood and Mr Pellow spoke in Britain on Tuesday. Lady Harwood \
                said the critics had misread the plan.\n\nLater Lady Harwood praised the head \
                teachers of Britain for their patience.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "praised"),
        None,
        "{:#?}",
        common::actor_rows(&events)
    );
}

#[test]
fn a_role_owned_by_a_pronoun_is_of_the_pronouns_referents_country() {
    let text = "Mr Tokayev, the foreign minister of Kazakhstan, arrived in Moscow on Monday. \
                He said that his government would insist on a higher price for oil sent to \
                China.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "insist"),
        coded("KAZ", "GOV"),
        "{:#?}",
        common::actor_rows(&events)
    );
}

#[test]
fn a_role_owned_by_a_pronoun_with_two_candidates_is_no_ones() {
    // Two people of two countries named in one sentence: "his" may be either.
    let text = "Mr Tokayev, the foreign minister of Kazakhstan, met Mr Lavrov, the foreign \
                minister of Russia, on Monday. Officials said that his government would insist \
                on a higher price for oil sent to China.";
    let events = code(text);
    let actors = common::actor_rows(&events);
    assert!(
        actors
            .iter()
            .all(|(trigger, text, ..)| trigger != "insist" || text != "his government"),
        "{actors:#?}"
    );
}

#[test]
fn the_empty_it_of_a_judgement_is_no_one() {
    let text = "Ms Ferrant, the Danish justice minister, spoke in Copenhagen on Monday. She \
                said it was fair to criticise the police over the delays.";
    let events = code(text);
    let actors = common::actor_rows(&events);
    assert!(
        actors.iter().all(|(_, text, ..)| text != "it"),
        "{actors:#?}"
    );
    // "ready" says what its subject will do: "it" is the speaker's side.
    let events = code("Iran said on Monday it was ready to hold talks with the EU.");
    let country = actor_of(&events, "talks").map(|(country, _)| country);
    assert_eq!(
        country.as_deref(),
        Some("IRN"),
        "{:#?}",
        common::actor_rows(&events)
    );
}

#[test]
fn it_stands_for_the_last_body_not_a_person_named_after_it() {
    let text = "The Kenyan government faces a strike by teachers in Nairobi. British chancellor \
                Gordon Brown said the talks had failed. It blamed the unions for the collapse.";
    let events = code(text);
    let actor = actor_of(&events, "blamed");
    assert_ne!(
        actor,
        coded("GBR", "GOV"),
        "{:#?}",
        common::actor_rows(&events)
    );
    assert_eq!(
        actor,
        coded("KEN", "GOV"),
        "{:#?}",
        common::actor_rows(&events)
    );
}

#[test]
fn it_reaches_no_body_far_back_past_a_person() {
    let text = "The Kenyan government faces a strike by teachers in Nairobi. Schools were \
                closed. Parents were angry. Pupils stayed at home. Exams were delayed. British \
                chancellor Gordon Brown said the talks had failed. It blamed the unions for \
                the collapse.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "blamed"),
        None,
        "{:#?}",
        common::actor_rows(&events)
    );
}

#[test]
fn they_does_not_stand_for_one_office() {
    // "they" are the boards urged, not the one minister who urged them.
    let lead = "Waiting lists in Britain grew in January, figures from Britain showed on \
                Monday.\n\n";
    let events = code(&format!(
        "{lead}The finance minister has urged health boards to cut waiting lists but they \
         have warned that they will close wards unless funding is increased."
    ));
    let actors = common::actor_rows(&events);
    assert!(
        actors
            .iter()
            .all(|(trigger, _, _, sector)| trigger != "warned" || sector.as_deref() != Some("GOV")),
        "{actors:#?}"
    );
    // "he" stands for the office's holder, the home country's.
    let events = code(&format!(
        "{lead}The finance minister said he would not hold talks with the unions."
    ));
    assert_eq!(
        actor_of(&events, "talks"),
        coded("GBR", "GOV"),
        "{:#?}",
        common::actor_rows(&events)
    );
}

/// A report set in Britain, for groups known only by what they are ("MPs", "unions").
const BRITISH_LEAD: &str =
    "Waiting lists in Britain grew in January, figures from Britain showed on Monday.\n\n";

/// A body read after [`BRITISH_LEAD`], a trigger in it, and the trigger's actor (country,
/// sector) or none.
type ActorCase<'a> = (&'a str, &'a str, Option<(String, String)>);

/// Each case's trigger has its actor.
fn assert_actors_after_british_lead(cases: &[ActorCase<'_>]) {
    for (body, trigger, want) in cases {
        let events = code(&format!("{BRITISH_LEAD}{body}"));
        assert_eq!(
            actor_of(&events, trigger),
            *want,
            "{body}: {:#?}",
            common::actor_rows(&events)
        );
    }
}

#[test]
fn they_continues_a_group_known_by_its_kind() {
    // A generic agent that was the last subject is what a later subject "they" stands for,
    // placed where the report stands; so is one that speaks ("Police have said they ...").
    let cases = [
        (
            "Five public sector unions will hold private talks with the deputy prime minister \
             this weekend. They want the government to withdraw regulations which would raise \
             the pension age.",
            "want",
            coded("GBR", "LAB"),
        ),
        (
            "MPs said on Tuesday that the rules on speed cameras were unfair. They called for a \
             review of the fines.",
            "called",
            coded("GBR", "LEG"),
        ),
        (
            "Police have said they will investigate the men, who were arrested on their return \
             to Britain.",
            "investigate",
            coded("GBR", "COP"),
        ),
        (
            "Protesters lost an appeal over police action at an air base on Tuesday. They had \
             appealed against a High Court decision.",
            "appealed",
            coded("GBR", "CVL"),
        ),
    ];
    assert_actors_after_british_lead(&cases);
}

#[test]
fn they_said_by_a_group_that_is_no_actor_is_that_group() {
    // "people say they want": the speakers, no earlier subject; a possessive "their" does
    // not reach back to a group known by its kind ("MPs ... Motorists say their protest").
    let cases = [
        "The committee of MPs said on Tuesday that the law was unclear. Many people say they \
         want the government to allow assisted dying.",
        "MPs said on Tuesday that the rules on speed cameras were unfair. Motorists say their \
         protest will continue.",
    ];
    for body in cases {
        let events = code(&format!("{BRITISH_LEAD}{body}"));
        let second = body.split(". ").nth(1).unwrap_or_default();
        let rows: Vec<_> = events
            .iter()
            .filter(|e| second.contains(e.trigger.text.as_str()))
            .filter(|e| e.trigger.text != "said")
            .map(|e| (e.event, e.trigger.text.clone()))
            .collect();
        assert!(rows.is_empty(), "{body}: {rows:?}");
    }
}

#[test]
fn a_relative_pronoun_of_a_group_known_by_its_kind_is_that_group() {
    // "unions which met", "a barrister who has resigned", "protesters who stormed": the
    // relative pronoun's antecedent is a generic agent, placed where the report stands, as
    // the same group would be as the subject. A group that is no agent ("hunters") is no one.
    let cases = [
        (
            "The five unions which met the deputy prime minister want the government to \
             withdraw these regulations.",
            "met",
            coded("GBR", "LAB"),
        ),
        (
            "A senior barrister who has resigned in protest over the government's anti-terror \
             laws says the system is giving Britain a bad name.",
            "resigned",
            coded("GBR", "JUD"),
        ),
        (
            "Eight protesters who stormed the House of Commons chamber during a debate have \
             been charged with disorderly conduct.",
            "stormed",
            coded("GBR", "CVL"),
        ),
        (
            "The minister issued no instructions to police on how they should deal with \
             hunters who violate the law.",
            "violate",
            None,
        ),
    ];
    assert_actors_after_british_lead(&cases);
}

#[test]
fn the_us_that_says_it_is_no_pronoun() {
    // "US" is written like "us": the speaker of "it" is the name, not a first person skipped
    // for an earlier subject ("The EU expanded ... The US said it filed").
    let text = "The US has asked the World Trade Organisation to investigate European Union \
                customs tariffs.\n\nThe EU expanded from 15 to 25 member states in May. The US \
                said it filed the complaint after talks failed to find a solution.";
    let events = code(text);
    assert_eq!(
        actor_of(&events, "filed").map(|(c, _)| c),
        Some("USA".to_string()),
        "{:#?}",
        common::actor_rows(&events)
    );
}
