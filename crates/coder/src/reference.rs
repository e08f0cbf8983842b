//! Actors a sentence refers to instead of naming: pronouns ("he said", "they called for"),
//! the first person of a quotation ("we will", its speaker's), and definite descriptions of a
//! role or body the document has already given to someone ("the chancellor", "the party").
//! Which words are which lives in `data/coder/words.tsv` (classes `person_pronoun`,
//! `first_person`, `description`); precision first: a pronoun with two candidates of other
//! countries or sectors resolves to none.

use crate::actors::ActorReader;
use crate::discourse::{Discourse, Referent};
use crate::noun_phrase::governing_subject;
use crate::tree::is_expletive;
use crate::tree::lemma;
use crate::words::{WordClass, is};
use attache_lexicon::EntryKind;
use attache_nlp::{Deprel, Sentence, Token, Upos};

/// Whether a quotation is open after `text`, read from `open` (open at its start): each
/// quotation mark opens or closes one by where it stands, not by how many came before. A
/// straight mark after a space or at the start opens ("said: \"We", "paid. \" We"), one
/// after a word or a stop closes ("now.\"", "'desperate',\""); curly marks say which they
/// are. So a quotation the report continues over a paragraph, reopened without being
/// closed ("... death. \"HIV is ..."), stays open, and the rest of the document is not read
/// inside out.
fn open_after(open: bool, text: &str) -> bool {
    let mut open = open;
    let mut before: Option<char> = None;
    for c in text.chars() {
        match c {
            '“' => open = true,
            '”' => open = false,
            '"' => open = before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[')),
            _ => {}
        }
        before = Some(c);
    }
    open
}

impl<'d> ActorReader<'d, '_> {
    /// The sector of a counterpart (words.tsv `counterpart_noun`) from whom it is the
    /// counterpart of: its possessor ("Mr Straw and his Spanish counterpart", "the Spanish
    /// media criticises its English counterparts", "Wenger's Bayern counterpart"), a pronoun
    /// through the subject of its clause or the conjunct it follows, else its referent. A counterpart of an owner without a sector has none.
    pub(crate) fn counterpart_sector(
        &self,
        head: Token<'d>,
        discourse: &mut Discourse,
        depth: usize,
    ) -> Option<String> {
        if !is(WordClass::CounterpartNoun, &lemma(head)) {
            return None;
        }
        let owner = head.children().find(|c| c.rel() == Deprel::NmodPoss)?;
        if owner.upos() == Upos::Pron {
            // "X met his counterpart", "X and his counterpart": the pronoun is X's.
            let near = if head.rel() == Deprel::Conj {
                head.head()
            } else {
                head.head().and_then(|v| {
                    v.children()
                        .find(|c| c.rel().is_nsubj() && c.i() < head.i())
                })
            };
            if let Some(a) = near.and_then(|n| self.actor_within(n, discourse, depth + 1)) {
                return a.sector;
            }
            self.pronoun_referent(owner, owner.span().start, discourse, depth + 1)?
                .1
        } else {
            self.actor_within(owner, discourse, depth + 1)?.sector
        }
    }

    /// Whom a lone pronoun stands for (country, sector): the speaker of reported speech
    /// ("Estonia said it would close ..."), the speaker of the quotation for "we" and "I",
    /// else the last person ("he") or the last subject of the same number ("it", "they").
    pub(crate) fn pronoun_referent(
        &self,
        head: Token<'d>,
        lo: usize,
        discourse: &mut Discourse,
        depth: usize,
    ) -> Option<Referent> {
        let word = head.text().to_ascii_lowercase();
        if is_expletive(head, &word) {
            return None;
        }
        let first_person = is(WordClass::FirstPerson, &word);
        if head.rel().is_nsubj() || first_person {
            let speaker = if first_person {
                first_person_speaker(head)
            } else {
                governing_subject(head)
            };
            // "he" and "she" stand for a person: a state or a place the parse made their
            // speaker ("Britain has been cautious but Mr Straw said he ...") is not theirs.
            let person = is(WordClass::PersonPronoun, &word);
            let plural = matches!(word.as_str(), "they" | "them" | "their");
            if let Some(s) = speaker
                .filter(|s| !(person && self.names_body(*s)))
                .filter(|s| !(plural && singular_noun(*s)))
            {
                // A group known by its kind that speaks ("Police have said they ...") is
                // placed where the report stands; "it" may be another body ("a court said it
                // must pay": the firm).
                let a = self
                    .actor_within(s, discourse, depth + 1)
                    .or_else(|| plural.then(|| self.home_agent(s)).flatten());
                // A first person whose speaker is named but not placed is no one else; nor is
                // "they" said by a group that is no actor ("people say they want").
                let group = plural && matches!(s.xpos(), "NNS" | "NNPS");
                if a.is_some() || first_person || group {
                    return a.map(|a| (a.country, a.sector));
                }
            }
        }
        if first_person {
            return self.quotation_speaker(head, discourse);
        }
        if is(WordClass::PersonPronoun, &word) {
            // "When President Kirchner took office he began to negotiate": the named subject
            // of the clause before the pronoun's own verb is whom "he" continues.
            if let Some(a) = fronted_clause_subject(head)
                .and_then(|s| self.actor_within(s, discourse, depth + 1))
            {
                return Some((a.country, a.sector));
            }
            let male = if is(WordClass::MalePronoun, &word) {
                Some(true)
            } else {
                is(WordClass::FemalePronoun, &word).then_some(false)
            };
            let p = discourse
                .person_referent(lo, male)
                .map(|p| (p.country.clone(), p.sector.clone()))?;
            discourse.refresh_referent(lo);
            return Some(p);
        }
        let plural = matches!(word.as_str(), "they" | "them" | "their");
        let singular = matches!(word.as_str(), "it" | "its");
        let antecedent = if singular {
            discourse.singular_referent()
        } else {
            // A group known by its kind ("MPs said ...") is what a later subject "they"
            // continues, not any "their" or "them".
            let kind_ok =
                !discourse.last_subject_generic || (word == "they" && head.rel().is_nsubj());
            discourse
                .last_subject
                .as_ref()
                .filter(|_| plural && discourse.last_subject_plural && kind_ok)
        };
        antecedent.map(|a| (a.country.clone(), a.sector.clone()))
    }

    /// Whether the dictionaries read the name `head` heads as a state or a place, never a
    /// person. (A party or a body may head a person's phrase in the parse: "Tory | ex-minister
    /// Douglas Hogg".)
    fn names_body(&self, head: Token<'d>) -> bool {
        let sp = head.span();
        self.lex.covering(sp.start, sp.end).is_some_and(|m| {
            matches!(
                m.entry.kind,
                EntryKind::Country
                    | EntryKind::Capital
                    | EntryKind::Seat
                    | EntryKind::City
                    | EntryKind::Region
            )
        })
    }

    /// The speaker of the quotation a first-person pronoun stands in, when the pronoun is
    /// inside one that an earlier sentence opened or a speaker of the last sentence continues.
    pub(crate) fn quotation_speaker(
        &self,
        head: Token<'d>,
        discourse: &Discourse,
    ) -> Option<Referent> {
        let quote = &discourse.quote;
        let start = self.doc.sentence(head.sentence()).span().start;
        let before = &self.doc.text()[start..head.span().start];
        let inside = open_after(quote.inside_at_start, before);
        inside.then(|| quote.speaker.clone()).flatten()
    }

    /// The body a person's name is given with: "Simon Hart of the Countryside Alliance",
    /// "Brendan Barber of the TUC", "Vincent Cable, for the Liberal Democrats," speak for it
    /// (its country and sector). Only a body the dictionaries know (an organisation, party or
    /// medium), not a place ("Jones of Leeds").
    pub(crate) fn body_of_name(
        &self,
        head: Token<'d>,
        discourse: &mut Discourse,
        depth: usize,
    ) -> Option<Referent> {
        if head.upos() != Upos::Propn {
            return None;
        }
        // The parse hangs the phrase on the first name or on the last (`flat`).
        let of = std::iter::once(head)
            .chain(head.children().filter(|c| c.rel() == Deprel::Flat))
            .flat_map(|t| t.children())
            .find(|c| {
                (c.rel().is_nmod() && crate::tree::has_case(*c, &["of", "for"]))
                    // "Vincent Cable, for the Liberal Democrats, said": set off by commas, the
                    // phrase may hang as a list item.
                    || (c.rel() == Deprel::List && crate::tree::has_case(*c, &["for"]))
            })?;
        let core = crate::noun_phrase::core_tokens(of);
        let (lo, hi) = (core.first()?.span().start, core.last()?.span().end);
        let body = self.matches_in(lo, hi).any(|m| {
            matches!(
                m.entry.kind,
                EntryKind::Organisation | EntryKind::Party | EntryKind::Media
            )
        });
        if !body {
            return None;
        }
        let a = self.actor_within(of, discourse, depth + 1)?;
        Some((a.country, a.sector))
    }

    /// What the definite description `head` ("the chancellor", "the party") refers to: the
    /// actor the document last gave that role or body.
    pub(crate) fn described_referent(
        &self,
        head: Token<'d>,
        core: &[Token<'d>],
        discourse: &mut Discourse,
    ) -> Option<Referent> {
        let definite = head
            .children()
            .any(|c| c.rel() == Deprel::Det && c.text().eq_ignore_ascii_case("the"));
        // "the president of Armenia", "the minister who resigned": the phrase says whose. A
        // relative clause set off by a comma only adds to what the description refers to
        // ("The firm, which floated in 2003, announced").
        let restricted = head.children().any(|c| {
            c.rel().is_nmod() || (c.rel() == Deprel::AclRelcl && !self.set_off_by_comma(c))
        });
        if !definite || restricted || !(nominal(head) || adjective_as_noun(head)) {
            return None;
        }
        // "the party's opposition": the possessive mark is no word of the description.
        let words: Vec<Token<'d>> = core
            .iter()
            .copied()
            .filter(|t| t.upos() != Upos::Det && t.rel() != Deprel::Case)
            .collect();
        let (lo, hi) = (words.first()?.span().start, words.last()?.span().end);
        let mut role_sector = None;
        let key = match self.lex.covering(lo, hi) {
            Some(m) if m.entry.kind == EntryKind::Role && m.start == lo && m.end == hi => {
                role_sector = m.entry.sector.as_deref();
                m.entry.canonical.clone()
            }
            Some(_) => return None,
            None if words.len() == 1 => {
                let lemma = crate::tree::lemma(head);
                let described = is(WordClass::Description, &lemma)
                    || crate::descriptions::shipped().describes_kinds(&lemma);
                described.then(|| lemma.to_string())?
            }
            None => return None,
        };
        // What the document last called so ("the commission" after "the European
        // Commission"), or the last body of the kind it describes ("the group" after "Human
        // Rights Watch"), whichever it named later.
        let named = discourse.described(&key).map(|(r, at)| (r.clone(), at));
        let kind = discourse.kind_referent(&key).map(|(r, at)| (r.clone(), at));
        match (named, kind) {
            (Some((r, at)), Some((_, kind_at))) if at >= kind_at => return Some(r),
            (_, Some((r, _))) => {
                discourse.refresh_kind(&key);
                return Some(r);
            }
            (Some((r, _)), None) => return Some(r),
            (None, None) => {}
        }
        // "Gordon Brown will say ... The chancellor is due to outline": a role the document
        // gave no one is the person "he" would be, if the dictionaries give them its sector.
        let person = discourse.person_referent(lo, None)?;
        (role_sector.is_some() && person.sector.as_deref() == role_sector)
            .then(|| (person.country.clone(), person.sector.clone()))
    }

    /// Whether the clause `clause` begins right after a comma: a relative clause that
    /// describes, not one that picks out ("the minister who resigned").
    fn set_off_by_comma(&self, clause: Token<'d>) -> bool {
        let first = crate::tree::subtree(clause)
            .into_iter()
            .find(|t| t.upos() != Upos::Punct);
        first.is_some_and(|t| t.i() > 0 && self.doc.token(t.i() - 1).text() == ",")
    }

    /// Remembers the roles and bodies the dictionary phrases of bytes `lo..hi` give an actor
    /// of `country` and `sector`: each role ("chancellor" of "Chancellor Gordon Brown", and
    /// its last word, "minister" of "finance minister"), "party" for a party, and the
    /// description words of an organisation's name ("commission", "league").
    pub(crate) fn note_descriptions(
        &self,
        (lo, hi): (usize, usize),
        country: Option<&str>,
        sector: Option<&str>,
        discourse: &mut Discourse,
    ) {
        if country.is_none() {
            return;
        }
        let text = self.doc.text();
        for m in self.matches_in(lo, hi) {
            match m.entry.kind {
                EntryKind::Role => {
                    let role = m.entry.canonical.as_str();
                    discourse.describe(role, country, sector);
                    if let Some(last) = role.rsplit(' ').nth(0).filter(|w| *w != role) {
                        discourse.describe(last, country, sector);
                    }
                }
                EntryKind::Party => discourse.describe("party", country, sector),
                EntryKind::Organisation => {
                    for w in m.text(text).split_whitespace() {
                        let w = w.to_lowercase();
                        if is(WordClass::Description, &w) {
                            discourse.describe(&w, country, sector);
                        }
                    }
                }
                _ => {}
            }
        }
        self.note_bodies((lo, hi), (country, sector), discourse);
    }

    /// Remembers the bodies named in bytes `lo..hi` (or in a name the phrase's head begins:
    /// "the Confederation | of British Industry") for the descriptions that fit them: the
    /// description words of the full name ("the union" after "the TUC", the Trades Union
    /// Congress) and the kind descriptions of their sector ("the group" after "Human Rights
    /// Watch").
    fn note_bodies(
        &self,
        (lo, hi): (usize, usize),
        (country, actor_sector): (Option<&str>, Option<&str>),
        discourse: &mut Discourse,
    ) {
        let kinds = crate::descriptions::shipped();
        for m in self.lex.overlapping(lo, hi) {
            if !matches!(m.entry.kind, EntryKind::Organisation | EntryKind::Party) {
                continue;
            }
            let (code, sector) = m.entry.role_at(self.date.as_deref());
            if code.is_none() {
                continue;
            }
            if m.entry.kind == EntryKind::Organisation {
                for w in m.entry.canonical.split_whitespace() {
                    let w = w.to_lowercase();
                    if is(WordClass::Description, &w) {
                        discourse.describe(&w, country, actor_sector);
                    }
                }
            }
            for word in sector.into_iter().flat_map(|s| kinds.words_for(s)) {
                discourse.note_kind(word, code, sector);
            }
        }
    }

    /// The speaker a sentence reports: the subject of its verb of saying ("Mr Thomas said:"),
    /// `Some(None)` when the sentence names one the coder cannot place.
    fn sentence_speaker(
        &self,
        s: &Sentence<'d>,
        discourse: &mut Discourse,
    ) -> Option<Option<Referent>> {
        let subject = s
            .tokens()
            .filter(|t| t.upos() == Upos::Verb && is(WordClass::Reporting, &lemma(*t)))
            .find_map(|v| v.children().find(|c| c.rel() == Deprel::Nsubj))?;
        Some(
            self.actor(subject, discourse)
                .map(|a| (a.country, a.sector)),
        )
    }

    /// Reads where the quotations of sentence `s` stand before it is coded: whether it begins
    /// inside one and whose words they are.
    pub(crate) fn enter_quotation(&self, s: &Sentence<'d>, discourse: &mut Discourse) {
        let here = self.sentence_speaker(s, discourse);
        let q = &mut discourse.quote;
        if !q.inside_at_start {
            // A sentence that names its own speaker speaks for them, placed or not.
            q.speaker = match &here {
                Some(speaker) => speaker.clone(),
                None => q.last_speaker.take(),
            };
        }
        q.last_speaker = here.flatten();
    }

    /// Carries the quotation state past sentence `s`, once it is coded.
    pub(crate) fn leave_quotation(&self, s: &Sentence<'d>, discourse: &mut Discourse) {
        let q = &mut discourse.quote;
        q.inside_at_start = open_after(q.inside_at_start, s.text());
    }
}

/// Whether `head` is a singular common noun other than a state's governing body ("the
/// finance minister", "his ministry"): "they" does not stand for it ("The finance minister has
/// urged councils ... but they have warned"; "his ministry was having difficulty hiring women
/// because they demanded"). "The government said they" may still be the government.
/// The name that is the subject of an adverbial clause set before a subject pronoun and its
/// verb ("*When President Kirchner* took office *he* began", "*After Mr Smith* resigned, *he*
/// ..."); a clause without a subject of its own ("While saying he admired Mr Blair, he ...")
/// or with a pronoun or common noun for one gives none.
fn fronted_clause_subject(pronoun: Token<'_>) -> Option<Token<'_>> {
    if !pronoun.rel().is_nsubj() {
        return None;
    }
    let verb = pronoun.head()?;
    verb.children()
        .filter(|c| c.rel() == Deprel::Advcl && c.i() < pronoun.i())
        .flat_map(|c| c.children().filter(|g| g.rel() == Deprel::Nsubj))
        .find(|g| g.upos() == Upos::Propn)
}

fn singular_noun(head: Token<'_>) -> bool {
    head.xpos() == "NN" && !is(WordClass::NationalBody, &head.text().to_ascii_lowercase())
}

/// The clause subject that speaks a first-person pronoun: the subject of the verb of saying
/// its clause is the complement of ("'We will act,' he said"), a pronoun itself or not.
fn first_person_speaker(pronoun: Token<'_>) -> Option<Token<'_>> {
    let mut verb = pronoun.head()?;
    for _ in 0..6 {
        if !matches!(
            verb.rel(),
            Deprel::Ccomp | Deprel::Conj | Deprel::Parataxis | Deprel::Advcl | Deprel::Xcomp
        ) {
            return None;
        }
        verb = verb.head()?;
        if is(WordClass::Reporting, &lemma(verb))
            && let Some(s) = verb.children().find(|c| c.rel() == Deprel::Nsubj)
        {
            return (!is(WordClass::FirstPerson, &s.text().to_ascii_lowercase())).then_some(s);
        }
    }
    None
}

/// A noun or a name.
fn nominal(t: Token<'_>) -> bool {
    matches!(t.upos(), Upos::Noun | Upos::Propn)
}

/// A description word the tagger read as an adjective though it heads a noun phrase of its
/// own: "a move by the executive", "criticised the executive" (the tagger's usual "executive").
fn adjective_as_noun(t: Token<'_>) -> bool {
    t.upos() == Upos::Adj
        && (t.rel().is_nsubj() || t.rel().is_nmod() || t.rel().is_obl() || t.rel() == Deprel::Obj)
        && is(WordClass::Description, &t.text().to_ascii_lowercase())
}
