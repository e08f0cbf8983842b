//! `attache eval`: score the shipped extractor against gold standards.
//!
//! Exit codes: 0 scored (and, for `tally`, every expectation met); 1 a tally expectation failed;
//! 2 the gold file or the extractor could not be loaded.

use crate::Fallible;
use attache_coder::Extractor;
use attache_eval::{plover, tally};
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Score on PLOVER gold standard records (JSON Lines, one sentence and event per line).
    Plover(PloverArgs),
    /// Check the per-actor tally of a few reports against expected counts.
    Tally(TallyArgs),
    /// Score the date finder on TimeML gold (TempEval-3): extent F1 and value accuracy.
    Dates(crate::eval_dates_cmd::DatesArgs),
    /// Score merging on ECB+ (one event, many reports; never two events as one).
    Merge(crate::eval_merge_cmd::MergeArgs),
    /// Score whole articles against a hand-coded event gold (data/eval/bbc-dev-gold.tsv).
    Events(crate::eval_events_cmd::EventsArgs),
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

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(cmd: EvalCommand) -> ExitCode {
    let result = match cmd {
        EvalCommand::Plover(args) => run_plover(args),
        EvalCommand::Tally(args) => run_tally(args),
        EvalCommand::Dates(args) => crate::eval_dates_cmd::run(args),
        EvalCommand::Merge(args) => crate::eval_merge_cmd::run(args),
        EvalCommand::Events(args) => return crate::eval_events_cmd::run(args),
    };
    result.unwrap_or_else(|message| {
        eprintln!("attache eval: {message}");
        ExitCode::from(2)
    })
}

fn run_plover(args: PloverArgs) -> Fallible<ExitCode> {
    let gold = plover::load_gold(&args.gold)?;
    for skipped in &gold.skipped {
        eprintln!("attache eval: skipped {skipped}");
    }
    let extractor = Extractor::load_default()?;
    let mut report = attache_eval::run_plover(&gold, &extractor);
    match args.format {
        Format::Text => print!("{}", report.render_text(args.misses)),
        Format::Json => {
            if !args.misses {
                report.misses.clear();
            }
            print_json(&report)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn run_tally(args: TallyArgs) -> Fallible<ExitCode> {
    let loaded = tally::load(&args.gold)?;
    let extractor = Extractor::load_default()?;
    let report = attache_eval::run_tally(&loaded, &extractor);
    match args.format {
        Format::Text => print!("{}", report.render_text()),
        Format::Json => print_json(&report)?,
    }
    Ok(if report.passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn print_json(value: &impl Serialize) -> Fallible<()> {
    let json =
        serde_json::to_string_pretty(value).map_err(|e| format!("cannot write JSON: {e}"))?;
    println!("{json}");
    Ok(())
}
