//! Throughput of `Lexicon::find` (and the one-time build): `cargo bench -p attache-lexicon`.
//! Reads the founding article and the PLOVER gold sentences from ../shared when present,
//! otherwise a built-in paragraph, repeated to about 8 MB.

use attache_lexicon::Lexicon;
use std::hint::black_box;
use std::time::Instant;

fn corpus() -> String {
    let shared = attache_testkit::workspace_root().join("../shared");
    let mut text = String::new();
    for rel in [
        "samples/expulsions-2022-04-05.txt",
        "eval/plover-gsr-dev.jsonl",
    ] {
        if let Ok(t) = std::fs::read_to_string(shared.join(rel)) {
            text.push_str(&t);
            text.push('\n');
        }
    }
    if text.is_empty() {
        text.push_str(
            "Italy, Spain, Denmark, Sweden and Estonia announced the expulsion of 80 Russian \
             diplomats, and Germany, Poland and Slovakia have taken similar actions. The \
             Kremlin said the moves narrowed diplomatic exchanges, Russian news agencies quoted \
             spokesman Dmitry Peskov as saying. EU finance ministers met in Luxembourg.\n",
        );
    }
    let mut big = String::with_capacity(8 << 20);
    while big.len() < 8 << 20 {
        big.push_str(&text);
    }
    big
}

fn main() {
    let data = attache_testkit::workspace_root().join("data/lexicon");
    let t = Instant::now();
    let lexicon = Lexicon::load_dir(&data).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "load_dir + automaton build: {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );

    let text = corpus();
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..5 {
        let t = Instant::now();
        found = black_box(lexicon.find(black_box(&text))).len();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "find: {:.1} MB in {:.1} ms (best of 5) = {:.1} MB/s, {found} matches",
        text.len() as f64 / 1e6,
        best * 1e3,
        text.len() as f64 / 1e6 / best
    );
}
