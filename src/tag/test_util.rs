//! Helpers shared by the unit tests of the rule families.

use super::{
    CasualtyCategory, CasualtyClaim, CeasefireStatus, MentionDetail, MentionKind, TagContext, tag,
};

/// A claim flattened for assertions: (category, count, approx, claimant, negated).
pub type Flat = (CasualtyCategory, Option<u64>, bool, Option<String>, bool);

/// All claims of a text, in order, as the tagger makes them.
fn casualty_claims(text: &str) -> impl Iterator<Item = CasualtyClaim> {
    tag(text, &TagContext::default())
        .into_iter()
        .filter_map(|m| match m.detail {
            MentionDetail::Casualty { claims } => Some(claims),
            _ => None,
        })
        .flatten()
}

/// All claims of a text, in order.
pub fn claims(text: &str) -> Vec<Flat> {
    casualty_claims(text)
        .map(|c| (c.category, c.count, c.approx, c.claimant, c.negated))
        .collect()
}

/// The `who` of each claim of a text, in order.
pub fn whos(text: &str) -> Vec<Option<String>> {
    casualty_claims(text).map(|c| c.who).collect()
}

/// (category, count) of the non-negated claims.
pub fn keys(text: &str) -> Vec<(CasualtyCategory, Option<u64>)> {
    claims(text)
        .into_iter()
        .filter(|c| !c.4)
        .map(|c| (c.0, c.1))
        .collect()
}

/// The statuses of a text's ceasefire mentions.
pub fn statuses(text: &str) -> Vec<CeasefireStatus> {
    tag(text, &TagContext::default())
        .into_iter()
        .filter_map(|m| match m.detail {
            MentionDetail::Ceasefire { status, .. } => Some(status),
            _ => None,
        })
        .collect()
}

/// The kinds present in a text, in the order ceasefire, clash, casualty.
pub fn kinds(text: &str) -> Vec<MentionKind> {
    let ms = tag(text, &TagContext::default());
    [
        MentionKind::Ceasefire,
        MentionKind::Clash,
        MentionKind::Casualty,
    ]
    .into_iter()
    .filter(|k| ms.iter().any(|m| m.kind() == *k))
    .collect()
}

/// The claimants of a text's non-negated claims.
pub fn claimants(text: &str) -> Vec<Option<String>> {
    claims(text).into_iter().map(|c| c.3).collect()
}

/// The (count, claimant) of each claim of `text`, in order.
pub fn counts_by(text: &str) -> Vec<(Option<u64>, Option<String>)> {
    claims(text).into_iter().map(|c| (c.1, c.3)).collect()
}
