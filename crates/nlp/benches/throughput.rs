//! Tokens per second for tokenize + split + tag + lemmatize + parse on one thread, over the raw
//! text of the EWT test file. Run: `cargo bench -p attache-nlp --bench throughput`.
//!
//! Prints wall-clock rates and, on Linux, rates per second of CPU time of this thread (from
//! /proc/thread-self/schedstat), which stay meaningful when other jobs share the cores.

use attache_nlp::{Analyzer, conllu, eval};
use std::time::Instant;

/// Nanoseconds this thread has run on a CPU, where the kernel reports it.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

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
    let tokens = analyzer.analyze(&text).len(); // warm-up
    let passes = 10;
    let (mut best_wall, mut best_cpu) = (f64::MAX, f64::MAX);
    let (mut total_wall, mut total_cpu) = (0.0, 0.0);
    for _ in 0..passes {
        let cpu0 = thread_cpu_ns();
        let t = Instant::now();
        let doc = analyzer.analyze(&text);
        let wall = t.elapsed().as_secs_f64();
        assert_eq!(doc.len(), tokens);
        best_wall = best_wall.min(wall);
        total_wall += wall;
        if let (Some(a), Some(b)) = (cpu0, thread_cpu_ns()) {
            let cpu = (b - a) as f64 / 1e9;
            best_cpu = best_cpu.min(cpu);
            total_cpu += cpu;
        }
    }
    let n = (tokens * passes) as f64;
    println!(
        "{tokens} tokens per pass, {} bytes, {passes} passes, one thread",
        text.len()
    );
    println!(
        "wall clock: mean {:.0} tokens/s, best pass {:.0} tokens/s",
        n / total_wall,
        tokens as f64 / best_wall
    );
    if total_cpu > 0.0 {
        println!(
            "CPU time:   mean {:.0} tokens/s, best pass {:.0} tokens/s",
            n / total_cpu,
            tokens as f64 / best_cpu
        );
    }
}
