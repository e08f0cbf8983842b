//! FNV-1a 64: the one stable hash of the workspace (stored document hashes, the NLP model's
//! feature keys). Its values must never change: stored hashes and shipped models depend on them.

/// The FNV-1a 64 offset basis: the state before any byte.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Continues an FNV-1a 64 hash in state `hash` over `bytes`.
#[inline]
pub fn fnv1a_extend(mut hash: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// FNV-1a 64 of `bytes`.
#[inline]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_extend(FNV_OFFSET, bytes.iter().copied())
}

/// A [`std::hash::Hasher`] over FNV-1a 64, for in-memory maps keyed by short words, where
/// SipHash's resistance to chosen keys buys nothing (the keys come from the shipped data files)
/// and costs several times as much per lookup.
#[derive(Clone, Copy, Debug)]
pub struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(FNV_OFFSET)
    }
}

impl std::hash::Hasher for FnvHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a_extend(self.0, bytes.iter().copied());
    }
}

/// Builds [`FnvHasher`]s: `HashMap<K, V, FnvBuild>`.
pub type FnvBuild = std::hash::BuildHasherDefault<FnvHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_test_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_hasher_finds_what_a_map_holds() {
        let mut map: std::collections::HashMap<String, u8, FnvBuild> = Default::default();
        map.insert("yesterday".into(), 1);
        map.insert("tomorrow".into(), 2);
        assert_eq!(map.get("tomorrow"), Some(&2));
        assert_eq!(map.get("today"), None);
    }
}
