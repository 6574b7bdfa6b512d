//! How counts of one sentence relate to each other and to the cues around them: items of a
//! list after a verb, a subset that belongs to the count before it, a speaker set off by
//! commas inside a count's clause, and a noun cue that names the people a predicate counts.

use super::casualty::{RawClaim, is_plural_word};
use super::casualty_cues::Cue;
use super::mention::CasualtyCategory;
use super::numbers::Count;
use super::sentence::Sent;

fn cue_at_start(cues: &[Cue], k: usize) -> Option<usize> {
    cues.iter().position(|c| c.a == k)
}

fn count_at(counts: &[Count], k: usize) -> Option<usize> {
    counts.iter().position(|c| c.first == k)
}

/// "three policemen, one soldier and two civilians": true when the count `ni`, after a comma,
/// is an item of a list that goes on, over commas, to a conjunction before a count or a single
/// "a …" ("four fighters, two commanders and a driver"). Between the items there are only the
/// words of a noun phrase: no auxiliary, cue or participle ("millions remain displaced, tens
/// of thousands …" is two clauses).
pub fn is_list_item(s: &Sent, counts: &[Count], cues: &[Cue], ni: usize) -> bool {
    let sets = &s.lang.sets;
    let phrase_word = |k: usize| {
        let w = s.w(k);
        s.toks[k].word
            && !sets.aux.contains(w)
            && cue_at_start(cues, k).is_none()
            && !(w.len() > 4 && w.ends_with("ed"))
    };
    let closes = |k: usize| {
        sets.conj.contains(s.w(k))
            && k + 1 < s.toks.len()
            && (count_at(counts, k + 1).is_some() || matches!(s.w(k + 1), "a" | "an" | "one"))
    };
    let mut from = counts[ni].last;
    loop {
        let mut next_item = None;
        for k in from..(from + 5).min(s.toks.len()) {
            if closes(k) {
                return true;
            }
            if s.w(k) == "," {
                next_item = count_at(counts, k + 1);
            }
            if next_item.is_some() || !phrase_word(k) {
                break;
            }
        }
        match next_item {
            Some(next) => from = counts[next].last,
            None => return false,
        }
    }
}

/// "35 were killed, among them 12 children, and 60 injured": true when the count `ni` follows
/// "including" or "among them" right after a count that had its cue in the first pass
/// (`pass_one`), so it belongs to that count, not to a later clause. Before a shared cue the
/// subset joins it ("44 insurgents including 3 commanders and 4 affiliates killed").
pub fn subset_of_previous(
    s: &Sent,
    counts: &[Count],
    pass_one: &[Option<usize>],
    ni: usize,
) -> bool {
    ni > 0
        && pass_one[ni - 1].is_some()
        && (1..=4).any(|d| {
            counts[ni]
                .first
                .checked_sub(d)
                .is_some_and(|k| k >= counts[ni - 1].last && s.lang.sets.including.contains(s.w(k)))
        })
}

/// "Six peacekeepers, the UN mission in the Central African Republic said, were wounded": the
/// closing comma of a speaker set off by commas at token `k`, so that the search for a
/// count's cue skips it. `speech` are the sentence's speech verbs.
pub fn speaker_aside(
    s: &Sent,
    k: usize,
    counts: &[Count],
    cues: &[Cue],
    speech: &[(usize, usize)],
) -> Option<usize> {
    if s.w(k) != "," {
        return None;
    }
    let close = (k + 2..(k + 16).min(s.toks.len())).find(|&j| s.w(j) == ",")?;
    let spoken = speech.iter().any(|&(a, b)| a < close && close - 1 < b);
    let plain = (k + 1..close).all(|j| {
        s.toks[j].word && count_at(counts, j).is_none() && cue_at_start(cues, j).is_none()
    });
    (spoken && plain).then_some(close)
}

/// "two hostages were killed": when the cue `ci` right after a count is a plural noun, the
/// cue of another category after its auxiliaries says what befell the people it names.
pub fn predicate_after_noun(s: &Sent, cues: &[Cue], ci: usize) -> Option<usize> {
    if !is_plural_word(s, cues[ci].a) {
        return None;
    }
    let mut j = cues[ci].b;
    while j < s.toks.len() && s.lang.sets.aux.contains(s.w(j)) {
        j += 1;
    }
    // "26 hostages died", "five prisoners killed": a past verb needs no auxiliary.
    let past_verb = s.lang.code == "en" && (s.w(j) == "died" || s.w(j).ends_with("ed"));
    if j == cues[ci].b && !past_verb {
        return None;
    }
    cue_at_start(cues, j).filter(|&p| cues[p].cat != cues[ci].cat)
}

/// True when the cue word at `k`, right after a count, is a noun that names people: a plural
/// in English; in Russian and Ukrainian, whose numerals govern the noun's case ("12
/// заручників", "двух заложников"), any word but a finite verb or short participle ("5
/// погибли", "12 ранены").
fn names_people(s: &Sent, k: usize) -> bool {
    if s.lang.code == "en" {
        return is_plural_word(s, k);
    }
    let w = s.w(k);
    ![
        "ли", "ла", "ло", "л", "ны", "на", "но", "н", "ні", "не", "ти", "ть",
    ]
    .iter()
    .any(|e| w.ends_with(e))
}

/// "the bodies of seven hostages", "two hostages were killed": per count, the plural noun cue
/// right after it when the count took another cue (`cat`, indices into `cues`); the noun names
/// the people counted and makes no claim of its own.
pub fn head_nouns(
    s: &Sent,
    counts: &[Count],
    cues: &[Cue],
    cat: &[Option<usize>],
) -> Vec<Option<usize>> {
    counts
        .iter()
        .zip(cat)
        .map(|(c, ci)| {
            let ci = (*ci)?;
            let q = cue_at_start(cues, c.last)?;
            let other_side = cues[ci].b <= c.first || cues[ci].a > c.last;
            (other_side && q != ci && cues[q].cat != cues[ci].cat && names_people(s, cues[q].a))
                .then_some(q)
        })
        .collect()
}

/// Pass 2 of the count rules: a count blocked by the next count before it found a cue takes
/// that count's cue when they are joined ("1,429 civilians and 30,000 …") or when it is a
/// part told before the whole it is among; a subset after "including" belongs to the count
/// before it instead (see `subset_of_previous`).
pub fn join_blocked(
    s: &Sent,
    counts: &[Count],
    cues: &[Cue],
    cat: &mut [Option<usize>],
    blocked_by: &[Option<usize>],
) {
    let lang = s.lang;
    let pass_one = cat.to_vec();
    for ni in (0..counts.len()).rev() {
        if cat[ni].is_none()
            && !subset_of_previous(s, counts, &pass_one, ni)
            && let Some(o) = blocked_by[ni]
        {
            let joined = (counts[ni].last..counts[o].first).all(|k| {
                let w = s.w(k);
                let glue =
                    w == "," || lang.sets.conj.contains(w) || lang.sets.including.contains(w);
                // "23 fighters from Turkish-backed factions and 11 SDF members were killed":
                // a phrase of origin or place inside the noun phrase.
                let inner = matches!(w, "from" | "of" | "the" | "a" | "an" | "in" | "at" | "near");
                glue || (s.toks[k].word
                    && !cues.iter().any(|c| c.a == k)
                    && (inner || !lang.sets.who_stop.contains(w)))
            }) && (counts[ni].last..counts[o].first).any(|k| {
                let w = s.w(k);
                w == "," || lang.sets.conj.contains(w) || lang.sets.including.contains(w)
            });
            // "Three Lebanese soldiers were among 23 people killed": a part told before the
            // whole it is among.
            let opener = counts[o]
                .first
                .saturating_sub(match s.w(counts[o].first - 1) {
                    "the" => 2,
                    _ => 1,
                });
            let among = opener >= counts[ni].last
                && lang.sets.subset_openers.contains(s.w(opener))
                && (counts[ni].last..opener)
                    .all(|k| s.toks[k].word && !cues.iter().any(|c| c.a == k));
            // "including five children and two women, and 98 injured": a breakdown ends at
            // a comma before a conjunction; the count after it is no member of it (a comma
            // alone parts its members: "в том числе 5 детей, 3 женщины и 2 пенсионера").
            let first = counts[ni].first;
            let breakdown = (1..=4.min(first)).any(|d| {
                lang.sets.including.contains(s.w(first - d))
                    && (first - d..first).all(|k| s.toks[k].word)
            }) && (counts[ni].last..counts[o].first)
                .any(|k| s.w(k) == "," && lang.sets.conj.contains(s.w(k + 1)));
            if (joined || among) && !breakdown {
                cat[ni] = cat[o];
            }
        }
    }
}

/// "lost 1 fighter and 2 sustained injuries": a numbered loss named beside the wounded is
/// the dead.
pub fn losses_beside_wounded(claims: &mut [RawClaim], cues: &[Cue]) {
    if !claims
        .iter()
        .any(|c| c.category == CasualtyCategory::Wounded)
    {
        return;
    }
    for c in claims {
        let numbered_loss = cues.iter().any(|q| {
            q.numbered_only && q.a == c.cue.0 && q.cat == CasualtyCategory::KilledOrWounded
        });
        if numbered_loss && c.category == CasualtyCategory::KilledOrWounded {
            c.category = CasualtyCategory::Killed;
        }
    }
}

/// True for a quotation mark standing alone as a token.
pub fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "'" | "“" | "”" | "‘" | "’" | "«" | "»" | "„")
}

/// "One soldier was critically injured in the ambush and later succumbed to his injuries":
/// a verb of dying joined to the predicate of one wounded person says that person died.
/// Returns the wounded claim's people when cue `c` is such a verb and `earlier` (the
/// sentence's claims so far, by token) holds one wounded person before it.
pub fn died_of_wounds_told(
    s: &Sent,
    c: &Cue,
    earlier: &[(usize, RawClaim)],
) -> Option<Option<String>> {
    if c.cat != CasualtyCategory::Killed || !matches!(s.w(c.a), "died" | "succumbed") {
        return None;
    }
    let mut k = c.a;
    if k > 0 && matches!(s.w(k - 1), "later" | "subsequently" | "eventually" | "then") {
        k -= 1;
    }
    if k == 0 || s.w(k - 1) != "and" {
        return None;
    }
    earlier
        .iter()
        .rev()
        .find(|(p, r)| {
            *p < c.a && r.category == CasualtyCategory::Wounded && r.count == Some(1) && !r.negated
        })
        .map(|(_, r)| r.who.clone())
}
