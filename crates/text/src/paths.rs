//! From command-line paths to input files, and from a file to its format.

use crate::InputError;
use std::fs;
use std::path::{Path, PathBuf};

/// The formats the readers understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One document: the file's text as it is.
    Text,
    /// One document: the article text of a web page.
    Html,
    /// One document per line: a JSON object with at least `text`.
    JsonLines,
    /// One document per record, comma-separated, with a header row.
    Csv,
    /// As CSV, tab-separated.
    Tsv,
}

impl InputFormat {
    /// The format a file name's extension says, or `None` when it must be sniffed.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => InputFormat::Text,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "jsonl" | "ndjson" => InputFormat::JsonLines,
            "csv" => InputFormat::Csv,
            "tsv" => InputFormat::Tsv,
            _ => return None,
        })
    }

    /// Guesses the format from an input's first bytes: JSON object lines, an HTML page, or text.
    pub fn sniff(head: &[u8]) -> InputFormat {
        let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = &head[start..];
        if head.first() == Some(&b'{') {
            return InputFormat::JsonLines;
        }
        let lower: Vec<u8> = head.iter().take(64).map(u8::to_ascii_lowercase).collect();
        if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
            return InputFormat::Html;
        }
        InputFormat::Text
    }
}

/// Expands paths into input files. Files are kept as given (whatever their extension);
/// directories are walked recursively in sorted order, taking the files whose extension names
/// a known format or that have none, and skipping hidden entries (names starting with `.`)
/// and symbolic links to directories. `-` (standard input) is kept as is.
/// A path that does not exist or cannot be listed gives an error in its place.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<Result<PathBuf, InputError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(path.clone()));
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut out),
            Ok(_) => out.push(Ok(path.clone())),
            Err(e) => out.push(Err(InputError::file(
                &path.to_string_lossy(),
                io_reason(&e),
            ))),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, InputError>>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err(InputError::file(
                &dir.to_string_lossy(),
                format!("cannot list directory: {}", io_reason(&e)),
            )));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(&path, out);
        } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
            let wanted = path.extension().is_none() || InputFormat::from_path(&path).is_some();
            if wanted {
                out.push(Ok(path));
            }
        }
    }
}

/// How a document is known in the store and in every event: its identity.
///
/// A file's documents are named by its canonical path (symbolic links and `.`/`..` resolved),
/// relative to the working directory when the file lies beneath it: `in/a.txt`, `./in/a.txt`
/// and `$PWD/in/a.txt` are one document, `in/a.txt`. Errors keep naming the path as given.
/// Standard input has no name: its documents are named by their content
/// (`stdin:` and 16 hex digits of its FNV-1a hash), so two texts piped in never replace each
/// other and the same text piped in twice is the same document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DocumentIds {
    /// Ids from this canonical path: the path itself, or `path:line` for a record without one.
    Path(String),
    /// Ids from the document's text.
    Content,
}

impl DocumentIds {
    /// The ids of the documents read from `path` (`-` is standard input).
    pub fn of(path: &Path) -> DocumentIds {
        if path.as_os_str() == "-" {
            return DocumentIds::Content;
        }
        DocumentIds::Path(canonical_name(path))
    }

    /// The id of a whole-file document (text, HTML) with this text.
    pub fn of_file(&self, text: &str) -> String {
        match self {
            DocumentIds::Path(path) => path.clone(),
            DocumentIds::Content => content_id(text),
        }
    }

    /// The id of a record without one of its own, at `line`, with this text.
    pub fn of_record(&self, line: usize, text: &str) -> String {
        match self {
            DocumentIds::Path(path) => format!("{path}:{line}"),
            DocumentIds::Content => content_id(text),
        }
    }
}

/// `stdin:` and the FNV-1a 64 hash of the text in hex.
fn content_id(text: &str) -> String {
    format!("stdin:{:016x}", crate::hash::fnv1a(text.as_bytes()))
}

/// `path` canonicalised, relative to the working directory when beneath it; as given when it
/// cannot be resolved.
fn canonical_name(path: &Path) -> String {
    let Ok(canonical) = fs::canonicalize(path) else {
        return path.to_string_lossy().into_owned();
    };
    let cwd = std::env::current_dir().and_then(fs::canonicalize);
    let relative = cwd.ok().and_then(|cwd| {
        let rel = canonical.strip_prefix(cwd).ok()?;
        (!rel.as_os_str().is_empty()).then(|| rel.to_path_buf())
    });
    relative.unwrap_or(canonical).to_string_lossy().into_owned()
}

/// An I/O error as a short reason, without Rust's "(os error 2)" suffix.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = e.to_string();
            match text.find(" (os error") {
                Some(at) => text[..at].to_string(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(
            InputFormat::sniff(b"\xEF\xBB\xBF {\"text\": \"a\"}\n"),
            InputFormat::JsonLines
        );
        assert_eq!(
            InputFormat::sniff(b"\n<!DOCTYPE html><html>"),
            InputFormat::Html
        );
        assert_eq!(InputFormat::sniff(b"<HTML lang=en>"), InputFormat::Html);
        assert_eq!(InputFormat::sniff(b"Moscow, April 5"), InputFormat::Text);
    }

    #[test]
    fn extensions() {
        assert_eq!(
            InputFormat::from_path(Path::new("a/b.HTM")),
            Some(InputFormat::Html)
        );
        assert_eq!(InputFormat::from_path(Path::new("a/b.dat")), None);
        assert_eq!(InputFormat::from_path(Path::new("README")), None);
    }

    #[test]
    fn missing_paths_are_errors_in_place() {
        let got = expand_paths(&[
            PathBuf::from("-"),
            PathBuf::from("/definitely/not/here.txt"),
        ]);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].as_ref().unwrap(), Path::new("-"));
        let err = got[1].as_ref().unwrap_err();
        assert_eq!(
            err.to_string(),
            "/definitely/not/here.txt: no such file or directory"
        );
    }
}
