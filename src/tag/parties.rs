//! The sides of a clash or ceasefire, where the sentence names them plainly: "between X and
//! Y", "X and Y agreed …", "X forces … Y positions". Conservative: each side is a short
//! noun phrase with a capitalised word or a force noun, as written; anything else gives none.

use super::sentence::Sent;

/// Nouns that name an armed side on their own ("the army", "government forces").
const FORCE_NOUNS: &[&str] = &[
    "army",
    "armies",
    "forces",
    "troops",
    "rebels",
    "militias",
    "militia",
    "factions",
    "government",
    "militants",
    "fighters",
    "police",
    "military",
    "soldiers",
    "side",
];
/// Nouns that name what a side holds, after its name ("Thai positions").
const HELD_NOUNS: &[&str] = &[
    "positions",
    "targets",
    "posts",
    "bases",
    "outposts",
    "lines",
];

/// True when tokens `[a, b)` make a plausible side: 1–5 words, no digits, with a capital or
/// a force noun.
fn side(s: &Sent, a: usize, b: usize) -> bool {
    b > a
        && b - a <= 5
        && (a..b).all(|k| s.toks[k].word && !s.w(k).starts_with(|c: char| c.is_ascii_digit()))
        && (a..b).any(|k| s.is_upper(k) || FORCE_NOUNS.contains(&s.w(k)))
}

/// The end of a side that starts at `a`: before punctuation, a conjunction, a preposition,
/// a stop word or a past-tense verb.
fn side_end(s: &Sent, a: usize) -> usize {
    let sets = &s.lang.sets;
    let mut b = a;
    while b < s.toks.len() && b < a + 6 {
        let w = s.w(b);
        let stop = !s.toks[b].word
            || sets.conj.contains(w)
            || sets.location_preps.contains(w)
            || (b > a && sets.who_stop.contains(w))
            || (b > a && !s.is_upper(b) && w.ends_with("ed"));
        if stop {
            break;
        }
        b += 1;
    }
    b
}

/// "between the Sudanese army and the RSF".
fn between(s: &Sent) -> Option<Vec<String>> {
    let k = (0..s.toks.len()).find(|&k| s.w(k) == "between")?;
    let x_end = side_end(s, k + 1);
    if !s.lang.sets.conj.contains(s.w(x_end)) || !side(s, k + 1, x_end) {
        return None;
    }
    let y_end = side_end(s, x_end + 1);
    side(s, x_end + 1, y_end).then(|| {
        vec![
            s.text_of(k + 1, x_end).to_string(),
            s.text_of(x_end + 1, y_end).to_string(),
        ]
    })
}

/// "Thailand and Cambodia agreed …": a subject of two sides before the verb at `v`.
fn joint_subject(s: &Sent, v: usize) -> Option<Vec<String>> {
    let mut end = v;
    while end > 0 && s.lang.sets.claim_aux.contains(s.w(end - 1)) {
        end -= 1;
    }
    let and = (0..end).find(|&k| s.lang.sets.conj.contains(s.w(k)))?;
    (side(s, 0, and) && side(s, and + 1, end) && s.is_upper(0)).then(|| {
        vec![
            s.text_of(0, and).to_string(),
            s.text_of(and + 1, end).to_string(),
        ]
    })
}

/// "Cambodian forces fired rockets at Thai positions": the subject's forces and the owner
/// of the positions they hit.
fn forces_positions(s: &Sent) -> Option<Vec<String>> {
    let f = (0..4.min(s.toks.len())).find(|&k| FORCE_NOUNS.contains(&s.w(k)))?;
    if !side(s, 0, f + 1) || !s.is_upper(0) {
        return None;
    }
    let p = (f + 1..s.toks.len()).find(|&k| HELD_NOUNS.contains(&s.w(k)))?;
    let mut a = p;
    while a > f + 1 && s.is_upper(a - 1) {
        a -= 1;
    }
    (a < p && p - f <= 10)
        .then(|| vec![s.text_of(0, f + 1).to_string(), s.text_of(a, p).to_string()])
}

/// The parties of a sentence's clash or ceasefire; `verb` is the token of its main status
/// verb when there is one ("agreed").
pub fn find(s: &Sent, verb: Option<usize>) -> Vec<String> {
    between(s)
        .or_else(|| verb.and_then(|v| joint_subject(s, v)))
        .or_else(|| forces_positions(s))
        .unwrap_or_default()
}
