//! What the coder remembers while reading a document front to back: the people named so far,
//! the last subject and the actors each role was last given to, for surnames, pronouns and
//! definite descriptions ("the chancellor", "the party") in later sentences.

use attache_event::{Actor, CountryFrom};
use attache_nlp::Token;
use std::collections::{BTreeSet, HashMap};

/// A country and a sector, as an antecedent passes them on.
pub(crate) type Referent = (Option<String>, Option<String>);

/// The quotation a sentence is read in: whether it begins inside one, and whose it is.
#[derive(Debug, Default, Clone)]
pub struct QuoteState {
    /// The sentence begins inside a quotation opened in an earlier one.
    pub(crate) inside_at_start: bool,
    /// Who speaks the sentence's quotation: the one open at its start, else the sentence's
    /// own speaker, else the last sentence's, whose words a quotation opening without a
    /// speaker of its own continues ("..., he added. \"At least ...").
    pub(crate) speaker: Option<Referent>,
    /// The speaker of the sentence before.
    pub(crate) last_speaker: Option<Referent>,
}

/// One acronym the document defines, with the actor its name gives.
#[derive(Debug, Clone)]
pub(crate) struct Acronym {
    pub(crate) text: String,
    /// Bytes of the name the acronym abbreviates.
    pub(crate) name: [usize; 2],
    /// Where the definition ends: the acronym names the body after this.
    pub(crate) defined_at: usize,
    pub country: String,
    pub sector: Option<String>,
    /// Where the country came from when the name gives none.
    pub from: Option<CountryFrom>,
}

/// The acronyms a document has defined so far.
#[derive(Debug, Default)]
pub(crate) struct Acronyms {
    pub(crate) defined: Vec<Acronym>,
}

impl Acronyms {
    /// The definition an actor phrase's core refers to: the core lies in a defined name, or
    /// one of its words is an acronym defined before it (the latest definition wins).
    pub(crate) fn reading(&self, core: &[Token<'_>], head: Token<'_>) -> Option<&Acronym> {
        if self.defined.is_empty() {
            return None;
        }
        let h = head.span();
        self.defined
            .iter()
            .rev()
            .find(|a| a.name[0] <= h.start && h.end <= a.name[1])
            .or_else(|| {
                core.iter().find_map(|t| {
                    self.defined
                        .iter()
                        .rev()
                        .find(|a| a.text == t.text() && a.defined_at <= t.span().start)
                })
            })
    }
}

/// A person named in the document, kept so later surname mentions resolve to the same actor.
#[derive(Debug, Clone)]
pub struct Person {
    /// Lower-case name parts: ["jepe", "corford"].
    pub names: Vec<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// Byte offset of the latest mention, for resolving "he" / "him" to the nearest person.
    pub seen_at: usize,
}

/// What the coder remembers while reading a document front to back.
///
/// Every look-up goes through an index, so that a document naming thousands of people (a long
/// compilation of reports) costs the same per mention as a short one: time stays linear in
/// the document.
#[derive(Debug, Default)]
pub struct Discourse {
    persons: Vec<Person>,
    /// Each person's full name parts, to the person's place in `persons`.
    by_names: HashMap<Vec<String>, usize>,
    /// Surname keys (the surname, and for names of five letters or more each form with one
    /// character deleted) to the persons that have them; see [`surname_keys`].
    by_surname: HashMap<String, Vec<usize>>,
    /// (latest mention, place) of every person, for the person mentioned last before a point.
    by_seen: BTreeSet<(usize, usize)>,
    /// The most recent coded subject, for "it" / "they" in a later sentence.
    pub last_subject: Option<Actor>,
    /// Whether that subject was plural ("Germany and Poland", "the allies"): "they" needs a
    /// plural antecedent and "it" a singular one.
    pub last_subject_plural: bool,
    /// Whether that subject is a group known by its kind, placed where the report stands
    /// ("MPs", "the unions"): only a later subject "they" stands for it.
    pub last_subject_generic: bool,
    /// Whether that subject was a person ("Lord Falconer", "he"): "it" never stands for one.
    pub last_subject_person: bool,
    /// The most recent coded singular subject that was no person, with its sentence: what
    /// "it" stands for when the last subject was a person.
    last_body: Option<(Actor, usize)>,
    /// Sentences read so far: the number of the sentence being coded.
    sentence: usize,
    /// The sentence of each person's latest mention (by place in `persons`).
    seen_sentence: Vec<usize>,
    /// Each person's gender where a title says it ("Mr", "Mrs"; by place in `persons`):
    /// `Some(true)` male. "She" is never a "Mr".
    male: Vec<Option<bool>>,
    /// Mentions of people the document says nothing about but that they are people ("Mr
    /// Straw" unknown), by byte offset, with their sentence: no referent for "he", but a rival.
    anonymous: std::collections::BTreeMap<usize, usize>,
    /// What each role or body ("chancellor", "party", "commission") was last said of: the
    /// country and sector of the actor the document gave it, for "the chancellor" later.
    /// With the sentence it was last said in.
    described: HashMap<String, (Referent, usize)>,
    /// What each kind description of `data/coder/descriptions.tsv` ("group", "alliance")
    /// could last refer to: the last body the document named of a fitting sector.
    kinds: HashMap<String, KindNote>,
    /// The last two sides the document named together ("India and Pakistan held talks"),
    /// with the sentence: what "the two sides" or "both countries" stand for.
    pair: Option<(Vec<Actor>, usize)>,
    /// For each policy word (lemma), the owners of its last mention that named them ("the EU's
    /// rules", "the government's plans"), with the sentence: whose "the rules" later are.
    policy: HashMap<String, (Vec<Actor>, usize)>,
    /// The bytes of each recent sentence's main subject where it is one name, not a list
    /// ("Mr Kennedy acknowledged ..."), by sentence: a person named earlier in that sentence
    /// ("Speaking after Mr Brown had delivered ...,") is no rival to it for "he" next.
    main_subjects: std::collections::BTreeMap<usize, (usize, usize)>,
    /// The quotation the sentence is read in, for "we" and "I" in it.
    pub(crate) quote: QuoteState,
    /// The acronyms the document defines ("the Muslim Association of Britain (MAB)").
    pub(crate) acronyms: Acronyms,
}

/// The last body of a kind description's sectors the document named, for "the group".
#[derive(Debug)]
struct KindNote {
    referent: Referent,
    /// The sentence it was last named (or referred to) in.
    sentence: usize,
    /// The sentence another body of the same kinds was last named in before it.
    rival: Option<usize>,
}

/// How many sentences after a body was last named "the group" may still refer to it.
const KIND_WINDOW: usize = 8;

/// Two bodies of one kind named within this many sentences of each other leave "the group"
/// after them ambiguous.
const KIND_RIVAL_WINDOW: usize = 2;

/// How many sentences after two sides were named together "the two sides" may refer to them.
const PAIR_WINDOW: usize = 3;

/// How many sentences back a pronoun looks for its person: a person last named further back
/// is no longer what "he" refers to.
const PRONOUN_WINDOW: usize = 6;

/// How many sentences back "it" may reach past a person subject for the last body that was
/// a subject ("The airline said ... Mr Kim said ... it had agreed").
const BODY_WINDOW: usize = 3;

/// Levenshtein distance, bounded use on short names only.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether a surname as written matches a known one, allowing one slip in names of five letters
/// or more (machine translation writes "Corford" and "Coford" for the same minister).
fn same_name(a: &str, b: &str) -> bool {
    a == b || (a.len() >= 5 && b.len() >= 5 && edit_distance(a, b) <= 1)
}

/// Whether two lists of given names (and name particles) can be one person's: the same first
/// name ("Tony Blair", "Tony Charles Blair"), or one list ending the other ("Jean-Marie Le Pen",
/// "Le Pen"). "Cherie" and "Tony" cannot.
fn same_given_names(a: &[String], b: &[String]) -> bool {
    a.first() == b.first() || a.ends_with(b) || b.ends_with(a)
}

/// Keys under which a surname is filed and looked up. Two names within one edit of each other
/// (the slip [`same_name`] allows) share a key: the name itself, or the name with one character
/// deleted. Keys only find candidates; `same_name` decides.
fn surname_keys(name: &str) -> Vec<String> {
    let mut keys = vec![name.to_string()];
    if name.len() >= 5 {
        for (at, c) in name.char_indices() {
            let mut key = String::with_capacity(name.len());
            key.push_str(&name[..at]);
            key.push_str(&name[at + c.len_utf8()..]);
            keys.push(key);
        }
    }
    keys
}

impl Discourse {
    /// The person a bare name ("Coford", "Di Maio", "Beith" in "Mr Beith") refers to, by
    /// surname: the person remembered whose surname is the same (or, when none is, within one
    /// slip), and whose given names are the same when `names` has some. A surname two people
    /// of the document share ("Tony Blair", "Cherie Blair") names neither: `None`. A name of
    /// one word remembered on its own ("Blair") is no second person.
    pub fn person_named(&self, names: &[String]) -> Option<&Person> {
        let last = names.last()?;
        let mut candidates: Vec<usize> = surname_keys(last)
            .iter()
            .filter_map(|key| self.by_surname.get(key))
            .flatten()
            .copied()
            .filter(|&i| {
                self.persons[i]
                    .names
                    .last()
                    .is_some_and(|s| same_name(s, last))
            })
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let exact: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&i| self.persons[i].names.last() == Some(last))
            .collect();
        let mut pool = if exact.is_empty() { candidates } else { exact };
        // A full name is the person of that full name ("Cherie Blair" is not "Tony Blair").
        if names.len() > 1 {
            let given = &names[..names.len() - 1];
            pool.retain(|&i| {
                let known = &self.persons[i].names;
                known.len() == 1 || same_given_names(&known[..known.len() - 1], given)
            });
        }
        let mut full = pool.iter().filter(|&&i| self.persons[i].names.len() > 1);
        let best = match (full.next(), full.next()) {
            (Some(_), Some(_)) => return None,
            (Some(&only), None) => only,
            (None, _) => *pool.iter().max()?,
        };
        Some(&self.persons[best])
    }

    /// Remembers a person, or what a new mention adds to one already known by the same full
    /// name. A person the document has said nothing about (no country, no sector) only keeps
    /// a surname ambiguous: "he" never resolves to them.
    pub fn remember_person(&mut self, person: Person) {
        if let Some(&i) = self.by_names.get(&person.names) {
            let known = &mut self.persons[i];
            if known.country.is_none() {
                known.country = person.country;
            }
            if known.sector.is_none() {
                known.sector = person.sector;
            }
            self.by_seen.remove(&(known.seen_at, i));
            if person.seen_at >= known.seen_at {
                self.seen_sentence[i] = self.sentence;
            }
            known.seen_at = known.seen_at.max(person.seen_at);
            if known.country.is_some() || known.sector.is_some() {
                self.by_seen.insert((known.seen_at, i));
            }
            return;
        }
        let i = self.persons.len();
        if let Some(surname) = person.names.last() {
            for key in surname_keys(surname) {
                let filed = self.by_surname.entry(key).or_default();
                if filed.last() != Some(&i) {
                    filed.push(i);
                }
            }
        }
        self.by_names.insert(person.names.clone(), i);
        if person.country.is_some() || person.sector.is_some() {
            self.by_seen.insert((person.seen_at, i));
        }
        self.persons.push(person);
        self.seen_sentence.push(self.sentence);
        self.male.push(None);
    }

    /// Remembers what a title says of the gender of the person known by `names` ("Mr Taylor":
    /// `male` true); a person given titles of both genders (two people, one surname) keeps none.
    pub(crate) fn note_gender(&mut self, names: &[String], male: bool) {
        let Some(&i) = self.by_names.get(names) else {
            return;
        };
        self.male[i] = match self.male[i] {
            Some(known) if known != male => None,
            _ => Some(male),
        };
    }

    /// Remembers a mention, at byte offset `at`, of a person the document says nothing about.
    pub(crate) fn note_anonymous(&mut self, at: usize) {
        self.anonymous.insert(at, self.sentence);
    }

    /// Remembers the sentence's coded main subject, for "it" and "they" in later sentences.
    pub(crate) fn note_subject(&mut self, subject: Actor, plural: bool, person: bool) {
        if !plural && !person {
            self.last_body = Some((subject.clone(), self.sentence));
        }
        self.last_subject = Some(subject);
        self.last_subject_generic = false;
        self.last_subject_plural = plural;
        self.last_subject_person = person;
    }

    /// What "it" or "its" stands for: the last subject when it was singular and no person,
    /// else the last such subject of the few sentences before, if any.
    pub(crate) fn singular_referent(&self) -> Option<&Actor> {
        // (A group known by its kind, "unions said", leaves "it" to the last body.)
        if !self.last_subject_person && !self.last_subject_generic {
            return self
                .last_subject
                .as_ref()
                .filter(|_| !self.last_subject_plural);
        }
        self.last_body
            .as_ref()
            .filter(|(_, at)| at + BODY_WINDOW >= self.sentence)
            .map(|(a, _)| a)
    }

    /// Remembers two sides named together, when they are two actors of two countries
    /// ("India and Pakistan", "Mr Putin met Mr Hu"); more or fewer leave the last pair as it was.
    pub(crate) fn note_pair(&mut self, sides: Vec<Actor>) {
        let [a, b] = sides.as_slice() else {
            return;
        };
        if a.country.is_some() && b.country.is_some() && a.country != b.country {
            self.pair = Some((sides, self.sentence));
        }
    }

    /// The two sides "the two sides" stands for: the last pair, named within a few sentences.
    pub(crate) fn pair_referent(&self) -> Option<&[Actor]> {
        self.pair
            .as_ref()
            .filter(|(_, at)| at + PAIR_WINDOW >= self.sentence)
            .map(|(p, _)| p.as_slice())
    }

    /// Remembers the owners of a policy word (lemma) named in the sentence being coded (`None`:
    /// a mention of no known owner, which a later definite reference may be).
    pub(crate) fn note_policy(&mut self, lemma: &str, owners: Option<Vec<Actor>>) {
        match owners {
            Some(o) => {
                self.policy.insert(lemma.to_string(), (o, self.sentence));
            }
            None => {
                self.policy.remove(lemma);
            }
        }
    }

    /// Whose a definite policy word (lemma) is: the owners of its last mention, if that named
    /// them, in an earlier sentence within a few.
    pub(crate) fn policy_referent(&self, lemma: &str) -> Option<&[Actor]> {
        self.policy
            .get(lemma)
            .filter(|(_, at)| *at < self.sentence && at + PAIR_WINDOW >= self.sentence)
            .map(|(p, _)| p.as_slice())
    }

    /// Moves on to the next sentence of the document.
    pub(crate) fn next_sentence(&mut self) {
        self.sentence += 1;
        let stale = self.sentence.saturating_sub(PRONOUN_WINDOW + 1);
        self.main_subjects.retain(|&k, _| k >= stale);
    }

    /// Remembers the bytes `lo..hi` of the sentence's main subject, a single name.
    pub(crate) fn note_main_subject(&mut self, lo: usize, hi: usize) {
        self.main_subjects.insert(self.sentence, (lo, hi));
    }

    /// The person "he" or "she" at byte offset `at` stands for: the person mentioned last
    /// before it (or resolved at it, by [`Discourse::refresh_referent`]), within the last few sentences, unless another person of other country or
    /// sector was named in that same sentence (two candidates: precision first, none).
    /// `male` is the pronoun's gender ("he" true, "she" false), where it has one: a person
    /// titled the other way is no referent, and then no one is.
    pub(crate) fn person_referent(&self, at: usize, male: Option<bool>) -> Option<&Person> {
        let mut before = self
            .by_seen
            .range(..=(at, usize::MAX))
            .rev()
            .map(|&(_, i)| i);
        let last = before.next()?;
        let in_sentence = self.seen_sentence[last];
        if self.sentence > in_sentence + PRONOUN_WINDOW {
            return None;
        }
        let p = &self.persons[last];
        if male.is_some() && self.male[last].is_some_and(|m| Some(m) != male) {
            return None;
        }
        // The main subject of its sentence is not rivalled by a person named before it there.
        let main = self
            .main_subjects
            .get(&in_sentence)
            .is_some_and(|&(lo, hi)| (lo..hi).contains(&p.seen_at));
        // A person the document says nothing about, named after or beside the candidate.
        if let Some((&a, &a_sentence)) = self.anonymous.range(..at).next_back()
            && (a > p.seen_at || (a_sentence == in_sentence && !main))
        {
            return None;
        }
        let rival = before
            .take_while(|&i| self.seen_sentence[i] == in_sentence)
            .any(|i| {
                let q = &self.persons[i];
                (&q.country, &q.sector) != (&p.country, &p.sector)
            });
        (main || !rival).then_some(p)
    }

    /// Moves the person a pronoun at byte offset `at` resolved to ([`Discourse::person_referent`])
    /// to that mention: "he ... He ... he" keeps one person within reach.
    pub(crate) fn refresh_referent(&mut self, at: usize) {
        let Some(&(seen, i)) = self.by_seen.range(..=(at, usize::MAX)).next_back() else {
            return;
        };
        self.by_seen.remove(&(seen, i));
        self.by_seen.insert((at, i));
        self.persons[i].seen_at = at;
        self.seen_sentence[i] = self.sentence;
    }

    /// Remembers that the document gave the role or body `key` ("chancellor", "party") to an
    /// actor of this country and sector.
    pub(crate) fn describe(&mut self, key: &str, country: Option<&str>, sector: Option<&str>) {
        if country.is_none() {
            return;
        }
        let value = (country.map(String::from), sector.map(String::from));
        let now = self.sentence;
        match self.described.get_mut(key) {
            Some(known) => *known = (value, now),
            None => {
                self.described.insert(key.to_string(), (value, now));
            }
        }
    }

    /// The country and sector of the actor the document last gave the role or body `key`,
    /// with the sentence it did so in.
    pub(crate) fn described(&self, key: &str) -> Option<(&Referent, usize)> {
        self.described.get(key).map(|(v, at)| (v, *at))
    }

    /// Remembers that the document named a body of this country and sector, which the kind
    /// description `word` ("group") fits.
    pub(crate) fn note_kind(&mut self, word: &str, country: Option<&str>, sector: Option<&str>) {
        let referent = (country.map(String::from), sector.map(String::from));
        let now = self.sentence;
        match self.kinds.get_mut(word) {
            Some(k) => {
                if k.referent != referent {
                    k.rival = Some(k.sentence);
                    k.referent = referent;
                }
                k.sentence = now;
            }
            None => {
                self.kinds.insert(
                    word.to_string(),
                    KindNote {
                        referent,
                        sentence: now,
                        rival: None,
                    },
                );
            }
        }
    }

    /// The body the kind description `word` ("the group") refers to, with the sentence it was
    /// last named in: the last body of its kinds, named within the last few sentences, unless
    /// another of its kinds was named close beside it (two candidates: precision first, none).
    pub(crate) fn kind_referent(&self, word: &str) -> Option<(&Referent, usize)> {
        let k = self.kinds.get(word)?;
        let stale = self.sentence > k.sentence + KIND_WINDOW;
        let rivalled = k.rival.is_some_and(|r| r + KIND_RIVAL_WINDOW >= k.sentence);
        (!stale && !rivalled).then_some((&k.referent, k.sentence))
    }

    /// Keeps the body "the group" resolved to within reach of a later "the group".
    pub(crate) fn refresh_kind(&mut self, word: &str) {
        let now = self.sentence;
        if let Some(k) = self.kinds.get_mut(word) {
            k.sentence = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_match_with_one_slip() {
        assert!(same_name("corford", "coford"));
        assert!(same_name("maio", "maio"));
        assert!(
            same_name("putin", "pution"),
            "one slip in five letters or more"
        );
        assert!(!same_name("putin", "pushkin"), "two slips are another name");
        assert!(!same_name("may", "mai"), "short names must match exactly");
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    fn person(names: &[&str], seen_at: usize) -> Person {
        Person {
            names: names.iter().map(|n| n.to_string()).collect(),
            country: Some("DNK".to_string()),
            sector: None,
            seen_at,
        }
    }

    #[test]
    fn the_index_finds_what_a_scan_would() {
        let mut d = Discourse::default();
        d.remember_person(person(&["jeppe", "kofod"], 10));
        d.remember_person(person(&["luigi", "di", "maio"], 20));
        d.remember_person(person(&["anders", "corford"], 30));
        d.remember_person(person(&["jeppe", "kofod"], 40));
        let named =
            |d: &Discourse, n: &str| d.person_named(&[n.to_string()]).map(|p| p.names.join(" "));
        assert_eq!(named(&d, "coford").as_deref(), Some("anders corford"));
        assert_eq!(named(&d, "corfords").as_deref(), Some("anders corford"));
        assert_eq!(named(&d, "corfrod"), None, "a transposition is two slips");
        assert_eq!(named(&d, "maio").as_deref(), Some("luigi di maio"));
        assert_eq!(named(&d, "mai"), None);
        assert_eq!(d.persons.len(), 3, "a name seen again is one person");
        let before = |at| d.person_referent(at, None).map(|p| p.names.join(" "));
        assert_eq!(before(39).as_deref(), Some("anders corford"));
        assert_eq!(before(41).as_deref(), Some("jeppe kofod"));
        assert_eq!(before(9), None);
    }

    #[test]
    fn a_pronoun_has_one_person_or_none() {
        let mut d = Discourse::default();
        d.remember_person(person(&["jeppe", "kofod"], 10));
        d.next_sentence();
        let referent = |d: &Discourse, at| d.person_referent(at, None).map(|p| p.names.join(" "));
        assert_eq!(referent(&d, 50).as_deref(), Some("jeppe kofod"));
        // Two people of other countries in one sentence: "he" after it is either.
        let mut other = person(&["miguel", "moratinos"], 60);
        other.country = Some("ESP".to_string());
        d.remember_person(other);
        d.remember_person(person(&["jeppe", "kofod"], 70));
        d.next_sentence();
        assert_eq!(referent(&d, 100), None);
        assert_eq!(referent(&d, 65).as_deref(), Some("miguel moratinos"));
        // "Mr Straw" unknown, named after the last known person: "he" may be either.
        d.note_anonymous(80);
        assert_eq!(referent(&d, 90), None);
        // A person named four sentences back is out of reach.
        for _ in 0..PRONOUN_WINDOW {
            d.next_sentence();
        }
        assert_eq!(referent(&d, 100), None);
    }
}
