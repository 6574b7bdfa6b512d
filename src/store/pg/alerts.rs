//! The alert outbox in PostgreSQL, shared by instances: queueing is serialised by a lock on
//! the watermark row, and each instance claims the alerts it attempts (`FOR UPDATE SKIP
//! LOCKED`, with an expiry) so one alert is attempted by one instance at a time, with the same
//! idempotency key whichever instance retries it.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

use super::super::StoreError;
use super::super::alerts::{AlertSelector, AttemptOutcome, DueAlert, retry_wait};
use super::super::write::ts;

type Client = deadpool_postgres::Object;

/// The advisory lock that orders writers of mentions against the alert queue. A mention's
/// id is drawn when its transaction writes it, not when it commits, so a queue run that saw
/// id 20 committed while id 11 was still in flight would move the watermark past 11 and never
/// alert on it. Writers hold the lock shared for their whole transaction (they never wait for
/// each other); the queue holds it alone, so it runs between writers' commits and every id
/// it has not seen is drawn after it.
const MENTION_WRITERS_LOCK: i64 = 0x636c_6169_6d77;

/// Takes the writers' share of [`MENTION_WRITERS_LOCK`] for the rest of `tx`; call it before
/// the transaction writes its first mention.
pub(crate) async fn hold_writer_share(
    tx: &deadpool_postgres::Transaction<'_>,
) -> Result<(), StoreError> {
    tx.execute(
        "SELECT pg_advisory_xact_lock_shared($1)::text",
        &[&MENTION_WRITERS_LOCK],
    )
    .await?;
    Ok(())
}

/// Sets the watermark to the newest mention if it was never set.
pub(crate) async fn init_watermark(client: &Client) -> Result<(), StoreError> {
    client
        .execute(
            "INSERT INTO meta (key, value)
             SELECT 'alerts_watermark', COALESCE(max(id), 0)::text FROM mentions
             ON CONFLICT (key) DO NOTHING",
            &[],
        )
        .await?;
    Ok(())
}

/// Offers every mention newer than the watermark to `select` and queues what it returns, in
/// one transaction with the new watermark (locked, so instances take turns).
pub(crate) async fn queue_alerts(
    client: &mut Client,
    select: &AlertSelector,
    now: DateTime<Utc>,
) -> Result<usize, StoreError> {
    let tx = client.transaction().await?;
    tx.execute(
        "SELECT pg_advisory_xact_lock($1)::text",
        &[&MENTION_WRITERS_LOCK],
    )
    .await?;
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('alerts_watermark', '0') ON CONFLICT (key) DO NOTHING",
        &[],
    )
    .await?;
    let watermark: i64 = tx
        .query_one(
            "SELECT value FROM meta WHERE key = 'alerts_watermark' FOR UPDATE",
            &[],
        )
        .await?
        .get::<_, String>(0)
        .parse()
        .unwrap_or(0);
    let labels_of: HashMap<String, BTreeMap<String, String>> = tx
        .query("SELECT name, labels FROM sources", &[])
        .await?
        .iter()
        .map(|r| {
            let labels: String = r.get(1);
            (r.get(0), serde_json::from_str(&labels).unwrap_or_default())
        })
        .collect();
    let mut queued = 0;
    let mut last = watermark;
    loop {
        let batch = super::read::mentions_after(&tx, last, 500).await?;
        let Some(newest) = batch.last().map(|m| m.mention_id) else {
            break;
        };
        for m in &batch {
            let labels = labels_of.get(&m.source).cloned().unwrap_or_default();
            for c in select(m, &labels) {
                if let Some(terms) = &c.terms {
                    // The item's language picks the configuration, as its index does.
                    let hit = tx
                        .query_opt(
                            "SELECT 1 FROM items WHERE id = $1 AND search @@ websearch_to_tsquery(
                                 CASE language WHEN 'en' THEN 'english'::regconfig
                                               WHEN 'ru' THEN 'russian'::regconfig
                                               ELSE 'simple'::regconfig END, $2)",
                            &[&m.item_id, terms],
                        )
                        .await?;
                    if hit.is_none() {
                        continue;
                    }
                }
                queued += tx
                    .execute(
                        "INSERT INTO alerts (rule, mention_id, idempotency_key, payload, created_at, next_attempt_at)
                         VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT DO NOTHING",
                        &[&c.rule, &m.mention_id, &c.idempotency_key, &c.payload, &ts(now)],
                    )
                    .await?;
            }
        }
        last = newest;
    }
    tx.execute(
        "UPDATE meta SET value = $1 WHERE key = 'alerts_watermark'",
        &[&last.to_string()],
    )
    .await?;
    tx.commit().await?;
    Ok(usize::try_from(queued).unwrap_or(usize::MAX))
}

/// Claims up to `limit` due alerts for `instance` for `claim_secs` and returns them, oldest
/// first. Alerts another live instance is attempting are skipped.
pub(crate) async fn claim_due(
    client: &Client,
    now: DateTime<Utc>,
    limit: usize,
    instance: &str,
    claim_secs: u64,
) -> Result<Vec<DueAlert>, StoreError> {
    let secs = f64::from(u32::try_from(claim_secs).unwrap_or(u32::MAX));
    let rows = client
        .query(
            "UPDATE alerts SET claimed_by = $3, claimed_until = now() + make_interval(secs => $4)
             WHERE id IN (SELECT id FROM alerts
                          WHERE delivered_at IS NULL AND sending_at IS NULL
                            AND next_attempt_at <= $1
                            AND (claimed_until IS NULL OR claimed_until < now())
                          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
             RETURNING id, rule, payload, attempts",
            &[
                &ts(now),
                &i64::try_from(limit).unwrap_or(100),
                &instance,
                &secs,
            ],
        )
        .await?;
    let mut due: Vec<DueAlert> = rows
        .iter()
        .map(|r| DueAlert {
            id: r.get(0),
            rule: r.get(1),
            payload: r.get(2),
            attempts: u32::try_from(r.get::<_, i64>(3)).unwrap_or(u32::MAX),
        })
        .collect();
    due.sort_by_key(|a| a.id);
    Ok(due)
}

/// Records the outcome of a delivery attempt and drops the claim.
pub(crate) async fn record_attempt(
    client: &Client,
    id: i64,
    outcome: &AttemptOutcome,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    match outcome {
        AttemptOutcome::Delivered => client
            .execute(
                "UPDATE alerts SET delivered_at = $2, attempts = attempts + 1, last_error = NULL,
                         sending_at = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = $1",
                &[&id, &ts(now)],
            )
            .await?,
        AttemptOutcome::Failed { error, retry_base } => {
            let attempts: i64 = client
                .query_one("SELECT attempts FROM alerts WHERE id = $1", &[&id])
                .await?
                .get(0);
            let next = ts(now + chrono::Duration::seconds(retry_wait(*retry_base, attempts)));
            client
                .execute(
                    "UPDATE alerts SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
                         sending_at = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = $1",
                    &[&id, error, &next],
                )
                .await?
        }
        AttemptOutcome::Uncertain(error) => {
            client
                .execute(
                    "UPDATE alerts SET attempts = attempts + 1, last_error = $2,
                         claimed_by = NULL, claimed_until = NULL WHERE id = $1",
                    &[&id, &format!("not resent (at-most-once): {error}")],
                )
                .await?
        }
    };
    Ok(())
}

/// Marks an alert as being sent before an at-most-once attempt.
pub(crate) async fn mark_sending(
    client: &Client,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    client
        .execute(
            "UPDATE alerts SET sending_at = $2 WHERE id = $1",
            &[&id, &ts(now)],
        )
        .await?;
    Ok(())
}

/// Alerts interrupted mid-send whose claim ran out (their instance died) are recorded as
/// such and never resent; those a live instance is sending are left alone.
pub(crate) async fn settle_interrupted(client: &Client) -> Result<usize, StoreError> {
    let n = client
        .execute(
            "UPDATE alerts SET last_error = 'interrupted while sending; not resent (at-most-once)'
             WHERE delivered_at IS NULL AND sending_at IS NOT NULL
               AND (claimed_until IS NULL OR claimed_until < now())
               AND (last_error IS NULL OR last_error NOT LIKE 'not resent%' AND last_error NOT LIKE 'interrupted%')",
            &[],
        )
        .await?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

/// The payloads of the latest alerts, newest first.
pub(crate) async fn recent_payloads(
    client: &Client,
    limit: usize,
) -> Result<Vec<String>, StoreError> {
    Ok(client
        .query(
            "SELECT payload FROM alerts ORDER BY id DESC LIMIT $1",
            &[&i64::try_from(limit).unwrap_or(100)],
        )
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect())
}
