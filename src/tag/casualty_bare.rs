//! Claims of the cues no count took ("two soldiers were killed" is counted; "the army
//! suffered losses", "a soldier was killed", "Lt. X and Pvt. Y died" are not): a singular
//! or named subject or object counts its people, other cues make unnumbered claims unless
//! the sentence withholds the figure, names a part of people counted already, or counts the
//! same people with a number.

use super::casualty::RawClaim;
use super::casualty_cues::{Cue, in_proper_name, released_in_deal, who_after};
use super::casualty_lists::died_of_wounds_told;
use super::casualty_named::{named_object, named_subject};
use super::casualty_single::{
    coordinated_singulars, singular_object, singular_person_object, singular_subject,
};
use super::mention::CasualtyCategory;
use super::sentence::Sent;

/// Push to `out` the claims of the cues of `cues` that `used` leaves free. `no_claims` are
/// the sentence's phrases that withhold a figure; `after_negative` says the sentence follows
/// one that denied losses.
pub fn bare_cue_claims(
    s: &Sent,
    cues: &[Cue],
    used: &mut [bool],
    no_claims: &[(usize, usize)],
    after_negative: bool,
    out: &mut Vec<(usize, RawClaim)>,
) {
    let lang = s.lang;
    // Bare cues.
    // A no-claim phrase inside a cue ("whereabouts … unknown") does not count.
    let no_claim = no_claims
        .iter()
        .any(|n| !cues.iter().any(|c| c.a <= n.0 && n.1 <= c.b));
    let summaries = s.matches(&lang.summary);
    let numbered: Vec<(usize, CasualtyCategory)> = out
        .iter()
        .filter(|(_, r)| !r.negated)
        .map(|(p, r)| (*p, r.category))
        .collect();
    // A summary noun ("losses", "the death toll") is covered by the numbered claims after it.
    let numbered_after = |k: usize, cat: CasualtyCategory| {
        numbered
            .iter()
            .any(|(p, c)| *p > k && (*c == cat || cat == CasualtyCategory::KilledOrWounded))
    };
    for (ci, c) in cues.iter().enumerate() {
        if used[ci] || after_negative {
            continue;
        }
        // A cue that needs a number ("missing") takes a coordination of singulars as one.
        let mut coordinated = coordinated_singulars(s, c);
        if c.numbered_only {
            // "mourns the loss of a peacekeeper who was killed": the relative clause's own cue
            // counts the person.
            coordinated = coordinated.or_else(|| {
                singular_person_object(s, c, cues).filter(|(_, who)| {
                    let end = c.b + who.as_deref().map_or(0, |w| w.split_whitespace().count());
                    !s.lang.sets.claim_relative.contains(s.w(end))
                })
            });
            if coordinated.is_none() {
                continue;
            }
        }
        if c.singular {
            // "Поранено чоловіка та жінку": persons joined after the cue are counted.
            let (count, who) = singular_person_object(s, c, cues)
                .filter(|(n, _)| *n > 1)
                .unwrap_or((1, None));
            out.push((
                c.a,
                RawClaim {
                    category: c.cat,
                    count: Some(count),
                    approx: false,
                    who,
                    negated: false,
                    cue: (c.a, c.b),
                    summary: false,
                },
            ));
            continue;
        }
        let single = coordinated
            .or_else(|| singular_subject(s, c))
            .or_else(|| singular_object(s, c, cues));
        if let Some((count, who)) = single
            .or_else(|| named_subject(s, c))
            .or_else(|| named_object(s, c))
            .or_else(|| died_of_wounds_told(s, c, out).map(|who| (1, who)))
        {
            // "казнили заложника": a noun cue inside the person named right after the cue is
            // who, no claim (a subject named before the cue covers none of its cues).
            let span = who
                .as_deref()
                .map_or(0, |w| w.split_whitespace().count())
                .min(s.toks.len().saturating_sub(c.b));
            let object = span > 0 && who.as_deref() == Some(s.text_of(c.b, c.b + span));
            for (k, q) in cues.iter().enumerate().skip(ci + 1).filter(|_| object) {
                if q.a >= c.b && q.a < c.b + span && q.cat != c.cat {
                    used[k] = true;
                }
            }
            out.push((
                c.a,
                RawClaim {
                    category: c.cat,
                    count: Some(count),
                    approx: false,
                    who,
                    negated: false,
                    cue: (c.a, c.b),
                    summary: false,
                },
            ));
            continue;
        }
        if no_claim
            || after_negative
            || lang.sets.modified.contains(s.w(c.b))
            || released_in_deal(s, c)
            || in_proper_name(s, c)
        {
            continue;
        }
        // "Среди раненых — 13-летняя девочка", "Among the dead, a child": a part of people
        // counted already, named with no number, is no claim (TAGS.md).
        let before = (0..c.a)
            .rev()
            .find(|&k| !lang.sets.claim_article.contains(s.w(k)));
        if before.is_some_and(|k| lang.sets.subset_openers.contains(s.w(k))) {
            continue;
        }
        // A loss or abduction of things ("потеряли урожай", "викрадення авто") is no claim.
        if s.toks.get(c.b).is_some_and(|t| t.word)
            && lang.not_people.is_exactly(s.text_of(c.b, c.b + 1))
        {
            continue;
        }
        let is_summary = summaries.iter().any(|&(a, b)| a <= c.a && c.b <= b);
        if is_summary && numbered_after(c.a, c.cat) {
            continue;
        }
        // "The dead included four police officers": the count a word or two after the cue
        // is its figure; the cue makes no unnumbered claim beside it.
        if numbered
            .iter()
            .any(|&(p, cat)| p >= c.b && p <= c.b + 2 && cat == c.cat)
        {
            continue;
        }
        // "The victims included an imam": the word that opens a part names no one.
        let who = who_after(s, c.b, cues).filter(|w| {
            !w.is_empty()
                && !lang.not_people.is_match(w)
                && !lang.sets.including.contains(&w.to_lowercase())
        });
        out.push((
            c.a,
            RawClaim {
                category: c.cat,
                count: None,
                approx: true,
                who,
                negated: false,
                cue: (c.a, c.b),
                summary: is_summary,
            },
        ));
    }
}
