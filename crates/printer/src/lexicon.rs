//! `attache lexicon find`: what the dictionaries make of a phrase.

use attache_lexicon::{Entry, Lexicon};
use std::fmt::Write;

fn describe(entry: &Entry) -> String {
    let mut out = format!("{} {}", entry.kind.as_str(), entry.canonical);
    let _ = write!(out, " -> {}", entry.code.as_deref().unwrap_or("no code"));
    if let Some(sector) = &entry.sector {
        let _ = write!(out, " {sector}");
    }
    for role in &entry.roles {
        let _ = write!(
            out,
            "; {} {}",
            role.code,
            role.sector.as_deref().unwrap_or("-")
        );
        let _ = write!(out, " from {}", role.from.as_deref().unwrap_or("?"));
        let _ = write!(out, " until {}", role.until.as_deref().unwrap_or("now"));
    }
    out
}

/// Every dictionary phrase found in `text`, with the reading chosen and the others, then the
/// actor code a filter (`--actor`) would take the whole text for.
pub fn lexicon_matches(lexicon: &Lexicon, text: &str) -> String {
    let mut out = String::new();
    let found = lexicon.find(text);
    if found.is_empty() {
        let _ = writeln!(out, "no dictionary phrase in {text:?}");
    }
    for m in &found {
        let _ = writeln!(
            out,
            "{:?} at {}..{}: {}",
            m.text(text),
            m.start,
            m.end,
            describe(m.entry)
        );
        for other in m.alternatives() {
            let _ = writeln!(out, "    also: {}", describe(other));
        }
    }
    match lexicon.resolve_code(text) {
        Some(code) => writeln!(out, "as a filter (--actor {text:?}): {code}"),
        None => writeln!(out, "as a filter (--actor {text:?}): no single actor"),
    }
    .map(|_| out)
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_shows_its_reading_and_code() {
        let shown = lexicon_matches(Lexicon::embedded(), "Sergei Lavrov");
        assert!(shown.contains("RUS"), "{shown}");
        assert!(shown.contains("person"), "{shown}");
    }
}
