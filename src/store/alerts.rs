//! The alert outbox in SQLite: the watermark of mentions already checked against the rules,
//! queued alerts with their idempotency keys, and each delivery attempt's outcome. Which
//! mentions match which rules is decided by the caller (`digest::alerts`); this module only
//! reads and writes rows.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;
use super::mentions::{MentionRow, mentions_after};
use super::write::ts;

/// An alert a rule asks for, before it is queued.
#[derive(Debug, Clone)]
pub struct AlertCandidate {
    /// The rule's name.
    pub rule: String,
    /// The rule's full-text terms, checked against the mention's statement when set.
    pub terms: Option<String>,
    /// Stable across restarts and instances: receivers drop repeats by it.
    pub idempotency_key: String,
    /// The JSON delivered.
    pub payload: String,
}

/// Decides, for a new mention and its source's labels, which alerts to queue.
pub type AlertSelector =
    Arc<dyn Fn(&MentionRow, &BTreeMap<String, String>) -> Vec<AlertCandidate> + Send + Sync>;

/// A queued alert due for a delivery attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueAlert {
    /// Its row id.
    pub id: i64,
    /// The rule's name.
    pub rule: String,
    /// The JSON to deliver.
    pub payload: String,
    /// Attempts so far.
    pub attempts: u32,
}

/// How a delivery attempt ended, as the outbox records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttemptOutcome {
    /// Every channel of the rule acknowledged it.
    Delivered,
    /// It failed; retried after `retry_base` doubled per attempt (at most an hour).
    Failed {
        /// The error.
        error: String,
        /// First retry wait.
        retry_base: std::time::Duration,
    },
    /// It may have arrived (at-most-once delivery): never retried.
    Uncertain(String),
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

/// Sets the watermark to the newest mention if it was never set, so that mentions stored
/// before alerts were configured do not flood the desk.
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

/// Offers every mention newer than the watermark to `select` and queues what it returns, in
/// one transaction with the new watermark. Returns how many alerts were queued.
///
/// # Errors
/// A database error; nothing is queued then.
pub fn queue_alerts(
    conn: &mut Connection,
    select: &AlertSelector,
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
        let batch = mentions_after(&tx, last, 500)?;
        let Some(newest) = batch.last().map(|m| m.mention_id) else {
            break;
        };
        for m in &batch {
            let labels = labels_of.get(&m.source).cloned().unwrap_or_default();
            for c in select(m, &labels) {
                if c.terms
                    .as_deref()
                    .is_some_and(|t| !fts_matches(&tx, t, m.item_id))
                {
                    continue;
                }
                queued += tx.execute(
                    "INSERT OR IGNORE INTO alerts (rule, mention_id, idempotency_key, payload, created_at, next_attempt_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                    params![c.rule, m.mention_id, c.idempotency_key, c.payload, ts(now)],
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
) -> Result<Vec<DueAlert>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, rule, payload, attempts FROM alerts
         WHERE delivered_at IS NULL AND sending_at IS NULL AND next_attempt_at <= ?1
         ORDER BY id LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![ts(now), i64::try_from(limit).unwrap_or(100)], |r| {
        Ok(DueAlert {
            id: r.get(0)?,
            rule: r.get(1)?,
            payload: r.get(2)?,
            attempts: u32::try_from(r.get::<_, i64>(3)?).unwrap_or(u32::MAX),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The wait before retry `attempts + 1`: `retry_base` doubled per attempt, at most an hour.
pub(crate) fn retry_wait(retry_base: std::time::Duration, attempts: i64) -> i64 {
    let base = i64::try_from(retry_base.as_secs()).unwrap_or(30).max(1);
    (base << attempts.clamp(0, 10)).min(3600)
}

/// Records the outcome of a delivery attempt.
///
/// # Errors
/// A database error.
pub fn record_attempt(
    conn: &Connection,
    id: i64,
    outcome: &AttemptOutcome,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    match outcome {
        AttemptOutcome::Delivered => conn.execute(
            "UPDATE alerts SET delivered_at = ?2, attempts = attempts + 1, last_error = NULL,
                 sending_at = NULL WHERE id = ?1",
            params![id, ts(now)],
        )?,
        AttemptOutcome::Failed { error, retry_base } => {
            let attempts: i64 =
                conn.query_row("SELECT attempts FROM alerts WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
            let wait = retry_wait(*retry_base, attempts);
            conn.execute(
                "UPDATE alerts SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3,
                     sending_at = NULL WHERE id = ?1",
                params![id, error, ts(now + chrono::Duration::seconds(wait))],
            )?
        }
        AttemptOutcome::Uncertain(error) => conn.execute(
            "UPDATE alerts SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1",
            params![id, format!("not resent (at-most-once): {error}")],
        )?,
    };
    Ok(())
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

/// The payloads of the latest alerts (delivered or not), newest first.
///
/// # Errors
/// A database error.
pub fn recent_payloads(conn: &Connection, limit: usize) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare("SELECT payload FROM alerts ORDER BY id DESC LIMIT ?1")?;
    let rows = stmt.query_map([i64::try_from(limit).unwrap_or(100)], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
