//! parties.tsv: political parties with their dated status (governing or opposition).

use attache_lexicon::{Entry, EntryKind, Lexicon};

mod common;

fn party<'a>(lex: &'a Lexicon, name: &str) -> &'a Entry {
    let found = lex.find(name);
    let m = found
        .iter()
        .find(|m| m.entry.kind == EntryKind::Party)
        .unwrap_or_else(|| panic!("{name:?} is no party: {found:?}"));
    m.entry
}

#[test]
fn a_party_has_the_status_of_the_date() {
    let lex = Lexicon::embedded();
    let tories = party(lex, "Tories");
    assert_eq!(tories.canonical, "Conservative Party");
    assert_eq!(
        tories.role_at(Some("2005-03-02")),
        (Some("GBR"), Some("OPP"))
    );
    assert_eq!(
        tories.role_at(Some("2012-03-02")),
        (Some("GBR"), Some("GOV"))
    );
    let labour = party(lex, "Labour");
    assert_eq!(
        labour.role_at(Some("2005-03-02")),
        (Some("GBR"), Some("GOV"))
    );
    assert_eq!(
        labour.role_at(Some("2012-03-02")),
        (Some("GBR"), Some("OPP"))
    );
    // Before the first dated period: the party, no status.
    assert_eq!(
        labour.role_at(Some("1970-01-01")),
        (Some("GBR"), Some("PTY"))
    );
    let fdp = party(lex, "FDP");
    assert_eq!(fdp.role_at(Some("2023-01-01")), (Some("DEU"), Some("GOV")));
    assert_eq!(fdp.role_at(Some("2025-01-01")), (Some("DEU"), Some("OPP")));
    // The UN agency is not the British party.
    let ilo = lex.find("the International Labour Organization said");
    assert!(
        ilo.iter().all(|m| m.entry.kind != EntryKind::Party),
        "{ilo:?}"
    );
}

#[test]
fn every_row_is_a_party_with_a_dated_status_and_a_source() {
    let text = std::fs::read_to_string(common::data_dir().join("parties.tsv")).unwrap();
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    assert!(rows.len() >= 15, "{} rows", rows.len());
    for row in rows {
        let fields: Vec<&str> = row.split('\t').collect();
        assert_eq!(fields[0], "party", "{row}");
        assert!(fields[6].starts_with("https://"), "{row}");
    }
}

#[test]
fn malformed_rows_name_file_and_line() {
    let row = |status: &str, source: &str| {
        format!("# header\nparty\tGBR\tPTY\tLabour\t\t{status}\t{source}\n")
    };
    let url = "https://en.wikipedia.org/wiki/Labour_Party_(UK)";
    let err = common::load_error("parties.tsv", &row("GBR GOV 1997-05-02..", "-"));
    assert!(
        err.contains("parties.tsv:2: column 7 (source) is empty"),
        "{err}"
    );
    let err = common::load_error("parties.tsv", &row("GBR LEG 1997-05-02..", url));
    assert!(
        err.contains("parties.tsv:2: dated status: sector \"LEG\" is neither GOV nor OPP"),
        "{err}"
    );
    let err = common::load_error("parties.tsv", &row("FRA GOV 1997-05-02..", url));
    assert!(
        err.contains("parties.tsv:2: dated status: code \"FRA\" is not the party's country"),
        "{err}"
    );
    let err = common::load_error("parties.tsv", &row("", url));
    assert!(err.contains("parties.tsv:2: column 6"), "{err}");
    let bad_kind = "# header\nperson\tGBR\tPTY\tLabour\t\tGBR GOV 1997-05-02..\thttps://x.org\n";
    let err = common::load_error("parties.tsv", bad_kind);
    assert!(
        err.contains("parties.tsv:2: a party row has kind party"),
        "{err}"
    );
}
