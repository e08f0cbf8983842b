use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct IngestArgs {}
#[derive(Args)]
pub struct EventsArgs {}
#[derive(Args)]
pub struct TallyArgs {}
#[derive(Args)]
pub struct ShowArgs {}
#[derive(Args)]
pub struct ExportArgs {}

fn todo() -> ExitCode {
    eprintln!("attache store commands: under construction");
    ExitCode::FAILURE
}
pub fn ingest(_a: IngestArgs) -> ExitCode {
    todo()
}
pub fn events(_a: EventsArgs) -> ExitCode {
    todo()
}
pub fn tally(_a: TallyArgs) -> ExitCode {
    todo()
}
pub fn show(_a: ShowArgs) -> ExitCode {
    todo()
}
pub fn export(_a: ExportArgs) -> ExitCode {
    todo()
}
