//! The daemon: opens the store, starts the schedule and the digest job, and runs until
//! SIGTERM or SIGINT, then lets polls under way finish and closes the database cleanly.

use std::time::Duration;

use chrono::Utc;

use crate::config::Config;
use crate::digest::{self, DigestError, WrittenDigest};
use crate::fetch::{FetchError, FetchSettings, Fetcher};
use crate::schedule::{PollContext, Schedule, ScheduleError, source_record};
use crate::store::{self, Store, StoreError};

/// Why the daemon could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum DaemonError {
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The HTTP client could not be built.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The scheduler failed.
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    /// A signal handler could not be installed.
    #[error("cannot install signal handler: {0}")]
    Signal(std::io::Error),
}

/// How long polls under way may take to finish after a stop signal.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(20);

/// The fetch settings of a config.
pub fn fetch_settings(config: &Config) -> FetchSettings {
    FetchSettings {
        user_agent: config.daemon.user_agent.clone(),
        connect_timeout: config.daemon.connect_timeout,
        timeout: config.daemon.timeout,
        max_body_bytes: config.daemon.max_body_bytes,
    }
}

/// Opens the store at the configured path (or `db_override`) and registers the sources.
///
/// # Errors
/// A store error.
pub fn open_store(config: &Config) -> Result<Store, StoreError> {
    let store = Store::open(&config.daemon.database)?;
    let records: Vec<_> = config.sources.iter().map(source_record).collect();
    store.call_blocking(move |conn| store::register_sources(conn, &records))?;
    Ok(store)
}

/// Writes a digest of the last `window` into the configured digest directory.
///
/// # Errors
/// A store or file error.
pub async fn scheduled_digest(
    store: &Store,
    config: &Config,
    window: Duration,
) -> Result<WrittenDigest, DigestError> {
    let dir = config.daemon.digest_dir.clone();
    let now = Utc::now();
    let since = now - chrono::Duration::from_std(window).unwrap_or(chrono::Duration::hours(24));
    store
        .call(move |conn| Ok(digest::write_digest(conn, &dir, since, now)))
        .await?
}

/// Starts the store, the HTTP client and the schedule for `config`.
///
/// # Errors
/// A store, client or scheduler error.
pub async fn start(config: &Config, store: Store) -> Result<Schedule, DaemonError> {
    let fetcher = Fetcher::new(fetch_settings(config))?;
    let ctx = PollContext {
        fetcher,
        store: store.clone(),
    };
    let schedule = Schedule::start(config, ctx).await?;
    let digest_config = config.clone();
    schedule
        .add_job("digest", &config.daemon.digest_schedule, move || {
            let store = store.clone();
            let config = digest_config.clone();
            async move {
                match scheduled_digest(&store, &config, config.daemon.digest_window).await {
                    Ok(d) => tracing::info!(path = %d.path.display(), mentions = d.mentions, "digest written"),
                    Err(e) => tracing::error!(error = %e, "digest failed"),
                }
            }
        })
        .await?;
    Ok(schedule)
}

/// Runs the daemon until SIGTERM or SIGINT.
///
/// # Errors
/// A store, client, scheduler or signal error at start.
pub async fn run(config: Config) -> Result<(), DaemonError> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).map_err(DaemonError::Signal)?;
    let mut int = signal(SignalKind::interrupt()).map_err(DaemonError::Signal)?;
    let store = tokio::task::block_in_place(|| open_store(&config))?;
    let enabled = config.sources.iter().filter(|s| s.enabled).count();
    let schedule = start(&config, store.clone()).await?;
    tracing::info!(sources = enabled, database = %config.daemon.database.display(), "claimwatch running");
    tokio::select! {
        _ = term.recv() => tracing::info!("SIGTERM: stopping"),
        _ = int.recv() => tracing::info!("SIGINT: stopping"),
    }
    if !schedule.shutdown(SHUTDOWN_GRACE).await {
        tracing::warn!("some polls were still running at the shutdown deadline");
    }
    tokio::task::block_in_place(|| store.close());
    Ok(())
}
