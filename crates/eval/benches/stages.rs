//! Per-stage throughput on one core, over a JSON Lines corpus (bench/run.sh builds one from
//! the BBC News texts):
//!
//!     cargo bench -p attache-eval --bench stages -- /ABS/CORPUS.jsonl [--limit N] [--repeat N]
//!
//! Stages: read (JSON Lines into documents), analyze (tokenize, split, tag, lemmatize, parse),
//! tag+lemma+parse only (`analyze_tokens` on the tokens analyze found; it rebuilds the text, so
//! it is no exact part of analyze and tokenizing is not derived from it: see the profile in
//! docs/eval.md), extract (the coder's whole run, its own analysis included, so code = extract -
//! analyze), and store (the extracted events into a fresh SQLite file). A plain timing binary rather than a
//! statistics harness: each stage runs over thousands of documents, best of `--repeat` runs
//! (default 3), which is what the figures describe. The last line,
//! `corpus documents=.. sentences=.. bytes=..`, is read by bench/run.sh.

use attache_coder::Extractor;
use attache_nlp::Analyzer;
use attache_store::{EventStore, IngestDocument, SqliteStore};
use attache_text::{Document, ReadOptions, read_documents};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Documents per store transaction, as `attache ingest` does by default.
const STORE_BATCH: usize = 64;

/// CPU time spans shorter than this are not reported (see `best_of`).
const MIN_CPU_SPAN: Duration = Duration::from_millis(20);

/// Each stage runs this many times and the fastest run counts: the machine may be shared.
const DEFAULT_REPEAT: usize = 3;

struct Totals {
    documents: usize,
    sentences: usize,
    bytes: usize,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("stages: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let (read_time, documents) = best_of(args.repeat, || read_corpus(&args.corpus, args.limit));
    let documents = documents?;
    let mut totals = Totals {
        documents: documents.len(),
        sentences: 0,
        bytes: documents.iter().map(|d| d.text.len()).sum(),
    };

    // Without a trained model (models/en.nlp) the NLP stages are skipped, not faked.
    let (mut analyze_time, mut tag_parse_time) = (None, None);
    match Analyzer::load_default() {
        Ok(analyzer) => {
            let (time, token_sentences) = best_of(args.repeat, || {
                documents
                    .iter()
                    .map(|doc| sentence_tokens(&analyzer, &doc.text))
                    .collect::<Vec<_>>()
            });
            totals.sentences = token_sentences.iter().map(Vec::len).sum();
            analyze_time = Some(time);
            let (time, ()) = best_of(args.repeat, || {
                for sentences in &token_sentences {
                    std::hint::black_box(analyzer.analyze_tokens(sentences));
                }
            });
            tag_parse_time = Some(time);
        }
        Err(e) => eprintln!("stages: NLP stages skipped: cannot load the model: {e}"),
    }

    let extractor = Extractor::load_default().map_err(|e| e.to_string())?;
    let (extract_time, extracted) = best_of(args.repeat, || {
        documents
            .iter()
            .map(|document| IngestDocument::coded(document.clone(), extractor.extract(document)))
            .collect::<Vec<_>>()
    });
    let events: usize = extracted.iter().map(|d| d.events.len()).sum();

    let mut store_time: Option<Timing> = None;
    for run in 0..args.repeat.max(1) {
        let db =
            std::env::temp_dir().join(format!("attache-stages-{}-{run}.db", std::process::id()));
        let time = store(&db, &extracted);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let time = time?;
        store_time = Some(match store_time {
            None => time,
            Some(best) => Timing {
                wall: best.wall.min(time.wall),
                cpu: best.cpu.zip(time.cpu).map(|(a, b)| a.min(b)),
            },
        });
    }

    println!(
        "{} documents, {} sentences, {:.1} MB of text, {events} events; best of {} runs\n",
        totals.documents,
        totals.sentences,
        totals.bytes as f64 / 1e6,
        args.repeat.max(1)
    );
    println!(
        "{:<28} {:>9} {:>10} {:>12} {:>8} {:>12}",
        "stage (one core)", "seconds", "docs/s", "sentences/s", "MB/s", "sent/CPU-s"
    );
    let rows = [
        ("read JSON Lines", Some(read_time)),
        ("analyze (all NLP)", analyze_time),
        ("  tag+lemma+parse only", tag_parse_time),
        ("extract (analyze+code)", Some(extract_time)),
        (
            "  code (diff)",
            analyze_time.and_then(|a| extract_time.minus(a)),
        ),
        ("store (SQLite)", store_time),
    ];
    for (name, time) in rows {
        match time {
            Some(time) => print_row(name, time, &totals),
            None => println!("{name:<28} {:>9}", "n/a"),
        }
    }
    println!(
        "\ncorpus documents={} sentences={} bytes={}",
        totals.documents, totals.sentences, totals.bytes
    );
    Ok(())
}

/// Wall-clock and (on Linux) CPU time of a stage's fastest run.
#[derive(Clone, Copy)]
struct Timing {
    wall: Duration,
    cpu: Option<Duration>,
}

impl Timing {
    /// The time of a stage that includes `part`, less that part.
    fn minus(self, part: Timing) -> Option<Timing> {
        Some(Timing {
            wall: self.wall.checked_sub(part.wall)?,
            cpu: self.cpu.zip(part.cpu).and_then(|(a, b)| a.checked_sub(b)),
        })
    }
}

/// CPU time this thread has had, where the kernel reports it (/proc/thread-self/schedstat):
/// unlike wall time, it does not grow when other jobs share the cores.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: u64 = stat.split_whitespace().next()?.parse().ok()?;
    (nanos > 0).then(|| Duration::from_nanos(nanos))
}

/// Runs `stage` `runs` times (at least once): the shortest wall and CPU times (the runs least
/// disturbed by other load) and the last result.
fn best_of<T>(runs: usize, mut stage: impl FnMut() -> T) -> (Timing, T) {
    let mut best = Timing {
        wall: Duration::MAX,
        cpu: None,
    };
    let mut result = None;
    for _ in 0..runs.max(1) {
        let (cpu_start, started) = (thread_cpu(), Instant::now());
        let value = stage();
        best.wall = best.wall.min(started.elapsed());
        // The kernel updates the count at scheduling events: spans of a few milliseconds read
        // as (almost) nothing, so they give no CPU time rather than an absurd rate.
        if let (Some(start), Some(end)) = (cpu_start, thread_cpu()) {
            let cpu = end.saturating_sub(start);
            if cpu >= MIN_CPU_SPAN {
                best.cpu = Some(best.cpu.map_or(cpu, |b| b.min(cpu)));
            }
        }
        result = Some(value);
    }
    (best, result.expect("at least one run"))
}

fn read_corpus(path: &Path, limit: usize) -> Result<Vec<Document>, String> {
    let mut documents = Vec::new();
    for read in read_documents(path, &ReadOptions::default()).take(limit) {
        documents.push(read.map_err(|e| e.to_string())?);
    }
    Ok(documents)
}

/// The tokens of each sentence the analyzer finds in `text`.
fn sentence_tokens(analyzer: &Analyzer, text: &str) -> Vec<Vec<String>> {
    analyzer
        .analyze(text)
        .sentences()
        .map(|s| s.tokens().map(|t| t.text().to_string()).collect())
        .collect()
}

fn store(db: &Path, extracted: &[IngestDocument]) -> Result<Timing, String> {
    let mut store = SqliteStore::open(db).map_err(|e| e.to_string())?;
    let (timing, result) = best_of(1, || {
        for batch in extracted.chunks(STORE_BATCH) {
            store.ingest_batch(batch).map_err(|e| e.to_string())?;
        }
        Ok::<(), String>(())
    });
    result.map(|()| timing)
}

fn print_row(name: &str, time: Timing, totals: &Totals) {
    let seconds = time.wall.as_secs_f64().max(1e-9);
    // No sentence count without the NLP model: say so rather than print a rate of zero.
    let per_second = |d: Duration| {
        if totals.sentences == 0 {
            "n/a".to_string()
        } else {
            format!("{:.0}", totals.sentences as f64 / d.as_secs_f64().max(1e-9))
        }
    };
    println!(
        "{name:<28} {seconds:>9.3} {:>10.0} {:>12} {:>8.2} {:>12}",
        totals.documents as f64 / seconds,
        per_second(time.wall),
        totals.bytes as f64 / 1e6 / seconds,
        time.cpu.map_or("n/a".to_string(), per_second)
    );
}

struct BenchArgs {
    corpus: PathBuf,
    limit: usize,
    repeat: usize,
}

/// `CORPUS [--limit N] [--repeat N]`; cargo's own `--bench` flag is ignored.
fn parse_args() -> Result<BenchArgs, String> {
    let mut corpus = None;
    let mut limit = usize::MAX;
    let mut repeat = DEFAULT_REPEAT;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--bench" => {}
            "--limit" | "--repeat" => {
                let value = args.next().ok_or(format!("{arg} needs a number"))?;
                let number = value
                    .parse()
                    .map_err(|_| format!("{arg} {value:?} is not a number"))?;
                if arg == "--limit" {
                    limit = number;
                } else {
                    repeat = number;
                }
            }
            _ if corpus.is_none() && !arg.starts_with('-') => corpus = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    let corpus = corpus.ok_or(
        "usage: cargo bench -p attache-eval --bench stages -- /ABS/CORPUS.jsonl [--limit N] \
         [--repeat N] (an absolute path: cargo runs benches from the crate's folder)",
    )?;
    Ok(BenchArgs {
        corpus,
        limit,
        repeat,
    })
}
