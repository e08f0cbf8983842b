//! Documents as wholes: within one cluster of documents (one story) the same word for the
//! event suffices; reports of documents about different stories never merge.

use attache_event::{EventCategory, Modality};
use attache_merge::content::content_words;
use attache_merge::document::{Frequencies, Vector, cosine, document_terms};
use attache_merge::{Evidence, Policy, decide};

const WAREHOUSE: &str = "Fire destroys Leeds warehouse. A fire tore through a carpet \
    warehouse in the Kirkstall area of Leeds on Monday night. Firefighters from West Yorkshire \
    fought the blaze for six hours. The warehouse owner, Harrow Carpets, said no staff were \
    inside the Kirkstall building.";
const WAREHOUSE_AGAIN: &str = "Harrow Carpets counts the cost. Harrow Carpets lost its \
    Kirkstall warehouse this week. West Yorkshire firefighters said the fire started in a \
    loading bay. Harrow Carpets will reopen in Leeds in the spring.";
const SCHOOL: &str = "Fire closes Cardiff school. A fire broke out in the science block of \
    Ely High School in Cardiff on Tuesday. South Wales firefighters brought it under control. \
    The head teacher said pupils were sent home from the school.";
const BANK: &str = "Robbers raid Bristol bank. Armed robbers raided a bank in Bristol on \
    Wednesday. Police said three men fled with cash from the bank.";

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// The vectors of the four documents, weighed as a store that read them in this order.
fn vectors() -> [&'static Vector; 4] {
    let mut frequencies = Frequencies::default();
    let mut out = Vec::new();
    for text in [WAREHOUSE, BANK, SCHOOL, WAREHOUSE_AGAIN] {
        let terms = document_terms(text);
        frequencies.add(&terms);
        out.push(&*Box::leak(Box::new(frequencies.vector(&terms))));
    }
    [out[0], out[1], out[2], out[3]]
}

fn fire(clause: &str, document: &'static Vector) -> Evidence<'static> {
    let words = leak(content_words(clause, &[]));
    Evidence {
        category: EventCategory::Assault,
        mode: Some("generic:fire"),
        modality: Modality::Asserted,
        claim: false,
        actors: Vec::new(),
        recipients: Vec::new(),
        date: None,
        announced: None,
        counts: Vec::new(),
        content: words.iter().map(String::as_str).collect(),
        story: Vec::new(),
        home: None,
        speakers: Vec::new(),
        document,
    }
}

#[test]
fn in_one_cluster_of_documents_the_same_word_for_the_event_suffices() {
    let [warehouse, _, school, again] = vectors();
    let policy = Policy::ACROSS_DOCUMENTS;
    let rule = policy.content.unwrap();
    let same = cosine(warehouse, again).unwrap();
    let other = cosine(school, again).unwrap();
    assert!(same >= rule.document_same, "{same}");
    assert!(other < rule.document_apart, "{other}");
    let first = fire("A fire tore through a carpet warehouse", warehouse);
    let later = fire("the fire started in a loading bay", again);
    let d = decide(&first, &later, &policy);
    assert!(d.merge, "{}", d.reason);
    assert!(
        d.reason.contains("one cluster of documents"),
        "{}",
        d.reason
    );
    // Without the documents, "fire" alone says too little.
    let unknown = |e: &Evidence<'static>| Evidence {
        document: &[],
        ..e.clone()
    };
    let d = decide(&unknown(&first), &unknown(&later), &policy);
    assert!(!d.merge, "{}", d.reason);
}

#[test]
fn reports_of_different_stories_stay_apart_whatever_their_clauses_share() {
    let [_, _, school, again] = vectors();
    let policy = Policy::ACROSS_DOCUMENTS;
    let school_fire = fire(
        "the fire started in a loading bay of the science block",
        school,
    );
    let warehouse_fire = fire("the fire started in a loading bay", again);
    let d = decide(&school_fire, &warehouse_fire, &policy);
    assert!(!d.merge, "{}", d.reason);
    assert!(
        d.reason.contains("documents of different stories"),
        "{}",
        d.reason
    );
}
