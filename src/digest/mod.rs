//! Digests: the mentions of a time window, with the claims of each side set side by side,
//! rendered as Markdown, HTML, JSON or Atom and written atomically.
//!
//! [`Digest::build`] and the renderers are pure; [`deliver`] and [`prune`] touch the disk.
//! Types: [`Digest`], [`Format`], [`DigestFilter`], [`WrittenDigest`], [`DigestError`].

pub mod alerts;
pub mod atom;
pub(crate) mod html;
pub mod ledger;
pub mod ledger_text;
mod markdown;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

pub use ledger::{Claimed, ConflictSides, Day, Figure, Ledger, Side};
pub use ledger_text::{claim_phrase, claim_whose, figure_phrase, side_line};
pub(crate) use markdown::safe_url as html_safe_url;

use crate::store::StoreError;
use crate::store::queries::MentionRow;

/// A digest problem.
#[derive(Debug, thiserror::Error)]
pub enum DigestError {
    /// Reading the mentions failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Writing the file failed.
    #[error("cannot write digest {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown, `.md`.
    Markdown,
    /// One self-contained HTML page, `.html`.
    Html,
    /// JSON following `docs/digest.schema.json`, `.json`.
    Json,
    /// An Atom feed with one entry per mention, `.atom`.
    Atom,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Atom => "atom",
        }
    }

    /// Reads `md`, `markdown`, `html`, `json` or `atom`.
    ///
    /// # Errors
    /// A message listing the formats.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            "atom" => Ok(Format::Atom),
            other => Err(format!(
                "unknown digest format \"{other}\"; use md, html, json or atom"
            )),
        }
    }
}

/// Which mentions a digest keeps; empty lists keep everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DigestFilter {
    /// Kinds to keep: ceasefire, clash, casualty.
    pub kinds: Vec<String>,
    /// `party` labels or source names to keep.
    pub parties: Vec<String>,
}

impl DigestFilter {
    fn keeps(&self, m: &MentionRow) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&m.kind))
            && (self.parties.is_empty()
                || self
                    .parties
                    .iter()
                    .any(|p| m.party.as_deref() == Some(p.as_str()) || &m.source == p))
    }
}

/// A digest: the window, its mentions, and the ledger of claims per day.
#[derive(Debug, Clone, Serialize)]
pub struct Digest {
    /// `claimwatch.digest/2`, the version of the JSON layout (2: the ledger by conflict and side).
    pub schema: &'static str,
    /// Start of the window (items first seen or revised from then).
    pub since: DateTime<Utc>,
    /// End of the window, exclusive.
    pub until: DateTime<Utc>,
    /// When it was made.
    pub generated_at: DateTime<Utc>,
    /// The mentions, oldest publication first.
    pub mentions: Vec<MentionRow>,
    /// The ledger: per day, claims side by side, the timeline and the casualty mentions.
    pub days: Vec<Day>,
}

impl Digest {
    /// Builds a digest from rows (as [`crate::store::queries::mentions_between`] returns them).
    pub fn build(
        rows: Vec<MentionRow>,
        since: DateTime<Utc>,
        until: DateTime<Utc>,
        now: DateTime<Utc>,
        filter: &DigestFilter,
        conflicts: &[ConflictSides],
    ) -> Self {
        let mentions: Vec<MentionRow> = rows.into_iter().filter(|m| filter.keeps(m)).collect();
        let days = ledger::build(&mentions, conflicts);
        Self {
            schema: "claimwatch.digest/2",
            since,
            until,
            generated_at: now,
            mentions,
            days,
        }
    }

    /// Counts of ceasefire, clash and casualty mentions.
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |k: &str| self.mentions.iter().filter(|m| m.kind == k).count();
        (n("ceasefire"), n("clash"), n("casualty"))
    }

    /// Renders the digest in a format.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Markdown => markdown::render(self),
            Format::Html => html::render(self),
            Format::Json => serde_json::to_string_pretty(self)
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}")),
            Format::Atom => atom::render_digest(self),
        }
    }
}

/// A digest file on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenDigest {
    /// Where it is.
    pub path: PathBuf,
    /// How many mentions it holds.
    pub mentions: usize,
}

/// Writes `bytes` to `path` so that readers see the old file or the new one, never half of
/// one: a temporary file in the same directory, fsync, rename, fsync of the directory.
///
/// # Errors
/// The I/O error, naming the file.
pub fn deliver(path: &Path, bytes: &[u8]) -> Result<(), DigestError> {
    let err = |source| DigestError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".digest-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// What to write: a name for the files, the window, the formats and a filter.
#[derive(Debug, Clone)]
pub struct DigestRequest {
    /// File name prefix ("digest", or a `[[digest]]` section's name).
    pub name: String,
    /// Window start.
    pub since: DateTime<Utc>,
    /// Window end (exclusive).
    pub until: DateTime<Utc>,
    /// Formats to write.
    pub formats: Vec<Format>,
    /// Which mentions to keep.
    pub filter: DigestFilter,
    /// The conflicts the ledger is drawn up by (`[[conflict]]`).
    pub conflicts: Vec<ConflictSides>,
}

/// Renders the mentions of the request's window into one file per format in `dir`, named
/// `NAME-YYYY-MM-DDTHHMMSSZ.EXT` by `now`, and records the digest in the store (against the
/// scheduled `tick` it was claimed for, when it was a scheduled one).
///
/// # Errors
/// A database or file error.
pub async fn write_digest(
    store: &crate::store::Store,
    dir: &Path,
    req: &DigestRequest,
    now: DateTime<Utc>,
    tick: Option<DateTime<Utc>>,
) -> Result<Vec<WrittenDigest>, DigestError> {
    let rows = store.mentions_between(req.since, req.until).await?;
    let digest = Digest::build(rows, req.since, req.until, now, &req.filter, &req.conflicts);
    let mut written = Vec::new();
    for format in &req.formats {
        let path = dir.join(format!(
            "{}-{}.{}",
            req.name,
            now.format("%Y-%m-%dT%H%M%SZ"),
            format.extension()
        ));
        deliver(&path, digest.render(*format).as_bytes())?;
        store
            .record_digest(
                tick,
                now,
                req.since,
                path.to_string_lossy().into_owned(),
                digest.mentions.len(),
            )
            .await?;
        written.push(WrittenDigest {
            path,
            mentions: digest.mentions.len(),
        });
    }
    Ok(written)
}

/// Deletes digest files (`*.md`, `*.html`, `*.json`, `*.atom` whose name starts with a
/// digest name and a date) in `dir` last modified before `cutoff`. Returns how many.
///
/// # Errors
/// The I/O error of reading the directory.
pub fn prune(dir: &Path, cutoff: std::time::SystemTime) -> std::io::Result<usize> {
    let mut removed = 0;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(0);
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let is_digest = ["md", "html", "json", "atom"]
            .iter()
            .any(|x| name.ends_with(&format!(".{x}")))
            && name.contains("-20")
            && !name.starts_with('.')
            && name != "alerts.atom";
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < cutoff);
        if is_digest && old && std::fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// Reads a `--since` value: a window back from `now` ("90m", "24h", "7d") or an RFC 3339 time.
///
/// # Errors
/// A message saying what forms are accepted.
pub fn parse_since(value: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    let v = value.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(v) {
        return Ok(t.with_timezone(&Utc));
    }
    let bad = || format!("invalid time \"{value}\": use 90m, 24h, 7d or an RFC 3339 time");
    let split = v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len());
    let (n, unit) = v.split_at(split);
    let n: i64 = n.parse().map_err(|_| bad())?;
    let d = match unit {
        "s" => chrono::Duration::try_seconds(n),
        "m" => chrono::Duration::try_minutes(n),
        "h" => chrono::Duration::try_hours(n),
        "d" => chrono::Duration::try_days(n),
        _ => None,
    }
    .ok_or_else(bad)?;
    now.checked_sub_signed(d)
        .ok_or_else(|| format!("\"{value}\" reaches too far back"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_accepts_windows_and_times() {
        let now = DateTime::parse_from_rfc3339("2026-11-27T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            parse_since("24h", now).unwrap().to_rfc3339(),
            "2026-11-26T12:00:00+00:00"
        );
        assert_eq!(
            parse_since("90m", now).unwrap().to_rfc3339(),
            "2026-11-27T10:30:00+00:00"
        );
        assert_eq!(
            parse_since("2026-11-01T00:00:00Z", now)
                .unwrap()
                .to_rfc3339(),
            "2026-11-01T00:00:00+00:00"
        );
        assert!(parse_since("yesterday", now).is_err());
        assert!(parse_since("5y", now).is_err());
        assert!(parse_since("99999999999999d", now).is_err());
    }

    #[test]
    fn deliver_replaces_whole_files_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/d.md");
        deliver(&p, b"one").unwrap();
        deliver(&p, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn prune_removes_old_digests_only() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "digest-2026-11-01T000000Z.md",
            "digest-2026-11-01T000000Z.html",
            "alerts.atom",
            "notes.txt",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let future = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
        assert_eq!(prune(dir.path(), future).unwrap(), 2);
        assert!(dir.path().join("alerts.atom").exists() && dir.path().join("notes.txt").exists());
        assert_eq!(
            prune(dir.path(), std::time::SystemTime::UNIX_EPOCH).unwrap(),
            0
        );
    }

    #[test]
    fn formats_parse() {
        assert_eq!(Format::parse("MD").unwrap(), Format::Markdown);
        assert_eq!(Format::parse("atom").unwrap().extension(), "atom");
        assert!(Format::parse("pdf").is_err());
    }
}
