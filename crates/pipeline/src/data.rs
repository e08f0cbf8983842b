//! A user's dictionaries at run time: `--lexicon DIR`, `--triggers FILE` and the
//! `ATTACHE_DATA` directory extend the shipped data without a rebuild.

use attache_coder::Extractor;
use attache_lexicon::Lexicon;
use std::path::{Path, PathBuf};

/// A user's dictionaries could not be read, or the coder could not be built with them; the
/// message names the file and line.
#[derive(Debug, thiserror::Error)]
pub enum UserDataError {
    #[error(transparent)]
    Lexicon(#[from] attache_lexicon::LexiconError),
    #[error(transparent)]
    Coder(#[from] attache_coder::CoderError),
}

/// The user's data a run codes with, beyond the shipped dictionaries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserData {
    /// A directory of dictionary files named like the shipped ones (`persons.tsv`, ...).
    pub lexicon: Option<PathBuf>,
    /// A trigger file in the format of `data/coder/triggers.tsv`.
    pub triggers: Option<PathBuf>,
}

impl UserData {
    /// What is not given explicitly, from `$ATTACHE_DATA` laid out like the shipped `data/`:
    /// `$ATTACHE_DATA/lexicon/` and `$ATTACHE_DATA/coder/triggers.tsv`, where they exist.
    pub fn or_env(self) -> UserData {
        match std::env::var_os("ATTACHE_DATA").filter(|v| !v.is_empty()) {
            Some(dir) => self.or_dir(Path::new(&dir)),
            None => self,
        }
    }

    fn or_dir(self, dir: &Path) -> UserData {
        let lexicon = dir.join("lexicon");
        let triggers = dir.join("coder").join("triggers.tsv");
        UserData {
            lexicon: self.lexicon.or_else(|| lexicon.is_dir().then_some(lexicon)),
            triggers: self
                .triggers
                .or_else(|| triggers.is_file().then_some(triggers)),
        }
    }

    /// The shipped dictionaries extended by the user's (errors name file and line).
    pub fn lexicon(&self) -> Result<Option<Lexicon>, UserDataError> {
        self.lexicon
            .as_deref()
            .map(Lexicon::with_user_dir)
            .transpose()
            .map_err(UserDataError::from)
    }

    /// Checks the user's dictionaries and trigger file; returns the dictionaries when a
    /// directory is given.
    pub fn check(&self) -> Result<Option<Lexicon>, UserDataError> {
        if let Some(path) = &self.triggers {
            attache_coder::read_triggers(path)?;
        }
        self.lexicon()
    }

    /// The coder with the shipped model and dictionaries, extended by the user's.
    pub fn extractor(&self) -> Result<Extractor, UserDataError> {
        let mut extractor = Extractor::load_default()?;
        if let Some(lexicon) = self.lexicon()? {
            extractor = extractor.with_lexicon(lexicon);
        }
        if let Some(triggers) = &self.triggers {
            extractor = extractor.with_user_triggers(triggers)?;
        }
        Ok(extractor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_directory_fills_what_is_not_given() {
        let dir = std::env::temp_dir().join(format!("attache-data-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("lexicon")).unwrap();
        let given = UserData {
            lexicon: None,
            triggers: Some(PathBuf::from("mine.tsv")),
        };
        let filled = given.or_dir(&dir);
        assert_eq!(filled.lexicon, Some(dir.join("lexicon")));
        assert_eq!(filled.triggers, Some(PathBuf::from("mine.tsv")));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
