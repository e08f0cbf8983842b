//! Codes every document of a file (any format `attache_text` reads) on one thread and prints
//! the events per document and the time the coder took: a tool for studying the coder without
//! the rest of the CLI.
//!
//!     cargo run --release -p attache-coder --example code-file -- FILE [--published YYYY-MM-DD]

use attache_coder::Extractor;
use attache_text::{ReadOptions, read_documents};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: code-file FILE [--published YYYY-MM-DD]");
        std::process::exit(2);
    };
    let mut opts = ReadOptions::default();
    if args.next().as_deref() == Some("--published") {
        opts.published = args.next().and_then(|d| d.parse().ok());
    }
    let ex = Extractor::load_default().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let (mut docs, mut sentences, mut events, mut bytes) = (0usize, 0usize, 0usize, 0usize);
    let mut analysing = 0.0;
    let start = Instant::now();
    for doc in read_documents(&path, &opts) {
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        eprint!("{} ", doc.id);
        let t = Instant::now();
        let analysed = ex.analyzer().analyze(&doc.text);
        analysing += t.elapsed().as_secs_f64();
        let found = ex.code(&doc.id, &analysed, doc.publication.published);
        eprintln!("{} events", found.len());
        docs += 1;
        bytes += doc.text.len();
        sentences += analysed.sentence_count();
        events += found.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{docs} documents, {sentences} sentences, {events} events, {:.1} MB in {secs:.2} s: \
         {:.0} documents/s, {:.0} sentences/s; analysis {analysing:.2} s, coding {:.2} s",
        bytes as f64 / 1e6,
        docs as f64 / secs,
        sentences as f64 / secs,
        secs - analysing
    );
}
