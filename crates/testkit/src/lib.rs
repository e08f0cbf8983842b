//! Test support shared by the crates' test suites.
//!
//! Tests that need `../shared` (treebanks, gold standards, the founding article) call
//! [`shared_path`]. On a user's fresh clone the folder is absent and the test skips with a
//! visible message; CI sets `ATTACHE_REQUIRE_SHARED=1`, which turns the skip into a failure.

use std::path::{Path, PathBuf};

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root exists")
}

/// `../shared/<rel>` beside the checkout, or `None` (with a message on stderr) when absent.
/// Panics instead when `ATTACHE_REQUIRE_SHARED` is set, so CI cannot skip silently.
pub fn shared_path(rel: &str) -> Option<PathBuf> {
    let base = std::env::var_os("ATTACHE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared"));
    let path = base.join(rel);
    if path.exists() {
        return Some(path);
    }
    let required = std::env::var_os("ATTACHE_REQUIRE_SHARED").is_some_and(|v| !v.is_empty());
    if required {
        panic!(
            "{} is missing and ATTACHE_REQUIRE_SHARED is set",
            path.display()
        );
    }
    eprintln!("SKIPPED: {} not found (shared data absent)", path.display());
    None
}
