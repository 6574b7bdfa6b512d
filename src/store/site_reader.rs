//! The store as the web site reads it, whichever backend is behind it: read-only, a few
//! queries at a time, each stopped after a time limit, beside the daemon's writer and never
//! in its way. On SQLite each read opens a read-only connection on the blocking pool and is
//! interrupted at the limit; on PostgreSQL it runs on a small pool of its own whose sessions
//! are read-only and whose statements the server cancels at the limit.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::browse::{DigestFile, SearchPage, SearchQuery, Statement};
use super::queries::{MentionRow, SourceStatus};
use super::{StoreError, pg};
use crate::config::Database;

/// Read-only access to a store for the web site.
#[derive(Clone)]
pub struct SiteReader {
    backend: ReaderBackend,
    limit: Duration,
}

#[derive(Clone)]
enum ReaderBackend {
    Sqlite(PathBuf),
    Postgres(pg::PgStore),
}

impl std::fmt::Debug for SiteReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.backend {
            ReaderBackend::Sqlite(path) => write!(f, "SiteReader({})", path.display()),
            ReaderBackend::Postgres(pg) => write!(f, "SiteReader(postgres://{})", pg.target),
        }
    }
}

impl SiteReader {
    /// A reader of `database` with at most `connections` queries at a time on PostgreSQL,
    /// each stopped after `limit`. It connects on first use; the schema must be up to date
    /// (open the [`super::Store`] first).
    ///
    /// # Errors
    /// [`StoreError::Postgres`] when a PostgreSQL URL does not parse.
    pub fn open(
        database: &Database,
        connections: usize,
        limit: Duration,
    ) -> Result<Self, StoreError> {
        let backend = match database {
            Database::Sqlite(path) => ReaderBackend::Sqlite(path.clone()),
            Database::Postgres(url) => {
                ReaderBackend::Postgres(pg::PgStore::open_reader(url, connections, limit)?)
            }
        };
        Ok(Self { backend, limit })
    }

    /// The search syntax this store reads, for the search form.
    pub fn search_syntax(&self) -> &'static str {
        match &self.backend {
            ReaderBackend::Sqlite(_) => "FTS5 syntax: words, \"phrases\", OR, NOT, prefix*",
            ReaderBackend::Postgres(_) => {
                "PostgreSQL web-search syntax: words, \"phrases\", OR, -word"
            }
        }
    }

    /// Runs `f` on a read-only SQLite connection on the blocking pool, interrupting it at
    /// the limit.
    async fn sqlite<T, F>(&self, path: &std::path::Path, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
    {
        let path = path.to_path_buf();
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job = tokio::task::spawn_blocking(move || {
            let conn = super::connect_read_only(&path)?;
            let _ = tx.send(conn.get_interrupt_handle());
            f(&conn)
        });
        let interrupt = rx.await.ok();
        match tokio::time::timeout(self.limit, job).await {
            Ok(Ok(result)) => result,
            Ok(Err(e)) => Err(StoreError::Query(format!("the read stopped: {e}"))),
            Err(_) => {
                if let Some(i) = interrupt {
                    i.interrupt();
                }
                Err(StoreError::TimedOut)
            }
        }
    }

    /// Runs a read on either backend: `sqlite` on a read-only connection, `postgres` on a
    /// connection of the reader's pool, giving up a little after the server's own limit
    /// should the connection hang.
    async fn read<T, S, P, F>(&self, sqlite: S, postgres: P) -> Result<T, StoreError>
    where
        T: Send + 'static,
        S: FnOnce(&Connection) -> Result<T, StoreError> + Send + 'static,
        P: FnOnce(deadpool_postgres::Object) -> F,
        F: std::future::Future<Output = Result<T, StoreError>>,
    {
        match &self.backend {
            ReaderBackend::Sqlite(path) => self.sqlite(path, sqlite).await,
            ReaderBackend::Postgres(pg) => {
                let read = async { postgres(pg.client().await?).await };
                tokio::time::timeout(self.limit + Duration::from_secs(1), read)
                    .await
                    .unwrap_or(Err(StoreError::TimedOut))
            }
        }
    }

    /// A page of full-text search hits. SQLite reads the terms as FTS5 syntax, PostgreSQL
    /// as `websearch_to_tsquery` syntax; plain words, "quoted phrases" and OR mean the same
    /// in both.
    ///
    /// # Errors
    /// [`StoreError::BadQuery`] when FTS5 terms do not parse; [`StoreError::TimedOut`]; a
    /// database error.
    pub async fn search(&self, q: SearchQuery) -> Result<SearchPage, StoreError> {
        let terms = q.clone();
        self.read(
            move |c| super::browse::search(c, &q),
            |c| async move { pg::browse::search(&c, &terms).await },
        )
        .await
    }

    /// One statement with its revisions and mentions.
    ///
    /// # Errors
    /// [`StoreError::TimedOut`] or a database error.
    pub async fn statement(&self, item_id: i64) -> Result<Option<Statement>, StoreError> {
        self.read(
            move |c| super::browse::statement(c, item_id),
            |c| async move { pg::browse::statement(&c, item_id).await },
        )
        .await
    }

    /// The digest files written, newest first, at most `limit`.
    ///
    /// # Errors
    /// [`StoreError::TimedOut`] or a database error.
    pub async fn digests(&self, limit: usize) -> Result<Vec<DigestFile>, StoreError> {
        self.read(
            move |c| super::browse::digests(c, limit),
            |c| async move { pg::browse::digests(&c, limit).await },
        )
        .await
    }

    /// The digest file with this id.
    ///
    /// # Errors
    /// [`StoreError::TimedOut`] or a database error.
    pub async fn digest_file(&self, id: i64) -> Result<Option<DigestFile>, StoreError> {
        self.read(
            move |c| super::browse::digest_file(c, id),
            |c| async move { pg::browse::digest_file(&c, id).await },
        )
        .await
    }

    /// Every known source with its state.
    ///
    /// # Errors
    /// [`StoreError::TimedOut`] or a database error.
    pub async fn source_statuses(
        &self,
        now: DateTime<Utc>,
    ) -> Result<Vec<SourceStatus>, StoreError> {
        self.read(
            move |c| super::queries::source_statuses(c, now),
            |c| async move { pg::read::source_statuses(&c, now).await },
        )
        .await
    }

    /// Mentions of current item revisions first seen (or revised) in `[since, until)`.
    ///
    /// # Errors
    /// [`StoreError::TimedOut`] or a database error.
    pub async fn mentions_between(
        &self,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Vec<MentionRow>, StoreError> {
        self.read(
            move |c| super::queries::mentions_between(c, since, until),
            |c| async move { pg::read::mentions_between(&c, since, until).await },
        )
        .await
    }

    /// The payloads of the latest `limit` alerts, newest first.
    ///
    /// # Errors
    /// [`StoreError::TimedOut`] or a database error.
    pub async fn recent_alert_payloads(&self, limit: usize) -> Result<Vec<String>, StoreError> {
        self.read(
            move |c| super::alerts::recent_payloads(c, limit),
            |c| async move { pg::alerts::recent_payloads(&c, limit).await },
        )
        .await
    }

    /// Closes the reader's PostgreSQL connections (nothing to close on SQLite).
    pub fn close(&self) {
        if let ReaderBackend::Postgres(pg) = &self.backend {
            pg.close();
        }
    }
}
