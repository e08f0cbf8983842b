//! The coder's modules form no import cycle (issue 11): a module that names `crate::other`
//! outside comments and its test module depends on `other`, and following those dependencies
//! never leads back to where it started. `lib.rs` (which declares every module) and
//! `pass_tests.rs` (a test module) are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The code of a module file without comments and without its `#[cfg(test)]` part.
fn code_of(text: &str) -> String {
    let body = text.split("#[cfg(test)]").next().unwrap_or("");
    body.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules `code` names as `crate::m` or inside `use crate::{m::..., ...}`.
fn named_modules(code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let group = rest
            .strip_prefix('{')
            .map(|g| g.split('}').next().unwrap_or(""));
        let names: Vec<&str> = match group {
            Some(g) => g
                .split(',')
                .map(|p| p.trim().split("::").next().unwrap_or(""))
                .collect(),
            None => vec![
                rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .next()
                    .unwrap_or(""),
            ],
        };
        found.extend(
            names
                .into_iter()
                .filter(|n| modules.contains(*n))
                .map(str::to_string),
        );
    }
    found
}

/// A cycle through `start`, if one exists, as the path that closes it.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in &graph[&node] {
            if next == start {
                return Some([path.clone(), vec![start.to_string()]].concat());
            }
            if seen.insert(next.clone()) {
                stack.push((next.clone(), [path.clone(), vec![next.clone()]].concat()));
            }
        }
    }
    None
}

#[test]
fn coder_modules_import_no_cycle() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut texts = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("crates/coder/src") {
        let path = entry.expect("a directory entry").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        if path.extension().is_some_and(|e| e == "rs") && name != "lib" && name != "pass_tests" {
            texts.insert(name, std::fs::read_to_string(&path).expect("a module file"));
        }
    }
    let modules: BTreeSet<String> = texts.keys().cloned().collect();
    let graph: BTreeMap<String, BTreeSet<String>> = texts
        .iter()
        .map(|(m, text)| {
            let mut deps = named_modules(&code_of(text), &modules);
            deps.remove(m);
            (m.clone(), deps)
        })
        .collect();
    assert!(graph.len() > 50, "read {} coder modules", graph.len());
    for m in &modules {
        if let Some(cycle) = cycle_from(&graph, m) {
            panic!("import cycle between coder modules: {}", cycle.join(" -> "));
        }
    }
}
