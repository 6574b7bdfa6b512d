//! Sets and maps keyed by the lexicon's words, with a cheap hash. The rules look words up
//! millions of times a run (a number word, a month, a link word for every token), and
//! std's SipHash, made to resist chosen keys, cost some 5% of the tagger's work; the keys
//! here are the lexicon's own words, and the lookups only ask whether a word is there.
//! Nothing iterates these sets, so their order, the one thing a hash changes, shows nowhere.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The multiplier of FxHash (rustc's hash), an odd constant with well spread bits.
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// FxHash: each 8-byte word of the key is mixed in with a rotate, xor and multiply.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in chunks.by_ref() {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of lexicon words hashed with `WordHasher`.
pub type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;

/// A map from lexicon words hashed with `WordHasher`.
pub type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_it_holds_and_nothing_else() {
        let words = [
            "a",
            "and",
            "thousand",
            "тысяч",
            "двадцать",
            "twenty-four",
            "",
        ];
        let set: WordSet = words.iter().map(|w| w.to_string()).collect();
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        for w in ["an", "thousands", "тысяча", "twenty-fou", " "] {
            assert!(!set.contains(w), "{w}");
        }
    }
}
