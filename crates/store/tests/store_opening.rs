//! Opening databases: queries open read-only, another program's SQLite file is refused without
//! a byte of it changing, writers take the write lock up front and wait for each other.

use attache_event::{Actor, Event, EventCategory, Mention, Modality, SentenceRef, Trigger};
use attache_store::{APPLICATION_ID, EventStore, Filter, IngestDocument, NoGroups, SqliteStore};
use attache_testkit::ScratchDir;
use attache_text::{Document, Publication};
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const SENTENCE: &str = "Italy expelled 30 Russian diplomats on Tuesday.";

fn actor(text: &str, code: &str) -> Actor {
    let start = SENTENCE.find(text).unwrap();
    Actor {
        text: text.to_string(),
        country: Some(code.to_string()),
        sector: None,
        span: [start, start + text.len()],
        country_from: None,
    }
}

/// A document reporting Italy's expulsion, under `id`.
fn report(id: &str) -> IngestDocument {
    let event = Event {
        doc_id: id.to_string(),
        event: EventCategory::Sanction,
        mode: Some("expel".to_string()),
        context: Vec::new(),
        cameo: None,
        actors: vec![actor("Italy", "ITA")],
        recipients: vec![actor("Russian", "RUS")],
        quantity: None,
        other_quantities: Vec::new(),
        casualties: Default::default(),
        date: None,
        planned: None,
        location: None,
        attribution: None,
        modality: Modality::Asserted,
        aggregate: false,
        trigger: Trigger {
            text: "expelled".to_string(),
            span: [6, 14],
        },
        sentence: SentenceRef {
            index: 0,
            span: [0, SENTENCE.len()],
            text: SENTENCE.into(),
        },
        mentions: vec![Mention {
            sentence: 0,
            span: [0, SENTENCE.len()],
            text: SENTENCE.to_string(),
        }],
        published: None,
    };
    IngestDocument {
        document: Document {
            id: id.to_string(),
            text: SENTENCE.to_string(),
            publication: Publication {
                published: None,
                url: None,
                title: None,
                source: Some(format!("outlet {id}")),
            },
        },
        events: vec![event],
        coded: true,
    }
}

/// Every file in `dir` with its length and a hash of its bytes: what "untouched" is checked
/// against.
fn snapshot(dir: &Path) -> BTreeMap<String, (usize, u64)> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
            });
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, (bytes.len(), hash))
        })
        .collect()
}

/// A customers database as another program would leave it (rollback journal, no id).
fn customers_db(dir: &Path, table: &str) -> PathBuf {
    let path = dir.join("customers.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(&format!(
        "CREATE TABLE {table} (id INTEGER PRIMARY KEY, name TEXT);
         INSERT INTO {table} (name) VALUES ('Ada'), ('Grace');"
    ))
    .unwrap();
    path
}

fn assert_refused(result: Result<SqliteStore, attache_store::StoreError>) -> String {
    match result {
        Ok(_) => panic!("another program's file was opened"),
        Err(e) => {
            assert!(
                matches!(e, attache_store::StoreError::ForeignDatabase { .. }),
                "{e}"
            );
            e.to_string()
        }
    }
}

#[test]
fn another_programs_database_is_refused_untouched() {
    for table in ["customers", "documents"] {
        let dir = ScratchDir::new("store-open", &format!("foreign-{table}"));
        let path = customers_db(&dir, table);
        let before = snapshot(&dir);
        let message = assert_refused(SqliteStore::open_read_only(&path));
        // The refusal names the file and does not print attache's schema.
        assert!(message.contains("customers.db"), "{message}");
        assert!(!message.contains("CREATE"), "{message}");
        assert_refused(SqliteStore::open(&path));
        assert_eq!(snapshot(&dir), before, "the file or its folder changed");
        let conn = Connection::open(&path).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete");
    }
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = ScratchDir::new("store-open", "text-file");
    let path = dir.join("notes.db");
    std::fs::write(&path, "Italy expelled 30 Russian diplomats.\n".repeat(20)).unwrap();
    let before = snapshot(&dir);
    assert_refused(SqliteStore::open_read_only(&path));
    assert_refused(SqliteStore::open(&path));
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn an_empty_file_is_not_adopted_by_a_query_but_a_writer_may_fill_it() {
    let dir = ScratchDir::new("store-open", "empty");
    let path = dir.join("empty.db");
    std::fs::write(&path, "").unwrap();
    let before = snapshot(&dir);
    assert_refused(SqliteStore::open_read_only(&path));
    assert_eq!(snapshot(&dir), before);
    let mut store = SqliteStore::open(&path).unwrap();
    store.ingest_batch(&[report("a")]).unwrap();
    drop(store);
    let store = SqliteStore::open_read_only(&path).unwrap();
    assert_eq!(store.stats().unwrap().documents, 1);
}

#[test]
fn a_missing_database_is_an_error_for_queries_and_creates_nothing() {
    let dir = ScratchDir::new("store-open", "missing");
    let path = dir.join("attache.db");
    let error = SqliteStore::open_read_only(&path).err().unwrap();
    assert!(
        matches!(error, attache_store::StoreError::Missing { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("no database here"), "{error}");
    assert!(snapshot(&dir).is_empty());
}

#[test]
fn a_device_is_not_a_database() {
    // SQLite would create `/dev/null-journal` beside it.
    let dev_null = Path::new("/dev/null");
    if !dev_null.exists() {
        eprintln!("SKIPPED: no /dev/null here");
        return;
    }
    for result in [
        SqliteStore::open(dev_null),
        SqliteStore::open_read_only(dev_null),
    ] {
        let error = result.err().unwrap();
        assert!(
            matches!(error, attache_store::StoreError::NotAFile { .. }),
            "{error}"
        );
    }
    let dir = ScratchDir::new("store-open", "directory");
    assert!(SqliteStore::open(&dir).is_err());
}

#[test]
fn new_databases_carry_attache_application_id_and_older_ones_are_stamped() {
    let dir = ScratchDir::new("store-open", "stamp");
    let path = dir.join("attache.db");
    SqliteStore::open(&path)
        .unwrap()
        .ingest_batch(&[report("a")])
        .unwrap();
    let id = |path: &Path| -> i32 {
        Connection::open(path)
            .unwrap()
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(id(&path), APPLICATION_ID);
    // A database from before the id: attache's tables, schema version 1, id 0.
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "application_id", 0)
        .unwrap();
    let reader = SqliteStore::open_read_only(&path).unwrap();
    assert_eq!(reader.stats().unwrap().documents, 1);
    drop(reader);
    assert_eq!(id(&path), 0, "a reader wrote the id");
    drop(SqliteStore::open(&path).unwrap());
    assert_eq!(id(&path), APPLICATION_ID);
}

#[test]
fn queries_open_read_only_and_write_nothing() {
    let dir = ScratchDir::new("store-open", "read-only");
    let path = dir.join("attache.db");
    SqliteStore::open(&path)
        .unwrap()
        .ingest_batch(&[report("a"), report("b")])
        .unwrap();
    // The last connection closed: the WAL is checkpointed and its files removed.
    let before = snapshot(&dir);
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions.clone()).unwrap();
    std::fs::set_permissions(&*dir, permissions).unwrap();
    let result = (|| {
        let mut store = SqliteStore::open_read_only(&path)?;
        let events = store.events(&Filter::default(), &NoGroups)?;
        let written = store.ingest_batch(&[report("c")]);
        Ok::<_, attache_store::StoreError>((events.len(), written.is_err()))
    })();
    let mut permissions = std::fs::metadata(&*dir).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&*dir, permissions.clone()).unwrap();
    std::fs::set_permissions(&path, permissions).unwrap();
    let (events, refused_write) = result.unwrap();
    assert_eq!(events, 1);
    assert!(refused_write, "a read-only store accepted a write");
    // SQLite may add the WAL index beside the file (where the folder lets it: as root here),
    // but the database itself is not written.
    let after = snapshot(&dir);
    assert_eq!(
        after["attache.db"], before["attache.db"],
        "a query wrote the database"
    );
    assert!(after.keys().all(|name| name.starts_with("attache.db")));
}

#[test]
fn writers_at_once_all_finish() {
    let dir = ScratchDir::new("store-open", "two-writers");
    let path = dir.join("attache.db");
    let writers: Vec<_> = (0..3)
        .map(|writer| {
            let path = path.clone();
            std::thread::spawn(move || -> Result<(), String> {
                let mut store = SqliteStore::open(&path).map_err(|e| e.to_string())?;
                for batch in 0..30 {
                    let docs: Vec<_> = (0..8)
                        .map(|n| report(&format!("w{writer}-{batch}-{n}")))
                        .collect();
                    store.ingest_batch(&docs).map_err(|e| e.to_string())?;
                    // Readers in between, as an ingest looks up stored hashes.
                    store.document_hash("w0-0-0").map_err(|e| e.to_string())?;
                }
                Ok(())
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap().unwrap();
    }
    let store = SqliteStore::open_read_only(&path).unwrap();
    assert_eq!(store.stats().unwrap().documents, 720);
    assert!(store.check_consistency().unwrap().is_empty());
}

#[test]
fn a_writer_waits_for_another_writers_transaction() {
    let dir = ScratchDir::new("store-open", "wait");
    let path = dir.join("attache.db");
    let mut store = SqliteStore::open(&path).unwrap();
    store.ingest_batch(&[report("first")]).unwrap();
    // Another process holds the write lock for a moment and then commits.
    let (locked, wait_locked) = std::sync::mpsc::channel();
    let other = {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut conn = Connection::open(&path).unwrap();
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .unwrap();
            tx.execute("UPDATE documents SET title = 'held' WHERE id = 'first'", [])
                .unwrap();
            locked.send(()).unwrap();
            std::thread::sleep(std::time::Duration::from_millis(300));
            tx.commit().unwrap();
        })
    };
    wait_locked.recv().unwrap();
    // A transaction that read before writing could not wait: its snapshot goes stale when
    // the other commits, and SQLite fails it at once with "database is locked".
    let stored = store.ingest_batch(&[report("second")]);
    other.join().unwrap();
    assert!(stored.is_ok(), "{:?}", stored.err());
    assert_eq!(store.stats().unwrap().documents, 2);
}

#[test]
fn an_uncoded_document_never_replaces_a_changed_stored_version() {
    let dir = ScratchDir::new("store-open", "stale");
    let mut store = SqliteStore::open(&dir.join("attache.db")).unwrap();
    store.ingest_batch(&[report("x")]).unwrap();
    // Another writer (or an earlier document of the run) replaces X's text...
    let mut changed = report("x");
    changed.document.text.push_str(" Denmark expelled 15.");
    store.ingest_batch(&[changed]).unwrap();
    // ...after this caller had judged X unchanged and skipped coding it.
    let summary = store
        .ingest_batch(&[IngestDocument::uncoded(report("x").document)])
        .unwrap();
    assert_eq!(summary.stale, ["x"]);
    assert_eq!((summary.replaced, summary.unchanged), (0, 0));
    assert_eq!(
        store.stats().unwrap().mentions,
        1,
        "the coded events were dropped"
    );
    let summary = store
        .ingest_batch(&[IngestDocument::uncoded(report("y").document)])
        .unwrap();
    assert_eq!(summary.stale, ["y"], "an uncoded new document was stored");
}

#[test]
fn a_store_from_before_document_words_counts_its_documents_when_upgraded() {
    let dir = ScratchDir::new("store-open", "document-words");
    let path = dir.join("attache.db");
    SqliteStore::open(&path)
        .unwrap()
        .ingest_batch(&[report("a"), report("b")])
        .unwrap();
    // The store as schema version 5 left it: no word counts, no documents counted.
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TABLE document_words; DELETE FROM settings WHERE key = 'documents_counted'; \
         DROP TABLE document_clusters; DROP TABLE clusters; PRAGMA user_version = 5;",
    )
    .unwrap();
    drop(conn);
    drop(SqliteStore::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let counted: String = conn
        .query_row(
            "SELECT value FROM settings WHERE key = 'documents_counted'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(counted, "2");
    let italy: u32 = conn
        .query_row(
            "SELECT documents FROM document_words WHERE word = 'italy'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(italy, 2);
}

/// A report of Italy's expulsion in a document long enough to have a vector (and so a
/// cluster of documents).
fn long_report(id: &str) -> IngestDocument {
    let mut item = report(id);
    item.document.text = format!(
        "{SENTENCE} The foreign ministry in Rome said the diplomats had been given a week to \
         leave the country. Moscow called the expulsion unfriendly and promised a response. \
         Other European governments, including Spain and Denmark, expelled diplomats as well \
         after reports of killings of civilians near Kyiv."
    );
    item
}

fn clusters_of(path: &Path) -> Vec<(String, i64)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT document, cluster FROM document_clusters ORDER BY document")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn a_store_from_before_clusters_clusters_its_documents_when_upgraded_and_ingests_on() {
    let dir = ScratchDir::new("store-open", "clusters");
    let path = dir.join("attache.db");
    SqliteStore::open(&path)
        .unwrap()
        .ingest_batch(&[long_report("a"), long_report("b")])
        .unwrap();
    let fresh = clusters_of(&path);
    assert_eq!(fresh.len(), 2, "{fresh:?}");
    assert_eq!(fresh[0].1, fresh[1].1, "one story, one cluster");
    // The store as schema version 6 left it: no clusters.
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TABLE document_clusters; DROP TABLE clusters; PRAGMA user_version = 6;",
    )
    .unwrap();
    drop(conn);
    let mut store = SqliteStore::open(&path).unwrap();
    let upgraded = clusters_of(&path);
    assert_eq!(upgraded.len(), 2, "{upgraded:?}");
    assert_eq!(upgraded[0].1, upgraded[1].1);
    // A document ingested after the upgrade joins the cluster, and its report the event.
    let summary = store.ingest_batch(&[long_report("c")]).unwrap();
    assert_eq!(summary.merged, 1, "{summary:?}");
    let after = clusters_of(&path);
    assert_eq!(after.len(), 3);
    assert!(after.iter().all(|(_, c)| *c == upgraded[0].1), "{after:?}");
    assert!(store.check_consistency().unwrap().is_empty());
    let events = store.events(&Filter::default(), &NoGroups).unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
}

/// Everything a batch computes from the documents before it: word counts, clusters, vectors,
/// merged events.
fn computed(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let queries = [
        "SELECT word || '=' || documents FROM document_words ORDER BY word",
        "SELECT key || '=' || value FROM settings ORDER BY key",
        "SELECT id || ' ' || documents || ' ' || hex(centroid) FROM clusters ORDER BY id",
        "SELECT document || ' ' || cluster || ' ' || ifnull(similarity, '-') || ' ' \
         || hex(vector) FROM document_clusters ORDER BY document",
        "SELECT id || ' ' || merged FROM events ORDER BY id",
    ];
    let mut out = Vec::new();
    for sql in queries {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

/// A writer keeps word counts and clusters in memory from one batch to the next: a batch
/// another connection commits in between must not be missed.
#[test]
fn batches_store_the_same_as_one_batch_whoever_wrote_between_them() {
    let dir = ScratchDir::new("store-open", "batches");
    let documents: Vec<IngestDocument> = ["a", "b", "c", "d", "e"]
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let mut item = long_report(id);
            // Words of their own as well as the story's, so that the counts move.
            let extra = ["Warsaw", "Prague", "Lisbon", "Vienna", "Dublin"];
            item.document.text.push_str(&format!(
                " Officials in {} expelled diplomats too.",
                extra[i]
            ));
            item
        })
        .collect();
    let one = dir.join("one.db");
    SqliteStore::open(&one)
        .unwrap()
        .ingest_batch(&documents)
        .unwrap();
    let many = dir.join("many.db");
    let mut writer = SqliteStore::open(&many).unwrap();
    writer.ingest_batch(&documents[..2]).unwrap();
    writer.ingest_batch(&documents[2..3]).unwrap();
    SqliteStore::open(&many)
        .unwrap()
        .ingest_batch(&documents[3..4])
        .unwrap();
    writer.ingest_batch(&documents[4..]).unwrap();
    let expected = computed(&one);
    assert!(expected.iter().any(|row| row.starts_with("warsaw=1")));
    assert_eq!(computed(&many), expected);
    assert!(writer.check_consistency().unwrap().is_empty());
}
