use clap::Subcommand;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum NlpCommand {
    /// Train the tagger and parser.
    Train,
}

pub fn run(_cmd: NlpCommand) -> ExitCode {
    eprintln!("attache nlp: under construction");
    ExitCode::FAILURE
}
