//! Coding one sentence: triggers to frames, frames to events with actors, figures, dates,
//! places and attributions; coordinated actors split, distributive lists distributed.

use crate::actors::{ActorReader, Discourse, SentenceLex, note_people};
use crate::dates::Direction;
use crate::distribute::distribute;
use crate::frames::{Frame, dominates, frame_span, read_frame, similar_action};
use crate::measure::{Measured, measure, sentence_words};
use crate::merge::Found;
use crate::timing::{Peg, Timed, assign_times, pick_date};
use crate::triggers::TriggerTable;
use crate::words::{WordClass, is};
use attache_event::{
    Actor, Attribution, Event, EventCategory, Location, Mention, Modality, SentenceRef, Trigger,
};
use attache_lexicon::{EntryKind, Lexicon};
use attache_nlp::{Deprel, Doc, Sentence, Token, Upos};
use chrono::NaiveDate;

/// Everything the sentence coder reads from; built once per document.
pub struct DocContext<'a> {
    pub doc_id: &'a str,
    pub doc: &'a Doc,
    pub lexicon: &'a Lexicon,
    pub triggers: &'a TriggerTable,
    pub published: Option<NaiveDate>,
    pub peg: Option<Peg>,
    /// The country of the report's dateline place ("CAIRO (Reuters) -"), if it has one.
    pub dateline_country: Option<String>,
    /// The country the document names most often (at least twice, and more than any other).
    pub document_country: Option<String>,
    /// The places the document names and its dateline's, for telling namesakes apart.
    pub places: crate::place::PlaceContext,
}

/// The longest attribution phrase kept, in tokens after "according" / "citing": the phrase
/// names a source ("according to calculations by the Financial Times" is 7), and each event of
/// the sentence carries it, so it must not run on through an unpunctuated sentence.
const ATTRIBUTION_TOKENS: usize = 16;

impl DocContext<'_> {
    pub(crate) fn span_text(&self, lo: usize, hi: usize) -> String {
        self.doc.text()[lo..hi].to_string()
    }

    /// "according to calculations by the Financial Times", "citing Reuters".
    fn attribution(&self, s: &Sentence<'_>, lex: &SentenceLex<'_>) -> Option<Attribution> {
        let toks: Vec<Token<'_>> = s.tokens().collect();
        let pos = toks.iter().position(|t| {
            let w = t.text().to_ascii_lowercase();
            (w == "according"
                && toks
                    .get(t.i() + 1 - toks[0].i())
                    .is_some_and(|n| n.text() == "to"))
                || w == "citing"
        })?;
        let start = toks[pos].span().start;
        let end_tok = toks[pos + 1..]
            .iter()
            .take_while(|t| !matches!(t.text(), "." | ";" | "," | "!" | "?" | "\"" | "”"))
            .take(ATTRIBUTION_TOKENS)
            .last()?;
        let end = end_tok.span().end;
        let credited = lex
            .within(start, end)
            .filter(|m| matches!(m.entry.kind, EntryKind::Media | EntryKind::Organisation))
            .last();
        // "citing national security" gives a reason, "citing Reuters" a source: "citing"
        // counts only with a source the dictionaries know, or people who speak ("officials").
        let citing = toks[pos].text().eq_ignore_ascii_case("citing");
        let speakers = lex
            .within(start, end)
            .any(|m| matches!(m.entry.kind, EntryKind::Person | EntryKind::Role));
        if citing && credited.is_none() && !speakers {
            return None;
        }
        let source = credited.map(|m| m.entry.canonical.clone()).or_else(|| {
            // The credited body after the last "by/of/to/from".
            let text = &self.doc.text()[start..end];
            let tail = ["by ", "of ", "from ", "to ", "citing "]
                .iter()
                .filter_map(|p| text.rfind(p).map(|i| &text[i + p.len()..]))
                .min_by_key(|t| t.len())?;
            let tail = tail.trim_start_matches("the ").trim();
            (!tail.is_empty()).then(|| tail.to_string())
        });
        Some(Attribution {
            text: self.span_text(start, end),
            source,
        })
    }

    /// A place named in the frame's clause ("met in Luxembourg", "on the outskirts of Kyiv"),
    /// resolved in the gazetteer; `taken` are the actors, whose words are no place.
    pub(crate) fn location(
        &self,
        frame: &Frame<'_>,
        lex: &SentenceLex<'_>,
        taken: &[Actor],
    ) -> Option<Location> {
        crate::place::clause_place(self.doc.text(), frame, lex, taken, &self.places)
    }
}

/// All tokens under `t` (itself included), in text order.
pub fn subtree(t: Token<'_>) -> Vec<Token<'_>> {
    let mut out = vec![t];
    let mut stack = vec![t];
    while let Some(x) = stack.pop() {
        for c in x.children() {
            out.push(c);
            stack.push(c);
        }
        if out.len() > 400 {
            break;
        }
    }
    out.sort_by_key(|x| x.i());
    out
}

/// Codes one sentence, appending what it reports to `out`.
pub fn code_sentence(
    cx: &DocContext<'_>,
    s: &Sentence<'_>,
    lex: &SentenceLex<'_>,
    discourse: &mut Discourse,
    out: &mut Vec<Found>,
) {
    let doc = cx.doc;
    let words = sentence_words(s);
    let tokens: Vec<Token<'_>> = s.tokens().collect();
    let reader = ActorReader {
        doc,
        lex,
        date: cx.published.map(|d| d.to_string()),
    };

    // The sentence's main subject, for "it" in a later sentence.
    let root_subject = s.root().and_then(|r| {
        r.children()
            .find(|c| c.rel() == Deprel::Nsubj)
            .and_then(|n| reader.actor(n, discourse))
    });
    // People named with a role but no nationality ("Foreign Minister Jeppe Kofod") act for the
    // state that is the sentence's first subject ("Denmark expelled ..., Kofod said").
    let state_subject = tokens
        .iter()
        .filter(|t| t.rel() == Deprel::Nsubj)
        .find_map(|t| {
            let sp = t.span();
            lex.covering(sp.start, sp.end)
                .filter(|m| {
                    matches!(
                        m.entry.kind,
                        EntryKind::Country | EntryKind::Capital | EntryKind::Seat
                    )
                })
                .and_then(|m| m.entry.code.clone())
        });
    note_people(&reader, &tokens, state_subject.as_deref(), discourse);

    let times = cx.times(s, &words);
    let attribution = cx.attribution(s, lex);
    let sentence_ref = SentenceRef {
        index: s.index(),
        span: [s.span().start, s.span().end],
        text: s.text().into(),
    };

    // Frames: triggers from the dictionary, and references to an earlier event ("took similar
    // actions") that repeat its category with new actors.
    let mut frames: Vec<Frame<'_>> = Vec::new();
    let mut repeats: Vec<(Token<'_>, Vec<Token<'_>>)> = Vec::new();
    let mut demanded: Vec<Token<'_>> = Vec::new();
    for &t in &tokens {
        if let Some(rule) = cx.triggers.rule_for(doc, t) {
            if let Some(f) = read_frame(doc, rule, t) {
                frames.push(f);
            }
        } else if let Some(subj) = similar_action(doc, t) {
            repeats.push((t, subj));
        } else if let Some(clause) = obligation_clause(t) {
            // "Russia said Sudan must return the helicopter": a demand on Sudan.
            if let Some(f) = read_frame(doc, cx.triggers.obligation(), t) {
                frames.push(f);
                demanded.push(clause);
            }
        }
    }
    // What is rejected or alleged is not reported as done: "rejected a US offer to host a
    // summit", "accused the United States of violating human rights".
    let disputed: Vec<Token<'_>> = frames
        .iter()
        .filter(|f| matches!(f.category, EventCategory::Reject | EventCategory::Accuse))
        .map(|f| f.trigger)
        .collect();
    frames.retain(|f| {
        !disputed
            .iter()
            .any(|t| t.i() != f.trigger.i() && t.i() != f.anchor.i() && dominates(*t, f.anchor))
    });
    // What is demanded is not reported as done: the demand stands for it.
    frames.retain(|f| !demanded.iter().any(|c| dominates(*c, f.anchor)));

    // A noun trigger that is what a verb trigger acts on ("lifted the curfew", "rejected the
    // offer", "violated the ceasefire") is that event's object, not an event of its own.
    let verb_triggers: Vec<usize> = frames
        .iter()
        .filter(|f| f.trigger.upos() != Upos::Noun)
        .map(|f| f.trigger.i())
        .collect();
    // Except where the verb performs what the noun names ("ordered the expulsion of 35
    // diplomats", "announced sanctions"): then the noun's event is the one, and the verb's goes.
    let performs =
        |verb: Token<'_>| is(WordClass::Performing, &crate::triggers::trigger_lemma(verb));
    let performed: Vec<usize> = frames
        .iter()
        .filter(|f| f.trigger.upos() == Upos::Noun && f.trigger.rel() == Deprel::Obj)
        .filter_map(|f| f.trigger.head())
        .filter(|h| verb_triggers.contains(&h.i()) && performs(*h))
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

    let is_role = |t: Token<'_>| {
        let sp = t.span();
        lex.covering(sp.start, sp.end)
            .is_some_and(|m| m.entry.kind == EntryKind::Role)
    };
    let mut template: Option<Found> = None;
    let mut coded: Vec<(usize, Vec<Actor>, Vec<Actor>, Measured)> = Vec::new();
    for (k, frame) in frames.iter().enumerate() {
        let mut actors: Vec<Actor> = frame
            .agents
            .iter()
            .flat_map(|a| reader.actors(*a, discourse))
            .collect();
        // "Demonstrators in Baghdad blocked a road": protesters known only by what they are
        // protest where they are.
        if actors.is_empty()
            && frame.category == EventCategory::Protest
            && let Some(place) = cx.location(frame, lex, &[]).and_then(|l| l.country)
        {
            actors = frame
                .agents
                .iter()
                .filter_map(|a| reader.sector_actor(*a))
                .map(|mut a| {
                    a.country = Some(place.clone());
                    a.country_from = Some(attache_event::CountryFrom::Place);
                    a
                })
                .collect();
        }
        // "Police arrested 40 protesters": a generic agent belongs to the country beside it,
        // else to where it acted, the dateline's country or the document's.
        if actors.is_empty() {
            actors = agents_in_context(cx, &reader, frame, lex);
        }
        // An expulsion whose doer the dictionaries do not know ("European states expelled 100
        // ..., including 40 from Germany") is still the template its distributive list splits.
        // Violence and coercion are reported with their victims even when the doer is not
        // named ("three Iraqi civilians have been killed in a suicide car bombing").
        let victims_suffice = matches!(
            frame.category,
            EventCategory::Assault | EventCategory::Coerce
        );
        if actors.is_empty() && !is_expulsion(frame.rule.mode.as_deref()) && !victims_suffice {
            continue;
        }
        let obligation = std::ptr::eq(frame.rule, cx.triggers.obligation());
        let mut recipients: Vec<Actor> = frame
            .patients
            .iter()
            .flat_map(|p| reader.actors(crate::frames::look_through(doc, *p).0, discourse))
            .collect();
        // People known only by what they are ("arrested 12 protesters", "killed civilians near
        // Kharkiv") belong to where it happened; for a government acting on its own people
        // (arrests, bans, crackdowns) without a place, to the acting state, as event coders
        // conventionally code domestic targets.
        if recipients.is_empty() {
            let place = cx.location(frame, lex, &actors).and_then(|l| l.country);
            let domestic = matches!(frame.category, EventCategory::Coerce)
                .then(|| actors.first().and_then(|a| a.country.clone()))
                .flatten();
            if let Some(country) = place.or(domestic) {
                recipients = frame
                    .patients
                    .iter()
                    .filter_map(|p| reader.sector_actor(crate::frames::look_through(doc, *p).0))
                    .map(|mut a| {
                        a.country = Some(country.clone());
                        a
                    })
                    .collect();
            }
        }
        // A demand is coded only when the text names who must act; a deed without a doer only
        // when it names whom it hit.
        if (obligation || (actors.is_empty() && victims_suffice)) && recipients.is_empty() {
            continue;
        }
        // ... and whom it hit must be people ("civilians", "Armenians"), not things ("bombs").
        let people = frame.patients.iter().any(|p| {
            let head = crate::frames::look_through(doc, *p).0;
            let sp = head.span();
            is_role(head)
                || lex
                    .covering(sp.start, sp.end)
                    .is_some_and(|m| m.entry.kind == EntryKind::Demonym)
        });
        if actors.is_empty() && victims_suffice && !people {
            continue;
        }
        let mut measured = measure(doc, s, &words, frame, &is_role);
        if measured.quantity.is_none()
            && matches!(
                frame.category,
                EventCategory::Protest | EventCategory::Mobilize
            )
        {
            measured.quantity = frame
                .agents
                .iter()
                .find_map(|a| crate::measure::group_size(doc, s, &words, *a));
        }
        measured.casualties = crate::casualties::read(doc, s, &words, frame, &measured);
        coded.push((k, actors, recipients, measured));
    }
    crate::casualties::drop_read(&frames, &mut coded);
    // Coordinated verbs share whom they act on: "close two Russian consulates and expel 14
    // staff" (the staff of those consulates).
    for i in 0..coded.len() {
        if !coded[i].2.is_empty() {
            continue;
        }
        let anchor = frames[coded[i].0].anchor;
        let doers = |a: &[Actor]| {
            let mut c: Vec<Option<String>> = a.iter().map(|x| x.country.clone()).collect();
            c.sort();
            c
        };
        let mine = doers(&coded[i].1);
        let partner = coded.iter().position(|(k, a, r, _)| {
            !r.is_empty() && coordinated(frames[*k].anchor, anchor) && doers(a) == mine
        });
        if let Some(p) = partner {
            coded[i].2 = coded[p].2.clone();
        }
    }
    let doers: Vec<(usize, bool)> = coded.iter().map(|(k, a, ..)| (*k, !a.is_empty())).collect();
    let repeat_verbs: Vec<Token<'_>> = repeats.iter().map(|(v, _)| *v).collect();
    let dated = assign_times(doc, &frames, &doers, &times, &repeat_verbs);
    for (k, mut actors, mut recipients, measured) in coded {
        let frame = &frames[k];
        let future = crate::timex::clause_direction(frame.anchor) == Some(Direction::Future);
        let dir = if frame.modality == Modality::Planned || future {
            Direction::Future
        } else {
            Direction::Past
        };
        let mine: Vec<&Timed> = dated[k].iter().map(|&ti| &times[ti]).collect();
        let date = pick_date(cx, &mine, dir, frame.modality);
        if let Some(day) = date.as_ref().and_then(|d| d.0.start) {
            let day = day.to_string();
            reader.redate(&mut actors, &day);
            reader.redate(&mut recipients, &day);
        }
        let since = mine.iter().any(|t| t.expr.since);
        let location = cx
            .location(frame, lex, &[actors.clone(), recipients.clone()].concat())
            .or_else(|| cx.places.dateline.clone());
        let codes: Vec<&str> = {
            let mut c: Vec<&str> = actors.iter().filter_map(|a| a.country.as_deref()).collect();
            c.sort_unstable();
            c.dedup();
            c
        };
        // A group of states, or a bloc without fixed membership ("the West"), acts through its
        // members: a figure it is credited with totals their actions.
        let group_actor = codes.iter().any(|c| {
            cx.lexicon.is_group(c)
                || cx
                    .lexicon
                    .organisation(c)
                    .is_some_and(|o| o.sector.is_none())
        });
        let aggregate = measured.quantity.is_some()
            && (measured.total || codes.len() > 1 || group_actor || since);
        let trig_span = frame.trigger.span();
        let span = frame_span(frame);
        let base = Event {
            doc_id: cx.doc_id.to_string(),
            event: frame.category,
            mode: if frame.recoded {
                None
            } else {
                frame.rule.mode.clone()
            },
            context: frame.rule.context.clone(),
            cameo: if frame.recoded {
                None
            } else {
                frame.rule.cameo.clone()
            },
            actors: actors.clone(),
            recipients: recipients.clone(),
            quantity: measured.quantity.clone(),
            other_quantities: measured.others.clone(),
            casualties: measured.casualties.casualties.clone(),
            date: date.as_ref().map(|d| d.0.clone()),
            location,
            attribution: attribution.clone(),
            modality: frame.modality,
            aggregate,
            trigger: Trigger {
                text: frame.trigger.text().to_string(),
                span: [trig_span.start, trig_span.end],
            },
            sentence: sentence_ref.clone(),
            mentions: vec![Mention {
                sentence: s.index(),
                span,
                text: cx.span_text(span[0], span[1]),
            }],
            published: cx.published,
        };
        let interval = date.as_ref().and_then(|d| d.1);
        if codes.len() > 1 {
            // One group total, and one event per coordinated actor without the total.
            if aggregate {
                out.push(Found::new(base.clone(), interval));
            }
            for a in &actors {
                let mut e = base.clone();
                e.actors = vec![a.clone()];
                e.aggregate = false;
                if aggregate {
                    e.quantity = None;
                    e.other_quantities.clear();
                    e.casualties = Default::default();
                }
                out.push(Found::new(e, interval));
            }
        } else if actors.is_empty() && is_expulsion(base.mode.as_deref()) {
            template = template.or(Some(Found::new(base, interval)));
        } else {
            if is_expulsion(base.mode.as_deref()) {
                template = template.or(Some(Found::new(base.clone(), interval)));
            }
            out.push(Found::new(base, interval));
        }
    }

    // "Germany, Poland and Slovakia have taken similar actions": the latest event, new actors.
    for (verb, subjects) in repeats {
        let Some(antecedent) = out.iter().rev().find(|f| !f.event.aggregate).cloned() else {
            continue;
        };
        let actors: Vec<Actor> = subjects
            .iter()
            .flat_map(|a| reader.actors(*a, discourse))
            .collect();
        let mine: Vec<&Timed> = times
            .iter()
            .filter(|t| t.attach.is_some_and(|a| dominates(doc.token(a), verb)))
            .collect();
        let date = pick_date(cx, &mine, Direction::Past, Modality::Asserted);
        let vspan = verb.span();
        let span = [
            actors
                .iter()
                .map(|a| a.span[0])
                .min()
                .unwrap_or(vspan.start),
            subtree(verb).last().map_or(vspan.end, |t| t.span().end),
        ];
        let before = antecedent.event.actor_codes();
        for a in actors {
            if a.country.as_deref().is_some_and(|c| before.contains(&c)) {
                continue; // the antecedent's own actor is no repetition
            }
            let mut e = antecedent.event.clone();
            e.actors = vec![a];
            e.quantity = None;
            e.other_quantities.clear();
            e.casualties = Default::default();
            e.aggregate = false;
            e.modality = Modality::Asserted;
            e.location = None;
            e.attribution = attribution.clone();
            e.date = date.as_ref().map(|d| d.0.clone());
            e.trigger = Trigger {
                text: verb.text().to_string(),
                span: [vspan.start, vspan.end],
            };
            e.sentence = sentence_ref.clone();
            e.mentions = vec![Mention {
                sentence: s.index(),
                span,
                text: cx.span_text(span[0], span[1]),
            }];
            out.push(Found::new(e, date.as_ref().and_then(|d| d.1)));
        }
    }

    distribute(cx, s, &words, lex, &sentence_ref, template, &times, out);

    if let Some(subj) = root_subject {
        let plural = s
            .root()
            .and_then(|r| r.children().find(|c| c.rel() == Deprel::Nsubj))
            .is_some_and(|n| {
                matches!(n.xpos(), "NNS" | "NNPS") || n.children().any(|c| c.rel() == Deprel::Conj)
            });
        discourse.last_subject = Some(subj);
        discourse.last_subject_plural = plural;
    }
}

/// A verb of saying whose complement clause carries "must" / "should" / "has to": the clause.
fn obligation_clause(t: Token<'_>) -> Option<Token<'_>> {
    if !is(
        WordClass::ObligationSaying,
        &crate::triggers::trigger_lemma(t),
    ) {
        return None;
    }
    t.children().filter(|c| c.rel() == Deprel::Ccomp).find(|c| {
        c.children().any(|a| {
            a.rel() == Deprel::Aux && is(WordClass::ObligationAux, &a.text().to_ascii_lowercase())
        })
    })
}

/// The generic agents among a frame's doers, each with the country of the event's place, the
/// dateline or the document, in that order (and the record saying which).
fn agents_in_context(
    cx: &DocContext<'_>,
    reader: &ActorReader<'_, '_>,
    frame: &Frame<'_>,
    lex: &SentenceLex<'_>,
) -> Vec<Actor> {
    use attache_event::CountryFrom;
    let mut agents: Vec<Actor> = frame
        .agents
        .iter()
        .filter_map(|a| reader.agent_actor(*a))
        .collect();
    if agents.is_empty() {
        return agents;
    }
    // The frame's place, else a place the sentence puts the event "in" (the parse may hang
    // "in Cairo" on the object).
    let text = cx.doc.text();
    let place = cx
        .location(frame, lex, &[])
        .and_then(|l| l.country)
        .or_else(|| {
            lex.matches
                .iter()
                .find(|m| {
                    matches!(
                        m.entry.kind,
                        EntryKind::City
                            | EntryKind::Capital
                            | EntryKind::Region
                            | EntryKind::Country
                    ) && text[..m.start].trim_end().ends_with(" in")
                })
                .and_then(|m| m.entry.code.clone())
        });
    let source = place
        .map(|c| (c, CountryFrom::Place))
        .or_else(|| {
            cx.dateline_country
                .clone()
                .map(|c| (c, CountryFrom::Dateline))
        })
        .or_else(|| {
            cx.document_country
                .clone()
                .map(|c| (c, CountryFrom::Document))
        });
    let Some((country, from)) = source else {
        return Vec::new();
    };
    for a in &mut agents {
        a.country = Some(country.clone());
        a.country_from = Some(from);
    }
    agents
}

fn is_expulsion(mode: Option<&str>) -> bool {
    matches!(mode, Some("expel" | "deport"))
}

/// Whether two verbs are conjuncts of one another.
pub(crate) fn coordinated(a: Token<'_>, b: Token<'_>) -> bool {
    let under = |x: Token<'_>, y: Token<'_>| {
        x.rel() == Deprel::Conj && x.head().is_some_and(|h| h.i() == y.i())
    };
    under(a, b) || under(b, a)
}
