//! The prefilter: one Aho-Corasick scan per text over the trigger stems of its script, which
//! tells which rule families each sentence calls for (a text with no stem costs only the scan).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// The languages whose texts share one prefilter: a text's script picks its group before
/// the text is read any further, and a smaller automaton scans faster (Latin text never
/// walks the Cyrillic stems' states, nor Cyrillic text the Latin ones).
pub const PREFILTER_GROUPS: &[&[&str]] = &[&["en"], &["ru", "uk"]];

/// An Aho-Corasick scan (leftmost-longest) over the trigger stems of a group of languages,
/// with the rule families each stem calls for.
#[derive(Debug)]
pub struct Prefilter {
    /// The stems, lowercase and capitalised.
    pub ac: AhoCorasick,
    /// The family bits of each pattern of `ac`, by pattern index.
    pub families: Vec<u8>,
}

impl Prefilter {
    /// The automaton of `stems` (stem → its family bits); None when there is none.
    pub fn build(stems: HashMap<String, u8>) -> Result<Option<Prefilter>, String> {
        let mut stems: Vec<(String, u8)> = stems.into_iter().collect();
        if stems.is_empty() {
            return Ok(None);
        }
        stems.sort();
        // The scan reports only the longest stem at each place, not the stems inside it: a
        // stem carries the families of every stem it contains ("fighting" ⊃ "fight").
        let contained: Vec<u8> = stems
            .iter()
            .map(|(s, f)| {
                let low = s.to_lowercase();
                stems
                    .iter()
                    .filter(|(t, _)| low.contains(&t.to_lowercase()))
                    .fold(*f, |acc, (_, g)| acc | g)
            })
            .collect();
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(stems.iter().map(|(s, _)| s))
            .map_err(|e| format!("prefilter: {e}"))?;
        Ok(Some(Prefilter {
            ac,
            families: contained,
        }))
    }

    /// Each stem found in `text`: its start and its family bits, in text order.
    pub fn hits(&self, text: &str) -> Vec<(usize, u8)> {
        self.ac
            .find_iter(text)
            .map(|m| {
                let fam = self.families.get(m.pattern().as_usize()).copied();
                (m.start(), fam.unwrap_or(0))
            })
            .collect()
    }
}
