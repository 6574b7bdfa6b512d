//! How often the tagger can say whose claim about whose people on a labelled set
//! (`claimwatch eval FILE --parties CONFIG`): each passage is tagged as bare text (no source,
//! so no own voice) and its claims resolved against the configured parties.

use std::fmt;

use serde_json::Value;

use super::sides::{Parties, names_side, resolve_mentions};
use super::{MentionDetail, TagContext, tag};

/// Counts over the claims the tagger found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SidesFigures {
    /// Claims found.
    pub claims: usize,
    /// Of them, claims with a `who`.
    pub with_who: usize,
    /// Of those, claims whose `affected_kind` was resolved.
    pub kind_resolved: usize,
    /// Claims whose `who` names a side (a party's name, an own-side or enemy word).
    pub names_side: usize,
    /// Of those, claims whose `affected_party` was resolved.
    pub party_resolved: usize,
    /// Claims whose `who` names a party by name.
    pub named: usize,
    /// Of those, claims resolved to that party.
    pub named_right: usize,
    /// Claims whose `claimant_party` was resolved.
    pub claimant_resolved: usize,
}

/// Tags every passage of `gold` and counts how its claims resolve against `parties`.
pub fn measure(gold: &[Value], parties: &Parties) -> SidesFigures {
    let mut f = SidesFigures::default();
    for g in gold {
        let text = g.get("text").and_then(Value::as_str).unwrap_or("");
        let mut found = tag(text, &TagContext::default());
        resolve_mentions(text, &mut found, None, parties);
        let claims = found.into_iter().filter_map(|m| match m.detail {
            MentionDetail::Casualty { claims } => Some(claims),
            _ => None,
        });
        for c in claims.flatten() {
            f.claims += 1;
            f.claimant_resolved += usize::from(c.claimant_party.is_some());
            let Some(who) = c.who.as_deref().filter(|w| !w.trim().is_empty()) else {
                continue;
            };
            f.with_who += 1;
            f.kind_resolved += usize::from(c.affected_kind.is_some());
            if names_side(who, parties) {
                f.names_side += 1;
                f.party_resolved += usize::from(c.affected_party.is_some());
            }
            if let Some(p) = parties.named_in(who) {
                f.named += 1;
                f.named_right += usize::from(c.affected_party.as_deref() == Some(p));
            }
        }
    }
    f
}

fn share(n: usize, of: usize) -> String {
    if of == 0 {
        "–".to_owned()
    } else {
        format!("{:.3} ({n}/{of})", n as f64 / of as f64)
    }
}

impl fmt::Display for SidesFigures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "sides of {} claims found:", self.claims)?;
        writeln!(
            f,
            "  claimant_party resolved            {}",
            share(self.claimant_resolved, self.claims)
        )?;
        writeln!(
            f,
            "  affected_kind resolved (who given) {}",
            share(self.kind_resolved, self.with_who)
        )?;
        writeln!(
            f,
            "  affected_party resolved (who names a side) {}",
            share(self.party_resolved, self.names_side)
        )?;
        write!(
            f,
            "  affected_party = the party who names {}",
            share(self.named_right, self.named)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::sides::{Conflict, Party};

    #[test]
    fn counts_follow_the_resolution() {
        let parties = Parties::new(
            vec![
                Party {
                    name: "Norland".into(),
                    names: vec!["Norlandian".into()],
                },
                Party {
                    name: "Sudmark".into(),
                    names: vec![],
                },
            ],
            vec![Conflict {
                name: "border".into(),
                parties: vec!["Norland".into(), "Sudmark".into()],
            }],
        );
        let gold: Vec<Value> = [
            "The Norlandian army said 70 Sudmark soldiers were killed.",
            "Three civilians were wounded in the shelling, the governor said.",
        ]
        .iter()
        .map(|t| serde_json::json!({ "text": t }))
        .collect();
        let f = measure(&gold, &parties);
        assert_eq!(f.claims, 2, "{f:?}");
        assert_eq!((f.with_who, f.kind_resolved), (2, 2), "{f:?}");
        assert_eq!((f.named, f.named_right), (1, 1), "{f:?}");
        assert_eq!((f.names_side, f.party_resolved), (1, 1), "{f:?}");
        assert_eq!(f.claimant_resolved, 1, "{f:?}");
        assert!(f.to_string().contains("1.000 (1/1)"), "{f}");
    }
}
