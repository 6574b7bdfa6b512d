//! The store: schema and migrations, the writes of a poll, and the queries that digests and
//! the CLI read, over two backends: an SQLite file (the embedded default) or a PostgreSQL
//! database that several instances share.
//!
//! On SQLite every write goes through a dedicated thread that owns the only write connection,
//! so SQLite work never blocks the async executor and a poll's rows commit in one
//! transaction. On PostgreSQL a connection pool serves async calls (see `pg`). The rest of
//! the program uses [`Store`]'s methods, whichever backend is behind it. Types: [`Store`],
//! [`StoreError`], [`PollRecord`], [`PollResult`], [`TaggedItem`], [`SourceRecord`],
//! [`PollSummary`].

pub mod alerts;
mod batch;
mod bench_reads;
pub mod browse;
mod error;
mod lock;
mod mentions;
mod migrate;
mod outbox;
mod pg;
mod prune;
pub mod queries;
mod retag;
mod shared;
mod site_reader;
mod web_stats;
mod write;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;

use rusqlite::Connection;

pub use bench_reads::{RoundCounts, create_scratch_database, drop_scratch_database};
pub use error::StoreError;
pub use lock::DaemonLock;
pub use migrate::SCHEMA_VERSION;
pub use prune::{Pruned, merge_search_index, prune};
pub use retag::retag_items;
pub use shared::{Instance, InstanceSeen, TableCopied};
pub use site_reader::SiteReader;
pub use web_stats::{WebStats, record_web_stats, web_stats};
pub use write::{
    PollRecord, PollResult, PollSummary, SourceRecord, SourceState, TaggedItem, known_items,
    recent_guids, record_poll, register_sources, source_state,
};

type Job = Box<dyn FnOnce(&mut Connection) + Send>;

/// Where a poll's outcome goes once it is committed.
type PollReply = tokio::sync::oneshot::Sender<Result<PollSummary, StoreError>>;

/// Work for the writer thread.
enum WriterJob {
    /// Any closure, run alone.
    Run(Job),
    /// A poll to record; queued polls are committed together (see `batch`).
    Poll(Box<PollRecord>, PollReply),
}

struct Inner {
    tx: Mutex<Option<mpsc::Sender<WriterJob>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

/// A handle on the database; cheap to clone. On SQLite all clones share one writer thread;
/// on PostgreSQL one connection pool.
#[derive(Clone)]
pub struct Store {
    backend: Backend,
}

#[derive(Clone)]
enum Backend {
    Sqlite {
        path: PathBuf,
        inner: Arc<Inner>,
    },
    Postgres {
        pg: pg::PgStore,
        instance: Arc<Instance>,
    },
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.backend {
            Backend::Sqlite { path, .. } => f.debug_struct("Store").field("path", path).finish(),
            Backend::Postgres { pg, .. } => f
                .debug_struct("Store")
                .field("postgres", &pg.target)
                .finish(),
        }
    }
}

/// Opens a connection with the pragmas every claimwatch connection uses.
///
/// # Errors
/// [`StoreError::Open`] naming the file.
pub fn connect(path: &Path) -> Result<Connection, StoreError> {
    let open = |e: rusqlite::Error| StoreError::Open {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let conn = Connection::open(path).map_err(open)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(open)?;
    // The writer cycles through a few dozen statements; keep them all prepared.
    conn.set_prepared_statement_cache_capacity(64);
    // Switching a fresh file to WAL takes a lock that SQLite does not wait for through the
    // busy handler: processes opening one new file at once retry here instead of failing.
    let mut tries = 0;
    loop {
        match conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        ) {
            Ok(()) => return Ok(conn),
            Err(e)
                if tries < 500
                    && matches!(
                        e.sqlite_error_code(),
                        Some(
                            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                        )
                    ) =>
            {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => return Err(open(e)),
        }
    }
}

/// Opens a read-only connection, for readers beside the writer (the web site). It never
/// creates the file nor changes the schema.
///
/// # Errors
/// [`StoreError::Open`] naming the file.
pub fn connect_read_only(path: &Path) -> Result<Connection, StoreError> {
    let open = |e: rusqlite::Error| StoreError::Open {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let conn = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(open)?;
    conn.busy_timeout(std::time::Duration::from_secs(2))
        .map_err(open)?;
    Ok(conn)
}

impl Store {
    /// Opens (creating if needed) the database at `path`, brings its schema up to date and
    /// starts the writer thread.
    ///
    /// # Errors
    /// [`StoreError::Open`] when the file cannot be opened or created,
    /// [`StoreError::Migrate`] when the schema cannot be brought up to date (including a
    /// database written by a newer claimwatch).
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                path: path.to_path_buf(),
                message: format!("cannot create directory {}: {e}", dir.display()),
            })?;
        }
        let mut conn = connect(path)?;
        // Only takes effect on a new, empty database: freed pages can then be returned to
        // the file system by `prune` without a full VACUUM.
        conn.execute_batch("PRAGMA auto_vacuum = INCREMENTAL")
            .map_err(|e| StoreError::Migrate(e.to_string()))?;
        migrate::migrate(&mut conn)?;
        let (tx, rx) = mpsc::channel::<WriterJob>();
        let thread = std::thread::Builder::new()
            .name("claimwatch-writer".into())
            .spawn(move || run_writer(&mut conn, &rx))
            .map_err(|e| StoreError::Open {
                path: path.to_path_buf(),
                message: format!("cannot start writer thread: {e}"),
            })?;
        Ok(Self {
            backend: Backend::Sqlite {
                path: path.to_path_buf(),
                inner: Arc::new(Inner {
                    tx: Mutex::new(Some(tx)),
                    thread: Mutex::new(Some(thread)),
                }),
            },
        })
    }

    /// Opens the configured database: an SQLite file as [`Store::open`] does, or a
    /// PostgreSQL database (connecting, then migrating under an advisory lock).
    ///
    /// # Errors
    /// As [`Store::open`]; [`StoreError::Postgres`] naming host and database when PostgreSQL
    /// cannot be reached or refuses the login.
    pub async fn open_database(database: &crate::config::Database) -> Result<Self, StoreError> {
        Self::open_database_as(database, Instance::this_process()).await
    }

    /// As [`Store::open_database`], naming this handle's instance (the benchmark runs
    /// several instances in one process; each needs its own name for its leases).
    ///
    /// # Errors
    /// As [`Store::open_database`].
    pub async fn open_database_as(
        database: &crate::config::Database,
        instance: Instance,
    ) -> Result<Self, StoreError> {
        match database {
            crate::config::Database::Sqlite(path) => Self::open(path),
            crate::config::Database::Postgres(url) => Ok(Self {
                backend: Backend::Postgres {
                    pg: pg::PgStore::open(url).await?,
                    instance: Arc::new(instance),
                },
            }),
        }
    }

    /// The SQLite file, or `None` on PostgreSQL.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match &self.backend {
            Backend::Sqlite { path, .. } => Some(path),
            Backend::Postgres { .. } => None,
        }
    }

    /// Where the store is, for messages: the file, or "postgres://host:port/database".
    pub fn describe(&self) -> String {
        match &self.backend {
            Backend::Sqlite { path, .. } => path.display().to_string(),
            Backend::Postgres { pg, .. } => format!("postgres://{}", pg.target),
        }
    }

    /// True when several instances may share this store (PostgreSQL): polls then claim a
    /// lease first.
    pub fn is_shared(&self) -> bool {
        matches!(self.backend, Backend::Postgres { .. })
    }

    /// This process's name among the instances sharing the store ("host:pid").
    pub fn instance(&self) -> Option<&Instance> {
        match &self.backend {
            Backend::Sqlite { .. } => None,
            Backend::Postgres { instance, .. } => Some(instance),
        }
    }

    fn send(&self, job: WriterJob) -> Result<(), StoreError> {
        let Backend::Sqlite { inner, .. } = &self.backend else {
            return Err(StoreError::SqliteOnly("this command".into()));
        };
        let guard = inner.tx.lock().map_err(|_| StoreError::WriterGone)?;
        let tx = guard.as_ref().ok_or(StoreError::WriterGone)?;
        tx.send(job).map_err(|_| StoreError::WriterGone)
    }

    /// Runs `f` on the writer thread and waits for its result without blocking the executor.
    ///
    /// # Errors
    /// Whatever `f` returns, or [`StoreError::WriterGone`] after [`Store::close`].
    pub async fn call<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<R, StoreError> + Send + 'static,
    {
        let (reply, wait) = tokio::sync::oneshot::channel();
        self.send(WriterJob::Run(Box::new(move |conn| {
            let _ = reply.send(f(conn));
        })))?;
        wait.await.map_err(|_| StoreError::WriterGone)?
    }

    /// Records one poll (see [`record_poll`]) and waits for its commit without blocking the
    /// executor. On SQLite, polls that queue up while the writer is busy share one commit,
    /// each still kept or rolled back on its own. On PostgreSQL the commit also releases this
    /// instance's lease on the source.
    ///
    /// # Errors
    /// A database error for this poll, or [`StoreError::WriterGone`] after [`Store::close`].
    pub async fn record_poll(&self, record: PollRecord) -> Result<PollSummary, StoreError> {
        if let Backend::Postgres { pg, instance } = &self.backend {
            let mut client = pg.client().await?;
            return pg::write::record_poll(&mut client, &record, &instance.name).await;
        }
        let (reply, wait) = tokio::sync::oneshot::channel();
        self.send(WriterJob::Poll(Box::new(record), reply))?;
        wait.await.map_err(|_| StoreError::WriterGone)?
    }

    /// Runs `f` on the writer thread from synchronous code and waits for its result.
    ///
    /// # Errors
    /// Whatever `f` returns, or [`StoreError::WriterGone`] after [`Store::close`].
    pub fn call_blocking<R, F>(&self, f: F) -> Result<R, StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<R, StoreError> + Send + 'static,
    {
        let (reply, wait) = mpsc::channel();
        self.send(WriterJob::Run(Box::new(move |conn| {
            let _ = reply.send(f(conn));
        })))?;
        wait.recv().map_err(|_| StoreError::WriterGone)?
    }

    /// Stops accepting work, lets queued writes finish and joins the writer thread (SQLite),
    /// or closes the pool's connections (PostgreSQL).
    pub fn close(&self) {
        let inner = match &self.backend {
            Backend::Sqlite { inner, .. } => inner,
            Backend::Postgres { pg, .. } => {
                pg.close();
                return;
            }
        };
        if let Ok(mut tx) = inner.tx.lock() {
            tx.take();
        }
        let handle = inner.thread.lock().ok().and_then(|mut t| t.take());
        if let Some(handle) = handle {
            let _ = handle.join();
        }
    }
}

/// The writer thread's loop: runs jobs in arrival order until every sender is gone, taking
/// the polls queued behind a poll into the same commit.
fn run_writer(conn: &mut Connection, rx: &mpsc::Receiver<WriterJob>) {
    let mut next = None;
    loop {
        let job = match next.take() {
            Some(job) => job,
            None => match rx.recv() {
                Ok(job) => job,
                Err(_) => return,
            },
        };
        match job {
            WriterJob::Run(f) => f(conn),
            WriterJob::Poll(record, reply) => {
                let mut records = vec![*record];
                let mut replies = vec![reply];
                while records.len() < batch::MAX_BATCH {
                    match rx.try_recv() {
                        Ok(WriterJob::Poll(record, reply)) => {
                            records.push(*record);
                            replies.push(reply);
                        }
                        Ok(other) => {
                            next = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                let outcomes = batch::record_polls(conn, &records);
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    let _ = reply.send(outcome);
                }
            }
        }
    }
}
