//! A hasher for integer keys that are already well spread (day numbers, story ids, MinHash
//! band keys) and for fixed word lists looked up with a clipping's words: a multiplication
//! per integer or byte instead of SipHash, which showed up in profiles; and the hash of a
//! word in lower case, which copy signatures and the person tagger take of every word.
//! Sets built from a clipping's own strings keep SipHash, which no text can crowd.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Fibonacci hashing of integer keys; byte input is folded in a byte at a time.
#[derive(Default, Clone, Copy)]
pub struct IntHasher(u64);

impl Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// The 64-bit hash (xxh3) of `word` in lower case; a short ASCII word, nearly every
/// word, is lowered on the stack in the same pass that finds it is ASCII.
pub fn lowercase_hash(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut buffer = [0u8; 32];
    if let Some(lower) = buffer.get_mut(..bytes.len()) {
        let mut seen = 0u8;
        for (l, &b) in lower.iter_mut().zip(bytes) {
            seen |= b;
            // ASCII capitals differ from their small letters by one bit.
            *l = b | (u8::from(b.is_ascii_uppercase()) << 5);
        }
        if seen.is_ascii() {
            return xxhash_rust::xxh3::xxh3_64(lower);
        }
    }
    xxhash_rust::xxh3::xxh3_64(word.to_lowercase().as_bytes())
}

/// Builds [`IntHasher`]s.
pub type IntBuild = BuildHasherDefault<IntHasher>;
/// A map keyed by integers.
pub type IntMap<K, V> = HashMap<K, V, IntBuild>;
/// A set of integers.
pub type IntSet<K> = HashSet<K, IntBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_and_sets_behave_like_std() {
        let mut map: IntMap<i64, &str> = IntMap::default();
        map.insert(-3, "a");
        map.insert(20_000, "b");
        assert_eq!(map.get(&-3), Some(&"a"));
        let set: IntSet<u64> = [1, 2, 2, 3].into_iter().collect();
        assert_eq!(set.len(), 3);
    }

    #[test]
    fn lowercase_hashes_are_those_of_the_lower_case_word() {
        let long = "Supercalifragilisticexpialidocious-Über-Alles";
        for word in [
            "",
            "a",
            "Orrick",
            "U.S.",
            "@[`{",
            "ÉCONOMIE",
            "Ocasio-Cortez",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456",
            "straße",
            "İstanbul",
            "ΟΔΥΣΣΕΑΣ",
            long,
        ] {
            let expected = xxhash_rust::xxh3::xxh3_64(word.to_lowercase().as_bytes());
            assert_eq!(lowercase_hash(word), expected, "{word}");
        }
    }
}
