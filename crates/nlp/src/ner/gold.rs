//! Gold entity mentions from GUM's CoNLL-U files: the MISC column's `Entity=` annotations,
//! bracketed like `(12-person-new-...-coref` ... `12)` and `(7-place-...)` for one word.
//! Mentions nest and may hold relative clauses or coordinations; only those of the three
//! kinds whose head word (the one word of the span whose head lies outside it) is a proper
//! noun are kept: the named mentions.

use super::EntityKind;
use crate::conllu::{ConlluError, LineProblem};
use std::collections::HashMap;
use std::path::Path;

/// A named mention: `start..end` word indices of its sentence and its head word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GoldMention {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
    pub head: usize,
}

/// One gold sentence: its words, gold dependency heads (0-based; `None` for the root) and
/// named mentions (nested ones included).
#[derive(Clone, Debug, Default)]
pub struct GoldSentence {
    /// Which document of a split it comes from (0 for a single file).
    pub doc: usize,
    pub forms: Vec<String>,
    pub heads: Vec<Option<usize>>,
    pub mentions: Vec<GoldMention>,
}

/// A mention as annotated, before the named test.
struct Span {
    kind: Option<EntityKind>,
    start: usize,
    end: usize,
}

/// Reads one GUM CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<GoldSentence>, ConlluError> {
    let data = std::fs::read_to_string(path).map_err(|source| ConlluError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&data, &path.display().to_string())
}

/// Reads every document of a GUM `files.*` list that exists under `dir/sources`; returns the
/// sentences and how many documents were read.
pub fn read_split(dir: &Path, split: &str) -> Result<(Vec<GoldSentence>, usize), ConlluError> {
    let list = dir.join(format!("files.{split}"));
    let names = std::fs::read_to_string(&list).map_err(|source| ConlluError::Read {
        path: list.clone(),
        source,
    })?;
    let mut all = Vec::new();
    let mut docs = 0;
    for name in names.split_whitespace() {
        let path = dir.join("sources").join(format!("{name}.conllu"));
        if path.exists() {
            all.extend(
                read_file(&path)?
                    .into_iter()
                    .map(|s| GoldSentence { doc: docs, ..s }),
            );
            docs += 1;
        }
    }
    Ok((all, docs))
}

/// Parses GUM CoNLL-U text; `origin` names it in errors.
pub fn parse(data: &str, origin: &str) -> Result<Vec<GoldSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    let mut upos: Vec<bool> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    // Open mentions by entity id: (start word, kind).
    let mut open: HashMap<String, Vec<(usize, Option<EntityKind>)>> = HashMap::new();
    for (lineno, line) in data.lines().enumerate() {
        let err = |problem| ConlluError::Line {
            origin: origin.to_string(),
            line: lineno + 1,
            problem,
        };
        if line.is_empty() {
            if !cur.forms.is_empty() {
                finish(&mut cur, &upos, &spans);
                out.push(std::mem::take(&mut cur));
            }
            upos.clear();
            spans.clear();
            // A mention never crosses a sentence: anything still open is dropped.
            open.clear();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(LineProblem::Columns(cols.len())));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let i = cur.forms.len();
        let head: usize = cols[6].parse().map_err(|_| err(LineProblem::Head))?;
        cur.forms.push(cols[1].to_string());
        cur.heads.push(head.checked_sub(1));
        upos.push(cols[3] == "PROPN");
        let entity = cols[9].split('|').find_map(|m| m.strip_prefix("Entity="));
        if let Some(e) = entity {
            brackets(e, i, &mut open, &mut spans)
                .map_err(|()| err(LineProblem::Entity(e.into())))?;
        }
    }
    if !cur.forms.is_empty() {
        finish(&mut cur, &upos, &spans);
        out.push(cur);
    }
    Ok(out)
}

/// Reads the brackets of one word's `Entity=` value.
fn brackets(
    e: &str,
    i: usize,
    open: &mut HashMap<String, Vec<(usize, Option<EntityKind>)>>,
    spans: &mut Vec<Span>,
) -> Result<(), ()> {
    let mut rest = e;
    while !rest.is_empty() {
        if let Some(body) = rest.strip_prefix('(') {
            let stop = body.find(['(', ')']).unwrap_or(body.len());
            let mut fields = body[..stop].split('-');
            let id = fields.next().ok_or(())?;
            let kind = EntityKind::from_name(fields.next().ok_or(())?);
            if body[stop..].starts_with(')') {
                spans.push(Span {
                    kind,
                    start: i,
                    end: i + 1,
                });
                rest = &body[stop + 1..];
            } else {
                open.entry(id.to_string()).or_default().push((i, kind));
                rest = &body[stop..];
            }
        } else {
            let stop = rest.find(')').ok_or(())?;
            let id = &rest[..stop];
            if let Some((start, kind)) = open.get_mut(id).and_then(Vec::pop) {
                spans.push(Span {
                    kind,
                    start,
                    end: i + 1,
                });
            }
            rest = &rest[stop + 1..];
        }
    }
    Ok(())
}

/// Keeps the named mentions of the three kinds, in text order (outer before inner).
fn finish(s: &mut GoldSentence, propn: &[bool], spans: &[Span]) {
    for span in spans {
        let Some(kind) = span.kind else { continue };
        let Some(head) = span_head(&s.heads, span.start, span.end) else {
            continue;
        };
        if propn[head] {
            s.mentions.push(GoldMention {
                kind,
                start: span.start,
                end: span.end,
                head,
            });
        }
    }
    s.mentions
        .sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.kind));
    s.mentions.dedup();
}

/// The first word of `start..end` whose head lies outside it.
pub fn span_head(heads: &[Option<usize>], start: usize, end: usize) -> Option<usize> {
    (start..end).find(|&i| heads[i].is_none_or(|h| h < start || h >= end))
}

/// The outermost mentions (those inside no other), which a flat labelling can represent.
pub fn outermost(mentions: &[GoldMention]) -> Vec<GoldMention> {
    let mut out: Vec<GoldMention> = Vec::new();
    for m in mentions {
        if out.last().is_some_and(|o| m.start < o.end) {
            continue;
        }
        out.push(*m);
    }
    out
}
