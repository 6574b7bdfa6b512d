//! The store API the rest of the program uses, whichever backend is behind it: each method
//! runs the SQLite function on the writer thread, or the PostgreSQL one on the pool. Also
//! what only a shared store has: poll leases, instance heartbeats, one digest per tick; on
//! SQLite (one daemon per file, see [`super::DaemonLock`]) those always grant.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::queries::{MentionRow, SourceStatus, StoreStatus};
use super::{Backend, SourceRecord, SourceState, Store, StoreError, pg};

/// One running claimwatch among those sharing a PostgreSQL store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    /// "host:pid", unique among live instances; recorded with each fetch and lease.
    pub name: String,
    /// The machine's host name.
    pub host: String,
    /// The process id.
    pub pid: u32,
    /// When it started, UTC.
    pub started_at: String,
}

impl Instance {
    /// This process.
    pub fn this_process() -> Self {
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "localhost".into());
        let pid = std::process::id();
        Self {
            name: format!("{host}:{pid}"),
            host,
            pid,
            started_at: super::write::ts(Utc::now()),
        }
    }
}

impl Store {
    /// Registers the configured sources so `sources` lists them before their first poll.
    ///
    /// # Errors
    /// A database error.
    pub async fn register_sources(&self, records: Vec<SourceRecord>) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |conn| super::register_sources(conn, &records))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                let mut client = pg.client().await?;
                pg::write::register_sources(&mut client, &records).await
            }
        }
    }

    /// The stored content hash of each of `guids` the source already has.
    ///
    /// # Errors
    /// A database error.
    pub async fn known_items(
        &self,
        source: String,
        guids: Vec<String>,
    ) -> Result<HashMap<String, String>, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |conn| super::known_items(conn, &source, &guids))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                pg::write::known_items(&pg.client().await?, &source, &guids).await
            }
        }
    }

    /// A source's conditional-GET validators, body hash and backoff state.
    ///
    /// # Errors
    /// A database error.
    pub async fn source_state(&self, source: String) -> Result<SourceState, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |conn| super::source_state(conn, &source))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                pg::write::source_state(&pg.client().await?, &source).await
            }
        }
    }

    /// The guids of a source's most recently stored items, newest first.
    ///
    /// # Errors
    /// A database error.
    pub async fn recent_guids(
        &self,
        source: String,
        limit: usize,
    ) -> Result<Vec<String>, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |conn| super::recent_guids(conn, &source, limit))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                pg::write::recent_guids(&pg.client().await?, &source, limit).await
            }
        }
    }

    /// Each source's last poll time.
    ///
    /// # Errors
    /// A database error.
    pub async fn last_polls(&self) -> Result<HashMap<String, DateTime<Utc>>, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => self.call(super::queries::last_polls).await,
            Backend::Postgres { pg, .. } => pg::read::last_polls(&pg.client().await?).await,
        }
    }

    /// Every known source with its state.
    ///
    /// # Errors
    /// A database error.
    pub async fn source_statuses(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<SourceStatus>, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |conn| super::queries::source_statuses(conn, now))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                pg::read::source_statuses(&pg.client().await?, now).await
            }
        }
    }

    /// The store's status, as `claimwatch status` and the metrics show it.
    ///
    /// # Errors
    /// A database error.
    pub async fn store_status(&self, now: DateTime<Utc>) -> Result<StoreStatus, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |conn| super::queries::store_status(conn, now))
                    .await
            }
            Backend::Postgres { pg, .. } => pg::read::store_status(&pg.client().await?, now).await,
        }
    }

    /// Mentions of current item revisions first seen (or revised) in `[since, until)`.
    ///
    /// # Errors
    /// A database error.
    pub async fn mentions_between(
        &self,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<MentionRow>, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |conn| super::queries::mentions_between(conn, since, until))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                pg::read::mentions_between(&pg.client().await?, since, until).await
            }
        }
    }

    /// Checks the store can be written: the daemon's watchdog is fed only when it can.
    ///
    /// # Errors
    /// Why it cannot.
    pub async fn ping(&self) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(|conn| {
                    conn.query_row("SELECT 1", [], |r| r.get::<_, i64>(0))?;
                    Ok(())
                })
                .await
            }
            Backend::Postgres { pg, instance } => {
                let client = pg.client().await?;
                pg::lease::heartbeat(
                    &client,
                    &instance.name,
                    &instance.host,
                    i64::from(instance.pid),
                    &instance.started_at,
                )
                .await
            }
        }
    }

    /// Claims the poll of `source` for the scheduled time `tick` (`None`: a poll outside the
    /// schedule). The source's state when this instance should poll (always on SQLite; on
    /// PostgreSQL when no other instance holds the source or has polled it for that tick),
    /// `None` when another instance has it.
    ///
    /// # Errors
    /// A database error.
    pub async fn claim_poll(
        &self,
        source: &str,
        tick: Option<DateTime<Utc>>,
        lease_secs: u64,
    ) -> Result<Option<SourceState>, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => self.source_state(source.to_owned()).await.map(Some),
            Backend::Postgres { pg, instance } => {
                let tick = tick.map(super::write::ts);
                pg::lease::claim(
                    &pg.lease_client().await?,
                    source,
                    tick.as_deref(),
                    &instance.name,
                    lease_secs,
                )
                .await
            }
        }
    }

    /// Extends this instance's lease on `source`; false when it was lost.
    ///
    /// # Errors
    /// A database error.
    pub async fn renew_poll(&self, source: &str, lease_secs: u64) -> Result<bool, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => Ok(true),
            Backend::Postgres { pg, instance } => {
                pg::lease::renew(
                    &pg.lease_client().await?,
                    source,
                    &instance.name,
                    lease_secs,
                )
                .await
            }
        }
    }

    /// Gives up this instance's lease on `source` without recording a poll.
    ///
    /// # Errors
    /// A database error.
    pub async fn release_poll(&self, source: &str) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => Ok(()),
            Backend::Postgres { pg, instance } => {
                pg::lease::release(&pg.lease_client().await?, source, &instance.name).await
            }
        }
    }

    /// Takes over those of `sources` whose instance died mid-poll (lease ran out, never
    /// released) and returns them, to poll now. Always empty on SQLite.
    ///
    /// # Errors
    /// A database error.
    pub async fn take_over_expired(
        &self,
        sources: &[String],
        lease_secs: u64,
    ) -> Result<Vec<String>, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => Ok(Vec::new()),
            Backend::Postgres { pg, instance } => {
                pg::lease::take_over_expired(
                    &pg.client().await?,
                    sources,
                    &instance.name,
                    lease_secs,
                )
                .await
            }
        }
    }

    /// Claims the digest of scheduled time `tick`: true when this instance writes it. Always
    /// true on SQLite.
    ///
    /// # Errors
    /// A database error.
    pub async fn claim_digest(
        &self,
        tick: DateTime<Utc>,
        since: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => Ok(true),
            Backend::Postgres { pg, instance } => {
                pg::read::claim_digest(
                    &pg.client().await?,
                    &super::write::ts(tick),
                    &instance.name,
                    since,
                )
                .await
            }
        }
    }

    /// Records a written digest (for `tick` when it was a scheduled one).
    ///
    /// # Errors
    /// A database error.
    pub async fn record_digest(
        &self,
        tick: Option<DateTime<Utc>>,
        written_at: DateTime<Utc>,
        since: DateTime<Utc>,
        path: String,
        mentions: usize,
    ) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |conn| {
                    super::queries::record_digest(conn, written_at, since, &path, mentions)
                })
                .await
            }
            Backend::Postgres { pg, .. } => {
                let tick = tick.map(super::write::ts);
                pg::read::record_digest(
                    &pg.client().await?,
                    tick.as_deref(),
                    written_at,
                    since,
                    &path,
                    mentions,
                )
                .await
            }
        }
    }
}

/// A claimwatch instance as recorded in a shared store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstanceSeen {
    /// "host:pid".
    pub name: String,
    /// When it started.
    pub started_at: String,
    /// When it last showed it was alive.
    pub seen_at: String,
    /// Seen within the last two minutes.
    pub alive: bool,
}

impl Store {
    /// The web site's last recorded counters (on a shared store, those of the instance that
    /// recorded last).
    ///
    /// # Errors
    /// A database error.
    pub async fn web_stats(&self) -> Result<Option<super::WebStats>, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => self.call(|conn| super::web_stats(conn)).await,
            Backend::Postgres { pg, .. } => pg::browse::web_stats(&pg.client().await?).await,
        }
    }

    /// Records the web site's counters, replacing the previous record.
    ///
    /// # Errors
    /// A database error.
    pub async fn record_web_stats(&self, stats: super::WebStats) -> Result<(), StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |conn| super::record_web_stats(conn, &stats))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                pg::browse::record_web_stats(&pg.client().await?, &stats).await
            }
        }
    }

    /// The instances that have run against a shared store, most recently seen first (empty
    /// on SQLite).
    ///
    /// # Errors
    /// A database error.
    pub async fn instances(&self) -> Result<Vec<InstanceSeen>, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => Ok(Vec::new()),
            Backend::Postgres { pg, .. } => pg::read::instances(&pg.client().await?).await,
        }
    }
}

pub use super::pg::copy::TableCopied;

impl Store {
    /// Copies the SQLite store at `from` into this PostgreSQL store, keeping ids; resumable
    /// (run again after an interruption, it continues); checks every table's count at the
    /// end. `progress` hears of each table as it is done.
    ///
    /// # Errors
    /// [`StoreError::SqliteOnly`]-style refusal when this store is not PostgreSQL, a read or
    /// write error, or [`StoreError::CopyMismatch`] when the target holds other data or the
    /// counts differ.
    pub async fn copy_from_sqlite(
        &self,
        from: &std::path::Path,
        progress: impl FnMut(&TableCopied),
    ) -> Result<Vec<TableCopied>, StoreError> {
        match &self.backend {
            Backend::Postgres { pg, .. } => pg::copy::copy_sqlite(from, pg, progress).await,
            Backend::Sqlite { .. } => Err(StoreError::CopyMismatch(
                "the target must be a postgres:// database".into(),
            )),
        }
    }
}

impl Store {
    /// Deletes statements older than `cutoff` with everything hanging off them, and old poll
    /// log rows (see [`super::prune`]).
    ///
    /// # Errors
    /// A database error; batches already committed stay deleted.
    pub async fn prune(&self, cutoff: DateTime<Utc>) -> Result<super::Pruned, StoreError> {
        match &self.backend {
            Backend::Sqlite { .. } => self.call(move |c| super::prune(c, cutoff)).await,
            Backend::Postgres { pg, .. } => {
                pg::maintain::prune(&mut pg.client().await?, cutoff).await
            }
        }
    }

    /// Replaces the mentions of stored items fetched since `since` with what `tag_item`
    /// (source name, title, text) finds now. Returns (items, mentions).
    ///
    /// # Errors
    /// A database error; nothing is replaced then.
    pub async fn retag_items<F>(
        &self,
        since: Option<DateTime<Utc>>,
        tagger_version: String,
        now: DateTime<Utc>,
        tag_item: F,
    ) -> Result<(usize, usize), StoreError>
    where
        F: FnMut(&str, &str, &str) -> (Vec<crate::tag::Mention>, Vec<crate::tag::Mention>)
            + Send
            + 'static,
    {
        match &self.backend {
            Backend::Sqlite { .. } => {
                self.call(move |c| super::retag_items(c, since, &tagger_version, now, tag_item))
                    .await
            }
            Backend::Postgres { pg, .. } => {
                pg::maintain::retag_items(
                    &mut pg.client().await?,
                    since,
                    &tagger_version,
                    now,
                    tag_item,
                )
                .await
            }
        }
    }
}
