//! `attache ingest` across documents on short real reports: what must merge and what must not.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

/// The store of test `name`.
fn store_of(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("store-merge-{name}"))
        .join("attache.db")
}

/// Runs `attache ARGS` on the store of test `name`; its standard output.
fn run(name: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(args)
        .env("ATTACHE_DB", store_of(name))
        .output()
        .expect("attache runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Ingests `reports` (JSON lines) into a fresh store; the `attache events` listing.
fn ingest_and_list(name: &str, reports: &str) -> String {
    let db = store_of(name);
    let dir = db.parent().unwrap();
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).unwrap();
    let input = dir.join("reports.jsonl");
    fs::write(&input, reports).unwrap();
    run(name, &["ingest", input.to_str().unwrap()]);
    run(name, &["events"])
}

/// The SOURCES column of each listed event.
fn sources(listing: &str) -> Vec<String> {
    listing
        .lines()
        .skip(1)
        .filter_map(|l| l.rsplit("  ").next())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && !s.ends_with("events"))
        .collect()
}

#[test]
fn two_undated_fires_at_one_church_stay_apart_and_two_reports_of_one_fire_merge() {
    let reports = r#"{"id": "fire-2008", "text": "Arsonists burned the Grace Community Church in Springfield, Illinois, last night. Firefighters said the church was destroyed."}
{"id": "fire-2013", "text": "Five years after its first fire, the Grace Community Church in Illinois was burned again. Pastor Tom Hadley said Sunday services would move to the gym of Lincoln Elementary School. Fire Chief Maria Lopez said the State Fire Marshal had been called in."}
{"id": "fire-2008-b", "text": "Arsonists burned the Grace Community Church in Springfield, Illinois, overnight, police said. Firefighters said the church was destroyed."}
"#;
    let listing = ingest_and_list("church-fires", reports);
    let events = sources(&listing);
    assert!(
        events.iter().any(|s| s == "fire-2008; fire-2008-b"),
        "{listing}"
    );
    assert!(events.iter().any(|s| s == "fire-2013"), "{listing}");
}

/// A custody act told with no doer gets the state as its implied doer, the same for every such
/// act of the report: the arrest and the jailing of one gang are two events, though both read
/// "GBR" and name no one else. The same detention told with no doer in one report and by the
/// police in another is one event, on what the two say alike.
#[test]
fn implied_doers_of_two_custody_acts_stay_apart_and_one_detention_told_twice_joins() {
    let reports = r#"{"id": "smuggling", "published": "2005-03-02", "text": "British customs officers found cannabis worth £2m hidden in a lorry at Dover, in Kent. All five were arrested at the port. The court in London heard that the gang had used the same route for years. They were all jailed for eight years."}
{"id": "minsk-a", "published": "2005-03-05", "text": "Three journalists were detained in Minsk on Friday after covering an opposition rally. Their editor said the reporters had done nothing wrong."}
{"id": "minsk-b", "published": "2005-03-05", "text": "Police in Belarus detained three journalists in Minsk on Friday as they covered an opposition rally, their newspaper said."}
"#;
    let listing = ingest_and_list("implied-doers", reports);
    let events = sources(&listing);
    let smuggling = events.iter().filter(|s| *s == "smuggling").count();
    assert_eq!(smuggling, 2, "the arrest and the jailing: {listing}");
    assert!(events.iter().any(|s| s == "minsk-a; minsk-b"), "{listing}");
    let show = run("implied-doers", &["show", "3"]);
    assert!(
        show.contains("implied doer {BLR} taken as unknown"),
        "{show}"
    );
}

/// Labour's telephoning and the Conservatives' are two events, in one report as in two: a
/// government and its opposition are two actors of one country.
#[test]
fn two_parties_telephoning_voters_stay_apart() {
    let reports = r#"{"id": "calls", "published": "2005-03-02", "text": "The Liberal Democrats say Labour is telephoning voters who have asked not to receive marketing calls. The Conservatives are also telephoning voters on the list, the party's critics say."}
{"id": "labour-calls", "published": "2005-03-02", "text": "Labour is telephoning voters who asked not to get marketing calls, the Liberal Democrats said."}
{"id": "tory-calls", "published": "2005-03-03", "text": "The Conservatives are telephoning voters who asked not to get marketing calls, the Liberal Democrats said."}
"#;
    let listing = ingest_and_list("two-parties", reports);
    let phone: Vec<&str> = listing
        .lines()
        .filter(|l| l.contains("CONSULT/phone"))
        .collect();
    assert_eq!(phone.len(), 2, "{listing}");
    for line in phone {
        let id = line.split_whitespace().next().unwrap();
        let show = run("two-parties", &["show", id]);
        let labour = show.contains("«Labour» is «telephoning»");
        let tories = show.contains("«Conservatives» are");
        assert!(labour != tories, "one party per event: {show}");
    }
}
