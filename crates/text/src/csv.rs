//! CSV and TSV with a header row (RFC 4180 quoting: fields in double quotes may hold
//! delimiters, newlines and doubled quotes), read one record at a time.

use crate::csv_scan::{FieldState, RecordScan};
use crate::error::human_size;
use crate::paths::{DocumentIds, io_reason};
use crate::reader::Input;
use crate::{
    CsvColumns, Document, InputError, Publication, ReadOptions, RecordError, parse_published,
};
use std::io;

pub(crate) struct CsvRecords {
    input: Input,
    /// Bytes read again before the input (from `replay_at`): the later lines of a malformed
    /// record.
    replay: Vec<u8>,
    replay_at: usize,
    delimiter: u8,
    /// Newlines consumed so far: the next record starts on line `newlines + 1`.
    newlines: usize,
    columns: Option<Columns>,
    records: usize,
    finished: bool,
}

/// Where each field is, resolved from the header.
struct Columns {
    text: usize,
    id: Option<usize>,
    date: Option<(usize, String)>,
    url: Option<usize>,
    title: Option<usize>,
    source: Option<usize>,
}

enum RawRecord {
    Fields {
        line: usize,
        fields: Vec<Vec<u8>>,
    },
    TooLong {
        line: usize,
        len: u64,
    },
    /// The file ends inside a quoted field; `resumed` when the lines after the record's first
    /// one are read again.
    Unterminated {
        line: usize,
        resumed: bool,
    },
    /// A quote followed by text inside a quoted field, at `quote_line`, `column` (1-based).
    StrayQuote {
        line: usize,
        quote_line: usize,
        column: usize,
    },
    End,
}

impl CsvRecords {
    pub fn new(input: Input, delimiter: u8) -> CsvRecords {
        CsvRecords {
            input,
            replay: Vec::new(),
            replay_at: 0,
            delimiter,
            newlines: 0,
            columns: None,
            records: 0,
            finished: false,
        }
    }

    pub fn next(
        &mut self,
        path: &str,
        ids: &DocumentIds,
        opts: &ReadOptions,
        max_bytes: usize,
    ) -> Option<Result<Document, InputError>> {
        if self.finished {
            return None;
        }
        loop {
            let raw = match self.read_record(max_bytes) {
                Ok(raw) => raw,
                Err(e) => {
                    self.finished = true;
                    let reason = format!("cannot read: {}", io_reason(&e));
                    return Some(Err(InputError::at_line(path, self.newlines + 1, reason)));
                }
            };
            let (line, fields) = match raw {
                RawRecord::End => {
                    self.finished = true;
                    return match (&self.columns, self.records) {
                        (None, _) => Some(Err(InputError::file(path, "empty file"))),
                        (Some(_), 0) => Some(Err(InputError::file(
                            path,
                            "empty file (a header and no records)",
                        ))),
                        _ => None,
                    };
                }
                RawRecord::Unterminated { line, resumed } => {
                    self.finished = !resumed;
                    let reason = RecordError::UnclosedQuote { resumed };
                    return Some(Err(InputError::at_line(path, line, reason.to_string())));
                }
                RawRecord::StrayQuote {
                    line,
                    quote_line,
                    column,
                } => {
                    self.records += 1;
                    let reason = RecordError::StrayQuote {
                        at: if quote_line == line {
                            format!("column {column}")
                        } else {
                            format!("line {quote_line}, column {column}")
                        },
                    };
                    return Some(Err(InputError::at_line(path, line, reason.to_string())));
                }
                RawRecord::TooLong { line, len } => {
                    self.records += 1;
                    let reason = format!(
                        "record is {}, more than the {} one document may have; skipped",
                        human_size(len),
                        human_size(max_bytes as u64)
                    );
                    return Some(Err(InputError::at_line(path, line, reason)));
                }
                RawRecord::Fields { line, fields } => (line, fields),
            };
            if fields.len() == 1 && fields[0].iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let Some(columns) = &self.columns else {
                match resolve_columns(fields, &opts.csv) {
                    Ok(columns) => {
                        self.columns = Some(columns);
                        continue;
                    }
                    Err(reason) => {
                        self.finished = true;
                        return Some(Err(InputError::at_line(path, line, reason.to_string())));
                    }
                }
            };
            self.records += 1;
            return Some(
                record_document(columns, fields, ids, line, opts)
                    .map_err(|reason| InputError::at_line(path, line, reason.to_string())),
            );
        }
    }

    /// Reads one record, holding at most `max_bytes` of field content in memory.
    ///
    /// A quote that closes a quoted field must be followed by a delimiter or the end of the
    /// line; any other byte after it makes the quote a stray one. The record is then reported
    /// and skipped, and reading goes on at the line after the record's first one: a stray
    /// opening quote never swallows the records after it.
    fn read_record(&mut self, max_bytes: usize) -> io::Result<RawRecord> {
        let line = self.newlines + 1;
        let mut scan = RecordScan::new(line, self.delimiter, max_bytes);
        let saw_any = self.scan_record(&mut scan)?;
        if !saw_any && !scan.complete {
            return Ok(RawRecord::End);
        }
        if let Some((quote_line, column)) = scan.stray {
            self.read_again_after_first_line(line, &scan.raw, max_bytes);
            return Ok(RawRecord::StrayQuote {
                line,
                quote_line,
                column,
            });
        }
        if scan.state == FieldState::Quoted {
            let resumed = self.read_again_after_first_line(line, &scan.raw, max_bytes);
            return Ok(RawRecord::Unterminated { line, resumed });
        }
        if scan.size > max_bytes as u64 {
            return Ok(RawRecord::TooLong {
                line,
                len: scan.size,
            });
        }
        let fields = scan.into_fields();
        Ok(RawRecord::Fields { line, fields })
    }

    /// Feeds the bytes of one record, from the replayed lines first and then the input, to
    /// `scan` until it is complete or the input ends. Says whether any byte was read.
    fn scan_record(&mut self, scan: &mut RecordScan) -> io::Result<bool> {
        let mut saw_any = false;
        while !scan.complete {
            let from_replay = self.replay_at < self.replay.len();
            let chunk = if from_replay {
                &self.replay[self.replay_at..]
            } else {
                match self.input.fill_buf() {
                    Ok(chunk) => chunk,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                }
            };
            if chunk.is_empty() {
                break;
            }
            saw_any = true;
            let mut used = 0;
            for &byte in chunk {
                used += 1;
                if byte == b'\n' {
                    self.newlines += 1;
                }
                scan.take(byte);
                if scan.complete {
                    break;
                }
            }
            if from_replay {
                self.replay_at += used;
            } else {
                self.input.consume(used);
            }
        }
        Ok(saw_any)
    }

    /// After a malformed record that ran over several lines, reads its lines after the first
    /// one again as records of their own. Says whether there was anything to read again.
    fn read_again_after_first_line(&mut self, line: usize, raw: &[u8], max_bytes: usize) -> bool {
        let Some(first_end) = raw.iter().position(|&b| b == b'\n') else {
            return false;
        };
        if raw.len() > max_bytes {
            return false; // too long to hold: reading goes on after it
        }
        let mut again = raw[first_end + 1..].to_vec();
        again.extend_from_slice(&self.replay[self.replay_at..]);
        self.replay = again;
        self.replay_at = 0;
        self.newlines = line;
        true
    }
}

fn resolve_columns(header: Vec<Vec<u8>>, wanted: &CsvColumns) -> Result<Columns, RecordError> {
    let names: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let name = if i == 0 {
                name.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(name)
            } else {
                name
            };
            String::from_utf8_lossy(name).trim().to_string()
        })
        .collect();
    let find = |name: &str| {
        names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(name.trim()))
    };
    let require = |name: &str, option: &'static str| {
        find(name).ok_or_else(|| RecordError::NoColumn {
            name: name.to_string(),
            columns: names.join(", "),
            option,
        })
    };
    let text = require(&wanted.text, "--csv-text")?;
    let id = match &wanted.id {
        Some(name) => Some(require(name, "--csv-id")?),
        None => find("id"),
    };
    let date = match &wanted.date {
        Some(name) => Some(require(name, "--csv-date")?),
        None => find("published").or_else(|| find("date")),
    };
    Ok(Columns {
        text,
        id,
        date: date.map(|at| (at, names[at].clone())),
        url: find("url"),
        title: find("title"),
        source: find("source"),
    })
}

fn record_document(
    columns: &Columns,
    mut fields: Vec<Vec<u8>>,
    ids: &DocumentIds,
    line: usize,
    opts: &ReadOptions,
) -> Result<Document, RecordError> {
    let field_count = fields.len();
    let mut take = |at: usize| -> Result<Option<String>, RecordError> {
        let Some(bytes) = fields.get_mut(at) else {
            return Ok(None);
        };
        match String::from_utf8(std::mem::take(bytes)) {
            Ok(value) if value.trim().is_empty() => Ok(None),
            Ok(value) => Ok(Some(value)),
            Err(e) => Err(RecordError::Utf8 {
                byte: e.utf8_error().valid_up_to() + 1,
                field: at + 1,
            }),
        }
    };
    let text = match take(columns.text)? {
        Some(text) => text,
        None if field_count <= columns.text => {
            return Err(RecordError::TooFewFields(field_count));
        }
        // A record with no text is read as it is; the pipeline skips it with a count.
        None => String::new(),
    };
    let id = match columns.id {
        Some(at) => take(at)?,
        None => None,
    }
    .unwrap_or_else(|| ids.of_record(line, &text));
    let published = match &columns.date {
        Some((at, name)) => match take(*at)? {
            Some(value) => {
                Some(
                    parse_published(&value).map_err(|source| RecordError::DateColumn {
                        column: name.clone(),
                        source,
                    })?,
                )
            }
            None => None,
        },
        None => None,
    }
    .or(opts.published);
    let mut optional = |at: Option<usize>| match at {
        Some(at) => take(at),
        None => Ok(None),
    };
    Ok(Document {
        id,
        text,
        publication: Publication {
            published,
            url: optional(columns.url)?,
            title: optional(columns.title)?,
            source: optional(columns.source)?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn read_all(input: &str, opts: &ReadOptions, max: usize) -> Vec<Result<Document, InputError>> {
        let input: Input = Box::new(io::BufReader::with_capacity(
            7,
            io::Cursor::new(input.to_string()),
        ));
        let mut records = CsvRecords::new(input, b',');
        std::iter::from_fn(|| {
            records.next("in.csv", &DocumentIds::Path("in.csv".into()), opts, max)
        })
        .collect()
    }

    #[test]
    fn quoted_fields_with_newlines_commas_and_quotes() {
        let input = "id,published,text\r\n\
                     a1,2022-04-05,\"Italy, Spain and Denmark \"\"expelled\"\"\n80 diplomats.\"\r\n\
                     \r\n\
                     a2,,Plain text\n";
        let opts = ReadOptions {
            published: NaiveDate::from_ymd_opt(2020, 1, 1),
            ..ReadOptions::default()
        };
        let docs: Vec<Document> = read_all(input, &opts, 1000)
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "a1");
        assert_eq!(
            docs[0].text,
            "Italy, Spain and Denmark \"expelled\"\n80 diplomats."
        );
        assert_eq!(
            docs[0].publication.published,
            NaiveDate::from_ymd_opt(2022, 4, 5)
        );
        assert_eq!(docs[1].id, "a2");
        assert_eq!(docs[1].publication.published, opts.published);
    }

    #[test]
    fn errors_name_the_record_line_and_reading_goes_on() {
        let input = "text,date\n\"two\nlines\",not-a-date\nok,\n,2022-01-01\nlast,2022-01-02";
        let got = read_all(input, &ReadOptions::default(), 1000);
        let shown: Vec<String> = got
            .iter()
            .map(|r| match r {
                Ok(doc) => format!("ok {} {}", doc.id, doc.text),
                Err(e) => e.to_string(),
            })
            .collect();
        assert_eq!(shown.len(), 4, "{shown:?}");
        assert!(
            shown[0].starts_with("in.csv:2: column \"date\": bad date"),
            "{shown:?}"
        );
        assert_eq!(shown[1], "ok in.csv:4 ok");
        assert_eq!(shown[2], "ok in.csv:5 ");
        assert_eq!(shown[3], "ok in.csv:6 last");
    }

    #[test]
    fn missing_column_and_unterminated_quote_stop_the_file() {
        let got = read_all("body,id\nx,1\n", &ReadOptions::default(), 1000);
        assert_eq!(got.len(), 1);
        let err = got[0].as_ref().unwrap_err().to_string();
        assert!(
            err.contains("no column \"text\"") && err.contains("body, id"),
            "{err}"
        );
        let got = read_all("text\nfine\n\"open and on", &ReadOptions::default(), 1000);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1].as_ref().unwrap_err().to_string(),
            "in.csv:3: quoted field never closed: the file ends inside it"
        );
    }

    #[test]
    fn oversized_records_are_skipped() {
        let input = format!("text\n\"{}\"\nsmall\n", "y\n".repeat(40));
        let got = read_all(&input, &ReadOptions::default(), 50);
        assert_eq!(got.len(), 2);
        assert!(
            got[0]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with("in.csv:2: record is 80 bytes")
        );
        assert_eq!(got[1].as_ref().unwrap().text, "small");
        assert_eq!(got[1].as_ref().unwrap().id, "in.csv:43");
    }

    fn shown(input: &str) -> Vec<String> {
        read_all(input, &ReadOptions::default(), 1000)
            .iter()
            .map(|r| match r {
                Ok(doc) => format!("ok {} {}", doc.id, doc.text),
                Err(e) => e.to_string(),
            })
            .collect()
    }

    // Failing before the fix: "column \"published\": bad date".
    #[test]
    fn a_stray_quote_in_a_line_is_named_not_a_bad_date() {
        let got = shown(
            "id,text,published\n\
             a1,\"He said \"no, never\" today\",2022-04-05\n\
             a2,Spain expelled 25.,2022-04-05\n",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[0].starts_with("in.csv:2: stray quote at column 13: a quote inside a quoted field"),
            "{got:?}"
        );
        assert_eq!(got[1], "ok a2 Spain expelled 25.");
    }

    // Failing before the fix: a1 swallowed a2 without a word.
    #[test]
    fn a_stray_opening_quote_never_swallows_the_next_records() {
        let got = shown(
            "id,text,published\n\
             a1,\"Italy expelled 30 Russian diplomats.,2022-04-05\n\
             a2,\"Spain expelled 25 Russian diplomats.\",2022-04-05\n\
             a3,Denmark expelled 15.,2022-04-05\n",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[0].starts_with("in.csv:2: stray quote at line 3, column 4"),
            "{got:?}"
        );
        assert_eq!(got[1], "ok a2 Spain expelled 25 Russian diplomats.");
        assert_eq!(got[2], "ok a3 Denmark expelled 15.");
    }

    #[test]
    fn an_unclosed_quote_skips_its_line_and_reading_goes_on() {
        let got = shown("text\n\"open\nand on\nlast\n");
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[0].starts_with(
                "in.csv:2: quoted field never closed: the file ends inside it (a stray quote?)"
            ),
            "{got:?}"
        );
        assert_eq!(got[1..], ["ok in.csv:3 and on", "ok in.csv:4 last"]);
    }
}
