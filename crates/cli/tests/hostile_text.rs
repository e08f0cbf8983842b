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
