//! The participants passes: each frame's actors (who acts) and recipients (on whom), read from
//! the tokens the frame names, with the conventions event coders apply where the text names a
//! doer only by what it is; then each frame's figures.

use crate::discourse::Discourse;
use crate::frames::{Frame, look_through};
use crate::implicit::place_or_context;
use crate::measure::{Coded, Measured, group_size, measure};
use crate::noun_phrase::governing_subject;
use crate::sentence::SentenceCx;

use crate::words::{WordClass, is};
use attache_event::{Actor, CountryFrom, EventCategory};
use attache_lexicon::EntryKind;
use attache_nlp::{Deprel, Token, Upos};

/// Participants pass: the actors and recipients of every frame that has the participants its
/// category needs, frame by frame in text order (the discourse learns names as it goes).
pub(crate) fn read_participants(
    sx: &SentenceCx<'_, '_>,
    frames: &[Frame<'_>],
    discourse: &mut Discourse,
) -> Vec<Coded> {
    let mut coded = Vec::new();
    for (k, frame) in frames.iter().enumerate() {
        if crate::quoted::is_quoted(frame) {
            coded.extend(crate::quoted::coded(sx, frame, k, discourse));
            continue;
        }
        let Some(mut actors) = actors_of(sx, frame, discourse) else {
            continue;
        };
        // "The two sides agreed": one event, the first side's, with the other; both act on
        // whom the event names ("Both leaders criticised the United States").
        let other = (frame
            .agents
            .iter()
            .any(|a| crate::actors::is_pair_phrase(*a))
            && actors.len() == 2)
            .then(|| actors.remove(1));
        let Some(mut recipients) = recipients_of(sx, frame, &actors, discourse) else {
            continue;
        };
        if recipients.is_empty() {
            recipients.extend(other);
        } else {
            actors.extend(other);
        }
        coded.push(Coded {
            frame: k,
            actors,
            recipients,
            measured: Measured::default(),
        });
    }
    coded
}

/// Events whose victims are enough to report them without a named doer: "three Iraqi civilians
/// have been killed in a suicide car bombing".
fn victims_suffice(frame: &Frame<'_>) -> bool {
    matches!(
        frame.category,
        EventCategory::Assault | EventCategory::Coerce
    )
}

fn is_expulsion(mode: Option<&str>) -> bool {
    matches!(mode, Some("expel" | "deport"))
}

/// Who acts in a frame; `None` when the frame is not coded for want of a doer.
fn actors_of(
    sx: &SentenceCx<'_, '_>,
    frame: &Frame<'_>,
    discourse: &mut Discourse,
) -> Option<Vec<Actor>> {
    // "Thousands of protesters marched": the people counted act, not the number.
    let looked = crate::crowds::counted_doers(frame);
    let frame = looked.as_ref().unwrap_or(frame);
    let (cx, reader) = (sx.cx, &sx.reader);
    let mut actors: Vec<Actor> = frame
        .agents
        .iter()
        .flat_map(|a| {
            // "The government said it would expel": the pronoun is the national body.
            let body = match a.upos() {
                Upos::Pron => national_bodies(sx, std::slice::from_ref(a), discourse),
                _ => Vec::new(),
            };
            if body.is_empty() {
                reader.actors(*a, discourse)
            } else {
                body
            }
        })
        .collect();
    // "Demonstrators in Baghdad blocked a road": protesters known only by what they are
    // protest where they are.
    if actors.is_empty()
        && frame.category == EventCategory::Protest
        && let Some(place) = cx.location(frame, sx.lex, &[]).and_then(|l| l.country)
    {
        actors = frame
            .agents
            .iter()
            .filter_map(|a| reader.sector_actor(*a))
            .map(|mut a| {
                a.country = Some(place.clone());
                a.country_from = Some(CountryFrom::Place);
                a
            })
            .collect();
    }
    // "Police arrested 40 protesters": a generic agent belongs to the country beside it,
    // else to where it acted, the dateline's country or the document's.
    if actors.is_empty() {
        actors = agents_in_context(sx, frame);
    }
    if actors.is_empty() {
        actors = national_bodies(sx, &frame.agents, discourse);
    }
    // "Alan Beith urged the government", "the Amalgamated Engineering Union accused
    // ministers": a name the dictionaries lack, as the recogniser reads it.
    if actors.is_empty() {
        actors = crate::names::named_actors(sx, frame);
    }
    // "Four Britons held by the US will be freed": the holder frees them.
    if actors.is_empty() {
        actors = crate::implicit::releaser(cx.doc, frame, |t| reader.actors(t, discourse));
    }
    // "Twelve foreign nationals are being held indefinitely": only a state holds them.
    if actors.is_empty() {
        let patients = || {
            frame
                .patients
                .iter()
                .flat_map(|p| reader.actors(look_through(cx.doc, *p).0, discourse))
                .collect()
        };
        actors = crate::implicit::implicit_doer(sx, frame, patients);
    }
    // An expulsion whose doer the dictionaries do not know ("European states expelled 100
    // ..., including 40 from Germany") is still the template its distributive list splits.
    // Violence and coercion are reported with their victims even when the doer is not
    // named ("three Iraqi civilians have been killed in a suicide car bombing").
    if actors.is_empty() && !is_expulsion(frame.rule.mode.as_deref()) && !victims_suffice(frame) {
        return None;
    }
    Some(actors)
}

/// Whom a frame acts on; `None` when the frame is not coded for want of a recipient (a demand
/// names who must act; a deed without a doer names the people it hit).
fn recipients_of(
    sx: &SentenceCx<'_, '_>,
    frame: &Frame<'_>,
    actors: &[Actor],
    discourse: &mut Discourse,
) -> Option<Vec<Actor>> {
    let search = RecipientSearch {
        sx,
        frame,
        actors,
        obligation: std::ptr::eq(frame.rule, sx.cx.triggers.obligation()),
    };
    let mut recipients = search.named(discourse);
    // "said Michael Howard", "labelled ... by the Conservatives": the actor's own words are
    // no recipient (a demand that names only its speaker names no one who must act).
    recipients.retain(|r| !is_own_mention(actors, r));
    if !search.codable(&recipients) {
        return None;
    }
    if recipients.is_empty() {
        recipients = search.implied(discourse);
    }
    Some(recipients)
}

/// What the recipient passes of one frame read: the sentence, the frame and its actors.
struct RecipientSearch<'r, 'a, 'l, 'f> {
    sx: &'r SentenceCx<'a, 'l>,
    frame: &'r Frame<'f>,
    actors: &'r [Actor],
    /// Whether the frame is a demand made through a modal of obligation ("said Sudan must").
    obligation: bool,
}

/// One way of finding a frame's recipients.
type RecipientPass<'p> = &'p dyn Fn(&mut Discourse) -> Vec<Actor>;

/// The recipients of the first pass that finds any (none when no pass does).
fn first_found(passes: &[RecipientPass<'_>], discourse: &mut Discourse) -> Vec<Actor> {
    for pass in passes {
        let found = pass(discourse);
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

impl RecipientSearch<'_, '_, '_, '_> {
    /// Whom the text names as acted on, pass after pass: the patients, then whom what the
    /// event acts on belongs to, the people known by what they are, the policy, report or
    /// place it names.
    fn named(&self, discourse: &mut Discourse) -> Vec<Actor> {
        let (sx, frame, actors) = (self.sx, self.frame, self.actors);
        first_found(
            &[
                &|d| self.patients(d),
                // "accused Oliver Finegold, of the Evening Standard newspaper, of": a name the
                // dictionaries lack, placed by the description after it.
                &|_| crate::names::described_patients(sx, frame),
                &|d| self.owners(d, false),
                &|d| self.national_bodies(d),
                // People known only by what they are ("arrested 12 protesters", "ordered the
                // former minister to appear") belong to where it happened, else to the acting
                // state (event coders' convention for domestic targets), else to the report's
                // country.
                &|_| crate::targets::people_in_context(sx, frame, actors),
                &|d| self.owners(d, true),
                // "Gibraltarians rejected plans": a policy with no one's name on it is the
                // government's.
                &|d| crate::targets::policy_maker(sx, frame, actors, d),
                // "dismissed reports he would quit": unowned news reports are the media's.
                &|_| crate::targets::report_maker(sx, frame, actors),
                &|_| self.place_hit(),
            ],
            discourse,
        )
    }

    /// The actors the frame's patients read as.
    fn patients(&self, discourse: &mut Discourse) -> Vec<Actor> {
        let doc = self.sx.cx.doc;
        self.frame
            .patients
            .iter()
            .flat_map(|p| self.sx.reader.actors(look_through(doc, *p).0, discourse))
            .collect()
    }

    /// "rejected calls by Belarus's rulers": when what the event acts on names no actor, whom
    /// it belongs to does; a possessor ("criticised Mr Brown's plan", `possessors`) only after
    /// the people the object names by their role ("AOL's customers" are customers).
    fn owners(&self, discourse: &mut Discourse, possessors: bool) -> Vec<Actor> {
        self.frame
            .owners
            .iter()
            .filter(|o| (o.rel() == Deprel::NmodPoss) == possessors)
            .flat_map(|o| self.sx.reader.actors(*o, discourse))
            .collect()
    }

    /// The national bodies the patients and owners name; a pronoun among them is none: "Mr
    /// Straw denied it amounted to a crisis" (read as the speaker, it would make the actor its
    /// own recipient).
    fn national_bodies(&self, discourse: &mut Discourse) -> Vec<Actor> {
        let frame = self.frame;
        // "the government's plans": a possessor of a patient is read with it, not again as
        // an owner.
        let of_patient = |o: &Token<'_>| {
            o.rel() == Deprel::NmodPoss
                && o.head()
                    .is_some_and(|h| frame.patients.iter().any(|p| p.i() == h.i()))
        };
        let heads: Vec<Token<'_>> = frame
            .patients
            .iter()
            .chain(frame.owners.iter().filter(|o| !of_patient(o)))
            .copied()
            .filter(|t| t.upos() != Upos::Pron)
            .collect();
        national_bodies(self.sx, &heads, discourse)
    }

    /// "bombed Aleppo", "fired shells at targets in Kashmir": the place hit; a place where
    /// someone is held or arrested ("detained at Belmarsh Prison in London") is no one held.
    fn place_hit(&self) -> Vec<Actor> {
        if crate::implicit::is_custody_act(self.frame.trigger) {
            return Vec::new();
        }
        crate::targets::place_hit(self.sx, self.frame, self.actors)
    }

    /// Whether the frame is coded with `recipients`: a demand is coded only when the text
    /// names who must act, or says what must be done in the passive ("the law must be
    /// changed"); a deed without a doer only when it names whom it hit, and they are people
    /// ("civilians", "Armenians"), not things ("bombs"); a visit only abroad.
    fn codable(&self, recipients: &[Actor]) -> bool {
        let (sx, frame, actors) = (self.sx, self.frame, self.actors);
        let doerless = actors.is_empty() && victims_suffice(frame);
        let unnamed_demand = self.obligation && !crate::demands::passive_demand(frame.trigger);
        // "as he visits Manchester, Liverpool and Leicester": a visit to places of the
        // visitor's own country is a tour at home, not diplomacy ("visited Basra" stands).
        let tour = frame.rule.mode.as_deref() == Some("visit")
            && crate::targets::home_places(sx, frame, actors);
        if (unnamed_demand || doerless || tour) && recipients.is_empty() {
            return false;
        }
        !doerless || hits_people(sx, frame)
    }

    /// Whom a frame that names no one acts on by convention: whom a judgement names beside
    /// its phrase, an opposition's government, the report's government for a demand.
    fn implied(&self, discourse: &mut Discourse) -> Vec<Actor> {
        let (sx, frame, actors) = (self.sx, self.frame, self.actors);
        first_found(
            &[
                // "suggested the party could overcome Tory attempts to spread cynicism": whom
                // the judgement names beside its phrase.
                &|d| match crate::evaluations::judged_name(frame.rule, frame.trigger) {
                    Some(name) => sx.reader.actors(name, d),
                    None => Vec::new(),
                },
                // "The Tories said the figures were a disgrace", "the Tories called for an
                // inquiry": an opposition criticises and makes demands of the government (a
                // demand that names no one and has no passive is still not coded: the implied
                // addressee codes no new event).
                &|_| crate::targets::opposed_government(frame, actors),
                // ... and a passive or existential demand by anyone of the report's country at
                // its government ("said there should be a public inquiry").
                &|_| match self.obligation {
                    true => crate::targets::home_government(sx, frame, actors),
                    false => Vec::new(),
                },
            ],
            discourse,
        )
    }
}

/// Whether a recipient is one of the actors' own words (their spans overlap): "Howard" of
/// "said Michael Howard". A participant no word names (its span is the trigger's) is none.
pub(crate) fn is_own_mention(actors: &[Actor], recipient: &Actor) -> bool {
    let implied = |a: &Actor| a.country_from == Some(CountryFrom::Implied);
    !implied(recipient)
        && actors
            .iter()
            .any(|a| !implied(a) && a.span[0] < recipient.span[1] && recipient.span[0] < a.span[1])
}

/// Whether a frame's patients are people: roles or nationalities ("civilians", "Armenians").
fn hits_people(sx: &SentenceCx<'_, '_>, frame: &Frame<'_>) -> bool {
    frame.patients.iter().any(|p| {
        let head = look_through(sx.cx.doc, *p).0;
        let sp = head.span();
        sx.is_role(head)
            || sx
                .lex
                .covering(sp.start, sp.end)
                .is_some_and(|m| m.entry.kind == EntryKind::Demonym)
    })
}

/// Quantities pass: the figures of each coded frame (a protest or mobilisation without one
/// counts its crowd: "thousands of protesters marched"), with its casualties; a frame another
/// frame read as its casualty ("and wounded 30") goes.
pub(crate) fn measure_frames(
    sx: &SentenceCx<'_, '_>,
    frames: &[Frame<'_>],
    mut coded: Vec<Coded>,
) -> Vec<Coded> {
    let (doc, s, words) = (sx.cx.doc, &sx.s, &sx.words);
    let is_role = |t: Token<'_>| sx.is_role(t);
    for c in &mut coded {
        let frame = &frames[c.frame];
        let mut measured = measure(doc, s, words, frame, &is_role);
        if measured.quantity.is_none()
            && matches!(
                frame.category,
                EventCategory::Protest | EventCategory::Mobilize
            )
        {
            measured.quantity = frame
                .agents
                .iter()
                .find_map(|a| group_size(doc, s, words, *a));
        }
        measured.casualties = crate::casualties::read(doc, s, words, frame, &measured);
        c.measured = measured;
    }
    drop_read_casualties(frames, &mut coded);
    coded
}

/// Drops the frames whose trigger another frame of compatible doers read as a casualty
/// ("and wounded 30" is the killing's injured, not a second ASSAULT).
fn drop_read_casualties(frames: &[Frame<'_>], coded: &mut Vec<Coded>) {
    let codes = |a: &[Actor]| {
        let mut c: Vec<Option<String>> = a.iter().map(|x| x.country.clone()).collect();
        c.sort();
        c.dedup();
        c
    };
    let mut drop: Vec<usize> = Vec::new();
    for c in coded.iter() {
        for other in coded.iter() {
            let trigger = frames[other.frame].trigger.i();
            let compatible = other.actors.is_empty() || codes(&other.actors) == codes(&c.actors);
            if other.frame != c.frame
                && c.measured.casualties.read.contains(&trigger)
                && compatible
                && !drop.contains(&c.frame)
            {
                drop.push(other.frame);
            }
        }
    }
    coded.retain(|c| !drop.contains(&c.frame));
}

/// The generic agents among a frame's doers, each with the country of the event's place, the
/// dateline or the document, in that order (and the record saying which). Where none gives
/// one, a group of society (firms, unions, charities ...: `STATELESS_SECTORS`) acts with no
/// country, as docs/gold.md codes "airlines have attacked the legislation" (`-` BUS); a
/// state's agents (police, officials) without a state are no actor.
fn agents_in_context(sx: &SentenceCx<'_, '_>, frame: &Frame<'_>) -> Vec<Actor> {
    let cx = sx.cx;
    let mut agents: Vec<Actor> = frame
        .agents
        .iter()
        .filter_map(|a| sx.reader.agent_actor(relative_antecedent(cx.doc, *a)))
        .collect();
    if agents.is_empty() {
        return agents;
    }
    let Some((country, from)) = place_or_context(cx, sx, frame).or_else(|| cx.home_country())
    else {
        agents.retain(|a| {
            a.sector
                .as_deref()
                .is_some_and(|s| STATELESS_SECTORS.contains(&s))
        });
        return agents;
    };
    for a in &mut agents {
        a.country = Some(country.clone());
        a.country_from = Some(from);
    }
    agents
}

/// "senior police officers who have objected": a relative pronoun stands for its antecedent;
/// any other word for itself.
fn relative_antecedent<'a>(doc: &'a attache_nlp::Doc, t: Token<'a>) -> Token<'a> {
    if !is(WordClass::RelativePronoun, &t.text().to_ascii_lowercase()) {
        return t;
    }
    crate::tree::relative_antecedent(doc, t).unwrap_or(t)
}

/// Sectors of groups that act without a state behind them: businesses, charities and campaign
/// groups, unions, the media, universities, churches.
const STATELESS_SECTORS: [&str; 6] = ["BUS", "NGO", "LAB", "MED", "EDU", "REL"];

/// "The prime minister said", "the shadow chancellor attacked": a definite description of
/// one state office (its naming core exactly a role of the dictionaries with a government or
/// opposition sector, its first word of class `home_office` of data/coder/words.tsv), that
/// says nothing of whose ("of Iraq", "Mr Blair's", "who resigned") and that the document gave
/// no one (the caller tries that first): the office of the report's home country.
fn home_office(sx: &SentenceCx<'_, '_>, head: Token<'_>) -> bool {
    let definite = head
        .children()
        .any(|c| c.rel() == Deprel::Det && c.text().eq_ignore_ascii_case("the"));
    let restricted = head.children().any(|c| {
        c.rel().is_nmod() || matches!(c.rel(), Deprel::AclRelcl | Deprel::Appos | Deprel::Conj)
    });
    if !definite || restricted || !matches!(head.xpos(), "NN" | "NNP") {
        return false;
    }
    let words: Vec<Token<'_>> = crate::noun_phrase::core_tokens(head)
        .into_iter()
        .filter(|t| t.upos() != Upos::Det)
        .collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let (lo, hi) = (first.span().start, last.span().end);
    is(WordClass::HomeOffice, &first.text().to_ascii_lowercase())
        && sx.lex.covering(lo, hi).is_some_and(|m| {
            m.entry.kind == EntryKind::Role
                && (m.start, m.end) == (lo, hi)
                && matches!(m.entry.sector.as_deref(), Some("GOV" | "OPP"))
        })
}

/// Remembers the offices sentence `sx` names as its home country's ("the Electoral Commission
/// says", "the prime minister said"), so that a later description refers to them ("the
/// commission does urge"), as it does to an office written with its country.
pub(crate) fn note_home_offices(sx: &SentenceCx<'_, '_>, discourse: &mut Discourse) {
    let Some((country, _)) = sx.cx.home_country() else {
        return;
    };
    for &t in &sx.tokens {
        if !matches!(t.upos(), Upos::Noun | Upos::Propn) || !home_office(sx, t) {
            continue;
        }
        // A role the document gave someone is theirs ("the chancellor" after Gordon Brown).
        if sx.reader.actor(t, discourse).is_some() {
            continue;
        }
        let Some(office) = sx.reader.sector_actor(t) else {
            continue;
        };
        let (lo, hi) = (office.span[0], office.span[1]);
        sx.reader.note_descriptions(
            (lo, hi),
            Some(&country),
            office.sector.as_deref(),
            discourse,
        );
    }
}

/// "The government said", "accused ministers of", "attacked the government's failure": a
/// state's governing body named without its state (`national_body` of data/coder/words.tsv)
/// is the government of the report's dateline country, else of the country the document names
/// most; with neither, it is no one. A pronoun subject stands for its clause's speaker ("the
/// government said it would").
fn national_bodies(
    sx: &SentenceCx<'_, '_>,
    heads: &[Token<'_>],
    discourse: &mut Discourse,
) -> Vec<Actor> {
    let cx = sx.cx;
    let Some((country, from)) = cx.home_country() else {
        return Vec::new();
    };
    // Named alone: no possessor, compound or capitalised modifier that could name its state
    // ("Mr Blair's government", "the Tuvaluan government"), and not "a government".
    let alone = |t: Token<'_>| {
        t.children().all(|c| match c.rel() {
            Deprel::Det => !matches!(c.text().to_ascii_lowercase().as_str(), "a" | "an"),
            Deprel::Amod => !c.text().starts_with(char::is_uppercase),
            rel => !rel.base().eq(&Deprel::Compound) && !rel.is_nmod() && rel != Deprel::Flat,
        })
    };
    heads
        .iter()
        .flat_map(|h| {
            let possessors = h.children().filter(|c| c.rel() == Deprel::NmodPoss);
            let speaker = (h.upos() == Upos::Pron)
                .then(|| governing_subject(*h))
                .flatten();
            // An office is one person: a pronoun ("they") may not stand for it.
            std::iter::once(*h)
                .chain(possessors)
                .map(|t| (t, true))
                .chain(speaker.map(|t| (t, false)))
        })
        .filter(|&(t, own)| {
            (is(WordClass::NationalBody, &t.text().to_ascii_lowercase()) && alone(t))
                || (own && home_office(sx, t))
        })
        .map(|(t, _)| t)
        // "the Kenyan government" names its state.
        .filter(|t| sx.reader.actor(*t, discourse).is_none())
        .filter_map(|t| sx.reader.sector_actor(t))
        .map(|mut a| {
            a.country = Some(country.clone());
            a.country_from = Some(from);
            a
        })
        .collect()
}
