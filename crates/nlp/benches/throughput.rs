//! Tokens per second for tokenize + split + tag + lemmatize + parse on one core, over the raw
//! text of the EWT test file. Run: `cargo bench -p attache-nlp --bench throughput`.

use attache_nlp::{Analyzer, conllu, eval};
use std::time::Instant;

fn main() {
    let Some(test) = attache_testkit::shared_path("data/ud-english-ewt/en_ewt-ud-test.conllu")
    else {
        return;
    };
    let gold = conllu::read_file(&test).expect("EWT test file reads");
    let text = eval::raw_gold(&gold).text;
    let started = Instant::now();
    let analyzer = Analyzer::load_default().expect("shipped model loads");
    println!("model load: {:.3}s", started.elapsed().as_secs_f64());
    let doc = analyzer.analyze(&text); // warm-up
    let per_pass = doc.len();
    let mut best = f64::MAX;
    let mut total_tokens = 0;
    let mut total_time = 0.0;
    for _ in 0..5 {
        let t = Instant::now();
        let doc = analyzer.analyze(&text);
        let secs = t.elapsed().as_secs_f64();
        total_tokens += doc.len();
        total_time += secs;
        best = best.min(secs);
    }
    println!(
        "{per_pass} tokens per pass, {} bytes; mean {:.0} tokens/s, best {:.0} tokens/s (one thread)",
        text.len(),
        total_tokens as f64 / total_time,
        per_pass as f64 / best
    );
}
