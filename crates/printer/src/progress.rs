//! Progress of long runs (`attache extract`, `attache ingest`) on stderr, by bytes read: a bar
//! redrawn in place while stderr is a terminal, nothing otherwise (logs stay clean).

use crate::Layout;
use attache_pipeline::BytesRead;
use attache_store::BatchSummary;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
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
        "{} documents read, {} failed, {} empty skipped, {written} {what} written",
        read.documents, read.failed, read.empty
    )
}

/// The line `attache ingest` ends with: what was stored, what failed, what the coder read.
pub fn ingest_summary(
    total: &BatchSummary,
    failed: usize,
    sentences: usize,
    empty: usize,
) -> String {
    format!(
        "documents: {} new, {} unchanged, {} replaced, {failed} failed, {empty} empty skipped; \
         sentences: {sentences} ({} with events); events: {}; mentions merged: {}",
        total.new, total.unchanged, total.replaced, total.sentences, total.events, total.merged
    )
}

/// A bar of bytes read, redrawn by its own thread a few times a second until [`finish`].
///
/// [`finish`]: ByteProgress::finish
pub struct ByteProgress {
    /// Whether stderr is a terminal (and so whether the bar is drawn).
    pub terminal: bool,
    stop: Arc<(Mutex<bool>, Condvar)>,
    drawn: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

const REDRAW: Duration = Duration::from_millis(250);

impl ByteProgress {
    /// Starts the bar labelled `label` ("ingest") over `total` bytes (`None`: the inputs
    /// cannot be measured, and only the bytes read are shown). Nothing is drawn unless stderr
    /// is a terminal.
    pub fn start(label: &'static str, total: Option<u64>, read: Arc<BytesRead>) -> ByteProgress {
        let terminal = std::io::stderr().is_terminal();
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let drawn = Arc::new(AtomicBool::new(false));
        let thread = terminal.then(|| {
            let (stop, drawn) = (Arc::clone(&stop), Arc::clone(&drawn));
            std::thread::spawn(move || {
                let started = Instant::now();
                let (lock, wake) = &*stop;
                let mut stopped = lock.lock().unwrap_or_else(|e| e.into_inner());
                while !*stopped {
                    let line = bar(label, read.get(), total, started.elapsed());
                    // A closed stderr must not end the run: the bar is dropped.
                    let _ = write!(std::io::stderr().lock(), "\r\x1b[K{line}");
                    drawn.store(true, Ordering::Relaxed);
                    stopped = wake
                        .wait_timeout(stopped, REDRAW)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            })
        });
        ByteProgress {
            terminal,
            stop,
            drawn,
            thread,
        }
    }

    /// [`ByteProgress::start`] over the inputs of a pipeline run.
    pub fn for_run(
        label: &'static str,
        pipeline: &attache_pipeline::Pipeline,
        inputs: &[Result<std::path::PathBuf, attache_text::InputError>],
    ) -> ByteProgress {
        let total = attache_pipeline::input_bytes(inputs);
        ByteProgress::start(label, total, Arc::clone(&pipeline.bytes_read))
    }

    /// Prints a message on its own line, clearing the bar first when stderr is a terminal
    /// (`terminal`, as [`ByteProgress::terminal`] says); the bar comes back at its next
    /// drawing. A closed stderr drops the message.
    pub fn message(terminal: bool, text: &str) {
        let clear = if terminal { "\r\x1b[K" } else { "" };
        let _ = writeln!(std::io::stderr().lock(), "{clear}{text}");
    }

    /// Stops the bar and clears its line.
    pub fn finish(mut self) {
        self.stop_thread();
    }

    fn stop_thread(&mut self) {
        let Some(thread) = self.thread.take() else {
            return;
        };
        let (lock, wake) = &*self.stop;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
        wake.notify_all();
        let _ = thread.join();
        if self.drawn.load(Ordering::Relaxed) {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[K");
        }
    }
}

impl Drop for ByteProgress {
    fn drop(&mut self) {
        self.stop_thread();
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / f64::from(1u32 << 20))
}

/// One drawing of the bar: "ingest [#####     ] 12.3 of 50.0 MiB (24%), 3.1 MiB/s".
pub fn bar(label: &str, read: u64, total: Option<u64>, elapsed: Duration) -> String {
    const WIDTH: u64 = 30;
    let rate = read as f64 / f64::from(1u32 << 20) / elapsed.as_secs_f64().max(0.001);
    match total.filter(|t| *t > 0) {
        Some(total) => {
            let read = read.min(total);
            let filled = (read * WIDTH / total) as usize;
            format!(
                "{label} [{}{}] {} of {} MiB ({}%), {rate:.1} MiB/s",
                "#".repeat(filled),
                " ".repeat(WIDTH as usize - filled),
                mib(read),
                mib(total),
                read * 100 / total
            )
        }
        None => format!("{label}: {} MiB read, {rate:.1} MiB/s", mib(read)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_shows_the_share_of_bytes_read() {
        let line = bar("ingest", 25 << 20, Some(100 << 20), Duration::from_secs(5));
        assert!(line.starts_with("ingest [#######        "), "{line}");
        assert!(
            line.contains("25.0 of 100.0 MiB (25%), 5.0 MiB/s"),
            "{line}"
        );
        let unknown = bar("extract", 3 << 20, None, Duration::from_secs(1));
        assert_eq!(unknown, "extract: 3.0 MiB read, 3.0 MiB/s");
    }
}
