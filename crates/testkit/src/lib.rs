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

/// A fresh directory under the system temp dir for one test, removed when the test passes and
/// kept for inspection when it fails.
pub struct ScratchDir(PathBuf);

impl ScratchDir {
    /// `$TMPDIR/attache-<prefix>-<pid>-<name>`, emptied first.
    pub fn new(prefix: &str, name: &str) -> ScratchDir {
        let dir =
            std::env::temp_dir().join(format!("attache-{prefix}-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir is writable");
        ScratchDir(dir)
    }
}

impl std::ops::Deref for ScratchDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
