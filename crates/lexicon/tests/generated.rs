//! The generated PETRARCH2 files are reproducible: scripts/gen-petrarch.py, run from this
//! checkout beside ../shared, writes the committed files byte for byte.

use std::path::Path;
use std::process::Command;

const GENERATED: [&str; 2] = ["petrarch-persons.tsv", "petrarch-agents.tsv"];
const INPUTS: [&str; 3] = ["countries.tsv", "demonyms.tsv", "cameo-codes.tsv"];

#[test]
fn petrarch_generator_reproduces_the_committed_files() {
    let Some(shared) = attache_testkit::shared_path("data/petrarch2-dictionaries") else {
        return;
    };
    let shared = shared.parent().and_then(Path::parent).expect("../shared");
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("SKIPPED: python3 not found; the generator cannot be run");
        return;
    }
    let root = attache_testkit::workspace_root();
    let data = root.join("data/lexicon");
    let out = attache_testkit::ScratchDir::new("lexicon", "petrarch");
    for name in INPUTS {
        std::fs::copy(data.join(name), out.join(name)).unwrap();
    }
    let status = Command::new("python3")
        .arg(root.join("scripts/gen-petrarch.py"))
        .arg("--shared")
        .arg(shared)
        .arg("--out")
        .arg(&*out)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "gen-petrarch.py failed: {status}");
    for name in GENERATED {
        let committed = std::fs::read(data.join(name)).unwrap();
        let fresh = std::fs::read(out.join(name)).unwrap();
        assert!(
            committed == fresh,
            "data/lexicon/{name} differs from what scripts/gen-petrarch.py writes; rerun it"
        );
    }
}
