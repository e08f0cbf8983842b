//! TimeML files (TempEval-3 TBAQ): the document text with its tags taken out, the creation
//! date, and the TIMEX3 annotations as byte spans into that text; and the same document written
//! back with another set of TIMEX3 tags.

use crate::EvalError;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// One TIMEX3 annotation of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// `[start, end)` byte offsets into [`TimemlDoc::text`].
    pub span: [usize; 2],
    /// DATE, TIME, DURATION or SET.
    pub kind: String,
    pub value: String,
    pub text: String,
}

/// A TimeML document.
#[derive(Debug, Clone)]
pub struct TimemlDoc {
    pub path: PathBuf,
    /// Everything up to and including `<TEXT>`, kept verbatim for writing back.
    pub head: String,
    /// The text inside `<TEXT>`, tags removed and entities decoded.
    pub text: String,
    pub creation: Option<NaiveDate>,
    pub timexes: Vec<Timex>,
}

/// Reads every `.tml` file under `dir` (recursively), in path order.
pub fn load_dir(dir: &Path) -> Result<Vec<TimemlDoc>, EvalError> {
    let mut paths = Vec::new();
    collect(dir, &mut paths)?;
    paths.sort();
    if paths.is_empty() {
        return Err(EvalError::file(dir.display().to_string(), "no .tml files"));
    }
    paths.iter().map(|p| load(p)).collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|e| EvalError::read(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| EvalError::read(dir, e))?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads one TimeML file.
pub fn load(path: &Path) -> Result<TimemlDoc, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|e| EvalError::read(path, e))?;
    parse(path, &raw)
}

/// Parses TimeML markup.
pub fn parse(path: &Path, raw: &str) -> Result<TimemlDoc, EvalError> {
    let name = || path.display().to_string();
    let open = raw
        .find("<TEXT>")
        .ok_or_else(|| EvalError::file(name(), "no <TEXT> element"))?;
    let close = raw
        .rfind("</TEXT>")
        .ok_or_else(|| EvalError::file(name(), "no </TEXT> element"))?;
    let head = &raw[..open + "<TEXT>".len()];
    let creation = creation_date(head);
    let body = &raw[open + "<TEXT>".len()..close];
    let (text, timexes) = strip(body).map_err(|e| {
        let line = raw[..open].lines().count() + body[..e.0].lines().count();
        EvalError::line(name(), line, e.1)
    })?;
    Ok(TimemlDoc {
        path: path.to_path_buf(),
        head: head.to_string(),
        text,
        creation,
        timexes,
    })
}

fn creation_date(head: &str) -> Option<NaiveDate> {
    let at = head.find("CREATION_TIME")?;
    let tag_start = head[..at].rfind('<')?;
    let value = attr(&head[tag_start..], "value")?;
    attache_text::parse_published(value.get(..10).unwrap_or(&value)).ok()
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(decode(&tag[at..at + end]))
}

/// The text with tags removed, and the TIMEX3 spans; on error, the byte offset and why.
fn strip(body: &str) -> Result<(String, Vec<Timex>), (usize, String)> {
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode(&rest[..lt]));
        let at = body.len() - rest.len() + lt;
        let gt = rest[lt..]
            .find('>')
            .ok_or((at, "unclosed tag".to_string()))?;
        let tag = &rest[lt..lt + gt + 1];
        if tag.starts_with("<TIMEX3 ") {
            let kind = attr(tag, "type").unwrap_or_default();
            let value = attr(tag, "value").unwrap_or_default();
            open = Some((text.len(), kind, value));
        } else if tag == "</TIMEX3>" {
            let (start, kind, value) = open.take().ok_or((at, "</TIMEX3> unopened".into()))?;
            timexes.push(Timex {
                span: [start, text.len()],
                kind,
                value,
                text: text[start..].to_string(),
            });
        }
        rest = &rest[lt + gt + 1..];
    }
    text.push_str(&decode(rest));
    Ok((text, timexes))
}

fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn encode(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The document as TimeML with `found` as its only TIMEX3 tags (type DATE; ids from t1000).
/// Spans must not overlap and must lie on character boundaries of the text.
pub fn write_back(doc: &TimemlDoc, found: &[Timex]) -> String {
    let mut out = String::with_capacity(doc.head.len() + doc.text.len() * 2);
    out.push_str(&doc.head);
    let mut at = 0;
    for (n, t) in found.iter().enumerate() {
        out.push_str(&encode(&doc.text[at..t.span[0]]));
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\" temporalFunction=\"true\" \
             functionInDocument=\"NONE\">",
            1000 + n,
            t.kind,
            encode(&t.value).replace('"', "&quot;")
        ));
        out.push_str(&encode(&doc.text[t.span[0]..t.span[1]]));
        out.push_str("</TIMEX3>");
        at = t.span[1];
    }
    out.push_str(&encode(&doc.text[at..]));
    out.push_str("</TEXT>\n\n</TimeML>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Prices &amp; rents fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>, <EVENT eid="e1">said</EVENT> AT&amp;T.
</TEXT>
<TLINK lid="l1"/>
</TimeML>
"#;

    #[test]
    fn reads_text_creation_date_and_timexes() {
        let doc = parse(Path::new("x.tml"), SAMPLE).unwrap();
        assert_eq!(doc.text, "\nPrices & rents fell yesterday, said AT&T.\n");
        assert_eq!(doc.creation, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(doc.timexes.len(), 1);
        let t = &doc.timexes[0];
        assert_eq!(&doc.text[t.span[0]..t.span[1]], "yesterday");
        assert_eq!((t.kind.as_str(), t.value.as_str()), ("DATE", "1998-01-07"));
    }

    #[test]
    fn writes_back_the_same_text_with_new_tags() {
        let doc = parse(Path::new("x.tml"), SAMPLE).unwrap();
        let written = write_back(&doc, &doc.timexes);
        let again = parse(Path::new("y.tml"), &written).unwrap();
        assert_eq!(again.text, doc.text);
        assert_eq!(again.timexes, doc.timexes);
        assert_eq!(again.creation, doc.creation);
    }
}
