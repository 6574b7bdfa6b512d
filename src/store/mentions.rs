//! The mentions of a time window with everything a digest shows: sentence, source, link,
//! time, claims, and the marks for revised figures and syndicated copies.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use super::StoreError;
use super::write::ts;

/// A figure an earlier revision of the same statement gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierFigure {
    /// The earlier count.
    pub count: Option<i64>,
    /// Whether it was approximate.
    pub approx: bool,
}

/// One casualty claim as a digest shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// sentence, passage or source (the source's own voice).
    pub claimant_origin: Option<String>,
    /// "no casualties" and the like.
    pub negated: bool,
    /// The figure the previous revision of the statement gave, when it differs.
    pub revised_from: Option<EarlierFigure>,
    /// The party the claimant speaks for, when known.
    pub claimant_party: Option<String>,
    /// The party whose people were hit, when the text says.
    pub affected_party: Option<String>,
    /// military or civilian, when the text says.
    pub affected_kind: Option<String>,
}

/// One mention with its context, as a digest shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRow {
    /// Its id in `mentions`.
    pub mention_id: i64,
    /// Its item's id in `items`.
    pub item_id: i64,
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
    /// When the current revision was first seen.
    pub seen_at: String,
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
    /// When the same story (same word fingerprint) was stored earlier from another source:
    /// that source. Such a copy is not independent confirmation.
    pub syndicated_from: Option<String>,
    /// The statement's language ("en", "ru", "uk"), when known.
    pub language: Option<String>,
    /// Casualty claims of a casualty mention.
    pub claims: Vec<ClaimRow>,
}

/// Mentions of current item revisions first seen (or revised) in `[since, until)`, oldest
/// publication first.
///
/// # Errors
/// A database error.
pub fn mentions_between(
    conn: &Connection,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<MentionRow>, StoreError> {
    load(
        conn,
        "i.updated_at >= ?1 AND i.updated_at < ?2 ORDER BY COALESCE(i.published_at, i.fetched_at), m.id",
        params![ts(since), ts(until)],
    )
}

/// Mentions of current item revisions with an id above `after`, in id order, at most `limit`.
///
/// # Errors
/// A database error.
pub fn mentions_after(
    conn: &Connection,
    after: i64,
    limit: usize,
) -> Result<Vec<MentionRow>, StoreError> {
    load(
        conn,
        "m.id > ?1 ORDER BY m.id LIMIT ?2",
        params![after, i64::try_from(limit).unwrap_or(i64::MAX)],
    )
}

pub(crate) fn load(
    conn: &Connection,
    condition: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<MentionRow>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT m.id, i.id, m.kind, s.name, json_extract(s.labels, '$.party'), i.title, i.url,
                COALESCE(i.published_at, i.fetched_at), i.updated_at, m.sentence,
                m.ceasefire_status, m.mediator, m.location, i.revision, m.field,
                (SELECT s2.name FROM items i2 JOIN sources s2 ON s2.id = i2.source_id
                  WHERE i2.fingerprint = i.fingerprint AND i2.source_id != i.source_id
                    AND i2.id < i.id ORDER BY i2.id LIMIT 1),
                i.language
         FROM mentions m
         JOIN items i ON i.id = m.item_id AND m.revision = i.revision
         JOIN sources s ON s.id = i.source_id
         WHERE {condition}"
    ))?;
    let mut claim_stmt = conn.prepare_cached(
        "SELECT category, count, approx, who, claimant, claimant_origin, negated, claimant_party,
                affected_party, affected_kind FROM casualty_claims
         WHERE mention_id = ?1 ORDER BY id",
    )?;
    let mut earlier_stmt = conn.prepare_cached(
        "SELECT c.count, c.approx FROM casualty_claims c JOIN mentions m ON m.id = c.mention_id
         WHERE m.item_id = ?1 AND m.revision = ?2 AND m.field = ?3 AND c.category = ?4
           AND c.negated = 0 ORDER BY c.id LIMIT 1",
    )?;
    let rows = stmt.query_map(args, |r| {
        Ok((
            r.get::<_, String>(14)?,
            MentionRow {
                mention_id: r.get(0)?,
                item_id: r.get(1)?,
                kind: r.get(2)?,
                source: r.get(3)?,
                party: r.get(4)?,
                title: r.get(5)?,
                url: r.get(6)?,
                published_at: r.get(7)?,
                seen_at: r.get(8)?,
                sentence: r.get(9)?,
                ceasefire_status: r.get(10)?,
                mediator: r.get(11)?,
                location: r.get(12)?,
                revision: r.get(13)?,
                syndicated_from: r.get(15)?,
                language: r.get(16)?,
                claims: Vec::new(),
            },
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (field, mut m) = row?;
        let mut claims: Vec<ClaimRow> = claim_stmt
            .query_map(params![m.mention_id], |r| {
                Ok(ClaimRow {
                    category: r.get(0)?,
                    count: r.get(1)?,
                    approx: r.get(2)?,
                    who: r.get(3)?,
                    claimant: r.get(4)?,
                    claimant_origin: r.get(5)?,
                    negated: r.get(6)?,
                    revised_from: None,
                    claimant_party: r.get(7)?,
                    affected_party: r.get(8)?,
                    affected_kind: r.get(9)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        if m.revision > 1 {
            for c in claims.iter_mut().filter(|c| !c.negated) {
                let earlier = earlier_stmt
                    .query_map(params![m.item_id, m.revision - 1, field, c.category], |r| {
                        Ok(EarlierFigure {
                            count: r.get(0)?,
                            approx: r.get(1)?,
                        })
                    })?
                    .next()
                    .transpose()?;
                c.revised_from = earlier.filter(|e| e.count != c.count);
            }
        }
        m.claims = claims;
        out.push(m);
    }
    Ok(out)
}
