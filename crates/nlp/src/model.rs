//! The model file: magic, format version, then tokenizer lists, tagger, lemmatizer and parser.

use crate::Analyzer;
use crate::binio::{Reader, Writer};
use crate::lemma::Lemmatizer;
use crate::parser::Parser;
use crate::tagger::Tagger;
use crate::tokenizer::TokenizerRules;
use std::path::{Path, PathBuf};

pub(crate) const DEFAULT_NAME: &str = "en.nlp";
const MAGIC: &[u8; 12] = b"ATTACHE-NLP\n";
/// Bumped whenever the features change meaning, so that a model trained for other features is
/// refused rather than read as noise (2: UPOS tag triples and the tagger's runner-up class;
/// 3: the parser records the beam it was trained with).
const VERSION: u32 = 3;
const END: u32 = 0x454E_4421;

/// Why a model could not be loaded or saved; the message names the file.
#[derive(Debug)]
pub struct ModelError {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "model {}: {}", self.path.display(), self.reason)
    }
}

impl std::error::Error for ModelError {}

pub(crate) fn load(path: &Path) -> Result<Analyzer, ModelError> {
    let err = |reason: String| ModelError {
        path: path.to_path_buf(),
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| {
        err(if e.kind() == std::io::ErrorKind::NotFound {
            "file not found (train one with `attache nlp train --out <file>` or set ATTACHE_MODEL)"
                .into()
        } else {
            format!("cannot read: {e}")
        })
    })?;
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(err("not an attache NLP model (bad magic bytes)".into()));
    }
    let mut r = Reader::new(&bytes[MAGIC.len()..]);
    let version = r.u32().map_err(err)?;
    if version != VERSION {
        return Err(err(format!(
            "model format version {version}, this build reads version {VERSION}; retrain the model"
        )));
    }
    read_body(&mut r).map_err(err)
}

fn read_body(r: &mut Reader) -> Result<Analyzer, String> {
    let whole = r.strs()?.into_iter().collect();
    let n = r.varint()? as usize;
    let mut splits = crate::perceptron::FastMap::default();
    for _ in 0..n.min(1 << 20) {
        let k = r.str()?;
        let lens = r.bytes()?.to_vec();
        splits.insert(k, lens);
    }
    let rules = TokenizerRules { whole, splits };
    let tagger = Tagger::read(r)?;
    let lemmatizer = Lemmatizer::read(r)?;
    let parser = Parser::read(r)?;
    if r.u32()? != END || !r.at_end() {
        return Err("file is damaged (end marker missing or trailing bytes)".into());
    }
    Ok(Analyzer::from_parts(rules, tagger, lemmatizer, parser))
}

pub(crate) fn save(a: &Analyzer, path: &Path) -> Result<(), ModelError> {
    let mut w = Writer::default();
    w.u32(VERSION);
    let mut whole: Vec<&str> = a.rules.whole.iter().map(String::as_str).collect();
    whole.sort_unstable();
    w.strs(whole.into_iter());
    let mut splits: Vec<_> = a.rules.splits.iter().collect();
    splits.sort();
    w.varint(splits.len() as u64);
    for (k, lens) in splits {
        w.str(k);
        w.bytes(lens);
    }
    a.tagger.write(&mut w);
    a.lemmatizer.write(&mut w);
    a.parser.write(&mut w);
    w.u32(END);
    let mut bytes = MAGIC.to_vec();
    bytes.extend(w.into_bytes());
    std::fs::write(path, bytes).map_err(|e| ModelError {
        path: path.to_path_buf(),
        reason: format!("cannot write: {e}"),
    })
}
