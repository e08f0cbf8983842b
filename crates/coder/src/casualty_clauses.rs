//! A participle between a reported clause and its verb of saying: "Russian forces shelled
//! Kharkiv overnight, killing 12 civilians, Ukrainian officials said". Parsers hang the
//! participle on "said", but it tells the outcome of the reported act, so its doer is the
//! reported clause's subject, never the speaker.

use crate::tree::lemma;
use crate::words::{WordClass, is};
use attache_nlp::{Deprel, Token};

/// The reported clause of the verb of saying `saying` (words.tsv `reporting`) that ends before
/// the participle `participle`, which comes before the verb of saying: whose doer the
/// participle shares.
pub(crate) fn reported_before<'d>(saying: Token<'d>, participle: Token<'d>) -> Option<Token<'d>> {
    if !is(WordClass::Reporting, &lemma(saying)) || participle.i() > saying.i() {
        return None;
    }
    // "Israeli jets bombed Khan Younis, killing 14, officials said": the saying may hang on
    // the reported verb as a parenthetical.
    let host = saying
        .head()
        .filter(|h| saying.rel() == Deprel::Parataxis && h.i() < participle.i());
    saying
        .children()
        .filter(|c| c.rel() == Deprel::Ccomp && c.i() < participle.i())
        .last()
        .or(host)
}
