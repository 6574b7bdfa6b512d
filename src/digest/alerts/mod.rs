//! Alerts: new mentions matched against the `[[alert]]` rules, queued in an outbox table in
//! the same transaction that advances the watermark, then delivered by webhook, command or
//! email until acknowledged.
//!
//! Delivery is at least once with an idempotency key: an alert is recorded before any
//! attempt, marked delivered only after every channel of its rule acknowledged it, and a
//! retry (after a failure or a crash between sending and recording) carries the same key —
//! the `Idempotency-Key` header, the email's `Message-ID`, the JSON's `idempotency_key` — so
//! the receiver keeps exactly one. Types: [`AlertPayload`], [`PendingAlert`].

mod deliver;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use deliver::{DeliveryError, deliver_alert};

use crate::config::AlertRule;
use crate::store::alerts::{AlertCandidate, AlertSelector, DueAlert};
use crate::store::queries::MentionRow;

/// What every channel receives, as JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AlertPayload {
    /// The same for every attempt of this alert; receivers drop repeats by it.
    pub idempotency_key: String,
    /// The rule that matched.
    pub rule: String,
    /// A one-line summary: "Casualties: 7 killed, 10 wounded — Azerbaijan MoD".
    pub summary: String,
    /// The mention, with its sentence, source, link, time and claims.
    pub mention: serde_json::Value,
}

/// An alert waiting for delivery.
#[derive(Debug, Clone)]
pub struct PendingAlert {
    /// Its row id.
    pub id: i64,
    /// The rule's name.
    pub rule: String,
    /// What is delivered.
    pub payload: AlertPayload,
    /// Attempts so far.
    pub attempts: u32,
}

/// The idempotency key of a (rule, mention) pair: stable across restarts.
pub fn idempotency_key(rule: &str, mention_id: i64) -> String {
    let h = crate::parse::content_hash(&[rule, &mention_id.to_string()]);
    format!("claimwatch-{}-{mention_id}", &h[..16])
}

/// One line saying what the mention is.
pub fn summary(m: &MentionRow) -> String {
    let what = match m.kind.as_str() {
        "ceasefire" => format!(
            "Ceasefire {}",
            m.ceasefire_status.as_deref().unwrap_or("mentioned")
        ),
        "clash" => m
            .location
            .as_ref()
            .map_or_else(|| "Clash".to_owned(), |l| format!("Clash at {l}")),
        _ => {
            let f: Vec<String> = m.claims.iter().map(super::claim_phrase).collect();
            format!("Casualties: {}", f.join(", "))
        }
    };
    format!("{what} — {}", m.source)
}

/// Whether a rule matches a mention (full-text terms are checked by the caller).
pub fn matches(rule: &AlertRule, m: &MentionRow, labels: &BTreeMap<String, String>) -> bool {
    let kind_ok = rule.kinds.is_empty() || rule.kinds.contains(&m.kind);
    let status_ok = rule.statuses.is_empty()
        || m.ceasefire_status
            .as_ref()
            .is_some_and(|s| rule.statuses.contains(s));
    let claims_ok = (rule.categories.is_empty() && rule.min_count.is_none())
        || m.claims.iter().any(|c| {
            !c.negated
                && (rule.categories.is_empty() || rule.categories.contains(&c.category))
                && rule.min_count.is_none_or(|min| {
                    c.count
                        .is_some_and(|n| u64::try_from(n).is_ok_and(|n| n >= min))
                })
        });
    let labels_ok = rule.labels.iter().all(|(k, v)| labels.get(k) == Some(v));
    kind_ok && status_ok && claims_ok && labels_ok
}

/// The selector the store runs over new mentions: every rule that matches a mention asks for
/// an alert with its payload and idempotency key (its full-text terms are checked by the
/// store, against the statement's index).
pub fn selector(rules: Vec<AlertRule>) -> AlertSelector {
    std::sync::Arc::new(move |m: &MentionRow, labels: &BTreeMap<String, String>| {
        rules
            .iter()
            .filter(|r| matches(r, m, labels))
            .map(|rule| {
                let payload = AlertPayload {
                    idempotency_key: idempotency_key(&rule.name, m.mention_id),
                    rule: rule.name.clone(),
                    summary: summary(m),
                    mention: serde_json::to_value(m).unwrap_or_default(),
                };
                AlertCandidate {
                    rule: rule.name.clone(),
                    terms: rule.terms.clone(),
                    idempotency_key: payload.idempotency_key.clone(),
                    payload: serde_json::to_string(&payload).unwrap_or_default(),
                }
            })
            .collect()
    })
}

/// A due alert from the outbox, its payload read back; `None` when the payload does not
/// parse (a row written by hand).
pub fn pending(due: DueAlert) -> Option<PendingAlert> {
    Some(PendingAlert {
        id: due.id,
        rule: due.rule,
        payload: serde_json::from_str(&due.payload).ok()?,
        attempts: due.attempts,
    })
}

/// How alerts are delivered when a send's outcome is unknown (a crash or a timeout after
/// the request went out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Retry until acknowledged; an unknown outcome is resent with the same idempotency key.
    AtLeastOnce,
    /// Never send twice: an unknown outcome is not retried (it is recorded as interrupted);
    /// failures that certainly did not reach the receiver are still retried.
    AtMostOnce,
}

/// The latest alerts (their payloads newest first, as the outbox returns them) as an Atom
/// feed.
pub fn atom(payloads: &[String], now: DateTime<Utc>) -> String {
    let mut entries = String::new();
    for p in payloads {
        let Ok(payload) = serde_json::from_str::<AlertPayload>(p) else {
            continue;
        };
        let Ok(m) = serde_json::from_value::<MentionRow>(payload.mention.clone()) else {
            continue;
        };
        entries.push_str(&super::atom::entry(
            &format!("urn:claimwatch:alert:{}", payload.idempotency_key),
            &m,
            &format!("\n\nRule: {}", payload.rule),
        ));
    }
    super::atom::feed("urn:claimwatch:alerts", "claimwatch alerts", now, &entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::ledger::tests::{claim, mention};

    fn rule() -> AlertRule {
        AlertRule {
            name: "big".into(),
            kinds: vec![],
            statuses: vec![],
            categories: vec![],
            min_count: None,
            labels: BTreeMap::new(),
            terms: None,
            webhook: None,
            command: None,
            email: None,
        }
    }

    #[test]
    fn rules_match_on_kind_status_count_category_and_labels() {
        let mut m = mention(
            "casualty",
            "Armenia MoD",
            Some("Armenia"),
            "2026-11-24T07:10:00Z",
            "…",
        );
        m.claims = vec![
            claim("killed", Some(7), None, "source"),
            claim("wounded", Some(2), None, "source"),
        ];
        let labels: BTreeMap<String, String> = [("party".to_owned(), "Armenia".to_owned())].into();
        assert!(matches(&rule(), &m, &labels));
        assert!(matches(
            &AlertRule {
                min_count: Some(5),
                ..rule()
            },
            &m,
            &labels
        ));
        assert!(!matches(
            &AlertRule {
                min_count: Some(8),
                ..rule()
            },
            &m,
            &labels
        ));
        assert!(!matches(
            &AlertRule {
                min_count: Some(5),
                categories: vec!["wounded".into()],
                ..rule()
            },
            &m,
            &labels
        ));
        assert!(!matches(
            &AlertRule {
                kinds: vec!["ceasefire".into()],
                ..rule()
            },
            &m,
            &labels
        ));
        let other: BTreeMap<String, String> =
            [("party".to_owned(), "Azerbaijan".to_owned())].into();
        assert!(!matches(
            &AlertRule {
                labels: labels.clone(),
                ..rule()
            },
            &m,
            &other
        ));
        let mut cf = mention(
            "ceasefire",
            "Russia MFA",
            Some("Russia"),
            "2026-11-24T19:00:00Z",
            "…",
        );
        cf.ceasefire_status = Some("violated".into());
        assert!(matches(
            &AlertRule {
                statuses: vec!["violated".into()],
                ..rule()
            },
            &cf,
            &labels
        ));
        assert!(!matches(
            &AlertRule {
                statuses: vec!["agreed".into()],
                ..rule()
            },
            &cf,
            &labels
        ));
    }

    #[test]
    fn keys_are_stable_and_distinct() {
        assert_eq!(idempotency_key("a", 1), idempotency_key("a", 1));
        assert_ne!(idempotency_key("a", 1), idempotency_key("b", 1));
        assert_ne!(idempotency_key("a", 1), idempotency_key("a", 2));
    }
}
