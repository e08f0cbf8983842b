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
