//! Sentence-level repair of the greedy tagger's output, before parsing.
//!
//! A sentence that ends in a full stop and has a subject has a finite verb. The left-to-right
//! tagger, deciding each word alone, sometimes gives such a sentence none: "The judge ruled in
//! favour of the appeal." with "ruled" a participle (VBN), "Sales rose 5%." with "rose" a
//! noun; the parser then hangs the sentence on a noun and the event coder finds no verb. When
//! a sentence has no finite verb (no VBD, VBZ, VBP or MD, and no bare VB but after "to"), the word whose
//! own scores came closest to a finite verb class (past, present, third person) is given it,
//! if it came within [`FINITE_MARGIN`]: a lower-case word tagged as a participle, noun or
//! adjective, after a noun or pronoun. Lists, captions and headings without a candidate that
//! close keep their tags. A finite verb inside a relative clause set off by commas does not
//! count, and no candidate is taken from one: "The earthquake, which struck on Sunday,
//! destroyed villages" (with "destroyed" a participle) has no verb of its own.
//!
//! A word the tagger never saw (or saw under three times), tagged a singular noun right after
//! a plural noun or a plural-looking name, before a word that can begin an object, and known
//! from training only as the lemma of verb forms, is a present-tense verb: "The Lib Dems
//! accuse Mr Blair of ..." ("accuse" is unseen; "accused" and "accuses" are verbs).
//!
//! Training text (web reviews, e-mails, how-to guides) begins many sentences with a command,
//! so the tagger reads a capitalised first word of news as one: "Labour hit back at ..." with
//! "Labour" VB and "hit" a pronoun, "Demand for the shares was strong", "Shadow home
//! secretary David Davis said ...". Where the first word's best noun, name or adjective class
//! came within [`INITIAL_MARGIN`] of its verb class, the sentence is tagged again with the
//! first word that class; the new tags are kept if the words after it, up to a finite verb,
//! are all words of a noun phrase (nouns, names, adjectives, determiners, numbers,
//! possessives, prepositions). A command is followed by its object and has no finite verb, or
//! one after a comma, a pronoun or "there" ("Recruit the right colleagues, Robert, and ...",
//! "Remember there were ..."); the commands it would still take ("Remember that the
//! Occupation is ...") score far more as verbs than the margin (EWT test: 58 to 69 points).
//! A first word tagged VBZ has no subject, so cannot be a sentence's verb in news: followed by
//! "that", the re-tagging is also kept where two finite verbs follow, the "that" clause's and
//! the noun's own ("Reports that Tony Blair is planning a snap general election ... have been
//! described as "idle speculation" by Downing Street": "Reports" was the root and "described"
//! a parataxis). On the BBC corpus this changes that one sentence; EWT and GUM test: none.
//!
//! A hyphen written inside a word, with a letter either side, is HYPH in both treebanks
//! without exception; the tagger sometimes makes it a colon or comma class, most often inside
//! a name ("Robert Kilroy-Silk" with "-" as ':' and "Silk" a common noun, hung apart from
//! "Robert"). Such a hyphen is made HYPH, and a capitalised noun or verb after a name's
//! hyphen a name.
//!
//! After a modal ("would", "should", "can" ...; past adverbs and quote marks), a lower-case
//! word tagged a singular noun or an adjective whose verb class came within [`MODAL_MARGIN`]
//! is the modal's verb: 'would "cut" £35bn from public services', 'should "significantly
//! uplift" earnings'; on the BBC politics and business articles this changes 17 words, 15
//! rightly (the two wrong: 'would little impact', and 'must not "swept"', where the text lost
//! a "be"). Words with an adjective's ending are left alone: EWT's 'will acceptable' (a lost
//! "be" again), at the cost of 'may now table a bid'.
//!
//! `repair_clause.rs` holds four more: an adverb between a modal and an object ("will back a
//! bid") and a participle between a clause's subject and an object ("the party challenged Mr
//! Kilroy-Silk") are verbs; a verb-tagged word inside an object's compound ("dismissed the
//! maternity pay plan") is a noun; a "that" clause without a verb gets one ("ruled that the
//! measures broke human rights laws").

use crate::Upos;
use crate::perceptron::hash_str;
use crate::split_class;
use crate::tagger::{self, Atoms};

/// How far (in perceptron score) a finite verb class may trail a word's chosen class for the
/// repair to give it. Chosen on EWT dev and GUM dev (words whose XPOS the repair changed, right
/// against wrong: 4: 1/0, 8: 1/2, 12: 4/2, 16: 6/4, 24: 8/9); on the BBC corpus at 12 it
/// changes 208 words, about nine in ten of a sample of 60 rightly ("The two banks held talks",
/// "The bank also blamed margins pressure", "Sales rose 5%").
pub(crate) const FINITE_MARGIN: f32 = 12.0;

/// How far (in perceptron score) the verb class of a noun or adjective after a modal may
/// trail its class for [`Repair::modal_verb`] to make it a verb.
pub(crate) const MODAL_MARGIN: f32 = 30.0;

/// Endings of adjectives that are no verb ("acceptable", "possible", "serious", "useful").
const ADJECTIVE_ENDINGS: [&str; 7] = ["able", "ible", "ous", "ful", "less", "ic", "ical"];

/// How far (in perceptron score) a first word's noun, name or adjective class may trail its
/// verb class for [`Repair::initial_noun`] to try it. On the BBC politics and business
/// articles the re-tagging is kept in 23 sentences, all rightly, 21 of them within 30 points
/// (the other two, names of campaigns, "Get On's ..." and "Save the Scottish Regiments
/// will ...", at 46 and 64); on EWT test it would be kept wrongly in three commands at 58 to
/// 69 ("Remember that the Occupation is emphemeral", "Call a vet would be a good idea").
pub(crate) const INITIAL_MARGIN: f32 = 30.0;

/// What a tagger class is to the unseen-verb repair.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// NN.
    SingularNoun,
    /// NNS or NNPS.
    PluralNoun,
    /// NNP: a subject when it looks plural ("Dems"), an object's start otherwise.
    Name,
    /// DT, PRP, PRP$ or CD: a word that begins an object.
    ObjectStart,
    /// JJ, JJR, JJS: inside a noun phrase.
    Modifier,
    /// IN: a noun phrase after it is its object, not a subject ("a try by Borders
    /// substitute Jonny Weston").
    Preposition,
    Other,
}

/// What a tagger class means to the repair.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// VBD, VBZ, VBP or MD: the sentence has its verb.
    Finite,
    /// VB: counts as the sentence's verb (an imperative, or a verb the tagger got as VB)
    /// unless it follows "to" ("The rebels vow to fight on": `vow` may still be the verb).
    Base,
    /// TO.
    To,
    /// VBN, NN, NNS or JJ: a word that may be a finite verb the tagger missed.
    Candidate,
    Other,
}

pub(crate) struct Repair {
    kinds: Vec<Kind>,
    /// Whether a class is a noun, proper noun or pronoun: a possible subject.
    nominal: Vec<bool>,
    roles: Vec<Role>,
    /// The class VERB VBP.
    present: Option<u16>,
    /// The classes VERB VBD, VERB VBZ and VERB VBP, where the model has them.
    finite: Vec<u16>,
    full_stop: u64,
    /// The classes a sentence's first word may take for [`Repair::initial_noun`]: NN, NNS,
    /// NNP, NNPS and JJ.
    initial: Vec<u16>,
    /// Whether a class is VERB VB, VBP or VBZ: a first word's reading as a command or a verb.
    initial_verb: Vec<bool>,
    /// Whether a class may stand inside a subject's noun phrase: nouns, names, adjectives,
    /// determiners, numbers, possessives and prepositions (no personal pronoun, wh-word,
    /// "there", conjunction or punctuation).
    in_subject: Vec<bool>,
    /// The classes PUNCT HYPH and PROPN NNP, where the model has them.
    hyphen: Option<(u16, u16)>,
    /// Whether a class is a common noun or a verb: what the second part of a hyphenated name
    /// may wrongly be.
    noun_or_verb: Vec<bool>,
    hyphen_form: u64,
    /// The class VERB VB, where the model has it.
    base: Option<u16>,
    /// Whether a class is MD.
    modal: Vec<bool>,
    /// The lower-case modals ("would", "can", "'ll" ...): the tagger's MD on other words
    /// ("Fiat chief executive") is not trusted.
    modal_forms: Vec<u64>,
    /// Whether a class may stand between a modal and its verb: RB and quote marks.
    after_modal: Vec<bool>,
    /// Whether a class is NN or JJ: what the verb after a modal may wrongly be.
    noun_or_adjective: Vec<bool>,
    /// Whether a class is a wh-word (WDT, WP, WP$): after a comma it opens a relative clause.
    wh: Vec<bool>,
    comma: u64,
    /// Whether a class is VBZ: a first word so tagged has no subject.
    third_person: Vec<bool>,
    that: u64,
}

/// The lower-case modals, as the tokenizer writes them ("wo" of "won't", "ca" of "can't"):
/// the tagger's MD on any other word ("Fiat chief executive") is not trusted. Shared with
/// [`crate::repair_clause`].
pub(crate) const MODAL_FORMS: [&str; 13] = [
    "can", "could", "will", "would", "shall", "should", "may", "might", "must", "'ll", "'d", "wo",
    "ca",
];

impl Repair {
    pub(crate) fn new(classes: &[String]) -> Repair {
        let mut finite = Vec::new();
        let nominal = classes
            .iter()
            .map(|c| matches!(split_class(c).0, Upos::Noun | Upos::Propn | Upos::Pron))
            .collect();
        let roles = classes
            .iter()
            .map(|c| match split_class(c).1 {
                "NN" => Role::SingularNoun,
                "NNS" | "NNPS" => Role::PluralNoun,
                "NNP" => Role::Name,
                "DT" | "PRP" | "PRP$" | "CD" => Role::ObjectStart,
                "JJ" | "JJR" | "JJS" => Role::Modifier,
                "IN" => Role::Preposition,
                _ => Role::Other,
            })
            .collect();
        let present = classes
            .iter()
            .position(|c| c == "VERB\tVBP")
            .map(|c| c as u16);
        let kinds = classes
            .iter()
            .enumerate()
            .map(|(c, class)| {
                let (upos, xpos) = split_class(class);
                if upos == Upos::Verb && matches!(xpos, "VBD" | "VBZ" | "VBP") {
                    finite.push(c as u16);
                }
                match xpos {
                    "VBD" | "VBZ" | "VBP" | "MD" => Kind::Finite,
                    "VB" => Kind::Base,
                    "TO" => Kind::To,
                    "VBN" | "NN" | "NNS" | "JJ" => Kind::Candidate,
                    _ => Kind::Other,
                }
            })
            .collect();
        let xpos_in = |set: &[&str]| -> Vec<bool> {
            classes
                .iter()
                .map(|c| set.contains(&split_class(c).1))
                .collect()
        };
        let initial = (0..classes.len() as u16)
            .filter(|&c| {
                let (upos, xpos) = split_class(&classes[c as usize]);
                matches!(upos, Upos::Noun | Upos::Propn | Upos::Adj)
                    && matches!(xpos, "NN" | "NNS" | "NNP" | "NNPS" | "JJ")
            })
            .collect();
        let initial_verb = classes
            .iter()
            .map(|c| {
                let (upos, xpos) = split_class(c);
                upos == Upos::Verb && matches!(xpos, "VB" | "VBP" | "VBZ")
            })
            .collect();
        let in_subject = xpos_in(&[
            "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "DT", "CD", "PRP$", "IN", "POS", "HYPH",
        ]);
        let class = |name: &str| classes.iter().position(|c| c == name).map(|c| c as u16);
        let hyphen = class("PUNCT\tHYPH").zip(class("PROPN\tNNP"));
        let noun_or_verb = classes
            .iter()
            .map(|c| matches!(split_class(c).0, Upos::Noun | Upos::Verb))
            .collect();
        Repair {
            base: class("VERB\tVB"),
            modal: xpos_in(&["MD"]),
            modal_forms: MODAL_FORMS.iter().map(|m| hash_str(m)).collect(),
            after_modal: xpos_in(&["RB", "``", "''"]),
            noun_or_adjective: xpos_in(&["NN", "JJ"]),
            wh: xpos_in(&["WDT", "WP", "WP$"]),
            comma: hash_str(","),
            third_person: xpos_in(&["VBZ"]),
            that: hash_str("that"),
            hyphen,
            noun_or_verb,
            hyphen_form: hash_str("-"),
            initial,
            initial_verb,
            in_subject,
            kinds,
            nominal,
            roles,
            present,
            finite,
            full_stop: hash_str("."),
        }
    }

    /// Whether the sentence has a finite verb, or a VB not after "to", outside the relative
    /// clauses of `inside`.
    fn has_verb(&self, tags: &[u16], inside: &[bool]) -> bool {
        let mut before = Kind::Other;
        tags.iter().zip(inside).any(|(&t, &relative)| {
            let kind = self.kind(t);
            let verb = kind == Kind::Finite || kind == Kind::Base && before != Kind::To;
            before = kind;
            verb && !relative
        })
    }

    /// The words of relative clauses set off by commas (", which struck on Sunday,"): a
    /// finite verb there is not the sentence's ("The earthquake, which struck on Sunday,
    /// destroyed villages" with "destroyed" a participle). A clause not closed by a comma is
    /// left out.
    fn relative_clauses(&self, atoms: &[Atoms], tags: &[u16]) -> Vec<bool> {
        let mut inside = vec![false; tags.len()];
        let mut i = 1;
        while i < tags.len() {
            let opens = atoms[i - 1].lower == self.comma
                && self.wh.get(tags[i] as usize).copied().unwrap_or(false);
            // Each word is scanned once: the search resumes at the closing comma.
            if opens && let Some(j) = (i + 1..tags.len()).find(|&j| atoms[j].lower == self.comma) {
                inside[i..j].iter_mut().for_each(|w| *w = true);
                i = j;
            }
            i += 1;
        }
        inside
    }

    fn kind(&self, class: u16) -> Kind {
        self.kinds
            .get(class as usize)
            .copied()
            .unwrap_or(Kind::Other)
    }

    /// Gives a sentence without a finite verb one (see the module notes). `scores(i)` is word
    /// `i`'s class scores, or None where the tagger's lexicon decided it without the model.
    /// The word's old class becomes its runner-up, for the parser.
    pub(crate) fn finite_verb<'a>(
        &self,
        atoms: &[Atoms],
        tags: &mut [u16],
        alts: &mut [u16],
        scores: impl Fn(usize) -> Option<&'a [f32]>,
    ) {
        let Some(last) = atoms
            .iter()
            .rposition(|a| !a.punct || a.lower == self.full_stop)
        else {
            return;
        };
        let inside = self.relative_clauses(atoms, tags);
        if atoms[last].lower != self.full_stop || self.has_verb(tags, &inside) {
            return;
        }
        // A verb with "to" is the complement of the verb sought, which comes before it
        // ("The crisis forced the president to suspend gas exports").
        let last = (1..last)
            .find(|&i| self.kind(tags[i]) == Kind::Base && self.kind(tags[i - 1]) == Kind::To)
            .map_or(last, |i| i - 1);
        let mut subject = false;
        let mut best: Option<(f32, usize, u16)> = None;
        for i in 0..last {
            let kind = self.kind(tags[i]);
            if kind == Kind::Candidate
                && subject
                && !inside[i]
                && atoms[i].alpha
                && !atoms[i].capitalised
                && let Some(s) = scores(i)
            {
                let chosen = s[tags[i] as usize];
                for &c in &self.finite {
                    let gap = s[c as usize] - chosen;
                    if gap > -FINITE_MARGIN && best.is_none_or(|(g, _, _)| gap > g) {
                        best = Some((gap, i, c));
                    }
                }
            }
            subject |= self.nominal.get(tags[i] as usize).copied().unwrap_or(false);
        }
        if let Some((_, i, c)) = best {
            alts[i] = tags[i];
            tags[i] = c;
        }
    }

    fn role(&self, class: u16) -> Role {
        self.roles
            .get(class as usize)
            .copied()
            .unwrap_or(Role::Other)
    }

    /// Makes an unseen verb after a plural subject a verb (see the module notes). `form(i)`
    /// is word `i` as written; `is_verb_lemma` says whether training knows a lower-case word
    /// only as the lemma of verb forms.
    pub(crate) fn unseen_verb<'a>(
        &self,
        atoms: &[Atoms],
        tags: &mut [u16],
        alts: &mut [u16],
        form: impl Fn(usize) -> &'a str,
        is_verb_lemma: impl Fn(&str) -> bool,
    ) {
        let Some(present) = self.present else {
            return;
        };
        for i in 1..tags.len().saturating_sub(1) {
            if self.role(tags[i]) != Role::SingularNoun
                || !tagger::unseen(&atoms[i])
                || atoms[i].capitalised
                || !atoms[i].alpha
            {
                continue;
            }
            let plural_subject = match self.role(tags[i - 1]) {
                Role::PluralNoun => true,
                Role::Name => {
                    let name = form(i - 1);
                    name.ends_with('s') && !["ss", "us", "is"].iter().any(|e| name.ends_with(e))
                }
                _ => false,
            };
            let object = matches!(
                self.role(tags[i + 1]),
                Role::ObjectStart | Role::Name | Role::PluralNoun
            );
            // The noun phrase of the subject does not follow a preposition.
            let phrase_start = (0..i)
                .rev()
                .find(|&k| {
                    !matches!(
                        self.role(tags[k]),
                        Role::SingularNoun
                            | Role::PluralNoun
                            | Role::Name
                            | Role::ObjectStart
                            | Role::Modifier
                    )
                })
                .map(|k| self.role(tags[k]));
            if plural_subject
                && object
                && phrase_start != Some(Role::Preposition)
                && is_verb_lemma(form(i))
            {
                alts[i] = tags[i];
                tags[i] = present;
            }
        }
    }

    /// The class a capitalised first word tagged as a verb (VB, VBP, VBZ) may have instead:
    /// the noun, name or adjective class that scored best, where it came within
    /// [`INITIAL_MARGIN`] of the verb (see the module notes). `scores` is the first word's
    /// class scores, None where the lexicon decided it.
    pub(crate) fn initial_noun(
        &self,
        atoms: &[Atoms],
        tags: &[u16],
        scores: Option<&[f32]>,
    ) -> Option<u16> {
        let (first, s) = (atoms.first()?, scores?);
        let verb = *tags.first()?;
        if tags.len() < 3
            || !first.capitalised
            || !first.alpha
            || !self
                .initial_verb
                .get(verb as usize)
                .copied()
                .unwrap_or(false)
        {
            return None;
        }
        let best = self
            .initial
            .iter()
            .copied()
            .max_by(|&a, &b| s[a as usize].total_cmp(&s[b as usize]))?;
        (s[verb as usize] - s[best as usize] < INITIAL_MARGIN).then_some(best)
    }

    /// Whether a sentence re-tagged with its first word a noun reads as a subject and its
    /// verb: after the first word, only words of a noun phrase (with prepositions) up to a
    /// finite verb ("Labour hit back at ...", "Shadow home secretary David Davis said ...",
    /// "Demand for the insurer's shares was strong").
    pub(crate) fn subject_then_verb(&self, tags: &[u16]) -> bool {
        for &t in tags.iter().skip(1) {
            if self.kind(t) == Kind::Finite {
                return true;
            }
            if !self.in_subject.get(t as usize).copied().unwrap_or(false) {
                return false;
            }
        }
        false
    }

    /// Whether a sentence whose first word was tagged VBZ, re-tagged with that word a noun,
    /// reads as a subject with a "that" clause of its own and then its verb: "that" follows
    /// the first word, and two finite verbs follow it, the clause's and the sentence's
    /// ("Reports that Tony Blair is planning ... have been described", "Claims that ...").
    /// A third-person verb cannot open a sentence of news, as a command's base form can
    /// ("Note that the figures are provisional and may change" keeps its verb).
    pub(crate) fn subject_with_that_clause(
        &self,
        atoms: &[Atoms],
        old: &[u16],
        tags: &[u16],
    ) -> bool {
        let finite = tags
            .iter()
            .skip(2)
            .filter(|&&t| self.kind(t) == Kind::Finite);
        old.first()
            .is_some_and(|&t| self.third_person.get(t as usize).copied().unwrap_or(false))
            && atoms.get(1).is_some_and(|a| a.lower == self.that)
            && finite.count() >= 2
    }

    /// Tags a hyphen written inside a word (no space either side, a letter either side) as
    /// HYPH, as both treebanks always do, and the capitalised word after a name's hyphen as a
    /// name where it was tagged a noun or verb ("Robert Kilroy-Silk", "Winn-Dixie"; "Anglo-
    /// French" keeps its adjective). `joined(i)` says whether words `i` and `i + 1` are
    /// written together.
    pub(crate) fn inner_hyphens(
        &self,
        atoms: &[Atoms],
        tags: &mut [u16],
        alts: &mut [u16],
        joined: impl Fn(usize) -> bool,
    ) {
        let Some((hyph, name)) = self.hyphen else {
            return;
        };
        for i in 1..tags.len().saturating_sub(1) {
            if atoms[i].lower != self.hyphen_form
                || !joined(i - 1)
                || !joined(i)
                || !atoms[i - 1].alpha
                || !atoms[i + 1].alpha
            {
                continue;
            }
            if tags[i] != hyph {
                alts[i] = tags[i];
                tags[i] = hyph;
            }
            let next = tags[i + 1] as usize;
            if self.role(tags[i - 1]) == Role::Name
                && atoms[i + 1].capitalised
                && self.noun_or_verb.get(next).copied().unwrap_or(false)
            {
                alts[i + 1] = tags[i + 1];
                tags[i + 1] = name;
            }
        }
    }

    /// Makes the word after a modal (past adverbs and quote marks) a verb where it was tagged
    /// a singular noun or an adjective and the verb class came within [`MODAL_MARGIN`]:
    /// 'would "cut" £35bn', 'should "significantly uplift" earnings', 'would otherwise just
    /// crumble'; not a word with an adjective's ending, in text that dropped a "be" ('will
    /// acceptable'). `form(i)` is word `i` as written, `scores(i)` its class scores, None
    /// where the lexicon decided it.
    pub(crate) fn modal_verb<'a, 'b>(
        &self,
        (atoms, form): (&[Atoms], impl Fn(usize) -> &'b str),
        tags: &mut [u16],
        alts: &mut [u16],
        scores: impl Fn(usize) -> Option<&'a [f32]>,
    ) {
        let Some(base) = self.base else {
            return;
        };
        let is = |v: &[bool], t: u16| v.get(t as usize).copied().unwrap_or(false);
        for i in 0..tags.len() {
            if !is(&self.modal, tags[i])
                || atoms[i].capitalised
                || !self.modal_forms.contains(&atoms[i].lower)
            {
                continue;
            }
            let Some(j) = (i + 1..tags.len()).find(|&j| !is(&self.after_modal, tags[j])) else {
                continue;
            };
            if !is(&self.noun_or_adjective, tags[j])
                || atoms[j].capitalised
                || !atoms[j].alpha
                || ADJECTIVE_ENDINGS.iter().any(|e| form(j).ends_with(e))
            {
                continue;
            }
            if let Some(s) = scores(j)
                && s[tags[j] as usize] - s[base as usize] < MODAL_MARGIN
            {
                alts[j] = tags[j];
                tags[j] = base;
            }
        }
    }
}
