//! The store from the command line under hostile conditions: other programs' databases,
//! devices, missing inputs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("store-rel-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn attache(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .current_dir(dir)
        .env_remove("ATTACHE_DB")
        .output()
        .expect("attache runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn queries_leave_another_programs_database_as_it_was() {
    let dir = scratch("foreign");
    let db = dir.join("customers.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "CREATE TABLE documents (id TEXT PRIMARY KEY, body TEXT);
         INSERT INTO documents VALUES ('a', 'invoice');",
    )
    .unwrap();
    drop(conn);
    let before = fs::read(&db).unwrap();
    for args in [
        &["events", "--db", "customers.db"][..],
        &["tally", "--db", "customers.db"],
        &["show", "1", "--db", "customers.db"],
        &["export", "--format", "jsonl", "--db", "customers.db"],
        &["ingest", "in.txt", "--db", "customers.db"],
    ] {
        fs::write(dir.join("in.txt"), "Italy expelled 30 Russian diplomats.").unwrap();
        let output = attache(&dir, args);
        assert!(!output.status.success(), "{args:?} succeeded");
        let message = stderr(&output);
        assert!(message.contains("not an attache database"), "{message}");
        assert!(!message.contains("CREATE"), "{message}");
        assert_eq!(fs::read(&db).unwrap(), before, "{args:?} changed the file");
        assert_eq!(names(&dir), ["customers.db", "in.txt"], "{args:?}");
    }
}

#[test]
fn a_query_does_not_adopt_an_empty_file() {
    let dir = scratch("empty");
    fs::write(dir.join("attache.db"), "").unwrap();
    let output = attache(&dir, &["events"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("empty"), "{}", stderr(&output));
    assert_eq!(fs::metadata(dir.join("attache.db")).unwrap().len(), 0);
    assert_eq!(names(&dir), ["attache.db"]);
}

#[test]
fn ingesting_a_missing_file_creates_no_database() {
    let dir = scratch("missing");
    let output = attache(&dir, &["ingest", "no-such-file.txt"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("no-such-file.txt"),
        "{}",
        stderr(&output)
    );
    assert!(names(&dir).is_empty(), "{:?}", names(&dir));
}

#[test]
fn dev_null_is_not_a_database() {
    let dir = scratch("dev-null");
    fs::write(dir.join("in.txt"), "Italy expelled 30 Russian diplomats.").unwrap();
    let journal = Path::new("/dev/null-journal");
    let stamp = || fs::metadata(journal).and_then(|m| m.modified()).ok();
    let before = stamp();
    for args in [
        &["ingest", "in.txt", "--db", "/dev/null"][..],
        &["events", "--db", "/dev/null"],
    ] {
        let output = attache(&dir, args);
        assert!(!output.status.success(), "{args:?}");
        assert!(
            stderr(&output).contains("not a regular file"),
            "{}",
            stderr(&output)
        );
    }
    assert_eq!(stamp(), before, "/dev/null-journal was written");
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Events stored for document `id`, read through `attache export`.
fn events_of(dir: &Path, id: &str) -> usize {
    let output = attache(dir, &["export", "--format", "jsonl"]);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
        .lines()
        .filter(|line| line.contains(&format!("\"{id}\"")))
        .count()
}

#[test]
fn a_document_written_earlier_in_the_run_is_not_judged_against_the_old_database() {
    let dir = scratch("reingest");
    let line = |text: &str| {
        format!(
            "{{\"id\": \"x\", \"source\": \"Wire\", \"published\": \"2022-04-05\", \"text\": \"{text}\"}}\n"
        )
    };
    let t1 = "Italy expelled 30 Russian diplomats on Tuesday, citing national security.";
    let t2 = "Denmark expelled 15 Russian diplomats on Tuesday.";
    fs::write(dir.join("one.jsonl"), line(t1)).unwrap();
    fs::write(dir.join("two.jsonl"), format!("{}{}", line(t2), line(t1))).unwrap();
    let first = attache(&dir, &["ingest", "one.jsonl"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let with_t1 = events_of(&dir, "x");
    assert!(with_t1 > 0, "the first ingest coded nothing");
    // X is replaced by T2 and then by T1 again: it must end with T1's events.
    let second = attache(&dir, &["ingest", "two.jsonl"]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(events_of(&dir, "x"), with_t1, "{}", stdout(&second));
    let third = attache(&dir, &["ingest", "one.jsonl"]);
    assert!(
        stdout(&third).contains("0 new, 1 unchanged"),
        "{}",
        stdout(&third)
    );
    assert_eq!(events_of(&dir, "x"), with_t1);
}

/// Runs attache with stdout and stderr going to pipes whose readers are already gone.
fn with_closed_pipes(dir: &Path, args: &[&str]) -> std::process::ExitStatus {
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .current_dir(dir)
        .env_remove("ATTACHE_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("attache runs");
    drop(child.stdout.take());
    drop(child.stderr.take());
    child.wait().unwrap()
}

#[test]
fn closed_output_pipes_neither_panic_nor_lose_the_ingest() {
    let dir = scratch("closed-pipes");
    let wire = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/store/wire.jsonl");
    let wire = wire.to_str().unwrap();
    let status = with_closed_pipes(&dir, &["ingest", wire]);
    assert_ne!(status.code(), Some(101), "ingest panicked");
    let store = attache_store::SqliteStore::open_read_only(&dir.join("attache.db")).unwrap();
    let lines = fs::read_to_string(wire).unwrap().lines().count();
    use attache_store::EventStore;
    assert_eq!(store.stats().unwrap().documents, lines);
    for args in [&["extract", wire][..], &["events"], &["tally"]] {
        let status = with_closed_pipes(&dir, args);
        assert_ne!(status.code(), Some(101), "{args:?} panicked");
    }
}

#[test]
fn a_backwards_period_and_a_non_iso_date_are_refused() {
    let dir = scratch("dates");
    let wire = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/store/wire.jsonl");
    let ingest = attache(&dir, &["ingest", wire.to_str().unwrap()]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let backwards = attache(
        &dir,
        &["events", "--since", "2022-05-01", "--until", "2022-04-01"],
    );
    assert!(!backwards.status.success());
    assert!(
        stderr(&backwards).contains("before"),
        "{}",
        stderr(&backwards)
    );
    let loose = attache(&dir, &["events", "--since", "2022-1-1"]);
    assert!(!loose.status.success());
    assert!(stderr(&loose).contains("YYYY-MM-DD"), "{}", stderr(&loose));
}
