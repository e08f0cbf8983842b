//! Places of stored events: kept through merging, filtered by country, admin-1 region and
//! distance.

use attache_event::{
    Actor, Event, EventCategory, Location, Mention, Modality, PlaceFeature, SentenceRef, Trigger,
};
use attache_store::{EventStore, Filter, FilterParams, IngestDocument, NoGroups, SqliteStore};
use attache_testkit::ScratchDir;
use attache_text::{Document, Publication};

const SENTENCE: &str = "Iraqi troops shelled positions near Mosul on Tuesday.";

/// A resolved town: (name, country, admin1, lat, lon, geonames id).
fn town(name: &str, country: &str, admin1: &str, lat: f64, lon: f64, id: u32) -> Location {
    Location {
        name: Some(name.to_string()),
        admin1: Some(admin1.to_string()),
        lat: Some(lat),
        lon: Some(lon),
        geonames_id: Some(id),
        feature: Some(PlaceFeature::City),
        precision: Some(2),
        ..Location::unresolved(name.to_string(), Some(country.to_string()))
    }
}

/// A document reporting Iraq's shelling on 2022-04-05, placed at `location`.
fn report(id: &str, location: Option<Location>) -> IngestDocument {
    let event = Event {
        doc_id: id.to_string(),
        event: EventCategory::Assault,
        mode: None,
        context: Vec::new(),
        cameo: None,
        actors: vec![Actor {
            text: "Iraqi troops".to_string(),
            country: Some("IRQ".to_string()),
            sector: Some("MIL".to_string()),
            span: [0, 12],
            country_from: None,
        }],
        recipients: Vec::new(),
        quantity: None,
        other_quantities: Vec::new(),
        casualties: Default::default(),
        date: None,
        planned: None,
        location,
        attribution: None,
        modality: Modality::Asserted,
        aggregate: false,
        trigger: Trigger {
            text: "shelled".to_string(),
            span: [13, 20],
        },
        sentence: SentenceRef {
            index: 0,
            span: [0, SENTENCE.len()],
            text: SENTENCE.into(),
        },
        mentions: vec![Mention {
            sentence: 0,
            span: [0, SENTENCE.len()],
            text: SENTENCE.to_string(),
        }],
        published: None,
    };
    let published = chrono::NaiveDate::from_ymd_opt(2022, 4, 5);
    IngestDocument::coded(
        Document {
            id: id.to_string(),
            text: SENTENCE.to_string(),
            publication: Publication {
                published,
                source: Some(format!("outlet {id}")),
                ..Publication::default()
            },
        },
        vec![event],
    )
}

fn ids(store: &SqliteStore, params: FilterParams) -> Vec<i64> {
    let filter: Filter = params.parse().unwrap();
    let events = store.events(&filter, &NoGroups).unwrap();
    events.iter().map(|e| e.id).collect()
}

#[test]
fn a_merged_event_keeps_its_reports_places_and_the_filters_find_them() {
    let dir = ScratchDir::new("store-places", "filters");
    let mut store = SqliteStore::open(&dir.join("p.db")).unwrap();
    let mosul = town("Mosul", "IRQ", "IQ.15", 36.335, 43.1189, 99072);
    let erbil = town("Erbil", "IRQ", "IQ.11", 36.19, 44.01, 95446);
    store
        .ingest_batch(&[
            report("a", Some(mosul)),
            report("b", Some(erbil)),
            report("c", None),
        ])
        .unwrap();
    let all = store.events(&Filter::default(), &NoGroups).unwrap();
    assert_eq!(all.len(), 1, "three reports of one event: {all:#?}");
    let places: Vec<&str> = all[0]
        .event
        .places
        .iter()
        .map(|p| p.location.text.as_str())
        .collect();
    assert_eq!(places, ["Mosul", "Erbil"]);
    assert_eq!(all[0].event.places[1].document, "b");
    let id = all[0].id;
    let param = |f: fn(&mut FilterParams, String), v: &str| {
        let mut p = FilterParams::default();
        f(&mut p, v.to_string());
        p
    };
    let country = |p: &mut FilterParams, v| p.country = Some(v);
    let admin1 = |p: &mut FilterParams, v| p.admin1 = Some(v);
    let near = |p: &mut FilterParams, v| p.near = Some(v);
    assert_eq!(ids(&store, param(country, "irq")), [id]);
    assert!(ids(&store, param(country, "SYR")).is_empty());
    assert_eq!(ids(&store, param(admin1, "IQ.11")), [id]);
    assert!(ids(&store, param(admin1, "IQ.07")).is_empty());
    // 30 km around a point 20 km west of Erbil: Erbil, not Mosul (80 km away).
    assert_eq!(ids(&store, param(near, "36.19,43.79,30")), [id]);
    // Baghdad, 340 km south of Mosul.
    assert!(ids(&store, param(near, "33.31,44.36,100")).is_empty());
}
