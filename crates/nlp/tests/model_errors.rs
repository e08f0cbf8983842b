//! Model loading failures are clear messages naming the file, never panics.

use attache_nlp::Analyzer;
use std::path::PathBuf;

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("attache-nlp-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn shipped() -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/en.nlp");
    std::fs::read(&path).expect("shipped model models/en.nlp is committed")
}

#[test]
fn missing_file_names_the_path() {
    let err = Analyzer::load("/nonexistent/dir/en.nlp")
        .err()
        .expect("load must fail");
    let msg = err.to_string();
    assert!(msg.contains("/nonexistent/dir/en.nlp"), "{msg}");
    assert!(msg.contains("not found"), "{msg}");
}

#[test]
fn wrong_magic_is_rejected() {
    let path = temp_file("magic.nlp", b"PK\x03\x04 this is a zip file, not a model");
    let msg = Analyzer::load(&path)
        .err()
        .expect("load must fail")
        .to_string();
    assert!(msg.contains("magic"), "{msg}");
    assert!(msg.contains("magic.nlp"), "{msg}");
}

#[test]
fn wrong_version_is_rejected() {
    let mut bytes = shipped();
    bytes[12..16].copy_from_slice(&999u32.to_le_bytes());
    let path = temp_file("version.nlp", &bytes);
    let msg = Analyzer::load(&path)
        .err()
        .expect("load must fail")
        .to_string();
    assert!(msg.contains("version 999"), "{msg}");
}

#[test]
fn truncated_files_are_rejected_at_every_cut() {
    let bytes = shipped();
    for cut in [
        0,
        5,
        13,
        17,
        200,
        bytes.len() / 3,
        bytes.len() / 2,
        bytes.len() - 3,
    ] {
        let path = temp_file("truncated.nlp", &bytes[..cut]);
        let msg = Analyzer::load(&path)
            .err()
            .expect("load must fail")
            .to_string();
        assert!(msg.contains("truncated.nlp"), "cut {cut}: {msg}");
    }
}

#[test]
fn shipped_model_loads() {
    let a = Analyzer::load_default().expect("shipped model loads");
    let doc = a.analyze("It works.");
    assert_eq!(doc.len(), 3);
}
