//! A place's or a nationality's word written after an honorific is a surname: "Mr Irish",
//! "Mr German", "Dr Jordan" name people, not Ireland, Germany or Jordan. The lexicon, which
//! knows no honorifics, reads them as places; its matches are searched here and such readings
//! dropped before the coder counts a document's countries or resolves an actor.

use attache_lexicon::{EntryKind, LexMatch, Lexicon};

use crate::actors::is_honorific;

/// The lexicon's matches in `text`, less the surnames that read as places or nationalities.
pub(crate) fn find<'l>(lexicon: &'l Lexicon, text: &str) -> Vec<LexMatch<'l>> {
    let mut matches = lexicon.find(text);
    matches.retain(|m| !is_surname(text, m));
    matches
}

/// Whether a one-word place or nationality reading follows an honorific ("Mr Irish").
fn is_surname(text: &str, m: &LexMatch<'_>) -> bool {
    let place_like = is_place_kind(m.entry.kind);
    let one_word = !text[m.start..m.end].contains(char::is_whitespace);
    place_like && one_word && word_before(&text[..m.start]).is_some_and(is_honorific)
}

/// A reading that places a phrase in a country: a country, a nationality, a capital, a city or
/// a region.
pub(crate) fn is_place_kind(kind: EntryKind) -> bool {
    matches!(
        kind,
        EntryKind::Country
            | EntryKind::Demonym
            | EntryKind::Capital
            | EntryKind::City
            | EntryKind::Region
    )
}

/// The word ending just before a single space at the end of `before`: "Mr" of "... Mr ".
fn word_before(before: &str) -> Option<&str> {
    let rest = before.strip_suffix(' ')?;
    let start = rest
        .rfind(|c: char| !(c.is_alphabetic() || c == '.'))
        .map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &rest[start..];
    (!word.is_empty()).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::word_before;

    #[test]
    fn the_word_before_a_name_is_read_back_to_its_start() {
        assert_eq!(word_before("said Mr "), Some("Mr"));
        assert_eq!(word_before("(Dr. "), Some("Dr."));
        assert_eq!(word_before("Mr"), None);
        assert_eq!(word_before("said, "), None);
    }
}
