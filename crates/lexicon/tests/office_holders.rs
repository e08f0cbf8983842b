//! office-holders.tsv: dated offices since 2015, merged with persons.tsv, and its load errors.

use attache_lexicon::{Entry, EntryKind, Lexicon};

mod common;

use common::{data_dir, dir_with};

/// The one reading of `name` (the whole text), which must be a person.
fn person<'a>(lex: &'a Lexicon, name: &str) -> &'a Entry {
    let found = lex.find(name);
    assert_eq!(found.len(), 1, "{name}: {found:?}");
    assert_eq!(found[0].text(name), name);
    assert_eq!(
        found[0].readings.len(),
        1,
        "{name}: {:?}",
        found[0].readings
    );
    let entry = found[0].entry;
    assert_eq!(entry.kind, EntryKind::Person, "{name}");
    entry
}

#[test]
fn a_role_that_changed_after_2015_is_picked_by_date() {
    let lex = Lexicon::embedded();
    // Prime minister of Poland, President of the European Council, prime minister again; in
    // persons.tsv too (with the variant "Tusk"): one entry with the dates from office-holders.tsv.
    for name in ["Donald Tusk", "Tusk"] {
        let tusk = person(lex, name);
        assert_eq!(tusk.role_at(Some("2010-05-01")), (Some("POL"), Some("GOV")));
        assert_eq!(tusk.role_at(Some("2014-12-01")), (Some("EU"), Some("IGO")));
        assert_eq!(
            tusk.role_at(Some("2016-06-23T08:00:00Z")),
            (Some("EU"), Some("IGO"))
        );
        assert_eq!(tusk.role_at(Some("2019-11-30")), (Some("EU"), Some("IGO")));
        assert_eq!(tusk.role_at(Some("2024-03-01")), (Some("POL"), Some("GOV")));
        // Out of office (2019-2023): the undated role, as persons.tsv has it.
        assert_eq!(tusk.role_at(Some("2021-01-01")), (Some("POL"), Some("GOV")));
        assert_eq!(tusk.role_at(None), (Some("POL"), Some("GOV")));
    }
    // A prime minister who became NATO Secretary General.
    let rutte = person(lex, "Mark Rutte");
    assert_eq!(
        rutte.role_at(Some("2020-01-01")),
        (Some("NLD"), Some("GOV"))
    );
    assert_eq!(
        rutte.role_at(Some("2025-06-24")),
        (Some("NATO"), Some("IGO"))
    );
    // A foreign minister who became head of state.
    let steinmeier = person(lex, "Frank-Walter Steinmeier");
    assert_eq!(
        steinmeier.role_at(Some("2016-01-01")),
        (Some("DEU"), Some("GOV"))
    );
    assert_eq!(
        steinmeier.role_at(Some("2023-01-01")),
        (Some("DEU"), Some("GOV"))
    );
    // A prime minister who became the EU's High Representative.
    let kallas = person(lex, "Kaja Kallas");
    assert_eq!(
        kallas.role_at(Some("2022-02-24")),
        (Some("EST"), Some("GOV"))
    );
    assert_eq!(
        kallas.role_at(Some("2025-02-24")),
        (Some("EU"), Some("IGO"))
    );
}

#[test]
fn a_former_office_holder_is_still_recognised() {
    let lex = Lexicon::embedded();
    // Left NATO in 2024: still NATO IGO, the office the data gives him.
    let stoltenberg = person(lex, "Jens Stoltenberg");
    assert_eq!(
        stoltenberg.role_at(Some("2020-01-01")),
        (Some("NATO"), Some("IGO"))
    );
    assert_eq!(
        stoltenberg.role_at(Some("2025-06-01")),
        (Some("NATO"), Some("IGO"))
    );
    // Foreign secretary, then prime minister, then out of office.
    let johnson = person(lex, "Boris Johnson");
    assert_eq!(
        johnson.role_at(Some("2017-01-01")),
        (Some("GBR"), Some("GOV"))
    );
    assert_eq!(
        johnson.role_at(Some("2023-01-01")),
        (Some("GBR"), Some("GOV"))
    );
    // Prime minister, then President of the European Council until 2024.
    let michel = person(lex, "Charles Michel");
    assert_eq!(
        michel.role_at(Some("2017-01-01")),
        (Some("BEL"), Some("GOV"))
    );
    assert_eq!(
        michel.role_at(Some("2022-01-01")),
        (Some("EU"), Some("IGO"))
    );
    assert_eq!(
        michel.role_at(Some("2025-06-01")),
        (Some("EU"), Some("IGO"))
    );
    // Only in office-holders.tsv, out of office since 2016.
    let renzi = person(lex, "Matteo Renzi");
    assert_eq!(
        renzi.role_at(Some("2015-01-01")),
        (Some("ITA"), Some("GOV"))
    );
    assert_eq!(
        renzi.role_at(Some("2020-01-01")),
        (Some("ITA"), Some("GOV"))
    );
}

#[test]
fn every_row_is_a_dated_person_with_a_source() {
    let text = std::fs::read_to_string(data_dir().join("office-holders.tsv")).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.len() >= 150, "{} rows", rows.len());
    let roles: usize = rows.iter().map(|r| r[5].split(';').count()).sum();
    // The header gives the counts; keep it up to date when adding people.
    assert!(
        text.contains(&format!(
            "# Counts: {} people, {roles} dated roles.",
            rows.len()
        )),
        "update the counts in the header: {} people, {roles} dated roles",
        rows.len()
    );
    let lex = Lexicon::embedded();
    for row in &rows {
        let entry = person(lex, row[3]);
        assert!(!entry.roles.is_empty(), "{}", row[3]);
    }
}

fn load_error(content: &str) -> String {
    common::load_error("office-holders.tsv", content)
}

#[test]
fn malformed_rows_name_file_and_line() {
    const ROLES: &str = "ITA GOV 2014-02-22..2016-12-12";
    let row =
        |source: &str| format!("# header\nperson\tITA\tGOV\tMatteo Renzi\t\t{ROLES}\t{source}\n");
    let err = load_error(&format!("person\tITA\tGOV\tMatteo Renzi\t\t{ROLES}\n"));
    assert!(
        err.contains("office-holders.tsv:1: expected 7 tab-separated columns"),
        "{err}"
    );
    let err = load_error(&row(""));
    assert!(
        err.contains("office-holders.tsv:2: column 7 (source) is empty"),
        "{err}"
    );
    for bad in [
        "en.wikipedia.org/wiki/Matteo_Renzi",
        "https://",
        "https://a b",
        "ftp://x",
    ] {
        let err = load_error(&row(bad));
        assert!(
            err.contains(&format!(
                "office-holders.tsv:2: column 7 (source) {bad:?} is not a web address"
            )),
            "{err}"
        );
    }
    // A good row loads, with several sources.
    let dir = dir_with(
        "office-holders.tsv",
        &row("https://example.org/a|http://example.org/b"),
    );
    let lex = Lexicon::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(
        person(&lex, "Matteo Renzi").role_at(Some("2015-01-01")),
        (Some("ITA"), Some("GOV"))
    );

    let err = load_error("person\tITA\tGOV\tMatteo Renzi\t\t\thttps://example.org\n");
    assert!(
        err.contains("office-holders.tsv:1: column 6 (dated roles) is empty"),
        "{err}"
    );
    let err = load_error(
        "person\tITA\tGOV\tMatteo Renzi\t\tITA GOV 2016-12-12..2014-02-22\thttps://example.org\n",
    );
    assert!(err.contains("office-holders.tsv:1: dated role"), "{err}");
    let err = load_error(&format!(
        "organisation\tEU\tIGO\tEuropean Union\t\t{ROLES}\thttps://example.org\n"
    ));
    assert!(
        err.contains("office-holders.tsv:1: an office holder is a person, not a"),
        "{err}"
    );
    // persons.tsv has Donald Tusk as POL: his dated roles must include POL.
    let err = load_error(
        "person\tPOL\tGOV\tDonald Tusk\t\tEU IGO 2014-12-01..2019-11-30\thttps://example.org\n",
    );
    assert!(
        err.contains("office-holders.tsv:1: Donald Tusk is POL in an earlier file, but none of the dated roles is"),
        "{err}"
    );
}
