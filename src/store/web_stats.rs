//! The web site's request counters in the database, for `claimwatch status`.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;

/// The web site's counters as last recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct WebStats {
    /// The address it serves on.
    pub listen: String,
    /// When the serving process started (UTC text).
    pub started_at: String,
    /// When these counts were recorded (UTC text).
    pub updated_at: String,
    /// Requests answered since `started_at`.
    pub requests: u64,
    /// Of them, answered with a server error.
    pub failures: u64,
    /// Time spent answering them, in seconds.
    pub seconds: f64,
    /// The latency bound under which 95% were answered, in milliseconds.
    pub p95_ms: Option<u64>,
}

impl WebStats {
    /// Mean time per request, in milliseconds (0 with no requests).
    pub fn mean_ms(&self) -> f64 {
        if self.requests == 0 {
            0.0
        } else {
            self.seconds * 1000.0 / self.requests as f64
        }
    }
}

/// Records `stats`, replacing the previous record.
///
/// # Errors
/// A database error.
pub fn record_web_stats(conn: &Connection, stats: &WebStats) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO web_stats (id, listen, started_at, updated_at, requests, failures, seconds, p95_ms)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET listen = ?1, started_at = ?2, updated_at = ?3,
             requests = ?4, failures = ?5, seconds = ?6, p95_ms = ?7",
        params![
            stats.listen,
            stats.started_at,
            stats.updated_at,
            i64::try_from(stats.requests).unwrap_or(i64::MAX),
            i64::try_from(stats.failures).unwrap_or(i64::MAX),
            stats.seconds,
            stats.p95_ms.and_then(|v| i64::try_from(v).ok()),
        ],
    )?;
    Ok(())
}

/// The last recorded counters, if the site ever ran on this database.
///
/// # Errors
/// A database error.
pub fn web_stats(conn: &Connection) -> Result<Option<WebStats>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT listen, started_at, updated_at, requests, failures, seconds, p95_ms
             FROM web_stats WHERE id = 1",
            [],
            |r| {
                Ok(WebStats {
                    listen: r.get(0)?,
                    started_at: r.get(1)?,
                    updated_at: r.get(2)?,
                    requests: u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
                    failures: u64::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
                    seconds: r.get(5)?,
                    p95_ms: r
                        .get::<_, Option<i64>>(6)?
                        .and_then(|v| u64::try_from(v).ok()),
                })
            },
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_record_replaces_the_one_before() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        super::super::migrate::migrate(&mut conn).expect("migrate");
        assert_eq!(web_stats(&conn).expect("read"), None);
        let mut s = WebStats {
            listen: "127.0.0.1:8080".into(),
            started_at: "2026-12-05T06:00:00Z".into(),
            updated_at: "2026-12-05T06:01:00Z".into(),
            requests: 12,
            failures: 1,
            seconds: 0.25,
            p95_ms: Some(50),
        };
        record_web_stats(&conn, &s).expect("write");
        s.requests = 40;
        s.updated_at = "2026-12-05T06:02:00Z".into();
        record_web_stats(&conn, &s).expect("write again");
        assert_eq!(web_stats(&conn).expect("read"), Some(s));
    }
}
