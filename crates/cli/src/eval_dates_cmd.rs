//! `attache eval dates`: the date finder against TimeML gold (TempEval-3 TBAQ).

use crate::Fallible;
use attache_coder::Extractor;
use attache_eval::timeml;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

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

pub fn run(args: DatesArgs) -> Fallible<ExitCode> {
    let docs = if args.gold.is_dir() {
        timeml::load_dir(&args.gold)?
    } else {
        vec![timeml::load(&args.gold)?]
    };
    if let Some(dir) = &args.predictions {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let extractor = Extractor::load_default()?;
    let mut report = attache_eval::run_dates(&docs, &extractor, args.predictions.as_deref())?;
    if args.json {
        if !args.misses {
            report.misses.clear();
        }
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        print!("{}", report.render_text(args.misses));
    }
    Ok(ExitCode::SUCCESS)
}
