//! `attache ingest / tally / events / show / export` end to end: idempotent ingest of the
//! founding article, bad input among good, several outlets' reports merged into one tally.

use attache_store::{EventStore, SqliteStore};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("store-cli-{name}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The tally the founding article and the wire reports are checked with.
const EXPULSIONS_OF_RUSSIANS_BY_ACTOR: [&str; 9] = [
    "tally",
    "--event",
    "SANCTION",
    "--mode",
    "expel",
    "--recipient",
    "RUS",
    "--by",
    "actor",
];

fn attache(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .env("ATTACHE_DB", db)
        .output()
        .expect("attache runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn jsonl(output: &Output) -> Vec<Value> {
    assert!(output.status.success(), "{}", stderr(output));
    stdout(output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn wire_reports() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/store/wire.jsonl")
}

fn row<'a>(rows: &'a [Value], group: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["group"] == group && r["claim"] == false)
        .unwrap_or_else(|| panic!("no row {group} in {rows:#?}"))
}

#[test]
fn ingesting_the_founding_article_twice_reports_it_unchanged() {
    let Some(article) = attache_testkit::shared_path("samples/expulsions-2022-04-05.txt") else {
        return;
    };
    let article = article.to_str().unwrap();
    let db = scratch("twice").join("attache.db");
    let args = ["ingest", article, "--published", "2022-04-05"];
    let first = attache(&db, &args);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stdout(&first).contains("documents: 1 new, 0 unchanged"),
        "{}",
        stdout(&first)
    );
    let store = SqliteStore::open(&db).unwrap();
    let before = store.stats().unwrap();

    let second = attache(&db, &args);
    assert!(second.status.success(), "{}", stderr(&second));
    let summary = stdout(&second);
    assert!(
        summary.contains("documents: 0 new, 1 unchanged, 0 replaced, 0 failed"),
        "{summary}"
    );
    assert!(
        summary.contains("events: 0; mentions merged: 0"),
        "{summary}"
    );
    assert_eq!(store.stats().unwrap(), before);
    assert!(store.check_consistency().unwrap().is_empty());
}

#[test]
fn the_founding_article_tallies_each_country_with_claims_beside() {
    let Some(article) = attache_testkit::shared_path("samples/expulsions-2022-04-05.txt") else {
        return;
    };
    let db = scratch("founding").join("attache.db");
    let ingest = attache(
        &db,
        &[
            "ingest",
            article.to_str().unwrap(),
            "--published",
            "2022-04-05",
        ],
    );
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let query = EXPULSIONS_OF_RUSSIANS_BY_ACTOR;
    let rows = jsonl(&attache(
        &db,
        &[&query[..], &["--format", "jsonl"]].concat(),
    ));
    for (country, count) in [
        ("ITA", 30),
        ("DNK", 15),
        ("SWE", 3),
        ("EST", 14),
        ("DEU", 40),
        ("POL", 45),
        ("SVK", 35),
        ("LTU", 1),
    ] {
        let r = row(&rows, country);
        assert_eq!(
            (&r["count_low"], &r["count_high"]),
            (&count.into(), &count.into()),
            "{r}"
        );
    }
    let estonia = row(&rows, "EST");
    assert!(
        estonia["other_counts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["unit"] == "diplomat" && o["count_low"] == 7),
        "{estonia}"
    );
    let spain = row(&rows, "ESP");
    assert!(spain["count_low"].is_null(), "{spain}");
    assert_eq!(spain["events_without_count"], 1);

    let claims: Vec<&Value> = rows.iter().filter(|r| r["claim"] == true).collect();
    let at_least_300 = claims
        .iter()
        .find(|c| c["count_low"] == 300)
        .expect("300 claim");
    assert!(
        at_least_300["attributions"]
            .to_string()
            .contains("Financial Times"),
        "{at_least_300}"
    );
    assert!(claims.iter().any(|c| c["count_low"] == 80), "{claims:#?}");

    let table = stdout(&attache(&db, &query));
    assert!(table.contains("(7 diplomats)"), "{table}");
    assert!(table.contains("Claims beside the tally"), "{table}");
}

#[test]
fn a_corrupt_file_among_good_ones_is_reported_and_the_rest_stored() {
    let dir = scratch("corrupt");
    let inputs = dir.join("inputs");
    fs::create_dir_all(&inputs).unwrap();
    fs::write(
        inputs.join("a.txt"),
        "Denmark expelled 15 Russian diplomats on Tuesday.",
    )
    .unwrap();
    fs::write(inputs.join("b.txt"), b"\x00\x01\x02 not text \xff\xfe").unwrap();
    fs::write(
        inputs.join("c.txt"),
        "Sweden expelled three Russian diplomats on Tuesday.",
    )
    .unwrap();
    let db = dir.join("attache.db");
    let out = attache(
        &db,
        &[
            "ingest",
            inputs.to_str().unwrap(),
            "--published",
            "2022-04-05",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("b.txt") && err.contains("binary"), "{err}");
    assert!(
        stdout(&out).contains("documents: 2 new, 0 unchanged, 0 replaced, 1 failed"),
        "{}",
        stdout(&out)
    );
    let store = SqliteStore::open(&db).unwrap();
    assert_eq!(store.stats().unwrap().documents, 2);
    assert!(store.check_consistency().unwrap().is_empty());
}

#[test]
fn query_commands_explain_a_missing_database_and_unknown_events() {
    let dir = scratch("missing");
    let db = dir.join("none.db");
    let out = attache(&db, &["events"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("none.db: no database here"),
        "{}",
        stderr(&out)
    );
    assert!(!db.exists(), "a query must not create a database");

    let text = dir.join("one.txt");
    fs::write(&text, "Nothing happened today.").unwrap();
    assert!(
        attache(&db, &["ingest", text.to_str().unwrap()])
            .status
            .success()
    );
    let out = attache(&db, &["show", "424242"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no event 424242"), "{}", stderr(&out));
    let bad = attache(&db, &["tally", "--event", "EXPEL"]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("not a PLOVER category"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn several_outlets_reports_merge_and_conflicts_show_as_ranges() {
    let db = scratch("wire").join("attache.db");
    let ingest = attache(&db, &["ingest", wire_reports().to_str().unwrap()]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let rows = jsonl(&attache(
        &db,
        &[&EXPULSIONS_OF_RUSSIANS_BY_ACTOR[..], &["--format", "jsonl"]].concat(),
    ));
    // Italy: three outlets on the April expulsion, one on May's: two events.
    let italy = row(&rows, "ITA");
    assert_eq!(italy["events"], 2, "{italy}");
    assert_eq!(
        (&italy["count_low"], &italy["count_high"]),
        (&54.into(), &54.into())
    );
    assert_eq!(italy["sources"], 4, "{italy}");
    // Spain: 25 in two reports, 27 in another: one event, a range.
    let spain = row(&rows, "ESP");
    assert_eq!(spain["events"], 1, "{spain}");
    assert_eq!(
        (&spain["count_low"], &spain["count_high"]),
        (&25.into(), &27.into())
    );
    assert_eq!(spain["conflicting"], 1);
    assert_eq!(spain["sources"], 3);

    // `show` lists every report with its document and why it was merged.
    let id = spain["event_ids"][0].as_i64().unwrap().to_string();
    let shown = stdout(&attache(&db, &["show", &id]));
    for document in [
        "afp-2022-04-06-italie",
        "elpais-2022-04-05-espana",
        "reuters-2022-04-06-spain",
    ] {
        assert!(shown.contains(document), "{shown}");
    }
    assert!(shown.contains("why: same SANCTION/expel"), "{shown}");
    assert!(shown.contains("«expelled»"), "{shown}");

    // EU as actor expands to its members at the date; export carries the mentions.
    let eu = jsonl(&attache(
        &db,
        &[
            "events",
            "--recipient",
            "RUS",
            "--actor",
            "EU",
            "--since",
            "2022-02-24",
            "--format",
            "jsonl",
        ],
    ));
    assert_eq!(eu.len(), 3);
    let exported = jsonl(&attache(
        &db,
        &["export", "--format", "jsonl", "--actor", "ESP"],
    ));
    assert_eq!(exported[0]["reports"], 3);
    assert_eq!(exported[0]["actor_codes"][0], "ESP");
    let csv = stdout(&attache(&db, &["export", "--format", "csv"]));
    assert!(csv.starts_with("event_id,date_start,date_end"), "{csv}");
}

#[test]
fn an_eu_actor_filter_expands_to_the_members_at_each_events_date() {
    let db = scratch("eu").join("attache.db");
    let reports = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/store/eu.jsonl");
    let ingest = attache(&db, &["ingest", reports.to_str().unwrap()]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let actors = |extra: &[&str]| -> Vec<String> {
        let args = [
            &[
                "events",
                "--recipient",
                "RUS",
                "--actor",
                "EU",
                "--format",
                "jsonl",
            ],
            extra,
        ]
        .concat();
        let mut found: Vec<String> = jsonl(&attache(&db, &args))
            .iter()
            .map(|e| {
                format!(
                    "{} {}",
                    e["actors"][0].as_str().unwrap(),
                    e["day"].as_str().unwrap()
                )
            })
            .collect();
        found.sort();
        found
    };
    // Britain counts as EU in 2018, not in 2022; Norway never.
    assert_eq!(
        actors(&[]),
        ["DEU 2021-12-01", "DEU 2022-04-04", "GBR 2018-03-14"]
    );
    assert_eq!(actors(&["--since", "2022-02-24"]), ["DEU 2022-04-04"]);
}
