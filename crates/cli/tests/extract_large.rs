//! A run over good documents, one that fails and a runaway one: the failure is reported, the
//! runaway text is coded in bounded pieces, and every good document's events are written.

use attache_testkit::ScratchDir;
use serde_json::Value;
use std::fs;
use std::process::Command;

#[test]
fn a_failing_and_a_runaway_document_do_not_lose_the_good_ones() {
    let dir = ScratchDir::new("extract", "large");
    let first = dir.join("first.txt");
    fs::write(&first, "Italy expelled 30 Russian diplomats on Tuesday.\n").unwrap();
    let broken = dir.join("broken.jsonl");
    fs::write(
        &broken,
        "{\"id\": \"cut\", \"text\": \"Sweden expelled\n{\"id\": \"fine\", \"text\": \"Estonia expelled 14 Russian diplomats.\"}\n",
    )
    .unwrap();
    let words = ["Italy", "expelled", "30", "Russian", "diplomats", "and"];
    let runaway: Vec<&str> = (0..30_000).map(|i| words[i % words.len()]).collect();
    let runaway_path = dir.join("runaway.txt");
    fs::write(&runaway_path, runaway.join(" ")).unwrap();
    let last = dir.join("last.txt");
    fs::write(&last, "Denmark expelled 15 Russian diplomats on Tuesday.\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_attache"))
        .arg("extract")
        .args([&first, &broken, &runaway_path, &last])
        .args(["--published", "2022-04-05"])
        .output()
        .expect("attache runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "a record failed: {stderr}");
    assert!(stderr.contains("broken.jsonl:1"), "{stderr}");
    let events: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let from = |name: &str| {
        events
            .iter()
            .filter(|e| e["doc_id"].as_str().is_some_and(|d| d.ends_with(name)))
            .count()
    };
    assert_eq!(from("first.txt"), 1);
    assert_eq!(from("fine"), 1);
    assert_eq!(from("last.txt"), 1);
    assert!(from("runaway.txt") > 0, "the runaway text is coded");
    for e in &events {
        let text = e["sentence"]["text"]
            .as_str()
            .expect("events quote their sentence");
        let span = &e["sentence"]["span"];
        let len = span[1].as_u64().unwrap() - span[0].as_u64().unwrap();
        assert_eq!(
            text.len() as u64,
            len,
            "the span covers the quoted sentence"
        );
    }
}
