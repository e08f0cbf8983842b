//! `attache eval events GOLD --corpus CORPUS`: extract the gold's articles and score them
//! (attache_eval::events; docs/eval.md). Exit 0 scored, 2 the gold, corpus or extractor failed.

use crate::Fallible;
use attache_coder::Extractor;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct EventsArgs {
    /// Gold file, e.g. data/eval/bbc-dev-gold.tsv.
    gold: PathBuf,
    /// The articles, as JSON Lines with `id` and `text` (bench/cache/bbc-news.jsonl).
    #[arg(long)]
    corpus: PathBuf,
    /// Score these events (JSON Lines from `attache extract`) instead of extracting here.
    #[arg(long)]
    events: Option<PathBuf>,
    /// Also list each missed gold event and each unmatched prediction.
    #[arg(long)]
    misses: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: EventsArgs) -> ExitCode {
    match score(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("attache eval events: {message}");
            ExitCode::from(2)
        }
    }
}

fn score(args: &EventsArgs) -> Fallible<()> {
    let gold = attache_eval::events::gold::load(&args.gold)?;
    let extractor = Extractor::load_default()?;
    let name = args.gold.display().to_string();
    let mut report = attache_eval::run_events(
        &gold,
        &name,
        &args.corpus,
        &extractor,
        args.events.as_deref(),
    )?;
    if args.json {
        if !args.misses {
            report.misses.clear();
            report.false_positives.clear();
        }
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        print!("{}", report.render_text(args.misses));
    }
    Ok(())
}
