//! Rejections, threats, protests and concessions of political news (issue 11's real-news
//! measure, categories REJECT, THREATEN, PROTEST, CONCEDE): going back on or breaking a
//! promise, appealing against a ruling, voting against a measure, a rebellion by members,
//! ruling out a course of action, a promise to block or oppose (a rejection announced, not an
//! agreement), a union's threat to strike, a U-turn, watering down plans, giving ground,
//! holding or joining a strike, protesters gathering. Each has negatives: sport, armed revolts, literal
//! uses, hypotheticals.

use attache_event::{Event, EventCategory as C, Modality};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// (sentence, category, actor country, recipient country or "" for any); the event asserted.
const CODED: &[(&str, C, &str, &str)] = &[
    // Going back on, or breaking, a promise.
    (
        "The French government went back on its promise to cut fuel duty.",
        C::Reject,
        "FRA",
        "",
    ),
    (
        "The Dutch prime minister broke his promise to lower taxes.",
        C::Reject,
        "NLD",
        "",
    ),
    // Appealing against a ruling or a decision.
    (
        "The Irish government appealed against the ruling of the European Court.",
        C::Reject,
        "IRL",
        "",
    ),
    // Voting against a measure; a rebellion by members of a house.
    (
        "Conservative MPs voted against the bill.",
        C::Reject,
        "GBR",
        "",
    ),
    (
        "Dozens of Labour MPs rebelled against the government over tuition fees.",
        C::Reject,
        "GBR",
        "",
    ),
    (
        "A rebellion by 40 Labour MPs failed to stop the bill.",
        C::Reject,
        "GBR",
        "",
    ),
    // Ruling out a course of action.
    (
        "The Danish government ruled out a referendum on the treaty.",
        C::Reject,
        "DNK",
        "",
    ),
    // A promise to oppose is a rejection, announced, aimed at what it opposes (the bill is
    // the home government's).
    (
        "The Liberal Democrats pledged to oppose the bill.",
        C::Reject,
        "GBR",
        "GBR",
    ),
    // Yielding: a U-turn, watering down plans, giving ground.
    (
        "The Greek government made a U-turn on pension reform.",
        C::Concede,
        "GRC",
        "",
    ),
    (
        "Portuguese ministers watered down the plans to close rural schools.",
        C::Concede,
        "PRT",
        "",
    ),
    (
        "The Irish government gave ground on the tax after months of pressure.",
        C::Concede,
        "IRL",
        "",
    ),
    // Holding a strike; protesters gathering.
    (
        "Dutch dock workers held a strike on Monday.",
        C::Protest,
        "NLD",
        "",
    ),
    (
        "Thousands of Ukrainian protesters gathered outside the parliament.",
        C::Protest,
        "UKR",
        "",
    ),
    // Joining a protest or a strike.
    (
        "Hundreds of French farmers joined the march through Paris.",
        C::Protest,
        "FRA",
        "",
    ),
    (
        "German nurses joined the strike on Tuesday.",
        C::Protest,
        "DEU",
        "",
    ),
    // A ballot for strike action; a walkout the parser reads with an adverb.
    (
        "Belgian rail workers voted for strike action over pensions.",
        C::Protest,
        "BEL",
        "",
    ),
    (
        "Members of the Scottish teachers' union walked out over pay.",
        C::Protest,
        "GBR",
        "",
    ),
    // Voting down or pouring cold water on a proposal.
    (
        "Hungarian MPs voted down the budget on Tuesday.",
        C::Reject,
        "HUN",
        "",
    ),
    (
        "The Finnish prime minister poured cold water on plans for a referendum.",
        C::Reject,
        "FIN",
        "",
    ),
    // Suspending one's own strike; accepting defeat.
    (
        "Italian rail workers suspended their strike after talks with ministers.",
        C::Concede,
        "ITA",
        "",
    ),
    (
        "The Norwegian government accepted defeat in the vote on fishing rights.",
        C::Concede,
        "NOR",
        "",
    ),
    // Hitting back at claims rejects them.
    (
        "The Spanish government hit back at claims that it had misled voters.",
        C::Reject,
        "ESP",
        "",
    ),
];

#[test]
fn rejections_concessions_and_protests_are_coded() {
    common::assert_each_coded(
        CODED,
        |c| c.0,
        code,
        |e, c| common::coded_as(e, c.1, c.2, c.3) && e.modality == Modality::Asserted,
        |c| format!("asserted {:?} {} -> {}", c.1, c.2, c.3),
    );
}

#[test]
fn sport_revolts_literal_uses_and_appeals_for_calm_are_none() {
    common::assert_none_coded(
        &[
            // Going back on the attack, breaking a record.
            (
                "The French team went back on the attack after half-time.",
                C::Reject,
            ),
            ("The Italian striker broke the record for goals.", C::Reject),
            // An armed rebellion names no members.
            (
                "The Russian army has crushed a rebellion in the south.",
                C::Reject,
            ),
            // An appeal for calm is a request; a vote against what is no measure.
            ("The Spanish government appealed for calm.", C::Reject),
            (
                "The Dutch board voted against the advice of its lawyers.",
                C::Reject,
            ),
            // Ruling out what is no course of action.
            ("Spanish police in Madrid ruled out foul play.", C::Reject),
            // A promise to oppose is no agreement.
            (
                "The Liberal Democrats pledged to oppose the bill.",
                C::Agree,
            ),
            // Gathering without protesters, holding without a strike.
            (
                "The French players gathered in the dressing room.",
                C::Protest,
            ),
            ("The Italian striker held his nerve.", C::Protest),
            // Water poured on a fire.
            (
                "Danish firefighters poured water on the burning building.",
                C::Reject,
            ),
            // Joining a club or a coalition.
            ("The Italian striker joined the club in March.", C::Protest),
            ("The Dutch government joined the coalition.", C::Protest),
        ],
        code,
    );
}

#[test]
fn a_possible_reversal_is_not_asserted() {
    let events = code("The French government might go back on its promise to cut fuel duty.");
    assert!(
        events
            .iter()
            .all(|e| e.event != C::Reject || e.modality != Modality::Asserted),
        "{:?}",
        events
            .iter()
            .map(|e| (e.event, e.modality))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_union_threatening_to_strike_threatens_a_protest_not_force() {
    let mode = |text: &str| {
        code(text)
            .into_iter()
            .find(|e| e.event == C::Threaten)
            .map(|e| e.mode)
    };
    assert_eq!(
        mode("The Polish teachers' union threatened to strike over pay."),
        Some(Some("relations".to_string()))
    );
    assert_eq!(
        mode("The Polish army threatened to strike the rebel camps."),
        Some(Some("violence".to_string()))
    );
}

#[test]
fn what_the_subject_of_a_rejection_did_is_told_not_disputed() {
    // The step down in the subject's relative clause happened; the return is what is ruled
    // out. What is rejected itself is still not reported: no AGREE for the offer.
    let events = code(
        "Former Tory leader William Hague, who stepped down after the 2001 election defeat, has ruled out a return to the front bench.",
    );
    let got: Vec<_> = events.iter().map(|e| (e.event, e.modality)).collect();
    assert!(
        events
            .iter()
            .any(|e| e.event == C::Concede && e.modality == Modality::Asserted),
        "{got:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| e.event == C::Reject && e.modality == Modality::Asserted),
        "{got:?}"
    );
    let events = code("The Greek government rejected a Turkish offer to host a summit.");
    assert!(
        events
            .iter()
            .all(|e| e.event != C::Agree && e.event != C::Consult),
        "{:?}",
        events.iter().map(|e| e.event).collect::<Vec<_>>()
    );
}

/// "threatened to resign", "threatened to withdraw its troops": the threat is the event; the
/// resignation or withdrawal it names is possible, neither done nor agreed.
#[test]
fn what_a_threat_names_is_neither_done_nor_agreed() {
    for text in [
        "The French mayor threatened to resign over the budget cuts.",
        "The Italian government threatened to withdraw from the talks.",
    ] {
        let events = code(text);
        let seen: Vec<_> = events.iter().map(|e| (e.event, e.modality)).collect();
        assert!(
            events
                .iter()
                .any(|e| e.event == C::Threaten && e.modality == Modality::Asserted),
            "{text}: no asserted THREATEN in {seen:?}"
        );
        assert!(
            events.iter().all(|e| e.modality != Modality::Asserted
                || !matches!(e.event, C::Agree | C::Concede | C::Retreat)),
            "{text}: an asserted cooperation in {seen:?}"
        );
    }
}

/// Conceding that something is so admits a point in speech and yields nothing; conceding
/// defeat, or to demands, is the yielding.
#[test]
fn a_point_conceded_in_speech_is_no_concession() {
    common::assert_none_coded(
        &[
            (
                "The EU spokeswoman conceded there were grey areas in the law.",
                C::Concede,
            ),
            (
                "The French minister conceded that the plan had flaws.",
                C::Concede,
            ),
        ],
        code,
    );
    for text in [
        "The Ukrainian president conceded defeat in the election.",
        "The Angolan government conceded to demands from the opposition.",
    ] {
        assert!(
            code(text).iter().any(|e| e.event == C::Concede),
            "{text}: no CONCEDE"
        );
    }
}

/// Ruling out doing something refuses it: the gerund after "ruled out" is governed like an
/// infinitive after "refused" ("ruled out negotiating" is REJECT, not talks held); a participle
/// after the object and a comma is an act of its own ("rejected the offer, calling it ...").
#[test]
fn ruling_out_doing_something_refuses_it() {
    common::assert_rows_coded(
        &[
            (
                "The Spanish government has ruled out negotiating with the separatists.",
                C::Reject,
                "ESP",
                "",
            ),
            (
                "Turkey ruled out meeting the Cypriot leader before the vote.",
                C::Reject,
                "TUR",
                "",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[
            (
                "The Spanish government has ruled out negotiating with the separatists.",
                C::Consult,
            ),
            (
                "Turkey ruled out meeting the Cypriot leader before the vote.",
                C::Consult,
            ),
        ],
        code,
    );
}

/// Refuting, resisting, brushing aside and shrugging off claims, calls and criticism reject
/// them; a footballer shrugging off an injury rejects nothing.
#[test]
fn claims_and_calls_refuted_resisted_or_brushed_aside() {
    common::assert_rows_coded(
        &[
            (
                "A French government spokesman refuted the allegations on Monday.",
                C::Reject,
                "FRA",
                "",
            ),
            (
                "The German government has resisted calls for a public inquiry.",
                C::Reject,
                "DEU",
                "",
            ),
            (
                "The Irish prime minister brushed aside the criticism from the opposition.",
                C::Reject,
                "IRL",
                "",
            ),
            (
                "The Spanish prime minister shrugged off the criticism from Madrid's mayor.",
                C::Reject,
                "ESP",
                "",
            ),
            (
                "The Greek government disputed the commission's figures.",
                C::Reject,
                "GRC",
                "",
            ),
            (
                "The Belgian government petitioned the court to halt the sale.",
                C::Request,
                "BEL",
                "",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[
            (
                "The Brazilian striker shrugged off a knee injury to score twice.",
                C::Reject,
            ),
            (
                "The Scottish midfielder brushed aside the defender to score.",
                C::Reject,
            ),
        ],
        code,
    );
}

/// Joining others at a protest, or attending a demonstration, is taking part in it; attending a
/// meeting is talks, not a protest.
#[test]
fn joining_or_attending_a_protest_takes_part_in_it() {
    common::assert_rows_coded(
        &[
            (
                "The Scottish National Party joined other campaigners at a rally in London on Saturday.",
                C::Protest,
                "GBR",
                "",
            ),
            // announced, a protest is a threat of one (PLOVER)
            (
                "The Scottish National Party will join other campaigners at a rally in London.",
                C::Threaten,
                "GBR",
                "",
            ),
            (
                "Greek farmers attended a demonstration outside the parliament in Athens.",
                C::Protest,
                "GRC",
                "",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[(
            "The Greek foreign minister attended a meeting in Brussels.",
            C::Protest,
        )],
        code,
    );
}
