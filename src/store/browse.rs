//! Reads for the web site: full-text search with filters and pages, one statement with its
//! revisions and mentions, the digests written.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::StoreError;
use super::mentions::{MentionRow, load};

/// A search: FTS5 terms and filters, all optional but the terms.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// FTS5 query ("ceasefire OR clashes", "\"border villages\"").
    pub terms: String,
    /// Keep statements with a mention of this kind: ceasefire, clash, casualty.
    pub kind: Option<String>,
    /// Keep statements with a casualty claim of this category.
    pub category: Option<String>,
    /// Keep statements of sources with this `party` label.
    pub party: Option<String>,
    /// Keep statements of this source.
    pub source: Option<String>,
    /// Keep statements in this language.
    pub language: Option<String>,
    /// Keep statements published (or first seen) at or after this time (`YYYY-MM-DDTHH:MM:SSZ`).
    pub since: Option<String>,
    /// Best matches first (FTS5's bm25 rank) instead of the newest first. Ranking reads
    /// every match, so on a large store it is slower by the number of matches (a common
    /// pair of terms over a million statements: ~0.2 s against ~1 ms for the newest).
    pub by_relevance: bool,
    /// Page size.
    pub limit: usize,
    /// Hits skipped.
    pub offset: usize,
}

/// One statement found, with its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    /// Its id in `items`.
    pub item_id: i64,
    /// Title.
    pub title: String,
    /// Link.
    pub url: Option<String>,
    /// Publication (or first-seen) time.
    pub published_at: String,
    /// Source name.
    pub source: String,
    /// The source's `party` label.
    pub party: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// A fragment of the text around the terms; the matched terms sit between U+0002 and
    /// U+0003, for the page to mark.
    pub snippet: String,
    /// Mentions of its current revision.
    pub mentions: Vec<MentionRow>,
}

/// A page of hits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchPage {
    /// The hits of this page, best first.
    pub hits: Vec<SearchHit>,
    /// Whether a further page exists.
    pub more: bool,
}

/// Runs a search.
///
/// # Errors
/// [`StoreError::BadQuery`] when the FTS5 terms do not parse; another database error.
pub fn search(conn: &Connection, q: &SearchQuery) -> Result<SearchPage, StoreError> {
    let limit = q.limit.clamp(1, 100);
    // Statements are numbered as they are first seen: the newest first is the index's own
    // order, read backwards and stopped at the page.
    let order = if q.by_relevance {
        "rank"
    } else {
        "items_fts.rowid DESC"
    };
    let sql = format!(
        "SELECT i.id, i.title, i.url, COALESCE(i.published_at, i.fetched_at), s.name,
                json_extract(s.labels, '$.party'), i.language,
                snippet(items_fts, 1, char(2), char(3), '…', 16)
         FROM items_fts JOIN items i ON i.id = items_fts.rowid
         JOIN sources s ON s.id = i.source_id
         WHERE items_fts MATCH ?1
           AND (?2 IS NULL OR EXISTS (SELECT 1 FROM mentions m WHERE m.item_id = i.id
                  AND m.revision = i.revision AND m.kind = ?2))
           AND (?3 IS NULL OR EXISTS (SELECT 1 FROM mentions m
                  JOIN casualty_claims c ON c.mention_id = m.id
                  WHERE m.item_id = i.id AND m.revision = i.revision AND c.category = ?3))
           AND (?4 IS NULL OR json_extract(s.labels, '$.party') = ?4)
           AND (?5 IS NULL OR s.name = ?5)
           AND (?6 IS NULL OR i.language = ?6)
           AND (?7 IS NULL OR COALESCE(i.published_at, i.fetched_at) >= ?7)
         ORDER BY {order} LIMIT ?8 OFFSET ?9"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![
            q.terms,
            q.kind,
            q.category,
            q.party,
            q.source,
            q.language,
            q.since,
            i64::try_from(limit + 1).unwrap_or(101),
            i64::try_from(q.offset).unwrap_or(0),
        ],
        |r| {
            Ok(SearchHit {
                item_id: r.get(0)?,
                title: r.get(1)?,
                url: r.get(2)?,
                published_at: r.get(3)?,
                source: r.get(4)?,
                party: r.get(5)?,
                language: r.get(6)?,
                snippet: r.get(7)?,
                mentions: Vec::new(),
            })
        },
    );
    let mut hits: Vec<SearchHit> = match rows.and_then(|r| r.collect()) {
        Ok(h) => h,
        // A plain SQLITE_ERROR while matching is the user's FTS5 query that does not parse
        // ("unterminated string", "fts5: syntax error near …", "no such column: x").
        Err(rusqlite::Error::SqliteFailure(f, m)) if f.code == rusqlite::ErrorCode::Unknown => {
            return Err(StoreError::BadQuery(
                m.unwrap_or_else(|| "invalid full-text query".into()),
            ));
        }
        Err(e) => return Err(e.into()),
    };
    let more = hits.len() > limit;
    hits.truncate(limit);
    for h in &mut hits {
        h.mentions = load(conn, "i.id = ?1 ORDER BY m.id", params![h.item_id])?;
    }
    Ok(SearchPage { hits, more })
}

/// An earlier version of a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    /// Its number (1 is the first).
    pub revision: i64,
    /// When it was seen.
    pub seen_at: String,
    /// Its title.
    pub title: String,
    /// Its text.
    pub text: String,
}

/// One statement with its history and mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    /// Its id in `items`.
    pub item_id: i64,
    /// Current title.
    pub title: String,
    /// Current text.
    pub text: String,
    /// Link.
    pub url: Option<String>,
    /// Publication (or first-seen) time.
    pub published_at: String,
    /// Source name.
    pub source: String,
    /// The source's `party` label.
    pub party: Option<String>,
    /// Current revision number.
    pub revision: i64,
    /// Earlier revisions, oldest first.
    pub revisions: Vec<Revision>,
    /// Mentions of the current revision.
    pub mentions: Vec<MentionRow>,
}

/// The statement with this id, if stored.
///
/// # Errors
/// A database error.
pub fn statement(conn: &Connection, item_id: i64) -> Result<Option<Statement>, StoreError> {
    let found = conn
        .query_row(
            "SELECT i.id, i.title, i.text, i.url, COALESCE(i.published_at, i.fetched_at), s.name,
                    json_extract(s.labels, '$.party'), i.revision
             FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id = ?1",
            params![item_id],
            |r| {
                Ok(Statement {
                    item_id: r.get(0)?,
                    title: r.get(1)?,
                    text: r.get(2)?,
                    url: r.get(3)?,
                    published_at: r.get(4)?,
                    source: r.get(5)?,
                    party: r.get(6)?,
                    revision: r.get(7)?,
                    revisions: Vec::new(),
                    mentions: Vec::new(),
                })
            },
        )
        .optional()?;
    let Some(mut s) = found else {
        return Ok(None);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT revision, seen_at, title, text FROM item_revisions WHERE item_id = ?1
         ORDER BY revision",
    )?;
    s.revisions = stmt
        .query_map(params![item_id], |r| {
            Ok(Revision {
                revision: r.get(0)?,
                seen_at: r.get(1)?,
                title: r.get(2)?,
                text: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    s.mentions = load(conn, "i.id = ?1 ORDER BY m.id", params![item_id])?;
    Ok(Some(s))
}

/// A digest file written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DigestFile {
    /// Its id in `digests`.
    pub id: i64,
    /// When it was written.
    pub written_at: String,
    /// The start of its window.
    pub since: String,
    /// Where it was written.
    pub path: String,
    /// Mentions it holds.
    pub mentions: i64,
}

/// The digests written, newest first, at most `limit`.
///
/// # Errors
/// A database error.
pub fn digests(conn: &Connection, limit: usize) -> Result<Vec<DigestFile>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, written_at, since, path, mentions FROM digests ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt
        .query_map(params![i64::try_from(limit).unwrap_or(100)], |r| {
            Ok(DigestFile {
                id: r.get(0)?,
                written_at: r.get(1)?,
                since: r.get(2)?,
                path: r.get(3)?,
                mentions: r.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The digest with this id.
///
/// # Errors
/// A database error.
pub fn digest_file(conn: &Connection, id: i64) -> Result<Option<DigestFile>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT id, written_at, since, path, mentions FROM digests WHERE id = ?1",
            params![id],
            |r| {
                Ok(DigestFile {
                    id: r.get(0)?,
                    written_at: r.get(1)?,
                    since: r.get(2)?,
                    path: r.get(3)?,
                    mentions: r.get(4)?,
                })
            },
        )
        .optional()?)
}
