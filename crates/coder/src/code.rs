//! Coding one sentence, as named passes over typed data:
//!
//! 1. [`find_frames`]: trigger words and their frames, read off the parse, less what is
//!    rejected, alleged, demanded or only the object of another trigger; references to an
//!    earlier event ("took similar action").
//! 2. [`crate::participants::read_participants`]: each frame's actors and recipients.
//! 3. [`crate::participants::measure_frames`]: the figures of each frame.
//! 4. [`crate::events::date_frames`]: which time expressions date which frame.
//! 5. [`crate::events::build_events`]: events with dates, places and attributions; coordinated
//!    actors split.
//! 6. [`crate::events::repeat_events`]: "Germany and Poland did the same".
//! 7. [`crate::distribute::distribute`]: distributive lists ("including 40 from Germany").
//!
//! Modality (negated, planned, hypothetical) and recoding ("threatened to expel") are read with
//! each frame ([`crate::frames::read_frame`]).

use crate::context::DocContext;
use crate::cross_recipients::{answer_demands, share_recipients};
use crate::demands::obligation_clause;
use crate::discourse::Discourse;
use crate::distribute::distribute;
use crate::events::{build_events, date_frames, repeat_events};
use crate::frames::{Frame, Repeat, read_frame, similar_action};
use crate::measure::Coded;
use crate::merge::Found;
use crate::noun_phrase::SentenceLex;
use crate::participants::{measure_frames, read_participants};
use crate::persons::note_people;
use crate::recode::{has_other_subject, has_own_subject};
use crate::senses::{Role, senses};
use crate::sentence::SentenceCx;
use crate::tree::{dominates, has_case, lemma};
use crate::words::{WordClass, is};
use attache_event::EventCategory;
use attache_lexicon::EntryKind;
use attache_nlp::{Deprel, Sentence, Token, Upos};

/// Codes one sentence, appending what it reports to `out`.
pub fn code_sentence<'a>(
    cx: &'a DocContext<'a>,
    s: &Sentence<'a>,
    lex: &'a SentenceLex<'_>,
    discourse: &mut Discourse,
    out: &mut Vec<Found>,
) {
    discourse.next_sentence();
    // A heading, caption, byline or link list reports nothing and names no one to refer to.
    if cx.layout.covers_all(s.span()) {
        return;
    }
    let sx = SentenceCx::new(cx, *s, lex);
    // The sentence's main subject, for "it" in a later sentence.
    let root_noun = s
        .root()
        .and_then(|r| r.children().find(|c| c.rel() == Deprel::Nsubj));
    let root_subject = root_noun.and_then(|n| sx.reader.actor(n, discourse));
    // "MPs said ...": a group known by its kind, for "They called for" next.
    let root_group = root_noun
        .filter(|_| root_subject.is_none() && plural_group_subject(s))
        .and_then(|n| sx.reader.home_agent(n));
    let fallback_country = state_subject(&sx)
        .or_else(|| cx.dateline_country.clone())
        .or_else(|| cx.document_country.clone());
    note_people(
        &sx.reader,
        &sx.tokens,
        fallback_country.as_deref(),
        discourse,
    );
    note_main_subject(s, discourse);
    crate::participants::note_home_offices(&sx, discourse);
    sx.reader.enter_quotation(s, discourse);

    let first_event = out.len();
    let found = find_frames(&sx);
    let mut coded = read_participants(&sx, &found.frames, discourse);
    drop_recoded_twins(&found.frames, &mut coded);
    let mut coded = measure_frames(&sx, &found.frames, coded);
    share_recipients(&found.frames, &mut coded);
    answer_demands(&found.frames, &mut coded);
    let dated = date_frames(&sx, &found.frames, &coded, &found.repeats);
    let template = build_events(&sx, &found.frames, coded, &dated, out);
    repeat_events(&sx, &found.repeats, discourse, out);
    distribute(&sx, template, out);
    guard_events(&sx, out, first_event);
    sx.reader.leave_quotation(s, discourse);

    // "MPs said ... They called for": a group known by its kind, placed where the report
    // stands, is what a later subject "they" stands for; a plural subject that is no actor
    // ("Motorists say ...") leaves "they" no earlier antecedent. ("It" may still stand for
    // the last body.)
    if let Some(group) = root_group {
        discourse.note_subject(group, true, false);
        discourse.last_subject_generic = true;
    } else if root_subject.is_none() && discourse.last_subject_plural && plural_group_subject(s) {
        discourse.last_subject = None;
    }
    note_pair(&sx, &out[first_event..], discourse);
    crate::policy_refs::note_policies(&sx, discourse);
    if let Some(subj) = root_subject {
        let person = person_root_subject(&sx);
        discourse.note_subject(subj, plural_root_subject(s), person);
    }
}

/// Remembers the sentence's main subject where it is one name, for "he" next
/// ([`Discourse::note_main_subject`]): the speaker of a report that closes the sentence
/// ("..., Mr Blair said."), else the subject of the main verb.
fn note_main_subject<'d>(s: &Sentence<'d>, discourse: &mut Discourse) {
    let Some(root) = s.root() else {
        return;
    };
    let subject_of = |v: Token<'d>| v.children().find(|c| c.rel() == Deprel::Nsubj);
    let speaker = std::iter::once(root)
        .chain(root.children().filter(|c| c.rel() == Deprel::Parataxis))
        .filter(|v| v.upos() == Upos::Verb && is(WordClass::Reporting, &lemma(*v)))
        .find_map(subject_of);
    let name = speaker
        .or_else(|| subject_of(root))
        .filter(|n| n.upos() == Upos::Propn && !n.children().any(|c| c.rel() == Deprel::Conj));
    let core = name
        .map(crate::noun_phrase::core_tokens)
        .unwrap_or_default();
    if let (Some(first), Some(last)) = (core.first(), core.last()) {
        discourse.note_main_subject(first.span().start, last.span().end);
    }
}

/// The guards on what one sentence found (`out[first..]`): a sport report's or sentence's
/// teams and players ([`crate::genre::guard`]); actors of sectors that do not do what the event
/// names (`data/coder/actor-sectors.tsv`: a firm's "withdrawal from the contract"); a medium
/// told something ("he told BBC Radio 4", "told reporters") is a listener, not a recipient.
fn guard_events(sx: &SentenceCx<'_, '_>, out: &mut Vec<Found>, first: usize) {
    crate::genre::guard(sx, out, first);
    let sectors = crate::actor_sectors::shipped();
    let mut k = first;
    while k < out.len() {
        if sectors.rules_out(&out[k], sx.cx.political) {
            out.remove(k);
            continue;
        }
        let e = &mut out[k].event;
        // Whatever passed a recipient on, the actor's own words are none.
        let actors = e.actors.clone();
        let own = e.recipients.len();
        e.recipients
            .retain(|r| !crate::participants::is_own_mention(&actors, r));
        let own = own != e.recipients.len();
        let told = sx
            .tokens
            .iter()
            .find(|t| t.span().start == e.trigger.span[0])
            .is_some_and(|t| is(WordClass::Reporting, &lemma(*t)));
        if told {
            e.recipients
                .retain(|r| r.sector.as_deref() != Some(MEDIA_SECTOR));
        }
        if told || own {
            out[k].reweigh();
        }
        k += 1;
    }
}

/// The sector of newspapers, broadcasters and journalists.
const MEDIA_SECTOR: &str = "MED";

/// "Israel threatened to expel the diplomats": the act a threat or promise governs, recoded
/// into the governor's category, is the governor's own event when the governor is a coded
/// trigger of that category itself; it goes, and the governor takes whom it acts on where
/// the governor names no one ("threatened to ban voting in East Jerusalem if Hamas ran").
fn drop_recoded_twins(frames: &[Frame<'_>], coded: &mut Vec<Coded>) {
    let mut k = 0;
    while k < coded.len() {
        let f = &frames[coded[k].frame];
        let twin = f.governor.and_then(|g| {
            coded.iter().position(|c| {
                let h = &frames[c.frame];
                h.trigger.i() == g.i() && h.category == f.category && !h.recoded
            })
        });
        let Some(t) = twin else {
            k += 1;
            continue;
        };
        let act = coded.remove(k);
        let t = if t > k { t - 1 } else { t };
        if coded[t].recipients.is_empty() {
            coded[t].recipients = act.recipients;
        }
    }
}

/// Whether the root's subject names a person: "he" or "she", a person of the dictionaries
/// ("Tony Blair"), or a name written with a title ("Lord Falconer", "Mr Kim"); a bare name may
/// be a firm's ("Marsh posted a loss"). "It" in a later sentence does not stand for them. A
/// title the parse split off its name ("British chancellor | Gordon Brown") is a second
/// subject: any subject of the root counts.
fn person_root_subject(sx: &SentenceCx<'_, '_>) -> bool {
    let Some(root) = sx.s.root() else {
        return false;
    };
    root.children()
        .filter(|c| c.rel() == Deprel::Nsubj)
        .any(|n| names_person(sx, n))
}

/// Whether the noun phrase `n` heads names a person.
fn names_person(sx: &SentenceCx<'_, '_>, n: Token<'_>) -> bool {
    if is(WordClass::PersonPronoun, &n.text().to_ascii_lowercase()) {
        return true;
    }
    let core = crate::noun_phrase::core_tokens(n);
    let (Some(first), Some(last)) = (core.first(), core.last()) else {
        return false;
    };
    let person_entry = sx
        .reader
        .matches_in(first.span().start, last.span().end)
        .any(|m| m.entry.kind == EntryKind::Person);
    person_entry
        || core
            .iter()
            .any(|t| t.upos() == Upos::Propn && crate::actors::is_honorific(t.text()))
}

/// People named with a role but no nationality ("Foreign Minister Jeppe Kofod") act for the
/// state that is the sentence's first subject ("Denmark expelled ..., Kofod said").
fn state_subject(sx: &SentenceCx<'_, '_>) -> Option<String> {
    sx.tokens
        .iter()
        .filter(|t| t.rel() == Deprel::Nsubj)
        .find_map(|t| {
            let sp = t.span();
            sx.lex
                .covering(sp.start, sp.end)
                .filter(|m| {
                    matches!(
                        m.entry.kind,
                        EntryKind::Country | EntryKind::Capital | EntryKind::Seat
                    )
                })
                .and_then(|m| m.entry.code.clone())
        })
}

/// Whether the root's subject is plural ("the allies", "Germany and Poland"): "they" needs a
/// plural antecedent.
fn plural_root_subject(s: &Sentence<'_>) -> bool {
    s.root()
        .and_then(|r| r.children().find(|c| c.rel() == Deprel::Nsubj))
        .is_some_and(|n| {
            matches!(n.xpos(), "NNS" | "NNPS") || n.children().any(|c| c.rel() == Deprel::Conj)
        })
}

/// Two sides the sentence names together, for "the two sides" after it: the last two
/// coordinated subjects ("the week that the US and EU stepped back"), else the two sides of talks or a deal
/// ("Mr Putin met Mr Hu", "India and Pakistan held talks").
fn note_pair(sx: &SentenceCx<'_, '_>, events: &[Found], discourse: &mut Discourse) {
    let pairs: Vec<Token<'_>> = sx
        .tokens
        .iter()
        .copied()
        .filter(|t| t.rel().is_nsubj() && crate::noun_phrase::conjuncts(*t).len() == 2)
        .collect();
    // Read by the dictionaries alone: a second reading must not move the document's memory.
    let mut scratch = Discourse::default();
    for n in pairs.into_iter().rev() {
        let sides = sx.reader.actors(n, &mut scratch);
        if sides.len() == 2 {
            discourse.note_pair(sides);
            return;
        }
    }
    let symmetric = |c: EventCategory| {
        matches!(
            c,
            EventCategory::Consult | EventCategory::Agree | EventCategory::Cooperate
        )
    };
    let sides: Vec<_> = events
        .iter()
        .map(|f| &f.event)
        .filter(|e| symmetric(e.event))
        .find_map(|e| match (e.actors.as_slice(), e.recipients.as_slice()) {
            ([a], [r]) => Some(vec![a.clone(), r.clone()]),
            _ => None,
        })
        .or_else(|| {
            let mut split = events
                .iter()
                .map(|f| &f.event)
                .filter(|e| symmetric(e.event));
            let (a, b) = (split.next()?, split.next()?);
            (a.trigger.span == b.trigger.span && a.actors.len() == 1 && b.actors.len() == 1)
                .then(|| vec![a.actors[0].clone(), b.actors[0].clone()])
        })
        .unwrap_or_default();
    discourse.note_pair(sides);
}

/// Whether the root's subject is a plural common noun ("MPs", "motorists", "people").
fn plural_group_subject(s: &Sentence<'_>) -> bool {
    s.root()
        .and_then(|r| r.children().find(|c| c.rel() == Deprel::Nsubj))
        .is_some_and(|n| n.xpos() == "NNS")
}

/// The frames pass's result: the frames that report events of their own, and the references
/// that repeat an earlier event with new actors.
pub(crate) struct FoundFrames<'a> {
    pub frames: Vec<Frame<'a>>,
    pub repeats: Vec<Repeat<'a>>,
}

/// Frames pass: triggers from the dictionary, and references to an earlier event ("took similar
/// actions") that repeat its category with new actors.
pub(crate) fn find_frames<'a>(sx: &SentenceCx<'a, '_>) -> FoundFrames<'a> {
    let doc = sx.cx.doc;
    let mut frames: Vec<Frame<'a>> = Vec::new();
    let mut repeats = Vec::new();
    let mut demanded: Vec<Token<'a>> = Vec::new();
    for &t in &sx.tokens {
        // A heading line that shares a sentence with the lead below it reports nothing.
        if sx.cx.layout.covers(t.span().start) {
            continue;
        }
        let rule = sx.cx.triggers.rule_for(doc, t);
        if let Some(rule) = rule {
            // "arrest its profit decline", "attacked the market": a sense the event needs
            // participants of other kinds for reports nothing.
            if let Some(f) = read_frame(doc, rule, t).filter(|f| {
                senses().admits(f.rule.category, f.rule.mode.as_deref(), |r| {
                    participants(f, r)
                }) && !foretelling(f)
            }) {
                frames.push(f);
            }
        } else if let Some(subj) = similar_action(doc, t) {
            repeats.push((t, subj));
            continue;
        }
        // "Russia said Sudan must return the helicopter": a demand on Sudan. A saying that
        // reports something else as well says it in a clause of its own: "said the ruling
        // was an embarrassment and major changes were needed" criticises and demands.
        if rule.is_some_and(|r| r.category == EventCategory::Request || !second_clause(t)) {
            continue;
        }
        if let Some(clause) = obligation_clause(t)
            && let Some(f) = read_frame(doc, sx.cx.triggers.obligation(), t)
        {
            frames.push(f);
            demanded.push(clause);
        }
    }
    // "Labour's arrogance has been their undoing.": a quotation's criticism with no verb of
    // saying, where nothing else in the sentence is.
    if !frames.iter().any(|f| f.category == EventCategory::Accuse)
        && let Some(f) = crate::quoted::quoted_frame(sx)
    {
        frames.push(f);
    }
    drop_disputed(&mut frames);
    // What is demanded is not reported as done: the demand stands for it. A verb of stance
    // the parse coordinated into the demanded clause is the speaker's own act ("said America
    // needed to take more action but defended President Bush").
    frames.retain(|f| {
        !demanded.iter().any(|c| dominates(*c, f.anchor))
            || crate::subjects::speaker_of_conjunct(f.anchor).is_some()
    });
    drop_objects_of_triggers(&mut frames);
    FoundFrames { frames, repeats }
}

/// What is rejected or alleged is not reported as done: "rejected a US offer to host a
/// summit", "accused the United States of violating human rights". What the (active) subject
/// says of the one who rejects is told, not disputed: "Mr Hague, who stepped down after the
/// defeat, does not rule out a return". Nor is a second verb of the same subject ("criticised
/// the plan and demanded an inquiry", also where the parse hangs it on the object): it is an
/// act of its own.
fn drop_disputed<'a>(frames: &mut Vec<Frame<'a>>) {
    let disputed: Vec<Token<'a>> = frames
        .iter()
        .filter(|f| matches!(f.category, EventCategory::Reject | EventCategory::Accuse))
        .map(|f| f.trigger)
        .collect();
    frames.retain(|f| {
        !disputed.iter().any(|t| {
            t.i() != f.trigger.i()
                && t.i() != f.anchor.i()
                && !coordinated_act(*t, f.anchor)
                && t.children()
                    .filter(|c| c.rel() != Deprel::Nsubj)
                    .any(|c| dominates(c, f.anchor))
        })
    });
}

/// Whether `anchor` is a finite verb coordinated with the verb `t`, as its own conjunct or as
/// a conjunct the parse hung on `t`'s object. A participle or a perfect conjunct may belong to
/// what `t` reports ("accused them of telling lies and then attacking ...", "refused to deploy
/// troops and has urged"), where the parse often hangs it on `t`.
fn coordinated_act(t: Token<'_>, anchor: Token<'_>) -> bool {
    let own = anchor.rel() == Deprel::Conj
        && matches!(anchor.xpos(), "VBD" | "VBZ" | "VBP")
        && anchor.head().is_some_and(|h| h.i() == t.i());
    own || crate::repair::object_conjunct_of(anchor).is_some_and(|g| g.i() == t.i())
}

/// A noun trigger that is what a verb trigger acts on ("lifted the curfew", "rejected the
/// offer", "violated the ceasefire") is that event's object, not an event of its own. Except
/// where the verb performs what the noun names ("ordered the expulsion of 35 diplomats",
/// "announced sanctions"): then the noun's event is the one, and the verb's goes.
fn drop_objects_of_triggers(frames: &mut Vec<Frame<'_>>) {
    let verb_triggers: Vec<usize> = frames
        .iter()
        .filter(|f| f.trigger.upos() != Upos::Noun)
        .map(|f| f.trigger.i())
        .collect();
    let performed: Vec<usize> = frames
        .iter()
        .filter(|f| f.trigger.upos() == Upos::Noun && f.trigger.rel() == Deprel::Obj)
        .filter_map(|f| f.trigger.head())
        .filter(|h| verb_triggers.contains(&h.i()) && is(WordClass::Performing, &lemma(*h)))
        .map(|h| h.i())
        .collect();
    frames.retain(|f| {
        if f.trigger.upos() == Upos::Noun {
            !f.trigger
                .head()
                .is_some_and(|h| verb_triggers.contains(&h.i()) && !performed.contains(&h.i()))
        } else {
            !performed.contains(&f.trigger.i())
        }
    });
}

/// A warning whose clause is about someone else is a prediction, not a threat: "the UN warned
/// that millions could starve", "warned that militias could attack". A warning of what the
/// speaker will do ("warned that it would retaliate", "that its forces would respond") or of
/// consequences for the one warned ("warned Russia of consequences") stays THREATEN.
fn foretelling(f: &Frame<'_>) -> bool {
    // A warning row of another category ("warned that the tax would hurt firms": criticism)
    // says what the warning is.
    if f.rule.category != EventCategory::Threaten || !is(WordClass::Warning, &lemma(f.trigger)) {
        return false;
    }
    // "warned the two were under scrutiny and it would act": one clause of the speaker's own,
    // coordinated with the complement or (as the parser may hang it) with the warning.
    let clauses: Vec<Token<'_>> = f
        .trigger
        .children()
        .filter(|c| c.rel() == Deprel::Ccomp)
        .flat_map(|c| std::iter::once(c).chain(c.children().filter(|d| d.rel() == Deprel::Conj)))
        .collect();
    let mut own = clauses
        .iter()
        .copied()
        .chain(f.trigger.children().filter(|c| c.rel() == Deprel::Conj));
    clauses.iter().any(|c| has_other_subject(*c))
        && !own.any(|c| has_own_subject(c) || owned_subject(c))
}

/// Whether a clause's subject is the speaker's own side by a possessive: "our forces", "my
/// government" (words.tsv speaker_possessive, own_force).
fn owned_subject(clause: Token<'_>) -> bool {
    clause
        .children()
        .filter(|s| s.rel().is_nsubj() && is(WordClass::OwnForce, &lemma(*s)))
        .flat_map(|s| s.children())
        .any(|p| p.rel() == Deprel::NmodPoss && is(WordClass::SpeakerPossessive, &lemma(p)))
}

/// Whether a verb reports two clauses of its own ("said the ruling was wrong and changes were
/// needed", the second a further `ccomp`).
fn second_clause(t: Token<'_>) -> bool {
    t.children().filter(|c| c.rel() == Deprel::Ccomp).count() > 1
}

/// The tokens of a frame in `role`. An object is what the verb acts on (no preposition) or
/// what a noun trigger names with of/on/against; a place or instrument ("at the market",
/// "with rockets") is no object.
fn participants<'d>(frame: &Frame<'d>, role: Role) -> Vec<Token<'d>> {
    match role {
        Role::Actor => frame.agents.clone(),
        Role::Object => frame
            .patients
            .iter()
            .copied()
            .filter(|p| {
                let cased = p.children().any(|c| c.rel() == Deprel::Case);
                !cased || has_case(*p, &["of", "on", "against"])
            })
            .collect(),
        Role::Source => frame
            .trigger
            .children()
            .filter(|c| c.rel().is_obl() && has_case(*c, &["from", "of"]))
            .collect(),
    }
}
