//! `attache serve`: the store in a browser and as a JSON API (the logic is in attache-serve).

use crate::store_cmd::DbArg;
use attache_pipeline::LexiconGroups;
use attache_serve::{ServeConfig, start};
use clap::Args;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    db: DbArg,
    /// Where to listen; an address beyond loopback needs a token
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8484")]
    addr: SocketAddr,
    /// A secret every request must carry (at least 16 characters) [default: $ATTACHE_TOKEN]
    #[arg(long, value_name = "SECRET")]
    token: Option<String>,
}

pub fn run(args: ServeArgs) -> ExitCode {
    let token = args
        .token
        .or_else(|| std::env::var("ATTACHE_TOKEN").ok())
        .filter(|t| !t.is_empty());
    let with_token = token.is_some();
    let config = ServeConfig::new(args.db.path(), args.addr, token);
    let server = match start(config, Arc::new(LexiconGroups)) {
        Ok(server) => server,
        Err(e) => {
            eprintln!("attache serve: {e}");
            return ExitCode::from(2);
        }
    };
    let first_page = if with_token { "?token=..." } else { "" };
    eprintln!(
        "attache serve: http://{}/{first_page} (the API at /api; Ctrl-C stops)",
        server.addr()
    );
    match server.wait() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("attache serve: {e}");
            ExitCode::from(2)
        }
    }
}
