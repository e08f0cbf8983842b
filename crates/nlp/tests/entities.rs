//! The named-entity recogniser: behaviour on real sentences, and its GUM test score.

use attache_nlp::{Analyzer, Doc, EntityKind};

mod common;
use common::analyzer;

/// The (kind, text) of every mention.
fn mentions(doc: &Doc) -> Vec<(EntityKind, String)> {
    doc.entities()
        .map(|e| (e.kind(), e.text().to_string()))
        .collect()
}

#[test]
fn shipped_analyzer_has_a_recogniser() {
    assert!(analyzer().has_entities());
}

#[test]
fn committee_is_an_organization() {
    let doc = analyzer()
        .analyze("The chairman of the Senate Armed Services Committee said the plan was sound.");
    let found = mentions(&doc);
    assert!(
        found.contains(&(
            EntityKind::Organization,
            "the Senate Armed Services Committee".into()
        )),
        "{found:?}"
    );
}

#[test]
fn people_and_places() {
    let doc = analyzer().analyze("Angela Merkel met Emmanuel Macron in Paris on Friday.");
    let found = mentions(&doc);
    assert!(
        found.contains(&(EntityKind::Person, "Angela Merkel".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(EntityKind::Place, "Paris".into())),
        "{found:?}"
    );
    let doc = analyzer().analyze("Marine Le Pen refused to comment.");
    let e = doc.entities().next().expect("one mention");
    assert_eq!((e.kind(), e.text()), (EntityKind::Person, "Marine Le Pen"));
    assert_eq!(e.head().text(), "Marine"); // UD: the first word heads a flat name
    assert_eq!(e.token_range(), 0..3);
}

#[test]
fn capital_and_country() {
    let doc = analyzer().analyze(
        "Lithuania expelled the ambassador on Monday, the foreign ministry in Vilnius said.",
    );
    let places: Vec<String> = doc
        .entities()
        .filter(|e| e.kind() == EntityKind::Place)
        .map(|e| e.text().to_string())
        .collect();
    assert_eq!(places, ["Lithuania", "Vilnius"]);
}

#[test]
fn no_recogniser_no_entities() {
    let plain = Analyzer::load_default().unwrap().with_entities(None);
    assert_eq!(
        plain
            .analyze("Angela Merkel met Emmanuel Macron.")
            .entities()
            .len(),
        0
    );
}

/// Named person, organization and place mentions of the GUM test documents (exact span and
/// kind; head word and kind). A floor a little below the shipped model's figures.
#[test]
fn gum_test_score_floor() {
    let Some(gum) = attache_testkit::shared_path("data/ud-english-gum") else {
        return;
    };
    let (scores, _, _) = attache_nlp::ner::learn::eval_files(analyzer(), &[], &gum).unwrap();
    let (exact, head) = (scores.exact_all(), scores.head_all());
    eprintln!("{}", scores.report("GUM test"));
    assert_eq!(
        exact.gold(),
        719,
        "named mentions in the GUM test documents"
    );
    assert!(exact.f1() >= 0.57, "exact F1 {:.4}", exact.f1());
    assert!(head.f1() >= 0.63, "head F1 {:.4}", head.f1());
}

/// `attache nlp train --entities` with its defaults rebuilds the shipped recogniser byte for
/// byte.
#[test]
fn shipped_recogniser_is_reproducible() {
    let Some(gum) = attache_testkit::shared_path("data/ud-english-gum") else {
        return;
    };
    let base = Analyzer::load(Analyzer::default_path()).unwrap();
    let dir = attache_testkit::ScratchDir::new("nlp", "ner-repro");
    let out = dir.join("en-ner.nlp");
    let cfg = attache_nlp::ner::learn::NerConfig::default();
    attache_nlp::ner::learn::train_to_file(&base, &gum, &cfg, &out, &mut |_| {}).unwrap();
    let shipped = attache_testkit::workspace_root().join("models/en-ner.nlp");
    assert!(
        std::fs::read(&out).unwrap() == std::fs::read(&shipped).unwrap(),
        "retrained recogniser differs from {}: the recogniser stores the names of \
         data/lexicon as features, so a change to the lexicon's files (or to the tagger, \
         parser or GUM) needs `attache nlp train --entities` and the new model committed",
        shipped.display()
    );
}

/// A recogniser file that cannot be read is reported on first use, as a typed error, and
/// the rest of the analysis works.
#[test]
fn unreadable_recogniser_is_an_error_on_first_use() {
    let dir = std::env::temp_dir().join(format!("attache-ner-lazy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let model = dir.join("en.nlp");
    std::fs::copy(Analyzer::default_path(), &model).unwrap();
    std::fs::write(dir.join("en-ner.nlp"), b"not a model").unwrap();
    let analyzer = Analyzer::load_with_entities(&model).expect("the recogniser is not read yet");
    assert!(analyzer.has_entities());
    let doc = analyzer.analyze("Angela Merkel met Emmanuel Macron in Paris.");
    assert!(doc.sentence_count() == 1 && doc.entities().len() == 0);
    let err = doc.try_entities().err().expect("a load error");
    assert!(err.to_string().contains("en-ner.nlp"), "{err}");
    assert!(analyzer.load_entities().is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A known place that starts its sentence is found though the tagger takes it for a plural
/// noun ("Athens" NNS): the known-name features are read with the word's tag and position.
#[test]
fn known_place_at_sentence_start() {
    let doc = analyzer().analyze("Athens was quiet on Sunday after a week of strikes.");
    let found = mentions(&doc);
    assert!(
        found.contains(&(EntityKind::Place, "Athens".into())),
        "{found:?}"
    );
}

/// Every mention holds a capitalised word: a lone "the" or "have" is never a name.
#[test]
fn mentions_hold_a_capital() {
    let doc = analyzer().analyze(
        "Um , so I have a bunch of things to show you , and the food there was great . \
         We went up to the OR and then the guys from Portland said hi to everyone .",
    );
    for e in doc.entities() {
        assert!(
            e.text().chars().any(char::is_uppercase),
            "{:?} {:?}",
            e.kind(),
            e.text()
        );
    }
}

/// A mention's kind is decided once its whole span is read: a name's last word ("School",
/// "Press") names its kind, though its first word is a place ("Harrow", "Oxford").
#[test]
fn kind_read_from_the_whole_name() {
    for (text, kind, name) in [
        (
            "She studied at Harrow School before moving to Geneva.",
            EntityKind::Organization,
            "Harrow School",
        ),
        (
            "Oxford University Press published the book in London.",
            EntityKind::Organization,
            "Oxford University Press",
        ),
    ] {
        let found = mentions(&analyzer().analyze(text));
        assert!(found.contains(&(kind, name.into())), "{found:?}");
    }
}

/// A name's determiner is part of its mention (GUM's spans are noun phrases), but only where
/// the parse attaches it to the name itself.
#[test]
fn determiner_of_the_name() {
    let found = mentions(&analyzer().analyze("This week the Senate rejected the budget."));
    assert!(found.iter().any(|(_, t)| t == "the Senate"), "{found:?}");
    let found = mentions(
        &analyzer().analyze("Critics said the Obama administration had ignored the warnings."),
    );
    assert!(
        found.contains(&(EntityKind::Person, "Obama".into())),
        "{found:?}"
    );
}

/// A run of proper nouns the labeller leaves out is offered to the kind classifier, which
/// may take it for a mention ("Mrs Okafor", of which the labeller found only "Okafor").
#[test]
fn proper_nouns_left_out_are_offered() {
    let doc = analyzer().analyze(
        "The virus spread quickly. Doctors said the disease was rare. Mrs Okafor, who runs \
         the clinic, said Okafor had seen three cases.",
    );
    let found = mentions(&doc);
    assert!(
        found.contains(&(EntityKind::Person, "Mrs Okafor".into())),
        "{found:?}"
    );
}

#[test]
fn one_sentences_mentions_alone() {
    let text = "Angela Merkel met Emmanuel Macron in Paris on Friday. The chairman of the \
        Senate Armed Services Committee said the plan was sound.";
    // Asked first for one sentence: the recogniser runs over it alone.
    let doc = analyzer().analyze(text);
    let first: Vec<(EntityKind, String)> = doc
        .sentence_entities(0)
        .iter()
        .map(|e| (e.kind(), e.text().to_string()))
        .collect();
    let second: Vec<String> = doc
        .sentence_entities(1)
        .iter()
        .map(|e| e.text().to_string())
        .collect();
    assert!(
        second.contains(&"the Senate Armed Services Committee".to_string()),
        "{second:?}"
    );
    // The first sentence has no earlier mentions to read: it is labelled as in the whole
    // document, which `sentence_entities` then reads from once it was found.
    let whole = analyzer().analyze(text);
    let in_first: Vec<(EntityKind, String)> =
        mentions(&whole).into_iter().take(first.len()).collect();
    assert_eq!(first, in_first);
    let again: Vec<(EntityKind, String)> = whole
        .sentence_entities(0)
        .iter()
        .map(|e| (e.kind(), e.text().to_string()))
        .collect();
    assert_eq!(first, again);
}

/// A name keeps one kind through a document: the kind most of its mentions were given. Run
/// over one sentence at a time, "Tarnowo" is a place in the first sentence and a person in
/// the last; in the document all four mentions are of one kind.
#[test]
fn one_kind_for_a_name_in_a_document() {
    let text = "Officials in Tarnowo said the river had burst its banks. Tarnowo was flooded \
        overnight. Rescue teams reached Tarnowo on Sunday. Tarnowo has 20,000 inhabitants.";
    let found = mentions(&analyzer().analyze(text));
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(
        found
            .iter()
            .all(|(k, t)| *k == found[0].0 && t == "Tarnowo"),
        "{found:?}"
    );
}

/// A person's title belongs to the mention, as in GUM ("Ms Bauchtman" was "Bauchtman"); a
/// rank or office does not join by this rule.
#[test]
fn title_of_a_person() {
    let doc = analyzer()
        .analyze("Ms Kowalczyk told the court in Warsaw that Dr. Nowak had signed the agreement.");
    let people: Vec<String> = doc
        .entities()
        .filter(|e| e.kind() == EntityKind::Person)
        .map(|e| e.text().to_string())
        .collect();
    assert_eq!(
        people,
        ["Ms Kowalczyk", "Dr. Nowak"],
        "{:?}",
        mentions(&doc)
    );
}
