//! The `with` column of a trigger row: conditions on the trigger's dependents.
//!
//! A constraint is one or more conditions joined by `&`, all of which must hold:
//! `prt:out&obj:talk` is "ruled out talks", `pp.of:immunity` is "stripped of immunity".
//! A lemma written `@class` stands for every word of that class of `data/coder/words.tsv`
//! (`obj:@criticised|wisdom`). The format is documented in `data/coder/README.md`.

use crate::evaluations::{EvaluationKind, judges, labels};
use crate::modality::has_negation;
use crate::tree::{has_case, lemma as trigger_lemma};
use crate::words::{WordClass, is};
use attache_nlp::{Deprel, Doc, Token, Upos};

/// All the conditions a trigger row puts on the trigger's dependents.
#[derive(Debug, Clone, PartialEq)]
pub struct Constraint {
    pub conditions: Vec<Condition>,
}

/// One condition: a listed lemma, or a word of a listed class, stands in `relation` to the
/// trigger.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub relation: Relation,
    /// The list is `*`: any word in the relation will do ("wants them to leave": `obj:*`).
    pub any_word: bool,
    pub lemmas: Vec<String>,
    /// The word classes named `@class` in the list.
    pub classes: Vec<WordClass>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Relation {
    /// A particle: "kick out".
    Particle,
    /// The direct object, the passive subject, or a noun trigger's "of" complement.
    Object,
    /// An open clausal complement: "ordered them to leave".
    Xcomp,
    /// The head of a clausal complement, the predicate of a copular one: "wrong" in "said the
    /// move was wrong", "amounted" in "denied it amounted to a crisis".
    Ccomp,
    /// The subject of a clausal complement, or a passive one's agent: "it" in "warned it would
    /// act", "the move" in "warned firms would be crippled by the move".
    CcompSubject,
    /// The possessor of a clausal complement's subject: "his" in "warned that his government
    /// would act".
    CcompPossessor,
    /// An infinitive under a clausal complement's head (an open complement, or an adverbial
    /// clause with "to"): "to be back" in "said it was pleased to be back" (the speaker's own
    /// disposition, not a judgment of another's act).
    CcompXcomp,
    /// A phrase of `data/coder/evaluations.tsv` of a listed kind anywhere in a clausal
    /// complement that names someone or their policy: "said the plan was a false economy".
    CcompEvaluation,
    /// A phrase of `data/coder/evaluations.tsv` of a listed kind, or a word of the words.tsv
    /// class `disapproving`, anywhere in what the trigger governs but its subject and by-agent:
    /// the label of a verb of naming ("branded the ID scheme a waste of money").
    Evaluation,
    /// A compound or adjectival modifier of a noun trigger: "air strike".
    Compound,
    /// Any dependent, or a dependent's dependent.
    Any,
    /// The coordinating conjunction that joins the trigger to the verb before it: "or" in
    /// "recall the notice or face a strike ballot" (a condition: a threat).
    Coordinator,
    /// A compound or adjectival modifier of the trigger's object: "humanitarian" in "sent
    /// humanitarian aid" (`obj:aid&objmod:humanitarian`).
    ObjectModifier,
    /// A prepositional phrase with this preposition, on the trigger or on its object:
    /// "stripped of immunity", "arrived for talks".
    Prep(String),
    /// The object (or passive subject) of a clausal complement's head: "the law" in "ruled
    /// that the measures broke the law".
    CcompObject,
    /// A verb clause introduced by this preposition on the trigger (an adverbial clause marked
    /// by it, or a gerund the parser made its oblique): "backing" in "attacked the EC for
    /// backing down". A noun phrase ("for two hours") is no such clause.
    PrepClause(String),
    /// A participle clause on the trigger with no subordinator: "saying" in "attacked British
    /// imperialists, saying they treated Africans like savages".
    Participle,
    /// The word a noun trigger hangs from as its object, passive subject, noun modifier or
    /// compound: "broaden" in "broaden his appeal", "court" in "the Court of Appeal".
    Governor,
}

/// Why the `with` column of a trigger row does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConstraintError {
    #[error("constraint {0:?} must look like REL:lemma|lemma (conditions joined by &)")]
    Shape(String),
    #[error(
        "constraint relation {0:?} is not one of prt, obj, xcomp, ccomp, ccxcomp, ccsubj, ccposs, ccobj, cceval, eval, compound, any, cc, objmod, ing, gov, pp.PREP, pcl.PREP"
    )]
    Relation(String),
    #[error("constraint {0:?} lists no lemma")]
    NoLemma(String),
    #[error("constraint {0:?} names the relation {1:?} twice")]
    Repeated(String, String),
    #[error("constraint {0:?} names {1:?}, which is no word class of data/coder/words.tsv")]
    UnknownClass(String, String),
    #[error("constraint {0:?} names {1:?}, which is no kind of data/coder/evaluations.tsv")]
    UnknownEvaluation(String, String),
}

/// Parses a `with` column that is not `-`.
pub fn parse_constraint(spec: &str) -> Result<Constraint, ConstraintError> {
    let mut conditions: Vec<Condition> = Vec::new();
    for part in spec.split('&') {
        let condition = parse_condition(part.trim())?;
        if conditions.iter().any(|c| c.relation == condition.relation) {
            let rel = part.split(':').next().unwrap_or(part).to_string();
            return Err(ConstraintError::Repeated(spec.to_string(), rel));
        }
        conditions.push(condition);
    }
    Ok(Constraint { conditions })
}

fn is_preposition(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())
}

fn parse_condition(spec: &str) -> Result<Condition, ConstraintError> {
    let (rel, lemmas) = spec
        .split_once(':')
        .ok_or_else(|| ConstraintError::Shape(spec.to_string()))?;
    let relation = match rel {
        "prt" => Relation::Particle,
        "obj" => Relation::Object,
        "xcomp" => Relation::Xcomp,
        "ccomp" => Relation::Ccomp,
        "ccxcomp" => Relation::CcompXcomp,
        "ccsubj" => Relation::CcompSubject,
        "ccposs" => Relation::CcompPossessor,
        "ccobj" => Relation::CcompObject,
        "cceval" => Relation::CcompEvaluation,
        "eval" => Relation::Evaluation,
        "compound" => Relation::Compound,
        "any" => Relation::Any,
        "cc" => Relation::Coordinator,
        "objmod" => Relation::ObjectModifier,
        "ing" => Relation::Participle,
        "gov" => Relation::Governor,
        other => match (other.strip_prefix("pp."), other.strip_prefix("pcl.")) {
            (Some(prep), _) if is_preposition(prep) => Relation::Prep(prep.to_string()),
            (_, Some(prep)) if is_preposition(prep) => Relation::PrepClause(prep.to_string()),
            _ => return Err(ConstraintError::Relation(other.to_string())),
        },
    };
    let mut words: Vec<String> = Vec::new();
    let mut classes: Vec<WordClass> = Vec::new();
    let mut any_word = false;
    for item in lemmas.split('|').map(|l| l.trim().to_lowercase()) {
        if item == "*" {
            any_word = true;
            continue;
        }
        match item.strip_prefix('@') {
            Some(name) => classes.push(
                WordClass::from_name(name)
                    .ok_or_else(|| ConstraintError::UnknownClass(spec.into(), name.into()))?,
            ),
            None if !item.is_empty() => words.push(item),
            None => {}
        }
    }
    if words.is_empty() && classes.is_empty() && !any_word {
        return Err(ConstraintError::NoLemma(spec.to_string()));
    }
    if matches!(relation, Relation::CcompEvaluation | Relation::Evaluation) {
        // Its list names kinds of evaluations.tsv, not words or classes.
        let unknown = words
            .iter()
            .find(|w| EvaluationKind::from_name(w).is_none());
        if let Some(word) = unknown {
            return Err(ConstraintError::UnknownEvaluation(
                spec.into(),
                word.clone(),
            ));
        }
        if any_word || !classes.is_empty() {
            return Err(ConstraintError::UnknownEvaluation(
                spec.into(),
                lemmas.into(),
            ));
        }
    }
    Ok(Condition {
        relation,
        any_word,
        lemmas: words,
        classes,
    })
}

impl Constraint {
    /// Whether every condition holds on the trigger token's dependents.
    pub fn holds(&self, doc: &Doc, trigger: Token<'_>) -> bool {
        self.conditions.iter().all(|c| c.holds(doc, trigger))
    }
}

impl Condition {
    fn accepts(&self, tok: Token<'_>) -> bool {
        // "*" is any word but a day's or month's name: "insisted on Wednesday" dates the
        // act, it does not say what was insisted on.
        if self.any_word {
            return !is(WordClass::CalendarName, &tok.text().to_ascii_lowercase());
        }
        let lemma = trigger_lemma(tok);
        // A class word may be written with a final full stop ("Mr." for the honorific "mr").
        let bare = lemma.strip_suffix('.').unwrap_or(&lemma);
        self.lemmas.iter().any(|l| *l == *lemma) || self.classes.iter().any(|&c| is(c, bare))
    }

    /// The word within the trigger's clause a few words on, whatever the parse made of it:
    /// "marked 30 Russian diplomats as undesirable".
    fn follows(&self, doc: &Doc, trigger: Token<'_>) -> bool {
        (trigger.i() + 1..doc.len())
            .map(|i| doc.token(i))
            .take_while(|t| t.sentence() == trigger.sentence())
            .take(8)
            .take_while(|t| !matches!(t.text(), "," | ";" | "." | ":"))
            // Content words only: a preposition a few words on ("call ... on") is no evidence.
            .filter(|t| matches!(t.upos(), Upos::Noun | Upos::Propn | Upos::Adj | Upos::Verb))
            .any(|t| self.accepts(t))
    }

    /// The conditions on the trigger's complement clause (`ccomp`, `ccxcomp`, `ccsubj`,
    /// `ccposs`); any other relation does not hold here.
    fn holds_in_complement(&self, trigger: Token<'_>) -> bool {
        match &self.relation {
            // A listed head that is negated says the opposite: "said the move was not wrong",
            // "said the government would not hurt pensioners" (a `*` list takes any clause).
            Relation::Ccomp => trigger.children().any(|c| {
                c.rel() == Deprel::Ccomp && self.accepts(c) && (self.any_word || !has_negation(c))
            }),
            Relation::CcompXcomp => trigger
                .children()
                .filter(|c| c.rel() == Deprel::Ccomp)
                .flat_map(|c| c.children())
                .filter(|x| x.rel() == Deprel::Xcomp || infinitive_clause(*x))
                .any(|x| self.accepts(x)),
            // "warned the two were under scrutiny and it would act": a clause coordinated with
            // the complement is said too.
            Relation::CcompSubject => trigger
                .children()
                .filter(|c| c.rel() == Deprel::Ccomp)
                .flat_map(|c| {
                    std::iter::once(c).chain(c.children().filter(|d| d.rel() == Deprel::Conj))
                })
                .flat_map(|c| c.children())
                // A passive's agent is who acts: "(warned firms would be crippled) by the move".
                .any(|s| {
                    matches!(
                        s.rel(),
                        Deprel::Nsubj | Deprel::NsubjPass | Deprel::OblAgent
                    ) && self.accepts(s)
                }),
            Relation::CcompPossessor => trigger
                .children()
                .filter(|c| c.rel() == Deprel::Ccomp)
                .flat_map(|c| c.children())
                .filter(|s| matches!(s.rel(), Deprel::Nsubj | Deprel::NsubjPass))
                .flat_map(|s| s.children())
                .any(|p| p.rel() == Deprel::NmodPoss && self.accepts(p)),
            // A listed head that is negated does not hold: "ruled that the firm had not broken
            // the law" (the `ccomp` condition tests the head itself).
            Relation::CcompObject => trigger
                .children()
                .filter(|c| c.rel() == Deprel::Ccomp && !has_negation(*c))
                .flat_map(object_heads)
                .any(|o| self.accepts(o)),
            _ => false,
        }
    }

    /// Whether the trigger token's dependents satisfy this condition.
    fn holds(&self, doc: &Doc, trigger: Token<'_>) -> bool {
        match &self.relation {
            // The parser may call a particle an adverb ("walked | out" tagged RP, advmod), or
            // the preposition of the object ("handed | over their weapons").
            Relation::Particle => trigger
                .children()
                .filter(|c| {
                    c.rel() == Deprel::CompoundPrt
                        || (c.rel() == Deprel::Advmod && c.xpos() == "RP")
                })
                .chain(misread_particle(trigger))
                .any(|c| self.accepts(c)),
            Relation::Object => object_heads(trigger).any(|c| {
                // "hundreds of migrants", "700 kg of medicine": the noun that is counted.
                self.accepts(c)
                    || c.children()
                        .any(|g| g.rel().is_nmod() && has_case(g, &["of"]) && self.accepts(g))
                    || figure_in(c).is_some_and(|g| self.accepts(g))
            }),
            Relation::Xcomp => trigger
                .children()
                .filter(|c| c.rel() == Deprel::Xcomp || infinitive_complement(*c))
                .chain(object_infinitive(trigger))
                .any(|c| self.accepts(c)),
            Relation::Ccomp
            | Relation::CcompXcomp
            | Relation::CcompSubject
            | Relation::CcompPossessor
            | Relation::CcompObject => self.holds_in_complement(trigger),
            Relation::Participle => trigger.children().any(|c| {
                c.rel() == Deprel::Advcl
                    && c.xpos() == "VBG"
                    && !c.children().any(|m| m.rel() == Deprel::Mark)
                    && self.accepts(c)
            }),
            Relation::PrepClause(prep) => trigger.children().any(|c| {
                matches!(c.upos(), Upos::Verb)
                    && (c.rel() == Deprel::Advcl || c.rel().is_obl())
                    && c.children().any(|m| {
                        matches!(m.rel(), Deprel::Mark | Deprel::Case)
                            && m.text().eq_ignore_ascii_case(prep)
                    })
                    && self.accepts(c)
            }),
            Relation::CcompEvaluation => self
                .lemmas
                .iter()
                .filter_map(|k| EvaluationKind::from_name(k))
                .any(|kind| judges(trigger, kind)),
            Relation::Evaluation => self
                .lemmas
                .iter()
                .filter_map(|k| EvaluationKind::from_name(k))
                .any(|kind| labels(trigger, kind)),
            Relation::Compound => trigger.children().any(|c| {
                matches!(c.rel(), Deprel::Compound | Deprel::Amod | Deprel::NmodNpmod)
                    && self.accepts(c)
            }),
            // The trigger's own infinitive marker ("to commit") says nothing about it.
            Relation::Any => {
                trigger
                    .children()
                    .filter(|c| c.rel() != Deprel::Mark)
                    .any(|c| {
                        // A clause's subordinator is evidence ("questioned whether ...", a
                        // gerund's preposition: "warned them against pandering"); an
                        // infinitive's "to" is not.
                        self.accepts(c)
                            || c.children()
                                .filter(|g| g.rel() != Deprel::Mark || subordinator(*g))
                                .any(|g| self.accepts(g))
                    })
                    || self.follows(doc, trigger)
            }
            Relation::Coordinator => trigger
                .children()
                .any(|c| c.rel() == Deprel::Cc && self.accepts(c)),
            Relation::Governor => governor(trigger).is_some_and(|g| self.accepts(g)),
            // A title before a name is the name's modifier too: "defended President Bush".
            Relation::ObjectModifier => object_heads(trigger).any(|o| {
                o.children().any(|c| {
                    matches!(
                        c.rel(),
                        Deprel::Compound | Deprel::Amod | Deprel::NmodNpmod | Deprel::NmodDesc
                    ) && self.accepts(c)
                })
            }),
            Relation::Prep(prep) => std::iter::once(trigger)
                .chain(object_heads(trigger))
                .chain(carrier_of(trigger))
                .flat_map(|t| t.children())
                .any(|c| {
                    // "over tax and spending plans": the parser may hang the preposition on
                    // the phrase's first compound word, and call the phrase an object.
                    (c.rel().is_obl() || c.rel().is_nmod() || c.rel() == Deprel::Obj)
                        && (has_case(c, &[prep.as_str()])
                            || c.children().any(|m| {
                                m.rel() == Deprel::Compound && has_case(m, &[prep.as_str()])
                            }))
                        && self.accepts(c)
                }),
        }
    }
}

/// The word a noun trigger hangs from as object, passive subject, noun modifier or compound.
fn governor(trigger: Token<'_>) -> Option<Token<'_>> {
    let noun = matches!(trigger.upos(), Upos::Noun | Upos::Propn);
    let hung = matches!(
        trigger.rel(),
        Deprel::Obj | Deprel::NsubjPass | Deprel::Compound
    ) || trigger.rel().is_nmod();
    (noun && hung).then(|| trigger.head()).flatten()
}

/// The carrier verb whose object a noun trigger is, where the parser hangs the noun's
/// prepositional phrase: "led the opposition | to the bill", "voiced opposition | to the war".
fn carrier_of(trigger: Token<'_>) -> Option<Token<'_>> {
    (trigger.upos() == Upos::Noun && trigger.rel() == Deprel::Obj)
        .then(|| trigger.head())
        .flatten()
        .filter(|h| is(WordClass::Carrier, &trigger_lemma(*h)))
}

/// The tokens that stand for what a trigger acts on: objects, passive subjects, a noun
/// trigger's "of" complement, and the noun a past participle modifies ("diplomats expelled").
fn object_heads<'a>(trigger: Token<'a>) -> impl Iterator<Item = Token<'a>> {
    let is_noun = matches!(trigger.upos(), Upos::Noun | Upos::Propn);
    // A present participle's noun is its doer, not its object: "citizens wanting to work".
    let participle_head = (matches!(trigger.rel(), Deprel::Acl | Deprel::Amod)
        && trigger.xpos() != "VBG")
        .then(|| trigger.head())
        .flatten();
    let passive_subject = crate::subjects::passive_subject(trigger).map(|s| s.i());
    trigger
        .children()
        .filter(move |c| {
            let rel = c.rel();
            rel == Deprel::Obj
                || Some(c.i()) == passive_subject
                || rel == Deprel::Iobj
                || (is_noun && rel == Deprel::Nmod && has_case(*c, &["of"]))
        })
        .map(move |c| antecedent_of_relative(trigger, c).unwrap_or(c))
        .chain(participle_head)
        .chain(misread_particle(trigger).and_then(|p| p.head().filter(|h| h.i() != trigger.i())))
}

/// The noun a relative pronoun object stands for: "a G8 aid package *which* he has likened to
/// the Marshall Plan" acts on the package; the pronoun's own word says nothing of it.
fn antecedent_of_relative<'a>(trigger: Token<'a>, object: Token<'a>) -> Option<Token<'a>> {
    let relative = is(
        WordClass::RelativePronoun,
        &object.text().to_ascii_lowercase(),
    );
    (relative && trigger.rel().is_acl())
        .then(|| trigger.head())
        .flatten()
        .filter(|h| matches!(h.upos(), Upos::Noun | Upos::Propn))
}

/// Particles of phrasal verbs the parser may read as an adverb ("handed back the territory",
/// "came out in favour") or as the preposition of the noun after them ("handed over their
/// weapons": then the noun is the verb's object).
const PARTICLE_WORDS: &[&str] = &["out", "up", "off", "down", "back", "over", "away", "aside"];

/// The word right after a verb that is one of its particles, whatever the parse called it:
/// an adverb of the verb, or the only preposition of a noun phrase the verb governs.
fn misread_particle(trigger: Token<'_>) -> Option<Token<'_>> {
    if !matches!(trigger.upos(), Upos::Verb) {
        return None;
    }
    let next = trigger.i() + 1;
    let particle = |t: Token<'_>| {
        t.i() == next && PARTICLE_WORDS.contains(&t.text().to_ascii_lowercase().as_str())
    };
    trigger.children().find_map(|c| match c.rel() {
        Deprel::Advmod if particle(c) => Some(c),
        rel if rel.is_obl() => {
            let mut cases = c.children().filter(|m| m.rel() == Deprel::Case);
            match (cases.next(), cases.next()) {
                (Some(m), None) if particle(m) => Some(m),
                _ => None,
            }
        }
        _ => None,
    })
}

/// A "to" infinitive the parser hung on the verb's object, or on the verb as an adverbial
/// clause, when the object names people: "want a judge to rule", "expects the police to
/// prosecute" (the parse's `acl` for the verb's `xcomp`), "challenged the home secretary to
/// publish" (its `advcl`); not "wants the power to act".
fn object_infinitive(trigger: Token<'_>) -> Option<Token<'_>> {
    if trigger.children().any(|c| c.rel() == Deprel::Xcomp) {
        return None;
    }
    let subjectless_infinitive = |a: Token<'_>| {
        a.children()
            .any(|m| m.rel() == Deprel::Mark && m.text().eq_ignore_ascii_case("to"))
            && !a.children().any(|s| s.rel().is_nsubj())
    };
    let people = trigger
        .children()
        .find(|o| o.rel() == Deprel::Obj && crate::senses::senses().names_people(*o))?;
    people
        .children()
        .find(|a| a.rel() == Deprel::Acl && subjectless_infinitive(*a))
        .or_else(|| {
            // "challenged Mr Kilroy-Silk | to stand down": the parser may call the infinitive
            // after the object an adverbial clause or, next to a subject, a clausal subject.
            trigger.children().find(|a| {
                matches!(a.rel(), Deprel::Advcl | Deprel::Csubj)
                    && a.i() > people.i()
                    && subjectless_infinitive(*a)
            })
        })
}

/// An adverbial clause that is an infinitive: "(happy) to answer questions".
fn infinitive_clause(clause: Token<'_>) -> bool {
    clause.rel() == Deprel::Advcl
        && clause
            .children()
            .any(|m| m.rel() == Deprel::Mark && m.text().eq_ignore_ascii_case("to"))
}

/// A subjectless "to" infinitive the parser called a clausal complement: "warned Mr Brown
/// | not to be tempted" (`ccomp`), read as the open complement it is.
fn infinitive_complement(clause: Token<'_>) -> bool {
    clause.rel() == Deprel::Ccomp
        && clause
            .children()
            .any(|m| m.rel() == Deprel::Mark && m.text().eq_ignore_ascii_case("to"))
        && !clause.children().any(|s| s.rel().is_nsubj())
}

/// A clause's mark that says something about the clause: a subordinating conjunction, or a
/// preposition before a gerund ("against pandering"), but not an infinitive's "to".
fn subordinator(mark: Token<'_>) -> bool {
    match mark.upos() {
        Upos::Sconj => true,
        Upos::Adp => !mark.text().eq_ignore_ascii_case("to"),
        _ => false,
    }
}

/// "provide $500 million in aid", "gave Ukraine 1 billion euros in aid": what a sum given is
/// in, when the object is a figure (a number, a currency sign or a counted unit); "provided
/// evidence in support" names no sum and is no aid.
pub(crate) fn figure_in(object: Token<'_>) -> Option<Token<'_>> {
    let figure = matches!(object.upos(), Upos::Num | Upos::Sym)
        || object.children().any(|c| c.rel() == Deprel::Nummod);
    if !figure {
        return None;
    }
    object
        .children()
        .find(|g| g.rel().is_nmod() && has_case(*g, &["in"]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_join_with_ampersand() {
        let c = parse_constraint("prt:out&obj:talk|talks").unwrap();
        assert_eq!(c.conditions.len(), 2);
        assert_eq!(c.conditions[0].relation, Relation::Particle);
        assert_eq!(c.conditions[1].lemmas, ["talk", "talks"]);
        let c = parse_constraint("obj:aid&objmod:humanitarian").unwrap();
        assert_eq!(c.conditions[1].relation, Relation::ObjectModifier);
        let c = parse_constraint("pp.of:immunity").unwrap();
        assert_eq!(c.conditions[0].relation, Relation::Prep("of".into()));
        let c = parse_constraint("cc:or&obj:sanction").unwrap();
        assert_eq!(c.conditions[0].relation, Relation::Coordinator);
        let c = parse_constraint("obj:*&xcomp:*").unwrap();
        assert!(
            c.conditions
                .iter()
                .all(|c| c.any_word && c.lemmas.is_empty())
        );
        let c = parse_constraint("ccomp:@disapproving").unwrap();
        assert_eq!(c.conditions[0].relation, Relation::Ccomp);
        let c = parse_constraint("cceval:negative").unwrap();
        assert_eq!(c.conditions[0].relation, Relation::CcompEvaluation);
        let c = parse_constraint("eval:negative").unwrap();
        assert_eq!(c.conditions[0].relation, Relation::Evaluation);
    }

    #[test]
    fn malformed_constraints_are_named() {
        assert!(matches!(
            parse_constraint("pp.:x"),
            Err(ConstraintError::Relation(_))
        ));
        assert!(matches!(
            parse_constraint("obj:a&obj:b"),
            Err(ConstraintError::Repeated(..))
        ));
        assert!(matches!(
            parse_constraint("obj:a&"),
            Err(ConstraintError::Shape(_))
        ));
        assert!(matches!(
            parse_constraint("prt:|"),
            Err(ConstraintError::NoLemma(_))
        ));
        assert!(matches!(
            parse_constraint("obj:@no_such_class"),
            Err(ConstraintError::UnknownClass(..))
        ));
        assert!(matches!(
            parse_constraint("cceval:bad"),
            Err(ConstraintError::UnknownEvaluation(..))
        ));
        assert!(matches!(
            parse_constraint("cceval:*"),
            Err(ConstraintError::UnknownEvaluation(..))
        ));
    }

    #[test]
    fn a_word_class_stands_beside_the_lemmas() {
        let c = parse_constraint("obj:@criticised|wisdom").unwrap();
        assert_eq!(c.conditions[0].lemmas, ["wisdom"]);
        assert_eq!(c.conditions[0].classes, [WordClass::Criticised]);
    }
}
