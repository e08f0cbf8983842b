//! Documents as wholes: documents join clusters of one story as they arrive; within one
//! cluster the same word for the event suffices; reports of different clusters never merge.

use attache_event::{EventCategory, Modality};
use attache_merge::cluster::{Clusters, compact};
use attache_merge::content::content_words;
use attache_merge::document::{Frequencies, document_terms};
use attache_merge::{DateSpan, Evidence, Policy, decide};

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

/// The clusters of the four documents, placed as a store that read them in this order (the
/// bank robbery's report is too short to have a vector, and joins none).
fn clusters() -> [Option<i64>; 4] {
    let mut frequencies = Frequencies::default();
    let mut clusters = Clusters::default();
    let threshold = Policy::ACROSS_DOCUMENTS.content.unwrap().cluster;
    let mut out = Vec::new();
    for (i, text) in [WAREHOUSE, BANK, SCHOOL, WAREHOUSE_AGAIN]
        .iter()
        .enumerate()
    {
        let terms = document_terms(text);
        frequencies.add(&terms);
        let vector = compact(&frequencies.vector(&terms));
        out.push(
            clusters
                .place(&vector, threshold, i as i64)
                .map(|p| p.cluster),
        );
    }
    [out[0], out[1], out[2], out[3]]
}

fn fire(clause: &str, cluster: Option<i64>) -> Evidence<'static> {
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
        cluster,
        places: Vec::new(),
        words: Vec::new(),
    }
}

#[test]
fn two_reports_of_one_story_share_a_cluster_and_other_stories_do_not() {
    let [warehouse, bank, school, again] = clusters();
    assert!(warehouse.is_some());
    assert_eq!(warehouse, again);
    assert!(school.is_some());
    assert_ne!(warehouse, school);
    assert_eq!(bank, None);
}

#[test]
fn in_one_cluster_of_documents_the_same_word_for_the_event_suffices() {
    let [warehouse, _, _, again] = clusters();
    let policy = Policy::ACROSS_DOCUMENTS;
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
        cluster: None,
        ..e.clone()
    };
    let d = decide(&unknown(&first), &unknown(&later), &policy);
    assert!(!d.merge, "{}", d.reason);
}

#[test]
fn reports_of_different_clusters_stay_apart_whatever_their_clauses_share() {
    let [_, _, school, again] = clusters();
    let policy = Policy::ACROSS_DOCUMENTS;
    let school_fire = fire(
        "the fire started in a loading bay of the science block",
        school,
    );
    let warehouse_fire = fire("the fire started in a loading bay", again);
    let d = decide(&school_fire, &warehouse_fire, &policy);
    assert!(!d.merge, "{}", d.reason);
    assert!(
        d.reason.contains("documents of different clusters"),
        "{}",
        d.reason
    );
}

fn on(day: &str) -> Option<DateSpan> {
    let day = day.parse().expect("a YYYY-MM-DD date");
    Some(DateSpan {
        start: day,
        end: day,
        exact: true,
    })
}

/// Two reports of the Leeds warehouse fire, one saying it broke out "on Monday night", the
/// other "early on Tuesday": one story's reports date one event a day apart. Two days apart,
/// or a day apart in documents of no known cluster, they are two fires.
#[test]
fn in_one_cluster_exact_dates_a_day_apart_are_one_day() {
    let [warehouse, _, _, again] = clusters();
    let policy = Policy::ACROSS_DOCUMENTS;
    let dated = |clause: &str, cluster: Option<i64>, day: &str| Evidence {
        date: on(day),
        ..fire(clause, cluster)
    };
    let monday = dated(
        "A fire tore through a carpet warehouse",
        warehouse,
        "2024-03-04",
    );
    let tuesday = dated("the fire started in a loading bay", again, "2024-03-05");
    let d = decide(&monday, &tuesday, &policy);
    assert!(d.merge, "{}", d.reason);
    assert!(d.reason.contains("a day from"), "{}", d.reason);
    let wednesday = dated("the fire started in a loading bay", again, "2024-03-06");
    let d = decide(&monday, &wednesday, &policy);
    assert!(!d.merge && d.reason.starts_with("date"), "{}", d.reason);
    let unknown = |e: &Evidence<'static>| Evidence {
        cluster: None,
        ..e.clone()
    };
    let d = decide(&unknown(&monday), &unknown(&tuesday), &policy);
    assert!(!d.merge && d.reason.starts_with("date"), "{}", d.reason);
}

/// A report of one cluster (7) with its category, mode and clause.
fn in_cluster(category: EventCategory, mode: &'static str, clause: &str) -> Evidence<'static> {
    Evidence {
        category,
        mode: Some(mode),
        ..fire(clause, Some(7))
    }
}

#[test]
fn in_one_cluster_two_sayings_are_one_only_when_they_say_the_same() {
    let policy = Policy::ACROSS_DOCUMENTS;
    let said = |clause| in_cluster(EventCategory::Consult, "generic:say", clause);
    let d = decide(
        &said("the mayor said the bridge would reopen"),
        &said("a witness said he heard two bangs"),
        &policy,
    );
    assert!(!d.merge, "{}", d.reason);
    let d = decide(
        &said("Mayor Okafor said the Dunmore bridge would reopen"),
        &said("the bridge at Dunmore will reopen, Okafor said"),
        &policy,
    );
    assert!(d.merge, "{}", d.reason);
}

#[test]
fn in_one_cluster_two_accusations_are_one_only_when_they_say_the_same() {
    let policy = Policy::ACROSS_DOCUMENTS;
    let accused = |clause| in_cluster(EventCategory::Accuse, "disapprove", clause);
    let d = decide(
        &accused("accused the ministry of hiding the report"),
        &accused("accused the ministry of wasting money on consultants"),
        &policy,
    );
    assert!(!d.merge, "{}", d.reason);
}

#[test]
fn two_reports_placing_the_event_in_different_countries_stay_apart() {
    let policy = Policy::ACROSS_DOCUMENTS;
    let quake = |clause, country| Evidence {
        places: vec![country],
        ..in_cluster(EventCategory::Assault, "generic:quake", clause)
    };
    let d = decide(
        &quake("the quake shook the coast", "IDN"),
        &quake("the earthquake shook the coast", "USA"),
        &policy,
    );
    assert!(!d.merge, "{}", d.reason);
    assert!(d.reason.contains("places in"), "{}", d.reason);
    let d = decide(
        &quake("the quake shook the coast", "IDN"),
        &quake("the earthquake shook the coast", "IDN"),
        &policy,
    );
    assert!(d.merge, "{}", d.reason);
}

#[test]
fn in_one_cluster_a_kind_of_event_with_nobody_named_needs_more_than_its_word() {
    let policy = Policy::ACROSS_DOCUMENTS;
    let detained = |clause, actors: Vec<&'static str>| Evidence {
        actors,
        ..in_cluster(EventCategory::Coerce, "arrest", clause)
    };
    let d = decide(
        &detained("men detained in Britain without charge", Vec::new()),
        &detained("the sailors were detained off the coast", Vec::new()),
        &policy,
    );
    assert!(!d.merge, "{}", d.reason);
    // The same acting state named on both sides: the word for the event suffices in a cluster.
    let d = decide(
        &detained("men detained in Britain without charge", vec!["GBR"]),
        &detained("the sailors were detained off the coast", vec!["GBR"]),
        &policy,
    );
    assert!(d.merge, "{}", d.reason);
}

/// A coded kind of event told with nobody named: the triggers' own words tell one event when
/// they are one word for it ("was murdered" and "the killing" of one victim, one line of the
/// event-word list); not when only the coder's kind is shared ("detained" and "seized"), nor,
/// where a doer is only implied (a state's police), when the word is all they share ("They
/// were detained" at home and "The Britons were detained" abroad: one state detains many).
#[test]
fn in_one_cluster_one_word_read_by_two_coded_triggers_tells_one_event() {
    let policy = Policy::ACROSS_DOCUMENTS;
    let told = |category, mode, clause, word: &'static str| Evidence {
        words: vec![word],
        ..in_cluster(category, mode, clause)
    };
    let d = decide(
        &told(
            EventCategory::Assault,
            "ASSAULT",
            "the pensioner was murdered in her flat",
            "murdered",
        ),
        &told(
            EventCategory::Assault,
            "ASSAULT",
            "police are treating the pensioner's killing as a robbery",
            "killing",
        ),
        &policy,
    );
    assert!(d.merge, "{}", d.reason);
    assert!(d.reason.contains("one cluster"), "{}", d.reason);
    let d = decide(
        &told(
            EventCategory::Coerce,
            "arrest",
            "men detained in Britain without charge",
            "detained",
        ),
        &told(
            EventCategory::Coerce,
            "arrest",
            "the sailors were seized off the coast",
            "seized",
        ),
        &policy,
    );
    assert!(!d.merge, "{}", d.reason);
    let d = decide(
        &told(
            EventCategory::Coerce,
            "arrest",
            "they were detained without trial",
            "detained",
        ),
        &told(
            EventCategory::Coerce,
            "arrest",
            "the Britons were detained in Cuba",
            "detained",
        ),
        &Policy {
            implied_doer: true,
            ..policy
        },
    );
    assert!(!d.merge, "{}", d.reason);
}

/// Where nobody is named and no doer is implied, the word two coded triggers read is what
/// one story's reports of one event share: "the shooting" and "the gunman shot" (ASSAULT,
/// mode firearms) of one story tell one event, as do "the killing" and "the murder" with no
/// other word in common; an implied doer on a side asks for more ("they were arrested" and
/// "he was detained": many arrests of one state).
#[test]
fn in_one_cluster_a_read_word_alone_tells_one_event_when_no_doer_is_implied() {
    let policy = Policy::ACROSS_DOCUMENTS;
    let told = |category, mode, clause, word: &'static str| Evidence {
        words: vec![word],
        ..in_cluster(category, mode, clause)
    };
    let killing = told(
        EventCategory::Assault,
        "ASSAULT",
        "the killing shocked the quiet town",
        "killing",
    );
    let murder = told(
        EventCategory::Assault,
        "ASSAULT",
        "detectives said the murder was planned",
        "murder",
    );
    let d = decide(&killing, &murder, &policy);
    assert!(d.merge, "{}", d.reason);
    let shooting = told(
        EventCategory::Assault,
        "firearms",
        "witnesses heard the shooting from the car park",
        "shooting",
    );
    let shot = told(
        EventCategory::Assault,
        "firearms",
        "a teenager was shot outside the cinema",
        "shot",
    );
    let d = decide(&shooting, &shot, &policy);
    assert!(d.merge, "{}", d.reason);
    let arrested = told(
        EventCategory::Coerce,
        "arrest",
        "they were arrested at dawn",
        "arrested",
    );
    let detained = told(
        EventCategory::Coerce,
        "arrest",
        "he was detained at the airport",
        "detained",
    );
    let d = decide(&arrested, &detained, &policy);
    assert!(d.merge, "{}", d.reason);
    let d = decide(
        &arrested,
        &detained,
        &Policy {
            implied_doer: true,
            ..policy
        },
    );
    assert!(!d.merge, "{}", d.reason);
}

/// One story's reports name one result with different words: "the Lakers beat the Celtics"
/// and "the Lakers' victory"; "the playoffs" and "a playoff" the lemmatiser left as two
/// words. In one cluster they are one event; in documents of no known cluster the word
/// alone says too little, and a loss ("lost their star to injury") is no victory.
#[test]
fn in_one_cluster_words_for_one_result_are_one_word() {
    let policy = Policy::ACROSS_DOCUMENTS;
    let game = |mode, clause| in_cluster(EventCategory::Assault, mode, clause);
    let beat = game(
        "generic:beat",
        "the Lakers beat the Celtics 102-98 in Boston",
    );
    let won = game(
        "generic:victory",
        "the victory lifts them to second in the West",
    );
    let d = decide(&beat, &won, &policy);
    assert!(d.merge, "{}", d.reason);
    assert!(d.reason.contains("one cluster"), "{}", d.reason);
    let lost = game(
        "generic:lose",
        "they lost their star guard to a knee injury",
    );
    let d = decide(&beat, &lost, &policy);
    assert!(!d.merge, "{}", d.reason);
    let playoffs = game("generic:playoffs", "a place in the playoffs");
    let playoff = game("generic:playoff", "the playoff race in the West");
    assert!(decide(&playoffs, &playoff, &policy).merge);
    let unknown = |e: &Evidence<'static>| Evidence {
        cluster: None,
        ..e.clone()
    };
    let d = decide(&unknown(&beat), &unknown(&won), &policy);
    assert!(!d.merge, "{}", d.reason);
}

/// A word the dictionary codes in one sentence ("riot police fought rioters": PROTEST/riot)
/// and leaves uncoded in another ("the riot spread", a placeholder category, mode
/// "generic:riot") is one word for the event in one cluster: an unknown kind is no other
/// kind. A coded event whose mode is only its category ("ASSAULT") names no word to match,
/// and another word of unknown kind ("generic:protest") is another word.
#[test]
fn in_one_cluster_a_word_of_unknown_kind_fits_the_same_word_coded() {
    let policy = Policy::ACROSS_DOCUMENTS;
    let french = |e: Evidence<'static>| Evidence {
        actors: vec!["FRA"],
        ..e
    };
    let coded = french(in_cluster(
        EventCategory::Protest,
        "riot",
        "youths rioted in Clichy-sous-Bois after the deaths",
    ));
    let unknown = french(in_cluster(
        EventCategory::Consult,
        "generic:riot",
        "the riot spread from Clichy-sous-Bois on the second night",
    ));
    let d = decide(&coded, &unknown, &policy);
    assert!(d.merge, "{}", d.reason);
    assert!(d.reason.starts_with("same PROTEST/riot"), "{}", d.reason);
    let d = decide(&unknown, &coded, &policy);
    assert!(d.merge, "{}", d.reason);
    let assault = french(in_cluster(
        EventCategory::Assault,
        "ASSAULT",
        "police were attacked with stones in Clichy-sous-Bois",
    ));
    let d = decide(&assault, &unknown, &policy);
    assert!(!d.merge, "{}", d.reason);
    let protest = french(in_cluster(
        EventCategory::Consult,
        "generic:protest",
        "the protest spread from Clichy-sous-Bois",
    ));
    let d = decide(&unknown, &protest, &policy);
    assert!(!d.merge, "{}", d.reason);
}

/// The word a coded mention's trigger reads is a word for the event too: "the shooting" the
/// dictionary coded ASSAULT (mode firearms) and "the shooting" it left uncoded in another
/// report of one story are one event, whichever comes first, and so are "shot" and "the
/// shooting" (one line of the event-word list). A coded "blast" is another word, and a coded mention whose word is unknown (an event stored before words were kept)
/// names none.
#[test]
fn in_one_cluster_a_word_of_unknown_kind_fits_the_word_a_coded_trigger_reads() {
    let policy = Policy::ACROSS_DOCUMENTS;
    let coded = |word: &'static str, clause| Evidence {
        words: vec![word],
        ..in_cluster(EventCategory::Assault, "firearms", clause)
    };
    let shooting = coded(
        "shooting",
        "the shooting at a nightclub in Orlando left 49 people dead",
    );
    let unknown = in_cluster(
        EventCategory::Consult,
        "generic:shooting",
        "witnesses described the shooting to detectives on Sunday",
    );
    let d = decide(&shooting, &unknown, &policy);
    assert!(d.merge, "{}", d.reason);
    assert!(
        d.reason.starts_with("same ASSAULT/firearms"),
        "{}",
        d.reason
    );
    assert!(decide(&unknown, &shooting, &policy).merge);
    let blast = coded("blast", "the blast was heard near the nightclub in Orlando");
    let d = decide(&blast, &unknown, &policy);
    assert!(!d.merge, "{}", d.reason);
    let wordless = Evidence {
        words: Vec::new(),
        ..shooting.clone()
    };
    let d = decide(&wordless, &unknown, &policy);
    assert!(!d.merge, "{}", d.reason);
}
