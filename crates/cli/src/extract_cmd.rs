use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct ExtractArgs {}

pub fn run(_args: ExtractArgs) -> ExitCode {
    eprintln!("attache extract: under construction");
    ExitCode::FAILURE
}
