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

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

pub use deliver::{DeliveryError, deliver_alert};

use crate::config::AlertRule;
use crate::store::StoreError;
use crate::store::queries::{self, MentionRow};

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

fn ts(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
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

fn fts_matches(conn: &Connection, terms: &str, item_id: i64) -> bool {
    conn.query_row(
        "SELECT count(*) FROM items_fts WHERE items_fts MATCH ?1 AND rowid = ?2",
        params![terms, item_id],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
    .unwrap_or_else(|e| {
        tracing::warn!(terms, error = %e, "alert terms are not a valid full-text query");
        false
    })
}

/// Sets the alert watermark to the newest mention if it was never set, so that when alerts
/// are first configured, the mentions already stored do not flood the desk. Called at start,
/// before any poll.
///
/// # Errors
/// A database error.
pub fn init_watermark(conn: &Connection) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value)
         SELECT 'alerts_watermark', CAST(COALESCE(max(id), 0) AS TEXT) FROM mentions",
        [],
    )?;
    Ok(())
}

/// Checks every mention newer than the watermark against the rules and queues an alert for
/// each match, in one transaction with the new watermark. Returns how many alerts were
/// queued.
///
/// # Errors
/// A database error; nothing is queued then.
pub fn queue_alerts(
    conn: &mut Connection,
    rules: &[AlertRule],
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let tx = conn.transaction()?;
    let watermark: i64 = tx
        .query_row(
            "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'alerts_watermark'",
            [],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0);
    let mut labels_of: HashMap<String, BTreeMap<String, String>> = HashMap::new();
    {
        let mut stmt = tx.prepare("SELECT name, labels FROM sources")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))? {
            let (name, labels) = row?;
            labels_of.insert(name, serde_json::from_str(&labels).unwrap_or_default());
        }
    }
    let mut queued = 0;
    let mut last = watermark;
    loop {
        let batch = queries::mentions_after(&tx, last, 500)?;
        let Some(newest) = batch.last().map(|m| m.mention_id) else {
            break;
        };
        for m in &batch {
            let labels = labels_of.get(&m.source).cloned().unwrap_or_default();
            for rule in rules.iter().filter(|r| matches(r, m, &labels)) {
                if rule
                    .terms
                    .as_deref()
                    .is_some_and(|t| !fts_matches(&tx, t, m.item_id))
                {
                    continue;
                }
                let payload = AlertPayload {
                    idempotency_key: idempotency_key(&rule.name, m.mention_id),
                    rule: rule.name.clone(),
                    summary: summary(m),
                    mention: serde_json::to_value(m).unwrap_or_default(),
                };
                let json = serde_json::to_string(&payload).unwrap_or_default();
                queued += tx.execute(
                    "INSERT OR IGNORE INTO alerts (rule, mention_id, idempotency_key, payload, created_at, next_attempt_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                    params![rule.name, m.mention_id, payload.idempotency_key, json, ts(now)],
                )?;
            }
        }
        last = newest;
    }
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('alerts_watermark', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![last.to_string()],
    )?;
    tx.commit()?;
    Ok(queued)
}

/// Alerts due for a delivery attempt, oldest first.
///
/// # Errors
/// A database error.
pub fn due_alerts(
    conn: &Connection,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<PendingAlert>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, rule, payload, attempts FROM alerts
         WHERE delivered_at IS NULL AND sending_at IS NULL AND next_attempt_at <= ?1
         ORDER BY id LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![ts(now), i64::try_from(limit).unwrap_or(100)], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, rule, payload, attempts) = row?;
        if let Ok(payload) = serde_json::from_str(&payload) {
            out.push(PendingAlert {
                id,
                rule,
                payload,
                attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
            });
        }
    }
    Ok(out)
}

/// Records the outcome of a delivery attempt: delivered, or the error and when to retry
/// (`retry_base` doubling per attempt, at most an hour; never given up).
///
/// # Errors
/// A database error.
pub fn record_attempt(
    conn: &Connection,
    id: i64,
    result: Result<(), String>,
    now: DateTime<Utc>,
    retry_base: std::time::Duration,
) -> Result<(), StoreError> {
    match result {
        Ok(()) => conn.execute(
            "UPDATE alerts SET delivered_at = ?2, attempts = attempts + 1, last_error = NULL,
                 sending_at = NULL WHERE id = ?1",
            params![id, ts(now)],
        )?,
        Err(e) => {
            let attempts: i64 =
                conn.query_row("SELECT attempts FROM alerts WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            let base = i64::try_from(retry_base.as_secs()).unwrap_or(30).max(1);
            let wait = (base << attempts.clamp(0, 10)).min(3600);
            conn.execute(
                "UPDATE alerts SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3,
                     sending_at = NULL WHERE id = ?1",
                params![id, e, ts(now + chrono::Duration::seconds(wait))],
            )?
        }
    };
    Ok(())
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

/// Marks an alert as being sent, in its own transaction, before an at-most-once attempt.
///
/// # Errors
/// A database error.
pub fn mark_sending(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE alerts SET sending_at = ?2 WHERE id = ?1",
        params![id, ts(now)],
    )?;
    Ok(())
}

/// Records an attempt whose outcome is unknown under at-most-once delivery: never retried.
///
/// # Errors
/// A database error.
pub fn record_uncertain(conn: &Connection, id: i64, error: &str) -> Result<(), StoreError> {
    conn.execute(
        "UPDATE alerts SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1",
        params![id, format!("not resent (at-most-once): {error}")],
    )?;
    Ok(())
}

/// At start: alerts a crash interrupted mid-send (at-most-once) are recorded as such and
/// never resent. Returns how many.
///
/// # Errors
/// A database error.
pub fn settle_interrupted(conn: &Connection) -> Result<usize, StoreError> {
    Ok(conn.execute(
        "UPDATE alerts SET last_error = 'interrupted while sending; not resent (at-most-once)'
         WHERE delivered_at IS NULL AND sending_at IS NOT NULL
           AND (last_error IS NULL OR last_error NOT LIKE 'not resent%' AND last_error NOT LIKE 'interrupted%')",
        [],
    )?)
}

/// The latest alerts (delivered or not) as an Atom feed, newest first.
///
/// # Errors
/// A database error.
pub fn alerts_atom(
    conn: &Connection,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<String, StoreError> {
    let mut stmt = conn.prepare("SELECT payload FROM alerts ORDER BY id DESC LIMIT ?1")?;
    let payloads: Vec<String> = stmt
        .query_map([i64::try_from(limit).unwrap_or(100)], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut entries = String::new();
    for p in payloads {
        let Ok(payload) = serde_json::from_str::<AlertPayload>(&p) else {
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
    Ok(super::atom::feed(
        "urn:claimwatch:alerts",
        "claimwatch alerts",
        now,
        &entries,
    ))
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
