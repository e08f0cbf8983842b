//! Recipients: one sentence per construction that names whom an event acts on (object, passive
//! subject, against/with/to/on/from, possessive, the object's doer, domestic acts), and the
//! phrases that name no participant (a topic). Sentences written for these tests in wire style.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2023, 3, 14))
}

fn countries(actors: &[attache_event::Actor]) -> Vec<&str> {
    actors.iter().filter_map(|a| a.country.as_deref()).collect()
}

/// The one event of `category` in `text`, with its actor and recipient countries.
fn check(text: &str, category: C, actors: &[&str], recipients: &[&str]) {
    let events = code(text);
    let e = events
        .iter()
        .find(|e| e.event == category)
        .unwrap_or_else(|| panic!("no {category:?} in {text:?}: {events:#?}"));
    assert_eq!(countries(&e.actors), actors, "actors of {text:?}");
    assert_eq!(
        countries(&e.recipients),
        recipients,
        "recipients of {text:?}"
    );
}

#[test]
fn direct_object() {
    check(
        "The Chinese foreign ministry criticised Japan on Tuesday.",
        C::Accuse,
        &["CHN"],
        &["JPN"],
    );
}

#[test]
fn passive_subject_is_the_recipient_and_the_by_phrase_the_actor() {
    check(
        "Three Russian diplomats were expelled by Estonia on Monday.",
        C::Sanction,
        &["EST"],
        &["RUS"],
    );
}

#[test]
fn against() {
    check(
        "Ukraine filed a complaint against Russia at the United Nations on Monday.",
        C::Accuse,
        &["UKR"],
        &["RUS"],
    );
}

#[test]
fn with_for_talks_agreement_and_cooperation() {
    check(
        "Turkey held talks with Syria on Tuesday.",
        C::Consult,
        &["TUR"],
        &["SYR"],
    );
    check(
        "Japan agreed with South Korea to share intelligence.",
        C::Agree,
        &["JPN"],
        &["KOR"],
    );
    check(
        "Germany cooperated with France on border checks last year.",
        C::Cooperate,
        &["DEU"],
        &["FRA"],
    );
}

#[test]
fn to_for_aid_and_requests() {
    check(
        "Japan sent food aid to North Korea on Monday.",
        C::Aid,
        &["JPN"],
        &["PRK"],
    );
    check(
        "Kenya appealed to Britain for help on Monday.",
        C::Request,
        &["KEN"],
        &["GBR"],
    );
}

#[test]
fn on_for_sanctions() {
    check(
        "The European Union imposed new sanctions on Iran on Monday.",
        C::Sanction,
        &["EU"],
        &["IRN"],
    );
}

#[test]
fn from_for_withdrawals() {
    check(
        "Sudan withdrew its troops from Chad on Sunday.",
        C::Retreat,
        &["SDN"],
        &["TCD"],
    );
}

#[test]
fn possessive() {
    check(
        "Poland expelled Russia's ambassador on Tuesday.",
        C::Sanction,
        &["POL"],
        &["RUS"],
    );
}

#[test]
fn the_doer_of_what_the_object_names() {
    check(
        "Germany rejected calls by Greece for war reparations.",
        C::Reject,
        &["DEU"],
        &["GRC"],
    );
}

#[test]
fn domestic_act_takes_the_country_of_its_place() {
    check(
        "Police arrested 40 protesters in Cairo on Friday.",
        C::Coerce,
        &["EGY"],
        &["EGY"],
    );
}

#[test]
fn a_topic_is_no_participant() {
    let events = code("France and Germany held talks on Iran on Monday.");
    assert!(!events.is_empty(), "the talks are coded");
    for e in &events {
        assert!(!countries(&e.actors).contains(&"IRN"), "{e:#?}");
        assert!(!countries(&e.recipients).contains(&"IRN"), "{e:#?}");
    }
    let events =
        code("Syria will be discussed at the summit in Geneva, the French foreign minister said.");
    for e in &events {
        assert!(!countries(&e.actors).contains(&"SYR"), "{e:#?}");
    }
}

/// A report about Kenya: it names Kenya, Kenyan police and Nairobi before its third sentence.
const KENYA: &str = "Kenya's opposition leader returned to Nairobi on Monday. Kenyan police said \
the protests in Nairobi would be contained. ";

#[test]
fn the_government_alone_is_the_documents_government_never_a_count() {
    let text = format!("{KENYA}The government banned the march on Tuesday.");
    let events = code(&text);
    let e = events
        .iter()
        .find(|e| e.event == C::Coerce)
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(countries(&e.actors), ["KEN"]);
    assert_eq!(e.actors[0].sector.as_deref(), Some("GOV"));
    assert_eq!(e.quantity, None, "the government is no count of one");
}

#[test]
fn the_government_said_it_is_the_government() {
    let text =
        format!("{KENYA}The government said on Tuesday it would expel two British journalists.");
    check(&text, C::Coerce, &["KEN"], &["GBR"]);
    // A government that names its state keeps it.
    let text =
        format!("{KENYA}The Ugandan government said it would expel two British journalists.");
    check(&text, C::Coerce, &["UGA"], &["GBR"]);
}

#[test]
fn the_government_as_recipient() {
    let text =
        format!("{KENYA}Kenyan opposition leaders accused the government of rigging the vote.");
    check(&text, C::Accuse, &["KEN"], &["KEN"]);
}

#[test]
fn the_government_without_a_country_is_no_one() {
    let events = code("The government banned the march on Tuesday.");
    assert!(
        events
            .iter()
            .all(|e| e.actors.iter().all(|a| a.country.is_none())),
        "{events:#?}"
    );
}

#[test]
fn coordinated_objects_are_each_a_recipient() {
    check(
        "Germany criticised Russia and China for their votes.",
        C::Accuse,
        &["DEU"],
        &["RUS", "CHN"],
    );
}

#[test]
fn the_object_of_an_accusation_not_its_complement_clause() {
    check(
        "The Brazilian foreign minister accused Argentina of breaking the deal.",
        C::Accuse,
        &["BRA"],
        &["ARG"],
    );
}

#[test]
fn people_named_by_their_role_belong_to_the_acting_state() {
    check(
        "The Iraqi court ordered the former minister to appear for questioning.",
        C::Request,
        &["IRQ"],
        &["IRQ"],
    );
    // The object's doer, named by role: "an appeal from the president".
    check(
        "Rebels in Mali rejected an appeal from the president to lay down their arms.",
        C::Reject,
        &["MLI"],
        &["MLI"],
    );
    check(
        "Egyptian troops detained the activists in Cairo.",
        C::Coerce,
        &["EGY"],
        &["EGY"],
    );
}

#[test]
fn forces_an_actor_moves_are_its_own_not_a_recipient() {
    check(
        "Britain mobilized army reservists on Tuesday.",
        C::Mobilize,
        &["GBR"],
        &[],
    );
    check(
        "Moscow withdrew its troops on Friday.",
        C::Retreat,
        &["RUS"],
        &[],
    );
}

#[test]
fn a_place_attacked_stands_for_its_country() {
    check(
        "Russian jets bombed Aleppo on Sunday.",
        C::Assault,
        &["RUS"],
        &["SYR"],
    );
    check(
        "Israeli forces raided Nablus on Monday.",
        C::Assault,
        &["ISR"],
        &["PSE"],
    );
}

#[test]
fn the_doer_of_what_a_protest_is_against() {
    check(
        "Kenyan lawyers staged a protest against abuses by Ugandan police.",
        C::Protest,
        &["KEN"],
        &["UGA"],
    );
}

#[test]
fn a_war_against_a_state_aims_the_mobilisation_for_it() {
    check(
        "Britain mobilized army reservists for a possible war against Syria on Tuesday.",
        C::Mobilize,
        &["GBR"],
        &["SYR"],
    );
}

#[test]
fn whom_the_thing_attacked_is_for() {
    check(
        "Burundian militiamen attacked a camp for Rwandan refugees on Monday.",
        C::Assault,
        &["BDI"],
        &["RWA"],
    );
}

#[test]
fn an_act_done_in_a_place_is_aimed_at_its_country() {
    check(
        "Serbia lifted a curfew in Kosovo on Sunday.",
        C::Concede,
        &["SRB"],
        &["XKX"],
    );
    check(
        "Thousands of Kenyans rallied in Nairobi to protest the rights violations.",
        C::Protest,
        &["KEN"],
        &["KEN"],
    );
}

/// A report about Sweden: it names Sweden three times.
const SWEDEN: &str = "The Swedish government has approved the plans, Sweden's prime minister \
said. Sweden's opposition leader criticised the plans on Monday. Sweden's foreign minister said \
the plans were needed.";

#[test]
fn a_policy_with_no_ones_name_on_it_is_the_governments() {
    let events = code(SWEDEN);
    let e = events
        .iter()
        .find(|e| e.event == C::Accuse)
        .unwrap_or_else(|| panic!("no ACCUSE: {events:#?}"));
    assert_eq!(countries(&e.recipients), ["SWE"]);
    assert_eq!(e.recipients[0].sector.as_deref(), Some("GOV"));
    // Whose plans they are, when named, is the recipient instead.
    check(
        "Sweden's prime minister criticised Norway's plans on Monday.",
        C::Accuse,
        &["SWE"],
        &["NOR"],
    );
}

#[test]
fn a_demand_made_in_writing_to_someone_is_aimed_at_them() {
    check(
        "Iran's foreign minister wrote to Pakistan demanding an explanation.",
        C::Request,
        &["IRN"],
        &["PAK"],
    );
}

#[test]
fn coordinated_people_named_by_role_are_each_a_recipient() {
    let events =
        code("The Kenyan foreign minister will consult the police and the army on Monday.");
    let e = events
        .iter()
        .find(|e| !e.recipients.is_empty())
        .unwrap_or_else(|| panic!("no recipient: {events:#?}"));
    assert_eq!(countries(&e.recipients), ["KEN", "KEN"]);
    let sectors: Vec<_> = e
        .recipients
        .iter()
        .filter_map(|a| a.sector.as_deref())
        .collect();
    assert_eq!(sectors, ["COP", "MIL"]);
}

#[test]
fn a_policy_as_the_subject_of_what_is_said_is_no_recipient() {
    let text = format!("{SWEDEN} Sweden's prime minister denied the decision would hurt trade.");
    for e in code(&text).iter().filter(|e| e.event == C::Reject) {
        assert!(e.recipients.is_empty(), "{e:#?}");
    }
}

#[test]
fn people_named_by_a_role_of_no_sector_are_domestic_recipients() {
    // "men" is a lexicon role of no sector: still people, of the place's country.
    check(
        "Police in Manchester arrested two men on Friday.",
        C::Coerce,
        &["GBR"],
        &["GBR"],
    );
}

#[test]
fn states_named_by_a_noun_are_no_domestic_people() {
    let text = "The British prime minister called on rich nations to cancel the debts of Africa.";
    for e in code(text).iter().filter(|e| e.event == C::Request) {
        assert!(
            !countries(&e.recipients).contains(&"GBR"),
            "rich nations are not British: {e:#?}"
        );
    }
}

#[test]
fn the_group_of_eight_is_a_recipient() {
    check(
        "Canada urged other G8 countries to double their aid.",
        C::Request,
        &["CAN"],
        &["G8"],
    );
}

#[test]
fn a_to_phrase_the_parse_hangs_on_a_later_participle() {
    check(
        "Chile has granted diplomatic asylum to four Bolivian officers holed up in a diplomatic \
         residence, the Chilean embassy said on Monday.",
        C::Aid,
        &["CHL"],
        &["BOL"],
    );
}

#[test]
fn people_a_proper_modifier_places_elsewhere_are_no_domestic_recipients() {
    // "Balkan" says whose leaders they are, though no one state: not the actor's people.
    let text = "The British prime minister urged Balkan leaders to end the dispute.";
    for e in code(text).iter().filter(|e| e.event == C::Request) {
        assert!(
            !countries(&e.recipients).contains(&"GBR"),
            "Balkan leaders are not British: {e:#?}"
        );
    }
}

#[test]
fn an_absolute_with_clause_names_no_recipient() {
    // "with Chile preferring ...": Chile is the subject of the participle, not the party
    // the refusal is aimed at.
    let text = "Peru declined the offer of aid, with Chile preferring to wait for the report.";
    for e in code(text).iter().filter(|e| e.event == C::Reject) {
        assert!(
            !countries(&e.recipients).contains(&"CHL"),
            "Chile is no recipient: {e:#?}"
        );
    }
}

#[test]
fn a_phrase_the_parser_hung_past_a_noun_trigger_is_its_own() {
    // "the aftermath of China's crackdown | on protesters": the parse may hang "on protesters"
    // on "aftermath"; the phrase right after the trigger is the crackdown's.
    check(
        "The embargo was imposed in the aftermath of Uzbekistan's crackdown on protesters in Andijan in 2005.",
        C::Assault,
        &["UZB"],
        &["UZB"],
    );
    check(
        "The sanctions were imposed in the wake of Burma's crackdown on monks in Rangoon.",
        C::Assault,
        &["MMR"],
        &["MMR"],
    );
    // A phrase of no actor after the trigger names no one.
    for e in code("The ban was imposed in the aftermath of Iran's crackdown on Monday.") {
        assert!(e.recipients.is_empty(), "{e:#?}");
    }
}
