//! `attache eval`: score the shipped extractor against gold standards (the work is in
//! `attache_eval::commands`).
//!
//! Exit codes: 0 scored (and, for `tally`, every expectation met); 1 a tally expectation failed;
//! 2 the gold file or the extractor could not be loaded.

use crate::Fallible;
use attache_coder::Extractor;
use attache_eval::{commands, merging::TopicSet};
use attache_merge::Strictness;
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Score on PLOVER gold standard records (JSON Lines, one sentence and event per line).
    Plover(PloverArgs),
    /// Check the per-actor tally of a few reports against expected counts.
    Tally(TallyArgs),
    /// Score the date finder on TimeML gold (TempEval-3): extent F1 and value accuracy.
    Dates(DatesArgs),
    /// Score merging on ECB+ (one event, many reports; never two events as one).
    Merge(MergeArgs),
    /// Score whole articles against a hand-coded event gold (data/eval/bbc-dev-gold.tsv).
    Events(EventsArgs),
}

#[derive(Args)]
pub struct PloverArgs {
    /// Gold file, e.g. ../shared/eval/plover-gsr-dev.jsonl.
    gold: PathBuf,
    /// Also list each record the system got wrong, with what went wrong.
    #[arg(long)]
    misses: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Args)]
pub struct TallyArgs {
    /// Tally gold file, e.g. data/eval/expulsions-tally.json.
    gold: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Args)]
pub struct DatesArgs {
    /// A TimeML file or a folder of them (searched recursively), e.g. ../shared/data/tempeval3.
    gold: PathBuf,
    /// Write each document to DIR as TimeML with the dates attache found.
    #[arg(long, value_name = "DIR")]
    predictions: Option<PathBuf>,
    /// Also list each gold DATE missed or valued wrong, and each date found without gold.
    #[arg(long)]
    misses: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct MergeArgs {
    /// The ECB+ folder, e.g. ../shared/data/ecbplus.
    ecbplus: PathBuf,
    /// Topics: dev (2 5 12 18 21 23 34 35), train (the rest of 1-35) or all.
    #[arg(long, default_value = "dev", value_parser = ["dev", "train", "all"])]
    topics: String,
    /// How strictly reports merge: strict, default or loose (as `attache ingest --merge`).
    #[arg(long, default_value = "default", value_parser = ["strict", "default", "loose"])]
    merge: String,
    /// Instead of scoring, print the gold-mention scores over a grid of content thresholds
    /// (fit them on `--topics train`).
    #[arg(long)]
    fit: bool,
    /// Instead of scoring, count the gold-coreferent pairs of two documents left apart by what
    /// keeps them apart, and the wrong links by why they were made (gold-mention setting).
    #[arg(long)]
    misses: bool,
    /// Print every topic's figures as JSON instead of the summary table.
    #[arg(long)]
    json: bool,
}

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
    /// Also list each missed gold event, each matched event whose recipient country or sector differs
    /// and each unmatched prediction.
    #[arg(long)]
    misses: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(cmd: EvalCommand) -> ExitCode {
    match score(cmd) {
        Ok(outcome) => {
            for note in &outcome.notes {
                eprintln!("attache eval: {note}");
            }
            print!("{}", outcome.report);
            if outcome.passed {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(message) => {
            eprintln!("attache eval: {message}");
            ExitCode::from(2)
        }
    }
}

fn score(cmd: EvalCommand) -> Fallible<commands::Outcome> {
    let ex = Extractor::load_default()?;
    Ok(match cmd {
        EvalCommand::Plover(a) => {
            commands::plover(&a.gold, &ex, a.misses, a.format == Format::Json)?
        }
        EvalCommand::Tally(a) => commands::tally(&a.gold, &ex, a.format == Format::Json)?,
        EvalCommand::Dates(a) => {
            commands::dates(&a.gold, &ex, a.predictions.as_deref(), a.misses, a.json)?
        }
        EvalCommand::Merge(a) => {
            let set = TopicSet::parse(&a.topics).ok_or("unknown topic set")?;
            let strictness = Strictness::parse(&a.merge).ok_or("unknown merge setting")?;
            commands::merge(&a.ecbplus, set, strictness, &ex, a.fit, a.misses, a.json)?
        }
        EvalCommand::Events(a) => {
            let events = a.events.as_deref();
            commands::events(&a.gold, &a.corpus, &ex, events, a.misses, a.json)?
        }
    })
}
