//! A casualty cue's own cause within its sentence: an accident or disaster word near a cue
//! cancels it ("killed in a road accident"), unless an attack word given as the cue's cause
//! stands between them ("26 troops have died in combat, and 28 in non-combat incidents");
//! and a count that names an accident of its own ("and 28 in non-combat incidents") is none.
//! The passage-level cause (`context`) is decided after these.

use super::casualty_cues::Cue;
use super::numbers::Count;
use super::sentence::Sent;

/// How near (in tokens) an accident or disaster word must be to a cue to cancel it.
const NEGATIVE_WINDOW: usize = 10;

/// The cues of `cues` that no accident or disaster word of `negative` (the sentence's
/// matches of the casualty negative list) cancels.
pub fn cues_outside_accidents(s: &Sent, cues: Vec<Cue>, negative: &[(usize, usize)]) -> Vec<Cue> {
    if negative.is_empty() {
        return cues;
    }
    // An attack word given as the cause right by a cue ("in combat", "by shelling"), between
    // it and an accident word, shields the cue (but "attacks by wild animals" names the
    // animals as the attackers, and a warplane that crashed is no cause of war).
    let armed: Vec<(usize, usize)> = s
        .matches(&s.lang.armed_events)
        .into_iter()
        .filter(|&(a, b)| {
            !negative.iter().any(|&(x, y)| x <= a && b <= y)
                && (a..b)
                    .chain(a.checked_sub(1))
                    .any(|k| matches!(s.w(k), "in" | "during" | "by" | "under"))
        })
        .collect();
    let shielded = |c: &Cue, n: &(usize, usize)| {
        armed.iter().any(|&(a, b)| {
            (c.a <= a && b + 2 < n.0 && a <= c.b + 2) || (n.1 + 2 < a && b <= c.b && c.a <= b + 2)
        })
    };
    cues.into_iter()
        .filter(|c| {
            !negative.iter().any(|n| {
                n.0 <= c.b + NEGATIVE_WINDOW && c.a <= n.1 + NEGATIVE_WINDOW && !shielded(c, n)
            })
        })
        .collect()
}

/// True when a count is given a cause of its own that is an accident or disaster: "and 28 in
/// non-combat incidents", "12 from the floods" (the cause right after the count, behind a
/// preposition).
/// `causes` are the sentence's accident, disaster and non-violent matches (`accident_causes`).
pub fn counted_apart(s: &Sent, c: &Count, causes: &[(usize, usize)]) -> bool {
    c.last < s.toks.len()
        && matches!(s.w(c.last), "in" | "from" | "during" | "by")
        && causes.iter().any(|&(a, _)| a > c.last && a <= c.last + 3)
}

/// The sentence's matches of the casualty negative list (`negative`, already found) and of
/// the non-violent causes, for `counted_apart`.
pub fn accident_causes(s: &Sent, negative: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut all = negative.to_vec();
    all.extend(s.matches(&s.lang.nonviolent));
    all
}
