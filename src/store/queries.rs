//! Reads for the CLI and the digests.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::StoreError;
use super::write::ts;

/// A source's state as the `sources` command shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceStatus {
    /// Name.
    pub name: String,
    /// "feed" or "page".
    pub kind: String,
    /// Last poll time.
    pub last_poll_at: Option<String>,
    /// Last HTTP status.
    pub last_status: Option<i64>,
    /// Items stored.
    pub items: i64,
    /// Mentions stored (current revisions).
    pub mentions: i64,
    /// Failed polls in a row.
    pub consecutive_errors: i64,
    /// The last poll's error, if it failed.
    pub last_error: Option<String>,
    /// `ok`, `degraded` or `failing` (see [`health`] and [`quiet_reason`]).
    pub health: &'static str,
    /// Why the source is not `ok`: its last error, or that it has gone quiet.
    pub health_reason: Option<String>,
    /// The last successful poll.
    pub last_ok_at: Option<String>,
}

/// Each source's last poll time.
///
/// # Errors
/// A database error.
pub fn last_polls(
    conn: &mut Connection,
) -> Result<std::collections::HashMap<String, DateTime<Utc>>, StoreError> {
    let mut stmt =
        conn.prepare("SELECT name, last_poll_at FROM sources WHERE last_poll_at IS NOT NULL")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = std::collections::HashMap::new();
    for row in rows {
        let (name, at) = row?;
        if let Ok(t) = DateTime::parse_from_rfc3339(&at) {
            out.insert(name, t.with_timezone(&Utc));
        }
    }
    Ok(out)
}

/// Every known source with its state.
///
/// # Errors
/// A database error.
pub fn source_statuses(
    conn: &Connection,
    now: DateTime<Utc>,
) -> Result<Vec<SourceStatus>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT s.id, s.name, s.kind, s.last_poll_at, s.last_status,
                (SELECT count(*) FROM items i WHERE i.source_id = s.id),
                (SELECT count(*) FROM mentions m JOIN items i ON i.id = m.item_id
                   AND m.revision = i.revision WHERE i.source_id = s.id),
                s.consecutive_errors, s.last_error, s.last_ok_at
         FROM sources s ORDER BY s.name",
    )?;
    let mut recent = conn.prepare(
        "SELECT COALESCE(published_at, fetched_at) AS t FROM items WHERE source_id = ?1
         ORDER BY t DESC LIMIT 20",
    )?;
    let rows = stmt.query_map([], |r| {
        let errors: i64 = r.get(7)?;
        Ok((
            r.get::<_, i64>(0)?,
            SourceStatus {
                name: r.get(1)?,
                kind: r.get(2)?,
                last_poll_at: r.get(3)?,
                last_status: r.get(4)?,
                items: r.get(5)?,
                mentions: r.get(6)?,
                consecutive_errors: errors,
                last_error: r.get(8)?,
                health: health(errors),
                health_reason: None,
                last_ok_at: r.get(9)?,
            },
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, mut status) = row?;
        if status.health == "ok" {
            let times: Vec<DateTime<Utc>> = recent
                .query_map([id], |r| r.get::<_, String>(0))?
                .filter_map(|t| t.ok().and_then(|t| DateTime::parse_from_rfc3339(&t).ok()))
                .map(|t| t.with_timezone(&Utc))
                .collect();
            if let Some(reason) = quiet_reason(&times, now) {
                status.health = "degraded";
                status.health_reason = Some(reason);
            }
        } else {
            status.health_reason.clone_from(&status.last_error);
        }
        out.push(status);
    }
    Ok(out)
}

fn human(d: chrono::Duration) -> String {
    let m = d.num_minutes();
    match m {
        ..=119 => format!("{m} min"),
        120..=2879 => format!("{} h", m / 60),
        _ => format!("{} d", m / 1440),
    }
}

/// Why a source that publishes on a rhythm counts as quiet: no new item for ten times its
/// usual gap (and at least two days), judged from the publication times of its latest items
/// (newest first). Needs five items to know a rhythm.
pub fn quiet_reason(times: &[DateTime<Utc>], now: DateTime<Utc>) -> Option<String> {
    let (newest, oldest) = (times.first()?, times.last()?);
    if times.len() < 5 {
        return None;
    }
    let gaps = i32::try_from(times.len() - 1).ok()?;
    let gap = (*newest - *oldest) / gaps;
    if gap <= chrono::Duration::zero() {
        return None;
    }
    let silent = now - *newest;
    let threshold = (gap * 10).max(chrono::Duration::days(2));
    (silent > threshold).then(|| {
        format!(
            "quiet: no new item for {} (usually one every {})",
            human(silent),
            human(gap)
        )
    })
}

pub use super::mentions::{ClaimRow, EarlierFigure, MentionRow, mentions_after, mentions_between};

/// Row counts of the main tables, for summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Sources.
    pub sources: i64,
    /// Items.
    pub items: i64,
    /// Mentions of current revisions.
    pub mentions: i64,
    /// Casualty claims of current revisions.
    pub claims: i64,
    /// Fetch log rows.
    pub fetches: i64,
    /// Failed fetches.
    pub failed_fetches: i64,
}

/// Counts rows of the main tables.
///
/// # Errors
/// A database error.
pub fn counts(conn: &Connection) -> Result<Counts, StoreError> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM items),
                (SELECT count(*) FROM recent_mentions), (SELECT count(*) FROM casualty_claims_view),
                (SELECT count(*) FROM fetches), (SELECT count(*) FROM fetches WHERE error IS NOT NULL)",
        [],
        |r| {
            Ok(Counts {
                sources: r.get(0)?,
                items: r.get(1)?,
                mentions: r.get(2)?,
                claims: r.get(3)?,
                fetches: r.get(4)?,
                failed_fetches: r.get(5)?,
            })
        },
    )?)
}

/// Records a written digest.
///
/// # Errors
/// A database error.
pub fn record_digest(
    conn: &Connection,
    written_at: DateTime<Utc>,
    since: DateTime<Utc>,
    path: &str,
    mentions: usize,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO digests (written_at, since, path, mentions) VALUES (?1, ?2, ?3, ?4)",
        params![ts(written_at), ts(since), path, mentions as i64],
    )?;
    Ok(())
}

/// A source's health from its recent polls: `ok` when the last poll succeeded, `degraded`
/// after one or two failures in a row, `failing` after three or more.
pub fn health(consecutive_errors: i64) -> &'static str {
    match consecutive_errors {
        i64::MIN..=0 => "ok",
        1..=2 => "degraded",
        _ => "failing",
    }
}

/// Items and mentions first seen on one UTC day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCount {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Items first seen that day.
    pub items: i64,
    /// Mentions found in them (current revisions).
    pub mentions: i64,
}

/// The state of the store as `claimwatch status` and the metrics endpoint show it.
#[derive(Debug, Clone, Default)]
pub struct StoreStatus {
    /// Sources whose last poll succeeded.
    pub ok: i64,
    /// Sources with one or two failed polls in a row.
    pub degraded: i64,
    /// Sources with three or more failed polls in a row.
    pub failing: i64,
    /// Row counts.
    pub counts: Counts,
    /// The last successful poll of any source.
    pub last_success: Option<String>,
    /// The last digest written.
    pub last_digest_at: Option<String>,
    /// Mentions in items first seen after the last digest (all of them when none was written).
    pub undigested_mentions: i64,
    /// The last 7 days with activity, newest first.
    pub per_day: Vec<DayCount>,
}

/// Reads the store's status.
///
/// # Errors
/// A database error.
pub fn store_status(conn: &Connection, now: DateTime<Utc>) -> Result<StoreStatus, StoreError> {
    let mut status = StoreStatus {
        counts: counts(conn)?,
        ..StoreStatus::default()
    };
    for source in source_statuses(conn, now)? {
        match source.health {
            "ok" => status.ok += 1,
            "degraded" => status.degraded += 1,
            _ => status.failing += 1,
        }
    }
    status.last_success =
        conn.query_row("SELECT max(last_ok_at) FROM sources", [], |r| r.get(0))?;
    status.last_digest_at =
        conn.query_row("SELECT max(written_at) FROM digests", [], |r| r.get(0))?;
    status.undigested_mentions = conn.query_row(
        "SELECT count(*) FROM recent_mentions WHERE fetched_at > COALESCE((SELECT max(written_at) FROM digests), '')",
        [],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare(
        "SELECT substr(i.fetched_at, 1, 10) AS day, count(DISTINCT i.id),
                count(m.id)
         FROM items i LEFT JOIN mentions m ON m.item_id = i.id AND m.revision = i.revision
         GROUP BY day ORDER BY day DESC LIMIT 7",
    )?;
    status.per_day = stmt
        .query_map([], |r| {
            Ok(DayCount {
                day: r.get(0)?,
                items: r.get(1)?,
                mentions: r.get(2)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_is_quiet_after_ten_usual_gaps_and_two_days() {
        let t = |h: i64| {
            DateTime::parse_from_rfc3339("2026-11-20T00:00:00Z")
                .unwrap()
                .with_timezone(&Utc)
                + chrono::Duration::hours(h)
        };
        let hourly: Vec<_> = (0..20).rev().map(t).collect();
        assert_eq!(quiet_reason(&hourly, t(30)), None);
        assert_eq!(
            quiet_reason(&hourly, t(19 + 50)).as_deref(),
            Some("quiet: no new item for 2 d (usually one every 60 min)")
        );
        let daily: Vec<_> = (0..6).rev().map(|d| t(d * 24)).collect();
        assert_eq!(quiet_reason(&daily, t(5 * 24 + 9 * 24)), None);
        assert!(quiet_reason(&daily, t(5 * 24 + 11 * 24)).is_some());
        assert_eq!(quiet_reason(&hourly[..4], t(1000)), None);
        let burst = vec![t(0); 6];
        assert_eq!(quiet_reason(&burst, t(1000)), None);
    }
}
