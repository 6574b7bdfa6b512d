//! A poll's new items in a handful of round trips: on PostgreSQL each statement is a round
//! trip to the server, so a cold poll of twenty items with their mentions and claims, written
//! one row at a time, would cost a hundred. New items go in with one `INSERT … SELECT FROM
//! unnest(…)`, their mentions with ids taken from the sequence first, their claims with a
//! third. Revised items and guids repeated within one document take the row-by-row path.

use std::collections::{HashMap, HashSet};

use deadpool_postgres::Transaction;

use super::super::StoreError;
use super::super::write::{PollSummary, TaggedItem, char_offset, mention_columns, origin_name, ts};
use crate::tag::{Mention, MentionDetail};

/// The columns of the mentions of new items, one vector per column.
#[derive(Default)]
struct MentionColumns {
    item_id: Vec<i64>,
    field: Vec<&'static str>,
    kind: Vec<&'static str>,
    sentence: Vec<String>,
    span_start: Vec<i64>,
    span_end: Vec<i64>,
    status: Vec<Option<&'static str>>,
    mediator: Vec<Option<String>>,
    location: Vec<Option<String>>,
    parties: Vec<String>,
}

/// The columns of their casualty claims.
#[derive(Default)]
struct ClaimColumns {
    mention: Vec<usize>,
    category: Vec<&'static str>,
    count: Vec<Option<i64>>,
    approx: Vec<i64>,
    who: Vec<Option<String>>,
    claimant: Vec<Option<String>>,
    origin: Vec<Option<&'static str>>,
    negated: Vec<i64>,
    claimant_party: Vec<Option<String>>,
    affected_party: Vec<Option<String>>,
    affected_kind: Vec<Option<&'static str>>,
}

fn collect(
    item_id: i64,
    field: &'static str,
    text: &str,
    mentions: &[Mention],
    m: &mut MentionColumns,
    c: &mut ClaimColumns,
) {
    for mention in mentions {
        let index = m.item_id.len();
        let (status, mediator, location, parties) = mention_columns(mention);
        m.item_id.push(item_id);
        m.field.push(field);
        m.kind.push(mention.kind().as_str());
        m.sentence.push(
            text.get(mention.sentence.start..mention.sentence.end)
                .unwrap_or("")
                .to_owned(),
        );
        m.span_start.push(char_offset(text, mention.sentence.start));
        m.span_end.push(char_offset(text, mention.sentence.end));
        m.status.push(status);
        m.mediator.push(mediator);
        m.location.push(location);
        m.parties.push(parties);
        if let MentionDetail::Casualty { claims } = &mention.detail {
            for claim in claims {
                c.mention.push(index);
                c.category.push(claim.category.as_str());
                c.count
                    .push(claim.count.and_then(|n| i64::try_from(n).ok()));
                c.approx.push(i64::from(claim.approx));
                c.who.push(claim.who.clone());
                c.claimant.push(claim.claimant.clone());
                c.origin.push(claim.claimant_origin.map(origin_name));
                c.negated.push(i64::from(claim.negated));
                c.claimant_party.push(claim.claimant_party.clone());
                c.affected_party.push(claim.affected_party.clone());
                c.affected_kind
                    .push(claim.affected_kind.map(crate::tag::AffectedKind::as_str));
            }
        }
    }
}

/// Stores `items` of one poll. Returns the items that must take the row-by-row path (known
/// guids, which may be revisions; guids repeated in the document; a guid another writer
/// inserted meanwhile).
pub(crate) async fn store_new_items<'a>(
    tx: &Transaction<'_>,
    source_id: i64,
    items: &'a [TaggedItem],
    tagger_version: &str,
    now: &str,
    summary: &mut PollSummary,
) -> Result<Vec<&'a TaggedItem>, StoreError> {
    let guids: Vec<&str> = items.iter().map(|t| t.item.guid.as_str()).collect();
    let known_stmt = tx
        .prepare_cached("SELECT guid FROM items WHERE source_id = $1 AND guid = ANY($2)")
        .await?;
    let known: HashSet<String> = tx
        .query(&known_stmt, &[&source_id, &guids])
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut seen = HashSet::new();
    let (mut fresh, mut slow) = (Vec::new(), Vec::new());
    for t in items {
        if known.contains(&t.item.guid) || !seen.insert(t.item.guid.as_str()) {
            slow.push(t);
        } else {
            fresh.push(t);
        }
    }
    if fresh.is_empty() {
        return Ok(slow);
    }
    let col = |f: &dyn Fn(&TaggedItem) -> Option<String>| -> Vec<Option<String>> {
        fresh.iter().map(|t| f(t)).collect()
    };
    let (guid, url, title, published) = (
        col(&|t| Some(t.item.guid.clone())),
        col(&|t| t.item.url.clone()),
        col(&|t| Some(t.item.title.clone())),
        col(&|t| t.item.published.map(ts)),
    );
    let (text, raw, hash, fingerprint, language) = (
        col(&|t| Some(t.item.text.clone())),
        col(&|t| Some(t.item.raw.clone())),
        col(&|t| Some(t.content_hash.clone())),
        col(&|t| Some(t.item.fingerprint())),
        col(&|t| Some(t.language.clone())),
    );
    let insert = tx
        .prepare_cached(
            "INSERT INTO items (source_id, guid, url, title, published_at, fetched_at, updated_at,
                 text, raw, content_hash, fingerprint, language)
             SELECT $1, u.guid, u.url, u.title, u.published, $2, $2, u.text, u.raw, u.hash,
                    u.fingerprint, u.language
             FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                         $9::text[], $10::text[], $11::text[])
                  WITH ORDINALITY AS u(guid, url, title, published, text, raw, hash, fingerprint,
                                       language, n)
             ORDER BY u.n
             ON CONFLICT (source_id, guid) DO NOTHING
             RETURNING id, guid",
        )
        .await?;
    let ids: HashMap<String, i64> = tx
        .query(
            &insert,
            &[
                &source_id,
                &now,
                &guid,
                &url,
                &title,
                &published,
                &text,
                &raw,
                &hash,
                &fingerprint,
                &language,
            ],
        )
        .await?
        .iter()
        .map(|r| (r.get(1), r.get(0)))
        .collect();
    let (mut m, mut c) = (MentionColumns::default(), ClaimColumns::default());
    for t in fresh {
        let Some(&id) = ids.get(&t.item.guid) else {
            // Inserted by another writer between the two statements: take the slow path.
            slow.push(t);
            continue;
        };
        summary.new_items += 1;
        collect(
            id,
            "title",
            &t.item.title,
            &t.title_mentions,
            &mut m,
            &mut c,
        );
        collect(id, "text", &t.item.text, &t.text_mentions, &mut m, &mut c);
    }
    if m.item_id.is_empty() {
        return Ok(slow);
    }
    let n = i64::try_from(m.item_id.len()).unwrap_or(i64::MAX);
    let ids_stmt = tx
        .prepare_cached(
            "SELECT nextval(pg_get_serial_sequence('mentions', 'id')) FROM generate_series(1, $1::bigint)",
        )
        .await?;
    let mention_ids: Vec<i64> = tx
        .query(&ids_stmt, &[&n])
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let insert = tx
        .prepare_cached(
            "INSERT INTO mentions (id, item_id, revision, field, kind, sentence, span_start,
                 span_end, ceasefire_status, mediator, location, parties, tagger_version, tagged_at)
             SELECT u.id, u.item_id, 1, u.field, u.kind, u.sentence, u.span_start, u.span_end,
                    u.status, u.mediator, u.location, u.parties, $1, $2
             FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::text[],
                         $8::bigint[], $9::bigint[], $10::text[], $11::text[], $12::text[],
                         $13::text[])
                  AS u(id, item_id, field, kind, sentence, span_start, span_end, status, mediator,
                       location, parties)",
        )
        .await?;
    tx.execute(
        &insert,
        &[
            &tagger_version,
            &now,
            &mention_ids,
            &m.item_id,
            &m.field,
            &m.kind,
            &m.sentence,
            &m.span_start,
            &m.span_end,
            &m.status,
            &m.mediator,
            &m.location,
            &m.parties,
        ],
    )
    .await?;
    summary.mentions += m.item_id.len();
    if !c.mention.is_empty() {
        let claim_mention: Vec<i64> = c
            .mention
            .iter()
            .map(|&i| mention_ids.get(i).copied().unwrap_or(0))
            .collect();
        let insert = tx
            .prepare_cached(
                "INSERT INTO casualty_claims (mention_id, category, count, approx, who, claimant,
                     claimant_origin, negated, claimant_party, affected_party, affected_kind)
                 SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[],
                                      $5::text[], $6::text[], $7::text[], $8::bigint[],
                                      $9::text[], $10::text[], $11::text[])",
            )
            .await?;
        tx.execute(
            &insert,
            &[
                &claim_mention,
                &c.category,
                &c.count,
                &c.approx,
                &c.who,
                &c.claimant,
                &c.origin,
                &c.negated,
                &c.claimant_party,
                &c.affected_party,
                &c.affected_kind,
            ],
        )
        .await?;
        summary.claims += c.mention.len();
    }
    Ok(slow)
}
