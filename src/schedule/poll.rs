//! One poll of one source: fetch → decode → parse → tag → store.

use std::sync::Arc;

use chrono::Utc;

use crate::config::{SourceConfig, SourceKind};
use crate::fetch::{FetchErrorKind, FetchOutcome, Fetcher, Validators, decode_feed, decode_html};
use crate::parse::{Item, PageRule, parse_feed, parse_page};
use crate::store::{self, PollRecord, PollResult, PollSummary, SourceRecord, Store, TaggedItem};
use crate::tag::{self, TagContext};

/// What a poll needs: the shared HTTP client and the store.
#[derive(Debug, Clone)]
pub struct PollContext {
    /// The HTTP client.
    pub fetcher: Fetcher,
    /// The database.
    pub store: Store,
}

/// How a poll ended, for logs and the `poll` command's summary lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollOutcome {
    /// 304: nothing new.
    NotModified,
    /// Fetched and stored.
    Stored {
        /// Items in the document.
        items_seen: usize,
        /// What was stored.
        summary: PollSummary,
    },
    /// The poll failed; the error is recorded in the store (unless the store itself failed).
    Failed(String),
}

impl std::fmt::Display for PollOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PollOutcome::NotModified => write!(f, "not modified"),
            PollOutcome::Stored {
                items_seen,
                summary,
            } => write!(
                f,
                "{items_seen} items, {} new, {} revised, {} mentions, {} casualty claims",
                summary.new_items, summary.revised_items, summary.mentions, summary.claims
            ),
            PollOutcome::Failed(e) => write!(f, "FAILED: {e}"),
        }
    }
}

/// The record of a source that the store keeps.
pub fn source_record(s: &SourceConfig) -> SourceRecord {
    SourceRecord {
        name: s.name.clone(),
        url: s.url.to_string(),
        kind: s.kind.as_str().to_owned(),
        labels: s.labels.clone(),
    }
}

/// Tags an item's title and text in the source's context.
pub fn tag_item(source: &SourceConfig, item: Item) -> TaggedItem {
    let own_voice = source.own_voice();
    let ctx = TagContext {
        title: Some(&item.title),
        language: source.language.as_deref(),
        own_voice: Some(&own_voice),
    };
    let title_mentions = tag::tag(
        &item.title,
        &TagContext {
            title: None,
            ..ctx.clone()
        },
    );
    let text_mentions = tag::tag(&item.text, &ctx);
    TaggedItem {
        item,
        title_mentions,
        text_mentions,
    }
}

fn parse_body(
    source: &SourceConfig,
    body: &[u8],
    content_type: Option<&str>,
    base: &url::Url,
) -> Result<Vec<Item>, String> {
    match (source.kind, &source.page) {
        (SourceKind::Feed, _) => {
            let text = decode_feed(body, content_type);
            parse_feed(&text, Some(base.as_str())).map_err(|e| e.to_string())
        }
        (SourceKind::Page, Some(sel)) => {
            let rule = PageRule::new(
                &sel.item,
                &sel.link,
                &sel.title,
                sel.date.as_deref(),
                sel.body.as_deref(),
            )
            .map_err(|e| e.to_string())?;
            let text = decode_html(body, content_type);
            Ok(parse_page(&text, &rule, base))
        }
        (SourceKind::Page, None) => Err("page source has no [source.page] selectors".into()),
    }
}

/// Fetches, parses and tags; every failure becomes a [`PollResult::Failed`].
async fn fetch_and_tag(
    ctx: &PollContext,
    source: &Arc<SourceConfig>,
    validators: Validators,
) -> PollResult {
    let fetched = match ctx
        .fetcher
        .fetch(&source.name, &source.url, &validators)
        .await
    {
        Ok(FetchOutcome::NotModified(validators)) => return PollResult::NotModified { validators },
        Ok(FetchOutcome::Fetched(fetched)) => fetched,
        Err(e) => {
            let status = match e.kind {
                FetchErrorKind::Status(s) => Some(s),
                _ => None,
            };
            return PollResult::Failed {
                status,
                error: e.to_string(),
            };
        }
    };
    let status = Some(fetched.status);
    let fail = |error: String| PollResult::Failed { status, error };
    let src = Arc::clone(source);
    let parsed = tokio::task::spawn_blocking(move || {
        let items = parse_body(
            &src,
            &fetched.body,
            fetched.content_type.as_deref(),
            &fetched.final_url,
        );
        (items, fetched)
    })
    .await;
    let (items, fetched) = match parsed {
        Ok((Ok(items), fetched)) => (items, fetched),
        Ok((Err(e), fetched)) => {
            return fail(format!(
                "source \"{}\": {}: {e}",
                source.name, fetched.final_url
            ));
        }
        Err(e) => return fail(format!("source \"{}\": parser crashed: {e}", source.name)),
    };
    let items_seen = items.len();
    let guids: Vec<String> = items.iter().map(|i| i.guid.clone()).collect();
    let name = source.name.clone();
    let known = match ctx
        .store
        .call(move |conn| store::known_items(conn, &name, &guids))
        .await
    {
        Ok(known) => known,
        Err(e) => return fail(e.to_string()),
    };
    let src = Arc::clone(source);
    let tagged = tokio::task::spawn_blocking(move || {
        let mut seen = std::collections::HashSet::new();
        items
            .into_iter()
            .filter(|i| seen.insert(i.guid.clone()))
            .filter(|i| known.get(&i.guid) != Some(&i.content_hash()))
            .map(|i| tag_item(&src, i))
            .collect::<Vec<_>>()
    })
    .await;
    match tagged {
        Ok(items) => PollResult::Fetched {
            status: fetched.status,
            bytes: fetched.body.len() as u64,
            validators: fetched.validators,
            items_seen,
            items,
        },
        Err(e) => fail(format!("source \"{}\": tagger crashed: {e}", source.name)),
    }
}

/// Polls one source once and records the outcome, success or failure, in the store.
/// Never panics and never returns an error: a failure is a value, so one bad source cannot
/// stop the others.
pub async fn poll_source(ctx: &PollContext, source: Arc<SourceConfig>) -> PollOutcome {
    let started_at = Utc::now();
    let name = source.name.clone();
    let validators = ctx
        .store
        .call(move |conn| {
            Ok(conn
                .query_row(
                    "SELECT etag, last_modified FROM sources WHERE name = ?1",
                    [&name],
                    |r| {
                        Ok(Validators {
                            etag: r.get(0)?,
                            last_modified: r.get(1)?,
                        })
                    },
                )
                .unwrap_or_default())
        })
        .await
        .unwrap_or_default();
    let result = fetch_and_tag(ctx, &source, validators).await;
    let items_seen = match &result {
        PollResult::Fetched { items_seen, .. } => Some(*items_seen),
        _ => None,
    };
    let failure = match &result {
        PollResult::Failed { error, .. } => Some(error.clone()),
        _ => None,
    };
    let record = PollRecord {
        source: source_record(&source),
        started_at,
        finished_at: Utc::now(),
        result,
        tagger_version: tag::TAGGER_VERSION.to_owned(),
    };
    let stored = ctx
        .store
        .call(move |conn| store::record_poll(conn, &record))
        .await;
    let outcome = match (stored, failure, items_seen) {
        (Err(e), _, _) => PollOutcome::Failed(format!(
            "source \"{}\": cannot store poll: {e}",
            source.name
        )),
        (Ok(_), Some(error), _) => PollOutcome::Failed(error),
        (Ok(summary), None, Some(items_seen)) => PollOutcome::Stored {
            items_seen,
            summary,
        },
        (Ok(_), None, None) => PollOutcome::NotModified,
    };
    match &outcome {
        PollOutcome::Failed(e) => tracing::warn!(source = %source.name, error = %e, "poll failed"),
        other => tracing::info!(source = %source.name, outcome = %other, "polled"),
    }
    outcome
}
