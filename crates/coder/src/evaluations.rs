//! Phrases that judge a political actor or its conduct (`data/coder/evaluations.tsv`): "said the
//! plan would prove a false economy", "says the EU is putting trade above human rights". Loaded
//! and validated like the word classes; the trigger condition `cceval:KIND` (constraint.rs)
//! looks for them in the clause a verb of saying reports, which must also name someone or their
//! policy and not be the speaker's judgement of its own side.

use crate::datafile::DataFileError;
use crate::tree::lemma;
use crate::words::{WordClass, is};
use attache_nlp::{Deprel, Token, Upos};
use std::sync::OnceLock;

/// The evaluation file compiled into the binary.
const EVALUATIONS_TSV: &str = include_str!("../../../data/coder/evaluations.tsv");
const EVALUATIONS_NAME: &str = "data/coder/evaluations.tsv";
const HEADER: &str = "kind\tphrase";
/// The gap word of a phrase, and how many words it may stand for.
const GAP: &str = "...";
const GAP_WORDS: usize = 3;
/// The most tokens of a reported clause searched (a bound against run-on sentences).
const CLAUSE_TOKENS: usize = 80;

/// What a phrase says of what it is said of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvaluationKind {
    /// It condemns it: criticism (ACCUSE disapprove).
    Negative,
    /// It praises it: "had done a superb job", "a step in the right direction" (SUPPORT).
    Positive,
}

impl EvaluationKind {
    pub(crate) fn from_name(name: &str) -> Option<EvaluationKind> {
        match name {
            "negative" => Some(EvaluationKind::Negative),
            "positive" => Some(EvaluationKind::Positive),
            _ => None,
        }
    }
}

/// One phrase: its kind and its words, hyphens split off ("prejudice - based").
#[derive(Debug)]
struct Phrase {
    kind: EvaluationKind,
    words: Vec<String>,
}

/// Every phrase of the file.
#[derive(Debug, Default)]
pub(crate) struct Evaluations {
    phrases: Vec<Phrase>,
}

/// A word split at its hyphens, the hyphens kept: "prejudice-based" -> prejudice, -, based.
fn hyphen_parts(word: &str) -> impl Iterator<Item = &str> {
    word.split_inclusive('-')
        .flat_map(|part| match part.strip_suffix('-') {
            Some(stem) if !stem.is_empty() => vec![stem, "-"],
            _ => vec![part],
        })
}

impl Evaluations {
    /// Parses the text of an evaluation file; `file` names it in errors.
    pub(crate) fn parse(file: &str, text: &str) -> Result<Evaluations, DataFileError> {
        let err = |line: usize, reason: &str| DataFileError::new(file, line, reason);
        let data = crate::datafile::rows(text, HEADER).map_err(|(n, r)| err(n, &r))?;
        let mut out = Evaluations::default();
        for row in data.rows {
            let Some((kind, phrase)) = row.text.split_once('\t') else {
                return Err(err(row.number, "expected `kind<TAB>phrase`"));
            };
            let Some(kind) = EvaluationKind::from_name(kind) else {
                return Err(err(row.number, "the kind is neither negative nor positive"));
            };
            if phrase.is_empty()
                || phrase.contains('\t')
                || phrase.contains("  ")
                || phrase.chars().any(char::is_uppercase)
            {
                return Err(err(
                    row.number,
                    "a phrase is lower-case words, one space apart",
                ));
            }
            let words: Vec<String> = phrase
                .split(' ')
                .flat_map(hyphen_parts)
                .map(str::to_string)
                .collect();
            if words.first().is_none_or(|w| w == GAP) || words.last().is_none_or(|w| w == GAP) {
                return Err(err(
                    row.number,
                    "a phrase neither opens nor ends with a gap",
                ));
            }
            if out
                .phrases
                .iter()
                .any(|p| p.kind == kind && p.words == words)
            {
                return Err(err(row.number, "phrase listed twice"));
            }
            out.phrases.push(Phrase { kind, words });
        }
        Ok(out)
    }

    /// Whether the words (lemma, as written), in text order, hold a phrase of `kind`.
    #[cfg(test)]
    fn found(&self, kind: EvaluationKind, words: &[(String, String)]) -> bool {
        self.found_at(kind, words).is_some()
    }

    /// Where the first phrase of `kind` the words (lemma, as written) hold starts.
    fn found_at(&self, kind: EvaluationKind, words: &[(String, String)]) -> Option<usize> {
        (0..words.len()).find(|&start| {
            self.phrases
                .iter()
                .filter(|p| p.kind == kind)
                .any(|p| matches_at(&p.words, &words[start..]))
        })
    }
}

/// Whether `phrase` matches the start of `words`.
fn matches_at(phrase: &[String], words: &[(String, String)]) -> bool {
    let Some((first, rest)) = phrase.split_first() else {
        return true;
    };
    if first == GAP {
        return (0..=GAP_WORDS.min(words.len())).any(|skip| matches_at(rest, &words[skip..]));
    }
    match words.split_first() {
        Some(((lemma, text), more)) if first == lemma || first == text => matches_at(rest, more),
        _ => false,
    }
}

/// The shipped evaluation file, parsed once (checked when an extractor is built).
pub(crate) fn load() -> Result<&'static Evaluations, DataFileError> {
    static SHIPPED: OnceLock<Result<Evaluations, DataFileError>> = OnceLock::new();
    SHIPPED
        .get_or_init(|| Evaluations::parse(EVALUATIONS_NAME, EVALUATIONS_TSV))
        .as_ref()
        .map_err(Clone::clone)
}

/// The shipped evaluations; empty if the file is invalid (building an extractor reports it).
fn shipped() -> &'static Evaluations {
    static EMPTY: OnceLock<Evaluations> = OnceLock::new();
    load().unwrap_or_else(|_| EMPTY.get_or_init(Evaluations::default))
}

/// The tokens of a reported clause, in text order: the clause's head and what hangs under it,
/// but not what a further verb of saying inside it reports (someone else's words).
fn clause_tokens(head: Token<'_>) -> Vec<Token<'_>> {
    let mut out = vec![head];
    let mut stack = vec![head];
    while let Some(x) = stack.pop() {
        let reports = is(WordClass::Reporting, &lemma(x));
        for c in x.children() {
            if reports && x.i() != head.i() && c.rel() == Deprel::Ccomp {
                continue;
            }
            out.push(c);
            stack.push(c);
        }
        if out.len() > CLAUSE_TOKENS {
            break;
        }
    }
    out.sort_by_key(|x| x.i());
    out
}

/// Whether a word of the clause names someone or their policy: a proper name (not a day or a
/// month), a state's governing body, a policy or what criticism takes as its object.
fn names_a_target(tok: Token<'_>) -> bool {
    let lower = tok.text().to_lowercase();
    // A name the tagger called an adjective keeps its proper-noun tag: "the Scottish Executive".
    if tok.upos() == Upos::Propn || tok.xpos().starts_with("NNP") {
        return !is(WordClass::CalendarName, &lower);
    }
    let lemma = lemma(tok);
    tok.upos() == Upos::Noun
        && [
            WordClass::NationalBody,
            WordClass::Policy,
            WordClass::Criticised,
            WordClass::Measure,
        ]
        .iter()
        .any(|&c| is(c, &lower) || is(c, &lemma))
}

/// The speaker judging its own side ("said we had made mistakes"), or a negated judgement
/// ("said the plan was not a false economy"): the clause's subject is "I" or "we", or its head
/// is negated.
fn own_or_negated(head: Token<'_>) -> bool {
    head.children().any(|c| {
        let lower = c.text().to_lowercase();
        (matches!(c.rel(), Deprel::Nsubj | Deprel::NsubjPass)
            && matches!(lower.as_str(), "i" | "we"))
            || (c.rel() == Deprel::Advmod && is(WordClass::Negation, &lower))
    })
}

/// The reported clauses of a verb of saying, each as (the token its words hang under, its
/// predicate): its clausal complements, an object the parser gave a finite clause as a
/// modifier ("says the current system | is giving Britain a bad name", with "system" the object
/// and "giving" an `acl`: a modifier with a tensed auxiliary is no reduced relative), and a
/// "that" clause read as a relative clause on the listener.
fn reported_clauses<'d>(verb: Token<'d>) -> impl Iterator<Item = (Token<'d>, Token<'d>)> + 'd {
    verb.children().filter_map(|c| match c.rel() {
        Deprel::Ccomp => Some((c, c)),
        Deprel::Obj => c.children().find_map(|m| match m.rel() {
            Deprel::Acl if m.children().any(finite_auxiliary) => Some((c, m)),
            // "told reporters | that Washington had turned a blind eye" read as a relative
            // clause on the listener: one with a subject of its own, opened by "that".
            _ if that_clause(m) => Some((m, m)),
            _ => None,
        }),
        _ => None,
    })
}

/// A relative clause opened by "that" with a subject of its own besides it: a complement
/// clause the parser hung on the listener ("told reporters | that Washington had ...").
pub(crate) fn that_clause(clause: Token<'_>) -> bool {
    if clause.rel() != Deprel::AclRelcl {
        return false;
    }
    let mut that = false;
    let mut subject = false;
    for c in clause.children() {
        if c.text().eq_ignore_ascii_case("that") {
            that = true;
        } else if c.rel().is_nsubj() {
            subject = true;
        }
    }
    that && subject
}

/// A tensed auxiliary or copula: "is (giving)", "was (wrong)", "had (failed)".
fn finite_auxiliary(t: Token<'_>) -> bool {
    matches!(t.rel(), Deprel::Aux | Deprel::Cop) && matches!(t.xpos(), "VBZ" | "VBD" | "VBP" | "MD")
}

/// Whether a clause a verb of saying reports judges someone in a phrase of `kind`: it holds the
/// phrase, names someone or their policy, and is neither negated nor the speaker's own side.
pub(crate) fn judges(verb: Token<'_>, kind: EvaluationKind) -> bool {
    reported_clauses(verb).any(|(top, predicate)| clause_judges(top, predicate, kind))
}

fn clause_judges(top: Token<'_>, predicate: Token<'_>, kind: EvaluationKind) -> bool {
    if own_or_negated(predicate) {
        return false;
    }
    let tokens = clause_tokens(top);
    tokens.iter().any(|t| names_a_target(*t)) && holds_phrase(&tokens, kind)
}

/// Whether what a verb of naming governs, but its subject and by-agent, labels its object in a
/// phrase of `kind` or, for a negative label, a word of the words.tsv class `disapproving` ("branded the scheme a waste
/// of money and deeply flawed", "in a move branded a humiliating retreat by the Tories").
pub(crate) fn labels(verb: Token<'_>, kind: EvaluationKind) -> bool {
    let mut tokens: Vec<Token<'_>> = verb
        .children()
        .filter(|c| {
            !(matches!(
                c.rel(),
                Deprel::Nsubj | Deprel::NsubjPass | Deprel::OblAgent
            ) || crate::tree::has_case(*c, &["by"]))
        })
        .flat_map(clause_tokens)
        .collect();
    tokens.sort_by_key(|t| t.i());
    (kind == EvaluationKind::Negative && holds_disapproving(&tokens)) || holds_phrase(&tokens, kind)
}

/// Whether a token is a word of the words.tsv class `disapproving` (a negative label only).
fn holds_disapproving(tokens: &[Token<'_>]) -> bool {
    tokens.iter().any(|t| {
        is(WordClass::Disapproving, &lemma(*t))
            || is(WordClass::Disapproving, &t.text().to_lowercase())
    })
}

/// Whether the tokens, in text order, hold a phrase of `kind`.
fn holds_phrase(tokens: &[Token<'_>], kind: EvaluationKind) -> bool {
    phrase_start(tokens, kind).is_some()
}

/// The index in `tokens` (in text order) of the word a phrase of `kind` starts at.
fn phrase_start(tokens: &[Token<'_>], kind: EvaluationKind) -> Option<usize> {
    let mut owner = Vec::new();
    let mut words: Vec<(String, String)> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        let text = t.text().to_lowercase();
        if text.len() > 1 && text.contains('-') {
            for p in hyphen_parts(&text) {
                words.push((p.to_string(), p.to_string()));
                owner.push(k);
            }
        } else {
            words.push((lemma(*t).into_owned(), text));
            owner.push(k);
        }
    }
    shipped().found_at(kind, &words).map(|w| owner[w])
}

/// The name a judgement of a frame's `cceval` row stands beside: a proper name that qualifies
/// the word its phrase starts at or a word above it in the reported clause, as a possessor,
/// a compound, an adjective or an "of"/"by" phrase ("the stealth tax strategy of Gordon
/// Brown"), an "in" phrase on trust or its lack ("a lack of trust in Tony Blair"), or that is the subject of a verb above it, the doer of what is judged ("suggested
/// the party could overcome Tory attempts to spread cynicism", "attempts" read as a verb).
/// Whom it judges, where the clause's subject names no one.
pub(crate) fn judged_name<'d>(
    rule: &crate::triggers::TriggerRule,
    verb: Token<'d>,
) -> Option<Token<'d>> {
    let kinds: Vec<EvaluationKind> = rule
        .constraint
        .iter()
        .flat_map(|c| &c.conditions)
        .filter(|c| c.relation == crate::constraint::Relation::CcompEvaluation)
        .flat_map(|c| c.lemmas.iter().filter_map(|k| EvaluationKind::from_name(k)))
        .collect();
    kinds.into_iter().find_map(|kind| {
        reported_clauses(verb).find_map(|(top, predicate)| {
            if own_or_negated(predicate) {
                return None;
            }
            let tokens = clause_tokens(top);
            name_above(tokens[phrase_start(&tokens, kind)?], top)
        })
    })
}

/// The first proper name qualifying `word` or one of the (at most four) words above it, up to
/// `top`.
fn name_above<'d>(word: Token<'d>, top: Token<'d>) -> Option<Token<'d>> {
    let mut at = word;
    for _ in 0..4 {
        let name = at.children().find(|c| {
            let qualifies = matches!(
                c.rel(),
                Deprel::NmodPoss | Deprel::Compound | Deprel::Amod | Deprel::Nsubj
            ) || (c.rel().is_nmod() && crate::tree::has_case(*c, &["of", "by"]))
                || (c.rel().is_nmod() && crate::tree::has_case(*c, &["in"]) && trust(at));
            let named = c.upos() == Upos::Propn || c.xpos().starts_with("NNP");
            qualifies && named && !is(WordClass::CalendarName, &c.text().to_lowercase())
        });
        if name.is_some() || at.i() == top.i() {
            return name;
        }
        at = at.head()?;
    }
    None
}

/// Whether a word is trust (words.tsv `trust_noun`) or a lack of it: whom an "in" phrase on it
/// names is whom the judgement is of ("a lack of trust in Tony Blair").
fn trust(word: Token<'_>) -> bool {
    let is_trust = |t: Token<'_>| is(WordClass::TrustNoun, &lemma(t));
    is_trust(word)
        || word
            .children()
            .any(|c| c.rel().is_nmod() && crate::tree::has_case(c, &["of"]) && is_trust(c))
}

/// A whole sentence of a quotation that judges someone in a phrase of `kind` ("Labour's
/// arrogance has been their undoing."): the word its phrase starts at and the words of the
/// clause under `root` that name whom it judges. None where the clause is negated, is the
/// speaker's own side ("we", "I"), or names no one.
pub(crate) fn quoted_judgement<'d>(
    root: Token<'d>,
    kind: EvaluationKind,
) -> Option<(Token<'d>, Vec<Token<'d>>)> {
    if own_or_negated(root) {
        return None;
    }
    let tokens = clause_tokens(root);
    let targets: Vec<Token<'d>> = tokens
        .iter()
        .copied()
        .filter(|t| names_a_target(*t))
        .collect();
    if targets.is_empty() {
        return None;
    }
    let at = phrase_start(&tokens, kind)?;
    Some((tokens[at], targets))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_loads() {
        let e = load().unwrap();
        assert!(!e.phrases.is_empty());
    }

    #[test]
    fn phrases_match_lemmas_gaps_and_hyphens() {
        let e = Evaluations::parse(
            "e.tsv",
            "kind\tphrase\nnegative\tput ... above\nnegative\tprejudice-based\n",
        )
        .unwrap();
        let words = |s: &str| -> Vec<(String, String)> {
            s.split(' ')
                .map(|w| (w.to_string(), w.to_string()))
                .collect()
        };
        assert!(e.found(
            EvaluationKind::Negative,
            &words("is put trade above rights")
        ));
        assert!(e.found(
            EvaluationKind::Negative,
            &words("put its own interests above")
        ));
        assert!(!e.found(EvaluationKind::Negative, &words("put a b c d e above")));
        assert!(e.found(EvaluationKind::Negative, &words("was prejudice - based")));
    }

    #[test]
    fn bad_files_name_their_line() {
        let e = Evaluations::parse("e.tsv", "kind\tphrase\nneutral\tgood\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "e.tsv:2: the kind is neither negative nor positive"
        );
        let e = Evaluations::parse("e.tsv", "# c\nkind\tphrase\nnegative\tFalse economy\n")
            .unwrap_err();
        assert_eq!(e.line, 3);
        let e = Evaluations::parse("e.tsv", "kind\tphrase\nnegative\t... above\n").unwrap_err();
        assert!(e.reason.contains("gap"), "{e}");
        let e = Evaluations::parse("e.tsv", "kind\tphrase\nnegative\ta b\nnegative\ta b\n")
            .unwrap_err();
        assert_eq!((e.line, e.reason.contains("twice")), (3, true));
        let e = Evaluations::parse("e.tsv", "phrase\n").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
