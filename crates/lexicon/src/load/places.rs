//! capitals.tsv, cities.tsv and subdivisions.tsv: the places that stand for a state ("Moscow"
//! for Russia's government) or locate an event in it.

use super::{Builder, lines};
use crate::{Entry, EntryKind, LexiconError};

impl Builder {
    pub(super) fn capitals(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for line in lines(file, text, "alpha3, capital", 2, 2)? {
            let code = self.country_code(&line, 0)?;
            let capital = line.req(1, "capital")?;
            self.add_capital(code, capital, capital);
        }
        Ok(())
    }

    pub(super) fn add_capital(&mut self, code: &str, phrase: &str, canonical: &str) {
        // As an actor, a capital stands for the government seated there ("Rome has marked").
        let entry = Entry {
            kind: EntryKind::Capital,
            code: Some(code.to_string()),
            sector: Some("GOV".to_string()),
            canonical: canonical.to_string(),
            roles: Vec::new(),
        };
        self.phrases.add(phrase, entry);
        let country = &mut self.countries[self.country_index[code]];
        country.capital.get_or_insert_with(|| canonical.to_string());
    }

    pub(super) fn cities(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        let columns = "name, alpha3, population, latitude, longitude";
        for line in lines(file, text, columns, 5, 5)? {
            let name = line.req(0, "name")?;
            let code = self.country_code(&line, 1)?;
            let number = |i: usize, what: &str, range: std::ops::RangeInclusive<f64>| {
                let field = line.req(i, what)?;
                field
                    .parse::<f64>()
                    .ok()
                    .filter(|v| range.contains(v))
                    .ok_or_else(|| line.error(format!("{what} {field:?} is not a number in range")))
            };
            number(2, "population", 0.0..=1e9)?;
            number(3, "latitude", -90.0..=90.0)?;
            number(4, "longitude", -180.0..=180.0)?;
            self.phrases.add(
                name,
                Entry {
                    kind: EntryKind::City,
                    code: Some(code.to_string()),
                    sector: None,
                    canonical: name.to_string(),
                    roles: Vec::new(),
                },
            );
        }
        Ok(())
    }

    pub(super) fn subdivisions(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for line in lines(file, text, "name, alpha3", 2, 2)? {
            let name = line.req(0, "name")?;
            let code = self.country_code(&line, 1)?;
            self.phrases.add(
                name,
                Entry {
                    kind: EntryKind::Region,
                    code: Some(code.to_string()),
                    sector: None,
                    canonical: name.to_string(),
                    roles: Vec::new(),
                },
            );
        }
        Ok(())
    }
}
