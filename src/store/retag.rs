//! Re-tagging: the mentions of stored items replaced by what this build's tagger finds.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::StoreError;
use super::write::{ItemField, insert_mentions, ts};
use crate::tag::Mention;

/// Replaces the mentions of the current revision of every item fetched since `since` with
/// what `tag_item` finds now, in one transaction. Returns (items, mentions) retagged.
///
/// # Errors
/// A database error; nothing is replaced then.
pub fn retag_items<F>(
    conn: &mut Connection,
    since: Option<DateTime<Utc>>,
    tagger_version: &str,
    now: DateTime<Utc>,
    mut tag_item: F,
) -> Result<(usize, usize), StoreError>
where
    F: FnMut(&str, &str, &str) -> (Vec<Mention>, Vec<Mention>),
{
    let tx = conn.transaction()?;
    let since = since.map_or_else(|| "0000".to_owned(), ts);
    let rows: Vec<(i64, i64, String, String, String)> = {
        let mut stmt = tx.prepare(
            "SELECT i.id, i.revision, i.title, i.text, s.name FROM items i
             JOIN sources s ON s.id = i.source_id WHERE i.fetched_at >= ?1 ORDER BY i.id",
        )?;
        stmt.query_map(params![since], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<Result<_, _>>()?
    };
    let now = ts(now);
    let mut mentions = 0;
    for (id, rev, title, text, source) in &rows {
        tx.execute(
            "DELETE FROM mentions WHERE item_id = ?1 AND revision = ?2",
            params![id, rev],
        )?;
        let (tm, xm) = tag_item(source, title, text);
        for (field, text, found) in [("title", title, &tm), ("text", text, &xm)] {
            let target = ItemField {
                item_id: *id,
                revision: *rev,
                field,
                text,
            };
            mentions += insert_mentions(&tx, &target, found, tagger_version, &now)?.0;
        }
    }
    tx.commit()?;
    Ok((rows.len(), mentions))
}
