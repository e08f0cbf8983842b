//! Two rules of the across-document merge: a statement by another speaker is another event,
//! and within one story (two documents repeating the same names) the same word for the event
//! suffices.

use attache_event::{EventCategory, Modality};
use attache_merge::content::{content_words, overlap, speaker_word, story_names};
use attache_merge::{Evidence, Policy, decide};

fn leak(v: Vec<String>) -> &'static [String] {
    Box::leak(v.into_boxed_slice())
}

fn strs(v: &'static [String]) -> Vec<&'static str> {
    v.iter().map(String::as_str).collect()
}

fn mention(
    category: EventCategory,
    mode: Option<&'static str>,
    actors: Vec<&'static str>,
    recipients: Vec<&'static str>,
    clause: &str,
    story: &str,
) -> Evidence<'static> {
    Evidence {
        category,
        mode,
        modality: Modality::Asserted,
        claim: false,
        actors,
        recipients,
        date: None,
        announced: None,
        counts: Vec::new(),
        content: strs(leak(content_words(clause, &[]))),
        story: strs(leak(story_names(story))),
        home: None,
        speakers: Vec::new(),
        cluster: None,
        places: Vec::new(),
        words: Vec::new(),
    }
}

fn speaking(mut e: Evidence<'static>, actor_text: &str) -> Evidence<'static> {
    e.speakers = strs(leak(speaker_word(actor_text).into_iter().collect()));
    e
}

const POSTAL_VOTES: &str = "Postal votes in Birmingham face a review. The Electoral \
    Commission will look at postal voting in Birmingham after fraud claims. Charles Kennedy \
    and the Conservatives want the Electoral Commission to act. Birmingham councillors deny \
    wrongdoing. The Electoral Commission said it would report in March.";

const POSTAL_VOTES_AGAIN: &str = "Electoral Commission asked to act on Birmingham postal \
    votes. The Electoral Commission is under pressure over postal voting in Birmingham. \
    Charles Kennedy wrote to the Electoral Commission; the Conservatives also wrote. \
    Birmingham's returning officer defended the count. The Electoral Commission will report \
    in March.";

#[test]
fn the_speaker_is_the_last_word_of_the_actors_own_words() {
    assert_eq!(speaker_word("Mr Kennedy").as_deref(), Some("kennedy"));
    assert_eq!(
        speaker_word("Liberal Democrat leader Charles Kennedy").as_deref(),
        Some("kennedy")
    );
    assert_eq!(
        speaker_word("the Conservatives").as_deref(),
        Some("conservative")
    );
    assert_eq!(speaker_word("he"), None);
    // A common noun may stand for any named speaker of its side.
    assert_eq!(speaker_word("the government"), None);
}

#[test]
fn two_statements_by_different_speakers_are_two_events() {
    let kennedy = speaking(
        mention(
            EventCategory::Request,
            None,
            vec!["GBR"],
            vec!["GBR"],
            "urged the Electoral Commission to look at postal votes in Birmingham",
            POSTAL_VOTES,
        ),
        "Mr Kennedy",
    );
    let tories = speaking(
        mention(
            EventCategory::Request,
            None,
            vec!["GBR"],
            vec!["GBR"],
            "want the Electoral Commission to investigate postal votes in Birmingham",
            POSTAL_VOTES_AGAIN,
        ),
        "the Conservatives",
    );
    let d = decide(&kennedy, &tories, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);
    assert!(d.reason.contains("different speakers"), "{}", d.reason);
    // The same speaker, named otherwise, is not kept apart by this rule.
    let kennedy_again = speaking(tories.clone(), "Liberal Democrat leader Charles Kennedy");
    let d = decide(&kennedy, &kennedy_again, &Policy::ACROSS_DOCUMENTS);
    assert!(d.merge, "{}", d.reason);
    // A speaker not known ("he") keeps nothing apart.
    let unknown = speaking(tories, "he");
    assert!(decide(&kennedy, &unknown, &Policy::ACROSS_DOCUMENTS).merge);
    // Within a document the coder's own rule decides; this one is for documents apart.
    let within = decide(&kennedy, &unknown, &Policy::WITHIN_DOCUMENT);
    assert!(!within.reason.contains("speakers"), "{}", within.reason);
}

const FERRY: &str = "Ferry Aurora sinks off Crete. The Aurora, carrying 300 passengers \
    from Piraeus to Heraklion, sank off Crete on Sunday. Greek coastguard vessels rescued \
    most of the Aurora's passengers. Heraklion hospitals treated 40 people. The Aurora's \
    owner, Minoan Lines, said an inquiry would begin.";

const FERRY_AGAIN: &str = "Aurora ferry goes down near Crete. Greek coastguard boats \
    pulled passengers from the sea after the Aurora sank on its way from Piraeus to \
    Heraklion. Minoan Lines, the Aurora's owner, said it was cooperating. Crete's governor \
    thanked the coastguard.";

const OTHER_FERRY: &str = "Ferry Norland sinks in the Baltic. The Norland, carrying 120 \
    passengers from Tallinn to Helsinki, sank in a storm. Finnish rescuers reached the \
    Norland within an hour. Helsinki hospitals treated 15 people. Viking Line owns the \
    Norland.";

#[test]
fn within_one_story_the_same_word_for_the_event_suffices_and_not_across_stories() {
    let rule = Policy::ACROSS_DOCUMENTS.content.unwrap();
    let story = |t: &str| strs(leak(story_names(t)));
    let one = overlap(&story(FERRY), &story(FERRY_AGAIN)).score;
    let other = overlap(&story(FERRY), &story(OTHER_FERRY)).score;
    assert!(
        one >= rule.story_word && other < rule.story,
        "{one} {other}"
    );
    // The clauses share only the word for the event: on their own, too little.
    let sinking = |clause: &str, text: &str| {
        mention(
            EventCategory::Assault,
            Some("generic:sink"),
            vec![],
            vec![],
            clause,
            text,
        )
    };
    let a = sinking("The ferry sank with 300 passengers aboard", FERRY);
    let b = sinking("after it sank on its way", FERRY_AGAIN);
    let c = sinking("The ferry sank in a storm with 120 passengers", OTHER_FERRY);
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS);
    assert!(d.merge, "{}", d.reason);
    assert!(d.reason.contains("one word for the event"), "{}", d.reason);
    let d = decide(&a, &c, &Policy::ACROSS_DOCUMENTS);
    assert!(!d.merge, "{}", d.reason);
    // The strict setting asks for more of one story.
    let d = decide(&a, &b, &Policy::ACROSS_DOCUMENTS_STRICT);
    assert_eq!(
        d.merge,
        one >= Policy::ACROSS_DOCUMENTS_STRICT.content.unwrap().story_word
    );
}
