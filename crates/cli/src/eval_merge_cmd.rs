//! `attache eval merge`: merging scored on ECB+ (gold-mention and end-to-end settings).

use crate::Fallible;
use attache_coder::Extractor;
use attache_eval::merging::{self, TopicSet};
use attache_merge::Strictness;
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
    /// How strictly reports merge: strict, default or loose (as `attache ingest --merge`).
    #[arg(long, default_value = "default", value_parser = ["strict", "default", "loose"])]
    merge: String,
    /// Instead of scoring, print the gold-mention scores over a grid of content thresholds
    /// (fit them on `--topics train`).
    #[arg(long)]
    fit: bool,
    /// Print every topic's figures as JSON instead of the summary table.
    #[arg(long)]
    json: bool,
}

pub fn run(args: MergeArgs) -> Fallible<ExitCode> {
    let set = TopicSet::parse(&args.topics).ok_or("unknown topic set")?;
    let strictness = Strictness::parse(&args.merge).ok_or("unknown merge setting")?;
    let extractor = Extractor::load_default()?;
    if args.fit {
        for p in merging::fit(&args.ecbplus, set, &extractor)? {
            println!(
                "threshold {:.1} min_shared {:.0}: pairwise P {:.3}, CoNLL F1 {:.3}, clean topics {:.3}",
                p.threshold, p.min_shared, p.pairwise_precision, p.conll_f1, p.clean_topics
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let report = merging::run(&args.ecbplus, set, &extractor, strictness)?;
    if args.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        print!("{}", report.render_text());
    }
    Ok(ExitCode::SUCCESS)
}
