//! Retention: statements older than a cutoff are deleted with everything hanging off them,
//! and the freed pages go back to the file system, so the database does not grow forever.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::StoreError;
use super::write::ts;

/// What a prune removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    /// Statements deleted (with their revisions, mentions, claims and alerts).
    pub items: usize,
    /// Poll log rows deleted.
    pub fetches: usize,
    /// Bytes the file shrank by.
    pub bytes_freed: u64,
}

fn file_size(conn: &Connection) -> u64 {
    let pages: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap_or(0);
    let size: i64 = conn
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap_or(0);
    u64::try_from(pages * size).unwrap_or(0)
}

/// Deletes statements published (and last revised) before `cutoff`, in batches of 10,000
/// per transaction, and poll log rows older than it; then returns free pages to the file
/// system (incremental vacuum; a database created before incremental vacuum was enabled is
/// vacuumed once in full to switch it on).
///
/// # Errors
/// A database error; batches already committed stay deleted.
pub fn prune(conn: &mut Connection, cutoff: DateTime<Utc>) -> Result<Pruned, StoreError> {
    let before = file_size(conn);
    let cutoff = ts(cutoff);
    let mut pruned = Pruned::default();
    loop {
        let tx = conn.transaction()?;
        let n = tx.execute(
            "DELETE FROM items WHERE id IN (
                 SELECT id FROM items
                 WHERE COALESCE(published_at, fetched_at) < ?1 AND updated_at < ?1 LIMIT 10000)",
            params![cutoff],
        )?;
        tx.commit()?;
        pruned.items += n;
        if n == 0 {
            break;
        }
    }
    pruned.fetches = conn.execute("DELETE FROM fetches WHERE started_at < ?1", params![cutoff])?;
    conn.execute("DELETE FROM digests WHERE written_at < ?1", params![cutoff])?;
    // Merge the full-text index's segments: searches stay fast as the store ages.
    conn.execute_batch("INSERT INTO items_fts(items_fts) VALUES ('optimize')")?;
    let mode: i64 = conn.query_row("PRAGMA auto_vacuum", [], |r| r.get(0))?;
    if mode == 2 {
        conn.execute_batch("PRAGMA incremental_vacuum")?;
    } else {
        conn.execute_batch("PRAGMA auto_vacuum = INCREMENTAL; VACUUM")?;
    }
    pruned.bytes_freed = before.saturating_sub(file_size(conn));
    Ok(pruned)
}
