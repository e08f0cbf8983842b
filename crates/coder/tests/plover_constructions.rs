//! PLOVER category constructions, each in several wordings and with actors other than the
//! sentences of the PLOVER dev half it was found in (issue 11): coming "for talks" and mediation
//! efforts (CONSULT); more patrols, preparing for or being ready to attack, mobilising forces
//! but not voters (MOBILIZE); speeding up a withdrawal, releasing officials (RETREAT); vows and
//! announcements of force, warnings of the speaker's own act but not predictions about others
//! (THREATEN); signature drives and organised strikes and rallies (PROTEST); "questioned
//! whether" (ACCUSE); readiness and control through a passive governor ("is prepared to lift
//! the ban": AGREE).

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2011, 5, 9))
}

/// Each sentence yields an event of its category.
const CODED: &[(&str, C)] = &[
    (
        "Chinese and American negotiators returned to Geneva for talks on trade.",
        C::Consult,
    ),
    (
        "The Sudanese foreign minister flew to Addis Ababa for talks with Ethiopian leaders.",
        C::Consult,
    ),
    (
        "Israeli negotiators headed to Cairo for negotiations on a truce.",
        C::Consult,
    ),
    (
        "Norway launched a mediation effort between Sudan and South Sudan.",
        C::Consult,
    ),
    (
        "Algeria began a mediation mission between Mali and the Tuareg rebels.",
        C::Consult,
    ),
    (
        "Israel stepped up patrols along the border with Lebanon.",
        C::Mobilize,
    ),
    (
        "India intensified patrols along the Pakistani border.",
        C::Mobilize,
    ),
    (
        "Indian troops were preparing for an assault on the rebel-held town.",
        C::Mobilize,
    ),
    (
        "The Turkish army prepared to launch an offensive against Kurdish positions.",
        C::Mobilize,
    ),
    (
        "The Ethiopian army is ready to attack Eritrean positions.",
        C::Mobilize,
    ),
    (
        "Turkey mobilized its army on the Syrian border.",
        C::Mobilize,
    ),
    ("Russia mobilised 300,000 reservists.", C::Mobilize),
    (
        "Russia speeded up the withdrawal of its troops from Georgia.",
        C::Retreat,
    ),
    (
        "The United States accelerated the withdrawal of its forces from Iraq.",
        C::Retreat,
    ),
    ("Sudan released two former ministers on Monday.", C::Retreat),
    ("Fiji said it will release the prime minister.", C::Agree),
    (
        "Hezbollah has sworn to fight until Israel leaves Lebanon.",
        C::Threaten,
    ),
    ("Hezbollah vowed to retaliate against Israel.", C::Threaten),
    (
        "China pledged to crush the Uighur separatists.",
        C::Threaten,
    ),
    (
        "Iraqi Kurds said they would blockade the oil fields.",
        C::Threaten,
    ),
    (
        "Russia said it would attack Ukrainian positions.",
        C::Threaten,
    ),
    (
        "Iran warned that it would close the Strait of Hormuz.",
        C::Threaten,
    ),
    (
        "The Nigerian army warned that it would crack down on the protesters.",
        C::Threaten,
    ),
    (
        "Russia warned the United States of serious consequences.",
        C::Threaten,
    ),
    (
        "Russia warned of serious consequences and NATO responded with sanctions.",
        C::Threaten,
    ),
    (
        "The EU did warn the two were under scrutiny and it would act if their deficits grew.",
        C::Threaten,
    ),
    (
        "The Sudanese opposition began collecting signatures for a petition against the president.",
        C::Protest,
    ),
    (
        "Polish activists gathered a million signatures against the abortion law.",
        C::Protest,
    ),
    (
        "Greek unions organized a general strike in Athens.",
        C::Protest,
    ),
    (
        "Nepalese opposition parties organised a rally in Kathmandu.",
        C::Protest,
    ),
    (
        "India questioned whether Pakistan was serious about peace.",
        C::Accuse,
    ),
    (
        "The German chancellor questioned whether Russia would respect the ceasefire.",
        C::Accuse,
    ),
    (
        "Algeria is prepared to lift the ban on the Islamic party.",
        C::Agree,
    ),
    (
        "Turkey is prepared to withdraw its troops from Cyprus.",
        C::Agree,
    ),
    (
        "Iran was forced to withdraw its troops from Iraq.",
        C::Retreat,
    ),
];

/// No sentence yields an event of the category paired with it: other senses, predictions about
/// third parties, and acts that a readiness, vow or announcement turns into another category.
const NOT_CODED: &[(&str, C)] = &[
    (
        "Saudi Arabia mobilized supporters in the United States.",
        C::Mobilize,
    ),
    (
        "The Kenyan opposition mobilised voters ahead of the election.",
        C::Mobilize,
    ),
    (
        "The UN warned that millions of Somalis could starve.",
        C::Threaten,
    ),
    (
        "The World Bank warned that growth in China would slow.",
        C::Threaten,
    ),
    (
        "The UN warned that militias could attack civilians in Darfur.",
        C::Threaten,
    ),
    ("Russia said Ukraine would attack.", C::Threaten),
    // A verbal clash over a measure is an argument, not a fight, nor one side's criticism.
    (
        "Labour and the Tories have clashed over tax and spending plans.",
        C::Assault,
    ),
    (
        "Labour and the Tories have clashed over tax and spending plans.",
        C::Accuse,
    ),
    (
        "Ministers clashed over the budget at the meeting.",
        C::Assault,
    ),
    ("The Kenyan president was sworn in on Monday.", C::Threaten),
    ("French police questioned the suspect for hours.", C::Accuse),
    (
        "The Turkish army prepared to launch an offensive against Kurdish positions.",
        C::Assault,
    ),
    (
        "Indian troops were preparing for an assault on the rebel-held town.",
        C::Assault,
    ),
    (
        "Iraqi Kurds said they would blockade the oil fields.",
        C::Coerce,
    ),
];

#[test]
fn plover_constructions_are_coded() {
    common::assert_each_coded(
        CODED,
        |c| c.0,
        code,
        |e, c| e.event == c.1,
        |c| format!("{:?}", c.1),
    );
}

#[test]
fn plover_constructions_in_other_senses_are_not_coded() {
    common::assert_none_coded(NOT_CODED, code);
}
