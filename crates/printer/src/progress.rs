//! Progress of `attache ingest` on stderr.

use crate::Layout;
use attache_store::BatchSummary;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// The line `attache extract` ends with: documents read and failed, events (or documents)
/// written.
pub fn extract_summary(read: &attache_pipeline::Summary, written: usize, layout: Layout) -> String {
    let what = if layout == Layout::Documents {
        "documents"
    } else {
        "events"
    };
    format!(
        "{} documents read, {} failed, {written} {what} written",
        read.documents, read.failed
    )
}

/// The line `attache ingest` ends with: what was stored, what failed, what the coder read.
pub fn ingest_summary(total: &BatchSummary, failed: usize, sentences: usize) -> String {
    format!(
        "documents: {} new, {} unchanged, {} replaced, {failed} failed; sentences: {sentences} \
         ({} with events); events: {}; mentions merged: {}",
        total.new, total.unchanged, total.replaced, total.sentences, total.events, total.merged
    )
}

/// Progress on stderr: a bar redrawn in place on a terminal, a plain line now and then otherwise.
pub struct IngestProgress {
    pub terminal: bool,
    pub files_total: usize,
    /// When the last plain line was written (or the run started).
    last: Option<Instant>,
}

impl IngestProgress {
    pub fn new(files_total: usize) -> IngestProgress {
        IngestProgress {
            terminal: std::io::stderr().is_terminal(),
            files_total,
            last: Some(Instant::now()),
        }
    }

    pub fn stored(&mut self, files_done: usize, total: &BatchSummary, last_batch: bool) {
        let documents = total.new + total.unchanged + total.replaced;
        let mut err = std::io::stderr().lock();
        if self.terminal {
            const WIDTH: usize = 30;
            let filled = (files_done * WIDTH)
                .checked_div(self.files_total)
                .unwrap_or(WIDTH)
                .min(WIDTH);
            let _ = write!(
                err,
                "\r\x1b[K[{}{}] {files_done}/{} files, {documents} documents, {} events",
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                self.files_total,
                total.events
            );
            if last_batch {
                let _ = writeln!(err);
            }
        } else if last_batch
            || self
                .last
                .is_none_or(|t| t.elapsed() >= Duration::from_secs(2))
        {
            self.last = Some(Instant::now());
            let _ = writeln!(
                err,
                "ingest: {files_done}/{} files, {documents} documents stored, {} events",
                self.files_total, total.events
            );
        }
    }

    /// Prints a message on its own line, clearing the bar first.
    pub fn message(terminal: bool, text: &str) {
        let clear = if terminal { "\r\x1b[K" } else { "" };
        // A closed stderr (`2>&1 | head -1`) must not end the run: the message is dropped.
        let _ = writeln!(std::io::stderr().lock(), "{clear}{text}");
    }
}
