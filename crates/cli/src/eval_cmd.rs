use clap::Subcommand;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Score on PLOVER gold standard records.
    Plover,
}

pub fn run(_cmd: EvalCommand) -> ExitCode {
    eprintln!("attache eval: under construction");
    ExitCode::FAILURE
}
