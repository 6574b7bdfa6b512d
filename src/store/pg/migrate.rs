//! Migrations for PostgreSQL, tracked in `claimwatch_schema` and run under an advisory lock:
//! instances that start together take turns, and the later ones find the work done.

use super::StoreError;

const MIGRATIONS: &[&str] = &[
    include_str!("0001_schema.sql"),
    include_str!("0002_alert_claims.sql"),
];

/// The advisory lock key that serialises migrations ("claimwat" in ASCII).
const MIGRATION_LOCK: i64 = 0x636c_6169_6d77_6174;

/// Applies every migration the database lacks, all in one transaction.
pub(crate) async fn migrate(client: &mut deadpool_postgres::Object) -> Result<(), StoreError> {
    let fail = |e: tokio_postgres::Error| StoreError::Migrate(super::pg_message(&e));
    let tx = client.transaction().await.map_err(fail)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await
        .map_err(fail)?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS claimwatch_schema (version BIGINT NOT NULL)")
        .await
        .map_err(fail)?;
    let current: i64 = tx
        .query_one(
            "SELECT COALESCE(max(version), 0) FROM claimwatch_schema",
            &[],
        )
        .await
        .map_err(fail)?
        .get(0);
    let known = i64::try_from(MIGRATIONS.len()).unwrap_or(i64::MAX);
    if current > known {
        return Err(StoreError::Migrate(format!(
            "the database has schema version {current}, newer than this claimwatch knows \
             ({known}); upgrade claimwatch"
        )));
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(current).unwrap_or(0))
    {
        let version = i64::try_from(i + 1).unwrap_or(i64::MAX);
        tx.batch_execute(sql).await.map_err(|e| {
            StoreError::Migrate(format!("migration {version}: {}", super::pg_message(&e)))
        })?;
        tx.execute("DELETE FROM claimwatch_schema", &[])
            .await
            .map_err(fail)?;
        tx.execute(
            "INSERT INTO claimwatch_schema (version) VALUES ($1)",
            &[&version],
        )
        .await
        .map_err(fail)?;
    }
    tx.commit().await.map_err(fail)
}
