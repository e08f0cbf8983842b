//! One CSV record read byte by byte: the quoting state machine behind [`crate::csv`].

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum FieldState {
    Start,
    Unquoted,
    Quoted,
    /// A `"` inside a quoted field: either the closing quote or the first of a doubled one.
    QuoteInQuoted,
    /// After a stray quote: the rest of the line is skipped.
    Stray,
}

/// A record being read: its fields so far, its bytes as read, and where a stray quote was.
pub(crate) struct RecordScan {
    /// The record's first line (1-based).
    line: usize,
    fields: Vec<Vec<u8>>,
    field: Vec<u8>,
    pub(crate) state: FieldState,
    /// Bytes of field content, counted past the cap too.
    pub(crate) size: u64,
    /// The record's bytes as read (up to the cap), to read its later lines again if it
    /// proves malformed.
    pub(crate) raw: Vec<u8>,
    column: usize,
    /// Line and column (1-based) of a quote followed by text inside a quoted field.
    pub(crate) stray: Option<(usize, usize)>,
    /// The record's end was read (or a stray quote ends it early).
    pub(crate) complete: bool,
    delimiter: u8,
    max_bytes: usize,
}

impl RecordScan {
    pub(crate) fn new(line: usize, delimiter: u8, max_bytes: usize) -> RecordScan {
        RecordScan {
            line,
            fields: Vec::new(),
            field: Vec::new(),
            state: FieldState::Start,
            size: 0,
            raw: Vec::new(),
            column: 0,
            stray: None,
            complete: false,
            delimiter,
            max_bytes,
        }
    }

    /// Takes the record's next byte; [`RecordScan::complete`] says when to stop.
    pub(crate) fn take(&mut self, byte: u8) {
        if self.raw.len() <= self.max_bytes {
            self.raw.push(byte);
        }
        self.column += 1;
        if byte == b'\n' {
            self.column = 0;
        }
        if self.state == FieldState::Stray {
            self.complete = byte == b'\n';
            return;
        }
        let outside_quotes = self.state != FieldState::Quoted;
        if outside_quotes && (byte == self.delimiter || byte == b'\n') {
            self.fields.push(std::mem::take(&mut self.field));
            self.state = FieldState::Start;
            self.complete = byte == b'\n';
            return;
        }
        self.state = self.next_state(byte);
    }

    fn next_state(&mut self, byte: u8) -> FieldState {
        match (self.state, byte) {
            (FieldState::Quoted, b'"') => FieldState::QuoteInQuoted,
            (FieldState::Quoted, _) => {
                self.keep(byte);
                FieldState::Quoted
            }
            // A carriage return outside quotes belongs to a CRLF line end.
            (state, b'\r') => state,
            (FieldState::Start, b'"') => FieldState::Quoted,
            (FieldState::QuoteInQuoted, b'"') => {
                self.keep(b'"');
                FieldState::Quoted
            }
            // Text after a closing quote (`"a"b`): the quote was a stray one. Inside a record
            // that already ran over lines, the record ends here and its later lines are read
            // again; on its first line the rest of the line is skipped.
            (FieldState::QuoteInQuoted, _) => {
                let later_lines = raw_newlines(&self.raw);
                self.stray = Some((self.line + later_lines, self.column - 1));
                self.complete = later_lines > 0;
                FieldState::Stray
            }
            (_, _) => {
                self.keep(byte);
                FieldState::Unquoted
            }
        }
    }

    /// Appends a byte of field content while the record is within the cap; counts it always.
    fn keep(&mut self, byte: u8) {
        self.size += 1;
        if self.size <= self.max_bytes as u64 {
            self.field.push(byte);
        }
    }

    /// The record's fields, the last one included when the input ended without a newline.
    pub(crate) fn into_fields(mut self) -> Vec<Vec<u8>> {
        if !self.complete {
            self.fields.push(self.field);
        }
        self.fields
    }
}

fn raw_newlines(raw: &[u8]) -> usize {
    raw.iter().filter(|&&b| b == b'\n').count()
}
