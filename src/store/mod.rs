//! The SQLite store: schema and migrations, the one writer thread, and the queries that
//! digests and the CLI read.
//!
//! Every write goes through [`Store::call`], which runs a closure on a dedicated thread that
//! owns the only write connection, so SQLite work never blocks the async executor and a
//! poll's rows commit in one transaction. Types: [`Store`], [`StoreError`], [`PollRecord`],
//! [`PollResult`], [`TaggedItem`], [`SourceRecord`], [`PollSummary`].

mod error;
mod mentions;
mod migrate;
mod prune;
pub mod queries;
mod write;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;

use rusqlite::Connection;

pub use error::StoreError;
pub use migrate::SCHEMA_VERSION;
pub use prune::{Pruned, prune};
pub use write::{
    PollRecord, PollResult, PollSummary, SourceRecord, SourceState, TaggedItem, known_items,
    recent_guids, record_poll, register_sources, retag_items, source_state,
};

type Job = Box<dyn FnOnce(&mut Connection) + Send>;

struct Inner {
    tx: Mutex<Option<mpsc::Sender<Job>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

/// A handle on the database; cheap to clone. All clones share one writer thread.
#[derive(Clone)]
pub struct Store {
    path: PathBuf,
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
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
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
    )
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
        let (tx, rx) = mpsc::channel::<Job>();
        let thread = std::thread::Builder::new()
            .name("claimwatch-writer".into())
            .spawn(move || {
                while let Ok(job) = rx.recv() {
                    job(&mut conn);
                }
            })
            .map_err(|e| StoreError::Open {
                path: path.to_path_buf(),
                message: format!("cannot start writer thread: {e}"),
            })?;
        Ok(Self {
            path: path.to_path_buf(),
            inner: Arc::new(Inner {
                tx: Mutex::new(Some(tx)),
                thread: Mutex::new(Some(thread)),
            }),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn send(&self, job: Job) -> Result<(), StoreError> {
        let guard = self.inner.tx.lock().map_err(|_| StoreError::WriterGone)?;
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
        self.send(Box::new(move |conn| {
            let _ = reply.send(f(conn));
        }))?;
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
        self.send(Box::new(move |conn| {
            let _ = reply.send(f(conn));
        }))?;
        wait.recv().map_err(|_| StoreError::WriterGone)?
    }

    /// Stops accepting work, lets queued writes finish and joins the writer thread.
    pub fn close(&self) {
        if let Ok(mut tx) = self.inner.tx.lock() {
            tx.take();
        }
        let handle = self.inner.thread.lock().ok().and_then(|mut t| t.take());
        if let Some(handle) = handle {
            let _ = handle.join();
        }
    }
}
