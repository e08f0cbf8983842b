//! Trigger senses of sport, film and television (issue 11: precision on news outside politics):
//! a contest's "clash", "storming to victory", hosting a show or a tournament, meeting the top
//! seed, slamming a racket, appealing to fans as an audience, a "supporting actor", and a
//! referee's or umpire's warning report no event (data/coder/triggers.tsv code-nothing rows,
//! data/coder/senses.tsv, data/coder/nouns.tsv). The political use of each word still codes.

use attache_event::{Event, EventCategory as C};

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, None)
}

/// Sport and entertainment uses: no event of the category.
const SPORT: &[(C, &str)] = &[
    (
        C::Assault,
        "The Spanish teenager won in straight sets to set up a third round clash with the Russian defending champion.",
    ),
    (
        C::Assault,
        "Leeds United face Chelsea in a fourth round cup clash in England on Saturday.",
    ),
    (
        C::Assault,
        "The Kenyan stormed to victory in the 10,000m on Friday night.",
    ),
    (
        C::Consult,
        "The British comedian hosted the breakfast show for ten years before moving to television.",
    ),
    (
        C::Consult,
        "Australia will host the championship in 2011, organisers said on Monday.",
    ),
    (
        C::Consult,
        "The Scot will meet the second seed in the quarter-finals on Thursday.",
    ),
    (
        C::Accuse,
        "The angry Swede slammed his racquet against the net after losing the second set.",
    ),
    (
        C::Request,
        "Nokia said its new handset would appeal to younger buyers who want music on the move.",
    ),
    (
        C::Support,
        "The American actress won a Bafta for her supporting role in the period drama.",
    ),
    (
        C::Threaten,
        "The Italian referee warned both French captains after a scuffle in the tunnel.",
    ),
    (
        C::Accuse,
        "The Brazilian midfielder accused the Spanish referee of bias after the match.",
    ),
    (
        C::Consult,
        "The Irish winger's cross was met by the Scottish striker, who headed home.",
    ),
    (
        C::Support,
        "The Australian received strong crowd support in Melbourne on Saturday.",
    ),
];

/// The political use of the same words: an event of the category.
const POLITICAL: &[(C, &str)] = &[
    (
        C::Assault,
        "A border clash between Indian and Pakistani troops killed three soldiers in Kashmir on Tuesday.",
    ),
    (
        C::Assault,
        "Syrian rebels stormed the presidential palace in Damascus on Sunday.",
    ),
    (
        C::Consult,
        "Egypt hosted the Israeli prime minister in Cairo on Monday.",
    ),
    (
        C::Consult,
        "The French president met the German chancellor in Berlin on Friday.",
    ),
    (
        C::Accuse,
        "Britain's opposition leader slammed the government's handling of the floods.",
    ),
    (
        C::Request,
        "Kenyan police appealed to fans for calm ahead of the match.",
    ),
    (
        C::Support,
        "Germany supported the French proposal at the summit on Monday.",
    ),
    (
        C::Threaten,
        "Pakistan's army chief warned the rebels that they would be crushed.",
    ),
    (
        C::Accuse,
        "Iraq's prime minister accused Syria of arming the rebels.",
    ),
];

#[test]
fn sport_and_entertainment_senses_code_nothing() {
    let mut wrong = Vec::new();
    for (category, text) in SPORT {
        let events = code(text);
        if events.iter().any(|e| e.event == *category) {
            wrong.push(format!("{text:?}: no {category:?} wanted, got {events:#?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn political_uses_of_the_same_words_still_code() {
    let mut missing = Vec::new();
    for (category, text) in POLITICAL {
        let events = code(text);
        if !events.iter().any(|e| e.event == *category) {
            let got: Vec<_> = events.iter().map(|e| e.event).collect();
            missing.push(format!("{text:?}: {category:?} wanted, got {got:?}"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
