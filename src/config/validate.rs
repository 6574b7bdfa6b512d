//! Raw TOML → [`Config`], collecting every problem with its line.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use toml::Spanned;

use super::error::line_col;
use super::raw::{RawConfig, RawDaemon, RawPageRule, RawSource};
use super::{
    ArticleRule, Config, ConfigError, ConfigErrors, CronSchedule, DEFAULT_USER_AGENT, DaemonConfig,
    PageSelectors, SourceConfig, SourceKind,
};

/// The parts of the process environment that change defaults; passed in so validation stays
/// a pure function of its inputs.
#[derive(Debug, Clone, Default)]
pub struct Environment {
    /// `$STATE_DIRECTORY`, set by systemd for units with `StateDirectory=`.
    pub state_directory: Option<PathBuf>,
}

impl Environment {
    /// Reads the variables from this process's environment.
    pub fn from_process() -> Self {
        // systemd may pass several colon-separated directories; the first is ours.
        let state_directory = std::env::var_os("STATE_DIRECTORY")
            .and_then(|v| {
                v.to_str()
                    .and_then(|s| s.split(':').next())
                    .map(PathBuf::from)
            })
            .filter(|p| !p.as_os_str().is_empty());
        Self { state_directory }
    }
}

pub(crate) struct Collector<'a> {
    path: &'a Path,
    text: &'a str,
    errors: Vec<ConfigError>,
    schedules: HashMap<String, CronSchedule>,
}

impl Collector<'_> {
    /// The text of the file being validated.
    pub(crate) fn text(&self) -> &str {
        self.text
    }

    pub(crate) fn push(
        &mut self,
        span: Option<Range<usize>>,
        source_name: Option<&str>,
        message: String,
    ) {
        let (line, column) = match span {
            Some(r) => {
                let (l, c) = line_col(self.text, r.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        self.errors.push(ConfigError {
            path: self.path.to_path_buf(),
            line,
            column,
            source_name: source_name.map(str::to_owned),
            message,
        });
    }
}

/// Validates the text of a config file.
///
/// # Errors
/// Every problem found: TOML syntax, unknown keys, bad URLs, cron schedules and selectors,
/// duplicate source names, out-of-range numbers, each with `file:line:column`.
pub fn validate(text: &str, path: &Path, env: &Environment) -> Result<Config, ConfigErrors> {
    let mut c = Collector {
        path,
        text,
        errors: Vec::new(),
        schedules: HashMap::new(),
    };
    let raw: RawConfig = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let message = e.message().to_owned();
            c.push(e.span(), None, message);
            return Err(ConfigErrors { errors: c.errors });
        }
    };
    let daemon = daemon_config(&raw.daemon, env, &mut c);
    let mut sources = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for s in &raw.source {
        let name = s.name.get_ref().trim().to_owned();
        if name.is_empty() {
            c.push(Some(s.name.span()), None, "source name is empty".into());
        } else if let Some(first) = seen.get(&name) {
            let (line, _) = line_col(text, *first);
            c.push(
                Some(s.name.span()),
                Some(&name),
                format!("duplicate source name (first defined on line {line})"),
            );
        } else {
            seen.insert(name.clone(), s.name.span().start);
        }
        if let Some(src) = source_config(s, &name, daemon.as_ref(), &mut c) {
            sources.push(std::sync::Arc::new(src));
        }
    }
    let mut digests = super::outputs::digests(&raw.digest, &mut c);
    if digests.is_empty()
        && let Some(d) = &daemon
    {
        digests.push(super::DigestConfig {
            name: "digest".into(),
            schedule: d.digest_schedule.clone(),
            window: d.digest_window,
            formats: vec!["md".into(), "html".into(), "json".into()],
            kinds: Vec::new(),
            parties: Vec::new(),
        });
    }
    let alerts = super::outputs::alerts(&raw.alert, &mut c);
    let parties = super::parties::parties(&raw.party, &mut c);
    let conflicts = super::parties::conflicts(&raw.conflict, &parties, &mut c);
    let web_listen = super::parties::web_listen(raw.web.as_ref(), &mut c);
    let web_users_file = super::parties::web_users_file(raw.web.as_ref());
    match daemon {
        Some(daemon) if c.errors.is_empty() => Ok(Config {
            path: path.to_path_buf(),
            daemon,
            sources,
            digests,
            alerts,
            parties,
            conflicts,
            web_listen,
            web_users_file,
        }),
        _ => Err(ConfigErrors { errors: c.errors }),
    }
}

fn positive(v: Option<&Spanned<i64>>, key: &str, default: i64, c: &mut Collector<'_>) -> u64 {
    match v {
        None => u64::try_from(default).unwrap_or(1),
        Some(s) => match u64::try_from(*s.get_ref()) {
            Ok(n) if n > 0 => n,
            _ => {
                c.push(
                    Some(s.span()),
                    None,
                    format!("daemon.{key} must be a positive number"),
                );
                1
            }
        },
    }
}

fn non_negative(v: Option<&Spanned<i64>>, key: &str, default: u64, c: &mut Collector<'_>) -> u64 {
    match v {
        None => default,
        Some(s) => u64::try_from(*s.get_ref()).unwrap_or_else(|_| {
            c.push(
                Some(s.span()),
                None,
                format!("daemon.{key} must not be negative"),
            );
            default
        }),
    }
}

fn schedule(
    v: &Spanned<String>,
    source: Option<&str>,
    c: &mut Collector<'_>,
) -> Option<CronSchedule> {
    if let Some(known) = c.schedules.get(v.get_ref()) {
        return Some(known.clone());
    }
    match CronSchedule::parse(v.get_ref()) {
        Ok(s) => {
            // Parsed once per distinct expression: thousands of sources share it.
            c.schedules.insert(v.get_ref().clone(), s.clone());
            Some(s)
        }
        Err(message) => {
            c.push(Some(v.span()), source, message);
            None
        }
    }
}

fn daemon_config(d: &RawDaemon, env: &Environment, c: &mut Collector<'_>) -> Option<DaemonConfig> {
    let base = env
        .state_directory
        .clone()
        .unwrap_or_else(|| PathBuf::from("."));
    let database = match &d.database {
        None => super::Database::Sqlite(base.join("claimwatch.db")),
        Some(p) => match super::Database::parse(p.get_ref()) {
            Ok(db) => db,
            Err(reason) => {
                c.push(Some(p.span()), None, format!("daemon.database: {reason}"));
                super::Database::Sqlite(base.join("claimwatch.db"))
            }
        },
    };
    let digest_dir = d
        .digest_dir
        .as_ref()
        .map_or_else(|| base.join("digests"), |p| PathBuf::from(p.get_ref()));
    let user_agent = match &d.user_agent {
        Some(ua) if ua.get_ref().trim().is_empty() || ua.get_ref().contains(['\r', '\n']) => {
            c.push(
                Some(ua.span()),
                None,
                "daemon.user_agent must be one non-empty line".into(),
            );
            String::new()
        }
        Some(ua) => ua.get_ref().clone(),
        None => DEFAULT_USER_AGENT.to_owned(),
    };
    let concurrency = positive(d.concurrency.as_ref(), "concurrency", 8, c);
    let window = positive(d.digest_window_hours.as_ref(), "digest_window_hours", 24, c);
    let connect = positive(
        d.connect_timeout_secs.as_ref(),
        "connect_timeout_secs",
        10,
        c,
    );
    let timeout = positive(d.timeout_secs.as_ref(), "timeout_secs", 60, c);
    let max_body = positive(
        d.max_body_bytes.as_ref(),
        "max_body_bytes",
        20 * 1024 * 1024,
        c,
    );
    let per_host = positive(
        d.per_host_concurrency.as_ref(),
        "per_host_concurrency",
        2,
        c,
    );
    let per_host_interval = non_negative(
        d.per_host_interval_ms.as_ref(),
        "per_host_interval_ms",
        1000,
        c,
    );
    let backoff_base = non_negative(d.backoff_base_secs.as_ref(), "backoff_base_secs", 60, c);
    let backoff_max = positive(d.backoff_max_secs.as_ref(), "backoff_max_secs", 6 * 3600, c);
    let max_articles = positive(
        d.max_articles_per_poll.as_ref(),
        "max_articles_per_poll",
        30,
        c,
    );
    let retention = positive(
        d.digest_retention_days.as_ref(),
        "digest_retention_days",
        30,
        c,
    );
    let alert_retry = positive(
        d.alert_retry_base_secs.as_ref(),
        "alert_retry_base_secs",
        30,
        c,
    );
    let jitter = non_negative(d.jitter_secs.as_ref(), "jitter_secs", 20, c);
    let lease_secs = positive(d.lease_secs.as_ref(), "lease_secs", 60, c);
    let log_filter = d.log_filter.as_ref().map(|f| {
        if tracing_subscriber::EnvFilter::try_new(f.get_ref()).is_err() {
            c.push(Some(f.span()), None, format!("daemon.log_filter \"{}\" is not a valid filter (RUST_LOG syntax, e.g. \"info\" or \"claimwatch=debug\")", f.get_ref()));
        }
        f.get_ref().clone()
    });
    let metrics_listen =
        d.metrics_listen
            .as_ref()
            .and_then(|m| match m.get_ref().parse::<std::net::SocketAddr>() {
                Ok(a) if a.ip().is_loopback() => Some(a),
                Ok(_) => {
                    c.push(
                    Some(m.span()),
                    None,
                    "daemon.metrics_listen must be a loopback address such as \"127.0.0.1:9464\""
                        .into(),
                );
                    None
                }
                Err(e) => {
                    c.push(
                        Some(m.span()),
                        None,
                        format!("daemon.metrics_listen \"{}\": {e}", m.get_ref()),
                    );
                    None
                }
            });
    let default_schedule = match &d.default_schedule {
        Some(s) => schedule(s, None, c),
        None => CronSchedule::parse("0 */15 * * * *").ok(),
    };
    let digest_schedule = match &d.digest_schedule {
        Some(s) => schedule(s, None, c),
        None => CronSchedule::parse("0 0 * * * *").ok(),
    };
    Some(DaemonConfig {
        database,
        lease_secs,
        digest_dir,
        user_agent,
        concurrency: usize::try_from(concurrency).unwrap_or(usize::MAX),
        default_schedule: default_schedule?,
        digest_schedule: digest_schedule?,
        digest_window: Duration::from_secs(window.saturating_mul(3600)),
        connect_timeout: Duration::from_secs(connect),
        timeout: Duration::from_secs(timeout),
        max_body_bytes: max_body,
        jitter: Duration::from_secs(jitter),
        log_filter,
        metrics_listen,
        per_host_concurrency: usize::try_from(per_host).unwrap_or(2),
        per_host_interval: Duration::from_millis(per_host_interval),
        backoff_base: Duration::from_secs(backoff_base),
        backoff_max: Duration::from_secs(backoff_max),
        max_articles_per_poll: usize::try_from(max_articles).unwrap_or(30),
        digest_retention: Duration::from_secs(retention.saturating_mul(86_400)),
        alert_retry_base: Duration::from_secs(alert_retry),
        alert_at_most_once: match &d.alert_delivery {
            None => false,
            Some(v) if v.get_ref() == "at-least-once" => false,
            Some(v) if v.get_ref() == "at-most-once" => true,
            Some(v) => {
                c.push(Some(v.span()), None, format!("daemon.alert_delivery \"{}\": expected \"at-least-once\" or \"at-most-once\"", v.get_ref()));
                false
            }
        },
    })
}

fn selector(v: &Spanned<String>, key: &str, source: &str, c: &mut Collector<'_>) -> String {
    if let Err(e) = scraper::Selector::parse(v.get_ref()) {
        c.push(
            Some(v.span()),
            Some(source),
            format!("{key}: invalid CSS selector \"{}\": {e}", v.get_ref()),
        );
    }
    v.get_ref().clone()
}

fn page_rule(p: &RawPageRule, source: &str, c: &mut Collector<'_>) -> PageSelectors {
    PageSelectors {
        item: selector(&p.item, "page.item", source, c),
        link: selector(&p.link, "page.link", source, c),
        title: selector(&p.title, "page.title", source, c),
        date: p.date.as_ref().map(|d| selector(d, "page.date", source, c)),
        body: p.body.as_ref().map(|b| selector(b, "page.body", source, c)),
    }
}

fn source_config(
    s: &RawSource,
    name: &str,
    daemon: Option<&DaemonConfig>,
    c: &mut Collector<'_>,
) -> Option<SourceConfig> {
    let url = match url::Url::parse(s.url.get_ref()) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Some(u),
        Ok(u) => {
            c.push(
                Some(s.url.span()),
                Some(name),
                format!("url \"{u}\" must be an http or https URL with a host"),
            );
            None
        }
        Err(e) => {
            c.push(
                Some(s.url.span()),
                Some(name),
                format!("invalid url \"{}\": {e}", s.url.get_ref()),
            );
            None
        }
    };
    let kind = match s.kind.get_ref().as_str() {
        "feed" => Some(SourceKind::Feed),
        "page" => Some(SourceKind::Page),
        "telegram" => Some(SourceKind::Telegram),
        other => {
            c.push(
                Some(s.kind.span()),
                Some(name),
                format!("unknown kind \"{other}\"; expected \"feed\", \"page\" or \"telegram\""),
            );
            None
        }
    };
    let page = s
        .page
        .as_ref()
        .map(|p| (p.span(), page_rule(p.get_ref(), name, c)));
    match (kind, &page) {
        (Some(SourceKind::Page), None) => c.push(
            Some(s.kind.span()),
            Some(name),
            "kind = \"page\" needs a [source.page] table with item, link and title selectors"
                .into(),
        ),
        (Some(SourceKind::Feed | SourceKind::Telegram), Some((span, _))) => c.push(
            Some(span.clone()),
            Some(name),
            "[source.page] is only used with kind = \"page\"".into(),
        ),
        _ => {}
    }
    if kind == Some(SourceKind::Telegram)
        && url.as_ref().is_some_and(|u| {
            let mut segments = u
                .path_segments()
                .into_iter()
                .flatten()
                .filter(|x| !x.is_empty());
            !(segments.next() == Some("s")
                && segments.next().is_some()
                && segments.next().is_none())
        })
    {
        c.push(
            Some(s.url.span()),
            Some(name),
            "a telegram source's url is the channel's web preview, https://t.me/s/CHANNEL".into(),
        );
    }
    let schedule = match &s.schedule {
        Some(sched) => schedule(sched, Some(name), c),
        None => daemon.map(|d| d.default_schedule.clone()),
    };
    let language = match &s.language {
        Some(l)
            if l.get_ref().is_empty()
                || !l
                    .get_ref()
                    .chars()
                    .all(|ch| ch.is_ascii_alphabetic() || ch == '-') =>
        {
            c.push(
                Some(l.span()),
                Some(name),
                format!(
                    "language \"{}\" is not a language tag such as \"en\" or \"ru\"",
                    l.get_ref()
                ),
            );
            None
        }
        Some(l) => Some(l.get_ref().to_ascii_lowercase()),
        None => None,
    };
    let timezone = s
        .timezone
        .as_ref()
        .and_then(|t| match t.get_ref().parse::<chrono_tz::Tz>() {
            Ok(tz) => Some(tz),
            Err(_) => {
                c.push(
                    Some(t.span()),
                    Some(name),
                    format!(
                        "unknown time zone \"{}\"; use an IANA name such as \"Asia/Yerevan\"",
                        t.get_ref()
                    ),
                );
                None
            }
        });
    Some(SourceConfig {
        name: name.to_owned(),
        url: url?,
        kind: kind?,
        schedule: schedule?,
        enabled: s.enabled.unwrap_or(true),
        robots: s.robots.unwrap_or(false),
        language,
        timezone,
        labels: s.labels.clone(),
        page: page.map(|(_, p)| p),
        article: s.article.as_ref().map(|a| ArticleRule {
            body: a
                .get_ref()
                .body
                .as_ref()
                .map(|b| selector(b, "article.body", name, c)),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Database;

    fn check(text: &str) -> Result<Config, ConfigErrors> {
        validate(text, Path::new("test.toml"), &Environment::default())
    }

    fn messages(text: &str) -> Vec<String> {
        match check(text) {
            Ok(_) => Vec::new(),
            Err(e) => e.errors.iter().map(ToString::to_string).collect(),
        }
    }

    const GOOD: &str = r#"
[daemon]
database = "x.db"

[[source]]
name = "UN News"
url = "https://news.un.org/feed/subscribe/en/news/all/rss.xml"
kind = "feed"
labels = { type = "international" }

[[source]]
name = "Armenia MoD"
url = "https://mil.am/en/news"
kind = "page"
schedule = "0 */10 * * * *"
labels = { party = "Armenia", type = "ministry" }
[source.page]
item = "div.news-item"
link = "a"
title = "h3"
date = "time"
"#;

    #[test]
    fn a_good_config_is_accepted_with_defaults() {
        let cfg = check(GOOD).unwrap();
        assert_eq!(cfg.sources.len(), 2);
        assert_eq!(cfg.sources[0].schedule.expression(), "0 */15 * * * *");
        assert_eq!(cfg.sources[1].kind, SourceKind::Page);
        assert_eq!(cfg.sources[1].own_voice(), "Armenia (Armenia MoD)");
        assert_eq!(cfg.daemon.database, Database::Sqlite(PathBuf::from("x.db")));
        assert_eq!(cfg.daemon.lease_secs, 60);
        assert_eq!(cfg.daemon.concurrency, 8);
    }

    #[test]
    fn a_database_url_is_a_config_error_on_its_line_never_a_path() {
        for (url, says) in [
            ("mysql://u@db/cw", "unknown database scheme \"mysql\""),
            ("postgres://cw@db.internal:5432/", "names no database"),
            ("sqlite:///var/lib/cw.db", "as a plain path"),
        ] {
            let text = GOOD.replace("database = \"x.db\"", &format!("database = \"{url}\""));
            let m = messages(&text);
            assert_eq!(m.len(), 1, "{m:?}");
            assert!(
                m[0].starts_with("test.toml:3:") && m[0].contains(says),
                "{url}: {m:?}"
            );
        }
        let text = GOOD.replace(
            "database = \"x.db\"",
            "database = \"postgres://cw@db.internal:5432/cw?sslmode=require\"\nlease_secs = 0",
        );
        let m = messages(&text);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].contains("lease_secs must be a positive number"),
            "{m:?}"
        );
    }

    #[test]
    fn state_directory_sets_the_default_database() {
        let env = Environment {
            state_directory: Some(PathBuf::from("/var/lib/claimwatch")),
        };
        let cfg = validate("", Path::new("t.toml"), &env).unwrap();
        assert_eq!(
            cfg.daemon.database,
            Database::Sqlite(PathBuf::from("/var/lib/claimwatch/claimwatch.db"))
        );
        let cfg = check("").unwrap();
        assert_eq!(
            cfg.daemon.database,
            Database::Sqlite(PathBuf::from("./claimwatch.db"))
        );
    }

    #[test]
    fn unknown_keys_are_reported_with_their_line() {
        let text = GOOD.replace("schedule = \"0 */10", "shedule = \"0 */10");
        let m = messages(&text);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].starts_with("test.toml:15:"), "{m:?}");
        assert!(m[0].contains("shedule"), "{m:?}");
    }

    #[test]
    fn every_bad_value_is_reported_with_line_and_source() {
        let text = GOOD
            .replace("0 */10 * * * *", "*/10 * * * *")
            .replace(
                "https://news.un.org/feed/subscribe/en/news/all/rss.xml",
                "ftp://x",
            )
            .replace("div.news-item", "div[[")
            .replace("\"Armenia MoD\"", "\"UN News\"");
        let m = messages(&text);
        assert_eq!(m.len(), 4, "{m:?}");
        assert!(m.iter().any(|e| e.starts_with("test.toml:7:")
            && e.contains("source \"UN News\"")
            && e.contains("http")));
        assert!(m.iter().any(|e| e.starts_with("test.toml:12:")
            && e.contains("duplicate source name (first defined on line 6)")));
        assert!(
            m.iter()
                .any(|e| e.starts_with("test.toml:15:") && e.contains("5 fields"))
        );
        assert!(
            m.iter()
                .any(|e| e.starts_with("test.toml:18:") && e.contains("invalid CSS selector"))
        );
    }

    #[test]
    fn toml_syntax_errors_have_a_line() {
        let m = messages("[daemon]\nconcurrency = = 3\n");
        assert_eq!(m.len(), 1);
        assert!(m[0].starts_with("test.toml:2:"), "{m:?}");
    }

    #[test]
    fn page_kind_needs_selectors_and_feed_refuses_them() {
        let m = messages("[[source]]\nname = \"a\"\nurl = \"http://x/\"\nkind = \"page\"\n");
        assert!(m[0].contains("needs a [source.page]"), "{m:?}");
        let m = messages(
            "[[source]]\nname = \"a\"\nurl = \"http://x/\"\nkind = \"feed\"\n[source.page]\nitem=\"a\"\nlink=\"a\"\ntitle=\"a\"\n",
        );
        assert!(m[0].contains("only used with kind = \"page\""), "{m:?}");
        let m = messages("[[source]]\nname = \"a\"\nurl = \"http://x/\"\nkind = \"podcast\"\n");
        assert!(
            m[0].starts_with("test.toml:4:") && m[0].contains("unknown kind"),
            "{m:?}"
        );
    }

    #[test]
    fn metrics_must_stay_on_loopback_and_filters_must_parse() {
        let m = messages("[daemon]\nmetrics_listen = \"0.0.0.0:9464\"\nlog_filter = \"info,[\"\n");
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(
            m[0].starts_with("test.toml:3:") && m[0].contains("log_filter"),
            "{m:?}"
        );
        assert!(
            m[1].starts_with("test.toml:2:") && m[1].contains("loopback"),
            "{m:?}"
        );
        let cfg = check("[daemon]\nmetrics_listen = \"127.0.0.1:9464\"\n").unwrap();
        assert_eq!(cfg.daemon.metrics_listen.unwrap().port(), 9464);
    }

    #[test]
    fn numbers_must_be_positive() {
        let m = messages("[daemon]\nconcurrency = 0\ntimeout_secs = -5\n");
        assert_eq!(m.len(), 2, "{m:?}");
        assert!(m[0].starts_with("test.toml:2:"));
        assert!(m[1].starts_with("test.toml:3:"));
    }
}
