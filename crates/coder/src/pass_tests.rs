//! The sentence passes on hand-written parses (CoNLL-U), so what each pass reads off a tree is
//! tested without the shipped model's parse.

use crate::code::find_frames;
use crate::context::DocContext;
use crate::cross_recipients::{answer_demands, share_recipients};
use crate::discourse::Discourse;
use crate::events::{build_events, date_frames, repeat_events};
use crate::merge::Found;
use crate::noun_phrase::SentenceLex;
use crate::participants::{measure_frames, read_participants};
use crate::sentence::SentenceCx;
use crate::triggers::TriggerTable;
use attache_event::{EventCategory, Modality};
use attache_lexicon::Lexicon;
use attache_nlp::Doc;
use chrono::NaiveDate;

fn triggers() -> TriggerTable {
    crate::parse_shipped_triggers().unwrap()
}

/// Runs every pass but the distributive list over each sentence of `conllu`, published
/// 2022-04-05 (a Tuesday).
fn code(conllu: &str) -> Vec<Found> {
    let doc = Doc::from_conllu(conllu, "test").unwrap();
    let triggers = triggers();
    let lexicon = Lexicon::embedded();
    let cx = DocContext {
        doc_id: "t",
        doc: &doc,
        lexicon,
        triggers: &triggers,
        published: NaiveDate::from_ymd_opt(2022, 4, 5),
        peg: None,
        dateline_country: None,
        document_country: None,
        places: Default::default(),
        layout: &Default::default(),
        political: true,
        genre: Default::default(),
    };
    let matches = lexicon.find(doc.text());
    let mut discourse = Discourse::default();
    let mut out = Vec::new();
    for s in doc.sentences() {
        let span = s.span();
        let lex = SentenceLex {
            matches: matches
                .iter()
                .filter(|m| span.start <= m.start && m.end <= span.end)
                .cloned()
                .collect(),
        };
        let sx = SentenceCx::new(&cx, s, &lex);
        let found = find_frames(&sx);
        let coded = read_participants(&sx, &found.frames, &mut discourse);
        let mut coded = measure_frames(&sx, &found.frames, coded);
        share_recipients(&found.frames, &mut coded);
        answer_demands(&found.frames, &mut coded);
        let dated = date_frames(&sx, &found.frames, &coded, &found.repeats);
        build_events(&sx, &found.frames, coded, &dated, &mut out);
        repeat_events(&sx, &found.repeats, &mut discourse, &mut out);
    }
    out
}

const EXPELLED: &str = "\
1\tItaly\tItaly\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\texpelled\texpel\tVERB\tVBD\t_\t0\troot\t_\t_
3\t30\t30\tNUM\tCD\t_\t5\tnummod\t_\t_
4\tRussian\tRussian\tADJ\tJJ\t_\t5\tamod\t_\t_
5\tdiplomats\tdiplomat\tNOUN\tNNS\t_\t2\tobj\t_\t_
6\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_
7\tMonday\tMonday\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

#[test]
fn frames_pass_reads_doer_and_object_off_the_tree() {
    let doc = Doc::from_conllu(EXPELLED, "test").unwrap();
    let triggers = triggers();
    let cx = DocContext {
        doc_id: "t",
        doc: &doc,
        lexicon: Lexicon::embedded(),
        triggers: &triggers,
        published: None,
        peg: None,
        dateline_country: None,
        document_country: None,
        places: Default::default(),
        layout: &Default::default(),
        political: true,
        genre: Default::default(),
    };
    let lex = SentenceLex {
        matches: Lexicon::embedded().find(doc.text()),
    };
    let sx = SentenceCx::new(&cx, doc.sentence(0), &lex);
    let found = find_frames(&sx);
    assert_eq!(found.frames.len(), 1);
    let f = &found.frames[0];
    assert_eq!(f.category, EventCategory::Sanction);
    assert_eq!(f.trigger.text(), "expelled");
    fn texts<'a>(ts: &[attache_nlp::Token<'a>]) -> Vec<&'a str> {
        ts.iter().map(|t| t.text()).collect()
    }
    assert_eq!(texts(&f.agents), ["Italy"]);
    // Objects come first (they are what is counted); "on Monday" names no actor and drops out
    // when actors are read.
    assert_eq!(texts(&f.patients), ["diplomats", "Monday"]);
    assert_eq!(f.modality, Modality::Asserted);
    assert!(found.repeats.is_empty());
}

#[test]
fn an_expulsion_has_actor_recipient_figure_and_date() {
    let events = code(EXPELLED);
    assert_eq!(events.len(), 1);
    let e = &events[0].event;
    assert_eq!(e.actor_codes(), ["ITA"]);
    assert_eq!(e.recipient_codes(), ["RUS"]);
    assert_eq!(e.quantity.as_ref().map(|q| q.value), Some(30.0));
    assert_eq!(e.mode.as_deref(), Some("expel"));
    let date = e.date.as_ref().and_then(|d| d.start).map(|d| d.to_string());
    assert_eq!(
        date.as_deref(),
        Some("2022-04-04"),
        "Monday before Tuesday 5 April"
    );
}

#[test]
fn a_threat_to_expel_is_an_asserted_threat() {
    let events = code(
        "\
1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tthreatened\tthreaten\tVERB\tVBD\t_\t0\troot\t_\t_
3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_
4\texpel\texpel\tVERB\tVB\t_\t2\txcomp\t_\t_
5\tPolish\tPolish\tADJ\tJJ\t_\t6\tamod\t_\t_
6\tdiplomats\tdiplomat\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
",
    );
    let expel: Vec<_> = events
        .iter()
        .filter(|f| f.event.trigger.text == "expel")
        .collect();
    assert_eq!(expel.len(), 1, "{events:#?}");
    let e = &expel[0].event;
    assert_eq!(e.event, EventCategory::Threaten);
    assert_eq!(e.modality, Modality::Asserted);
    assert_eq!(e.actor_codes(), ["RUS"]);
}

#[test]
fn a_negated_expulsion_is_negated() {
    let events = code(
        "\
1\tGermany\tGermany\tPROPN\tNNP\t_\t4\tnsubj\t_\t_
2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_
3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\texpel\texpel\tVERB\tVB\t_\t0\troot\t_\t_
5\tRussian\tRussian\tADJ\tJJ\t_\t6\tamod\t_\t_
6\tdiplomats\tdiplomat\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
",
    );
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event.modality, Modality::Negated);
}

#[test]
fn an_announced_expulsion_is_the_nouns_event_anchored_on_the_verb() {
    let events = code(
        "\
1\tPoland\tPoland\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tannounced\tannounce\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\texpulsion\texpulsion\tNOUN\tNN\t_\t2\tobj\t_\t_
5\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_
6\t45\t45\tNUM\tCD\t_\t8\tnummod\t_\t_
7\tRussian\tRussian\tADJ\tJJ\t_\t8\tamod\t_\t_
8\tdiplomats\tdiplomat\tNOUN\tNNS\t_\t4\tnmod\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0].event;
    assert_eq!(e.trigger.text, "expulsion");
    assert_eq!(e.actor_codes(), ["POL"]);
    assert_eq!(e.quantity.as_ref().map(|q| q.value), Some(45.0));
}

#[test]
fn similar_action_repeats_the_last_event_with_new_actors() {
    let two = format!(
        "{EXPELLED}\n{}",
        "\
1\tGermany\tGermany\tPROPN\tNNP\t_\t4\tnsubj\t_\t_
2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_
3\tPoland\tPoland\tPROPN\tNNP\t_\t1\tconj\t_\t_
4\ttook\ttake\tVERB\tVBD\t_\t0\troot\t_\t_
5\tsimilar\tsimilar\tADJ\tJJ\t_\t6\tamod\t_\t_
6\tmeasures\tmeasure\tNOUN\tNNS\t_\t4\tobj\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_
"
    );
    let events = code(&two);
    let actors: Vec<Vec<&str>> = events.iter().map(|f| f.event.actor_codes()).collect();
    assert_eq!(actors, [vec!["ITA"], vec!["DEU"], vec!["POL"]]);
    assert!(
        events[1..]
            .iter()
            .all(|f| f.event.mode.as_deref() == Some("expel"))
    );
}
