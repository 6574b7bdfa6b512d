//! Parts of a group counted by a later predicate: "two of the four injured soldiers … died at
//! the hospital", "трое из раненых скончались". The number before "of" counts the later
//! predicate's category.

use super::casualty::Cue;
use super::numbers::Count;
use super::sentence::Sent;

/// How far (in tokens) past the group's cue the predicate may come (names may stand between:
/// "two of the four injured soldiers, Command Sgt. Major Gokhan Agil and …, died").
const PREDICATE_REACH: usize = 20;

/// A count that names a part of a group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Partitive {
    /// Index (in the cue list) of the cue naming the group ("injured").
    pub group: usize,
    /// Index of the cue of the predicate that counts the part ("died").
    pub predicate: usize,
    /// Index (in the count list) of the group's own number ("four"), if it has one.
    pub group_count: Option<usize>,
}

/// The token after "of (the)" that follows count `c` ("three of the hostages" → "hostages"),
/// where the group a part is taken from starts; `None` when no "of" follows.
pub fn group_start(s: &Sent, c: &Count) -> Option<usize> {
    if c.ordinal || !matches!(s.w(c.last), "of" | "из" | "з" | "із") {
        return None;
    }
    let k = c.last + 1;
    Some(if matches!(s.w(k), "the" | "those" | "these") {
        k + 1
    } else {
        k
    })
}

/// The partitive reading of count `c`, if it has one: "of", an optional article, an optional
/// number and a casualty cue, then a cue of another category in the same clause.
pub fn partitive(s: &Sent, c: &Count, cues: &[Cue], counts: &[Count]) -> Option<Partitive> {
    let mut k = group_start(s, c)?;
    let group_count = counts.iter().position(|n| n.first == k && !n.ordinal);
    if let Some(n) = group_count {
        k = counts[n].last;
    }
    let group = cues.iter().position(|q| q.a == k)?;
    let g = &cues[group];
    let mut j = g.b;
    while j < s.toks.len() && j < g.b + PREDICATE_REACH {
        if matches!(s.w(j), "." | ";" | ":" | "?" | "!") && !s.is_cap(j.saturating_sub(1)) {
            return None;
        }
        if counts.iter().any(|n| n.first == j) {
            return None;
        }
        if let Some(p) = cues.iter().position(|q| q.a == j) {
            return (cues[p].cat != g.cat).then_some(Partitive {
                group,
                predicate: p,
                group_count,
            });
        }
        j += 1;
    }
    None
}
