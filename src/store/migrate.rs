//! Embedded migrations, tracked by `PRAGMA user_version`. Never edit a released migration;
//! append a new one.

use rusqlite::Connection;

use super::StoreError;

const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_politeness.sql"),
    include_str!("migrations/0003_telegram.sql"),
    include_str!("migrations/0004_alerts.sql"),
    include_str!("migrations/0005_language.sql"),
    include_str!("migrations/0006_indexes.sql"),
    include_str!("migrations/0007_alert_sending.sql"),
    include_str!("migrations/0008_fts_by_writer.sql"),
    include_str!("migrations/0009_claim_sides.sql"),
    include_str!("migrations/0010_web_stats.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies every migration the database lacks, each in its own transaction.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let current: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| StoreError::Migrate(e.to_string()))?;
    if current > SCHEMA_VERSION {
        return Err(StoreError::Migrate(format!(
            "the database has schema version {current}, newer than this claimwatch knows \
             ({SCHEMA_VERSION}); upgrade claimwatch"
        )));
    }
    if current == SCHEMA_VERSION {
        return Ok(());
    }
    // Table rebuilds need foreign keys off (they cannot be switched inside a transaction);
    // each migration is checked with foreign_key_check before it commits.
    conn.execute_batch("PRAGMA foreign_keys = OFF")
        .map_err(|e| StoreError::Migrate(e.to_string()))?;
    let result = apply(conn);
    conn.execute_batch("PRAGMA foreign_keys = ON")
        .map_err(|e| StoreError::Migrate(e.to_string()))?;
    result
}

/// Each migration runs in an immediate (write-locked) transaction that first re-reads the
/// version: two processes starting at once on a fresh file take turns, and the second finds
/// the work done instead of failing on "table sources already exists".
fn apply(conn: &mut Connection) -> Result<(), StoreError> {
    loop {
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| StoreError::Migrate(e.to_string()))?;
        let done: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| StoreError::Migrate(e.to_string()))?;
        let Some(sql) = usize::try_from(done).ok().and_then(|d| MIGRATIONS.get(d)) else {
            return Ok(());
        };
        let version = done + 1;
        let fail = |e: rusqlite::Error| StoreError::Migrate(format!("migration {version}: {e}"));
        tx.execute_batch(sql).map_err(fail)?;
        let broken: i64 = tx
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .map_err(fail)?;
        if broken > 0 {
            return Err(StoreError::Migrate(format!(
                "migration {version} would leave {broken} rows with broken references; nothing changed"
            )));
        }
        tx.pragma_update(None, "user_version", version)
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn processes_migrating_one_fresh_file_at_once_take_turns() {
        // Before the migrations took a write lock, the second failed with "migration 1:
        // table sources already exists".
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("fresh.db");
        let start = std::sync::Arc::new(std::sync::Barrier::new(6));
        let workers: Vec<_> = (0..6)
            .map(|_| {
                let (path, start) = (path.clone(), start.clone());
                std::thread::spawn(move || {
                    let conn = crate::store::connect(&path).map_err(|e| e.to_string());
                    // Every thread reaches the barrier, even one whose open failed, so a
                    // failure is reported instead of hanging the others.
                    start.wait();
                    migrate(&mut conn?).map_err(|e| e.to_string())
                })
            })
            .collect();
        for w in workers {
            assert_eq!(w.join().expect("no panic"), Ok(()));
        }
        let conn = Connection::open(&path).expect("open");
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(v, SCHEMA_VERSION);
    }

    #[test]
    fn migrations_apply_once_and_views_work() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        let n: i64 = conn
            .query_row("SELECT count(*) FROM recent_mentions", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
        conn.query_row("SELECT count(*) FROM casualty_claims_view", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap();
    }

    #[test]
    fn upgrading_from_version_1_keeps_every_row() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO sources (name, url, kind) VALUES ('a', 'http://a/', 'feed');
             INSERT INTO items (source_id, guid, title, fetched_at, updated_at, text, raw, content_hash)
               VALUES (1, 'g', 't', '2026-11-27T00:00:00Z', '2026-11-27T00:00:00Z', 'x', 'x', 'h');
             INSERT INTO mentions (item_id, revision, field, kind, sentence, span_start, span_end, tagger_version, tagged_at)
               VALUES (1, 1, 'text', 'clash', 'x', 0, 1, 'v', '2026-11-27T00:00:00Z');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM recent_mentions WHERE source = 'a'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1);
        conn.execute(
            "INSERT INTO sources (name, url, kind) VALUES ('t', 'https://t.me/s/x', 'telegram')",
            [],
        )
        .unwrap();
        let fk: i64 = conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        // Deleting a source still cascades: the references point at the rebuilt table.
        conn.execute("DELETE FROM sources WHERE name = 'a'", [])
            .unwrap();
        let items: i64 = conn
            .query_row("SELECT count(*) FROM items", [], |r| r.get(0))
            .unwrap();
        assert_eq!(items, 0);
    }

    #[test]
    fn a_newer_database_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        let e = migrate(&mut conn).unwrap_err();
        assert!(e.to_string().contains("newer than this claimwatch"), "{e}");
    }
}
