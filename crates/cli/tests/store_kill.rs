//! Killing `attache ingest` mid-way leaves a consistent database that a rerun completes.

use attache_store::{EventStore, Filter, NoGroups, SqliteStore};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DOCUMENTS: usize = 8000;

/// Short wire reports that vary who expels how many and when, as JSON Lines.
fn generated_reports() -> String {
    let countries = [
        "Italy",
        "Spain",
        "Denmark",
        "Sweden",
        "Estonia",
        "Germany",
        "Poland",
        "Slovakia",
        "Latvia",
        "Lithuania",
        "Belgium",
        "Portugal",
    ];
    let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    let mut out = String::new();
    for n in 0..DOCUMENTS {
        let country = countries[n % countries.len()];
        let day = days[(n / countries.len()) % days.len()];
        let month = 1 + (n / 60) % 12;
        let text = format!(
            "{country} expelled {} Russian diplomats on {day}, the foreign ministry said. \
             Officials described report number {n} as a response to espionage.",
            1 + n % 40
        );
        let record = serde_json::json!({
            "id": format!("wire-{n}"),
            "source": if n % 2 == 0 { "Reuters" } else { "AFP" },
            "published": format!("2022-{month:02}-{:02}", 1 + n % 28),
            "text": text,
        });
        writeln!(out, "{record}").unwrap();
    }
    out
}

fn ingest(db: &Path, input: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_attache"));
    command
        .args(["ingest", input.to_str().unwrap(), "--batch", "8", "--db"])
        .arg(db)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    command
}

#[test]
fn a_killed_ingest_is_completed_by_a_rerun() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("store-kill");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let input = dir.join("reports.jsonl");
    fs::write(&input, generated_reports()).unwrap();
    let db = dir.join("attache.db");

    let mut child = ingest(&db, &input).spawn().expect("attache runs");
    // Wait until some batches are committed, then kill without warning.
    let started = Instant::now();
    let mut stored = 0;
    while started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(5));
        if let Some(status) = child.try_wait().unwrap() {
            panic!("ingest ended ({status}) before it could be killed; make the input larger");
        }
        if db.exists()
            && let Ok(store) = SqliteStore::open(&db)
            && let Ok(stats) = store.stats()
            && stats.documents >= 16
        {
            stored = stats.documents;
            break;
        }
    }
    assert!(stored > 0, "no batch committed within two minutes");
    child.kill().unwrap();
    child.wait().unwrap();

    let store = SqliteStore::open(&db).unwrap();
    let after_kill = store.stats().unwrap();
    assert!(after_kill.documents < DOCUMENTS, "{after_kill:?}");
    assert_eq!(
        after_kill.documents % 8,
        0,
        "only whole batches: {after_kill:?}"
    );
    assert_eq!(store.check_consistency().unwrap(), Vec::<String>::new());

    let rerun = ingest(&db, &input).output().unwrap();
    assert!(rerun.status.success());
    let summary = String::from_utf8_lossy(&rerun.stdout);
    let expected = format!(
        "documents: {} new, {} unchanged, 0 replaced, 0 failed",
        DOCUMENTS - after_kill.documents,
        after_kill.documents
    );
    assert!(
        summary.contains(&expected),
        "{summary}\nexpected {expected}"
    );
    let complete = store.stats().unwrap();
    assert_eq!(complete.documents, DOCUMENTS);
    assert_eq!(store.check_consistency().unwrap(), Vec::<String>::new());
    // The connection opened before the rerun searches the text the rerun added.
    let text = Filter {
        text: Some("foreign ministry".to_string()),
        ..Filter::default()
    };
    let fresh = SqliteStore::open(&db).unwrap();
    let found = store.events(&text, &NoGroups).unwrap().len();
    assert_eq!(found, fresh.events(&text, &NoGroups).unwrap().len());
    assert!(found > after_kill.events, "{found} events found");
}
