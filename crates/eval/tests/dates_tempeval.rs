//! The date finder on TempEval-3 TBAQ (TimeBank + AQUAINT, 256 documents): DATE expressions
//! found (relaxed extent F1) and valued exactly, each document's creation date as publication.
//! Reached when this floor was set: relaxed F1 0.923, value accuracy 0.861.

use attache_coder::Extractor;
use attache_eval::{run_dates, timeml};

#[test]
fn tbaq_dates_found_and_valued() {
    let Some(dir) = attache_testkit::shared_path("data/tempeval3") else {
        return;
    };
    let docs = timeml::load_dir(&dir).expect("TBAQ loads");
    assert_eq!(docs.len(), 256);
    let extractor = Extractor::load_default().expect("model loads");
    let report = run_dates(&docs, &extractor, None).expect("scored");
    let (f1, value) = (report.relaxed.f1(), report.value_accuracy);
    eprintln!(
        "TBAQ DATE: relaxed F1 {f1:.3}, strict F1 {:.3}, value accuracy {value:.3}",
        report.strict.f1()
    );
    assert!(f1 >= 0.91, "relaxed extent F1 {f1:.3} fell below 0.91");
    assert!(value >= 0.85, "value accuracy {value:.3} fell below 0.85");
}
