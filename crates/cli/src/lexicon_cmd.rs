//! `attache lexicon check / find`: a user's dictionaries checked, and how a phrase resolves.

use crate::reader_args::DataArgs;
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum LexiconCommand {
    /// Check a directory of dictionary files (and a trigger file): errors as file:line.
    Check {
        dir: PathBuf,
        /// A trigger file to check too
        #[arg(long, value_name = "FILE")]
        triggers: Option<PathBuf>,
    },
    /// Show what a phrase resolves to: dictionary entries, codes, sectors.
    Find {
        text: String,
        #[command(flatten)]
        data: DataArgs,
    },
}

pub fn run(command: LexiconCommand) -> ExitCode {
    let (data, text) = match command {
        LexiconCommand::Check { dir, triggers } => {
            let lexicon = Some(dir);
            (attache_pipeline::UserData { lexicon, triggers }, None)
        }
        LexiconCommand::Find { text, data } => (data.user_data(), Some(text)),
    };
    match (data.check(), text) {
        (Err(e), _) => {
            eprintln!("attache lexicon: {e}");
            return ExitCode::FAILURE;
        }
        (Ok(_), None) => println!("attache lexicon: the files are valid"),
        (Ok(lexicon), Some(text)) => {
            let lexicon = lexicon
                .as_ref()
                .unwrap_or(attache_lexicon::Lexicon::embedded());
            print!("{}", attache_printer::lexicon_matches(lexicon, &text));
        }
    }
    ExitCode::SUCCESS
}
