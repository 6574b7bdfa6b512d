//! Retention and upkeep: statements older than a cutoff are deleted with everything hanging
//! off them, the freed pages go back to the file system, so the database does not grow
//! forever; and the full-text index is merged a little at a time, so searches stay fast.

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

/// Does a bounded amount of merging in the full-text index: about `pages` index pages are
/// rewritten, merging segments on any level that has two or more. Each poll's commit adds a
/// small segment; merged, a search reads a few large ones instead. Run regularly (the daemon
/// does, hourly), it keeps the index near the state a full `optimize` leaves, without ever
/// holding the writer for long. Returns false when there was nothing left to merge.
///
/// # Errors
/// A database error.
pub fn merge_search_index(conn: &mut Connection, pages: u32) -> Result<bool, StoreError> {
    let before = conn.total_changes();
    conn.execute(
        "INSERT INTO items_fts (items_fts, rank) VALUES ('merge', ?1)",
        params![-i64::from(pages.max(1))],
    )?;
    // SQLite's documented test: a merge that did work changes more than one row.
    Ok(conn.total_changes() - before > 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_step_by_step_ends_with_fewer_segments_and_the_same_answers() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = super::super::connect(&dir.path().join("t.db")).unwrap();
        super::super::migrate::migrate(&mut conn).unwrap();
        conn.execute(
            "INSERT INTO sources (name, url, kind) VALUES ('a', 'http://a/', 'feed')",
            [],
        )
        .unwrap();
        // One transaction per statement: one small index segment each.
        for i in 0..300 {
            let text = format!("shelling near village{i} border{}", i % 7);
            conn.execute(
                "INSERT INTO items (source_id, guid, title, fetched_at, updated_at, text, raw, content_hash)
                 VALUES (1, ?1, 't', '2026-11-27T00:00:00Z', '2026-11-27T00:00:00Z', ?2, '', 'h')",
                params![i.to_string(), text],
            )
            .unwrap();
            let id = conn.last_insert_rowid();
            conn.execute(
                "INSERT INTO items_fts (rowid, title, text) VALUES (?1, 't', ?2)",
                params![id, text],
            )
            .unwrap();
        }
        let data_rows = |c: &Connection| -> i64 {
            c.query_row("SELECT count(*) FROM items_fts_data", [], |r| r.get(0))
                .unwrap()
        };
        let hits = |c: &Connection| -> i64 {
            c.query_row(
                "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'border3 shelling'",
                [],
                |r| r.get(0),
            )
            .unwrap()
        };
        let (rows_before, hits_before) = (data_rows(&conn), hits(&conn));
        let mut steps = 0;
        while merge_search_index(&mut conn, 8).unwrap() {
            steps += 1;
            assert!(steps < 1000, "merging never finished");
        }
        assert!(steps >= 1);
        assert!(
            data_rows(&conn) < rows_before,
            "{} of {rows_before}",
            data_rows(&conn)
        );
        assert_eq!(hits(&conn), hits_before);
        assert!(!merge_search_index(&mut conn, 8).unwrap());
        conn.execute_batch("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')")
            .unwrap();
    }
}
