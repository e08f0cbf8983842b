//! `attache extract` on every kind of input, good and bad: each bad input is reported with
//! its file (and line), the other inputs are still read, and the exit code says something
//! failed. `--documents` shows what was read, independent of what the coder finds.

use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use attache_testkit::ScratchDir as Scratch;

fn scratch(name: &str) -> Scratch {
    Scratch::new("extract", name)
}

fn attache(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("attache runs");
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        // The command may exit before reading (a usage error): a closed pipe is fine.
        let _ = input.write_all(bytes);
    }
    drop(input);
    child.wait_with_output().unwrap()
}

/// Runs `attache extract --documents ARGS`: the documents read, stderr, exit code.
fn read_back(args: &[&str]) -> (Vec<Value>, String, Option<i32>) {
    read_back_with_stdin(args, None)
}

fn read_back_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> (Vec<Value>, String, Option<i32>) {
    let mut all = vec!["extract", "--documents"];
    all.extend_from_slice(args);
    let output = attache(&all, stdin);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let docs = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    (docs, stderr, output.status.code())
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

const REPORT: &str = "Italy, Spain, Denmark, Sweden and Estonia announced the expulsion of a \
                      total of 80 Russian diplomats on Tuesday.\n";

#[test]
fn bad_files_are_reported_by_name_and_line_and_the_rest_is_read() {
    let dir = scratch("bad-files");
    let good = dir.join("good.txt");
    fs::write(&good, REPORT).unwrap();
    let empty = dir.join("empty.txt");
    fs::write(&empty, "").unwrap();
    let latin1 = dir.join("latin1.txt");
    fs::write(&latin1, b"Moscow, April 5\nThe na\xefve ministers met.\n").unwrap();
    let binary = dir.join("photo.txt");
    fs::write(
        &binary,
        b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0",
    )
    .unwrap();
    let missing = dir.join("missing.txt");
    let (docs, stderr, code) =
        read_back(&[s(&empty), s(&latin1), s(&missing), s(&binary), s(&good)]);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(docs.len(), 1, "{stderr}");
    assert_eq!(docs[0]["id"], s(&good));
    assert_eq!(docs[0]["text"], REPORT);
    let expected = [
        format!("{}: empty file", s(&empty)),
        format!("{}:2: invalid UTF-8 at byte offset 22", s(&latin1)),
        format!("{}: no such file or directory", s(&missing)),
        format!("{}: binary file (NUL byte at offset 4)", s(&binary)),
    ];
    for line in expected {
        assert!(stderr.contains(&line), "missing {line:?} in:\n{stderr}");
    }
    assert!(
        stderr.contains("1 documents read, 4 failed, 0 empty skipped, 1 documents written"),
        "{stderr}"
    );
}

#[test]
fn jsonl_bad_lines_are_reported_and_reading_goes_on() {
    let dir = scratch("jsonl-bad");
    let feed = dir.join("feed.jsonl");
    let lines = [
        r#"{"id": "a", "text": "Italy expelled 30 Russian diplomats.", "published": "2022-04-05"}"#,
        r#"{"id": "b", "text": "Spain expelled 25 Russian dipl"#,
        r#"{"id": "c", "title": "A record without text"}"#,
        r#"{"id": "d", "text": "Denmark expelled 15.", "published": "5 April 2022"}"#,
        "",
        r#"{"id": "e", "text": "Sweden expelled three.", "published": "2022-04-05T16:20:00+02:00"}"#,
    ];
    fs::write(&feed, lines.join("\n")).unwrap();
    let (docs, stderr, code) = read_back(&[s(&feed)]);
    assert_eq!(code, Some(1), "{stderr}");
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "e"], "{stderr}");
    assert_eq!(docs[1]["published"], "2022-04-05");
    let name = s(&feed);
    assert!(
        stderr.contains(&format!("{name}:2: truncated JSON record")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{name}:3: record has no \"text\" field")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{name}:4: field \"published\": bad date \"5 April 2022\""
        )),
        "{stderr}"
    );
}

#[test]
fn a_gigantic_line_is_refused_without_loading_it() {
    let dir = scratch("gigantic");
    let feed = dir.join("huge.jsonl");
    let mut file = fs::File::create(&feed).unwrap();
    writeln!(file, r#"{{"id": "before", "text": "Italy expelled 30."}}"#).unwrap();
    // 65 MiB of text on one line: past the 64 MiB cap.
    file.write_all(br#"{"id": "huge", "text": ""#).unwrap();
    let block = vec![b'a'; 1 << 20];
    for _ in 0..65 {
        file.write_all(&block).unwrap();
    }
    file.write_all(b"\"}\n").unwrap();
    writeln!(file, r#"{{"id": "after", "text": "Spain expelled 25."}}"#).unwrap();
    drop(file);
    let (docs, stderr, code) = read_back(&[s(&feed)]);
    let _ = fs::remove_file(&feed);
    assert_eq!(code, Some(1), "{stderr}");
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["before", "after"]);
    assert!(
        stderr.contains(&format!(
            "{}:2: line is 65.0 MiB, more than the 64.0 MiB one document may have; skipped",
            s(&feed)
        )),
        "{stderr}"
    );
}

#[test]
fn bad_published_option_is_a_usage_error() {
    let output = attache(
        &["extract", "--published", "2022-02-30", "-"],
        Some(b"text"),
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("2022-02-30"), "{stderr}");
    assert!(stderr.contains("--published"), "{stderr}");
}

#[test]
fn jsonl_dates_and_the_published_default() {
    let dir = scratch("jsonl-dates");
    let feed = dir.join("feed.jsonl");
    fs::write(
        &feed,
        concat!(
            r#"{"id": "ft", "text": "Italy expelled 30.", "published": "2022-04-05", "source": "Financial Times", "url": "https://ft.example/a", "title": "Expulsions"}"#,
            "\n",
            r#"{"id": 7, "text": "Spain expelled 25."}"#,
            "\n"
        ),
    )
    .unwrap();
    let (docs, stderr, code) = read_back(&["--published", "2022-04-04", s(&feed)]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["published"], "2022-04-05");
    assert_eq!(docs[0]["source"], "Financial Times");
    assert_eq!(docs[0]["url"], "https://ft.example/a");
    assert_eq!(docs[1]["id"], "7");
    assert_eq!(docs[1]["published"], "2022-04-04");
    assert!(stderr.contains("2 documents read, 0 failed"), "{stderr}");
}

#[test]
fn csv_with_chosen_columns_and_quoted_newlines() {
    let dir = scratch("csv");
    let table = dir.join("reports.csv");
    fs::write(
        &table,
        "story_id,body,day,source\r\n\
         r1,\"Italy expelled 30 Russian diplomats.\r\n\r\nSpain expelled 25, Moscow said.\",2022-04-05,Wire\r\n\
         r2,\"Estonia expelled \"\"three\"\" diplomats.\",not a date,Wire\r\n\
         r3,Denmark expelled 15.,,\r\n",
    )
    .unwrap();
    let args = [
        "--csv-text",
        "body",
        "--csv-id",
        "story_id",
        "--csv-date",
        "day",
        s(&table),
    ];
    let (docs, stderr, code) = read_back(&args);
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(docs.len(), 2, "{stderr}");
    assert_eq!(docs[0]["id"], "r1");
    assert_eq!(
        docs[0]["text"],
        "Italy expelled 30 Russian diplomats.\r\n\r\nSpain expelled 25, Moscow said."
    );
    assert_eq!(docs[0]["published"], "2022-04-05");
    assert_eq!(docs[0]["source"], "Wire");
    assert_eq!(docs[1]["id"], "r3");
    assert!(docs[1]["published"].is_null());
    assert!(
        stderr.contains(&format!(
            "{}:5: column \"day\": bad date \"not a date\"",
            s(&table)
        )),
        "{stderr}"
    );
    let (_, stderr, code) = read_back(&[s(&table)]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("no column \"text\" in the header (columns: story_id, body, day, source)"),
        "{stderr}"
    );
}

#[test]
fn html_page_gives_article_text_title_and_date() {
    let dir = scratch("html");
    let page = dir.join("expulsions.html");
    fs::write(&page, PAGE).unwrap();
    let (docs, stderr, code) = read_back(&[s(&page)]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(
        doc["text"],
        "Russian diplomats expelled across Europe\n\n\
         The mass expulsion of Russian officials from embassies across Europe accelerated on \
         Tuesday amid anger over Moscow’s aggression in Ukraine.\n\n\
         Italy, Spain, Denmark, Sweden & Estonia announced the expulsion of a total of 80 Russian \
         diplomats.\n\n\
         “We will respond,” the Kremlin said.\n\n\
         Italy 30\n\nDenmark 15"
    );
    assert_eq!(doc["title"], "Russian diplomats expelled across Europe");
    assert_eq!(doc["published"], "2022-04-05");
    assert_eq!(doc["source"], "The Example Post");
    assert_eq!(
        doc["url"],
        "https://post.example/world/2022/04/05/expulsions"
    );
}

/// A news page as sites write them: metadata in the head, scripts and ads, navigation, a
/// share bar, related stories and a newsletter form around the article.
const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Russian diplomats expelled across Europe - The Example Post</title>
  <meta property="og:title" content="Russian diplomats expelled across Europe">
  <meta property="og:site_name" content="The Example Post">
  <meta property="og:url" content="https://post.example/world/2022/04/05/expulsions">
  <meta property="article:published_time" content="2022-04-05T17:45:00Z">
  <link rel="stylesheet" href="/static/site.css">
  <script async src="https://ads.example/tag.js"></script>
  <script>window.dataLayer = window.dataLayer || []; dataLayer.push({'section': 'world'});</script>
  <style>.share { display: flex } p > a { color: #c00 }</style>
</head>
<body class="article-page">
  <a class="skip" href="#main">Skip to content</a>
  <header class="masthead">
    <div class="logo">The Example Post</div>
    <nav aria-label="Sections"><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>
  </header>
  <main id="main">
    <article class="story">
      <h1 class="headline">Russian diplomats expelled across Europe</h1>
      <div class="share" aria-hidden="true"><a href="#">Share on social media</a></div>
      <p>The mass expulsion of Russian officials from embassies across Europe accelerated on
         Tuesday amid anger over Moscow&rsquo;s aggression in Ukraine.</p>
      <p>Italy, Spain, Denmark, Sweden &amp; Estonia announced the expulsion of a total of
         <strong>80</strong>&nbsp;Russian diplomats.</p>
      <script>renderAd("mid-article");</script>
      <noscript><img src="/pixel.gif" alt=""></noscript>
      <blockquote><p>&#8220;We will respond,&#x201D; the Kremlin said.</p></blockquote>
      <table class="tally"><tr><td>Italy</td><td>30</td></tr><tr><td>Denmark</td><td>15</td></tr></table>
      <aside class="related"><h2>Related</h2><article><a href="/x">Lithuania expels envoy</a></article></aside>
      <form class="newsletter"><label>Get the morning briefing</label><input type="email"><button>Sign up</button></form>
    </article>
  </main>
  <footer><p>&copy; 2022 The Example Post</p><nav><a href="/terms">Terms</a></nav></footer>
</body>
</html>
"##;

#[test]
fn stdin_is_one_text_document() {
    let (docs, stderr, code) =
        read_back_with_stdin(&["--published", "2022-04-05"], Some(REPORT.as_bytes()));
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(docs.len(), 1);
    let id = docs[0]["id"].as_str().unwrap();
    assert!(
        id.starts_with("stdin:") && id.len() == 22,
        "named by its content: {id}"
    );
    assert_eq!(docs[0]["text"], REPORT);
    assert_eq!(docs[0]["published"], "2022-04-05");
    let (docs, _, code) = read_back_with_stdin(&["-"], Some(b""));
    assert_eq!(code, Some(1));
    assert!(docs.is_empty());
}

#[test]
fn directories_are_walked_in_sorted_order() {
    let dir = scratch("walk");
    fs::create_dir_all(dir.join("b/nested")).unwrap();
    fs::create_dir_all(dir.join(".git")).unwrap();
    fs::write(dir.join("c.txt"), "Third.").unwrap();
    fs::write(dir.join("a.txt"), "First.").unwrap();
    fs::write(dir.join("b/nested/story"), "Second.").unwrap();
    fs::write(dir.join(".git/HEAD"), "ref: refs/heads/main").unwrap();
    fs::write(dir.join("b/logo.png"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    let (docs, stderr, code) = read_back(&[s(&dir)]);
    assert_eq!(code, Some(0), "{stderr}");
    let texts: Vec<&str> = docs.iter().map(|d| d["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["First.", "Second.", "Third."]);
    assert_eq!(docs[1]["id"], s(&dir.join("b/nested/story")));
}

#[test]
fn founding_article_as_a_web_page_reads_back_as_its_text() {
    let Some(sample) = attache_testkit::shared_path("samples/expulsions-2022-04-05.txt") else {
        return;
    };
    let text = fs::read_to_string(sample).unwrap();
    // The page a site would serve: paragraphs in <p>, quotes as references, furniture around.
    let paragraphs: String = text
        .split("\n\n")
        .map(|p| {
            let p = p
                .replace('&', "&amp;")
                .replace('’', "&rsquo;")
                .replace('‘', "&#8216;")
                .replace('“', "&ldquo;")
                .replace('”', "&#x201D;");
            format!("\n    <p>\n      {p}\n    </p>")
        })
        .collect();
    let page = format!(
        "<!doctype html><html><head><title>Europe expels Russian diplomats</title>\
         <meta property=\"article:published_time\" content=\"2022-04-05T16:31:00Z\"></head>\
         <body><header><nav>World | Europe</nav></header><main><article>{paragraphs}\
         <div class=\"share-tools\">Share on X</div></article>\
         <aside>Most read: Lithuania expels envoy</aside></main></body></html>"
    );
    let dir = scratch("founding-html");
    let path = dir.join("expulsions.html");
    fs::write(&path, page).unwrap();
    let (docs, stderr, code) = read_back(&[s(&path)]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(docs[0]["text"], text.trim());
    assert_eq!(docs[0]["published"], "2022-04-05");
}

#[test]
fn records_with_empty_text_are_skipped_with_a_count_not_failed() {
    let dir = scratch("empty-text");
    let feed = dir.join("feed.jsonl");
    let lines = [
        r#"{"id": "a", "text": "Italy expelled 30 Russian diplomats on Tuesday."}"#,
        r#"{"id": "b", "text": ""}"#,
        r#"{"id": "c", "text": "   "}"#,
    ];
    fs::write(&feed, lines.join("\n") + "\n").unwrap();
    let (docs, stderr, code) = read_back(&[s(&feed)]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(docs.len(), 1);
    assert!(
        stderr.contains("1 documents read, 0 failed, 2 empty skipped"),
        "{stderr}"
    );
    let db = dir.join("attache.db");
    let ingest = attache(&["ingest", "--db", s(&db), s(&feed)], None);
    let out = String::from_utf8_lossy(&ingest.stdout);
    assert_eq!(ingest.status.code(), Some(0), "{out}");
    assert!(out.contains("0 failed, 2 empty skipped"), "{out}");
    // Not a terminal: no progress bar in the log.
    assert!(!String::from_utf8_lossy(&ingest.stderr).contains("MiB"));
}
