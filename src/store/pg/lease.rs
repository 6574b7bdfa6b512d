//! Poll leases: how instances sharing one PostgreSQL store split the work.
//!
//! Before polling a source an instance claims it for the scheduled tick the poll belongs to.
//! The claim succeeds only when no live lease is held and no instance has claimed that tick
//! yet, so a source is polled once per tick whichever instances fire. A lease lasts
//! `daemon.lease_secs` and is renewed while the poll runs; the poll's commit releases it. A
//! lease that ran out without a release is a dead instance's: any instance may take it over
//! and poll the source again (nothing it committed is lost, and item rows are unique, so
//! nothing is stored twice).

use super::super::{SourceState, StoreError};

/// Claims `source` for `tick` (or, without a tick, for an unscheduled poll) for `lease_secs`.
/// Returns the source's state when this instance should poll (read in the same statement,
/// which saves the poll a round trip), `None` when another instance has it.
pub(crate) async fn claim(
    client: &deadpool_postgres::Object,
    source: &str,
    tick: Option<&str>,
    instance: &str,
    lease_secs: u64,
) -> Result<Option<SourceState>, StoreError> {
    let secs = f64::from(u32::try_from(lease_secs).unwrap_or(u32::MAX));
    // Prepared once per connection: every poll starts with this.
    let stmt = client
        .prepare_cached(
            "UPDATE sources SET lease_holder = $2,
                 lease_until = now() + make_interval(secs => $3),
                 lease_tick = $4,
                 claimed_tick = COALESCE($4, claimed_tick)
             WHERE name = $1
               AND (lease_until IS NULL OR lease_until < now())
               AND ($4::text IS NULL OR claimed_tick IS NULL OR claimed_tick < $4)
             RETURNING etag, last_modified, body_hash, consecutive_errors, next_attempt_at",
        )
        .await?;
    let row = client
        .query_opt(&stmt, &[&source, &instance, &secs, &tick])
        .await?;
    Ok(row.map(|r| super::write::state_of(&r)))
}

/// Extends this instance's lease on `source` while its poll runs; false when the lease was
/// lost (it ran out and another instance took the source over).
pub(crate) async fn renew(
    client: &deadpool_postgres::Object,
    source: &str,
    instance: &str,
    lease_secs: u64,
) -> Result<bool, StoreError> {
    let secs = f64::from(u32::try_from(lease_secs).unwrap_or(u32::MAX));
    let rows = client
        .execute(
            "UPDATE sources SET lease_until = now() + make_interval(secs => $3)
             WHERE name = $1 AND lease_holder = $2",
            &[&source, &instance, &secs],
        )
        .await?;
    Ok(rows == 1)
}

/// Gives up this instance's lease on `source` without recording a poll (the poll was
/// skipped, or the instance is stopping).
pub(crate) async fn release(
    client: &deadpool_postgres::Object,
    source: &str,
    instance: &str,
) -> Result<(), StoreError> {
    let stmt = client
        .prepare_cached(
            "UPDATE sources SET lease_holder = NULL, lease_until = NULL
             WHERE name = $1 AND lease_holder = $2",
        )
        .await?;
    client.execute(&stmt, &[&source, &instance]).await?;
    Ok(())
}

/// Takes over the sources among `names` whose lease ran out unreleased (their instance died
/// mid-poll), for `lease_secs`; returns their names, to poll now.
pub(crate) async fn take_over_expired(
    client: &deadpool_postgres::Object,
    names: &[String],
    instance: &str,
    lease_secs: u64,
) -> Result<Vec<String>, StoreError> {
    let secs = f64::from(u32::try_from(lease_secs).unwrap_or(u32::MAX));
    let rows = client
        .query(
            "UPDATE sources SET lease_holder = $2,
                 lease_until = now() + make_interval(secs => $3)
             WHERE id IN (SELECT id FROM sources
                          WHERE name = ANY($1) AND lease_holder IS NOT NULL
                            AND lease_until < now()
                          FOR UPDATE SKIP LOCKED)
             RETURNING name",
            &[&names, &instance, &secs],
        )
        .await?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// Records that `instance` is alive; the `instances` table is what `status` lists.
pub(crate) async fn heartbeat(
    client: &deadpool_postgres::Object,
    instance: &str,
    host: &str,
    pid: i64,
    started_at: &str,
) -> Result<(), StoreError> {
    client
        .execute(
            "INSERT INTO instances (name, host, pid, started_at, seen_at)
             VALUES ($1, $2, $3, $4, now())
             ON CONFLICT (name) DO UPDATE SET seen_at = now()",
            &[&instance, &host, &pid, &started_at],
        )
        .await?;
    Ok(())
}
