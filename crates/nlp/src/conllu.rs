//! CoNLL-U reading and writing. Only basic dependency columns are kept: multiword-token ranges
//! and empty nodes are skipped on input (English multiword tokens concatenate their words, so
//! word-level spans still cover the text).

pub use crate::error::{ConlluError, LineProblem};
use std::fmt::Write as _;
use std::path::Path;

/// One syntactic word of a gold sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 0 for the root, otherwise 1-based index of the head word.
    pub head: usize,
    pub deprel: String,
    pub space_after: bool,
}

/// One sentence with its `# text` line (empty when absent) and paragraph/document starts.
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    pub text: String,
    pub new_doc: bool,
    pub new_par: bool,
    pub words: Vec<Word>,
}

/// Reads a CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<Sentence>, ConlluError> {
    let data = std::fs::read_to_string(path).map_err(|source| ConlluError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&data, &path.display().to_string())
}

/// Reads CoNLL-U files one after the other into one list of sentences.
pub fn read_files(paths: &[impl AsRef<Path>]) -> Result<Vec<Sentence>, ConlluError> {
    let mut all = Vec::new();
    for path in paths {
        all.extend(read_file(path.as_ref())?);
    }
    Ok(all)
}

/// Parses CoNLL-U text; `origin` names the source in error messages.
pub fn parse(data: &str, origin: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut multiword: Option<(usize, bool)> = None;
    for (lineno, line) in data.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            multiword = None;
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(t) = comment.strip_prefix("text =") {
                cur.text = t.trim().to_string();
            } else if comment.starts_with("newdoc") {
                cur.new_doc = true;
                cur.new_par = true;
            } else if comment.starts_with("newpar") {
                cur.new_par = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let err = |problem| ConlluError::Line {
            origin: origin.to_string(),
            line: lineno + 1,
            problem,
        };
        if cols.len() != 10 {
            return Err(err(LineProblem::Columns(cols.len())));
        }
        if let Some((_, last)) = cols[0].split_once('-') {
            // A multiword token: its words are written together; the space after it belongs
            // to its last word.
            let last: usize = last.parse().map_err(|_| err(LineProblem::MultiwordRange))?;
            multiword = Some((last, !cols[9].split('|').any(|m| m == "SpaceAfter=No")));
            continue;
        }
        if cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| err(LineProblem::WordId))?;
        if id != cur.words.len() + 1 {
            return Err(err(LineProblem::OutOfSequence(id)));
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| err(LineProblem::Head))?
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
            space_after: match multiword {
                Some((last, space)) if id == last => space,
                Some((last, _)) if id < last => false,
                _ => !cols[9].split('|').any(|m| m == "SpaceAfter=No"),
            },
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for s in &out {
        let n = s.words.len();
        if s.words.iter().any(|w| w.head > n) {
            return Err(ConlluError::HeadBeyondSentence {
                origin: origin.to_string(),
                text: s.text.clone(),
            });
        }
    }
    Ok(out)
}

/// Writes sentences as CoNLL-U.
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        let _ = writeln!(out, "# sent_id = {}", i + 1);
        if !s.text.is_empty() {
            let _ = writeln!(out, "# text = {}", s.text);
        }
        for (j, w) in s.words.iter().enumerate() {
            let misc = if w.space_after { "_" } else { "SpaceAfter=No" };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                j + 1,
                w.form,
                w.lemma,
                w.upos,
                w.xpos,
                w.head,
                w.deprel,
                misc
            );
        }
        out.push('\n');
    }
    out
}

/// Reads every listed file under `dir`, skipping names that do not exist; returns the
/// sentences and how many files were read.
pub fn read_listed(dir: &Path, names: &[String]) -> Result<(Vec<Sentence>, usize), ConlluError> {
    let mut all = Vec::new();
    let mut count = 0;
    for name in names {
        let path = dir.join(name);
        if !path.exists() {
            continue;
        }
        all.extend(read_file(&path)?);
        count += 1;
    }
    Ok((all, count))
}

/// Converts an analysed document into CoNLL-U sentences.
pub fn from_doc(doc: &crate::Doc) -> Vec<Sentence> {
    doc.sentences()
        .map(|s| {
            let base = s.token_range().start;
            let words = s
                .tokens()
                .map(|t| Word {
                    form: t.text().to_string(),
                    lemma: t.lemma().to_string(),
                    upos: t.upos().as_str().to_string(),
                    xpos: t.xpos().to_string(),
                    head: t.head().map_or(0, |h| h.i() - base + 1),
                    deprel: t.deprel().to_string(),
                    space_after: t.i() + 1 >= doc.len()
                        || doc.token(t.i() + 1).span().start != t.span().end,
                })
                .collect();
            Sentence {
                text: s.text().replace('\n', " "),
                new_doc: false,
                new_par: false,
                words,
            }
        })
        .collect()
}

/// A document from CoNLL-U sentences, as written (a gold or hand-written parse): forms joined by
/// the spaces `SpaceAfter` gives, one sentence a line; the given lemmas ("_" reads as the
/// lower-cased form), tags and relations. Lets code that reads parses be tested without the
/// model.
pub fn to_doc(sentences: &[Sentence]) -> crate::Doc {
    let mut classes: Vec<(String, String)> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let index = |list: &mut Vec<String>, name: &str| -> u16 {
        match list.iter().position(|l| l == name) {
            Some(i) => i as u16,
            None => {
                list.push(name.to_string());
                (list.len() - 1) as u16
            }
        }
    };
    let mut text = String::new();
    let mut rows = Vec::new();
    for s in sentences {
        for (k, w) in s.words.iter().enumerate() {
            let start = text.len();
            text.push_str(&w.form);
            let class = (w.upos.clone(), w.xpos.clone());
            let tag = match classes.iter().position(|c| *c == class) {
                Some(i) => i as u16,
                None => {
                    classes.push(class);
                    (classes.len() - 1) as u16
                }
            };
            let label = index(&mut labels, &w.deprel);
            rows.push((start..text.len(), tag, w, label));
            if w.space_after && k + 1 < s.words.len() {
                text.push(' ');
            }
        }
        text.push('\n');
    }
    let upos = classes
        .iter()
        .map(|(u, _)| crate::Upos::from_name(u).unwrap_or(crate::Upos::X))
        .collect();
    let xpos = classes.into_iter().map(|(_, x)| x).collect();
    let names = std::sync::Arc::new(crate::Names::new(upos, xpos, labels));
    let whole = 0..text.len();
    let mut doc = crate::Doc::with_capacity(
        text.as_str().into(),
        0,
        whole,
        names,
        rows.len(),
        sentences.len(),
    );
    let mut rows = rows.into_iter();
    let mut first = 0;
    for s in sentences {
        for (span, tag, w, label) in rows.by_ref().take(s.words.len()) {
            let lemma = match w.lemma.as_str() {
                "_" => w.form.to_lowercase(),
                l => l.to_string(),
            };
            let head = match w.head {
                0 => u32::MAX,
                h => (first + h - 1) as u32,
            };
            doc.push_token(span, tag, &lemma, head, label);
        }
        doc.push_sentence(first..first + s.words.len());
        first += s.words.len();
    }
    doc
}

#[cfg(test)]
mod tests {
    use crate::{Deprel, Doc, Upos};

    const EXPELLED: &str = "\
1\tItaly\tItaly\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\texpelled\texpel\tVERB\tVBD\t_\t0\troot\t_\t_
3\t30\t30\tNUM\tCD\t_\t4\tnummod\t_\t_
4\tdiplomats\tdiplomat\tNOUN\tNNS\t_\t2\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj:pass\t_\t_
2\twere\tbe\tAUX\tVBD\t_\t3\taux:pass\t_\t_
3\tnamed\t_\tVERB\tVBN\t_\t0\troot\t_\t_
";

    #[test]
    fn a_hand_written_parse_is_a_document() {
        let doc = Doc::from_conllu(EXPELLED, "test").unwrap();
        assert_eq!(
            doc.text(),
            "Italy expelled 30 diplomats.\nThey were named\n"
        );
        assert_eq!(doc.sentence_count(), 2);
        let expelled = doc.token(1);
        assert_eq!((expelled.lemma(), expelled.upos()), ("expel", Upos::Verb));
        assert_eq!(expelled.rel(), Deprel::Root);
        let objects: Vec<&str> = expelled
            .children()
            .filter(|c| c.rel() == Deprel::Obj)
            .map(|c| c.text())
            .collect();
        assert_eq!(objects, ["diplomats"]);
        let they = doc.token(5);
        assert_eq!(they.head().map(|h| h.text()), Some("named"));
        assert_eq!(
            (they.rel(), they.deprel()),
            (Deprel::NsubjPass, "nsubj:pass")
        );
        assert_eq!(doc.token(7).lemma(), "named");
    }
}
