//! A claim rejected by another speaker: "…, a claim the Kenyan army denied", "The Taliban
//! rejected the claim". TAGS.md makes a figure its issuer calls false a negated claim; the
//! rejection of a claim made before it is the rejecter's negated claim of the same category,
//! with no figure.

use super::casualty::RawClaim;
use super::mention::CasualtyCategory;
use super::sentence::Sent;

/// The negated claim a rejection in `s` makes, if it rejects a claim: the last claim of the
/// sentence before the rejection, else the passage's last claim (`earlier`).
pub fn rejected_claim(
    s: &Sent,
    claims: &[RawClaim],
    earlier: Option<CasualtyCategory>,
) -> Option<RawClaim> {
    let (a, b) = s.matches(&s.lang.rejections).into_iter().next()?;
    let before = claims
        .iter()
        .rev()
        .find(|c| !c.negated && c.cue.1 <= a)
        .map(|c| c.category);
    // A sentence whose own claims come after the rejection rejects something else.
    if before.is_none() && claims.iter().any(|c| c.cue.0 >= b) {
        return None;
    }
    // The rejecter already denies a loss of its own in this sentence.
    if claims.iter().any(|c| c.negated && c.count.is_none()) {
        return None;
    }
    Some(RawClaim {
        category: before.or(earlier)?,
        count: None,
        approx: false,
        who: None,
        negated: true,
        cue: (a, b),
        summary: false,
    })
}

/// The rejecter named inside a rejection at `cue` ("a claim the Kenyan army denied" → "the
/// Kenyan army"): the words between the claim noun and the rejecting verb. None when the
/// rejection opens with its verb ("The Taliban rejected the claim"), whose subject the
/// sentence's speaker rules find.
pub fn rejecter(s: &Sent, cue: (usize, usize)) -> Option<String> {
    let (a, b) = cue;
    let noun = (a..b).find(|&k| matches!(s.w(k), "claim" | "claims"))?;
    let mut from = noun + 1;
    if s.w(from) == "that" {
        from += 1;
    }
    let mut to = b.checked_sub(1)?;
    while to > from && s.lang.sets.aux.contains(s.w(to - 1)) {
        to -= 1;
    }
    (to > from && (from..to).all(|k| s.toks[k].word)).then(|| s.text_of(from, to).to_string())
}
