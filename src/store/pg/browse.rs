//! The web site's reads in PostgreSQL: the same answers as `store::browse` gives on SQLite,
//! with the search in `tsvector` (`websearch_to_tsquery` syntax: words, "quoted phrases", OR,
//! -word) and each statement matched in its own language's text-search configuration.

use super::super::StoreError;
use super::super::browse::{DigestFile, Revision, SearchHit, SearchPage, SearchQuery, Statement};
use super::super::web_stats::WebStats;

type Client = deadpool_postgres::Object;

/// The text-search configuration of an item's language, as the `search` column uses it.
const CONFIG_OF_ITEM: &str = "CASE i.language WHEN 'en' THEN 'english'::regconfig
                                              WHEN 'ru' THEN 'russian'::regconfig
                                              ELSE 'simple'::regconfig END";

/// Runs a search. Each language's branch compares the GIN-indexed `search` column with a
/// constant query, so the index serves all three.
///
/// # Errors
/// A database error.
pub(crate) async fn search(client: &Client, q: &SearchQuery) -> Result<SearchPage, StoreError> {
    let limit = q.limit.clamp(1, 100);
    let order = if q.by_relevance {
        format!("ts_rank(i.search, websearch_to_tsquery({CONFIG_OF_ITEM}, $1)) DESC, i.id DESC")
    } else {
        "i.id DESC".to_owned()
    };
    let sql = format!(
        "SELECT i.id, i.title, i.url, COALESCE(i.published_at, i.fetched_at), s.name,
                (s.labels::jsonb ->> 'party'), i.language,
                ts_headline({CONFIG_OF_ITEM}, i.title || ' ' || i.text,
                            websearch_to_tsquery({CONFIG_OF_ITEM}, $1), $10)
         FROM items i JOIN sources s ON s.id = i.source_id
         WHERE ((i.language = 'en' AND i.search @@ websearch_to_tsquery('english', $1))
             OR (i.language = 'ru' AND i.search @@ websearch_to_tsquery('russian', $1))
             OR (i.language IS DISTINCT FROM 'en' AND i.language IS DISTINCT FROM 'ru'
                 AND i.search @@ websearch_to_tsquery('simple', $1)))
           AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM mentions m WHERE m.item_id = i.id
                  AND m.revision = i.revision AND m.kind = $2))
           AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM mentions m
                  JOIN casualty_claims c ON c.mention_id = m.id
                  WHERE m.item_id = i.id AND m.revision = i.revision AND c.category = $3))
           AND ($4::text IS NULL OR (s.labels::jsonb ->> 'party') = $4)
           AND ($5::text IS NULL OR s.name = $5)
           AND ($6::text IS NULL OR i.language = $6)
           AND ($7::text IS NULL OR COALESCE(i.published_at, i.fetched_at) >= $7)
         ORDER BY {order} LIMIT $8 OFFSET $9"
    );
    // The matched words sit between U+0002 and U+0003, as SQLite's snippet() marks them.
    let headline = "StartSel=\u{2}, StopSel=\u{3}, MinWords=8, MaxWords=16, MaxFragments=2, \
                    FragmentDelimiter=\" … \"";
    let rows = client
        .query(
            &sql,
            &[
                &q.terms,
                &q.kind,
                &q.category,
                &q.party,
                &q.source,
                &q.language,
                &q.since,
                &i64::try_from(limit + 1).unwrap_or(101),
                &i64::try_from(q.offset).unwrap_or(0),
                &headline,
            ],
        )
        .await?;
    let mut hits: Vec<SearchHit> = rows
        .iter()
        .map(|r| SearchHit {
            item_id: r.get(0),
            title: r.get(1),
            url: r.get(2),
            published_at: r.get(3),
            source: r.get(4),
            party: r.get(5),
            language: r.get(6),
            snippet: r.get(7),
            mentions: Vec::new(),
        })
        .collect();
    let more = hits.len() > limit;
    hits.truncate(limit);
    for h in &mut hits {
        h.mentions = super::read::load(client, "i.id = $1 ORDER BY m.id", &[&h.item_id]).await?;
    }
    Ok(SearchPage { hits, more })
}

/// The statement with this id, with its earlier revisions and current mentions.
///
/// # Errors
/// A database error.
pub(crate) async fn statement(
    client: &Client,
    item_id: i64,
) -> Result<Option<Statement>, StoreError> {
    let Some(r) = client
        .query_opt(
            "SELECT i.id, i.title, i.text, i.url, COALESCE(i.published_at, i.fetched_at), s.name,
                    (s.labels::jsonb ->> 'party'), i.revision
             FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id = $1",
            &[&item_id],
        )
        .await?
    else {
        return Ok(None);
    };
    let revisions = client
        .query(
            "SELECT revision, seen_at, title, text FROM item_revisions WHERE item_id = $1
             ORDER BY revision",
            &[&item_id],
        )
        .await?
        .iter()
        .map(|v| Revision {
            revision: v.get(0),
            seen_at: v.get(1),
            title: v.get(2),
            text: v.get(3),
        })
        .collect();
    Ok(Some(Statement {
        item_id: r.get(0),
        title: r.get(1),
        text: r.get(2),
        url: r.get(3),
        published_at: r.get(4),
        source: r.get(5),
        party: r.get(6),
        revision: r.get(7),
        revisions,
        mentions: super::read::load(client, "i.id = $1 ORDER BY m.id", &[&item_id]).await?,
    }))
}

fn digest_file_of(r: &tokio_postgres::Row) -> DigestFile {
    DigestFile {
        id: r.get(0),
        written_at: r.get(1),
        since: r.get(2),
        path: r.get(3),
        mentions: r.get(4),
    }
}

/// The digest files written, newest first, at most `limit`. A tick claimed by an instance
/// that has not written its file yet is not one.
///
/// # Errors
/// A database error.
pub(crate) async fn digests(client: &Client, limit: usize) -> Result<Vec<DigestFile>, StoreError> {
    Ok(client
        .query(
            "SELECT id, written_at, since, path, mentions FROM digests WHERE path <> ''
             ORDER BY id DESC LIMIT $1",
            &[&i64::try_from(limit).unwrap_or(100)],
        )
        .await?
        .iter()
        .map(digest_file_of)
        .collect())
}

/// The digest file with this id.
///
/// # Errors
/// A database error.
pub(crate) async fn digest_file(
    client: &Client,
    id: i64,
) -> Result<Option<DigestFile>, StoreError> {
    Ok(client
        .query_opt(
            "SELECT id, written_at, since, path, mentions FROM digests
             WHERE id = $1 AND path <> ''",
            &[&id],
        )
        .await?
        .as_ref()
        .map(digest_file_of))
}

/// Records the web site's counters, replacing the previous record (the last instance to
/// record wins when several serve).
///
/// # Errors
/// A database error.
pub(crate) async fn record_web_stats(client: &Client, stats: &WebStats) -> Result<(), StoreError> {
    client
        .execute(
            "INSERT INTO web_stats (id, listen, started_at, updated_at, requests, failures,
                                    seconds, p95_ms)
             VALUES (1, $1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (id) DO UPDATE SET listen = $1, started_at = $2, updated_at = $3,
                 requests = $4, failures = $5, seconds = $6, p95_ms = $7",
            &[
                &stats.listen,
                &stats.started_at,
                &stats.updated_at,
                &i64::try_from(stats.requests).unwrap_or(i64::MAX),
                &i64::try_from(stats.failures).unwrap_or(i64::MAX),
                &stats.seconds,
                &stats.p95_ms.and_then(|v| i64::try_from(v).ok()),
            ],
        )
        .await?;
    Ok(())
}

/// The last recorded counters of the web site, if one ever ran on this database.
///
/// # Errors
/// A database error.
pub(crate) async fn web_stats(client: &Client) -> Result<Option<WebStats>, StoreError> {
    Ok(client
        .query_opt(
            "SELECT listen, started_at, updated_at, requests, failures, seconds, p95_ms
             FROM web_stats WHERE id = 1",
            &[],
        )
        .await?
        .map(|r| WebStats {
            listen: r.get(0),
            started_at: r.get(1),
            updated_at: r.get(2),
            requests: u64::try_from(r.get::<_, i64>(3)).unwrap_or(0),
            failures: u64::try_from(r.get::<_, i64>(4)).unwrap_or(0),
            seconds: r.get(5),
            p95_ms: r
                .get::<_, Option<i64>>(6)
                .and_then(|v| u64::try_from(v).ok()),
        }))
}
