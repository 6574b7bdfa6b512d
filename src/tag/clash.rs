//! Clash mentions: one per sentence, on the first trigger that survives the negatives.
//!
//! A sentence with a sport, drill, cyber, strike-action or animal context has no clash.
//! A trigger inside a negative phrase ("ministers clashed", "heart attack", "trade battle")
//! or inside a ceasefire-only phrase ("cessation of hostilities") is skipped. The location
//! is the capitalised noun phrase after a location preposition following the trigger.

use super::sentence::Sent;

/// A clash mention found in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct RawClash {
    /// Token range of the trigger.
    pub trigger: (usize, usize),
    /// Location, as written.
    pub location: Option<String>,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The clash of a sentence. `ceasefire_only` are token ranges of ceasefire-only triggers.
pub fn find(s: &Sent, ceasefire_only: &[(usize, usize)]) -> Option<RawClash> {
    let lang = s.lang;
    if lang.clash_negative.is_match(s.s()) {
        return None;
    }
    let negs = s.matches(&lang.clash_not);
    let trigger = s.matches(&lang.clash_triggers).into_iter().find(|t| {
        !negs.iter().any(|n| overlaps(*n, *t)) && !ceasefire_only.iter().any(|c| overlaps(*c, *t))
    })?;
    Some(RawClash {
        trigger,
        location: location(s, trigger),
    })
}

/// Whether a sentence has a clash trigger at all (for the ceasefire "since" rule).
pub fn has_trigger(s: &Sent, ceasefire_only: &[(usize, usize)]) -> bool {
    find(s, ceasefire_only).is_some()
}

fn location(s: &Sent, t: (usize, usize)) -> Option<String> {
    let sets = &s.lang.sets;
    let mut k = t.1;
    while k < s.toks.len() && k < t.1 + 8 {
        if sets.location_preps.contains(s.w(k)) {
            let a = k + 1;
            let mut b = a;
            while b < s.toks.len() && b < a + 10 {
                let w = s.w(b);
                if s.is_upper(b)
                    || (b > a && matches!(w, "of" | "the" | "and" | "’s" | "'s"))
                    || (b == a && w == "the")
                {
                    b += 1;
                } else {
                    break;
                }
            }
            while b > a && matches!(s.w(b - 1), "of" | "the" | "and") {
                b -= 1;
            }
            if b > a && (a..b).any(|i| s.is_upper(i)) {
                return Some(s.text_of(a, b).to_string());
            }
        }
        if matches!(s.w(k), "." | ";") {
            break;
        }
        k += 1;
    }
    None
}
