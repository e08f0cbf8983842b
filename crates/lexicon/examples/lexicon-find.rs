//! Prints the dictionary phrases found in a file (or stdin): `cargo run -p attache-lexicon
//! --example lexicon-find -- FILE`. Useful when adding dictionary entries.

use attache_lexicon::Lexicon;
use std::io::Read;

fn main() {
    let mut text = String::new();
    let read = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).map(|t| text = t),
        None => std::io::stdin().read_to_string(&mut text).map(|_| ()),
    };
    if let Err(e) = read {
        eprintln!("lexicon-find: {e}");
        std::process::exit(1);
    }
    let lexicon = Lexicon::embedded();
    for m in lexicon.find(&text) {
        let e = m.entry;
        let others: Vec<String> = m
            .alternatives()
            .map(|a| format!("{}:{}", a.kind, a.code.as_deref().unwrap_or("-")))
            .collect();
        println!(
            "{}..{}\t{}\t{}\t{}\t{}\t{}\t{}",
            m.start,
            m.end,
            m.text(&text),
            e.kind,
            e.code.as_deref().unwrap_or("-"),
            e.sector.as_deref().unwrap_or("-"),
            e.canonical,
            others.join(" ")
        );
    }
}
