//! Per-stage throughput on one core, over a JSON Lines corpus (bench/run.sh builds one from
//! the BBC News texts):
//!
//!     cargo bench -p attache-eval --bench stages -- CORPUS.jsonl [--limit N]
//!
//! Stages: read (JSON Lines into documents), analyze (tokenize, split, tag, lemmatize, parse),
//! tag+parse (the same on the tokens analyze found, so tokenize = analyze - tag+parse), extract
//! (the coder's whole run, its own analysis included, so code = extract - analyze), and store
//! (the extracted events into a fresh SQLite file). A plain timing binary rather than a
//! statistics harness: each stage runs once over thousands of documents, which is what the
//! figures describe. The last line, `corpus documents=.. sentences=.. bytes=..`, is read by
//! bench/run.sh.

use attache_coder::Extractor;
use attache_nlp::Analyzer;
use attache_store::{EventStore, IngestDocument, SqliteStore};
use attache_text::{Document, ReadOptions, read_documents};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Documents per store transaction, as `attache ingest` does by default.
const STORE_BATCH: usize = 64;

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
    let (corpus, limit) = parse_args()?;
    let started = Instant::now();
    let mut documents: Vec<Document> = Vec::new();
    for read in read_documents(&corpus, &ReadOptions::default()) {
        documents.push(read.map_err(|e| e.to_string())?);
        if documents.len() == limit {
            break;
        }
    }
    let read_time = started.elapsed();
    let bytes = documents.iter().map(|d| d.text.len()).sum();
    let mut totals = Totals {
        documents: documents.len(),
        sentences: 0,
        bytes,
    };

    // Without a trained model (models/en.nlp) the NLP stages are skipped, not faked.
    let (analyze_time, tag_parse_time) = match Analyzer::load_default() {
        Ok(analyzer) => {
            let (analyze, tag_parse, sentences) = analyze_stages(&analyzer, &documents);
            totals.sentences = sentences;
            (Some(analyze), Some(tag_parse))
        }
        Err(e) => {
            eprintln!("stages: NLP stages skipped: cannot load the model: {e}");
            (None, None)
        }
    };

    let extractor = Extractor::load_default()?;
    let started = Instant::now();
    let extracted: Vec<IngestDocument> = documents
        .into_iter()
        .map(|document| IngestDocument {
            events: extractor.extract(&document),
            document,
        })
        .collect();
    let extract_time = started.elapsed();
    let events: usize = extracted.iter().map(|d| d.events.len()).sum();

    let db = std::env::temp_dir().join(format!("attache-stages-{}.db", std::process::id()));
    let store_time = store(&db, &extracted);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let store_time = store_time?;

    println!(
        "{} documents, {} sentences, {:.1} MB of text, {events} events\n",
        totals.documents,
        totals.sentences,
        totals.bytes as f64 / 1e6
    );
    println!(
        "{:<28} {:>9} {:>10} {:>12} {:>8}",
        "stage (one core)", "seconds", "docs/s", "sentences/s", "MB/s"
    );
    let rows = [
        ("read JSON Lines", Some(read_time)),
        ("analyze (all NLP)", analyze_time),
        ("  tag+lemma+parse", tag_parse_time),
        (
            "  tokenize+split (diff)",
            analyze_time
                .zip(tag_parse_time)
                .and_then(|(a, t)| a.checked_sub(t)),
        ),
        ("extract (analyze+code)", Some(extract_time)),
        (
            "  code (diff)",
            analyze_time.and_then(|a| extract_time.checked_sub(a)),
        ),
        ("store (SQLite)", Some(store_time)),
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

/// Times analysis of every document, then tagging and parsing alone on the tokens it found.
/// Returns (analyze, tag+parse, sentences).
fn analyze_stages(analyzer: &Analyzer, documents: &[Document]) -> (Duration, Duration, usize) {
    let mut token_sentences: Vec<Vec<Vec<String>>> = Vec::with_capacity(documents.len());
    let mut sentences = 0;
    let mut analyze_time = Duration::ZERO;
    for doc in documents {
        let started = Instant::now();
        let analysed = analyzer.analyze(&doc.text);
        analyze_time += started.elapsed();
        sentences += analysed.sentence_count();
        token_sentences.push(
            analysed
                .sentences()
                .map(|s| s.tokens().map(|t| t.text().to_string()).collect())
                .collect(),
        );
    }
    let started = Instant::now();
    for doc_sentences in &token_sentences {
        std::hint::black_box(analyzer.analyze_tokens(doc_sentences));
    }
    (analyze_time, started.elapsed(), sentences)
}

fn store(db: &std::path::Path, extracted: &[IngestDocument]) -> Result<Duration, String> {
    let mut store = SqliteStore::open(db).map_err(|e| e.to_string())?;
    let started = Instant::now();
    for batch in extracted.chunks(STORE_BATCH) {
        store.ingest_batch(batch).map_err(|e| e.to_string())?;
    }
    Ok(started.elapsed())
}

fn print_row(name: &str, time: Duration, totals: &Totals) {
    let seconds = time.as_secs_f64().max(1e-9);
    // No sentence count without the NLP model: say so rather than print a rate of zero.
    let sentences = if totals.sentences == 0 {
        "n/a".to_string()
    } else {
        format!("{:.0}", totals.sentences as f64 / seconds)
    };
    println!(
        "{name:<28} {seconds:>9.3} {:>10.0} {sentences:>12} {:>8.2}",
        totals.documents as f64 / seconds,
        totals.bytes as f64 / 1e6 / seconds
    );
}

/// `CORPUS [--limit N]`; cargo's own `--bench` flag is ignored.
fn parse_args() -> Result<(PathBuf, usize), String> {
    let mut corpus = None;
    let mut limit = usize::MAX;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--bench" => {}
            "--limit" => {
                let value = args.next().ok_or("--limit needs a number")?;
                limit = value
                    .parse()
                    .map_err(|_| format!("--limit {value:?} is not a number"))?;
            }
            _ if corpus.is_none() && !arg.starts_with('-') => corpus = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    let corpus = corpus
        .ok_or("usage: cargo bench -p attache-eval --bench stages -- CORPUS.jsonl [--limit N]")?;
    Ok((corpus, limit))
}
