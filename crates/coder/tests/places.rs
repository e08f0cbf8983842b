//! Where events happened: the place of the event's clause resolved in the GeoNames gazetteer,
//! namesakes told apart by the document, the dateline as fallback, unknown places kept as words.

use attache_event::{Event, Location, PlaceFeature, PlaceFrom};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2022, 4, 5))
}

/// The place of the first event that has one.
fn place(text: &str) -> Location {
    let events = code(text);
    events
        .iter()
        .find_map(|e| e.location.clone())
        .unwrap_or_else(|| panic!("no event with a place in {text:?}: {events:#?}"))
}

#[test]
fn near_mosul_is_a_town_with_coordinates_near_which_it_happened() {
    let text = "Two soldiers were killed in a roadside bombing near Mosul on Sunday.";
    let loc = place(text);
    assert_eq!(loc.name.as_deref(), Some("Mosul"));
    assert_eq!(loc.country.as_deref(), Some("IRQ"));
    assert_eq!(loc.feature, Some(PlaceFeature::City));
    assert_eq!(loc.precision, Some(2), "near a town");
    assert_eq!(loc.from, PlaceFrom::Clause);
    assert!(loc.geonames_id.is_some() && loc.admin1.as_deref() == Some("IQ.15"));
    let (lat, lon) = (loc.lat.unwrap(), loc.lon.unwrap());
    assert!((36.0..37.0).contains(&lat) && (43.0..44.0).contains(&lon));
    let [s, e] = loc.span.unwrap();
    assert_eq!(&text[s..e], "Mosul");
}

#[test]
fn alexandria_resolves_by_the_documents_country_then_population() {
    let egypt = place("Egyptian police arrested 40 protesters in Alexandria on Monday.");
    assert_eq!(egypt.country.as_deref(), Some("EGY"));
    assert_eq!(egypt.precision, Some(1));
    // No country in the document: the most populous Alexandria.
    let bare = place("Police arrested 40 protesters in Alexandria on Monday.");
    assert_eq!(bare.country.as_deref(), Some("EGY"));
    // A document about Virginia means the Alexandria there.
    let virginia = place(
        "The governor of Virginia spoke on Sunday. Police arrested 40 protesters in \
         Alexandria on Monday.",
    );
    assert_eq!(virginia.country.as_deref(), Some("USA"));
    assert_eq!(virginia.admin1.as_deref(), Some("US.VA"));
    // So does the phrase itself.
    let qualified = place("Police arrested 40 protesters in Alexandria, Virginia, on Monday.");
    assert_eq!(qualified.admin1.as_deref(), Some("US.VA"));
}

#[test]
fn a_capital_is_the_city_before_a_region_of_its_name() {
    // Washington the capital, not Washington State (the larger by population).
    let loc = place("An EU spokesman in Washington rejected the US complaint on Monday.");
    assert_eq!(loc.name.as_deref(), Some("Washington"));
    assert_eq!(loc.feature, Some(PlaceFeature::City));
    assert_eq!(loc.admin1.as_deref(), Some("US.DC"));
}

#[test]
fn the_dateline_places_an_event_whose_clause_names_no_place() {
    let text =
        "MOSUL, Iraq (Reuters) - Iraqi police arrested 12 protesters on Sunday, officials said.";
    let loc = place(text);
    assert_eq!(loc.from, PlaceFrom::Dateline);
    assert_eq!(loc.name.as_deref(), Some("Mosul"));
    assert_eq!(loc.country.as_deref(), Some("IRQ"));
    let [s, e] = loc.span.unwrap();
    assert_eq!(&text[s..e], "MOSUL");
}

#[test]
fn an_unknown_place_is_kept_as_words_without_coordinates() {
    let loc =
        place("Iraqi police arrested 12 protesters in the village of Qaryat Zubra on Sunday.");
    assert_eq!(loc.text, "Qaryat Zubra");
    assert_eq!((loc.lat, loc.lon, loc.geonames_id), (None, None, None));
}

#[test]
fn a_place_survives_the_json_record_and_old_records_still_read() {
    let events = code("Two soldiers were killed in a roadside bombing near Mosul on Sunday.");
    let json = serde_json::to_string(&events[0]).unwrap();
    let back: Event = serde_json::from_str(&json).unwrap();
    assert_eq!(back.location, events[0].location);
    let old: Location = serde_json::from_str(r#"{"text": "Kyiv", "country": "UKR"}"#).unwrap();
    assert_eq!((old.lat, old.from), (None, PlaceFrom::Clause));
}

#[test]
fn a_place_one_phrase_down_or_named_by_a_relative_where() {
    let nested = place("Myanmar troops opened fire on protesters in Mandalay on Sunday.");
    assert_eq!(nested.name.as_deref(), Some("Mandalay"));
    let relative =
        place("Italy's foreign minister flew to Cairo, where he met Egyptian officials on Monday.");
    assert_eq!(relative.name.as_deref(), Some("Cairo"));
    assert_eq!(relative.country.as_deref(), Some("EGY"));
}

#[test]
fn a_country_in_another_phrase_or_a_small_namesake_is_no_place() {
    // "with France" is whom the battle is with, not where the truce is called.
    let truce = code("The European Commission called a truce in its battle with France.");
    assert!(truce.iter().all(|e| e.location.is_none()), "{truce:#?}");
    // "on" before a name gives a topic, not a place.
    let topic = code("Britain's foreign secretary criticised the Conservatives' stance on Europe.");
    assert!(topic.iter().all(|e| e.location.is_none()), "{topic:#?}");
    // A British report's Westminster is not the Colorado town of that name.
    let westminster =
        code("Britain's prime minister met Labour MPs at Westminster on Monday evening.");
    let places: Vec<_> = westminster
        .iter()
        .filter_map(|e| e.location.as_ref())
        .collect();
    assert!(
        places.iter().all(|l| l.country.as_deref() != Some("USA")),
        "{places:#?}"
    );
}

#[test]
fn a_city_named_like_its_state_is_the_city() {
    // "New York" is the city, as news uses it; the state is "New York state" or the governor's.
    let p = place("Police in New York detained 12 demonstrators outside a bank on Friday.");
    assert_eq!(p.feature, Some(PlaceFeature::City), "{p:#?}");
    assert_eq!(p.name.as_deref(), Some("New York City"));
}
