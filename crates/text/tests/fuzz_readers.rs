//! Property tests of the readers (issue 10, fuzzing): whatever the bytes, reading never
//! panics, every document read is non-empty UTF-8, and near-valid records still read back.
//! The analysis text's offset map always lands on the original's character boundaries.
//!
//! Cases per run (PROPTEST_CASES overrides each): 2,000 inputs of arbitrary and of text-like
//! bytes, each read as txt, HTML, JSON Lines, CSV and TSV; 2,000 structured near-valid JSON
//! Lines files and 2,000 CSV files (read back exactly, then read again with one byte changed);
//! 2,000 tag soups; 10,000 texts through the normaliser's offset map.

use attache_text::{ReadOptions, html_to_text, normalize_for_analysis, read_documents};
use proptest::prelude::*;
use proptest::test_runner::Config;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// A fresh file with these bytes under the given extension.
fn file(ext: &str, bytes: &[u8]) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("attache-fuzz-readers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.{ext}", N.fetch_add(1, Ordering::Relaxed)));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Reads every document of `bytes` as a file of format `ext`; checks what came back.
fn read_all(ext: &str, bytes: &[u8]) -> Vec<Result<attache_text::Document, String>> {
    let path = file(ext, bytes);
    let name = path.to_string_lossy().into_owned();
    let got: Vec<_> = read_documents(&path, &ReadOptions::default())
        .take(10_000)
        .map(|r| r.map_err(|e| e.to_string()))
        .collect();
    std::fs::remove_file(&path).unwrap();
    for item in &got {
        match item {
            Ok(doc) => {
                // A record of JSON Lines or CSV with empty text is read as it is (the pipeline
                // skips it with a count); a whole file never reads as an empty document.
                let record = matches!(ext, "jsonl" | "csv" | "tsv");
                assert!(
                    record || !doc.text.trim().is_empty(),
                    "empty document from {bytes:?}"
                );
                assert!(!doc.id.is_empty());
            }
            Err(e) => assert!(e.starts_with(&name), "an error names the file: {e}"),
        }
    }
    got
}

/// Bytes that are mostly text: ASCII, delimiters, quotes, escapes, multi-byte and invisible
/// characters, and now and then any byte at all.
fn texty_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9 .,]{1,12}".prop_map(String::into_bytes),
        2 => prop::sample::select(vec![
            "\"", "\"\"", ",", ";", "\t", "\n", "\r\n", "{", "}", "\\", "\\u", "\\ud800",
            "\\udc00", "\\n", ":", "[", "]", "<p>", "</p>", "<", ">", "&amp;", "&#x", "&#",
            "\u{FEFF}", "\u{AD}", "\u{200B}", "\u{200F}", "\u{1B}[2J", "é", "’", "東", "😀",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        1 => prop::collection::vec(any::<u8>(), 1..4),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

/// A record's text: words with the characters that trouble readers. (No C0 controls: a file
/// dense with them is refused as binary, as it should be; the arbitrary bytes cover them.)
fn field_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => "[a-zA-Z0-9]{1,8}",
            2 => prop::sample::select(vec![
                " ", ", ", "\"", "\"\"", "\n", "\r\n", ";", "\t", "\\", "é", "\u{FEFF}",
                "\u{AD}", "\u{200B}", "\u{202E}", "\u{85}", "😀",
            ])
            .prop_map(String::from),
        ],
        1..20,
    )
    .prop_map(|parts| parts.concat())
}

/// One change to `bytes`: delete, insert or replace a byte at `at`.
fn mutate(mut bytes: Vec<u8>, at: usize, op: u8, byte: u8) -> Vec<u8> {
    if bytes.is_empty() {
        return vec![byte];
    }
    let at = at % bytes.len();
    match op % 3 {
        0 => {
            bytes.remove(at);
        }
        1 => bytes.insert(at, byte),
        _ => bytes[at] = byte,
    }
    bytes
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) || text.trim() != text {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn any_bytes_as_text_html_jsonl_or_csv(bytes in texty_bytes(), raw in prop::collection::vec(any::<u8>(), 0..64)) {
        for ext in ["txt", "html", "jsonl", "csv", "tsv"] {
            read_all(ext, &bytes);
            read_all(ext, &raw);
        }
    }

    #[test]
    fn tag_soup_gives_text(bytes in texty_bytes()) {
        let html = String::from_utf8_lossy(&bytes);
        let page = html_to_text(&html);
        prop_assert!(!page.text.starts_with(char::is_whitespace));
    }

    #[test]
    fn json_lines_records_read_back_and_survive_a_change(
        texts in prop::collection::vec(field_text(), 1..5),
        at in any::<usize>(), op in any::<u8>(), byte in any::<u8>(),
    ) {
        let lines: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| serde_json::json!({"id": format!("r{i}"), "text": text}).to_string())
            .collect();
        let bytes = lines.join("\n").into_bytes();
        // Records with empty text are read as they are (the pipeline skips them).
        let docs: Vec<_> = read_all("jsonl", &bytes).into_iter().filter_map(Result::ok)
            .filter(|d| !d.text.trim().is_empty()).collect();
        let kept: Vec<&String> = texts.iter().filter(|t| !t.trim().is_empty()).collect();
        prop_assert_eq!(docs.len(), kept.len());
        for (doc, text) in docs.iter().zip(kept) {
            prop_assert_eq!(&doc.text, text);
        }
        read_all("jsonl", &mutate(bytes, at, op, byte));
    }

    #[test]
    fn csv_records_read_back_and_survive_a_change(
        texts in prop::collection::vec(field_text(), 1..5),
        at in any::<usize>(), op in any::<u8>(), byte in any::<u8>(),
    ) {
        let mut csv = String::from("id,text\n");
        for (i, text) in texts.iter().enumerate() {
            csv.push_str(&format!("r{i},{}\n", csv_field(text)));
        }
        let docs: Vec<_> = read_all("csv", csv.as_bytes()).into_iter().filter_map(Result::ok)
            .filter(|d| !d.text.trim().is_empty()).collect();
        let kept: Vec<&String> = texts.iter().filter(|t| !t.trim().is_empty()).collect();
        prop_assert_eq!(docs.len(), kept.len(), "{}", csv);
        for (doc, text) in docs.iter().zip(kept) {
            prop_assert_eq!(&doc.text, text);
        }
        read_all("csv", &mutate(csv.into_bytes(), at, op, byte));
    }
}

/// Text rich in what the analysis removes or blanks.
fn invisible_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => "[a-zA-Z0-9 .]{1,6}",
            2 => prop::sample::select(vec![
                "\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{202A}",
                "\u{202E}", "\u{2060}", "\u{2066}", "\u{2069}", "\u{FEFF}", "\u{61C}", "\u{0}",
                "\u{1}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\t", "\n", "\r", "é", "😀",
            ])
            .prop_map(String::from),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(config(10000))]

    #[test]
    fn the_offset_map_lands_on_the_originals_characters(text in invisible_text()) {
        let prepared = normalize_for_analysis(&text);
        let analysed: &str = &prepared.text;
        let bounds: Vec<usize> = analysed
            .char_indices()
            .map(|(i, _)| i)
            .chain([analysed.len()])
            .collect();
        let mut last = 0;
        for (k, &start) in bounds.iter().enumerate() {
            let [s, e] = prepared.map.span([start, start]);
            prop_assert!(s <= e && e <= text.len());
            prop_assert!(text.is_char_boundary(s) && s >= last);
            last = s;
            for &end in &bounds[k..bounds.len().min(k + 4)] {
                let [s, e] = prepared.map.span([start, end]);
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e) && s <= e);
                // The original's slice, analysed again, is the analysed slice.
                let again = normalize_for_analysis(&text[s..e]);
                prop_assert_eq!(&*again.text, &analysed[start..end]);
            }
        }
    }
}
