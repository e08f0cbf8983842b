//! Reading one trigger's frame from the dependency parse: who acts (subject, by-agent, the
//! subject of a governing verb), on whom (object, passive subject, "of" complement), the
//! clause that carries it (for time, negation and modals), and the figure attached to it.

use crate::act_targets::{act_recipients, aimed_noun_recipients, speaker_itself};
use crate::recipients::{Marks, marks_recipient};
use crate::recode::{has_own_subject, read_modality, refers_back};
use crate::repair::{
    adjacent_object, finite_read_as_participle, stranded_subject, stray_phrase_after,
};
use crate::subjects::{carrier_of, carrier_subjects, passive_subject, subjects_of};
use crate::tree::{has_case, has_mark_word, heads_verbless_sentence, is_verbal, lemma};
use crate::triggers::TriggerRule;
use crate::words::{WordClass, is};

pub use crate::repair::of_phrase_after;
use attache_event::{EventCategory, Modality};
use attache_nlp::{Deprel, Doc, Token, Upos};

/// A verb that refers to an earlier event ("have taken similar actions") with its subjects.
pub(crate) type Repeat<'a> = (Token<'a>, Vec<Token<'a>>);

/// One trigger with the tokens that carry its participants.
#[derive(Debug, Clone)]
pub struct Frame<'d> {
    pub rule: &'d TriggerRule,
    pub trigger: Token<'d>,
    /// The verb whose clause carries the event: the trigger itself, or for a noun the verb that
    /// reports it ("announced" in "announced the expulsion").
    pub anchor: Token<'d>,
    pub agents: Vec<Token<'d>>,
    pub patients: Vec<Token<'d>>,
    /// Who did what an object names, or whose it is ("rejected calls *by Belarus*", "shelled
    /// positions *of the Palestinian forces*"): whom the event acts on when the patients name
    /// no actor.
    pub owners: Vec<Token<'d>>,
    /// Where a noun such as "total" or "number" was looked through: "a total of 80 diplomats".
    pub collective: Option<Token<'d>>,
    pub category: EventCategory,
    pub modality: Modality,
    /// True when the category was changed by a governing verb ("threatened to expel").
    pub recoded: bool,
    /// The governing verb that gave the category ("threatened"), when it was its word.
    pub governor: Option<Token<'d>>,
    /// What read the frame: a trigger word, or a quotation's judgement (`quoted.rs`).
    pub origin: FrameOrigin,
}

/// What a frame was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameOrigin {
    /// A trigger word of the sentence and its row ("expelled", "said ... must").
    Trigger,
    /// A sentence of a quotation that judges someone with no verb of saying of its own
    /// (`quoted.rs`): its speaker is the quotation's.
    QuotedJudgement,
}

/// Collective nouns looked through to what they count: "a total of 80 diplomats".
fn is_collective(word: &str) -> bool {
    is(WordClass::Collective, word)
}

/// Follows "total/number of X" down to X, by the parse or, where the parse hung X elsewhere,
/// by the words.
pub fn look_through<'d>(doc: &'d Doc, head: Token<'d>) -> (Token<'d>, Option<Token<'d>>) {
    if is_collective(&lemma(head)) {
        let inner = head
            .children()
            .find(|c| c.rel().is_nmod() && has_case(*c, &["of"]))
            .or_else(|| of_phrase_after(doc, head));
        if let Some(inner) = inner {
            return (inner, Some(head));
        }
    }
    (head, None)
}

/// A noun that modifies another ("aid workers", "protest movement") or that gives a reason
/// ("in protest of", "in retaliation") names no event of its own.
fn is_modifier_or_adverbial(noun: Token<'_>) -> bool {
    if noun.rel() == Deprel::Compound {
        return true;
    }
    let bare = !noun.children().any(|c| {
        matches!(
            c.rel(),
            Deprel::Det | Deprel::NmodPoss | Deprel::Amod | Deprel::Nummod
        )
    });
    // "locked in talks": the talks are what the verb's subject is engaged in.
    let engaged = noun
        .head()
        .is_some_and(|h| is(WordClass::Engaging, &lemma(h)));
    bare && has_case(noun, &["in", "as"]) && !engaged
}

/// Who acts and on whom, and the verb whose clause carries the event.
struct Roles<'d> {
    anchor: Token<'d>,
    agents: Vec<Token<'d>>,
    patients: Vec<Token<'d>>,
    /// Who did what the event acts on, or whose it is (see [`Frame::owners`]).
    owners: Vec<Token<'d>>,
}

/// Builds the frame of a trigger token coded by `rule`, or `None` when the token is used in a
/// way that reports no event of its own.
pub fn read_frame<'d>(
    doc: &'d Doc,
    rule: &'d TriggerRule,
    trigger: Token<'d>,
) -> Option<Frame<'d>> {
    let noun = !is_verbal(trigger) && rule.upos != attache_nlp::Upos::Verb;
    if noun && is_modifier_or_adverbial(trigger) {
        return None;
    }
    let roles = if noun {
        noun_roles(doc, rule.category, trigger)
    } else if is_participle(trigger) {
        participle_roles(rule, trigger)
    } else {
        clause_roles(doc, rule, trigger)
    };
    let (patients, collective) = look_through_patients(doc, roles.patients);
    let reading = read_modality(rule, roles.anchor, trigger);
    Some(Frame {
        rule,
        trigger,
        anchor: roles.anchor,
        agents: roles.agents,
        patients,
        owners: roles.owners,
        collective,
        category: reading.category,
        modality: reading.modality,
        recoded: reading.recoded,
        governor: reading.governor,
        origin: FrameOrigin::Trigger,
    })
}

/// Participants of a noun trigger: "Poland's expulsion of", "the expulsion by Poland", "Russian
/// strikes", and the verb that reports it ("Italy announced the expulsion of ...").
fn noun_roles<'d>(doc: &'d Doc, category: EventCategory, trigger: Token<'d>) -> Roles<'d> {
    let aimed = |t: Token<'_>| marks_recipient(t, Marks::Noun, category);
    let mut agents = Vec::new();
    let mut patients = Vec::new();
    let mut anchor = trigger;
    for c in trigger.children() {
        match c.rel() {
            Deprel::NmodPoss => agents.push(c),
            Deprel::Nmod if has_case(c, &["by"]) => agents.push(c),
            // "the expulsion of 12 diplomats by Germany" with "by Germany" on "diplomats".
            Deprel::Nmod if has_case(c, &["of"]) => {
                patients.push(c);
                agents.extend(
                    c.children()
                        .filter(|g| g.rel().is_nmod() && has_case(*g, &["by"])),
                );
            }
            Deprel::Nmod if aimed(c) => patients.push(c),
            // "its demand that Israel ease restrictions": who is to act.
            Deprel::Acl | Deprel::Ccomp | Deprel::AclRelcl if has_mark_word(c, "that") => {
                patients.extend(c.children().filter(|g| g.rel() == Deprel::Nsubj))
            }
            _ => {}
        }
    }
    if patients.is_empty() {
        patients.extend(of_phrase_after(doc, trigger));
    }
    if patients.is_empty() {
        patients.extend(stray_phrase_after(trigger).filter(|p| aimed(*p)));
    }
    possessor_acted_on(trigger, &mut agents, &mut patients);
    let objects: Vec<Token<'d>> = patients
        .iter()
        .copied()
        .filter(|p| has_case(*p, &["of"]))
        .collect();
    // "a suspension of air links with Serbia": whom the "of" complement is aimed at.
    for o in &objects {
        patients.extend(o.children().filter(|c| c.rel().is_nmod() && aimed(*c)));
    }
    if let Some(h) = carrier_of(trigger) {
        anchor = h;
        // "Israel mounted its invasion": a possessive pronoun is the carrier's subject.
        let pronouns = agents
            .iter()
            .all(|a| is(WordClass::Possessive, &a.text().to_ascii_lowercase()));
        // "the government ordered patrols by police": who orders acts, through the forces
        // that carry the order out.
        let forces = !agents.is_empty()
            && is(WordClass::Directing, &lemma(h))
            && agents.iter().all(|a| a.upos() == Upos::Noun);
        if agents.is_empty() || pronouns || forces {
            let subj = carrier_subjects(doc, h);
            if !subj.is_empty() {
                agents = subj;
            }
        }
        // "imposed sanctions on Iran": the target may hang on the carrying verb.
        if !patients.iter().any(|p| !has_case(*p, &["of"])) {
            patients.extend(h.children().filter(|c| c.rel().is_obl() && aimed(*c)));
        }
    }
    if agents.is_empty() {
        agents.extend(trigger.children().filter(|c| {
            c.rel() == Deprel::Amod
                && c.upos() == Upos::Adj
                && c.text().starts_with(char::is_uppercase)
        }));
    }
    let owners = owners_of(category, &patients);
    Roles {
        anchor,
        agents,
        patients,
        owners,
    }
}

/// "Mr Kilroy-Silk's expulsion", "Fortuyn's murder": with no "of" phrase, the possessor of a
/// noun of an act done to someone (words.tsv `patient_noun`) is whom it is done to, not the
/// doer ("Poland's expulsion of 12 diplomats" keeps Poland the doer).
fn possessor_acted_on<'d>(
    trigger: Token<'d>,
    agents: &mut Vec<Token<'d>>,
    to: &mut Vec<Token<'d>>,
) {
    if to.iter().any(|p| has_case(*p, &["of"])) || !is(WordClass::PatientNoun, &lemma(trigger)) {
        return;
    }
    let (possessors, doers) = agents.iter().partition(|a| a.rel() == Deprel::NmodPoss);
    to.extend::<Vec<Token<'d>>>(possessors);
    *agents = doers;
}

/// A past participle modifying a noun: "diplomats expelled from the EU".
fn is_participle(trigger: Token<'_>) -> bool {
    matches!(trigger.rel(), Deprel::Acl | Deprel::Amod)
        && trigger.xpos() == "VBN"
        && !heads_verbless_sentence(trigger)
        && !finite_read_as_participle(trigger)
}

/// Participants of a participle: the modified noun was acted on; a by-phrase acted, and for a
/// sanction so did the state one was expelled *from*.
fn participle_roles<'d>(rule: &TriggerRule, trigger: Token<'d>) -> Roles<'d> {
    let mut agents = Vec::new();
    let patients: Vec<Token<'d>> = trigger.head().into_iter().collect();
    for c in trigger.children() {
        if c.rel().is_obl() && has_case(c, &["by"]) {
            agents.push(c);
        } else if c.rel().is_obl()
            && has_case(c, &["from"])
            && rule.category == EventCategory::Sanction
        {
            // Expelled *from* a state: that state did the expelling.
            agents.push(c);
        }
    }
    Roles {
        anchor: trigger,
        agents,
        patients,
        owners: Vec::new(),
    }
}

/// Participants of a verb with its own clause: subjects (or the by-agent of a passive),
/// objects, and whom the act is aimed at.
fn clause_roles<'d>(doc: &'d Doc, rule: &TriggerRule, trigger: Token<'d>) -> Roles<'d> {
    let (mut agents, passive) = subjects_of(doc, trigger);
    if passive && agents.is_empty() {
        // "declared persona non grata by Bulgaria": the by-phrase may hang one level down.
        agents.extend(
            trigger
                .children()
                .flat_map(|c| c.children())
                .filter(|g| g.rel().is_nmod() && has_case(*g, &["by"]))
                .take(1),
        );
    }
    let mut patients = objects_of(doc, trigger, passive);
    let objects = patients.clone();
    // Criticism told to someone aims at what the clause judges, not at the listener ("told BBC
    // Radio 4 the government was authoritarian", "told party members the Tories offered ...").
    // An object beside a clause with no subject of its own is the parser's subject of that
    // clause ("said the ambition of Mr Blair | was getting in the way") and stays.
    if rule.category == EventCategory::Accuse && is(WordClass::Reporting, &lemma(trigger)) {
        let clause = trigger
            .children()
            .any(|c| c.rel() == Deprel::Ccomp && c.children().any(|s| s.rel().is_nsubj()));
        patients.retain(|p| {
            !matches!(p.rel(), Deprel::Obj | Deprel::Iobj)
                || !(clause || p.children().any(crate::evaluations::that_clause))
        });
    }
    // "demanded that the US cancel ...": who is to act is the complement's subject. A
    // pronoun there in a denial is the denier or the charge ("Iran denied it had enriched
    // uranium", "denied it amounted to a crisis"), no one the denial acts on.
    // Nor is the speaker's own "it" in a threat or a promise ("warned that it would impose
    // sanctions on Japan"): whom the threatened act hits is the target.
    if patients.is_empty() {
        let denial = rule.category == EventCategory::Reject;
        let own_act = matches!(
            rule.category,
            EventCategory::Threaten | EventCategory::Agree
        );
        for c in trigger.children().filter(|c| c.rel() == Deprel::Ccomp) {
            let not_aimed_at = |g: Token<'_>| {
                (denial && g.upos() == Upos::Pron)
                    || (own_act && refers_back(g))
                    || speaker_itself(trigger, g)
            };
            patients.extend(
                c.children()
                    .filter(|g| g.rel().is_nsubj() && !not_aimed_at(*g)),
            );
            // "said she was pleased Scotland would follow": the speaker's own state is about
            // the subject of the clause it takes.
            if c.children()
                .any(|g| g.rel().is_nsubj() && speaker_itself(trigger, g))
            {
                patients.extend(
                    c.children()
                        .filter(|g| g.rel() == Deprel::Ccomp)
                        .flat_map(|g| g.children())
                        .filter(|g| g.rel().is_nsubj() && g.upos() != Upos::Pron),
                );
            }
        }
    }
    // A promise to reject is aimed at what it would reject too ("pledged to oppose the bill").
    let promised_rejection =
        rule.category == EventCategory::Reject && is(WordClass::Promising, &lemma(trigger));
    if (rule.category == EventCategory::Threaten || promised_rejection) && patients.is_empty() {
        patients.extend(threat_targets(trigger));
    }
    if patients.is_empty() {
        patients.extend(act_recipients(rule.category, trigger));
    }
    add_recipients(rule.category, trigger, &mut patients);
    patients.extend(addressee(rule.category, trigger));
    patients.extend(aimed_noun_recipients(trigger));
    // "rejected calls by Belarus's rulers", "protested against violations by the army".
    let mut owners = owners_of(rule.category, &patients);
    if !passive {
        owners.extend(stray_agent(trigger, &objects));
    }
    Roles {
        anchor: trigger,
        agents,
        patients,
        owners,
    }
}

/// The objects of a verb: direct and indirect objects, a passive's subject (shared by
/// coordinated passives: "were expelled and banned"), a bare noun the parser called oblique.
fn objects_of<'d>(doc: &'d Doc, trigger: Token<'d>, passive: bool) -> Vec<Token<'d>> {
    let mut patients = Vec::new();
    let subject_at = passive
        .then(|| passive_subject(trigger))
        .flatten()
        .map(|s| s.i());
    for c in trigger.children() {
        match c.rel() {
            Deprel::Obj | Deprel::Iobj => patients.push(c),
            _ if Some(c.i()) == subject_at => patients.push(c),
            // A bare noun phrase the parser called oblique is an object: "expel 14 staff".
            Deprel::Obl
                if !c.children().any(|g| g.rel() == Deprel::Case)
                    && matches!(c.upos(), Upos::Noun | Upos::Propn | Upos::Pron) =>
            {
                patients.push(c)
            }
            _ => {}
        }
    }
    if !passive && patients.is_empty() {
        patients.extend(adjacent_object(doc, trigger));
    }
    if passive && patients.is_empty() {
        // Coordinated passives share the subject: "were expelled and banned".
        let mut v = trigger;
        while v.rel() == Deprel::Conj {
            let Some(h) = v.head() else { break };
            if let Some(s) = passive_subject(h) {
                patients.push(s);
                break;
            }
            v = h;
        }
    }
    patients
}

/// A threat is aimed at whom the threatened act would hit ("threatened to break relations with
/// Russia", "warned that it would impose sanctions on Japan") and at whom its condition names
/// ("unless the Kremlin closed ...", "if Hamas ran").
fn threat_targets(trigger: Token<'_>) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let act = trigger.children().find(|c| {
        c.rel() == Deprel::Xcomp
            || (c.rel() == Deprel::Advcl && has_mark_word(*c, "to"))
            || (c.rel() == Deprel::Ccomp && has_own_subject(*c))
    });
    for clause in act.into_iter().chain(std::iter::once(trigger)) {
        for c in clause.children() {
            let rel = c.rel();
            if clause.i() != trigger.i()
                && (rel == Deprel::Obj
                    || (rel.is_obl() && marks_recipient(c, Marks::Verb, EventCategory::Threaten)))
            {
                out.push(c);
            }
            if rel == Deprel::Advcl && (has_mark_word(c, "unless") || has_mark_word(c, "if")) {
                out.extend(c.children().filter(|g| g.rel() == Deprel::Nsubj));
            }
        }
    }
    out
}

/// "send arms to Pakistan", "granted asylum to five Panamanian officers": who receives is in an
/// oblique, on the verb or on its object ("sent 500 tons of rice to Sri Lanka": also on what a
/// measure noun counts). Objects stay first (they are what is counted); phrases that name no
/// actor drop out when actors are read.
fn add_recipients<'d>(category: EventCategory, trigger: Token<'d>, patients: &mut Vec<Token<'d>>) {
    let aimed = |t: Token<'_>| marks_recipient(t, Marks::Verb, category);
    let objects: Vec<Token<'d>> = patients.clone();
    patients.extend(trigger.children().filter(|c| c.rel().is_obl() && aimed(*c)));
    // "granted asylum to five officers holed up in ...": the parse may hang the trigger's
    // phrase on a participle after it; a phrase before its own participle is the trigger's.
    for v in trigger
        .children()
        .filter(|c| is_trailing_participle(trigger, *c))
    {
        patients.extend(
            v.children()
                .filter(|g| g.rel().is_obl() && g.i() > trigger.i() && g.i() < v.i() && aimed(*g))
                // "with Thailand preferring ...": an absolute clause's subject, not the trigger's.
                .filter(|g| !has_case(*g, &["with"])),
        );
    }
    // "mobilized reservists for a war against Iraq": whom the act's purpose is aimed at.
    let nested: Vec<Token<'d>> = trigger
        .children()
        .filter(|c| c.rel().is_obl() && !aimed(*c) && !has_case(*c, &["by"]))
        .flat_map(|c| c.children())
        .filter(|g| g.rel().is_nmod() && marks_recipient(*g, Marks::Nested, category))
        .collect();
    patients.extend(nested);
    let inner: Vec<Token<'d>> = objects
        .iter()
        .flat_map(|o| {
            o.children()
                .filter(|c| c.rel().is_nmod() && has_case(*c, &["of"]))
                // "provide $500 million in aid to Ukraine": what a sum is in.
                .chain(crate::constraint::figure_in(*o))
        })
        .collect();
    for o in objects.into_iter().chain(inner) {
        patients.extend(o.children().filter(|c| c.rel().is_nmod() && aimed(*c)));
    }
}

/// A participle that follows the trigger as its adverbial clause, or as a conjunct with no
/// coordinator, with no subject or conjunction of its own ("granted asylum to five officers
/// *holed* up in a residence"; the tagger may read it as a past tense).
fn is_trailing_participle(trigger: Token<'_>, c: Token<'_>) -> bool {
    matches!(c.rel(), Deprel::Advcl | Deprel::Conj)
        && c.i() > trigger.i()
        && matches!(c.xpos(), "VBN" | "VBG" | "VBD")
        && !c
            .children()
            .any(|g| g.rel().is_nsubj() || matches!(g.rel(), Deprel::Mark | Deprel::Cc))
}

/// "has written to Tony Blair demanding an explanation": an adverbial trigger is aimed at whom
/// the verb it qualifies addresses (after its own objects, which come first when they name
/// an actor).
fn addressee<'d>(category: EventCategory, trigger: Token<'d>) -> Vec<Token<'d>> {
    // A participle with no subject of its own ("demanding"), not a clause ("where he met").
    let participle = trigger.rel() == Deprel::Advcl
        && trigger.xpos() == "VBG"
        && !trigger.children().any(|c| c.rel().is_nsubj());
    let Some(head) = trigger.head().filter(|_| participle) else {
        return Vec::new();
    };
    head.children()
        .filter(|c| c.rel().is_obl() && marks_recipient(*c, Marks::Verb, category))
        .collect()
}

/// Who did what the objects name, or whose they are: "rejected calls by Belarus's rulers",
/// "dismissed an appeal from the president", "prevented the demonstration staged by students",
/// "shelled positions of the Palestinian security forces", "criticised Mr Brown's plan" (a
/// possessor named, not a pronoun: "its plan" is most often the speaker's own), "forced the
/// sale of Yukos' assets" (the possessor of the owned thing).
fn owners_of<'d>(category: EventCategory, objects: &[Token<'d>]) -> Vec<Token<'d>> {
    let mut out = Vec::new();
    for o in objects {
        for c in o.children() {
            let possessor = c.rel() == Deprel::NmodPoss && c.upos() != Upos::Pron;
            if possessor || (c.rel().is_nmod() && marks_recipient(c, Marks::Object, category)) {
                out.push(c);
                // "forced the sale of Yukos' assets": whose the owned thing is, in turn.
                out.extend(c.children().filter(|g| {
                    !possessor && g.rel() == Deprel::NmodPoss && g.upos() != Upos::Pron
                }));
            } else if c.rel() == Deprel::Acl && c.xpos() == "VBN" {
                out.extend(
                    c.children()
                        .filter(|g| g.rel().is_obl() && has_case(*g, &["by"])),
                );
            }
        }
    }
    out
}

/// A by-phrase right after an active verb's object belongs to the object ("rejected calls by
/// Greece" parsed with "by Greece" on the verb): an active verb has no by-agent.
fn stray_agent<'d>(trigger: Token<'d>, objects: &[Token<'d>]) -> Option<Token<'d>> {
    let object_end = objects.iter().map(|o| o.i()).max()?;
    trigger.children().find(|c| {
        c.rel().is_obl()
            && has_case(*c, &["by"])
            && c.children()
                .find(|g| g.rel() == Deprel::Case)
                .is_some_and(|case| case.i() == object_end + 1)
    })
}

/// Looks through "a total of", "the number of" to what is counted; returns the patients and
/// the collective noun looked through.
fn look_through_patients<'d>(
    doc: &'d Doc,
    mut patients: Vec<Token<'d>>,
) -> (Vec<Token<'d>>, Option<Token<'d>>) {
    let mut collective = None;
    for p in patients.iter_mut() {
        let (inner, coll) = look_through(doc, *p);
        if coll.is_some() {
            *p = inner;
            collective = coll;
        } else if let Some(h) = p.head() {
            // "the number of Russian diplomats expelled ...": the participle's noun is counted
            // by the collective above it.
            if p.rel().is_nmod() && is_collective(&lemma(h)) && has_case(*p, &["of"]) {
                collective = Some(h);
            }
        }
    }
    (patients, collective)
}

/// The span of a frame's clause for quoting: from its first to its last participant or trigger.
pub fn frame_span(frame: &Frame<'_>) -> [usize; 2] {
    let mut lo = frame.trigger.span().start.min(frame.anchor.span().start);
    let mut hi = frame.trigger.span().end.max(frame.anchor.span().end);
    for t in frame.agents.iter().chain(&frame.patients) {
        for c in crate::noun_phrase::core_tokens(*t) {
            lo = lo.min(c.span().start);
            hi = hi.max(c.span().end);
        }
    }
    [lo, hi]
}

/// "have taken similar actions", "followed suit": an event that repeats an earlier one with a new
/// actor. Returns the verb's subjects when the verb is such a reference.
pub fn similar_action<'d>(doc: &'d Doc, verb: Token<'d>) -> Option<Vec<Token<'d>>> {
    if !is_verbal(verb) {
        return None;
    }
    let vl = lemma(verb);
    let obj = verb.children().find(|c| c.rel() == Deprel::Obj)?;
    let ol = lemma(obj);
    let refers = match &*vl {
        "follow" => ol == "suit",
        "do" => ol == "same",
        v if is(WordClass::SimilarVerb, v) => {
            is(WordClass::SimilarNoun, &ol)
                && obj
                    .children()
                    .any(|c| c.rel() == Deprel::Amod && is(WordClass::SimilarAdjective, &lemma(c)))
        }
        _ => false,
    };
    if !refers {
        return None;
    }
    // Only a clause with its own subject repeats an event for someone new. A common noun whose
    // conjuncts are proper nouns ("80 Russian diplomats, and Germany, Poland and Slovakia have
    // taken") belongs to the previous clause; the stranded proper nouns are the subject.
    let subj: Vec<Token<'_>> = match stranded_subject(doc, verb) {
        Some(s) => vec![s],
        None => verb
            .children()
            .filter(|c| c.rel() == Deprel::Nsubj)
            .collect(),
    };
    (!subj.is_empty()).then_some(subj)
}
