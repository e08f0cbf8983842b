//! The victims of a casualty participle ("shelled Kharkiv, killing 12 civilians") are of the
//! place the act they follow hit, not of the attacker's state.

use crate::casualty_clauses::reported_before;
use crate::sentence::SentenceCx;
use crate::tree::has_case;
use attache_lexicon::EntryKind;
use attache_nlp::{Deprel, Token};

/// The country of the place the act a casualty participle follows names before it ("shelled
/// Kharkiv, killing 12 civilians", "attacked a village in northern Nigeria, killing 30"): a
/// city, capital or region anywhere in that clause, or a country in its "in" phrase. The
/// victims are of that place, not of the attacker's state.
pub(crate) fn outcome_place(sx: &SentenceCx<'_, '_>, participle: Token<'_>) -> Option<String> {
    let act = outcome_of(participle)?;
    let doc = sx.cx.doc;
    (act.i()..participle.i()).find_map(|i| {
        let t = doc.token(i);
        let sp = t.span();
        let m = sx.lex.covering(sp.start, sp.end)?;
        let place = match m.entry.kind {
            EntryKind::City | EntryKind::Capital | EntryKind::Region => true,
            EntryKind::Country => has_case(t, &["in"]),
            _ => false,
        };
        let code = m.entry.code.as_deref()?;
        let iso = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
        (place && iso).then(|| code.to_string())
    })
}

/// The act a participle of outcome ("..., killing 12") tells the outcome of: the verb it hangs
/// on, or the reported clause before it where it hangs on the verb of saying.
fn outcome_of(participle: Token<'_>) -> Option<Token<'_>> {
    if participle.rel() != Deprel::Advcl || participle.xpos() != "VBG" {
        return None;
    }
    let h = participle.head()?;
    Some(reported_before(h, participle).unwrap_or(h)).filter(|a| a.i() < participle.i())
}
