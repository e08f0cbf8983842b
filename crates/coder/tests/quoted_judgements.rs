//! Criticism in a quotation that goes on past the sentence naming its speaker (`quoted.rs`):
//! a sentence that opens with a quotation mark, has no verb of saying of its own, holds a
//! negative phrase of data/coder/evaluations.tsv and names whom it judges is the quotation
//! speaker's criticism of them (ACCUSE disapprove). And whom a reported judgement names beside
//! its phrase is its recipient where the reported clause's subject names no one ("said the
//! answer was to end the hypocrisy of Gordon Brown"). The negatives: a quotation no sentence
//! gives a speaker, the speaker's own side, a negated judgement, one that names no one or only
//! a place.

use attache_event::{Event, EventCategory as C};
use chrono::NaiveDate;

mod common;

fn code(text: &str) -> Vec<Event> {
    common::code_on(text, NaiveDate::from_ymd_opt(2005, 3, 1))
}

/// A participant's (country, sector).
type Side = (String, String);

/// The (actor, recipients) sides of the ACCUSE events of a text.
fn accusations(text: &str) -> Vec<(Side, Vec<Side>)> {
    let pair = |a: &attache_event::Actor| {
        (
            a.country.clone().unwrap_or_default(),
            a.sector.clone().unwrap_or_default(),
        )
    };
    code(text)
        .iter()
        .filter(|e| e.event == C::Accuse)
        .filter_map(|e| {
            Some((
                pair(e.actors.first()?),
                e.recipients.iter().map(pair).collect(),
            ))
        })
        .collect()
}

fn pair(country: &str, sector: &str) -> Side {
    (country.to_string(), sector.to_string())
}

#[test]
fn a_quotation_that_goes_on_judges_whom_it_names_for_its_speaker() {
    for (text, actor, recipient) in [
        (
            "Conservative spokesman John Redwood said the figures would be published on \
             Monday. \"Labour's incompetence has cost taxpayers dearly.\"",
            pair("GBR", "OPP"),
            pair("GBR", "GOV"),
        ),
        (
            "Lib Dem leader Charles Kennedy said the budget would be debated next week. \"It \
             is another stealth tax from Gordon Brown.\"",
            pair("GBR", "OPP"),
            pair("GBR", "GOV"),
        ),
        // a paragraph of the quotation reopened without being closed
        (
            "Labour chairman Alan Milburn said: \"Voters will decide. \"The Conservatives' \
             smear campaign against the prime minister is a sign of desperation.\"",
            pair("GBR", "GOV"),
            pair("GBR", "OPP"),
        ),
    ] {
        let found = accusations(text);
        assert!(
            found
                .iter()
                .any(|(a, r)| *a == actor && r.contains(&recipient)),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_quotation_without_a_speaker_a_target_or_a_judgement_of_another_is_no_criticism() {
    let intro = "Tory leader Michael Howard said the figures would be published on Monday. ";
    for quote in [
        // the speaker's own side
        "\"We have shown complacency about crime in the past.\"",
        // a negated judgement
        "\"The Labour plan is not a false economy.\"",
        // no one named
        "\"Cutting jobs now would be a false economy.\"",
        // only a place named
        "\"The war in Iraq was a waste of money.\"",
    ] {
        let text = format!("{intro}{quote}");
        assert_eq!(accusations(&text), Vec::new(), "{text}");
    }
    // no sentence names the quotation's speaker
    let text = "The budget was published on Wednesday. \"Labour's incompetence has cost \
        taxpayers dearly.\"";
    assert_eq!(accusations(text), Vec::new(), "{text}");
}

#[test]
fn a_reported_judgement_is_aimed_at_the_name_beside_its_phrase() {
    for (text, recipient) in [
        (
            "Lib Dem leader Charles Kennedy said the answer was to end the hypocrisy of \
             Gordon Brown.",
            pair("GBR", "GOV"),
        ),
        (
            "Labour chairman Alan Milburn said the task was to expose the arrogance of \
             Michael Howard.",
            pair("GBR", "OPP"),
        ),
        (
            "Labour chairman Alan Milburn said the task was to overcome Tory attempts to \
             spread cynicism.",
            pair("GBR", "OPP"),
        ),
        // trust lacking "in" someone
        (
            "Plaid Cymru said there was a deep lack of confidence in Tony Blair.",
            pair("GBR", "GOV"),
        ),
        (
            "The Scottish Tories said there was a lack of trust in Jack McConnell.",
            pair("GBR", "GOV"),
        ),
    ] {
        let found = accusations(text);
        assert!(
            found.iter().any(|(_, r)| r.contains(&recipient)),
            "{text}: {found:?}"
        );
    }
    // a judgement of people or things the text does not name is no one's criticism
    for text in [
        "Labour chairman Alan Milburn said the task was to expose the arrogance of some \
         critics.",
        "The Lib Dems said there was a lack of trust in the official figures.",
    ] {
        assert_eq!(accusations(text), Vec::new(), "{text}");
    }
}

#[test]
fn betrayal_and_cynicism_of_a_named_party_are_criticism_but_not_of_voters() {
    for text in [
        "The Conservatives said Labour's betrayal of pensioners was plain to see.",
        "Plaid Cymru said the government's cynicism over the referendum was plain to see.",
    ] {
        let found = accusations(text);
        assert!(
            found
                .iter()
                .any(|(a, r)| *a == pair("GBR", "OPP") && r.contains(&pair("GBR", "GOV"))),
            "{text}: {found:?}"
        );
    }
    for text in [
        "The pollster said the cynicism of voters about politics was growing.",
        "The novelist said the film was a story of love and betrayal.",
    ] {
        assert_eq!(accusations(text), Vec::new(), "{text}");
    }
}

/// A trigger file written for one test, removed when dropped.
struct TempTriggers(std::path::PathBuf);

impl TempTriggers {
    fn new(name: &str, rows: &str) -> TempTriggers {
        let path =
            std::env::temp_dir().join(format!("attache-quoted-{}-{name}.tsv", std::process::id()));
        let text = format!("lemma\tupos\tcategory\tmode\tcontext\tcameo\twith\n{rows}");
        std::fs::write(&path, text).unwrap();
        TempTriggers(path)
    }
}

impl Drop for TempTriggers {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The (category, mode, cameo) of the events `extractor` codes in `text`.
fn codes(
    extractor: &attache_coder::Extractor,
    text: &str,
) -> Vec<(C, Option<String>, Option<String>)> {
    let doc = common::document("t", text, NaiveDate::from_ymd_opt(2005, 3, 1));
    extractor
        .extract(&doc)
        .into_iter()
        .map(|e| (e.event, e.mode, e.cameo))
        .collect()
}

#[test]
fn quoted_criticism_is_coded_by_the_trigger_table_row_of_criticism_in_reported_speech() {
    let text = "Tory spokesman Liam Fox said the report would be out on Friday. \"Labour's \
                incompetence has let pensioners down.\"";
    let shipped = codes(common::extractor(), text);
    let accuse = |c: &(C, Option<String>, Option<String>)| c.0 == C::Accuse;
    assert_eq!(
        shipped.iter().filter(|c| accuse(c)).collect::<Vec<_>>(),
        [&(C::Accuse, Some("disapprove".into()), Some("111".into()))],
        "{shipped:?}"
    );
    // A user's file that codes criticism in reported speech as CAMEO 112 (accuse of crime)
    // codes the quotation's criticism so too.
    let edited = TempTriggers::new(
        "edited",
        "say\tVERB\tACCUSE\taccuse\t-\t112\tcceval:negative\nsay\tVERB\t-\t-\t-\t-\t-\n",
    );
    let extractor = attache_coder::Extractor::load_default()
        .unwrap()
        .with_user_triggers(&edited.0)
        .unwrap();
    let coded = codes(&extractor, text);
    assert_eq!(
        coded.iter().filter(|c| accuse(c)).collect::<Vec<_>>(),
        [&(C::Accuse, Some("accuse".into()), Some("112".into()))],
        "{coded:?}"
    );
}

#[test]
fn a_trigger_table_without_the_row_of_criticism_in_reported_speech_does_not_load() {
    // A user's "say" rows replace the shipped ones: without a criticism row, the file is named.
    let without = TempTriggers::new(
        "without",
        "say\tVERB\tSUPPORT\t-\t-\t051\tcceval:positive\n",
    );
    let err = attache_coder::Extractor::load_default()
        .unwrap()
        .with_user_triggers(&without.0)
        .err()
        .expect("a table without the row is refused");
    let message = err.to_string();
    assert!(
        message.starts_with(&without.0.display().to_string()),
        "{message}"
    );
    assert!(
        message.contains("say VERB ... cceval:negative"),
        "{message}"
    );
    // A silent row is no reading to borrow; a whole table that replaces the shipped one needs
    // the row too.
    let silent = TempTriggers::new("silent", "say\tVERB\t-\t-\t-\t-\tcceval:negative\n");
    let replaced = attache_coder::Extractor::load_default()
        .unwrap()
        .with_triggers(&silent.0);
    assert!(replaced.is_err());
    let kept = TempTriggers::new(
        "kept",
        "say\tVERB\tACCUSE\tdisapprove\t-\t111\tcceval:negative\n",
    );
    assert!(
        attache_coder::Extractor::load_default()
            .unwrap()
            .with_triggers(&kept.0)
            .is_ok()
    );
}
