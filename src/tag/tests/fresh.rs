//! Sentences of our own about conflicts the labelled sets do not cover, labelled per TAGS.md
//! before the tagger saw them. Each case lists what must come out; `SKIP` leaves a field
//! unchecked.

use crate::tag::{MentionDetail, TagContext, tag};

/// A field left unchecked.
pub const SKIP: &str = "?";

/// One labelled passage.
pub struct Case {
    /// The passage.
    pub text: &'static str,
    /// Kinds present, comma-separated in the order ceasefire, clash, casualty ("" = none).
    pub kinds: &'static str,
    /// Claims "category:count" ("killed:17", "wounded:_" for a null count), negated ones
    /// prefixed with "!", comma-separated; SKIP to leave unchecked.
    pub claims: &'static str,
    /// The claimant of every claim ("" = null); SKIP to leave unchecked.
    pub claimant: &'static str,
    /// Ceasefire statuses, comma-separated; SKIP to leave unchecked.
    pub statuses: &'static str,
    /// Location of the first clash ("" = none); SKIP to leave unchecked.
    pub location: &'static str,
    /// Mediator of the first ceasefire ("" = none); SKIP to leave unchecked.
    pub mediator: &'static str,
    /// Parties of the first ceasefire, else of the first clash, joined by " | "; SKIP to
    /// leave unchecked.
    pub parties: &'static str,
}

/// A case with only the kinds checked and no claims expected.
pub const NONE: Case = Case {
    text: "",
    kinds: "",
    claims: "",
    claimant: SKIP,
    statuses: SKIP,
    location: SKIP,
    mediator: SKIP,
    parties: SKIP,
};

/// What the tagger makes of a case, in the shape of the case's fields.
fn observed(c: &Case) -> Vec<(&'static str, String)> {
    let ms = tag(c.text, &TagContext::default());
    let mut kinds: Vec<&str> = Vec::new();
    for k in ["ceasefire", "clash", "casualty"] {
        if ms.iter().any(|m| m.kind().as_str() == k) {
            kinds.push(k);
        }
    }
    let (mut claims, mut claimants, mut statuses) = (Vec::new(), Vec::new(), Vec::new());
    let (mut location, mut mediator) = (None, None);
    let (mut cf_parties, mut cl_parties) = (None, None);
    for m in &ms {
        match &m.detail {
            MentionDetail::Casualty { claims: cs } => {
                for x in cs {
                    let n = x.count.map_or("_".to_string(), |n| n.to_string());
                    let neg = if x.negated { "!" } else { "" };
                    claims.push(format!("{neg}{}:{n}", x.category.as_str()));
                    claimants.push(x.claimant.clone().unwrap_or_default());
                }
            }
            MentionDetail::Clash {
                location: l,
                parties,
            } => {
                location.get_or_insert(l.clone().unwrap_or_default());
                cl_parties.get_or_insert(parties.join(" | "));
            }
            MentionDetail::Ceasefire {
                status,
                mediator: md,
                parties,
            } => {
                statuses.push(status.as_str());
                mediator.get_or_insert(md.clone().unwrap_or_default());
                cf_parties.get_or_insert(parties.join(" | "));
            }
        }
    }
    claimants.dedup();
    vec![
        ("kinds", kinds.join(",")),
        ("claims", claims.join(",")),
        ("claimant", claimants.join(" / ")),
        ("statuses", statuses.join(",")),
        ("location", location.unwrap_or_default()),
        ("mediator", mediator.unwrap_or_default()),
        ("parties", cf_parties.or(cl_parties).unwrap_or_default()),
    ]
}

/// Check every case and report all mismatches at once.
pub fn check_all(cases: &[Case]) {
    let mut bad = Vec::new();
    for c in cases {
        let want = [
            c.kinds, c.claims, c.claimant, c.statuses, c.location, c.mediator, c.parties,
        ];
        for ((field, got), want) in observed(c).into_iter().zip(want) {
            if want != SKIP && got != want {
                bad.push(format!(
                    "{:?}\n  {field}: want {want:?}, got {got:?}",
                    c.text
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}
