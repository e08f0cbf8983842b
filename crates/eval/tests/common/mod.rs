//! Hand-made events for the scorer tests. Built through JSON so that fields the event record
//! gains later (optional or defaulted) need no change here.

use attache_event::{Event, Quantity};
use serde_json::json;

pub fn event(category: &str, actors: &[&str], recipients: &[&str]) -> Event {
    let participant =
        |code: &&str| json!({"text": code, "country": code, "sector": null, "span": [0, 1]});
    let record = json!({
        "doc_id": "doc",
        "event": category,
        "mode": null,
        "context": [],
        "cameo": null,
        "actors": actors.iter().map(participant).collect::<Vec<_>>(),
        "recipients": recipients.iter().map(participant).collect::<Vec<_>>(),
        "quantity": null,
        "date": null,
        "location": null,
        "attribution": null,
        "modality": "asserted",
        "aggregate": false,
        "trigger": {"text": "t", "span": [0, 1]},
        "sentence": {"index": 0, "span": [0, 1], "text": "s"},
        "mentions": [],
    });
    serde_json::from_value(record).expect("hand-made event is valid")
}

pub fn quantity(value: f64, qualifier: &str, text: &str) -> Quantity {
    let record = json!({
        "value": value, "max": null, "unit": null, "qualifier": qualifier,
        "text": text, "span": [0, 1],
    });
    serde_json::from_value(record).expect("hand-made quantity is valid")
}
