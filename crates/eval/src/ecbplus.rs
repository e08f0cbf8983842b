//! Reading ECB+ (Cybulska & Vossen 2014) in its CROMER XML form: documents as tokens, action
//! mentions with their gold cross-document instance, and the list of fully annotated sentences.
//!
//! The XML is regular (one element per line, as the corpus ships it), so it is read line by
//! line. Tokens carry no spacing; a document's text joins them with one space, sentences with a
//! newline, and [`EcbDocument::tokens`] records each token's byte span in that text.

use crate::EvalError;
use attache_event::ByteSpan;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// One token: its sentence, and where it lies in the joined text.
#[derive(Debug, Clone, PartialEq)]
pub struct EcbToken {
    pub sentence: usize,
    pub span: ByteSpan,
}

/// An action mention (ACTION_* or NEG_ACTION_*) and the instance it refers to.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionMention {
    /// The markable id within its document.
    pub id: String,
    /// The CROMER tag, e.g. ACTION_OCCURRENCE.
    pub tag: String,
    /// Byte span of its tokens in the document text (first to last).
    pub span: ByteSpan,
    pub sentence: usize,
    /// The gold cluster: the cross-document instance id, a within-document chain, or the
    /// mention itself for a singleton.
    pub instance: String,
}

/// One ECB+ document.
#[derive(Debug, Clone)]
pub struct EcbDocument {
    /// File name without extension: "1_10ecbplus".
    pub name: String,
    pub topic: u32,
    /// True for the ECB+ half (the topic's second event), false for the original ECB one.
    pub plus: bool,
    pub text: String,
    pub tokens: Vec<EcbToken>,
    /// Action mentions in the fully annotated sentences, in text order.
    pub actions: Vec<ActionMention>,
}

/// One topic: its documents, in file-name order.
#[derive(Debug, Clone)]
pub struct EcbTopic {
    pub topic: u32,
    pub documents: Vec<EcbDocument>,
}

/// The customary development topics; the other topics of 1-35 fit thresholds.
pub const DEV_TOPICS: [u32; 8] = [2, 5, 12, 18, 21, 23, 34, 35];

/// Reads the topics in `wanted` (all present topics when empty) from an ECB+ folder.
pub fn load(dir: &Path, wanted: &[u32]) -> Result<Vec<EcbTopic>, EvalError> {
    let annotated = read_annotated(&dir.join("ECBplus_coreference_sentences.csv"))?;
    let mut topics: BTreeMap<u32, Vec<PathBuf>> = BTreeMap::new();
    let entries = std::fs::read_dir(dir).map_err(|e| EvalError::read(dir, e))?;
    for entry in entries.flatten() {
        let Some(topic) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if !wanted.is_empty() && !wanted.contains(&topic) {
            continue;
        }
        let files =
            std::fs::read_dir(entry.path()).map_err(|e| EvalError::read(&entry.path(), e))?;
        let mut paths: Vec<PathBuf> = files
            .flatten()
            .map(|f| f.path())
            .filter(|p| p.extension().is_some_and(|e| e == "xml"))
            .collect();
        paths.sort();
        topics.insert(topic, paths);
    }
    topics
        .into_iter()
        .map(|(topic, paths)| {
            let documents = paths
                .iter()
                .map(|p| read_document(p, topic, &annotated))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(EcbTopic { topic, documents })
        })
        .collect()
}

/// (document name, sentence) pairs that were fully annotated.
fn read_annotated(path: &Path) -> Result<HashSet<(String, usize)>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::read(path, e))?;
    let mut out = HashSet::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let fields: Vec<&str> = line.trim().split(',').collect();
        let [topic, file, sentence] = fields[..] else {
            return Err(EvalError::line(
                path.display().to_string(),
                n + 1,
                "expected Topic,File,Sentence",
            ));
        };
        let sentence: usize = sentence.parse().map_err(|_| {
            EvalError::line(path.display().to_string(), n + 1, "bad sentence number")
        })?;
        out.insert((format!("{topic}_{file}"), sentence));
    }
    Ok(out)
}

/// The value of `name="..."` in an element's line.
fn attr<'a>(line: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = line.find(&key)? + key.len();
    let len = line[start..].find('"')?;
    Some(&line[start..start + len])
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn is_action(tag: &str) -> bool {
    tag.starts_with("ACTION_") || tag.starts_with("NEG_ACTION_")
}

/// What a markable's lines give: its tag and anchor tokens.
struct Markable {
    tag: String,
    anchors: Vec<usize>,
}

fn read_document(
    path: &Path,
    topic: u32,
    annotated: &HashSet<(String, usize)>,
) -> Result<EcbDocument, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|e| EvalError::read(path, e))?;
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();
    let bad = |n: usize, what: &str| EvalError::line(path.display().to_string(), n + 1, what);
    let mut text = String::new();
    let mut tokens: Vec<EcbToken> = Vec::new();
    let mut token_index: HashMap<usize, usize> = HashMap::new();
    let mut markables: BTreeMap<String, Markable> = BTreeMap::new();
    let mut open: Option<String> = None;
    // Mention id -> instance (cross-document note, or a within-document chain id).
    let mut instance: HashMap<String, String> = HashMap::new();
    let mut relation: Option<String> = None;
    for (n, line) in raw.lines().enumerate() {
        let line = line.trim();
        if line.starts_with("<token ") {
            let t_id: usize = attr(line, "t_id")
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| bad(n, "token without t_id"))?;
            let sentence: usize = attr(line, "sentence")
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| bad(n, "token without sentence"))?;
            let word = line
                .split_once('>')
                .and_then(|(_, rest)| rest.rsplit_once("</token>"))
                .map(|(w, _)| unescape(w))
                .ok_or_else(|| bad(n, "unclosed token"))?;
            if let Some(last) = tokens.last() {
                text.push(if last.sentence == sentence { ' ' } else { '\n' });
            }
            let start = text.len();
            text.push_str(&word);
            token_index.insert(t_id, tokens.len());
            tokens.push(EcbToken {
                sentence,
                span: [start, text.len()],
            });
        } else if line.starts_with("<token_anchor ") {
            let t_id: usize = attr(line, "t_id")
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| bad(n, "anchor without t_id"))?;
            if let Some(m) = open.as_ref().and_then(|id| markables.get_mut(id)) {
                m.anchors.push(t_id);
            }
        } else if line.starts_with("<CROSS_DOC_COREF ") || line.starts_with("<INTRA_DOC_COREF ") {
            relation = match attr(line, "note") {
                Some(note) if line.starts_with("<CROSS") => Some(note.to_string()),
                _ => attr(line, "r_id").map(|r| format!("{name}#{r}")),
            };
        } else if line.starts_with("<source ") {
            if let (Some(rel), Some(m)) = (&relation, attr(line, "m_id")) {
                instance.insert(m.to_string(), rel.clone());
            }
        } else if line.starts_with("</CROSS_DOC_COREF") || line.starts_with("</INTRA_DOC_COREF") {
            relation = None;
        } else if let Some(m_id) = attr(line, "m_id").filter(|_| !line.starts_with("<target")) {
            let tag = line[1..].split([' ', '>']).next().unwrap_or_default();
            // Instance markables end in "/>" and have no anchors of their own.
            if !line.ends_with("/>") {
                markables.insert(
                    m_id.to_string(),
                    Markable {
                        tag: tag.to_string(),
                        anchors: Vec::new(),
                    },
                );
                open = Some(m_id.to_string());
            }
        } else if line.starts_with("</") {
            open = None;
        }
    }
    let mut actions = Vec::new();
    for (id, m) in &markables {
        if !is_action(&m.tag) || m.anchors.is_empty() {
            continue;
        }
        let toks: Vec<&EcbToken> = m
            .anchors
            .iter()
            .filter_map(|t| token_index.get(t).map(|&i| &tokens[i]))
            .collect();
        let (Some(first), Some(last)) = (
            toks.iter().min_by_key(|t| t.span[0]),
            toks.iter().max_by_key(|t| t.span[1]),
        ) else {
            continue;
        };
        if !annotated.contains(&(name.clone(), first.sentence)) {
            continue;
        }
        actions.push(ActionMention {
            id: id.clone(),
            tag: m.tag.clone(),
            span: [first.span[0], last.span[1]],
            sentence: first.sentence,
            instance: instance
                .get(id)
                .cloned()
                .unwrap_or_else(|| format!("{name}#m{id}")),
        });
    }
    actions.sort_by_key(|a| a.span);
    Ok(EcbDocument {
        plus: name.ends_with("plus"),
        name,
        topic,
        text,
        tokens,
        actions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_and_entities_are_read() {
        let line = r#"<token t_id="25" sentence="1" number="14">AT&amp;T</token>"#;
        assert_eq!(attr(line, "t_id"), Some("25"));
        assert_eq!(attr(line, "sentence"), Some("1"));
        assert_eq!(attr(line, "missing"), None);
        assert_eq!(unescape("AT&amp;T &quot;x&quot;"), "AT&T \"x\"");
    }
}
