//! Digests: the new mentions of a time window, rendered for people and written atomically.
//!
//! [`render_markdown`] is pure (rows in, text out); [`deliver`] alone touches the disk.
//! Types: [`WrittenDigest`], [`DigestError`].

mod render;

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

pub use render::{claim_phrase, render_markdown};

use crate::store::StoreError;
use crate::store::queries;

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

/// A digest on disk.
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

/// Renders the mentions of items first seen since `since` into a Markdown digest in `dir`,
/// named by `now`, and records it in the database.
///
/// # Errors
/// A database or file error.
pub fn write_digest(
    conn: &Connection,
    dir: &Path,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<WrittenDigest, DigestError> {
    let rows = queries::mentions_since(conn, since)?;
    let text = render_markdown(&rows, since, now);
    let path = dir.join(format!("digest-{}.md", now.format("%Y-%m-%dT%H%M%SZ")));
    deliver(&path, text.as_bytes())?;
    queries::record_digest(conn, now, since, &path.to_string_lossy(), rows.len())?;
    Ok(WrittenDigest {
        path,
        mentions: rows.len(),
    })
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
    let split = v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len());
    let (n, unit) = v.split_at(split);
    let n: i64 = n.parse().map_err(|_| {
        format!("invalid --since \"{value}\": use 90m, 24h, 7d or an RFC 3339 time")
    })?;
    let d = match unit {
        "s" => chrono::Duration::try_seconds(n),
        "m" => chrono::Duration::try_minutes(n),
        "h" => chrono::Duration::try_hours(n),
        "d" => chrono::Duration::try_days(n),
        _ => None,
    }
    .ok_or_else(|| format!("invalid --since \"{value}\": use 90m, 24h, 7d or an RFC 3339 time"))?;
    now.checked_sub_signed(d)
        .ok_or_else(|| format!("--since \"{value}\" reaches too far back"))
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
}
