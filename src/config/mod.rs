//! The TOML config: its model, defaults and validation.
//!
//! [`load`] is the only function here that touches the disk; [`validate`] turns the text of a
//! file into a [`Config`] whose values are already parsed (URLs, cron schedules, CSS
//! selectors), or into every [`ConfigError`] found, each with its `file:line`.

mod database;
mod error;
pub mod opml;
mod outputs;
mod parties;
mod raw;
mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use database::{Database, PostgresUrl};
pub use error::{ConfigError, ConfigErrors, LoadError};
pub use outputs::{AlertRule, DigestConfig, EmailConfig};
pub use parties::{ConflictConfig, PartyConfig};
pub use validate::{Environment, validate};

/// The file `claimwatch` reads when neither `--config` nor `$CLAIMWATCH_CONFIG` is given.
pub const SYSTEM_CONFIG_PATH: &str = "/etc/claimwatch/claimwatch.toml";

/// The User-Agent sent when the config sets none: it names the project so publishers can
/// tell who is polling them.
pub const DEFAULT_USER_AGENT: &str = concat!(
    "claimwatch/",
    env!("CARGO_PKG_VERSION"),
    " (conflict statement monitor)"
);

/// A validated config: everything in it has been checked and parsed.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it came from, for messages.
    pub path: PathBuf,
    /// Settings of the daemon as a whole.
    pub daemon: DaemonConfig,
    /// The sources, in file order; shared with the schedule's jobs rather than copied.
    pub sources: Vec<std::sync::Arc<SourceConfig>>,
    /// Scheduled digests (`[[digest]]`; one default digest when none is configured).
    pub digests: Vec<DigestConfig>,
    /// Alert rules (`[[alert]]`).
    pub alerts: Vec<AlertRule>,
    /// The parties watched (`[[party]]`), in file order.
    pub parties: Vec<PartyConfig>,
    /// Which parties face each other (`[[conflict]]`).
    pub conflicts: Vec<ConflictConfig>,
    /// `[web] listen`: where the daemon serves the read-only web site (loopback only); off
    /// when unset.
    pub web_listen: Option<std::net::SocketAddr>,
    /// `[web] users_file`: argon2 hashes of the users the site asks for (HTTP Basic); with it
    /// the site may listen on a non-loopback address.
    pub web_users_file: Option<PathBuf>,
}

/// The `[daemon]` section after validation and defaults.
#[derive(Debug, Clone)]
pub struct DaemonConfig {
    /// The store: an SQLite file or a PostgreSQL URL.
    pub database: Database,
    /// How long an instance's claim on a source's poll lasts before another instance may take
    /// it over (PostgreSQL only): the failover time after a crash is at most two of these.
    pub lease_secs: u64,
    /// Where digests are written.
    pub digest_dir: PathBuf,
    /// The User-Agent header sent on every request.
    pub user_agent: String,
    /// How many sources may be polled at the same time.
    pub concurrency: usize,
    /// The schedule of sources that set none.
    pub default_schedule: CronSchedule,
    /// When the daemon writes a digest.
    pub digest_schedule: CronSchedule,
    /// How far back a scheduled digest looks.
    pub digest_window: Duration,
    /// Limit on establishing a connection.
    pub connect_timeout: Duration,
    /// Limit on a whole request, body included.
    pub timeout: Duration,
    /// Largest response body accepted.
    pub max_body_bytes: u64,
    /// Most a poll is delayed after its cron time, so sources on one schedule don't stampede.
    pub jitter: Duration,
    /// Requests to one host at the same time.
    pub per_host_concurrency: usize,
    /// Minimum gap between the starts of two requests to one host.
    pub per_host_interval: Duration,
    /// First wait after a failed poll; doubles with each further failure. Zero disables backoff.
    pub backoff_base: Duration,
    /// Longest wait between polls of a failing source (it is never given up).
    pub backoff_max: Duration,
    /// Most article pages fetched in one poll of one source.
    pub max_articles_per_poll: usize,
    /// Digest files older than this are deleted after each scheduled digest.
    pub digest_retention: Duration,
    /// First wait before retrying an undelivered alert; doubles per attempt, at most an hour.
    pub alert_retry_base: Duration,
    /// `alert_delivery = "at-most-once"`: an alert whose send may have arrived (a crash or a
    /// timeout mid-send) is never resent. The default, at least once, resends it with the
    /// same idempotency key.
    pub alert_at_most_once: bool,
    /// Log filter (`RUST_LOG` syntax) used when `RUST_LOG` is not set.
    pub log_filter: Option<String>,
    /// Loopback address of the Prometheus metrics endpoint; `None` (the default) disables it.
    pub metrics_listen: Option<std::net::SocketAddr>,
}

/// A cron schedule that has been parsed and accepted: six or seven fields,
/// `sec min hour day-of-month month day-of-week [year]`, evaluated in UTC.
#[derive(Debug, Clone)]
pub struct CronSchedule {
    expression: std::sync::Arc<str>,
    // Shared: thousands of sources on the default schedule hold one parsed copy.
    cron: std::sync::Arc<croner::Cron>,
}

impl CronSchedule {
    /// Parses an expression with the same rules the scheduler applies.
    ///
    /// # Errors
    /// A message saying why the expression is not a valid 6- or 7-field cron line.
    pub fn parse(expression: &str) -> Result<Self, String> {
        let fields = expression.split_whitespace().count();
        if !expression.trim_start().starts_with('@') && !(6..=7).contains(&fields) {
            return Err(format!(
                "cron schedule \"{expression}\" has {fields} fields; claimwatch needs 6 \
                 (sec min hour day-of-month month day-of-week), e.g. \"0 */15 * * * *\""
            ));
        }
        let cron = croner::parser::CronParser::builder()
            .seconds(croner::parser::Seconds::Required)
            .dom_and_dow(true)
            .build()
            .parse(expression)
            .map_err(|e| format!("invalid cron schedule \"{expression}\": {e}"))?;
        Ok(Self {
            expression: expression.into(),
            cron: std::sync::Arc::new(cron),
        })
    }

    /// The expression as written.
    pub fn expression(&self) -> &str {
        &self.expression
    }

    /// The first time the schedule fires strictly after `after`, if any.
    pub fn next_after(
        &self,
        after: chrono::DateTime<chrono::Utc>,
    ) -> Option<chrono::DateTime<chrono::Utc>> {
        self.cron.find_next_occurrence(&after, false).ok()
    }

    /// The latest time the schedule fired at or before `at`: the tick a poll started now
    /// belongs to. Instances sharing a store agree on it, so they poll a source once a tick.
    pub fn latest_at_or_before(
        &self,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Option<chrono::DateTime<chrono::Utc>> {
        self.cron.find_previous_occurrence(&at, true).ok()
    }
}

/// How a source publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// RSS 0.9x/1.0/2.0, Atom or JSON Feed.
    Feed,
    /// An HTML listing read with CSS selectors.
    Page,
    /// A public Telegram channel's web preview, `https://t.me/s/CHANNEL`.
    Telegram,
}

impl SourceKind {
    /// The name used in the config and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Feed => "feed",
            SourceKind::Page => "page",
            SourceKind::Telegram => "telegram",
        }
    }
}

/// CSS selectors of a `page` source, already checked to parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSelectors {
    /// Selects each item of the listing.
    pub item: String,
    /// Inside an item: the element whose `href` is the item's link.
    pub link: String,
    /// Inside an item: the element whose text is the title.
    pub title: String,
    /// Inside an item: the element carrying the date (`datetime` attribute or text).
    pub date: Option<String>,
    /// Inside an item: the element whose text is the body or summary.
    pub body: Option<String>,
}

/// `[source.article]`: fetch each new item's own page once and take its body from there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRule {
    /// CSS selector of the body on the article page; `None` uses a readability-style guess.
    pub body: Option<String>,
}

/// One `[[source]]` after validation.
#[derive(Debug, Clone)]
pub struct SourceConfig {
    /// Unique name; the key that ties stored rows to this source.
    pub name: String,
    /// Where it is polled.
    pub url: url::Url,
    /// How it publishes.
    pub kind: SourceKind,
    /// When it is polled.
    pub schedule: CronSchedule,
    /// Disabled sources are checked but never polled.
    pub enabled: bool,
    /// Respect the host's robots.txt for this source (its feed or page and article pages).
    pub robots: bool,
    /// Language of its texts ("en", "ru", "uk"), if known.
    pub language: Option<String>,
    /// Time zone of dates printed without one on its pages ("Asia/Yerevan"); UTC if unset.
    pub timezone: Option<chrono_tz::Tz>,
    /// Free labels such as `party = "Armenia"`, `type = "ministry"`.
    pub labels: BTreeMap<String, String>,
    /// Selectors for `page` sources.
    pub page: Option<PageSelectors>,
    /// Article fetch, when the listing carries only headlines or summaries.
    pub article: Option<ArticleRule>,
}

impl SourceConfig {
    /// Who speaks in this source's own voice, for claims whose text names no claimant:
    /// its `party` label and name, e.g. "Armenia (Armenia MoD)".
    pub fn own_voice(&self) -> String {
        match self.labels.get("party") {
            Some(party) if !party.is_empty() && party != &self.name => {
                format!("{party} ({})", self.name)
            }
            _ => self.name.clone(),
        }
    }
}

/// Finds the config file: `--config PATH`, else `$CLAIMWATCH_CONFIG`, else
/// [`SYSTEM_CONFIG_PATH`].
pub fn resolve_path(cli: Option<&Path>, env_value: Option<&std::ffi::OsStr>) -> PathBuf {
    if let Some(path) = cli {
        return path.to_path_buf();
    }
    match env_value {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => PathBuf::from(SYSTEM_CONFIG_PATH),
    }
}

/// Where the config comes from, so the daemon can read it again on SIGHUP.
#[derive(Debug, Clone)]
pub struct ConfigSource {
    /// The file.
    pub path: PathBuf,
    /// The environment defaults depend on.
    pub env: Environment,
    /// `--db`, which overrides `daemon.database`: a path or a `postgres://` URL.
    pub db_override: Option<String>,
}

impl ConfigSource {
    /// Reads and validates the file, then applies `--db`.
    ///
    /// # Errors
    /// As [`load`]; [`LoadError::Database`] when `--db` is a URL this build cannot open.
    pub fn load(&self) -> Result<Config, LoadError> {
        let mut config = load(&self.path, &self.env)?;
        if let Some(db) = &self.db_override {
            config.daemon.database = Database::parse(db).map_err(|reason| LoadError::Database {
                value: db.clone(),
                reason,
            })?;
        }
        Ok(config)
    }
}

/// Reads and validates a config file.
///
/// # Errors
/// [`LoadError::Read`] when the file cannot be read, [`LoadError::Invalid`] with every
/// problem found when it is not a valid config.
pub fn load(path: &Path, env: &Environment) -> Result<Config, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(validate(&text, path, env)?)
}
