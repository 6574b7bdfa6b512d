//! What the poll benchmark reads from the store after each round, on either backend.

use super::{Backend, Store, StoreError};

/// The polls of a round, from the fetch log.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoundCounts {
    /// New statements stored.
    pub new_items: i64,
    /// Polls answered 200 and stored.
    pub ok_200: i64,
    /// Polls answered 304.
    pub not_modified: i64,
    /// Failed polls.
    pub failed: i64,
    /// Sources polled more than once for one scheduled time (must be 0).
    pub duplicate_polls: i64,
}

const ROUND: &str = "SELECT CAST(COALESCE(sum(new_items), 0) AS BIGINT),
        count(*) FILTER (WHERE http_status = 200 AND error IS NULL),
        count(*) FILTER (WHERE http_status = 304),
        count(*) FILTER (WHERE error IS NOT NULL)
    FROM fetches WHERE id > ";

impl Store {
    /// The highest fetch log id, to count a round's polls after it.
    ///
    /// # Errors
    /// A database error.
    pub async fn last_fetch_id(&self) -> Result<i64, StoreError> {
        let sql = "SELECT COALESCE(max(id), 0) FROM fetches";
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |c| Ok(c.query_row(sql, [], |r| r.get(0))?))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                Ok(pg.client().await?.query_one(sql, &[]).await?.get(0))
            }
        }
    }

    /// The polls logged after fetch `after`.
    ///
    /// # Errors
    /// A database error.
    pub async fn round_counts(&self, after: i64) -> Result<RoundCounts, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |c| {
                    Ok(c.query_row(&format!("{ROUND}?1"), [after], |r| {
                        Ok(RoundCounts {
                            new_items: r.get(0)?,
                            ok_200: r.get(1)?,
                            not_modified: r.get(2)?,
                            failed: r.get(3)?,
                            duplicate_polls: 0,
                        })
                    })?)
                })
                .await
            }
            Backend::Postgres { pg, .. } => {
                let client = pg.client().await?;
                let r = client.query_one(&format!("{ROUND}$1"), &[&after]).await?;
                let dup = client
                    .query_one(
                        "SELECT count(*) FROM (SELECT 1 FROM fetches WHERE id > $1 AND tick IS NOT NULL
                         GROUP BY source_id, tick HAVING count(*) > 1) d",
                        &[&after],
                    )
                    .await?;
                Ok(RoundCounts {
                    new_items: r.get(0),
                    ok_200: r.get(1),
                    not_modified: r.get(2),
                    failed: r.get(3),
                    duplicate_polls: dup.get(0),
                })
            }
        }
    }

    /// The store's size on disk: the SQLite file with its WAL, or the PostgreSQL database.
    ///
    /// # Errors
    /// A database error.
    pub async fn size_bytes(&self) -> Result<u64, StoreError> {
        match &self.backend {
            Backend::Sqlite { path, .. } => {
                let size = |p: std::path::PathBuf| std::fs::metadata(p).map_or(0, |m| m.len());
                let mut wal = path.clone().into_os_string();
                wal.push("-wal");
                Ok(size(path.clone()) + size(wal.into()))
            }
            Backend::Postgres { pg, .. } => {
                let n: i64 = pg
                    .client()
                    .await?
                    .query_one("SELECT pg_database_size(current_database())", &[])
                    .await?
                    .get(0);
                Ok(u64::try_from(n).unwrap_or(0))
            }
        }
    }
}

/// Creates an empty database `name` on the server `url` points at and returns its URL; for
/// benchmarks, which need a fresh store per run without touching the user's.
///
/// # Errors
/// [`StoreError::Postgres`] when the server cannot be reached or the role may not create
/// databases.
pub async fn create_scratch_database(
    url: &crate::config::PostgresUrl,
    name: &str,
) -> Result<crate::config::PostgresUrl, StoreError> {
    super::pg::scratch::create(url, name).await
}

/// Drops a database made by [`create_scratch_database`].
///
/// # Errors
/// As [`create_scratch_database`].
pub async fn drop_scratch_database(
    url: &crate::config::PostgresUrl,
    name: &str,
) -> Result<(), StoreError> {
    super::pg::scratch::drop(url, name).await
}
