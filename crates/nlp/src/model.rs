//! The model file: magic, format version, then tokenizer lists, tagger, lemmatizer and parser.

use crate::Analyzer;
use crate::binio::{Reader, Writer};
use crate::error::{FormatError, ModelError};
use crate::lemma::Lemmatizer;
use crate::parser::Parser;
use crate::tagger::Tagger;
use crate::tokenizer::TokenizerRules;
use std::path::Path;

pub(crate) const DEFAULT_NAME: &str = "en.nlp";
const MAGIC: &[u8; 12] = b"ATTACHE-NLP\n";
/// Bumped whenever the features change meaning, so that a model trained for other features is
/// refused rather than read as noise (2: UPOS tag triples and the tagger's runner-up class;
/// 3: the parser records the beam it was trained with).
const VERSION: u32 = 3;
const END: u32 = 0x454E_4421;

pub(crate) fn load(path: &Path) -> Result<Analyzer, ModelError> {
    let (bytes, start) = read_model_bytes(path, MAGIC, VERSION)?;
    let mut r = Reader::new(&bytes[start..]);
    let mut analyzer = read_body(&mut r).map_err(|source| ModelError::Format {
        path: path.to_path_buf(),
        source,
    })?;
    analyzer
        .lemmatizer
        .correct(&crate::lemma_data::corrections()?);
    analyzer
        .lemmatizer
        .set_final_e(crate::lemma_data::final_e_endings()?);
    analyzer
        .subject_repair
        .set_time_nouns(crate::lemma_data::time_nouns()?);
    Ok(analyzer)
}

/// The bytes of a model file and where its body starts, after its `magic` and format
/// `version`, which must match.
pub(crate) fn read_model_bytes(
    path: &Path,
    magic: &[u8],
    expected: u32,
) -> Result<(Vec<u8>, usize), ModelError> {
    let path_buf = || path.to_path_buf();
    let bytes = std::fs::read(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            ModelError::NotFound { path: path_buf() }
        } else {
            ModelError::Read {
                path: path_buf(),
                source,
            }
        }
    })?;
    if bytes.len() < magic.len() || &bytes[..magic.len()] != magic {
        return Err(ModelError::BadMagic { path: path_buf() });
    }
    let mut r = Reader::new(&bytes[magic.len()..]);
    let version = r.u32().map_err(|source| ModelError::Format {
        path: path_buf(),
        source,
    })?;
    if version != expected {
        return Err(ModelError::Version {
            path: path_buf(),
            found: version,
            expected,
        });
    }
    Ok((bytes, magic.len() + 4))
}

fn read_body(r: &mut Reader) -> Result<Analyzer, FormatError> {
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
        return Err(FormatError::Inconsistent(
            "file is damaged (end marker missing or trailing bytes)",
        ));
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
    std::fs::write(path, bytes).map_err(|source| ModelError::Write {
        path: path.to_path_buf(),
        source,
    })
}
