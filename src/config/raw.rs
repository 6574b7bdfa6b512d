//! The serde mirror of the TOML file. Every table refuses unknown keys, and every value that
//! validation checks later keeps its span so an error can name its line.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// The whole file as written.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawConfig {
    #[serde(default)]
    pub(crate) daemon: RawDaemon,
    #[serde(default)]
    pub(crate) source: Vec<RawSource>,
    #[serde(default)]
    pub(crate) digest: Vec<RawDigest>,
    #[serde(default)]
    pub(crate) alert: Vec<RawAlert>,
    #[serde(default)]
    pub(crate) party: Vec<RawParty>,
    #[serde(default)]
    pub(crate) conflict: Vec<RawConflict>,
    pub(crate) web: Option<RawWeb>,
}

/// `[web]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWeb {
    pub(crate) listen: Option<Spanned<String>>,
    pub(crate) users_file: Option<Spanned<String>>,
}

/// One `[[party]]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawParty {
    pub(crate) name: Spanned<String>,
    #[serde(default)]
    pub(crate) names: Vec<Spanned<String>>,
}

/// One `[[conflict]]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawConflict {
    pub(crate) name: Spanned<String>,
    pub(crate) parties: Spanned<Vec<String>>,
}

/// One `[[digest]]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDigest {
    pub(crate) name: Spanned<String>,
    pub(crate) schedule: Spanned<String>,
    pub(crate) window_hours: Option<Spanned<i64>>,
    pub(crate) formats: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub(crate) kinds: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) parties: Vec<String>,
}

/// One `[[alert]]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAlert {
    pub(crate) name: Spanned<String>,
    #[serde(default)]
    pub(crate) kinds: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) statuses: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) categories: Vec<Spanned<String>>,
    pub(crate) min_count: Option<Spanned<i64>>,
    #[serde(default)]
    pub(crate) labels: std::collections::BTreeMap<String, String>,
    pub(crate) terms: Option<Spanned<String>>,
    pub(crate) webhook: Option<Spanned<String>>,
    pub(crate) command: Option<Spanned<Vec<String>>>,
    pub(crate) email: Option<Spanned<RawEmail>>,
}

/// `[alert.email]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEmail {
    pub(crate) to: Vec<String>,
    pub(crate) from: String,
    pub(crate) smtp_host: String,
    pub(crate) smtp_port: Option<u16>,
    pub(crate) starttls: Option<bool>,
    pub(crate) username: Option<String>,
    pub(crate) password_file: Option<String>,
    pub(crate) password_env: Option<String>,
}

/// `[daemon]` as written.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDaemon {
    pub(crate) database: Option<Spanned<String>>,
    pub(crate) digest_dir: Option<Spanned<String>>,
    pub(crate) user_agent: Option<Spanned<String>>,
    pub(crate) concurrency: Option<Spanned<i64>>,
    pub(crate) default_schedule: Option<Spanned<String>>,
    pub(crate) digest_schedule: Option<Spanned<String>>,
    pub(crate) digest_window_hours: Option<Spanned<i64>>,
    pub(crate) connect_timeout_secs: Option<Spanned<i64>>,
    pub(crate) timeout_secs: Option<Spanned<i64>>,
    pub(crate) max_body_bytes: Option<Spanned<i64>>,
    pub(crate) jitter_secs: Option<Spanned<i64>>,
    pub(crate) log_filter: Option<Spanned<String>>,
    pub(crate) per_host_concurrency: Option<Spanned<i64>>,
    pub(crate) per_host_interval_ms: Option<Spanned<i64>>,
    pub(crate) backoff_base_secs: Option<Spanned<i64>>,
    pub(crate) backoff_max_secs: Option<Spanned<i64>>,
    pub(crate) max_articles_per_poll: Option<Spanned<i64>>,
    pub(crate) digest_retention_days: Option<Spanned<i64>>,
    pub(crate) alert_retry_base_secs: Option<Spanned<i64>>,
    pub(crate) alert_delivery: Option<Spanned<String>>,
    pub(crate) metrics_listen: Option<Spanned<String>>,
    pub(crate) lease_secs: Option<Spanned<i64>>,
}

/// One `[[source]]` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub(crate) name: Spanned<String>,
    pub(crate) url: Spanned<String>,
    pub(crate) kind: Spanned<String>,
    pub(crate) schedule: Option<Spanned<String>>,
    pub(crate) enabled: Option<bool>,
    pub(crate) robots: Option<bool>,
    pub(crate) language: Option<Spanned<String>>,
    pub(crate) timezone: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) labels: BTreeMap<String, String>,
    pub(crate) page: Option<Spanned<RawPageRule>>,
    pub(crate) article: Option<Spanned<RawArticleRule>>,
}

/// `[source.page]`: CSS selectors for an HTML listing.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPageRule {
    pub(crate) item: Spanned<String>,
    pub(crate) link: Spanned<String>,
    pub(crate) title: Spanned<String>,
    pub(crate) date: Option<Spanned<String>>,
    pub(crate) body: Option<Spanned<String>>,
}

/// `[source.article]`: fetch each new item's own page; `body` selects its text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawArticleRule {
    pub(crate) body: Option<Spanned<String>>,
}
