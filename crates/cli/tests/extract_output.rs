//! `attache extract` output: JSON Lines events whose bytes do not depend on `--threads`,
//! events whose spans point into the text `--documents` gives back, and the summary line.

use serde_json::Value;
use std::fs;
use std::process::{Command, Output};

use attache_testkit::ScratchDir as Scratch;

fn scratch(name: &str) -> Scratch {
    Scratch::new("extract", name)
}

fn attache(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .env_remove("COLUMNS")
        .output()
        .expect("attache runs")
}

/// Many documents: the founding article (when ../shared is there) and reports written for
/// this test, as files and as JSON Lines.
fn corpus(name: &str) -> Scratch {
    let dir = scratch(name);
    if let Some(sample) = attache_testkit::shared_path("samples/expulsions-2022-04-05.txt") {
        fs::copy(sample, dir.join("expulsions-2022-04-05.txt")).unwrap();
    }
    let countries = [
        ("Italy", 30),
        ("Spain", 25),
        ("Denmark", 15),
        ("Sweden", 3),
        ("Estonia", 7),
        ("Germany", 40),
        ("France", 35),
        ("Slovenia", 33),
    ];
    let mut feed = String::new();
    for (i, (country, count)) in countries.iter().enumerate() {
        let text = format!(
            "{country} expelled {count} Russian diplomats on Tuesday, the foreign ministry said. \
             Moscow said it would respond in kind."
        );
        fs::write(dir.join(format!("report-{i}.txt")), &text).unwrap();
        feed.push_str(&serde_json::json!({"id": format!("feed-{i}"), "text": text}).to_string());
        feed.push('\n');
    }
    fs::write(dir.join("feed.jsonl"), feed).unwrap();
    // The same reports as a web page (entities, inline markup, furniture) and as CSV, so that
    // spans are checked against extracted HTML text and CSV fields too.
    let mut page = String::from(
        "<!doctype html><html><head><title>Expulsions</title></head><body>\
         <nav><a href=\"/\">Home</a></nav><article><h1>Europe&rsquo;s expulsions</h1>",
    );
    let mut csv = String::from("id,text\n");
    for (i, (country, count)) in countries.iter().enumerate() {
        page.push_str(&format!(
            "<p>{country} expelled <b>{count}</b>&nbsp;Russian diplomats on Tuesday, the \
             foreign ministry&#8217;s spokesman said.</p>"
        ));
        csv.push_str(&format!(
            "csv-{i},\"{country} expelled {count} Russian diplomats, \"\"spies\"\" all.\"\n"
        ));
    }
    page.push_str("</article><footer>&copy; Example</footer></body></html>");
    fs::write(dir.join("reports.html"), page).unwrap();
    fs::write(dir.join("wires.csv"), csv).unwrap();
    dir
}

#[test]
fn output_bytes_do_not_depend_on_threads() {
    let dir = corpus("threads");
    let dir = dir.to_str().unwrap();
    let one = attache(&[
        "extract",
        "--format",
        "jsonl",
        "--published",
        "2022-04-05",
        "--threads",
        "1",
        dir,
    ]);
    let two = attache(&[
        "extract",
        "--format",
        "jsonl",
        "--published",
        "2022-04-05",
        "--threads",
        "2",
        dir,
    ]);
    assert_eq!(
        one.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    assert_eq!(two.status.code(), Some(0));
    assert!(
        one.stdout == two.stdout,
        "outputs differ between --threads 1 and 2"
    );
    let stderr = String::from_utf8_lossy(&one.stderr);
    assert!(stderr.contains(" documents read, 0 failed, "), "{stderr}");
}

#[test]
fn events_are_json_lines_whose_spans_point_into_the_documents() {
    let dir = corpus("spans");
    let dir = dir.to_str().unwrap();
    // No --format: output is not a terminal, so JSON Lines.
    let events = attache(&["extract", "--published", "2022-04-05", dir]);
    let documents = attache(&["extract", "--documents", "--published", "2022-04-05", dir]);
    assert_eq!(events.status.code(), Some(0));
    let texts: std::collections::HashMap<String, String> = String::from_utf8(documents.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let doc: Value = serde_json::from_str(line).unwrap();
            (
                doc["id"].as_str().unwrap().to_string(),
                doc["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(texts.len() >= 25, "{} documents", texts.len());
    let stdout = String::from_utf8(events.stdout).unwrap();
    let mut count = 0;
    let mut from_html = false;
    for line in stdout.lines() {
        let event: attache_event::Event = serde_json::from_str(line).expect("an event per line");
        let text = &texts[&event.doc_id];
        let [from, to] = event.trigger.span;
        assert_eq!(
            text.get(from..to),
            Some(event.trigger.text.as_str()),
            "{line}"
        );
        let [from, to] = event.sentence.span;
        assert_eq!(text.get(from..to), Some(&*event.sentence.text), "{line}");
        count += 1;
        from_html |= event.doc_id.ends_with("reports.html");
    }
    assert!(from_html, "no event from the HTML page:\n{stdout}");
    let stderr = String::from_utf8_lossy(&events.stderr);
    assert!(
        stderr.contains(&format!("{count} events written")),
        "{stderr}"
    );
}

#[test]
fn table_format_runs_and_reports() {
    let dir = corpus("table");
    let output = attache(&[
        "extract",
        "--format",
        "table",
        "--published",
        "2022-04-05",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    for line in stdout.lines() {
        assert!(
            line.chars().count() <= 100 || line.starts_with("== "),
            "{line}"
        );
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("documents read, 0 failed"), "{stderr}");
}

#[test]
fn a_closed_output_pipe_ends_the_run_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let dir = scratch("pipe");
    let feed = dir.join("many.jsonl");
    let mut text = String::new();
    for i in 0..20_000 {
        let doc = serde_json::json!({"id": i, "text": format!("Report {i}: Italy expelled 30 Russian diplomats.")});
        text.push_str(&doc.to_string());
        text.push('\n');
    }
    fs::write(&feed, text).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["extract", "--documents", feed.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"id\":\"0\""), "{first}");
    // stdout is dropped here: like `| head -1`.
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("cannot write"), "{stderr}");
}
