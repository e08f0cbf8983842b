//! From a noun phrase in the parse to coded actors.
//!
//! A phrase's core is its head with the modifiers that name it (compounds, flat names,
//! adjectives, possessors, numbers); relative clauses and prepositional attachments ("Russia's
//! ambassador *to the country*") are left out, so "to the country" cannot become the actor.
//! Dictionary matches inside the core give the country or organisation and the sector;
//! coordination ("Italy, Spain and Denmark") gives one actor per conjunct; pronouns and bare
//! surnames resolve through the document's [`Discourse`].

use crate::discourse::{Discourse, Person};
use crate::noun_phrase::governing_subject;
use crate::noun_phrase::{SentenceLex, conjuncts, core_tokens, is_country_like, is_generic_agent};
use crate::words::{WordClass, is};
use attache_event::{Actor, CountryFrom};
use attache_lexicon::{EntryKind, LexMatch};
use attache_nlp::{Deprel, Doc, Token, Upos};

/// The sector of a phrase that names both a body or person (`named`: a party's status, a
/// person's office) and a role (`role`): the role names the head ("Foreign Minister"), so it
/// wins, except that membership of an opposition party wins over a legislative role ("Tory
/// MP" is OPP; a governing party's "Labour MP" stays LEG), as docs/gold.md codes them.
fn combined_sector(named: Option<String>, role: Option<String>) -> Option<String> {
    match (named, role) {
        (Some(n), Some(r)) if n == "OPP" && r == "LEG" => Some(n),
        (n, r) => r.or(n),
    }
}

/// A title written before a name ("Mr", "Sir", "Lord"): no part of the name.
pub(crate) fn is_honorific(word: &str) -> bool {
    is(
        WordClass::Honorific,
        &word.trim_end_matches('.').to_ascii_lowercase(),
    )
}

/// Personal pronouns that can stand for an actor.
fn is_actor_pronoun(word: &str) -> bool {
    is(WordClass::ActorPronoun, &word.to_ascii_lowercase())
}

/// Nouns that name a part, a number or the members of a body.
fn is_part_noun(lemma: &str) -> bool {
    is(WordClass::PartNoun, lemma)
}

/// The body a part noun's "of" phrase names ("a member of the parliament"), or the body an
/// agent noun's "for" phrase names ("a spokesman for the Home Office").
fn whole_of_part(head: Token<'_>) -> Option<Token<'_>> {
    let l = crate::tree::lemma(head);
    let (part, agent) = (is_part_noun(&l), is(WordClass::AgentFor, &l));
    head.children().find(|c| {
        c.rel().is_nmod()
            && (part && crate::tree::has_case(*c, &["of"])
                || agent && crate::tree::has_case(*c, &["for"]))
    })
}

/// Days and months, which a parse can take for names: never actors.
fn is_time_word(word: &str) -> bool {
    is(WordClass::CalendarName, &word.to_ascii_lowercase())
}

fn is_relative_pronoun(word: &str) -> bool {
    is(WordClass::RelativePronoun, &word.to_ascii_lowercase())
}

/// What the dictionary phrases of an actor phrase's core say.
#[derive(Default)]
pub(crate) struct CoreReading {
    pub country: Option<String>,
    pub sector: Option<String>,
    /// The state of a city or region named, for when nothing else names one.
    org_fallback: Option<String>,
    /// A generic agent ("police") is named: its country comes from a modifier.
    agent_role: bool,
}

/// Resolves noun phrases to actors within one sentence.
pub struct ActorReader<'d, 'l> {
    pub doc: &'d Doc,
    pub lex: &'d SentenceLex<'l>,
    /// The date a person's dated role is read at (YYYY-MM-DD): the publication date, until
    /// [`ActorReader::redate`] moves it to the event's own date.
    pub date: Option<String>,
    /// The country the report stands in (its dateline's, else the one it names most), for a
    /// generic agent that stands as an antecedent ("Police have said they ...").
    pub home: Option<String>,
}

impl<'d, 'l> ActorReader<'d, 'l> {
    pub(crate) fn matches_in(&self, lo: usize, hi: usize) -> impl Iterator<Item = &LexMatch<'l>> {
        self.lex.within(lo, hi)
    }

    /// A person's name in a core: the proper nouns no dictionary phrase covers, or the name of
    /// a person the dictionary knows ("Antonio Guterres"), lower case, one entry per word.
    pub(crate) fn uncovered_names(&self, core: &[Token<'d>]) -> Vec<String> {
        let (lo, hi) = (
            core.first().map_or(0, |t| t.span().start),
            core.last().map_or(0, |t| t.span().end),
        );
        if let Some(p) = self
            .matches_in(lo, hi)
            .find(|m| m.entry.kind == EntryKind::Person)
        {
            return p
                .entry
                .canonical
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
        }
        core.iter()
            .filter(|t| t.upos() == Upos::Propn && !is_honorific(t.text()))
            .filter(|t| self.lex.covering(t.span().start, t.span().end).is_none())
            .map(|t| t.text().to_lowercase())
            .collect()
    }

    /// One actor per conjunct of `head`; conjuncts that resolve to nothing are dropped.
    /// Coordinated nationalities on one noun ("Hungarian and Romanian officials") are one actor
    /// each too.
    pub fn actors(&self, head: Token<'d>, discourse: &mut Discourse) -> Vec<Actor> {
        // "The two sides agreed": the last two sides named together.
        if is_pair_phrase(head) {
            return discourse
                .pair_referent()
                .map(<[Actor]>::to_vec)
                .unwrap_or_default();
        }
        // "Belgium, the Netherlands and Ireland said they would expel": a plural pronoun
        // subject of reported speech stands for every speaker.
        if head.rel().is_nsubj()
            && matches!(head.text().to_ascii_lowercase().as_str(), "they" | "we")
            && let Some(speaker) = governing_subject(head)
            && !conjuncts(speaker).len().eq(&1)
        {
            return conjuncts(speaker)
                .into_iter()
                .filter_map(|h| self.actor(h, discourse))
                .collect();
        }
        let mut out = Vec::new();
        for h in conjuncts(head) {
            let split = self.coordinated_modifiers(h);
            if split.is_empty() {
                out.extend(self.actor(h, discourse));
            } else {
                out.extend(split);
            }
        }
        out
    }

    /// "Hungarian and Romanian officials", "U.S. and Russian negotiators": an actor per
    /// coordinated nationality modifier, with the head noun's sector.
    fn coordinated_modifiers(&self, head: Token<'d>) -> Vec<Actor> {
        let Some(first) = head.children().find(|c| {
            matches!(c.rel(), Deprel::Amod | Deprel::Compound)
                && c.children().any(|g| g.rel() == Deprel::Conj)
        }) else {
            return Vec::new();
        };
        let sector = {
            let sp = head.span();
            self.matches_in(sp.start, sp.end)
                .find(|m| m.entry.kind == EntryKind::Role)
                .and_then(|m| m.entry.sector.clone())
        };
        let text = self.doc.text();
        let mods =
            std::iter::once(first).chain(first.children().filter(|g| g.rel() == Deprel::Conj));
        let actors: Vec<Actor> = mods
            .filter_map(|m| {
                let sp = m.span();
                let found = self
                    .matches_in(sp.start, sp.end)
                    .find(|x| is_country_like(x.entry.kind))?;
                let (code, own_sector) = found.entry.role_at(self.date.as_deref());
                // From the modifier to the head; a parse may put the modifier after it.
                let head_span = head.span();
                let span = [sp.start.min(head_span.start), sp.end.max(head_span.end)];
                Some(Actor {
                    text: text[span[0]..span[1]].to_string(),
                    country: code.map(String::from),
                    sector: sector.clone().or_else(|| own_sector.map(String::from)),
                    span,
                    country_from: None,
                })
            })
            .collect();
        if actors.len() > 1 { actors } else { Vec::new() }
    }

    /// Reads the dated role of a person an actor names at the event's own date ("Blair" in a
    /// 2009 report of a 2005 event is the prime minister). Actors whose sector comes from a
    /// role word in their phrase ("former minister X") keep it.
    pub fn redate(&self, actors: &mut [Actor], date: &str) {
        for a in actors {
            let [lo, hi] = a.span;
            let within: Vec<&LexMatch<'l>> = self.matches_in(lo, hi).collect();
            if within
                .iter()
                .any(|m| m.entry.kind == EntryKind::Role && m.entry.sector.is_some())
            {
                continue;
            }
            let Some(person) = within
                .iter()
                .find(|m| matches!(m.entry.kind, EntryKind::Person | EntryKind::Party))
            else {
                continue;
            };
            if person.entry.roles.is_empty() {
                continue;
            }
            let (code, sector) = person.entry.role_at(Some(date));
            if code.is_some() {
                a.country = code.map(String::from);
                a.sector = sector.map(String::from);
            }
        }
    }

    /// A generic agent ("police", "protesters") named by `head` without a country: its sector,
    /// no country yet.
    pub fn agent_actor(&self, head: Token<'d>) -> Option<Actor> {
        let sp = head.span();
        let m = self.lex.covering(sp.start, sp.end)?;
        if m.entry.kind != EntryKind::Role || !is_generic_agent(m.text(self.doc.text())) {
            return None;
        }
        // The agent the head word names is the kind ("the media watchdog" is a watchdog, GOV,
        // not the media); a modifier's role gives the sector only when the head's has none.
        let mut actor = self.role_actor(head)?;
        actor.sector = m.entry.sector.clone().or(actor.sector);
        actor.sector.is_some().then_some(actor)
    }

    /// A generic agent placed where the report stands: "MPs said ... They called for",
    /// "Police have said they have a duty to investigate" (the antecedent of a pronoun, with
    /// no place of an event of its own to read).
    pub fn home_agent(&self, head: Token<'d>) -> Option<Actor> {
        let home = self.home.clone()?;
        let mut actor = self.agent_actor(head)?;
        actor.country = Some(home);
        Some(actor)
    }

    /// A group known only by its role ("demonstrators", "riot police"): no country, a sector.
    pub fn sector_actor(&self, head: Token<'d>) -> Option<Actor> {
        self.role_actor(head).filter(|a| a.sector.is_some())
    }

    /// People named only by a role, with the role's sector where it has one ("four men",
    /// "12 protesters", a role running past the core: "the Director of Public Prosecutions"):
    /// no country yet.
    pub fn role_actor(&self, head: Token<'d>) -> Option<Actor> {
        let core = core_tokens(head);
        let lo = core.first()?.span().start;
        let hi = core.last()?.span().end;
        let beyond = (self.lex.covering(head.span().start, head.span().end)).filter(|m| m.end > hi);
        let mut roles = self
            .matches_in(lo, hi)
            .chain(beyond)
            .filter(|m| m.entry.kind == EntryKind::Role)
            .peekable();
        roles.peek()?;
        let sector = roles.find_map(|m| m.entry.sector.clone());
        Some(Actor {
            text: self.doc.text()[lo..hi].to_string(),
            country: None,
            sector,
            span: [lo, hi],
            country_from: None,
        })
    }

    /// The actor one nominal names, if the dictionaries, the names met so far or the discourse
    /// can tell who it is.
    pub fn actor(&self, head: Token<'d>, discourse: &mut Discourse) -> Option<Actor> {
        self.actor_within(head, discourse, 0)
    }

    /// What the dictionary phrases of a core (bytes `lo..hi`) say: country and sector, a
    /// city's state to fall back on, and whether a generic agent ("police") is named.
    pub(crate) fn read_core(&self, head: Token<'d>, lo: usize, hi: usize) -> CoreReading {
        let text = self.doc.text();
        let mut r = CoreReading::default();
        // A dictionary phrase the parse split across two subjects ("Bosnian Serbs" read as two
        // nominals) still names the head it covers.
        let head_span = head.span();
        let straddling = self
            .lex
            .covering(head_span.start, head_span.end)
            .filter(|m| m.start < lo || m.end > hi);
        let (mut role_sector, mut role_country) = (None, None);
        for m in self.matches_in(lo, hi).chain(straddling) {
            let e = m.entry;
            if is_country_like(e.kind) {
                let (code, own_sector) = e.role_at(self.date.as_deref());
                if r.country.is_none() {
                    r.country = code.map(String::from);
                }
                if r.sector.is_none() {
                    r.sector = own_sector.map(String::from);
                }
            } else if e.kind == EntryKind::Role {
                if e.sector.is_some() {
                    role_sector = e.sector.clone();
                }
                // A title of one state ("Taoiseach", "Foreign Secretary") is of that state
                // unless the phrase names another ("Indian Foreign Secretary").
                role_country = role_country.or_else(|| e.code.clone());
                r.agent_role |= is_generic_agent(m.text(text));
            } else if matches!(e.kind, EntryKind::City | EntryKind::Region) {
                r.org_fallback = r.org_fallback.or_else(|| e.code.clone());
            }
        }
        r.sector = combined_sector(r.sector.take(), role_sector);
        r.country = r.country.take().or(role_country);
        r
    }

    /// `actor`, following antecedents and wholes at most a few steps: a misparse can make a
    /// relative pronoun part of its own antecedent, and resolution must still end.
    pub(crate) fn actor_within(
        &self,
        head: Token<'d>,
        discourse: &mut Discourse,
        depth: usize,
    ) -> Option<Actor> {
        if depth > 3 || is_time_word(head.text()) {
            return None;
        }
        let core = core_tokens(head);
        let lo = core.iter().map(|t| t.span().start).min()?;
        let hi = core.iter().map(|t| t.span().end).max()?;
        let text = self.doc.text();
        // Leading determiners and possessive markers are not part of the name.
        let trimmed: Vec<Token<'d>> = core
            .iter()
            .copied()
            .skip_while(|t| matches!(t.upos(), Upos::Det) || t.upos() == Upos::Punct)
            .collect();
        let lo_text = trimmed.first().map_or(lo, |t| t.span().start);
        let span = [lo_text, hi];

        let CoreReading {
            mut country,
            mut sector,
            org_fallback,
            agent_role,
        } = self.read_core(head, lo, hi);

        let by_modifier = agent_role && country.is_some();
        // "MAB" after "the Muslim Association of Britain (MAB)", before any person so named.
        let acronym = discourse
            .acronyms
            .reading(&core, head)
            .filter(|_| country.is_none());
        let from = acronym.and_then(|a| a.from);
        if let Some(a) = acronym {
            (country, sector) = (Some(a.country.clone()), sector.or_else(|| a.sector.clone()));
        }
        // Names of people in the core: proper nouns no dictionary phrase covers.
        let names = self.uncovered_names(&core);
        if head.upos() == Upos::Propn && !names.is_empty() {
            let mut names = names;
            if let Some(p) = discourse.person_named(&names) {
                country = country.or_else(|| p.country.clone());
                sector = sector.or_else(|| p.sector.clone());
                names = p.names.clone();
            }
            if country.is_some() || sector.is_some() {
                discourse.remember_person(Person {
                    names,
                    country: country.clone(),
                    sector: sector.clone(),
                    seen_at: lo,
                });
            }
        }

        let mut placed = Placed { country, sector };
        self.follow_references(head, &core, lo, discourse, depth, &mut placed);
        let Placed {
            mut country,
            sector,
        } = placed;
        // "Security forces in Guinea", "militants from Iraq": a group known by its sector is
        // placed by the state its prepositional phrase names.
        // A province or city there places it in its state, after any state named: "the
        // government of Sindh province", "police in Mumbai". A possessor says whose the group
        // is, so a place phrase then tells where from ("recalled its ambassador from Niger").
        let possessed = head.children().any(|c| c.rel() == Deprel::NmodPoss);
        if country.is_none() && sector.is_some() && !possessed {
            let placed = |kinds: &[EntryKind]| {
                head.children()
                    .filter(|c| {
                        c.rel().is_nmod() && crate::tree::has_case(*c, &["in", "from", "of"])
                    })
                    .find_map(|c| {
                        let sp = c.span();
                        self.lex
                            .covering(sp.start, sp.end)
                            .filter(|m| kinds.contains(&m.entry.kind))
                            .and_then(|m| m.entry.code.clone())
                    })
            };
            country = placed(&[EntryKind::Country, EntryKind::Capital])
                .or_else(|| placed(&[EntryKind::Region, EntryKind::City]));
        }
        // A city or region names who acts only through its state when nothing else does
        // ("Kyiv said" is the Ukrainian government); cities are no actors in their own right.
        if country.is_none() && sector.is_some() {
            country = org_fallback;
        }
        let country = country?;
        self.note_descriptions((lo, hi), Some(&country), sector.as_deref(), discourse);
        Some(Actor {
            text: text[span[0]..span[1]].to_string(),
            country: Some(country),
            sector,
            span,
            country_from: by_modifier.then_some(CountryFrom::Modifier).or(from),
        })
    }

    /// Where the words name no country: the noun a relative pronoun stands for, a pronoun's or
    /// a description's referent, the body a part belongs to, or a name's apposition, the first
    /// of these that places it.
    fn follow_references(
        &self,
        head: Token<'d>,
        core: &[Token<'d>],
        lo: usize,
        discourse: &mut Discourse,
        depth: usize,
        placed: &mut Placed,
    ) {
        // "Moscow, whose troops ...": a relative pronoun stands for the noun its clause modifies.
        if placed.country.is_none()
            && let Some(rel) = core.iter().find(|t| is_relative_pronoun(t.text()))
            && let Some(ante) = crate::tree::relative_antecedent(self.doc, *rel)
            && let Some(a) = self.actor_within(ante, discourse, depth + 1)
        {
            placed.country = a.country;
            placed.sector = placed.sector.take().or(a.sector);
        }
        if placed.country.is_none()
            && core.len() == 1
            && is_actor_pronoun(head.text())
            && let Some((c, s)) = self.pronoun_referent(head, lo, discourse, depth)
        {
            placed.country = c;
            placed.sector = placed.sector.take().or(s);
        }
        // "his government", "their lawyers": a role owned by a pronoun is of the country the
        // pronoun's referent is of; the role keeps its own sector.
        if placed.country.is_none()
            && placed.sector.is_some()
            && head.upos() == Upos::Noun
            && let Some(owner) = head.children().find(|c| {
                c.rel() == Deprel::NmodPoss && c.upos() == Upos::Pron && is_actor_pronoun(c.text())
            })
            && let Some((c, _)) = self.pronoun_referent(owner, owner.span().start, discourse, depth)
        {
            placed.country = c;
        }
        // "The chancellor" after "Chancellor Gordon Brown": the actor given that role.
        if placed.country.is_none()
            && let Some((c, s)) = self.described_referent(head, core, discourse)
        {
            placed.country = c;
            placed.sector = placed.sector.take().or(s);
        }

        // "A member of the Syrian parliament", "thousands of Nigerians", "leaders of Romania's
        // government": a part or a number of a body is coded as the body; so is who speaks
        // for it ("a spokesman for UKIP"; words.tsv agent_for).
        if placed.country.is_none()
            && let Some(whole) = whole_of_part(head)
            && let Some(a) = self.actor_within(whole, discourse, depth + 1)
        {
            placed.country = a.country;
            placed.sector = placed.sector.take().or(a.sector);
        }
        // "Salaheddine Sidhoum, Algeria's leading human rights activist": an apposition says
        // whom a name stands for.
        if placed.country.is_none()
            && head.upos() == Upos::Propn
            && !is_time_word(head.text())
            && let Some(appos) = head.children().find(|c| c.rel() == Deprel::Appos)
            && let Some(a) = self.actor_within(appos, discourse, depth + 1)
        {
            placed.country = a.country;
            placed.sector = placed.sector.take().or(a.sector);
        }
        // "Lawyer Jane Smith accused": a title the parse made the head, with the name it
        // precedes as its apposition, is that person (placed where the document placed them).
        if placed.country.is_none()
            && head.upos() == Upos::Noun
            && let Some(name) = titled_name(head)
            && let Some(a) = self.actor_within(name, discourse, depth + 1)
        {
            placed.country = a.country;
            placed.sector = placed.sector.take().or(a.sector);
        }
        // "his Spanish counterpart", "its English counterparts": whoever a counterpart is
        // holds the owner's office on another side, so has the owner's sector.
        if placed.sector.is_none() {
            placed.sector = self.counterpart_sector(head, discourse, depth);
        }
        // "Simon Hart of the Countryside Alliance": a name given with its body.
        if placed.country.is_none()
            && !self.uncovered_names(core).is_empty()
            && let Some((c, s)) = self.body_of_name(head, discourse, depth)
        {
            placed.country = c;
            placed.sector = placed.sector.take().or(s);
        }
    }
}

/// "the two sides", "both countries" (words.tsv `pair_noun`): a plural noun of a pair, with
/// "both" or "the two"; "the pair", "the duo" (`pair_collective`), and "the two" alone.
pub(crate) fn is_pair_phrase(head: Token<'_>) -> bool {
    let word = |c: Token<'_>, w: &str| c.text().eq_ignore_ascii_case(w);
    let both = head
        .children()
        .any(|c| c.rel() == Deprel::Det && word(c, "both"));
    let two = head
        .children()
        .any(|c| c.rel() == Deprel::Nummod && word(c, "two"))
        && head
            .children()
            .any(|c| c.rel() == Deprel::Det && word(c, "the"));
    let the = head
        .children()
        .any(|c| c.rel() == Deprel::Det && word(c, "the"));
    // "the pair", "the duo"; "the two" as a phrase of its own ("warned the two were under
    // scrutiny"), not a number of a noun.
    let collective = the
        && head.xpos() == "NN"
        && is(WordClass::PairCollective, &crate::tree::lemma(head))
        && !head
            .children()
            .any(|c| c.rel().is_nmod() && crate::tree::has_case(c, &["of"]));
    let bare_two =
        the && head.upos() == Upos::Num && word(head, "two") && head.rel() != Deprel::Nummod;
    collective
        || bare_two
        || head.xpos() == "NNS"
            && (both || two)
            && is(WordClass::PairNoun, &crate::tree::lemma(head))
}

/// What an actor's words have placed so far: its country and sector, either still open.
struct Placed {
    country: Option<String>,
    sector: Option<String>,
}

/// The name right after a title noun that the parse hung on it as an apposition, with no comma
/// between ("Lawyer | Jane Smith"; not "the lawyer, Jane Smith, and ...", read as a name's own
/// apposition).
fn titled_name(head: Token<'_>) -> Option<Token<'_>> {
    head.children().find(|c| {
        matches!(c.rel(), Deprel::Appos | Deprel::Flat)
            && c.upos() == Upos::Propn
            && c.i() == head.i() + 1
    })
}
