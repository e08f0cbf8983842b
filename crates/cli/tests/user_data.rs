//! A user's dictionaries at run time (`--lexicon`, `--triggers`, `ATTACHE_DATA`), checked with
//! file:line errors, and filters that take names and refuse unknown values with suggestions.

use attache_testkit::ScratchDir;
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn attache(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_attache"));
    command
        .current_dir(dir)
        .args(args)
        .env_remove("ATTACHE_DATA");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("attache runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The events `attache extract` writes, as JSON.
fn events(output: &Output) -> Vec<Value> {
    assert!(output.status.success(), "{}", stderr(output));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const TEXT: &str = "Ivan Zolotov expelled 12 Estonian diplomats on Monday. \
                    Poland evicted 45 Russian diplomats on Tuesday.\n";

/// A data directory laid out like the shipped `data/`: a person and a trigger.
fn user_data(dir: &Path) {
    fs::create_dir_all(dir.join("data/lexicon")).unwrap();
    fs::create_dir_all(dir.join("data/coder")).unwrap();
    fs::write(
        dir.join("data/lexicon/persons.tsv"),
        "# A user's people.\nperson\tRUS\tGOV\tIvan Zolotov\tZolotov\n",
    )
    .unwrap();
    fs::write(
        dir.join("data/coder/triggers.tsv"),
        "lemma\tupos\tcategory\tmode\tcontext\tcameo\twith\n\
         evict\tVERB\tSANCTION\texpel\tdiplomatic\t166\t-\n",
    )
    .unwrap();
}

fn actors_of(events: &[Value], trigger: &str) -> Option<Vec<String>> {
    let event = events.iter().find(|e| e["trigger"]["text"] == trigger)?;
    let actors = event["actors"].as_array()?;
    Some(
        actors
            .iter()
            .filter_map(|a| a["country"].as_str().map(String::from))
            .collect(),
    )
}

#[test]
fn a_user_person_and_trigger_change_the_output_without_a_rebuild() {
    let dir = ScratchDir::new("user-data", "extend");
    user_data(&dir);
    fs::write(dir.join("report.txt"), TEXT).unwrap();
    let run = |extra: &[&str], env: &[(&str, &Path)]| {
        let mut args = vec!["extract", "report.txt", "--published", "2022-04-06"];
        args.extend_from_slice(extra);
        events(&attache(&dir, &args, env))
    };
    let shipped = run(&[], &[]);
    assert_eq!(actors_of(&shipped, "evicted"), None, "{shipped:?}");
    assert_ne!(
        actors_of(&shipped, "expelled"),
        Some(vec!["RUS".to_string()])
    );
    let flags = [
        "--lexicon",
        "data/lexicon",
        "--triggers",
        "data/coder/triggers.tsv",
    ];
    for user in [
        run(&flags, &[]),
        run(&[], &[("ATTACHE_DATA", &dir.join("data"))]),
    ] {
        assert_eq!(actors_of(&user, "expelled"), Some(vec!["RUS".into()]));
        assert_eq!(actors_of(&user, "evicted"), Some(vec!["POL".into()]));
        let evicted = user.iter().find(|e| e["trigger"]["text"] == "evicted");
        assert_eq!(evicted.unwrap()["mode"], "expel");
    }
    let found = attache(
        &dir,
        &["lexicon", "find", "Zolotov", "--lexicon", "data/lexicon"],
        &[],
    );
    let shown = String::from_utf8_lossy(&found.stdout);
    assert!(shown.contains("person Ivan Zolotov -> RUS GOV"), "{shown}");
}

#[test]
fn a_broken_user_file_is_named_with_its_line() {
    let dir = ScratchDir::new("user-data", "broken");
    user_data(&dir);
    fs::write(
        dir.join("data/lexicon/persons.tsv"),
        "person\tRUS\tGOV\tIvan Zolotov\nperson\tXXX\tGOV\tNobody Known\n",
    )
    .unwrap();
    let check = attache(&dir, &["lexicon", "check", "data/lexicon"], &[]);
    assert_eq!(check.status.code(), Some(1));
    let message = stderr(&check);
    assert!(
        message.contains("data/lexicon/persons.tsv:2: "),
        "{message}"
    );
    assert!(message.contains("XXX"), "{message}");
    fs::write(dir.join("report.txt"), TEXT).unwrap();
    let extract = attache(
        &dir,
        &["extract", "report.txt", "--lexicon", "data/lexicon"],
        &[],
    );
    assert!(!extract.status.success());
    assert!(
        stderr(&extract).contains("persons.tsv:2: "),
        "{}",
        stderr(&extract)
    );
    fs::write(
        dir.join("data/coder/triggers.tsv"),
        "lemma\tupos\tcategory\tmode\tcontext\tcameo\twith\nevict\tVERB\tEVICT\t-\t-\t-\t-\n",
    )
    .unwrap();
    let triggers = attache(
        &dir,
        &[
            "lexicon",
            "check",
            "data/lexicon",
            "--triggers",
            "data/coder/triggers.tsv",
        ],
        &[],
    );
    assert!(!triggers.status.success());
    let fixed = "person\tRUS\tGOV\tIvan Zolotov\n";
    fs::write(dir.join("data/lexicon/persons.tsv"), fixed).unwrap();
    let triggers = attache(
        &dir,
        &[
            "lexicon",
            "check",
            "data/lexicon",
            "--triggers",
            "data/coder/triggers.tsv",
        ],
        &[],
    );
    assert!(
        stderr(&triggers).contains("triggers.tsv:2: "),
        "{}",
        stderr(&triggers)
    );
    let good = attache(&dir, &["lexicon", "check", "data/lexicon"], &[]);
    assert!(good.status.success(), "{}", stderr(&good));
}

#[test]
fn filters_take_names_and_refuse_what_they_do_not_know() {
    let dir = ScratchDir::new("user-data", "filters");
    fs::write(dir.join("report.txt"), TEXT).unwrap();
    let ingest = attache(
        &dir,
        &["ingest", "report.txt", "--published", "2022-04-06"],
        &[],
    );
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let listed = |args: &[&str]| {
        attache(
            &dir,
            &[&["events", "--format", "jsonl"], args].concat(),
            &[],
        )
    };
    let by_name = listed(&["--recipient", "Russia", "--mode", "EXPEL"]);
    let by_code = listed(&["--recipient", "RUS", "--mode", "expel"]);
    assert!(by_name.status.success(), "{}", stderr(&by_name));
    assert_eq!(by_name.stdout, by_code.stdout);
    let typo = listed(&["--recipient", "Rusia"]);
    assert!(!typo.status.success());
    assert!(
        stderr(&typo).contains("did you mean RUS (Russia)"),
        "{}",
        stderr(&typo)
    );
    let mode = listed(&["--mode", "expell"]);
    assert!(!mode.status.success());
    assert!(
        stderr(&mode).contains("did you mean expel"),
        "{}",
        stderr(&mode)
    );
}
