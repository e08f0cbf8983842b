//! `attache serve` from the command line: it refuses to listen beyond loopback without a token,
//! and answers on loopback over a store `attache ingest` made.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn attache() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_attache"));
    command.env_remove("ATTACHE_TOKEN").env_remove("ATTACHE_DB");
    command
}

fn store(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("serve-cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("events.db");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let ingest = attache()
        .arg("ingest")
        .arg(root.join("examples/expulsions-2022-04-05.txt"))
        .args(["--published", "2022-04-05", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(ingest.status.success(), "{ingest:?}");
    db
}

#[test]
fn beyond_loopback_needs_a_token() {
    let db = store("token");
    let refused = attache()
        .args(["serve", "--addr", "0.0.0.0:0", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("--token or ATTACHE_TOKEN"), "{message}");
    let missing = attache()
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--db",
            "/nonexistent/events.db",
        ])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no database"));
}

#[test]
fn serves_the_store_on_loopback() {
    let db = store("loopback");
    let mut server = attache()
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut banner = String::new();
    BufReader::new(server.stderr.take().unwrap())
        .read_line(&mut banner)
        .unwrap();
    let addr = banner
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {banner:?}"))
        .to_string();
    let mut stream = TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "GET /api/tally?recipient=RUS HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"group\":\"POL\""), "{answer}");
}
