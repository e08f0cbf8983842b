//! Hostile text end to end (issue 10): escape codes never reach the terminal, odd bytes give
//! clear errors naming file and line, and one document is one document however it is named.

use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-text-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn attache_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .current_dir(dir)
        .env("ATTACHE_DB", dir.join("attache.db"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("attache runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        input.write_all(bytes).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn attache(dir: &Path, args: &[&str]) -> Output {
    attache_in(dir, args, None)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn ok(output: Output) -> Output {
    assert!(output.status.success(), "{}", stderr(&output));
    output
}

fn jsonl(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// No character a terminal would act on: controls other than newline, bidi overrides.
fn assert_terminal_safe(what: &str, text: &str) {
    let bad = text
        .chars()
        .find(|&c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c));
    assert!(bad.is_none(), "{what} writes {bad:?}: {text:?}");
}

// Failing before the fix: the window title was set and the screen cleared.
#[test]
fn escape_codes_in_reports_never_reach_the_terminal() {
    let dir = scratch("terminal");
    let record = serde_json::json!({
        "id": "evil\u{1b}]0;pwned\u{7}",
        "published": "2022-04-05",
        "source": "Wire\u{1b}[2J",
        "title": "T\u{9b}2J",
        "text": "Italy expelled 30 Russian\u{1b}[2J diplomats on Tuesday, \u{1b}]0;pwned\u{7}the \
                 ministry said in a statement \u{202e}read out in Rome.",
    });
    fs::write(dir.join("feed.jsonl"), format!("{record}\n")).unwrap();
    let table = ok(attache(
        &dir,
        &["extract", "feed.jsonl", "--format", "table"],
    ));
    assert!(stdout(&table).contains("ITA"), "{}", stdout(&table));
    assert_terminal_safe("extract --format table", &stdout(&table));
    ok(attache(&dir, &["ingest", "feed.jsonl"]));
    let events = ok(attache(&dir, &["events", "--format", "table"]));
    assert_terminal_safe("events --format table", &stdout(&events));
    let tally = ok(attache(&dir, &["tally", "--by", "actor"]));
    assert_terminal_safe("tally", &stdout(&tally));
    let listed = jsonl(&ok(attache(&dir, &["events", "--format", "jsonl"])));
    let id = listed[0]["id"].to_string();
    let show = ok(attache(&dir, &["show", &id]));
    let shown = stdout(&show);
    assert!(shown.contains("\\x1b]0;pwned\\x07"), "{shown}");
    assert!(shown.contains("Russian\\x1b[2J diplomats"), "{shown}");
    assert_terminal_safe("show", &shown);
}

fn tally_rows(dir: &Path) -> Vec<Value> {
    jsonl(&ok(attache(
        dir,
        &["tally", "--by", "actor", "--format", "jsonl"],
    )))
}

fn row<'a>(rows: &'a [Value], group: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["group"] == group)
        .unwrap_or_else(|| panic!("no row {group} in {rows:#?}"))
}

// Failing before the fix: three documents, and the row said 3 sources.
#[test]
fn one_file_named_three_ways_is_one_document() {
    let dir = scratch("identity");
    fs::create_dir_all(dir.join("in")).unwrap();
    let text = "Italy expelled 30 Russian diplomats on Tuesday.\n";
    fs::write(dir.join("in/a.txt"), text).unwrap();
    let absolute = dir.join("in/a.txt").to_string_lossy().into_owned();
    for path in [
        "in/a.txt",
        "./in/a.txt",
        absolute.as_str(),
        "in/../in/a.txt",
    ] {
        ok(attache(
            &dir,
            &["ingest", path, "--published", "2022-04-05"],
        ));
    }
    let italy = row(&tally_rows(&dir), "ITA").clone();
    assert_eq!(italy["sources"], 1, "{italy}");
    assert_eq!(italy["events"], 1, "{italy}");
    let events = jsonl(&ok(attache(&dir, &["events", "--format", "jsonl"])));
    assert_eq!(events.len(), 1);
    let extracted = jsonl(&ok(attache(&dir, &["extract", "./in/a.txt"])));
    assert_eq!(extracted[0]["doc_id"], "in/a.txt");
}

// Failing before the fix: the second text read from `-` replaced the first.
#[test]
fn texts_read_from_stdin_are_named_by_their_content() {
    let dir = scratch("stdin");
    let args = ["ingest", "-", "--published", "2022-04-05"];
    let italy = b"Italy expelled 30 Russian diplomats on Tuesday.\n";
    let denmark = b"Denmark expelled 15 Russian diplomats on Tuesday.\n";
    ok(attache_in(&dir, &args, Some(italy)));
    ok(attache_in(&dir, &args, Some(denmark)));
    ok(attache_in(&dir, &args, Some(italy)));
    let rows = tally_rows(&dir);
    assert_eq!(row(&rows, "ITA")["sources"], 1, "{rows:?}");
    assert_eq!(row(&rows, "DNK")["sources"], 1, "{rows:?}");
    // JSON Lines without ids on standard input: each record by its text.
    let first = br#"{"text": "Sweden expelled three Russian diplomats on Tuesday.", "published": "2022-04-05"}"#;
    let second = br#"{"text": "Estonia expelled 14 Russian diplomats on Tuesday.", "published": "2022-04-05"}"#;
    ok(attache_in(&dir, &["ingest", "-"], Some(first)));
    ok(attache_in(&dir, &["ingest", "-"], Some(second)));
    let rows = tally_rows(&dir);
    for state in ["ITA", "DNK", "SWE", "EST"] {
        assert_eq!(row(&rows, state)["sources"], 1, "{state} in {rows:?}");
    }
}

// Failing before the fix: "bad date" for the stray quote; "unexpected end of hex escape".
#[test]
fn a_stray_csv_quote_and_a_lone_surrogate_are_named_with_file_and_line() {
    let dir = scratch("bad-records");
    fs::write(
        dir.join("q.csv"),
        "id,text,published\n\
         a1,\"He said \"no, never\" today\",2022-04-05\n\
         a2,\"Italy expelled 30 Russian diplomats.,2022-04-05\n\
         a3,Spain expelled 25 Russian diplomats.,2022-04-05\n",
    )
    .unwrap();
    fs::write(
        dir.join("s.jsonl"),
        "{\"id\": \"s\", \"text\": \"Italy \\ud800 expelled 30.\"}\n\
         {\"id\": \"t\", \"text\": \"Spain expelled 25 Russian diplomats.\"}\n",
    )
    .unwrap();
    let out = attache(&dir, &["extract", "q.csv", "s.jsonl", "--documents"]);
    let err = stderr(&out);
    assert!(err.contains("q.csv:2: stray quote at column 13"), "{err}");
    assert!(err.contains("q.csv:3: quoted field never closed"), "{err}");
    assert!(
        err.contains("s.jsonl:1: lone surrogate \\ud800 at column 28"),
        "{err}"
    );
    assert!(!err.contains("bad date"), "{err}");
    let ids: Vec<String> = jsonl(&out).iter().map(|d| d["id"].to_string()).collect();
    assert_eq!(ids, ["\"a3\"", "\"t\""], "{err}");
}
