//! Event ids derived from content: the same reports give the same id whatever order they were
//! ingested in, in whichever database.

/// The id of an event reported by these mentions, each named by its document (id and content
/// hash: text and publication details, [`attache_store::content_hash`]), the byte span of its
/// trigger, its role ("report", "implied:ESP") and what the coder read there (category, mode,
/// actor and recipient codes: one trigger may report two events). FNV-1a 64 over the sorted
/// names, as 16 hex digits: stable across runs, platforms, ingest orders and re-ingests; a
/// changed text or a different merge gives a different id.
pub fn event_id<'a>(mentions: impl IntoIterator<Item = MentionKey<'a>>) -> String {
    let mut keys: Vec<String> = mentions
        .into_iter()
        .map(|m| {
            let [start, end] = m.span;
            let (id, hash, role, reading) = (m.document, m.document_hash, m.role, m.reading);
            format!("{id}\u{1f}{hash}:{start}:{end}:{role}:{reading}")
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for key in &keys {
        for byte in key.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// What names one mention in an [`event_id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionKey<'a> {
    /// The document's id ("bbc/politics/107"): identical texts under two ids are two reports.
    pub document: &'a str,
    pub document_hash: &'a str,
    pub span: [usize; 2],
    pub role: &'a str,
    /// What the coder read: "SANCTION/expel/ITA,ESP>RUS".
    pub reading: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(hash: &'static str, start: usize) -> MentionKey<'static> {
        MentionKey {
            document: "doc",
            document_hash: hash,
            span: [start, start + 8],
            role: "report",
            reading: "SANCTION/expel/ITA>RUS",
        }
    }

    #[test]
    fn the_order_of_mentions_does_not_matter() {
        let a = event_id([key("aa", 10), key("bb", 20)]);
        let b = event_id([key("bb", 20), key("aa", 10)]);
        assert_eq!(a, b);
        assert_eq!(a.len(), 16);
        assert_ne!(a, event_id([key("aa", 10)]));
        assert_ne!(a, event_id([key("aa", 11), key("bb", 20)]));
        let other_document = MentionKey {
            document: "copy",
            ..key("aa", 10)
        };
        assert_ne!(event_id([key("aa", 10)]), event_id([other_document]));
    }
}
