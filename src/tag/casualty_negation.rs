//! Cues a sentence negates or denies: "nobody was hurt" and "no casualties" are negated
//! claims with no figure; a cue a denier governs ("denied reports that 30 soldiers were
//! killed") negates the figure it takes, or alone is a denied loss.

use super::casualty::RawClaim;
use super::casualty_cues::Cue;
use super::sentence::Sent;

/// What the negators and deniers of a sentence do to its cues.
pub struct Negation {
    /// The negators' token ranges (a number inside one is no count).
    pub negs: Vec<(usize, usize)>,
    /// The no-claim phrases' token ranges ("no casualties were reported to us").
    pub no_claims: Vec<(usize, usize)>,
    /// Per cue: settled here, it takes no count.
    pub used: Vec<bool>,
    /// Negated claims with no figure, by the token they start at.
    pub out: Vec<(usize, RawClaim)>,
    /// Cues a denier governs: the figure each takes is negated, else it is a denied loss.
    pub denied: Vec<usize>,
    /// Cues that need a number ("captured") a denier governs: only their figure is negated.
    pub denied_figures: Vec<usize>,
}

/// A negated claim of a cue's category with no figure ("nobody was hurt", "denied any
/// losses").
pub fn denied_loss(c: &Cue) -> RawClaim {
    RawClaim {
        category: c.cat,
        count: None,
        approx: false,
        who: None,
        negated: true,
        cue: (c.a, c.b),
        summary: false,
    }
}

/// "Загиблих немає, поранено двох": true when a clause break between tokens `from` and `to`
/// ends a negator's reach; not when the next clause goes on negating ("ни убитых, ни
/// раненых").
fn clause_break(s: &Sent, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        matches!(s.w(k), "," | ";" | "—" | "–")
            && !matches!(s.w(k + 1), "ни" | "ні" | "ані" | "nor" | "or" | "neither")
    })
}

/// Tokens between a negator that opens a subject and the auxiliary before its verb ("no
/// one on the Afghan side had been hurt", "no Iraqi citizens had been killed").
const SUBJECT_REACH: usize = 8;

/// True when the negator ending at token `nb` opens the subject of the cue at token `a`: the
/// words between are a noun phrase (no number, conjunction or punctuation) and an auxiliary
/// stands right before the cue. The caller checks that no other cue lies between.
fn negates_subject(s: &Sent, nb: usize, a: usize) -> bool {
    let sets = &s.lang.sets;
    nb < a
        && a - nb <= SUBJECT_REACH
        && a > 0
        && sets.aux.contains(s.w(a - 1))
        && (nb..a).all(|k| {
            s.toks.get(k).is_some_and(|t| t.word)
                && !sets.conj.contains(s.w(k))
                && !super::numbers::is_number_word(s.lang, s.w(k))
        })
}

/// The negations of `cues` in `s`. `after_negative`: the sentence before named an accident
/// or disaster, so a negated cue here ("… accidentally fired. Nobody was hurt.") makes no
/// claim either way.
pub fn negated_cues(s: &Sent, cues: &[Cue], after_negative: bool) -> Negation {
    let lang = s.lang;
    // "no fewer than 12 bodies": a negator inside an approximation marker negates nothing.
    // Nor does one that opens a no-claim phrase ("had no information about casualties").
    let markers = s.matches(&lang.approx_before);
    let no_claims = s.matches(&lang.no_claim);
    let negs: Vec<(usize, usize)> = s
        .matches(&lang.negators)
        .into_iter()
        .filter(|&(a, b)| {
            !markers.iter().any(|&(x, y)| x <= a && b <= y)
                && !no_claims.iter().any(|&(x, y)| x <= a && a < y)
        })
        .collect();
    let negs_after = s.matches(&lang.negators_after);
    let deniers = s.matches(&lang.deniers);
    // "Reports that 9 soldiers were killed are fake": a denial after a reported figure. A
    // report its owner makes ("the militants' claims … are baseless") stays the owner's
    // claim, as the labelled sets read it.
    let denied_after = s.matches(&lang.denied_after);
    let reports: Vec<(usize, usize)> = if denied_after.is_empty() {
        Vec::new()
    } else {
        s.matches(&lang.report_nouns)
            .into_iter()
            .filter(|&(ra, _)| ra == 0 || !matches!(s.w(ra - 1), "'" | "’" | "'s" | "’s" | "s"))
            .collect()
    };
    let speech = if deniers.is_empty() {
        Vec::new()
    } else {
        s.matches(&lang.claim_verbs)
    };
    let mut used = vec![false; cues.len()];
    let mut out: Vec<(usize, RawClaim)> = Vec::new();

    // Negated cues. A cue inside a no-claim phrase ("no casualties were reported to us")
    // is neither claimed nor negated.
    // Cues a denier governs: a count they take is a denied figure ("denied reports that 30
    // soldiers were killed" is a negated claim of 30); alone they are a denied loss.
    let mut denied: Vec<usize> = Vec::new();
    let mut denied_figures: Vec<usize> = Vec::new();
    for (ci, c) in cues.iter().enumerate() {
        // "fear of losing their babies", "tried to kill him": no claim, numbered or not.
        if no_claims.iter().any(|n| n.0 <= c.a && c.b <= n.1) {
            used[ci] = true;
            continue;
        }
        let negated = negs.iter().any(|&(_, nb)| {
            nb <= c.a && c.a - nb <= 3 && !clause_break(s, nb, c.a)
                || negates_subject(s, nb, c.a) && !cues.iter().any(|q| q.a >= nb && q.a < c.a)
        }) || negs_after
            .iter()
            .any(|&(na, _)| na >= c.b && na - c.b <= 5 && (c.b..na).all(|k| s.toks[k].word));
        // "denied its fighters were hit and said 23 civilians had been killed": a clause of
        // new speech after the denial ends its reach.
        let new_speech = |from: usize| {
            speech.iter().any(|&(va, _)| {
                va > from
                    && va < c.a
                    && (1..=2).any(|d| va >= d && lang.sets.conj.contains(s.w(va - d)))
            })
        };
        let by_denier = deniers
            .iter()
            .any(|&(_, nb)| nb <= c.a && c.a - nb <= 12 && !new_speech(nb))
            // "the claims spread by the Armenian side that 70 … were killed … are false".
            || reports.iter().any(|&(_, rb)| rb <= c.a && c.a - rb <= 12)
                && denied_after
                    .iter()
                    .any(|&(da, _)| da >= c.b && da - c.b <= 15);
        let before = negated || by_denier;
        // A cue that needs a number ("captured") is denied only with its figure ("denied
        // claims that 40 soldiers were captured"); alone it may be of a town.
        if c.numbered_only {
            if by_denier && !negated {
                denied_figures.push(ci);
            }
            continue;
        }
        if before && after_negative {
            // "… accidentally fired. Nobody was hurt.": no claim either way.
            used[ci] = true;
        } else if by_denier && !negated {
            denied.push(ci);
        } else if before {
            used[ci] = true;
            out.push((c.a, denied_loss(c)));
        }
    }
    Negation {
        negs,
        no_claims,
        used,
        out,
        denied,
        denied_figures,
    }
}
