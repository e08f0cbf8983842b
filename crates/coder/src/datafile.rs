//! The coder's data files (triggers, word classes, figure words) share one layout: `#`
//! comments and blank lines anywhere, one header line naming the columns, then tab-separated
//! rows. One reader finds the rows; each file's parser reads its own columns.

/// One data row: its line number in the file (from 1) and its text without the line end.
pub(crate) struct Row<'t> {
    pub(crate) number: usize,
    pub(crate) text: &'t str,
}

/// The rows of a data file, in order.
pub(crate) struct Rows<'t> {
    pub(crate) rows: Vec<Row<'t>>,
    /// Whether the file has its header line (an empty file has none, and no rows).
    pub(crate) header: bool,
    /// The number of the file's last line, for errors about the file as a whole.
    pub(crate) last_line: usize,
}

/// A malformed line: its number and what is wrong with it. Each file's parser adds the file's
/// name to make a [`DataFileError`].
pub(crate) type LineError = (usize, String);

/// A data file that could not be read: the file, the line (from 1) and what is wrong there.
/// Every data file of the coder (triggers, word classes, senses, recipients, ...) reports its
/// errors as this one type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct DataFileError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

impl DataFileError {
    pub(crate) fn new(file: &str, line: usize, reason: impl Into<String>) -> DataFileError {
        DataFileError {
            file: file.to_string(),
            line,
            reason: reason.into(),
        }
    }
}

/// The data rows of `text`, after checking that its first line that is neither blank nor a
/// comment is `header`.
pub(crate) fn rows<'t>(text: &'t str, header: &str) -> Result<Rows<'t>, LineError> {
    let mut out = Rows {
        rows: Vec::new(),
        header: false,
        last_line: 0,
    };
    for (n, raw) in text.lines().enumerate() {
        out.last_line = n + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !out.header {
            if line != header {
                return Err((n + 1, format!("expected the header line {header:?}")));
            }
            out.header = true;
            continue;
        }
        out.rows.push(Row {
            number: n + 1,
            text: line,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blank_lines_and_the_header_are_not_rows() {
        let text = "# about\n\na\tb\r\n# more\nx\ty\n";
        let rows = rows(text, "a\tb").unwrap();
        assert!(rows.header);
        assert_eq!(rows.rows.len(), 1);
        assert_eq!((rows.rows[0].number, rows.rows[0].text), (5, "x\ty"));
        assert_eq!(rows.last_line, 5);
    }

    #[test]
    fn a_wrong_header_is_named_by_its_line() {
        let err = rows("# about\nc\td\n", "a\tb").err().unwrap();
        assert_eq!(err.0, 2);
        assert!(err.1.contains("expected the header line"));
    }
}
