//! Where the recogniser's errors lie (`attache nlp eval --entities --errors`): each gold named
//! mention classed by what the system found for it, and each system mention that matches no
//! gold one, counted by kind and by the predicted tag of the head word.

use super::EntityKind;
use super::gold::{GoldMention, GoldSentence};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// What the system found for one gold mention, best first.
fn gold_outcome(g: &GoldMention, system: &[GoldMention]) -> &'static str {
    let same_span = |s: &&GoldMention| s.start == g.start && s.end == g.end;
    if system.iter().any(|s| same_span(&s) && s.kind == g.kind) {
        return "exact";
    }
    if system.iter().any(|s| same_span(&s)) {
        return "span right, kind wrong";
    }
    let same_head = |s: &&GoldMention| s.head == g.head;
    if let Some(s) = system.iter().find(|s| same_head(s) && s.kind == g.kind) {
        return if s.start <= g.start && s.end >= g.end {
            "head+kind right, span too long"
        } else if s.start >= g.start && s.end <= g.end {
            "head+kind right, span too short"
        } else {
            "head+kind right, span shifted"
        };
    }
    if system.iter().any(|s| same_head(&s)) {
        return "head right, kind and span wrong";
    }
    if system.iter().any(|s| s.start < g.end && g.start < s.end) {
        return "overlapped by a mention of another head";
    }
    "missed (nothing overlaps)"
}

/// What one system mention that matches no gold mention exactly is.
fn system_outcome(s: &GoldMention, gold: &[GoldMention]) -> Option<&'static str> {
    if gold.iter().any(|g| g == s) {
        return None;
    }
    if gold.iter().any(|g| g.start < s.end && s.start < g.end) {
        return Some("overlaps a gold mention");
    }
    Some("overlaps no gold mention")
}

/// The error table of `system` mentions (by gold sentence) against `gold`; `upos` gives the
/// predicted UPOS of each word of each sentence.
pub fn report(gold: &[GoldSentence], system: &[Vec<GoldMention>], upos: &[Vec<String>]) -> String {
    let mut by_kind: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut by_tag: BTreeMap<(&str, String), usize> = BTreeMap::new();
    let mut confusion: BTreeMap<(EntityKind, EntityKind), usize> = BTreeMap::new();
    let mut wrong: BTreeMap<(&str, EntityKind), usize> = BTreeMap::new();
    for ((g, sys), tags) in gold.iter().zip(system).zip(upos) {
        for m in &g.mentions {
            let what = gold_outcome(m, sys);
            by_kind.entry(what).or_default()[m.kind as usize] += 1;
            if what != "exact" {
                *by_tag.entry((what, tags[m.head].clone())).or_default() += 1;
            }
            if let Some(s) = sys.iter().find(|s| s.start == m.start && s.end == m.end) {
                *confusion.entry((m.kind, s.kind)).or_default() += 1;
            }
        }
        for s in sys {
            if let Some(what) = system_outcome(s, &g.mentions) {
                *wrong.entry((what, s.kind)).or_default() += 1;
            }
        }
    }
    let mut out =
        String::from("gold mentions by outcome        person  organization  place  all\n");
    for (what, n) in &by_kind {
        let all: usize = n.iter().sum();
        let _ = writeln!(
            out,
            "{what:<40} {:>6} {:>6} {:>6} {all:>6}",
            n[0], n[1], n[2]
        );
    }
    out.push_str("\nerrors by the predicted UPOS of the gold head\n");
    for ((what, tag), n) in &by_tag {
        let _ = writeln!(out, "{what:<40} {tag:<6} {n:>5}");
    }
    out.push_str("\nsame span: gold kind -> system kind\n");
    for ((g, s), n) in &confusion {
        let _ = writeln!(out, "{g:<13} -> {s:<13} {n:>5}");
    }
    out.push_str("\nsystem mentions not exactly right, by system kind\n");
    for ((what, k), n) in &wrong {
        let _ = writeln!(out, "{what:<40} {k:<13} {n:>5}");
    }
    out
}
