//! Test support: a store of the founding article (and a hostile report), a server on a free
//! loopback port, and plain HTTP requests over std::net.
#![allow(dead_code)]

pub mod webdriver;

use attache_coder::Extractor;
use attache_pipeline::LexiconGroups;
use attache_store::{EventStore, IngestDocument, SqliteStore};
use attache_text::{Document, Publication};
use chrono::NaiveDate;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

pub const FOUNDING: &str = "examples/expulsions-2022-04-05.txt";
/// A report whose title and text carry markup that must show as text.
pub const HOSTILE_TITLE: &str = "<script>alert(1)</script> Hungary";
pub const HOSTILE_TEXT: &str = "Hungary expelled 12 Russian diplomats on Monday, \
    <script>alert(1)</script> the foreign ministry said.\n";

/// The workspace root, from this crate's own manifest directory.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::load_default().expect("the shipped model loads"))
}

fn document(id: &str, text: String, title: Option<&str>, url: Option<&str>) -> Document {
    Document {
        id: id.to_string(),
        text,
        publication: Publication {
            published: NaiveDate::from_ymd_opt(2022, 4, 5),
            url: url.map(String::from),
            title: title.map(String::from),
            source: None,
        },
    }
}

/// The store `attache ingest examples/expulsions-2022-04-05.txt --published 2022-04-05` makes,
/// with the hostile report beside it.
pub fn founding_store(dir: &Path) -> PathBuf {
    store(dir, true)
}

/// The founding article's store alone.
pub fn founding_store_only(dir: &Path) -> PathBuf {
    store(dir, false)
}

/// Adds the hostile report to an existing store, as a second `attache ingest` would.
pub fn ingest_hostile(db: &Path) {
    let document = hostile();
    let events = extractor().extract(&document);
    let batch = [IngestDocument::coded(document, events)];
    let mut store = SqliteStore::open(db).expect("the store");
    store.ingest_batch(&batch).expect("ingest");
}

fn hostile() -> Document {
    document(
        "hostile-report.txt",
        HOSTILE_TEXT.to_string(),
        Some(HOSTILE_TITLE),
        Some("https://example.org/<script>"),
    )
}

fn store(dir: &Path, with_hostile: bool) -> PathBuf {
    let text = std::fs::read_to_string(root().join(FOUNDING)).expect("the founding article");
    let mut docs = vec![document(FOUNDING, text, None, None)];
    if with_hostile {
        docs.push(hostile());
    }
    let batch: Vec<IngestDocument> = docs
        .into_iter()
        .map(|document| {
            let events = extractor().extract(&document);
            IngestDocument::coded(document, events)
        })
        .collect();
    let path = dir.join("events.db");
    let mut store = SqliteStore::open(&path).expect("a new store");
    store.ingest_batch(&batch).expect("ingest");
    path
}

pub fn start(db: &Path, token: Option<&str>) -> attache_serve::RunningServer {
    let addr: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let config = attache_serve::ServeConfig::new(db.to_path_buf(), addr, token.map(String::from));
    attache_serve::start(config, Arc::new(LexiconGroups)).expect("the server starts")
}

pub struct Response {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Response {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// One request; `extra` holds further header lines ("Authorization: Bearer x").
pub fn request(addr: SocketAddr, method: &str, target: &str, extra: &[&str]) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    let has_host = extra
        .iter()
        .any(|h| h.to_ascii_lowercase().starts_with("host:"));
    let mut head = format!("{method} {target} HTTP/1.1\r\nConnection: close\r\n");
    if !has_host {
        head.push_str(&format!("Host: {addr}\r\n"));
    }
    for line in extra {
        head.push_str(line);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Response {
        status,
        head: head.to_string(),
        body: body.to_string(),
    }
}

pub fn get(addr: SocketAddr, target: &str) -> Response {
    request(addr, "GET", target, &[])
}
