//! What a poll writes: the source's state, the fetch log row, new and revised items and their
//! mentions, all in one transaction.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::StoreError;
use crate::parse::Item;
use crate::tag::{Mention, MentionDetail};

/// Formats a time the way the schema stores it.
pub(crate) fn ts(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The config facts about a source that the database keeps.
#[derive(Debug, Clone)]
pub struct SourceRecord {
    /// Unique name.
    pub name: String,
    /// Polled URL.
    pub url: String,
    /// "feed" or "page".
    pub kind: String,
    /// Free labels from the config.
    pub labels: BTreeMap<String, String>,
}

/// An item with the mentions found in its title and text.
#[derive(Debug, Clone)]
pub struct TaggedItem {
    /// The item.
    pub item: Item,
    /// Mentions found in the title (spans into `item.title`).
    pub title_mentions: Vec<Mention>,
    /// Mentions found in the text (spans into `item.text`).
    pub text_mentions: Vec<Mention>,
    /// The hash that identifies this version of the item as its source lists it; differs
    /// from `item.content_hash()` when the text came from the item's own article page.
    pub content_hash: String,
    /// The statement's language: the source's, else detected ("en", "ru", "uk").
    pub language: String,
}

/// How a poll ended.
#[derive(Debug, Clone)]
pub enum PollResult {
    /// 304 Not Modified.
    NotModified {
        /// Validators to keep.
        validators: crate::fetch::Validators,
    },
    /// A body came back identical to the last one parsed, so it was not parsed again.
    Unchanged {
        /// HTTP status.
        status: u16,
        /// Body size.
        bytes: u64,
        /// Validators to send next time.
        validators: crate::fetch::Validators,
    },
    /// A body was fetched and parsed.
    Fetched {
        /// HTTP status.
        status: u16,
        /// Body size.
        bytes: u64,
        /// Validators to send next time.
        validators: crate::fetch::Validators,
        /// Items in the document.
        items_seen: usize,
        /// Items that are new or changed, tagged.
        items: Vec<TaggedItem>,
        /// SHA-256 of the body, to skip parsing an identical body next time; `None` when the
        /// body must be parsed again next time (items were left for later).
        body_hash: Option<String>,
    },
    /// The poll failed.
    Failed {
        /// HTTP status, when a response came back.
        status: Option<u16>,
        /// The error, as shown to the user.
        error: String,
        /// Scheduled polls wait until then (backoff, Retry-After); `None` means no wait.
        next_attempt_at: Option<DateTime<Utc>>,
    },
}

/// One poll of one source.
#[derive(Debug, Clone)]
pub struct PollRecord {
    /// The source.
    pub source: SourceRecord,
    /// When the poll began.
    pub started_at: DateTime<Utc>,
    /// When it ended.
    pub finished_at: DateTime<Utc>,
    /// How it ended.
    pub result: PollResult,
    /// The tagger version that produced the mentions.
    pub tagger_version: String,
}

/// What a recorded poll added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PollSummary {
    /// Items never seen before.
    pub new_items: usize,
    /// Known items whose title or text changed.
    pub revised_items: usize,
    /// Mentions stored.
    pub mentions: usize,
    /// Casualty claims stored.
    pub claims: usize,
}

fn upsert_source(tx: &Transaction<'_>, s: &SourceRecord) -> Result<i64, StoreError> {
    let labels = serde_json::to_string(&s.labels).unwrap_or_else(|_| "{}".into());
    Ok(tx
        .prepare_cached(
            "INSERT INTO sources (name, url, kind, labels) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(name) DO UPDATE SET url = excluded.url, kind = excluded.kind,
                                             labels = excluded.labels
             RETURNING id",
        )?
        .query_row(params![s.name, s.url, s.kind, labels], |r| r.get(0))?)
}

/// Runs one statement from the connection's statement cache: a poll repeats the same few
/// statements thousands of times a round.
fn exec(tx: &Transaction<'_>, sql: &str, args: impl rusqlite::Params) -> Result<usize, StoreError> {
    Ok(tx.prepare_cached(sql)?.execute(args)?)
}

/// Registers the configured sources so `sources` lists them before their first poll.
///
/// # Errors
/// A database error.
pub fn register_sources(conn: &mut Connection, sources: &[SourceRecord]) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    for s in sources {
        upsert_source(&tx, s)?;
    }
    tx.commit()?;
    Ok(())
}

/// The stored content hash of each of `guids` that this source already has, and its
/// validators, so a poll only tags what is new or changed.
///
/// # Errors
/// A database error.
pub fn known_items(
    conn: &mut Connection,
    source_name: &str,
    guids: &[String],
) -> Result<HashMap<String, String>, StoreError> {
    let mut out = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT i.content_hash FROM items i JOIN sources s ON s.id = i.source_id
         WHERE s.name = ?1 AND i.guid = ?2",
    )?;
    for g in guids {
        if let Some(h) = stmt
            .query_row(params![source_name, g], |r| r.get::<_, String>(0))
            .optional()?
        {
            out.insert(g.clone(), h);
        }
    }
    Ok(out)
}

/// What a poll needs to know about its source's last polls.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceState {
    /// Conditional-GET validators.
    pub validators: crate::fetch::Validators,
    /// Hash of the last body parsed.
    pub body_hash: Option<String>,
    /// Failed polls in a row.
    pub consecutive_errors: u32,
    /// Scheduled polls wait until then.
    pub next_attempt_at: Option<DateTime<Utc>>,
}

/// Reads a source's state; a source never polled has the default state.
///
/// # Errors
/// A database error.
pub fn source_state(conn: &mut Connection, name: &str) -> Result<SourceState, StoreError> {
    let row = conn
        .query_row(
            "SELECT etag, last_modified, body_hash, consecutive_errors, next_attempt_at
             FROM sources WHERE name = ?1",
            [name],
            |r| {
                Ok(SourceState {
                    validators: crate::fetch::Validators {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                    },
                    body_hash: r.get(2)?,
                    consecutive_errors: u32::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
                    next_attempt_at: r
                        .get::<_, Option<String>>(4)?
                        .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
                        .map(|t| t.with_timezone(&Utc)),
                })
            },
        )
        .optional()?;
    Ok(row.unwrap_or_default())
}

/// The guids of a source's most recently stored items, newest first.
///
/// # Errors
/// A database error.
pub fn recent_guids(
    conn: &mut Connection,
    source_name: &str,
    limit: usize,
) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.guid FROM items i JOIN sources s ON s.id = i.source_id
         WHERE s.name = ?1 ORDER BY i.id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(
        params![source_name, i64::try_from(limit).unwrap_or(100)],
        |r| r.get(0),
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Byte offset → character offset, for SQL users (`substr` counts characters).
pub(crate) fn char_offset(text: &str, byte: usize) -> i64 {
    i64::try_from(text.get(..byte).map_or(0, |s| s.chars().count())).unwrap_or(i64::MAX)
}

/// The columns of a mention's row that depend on its kind: ceasefire status, mediator,
/// clash location, and the parties as a JSON array. Shared by both backends.
pub(crate) fn mention_columns(
    m: &Mention,
) -> (Option<&'static str>, Option<String>, Option<String>, String) {
    let (status, mediator, location, parties) = match &m.detail {
        MentionDetail::Ceasefire {
            status,
            mediator,
            parties,
        } => (
            Some(status.as_str()),
            mediator.clone(),
            None,
            parties.as_slice(),
        ),
        MentionDetail::Clash { location, parties } => {
            (None, None, location.clone(), parties.as_slice())
        }
        MentionDetail::Casualty { .. } => (None, None, None, &[][..]),
    };
    let parties = serde_json::to_string(parties).unwrap_or_else(|_| "[]".into());
    (status, mediator, location, parties)
}

/// How `claimant_origin` is written in the schema.
pub(crate) fn origin_name(origin: crate::tag::ClaimantOrigin) -> &'static str {
    match origin {
        crate::tag::ClaimantOrigin::Sentence => "sentence",
        crate::tag::ClaimantOrigin::Passage => "passage",
        crate::tag::ClaimantOrigin::Source => "source",
    }
}

/// One field of one item revision that mentions are stored against.
pub(crate) struct ItemField<'a> {
    pub(crate) item_id: i64,
    pub(crate) revision: i64,
    /// "title" or "text".
    pub(crate) field: &'a str,
    pub(crate) text: &'a str,
}

/// Inserts mentions of one item field; returns (mentions, claims) stored.
pub(crate) fn insert_mentions(
    tx: &Transaction<'_>,
    target: &ItemField<'_>,
    mentions: &[Mention],
    tagger_version: &str,
    now: &str,
) -> Result<(usize, usize), StoreError> {
    let ItemField {
        item_id,
        revision,
        field,
        text,
    } = *target;
    let mut claims = 0;
    let mut m_stmt = tx.prepare_cached(
        "INSERT INTO mentions (item_id, revision, field, kind, sentence, span_start, span_end,
             ceasefire_status, mediator, location, parties, tagger_version, tagged_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id",
    )?;
    let mut c_stmt = tx.prepare_cached(
        "INSERT INTO casualty_claims (mention_id, category, count, approx, who, claimant,
             claimant_origin, negated, claimant_party, affected_party, affected_kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for m in mentions {
        let sentence = text.get(m.sentence.start..m.sentence.end).unwrap_or("");
        let (status, mediator, location, parties) = mention_columns(m);
        let id: i64 = m_stmt.query_row(
            params![
                item_id,
                revision,
                field,
                m.kind().as_str(),
                sentence,
                char_offset(text, m.sentence.start),
                char_offset(text, m.sentence.end),
                status,
                mediator,
                location,
                parties,
                tagger_version,
                now
            ],
            |r| r.get(0),
        )?;
        if let MentionDetail::Casualty { claims: cs } = &m.detail {
            for c in cs {
                c_stmt.execute(params![
                    id,
                    c.category.as_str(),
                    c.count.and_then(|n| i64::try_from(n).ok()),
                    c.approx,
                    c.who,
                    c.claimant,
                    c.claimant_origin.map(origin_name),
                    c.negated,
                    c.claimant_party,
                    c.affected_party,
                    c.affected_kind.map(crate::tag::AffectedKind::as_str)
                ])?;
                claims += 1;
            }
        }
    }
    Ok((mentions.len(), claims))
}

fn store_item(
    tx: &Transaction<'_>,
    source_id: i64,
    t: &TaggedItem,
    tagger_version: &str,
    now: &str,
    summary: &mut PollSummary,
) -> Result<(), StoreError> {
    let it = &t.item;
    let hash = t.content_hash.clone();
    let existing: Option<(i64, String, i64)> = tx
        .prepare_cached(
            "SELECT id, content_hash, revision FROM items WHERE source_id = ?1 AND guid = ?2",
        )?
        .query_row(params![source_id, it.guid], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let published = it.published.map(ts);
    let (item_id, revision) = match existing {
        Some((_, old_hash, _)) if old_hash == hash => return Ok(()),
        Some((id, _, rev)) => {
            fts_forget(tx, id)?;
            tx.execute(
                "INSERT INTO item_revisions (item_id, revision, title, text, raw, content_hash, seen_at)
                 SELECT id, revision, title, text, raw, content_hash, updated_at FROM items WHERE id = ?1",
                params![id],
            )?;
            tx.execute(
                "UPDATE items SET title = ?2, text = ?3, raw = ?4, content_hash = ?5, url = ?6,
                     published_at = COALESCE(?7, published_at), updated_at = ?8, revision = ?9,
                     fingerprint = ?10, language = ?11
                 WHERE id = ?1",
                params![
                    id,
                    it.title,
                    it.text,
                    it.raw,
                    hash,
                    it.url,
                    published,
                    now,
                    rev + 1,
                    it.fingerprint(),
                    t.language
                ],
            )?;
            summary.revised_items += 1;
            (id, rev + 1)
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO items (source_id, guid, url, title, published_at, fetched_at,
                     updated_at, text, raw, content_hash, fingerprint, language)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                source_id,
                it.guid,
                it.url,
                it.title,
                published,
                now,
                it.text,
                it.raw,
                hash,
                it.fingerprint(),
                t.language
            ])?;
            let id = tx.last_insert_rowid();
            summary.new_items += 1;
            (id, 1)
        }
    };
    fts_index(tx, item_id, &it.title, &it.text)?;
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
        let (m, c) = insert_mentions(tx, &target, mentions, tagger_version, now)?;
        summary.mentions += m;
        summary.claims += c;
    }
    Ok(())
}

/// Adds an item's current title and text to the full-text index. The writer does this itself
/// rather than by trigger: a trigger makes every item insert a statement transaction, and
/// FTS5 flushes its pending terms to a new segment at each one, which made indexing the
/// costliest part of a poll.
fn fts_index(
    tx: &Transaction<'_>,
    item_id: i64,
    title: &str,
    text: &str,
) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT INTO items_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![item_id, title, text])?;
    Ok(())
}

/// Removes an item's current title and text from the full-text index, before they change.
fn fts_forget(tx: &Transaction<'_>, item_id: i64) -> Result<(), StoreError> {
    let (title, text): (String, String) = tx
        .prepare_cached("SELECT title, text FROM items WHERE id = ?1")?
        .query_row(params![item_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    tx.prepare_cached(
        "INSERT INTO items_fts (items_fts, rowid, title, text) VALUES ('delete', ?1, ?2, ?3)",
    )?
    .execute(params![item_id, title, text])?;
    Ok(())
}

/// Records one poll in one transaction: the fetch log row, the source's state, and any new
/// or revised items with their mentions. An item whose guid is known and whose content is
/// unchanged is skipped, so polling twice stores nothing twice.
///
/// # Errors
/// A database error; the transaction is rolled back and nothing of the poll is kept.
pub fn record_poll(conn: &mut Connection, rec: &PollRecord) -> Result<PollSummary, StoreError> {
    let tx = conn.transaction()?;
    let summary = record_poll_in(&tx, rec)?;
    tx.commit()?;
    Ok(summary)
}

/// Writes one poll's rows inside a transaction the caller owns and commits, so that several
/// polls can share one commit (see `store::batch`).
pub(crate) fn record_poll_in(
    tx: &Transaction<'_>,
    rec: &PollRecord,
) -> Result<PollSummary, StoreError> {
    let source_id = upsert_source(tx, &rec.source)?;
    let now = ts(rec.finished_at);
    let mut summary = PollSummary::default();
    let validators_sql = "UPDATE sources SET etag = ?2, last_modified = ?3 WHERE id = ?1";
    let (status, bytes, items_seen, error, next_attempt) = match &rec.result {
        PollResult::NotModified { validators } => {
            exec(
                tx,
                validators_sql,
                params![source_id, validators.etag, validators.last_modified],
            )?;
            (Some(304), 0, 0, None, None)
        }
        PollResult::Unchanged {
            status,
            bytes,
            validators,
        } => {
            exec(
                tx,
                validators_sql,
                params![source_id, validators.etag, validators.last_modified],
            )?;
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
            for t in items {
                store_item(tx, source_id, t, &rec.tagger_version, &now, &mut summary)?;
            }
            exec(
                tx,
                validators_sql,
                params![source_id, validators.etag, validators.last_modified],
            )?;
            exec(
                tx,
                "UPDATE sources SET body_hash = ?2 WHERE id = ?1",
                params![source_id, body_hash],
            )?;
            (Some(*status), *bytes, *items_seen, None, None)
        }
        PollResult::Failed {
            status,
            error,
            next_attempt_at,
        } => (*status, 0, 0, Some(error.clone()), next_attempt_at.map(ts)),
    };
    exec(
        tx,
        "INSERT INTO fetches (source_id, started_at, finished_at, http_status, bytes, items_seen,
             new_items, revised_items, error)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            source_id,
            ts(rec.started_at),
            now,
            status,
            i64::try_from(bytes).unwrap_or(i64::MAX),
            items_seen as i64,
            summary.new_items as i64,
            summary.revised_items as i64,
            error
        ],
    )?;
    if error.is_some() {
        exec(
            tx,
            "UPDATE sources SET last_poll_at = ?2, last_status = ?3, last_error = ?4,
                 consecutive_errors = consecutive_errors + 1, next_attempt_at = ?5 WHERE id = ?1",
            params![source_id, now, status, error, next_attempt],
        )?;
    } else {
        exec(
            tx,
            "UPDATE sources SET last_poll_at = ?2, last_ok_at = ?2, last_status = ?3,
                 last_error = NULL, consecutive_errors = 0, next_attempt_at = NULL WHERE id = ?1",
            params![source_id, now, status],
        )?;
    }
    Ok(summary)
}
