//! The trigger dictionary: which words report which PLOVER event.
//!
//! Rows live in `data/coder/triggers.tsv` (format documented in `data/coder/README.md`). Rows for
//! one lemma are tried in file order and the first whose constraint holds wins, so a file can put
//! "recall + ambassador" before a plain "recall".

use crate::constraint::Constraint;
use crate::constraint::parse_constraint;
use crate::datafile::DataFileError;
use crate::tree::lemma as trigger_lemma;
use attache_event::EventCategory;
use attache_nlp::{Deprel, Doc, Token, Upos};
use std::collections::HashMap;

/// What a trigger word codes to.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerRule {
    pub lemma: String,
    pub upos: Upos,
    pub category: EventCategory,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub cameo: Option<String>,
    pub constraint: Option<Constraint>,
    /// A row whose category column is `-`: the reading it names is no event ("declined to
    /// comment", "met the deadline"), and the rows after it are not tried.
    pub silent: bool,
    /// 1-based line in the source file, for explaining a coding decision.
    pub line: usize,
}

const HEADER: &str = "lemma\tupos\tcategory\tmode\tcontext\tcameo\twith";

/// All trigger rows, indexed by lemma.
#[derive(Debug, Default)]
pub struct TriggerTable {
    by_lemma: HashMap<String, Vec<TriggerRule>>,
    len: usize,
    /// "X said Y must ...": a demand made through a modal of obligation (CAMEO 10).
    obligation: TriggerRule,
    /// The row a quoted judgement is coded by ([`QUOTED_CRITICISM`]), found by
    /// [`TriggerTable::resolve_named`] once the table is complete.
    quoted_criticism: Option<TriggerRule>,
}

/// A row another reading borrows its coding from, named by lemma, part of speech and
/// condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedRow {
    pub lemma: &'static str,
    pub upos: Upos,
    pub with: &'static str,
    /// What reads its coding from the row, for the error when it is missing.
    pub reader: &'static str,
}

/// Criticism in a quotation that names no verb of saying of its own (`quoted.rs`) is coded as
/// the criticism a verb of saying reports: the row `say VERB ... cceval:negative`.
pub const QUOTED_CRITICISM: NamedRow = NamedRow {
    lemma: "say",
    upos: Upos::Verb,
    with: "cceval:negative",
    reader: "criticism in a quotation with no verb of saying (quoted.rs)",
};

/// A trigger table that lacks a row another reading needs ([`NamedRow`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{file}: no row `{lemma} {upos} ... {with}` that codes an event: {reader} is coded by it \
     (its category, mode, context and CAMEO code)"
)]
pub struct MissingRowError {
    pub file: String,
    pub lemma: &'static str,
    pub upos: &'static str,
    pub with: &'static str,
    pub reader: &'static str,
}

impl Default for TriggerRule {
    fn default() -> Self {
        TriggerRule {
            lemma: String::new(),
            upos: Upos::Verb,
            category: EventCategory::Request,
            mode: None,
            context: Vec::new(),
            cameo: Some("10".to_string()),
            constraint: None,
            silent: false,
            line: 0,
        }
    }
}

impl TriggerTable {
    /// Parses the TSV text of a trigger file; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<TriggerTable, DataFileError> {
        let err = |line: usize, reason: String| DataFileError::new(file, line, reason);
        let mut table = TriggerTable::default();
        let data = crate::datafile::rows(text, HEADER).map_err(|(n, r)| err(n, r))?;
        let header_seen = data.header;
        for row in data.rows {
            let (line_no, line) = (row.number, row.text);
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            if cols.len() != 7 {
                return Err(err(
                    line_no,
                    format!("expected 7 tab-separated columns, found {}", cols.len()),
                ));
            }
            let lemma = cols[0];
            if lemma.is_empty() || lemma.contains(' ') || lemma != lemma.to_lowercase() {
                return Err(err(
                    line_no,
                    format!("lemma {lemma:?} must be one lower-case word"),
                ));
            }
            let upos = match cols[1] {
                "VERB" => Upos::Verb,
                "NOUN" => Upos::Noun,
                "ADJ" => Upos::Adj,
                other => {
                    return Err(err(
                        line_no,
                        format!("upos {other:?} is not VERB, NOUN or ADJ"),
                    ));
                }
            };
            let silent = cols[2] == "-";
            let category = if silent {
                // A placeholder: a silent row codes nothing.
                EventCategory::Request
            } else {
                EventCategory::parse(cols[2])
                    .filter(|c| c.as_str() == cols[2])
                    .ok_or_else(|| {
                        err(line_no, format!("{:?} is not a PLOVER category", cols[2]))
                    })?
            };
            let optional = |s: &str| (s != "-" && !s.is_empty()).then(|| s.to_string());
            let mode = optional(cols[3]);
            let context = match optional(cols[4]) {
                Some(c) => c.split(';').map(|s| s.trim().to_string()).collect(),
                None => Vec::new(),
            };
            let cameo = optional(cols[5]);
            if let Some(code) = &cameo
                && (!(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()))
            {
                return Err(err(line_no, format!("cameo {code:?} must be 2-4 digits")));
            }
            let constraint = match optional(cols[6]) {
                None => None,
                Some(c) => Some(parse_constraint(&c).map_err(|r| err(line_no, r.to_string()))?),
            };
            table.len += 1;
            table
                .by_lemma
                .entry(lemma.to_string())
                .or_default()
                .push(TriggerRule {
                    lemma: lemma.to_string(),
                    upos,
                    category,
                    mode,
                    context,
                    cameo,
                    constraint,
                    silent,
                    line: line_no,
                });
        }
        if !header_seen {
            return Err(err(1, "no header line and no rows".to_string()));
        }
        Ok(table)
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The PLOVER modes the rows give, sorted, without repeats.
    pub fn modes(&self) -> Vec<String> {
        let mut modes: Vec<String> = self
            .by_lemma
            .values()
            .flatten()
            .filter_map(|r| r.mode.clone())
            .collect();
        modes.sort_unstable();
        modes.dedup();
        modes
    }

    /// Adds a user's rows: those of a lemma and part of speech this table has replace its
    /// rows (a user's reading wins), the others are added.
    pub fn extend(&mut self, user: TriggerTable) {
        // The named rows are looked up again on the extended table.
        self.quoted_criticism = None;
        for (lemma, rules) in user.by_lemma {
            let ours = self.by_lemma.entry(lemma).or_default();
            let before = ours.len();
            ours.retain(|r| !rules.iter().any(|u| u.upos == r.upos));
            self.len = self.len + ours.len() + rules.len() - before;
            ours.splice(0..0, rules);
        }
    }

    /// Adds the rows generated from another dictionary (`data/coder/triggers-cameo.tsv`)
    /// under this table's hand-written rows: they come after the hand rows of their lemma and
    /// part of speech, and are dropped where the hand rows end in a bare row (which they could
    /// never pass) or where a generated row has no constraint (a lemma the hand file lists
    /// keeps its decision to have no bare row).
    pub fn add_generated(&mut self, generated: TriggerTable) {
        self.quoted_criticism = None;
        for (lemma, rules) in generated.by_lemma {
            let ours = self.by_lemma.entry(lemma).or_default();
            let hand = ours.clone();
            for rule in rules {
                let same_pos = || hand.iter().filter(|h| h.upos == rule.upos);
                let listed = same_pos().next().is_some();
                if same_pos().any(|h| h.constraint.is_none() || h.constraint == rule.constraint)
                    || (listed && rule.constraint.is_none())
                {
                    continue;
                }
                ours.push(rule);
                self.len += 1;
            }
        }
        self.by_lemma.retain(|_, rules| !rules.is_empty());
    }

    /// The rule for demands made with "must" / "should" in reported speech.
    pub fn obligation(&self) -> &TriggerRule {
        &self.obligation
    }

    /// Finds the rows other readings borrow their coding from ([`QUOTED_CRITICISM`]); called
    /// once the table is complete (shipped, replaced or extended by a user's file). `file`
    /// names the file that should hold them in the error when one is missing.
    pub fn resolve_named(&mut self, file: &str) -> Result<(), MissingRowError> {
        let named = QUOTED_CRITICISM;
        let rule = self.named_row(named).cloned();
        self.quoted_criticism = Some(rule.ok_or_else(|| MissingRowError {
            file: file.to_string(),
            lemma: named.lemma,
            upos: upos_name(named.upos),
            with: named.with,
            reader: named.reader,
        })?);
        Ok(())
    }

    /// The first row of a lemma and part of speech whose condition is `named.with`, unless it
    /// is silent.
    fn named_row(&self, named: NamedRow) -> Option<&TriggerRule> {
        let with = parse_constraint(named.with).ok();
        self.by_lemma
            .get(named.lemma)?
            .iter()
            .find(|r| r.upos == named.upos && r.constraint == with)
            .filter(|r| !r.silent)
    }

    /// The rule a quoted judgement is coded by (the row [`QUOTED_CRITICISM`] names); None
    /// before [`TriggerTable::resolve_named`].
    pub fn quoted_criticism(&self) -> Option<&TriggerRule> {
        self.quoted_criticism.as_ref()
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether any row exists for this lemma (cheap pre-check).
    pub fn has_lemma(&self, lemma: &str) -> bool {
        self.by_lemma.contains_key(lemma)
    }

    /// The first rule that codes this token, if any.
    pub fn rule_for(&self, doc: &Doc, tok: Token<'_>) -> Option<&TriggerRule> {
        let lemma = trigger_lemma(tok);
        let upos = match tok.upos() {
            // Taggers often call a participle in "were expelled" or "the expelled diplomats" an
            // adjective; treat it as the verb it is.
            Upos::Adj if tok.xpos().starts_with("VB") => Upos::Verb,
            // "have upgraded their ties" tagged ADJ: an "-ed" word with an object or a perfect
            // "have" is a verb whatever its tag.
            Upos::Adj if verb_in_adjective_tag(tok) => Upos::Verb,
            other => other,
        };
        let rules = match self.by_lemma.get(&*lemma) {
            Some(r) => r,
            // A lemmatizer slip on an inflected verb ("mobilized" -> "mobile"): try the
            // regular stems of the surface form.
            None if upos == Upos::Verb => verb_stems(&tok.text().to_lowercase())
                .into_iter()
                .find_map(|stem| self.by_lemma.get(stem.as_str()))?,
            None => return None,
        };
        rules
            .iter()
            .filter(|r| r.upos == upos)
            .find(|r| r.constraint.as_ref().is_none_or(|c| c.holds(doc, tok)))
            .filter(|r| !r.silent)
    }
}

/// The name of a part of speech as the upos column writes it.
fn upos_name(upos: Upos) -> &'static str {
    match upos {
        Upos::Noun => "NOUN",
        Upos::Adj => "ADJ",
        _ => "VERB",
    }
}

/// An "-ed" word tagged as an adjective that takes an object or the perfect auxiliary "have".
fn verb_in_adjective_tag(tok: Token<'_>) -> bool {
    tok.text().ends_with("ed")
        && tok.children().any(|c| {
            c.rel() == Deprel::Obj || (c.rel() == Deprel::Aux && crate::tree::lemma(c) == "have")
        })
}

/// Regular base forms of an inflected verb: "mobilized" -> mobiliz, mobilize; "shelled" ->
/// shell; "bombing" -> bomb, bombe.
fn verb_stems(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() < 3 {
                continue;
            }
            out.push(stem.to_string());
            out.push(format!("{stem}e"));
            let b = stem.as_bytes();
            if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                out.push(stem[..stem.len() - 1].to_string()); // "shelled" -> "shel" -> no; "planned" -> "plan"
            }
            if let Some(y) = stem.strip_suffix('i') {
                out.push(format!("{y}y")); // "carried" -> "carry"
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::constraint::Relation;

    #[test]
    fn rows_parse_with_constraints() {
        let text = "# comment\nlemma\tupos\tcategory\tmode\tcontext\tcameo\twith\n\
                    recall\tVERB\tSANCTION\twithdraw\tdiplomatic\t161\tobj:ambassador|envoy\n\
                    expel\tVERB\tSANCTION\texpel\tdiplomatic\t166\t-\n";
        let t = TriggerTable::parse("t.tsv", text).unwrap();
        assert_eq!(t.len(), 2);
        assert!(t.has_lemma("recall"));
        let rule = &t.by_lemma["recall"][0];
        assert_eq!(rule.line, 3);
        let constraint = rule.constraint.as_ref().unwrap();
        assert_eq!(constraint.conditions[0].relation, Relation::Object);
        assert_eq!(rule.cameo.as_deref(), Some("161"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let text =
            "lemma\tupos\tcategory\tmode\tcontext\tcameo\twith\nexpel\tVERB\tEXPEL\t-\t-\t-\t-\n";
        let e = TriggerTable::parse("data/t.tsv", text).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().starts_with("data/t.tsv:2: "), "{e}");
        let e = TriggerTable::parse("t.tsv", "lemma\tupos\n").unwrap_err();
        assert_eq!(e.line, 1);
        let text = "lemma\tupos\tcategory\tmode\tcontext\tcameo\twith\nexpel\tVERB\tSANCTION\t-\t-\t16x\t-\n";
        assert!(
            TriggerTable::parse("t.tsv", text)
                .unwrap_err()
                .reason
                .contains("cameo")
        );
        let text = "lemma\tupos\tcategory\tmode\tcontext\tcameo\twith\nexpel\tVERB\tSANCTION\t-\t-\t-\tfoo:x\n";
        assert!(
            TriggerTable::parse("t.tsv", text)
                .unwrap_err()
                .reason
                .contains("relation")
        );
    }

    #[test]
    fn generated_rows_come_under_the_hand_rows() {
        let head = "lemma\tupos\tcategory\tmode\tcontext\tcameo\twith\n";
        let hand = format!(
            "{head}expel\tVERB\tSANCTION\texpel\tdiplomatic\t166\t-\n\
             decline\tVERB\tREJECT\t-\t-\t120\tobj:offer\n"
        );
        let generated = format!(
            "{head}expel\tVERB\tCOERCE\tdeport\tlegal\t174\tobj:protester\n\
             decline\tVERB\tREJECT\t-\t-\t120\tobj:offer\n\
             decline\tVERB\tREJECT\t-\t-\t120\tobj:invitation\n\
             decline\tVERB\tREJECT\t-\t-\t120\t-\n\
             strip\tVERB\tCOERCE\t-\t-\t170\tpp.of:citizenship&obj:him\n"
        );
        let mut t = TriggerTable::parse("hand.tsv", &hand).unwrap();
        t.add_generated(TriggerTable::parse("gen.tsv", &generated).unwrap());
        // expel has a bare hand row: nothing generated could fire after it.
        assert_eq!(t.by_lemma["expel"].len(), 1);
        // decline: the new object is added after the hand row, the repeat and the bare row
        // are not (the hand file decided that a bare "decline" codes nothing).
        let decline = &t.by_lemma["decline"];
        assert_eq!(decline.len(), 2);
        assert_eq!(decline[1].line, 4);
        let strip = &t.by_lemma["strip"][0];
        assert_eq!(strip.constraint.as_ref().unwrap().conditions.len(), 2);
        assert_eq!(t.len(), 4);
    }

    #[test]
    fn the_row_of_quoted_criticism_is_found_by_name() {
        let head = "lemma\tupos\tcategory\tmode\tcontext\tcameo\twith\n";
        let rows = format!(
            "{head}say\tVERB\tSUPPORT\t-\tdiplomatic\t051\tcceval:positive\n\
             say\tVERB\tACCUSE\tdisapprove\t-\t112\tcceval:negative\n"
        );
        let mut t = TriggerTable::parse("mine.tsv", &rows).unwrap();
        assert!(t.quoted_criticism().is_none());
        t.resolve_named("mine.tsv").unwrap();
        let rule = t.quoted_criticism().unwrap();
        assert_eq!((rule.line, rule.cameo.as_deref()), (3, Some("112")));
        let rows = format!("{head}say\tVERB\t-\t-\t-\t-\tcceval:negative\n");
        let mut t = TriggerTable::parse("mine.tsv", &rows).unwrap();
        let e = t.resolve_named("mine.tsv").unwrap_err();
        assert!(
            e.to_string().starts_with("mine.tsv: no row `say VERB"),
            "{e}"
        );
    }
}
