//! Clash mentions: one per sentence, on the first trigger that survives the negatives.
//!
//! A sentence with a sport, drill, cyber, strike-action or animal context has no clash, nor
//! one told as history (an anniversary, a film, a war long over), nor one after a drill
//! scenario or a film named earlier in the passage.
//! A trigger inside a negative phrase ("ministers clashed", "heart attack", "trade battle")
//! or inside a ceasefire-only phrase ("cessation of hostilities") is skipped. The location
//! is the capitalised noun phrase after a location preposition following the trigger.
//!
//! Statements in the official register name attacks with predicates that are armed only
//! by their arguments ("our positions came under fire from mortars", "engaged the enemy",
//! "violated the ceasefire 12 times, firing from grenade launchers"): such a predicate is a
//! trigger when an armed force, post or weapon stands near it (see `attack_predicate`).

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
    // The negative phrases are read only when there is a trigger or predicate to test.
    let negs = std::cell::OnceCell::new();
    let free = |t: &(usize, usize)| {
        !negs
            .get_or_init(|| s.matches(&lang.clash_not))
            .iter()
            .any(|n| overlaps(*n, *t))
            && !ceasefire_only.iter().any(|c| overlaps(*c, *t))
    };
    let trigger = s
        .matches(&lang.clash_triggers)
        .into_iter()
        .find(free)
        .or_else(|| attack_predicate(s, &free))?;
    // The sentence and passage contexts are read only once a clash is found (a long page
    // costs one look per clash, not per sentence).
    // Ordinary crime with no armed force named is no clash either (TAGS.md).
    if s.is_match(&lang.clash_negative)
        || told_as_history(s, trigger)
        || lang.clash_passage_negative.is_match(before(s))
        || (s.is_match(&lang.crime) && !s.is_match(&lang.clash_armed))
    {
        return None;
    }
    Some(RawClash {
        trigger,
        location: location(s, trigger),
        parties: parties::find(s, None),
    })
}

/// True when the sentence tells the fighting at `trigger` as history: a film, a book or a
/// war long over anywhere in it, an anniversary in the same clause ("veterans marked the
/// anniversary of the battle" is history; "Russian forces shelled Kherson as the city marked
/// the anniversary of its liberation" is news, the anniversary in a clause of its own).
fn told_as_history(s: &Sent, trigger: (usize, usize)) -> bool {
    let breaks = |from: usize, to: usize| {
        (from..to).any(|k| {
            matches!(s.w(k), ";" | ":" | "—" | "–")
                || (matches!(
                    s.w(k),
                    "," | "as" | "but" | "while" | "whereas" | "separately"
                ) && !(k > 0 && s.w(k - 1) == "such"))
        })
    };
    // A film, a book or a war long over colours the whole sentence; a day of remembrance
    // only its own clause.
    let dated = |a: usize| {
        let w = s.w(a);
        !(w.starts_with("anniversar")
            || w.starts_with("commemorat")
            || w.starts_with("memorial")
            || w == "remembrance")
    };
    s.matches(&s.lang.history).iter().any(|&(a, b)| {
        if dated(a) {
            true
        } else if b <= trigger.0 {
            !breaks(b, trigger.0)
        } else if a >= trigger.1 {
            !breaks(trigger.1, a)
        } else {
            true
        }
    })
}

/// How far back, in bytes, a drill or film context holds for a sentence.
const PASSAGE_BACK: usize = 1500;

/// The text of the passage before the sentence, at most `PASSAGE_BACK` bytes of it.
fn before<'a>(s: &Sent<'a>) -> &'a str {
    let end = s.span.start.min(s.text.len());
    let mut start = end.saturating_sub(PASSAGE_BACK);
    while start < end && !s.text.is_char_boundary(start) {
        start += 1;
    }
    s.text.get(start..end).unwrap_or("")
}

/// Tokens an armed argument may end before its predicate ("enemy units | fired at").
const ARG_BEFORE: usize = 3;
/// Tokens an armed argument may start after its predicate ("engaged the | enemy").
const ARG_AFTER: usize = 7;
/// How far after an instrument predicate a weapon brought in by "using", "from" may be.
const ARG_INTRODUCED: usize = 16;

/// The first attack predicate of the official register with its argument: a predicate of
/// `clash_predicates` with an armed force, post or weapon near it ("our positions came under
/// fire", "engaged the militants"), or one of `clash_instrument_predicates` with a weapon
/// after it ("violated the ceasefire 12 times, using mortars"). `free` rules out predicates
/// inside a negative or ceasefire-only phrase.
fn attack_predicate(s: &Sent, free: &dyn Fn(&(usize, usize)) -> bool) -> Option<(usize, usize)> {
    let lang = s.lang;
    // A possessive qualifies the noun after it ("targeted the army's budget").
    let possessive = |a: &(usize, usize)| {
        let w = s.w(a.1.saturating_sub(1));
        w.ends_with("'s") || w.ends_with("’s")
    };
    let near = |p: (usize, usize), args: &[(usize, usize)], before: usize| {
        args.iter().any(|a| {
            !overlaps(*a, p)
                && !possessive(a)
                && (a.0 >= p.1 && a.0 - p.1 <= ARG_AFTER
                    || before > 0 && a.1 <= p.0 && p.0 - a.1 <= before)
        })
    };
    let mut found: Vec<(usize, usize)> = Vec::new();
    let preds = s.matches(&lang.clash_predicates);
    if !preds.is_empty() {
        let armed = s.matches(&lang.clash_armed);
        found.extend(preds.into_iter().filter(|p| near(*p, &armed, ARG_BEFORE)));
    }
    let tools = s.matches(&lang.clash_instrument_predicates);
    if !tools.is_empty() {
        let weapons = s.matches(&lang.clash_weapons);
        // "37 violations in the past day, with the other side using large-calibre machine
        // guns": a weapon its own clause brings in ("using", "from", "из") may stand further
        // off, within the sentence part that holds the predicate.
        let brought_in = |p: &(usize, usize)| {
            weapons.iter().any(|a| {
                a.0 > p.1
                    && a.0 - p.1 <= ARG_INTRODUCED
                    && lang.sets.weapon_intro.contains(s.w(a.0 - 1))
                    && (p.1..a.0).all(|k| !matches!(s.w(k), ";" | ":" | "." | "—"))
            })
        };
        found.extend(
            tools
                .into_iter()
                .filter(|p| near(*p, &weapons, 0) || brought_in(p)),
        );
    }
    found.sort_unstable();
    found.into_iter().find(|p| free(p))
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
