//! Generality: one sentence per construction, written for these tests, each asserting the
//! category, the actors, the recipients, the figure and the modality.

use attache_event::{Event, EventCategory as C, Modality as M};
use attache_text::{Document, Publication};
use chrono::NaiveDate;

mod common;

use common::extractor;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2022, 4, 5))
}

struct Case {
    text: &'static str,
    event: C,
    mode: Option<&'static str>,
    actors: &'static [&'static str],
    /// Codes that must be among the recipients (empty: not asserted).
    recipients: &'static [&'static str],
    count: Option<f64>,
    modality: M,
}

const fn case(
    text: &'static str,
    event: C,
    mode: Option<&'static str>,
    actors: &'static [&'static str],
    recipients: &'static [&'static str],
    count: Option<f64>,
    modality: M,
) -> Case {
    Case {
        text,
        event,
        mode,
        actors,
        recipients,
        count,
        modality,
    }
}

const A: M = M::Asserted;

const CASES: &[Case] = &[
    // Reported speech after the clause, which the shipped parser reads with "diplomats" as
    // the speaker's subject (see `reported_speech_wire_sentence` in the nlp tests).
    case(
        "Rome has marked 30 Russian diplomats as undesirable, Italian Foreign Minister Luigi Di Maio said.",
        C::Sanction,
        Some("expel"),
        &["ITA"],
        &["RUS"],
        Some(30.0),
        A,
    ),
    case(
        "Germany will expel four Russian diplomats, the foreign ministry said.",
        C::Sanction,
        Some("expel"),
        &["DEU"],
        &["RUS"],
        Some(4.0),
        M::Planned,
    ),
    case(
        "Moscow ordered 10 Polish diplomats to leave Russia.",
        C::Sanction,
        Some("expel"),
        &["RUS"],
        &["POL"],
        Some(10.0),
        A,
    ),
    // Expulsions in every voice.
    case(
        "Poland expelled 45 Russian diplomats on Wednesday.",
        C::Sanction,
        Some("expel"),
        &["POL"],
        &["RUS"],
        Some(45.0),
        A,
    ),
    case(
        "Forty-five Russian diplomats were expelled by Poland on Wednesday.",
        C::Sanction,
        Some("expel"),
        &["POL"],
        &["RUS"],
        Some(45.0),
        A,
    ),
    case(
        "The expulsion of 12 Iranian diplomats by Germany was announced on Friday.",
        C::Sanction,
        Some("expel"),
        &["DEU"],
        &["IRN"],
        Some(12.0),
        A,
    ),
    case(
        "France did not expel any Russian diplomats.",
        C::Sanction,
        Some("expel"),
        &["FRA"],
        &["RUS"],
        None,
        M::Negated,
    ),
    case(
        "Norway will expel three Russian diplomats next week.",
        C::Sanction,
        Some("expel"),
        &["NOR"],
        &["RUS"],
        Some(3.0),
        M::Planned,
    ),
    case(
        "Japan ordered eight Russian diplomats to leave the country.",
        C::Sanction,
        Some("expel"),
        &["JPN"],
        &["RUS"],
        Some(8.0),
        A,
    ),
    case(
        "Lithuania declared the Russian ambassador persona non grata.",
        C::Sanction,
        Some("expel"),
        &["LTU"],
        &["RUS"],
        Some(1.0),
        A,
    ),
    case(
        "Two Russian diplomats were declared persona non grata by Bulgaria.",
        C::Sanction,
        Some("expel"),
        &["BGR"],
        &["RUS"],
        Some(2.0),
        A,
    ),
    case(
        "Latvia expelled at least 13 Russian diplomats last week.",
        C::Sanction,
        Some("expel"),
        &["LVA"],
        &["RUS"],
        Some(13.0),
        A,
    ),
    case(
        "Finland said on Monday it would expel two Russian embassy staff.",
        C::Sanction,
        Some("expel"),
        &["FIN"],
        &["RUS"],
        Some(2.0),
        M::Planned,
    ),
    case(
        "The Czech Republic expelled 18 Russian diplomats it identified as spies.",
        C::Sanction,
        Some("expel"),
        &["CZE"],
        &["RUS"],
        Some(18.0),
        A,
    ),
    case(
        "The Netherlands expelled 17 Russian intelligence officers posing as diplomats.",
        C::Sanction,
        Some("expel"),
        &["NLD"],
        &["RUS"],
        Some(17.0),
        A,
    ),
    case(
        "Russia could expel British diplomats in retaliation.",
        C::Sanction,
        Some("expel"),
        &["RUS"],
        &["GBR"],
        None,
        M::Hypothetical,
    ),
    case(
        "Denmark has expelled 15 Russian intelligence officers, the foreign ministry said on Tuesday.",
        C::Sanction,
        Some("expel"),
        &["DNK"],
        &["RUS"],
        Some(15.0),
        A,
    ),
    case(
        "Moscow expelled the Estonian ambassador in response.",
        C::Sanction,
        Some("expel"),
        &["RUS"],
        &["EST"],
        Some(1.0),
        A,
    ),
    // Recalls, closures, sanctions, deportations.
    case(
        "Canada recalled its ambassador to Saudi Arabia on Monday.",
        C::Sanction,
        Some("withdraw"),
        &["CAN"],
        &["SAU"],
        Some(1.0),
        A,
    ),
    case(
        "Slovakia will close the Russian consulate in Kosice.",
        C::Sanction,
        Some("discontinue"),
        &["SVK"],
        &["RUS"],
        Some(1.0),
        M::Planned,
    ),
    case(
        "The United States imposed new sanctions on Iran on Tuesday.",
        C::Sanction,
        None,
        &["USA"],
        &["IRN"],
        None,
        A,
    ),
    case(
        "Hungary did not impose sanctions on Russia.",
        C::Sanction,
        None,
        &["HUN"],
        &["RUS"],
        None,
        M::Negated,
    ),
    case(
        "Australia deported a Chinese journalist.",
        C::Coerce,
        Some("deport"),
        &["AUS"],
        &["CHN"],
        Some(1.0),
        A,
    ),
    // Other categories.
    case(
        "Russian troops killed 20 civilians near Kharkiv on Sunday.",
        C::Assault,
        None,
        &["RUS"],
        &[],
        Some(20.0),
        A,
    ),
    case(
        "Israeli soldiers arrested 15 Palestinians in Hebron.",
        C::Coerce,
        Some("arrest"),
        &["ISR"],
        &["PSE"],
        Some(15.0),
        A,
    ),
    case(
        "Chinese President Xi Jinping met Brazilian President Lula in Beijing.",
        C::Consult,
        None,
        &["CHN"],
        &["BRA"],
        None,
        A,
    ),
    case(
        "German Chancellor Olaf Scholz visited Kyiv on Thursday.",
        C::Consult,
        Some("visit"),
        &["DEU"],
        &["UKR"],
        None,
        A,
    ),
    case(
        "Ukraine urged NATO to send more weapons.",
        C::Request,
        None,
        &["UKR"],
        &["NATO"],
        None,
        A,
    ),
    case(
        "The European Union condemned the attack on Tuesday.",
        C::Accuse,
        None,
        &["EU"],
        &[],
        None,
        A,
    ),
    case(
        "Iran rejected the proposal.",
        C::Reject,
        None,
        &["IRN"],
        &[],
        None,
        A,
    ),
    case(
        "North Korea threatened to attack South Korea.",
        C::Threaten,
        None,
        &["PRK"],
        &["KOR"],
        None,
        A,
    ),
    case(
        "Japan sent 500 tons of rice to Sri Lanka.",
        C::Aid,
        None,
        &["JPN"],
        &["LKA"],
        Some(500.0),
        A,
    ),
    case(
        "Turkey deployed troops along the Syrian border.",
        C::Mobilize,
        None,
        &["TUR"],
        &[],
        None,
        A,
    ),
    case(
        "Mexico agreed to resume talks with the United States.",
        C::Agree,
        None,
        &["MEX"],
        &[],
        None,
        A,
    ),
    // An announced intention to aid is AGREE in PLOVER (CAMEO 033).
    case(
        "Egypt will provide humanitarian aid to Sudan.",
        C::Agree,
        None,
        &["EGY"],
        &["SDN"],
        None,
        A,
    ),
    case(
        "The Kremlin accused Washington of meddling.",
        C::Accuse,
        None,
        &["RUS"],
        &["USA"],
        None,
        A,
    ),
    case(
        "Pakistan criticised India over the dam.",
        C::Accuse,
        None,
        &["PAK"],
        &["IND"],
        None,
        A,
    ),
    // Tear gas on protesters is violent repression: CAMEO 175, PLOVER ASSAULT.
    case(
        "Greek police fired tear gas at protesters in Athens.",
        C::Assault,
        None,
        &["GRC"],
        &[],
        None,
        A,
    ),
    case(
        "Kenya released 30 Somali prisoners on Friday.",
        C::Retreat,
        Some("release"),
        &["KEN"],
        &["SOM"],
        Some(30.0),
        A,
    ),
    case(
        "Vietnam and the Philippines held talks in Hanoi.",
        C::Consult,
        None,
        &["VNM"],
        &[],
        None,
        A,
    ),
    case(
        "Spain closed its embassy in Kabul.",
        C::Sanction,
        Some("discontinue"),
        &["ESP"],
        &[],
        Some(1.0),
        A,
    ),
    // Refusing to cooperate is REJECT (CAMEO 12), not a negated release.
    case(
        "Ethiopia refused to release the detained journalists.",
        C::Reject,
        None,
        &["ETH"],
        &[],
        None,
        A,
    ),
];

fn matches(e: &Event, c: &Case) -> bool {
    let mut actors = e.actor_codes();
    actors.sort_unstable();
    let mut want: Vec<&str> = c.actors.to_vec();
    want.sort_unstable();
    e.event == c.event
        && (c.mode.is_none() || e.mode.as_deref() == c.mode)
        && actors == want
        && c.recipients.iter().all(|r| e.recipient_codes().contains(r))
        && e.quantity.as_ref().map(|q| q.value) == c.count
        && e.modality == c.modality
}

#[test]
fn constructions() {
    let mut failures = Vec::new();
    for c in CASES {
        let events = code(c.text);
        if !events.iter().any(|e| matches(e, c)) {
            let got: Vec<String> = events
                .iter()
                .map(|e| {
                    format!(
                        "{}/{:?} {:?}->{:?} n={:?} {:?}",
                        e.event,
                        e.mode,
                        e.actor_codes(),
                        e.recipient_codes(),
                        e.quantity.as_ref().map(|q| q.value),
                        e.modality
                    )
                })
                .collect();
            failures.push(format!("{}\n    got: {got:?}", c.text));
        }
    }
    assert!(CASES.len() >= 40);
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn coordinated_actors_with_one_total() {
    let events =
        code("Brazil and Argentina announced the expulsion of a total of 10 Venezuelan diplomats.");
    let agg: Vec<&Event> = events.iter().filter(|e| e.aggregate).collect();
    assert_eq!(agg.len(), 1, "{events:#?}");
    assert_eq!(agg[0].quantity.as_ref().unwrap().value, 10.0);
    for code in ["BRA", "ARG"] {
        let own = events
            .iter()
            .find(|e| !e.aggregate && e.actor_codes() == [code])
            .expect("one event per state");
        assert!(
            own.quantity.is_none(),
            "the total is not each state's count"
        );
    }
}

#[test]
fn distributive_list_splits_a_total() {
    let events = code(
        "European states expelled 100 Russian diplomats on Monday, including 40 from Germany and 35 from Slovakia.",
    );
    for (code, n) in [("DEU", 40.0), ("SVK", 35.0)] {
        let e = events
            .iter()
            .find(|e| e.actor_codes() == [code])
            .unwrap_or_else(|| panic!("{code} event: {events:#?}"));
        assert_eq!(e.quantity.as_ref().unwrap().value, n);
        assert!(!e.aggregate);
    }
}

#[test]
fn surnames_resolve_within_a_document() {
    let events = code(
        "Denmark expelled 15 Russian diplomats, Foreign Minister Jeppe Kofod said. \
         Kofod later accused Moscow of espionage.",
    );
    let accuse = events
        .iter()
        .find(|e| e.event == C::Accuse)
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(accuse.actor_codes(), ["DNK"]);
    assert_eq!(accuse.recipient_codes(), ["RUS"]);
}

#[test]
fn undated_text_without_publication_stays_unresolved() {
    let doc = Document {
        id: "t".into(),
        text: "Poland expelled 45 Russian diplomats on Wednesday.".into(),
        publication: Publication::default(),
    };
    let events = extractor().extract(&doc);
    let d = events[0].date.as_ref().expect("the words are kept");
    assert!(!d.resolved);
    assert_eq!(d.text, "on Wednesday");
    assert_eq!(d.start, None);
}

/// Constructions the current parser gets wrong: they document the limit and pass once the
/// model improves (`cargo test -p attache-coder -- --ignored`).
#[test]
#[ignore = "parser: 'police detained' read as a noun phrase by the shipped model"]
fn known_parser_failures() {
    let c = case(
        "Nigerian police detained 40 protesters in Lagos on Saturday.",
        C::Coerce,
        Some("arrest"),
        &["NGA"],
        &[],
        Some(40.0),
        A,
    );
    assert!(code(c.text).iter().any(|e| matches(e, &c)));
}
