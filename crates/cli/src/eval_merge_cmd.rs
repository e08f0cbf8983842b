//! `attache eval merge`: merging scored on ECB+ (gold-mention and end-to-end settings).

use attache_coder::Extractor;
use attache_eval::merging::{self, TopicSet};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct MergeArgs {
    /// The ECB+ folder, e.g. ../shared/data/ecbplus.
    ecbplus: PathBuf,
    /// Topics: dev (2 5 12 18 21 23 34 35), train (the rest of 1-35) or all.
    #[arg(long, default_value = "dev", value_parser = ["dev", "train", "all"])]
    topics: String,
    /// Print every topic's figures as JSON instead of the summary table.
    #[arg(long)]
    json: bool,
}

pub fn run(args: MergeArgs) -> Result<ExitCode, String> {
    let set = TopicSet::parse(&args.topics).ok_or("unknown topic set")?;
    let extractor = Extractor::load_default()?;
    let report = merging::run(&args.ecbplus, set, &extractor)?;
    if args.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        print!("{}", report.render_text());
    }
    Ok(ExitCode::SUCCESS)
}
