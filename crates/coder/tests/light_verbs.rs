//! Light-verb and multi-word constructions ("ruled out talks", "carried out a raid",
//! "stripped of their citizenship", "arrived for talks"), written as wire-news sentences. Most
//! are coded by the rows generated from the CAMEO verb dictionary
//! (data/coder/triggers-cameo.tsv); the negative cases are the same verbs in senses that are
//! no political event.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2010, 3, 4))
}

struct Coded {
    text: &'static str,
    event: C,
    cameo: &'static str,
    actor: &'static str,
}

const CODED: &[Coded] = &[
    Coded {
        text: "Iran on Monday ruled out talks with the United States over its nuclear programme.",
        event: C::Reject,
        cameo: "125",
        actor: "IRN",
    },
    Coded {
        text: "The Pakistani government ruled out any withdrawal of its troops from Kashmir.",
        event: C::Reject,
        cameo: "1246",
        actor: "PAK",
    },
    Coded {
        text: "North Korea has ruled out the disarmament of its nuclear arsenal until Washington drops sanctions.",
        event: C::Reject,
        cameo: "1246",
        actor: "PRK",
    },
    Coded {
        text: "Turkish warplanes carried out attacks on Kurdish rebel positions in northern Iraq.",
        event: C::Assault,
        cameo: "190",
        actor: "TUR",
    },
    Coded {
        text: "Russian troops carried out an incursion into Georgian territory, Georgia's interior ministry said.",
        event: C::Assault,
        cameo: "190",
        actor: "RUS",
    },
    Coded {
        text: "The Bahraini interior ministry stripped 31 opposition activists of their citizenship.",
        event: C::Coerce,
        cameo: "170",
        actor: "BHR",
    },
    Coded {
        text: "Pakistan pulled out of the peace talks with India on Friday.",
        event: C::Sanction,
        cameo: "164",
        actor: "PAK",
    },
    Coded {
        text: "Sudan pulled out of the talks in Abuja after rebels attacked a convoy.",
        event: C::Sanction,
        cameo: "164",
        actor: "SDN",
    },
    Coded {
        text: "Protesters put up barricades in central Kiev on Sunday.",
        event: C::Protest,
        cameo: "144",
        actor: "UKR",
    },
    Coded {
        text: "Israeli security forces broke up the demonstration outside the mosque.",
        event: C::Assault,
        cameo: "175",
        actor: "ISR",
    },
    Coded {
        text: "The Indian army built up its forces along the Line of Control.",
        event: C::Mobilize,
        cameo: "154",
        actor: "IND",
    },
    Coded {
        text: "Iranian Foreign Minister Manouchehr Mottaki arrived in Moscow for talks with his Russian counterpart.",
        event: C::Consult,
        cameo: "046",
        actor: "IRN",
    },
    Coded {
        text: "British Prime Minister Tony Blair arrived in Kabul for a visit on Tuesday.",
        event: C::Consult,
        cameo: "042",
        actor: "GBR",
    },
    Coded {
        text: "A Chinese naval squadron arrived with aid for the flood victims in Pakistan.",
        event: C::Aid,
        cameo: "070",
        actor: "CHN",
    },
    Coded {
        text: "Israel prohibited aid to the Gaza Strip after the attack.",
        event: C::Sanction,
        cameo: "162",
        actor: "ISR",
    },
    Coded {
        text: "Nepal's Maoist rebels abstained from violence during the festival.",
        event: C::Retreat,
        cameo: "087",
        actor: "NPL",
    },
    // The dictionary codes "hold up aid" as a threat (1311); holding aid up is stopping it.
    Coded {
        text: "Syria held up aid to the rebel-held town of Madaya.",
        event: C::Sanction,
        cameo: "162",
        actor: "SYR",
    },
    // A two-word object: "aid convoy" (obj:convoy&objmod:aid).
    Coded {
        text: "Ethiopian troops blocked the aid convoy at the Somali border.",
        event: C::Coerce,
        cameo: "191",
        actor: "ETH",
    },
    Coded {
        text: "Russia accused Georgia of genocide in South Ossetia.",
        event: C::Accuse,
        cameo: "1122",
        actor: "RUS",
    },
];

#[test]
fn light_verb_constructions_code_their_event() {
    let holds = |e: &Event, case: &Coded| {
        e.event == case.event
            && e.cameo.as_deref() == Some(case.cameo)
            && e.actors
                .iter()
                .any(|a| a.country.as_deref() == Some(case.actor))
    };
    common::assert_each_coded(
        CODED,
        |case| case.text,
        code,
        holds,
        |case| format!("{:?} {} by {}", case.event, case.cameo, case.actor),
    );
}

/// The same verbs and particles in senses that report no political event.
const NOT_CODED: &[(&str, C)] = &[
    (
        "The Fed ruled out a rise in interest rates this year.",
        C::Reject,
    ),
    (
        "Voters ruled out the Labour candidate in the poll.",
        C::Reject,
    ),
    (
        "Apple carried out a search for a new chief executive.",
        C::Accuse,
    ),
    (
        "The hospital carried out an operation on the footballer's knee.",
        C::Cooperate,
    ),
    (
        "The singer put off her decision to retire until next year.",
        C::Sanction,
    ),
    (
        "The club called off the match because of snow.",
        C::Sanction,
    ),
    (
        "Rooney pulled out of the England squad with an injury.",
        C::Sanction,
    ),
    (
        "The company built up its sales force in China.",
        C::Mobilize,
    ),
    ("The band arrived in London for a tour.", C::Consult),
    ("Ministers put up resistance to the plan.", C::Accuse),
    ("The firm's shares were stripped of their value.", C::Coerce),
    // A member leaving a political party reduces no relations between two actors.
    (
        "The Italian senator quit the ruling party on Monday after a row over immigration.",
        C::Sanction,
    ),
    (
        "Two French MPs have quit the Socialist Party to sit as independents.",
        C::Sanction,
    ),
];

#[test]
fn the_same_words_in_other_senses_code_nothing() {
    common::assert_none_coded(NOT_CODED, code);
}
