//! Sense and figurative-use guards and assessed statements (issue 11, step 3): a trigger whose
//! participants are of kinds its class does not take reports nothing (data/coder/senses.tsv,
//! data/coder/nouns.tsv), and a hypothetical or assessed statement is not asserted. Each case
//! is a news sentence with its publication date.

use attache_event::{Event, EventCategory as C, Modality as M};
use chrono::NaiveDate;

mod common;

fn code(published: &str, text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::parse_from_str(published, "%Y-%m-%d").ok())
}

/// (publication date, category, sentence)
type Case = (&'static str, C, &'static str);

/// Figurative uses and sense violations: no event of the category.
const FIGURATIVE: &[Case] = &[
    (
        "2023-08-10",
        C::Coerce,
        "China Unicom wants to arrest its profit decline, the company said on Thursday.",
    ),
    (
        "2022-10-03",
        C::Coerce,
        "The Bank of England stepped in to arrest the slide in the pound after the mini-budget.",
    ),
    (
        "2024-02-14",
        C::Coerce,
        "France will struggle to arrest the rise in unemployment, economists warned on Wednesday.",
    ),
    (
        "2023-05-22",
        C::Coerce,
        "The government moved on Monday to arrest the fall in house prices.",
    ),
    (
        "2021-11-30",
        C::Coerce,
        "Turkey's central bank has failed to arrest the lira's slump, analysts said.",
    ),
    (
        "2024-03-05",
        C::Retreat,
        "Britain is retreating from the world stage, the former prime minister said on Tuesday.",
    ),
    (
        "2019-07-01",
        C::Retreat,
        "The United States has retreated from the global stage under Trump, critics said.",
    ),
    (
        "2022-06-15",
        C::Retreat,
        "Japan's exports retreated from record highs in May, official data showed on Wednesday.",
    ),
    (
        "2023-01-09",
        C::Retreat,
        "Russia's president has withdrawn from the spotlight since the mutiny, diplomats said.",
    ),
    (
        "2020-03-09",
        C::Assault,
        "Investors attacked the market on Monday as oil prices collapsed.",
    ),
    (
        "2023-06-02",
        C::Assault,
        "The European Union seeks to attack the problem of youth unemployment, the commissioner said.",
    ),
    (
        "2024-01-18",
        C::Assault,
        "The opposition leader attacked the government's failure to cut waiting lists.",
    ),
    (
        "2022-09-23",
        C::Assault,
        "Speculators attacked the pound on Friday after the chancellor's statement.",
    ),
    (
        "2023-11-20",
        C::Assault,
        "The Welsh runner attacked the last 200m to win the race in Cardiff on Sunday.",
    ),
    (
        "2021-04-12",
        C::Assault,
        "Germany's finance minister vowed to attack inflation with higher interest rates.",
    ),
    (
        "2023-04-14",
        C::Retreat,
        "The government agreed on Friday to release funds for reconstruction in the north, the minister said.",
    ),
    (
        "2023-03-08",
        C::Retreat,
        "The prime minister plans to free up money for defence by cutting aid, officials said.",
    ),
    (
        "2024-05-13",
        C::Retreat,
        "The minister is surrendering a key veto over EU budget rules, the opposition says.",
    ),
    (
        "2023-07-19",
        C::Coerce,
        "Beijing wants to arrest the decline in the birth rate, officials said on Wednesday.",
    ),
    (
        "2024-02-01",
        C::Assault,
        "India's finance minister launched an attack on the fiscal deficit in her budget speech.",
    ),
    (
        "2022-08-30",
        C::Retreat,
        "Russia's Gazprom said it would halt gas flows, and the rouble retreated from its highs.",
    ),
    (
        "2023-09-12",
        C::Consult,
        "The minister's reforms have met with fierce opposition from teachers' unions.",
    ),
    (
        "2022-01-25",
        C::Consult,
        "Germany's plan to send helmets to Ukraine was met with derision in Kyiv.",
    ),
    (
        "2024-06-03",
        C::Assault,
        "Labour's leader attacked the prime minister's words in a speech on Monday.",
    ),
];

/// Hypothetical and assessed statements: the event, if coded, is hypothetical.
const ASSESSED: &[Case] = &[
    (
        "2024-04-14",
        C::Assault,
        "Russia is unlikely to attack NATO countries, the British defence ministry said on Sunday.",
    ),
    (
        "2024-10-02",
        C::Assault,
        "China is likely to invade Taiwan by 2027, the US admiral said on Tuesday.",
    ),
    (
        "2024-04-03",
        C::Assault,
        "Iran is expected to strike Israeli military bases within days, US officials said on Wednesday.",
    ),
    (
        "2023-02-20",
        C::Assault,
        "Russia is believed to be preparing to attack Kyiv again, Ukrainian officials said.",
    ),
    (
        "2018-04-09",
        C::Sanction,
        "Germany would expel Russian diplomats if Moscow used chemical weapons again, the minister said.",
    ),
    (
        "2024-01-29",
        C::Assault,
        "Russia could attack NATO countries within five years, German officials warned on Monday.",
    ),
    (
        "2005-01-20",
        C::Coerce,
        "Under the new law, judges can jail parents who breach contact orders for up to six weeks.",
    ),
    (
        "2022-04-05",
        C::Sanction,
        "Russia can expel the remaining diplomats at any time, a Kremlin spokesman said on Tuesday.",
    ),
    (
        "2005-01-20",
        C::Agree,
        "Airlines will now have to offer compensation to stranded passengers, the European Commission said.",
    ),
    (
        "2007-03-30",
        C::Retreat,
        "Iran has to release the British sailors, the foreign secretary said on Friday.",
    ),
    (
        "2022-02-15",
        C::Assault,
        "Russian forces may invade Ukraine as early as Wednesday, the White House said.",
    ),
    (
        "2022-02-12",
        C::Assault,
        "Western officials warned of a possible Russian attack on Kyiv in the coming days.",
    ),
    (
        "2023-11-06",
        C::Sanction,
        "The United States is expected to impose new sanctions on Iran this week, officials said on Monday.",
    ),
    (
        "2022-01-25",
        C::Mobilize,
        "Russia is likely to deploy more troops to Belarus, NATO's secretary general said.",
    ),
    (
        "2024-07-22",
        C::Assault,
        "Hezbollah might attack Israeli towns if the war in Gaza continued, analysts said.",
    ),
    (
        "2023-09-04",
        C::Assault,
        "North Korea is thought to have fired two ballistic missiles into the sea, Seoul's military said.",
    ),
    (
        "2024-08-05",
        C::Assault,
        "Analysts warned of an imminent Iranian attack on Israel after the killing in Tehran.",
    ),
    (
        "2021-09-14",
        C::Retreat,
        "Hungary's prime minister is unlikely to release the jailed journalists, rights groups said.",
    ),
    (
        "2024-06-10",
        C::Coerce,
        "Serbia would close its border with Kosovo if the violence spread, the interior minister said.",
    ),
    (
        "2023-03-27",
        C::Coerce,
        "Israeli police are expected to detain dozens of protesters in Tel Aviv tonight, reports said.",
    ),
];

/// The same triggers with participants of the kinds they take still report events.
const LITERAL: &[Case] = &[
    (
        "2005-01-20",
        C::Coerce,
        "Police arrested 40 protesters in London on Monday, who can appeal against the charges.",
    ),
    (
        "2005-01-20",
        C::Coerce,
        "Police had to arrest 40 protesters in London on Monday after clashes at the embassy.",
    ),
    (
        "2022-03-01",
        C::Coerce,
        "Police arrested 12 protesters in Moscow on Tuesday, a monitoring group said.",
    ),
    (
        "2023-10-09",
        C::Assault,
        "Israeli jets bombed Hamas targets in Gaza overnight, the army said on Monday.",
    ),
    (
        "2022-04-05",
        C::Sanction,
        "Italy expelled 30 Russian diplomats on Tuesday.",
    ),
    (
        "2023-07-21",
        C::Retreat,
        "Russian troops withdrew from the village of Klishchiivka on Friday, Ukraine said.",
    ),
    (
        "2023-09-12",
        C::Consult,
        "The French president met with the German chancellor in Berlin on Tuesday.",
    ),
    (
        "2024-06-03",
        C::Accuse,
        "Labour's leader attacked the prime minister's words in a speech on Monday.",
    ),
];

fn of(events: &[Event], category: C) -> Vec<&Event> {
    events.iter().filter(|e| e.event == category).collect()
}

#[test]
fn figurative_uses_and_sense_violations_report_nothing() {
    let mut failures = Vec::new();
    for (published, category, text) in FIGURATIVE {
        let events = code(published, text);
        if !of(&events, *category).is_empty() {
            failures.push(format!("{text}\n  {events:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn assessed_and_conditional_statements_are_hypothetical() {
    let mut failures = Vec::new();
    for (published, category, text) in ASSESSED {
        let events = code(published, text);
        if of(&events, *category)
            .iter()
            .any(|e| e.modality != M::Hypothetical)
        {
            failures.push(format!("{text}\n  {events:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn literal_uses_still_report_asserted_events() {
    let mut failures = Vec::new();
    for (published, category, text) in LITERAL {
        let events = code(published, text);
        let found = of(&events, *category);
        if found.is_empty() || found.iter().any(|e| e.modality != M::Asserted) {
            failures.push(format!("{text}\n  {events:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
