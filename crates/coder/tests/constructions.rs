//! Political-news constructions with no trigger word of their own, written as wire-news
//! sentences: reported criticism ("said the move was wrong"), warnings of harm, denials of a
//! clause, proposals, requests that someone else act ("wants G8 nations to match"), lawsuits
//! ("took France to court"), opting out, union ballots, detention without trial; and the
//! readings that are no event ("declined to comment", "met its target", "a nationwide tour").

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 2, 10))
}

/// Each sentence with the category, mode (where one is checked) and actor country it codes.
const CODED: &[(&str, C, Option<&str>, &str)] = &[
    // A verb of saying whose clause condemns.
    (
        "The French foreign minister said the decision was wrong.",
        C::Accuse,
        Some("disapprove"),
        "FRA",
    ),
    (
        "Poland claimed the vote was illegal.",
        C::Accuse,
        Some("disapprove"),
        "POL",
    ),
    (
        "The Greek opposition said the budget was misdirected.",
        C::Accuse,
        Some("disapprove"),
        "GRC",
    ),
    // Branding with a word of condemnation; likening.
    (
        "The German opposition branded the budget a shambles.",
        C::Accuse,
        Some("disapprove"),
        "DEU",
    ),
    (
        "The plan was labelled a fiasco by Spain's opposition parties.",
        C::Accuse,
        Some("disapprove"),
        "ESP",
    ),
    (
        "The Dutch opposition leader likened the two ministers to schoolboys.",
        C::Accuse,
        Some("disapprove"),
        "NLD",
    ),
    // A warning of harm is criticism; the speaker's own act stays a threat.
    (
        "Britain's employers warned that the new tax would hurt small firms.",
        C::Accuse,
        Some("disapprove"),
        "GBR",
    ),
    (
        "Iran warned it would act if the talks failed.",
        C::Threaten,
        None,
        "IRN",
    ),
    (
        "The Swedish opposition warned the government against cuts.",
        C::Accuse,
        Some("disapprove"),
        "SWE",
    ),
    (
        "Britain's Conservatives questioned what the plan would cost.",
        C::Accuse,
        Some("disapprove"),
        "GBR",
    ),
    (
        "The Irish prime minister attacked Tory plans to process asylum claims abroad.",
        C::Accuse,
        Some("disapprove"),
        "IRL",
    ),
    // Denials and dismissals.
    (
        "The Italian minister denied that the deal was a bailout.",
        C::Reject,
        None,
        "ITA",
    ),
    (
        "The French government described the reports as idle speculation.",
        C::Reject,
        None,
        "FRA",
    ),
    (
        "The Danish government repeated its opposition to the treaty.",
        C::Reject,
        None,
        "DNK",
    ),
    (
        "Denmark opted out of the single currency.",
        C::Reject,
        None,
        "DNK",
    ),
    // Proposals and commitments.
    (
        "France proposed a freeze on farm spending.",
        C::Agree,
        None,
        "FRA",
    ),
    (
        "Japan finally signed up to the climate pact.",
        C::Agree,
        None,
        "JPN",
    ),
    // Support and apology.
    (
        "The Irish government backed a yes vote in the referendum.",
        C::Support,
        None,
        "IRL",
    ),
    (
        "Germany's constitutional court backed the government's powers to detain suspects.",
        C::Support,
        None,
        "DEU",
    ),
    (
        "The Japanese prime minister said sorry for the remarks.",
        C::Support,
        None,
        "JPN",
    ),
    // Requests that someone else act.
    (
        "The British prime minister asked parliament to renew the law.",
        C::Request,
        None,
        "GBR",
    ),
    (
        "Britain wants other G8 nations to cancel the debts.",
        C::Request,
        None,
        "GBR",
    ),
    (
        "Germany persuaded fellow EU members to delay the vote.",
        C::Request,
        None,
        "DEU",
    ),
    (
        "The UN agency recommended that poor countries cut their tariffs.",
        C::Request,
        None,
        "UN",
    ),
    (
        "Turkmenistan insisted on the same price from Russia.",
        C::Request,
        None,
        "TKM",
    ),
    // Lawsuits.
    (
        "Ireland launched a legal challenge against the ruling.",
        C::Accuse,
        Some("allege"),
        "IRL",
    ),
    (
        "The European Commission took France to the European Court of Justice.",
        C::Accuse,
        Some("allege"),
        "EU",
    ),
    (
        "Poland went to court over the fishing quota.",
        C::Accuse,
        Some("allege"),
        "POL",
    ),
    // Material acts.
    (
        "French rail workers voted to strike over pay cuts.",
        C::Protest,
        Some("boycott"),
        "FRA",
    ),
    (
        "The Russian government forced the sale of the oil firm's main unit.",
        C::Coerce,
        Some("seize"),
        "RUS",
    ),
    (
        "Britain has held the men without trial since 2001.",
        C::Coerce,
        Some("arrest"),
        "GBR",
    ),
    (
        "Eight foreign nationals are being held by the British authorities.",
        C::Coerce,
        Some("arrest"),
        "GBR",
    ),
    (
        "Two Britons were released on bail by French police.",
        C::Retreat,
        Some("release"),
        "FRA",
    ),
];

#[test]
fn constructions_code_their_event() {
    common::assert_each_coded(
        CODED,
        |c| c.0,
        code,
        |e, c| {
            e.event == c.1
                && c.2.is_none_or(|m| e.mode.as_deref() == Some(m))
                && e.actors.iter().any(|a| a.country.as_deref() == Some(c.3))
        },
        |c| format!("{:?} {:?} by {}", c.1, c.2, c.3),
    );
}

#[test]
fn readings_that_are_no_event() {
    common::assert_none_coded(
        &[
            ("The Spanish minister declined to comment.", C::Reject),
            (
                "The German government refused to comment on the reports.",
                C::Reject,
            ),
            ("The British government met its deficit target.", C::Consult),
            (
                "The Canadian finance minister said he would meet his fiscal rule this year.",
                C::Agree,
            ),
            (
                "The Australian treasurer said he had met the budget rules.",
                C::Consult,
            ),
            (
                "The French president began a nationwide tour on Monday.",
                C::Consult,
            ),
            (
                "Iraq will invite bids for two mobile phone licences.",
                C::Agree,
            ),
            ("Britain wants to cancel the debts.", C::Request),
            (
                "The German chancellor told the Bundestag: \"We must keep cutting the deficit.\"",
                C::Request,
            ),
            (
                "The Irish prime minister attacked Tory plans to process asylum claims abroad.",
                C::Assault,
            ),
            (
                "The French minister would not discuss reports of a deal.",
                C::Reject,
            ),
            (
                "The French minister discussed the reports with journalists.",
                C::Consult,
            ),
            ("Iran warned it would act if the talks failed.", C::Accuse),
        ],
        code,
    );
}

/// Held at a prison or a detention camp is detention; talks held at a camp or a meeting held at
/// a centre are none.
#[test]
fn held_at_a_prison_or_guantanamo_bay_is_detention() {
    common::assert_rows_coded(
        &[
            (
                "Two Yemeni men have been held by the US at Guantanamo Bay for three years.",
                C::Coerce,
                "USA",
                "",
            ),
            (
                "Turkish police held the journalist at a prison near Ankara.",
                C::Coerce,
                "TUR",
                "",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[
            (
                "American and Israeli talks were held at Camp David.",
                C::Coerce,
            ),
            (
                "The French minister held a meeting at the conference centre.",
                C::Coerce,
            ),
            (
                "The Welsh Assembly government held a meeting with union leaders at Cardiff Bay on Monday.",
                C::Coerce,
            ),
            (
                "The Spanish government held talks with Basque leaders in Bilbao Bay.",
                C::Coerce,
            ),
        ],
        code,
    );
}

/// A rival body said to do harm is criticised ("claimed a Labour government would wreck the
/// health service"); a reported clause whose listed head is negated says the opposite and is no
/// criticism or approval ("said the government would not hurt pensioners", "I'm not pleased,"
/// the sheriff said).
#[test]
fn harm_by_a_rival_body_is_criticism_unless_denied() {
    common::assert_rows_coded(
        &[
            (
                "The Conservatives claimed a Labour government would wreck the health service.",
                C::Accuse,
                "GBR",
                "",
            ),
            (
                "The French opposition warned that ministers would undermine the courts.",
                C::Accuse,
                "FRA",
                "",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[
            (
                "The Conservatives said the government would not hurt pensioners.",
                C::Accuse,
            ),
            (
                "The German opposition said the move was not wrong.",
                C::Accuse,
            ),
            (
                "\"I'm not pleased,\" the American sheriff said of the Texas ruling.",
                C::Support,
            ),
        ],
        code,
    );
}

/// A demand with its penalty joined by "or" is a threat ("called on the management to recall
/// the notice or face a strike ballot"); a suit is also "raised" ("raised a legal challenge").
/// Facing a penalty with no demand before it, raising rates or an issue, are neither.
#[test]
fn or_face_penalty_is_a_threat_and_raised_challenge_a_suit() {
    common::assert_rows_coded(
        &[
            (
                "The National Union of Journalists has called on the management to recall the notice of redundancy by Monday or face a strike ballot.",
                C::Threaten,
                "GBR",
                "",
            ),
            // the threat is aimed at whom the demand is made of
            (
                "The Fire Brigades Union has called on the government to honour the pay deal or face a national strike.",
                C::Threaten,
                "GBR",
                "GBR",
            ),
            (
                "Mr Napier, a British remand prisoner, raised a legal challenge in 2001 under the European Convention on Human Rights.",
                C::Accuse,
                "GBR",
                "",
            ),
            (
                "Amnesty International raised a complaint against the Egyptian government.",
                C::Accuse,
                "AMNESTY",
                "EGY",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[
            (
                "Protesters who broke the law face fines or jail, French police said.",
                C::Threaten,
            ),
            (
                "Railway workers in Britain face a ballot on strike action.",
                C::Threaten,
            ),
            (
                "The Bank of England raised interest rates to 4.75%.",
                C::Accuse,
            ),
            (
                "The British government raised the issue with the Chinese ambassador.",
                C::Accuse,
            ),
        ],
        code,
    );
}

/// The parser often hangs a noun trigger's prepositional phrase on the verb that carries it:
/// "led the opposition | to the bill". The phrase still completes the noun ("opposition to the
/// bill" is a rejection); leading the opposition with no "to" is a role, not an act.
#[test]
fn carried_noun_keeps_its_phrase_on_the_verb() {
    common::assert_rows_coded(
        &[
            (
                "The Conservatives led the opposition to the bill.",
                C::Reject,
                "GBR",
                "",
            ),
            (
                "Tory leader Michael Howard stayed in London to lead the opposition to the bill.",
                C::Reject,
                "GBR",
                "",
            ),
        ],
        code,
    );
    common::assert_none_coded(
        &[(
            "Michael Howard has led the opposition since 2003.",
            C::Reject,
        )],
        code,
    );
}
