//! JSON Lines: one document per line, `{"id", "text", "published"?, "url"?, "title"?, "source"?}`.

use crate::bytes::{Line, read_capped_line};
use crate::error::human_size;
use crate::paths::{DocumentIds, io_reason};
use crate::reader::Input;
use crate::{Document, InputError, Publication, ReadOptions, RecordError, parse_published};
use serde_json::{Map, Value};

pub(crate) struct JsonlRecords {
    input: Input,
    buf: Vec<u8>,
    /// Number of the line last read (1-based).
    line: usize,
    /// Non-blank lines seen, good or bad: none at all means the file is empty.
    records: usize,
}

impl JsonlRecords {
    pub fn new(input: Input) -> JsonlRecords {
        JsonlRecords {
            input,
            buf: Vec::new(),
            line: 0,
            records: 0,
        }
    }

    pub fn next(
        &mut self,
        path: &str,
        ids: &DocumentIds,
        opts: &ReadOptions,
        max_bytes: usize,
    ) -> Option<Result<Document, InputError>> {
        loop {
            let read = read_capped_line(&mut self.input, &mut self.buf, max_bytes);
            self.line += 1;
            let line = self.line;
            match read {
                Err(e) => {
                    let reason = format!("cannot read: {}", io_reason(&e));
                    // A failing device will fail again: report once and stop.
                    self.records = usize::MAX;
                    return Some(Err(InputError::at_line(path, line, reason)));
                }
                Ok(Line::End) => {
                    if self.records == 0 {
                        self.records = usize::MAX;
                        return Some(Err(InputError::file(path, "empty file (no records)")));
                    }
                    return None;
                }
                Ok(Line::TooLong(len)) => {
                    self.records = self.records.saturating_add(1);
                    let reason = format!(
                        "line is {}, more than the {} one document may have; skipped",
                        human_size(len),
                        human_size(max_bytes as u64)
                    );
                    return Some(Err(InputError::at_line(path, line, reason)));
                }
                Ok(Line::Read) => {}
            }
            let bytes = if line == 1 && self.buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
                &self.buf[3..]
            } else {
                &self.buf[..]
            };
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.records = self.records.saturating_add(1);
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => text,
                Err(e) => {
                    let reason = format!(
                        "invalid UTF-8 at byte {} of the line (the file must be UTF-8 encoded)",
                        e.valid_up_to() + 1
                    );
                    return Some(Err(InputError::at_line(path, line, reason)));
                }
            };
            return Some(
                parse_record(text, ids, line, opts)
                    .map_err(|reason| InputError::at_line(path, line, reason.to_string())),
            );
        }
    }
}

/// One JSON Lines record as a document. `path:line` stands in for a missing id.
fn parse_record(
    line_text: &str,
    ids: &DocumentIds,
    line: usize,
    opts: &ReadOptions,
) -> Result<Document, RecordError> {
    let value: Value = serde_json::from_str(line_text).map_err(|e| {
        if let Some(lone) = lone_surrogate(line_text) {
            lone
        } else if e.is_eof() {
            RecordError::TruncatedJson { column: e.column() }
        } else {
            RecordError::Json {
                column: e.column(),
                message: strip_position(&e),
            }
        }
    })?;
    let Value::Object(mut record) = value else {
        return Err(RecordError::NotAnObject {
            found: kind_of(&value),
        });
    };
    let text = match record.remove("text") {
        Some(Value::String(text)) => text,
        Some(Value::Null) | None => {
            let mut fields: Vec<&str> = record.keys().map(String::as_str).take(9).collect();
            if fields.len() == 9 {
                fields[8] = "...";
            }
            return Err(RecordError::NoText {
                fields: fields.join(", "),
            });
        }
        Some(other) => {
            return Err(RecordError::FieldType {
                field: "text",
                expected: "a string",
                found: kind_of(&other),
            });
        }
    };
    // A record with empty text is read as it is: the pipeline skips it with a count.
    let id = match record.remove("id") {
        Some(Value::String(id)) if !id.is_empty() => id,
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Null) | None => ids.of_record(line, &text),
        Some(other) => {
            return Err(RecordError::FieldType {
                field: "id",
                expected: "a string or a number",
                found: kind_of(&other),
            });
        }
    };
    let published = match optional_string(&mut record, "published")? {
        Some(value) => Some(parse_published(&value).map_err(RecordError::PublishedField)?),
        None => opts.published,
    };
    Ok(Document {
        id,
        text,
        publication: Publication {
            published,
            url: optional_string(&mut record, "url")?,
            title: optional_string(&mut record, "title")?,
            source: optional_string(&mut record, "source")?,
        },
    })
}

/// The first `\\uXXXX` escape of half a UTF-16 surrogate pair without its other half: JSON
/// that no UTF-8 text can hold (serde_json calls it an "unexpected end of hex escape").
fn lone_surrogate(line: &str) -> Option<RecordError> {
    let bytes = line.as_bytes();
    let unit_at = |at: usize| -> Option<u16> {
        let hex = bytes.get(at..at + 6)?;
        if !hex.starts_with(b"\\u") {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    };
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] != b'\\' {
            at += 1;
            continue;
        }
        let Some(unit) = unit_at(at) else {
            at += 2; // any other escape, `\\` included
            continue;
        };
        let high = (0xD800..0xDC00).contains(&unit);
        let low = (0xDC00..0xE000).contains(&unit);
        let paired = high && unit_at(at + 6).is_some_and(|next| (0xDC00..0xE000).contains(&next));
        if (high && !paired) || low {
            return Some(RecordError::LoneSurrogate {
                column: line[..at].chars().count() + 1,
                escape: line[at..at + 6].to_string(),
            });
        }
        at += if paired { 12 } else { 6 };
    }
    None
}

fn optional_string(
    record: &mut Map<String, Value>,
    field: &'static str,
) -> Result<Option<String>, RecordError> {
    match record.remove(field) {
        Some(Value::String(value)) if !value.trim().is_empty() => Ok(Some(value)),
        Some(Value::String(_)) | Some(Value::Null) | None => Ok(None),
        Some(other) => Err(RecordError::FieldType {
            field,
            expected: "a string",
            found: kind_of(&other),
        }),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message without its " at line 1 column 7" tail: the caller says where.
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn ids(path: &str) -> DocumentIds {
        DocumentIds::Path(path.to_string())
    }

    fn parse(line: &str) -> Result<Document, RecordError> {
        parse_record(line, &ids("feed.jsonl"), 7, &ReadOptions::default())
    }

    #[test]
    fn full_record() {
        let doc = parse(
            r#"{"id": "ft-1", "text": "Italy expelled 30 diplomats.", "published": "2022-04-05T10:00:00+01:00", "url": "https://example.org/a", "title": "Expulsions", "source": "Financial Times", "extra": 1}"#,
        )
        .unwrap();
        assert_eq!(doc.id, "ft-1");
        assert_eq!(doc.text, "Italy expelled 30 diplomats.");
        assert_eq!(
            doc.publication.published,
            NaiveDate::from_ymd_opt(2022, 4, 5)
        );
        assert_eq!(doc.publication.source.as_deref(), Some("Financial Times"));
    }

    #[test]
    fn missing_id_points_at_the_line_and_default_date_applies() {
        let opts = ReadOptions {
            published: NaiveDate::from_ymd_opt(2022, 4, 5),
            ..ReadOptions::default()
        };
        let doc = parse_record(r#"{"text": "x", "id": 12}"#, &ids("f.jsonl"), 3, &opts).unwrap();
        assert_eq!(doc.id, "12");
        assert_eq!(doc.publication.published, opts.published);
        let doc = parse_record(r#"{"text": "x"}"#, &ids("f.jsonl"), 3, &opts).unwrap();
        assert_eq!(doc.id, "f.jsonl:3");
    }

    #[test]
    fn bad_records_say_why() {
        assert!(
            parse(r#"{"id": "a", "text": "Italy expel"#)
                .unwrap_err()
                .to_string()
                .contains("truncated")
        );
        assert_eq!(
            parse(r#"{"id": "a", "body": "x"}"#)
                .unwrap_err()
                .to_string(),
            "record has no \"text\" field (it has: body, id)"
        );
        assert!(
            parse(r#"{"text": 5}"#)
                .unwrap_err()
                .to_string()
                .contains("must be a string")
        );
        assert!(
            parse(r#"[1, 2]"#)
                .unwrap_err()
                .to_string()
                .contains("an array")
        );
        assert!(
            parse(r#"{"text": "a", "published": "05/04/2022"}"#)
                .unwrap_err()
                .to_string()
                .contains("05/04/2022")
        );
        let err = parse(r#"{"text": "a",, }"#).unwrap_err().to_string();
        assert!(err.starts_with("invalid JSON at column 14"), "{err}");
    }

    // Failing before the fix: "unexpected end of hex escape".
    #[test]
    fn a_lone_surrogate_is_named() {
        let err = parse(r#"{"id": "a", "text": "Italy \ud800 expelled 30."}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "lone surrogate \\ud800 at column 28: half of a UTF-16 pair, which no UTF-8 text \
             can hold (the writer must escape the whole character as a pair)"
        );
        let err = parse(r#"{"text": "x\udc00"}"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("lone surrogate \\udc00 at column 12"),
            "{err}"
        );
        let pair = parse(r#"{"text": "\\ud800 \ud83d\ude00 ok"}"#).unwrap();
        assert_eq!(pair.text, "\\ud800 \u{1F600} ok");
    }
}
