//! Sentences of the PLOVER gold standard dev half (read from `../shared`, not copied), each
//! asserting the gold category and the gold source and target countries. Organisation targets
//! coded by type in the gold ("IGO") are not compared.

use attache_coder::Extractor;
use attache_event::EventCategory;
use attache_text::{Document, Publication};
use serde_json::Value;

/// Records chosen across categories and constructions: reported speech, passives, demands,
/// deportations with a count, accusations, rejections, visits, threats.
const RECORDS: &[(&str, Option<f64>)] = &[
    ("PLOVER-GSR01-SANCTION-0003", Some(2.0)),
    ("PLOVER-GSR01-COERCE-0013", Some(168.0)),
    ("PLOVER-GSR01-DEMAND-0005", None),
    ("PLOVER-GSR01-DEMAND-0028", None),
    ("PLOVER-GSR01-DISAPPROVE-0003", None),
    ("PLOVER-GSR01-REJECT-0003", None),
    ("PLOVER-GSR01-REJECT-0005", None),
    ("PLOVER-GSR01-CONSULT-0003", None),
    ("PLOVER-GSR01-AID-0003", None),
    ("PLOVER-GSR01-THREATEN-0001", None),
    ("PLOVER-GSR01-ASSAULT-0003", None),
    ("PLOVER-GSR01-SUPPORT-0009", None),
];

fn codes(v: Option<&Value>) -> Vec<String> {
    let mut out: Vec<String> = match v {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.get("code").and_then(Value::as_str))
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    };
    out.sort();
    out.dedup();
    out
}

#[test]
fn gold_records_code_as_annotated() {
    let Some(path) = attache_testkit::shared_path("eval/plover-gsr-dev.jsonl") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let records: Vec<Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ex = Extractor::load_default().unwrap();
    let mut failures = Vec::new();
    for (id, count) in RECORDS {
        let r = records
            .iter()
            .find(|r| r["id"] == *id)
            .unwrap_or_else(|| panic!("{id} not in the gold file"));
        let category = EventCategory::parse(r["event"].as_str().unwrap()).unwrap();
        let sources = codes(r.get("source"));
        let targets: Vec<String> = codes(r.get("target"))
            .into_iter()
            .filter(|c| c != "IGO" && c != "NGO")
            .collect();
        let doc = Document {
            id: id.to_string(),
            text: r["text"].as_str().unwrap().to_string(),
            publication: Publication::default(),
        };
        let events = ex.extract(&doc);
        let ok = events.iter().any(|e| {
            let mut a: Vec<String> = e.actor_codes().iter().map(|c| c.to_string()).collect();
            a.sort();
            a.dedup();
            e.event == category
                && a == sources
                && targets
                    .iter()
                    .all(|t| e.recipient_codes().contains(&t.as_str()))
                && count.is_none_or(|n| e.quantity.as_ref().is_some_and(|q| q.value == n))
        });
        if !ok {
            failures.push(format!(
                "{id}: want {category} {sources:?}->{targets:?}; got {:?}",
                events
                    .iter()
                    .map(|e| (e.event, e.actor_codes(), e.recipient_codes()))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
