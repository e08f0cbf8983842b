//! `attache eval tally` on the founding article: the tally of expulsions it reports.

use serde_json::Value;
use std::process::Command;

/// Share of the expected actors in data/eval/expulsions-tally.json whose count must come out
/// right: all of them, since the coder reproduces the founding article's tally.
const EXPULSIONS_ACTORS_FLOOR: f64 = 1.0;

#[test]
fn founding_article_tally_meets_the_floor() {
    let gold = attache_testkit::workspace_root().join("data/eval/expulsions-tally.json");
    let output = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["eval", "tally", gold.to_str().unwrap(), "--format", "json"])
        .output()
        .expect("attache runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let report: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("no JSON report ({e}); stderr: {stderr}"));
    let passed = report["passed"].as_bool().unwrap();
    // Exit code 0 exactly when every expectation is met, 1 otherwise.
    assert_eq!(
        output.status.code(),
        Some(if passed { 0 } else { 1 }),
        "{stderr}"
    );
    assert_eq!(report["actors_expected"].as_u64(), Some(9));
    let matched = report["actors_matched"].as_u64().unwrap();
    eprintln!(
        "expulsions tally: {matched}/9 actors, {}/{} claims",
        report["claims_matched"], report["claims_expected"]
    );
    let share = matched as f64 / 9.0;
    assert!(
        share >= EXPULSIONS_ACTORS_FLOOR,
        "{matched} of 9 actors right, floor {EXPULSIONS_ACTORS_FLOOR}"
    );
    // The claims beside the tally (80, at least 300, more than 100) are reproduced too.
    assert!(
        passed,
        "the founding article's tally no longer passes: {report}"
    );
}
