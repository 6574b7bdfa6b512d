//! The predicate that governs a ceasefire trigger.
//!
//! A trigger's status is read from the words that say something about it in its own clause,
//! not from any cue of the sentence:
//! - the predicate before it whose object it is, a modifier of it, or the preposition that
//!   governs it ("broke the ceasefire", "abandon its two-month-old truce", "a fragile
//!   truce", "despite the ceasefire"); for a verbal trigger ("cease hostilities") the verb
//!   that governs it ("called on both sides to cease hostilities");
//! - the predicate after it whose subject it is, past its modifiers, auxiliaries, adverbs and
//!   a relative clause between commas ("the truce, which Qatar brokered, collapsed", "a
//!   ceasefire pact reached between A and B has not stopped the fighting");
//! - the predicate of a pronoun that takes it up later in the sentence ("оно соблюдается");
//! - a proposal noun right after it names a proposal ("the truce proposal", "ceasefire
//!   talks"): `proposed`.
//!
//! An agreed predicate in an infinitive under a word of wish, effort, failure or demand
//! ("the urgency to reach a ceasefire", "потребовала ввести перемирие") is `proposed`.
//! When several predicates govern the trigger, the latest state of a truce's life wins:
//! collapsed, then violated, holding, agreed, proposed ("signed a truce that has held").
//! The clause ends at punctuation other than hyphens, apostrophes and quotes, at a clause
//! word ("but", "while", "after") and at another trigger.

use crate::tag::mention::CeasefireStatus;
use crate::tag::sentence::Sent;
use crate::tag::words::WordSet;

/// A status cue of the sentence: its token range and status.
pub type Cue = ((usize, usize), CeasefireStatus);

/// Words scanned before a nominal trigger for the predicate whose object it is.
const LEFT_WORDS: usize = 5;
/// Words scanned before a verbal trigger for the verb that governs it.
const VERB_LEFT_WORDS: usize = 12;
/// Words scanned after a trigger for the predicate whose subject it is.
const RIGHT_WORDS: usize = 16;
/// Words after a trigger before the relative word that opens a clause about it.
const RELATIVE_WORDS: usize = 4;
/// Words scanned after a pronoun that takes up the trigger.
const PRONOUN_WORDS: usize = 3;
/// Words scanned before an agreed infinitive for a word of wish, effort or demand.
const GOVERNOR_WORDS: usize = 7;

/// Lifecycle rank: later states of a truce outrank earlier ones.
fn rank(st: CeasefireStatus) -> u8 {
    match st {
        CeasefireStatus::Collapsed => 4,
        CeasefireStatus::Violated => 3,
        CeasefireStatus::Holding => 2,
        CeasefireStatus::Agreed => 1,
        CeasefireStatus::Proposed => 0,
    }
}

/// Punctuation that stays inside a clause (hyphens, apostrophes, quotes).
fn soft(w: &str) -> bool {
    matches!(
        w,
        "-" | "'" | "’" | "\"" | "“" | "”" | "«" | "»" | "„" | "‑"
    )
}

/// The cue covering token `k`.
fn cue_at(cues: &[Cue], k: usize) -> Option<&Cue> {
    cues.iter().find(|((a, b), _)| *a <= k && k < *b)
}

/// True when token `k` lies inside a trigger other than `t`.
fn other_trigger(triggers: &[(usize, usize)], t: (usize, usize), k: usize) -> bool {
    triggers
        .iter()
        .any(|&(a, b)| (a, b) != t && a <= k && k < b)
}

/// True when token `k` is a word that ends a clause, alone or with the next word
/// ("but", "provided that").
fn is_break(s: &Sent, k: usize) -> bool {
    let breaks = &s.lang.sets.cf_breaks;
    s.toks.get(k).is_some_and(|t| t.word)
        && (breaks.contains(s.w(k)) || holds_pair(breaks, s.w(k), s.w(k + 1)))
}

/// True when `set` holds the two words `a` and `b` with a space between them; a short pair
/// is put together on the stack, not in a new `String`.
fn holds_pair(set: &WordSet, a: &str, b: &str) -> bool {
    let mut buf = [0u8; 64];
    if let Some(slot) = buf.get_mut(..a.len() + 1 + b.len()) {
        let (head, tail) = slot.split_at_mut(a.len());
        head.copy_from_slice(a.as_bytes());
        if let Some((space, rest)) = tail.split_first_mut() {
            *space = b' ';
            rest.copy_from_slice(b.as_bytes());
        }
        if let Ok(pair) = std::str::from_utf8(slot) {
            return set.contains(pair);
        }
    }
    set.contains(&format!("{a} {b}"))
}

/// True for a Russian or Ukrainian word with an adjective's ending ("энергетическое",
/// "пасхальне"): a modifier of the noun it stands before.
fn cyrillic_adjective(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ое", "ая", "ый", "ий", "ые", "ой", "ее", "яя", "не", "ве", "ке", "те", "ій",
    ];
    w.chars().count() > 4
        && w.chars().all(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
        && ENDINGS.iter().any(|e| w.ends_with(e))
}

/// True when the cue starts with a verbal noun ("закінчення", "termination"): after the
/// trigger it sits in a phrase of its own, not in the trigger's predicate.
fn nominal(s: &Sent, c: (usize, usize)) -> bool {
    let w = s.w(c.0);
    s.lang
        .cf_noun_endings
        .iter()
        .any(|e| w.ends_with(e.as_str()))
}

/// True when the agreed cue `c` is an infinitive under a word of wish, effort, failure or
/// demand ("efforts to reach", "failed to sign", "потребовала ввести").
fn under_irrealis(s: &Sent, c: (usize, usize), cues: &[Cue]) -> bool {
    let sets = &s.lang.sets;
    let first = s.w(c.0);
    let mut k = c.0;
    // An adverb may stand between the mark and the verb ("failed to unanimously declare").
    let adverb = |w: &str| {
        s.lang
            .cf_adverb_endings
            .iter()
            .any(|e| w.len() > e.len() + 2 && w.ends_with(e.as_str()))
    };
    if k > 1 && adverb(s.w(k - 1)) && sets.cf_infinitive.contains(s.w(k - 2)) {
        k -= 2;
    } else if k > 0 && sets.cf_infinitive.contains(s.w(k - 1)) {
        k -= 1;
    } else if !s
        .lang
        .cf_inf_endings
        .iter()
        .any(|e| first.ends_with(e.as_str()))
    {
        return false;
    }
    let mut words = 0;
    while k > 0 && words < GOVERNOR_WORDS {
        k -= 1;
        let Some(tok) = s.toks.get(k) else {
            return false;
        };
        if !tok.word {
            if soft(s.w(k)) {
                continue;
            }
            return false;
        }
        if is_break(s, k) {
            return false;
        }
        if sets.cf_irrealis.contains(s.w(k)) {
            return true;
        }
        if let Some(&(_, st)) = cue_at(cues, k) {
            return st == CeasefireStatus::Proposed;
        }
        words += 1;
    }
    false
}

/// The statuses said of the trigger by the words before it: its modifiers ("a fragile
/// truce", "объявленный Россией режим тишины") and the predicates or prepositions that
/// govern it ("broke", "despite"), up to the first noun or proposal that heads the phrase
/// it sits in: the words before that govern the noun, not the trigger ("despite calls for a
/// truce"). A verbal trigger takes the nearest governing verb only.
/// Each status comes with whether the trigger may still be the subject of a predicate after
/// it (a modifier right before it: "a fragile truce collapsed").
fn left(
    s: &Sent,
    t: (usize, usize),
    cues: &[Cue],
    triggers: &[(usize, usize)],
) -> Vec<(CeasefireStatus, bool)> {
    let verbal = s.lang.sets.cf_verb_heads.contains(s.w(t.0));
    let limit = if verbal { VERB_LEFT_WORDS } else { LEFT_WORDS };
    let mut out = Vec::new();
    let (mut k, mut words) = (t.0, 0);
    while k > 0 && words < limit {
        k -= 1;
        let Some(tok) = s.toks.get(k) else {
            break;
        };
        if !tok.word {
            if soft(s.w(k)) {
                continue;
            }
            break;
        }
        if other_trigger(triggers, t, k) || is_break(s, k) {
            break;
        }
        // A word of wish or effort that governs the trigger itself ("efforts for a truce"):
        // the phrase may still be the subject of a predicate ("an attempt at a truce failed").
        if words > 0 && out.is_empty() && s.lang.sets.cf_irrealis.contains(s.w(k)) {
            out.push((CeasefireStatus::Proposed, true));
            break;
        }
        if let Some(&(c, st)) = cue_at(cues, k) {
            if st == CeasefireStatus::Agreed && under_irrealis(s, c, cues) {
                // The word of wish above governs the infinitive, not the truce.
                out.push((CeasefireStatus::Proposed, false));
                break;
            }
            // A modifier may sit before others of the same noun: "a fragile nine-day
            // ceasefire", "a fragile US-brokered truce".
            let modifiers_between = (c.1..t.0).all(|j| {
                let w = s.text_of(j, j + 1);
                !s.toks[j].word
                    || w.contains('-')
                    || w.contains(|ch: char| ch.is_ascii_digit())
                    || s.is_upper(j)
                    || cyrillic_adjective(w)
            });
            out.push((st, (words == 0 || modifiers_between) && !verbal));
            // A verb or a modifier may have its own governor before it; a noun heads the
            // phrase the trigger sits in ("despite calls for a truce"). So does the end or
            // breach of it: the words before govern that ("announced the end of the truce"
            // is no agreement).
            if verbal || st == CeasefireStatus::Proposed || nominal(s, c) || ends_a_truce(st) {
                break;
            }
            k = c.0;
        }
        // "an immediate and unconditional ceasefire": the conjunction of two modifiers is
        // no word of its own.
        let joins_modifiers = matches!(s.w(k), "and" | "or")
            && k > 0
            && s.toks[k - 1].word
            && cue_at(cues, k - 1).is_none()
            && cue_at(cues, k + 1).is_none();
        if !joins_modifiers {
            words += 1;
        }
    }
    out
}

/// The statuses said by the predicate whose subject ends before token `from`, scanning at
/// most `limit` words; `commas` lets a relative clause between commas be passed. Verbal
/// nouns past the first word are left out ("a truce to mark the end of the war").
/// Returns them and whether a head noun follows right away (then its status alone).
fn right(
    s: &Sent,
    t: (usize, usize),
    from: usize,
    limit: usize,
    commas: bool,
    cues: &[Cue],
    triggers: &[(usize, usize)],
) -> (Vec<CeasefireStatus>, bool) {
    let sets = &s.lang.sets;
    let mut out = Vec::new();
    let (mut k, mut words, mut paren) = (from, 0, false);
    while k < s.toks.len() && words < limit {
        let Some(tok) = s.toks.get(k) else {
            break;
        };
        if !tok.word {
            let w = s.w(k);
            if soft(w) || (!commas && w == ",") {
                k += 1;
                continue;
            }
            if w == "," && commas {
                if paren {
                    paren = false;
                    k += 1;
                    continue;
                }
                // ", which …," or ", brokered by …,": a clause about the trigger, before its
                // predicate.
                let next = k + 1;
                if out.is_empty()
                    && (sets.cf_relatives.contains(s.w(next)) || cue_at(cues, next).is_some())
                {
                    paren = true;
                    k += 1;
                    continue;
                }
            }
            break;
        }
        if other_trigger(triggers, t, k) || is_break(s, k) {
            break;
        }
        if let Some(&(c, st)) = cue_at(cues, k) {
            // A noun right after the trigger is the head it names ("the truce proposal",
            // "ceasefire violations", "the ceasefire announcement").
            if words == 0 && c.0 == from && (st == CeasefireStatus::Proposed || nominal(s, c)) {
                return (vec![st], true);
            }
            // A weak word after the predicate opens an adjunct ("has held despite shelling").
            let adjunct = !out.is_empty() && c.1 - c.0 == 1 && sets.cf_weak.contains(s.w(c.0));
            if (words == 0 || !nominal(s, c)) && !adjunct {
                out.push(st);
            }
            k = c.1;
            words += 1;
            continue;
        }
        words += 1;
        k += 1;
    }
    (out, false)
}

/// The token after a relative word that opens a clause about the trigger within the next
/// few words ("a truce in Gaza that has held"), before any cue or clause end.
fn relative_after(s: &Sent, t: (usize, usize), cues: &[Cue]) -> Option<usize> {
    let mut words = 0;
    for k in t.1..s.toks.len() {
        let tok = s.toks.get(k)?;
        if !tok.word {
            if soft(s.w(k)) || s.w(k) == "," {
                continue;
            }
            return None;
        }
        if s.lang.sets.cf_relatives.contains(s.w(k)) {
            return Some(k + 1);
        }
        if words >= RELATIVE_WORDS || is_break(s, k) || cue_at(cues, k).is_some() {
            return None;
        }
        words += 1;
    }
    None
}

/// The highest-ranked status the predicate after a noun that takes up a ceasefire says of
/// it ("The deal collapsed almost immediately"), if any.
pub fn said_of_anaphor(s: &Sent, noun: (usize, usize), cues: &[Cue]) -> Option<CeasefireStatus> {
    right(s, noun, noun.1, RIGHT_WORDS, true, cues, &[])
        .0
        .into_iter()
        .max_by_key(|st| rank(*st))
}

/// True when status `a` is a later state in a truce's life than `b`.
pub fn later_state(a: CeasefireStatus, b: CeasefireStatus) -> bool {
    rank(a) > rank(b)
}

/// The statuses said of the trigger by a pronoun that takes it up later in the sentence.
fn pronoun(
    s: &Sent,
    t: (usize, usize),
    cues: &[Cue],
    triggers: &[(usize, usize)],
) -> Vec<CeasefireStatus> {
    for k in t.1..s.toks.len() {
        if other_trigger(triggers, t, k) || is_break(s, k) {
            break;
        }
        if s.toks.get(k).is_some_and(|x| x.word) && s.lang.sets.cf_pronouns.contains(s.w(k)) {
            return right(s, t, k + 1, PRONOUN_WORDS, false, cues, triggers).0;
        }
    }
    Vec::new()
}

/// The status of trigger `t` from the predicates that govern it, if any says one, and
/// whether one of them also says it was agreed before that later state ("brokered a
/// ceasefire, which collapsed in June": collapsed, agreed too). `cues` are the sentence's
/// status cues (none inside a trigger), `triggers` all its ceasefire triggers.
pub fn governing(
    s: &Sent,
    t: (usize, usize),
    cues: &[Cue],
    triggers: &[(usize, usize)],
) -> (Option<CeasefireStatus>, bool) {
    let all = governing_all(s, t, cues, triggers);
    let latest = all.iter().copied().max_by_key(|st| rank(*st));
    let agreed_before = latest.is_some_and(ends_a_truce) && all.contains(&CeasefireStatus::Agreed);
    (latest, agreed_before)
}

/// True for the states that end or break a truce once agreed (violated, collapsed).
pub fn ends_a_truce(st: CeasefireStatus) -> bool {
    matches!(st, CeasefireStatus::Violated | CeasefireStatus::Collapsed)
}

/// Every status the predicates governing trigger `t` say of it.
fn governing_all(
    s: &Sent,
    t: (usize, usize),
    cues: &[Cue],
    triggers: &[(usize, usize)],
) -> Vec<CeasefireStatus> {
    let before = left(s, t, cues, triggers);
    let object = before.iter().any(|(_, modifier)| !modifier);
    let mut all: Vec<CeasefireStatus> = before.into_iter().map(|(st, _)| st).collect();
    if !s.lang.sets.cf_verb_heads.contains(s.w(t.0)) {
        // An object is followed by its relative clause only ("signed a truce that has held",
        // "a truce in Gaza, which collapsed"); a subject by its predicate.
        let start = if object {
            relative_after(s, t, cues)
        } else {
            Some(t.1)
        };
        let (after, head) = match start {
            Some(from) => right(s, t, from, RIGHT_WORDS, true, cues, triggers),
            None => right(s, t, t.1, 1, true, cues, triggers),
        };
        if head {
            return after.first().copied().into_iter().collect();
        }
        if start.is_some() {
            all.extend(after);
        }
    }
    all.extend(pronoun(s, t, cues, triggers));
    all
}
