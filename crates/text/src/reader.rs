//! [`DocumentReader`]: opens one input lazily and streams its documents.

use crate::bytes::{binary_reason, decode_utf8, strip_bom};
use crate::csv::CsvRecords;
use crate::error::human_size;
use crate::jsonl::JsonlRecords;
use crate::paths::{DocumentIds, io_reason};
use crate::{Document, InputError, InputFormat, Publication, ReadOptions, html};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The largest document (a text or HTML file, one JSON line, one CSV record) a reader accepts.
/// Anything bigger is reported, not loaded: a runaway line must not exhaust memory.
pub const MAX_DOCUMENT_BYTES: usize = 64 << 20;

/// Buffer size for reading files: large enough that sniffing sees a whole first record.
const READ_BUFFER: usize = 1 << 16;

pub(crate) type Input = Box<dyn BufRead + Send>;

/// The documents of one input, in file order, read as they are asked for: memory holds one
/// record at a time however large the file. A bad record yields an `Err` and reading goes on;
/// a bad file (missing, binary, empty, ...) yields a single `Err`.
pub struct DocumentReader {
    path: PathBuf,
    name: String,
    /// How its documents are named (see [`DocumentIds`]); resolved on opening.
    ids: Option<DocumentIds>,
    opts: ReadOptions,
    max_bytes: usize,
    state: State,
}

enum State {
    Unopened,
    JsonLines(JsonlRecords),
    Csv(Box<CsvRecords>),
    Done,
}

/// Reads the documents of `path` (`-` is standard input). Nothing is opened until the first
/// call to `next`. The format comes from the extension (`.txt`, `.html`/`.htm`, `.jsonl`,
/// `.csv`, `.tsv`), else from the first bytes (JSON object lines, an HTML page, or text).
pub fn read_documents(path: &Path, opts: &ReadOptions) -> DocumentReader {
    DocumentReader {
        path: path.to_path_buf(),
        name: path.to_string_lossy().into_owned(),
        ids: None,
        opts: opts.clone(),
        max_bytes: MAX_DOCUMENT_BYTES,
        state: State::Unopened,
    }
}

impl DocumentReader {
    /// Lowers (or raises) the size cap of one document; [`MAX_DOCUMENT_BYTES`] by default.
    pub fn with_max_document_bytes(mut self, max_bytes: usize) -> DocumentReader {
        self.max_bytes = max_bytes;
        self
    }

    /// The input's name as given, used in errors (document ids are canonical: see
    /// [`crate::expand_paths`]'s callers and the crate documentation).
    pub fn name(&self) -> &str {
        &self.name
    }

    fn error(&self, reason: impl Into<String>) -> InputError {
        InputError::file(&self.name, reason)
    }

    /// Opens the input: returns the one document of a single-document format, or sets up
    /// the record reader and returns `None`.
    fn open(&mut self) -> Option<Result<Document, InputError>> {
        let stdin = self.path.as_os_str() == "-";
        self.ids = Some(DocumentIds::of(&self.path));
        let (mut input, size): (Input, Option<u64>) = if stdin {
            let input = BufReader::with_capacity(READ_BUFFER, std::io::stdin());
            (Box::new(input), None)
        } else {
            let file = match File::open(&self.path) {
                Ok(file) => file,
                Err(e) => return Some(Err(self.error(io_reason(&e)))),
            };
            let size = match file.metadata() {
                Ok(meta) if meta.is_dir() => return Some(Err(self.error("is a directory"))),
                Ok(meta) => Some(meta.len()),
                Err(e) => return Some(Err(self.error(io_reason(&e)))),
            };
            (Box::new(BufReader::with_capacity(READ_BUFFER, file)), size)
        };
        let head = match input.fill_buf() {
            Ok(head) => head,
            Err(e) => return Some(Err(self.error(format!("cannot read: {}", io_reason(&e))))),
        };
        if head.is_empty() {
            return Some(Err(self.error("empty file")));
        }
        if let Some(reason) = binary_reason(head) {
            return Some(Err(self.error(reason)));
        }
        let format = match InputFormat::from_path(&self.path) {
            Some(format) if !stdin => format,
            _ => InputFormat::sniff(head),
        };
        match format {
            InputFormat::Text | InputFormat::Html => {
                Some(self.read_single(input, size, format == InputFormat::Html))
            }
            InputFormat::JsonLines => {
                self.state = State::JsonLines(JsonlRecords::new(input));
                None
            }
            InputFormat::Csv | InputFormat::Tsv => {
                let delimiter = match format {
                    InputFormat::Tsv => b'\t',
                    _ => csv_delimiter(head),
                };
                self.state = State::Csv(Box::new(CsvRecords::new(input, delimiter)));
                None
            }
        }
    }

    fn read_single(
        &self,
        input: Input,
        size: Option<u64>,
        is_html: bool,
    ) -> Result<Document, InputError> {
        let too_big = |size: u64| {
            self.error(format!(
                "file is {}, more than the {} one document may have",
                human_size(size),
                human_size(self.max_bytes as u64)
            ))
        };
        if let Some(size) = size.filter(|&size| size > self.max_bytes as u64) {
            return Err(too_big(size));
        }
        let mut bytes = Vec::new();
        if let Err(e) = input
            .take(self.max_bytes as u64 + 1)
            .read_to_end(&mut bytes)
        {
            return Err(self.error(format!("cannot read: {}", io_reason(&e))));
        }
        if bytes.len() > self.max_bytes {
            return Err(too_big(bytes.len() as u64));
        }
        // The head was checked on opening; a NUL further on still means this is no text file.
        if let Some(at) = bytes.iter().position(|&b| b == 0) {
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            let reason = format!("binary data (NUL byte at offset {at}), not text");
            return Err(InputError::at_line(&self.name, line, reason));
        }
        strip_bom(&mut bytes);
        let mut publication = Publication::default();
        let text = if is_html {
            let page = html::decode_page(bytes).map_err(|problem| {
                InputError::at_line(&self.name, problem.line, problem.reason(0))
            })?;
            let extracted = html::html_to_text(&page);
            publication = Publication {
                published: extracted.published,
                url: extracted.url,
                title: extracted.title,
                source: extracted.site_name,
            };
            if extracted.text.is_empty() {
                return Err(self.error("no article text found in the page"));
            }
            extracted.text
        } else {
            let text = decode_utf8(bytes).map_err(|problem| {
                InputError::at_line(&self.name, problem.line, problem.reason(0))
            })?;
            if text.trim().is_empty() {
                return Err(self.error("empty file (only white space)"));
            }
            text
        };
        publication.published = publication.published.or(self.opts.published);
        let id = match &self.ids {
            Some(ids) => ids.of_file(&text),
            None => self.name.clone(),
        };
        Ok(Document {
            id,
            text,
            publication,
        })
    }
}

/// A comma, unless the header line has none and semicolons instead: spreadsheets in locales
/// that write decimal commas save "CSV" that way.
fn csv_delimiter(head: &[u8]) -> u8 {
    let header = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let commas = header.iter().filter(|&&b| b == b',').count();
    let semicolons = header.iter().filter(|&&b| b == b';').count();
    if commas == 0 && semicolons > 0 {
        b';'
    } else {
        b','
    }
}

impl Iterator for DocumentReader {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let item = match &mut self.state {
                State::Done => return None,
                State::Unopened => {
                    self.state = State::Done;
                    match self.open() {
                        Some(item) => return Some(item),
                        None => continue,
                    }
                }
                State::JsonLines(records) => {
                    let ids = self.ids.as_ref().unwrap_or(&DocumentIds::Content);
                    records.next(&self.name, ids, &self.opts, self.max_bytes)
                }
                State::Csv(records) => {
                    let ids = self.ids.as_ref().unwrap_or(&DocumentIds::Content);
                    records.next(&self.name, ids, &self.opts, self.max_bytes)
                }
            };
            if item.is_none() {
                self.state = State::Done;
            }
            return item;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::fs;

    use attache_testkit::ScratchDir as Scratch;

    fn scratch(name: &str) -> Scratch {
        Scratch::new("text", name)
    }

    fn shown(path: &Path, opts: &ReadOptions) -> Vec<String> {
        read_documents(path, opts)
            .map(|r| match r {
                Ok(doc) => format!("{} [{:?}] {}", doc.id, doc.publication.published, doc.text),
                Err(e) => format!("ERR {e}"),
            })
            .collect()
    }

    #[test]
    fn readers_can_move_to_another_thread() {
        fn send<T: Send>() {}
        send::<DocumentReader>();
    }

    #[test]
    fn text_files_are_kept_as_they_are() {
        let dir = scratch("text");
        let path = dir.join("a.txt");
        fs::write(&path, "\u{FEFF}Italy expelled 30.\r\n\r\nSpain 25.\n").unwrap();
        let opts = ReadOptions {
            published: NaiveDate::from_ymd_opt(2022, 4, 5),
            ..ReadOptions::default()
        };
        let docs: Vec<_> = read_documents(&path, &opts).collect();
        assert_eq!(docs.len(), 1);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.text, "Italy expelled 30.\r\n\r\nSpain 25.\n");
        assert_eq!(doc.id, path.to_string_lossy());
        assert_eq!(doc.publication.published, opts.published);
    }

    #[test]
    fn bad_files_give_one_error_naming_them() {
        let dir = scratch("bad");
        let cases: [(&str, &[u8], &str); 5] = [
            ("empty.txt", b"", "empty file"),
            ("blank.txt", b"  \n\n", "empty file (only white space)"),
            (
                "image.txt",
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
                "binary file (NUL byte at offset 8), not text",
            ),
            (
                "latin.txt",
                b"ok\nna\xefve\n",
                "invalid UTF-8 at byte offset 5",
            ),
            (
                "nothing.html",
                b"<html><body><nav>Home</nav></body></html>",
                "no article text found in the page",
            ),
        ];
        for (name, bytes, reason) in cases {
            let path = dir.join(name);
            fs::write(&path, bytes).unwrap();
            let got = shown(&path, &ReadOptions::default());
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(
                got[0].starts_with(&format!("ERR {}", path.display())),
                "{got:?}"
            );
            assert!(got[0].contains(reason), "{got:?} lacks {reason}");
        }
        let late_nul = dir.join("late.txt");
        let mut bytes = "text\n".repeat(3000).into_bytes();
        bytes.push(0);
        fs::write(&late_nul, bytes).unwrap();
        let got = shown(&late_nul, &ReadOptions::default());
        assert!(
            got[0].ends_with("late.txt:3001: binary data (NUL byte at offset 15000), not text"),
            "{got:?}"
        );
        let latin = shown(&dir.join("latin.txt"), &ReadOptions::default());
        assert!(latin[0].contains("latin.txt:2: "), "{latin:?}");
        let missing = shown(&dir.join("gone.txt"), &ReadOptions::default());
        assert_eq!(
            missing,
            [format!(
                "ERR {}: no such file or directory",
                dir.join("gone.txt").display()
            )]
        );
    }

    #[test]
    fn jsonl_streams_records_and_continues_after_bad_lines() {
        let dir = scratch("jsonl");
        let path = dir.join("feed.data");
        let long = "x".repeat(300);
        let lines = [
            r#"{"id": "a", "text": "Italy expelled 30 diplomats.", "published": "2022-04-05"}"#
                .to_string(),
            String::new(),
            r#"{"id": "b", "text": "truncat"#.to_string(),
            format!(r#"{{"id": "c", "text": "{long}"}}"#),
            r#"{"id": "d", "title": "no text"}"#.to_string(),
            r#"{"id": "e", "text": "Spain expelled 25."}"#.to_string(),
        ];
        fs::write(&path, lines.join("\n")).unwrap();
        let opts = ReadOptions {
            published: NaiveDate::from_ymd_opt(2000, 1, 1),
            ..ReadOptions::default()
        };
        let got: Vec<String> = read_documents(&path, &opts)
            .with_max_document_bytes(200)
            .map(|r| match r {
                Ok(doc) => format!("{} {:?}", doc.id, doc.publication.published),
                Err(e) => e.to_string(),
            })
            .collect();
        let name = path.display();
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[0], "a Some(2022-04-05)");
        assert!(
            got[1].starts_with(&format!("{name}:3: truncated JSON")),
            "{got:?}"
        );
        assert!(
            got[2].starts_with(&format!("{name}:4: line is 323 bytes")),
            "{got:?}"
        );
        assert_eq!(
            got[3],
            format!("{name}:5: record has no \"text\" field (it has: id, title)")
        );
        assert_eq!(got[4], "e Some(2000-01-01)");
    }

    #[test]
    fn invalid_utf8_in_a_jsonl_line_is_that_line_only() {
        let dir = scratch("jsonl-utf8");
        let path = dir.join("feed.jsonl");
        fs::write(
            &path,
            b"{\"text\": \"caf\xe9\"}\n{\"id\": \"ok\", \"text\": \"fine\"}\n",
        )
        .unwrap();
        let got = shown(&path, &ReadOptions::default());
        assert_eq!(got.len(), 2);
        assert!(
            got[0].ends_with("feed.jsonl:1: invalid UTF-8 at byte 14 of the line (the file must be UTF-8 encoded)"),
            "{got:?}"
        );
        assert_eq!(got[1], "ok [None] fine");
    }

    #[test]
    fn semicolon_csv_is_recognised() {
        let dir = scratch("semicolon");
        let path = dir.join("export.csv");
        fs::write(
            &path,
            "id;text;published\nr1;\"Italy expelled 30; Spain 25.\";2022-04-05\n",
        )
        .unwrap();
        let got = shown(&path, &ReadOptions::default());
        assert_eq!(got, ["r1 [Some(2022-04-05)] Italy expelled 30; Spain 25."]);
    }

    #[test]
    fn sniffed_html_gets_page_metadata() {
        let dir = scratch("sniff");
        let path = dir.join("page");
        fs::write(
            &path,
            "<!doctype html><title>T</title><meta name=\"pubdate\" content=\"20220405\"><p>Text.</p>",
        )
        .unwrap();
        let doc = read_documents(&path, &ReadOptions::default())
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(doc.text, "Text.");
        assert_eq!(doc.publication.title.as_deref(), Some("T"));
        assert_eq!(
            doc.publication.published,
            NaiveDate::from_ymd_opt(2022, 4, 5)
        );
    }
}
