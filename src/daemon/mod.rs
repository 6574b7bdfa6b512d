//! The daemon: opens the store, starts the schedule, the digest job and the watchdog, talks
//! to systemd, and runs until SIGTERM or SIGINT. SIGHUP re-reads the config and swaps it in
//! only if it is valid.
//!
//! Types: [`DaemonError`], [`Health`]; modules [`notify`], [`logging`], [`metrics`].

mod health;
pub mod logging;
pub mod metrics;
pub mod notify;

use std::time::Duration;

use chrono::Utc;

pub use health::Health;

use std::path::Path;
use std::sync::Arc;

use crate::config::{Config, ConfigSource, CronSchedule, DigestConfig};
use crate::digest::{
    self, DigestError, DigestFilter, DigestRequest, Format, WrittenDigest, alerts,
};
use crate::fetch::{FetchError, FetchSettings, Fetcher};
use crate::schedule::cpu::{self, CpuWorkers};
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
    /// A signal handler or listener could not be installed.
    #[error("cannot set up {what}: {source}")]
    Io {
        /// What was being set up.
        what: String,
        /// The error.
        #[source]
        source: std::io::Error,
    },
}

/// How long polls under way may take to finish after a stop signal; with the writer's
/// flush, the daemon exits well within 5 seconds.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// The fetch settings of a config.
pub fn fetch_settings(config: &Config) -> FetchSettings {
    FetchSettings {
        user_agent: config.daemon.user_agent.clone(),
        connect_timeout: config.daemon.connect_timeout,
        timeout: config.daemon.timeout,
        max_body_bytes: config.daemon.max_body_bytes,
        host_limits: crate::fetch::HostLimits {
            max_concurrent: config.daemon.per_host_concurrency,
            min_interval: config.daemon.per_host_interval,
        },
    }
}

/// The HTTP client, store and tagging threads a poll needs, with the config's backoff.
///
/// # Errors
/// When the HTTP client cannot be built or the tagging threads cannot start.
pub fn poll_context(config: &Config, store: Store) -> Result<PollContext, DaemonError> {
    Ok(PollContext {
        fetcher: Fetcher::new(fetch_settings(config))?,
        store,
        cpu: CpuWorkers::start(cpu::default_threads()).map_err(|source| DaemonError::Io {
            what: "the tagging threads".into(),
            source,
        })?,
        backoff_base: config.daemon.backoff_base,
        backoff_max: config.daemon.backoff_max,
        max_articles: config.daemon.max_articles_per_poll,
        lease_secs: config.daemon.lease_secs,
        parties: std::sync::Arc::new(crate::schedule::parties_of(config)),
    })
}

/// Opens the configured store (SQLite file or PostgreSQL) and registers the sources.
///
/// # Errors
/// A store error.
pub async fn open_store(config: &Config) -> Result<Store, StoreError> {
    let store = Store::open_database(&config.daemon.database).await?;
    register(&store, config).await?;
    Ok(store)
}

async fn register(store: &Store, config: &Config) -> Result<(), StoreError> {
    let records: Vec<_> = config.sources.iter().map(|s| source_record(s)).collect();
    store.register_sources(records).await
}

/// The conflicts of the config, as the ledger draws them up.
pub fn conflict_sides(config: &Config) -> Vec<digest::ConflictSides> {
    config
        .conflicts
        .iter()
        .map(|c| digest::ConflictSides {
            name: c.name.clone(),
            parties: c.parties.clone(),
        })
        .collect()
}

/// The request a `[[digest]]` section makes at `now`, its ledger drawn up by `conflicts`.
pub fn digest_request(
    d: &DigestConfig,
    conflicts: &[digest::ConflictSides],
    now: chrono::DateTime<Utc>,
) -> DigestRequest {
    DigestRequest {
        name: d.name.clone(),
        since: now - chrono::Duration::from_std(d.window).unwrap_or(chrono::Duration::hours(24)),
        until: now + chrono::Duration::seconds(1),
        formats: d
            .formats
            .iter()
            .filter_map(|f| Format::parse(f).ok())
            .collect(),
        filter: DigestFilter {
            kinds: d.kinds.clone(),
            parties: d.parties.clone(),
        },
        conflicts: conflicts.to_vec(),
    }
}

/// Writes the digest a `[[digest]]` section describes into `dir`, then deletes digest files
/// older than `retention`. On a shared store the digest of a scheduled time is written once,
/// by the instance that claims it first; the others write nothing.
///
/// # Errors
/// A store or file error.
pub async fn scheduled_digest(
    store: &Store,
    dir: &Path,
    d: &DigestConfig,
    conflicts: &[digest::ConflictSides],
    retention: Duration,
) -> Result<Vec<WrittenDigest>, DigestError> {
    let now = Utc::now();
    let req = digest_request(d, conflicts, now);
    let tick = d.schedule.latest_at_or_before(now);
    if store.is_shared()
        && let Some(tick) = tick
        && !store.claim_digest(tick, req.since).await?
    {
        tracing::debug!(digest = %d.name, %tick, "digest of this tick written by another instance");
        return Ok(Vec::new());
    }
    let written = digest::write_digest(store, dir, &req, now, tick).await?;
    if let Some(cutoff) = std::time::SystemTime::now().checked_sub(retention) {
        match digest::prune(dir, cutoff) {
            Ok(0) => {}
            Ok(n) => tracing::info!(removed = n, "old digests pruned"),
            Err(e) => tracing::warn!(error = %e, "cannot prune old digests"),
        }
    }
    Ok(written)
}

/// Starts the HTTP client, the schedule, the digest job and, under a systemd watchdog, the
/// keep-alive job for `config`.
///
/// # Errors
/// A client or scheduler error.
pub async fn start(config: &Config, store: Store) -> Result<Schedule, DaemonError> {
    let ctx = poll_context(config, store.clone())?;
    if !config.alerts.is_empty() {
        // Before any poll: mentions already stored when alerts are first configured don't alert.
        store.init_alert_watermark().await?;
        if config.daemon.alert_at_most_once {
            let n = store.settle_interrupted_alerts().await?;
            if n > 0 {
                tracing::warn!(
                    alerts = n,
                    "alerts interrupted mid-send by the last stop are not resent (at-most-once)"
                );
            }
        }
    }
    let schedule = Schedule::start(config, ctx).await?;
    let conflicts = conflict_sides(config);
    for d in &config.digests {
        let (store, d2, conflicts) = (store.clone(), d.clone(), conflicts.clone());
        let (dir, retention) = (
            config.daemon.digest_dir.clone(),
            config.daemon.digest_retention,
        );
        schedule
            .add_job(&format!("digest \"{}\"", d.name), &d.schedule, move || {
                let (store, d, dir, conflicts) =
                    (store.clone(), d2.clone(), dir.clone(), conflicts.clone());
                async move {
                    match scheduled_digest(&store, &dir, &d, &conflicts, retention).await {
                        Ok(w) => {
                            for f in w {
                                tracing::info!(path = %f.path.display(), mentions = f.mentions, "digest written");
                            }
                        }
                        Err(e) => tracing::error!(digest = %d.name, error = %e, "digest failed"),
                    }
                }
            })
            .await?;
    }
    if !config.alerts.is_empty() {
        let cycle = Arc::new(AlertCycle {
            retry_base: config.daemon.alert_retry_base,
            at_most_once: config.daemon.alert_at_most_once,
            store: store.clone(),
            rules: config.alerts.clone(),
            client: reqwest::Client::builder()
                .user_agent(config.daemon.user_agent.clone())
                .connect_timeout(config.daemon.connect_timeout)
                .build()
                .map_err(|e| DaemonError::Io {
                    what: "alert HTTP client".into(),
                    source: std::io::Error::other(e),
                })?,
            atom_path: config.daemon.digest_dir.join("alerts.atom"),
        });
        let every5 = built_in_schedule("*/5 * * * * *", "alerts")?;
        schedule
            .add_job("alerts", &every5, move || {
                let cycle = Arc::clone(&cycle);
                async move { cycle.run().await }
            })
            .await?;
    }
    // Hourly, merge the full-text index a little: twenty bounded steps at most, each its own
    // writer job, so polls are never held up for long.
    let hourly = built_in_schedule("0 7 * * * *", "search index upkeep")?;
    let upkeep_store = store.clone();
    if store.sqlite_path().is_some() {
        schedule
            .add_job("search index upkeep", &hourly, move || {
                let store = upkeep_store.clone();
                async move {
                    for _ in 0..20 {
                        match store.call(|c| store::merge_search_index(c, 500)).await {
                            Ok(true) => {}
                            Ok(false) => break,
                            Err(e) => {
                                tracing::warn!(error = %e, "search index upkeep failed");
                                break;
                            }
                        }
                    }
                }
            })
            .await?;
    }
    if let Some(interval) = notify::watchdog_interval() {
        // Keep-alives come from the scheduler's own loop and only after the writer answers,
        // so a stuck scheduler or writer gets the service restarted.
        let every = (interval.as_secs() / 2).clamp(1, 59);
        let cron = built_in_schedule(&format!("*/{every} * * * * *"), "watchdog")?;
        schedule
            .add_job("watchdog", &cron, move || {
                let store = store.clone();
                async move {
                    match store.ping().await {
                        Ok(_) => notify::watchdog(),
                        Err(e) => tracing::error!(error = %e, "database writer not answering; withholding watchdog keep-alive"),
                    }
                }
            })
            .await?;
    }
    Ok(schedule)
}

/// Queues alerts for new mentions and delivers those that are due.
struct AlertCycle {
    store: Store,
    rules: Vec<crate::config::AlertRule>,
    client: reqwest::Client,
    atom_path: std::path::PathBuf,
    retry_base: Duration,
    at_most_once: bool,
}

impl AlertCycle {
    async fn run(&self) {
        use crate::store::alerts::AttemptOutcome;
        let now = Utc::now();
        let queued = match self
            .store
            .queue_alerts(alerts::selector(self.rules.clone()), now)
            .await
        {
            Ok(n) => n,
            Err(e) => {
                tracing::error!(error = %e, "cannot queue alerts");
                0
            }
        };
        let due = match self.store.due_alerts(now, 50).await {
            Ok(due) => due,
            Err(e) => {
                tracing::error!(error = %e, "cannot read due alerts");
                Vec::new()
            }
        };
        let attempted = due.len();
        for alert in due.into_iter().filter_map(alerts::pending) {
            let id = alert.id;
            if self.at_most_once
                && let Err(e) = self.store.mark_alert_sending(id, Utc::now()).await
            {
                tracing::error!(error = %e, "cannot mark the alert as sending; not sent");
                continue;
            }
            let failed = |error: String| AttemptOutcome::Failed {
                error,
                retry_base: self.retry_base,
            };
            let outcome = match self.rules.iter().find(|r| r.name == alert.rule) {
                None => {
                    tracing::warn!(rule = %alert.rule, "alert for a rule no longer in the config; will retry");
                    failed(format!(
                        "rule \"{}\" is no longer in the config",
                        alert.rule
                    ))
                }
                Some(rule) => match alerts::deliver_alert(&self.client, rule, &alert.payload).await
                {
                    Ok(()) => {
                        tracing::info!(rule = %alert.rule, key = %alert.payload.idempotency_key, "alert delivered");
                        AttemptOutcome::Delivered
                    }
                    Err(e) if self.at_most_once && e.may_have_arrived() => {
                        tracing::warn!(rule = %alert.rule, error = %e, "alert may have arrived; not resent (at-most-once)");
                        AttemptOutcome::Uncertain(e.to_string())
                    }
                    Err(e) => {
                        tracing::warn!(rule = %alert.rule, attempt = alert.attempts + 1, error = %e, "alert not delivered; will retry");
                        failed(e.to_string())
                    }
                },
            };
            if let Err(e) = self
                .store
                .record_alert_attempt(id, outcome, Utc::now())
                .await
            {
                tracing::error!(error = %e, "cannot record alert delivery");
            }
        }
        if queued + attempted > 0 {
            match self.store.recent_alert_payloads(100).await {
                Ok(payloads) => {
                    let atom = alerts::atom(&payloads, now);
                    if let Err(e) = digest::deliver(&self.atom_path, atom.as_bytes()) {
                        tracing::warn!(error = %e, "cannot write the alerts feed");
                    }
                }
                Err(e) => tracing::warn!(error = %e, "cannot render the alerts feed"),
            }
        }
    }
}

/// Follows poll events into `health` and the systemd status line.
fn follow_health(schedule: &Schedule, health: &Health) -> tokio::task::JoinHandle<()> {
    let mut events = schedule.subscribe();
    let health = health.clone();
    tokio::spawn(async move {
        loop {
            match events.recv().await {
                Ok(ev) => {
                    health.record(&ev, Utc::now());
                    notify::status(&health.line());
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(_) => break,
            }
        }
    })
}

fn enabled(config: &Config) -> usize {
    config.sources.iter().filter(|s| s.enabled).count()
}

/// A schedule of the daemon's own (alerts, index upkeep, watchdog), named in any error.
fn built_in_schedule(expression: &str, what: &str) -> Result<CronSchedule, ScheduleError> {
    CronSchedule::parse(expression).map_err(|message| ScheduleError::Scheduler {
        context: what.into(),
        message,
    })
}

/// Caps glibc's malloc at two arenas. By default every thread that allocates may get an arena
/// of its own, and memory freed on another thread (items parsed on a tagging worker, stored
/// by the writer, dropped by a poll task) stays stranded in it: at 1,000 feeds that cost about
/// 5 MiB of peak memory for no measurable speed. Must run before any thread starts.
pub fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator settings; it is called first thing in main,
    // before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Gives the heap pages freed after start-up (the parsed TOML of a large config) back to the
/// system, so a long-running daemon's resident memory reflects what it really holds.
fn release_startup_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory at the top of glibc's heaps; it touches no
    // live allocation and is safe to call from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Runs the daemon until SIGTERM or SIGINT; SIGHUP reloads the config from `source`.
///
/// # Errors
/// A store, client, scheduler or signal error at start.
pub async fn run(source: ConfigSource, config: Config) -> Result<(), DaemonError> {
    use tokio::signal::unix::{SignalKind, signal};
    let sig = |kind, what: &str| {
        signal(kind).map_err(|e| DaemonError::Io {
            what: format!("{what} handler"),
            source: e,
        })
    };
    let mut term = sig(SignalKind::terminate(), "SIGTERM")?;
    let mut int = sig(SignalKind::interrupt(), "SIGINT")?;
    let mut hup = sig(SignalKind::hangup(), "SIGHUP")?;
    // One daemon per SQLite file: a second one refuses before it touches the schema. A
    // PostgreSQL store is shared: instances split the sources by leases instead.
    let _lock = match config.daemon.database.sqlite_path() {
        Some(path) => Some(store::DaemonLock::acquire(path)?),
        None => None,
    };
    let store = open_store(&config).await?;
    // The web site shares the runtime; it reads through its own read-only connections.
    let web_site = match config.web_listen {
        Some(_) => {
            let reader = store::SiteReader::open(
                &config.daemon.database,
                crate::web::CONCURRENT_QUERIES,
                crate::web::QUERY_LIMIT,
            )?;
            let mut site = crate::web::Site::new(reader, conflict_sides(&config));
            if let Some(f) = &config.web_users_file {
                let users = crate::web::auth::Users::load(f).map_err(|e| DaemonError::Io {
                    what: "the web users file".into(),
                    source: std::io::Error::other(e.to_string()),
                })?;
                site = site.with_users(users);
            }
            Some(std::sync::Arc::new(site))
        }
        None => None,
    };
    let metrics = match config.daemon.metrics_listen {
        Some(addr) => Some(
            metrics::serve(addr, store.clone(), web_site.clone())
                .await
                .map_err(|e| DaemonError::Io {
                    what: format!("metrics listener on {addr}"),
                    source: e,
                })?,
        ),
        None => None,
    };
    let (web_stop, web_stopped) = tokio::sync::oneshot::channel::<()>();
    let web_started = Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let web_addr = config.web_listen.map(|a| a.to_string());
    let web_recorder = match (config.web_listen, &web_site) {
        (Some(addr), Some(site)) => Some(tokio::spawn(crate::web::stats::record_every(
            store.clone(),
            Arc::clone(site),
            addr.to_string(),
            web_started.clone(),
            crate::web::stats::RECORD_EVERY,
        ))),
        _ => None,
    };
    let web = match (config.web_listen, web_site.clone()) {
        (Some(addr), Some(site)) => {
            let listener =
                tokio::net::TcpListener::bind(addr)
                    .await
                    .map_err(|e| DaemonError::Io {
                        what: format!("web listener on {addr}"),
                        source: e,
                    })?;
            tracing::info!(%addr, "web site serving");
            Some(tokio::spawn(async move {
                let stop = async {
                    let _ = web_stopped.await;
                };
                if let Err(e) = crate::web::serve(listener, site, stop).await {
                    tracing::error!("web site stopped: {e}");
                }
            }))
        }
        _ => None,
    };
    let mut current = config;
    let health = Health::default();
    health.set_sources(enabled(&current));
    let mut schedule = start(&current, store.clone()).await?;
    let mut follower = follow_health(&schedule, &health);
    tracing::info!(sources = enabled(&current), database = %current.daemon.database, instance = store.instance().map_or("", |i| i.name.as_str()), "claimwatch running");
    notify::ready(&health.line());
    release_startup_memory();
    loop {
        tokio::select! {
            _ = term.recv() => { tracing::info!("SIGTERM: stopping"); break; }
            _ = int.recv() => { tracing::info!("SIGINT: stopping"); break; }
            _ = hup.recv() => {
                notify::reloading();
                match source.load() {
                    Err(e) => {
                        for line in e.to_string().lines() {
                            tracing::error!("reload refused, keeping the running config: {line}");
                        }
                        notify::ready(&format!("{}; last reload refused: invalid config", health.line()));
                        continue;
                    }
                    Ok(new) => {
                        if new.daemon.database != current.daemon.database {
                            tracing::warn!("daemon.database changed; the new path takes effect at the next restart");
                        }
                        // Let polls under way finish under the old schedule, then start the new one;
                        // per-source state lives in the database, so nothing is lost.
                        schedule.shutdown(Duration::from_secs(30)).await;
                        follower.abort();
                        register(&store, &new).await?;
                        current = new;
                        health.set_sources(enabled(&current));
                        schedule = start(&current, store.clone()).await?;
                        follower = follow_health(&schedule, &health);
                        tracing::info!(sources = enabled(&current), "config reloaded");
                        notify::ready(&health.line());
                    }
                }
            }
        }
    }
    notify::stopping();
    if !schedule.shutdown(SHUTDOWN_GRACE).await {
        tracing::warn!(
            "polls still running at the shutdown deadline were abandoned; their sources are polled again at next start"
        );
    }
    follower.abort();
    let _ = web_stop.send(());
    if let Some(w) = web {
        let _ = tokio::time::timeout(Duration::from_secs(5), w).await;
    }
    if let Some(r) = web_recorder {
        r.abort();
    }
    // The site's final counts, for `claimwatch status`.
    if let (Some(site), Some(addr)) = (&web_site, &web_addr) {
        let recorded = crate::web::stats::record(&store, site, addr, &web_started);
        if let Err(e) = recorded.await {
            tracing::warn!("cannot record the web site's counters: {e}");
        }
    }
    if let Some(m) = metrics {
        m.abort();
    }
    tokio::task::block_in_place(|| store.close());
    tracing::info!("stopped");
    Ok(())
}
