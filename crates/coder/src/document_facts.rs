//! What a whole document's words say before its first sentence is coded: how often it names
//! each country (and so the country it is about), the places it names, and how political it is.

use attache_lexicon::{EntryKind, LexMatch};

/// What the whole document's words say, read before its first sentence is coded: how often it
/// names each country, and the places it names.
#[derive(Default)]
pub(crate) struct DocumentFacts<'l> {
    pub(crate) countries: CountryCounts<'l>,
    pub(crate) places: crate::place::PlaceContext,
    /// How many phrases name a political body or role (`crate::names::political_count`).
    pub(crate) political: usize,
}

impl<'l> DocumentFacts<'l> {
    pub(crate) fn of(matches: &[LexMatch<'l>]) -> DocumentFacts<'l> {
        let mut facts = DocumentFacts::default();
        facts.add(matches);
        facts
    }

    pub(crate) fn add(&mut self, matches: &[LexMatch<'l>]) {
        self.countries.add(matches);
        self.places.add(matches);
        self.political += crate::names::political_count(matches);
    }
}

/// How often a document names each country (countries, nationalities, capitals, cities and
/// regions of a state, its political parties, and its state bodies and seats of government:
/// "the Scottish Parliament", "the Home Office", "Downing Street"), in order of first naming.
#[derive(Default)]
pub(crate) struct CountryCounts<'a> {
    counts: Vec<(&'a str, usize)>,
}

impl<'a> CountryCounts<'a> {
    pub(crate) fn add(&mut self, matches: &[LexMatch<'a>]) {
        for m in matches {
            let placed = crate::surnames::is_place_kind(m.entry.kind)
                || m.entry.kind == EntryKind::Party
                || is_state_body(m);
            let Some(code) = m.entry.code.as_deref().filter(|_| placed) else {
                continue;
            };
            match self.counts.iter_mut().find(|(c, _)| *c == code) {
                Some((_, n)) => *n += 1,
                None => self.counts.push((code, 1)),
            }
        }
    }

    /// The country named at least twice, and more often than any other.
    pub(crate) fn dominant(mut self) -> Option<String> {
        self.counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        match self.counts.as_slice() {
            [(code, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|r| r.1 < *n) => {
                Some(code.to_string())
            }
            _ => None,
        }
    }
}

/// Sectors of a country's bodies that say where a report stands: its state (government,
/// legislature, courts, forces, police, intelligence, diplomats), its parties and opposition,
/// and its civil society (charities, unions, schools, churches, health services). Its firms
/// and its media are left out: they trade and report from anywhere ("Gazprom" in a story of a
/// US court, "BBC Radio 4" in a story from abroad).
const PLACING_SECTORS: [&str; 14] = [
    "GOV", "LEG", "JUD", "MIL", "COP", "SPY", "DIP", "OPP", "PTY", "NGO", "LAB", "EDU", "REL",
    "HLH",
];

/// Whether a match names a body or seat of one country that places a report ("Home Office",
/// "Downing Street", "Age Concern": `PLACING_SECTORS`), not of an international organisation
/// ("European Commission", "Nato").
fn is_state_body(m: &LexMatch<'_>) -> bool {
    matches!(m.entry.kind, EntryKind::Organisation | EntryKind::Seat)
        && m.entry
            .sector
            .as_deref()
            .is_some_and(|s| PLACING_SECTORS.contains(&s))
        && m.entry
            .code
            .as_deref()
            .is_some_and(|c| attache_lexicon::Lexicon::embedded().country(c).is_some())
}

/// The country a document names most often (countries, nationalities, capitals, cities and
/// regions of a state): at least twice, and more often than any other.
pub(crate) fn dominant_country(matches: &[LexMatch<'_>]) -> Option<String> {
    let mut counts = CountryCounts::default();
    counts.add(matches);
    counts.dominant()
}
