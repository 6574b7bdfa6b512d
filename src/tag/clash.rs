//! Clash mentions: one per sentence, on the first trigger that survives the negatives.
//!
//! A sentence with a sport, drill, cyber, strike-action or animal context has no clash.
//! A trigger inside a negative phrase ("ministers clashed", "heart attack", "trade battle")
//! or inside a ceasefire-only phrase ("cessation of hostilities") is skipped. The location
//! is the capitalised noun phrase after a location preposition following the trigger.

use super::parties;
use super::sentence::Sent;

/// A clash mention found in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct RawClash {
    /// Token range of the trigger.
    pub trigger: (usize, usize),
    /// Location, as written.
    pub location: Option<String>,
    /// The sides, as written.
    pub parties: Vec<String>,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The clash of a sentence. `ceasefire_only` are token ranges of ceasefire-only triggers.
pub fn find(s: &Sent, ceasefire_only: &[(usize, usize)]) -> Option<RawClash> {
    let lang = s.lang;
    let triggers = s.matches(&lang.clash_triggers);
    if triggers.is_empty() || s.is_match(&lang.clash_negative) {
        return None;
    }
    let negs = s.matches(&lang.clash_not);
    let trigger = triggers.into_iter().find(|t| {
        !negs.iter().any(|n| overlaps(*n, *t)) && !ceasefire_only.iter().any(|c| overlaps(*c, *t))
    })?;
    Some(RawClash {
        trigger,
        location: location(s, trigger),
        parties: parties::find(s, None),
    })
}

/// Whether a sentence has a clash trigger at all (for the ceasefire "since" rule).
pub fn has_trigger(s: &Sent, ceasefire_only: &[(usize, usize)]) -> bool {
    find(s, ceasefire_only).is_some()
}

/// The place after a trigger: the capitalised name after a location preposition ("near El
/// Fasher", "along the Line of Control"), with a place noun that closes it ("the Hodeidah
/// region") or opens it ("the city of El Obeid"); not a name that qualifies a force ("at
/// Thai positions") nor a day.
fn location(s: &Sent, t: (usize, usize)) -> Option<String> {
    let sets = &s.lang.sets;
    let mut k = t.1;
    while k < s.toks.len() && k < t.1 + 12 {
        if sets.location_preps.contains(s.w(k)) {
            let a = k + 1;
            let mut b = a;
            if s.w(b) == "the" {
                b += 1;
            }
            // "the city of El Obeid"
            if sets.location_nouns.contains(s.w(b)) && s.w(b + 1) == "of" && s.is_upper(b + 2) {
                b += 2;
            }
            let name_start = b;
            while b < s.toks.len() && b < a + 10 {
                let w = s.w(b);
                if s.is_upper(b)
                    || (b > name_start && matches!(w, "of" | "the" | "and" | "’s" | "'s"))
                {
                    b += 1;
                } else {
                    break;
                }
            }
            while b > name_start && matches!(s.w(b - 1), "of" | "the" | "and") {
                b -= 1;
            }
            let named = b > name_start && (name_start..b).any(|i| s.is_upper(i));
            let day = named && sets.location_not.contains(s.w(name_start));
            if named && !day && !sets.location_not.contains(s.w(b)) {
                if sets.location_nouns.contains(s.w(b)) {
                    b += 1;
                }
                return Some(s.text_of(a, b).to_string());
            }
        }
        // A comma right after the trigger closes its phrase ("the 2001 attacks, Marvin …").
        if matches!(s.w(k), "." | ";") || (k == t.1 && s.w(k) == ",") {
            break;
        }
        k += 1;
    }
    None
}
