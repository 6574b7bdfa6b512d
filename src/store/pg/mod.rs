//! The PostgreSQL backend: the same schema as SQLite, shared by any number of instances.
//!
//! A pool of connections (deadpool-postgres over tokio-postgres, TLS by rustls) serves every
//! call; nothing here blocks the executor. Migrations run under an advisory lock so instances
//! starting together take turns. What instances share beyond the rows: per-source poll
//! leases ([`lease`]) and one digest per scheduled tick.

pub(crate) mod alerts;
mod batch;
pub(crate) mod browse;
pub(crate) mod copy;
pub(crate) mod lease;
pub(crate) mod maintain;
pub(crate) mod migrate;
pub(crate) mod read;
pub(crate) mod scratch;
pub(crate) mod write;

use std::sync::Arc;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};

use super::StoreError;
use crate::config::PostgresUrl;

/// A pool of connections to one PostgreSQL database.
#[derive(Clone)]
pub(crate) struct PgStore {
    pool: Pool,
    /// Connections for lease bookkeeping, always committing without waiting for the disk
    /// (`synchronous_commit = off`): a claim lost in a power cut only runs out.
    leases: Pool,
    /// "host:port/database", for messages.
    pub(crate) target: Arc<str>,
}

/// How long a call waits for a free connection, or to connect, before it reports the store
/// down: polls then wait and retry instead of piling up.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

fn tls() -> Result<tokio_postgres_rustls::MakeRustlsConnect, String> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_platform_verifier()
        .map_err(|e| e.to_string())?
        .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

impl PgStore {
    /// Connects, checks the server answers, and brings the schema up to date.
    ///
    /// # Errors
    /// [`StoreError::Postgres`] naming host and database when the server cannot be reached
    /// or refuses the login; [`StoreError::Migrate`] when the schema cannot be updated.
    pub(crate) async fn open(url: &PostgresUrl) -> Result<Self, StoreError> {
        let target: Arc<str> = url.display_target().into();
        let fail = |message: String| StoreError::Postgres {
            target: target.to_string(),
            message,
        };
        let mut config = client_config(url).map_err(fail)?;
        // Commits do not wait for the disk unless the URL says otherwise: the durability of
        // SQLite's `synchronous = NORMAL` in WAL mode, which claimwatch uses there. A crash of
        // claimwatch or of PostgreSQL loses nothing committed; a power loss may lose the
        // last fraction of a second of polls, which are then simply polled again. A URL
        // with `options=-c synchronous_commit=on` keeps every commit on disk before it
        // returns (lease bookkeeping never waits: a lost claim only runs out).
        let mut lease_config = config.clone();
        add_options(&mut lease_config, "-c synchronous_commit=off");
        if !config
            .get_options()
            .unwrap_or("")
            .contains("synchronous_commit")
        {
            add_options(&mut config, "-c synchronous_commit=off");
        }
        let pool = build_pool(config, 16).map_err(fail)?;
        let leases = build_pool(lease_config, 4).map_err(fail)?;
        let store = Self {
            pool,
            leases,
            target,
        };
        let mut client = store.client().await?;
        migrate::migrate(&mut client).await?;
        Ok(store)
    }

    /// A pool for readers beside the daemon (the web site): `size` connections whose
    /// sessions are read-only and whose statements the server stops after `limit`. It
    /// neither connects nor migrates until first used.
    ///
    /// # Errors
    /// [`StoreError::Postgres`] when the URL does not parse.
    pub(crate) fn open_reader(
        url: &PostgresUrl,
        size: usize,
        limit: Duration,
    ) -> Result<Self, StoreError> {
        let target: Arc<str> = url.display_target().into();
        let fail = |message: String| StoreError::Postgres {
            target: target.to_string(),
            message,
        };
        let mut config = client_config(url).map_err(fail)?;
        add_options(
            &mut config,
            &format!(
                "-c default_transaction_read_only=on -c statement_timeout={}",
                limit.as_millis()
            ),
        );
        let pool = build_pool(config, size).map_err(fail)?;
        Ok(Self {
            leases: pool.clone(),
            pool,
            target,
        })
    }

    /// A connection from the pool.
    pub(crate) async fn client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.pool.get().await.map_err(|e| StoreError::Postgres {
            target: self.target.to_string(),
            message: pool_error(&e),
        })
    }

    /// A connection for lease bookkeeping (claims, renewals, releases, heartbeats), which
    /// commits without waiting for the disk.
    pub(crate) async fn lease_client(&self) -> Result<deadpool_postgres::Object, StoreError> {
        self.leases.get().await.map_err(|e| StoreError::Postgres {
            target: self.target.to_string(),
            message: pool_error(&e),
        })
    }

    /// Closes the pools' connections.
    pub(crate) fn close(&self) {
        self.pool.close();
        self.leases.close();
    }
}

/// The client settings of `url`, with claimwatch's connect timeout and application name.
fn client_config(url: &PostgresUrl) -> Result<tokio_postgres::Config, String> {
    let mut config: tokio_postgres::Config = url
        .as_str()
        .parse()
        .map_err(|e: tokio_postgres::Error| e.to_string())?;
    config.connect_timeout(CONNECT_TIMEOUT);
    if config.get_application_name().is_none() {
        config.application_name("claimwatch");
    }
    Ok(config)
}

/// Appends server settings (`-c name=value …`) to those the URL gives.
fn add_options(config: &mut tokio_postgres::Config, extra: &str) {
    let options = config.get_options().unwrap_or("").to_owned();
    config.options(format!("{options} {extra}").trim());
}

/// A pool of at most `size` connections made with `config`, waiting at most
/// [`CONNECT_TIMEOUT`] for one.
fn build_pool(config: tokio_postgres::Config, size: usize) -> Result<Pool, String> {
    let manager = Manager::from_config(
        config,
        tls()?,
        ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        },
    );
    Pool::builder(manager)
        .max_size(size)
        .runtime(Runtime::Tokio1)
        .wait_timeout(Some(CONNECT_TIMEOUT))
        .create_timeout(Some(CONNECT_TIMEOUT))
        .recycle_timeout(Some(CONNECT_TIMEOUT))
        .build()
        .map_err(|e| e.to_string())
}

/// The root cause of a pool error, said once ("connection refused", "password authentication
/// failed for user …"), not the whole chain.
fn pool_error(e: &deadpool_postgres::PoolError) -> String {
    match e {
        deadpool_postgres::PoolError::Backend(e) => pg_message(e),
        deadpool_postgres::PoolError::Timeout(_) => "timed out waiting for a connection".into(),
        deadpool_postgres::PoolError::Closed => "the connection pool is closed".into(),
        other => other.to_string(),
    }
}

/// A tokio-postgres error as a user reads it: the server's message when it sent one, else the
/// innermost cause.
pub(crate) fn pg_message(e: &tokio_postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_owned();
    }
    let mut source: Option<&dyn std::error::Error> = std::error::Error::source(e);
    let mut last = None;
    while let Some(s) = source {
        last = Some(s.to_string());
        source = s.source();
    }
    match last {
        Some(cause) => format!("{e}: {cause}"),
        None => e.to_string(),
    }
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
        if e.code() == Some(&tokio_postgres::error::SqlState::QUERY_CANCELED) {
            Self::TimedOut
        } else if e.is_closed() || e.as_db_error().is_none() {
            Self::Postgres {
                target: String::new(),
                message: pg_message(&e),
            }
        } else {
            Self::Query(pg_message(&e))
        }
    }
}
