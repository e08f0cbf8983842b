//! The hand-built reports of the SQLite store tests: documents whose one sentence reports
//! expulsions, coded by hand, and a fake group membership.

use attache_event::{
    Actor, Event, EventCategory, EventDate, Mention, Modality, Qualifier, Quantity, SentenceRef,
    Trigger,
};
use attache_store::{GroupMembers, IngestDocument, TallyRow};
use attache_text::{Document, Publication};
use chrono::NaiveDate;
use std::path::PathBuf;

pub fn fresh_db(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("store-{name}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path
}

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A report: one document whose text is `sentence`, published by `outlet` on `published`.
pub struct Wire<'a> {
    pub id: &'a str,
    pub outlet: &'a str,
    pub published: &'a str,
    pub sentence: &'a str,
}

/// Describes the expulsion the sentence reports; spans are found in the sentence.
pub struct Expulsion<'a> {
    pub actor: &'a str,
    pub actor_words: &'a str,
    pub trigger: &'a str,
    pub count: Option<(f64, &'a str, Qualifier)>,
    pub date: Option<&'a str>,
    pub aggregate: bool,
}

impl Default for Expulsion<'_> {
    fn default() -> Self {
        Expulsion {
            actor: "",
            actor_words: "",
            trigger: "expelled",
            count: None,
            date: None,
            aggregate: false,
        }
    }
}

pub fn span_of(sentence: &str, words: &str) -> [usize; 2] {
    let start = sentence.find(words).unwrap_or(0);
    [start, start + words.len()]
}

pub fn coded(wire: &Wire, expulsions: &[Expulsion]) -> IngestDocument {
    let s = wire.sentence;
    let events = expulsions
        .iter()
        .map(|x| {
            let actors = vec![Actor {
                text: x.actor_words.to_string(),
                country: Some(x.actor.to_string()),
                sector: Some("GOV".to_string()),
                span: span_of(s, x.actor_words),
                country_from: None,
            }];
            Event {
                doc_id: wire.id.to_string(),
                event: EventCategory::Sanction,
                mode: Some("expel".to_string()),
                context: Vec::new(),
                cameo: None,
                actors,
                recipients: vec![Actor {
                    text: "Russian".to_string(),
                    country: Some("RUS".to_string()),
                    sector: Some("DIP".to_string()),
                    span: span_of(s, "Russia"),
                    country_from: None,
                }],
                quantity: x.count.map(|(value, words, qualifier)| Quantity {
                    value,
                    max: None,
                    unit: Some("diplomat".to_string()),
                    qualifier,
                    text: words.to_string(),
                    span: span_of(s, words),
                }),
                other_quantities: Vec::new(),
                casualties: Default::default(),
                date: x.date.map(|d| EventDate {
                    start: Some(day(d)),
                    end: None,
                    text: d.to_string(),
                    resolved: true,
                    inherited: false,
                    precision: None,
                }),
                planned: None,
                location: None,
                attribution: None,
                modality: Modality::Asserted,
                aggregate: x.aggregate,
                trigger: Trigger {
                    text: x.trigger.to_string(),
                    span: span_of(s, x.trigger),
                },
                sentence: SentenceRef {
                    index: 0,
                    span: [0, s.len()],
                    text: s.into(),
                },
                mentions: vec![Mention {
                    sentence: 0,
                    span: [0, s.len()],
                    text: s.to_string(),
                }],
                published: None,
            }
        })
        .collect();
    IngestDocument {
        document: Document {
            id: wire.id.to_string(),
            text: s.to_string(),
            publication: Publication {
                published: Some(day(wire.published)),
                url: None,
                title: None,
                source: Some(wire.outlet.to_string()),
            },
        },
        events,
        coded: true,
    }
}

/// Three outlets on the same Italian and Spanish expulsions in different words (one with a
/// different Spanish figure), an aggregate claim, and Germany again a month later.
pub fn wire_reports() -> Vec<IngestDocument> {
    vec![
        coded(
            &Wire {
                id: "reuters-1",
                outlet: "Reuters",
                published: "2022-04-05",
                sentence: "Italy expelled 30 Russian diplomats on Tuesday, citing national security.",
            },
            &[Expulsion {
                actor: "ITA",
                actor_words: "Italy",
                count: Some((30.0, "30", Qualifier::Exact)),
                date: Some("2022-04-05"),
                ..Default::default()
            }],
        ),
        coded(
            &Wire {
                id: "ap-7",
                outlet: "Associated Press",
                published: "2022-04-05",
                sentence: "Rome ordered thirty Russian embassy staff out; Madrid told 25 to leave.",
            },
            &[
                Expulsion {
                    actor: "ITA",
                    actor_words: "Rome",
                    trigger: "ordered",
                    count: Some((30.0, "thirty", Qualifier::Exact)),
                    ..Default::default()
                },
                Expulsion {
                    actor: "ESP",
                    actor_words: "Madrid",
                    trigger: "told",
                    count: Some((25.0, "25", Qualifier::Exact)),
                    ..Default::default()
                },
            ],
        ),
        coded(
            &Wire {
                id: "afp-3",
                outlet: "AFP",
                published: "2022-04-06",
                sentence: "Spain on Tuesday expelled 27 Russian diplomats and Italy sent home 30.",
            },
            &[
                Expulsion {
                    actor: "ESP",
                    actor_words: "Spain",
                    count: Some((27.0, "27", Qualifier::Exact)),
                    date: Some("2022-04-05"),
                    ..Default::default()
                },
                Expulsion {
                    actor: "ITA",
                    actor_words: "Italy",
                    trigger: "sent home",
                    count: Some((30.0, "30", Qualifier::Exact)),
                    date: Some("2022-04-05"),
                    ..Default::default()
                },
            ],
        ),
        coded(
            &Wire {
                id: "ft-1",
                outlet: "Financial Times",
                published: "2022-04-05",
                sentence: "Germany expelled 40 Russian diplomats, bringing the EU total to at least 300.",
            },
            &[
                Expulsion {
                    actor: "DEU",
                    actor_words: "Germany",
                    count: Some((40.0, "40", Qualifier::Exact)),
                    date: Some("2022-04-04"),
                    ..Default::default()
                },
                Expulsion {
                    actor: "EU",
                    actor_words: "EU",
                    trigger: "bringing",
                    count: Some((300.0, "at least 300", Qualifier::AtLeast)),
                    aggregate: true,
                    ..Default::default()
                },
            ],
        ),
        coded(
            &Wire {
                id: "dw-9",
                outlet: "Deutsche Welle",
                published: "2022-05-10",
                sentence: "Germany expelled another 40 Russian diplomats on Tuesday.",
            },
            &[Expulsion {
                actor: "DEU",
                actor_words: "Germany",
                count: Some((40.0, "40", Qualifier::Exact)),
                date: Some("2022-05-10"),
                ..Default::default()
            }],
        ),
    ]
}

pub fn row<'a>(rows: &'a [TallyRow], group: &str) -> &'a TallyRow {
    rows.iter()
        .find(|r| r.group == group)
        .unwrap_or_else(|| panic!("no row {group} in {rows:#?}"))
}

pub struct FakeEu;

impl GroupMembers for FakeEu {
    fn members_at(&self, group: &str, date: NaiveDate) -> Option<Vec<String>> {
        (group == "EU").then(|| {
            let mut members = vec!["DEU".to_string(), "ESP".to_string(), "ITA".to_string()];
            if date < day("2020-02-01") {
                members.push("GBR".to_string());
            }
            members
        })
    }
}
