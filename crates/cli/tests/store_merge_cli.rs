//! `attache ingest` across documents on short real reports: what must merge and what must not.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Ingests `reports` (JSON lines) into a fresh store; the `attache events` listing.
fn ingest_and_list(name: &str, reports: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("store-merge-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let input = dir.join("reports.jsonl");
    fs::write(&input, reports).unwrap();
    let db = dir.join("attache.db");
    let run = |args: &[&str], db: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_attache"))
            .args(args)
            .env("ATTACHE_DB", db)
            .output()
            .expect("attache runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    run(&["ingest", input.to_str().unwrap()], &db);
    run(&["events"], &db)
}

/// The SOURCES column of each listed event.
fn sources(listing: &str) -> Vec<String> {
    listing
        .lines()
        .skip(1)
        .filter_map(|l| l.rsplit("  ").next())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && !s.ends_with("events"))
        .collect()
}

#[test]
fn two_undated_fires_at_one_church_stay_apart_and_two_reports_of_one_fire_merge() {
    let reports = r#"{"id": "fire-2008", "text": "Arsonists burned the Grace Community Church in Springfield, Illinois, last night. Firefighters said the church was destroyed."}
{"id": "fire-2013", "text": "Five years after its first fire, the Grace Community Church in Illinois was burned again. Pastor Tom Hadley said Sunday services would move to the gym of Lincoln Elementary School. Fire Chief Maria Lopez said the State Fire Marshal had been called in."}
{"id": "fire-2008-b", "text": "Arsonists burned the Grace Community Church in Springfield, Illinois, overnight, police said. Firefighters said the church was destroyed."}
"#;
    let listing = ingest_and_list("church-fires", reports);
    let events = sources(&listing);
    assert!(
        events.iter().any(|s| s == "fire-2008; fire-2008-b"),
        "{listing}"
    );
    assert!(events.iter().any(|s| s == "fire-2013"), "{listing}");
}
