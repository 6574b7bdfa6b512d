//! What a poll writes, in PostgreSQL: the same rows as `store::write`, in one transaction per
//! poll. The source's row is locked first, so two instances that somehow record the same
//! source at once take turns, and an item is inserted with `ON CONFLICT DO NOTHING`, so
//! nothing is ever stored twice.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use deadpool_postgres::Transaction;

use super::super::StoreError;
use super::super::write::{
    PollRecord, PollResult, PollSummary, SourceRecord, SourceState, TaggedItem, char_offset,
    mention_columns, origin_name, ts,
};
use crate::tag::{Mention, MentionDetail};

/// Inserts or updates a source's config row (locking it for the transaction); returns its id
/// and, when `instance` holds its lease, the scheduled time the lease is for.
async fn upsert_source(
    tx: &Transaction<'_>,
    s: &SourceRecord,
    instance: &str,
) -> Result<(i64, Option<String>), StoreError> {
    let labels = serde_json::to_string(&s.labels).unwrap_or_else(|_| "{}".into());
    let stmt = tx
        .prepare_cached(
            "INSERT INTO sources (name, url, kind, labels) VALUES ($1, $2, $3, $4)
             ON CONFLICT (name) DO UPDATE SET url = excluded.url, kind = excluded.kind,
                                              labels = excluded.labels
             RETURNING id, CASE WHEN lease_holder = $5 THEN lease_tick END",
        )
        .await?;
    let row = tx
        .query_one(&stmt, &[&s.name, &s.url, &s.kind, &labels, &instance])
        .await?;
    Ok((row.get(0), row.get(1)))
}

/// Registers the configured sources so `sources` lists them before their first poll.
pub(crate) async fn register_sources(
    client: &mut deadpool_postgres::Object,
    sources: &[SourceRecord],
) -> Result<(), StoreError> {
    let tx = client.transaction().await?;
    for s in sources {
        upsert_source(&tx, s, "").await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The stored content hash of each of `guids` that the source already has.
pub(crate) async fn known_items(
    client: &deadpool_postgres::Object,
    source_name: &str,
    guids: &[String],
) -> Result<HashMap<String, String>, StoreError> {
    let stmt = client
        .prepare_cached(
            "SELECT i.guid, i.content_hash FROM items i JOIN sources s ON s.id = i.source_id
             WHERE s.name = $1 AND i.guid = ANY($2)",
        )
        .await?;
    let rows = client.query(&stmt, &[&source_name, &guids]).await?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

/// Reads a source's state; a source never polled has the default state.
pub(crate) async fn source_state(
    client: &deadpool_postgres::Object,
    name: &str,
) -> Result<SourceState, StoreError> {
    let stmt = client
        .prepare_cached(
            "SELECT etag, last_modified, body_hash, consecutive_errors, next_attempt_at
             FROM sources WHERE name = $1",
        )
        .await?;
    let row = client.query_opt(&stmt, &[&name]).await?;
    Ok(row.map_or_else(SourceState::default, |r| state_of(&r)))
}

/// A source's state from a row of (etag, last_modified, body_hash, consecutive_errors,
/// next_attempt_at).
pub(crate) fn state_of(r: &tokio_postgres::Row) -> SourceState {
    SourceState {
        validators: crate::fetch::Validators {
            etag: r.get(0),
            last_modified: r.get(1),
        },
        body_hash: r.get(2),
        consecutive_errors: u32::try_from(r.get::<_, i64>(3)).unwrap_or(0),
        next_attempt_at: r
            .get::<_, Option<String>>(4)
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc)),
    }
}

/// The guids of a source's most recently stored items, newest first.
pub(crate) async fn recent_guids(
    client: &deadpool_postgres::Object,
    source_name: &str,
    limit: usize,
) -> Result<Vec<String>, StoreError> {
    let rows = client
        .query(
            "SELECT i.guid FROM items i JOIN sources s ON s.id = i.source_id
             WHERE s.name = $1 ORDER BY i.id DESC LIMIT $2",
            &[&source_name, &i64::try_from(limit).unwrap_or(100)],
        )
        .await?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// One field of one item revision that mentions are stored against.
pub(crate) struct ItemField<'a> {
    pub(crate) item_id: i64,
    pub(crate) revision: i64,
    pub(crate) field: &'a str,
    pub(crate) text: &'a str,
}

/// Inserts the mentions of one item field; returns (mentions, claims) stored.
pub(crate) async fn insert_mentions(
    tx: &Transaction<'_>,
    target: &ItemField<'_>,
    mentions: &[Mention],
    tagger_version: &str,
    now: &str,
) -> Result<(usize, usize), StoreError> {
    let m_stmt = tx
        .prepare_cached(
            "INSERT INTO mentions (item_id, revision, field, kind, sentence, span_start, span_end,
                 ceasefire_status, mediator, location, parties, tagger_version, tagged_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .await?;
    let c_stmt = tx
        .prepare_cached(
            "INSERT INTO casualty_claims (mention_id, category, count, approx, who, claimant,
                 claimant_origin, negated, claimant_party, affected_party, affected_kind)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .await?;
    let mut claims = 0;
    for m in mentions {
        let text = target.text;
        let sentence = text.get(m.sentence.start..m.sentence.end).unwrap_or("");
        let (status, mediator, location, parties) = mention_columns(m);
        let id: i64 = tx
            .query_one(
                &m_stmt,
                &[
                    &target.item_id,
                    &target.revision,
                    &target.field,
                    &m.kind().as_str(),
                    &sentence,
                    &char_offset(text, m.sentence.start),
                    &char_offset(text, m.sentence.end),
                    &status,
                    &mediator,
                    &location,
                    &parties,
                    &tagger_version,
                    &now,
                ],
            )
            .await?
            .get(0);
        if let MentionDetail::Casualty { claims: cs } = &m.detail {
            for c in cs {
                let origin = c.claimant_origin.map(origin_name);
                tx.execute(
                    &c_stmt,
                    &[
                        &id,
                        &c.category.as_str(),
                        &c.count.and_then(|n| i64::try_from(n).ok()),
                        &i64::from(c.approx),
                        &c.who,
                        &c.claimant,
                        &origin,
                        &i64::from(c.negated),
                        &c.claimant_party,
                        &c.affected_party,
                        &c.affected_kind.map(crate::tag::AffectedKind::as_str),
                    ],
                )
                .await?;
                claims += 1;
            }
        }
    }
    Ok((mentions.len(), claims))
}

async fn store_item(
    tx: &Transaction<'_>,
    source_id: i64,
    t: &TaggedItem,
    tagger_version: &str,
    now: &str,
    summary: &mut PollSummary,
) -> Result<(), StoreError> {
    let it = &t.item;
    let published = it.published.map(ts);
    let fingerprint = it.fingerprint();
    let insert = tx
        .prepare_cached(
            "INSERT INTO items (source_id, guid, url, title, published_at, fetched_at,
                 updated_at, text, raw, content_hash, fingerprint, language)
             VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11)
             ON CONFLICT (source_id, guid) DO NOTHING RETURNING id",
        )
        .await?;
    let inserted = tx
        .query_opt(
            &insert,
            &[
                &source_id,
                &it.guid,
                &it.url,
                &it.title,
                &published,
                &now,
                &it.text,
                &it.raw,
                &t.content_hash,
                &fingerprint,
                &t.language,
            ],
        )
        .await?;
    let (item_id, revision) = if let Some(row) = inserted {
        summary.new_items += 1;
        (row.get::<_, i64>(0), 1_i64)
    } else {
        let existing = tx
            .query_one(
                "SELECT id, content_hash, revision FROM items
                 WHERE source_id = $1 AND guid = $2 FOR UPDATE",
                &[&source_id, &it.guid],
            )
            .await?;
        let (id, old_hash, rev): (i64, String, i64) =
            (existing.get(0), existing.get(1), existing.get(2));
        if old_hash == t.content_hash {
            return Ok(());
        }
        tx.execute(
            "INSERT INTO item_revisions (item_id, revision, title, text, raw, content_hash, seen_at)
             SELECT id, revision, title, text, raw, content_hash, updated_at FROM items WHERE id = $1",
            &[&id],
        )
        .await?;
        tx.execute(
            "UPDATE items SET title = $2, text = $3, raw = $4, content_hash = $5, url = $6,
                 published_at = COALESCE($7, published_at), updated_at = $8, revision = $9,
                 fingerprint = $10, language = $11
             WHERE id = $1",
            &[
                &id,
                &it.title,
                &it.text,
                &it.raw,
                &t.content_hash,
                &it.url,
                &published,
                &now,
                &(rev + 1),
                &fingerprint,
                &t.language,
            ],
        )
        .await?;
        summary.revised_items += 1;
        (id, rev + 1)
    };
    for (field, text, mentions) in [
        ("title", &it.title, &t.title_mentions),
        ("text", &it.text, &t.text_mentions),
    ] {
        let target = ItemField {
            item_id,
            revision,
            field,
            text,
        };
        let (m, c) = insert_mentions(tx, &target, mentions, tagger_version, now).await?;
        summary.mentions += m;
        summary.claims += c;
    }
    Ok(())
}

/// Records a poll that brought no items (304, an unchanged body, a failure) in one
/// statement: the fetch log row and the source's new state, its lease released. Most polls
/// of a round are such, so this is what the unchanged round costs. Returns false, having
/// written nothing, when the poll brought items or the source has no row yet: the
/// transaction path then records it.
async fn record_without_items(
    client: &deadpool_postgres::Object,
    rec: &PollRecord,
    instance: &str,
) -> Result<bool, StoreError> {
    let (status, bytes, error, next_attempt, validators) = match &rec.result {
        PollResult::NotModified { validators } => (Some(304), 0, None, None, Some(validators)),
        PollResult::Unchanged {
            status,
            bytes,
            validators,
        } => (Some(*status), *bytes, None, None, Some(validators)),
        PollResult::Failed {
            status,
            error,
            next_attempt_at,
        } => (
            *status,
            0,
            Some(error.clone()),
            next_attempt_at.map(ts),
            None,
        ),
        PollResult::Fetched { .. } => return Ok(false),
    };
    let state = if validators.is_some() {
        "last_poll_at = $3, last_ok_at = $3, last_status = $4, last_error = NULL,
         consecutive_errors = 0, next_attempt_at = NULL, etag = $7, last_modified = $8"
    } else {
        "last_poll_at = $3, last_status = $4, last_error = $5,
         consecutive_errors = consecutive_errors + 1, next_attempt_at = $6"
    };
    let sql = format!(
        "WITH prev AS (
             SELECT id, CASE WHEN lease_holder = $1 THEN lease_tick END AS tick
             FROM sources WHERE name = $2 FOR UPDATE),
         upd AS (
             UPDATE sources s SET {state},
                 lease_holder = CASE WHEN s.lease_holder = $1 THEN NULL ELSE s.lease_holder END,
                 lease_until = CASE WHEN s.lease_holder = $1 THEN NULL ELSE s.lease_until END
             FROM prev WHERE s.id = prev.id)
         INSERT INTO fetches (source_id, started_at, finished_at, http_status, bytes, items_seen,
             new_items, revised_items, error, instance, tick)
         SELECT prev.id, $9, $3, $4, $10, 0, 0, 0, $5, $1, prev.tick FROM prev"
    );
    // One of the two forms leaves some parameters unused: their types are given, not inferred.
    use tokio_postgres::types::Type;
    let stmt = client
        .prepare_typed_cached(
            &sql,
            &[
                Type::TEXT,
                Type::TEXT,
                Type::TEXT,
                Type::INT8,
                Type::TEXT,
                Type::TEXT,
                Type::TEXT,
                Type::TEXT,
                Type::TEXT,
                Type::INT8,
            ],
        )
        .await?;
    let status = status.map(i64::from);
    let (etag, modified) =
        validators.map_or((None, None), |v| (v.etag.clone(), v.last_modified.clone()));
    let bytes = i64::try_from(bytes).unwrap_or(i64::MAX);
    let inserted = client
        .execute(
            &stmt,
            &[
                &instance,
                &rec.source.name,
                &ts(rec.finished_at),
                &status,
                &error,
                &next_attempt,
                &etag,
                &modified,
                &ts(rec.started_at),
                &bytes,
            ],
        )
        .await?;
    Ok(inserted == 1)
}

/// Records one poll in one transaction: the fetch log row (with the instance that polled),
/// the source's state, and any new or revised items with their mentions. The source's lease
/// is released in the same commit.
pub(crate) async fn record_poll(
    client: &mut deadpool_postgres::Object,
    rec: &PollRecord,
    instance: &str,
) -> Result<PollSummary, StoreError> {
    if record_without_items(client, rec, instance).await? {
        return Ok(PollSummary::default());
    }
    let tx = client.transaction().await?;
    super::alerts::hold_writer_share(&tx).await?;
    let (source_id, tick) = upsert_source(&tx, &rec.source, instance).await?;
    let now = ts(rec.finished_at);
    let mut summary = PollSummary::default();
    // The validators (and body hash, after a parse) to keep, on success.
    let mut kept: Option<(&crate::fetch::Validators, Option<&Option<String>>)> = None;
    let (status, bytes, items_seen, error, next_attempt): (
        Option<u16>,
        u64,
        usize,
        Option<String>,
        Option<String>,
    ) = match &rec.result {
        PollResult::NotModified { validators } => {
            kept = Some((validators, None));
            (Some(304), 0, 0, None, None)
        }
        PollResult::Unchanged {
            status,
            bytes,
            validators,
        } => {
            kept = Some((validators, None));
            (Some(*status), *bytes, 0, None, None)
        }
        PollResult::Fetched {
            status,
            bytes,
            validators,
            items_seen,
            items,
            body_hash,
        } => {
            let slow = super::batch::store_new_items(
                &tx,
                source_id,
                items,
                &rec.tagger_version,
                &now,
                &mut summary,
            )
            .await?;
            for t in slow {
                store_item(&tx, source_id, t, &rec.tagger_version, &now, &mut summary).await?;
            }
            kept = Some((validators, Some(body_hash)));
            (Some(*status), *bytes, *items_seen, None, None)
        }
        PollResult::Failed {
            status,
            error,
            next_attempt_at,
        } => (*status, 0, 0, Some(error.clone()), next_attempt_at.map(ts)),
    };
    let status = status.map(i64::from);
    // The fetch log row and the source's new state go out together (pipelined on the one
    // connection); the lease is released in the same statement as the state.
    let started = ts(rec.started_at);
    let counts = [
        i64::try_from(bytes).unwrap_or(i64::MAX),
        i64::try_from(items_seen).unwrap_or(i64::MAX),
        i64::try_from(summary.new_items).unwrap_or(i64::MAX),
        i64::try_from(summary.revised_items).unwrap_or(i64::MAX),
    ];
    let log_args: [&(dyn tokio_postgres::types::ToSql + Sync); 11] = [
        &source_id, &started, &now, &status, &counts[0], &counts[1], &counts[2], &counts[3],
        &error, &instance, &tick,
    ];
    let log_stmt = tx
        .prepare_cached(
            "INSERT INTO fetches (source_id, started_at, finished_at, http_status, bytes,
                 items_seen, new_items, revised_items, error, instance, tick)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .await?;
    let log = tx.execute(&log_stmt, &log_args);
    let release = "lease_holder = CASE WHEN lease_holder = $9 THEN NULL ELSE lease_holder END,
                   lease_until = CASE WHEN lease_holder = $9 THEN NULL ELSE lease_until END";
    let state = match kept {
        None => format!(
            "UPDATE sources SET last_poll_at = $2, last_status = $3, last_error = $4,
                 consecutive_errors = consecutive_errors + 1, next_attempt_at = $5, {release}
             WHERE id = $1 AND $6::text IS NULL AND $7::text IS NULL AND $8::text IS NULL"
        ),
        Some((_, hash)) => format!(
            "UPDATE sources SET last_poll_at = $2, last_ok_at = $2, last_status = $3,
                 last_error = $4, consecutive_errors = 0, next_attempt_at = $5,
                 etag = $6, last_modified = $7, {} , {release}
             WHERE id = $1",
            if hash.is_some() {
                "body_hash = $8"
            } else {
                "body_hash = COALESCE($8, body_hash)"
            }
        ),
    };
    let (etag, modified, body_hash) = match kept {
        Some((v, hash)) => (
            v.etag.clone(),
            v.last_modified.clone(),
            hash.and_then(Clone::clone),
        ),
        None => (None, None, None),
    };
    let state_args: [&(dyn tokio_postgres::types::ToSql + Sync); 9] = [
        &source_id,
        &now,
        &status,
        &error,
        &next_attempt,
        &etag,
        &modified,
        &body_hash,
        &instance,
    ];
    let state_stmt = tx.prepare_cached(&state).await?;
    let update = tx.execute(&state_stmt, &state_args);
    tokio::try_join!(log, update)?;
    tx.commit().await?;
    Ok(summary)
}
