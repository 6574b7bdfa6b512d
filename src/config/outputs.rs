//! `[[digest]]` and `[[alert]]`: what the daemon writes and whom it tells.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::time::Duration;

use super::CronSchedule;
use super::raw::{RawAlert, RawDigest};
use super::validate::Collector;

const KINDS: &[&str] = &["ceasefire", "clash", "casualty"];
const FORMATS: &[&str] = &["md", "markdown", "html", "json", "atom"];
const STATUSES: &[&str] = &["agreed", "proposed", "violated", "holding", "collapsed"];
const CATEGORIES: &[&str] = &[
    "killed",
    "wounded",
    "killed_or_wounded",
    "captured",
    "missing",
];

/// A scheduled digest.
#[derive(Debug, Clone)]
pub struct DigestConfig {
    /// Unique name; the prefix of its files.
    pub name: String,
    /// When it is written.
    pub schedule: CronSchedule,
    /// How far back it looks.
    pub window: Duration,
    /// Formats: md, html, json, atom.
    pub formats: Vec<String>,
    /// Kinds kept (all when empty).
    pub kinds: Vec<String>,
    /// `party` labels or source names kept (all when empty).
    pub parties: Vec<String>,
}

/// How an alert email is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailConfig {
    /// Recipients.
    pub to: Vec<String>,
    /// Sender.
    pub from: String,
    /// SMTP server.
    pub smtp_host: String,
    /// SMTP port (default 587 with STARTTLS, 25 without).
    pub smtp_port: u16,
    /// Upgrade the connection with STARTTLS (default true).
    pub starttls: bool,
    /// SMTP user, if the server wants a login.
    pub username: Option<String>,
    /// A file holding the password (read at send time; never logged).
    pub password_file: Option<PathBuf>,
    /// An environment variable holding the password.
    pub password_env: Option<String>,
}

/// An alert rule: which new mentions it matches and where it delivers them.
#[derive(Debug, Clone)]
pub struct AlertRule {
    /// Unique name.
    pub name: String,
    /// Kinds matched (all when empty).
    pub kinds: Vec<String>,
    /// Ceasefire statuses matched (all when empty).
    pub statuses: Vec<String>,
    /// Casualty categories matched (all when empty).
    pub categories: Vec<String>,
    /// Casualty claims must count at least this many.
    pub min_count: Option<u64>,
    /// Source labels that must all match (`party = "Armenia"`, `type = "ministry"`).
    pub labels: BTreeMap<String, String>,
    /// An FTS5 query the item's title and text must match.
    pub terms: Option<String>,
    /// POST the alert as JSON to this URL.
    pub webhook: Option<url::Url>,
    /// Run this command with the alert as JSON on stdin.
    pub command: Option<Vec<String>>,
    /// Send the alert by email.
    pub email: Option<EmailConfig>,
}

fn check_list(
    values: &[toml::Spanned<String>],
    allowed: &[&str],
    what: &str,
    owner: &str,
    c: &mut Collector<'_>,
) -> Vec<String> {
    values
        .iter()
        .filter_map(|v| {
            if allowed.contains(&v.get_ref().as_str()) {
                Some(v.get_ref().clone())
            } else {
                c.push(
                    Some(v.span()),
                    None,
                    format!(
                        "{owner}: unknown {what} \"{}\"; expected one of {}",
                        v.get_ref(),
                        allowed.join(", ")
                    ),
                );
                None
            }
        })
        .collect()
}

pub(crate) fn digests(raw: &[RawDigest], c: &mut Collector<'_>) -> Vec<DigestConfig> {
    let mut names = HashSet::new();
    let mut out = Vec::new();
    for d in raw {
        let name = d.name.get_ref().clone();
        let owner = format!("digest \"{name}\"");
        if name.is_empty()
            || !name
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
        {
            c.push(
                Some(d.name.span()),
                None,
                format!("{owner}: a digest name is letters, digits, - and _ (it names files)"),
            );
        } else if !names.insert(name.clone()) {
            c.push(
                Some(d.name.span()),
                None,
                format!("{owner}: duplicate digest name"),
            );
        }
        let schedule = match CronSchedule::parse(d.schedule.get_ref()) {
            Ok(s) => Some(s),
            Err(m) => {
                c.push(Some(d.schedule.span()), None, format!("{owner}: {m}"));
                None
            }
        };
        let window_hours = match &d.window_hours {
            Some(w) if *w.get_ref() <= 0 => {
                c.push(
                    Some(w.span()),
                    None,
                    format!("{owner}: window_hours must be positive"),
                );
                24
            }
            Some(w) => u64::try_from(*w.get_ref()).unwrap_or(24),
            None => 24,
        };
        let formats = match &d.formats {
            Some(f) => {
                for bad in f
                    .get_ref()
                    .iter()
                    .filter(|x| !FORMATS.contains(&x.as_str()))
                {
                    c.push(
                        Some(f.span()),
                        None,
                        format!(
                            "{owner}: unknown format \"{bad}\"; expected md, html, json or atom"
                        ),
                    );
                }
                f.get_ref().clone()
            }
            None => vec!["md".into(), "html".into(), "json".into()],
        };
        let kinds = check_list(&d.kinds, KINDS, "kind", &owner, c);
        if let Some(schedule) = schedule {
            out.push(DigestConfig {
                name,
                schedule,
                window: Duration::from_secs(window_hours.saturating_mul(3600)),
                formats,
                kinds,
                parties: d.parties.clone(),
            });
        }
    }
    out
}

/// Runs an FTS5 query against an empty in-memory index, which rejects bad syntax the way the
/// real one would.
fn check_fts_query(q: &str) -> Result<(), String> {
    let conn = rusqlite::Connection::open_in_memory().map_err(|e| e.to_string())?;
    conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')")
        .map_err(|e| e.to_string())?;
    conn.query_row("SELECT count(*) FROM t WHERE t MATCH ?1", [q], |r| {
        r.get::<_, i64>(0)
    })
    .map(|_| ())
    .map_err(|e| e.to_string())
}

pub(crate) fn alerts(raw: &[RawAlert], c: &mut Collector<'_>) -> Vec<AlertRule> {
    let mut names = HashSet::new();
    let mut out = Vec::new();
    for a in raw {
        let name = a.name.get_ref().clone();
        let owner = format!("alert \"{name}\"");
        if name.trim().is_empty() {
            c.push(Some(a.name.span()), None, "alert name is empty".into());
        } else if !names.insert(name.clone()) {
            c.push(
                Some(a.name.span()),
                None,
                format!("{owner}: duplicate alert name"),
            );
        }
        let kinds = check_list(&a.kinds, KINDS, "kind", &owner, c);
        let statuses = check_list(&a.statuses, STATUSES, "ceasefire status", &owner, c);
        let categories = check_list(&a.categories, CATEGORIES, "casualty category", &owner, c);
        let min_count = a
            .min_count
            .as_ref()
            .and_then(|m| match u64::try_from(*m.get_ref()) {
                Ok(n) => Some(n),
                Err(_) => {
                    c.push(
                        Some(m.span()),
                        None,
                        format!("{owner}: min_count must not be negative"),
                    );
                    None
                }
            });
        let webhook = a
            .webhook
            .as_ref()
            .and_then(|w| match url::Url::parse(w.get_ref()) {
                Ok(u) if matches!(u.scheme(), "http" | "https") => Some(u),
                _ => {
                    c.push(
                        Some(w.span()),
                        None,
                        format!("{owner}: webhook \"{}\" is not an http(s) URL", w.get_ref()),
                    );
                    None
                }
            });
        let command = a.command.as_ref().and_then(|cmd| {
            if cmd.get_ref().is_empty() || cmd.get_ref()[0].is_empty() {
                c.push(Some(cmd.span()), None, format!("{owner}: command needs a program, e.g. [\"/usr/local/bin/notify\", \"--desk\"]"));
                None
            } else {
                Some(cmd.get_ref().clone())
            }
        });
        let email = a.email.as_ref().map(|e| {
            let r = e.get_ref();
            if r.to.is_empty()
                || !r
                    .to
                    .iter()
                    .chain(std::iter::once(&r.from))
                    .all(|x| x.contains('@'))
            {
                c.push(
                    Some(e.span()),
                    None,
                    format!("{owner}: email needs a from address and at least one to address"),
                );
            }
            let starttls = r.starttls.unwrap_or(true);
            EmailConfig {
                to: r.to.clone(),
                from: r.from.clone(),
                smtp_host: r.smtp_host.clone(),
                smtp_port: r.smtp_port.unwrap_or(if starttls { 587 } else { 25 }),
                starttls,
                username: r.username.clone(),
                password_file: r.password_file.as_ref().map(PathBuf::from),
                password_env: r.password_env.clone(),
            }
        });
        if let Some(t) = &a.terms
            && let Err(e) = check_fts_query(t.get_ref())
        {
            c.push(
                Some(t.span()),
                None,
                format!(
                    "{owner}: terms \"{}\" is not a valid full-text query: {e}",
                    t.get_ref()
                ),
            );
        }
        if a.webhook.is_none() && a.command.is_none() && a.email.is_none() {
            c.push(
                Some(a.name.span()),
                None,
                format!("{owner}: no delivery; set webhook, command or [alert.email]"),
            );
        }
        out.push(AlertRule {
            name,
            kinds,
            statuses,
            categories,
            min_count,
            labels: a.labels.clone(),
            terms: a.terms.as_ref().map(|t| t.get_ref().clone()),
            webhook,
            command,
            email,
        });
    }
    out
}
