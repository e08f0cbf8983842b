//! How the store behaves with many events: ingest synthetic coded documents, then time the
//! filters and tallies the CLI runs.
//!
//!     cargo run --release -p attache-store --example store_scale -- [EVENTS] [DB]

use attache_event::{
    Actor, Event, EventCategory, EventDate, Mention, Modality, Qualifier, Quantity, SentenceRef,
    Trigger,
};
use attache_store::{EventStore, Filter, GroupBy, IngestDocument, NoGroups, SqliteStore};
use attache_text::{Document, Publication};
use chrono::{Duration, NaiveDate};
use std::time::Instant;

const COUNTRIES: [&str; 40] = [
    "ITA", "ESP", "DNK", "SWE", "EST", "DEU", "POL", "SVK", "LTU", "LVA", "FRA", "BEL", "NLD",
    "PRT", "AUT", "CZE", "HUN", "ROU", "BGR", "GRC", "FIN", "IRL", "HRV", "SVN", "LUX", "MLT",
    "CYP", "GBR", "USA", "CAN", "JPN", "AUS", "NOR", "CHE", "UKR", "MDA", "GEO", "TUR", "ISR",
    "IND",
];
const RECIPIENTS: [&str; 8] = ["RUS", "BLR", "IRN", "PRK", "CHN", "SYR", "VEN", "CUB"];

/// A small deterministic generator: the same input every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below
    }
}

fn actor(code: &str) -> Actor {
    Actor {
        text: code.to_string(),
        country: Some(code.to_string()),
        sector: None,
        span: [0, 3],
        country_from: None,
    }
}

fn document(n: usize, rng: &mut Lcg) -> IngestDocument {
    let country = COUNTRIES[rng.next(COUNTRIES.len())];
    let target = RECIPIENTS[rng.next(RECIPIENTS.len())];
    let count = 1 + rng.next(60);
    let day = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + Duration::days(rng.next(3650) as i64);
    let text = format!("{country} expelled {count} {target} diplomats on {day} (report {n}).");
    let category = if rng.next(4) == 0 {
        EventCategory::Protest
    } else {
        EventCategory::Sanction
    };
    let event = Event {
        doc_id: format!("doc-{n}"),
        event: category,
        mode: Some("expel".to_string()),
        context: Vec::new(),
        cameo: None,
        actors: vec![actor(country)],
        recipients: vec![actor(target)],
        quantity: Some(Quantity {
            value: count as f64,
            max: None,
            unit: Some("diplomat".to_string()),
            qualifier: Qualifier::Exact,
            text: count.to_string(),
            span: [13, 15],
        }),
        other_quantities: Vec::new(),
        casualties: Default::default(),
        date: Some(EventDate {
            start: Some(day),
            end: None,
            text: day.to_string(),
            resolved: true,
            inherited: false,
            precision: None,
        }),
        planned: None,
        location: None,
        attribution: None,
        modality: Modality::Asserted,
        aggregate: false,
        trigger: Trigger {
            text: "expelled".to_string(),
            span: [4, 12],
        },
        sentence: SentenceRef {
            index: 0,
            span: [0, text.len()],
            text: text.as_str().into(),
        },
        mentions: vec![Mention {
            sentence: 0,
            span: [0, text.len()],
            text: text.clone(),
        }],
        published: None,
    };
    IngestDocument {
        document: Document {
            id: format!("doc-{n}"),
            text,
            publication: Publication {
                published: Some(day),
                source: Some(["Reuters", "AFP", "AP", "DPA"][n % 4].to_string()),
                ..Publication::default()
            },
        },
        events: vec![event],
        coded: true,
    }
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    println!("{what}: {:.3} s", start.elapsed().as_secs_f64());
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let total: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let path = args
        .get(2)
        .map_or_else(|| std::env::temp_dir().join("attache-scale.db"), Into::into);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let mut store = SqliteStore::open(&path).expect("database opens");
    let mut rng = Lcg(7);
    timed(&format!("ingest {total} documents"), || {
        let mut n = 0;
        while n < total {
            let batch: Vec<IngestDocument> = (n..(n + 1000).min(total))
                .map(|i| document(i, &mut rng))
                .collect();
            n += batch.len();
            store.ingest_batch(&batch).expect("batch stored");
        }
    });
    println!("{:?}", store.stats().unwrap());
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let queries = [
        (
            "events --event SANCTION --actor DEU --since 2022-02-24",
            Filter {
                category: Some(EventCategory::Sanction),
                actor: Some("DEU".into()),
                since: day("2022-02-24"),
                ..Filter::default()
            },
        ),
        (
            "events --recipient RUS --since 2024-01-01",
            Filter {
                recipient: Some("RUS".into()),
                since: day("2024-01-01"),
                ..Filter::default()
            },
        ),
        (
            "events --text \"report 4242)\"",
            Filter {
                text: Some("report 4242)".into()),
                ..Filter::default()
            },
        ),
    ];
    for (what, filter) in &queries {
        let found = timed(what, || store.events(filter, &NoGroups).unwrap());
        println!("  {} events", found.len());
    }
    let filter = Filter {
        category: Some(EventCategory::Sanction),
        mode: Some("expel".into()),
        recipient: Some("RUS".into()),
        ..Filter::default()
    };
    let tally = timed(
        "tally --event SANCTION --mode expel --recipient RUS --by actor",
        || store.tally(&filter, GroupBy::Actor, &NoGroups).unwrap(),
    );
    println!("  {} rows", tally.rows.len());
}
