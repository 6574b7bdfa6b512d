//! Group commit: polls that reach the writer while it is busy are written together in one
//! transaction, so a round of a thousand polls costs tens of commits, not a thousand.
//!
//! Nothing waits for a batch to fill: the writer takes whatever polls are already queued
//! behind the one in hand (up to [`MAX_BATCH`]), so a lone poll is committed at once and
//! batches only form when polls arrive faster than commits. Each poll still succeeds or fails
//! on its own: when a shared transaction fails, it is rolled back and every poll of the batch
//! is written again in a transaction of its own.

use rusqlite::Connection;

use super::StoreError;
use super::write::{PollRecord, PollSummary, record_poll, record_poll_in};

/// The most polls one transaction holds; bounds the work lost to one rollback and the time
/// a reader waits behind one commit.
pub(crate) const MAX_BATCH: usize = 64;

/// Writes `records` and returns each poll's outcome, in order.
pub(crate) fn record_polls(
    conn: &mut Connection,
    records: &[PollRecord],
) -> Vec<Result<PollSummary, StoreError>> {
    if records.len() > 1
        && let Ok(summaries) = record_together(conn, records)
    {
        return summaries.into_iter().map(Ok).collect();
    }
    records.iter().map(|r| record_poll(conn, r)).collect()
}

fn record_together(
    conn: &mut Connection,
    records: &[PollRecord],
) -> Result<Vec<PollSummary>, StoreError> {
    let tx = conn.transaction()?;
    let summaries = records
        .iter()
        .map(|r| record_poll_in(&tx, r))
        .collect::<Result<Vec<_>, _>>()?;
    tx.commit()?;
    Ok(summaries)
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, mpsc};

    use chrono::Utc;

    use super::*;
    use crate::parse::Item;
    use crate::store::write::{PollResult, SourceRecord, TaggedItem};
    use crate::store::{WriterJob, connect, migrate, run_writer};

    fn open() -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = connect(&dir.path().join("t.db")).unwrap();
        migrate::migrate(&mut conn).unwrap();
        (dir, conn)
    }

    fn item(guid: &str, text: &str) -> TaggedItem {
        let item = Item {
            guid: guid.into(),
            url: None,
            title: format!("Statement {guid}"),
            published: None,
            text: text.into(),
            raw: text.into(),
        };
        TaggedItem {
            content_hash: item.content_hash(),
            item,
            title_mentions: Vec::new(),
            text_mentions: Vec::new(),
            language: "en".into(),
        }
    }

    fn poll(source: &str, kind: &str, items: Vec<TaggedItem>) -> PollRecord {
        PollRecord {
            source: SourceRecord {
                name: source.into(),
                url: format!("http://127.0.0.1/{source}"),
                kind: kind.into(),
                labels: Default::default(),
            },
            started_at: Utc::now(),
            finished_at: Utc::now(),
            result: PollResult::Fetched {
                status: 200,
                bytes: 1,
                validators: Default::default(),
                items_seen: items.len(),
                items,
                body_hash: None,
            },
            tagger_version: "test".into(),
        }
    }

    fn count(conn: &Connection, sql: &str) -> i64 {
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    fn fts_intact(conn: &Connection) {
        conn.execute_batch("INSERT INTO items_fts(items_fts) VALUES ('integrity-check')")
            .unwrap();
    }

    #[test]
    fn one_failing_poll_in_a_batch_loses_nothing_of_the_others() {
        let (_dir, mut conn) = open();
        let records = vec![
            poll("a", "feed", vec![item("a1", "shelling near Kerel")]),
            // The schema refuses this kind, so this poll cannot be stored.
            poll("b", "carrier-pigeon", vec![item("b1", "truce agreed")]),
            poll("c", "feed", vec![item("c1", "drone strike on Zareni")]),
        ];
        let outcomes = record_polls(&mut conn, &records);
        assert_eq!(outcomes.len(), 3);
        assert_eq!(outcomes[0].as_ref().unwrap().new_items, 1);
        assert!(outcomes[1].is_err());
        assert_eq!(outcomes[2].as_ref().unwrap().new_items, 1);
        assert_eq!(count(&conn, "SELECT count(*) FROM items"), 2);
        assert_eq!(count(&conn, "SELECT count(*) FROM fetches"), 2);
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'truce'"
            ),
            0
        );
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'zareni'"
            ),
            1
        );
        fts_intact(&conn);
    }

    #[test]
    fn revisions_keep_the_full_text_index_on_the_current_text() {
        let (_dir, mut conn) = open();
        // The same guid twice in one document: stored, then revised, in one transaction.
        let first = poll(
            "a",
            "feed",
            vec![
                item("a1", "two servicemen were killed"),
                item("a1", "three servicemen were killed"),
            ],
        );
        let second = poll("a", "feed", vec![item("a1", "four servicemen were killed")]);
        let outcomes = record_polls(&mut conn, &[first]);
        assert_eq!(outcomes[0].as_ref().unwrap().revised_items, 1);
        assert_eq!(
            record_polls(&mut conn, &[second])[0]
                .as_ref()
                .unwrap()
                .revised_items,
            1
        );
        let matches = |word: &str| {
            count(
                &conn,
                &format!("SELECT count(*) FROM items_fts WHERE items_fts MATCH '{word}'"),
            )
        };
        assert_eq!(matches("four"), 1);
        assert_eq!(matches("three"), 0);
        assert_eq!(matches("two"), 0);
        assert_eq!(count(&conn, "SELECT count(*) FROM item_revisions"), 2);
        fts_intact(&conn);
        conn.execute("DELETE FROM items", []).unwrap();
        assert_eq!(matches("servicemen"), 0);
        fts_intact(&conn);
    }

    #[test]
    fn polls_queued_behind_the_writer_share_one_commit_in_order() {
        let (_dir, mut conn) = open();
        let commits = Arc::new(AtomicUsize::new(0));
        let seen = Arc::clone(&commits);
        conn.commit_hook(Some(move || {
            seen.fetch_add(1, Ordering::SeqCst);
            false
        }))
        .unwrap();
        let (tx, rx) = mpsc::channel();
        let mut waits = Vec::new();
        let mut queue_poll = |name: &str, items: Vec<TaggedItem>| {
            let (reply, wait) = tokio::sync::oneshot::channel();
            tx.send(WriterJob::Poll(Box::new(poll(name, "feed", items)), reply))
                .unwrap();
            waits.push(wait);
        };
        for i in 0..5 {
            queue_poll(&format!("s{i}"), vec![item("x", "clashes on the border")]);
        }
        let (seen_tx, seen_rx) = mpsc::channel();
        let after = Arc::clone(&commits);
        tx.send(WriterJob::Run(Box::new(move |c: &mut Connection| {
            let items = count(c, "SELECT count(*) FROM items");
            seen_tx.send((items, after.load(Ordering::SeqCst))).unwrap();
        })))
        .unwrap();
        queue_poll("late", vec![item("y", "ceasefire holds")]);
        drop(tx);
        run_writer(&mut conn, &rx);
        // The five polls before the closure committed together, before it ran.
        assert_eq!(seen_rx.recv().unwrap(), (5, 1));
        assert_eq!(commits.load(Ordering::SeqCst), 2);
        for mut wait in waits {
            assert_eq!(wait.try_recv().unwrap().unwrap().new_items, 1);
        }
        fts_intact(&conn);
    }
}
