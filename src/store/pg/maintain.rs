//! Retention and re-tagging in PostgreSQL: the same effects as `store::prune` and
//! `store::retag` on SQLite. Space is given back by PostgreSQL's autovacuum, not here.

use chrono::{DateTime, Utc};

use super::super::write::ts;
use super::super::{Pruned, StoreError};
use super::write::{ItemField, insert_mentions};
use crate::tag::Mention;

type Client = deadpool_postgres::Object;

/// Deletes statements published (and last revised) before `cutoff`, 10,000 per transaction,
/// and poll log rows and digest records older than it. `bytes_freed` is the change in the
/// database's size, usually 0 until autovacuum runs.
pub(crate) async fn prune(
    client: &mut Client,
    cutoff: DateTime<Utc>,
) -> Result<Pruned, StoreError> {
    let size = "SELECT pg_database_size(current_database())";
    let before: i64 = client.query_one(size, &[]).await?.get(0);
    let cutoff = ts(cutoff);
    let mut pruned = Pruned::default();
    loop {
        let n = client
            .execute(
                "DELETE FROM items WHERE id IN (
                     SELECT id FROM items
                     WHERE COALESCE(published_at, fetched_at) < $1 AND updated_at < $1 LIMIT 10000)",
                &[&cutoff],
            )
            .await?;
        pruned.items += usize::try_from(n).unwrap_or(usize::MAX);
        if n == 0 {
            break;
        }
    }
    let n = client
        .execute("DELETE FROM fetches WHERE started_at < $1", &[&cutoff])
        .await?;
    pruned.fetches = usize::try_from(n).unwrap_or(usize::MAX);
    client
        .execute(
            "DELETE FROM digests WHERE written_at < $1 AND (tick IS NULL OR tick < $1)",
            &[&cutoff],
        )
        .await?;
    let after: i64 = client.query_one(size, &[]).await?.get(0);
    pruned.bytes_freed = u64::try_from(before.saturating_sub(after)).unwrap_or(0);
    Ok(pruned)
}

/// Replaces the mentions of the current revision of every item fetched since `since` with
/// what `tag_item` finds now, in one transaction. Returns (items, mentions) retagged.
pub(crate) async fn retag_items<F>(
    client: &mut Client,
    since: Option<DateTime<Utc>>,
    tagger_version: &str,
    now: DateTime<Utc>,
    mut tag_item: F,
) -> Result<(usize, usize), StoreError>
where
    F: FnMut(&str, &str, &str) -> (Vec<Mention>, Vec<Mention>),
{
    let tx = client.transaction().await?;
    super::alerts::hold_writer_share(&tx).await?;
    let since = since.map_or_else(|| "0000".to_owned(), ts);
    let rows = tx
        .query(
            "SELECT i.id, i.revision, i.title, i.text, s.name FROM items i
             JOIN sources s ON s.id = i.source_id WHERE i.fetched_at >= $1 ORDER BY i.id",
            &[&since],
        )
        .await?;
    let now = ts(now);
    let mut mentions = 0;
    for row in &rows {
        let (id, rev, title, text, source): (i64, i64, String, String, String) =
            (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
        tx.execute(
            "DELETE FROM mentions WHERE item_id = $1 AND revision = $2",
            &[&id, &rev],
        )
        .await?;
        let (tm, xm) = tag_item(&source, &title, &text);
        for (field, text, found) in [("title", &title, &tm), ("text", &text, &xm)] {
            let target = ItemField {
                item_id: id,
                revision: rev,
                field,
                text,
            };
            mentions += insert_mentions(&tx, &target, found, tagger_version, &now)
                .await?
                .0;
        }
    }
    tx.commit().await?;
    Ok((rows.len(), mentions))
}
