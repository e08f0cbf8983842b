//! Why nothing was coded in a missed gold event's sentence: was there a trigger word in the
//! gold quote, and does the lexicon know the gold actor anywhere in the sentence?

use super::{MISS_REASONS, Miss};
use attache_coder::TriggerTable;
use attache_lexicon::Lexicon;
use attache_nlp::Doc;

/// The finer classes that replace "no event coded in the sentence".
pub const NOTHING_CODED_REASONS: [&str; 4] = [
    "nothing coded: no trigger fires in the quote, actor not named in the sentence",
    "nothing coded: no trigger fires in the quote, actor named in the sentence",
    "nothing coded: a trigger fires in the quote, actor not named in the sentence",
    "nothing coded: a trigger fires in the quote, actor named in the sentence",
];

/// What the article's analysis says about one gold quote.
pub(crate) struct QuoteFacts {
    /// Trigger words of the quote (their lemmas), as the dictionary reads them in context.
    pub triggers: Vec<String>,
    /// The lexicon finds, in the quote's sentence, a phrase naming the gold actor's country (or
    /// for a gold actor without country, its sector): not necessarily as the actor ("Jack
    /// Straw attacked Britain's highest court" names GBR, though not through Straw).
    pub actor_known: bool,
}

/// Refines `miss` in place when its class is "no event coded in the sentence".
pub(crate) fn refine(miss: &mut Miss, facts: &QuoteFacts) {
    if miss.reason != MISS_REASONS[0] {
        return;
    }
    let index = match (facts.triggers.is_empty(), facts.actor_known) {
        (true, false) => 0,
        (true, true) => 1,
        (false, false) => 2,
        (false, true) => 3,
    };
    miss.reason = NOTHING_CODED_REASONS[index].to_string();
    if !facts.triggers.is_empty() {
        miss.detail = format!("trigger {}", facts.triggers.join(", "));
    }
}

/// The facts of the quote at `offset` (its length `len`) in the analysed article `doc`;
/// `countries`/`sectors` are the gold actor's.
pub(crate) fn quote_facts(
    doc: &Doc,
    triggers: &TriggerTable,
    lexicon: &Lexicon,
    (offset, len): (usize, usize),
    countries: &std::collections::BTreeSet<String>,
    sectors: &std::collections::BTreeSet<String>,
) -> QuoteFacts {
    let quote = offset..offset + len;
    let sentence = doc
        .sentences()
        .find(|s| s.span().start <= offset && offset < s.span().end);
    let Some(sentence) = sentence else {
        return QuoteFacts {
            triggers: vec![],
            actor_known: false,
        };
    };
    let found: Vec<String> = sentence
        .tokens()
        .filter(|t| t.span().start >= quote.start && t.span().end <= quote.end)
        .filter(|t| triggers.rule_for(doc, *t).is_some())
        .map(|t| t.lemma().to_string())
        .collect();
    let names_actor = |code: Option<&String>, sector: Option<&String>| {
        if countries.is_empty() {
            sector.is_some_and(|s| sectors.contains(s))
        } else {
            code.is_some_and(|c| countries.contains(c))
        }
    };
    let actor_known = lexicon.find(sentence.text()).iter().any(|m| {
        m.readings
            .iter()
            .any(|e| names_actor(e.code.as_ref(), e.sector.as_ref()))
    });
    QuoteFacts {
        triggers: found,
        actor_known,
    }
}
