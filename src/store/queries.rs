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
}

/// Every known source with its state.
///
/// # Errors
/// A database error.
pub fn source_statuses(conn: &Connection) -> Result<Vec<SourceStatus>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT s.name, s.kind, s.last_poll_at, s.last_status,
                (SELECT count(*) FROM items i WHERE i.source_id = s.id),
                (SELECT count(*) FROM mentions m JOIN items i ON i.id = m.item_id
                   AND m.revision = i.revision WHERE i.source_id = s.id),
                s.consecutive_errors, s.last_error
         FROM sources s ORDER BY s.name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(SourceStatus {
            name: r.get(0)?,
            kind: r.get(1)?,
            last_poll_at: r.get(2)?,
            last_status: r.get(3)?,
            items: r.get(4)?,
            mentions: r.get(5)?,
            consecutive_errors: r.get(6)?,
            last_error: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One casualty claim as a digest shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    /// killed, wounded, killed_or_wounded, captured, missing.
    pub category: String,
    /// The number, if given.
    pub count: Option<i64>,
    /// Approximate or vague.
    pub approx: bool,
    /// Who was affected.
    pub who: Option<String>,
    /// Who claims it.
    pub claimant: Option<String>,
    /// "no casualties" and the like.
    pub negated: bool,
}

/// One mention with its context, as a digest shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionRow {
    /// ceasefire, clash or casualty.
    pub kind: String,
    /// Source name.
    pub source: String,
    /// The source's `party` label.
    pub party: Option<String>,
    /// Item title.
    pub title: String,
    /// Item link.
    pub url: Option<String>,
    /// Publication time (or first-seen time when the source gives none).
    pub published_at: String,
    /// The sentence.
    pub sentence: String,
    /// Ceasefire status.
    pub ceasefire_status: Option<String>,
    /// Ceasefire mediator.
    pub mediator: Option<String>,
    /// Clash location.
    pub location: Option<String>,
    /// The item's revision (above 1 when it was amended after publication).
    pub revision: i64,
    /// Casualty claims of a casualty mention.
    pub claims: Vec<ClaimRow>,
}

/// Mentions of items first seen at or after `since`, oldest first.
///
/// # Errors
/// A database error.
pub fn mentions_since(
    conn: &Connection,
    since: DateTime<Utc>,
) -> Result<Vec<MentionRow>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT r.mention_id, r.kind, r.source, r.party, r.title, r.url, r.published_at, r.sentence,
                r.ceasefire_status, r.mediator, r.location, r.revision
         FROM recent_mentions r WHERE r.fetched_at >= ?1
         ORDER BY r.published_at, r.mention_id",
    )?;
    let mut claim_stmt = conn.prepare(
        "SELECT category, count, approx, who, claimant, negated FROM casualty_claims
         WHERE mention_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map(params![ts(since)], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            MentionRow {
                kind: r.get(1)?,
                source: r.get(2)?,
                party: r.get(3)?,
                title: r.get(4)?,
                url: r.get(5)?,
                published_at: r.get(6)?,
                sentence: r.get(7)?,
                ceasefire_status: r.get(8)?,
                mediator: r.get(9)?,
                location: r.get(10)?,
                revision: r.get(11)?,
                claims: Vec::new(),
            },
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, mut m) = row?;
        m.claims = claim_stmt
            .query_map(params![id], |r| {
                Ok(ClaimRow {
                    category: r.get(0)?,
                    count: r.get(1)?,
                    approx: r.get(2)?,
                    who: r.get(3)?,
                    claimant: r.get(4)?,
                    negated: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        out.push(m);
    }
    Ok(out)
}

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
