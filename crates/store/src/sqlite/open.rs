//! Opening a database: for writing (creating it if needed) or read-only for queries, and
//! refusing, without changing a byte of it, any file that is not an attache database.
//!
//! An attache database carries [`APPLICATION_ID`] in its header (`PRAGMA application_id`).
//! Databases made before the id existed (id 0, attache's tables, a known schema version) are
//! recognised and stamped by the next writer. Anything else is another program's file: it is
//! refused before a connection is opened on it when its header already says so, and otherwise
//! after a read-only look, so that no table, version, journal mode or side file is added.

use super::sql_error;
use crate::StoreError;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::io::Read;
use std::path::Path;
use std::time::Duration;

/// `PRAGMA application_id` of attache databases: the bytes "ATTC".
pub const APPLICATION_ID: i32 = 0x4154_5443;

/// How long a connection waits for another process's lock before giving up.
pub(super) const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Tables whose presence marks a database made by attache before it stamped its id.
const ATTACHE_TABLES: &[&str] = &[
    "documents",
    "mentions",
    "events",
    "merge_keys",
    "event_mentions",
    "participants",
];

/// What a file holds, as far as opening it is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// No file, a zero-length file, or an SQLite database with nothing in it.
    Empty,
    /// An attache database (stamped, or an older one made before the stamp).
    Attache,
}

fn refuse(path: &Path, why: &str) -> StoreError {
    StoreError::ForeignDatabase {
        path: path.to_path_buf(),
        why: why.to_string(),
    }
}

/// A path that exists must be a plain file: `/dev/null`, a directory or a pipe is refused
/// (SQLite would otherwise create `/dev/null-journal` beside it).
fn check_plain_file(path: &Path) -> Result<bool, StoreError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(true),
        Ok(_) => Err(StoreError::NotAFile {
            path: path.to_path_buf(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// The first 100 bytes of the file (its SQLite header), fewer if it is shorter.
fn read_header(path: &Path) -> Result<Vec<u8>, StoreError> {
    let mut header = Vec::with_capacity(100);
    std::fs::File::open(path)
        .and_then(|f| f.take(100).read_to_end(&mut header))
        .map_err(|source| StoreError::Read {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(header)
}

/// What the header alone tells: `Some` when it settles the question, `None` when SQLite must
/// look (application id 0: an older attache database, an empty one, or another program's).
fn judge_header(path: &Path, header: &[u8]) -> Result<Option<Found>, StoreError> {
    if header.is_empty() {
        return Ok(Some(Found::Empty));
    }
    if header.len() < 100 || !header.starts_with(b"SQLite format 3\0") {
        return Err(refuse(path, "not an SQLite file"));
    }
    let id = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    match id {
        APPLICATION_ID => Ok(Some(Found::Attache)),
        0 => Ok(None),
        other => Err(refuse(path, &format!("application id {other:#010x}"))),
    }
}

/// What an open connection shows: the id, the schema version and the tables.
fn judge_contents(conn: &Connection, path: &Path) -> Result<Found, StoreError> {
    let err = sql_error(path, "reading the database header");
    let id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => refuse(path, "not an SQLite file"),
            _ => err(e),
        })?;
    if id == APPLICATION_ID {
        return Ok(Found::Attache);
    }
    if id != 0 {
        return Err(refuse(path, &format!("application id {id:#010x}")));
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(&err)?;
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .map_err(&err)?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .map_err(&err)?
        .collect::<Result<_, _>>()
        .map_err(&err)?;
    if tables.is_empty() && version == 0 {
        return Ok(Found::Empty);
    }
    let ours = ATTACHE_TABLES
        .iter()
        .all(|t| tables.iter().any(|name| name == t));
    if ours && version >= 1 {
        return Ok(Found::Attache);
    }
    Err(refuse(path, "its tables are another program's"))
}

/// Looks at an existing file without changing it: a read-only connection (no journal mode,
/// no version, no tables written) after the header has been checked by hand.
fn inspect(path: &Path) -> Result<Found, StoreError> {
    if !check_plain_file(path)? {
        return Ok(Found::Empty);
    }
    if let Some(found) = judge_header(path, &read_header(path)?)? {
        return Ok(found);
    }
    let conn = open_read_connection(path)?;
    judge_contents(&conn, path)
}

/// A read-only connection. A database in a folder this user cannot write, with no `-wal`
/// file (so nobody is writing it), is opened as immutable: SQLite would otherwise need to
/// create the `-shm` file there.
fn open_read_connection(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)
        .map_err(sql_error(path, "cannot open database"))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(sql_error(path, "setting busy timeout"))?;
    // A first read shows whether the WAL index can be used.
    match conn.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0)) {
        Ok(_) => Ok(conn),
        Err(e)
            if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
            ) =>
        {
            let wal = format!("{}-wal", path.display());
            if Path::new(&wal).exists() {
                return Err(sql_error(path, "cannot open database")(e));
            }
            open_immutable(path)
        }
        Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
            Err(refuse(path, "not an SQLite file"))
        }
        Err(e) => Err(sql_error(path, "cannot open database")(e)),
    }
}

fn open_immutable(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let mut uri = String::from("file:");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'?' | b'#' | b'%' => uri.push_str(&format!("%{byte:02X}")),
            _ => uri.push(char::from(byte)),
        }
    }
    uri.push_str("?immutable=1");
    Connection::open_with_flags(&uri, flags).map_err(sql_error(path, "cannot open database"))
}

/// A connection for queries: the file must already be an attache database.
pub(super) fn read_only(path: &Path) -> Result<Connection, StoreError> {
    if !check_plain_file(path)? {
        return Err(StoreError::Missing {
            path: path.to_path_buf(),
        });
    }
    if let Some(Found::Empty) = judge_header(path, &read_header(path)?)? {
        return Err(refuse(
            path,
            "an empty file; `attache ingest` makes a database",
        ));
    }
    let conn = open_read_connection(path)?;
    match judge_contents(&conn, path)? {
        Found::Attache => {}
        Found::Empty => {
            return Err(refuse(path, "an empty database; `attache ingest` fills it"));
        }
    }
    conn.execute_batch("PRAGMA query_only = ON")
        .map_err(sql_error(path, "configuring database"))?;
    Ok(conn)
}

/// A connection for writing: a new or empty file becomes an attache database, an older one
/// is stamped; another program's file is refused before a writable connection exists.
pub(super) fn read_write(path: &Path) -> Result<Connection, StoreError> {
    inspect(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags)
        .map_err(sql_error(path, "cannot open database"))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(sql_error(path, "setting busy timeout"))?;
    claim(&mut conn, path)?;
    Ok(conn)
}

/// Stamps the application id under the write lock, judging the file again there: another
/// process may have created or changed it since [`inspect`] looked.
fn claim(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let err = sql_error(path, "claiming the database");
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(&err)?;
    judge_contents(&tx, path)?;
    let id: i32 = tx
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(&err)?;
    if id != APPLICATION_ID {
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(&err)?;
    }
    tx.commit().map_err(&err)
}
