//! What the lexicon's integration tests share: the shipped data directory, and loading a copy
//! of it with one file replaced.
#![allow(dead_code)] // each test binary uses its own part

use attache_lexicon::{FILES, Lexicon};
use std::path::PathBuf;

/// The shipped dictionary files.
pub fn data_dir() -> PathBuf {
    attache_testkit::workspace_root().join("data/lexicon")
}

/// Copies the shipped files to a fresh directory with `file` replaced by `content`.
pub fn dir_with(file: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "attache-lexicon-test-{}-{}",
        std::process::id(),
        file.replace('.', "-")
    ));
    std::fs::create_dir_all(&dir).unwrap();
    for name in FILES {
        std::fs::copy(data_dir().join(name), dir.join(name)).unwrap();
    }
    std::fs::write(dir.join(file), content).unwrap();
    dir
}

/// The error of loading the shipped files with `file` replaced by `content`, which must fail.
pub fn load_error(file: &str, content: &str) -> String {
    let dir = dir_with(file, content);
    let result = Lexicon::load_dir(&dir);
    std::fs::remove_dir_all(&dir).ok();
    match result {
        Ok(_) => panic!("{file} with a bad line loaded"),
        Err(e) => e.to_string(),
    }
}
