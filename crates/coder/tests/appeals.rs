//! Appeals, agreements and meetings of British and international political news (issue 11's
//! real-news measure): a demand told in a further clause of a saying that also criticises
//! ("said the ruling was an embarrassment and changes were needed"), a measure asked to exist
//! ("said there should be a public inquiry"), a hoped-for act of someone named ("hope the
//! government will act"), expecting someone to do what is owed ("expects the police to
//! prosecute"), an agreement by someone ("the agreement by the G8"), attending a meeting, and
//! who speaks for a body ("a spokesman for UKIP", "Vincent Cable, for the Liberal Democrats,").
//! Each construction has negatives: forecasts, wishes of fortune, sport and business.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// (sentence, category, actor country, recipient country or "" for any)
const CODED: &[(&str, C, &str, &str)] = &[
    // A saying that criticises in one clause and demands in another is both.
    (
        "The Liberal Democrats said the verdict was a disgrace for ministers and sweeping changes were needed to the asylum rules.",
        C::Request,
        "GBR",
        "",
    ),
    (
        "The Liberal Democrats said the verdict was a disgrace for ministers and sweeping changes were needed to the asylum rules.",
        C::Accuse,
        "GBR",
        "",
    ),
    // An existential clause asking for a measure.
    (
        "The Conservatives said there should be a public inquiry into the collapse of the rail firm.",
        C::Request,
        "GBR",
        "",
    ),
    (
        "The Scottish Liberal Democrats said there must be more state funding for local councils.",
        C::Request,
        "GBR",
        "",
    ),
    // A hoped-for act of someone named is an appeal to them.
    (
        "Tory leader Michael Howard said: \"I hope the government will listen to the farmers.\"",
        C::Request,
        "GBR",
        "GBR",
    ),
    (
        "The French foreign minister hopes Iran will comply with the inspectors.",
        C::Request,
        "FRA",
        "IRN",
    ),
    // Expecting someone to do what is owed.
    (
        "The TUC expects ministers to honour the pension deal.",
        C::Request,
        "GBR",
        "GBR",
    ),
    // An agreement said to be someone's.
    (
        "The agreement by the European Union would cut tariffs on Chinese steel.",
        C::Agree,
        "EU",
        "",
    ),
    // Attending a meeting, summit or talks.
    (
        "The Indian prime minister attended the summit of Asian leaders in Jakarta.",
        C::Consult,
        "IND",
        "",
    ),
    (
        "Pakistani officials attended talks with their Indian counterparts in Delhi.",
        C::Consult,
        "PAK",
        "",
    ),
    // The infinitive the parse hangs on an object that names people is the verb's.
    (
        "The Scottish Conservatives want a judge to order a public inquiry into the prison.",
        C::Request,
        "GBR",
        "GBR",
    ),
    (
        "The Liberal Democrats expect the police to prosecute the hunt followers.",
        C::Request,
        "GBR",
        "GBR",
    ),
    // Chairing a meeting.
    (
        "The German chancellor chaired a meeting of European finance ministers in Berlin.",
        C::Consult,
        "DEU",
        "",
    ),
    // Who speaks for a body is coded as the body.
    (
        "A spokeswoman for the Scottish National Party urged ministers to publish the report.",
        C::Request,
        "GBR",
        "",
    ),
    (
        "A spokesman for the Foreign Office welcomed the release of the hostages.",
        C::Support,
        "GBR",
        "",
    ),
    (
        "Nigel Pargeter, for the Liberal Democrats, criticised the plans.",
        C::Accuse,
        "GBR",
        "",
    ),
    // Backing a measure's introduction.
    (
        "The Scottish Conservatives backed the introduction of identity cards.",
        C::Support,
        "GBR",
        "",
    ),
];

#[test]
fn appeals_agreements_and_meetings_are_coded() {
    common::assert_rows_coded(CODED, code);
}

#[test]
fn forecasts_wishes_sport_and_business_are_no_appeals() {
    common::assert_none_coded(
        &[
            // "should" of a forecast, and an existential clause that names no measure.
            (
                "The chancellor said profits should rise strongly next year.",
                C::Request,
            ),
            (
                "The Conservatives said there should be no problem with the new timetable.",
                C::Request,
            ),
            (
                "The Treasury said there should be rain in the east by the weekend.",
                C::Request,
            ),
            // Hoping for someone's fortune, a pronoun's act, a thing's effect.
            (
                "The home secretary said she hoped Mr Clarke would survive in his job.",
                C::Request,
            ),
            (
                "The French president hopes Germany will win the World Cup.",
                C::Request,
            ),
            (
                "The Labour Party hopes the new poster will attract younger voters.",
                C::Request,
            ),
            (
                "The French government hopes they will act soon.",
                C::Request,
            ),
            // A forecast of what someone will do.
            (
                "Analysts expect the Bank of England to raise interest rates next month.",
                C::Request,
            ),
            (
                "The French government expects Germany to publish its budget in May.",
                C::Request,
            ),
            // Agreements no one is said to have made, attending what is no meeting.
            (
                "Under the agreement, the factory will stay open until 2007.",
                C::Agree,
            ),
            (
                "The French president attended the final of the tournament in Paris.",
                C::Consult,
            ),
            (
                "The Labour Party attended the conference in Brighton.",
                C::Consult,
            ),
            (
                "The French president chaired the jury of the film festival.",
                C::Consult,
            ),
            // An infinitive on an object that names no people is the noun's own.
            (
                "The Conservatives want the power to act on immigration.",
                C::Request,
            ),
            (
                "The Liberal Democrats want a chance to respond to the report.",
                C::Request,
            ),
            // A "for" phrase that names no body speaks for no one.
            (
                "Nigel Pargeter, for his part, criticised the plans.",
                C::Accuse,
            ),
            (
                "A spokesman for the family criticised the police.",
                C::Accuse,
            ),
        ],
        code,
    );
}
