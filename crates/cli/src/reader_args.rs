//! The reader options `extract` and `ingest` share, as one flattened argument group.

use attache_text::{CsvColumns, ReadOptions, parse_published};
use chrono::NaiveDate;
use clap::Args;

#[derive(Args, Clone)]
pub struct ReaderArgs {
    /// Publication date of documents that carry none; relative dates count from it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    published: Option<NaiveDate>,
    /// CSV column holding the report text.
    #[arg(long, value_name = "COL", default_value = "text")]
    csv_text: String,
    /// CSV column holding the document id (default: a column named `id`, else `path:line`).
    #[arg(long, value_name = "COL")]
    csv_id: Option<String>,
    /// CSV column holding the publication date (default: a column named `published` or `date`).
    #[arg(long, value_name = "COL")]
    csv_date: Option<String>,
}

impl ReaderArgs {
    pub fn options(&self) -> ReadOptions {
        ReadOptions {
            published: self.published,
            csv: CsvColumns {
                text: self.csv_text.clone(),
                id: self.csv_id.clone(),
                date: self.csv_date.clone(),
            },
        }
    }
}

/// A user's dictionaries, read at run time (docs/lexicon.md, "Your own dictionaries").
#[derive(Args, Clone)]
pub struct DataArgs {
    /// Dictionary files extending the shipped ones (persons.tsv, aliases.tsv, ...)
    /// [default: $ATTACHE_DATA/lexicon]
    #[arg(long, value_name = "DIR")]
    lexicon: Option<std::path::PathBuf>,
    /// Trigger rows extending the shipped ones (the format of data/coder/triggers.tsv)
    /// [default: $ATTACHE_DATA/coder/triggers.tsv]
    #[arg(long, value_name = "FILE")]
    triggers: Option<std::path::PathBuf>,
}

impl DataArgs {
    pub fn user_data(&self) -> attache_pipeline::UserData {
        let (lexicon, triggers) = (self.lexicon.clone(), self.triggers.clone());
        attache_pipeline::UserData { lexicon, triggers }.or_env()
    }
}
