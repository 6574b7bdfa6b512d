//! Reads for the CLI, the schedule and the digests, in PostgreSQL: the same answers as
//! `store::queries` and `store::mentions` give on SQLite.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use deadpool_postgres::GenericClient;

use super::super::StoreError;
use super::super::mentions::{ClaimRow, EarlierFigure, MentionRow};
use super::super::queries::{Counts, DayCount, SourceStatus, StoreStatus, health, quiet_reason};
use super::super::write::ts;

type Client = deadpool_postgres::Object;

/// Each source's last poll time.
pub(crate) async fn last_polls(
    client: &Client,
) -> Result<HashMap<String, DateTime<Utc>>, StoreError> {
    let rows = client
        .query(
            "SELECT name, last_poll_at FROM sources WHERE last_poll_at IS NOT NULL",
            &[],
        )
        .await?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let at: String = r.get(1);
            DateTime::parse_from_rfc3339(&at)
                .ok()
                .map(|t| (r.get(0), t.with_timezone(&Utc)))
        })
        .collect())
}

/// Every known source with its state.
pub(crate) async fn source_statuses(
    client: &Client,
    now: DateTime<Utc>,
) -> Result<Vec<SourceStatus>, StoreError> {
    let rows = client
        .query(
            "SELECT s.id, s.name, s.kind, s.last_poll_at, s.last_status,
                    (SELECT count(*) FROM items i WHERE i.source_id = s.id),
                    (SELECT count(*) FROM mentions m JOIN items i ON i.id = m.item_id
                       AND m.revision = i.revision WHERE i.source_id = s.id),
                    s.consecutive_errors, s.last_error, s.last_ok_at
             FROM sources s ORDER BY s.name",
            &[],
        )
        .await?;
    let recent = client
        .prepare_cached(
            "SELECT COALESCE(published_at, fetched_at) AS t FROM items WHERE source_id = $1
             ORDER BY t DESC LIMIT 20",
        )
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let errors: i64 = r.get(7);
        let mut status = SourceStatus {
            name: r.get(1),
            kind: r.get(2),
            last_poll_at: r.get(3),
            last_status: r.get(4),
            items: r.get(5),
            mentions: r.get(6),
            consecutive_errors: errors,
            last_error: r.get(8),
            health: health(errors),
            health_reason: None,
            last_ok_at: r.get(9),
        };
        if status.health == "ok" {
            let id: i64 = r.get(0);
            let times: Vec<DateTime<Utc>> = client
                .query(&recent, &[&id])
                .await?
                .iter()
                .filter_map(|t| DateTime::parse_from_rfc3339(&t.get::<_, String>(0)).ok())
                .map(|t| t.with_timezone(&Utc))
                .collect();
            if let Some(reason) = quiet_reason(&times, now) {
                status.health = "degraded";
                status.health_reason = Some(reason);
            }
        } else {
            status.health_reason.clone_from(&status.last_error);
        }
        out.push(status);
    }
    Ok(out)
}

/// Row counts of the main tables.
pub(crate) async fn counts(client: &Client) -> Result<Counts, StoreError> {
    let r = client
        .query_one(
            "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM items),
                    (SELECT count(*) FROM recent_mentions), (SELECT count(*) FROM casualty_claims_view),
                    (SELECT count(*) FROM fetches), (SELECT count(*) FROM fetches WHERE error IS NOT NULL)",
            &[],
        )
        .await?;
    Ok(Counts {
        sources: r.get(0),
        items: r.get(1),
        mentions: r.get(2),
        claims: r.get(3),
        fetches: r.get(4),
        failed_fetches: r.get(5),
    })
}

/// The store's status, as `claimwatch status` and the metrics show it.
pub(crate) async fn store_status(
    client: &Client,
    now: DateTime<Utc>,
) -> Result<StoreStatus, StoreError> {
    let mut status = StoreStatus {
        counts: counts(client).await?,
        ..StoreStatus::default()
    };
    for source in source_statuses(client, now).await? {
        match source.health {
            "ok" => status.ok += 1,
            "degraded" => status.degraded += 1,
            _ => status.failing += 1,
        }
    }
    let r = client
        .query_one(
            "SELECT (SELECT max(last_ok_at) FROM sources), (SELECT max(written_at) FROM digests),
                    (SELECT count(*) FROM recent_mentions
                      WHERE fetched_at > COALESCE((SELECT max(written_at) FROM digests), ''))",
            &[],
        )
        .await?;
    status.last_success = r.get(0);
    status.last_digest_at = r.get(1);
    status.undigested_mentions = r.get(2);
    status.per_day = client
        .query(
            "SELECT substr(i.fetched_at, 1, 10) AS day, count(DISTINCT i.id), count(m.id)
             FROM items i LEFT JOIN mentions m ON m.item_id = i.id AND m.revision = i.revision
             GROUP BY day ORDER BY day DESC LIMIT 7",
            &[],
        )
        .await?
        .iter()
        .map(|r| DayCount {
            day: r.get(0),
            items: r.get(1),
            mentions: r.get(2),
        })
        .collect();
    Ok(status)
}

/// Mentions of current item revisions first seen (or revised) in `[since, until)`, oldest
/// publication first, with their claims.
pub(crate) async fn mentions_between(
    client: &Client,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<MentionRow>, StoreError> {
    load(
        client,
        "i.updated_at >= $1 AND i.updated_at < $2 ORDER BY COALESCE(i.published_at, i.fetched_at), m.id",
        &[&ts(since), &ts(until)],
    )
    .await
}

/// Mentions of current item revisions with an id above `after`, in id order, at most `limit`.
pub(crate) async fn mentions_after<C: GenericClient + Sync>(
    client: &C,
    after: i64,
    limit: usize,
) -> Result<Vec<MentionRow>, StoreError> {
    load(
        client,
        "m.id > $1 ORDER BY m.id LIMIT $2",
        &[&after, &i64::try_from(limit).unwrap_or(i64::MAX)],
    )
    .await
}

pub(crate) async fn load<C: GenericClient + Sync>(
    client: &C,
    condition: &str,
    args: &[&(dyn tokio_postgres::types::ToSql + Sync)],
) -> Result<Vec<MentionRow>, StoreError> {
    let rows = client
        .query(
            &format!(
                "SELECT m.id, i.id, m.kind, s.name, (s.labels::jsonb ->> 'party'), i.title, i.url,
                        COALESCE(i.published_at, i.fetched_at), i.updated_at, m.sentence,
                        m.ceasefire_status, m.mediator, m.location, i.revision, m.field,
                        (SELECT s2.name FROM items i2 JOIN sources s2 ON s2.id = i2.source_id
                          WHERE i2.fingerprint = i.fingerprint AND i2.source_id != i.source_id
                            AND i2.id < i.id ORDER BY i2.id LIMIT 1),
                        i.language
                 FROM mentions m
                 JOIN items i ON i.id = m.item_id AND m.revision = i.revision
                 JOIN sources s ON s.id = i.source_id
                 WHERE {condition}"
            ),
            args,
        )
        .await?;
    let claim_stmt = client
        .prepare_cached(
            "SELECT category, count, approx, who, claimant, claimant_origin, negated,
                    claimant_party, affected_party, affected_kind
             FROM casualty_claims WHERE mention_id = $1 ORDER BY id",
        )
        .await?;
    let earlier_stmt = client
        .prepare_cached(
            "SELECT c.count, c.approx FROM casualty_claims c JOIN mentions m ON m.id = c.mention_id
             WHERE m.item_id = $1 AND m.revision = $2 AND m.field = $3 AND c.category = $4
               AND c.negated = 0 ORDER BY c.id LIMIT 1",
        )
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let field: String = r.get(14);
        let mut m = MentionRow {
            mention_id: r.get(0),
            item_id: r.get(1),
            kind: r.get(2),
            source: r.get(3),
            party: r.get(4),
            title: r.get(5),
            url: r.get(6),
            published_at: r.get(7),
            seen_at: r.get(8),
            sentence: r.get(9),
            ceasefire_status: r.get(10),
            mediator: r.get(11),
            location: r.get(12),
            revision: r.get(13),
            syndicated_from: r.get(15),
            language: r.get(16),
            claims: Vec::new(),
        };
        let mut claims: Vec<ClaimRow> = client
            .query(&claim_stmt, &[&m.mention_id])
            .await?
            .iter()
            .map(|c| ClaimRow {
                category: c.get(0),
                count: c.get(1),
                approx: c.get::<_, i64>(2) != 0,
                who: c.get(3),
                claimant: c.get(4),
                claimant_origin: c.get(5),
                negated: c.get::<_, i64>(6) != 0,
                revised_from: None,
                claimant_party: c.get(7),
                affected_party: c.get(8),
                affected_kind: c.get(9),
            })
            .collect();
        if m.revision > 1 {
            for c in claims.iter_mut().filter(|c| !c.negated) {
                let earlier = client
                    .query_opt(
                        &earlier_stmt,
                        &[&m.item_id, &(m.revision - 1), &field, &c.category],
                    )
                    .await?
                    .map(|e| EarlierFigure {
                        count: e.get(0),
                        approx: e.get::<_, i64>(1) != 0,
                    });
                c.revised_from = earlier.filter(|e| e.count != c.count);
            }
        }
        m.claims = claims;
        out.push(m);
    }
    Ok(out)
}

/// Claims the digest of scheduled time `tick` for `instance`; false when another instance
/// already wrote (or is writing) it.
pub(crate) async fn claim_digest(
    client: &Client,
    tick: &str,
    instance: &str,
    since: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let rows = client
        .execute(
            "INSERT INTO digests (written_at, since, path, mentions, tick, instance)
             VALUES ($1, $2, '', 0, $1, $3) ON CONFLICT (tick) DO NOTHING",
            &[&tick, &ts(since), &instance],
        )
        .await?;
    Ok(rows == 1)
}

/// Records one file of a digest: for a scheduled `tick` (claimed with [`claim_digest`]) the
/// first file fills the claimed row; other files, and digests asked for by hand, add rows,
/// one per file as on SQLite.
pub(crate) async fn record_digest(
    client: &Client,
    tick: Option<&str>,
    written_at: DateTime<Utc>,
    since: DateTime<Utc>,
    path: &str,
    mentions: usize,
) -> Result<(), StoreError> {
    let n = i64::try_from(mentions).unwrap_or(i64::MAX);
    if let Some(tick) = tick {
        let filled = client
            .execute(
                "UPDATE digests SET written_at = $2, since = $3, path = $4, mentions = $5
                 WHERE tick = $1 AND path = ''",
                &[&tick, &ts(written_at), &ts(since), &path, &n],
            )
            .await?;
        if filled == 1 {
            return Ok(());
        }
    }
    client
        .execute(
            "INSERT INTO digests (written_at, since, path, mentions) VALUES ($1, $2, $3, $4)",
            &[&ts(written_at), &ts(since), &path, &n],
        )
        .await?;
    Ok(())
}

/// The instances recorded by their heartbeats, most recently seen first.
pub(crate) async fn instances(
    client: &Client,
) -> Result<Vec<super::super::shared::InstanceSeen>, StoreError> {
    let rows = client
        .query(
            "SELECT name, started_at, to_char(seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
                    seen_at > now() - interval '2 minutes'
             FROM instances ORDER BY seen_at DESC LIMIT 50",
            &[],
        )
        .await?;
    Ok(rows
        .iter()
        .map(|r| super::super::shared::InstanceSeen {
            name: r.get(0),
            started_at: r.get(1),
            seen_at: r.get(2),
            alive: r.get(3),
        })
        .collect())
}
