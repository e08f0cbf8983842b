//! Walking the dependency tree: subtrees, ancestors, dominance, coordination, and the small
//! tests on a token's dependents (its preposition, its subordinator) the coder's passes share.

use crate::words::{WordClass, is};
use attache_nlp::{Deprel, Doc, Token, Upos};

use std::borrow::Cow;

/// The lower-case lemma of a token, falling back to its text when the lemmatizer gave none:
/// the lemmatizer's answer ("talks" -> "talk"). Borrowed when the lemmatizer's answer is already
/// lower case (nearly always): it is looked up for every token.
pub fn lemma<'a>(tok: Token<'a>) -> Cow<'a, str> {
    let lemma = tok.lemma();
    let word = if lemma.is_empty() || lemma == "_" {
        tok.text()
    } else {
        lemma
    };
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
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

/// Whether `anc` dominates `t` in the tree (or is `t`).
pub fn dominates(anc: Token<'_>, t: Token<'_>) -> bool {
    let mut cur = Some(t);
    let mut steps = 0;
    while let Some(c) = cur {
        if c.i() == anc.i() {
            return true;
        }
        steps += 1;
        if steps > 200 {
            return false;
        }
        cur = c.head();
    }
    false
}

/// `t` and the tokens above it, nearest first, at most 200 (a bound against malformed trees).
pub(crate) fn ancestors(t: Token<'_>) -> impl Iterator<Item = Token<'_>> {
    std::iter::successors(Some(t), |x| x.head()).take(200)
}

/// Steps from `t` up to `anc` (large when `anc` is not above `t`).
pub(crate) fn depth_between(anc: Token<'_>, t: Token<'_>) -> usize {
    let mut cur = Some(t);
    let mut n = 0;
    while let Some(c) = cur {
        if c.i() == anc.i() {
            return n;
        }
        n += 1;
        if n > 200 {
            break;
        }
        cur = c.head();
    }
    usize::MAX
}

/// Whether two verbs are conjuncts of one another.
pub(crate) fn coordinated(a: Token<'_>, b: Token<'_>) -> bool {
    let under = |x: Token<'_>, y: Token<'_>| {
        x.rel() == Deprel::Conj && x.head().is_some_and(|h| h.i() == y.i())
    };
    under(a, b) || under(b, a)
}

/// A verb or auxiliary, by its UPOS or its Penn tag.
pub(crate) fn is_verbal(t: Token<'_>) -> bool {
    matches!(t.upos(), Upos::Verb | Upos::Aux) || t.xpos().starts_with("VB")
}

/// Whether `verb` hangs on a noun that is the root of its sentence: a sentence with no verb of
/// its own ("The Azerbaijani parliament threatened ..." parsed with "parliament" as root), so
/// the participle is really the sentence's verb and the noun its subject.
pub(crate) fn heads_verbless_sentence(verb: Token<'_>) -> bool {
    verb.head()
        .is_some_and(|h| h.head().is_none() && matches!(h.upos(), Upos::Noun | Upos::Propn))
}

/// Whether a clause has a subordinator (`mark`).
pub(crate) fn has_mark(v: Token<'_>) -> bool {
    v.children().any(|c| c.rel() == Deprel::Mark)
}

/// Whether a clause has the subordinator `word` ("to", "that", "unless").
pub(crate) fn has_mark_word(v: Token<'_>, word: &str) -> bool {
    v.children()
        .any(|c| c.rel() == Deprel::Mark && c.text().eq_ignore_ascii_case(word))
}

/// Whether a nominal has one of these prepositions as its `case` dependent.
pub fn has_case(tok: Token<'_>, preps: &[&str]) -> bool {
    tok.children()
        .any(|c| c.rel() == Deprel::Case && preps.iter().any(|p| c.text().eq_ignore_ascii_case(p)))
}

/// Whether a nominal has a preposition of `class` as its `case` dependent.
pub fn has_case_in(tok: Token<'_>, class: WordClass) -> bool {
    tok.children()
        .any(|c| c.rel() == Deprel::Case && is(class, &c.text().to_ascii_lowercase()))
}

/// The noun a relative clause modifies, seen from the relative pronoun: the head of its
/// `acl:relcl` clause, or when the parse missed the clause, the noun just before the pronoun
/// ("Moscow, whose troops").
pub(crate) fn relative_antecedent<'a>(doc: &'a Doc, t: Token<'a>) -> Option<Token<'a>> {
    // Up to the verb of the pronoun's own clause; only if that clause modifies a noun is the
    // noun the antecedent.
    let mut cur = t;
    for _ in 0..4 {
        let Some(h) = cur.head() else { break };
        cur = h;
        if matches!(cur.upos(), Upos::Verb | Upos::Aux) || cur.xpos().starts_with("VB") {
            if cur.rel().is_acl() {
                return cur.head();
            }
            break;
        }
    }
    let doc_prev = |k: usize| (k > 0).then(|| doc.token(k - 1));
    let mut k = t.i();
    for _ in 0..2 {
        let prev = doc_prev(k)?;
        if prev.sentence() != t.sentence() {
            return None;
        }
        if matches!(prev.upos(), Upos::Propn | Upos::Noun) {
            return Some(prev);
        }
        k = prev.i();
    }
    None
}

/// Whether "it" is the empty subject of a judgement whose clause follows ("it was fair to
/// criticise", "it is clear that"): it stands for no one, and the clause has no doer.
pub(crate) fn is_expletive(pronoun: Token<'_>, word: &str) -> bool {
    if word != "it" || !pronoun.rel().is_nsubj() {
        return false;
    }
    let Some(judged) = pronoun.head() else {
        return false;
    };
    let copula = judged.children().any(|c| c.rel() == Deprel::Cop);
    copula
        && is(
            WordClass::EmptyJudgement,
            &lemma(judged).to_ascii_lowercase(),
        )
        && judged.children().any(|c| {
            c.i() > judged.i() && matches!(c.rel(), Deprel::Xcomp | Deprel::Ccomp | Deprel::Csubj)
        })
}
