//! Titles and names around a speaker: "Ibrahim Khatir, Director General of the Health
//! Ministry, said" (the name before the title speaks), "Haiti's national police chief,
//! Frantz Elbé, told reporters" (the title before the name is its appositive), and the
//! counts that tell a report from its speaker.

use super::claimant::{back_to_boundary, is_boundary, title_abbreviation};
use super::claimant_shape::{plain_speaker, trim};
use super::sentence::Sent;

/// Most words of a person's name that stands before its title.
const PERSON_NAME_WORDS: usize = 4;

/// True when token `j` is a cardinal number ("12", "1,200", "twelve").
pub(super) fn is_cardinal(s: &Sent, j: usize) -> bool {
    let w = s.w(j);
    let digits = !w.is_empty()
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    digits && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || s.lang.data.numbers.words.contains_key(w)
}

/// The person's name that opens the sentence or a clause right before the appositive at `x`
/// ("Ibrahim Khatir, Director General …"): two to four capitalised words after a boundary.
pub(super) fn name_before_title(s: &Sent, x: usize) -> Option<(usize, usize)> {
    if x < 2 || s.w(x - 1) != "," {
        return None;
    }
    let end = x - 1;
    let mut a = end;
    let mut words = 0;
    while a > 0 && words < PERSON_NAME_WORDS {
        // "Police Col. Rommel Ochave": a title abbreviation keeps its dot.
        if s.w(a - 1) == "." && a > 1 && title_abbreviation(s.w(a - 2)) && s.is_cap(a - 2) {
            a -= 2;
        } else if s.toks[a - 1].word && s.is_cap(a - 1) {
            a -= 1;
        } else {
            break;
        }
        words += 1;
    }
    let opens = a == 0 || is_boundary(s.w(a - 1));
    let sets = &s.lang.sets;
    // "In Gaza City, Health Minister …", "On Monday, …": a place or time is no name.
    let plain = (a..end).all(|k| {
        let w = s.w(k);
        !sets.claim_article.contains(w)
            && !sets.conj.contains(w)
            && !sets.claim_stop.contains(w)
            && !sets.claim_not_name.contains(w)
            && !sets.claim_bad_start.contains(w)
    });
    (opens && plain && end - a >= 2).then_some((a, end))
}

/// The first token of a speaker's title that opens the sentence or a clause right before the
/// name at `x` ("Haiti's national police chief, Frantz Elbé"): a phrase with a speaker's noun
/// and no clause, count or name of its own that would make it the speaker alone.
pub(super) fn title_before_name(s: &Sent, x: usize) -> Option<usize> {
    if x < 2 || s.w(x - 1) != "," {
        return None;
    }
    let (p, q) = back_to_boundary(s, x - 1).and_then(|(p, q)| trim(s, p, q))?;
    let opens = p == 0 || is_boundary(s.w(p - 1));
    let speaker_noun = s
        .matches(&s.lang.claim_speakers)
        .iter()
        .any(|&(a, b)| p <= a && b <= q);
    let counted = (p..q).any(|j| is_cardinal(s, j));
    (q + 1 == x && opens && speaker_noun && !counted && plain_speaker(s, p, q)).then_some(p)
}
