//! The word classes the coder's rules test ("carrier verbs", "planning verbs", "auxiliaries of
//! the future", ...): closed lists of English words kept in `data/coder/words.tsv`, one list per
//! class, loaded and validated like the trigger file. The rules say what a class does; the file
//! says which words belong to it.

use crate::datafile::DataFileError;
use attache_text::hash::FnvBuild;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The word-class file compiled into the binary.
const WORDS_TSV: &str = include_str!("../../../data/coder/words.tsv");
const WORDS_NAME: &str = "data/coder/words.tsv";
const HEADER: &str = "class\tword";

macro_rules! word_classes {
    ($($variant:ident = $name:literal,)*) => {
        /// A class of words of `data/coder/words.tsv` (its header documents each).
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum WordClass {
            $($variant,)*
        }

        impl WordClass {
            pub const ALL: &'static [WordClass] = &[$(WordClass::$variant,)*];

            /// The class's name in the file.
            pub fn name(self) -> &'static str {
                match self {
                    $(WordClass::$variant => $name,)*
                }
            }
        }
    };
}

word_classes! {
    Carrier = "carrier",
    Performing = "performing",
    Collective = "collective",
    CrowdCount = "crowd_count",
    Possessive = "possessive",
    Threatening = "threatening",
    Promising = "promising",
    Planning = "planning",
    Scheduled = "scheduled",
    Hypothetical = "hypothetical",
    Negating = "negating",
    Preventing = "preventing",
    ContentNoun = "content_noun",
    Negation = "negation",
    NegativeDeterminer = "negative_determiner",
    HypotheticalAux = "hypothetical_aux",
    Assessing = "assessing",
    AssessingPassive = "assessing_passive",
    PossibilityNoun = "possibility_noun",
    ConditionalAux = "conditional_aux",
    FutureAux = "future_aux",
    RefusalAux = "refusal_aux",
    ConditionMark = "condition_mark",
    Believing = "believing",
    UltimatumMark = "ultimatum_mark",
    ObligationSaying = "obligation_saying",
    ObligationAux = "obligation_aux",
    ObligationVerb = "obligation_verb",
    DemandPivot = "demand_pivot",
    ImposedAux = "imposed_aux",
    Wishing = "wishing",
    WishAux = "wish_aux",
    DemandedAct = "demanded_act",
    EventMeasure = "event_measure",
    Engaging = "engaging",
    TimeSubordinator = "time_subordinator",
    ParticipleMark = "participle_mark",
    DecisionNoun = "decision_noun",
    PatientNoun = "patient_noun",
    SelfSubject = "self_subject",
    Reporting = "reporting",
    FutureTenseAux = "future_tense_aux",
    PastTenseAux = "past_tense_aux",
    CaptionStart = "caption_start",
    CaptionSecond = "caption_second",
    CreditWord = "credit_word",
    BylineStart = "byline_start",
    ListHead = "list_head",
    PlacePreposition = "place_preposition",
    PlacePrepositionOfNouns = "place_preposition_of_nouns",
    PlaceNear = "place_near",
    PlaceNoun = "place_noun",
    ActorPronoun = "actor_pronoun",
    PersonPronoun = "person_pronoun",
    FirstPerson = "first_person",
    Description = "description",
    PartNoun = "part_noun",
    AgentFor = "agent_for",
    CalendarName = "calendar_name",
    DayNameNoun = "day_name_noun",
    DayNameWord = "day_name_word",
    TrustNoun = "trust_noun",
    RelativePronoun = "relative_pronoun",
    SimilarVerb = "similar_verb",
    SimilarNoun = "similar_noun",
    SimilarAdjective = "similar_adjective",
    NationalBody = "national_body",
    HomeOffice = "home_office",
    StateActPolice = "state_act_police",
    StateActCourt = "state_act_court",
    StateActGovernment = "state_act_government",
    CustodyRelease = "custody_release",
    CustodyWord = "custody_word",
    Holding = "holding",
    Honorific = "honorific",
    MaleTitle = "male_title",
    FemaleTitle = "female_title",
    MalePronoun = "male_pronoun",
    FemalePronoun = "female_pronoun",
    Criticised = "criticised",
    Disapproving = "disapproving",
    Policy = "policy",
    ReportNoun = "report_noun",
    StateNoun = "state_noun",
    ThreatAct = "threat_act",
    Preparing = "preparing",
    Aspectual = "aspectual",
    Directing = "directing",
    Document = "document",
    Announcing = "announcing",
    Warning = "warning",
    SpeakerAct = "speaker_act",
    StateReported = "state_reported",
    Measure = "measure",
    Harm = "harm",
    Cutback = "cutback",
    Breaking = "breaking",
    LegalNorm = "legal_norm",
    SpeakerPronoun = "speaker_pronoun",
    OwnForce = "own_force",
    SpeakerPossessive = "speaker_possessive",
    NameLink = "name_link",
    WorldName = "world_name",
    EmptyJudgement = "empty_judgement",
    SportWord = "sport_word",
    AimedNoun = "aimed_noun",
    Supplying = "supplying",
    PairNoun = "pair_noun",
    CounterpartNoun = "counterpart_noun",
    PairCollective = "pair_collective",
    OfficeTitle = "office_title",
    Necessity = "necessity",
}

impl WordClass {
    pub(crate) fn from_name(name: &str) -> Option<WordClass> {
        WordClass::ALL.iter().copied().find(|c| c.name() == name)
    }
}

/// Every class's words.
#[derive(Debug)]
pub struct WordClasses {
    lists: Vec<HashSet<String, FnvBuild>>,
}

impl WordClasses {
    /// Parses the text of a word-class file; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<WordClasses, DataFileError> {
        let err = |line: usize, reason: String| DataFileError::new(file, line, reason);
        let mut lists: Vec<HashSet<String, FnvBuild>> =
            vec![HashSet::default(); WordClass::ALL.len()];
        let data = crate::datafile::rows(text, HEADER).map_err(|(n, r)| err(n, r))?;
        let (header_seen, last) = (data.header, data.last_line);
        for row in data.rows {
            let (line_no, line) = (row.number, row.text);
            let Some((class, word)) = line.split_once('\t') else {
                return Err(err(line_no, "expected `class<TAB>word`".to_string()));
            };
            let Some(class) = WordClass::from_name(class) else {
                return Err(err(line_no, format!("unknown word class {class:?}")));
            };
            if word.is_empty() || word.contains(char::is_whitespace) || word.contains('\t') {
                return Err(err(line_no, format!("{word:?} is not one word")));
            }
            if word != word.to_lowercase() {
                return Err(err(line_no, format!("{word:?} must be lower case")));
            }
            if !lists[class as usize].insert(word.to_string()) {
                return Err(err(
                    line_no,
                    format!("{word:?} is listed twice in class {}", class.name()),
                ));
            }
        }
        if !header_seen {
            return Err(err(1, "no header line and no rows".to_string()));
        }
        if let Some(empty) = WordClass::ALL
            .iter()
            .find(|c| lists[**c as usize].is_empty())
        {
            return Err(err(last, format!("class {} has no words", empty.name())));
        }
        Ok(WordClasses { lists })
    }

    /// Whether `word` (a lemma, or a word as written in lower case) belongs to `class`.
    pub fn has(&self, class: WordClass, word: &str) -> bool {
        self.lists[class as usize].contains(word)
    }
}

static WORDS: OnceLock<WordClasses> = OnceLock::new();

/// Loads the compiled-in word-class file, reporting a bad file by its line.
pub fn load() -> Result<&'static WordClasses, DataFileError> {
    if let Some(w) = WORDS.get() {
        return Ok(w);
    }
    let parsed = WordClasses::parse(WORDS_NAME, WORDS_TSV)?;
    Ok(WORDS.get_or_init(|| parsed))
}

/// The compiled-in word classes (validated by [`load`] when an extractor is built, and by the
/// tests).
pub(crate) fn words() -> &'static WordClasses {
    WORDS
        .get_or_init(|| WordClasses::parse(WORDS_NAME, WORDS_TSV).unwrap_or_else(|e| panic!("{e}")))
}

/// Whether `word` belongs to `class` of the compiled-in file.
pub(crate) fn is(class: WordClass, word: &str) -> bool {
    words().has(class, word)
}

/// A verb of intent whose "to" clause is not yet done: threatening, promising, planning,
/// refusing or preparing ("threatened to close", "prepared to resume").
pub(crate) fn is_intent_verb(lemma: &str) -> bool {
    [
        WordClass::Threatening,
        WordClass::Promising,
        WordClass::Planning,
        WordClass::Negating,
        WordClass::Preparing,
    ]
    .iter()
    .any(|c| is(*c, lemma))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_loads_with_every_class() {
        let w = load().unwrap();
        assert!(w.has(WordClass::Carrier, "announce"));
        assert!(w.has(WordClass::Negation, "n't"));
        assert!(!w.has(WordClass::CalendarName, "may"));
    }

    #[test]
    fn bad_files_name_their_line() {
        let e = WordClasses::parse("w.tsv", "# c\nclass\tword\ncarrier\tsay\nplaning\tplan\n")
            .unwrap_err();
        assert_eq!(e.to_string(), "w.tsv:4: unknown word class \"planing\"");
        let e = WordClasses::parse("w.tsv", "class\tword\ncarrier\tSay\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e =
            WordClasses::parse("w.tsv", "class\tword\ncarrier\tsay\ncarrier\tsay\n").unwrap_err();
        assert_eq!((e.line, e.reason.contains("twice")), (3, true));
        let e = WordClasses::parse("w.tsv", "class\tword\ncarrier\tsay\n").unwrap_err();
        assert!(e.reason.contains("has no words"), "{e}");
        let e = WordClasses::parse("w.tsv", "lemma\tword\n").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
