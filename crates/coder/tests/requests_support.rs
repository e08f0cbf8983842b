//! Requests, support, talks and concessions as British political news tells them (issue 11's
//! real-news measure): demands made through a verb of need or in the passive ("said America
//! needed to act", "said the law must be changed"), defending a person (SUPPORT, where
//! defending a policy is REJECT), talks carried by a verb of engagement or a measure of events
//! ("has been locked in talks with", "began a new round of talks"), a noun's infinitive done by
//! the noun's owner ("Spain's decision to put its claim on hold") and climb-downs. Each
//! construction has negatives: the same words in senses that are no political event.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// (sentence, category, actor country, recipient country or "" for any)
const CODED: &[(&str, C, &str, &str)] = &[
    // A verb of need in a reported clause is a demand on its subject.
    (
        "Gordon Brown said Germany needed to do more to cut its debts.",
        C::Request,
        "GBR",
        "DEU",
    ),
    (
        "The French foreign minister insisted Iran needed to suspend enrichment.",
        C::Request,
        "FRA",
        "IRN",
    ),
    // A passive demand names what must be done, not by whom.
    (
        "The Liberal Democrats said the anti-terror law must be changed.",
        C::Request,
        "GBR",
        "",
    ),
    (
        "The Welsh Conservatives welcomed the report but added that patients should be consulted.",
        C::Request,
        "GBR",
        "",
    ),
    (
        "The Scottish Conservatives said urgent reforms were needed to the planning system.",
        C::Request,
        "GBR",
        "",
    ),
    // Defending a person is support.
    (
        "Tony Blair defended Foreign Secretary Jack Straw over the visa row.",
        C::Support,
        "GBR",
        "GBR",
    ),
    (
        "Jacques Chirac defended President Vladimir Putin against his critics.",
        C::Support,
        "FRA",
        "RUS",
    ),
    ("Tony Blair defended Mr Straw.", C::Support, "GBR", ""),
    // Talks carried by a verb of engagement, active or passive, or through a measure of events.
    (
        "France has been locked in talks with Germany over the budget rules.",
        C::Consult,
        "FRA",
        "DEU",
    ),
    (
        "The United States began a new round of talks with North Korea.",
        C::Consult,
        "USA",
        "PRK",
    ),
    (
        "The Foreign Office launched a series of consultations on the treaty.",
        C::Consult,
        "GBR",
        "",
    ),
    // A visit to a foreign city is a visit abroad.
    ("Tony Blair visited Basra on Monday.", C::Consult, "GBR", ""),
    // Climb-downs and claims put on hold.
    (
        "Spain has put its sovereignty claim on hold.",
        C::Concede,
        "ESP",
        "",
    ),
    (
        "The talks follow the Spanish government's decision to put its sovereignty claim on hold.",
        C::Concede,
        "ESP",
        "",
    ),
    (
        "The Labour government shelved plans for identity cards after a revolt by its MPs.",
        C::Concede,
        "GBR",
        "",
    ),
    // A clause after "after" whose subject the parser took for the preposition's object.
    (
        "The talks resumed after Iran promised to suspend uranium enrichment.",
        C::Agree,
        "IRN",
        "",
    ),
    (
        "The row ended after France and Germany vowed to cut their deficits.",
        C::Agree,
        "DEU",
        "",
    ),
    // Violent repression of protesters is an assault; a crackdown on crime is coercion.
    (
        "The embargo followed the Burmese junta's crackdown on protesters in Rangoon.",
        C::Assault,
        "MMR",
        "",
    ),
    (
        "The Chinese government announced a crackdown on tax evasion.",
        C::Coerce,
        "CHN",
        "",
    ),
    (
        "Hamas leaders climbed down over their demands for a prisoner exchange.",
        C::Concede,
        "PSE",
        "",
    ),
];

#[test]
fn requests_support_talks_and_concessions_are_coded() {
    common::assert_rows_coded(CODED, code);
}

#[test]
fn same_words_without_a_political_event_code_nothing() {
    common::assert_none_coded(
        &[
            // The speaker's own need, and a need justified by its purpose, demand nothing.
            ("Gordon Brown said he needed to take a holiday.", C::Request),
            (
                "The Telegraph Group says the job cuts are needed to fund new printing presses.",
                C::Request,
            ),
            (
                "Foreign investors will need approval before they raise their stake, the minister said.",
                C::Request,
            ),
            // An ability is no decision: nothing is done.
            (
                "The home secretary said our ability to deport the suspects was limited.",
                C::Coerce,
            ),
            // Taking part in attacks is an allegation, not an attack reported as done.
            (
                "The MP believes the security services were involved in arson attacks.",
                C::Assault,
            ),
            // A tour of one's own country's cities, hosting a speech.
            (
                "Tony Blair visited Birmingham and Leeds on Monday.",
                C::Consult,
            ),
            (
                "The Red Cross will host Tony Blair's speech on Wednesday.",
                C::Agree,
            ),
            (
                "The Red Cross will host Tony Blair's speech on Wednesday.",
                C::Consult,
            ),
            // A need of something, not of an act, is no demand.
            (
                "The minister said the economy needed more investment.",
                C::Request,
            ),
            // Sport and law-court uses of "defend".
            (
                "The striker defended his goalkeeper after the defeat.",
                C::Support,
            ),
            (
                "Chelsea defended their title with a win over Arsenal.",
                C::Support,
            ),
            // Other measures of things and other things to be locked in.
            (
                "The BBC launched a series of programmes on the election.",
                C::Consult,
            ),
            (
                "The firm has been locked in a dispute with its landlord over the rent.",
                C::Consult,
            ),
            // Plans put on hold by a company, a climber climbing down.
            (
                "The club put its plans for a new stadium on hold.",
                C::Concede,
            ),
            (
                "The climber climbed down from the summit before the storm.",
                C::Concede,
            ),
            (
                "The company shelved plans for a new factory in Wales.",
                C::Concede,
            ),
        ],
        code,
    );
}

/// Instructing or directing someone to act is an order (REQUEST); a lawyer instructed or a film
/// directed is none.
#[test]
fn instructing_or_directing_someone_to_act_is_a_request() {
    common::assert_rows_coded(
        &[
            (
                "The French finance minister agreed to instruct the World Bank to prepare a report on Indonesia.",
                C::Request,
                "FRA",
                "",
            ),
            (
                "The Russian president instructed the government to draft a new budget.",
                C::Request,
                "RUS",
                "",
            ),
            (
                "The Indian prime minister directed the army to withdraw from the border posts.",
                C::Request,
                "IND",
                "",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[
            (
                "The French director directed the film in Paris last year.",
                C::Request,
            ),
            ("The Spanish minister has instructed a lawyer.", C::Request),
        ],
        code,
    );
}
