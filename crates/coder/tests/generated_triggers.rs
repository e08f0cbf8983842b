//! The generated trigger rows are reproducible: scripts/gen-triggers-cameo.py, run from this
//! checkout beside ../shared, writes the committed data/coder/triggers-cameo.tsv byte for byte.

use std::process::Command;

#[test]
fn cameo_trigger_generator_reproduces_the_committed_file() {
    let Some(dictionary) =
        attache_testkit::shared_path("data/petrarch2-dictionaries/CAMEO.2.0.txt")
    else {
        return;
    };
    let Some(crosswalk) = attache_testkit::shared_path("eval/CAMEO2PLOVER-2021.txt") else {
        return;
    };
    assert!(dictionary.is_file() && crosswalk.is_file());
    let shared = crosswalk
        .parent()
        .and_then(|p| p.parent())
        .expect("../shared");
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("SKIPPED: python3 not found; the generator cannot be run");
        return;
    }
    let root = attache_testkit::workspace_root();
    let out = attache_testkit::ScratchDir::new("coder", "triggers-cameo");
    let fresh_path = out.join("triggers-cameo.tsv");
    let status = Command::new("python3")
        .arg(root.join("scripts/gen-triggers-cameo.py"))
        .arg("--shared")
        .arg(shared)
        .arg("--out")
        .arg(&fresh_path)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "gen-triggers-cameo.py failed: {status}");
    let committed = std::fs::read(root.join("data/coder/triggers-cameo.tsv")).unwrap();
    let fresh = std::fs::read(&fresh_path).unwrap();
    assert!(
        committed == fresh,
        "data/coder/triggers-cameo.tsv differs from what scripts/gen-triggers-cameo.py writes; rerun it"
    );
}
