//! One poll of one source: fetch → decode → parse → tag → store.

use std::sync::Arc;

use chrono::Utc;

use super::{article, backoff, telegram};
use crate::config::{SourceConfig, SourceKind};
use crate::fetch::{FetchErrorKind, FetchOutcome, Fetcher, decode_feed, decode_html};
use crate::parse::{Item, PageRule, content_hash, parse_feed, parse_page, parse_telegram};
use crate::store::{
    PollRecord, PollResult, PollSummary, SourceRecord, SourceState, Store, TaggedItem,
};
use crate::tag::sides::{self, Conflict, Parties, Party};
use crate::tag::{self, Mention, TagContext};

/// What a poll needs: the shared HTTP client and the store.
#[derive(Debug, Clone)]
pub struct PollContext {
    /// The HTTP client.
    pub fetcher: Fetcher,
    /// The database.
    pub store: Store,
    /// Where parsing and tagging run.
    pub cpu: super::cpu::CpuWorkers,
    /// First wait after a failure (doubling after each further one); zero disables backoff.
    pub backoff_base: std::time::Duration,
    /// Longest wait.
    pub backoff_max: std::time::Duration,
    /// Most article pages fetched in one poll; further new items wait for the next poll.
    pub max_articles: usize,
    /// The parties and conflicts claims are resolved against (`parties_of`).
    pub parties: Arc<Parties>,
    /// How long a claim on a source's poll lasts on a shared store (`daemon.lease_secs`).
    pub lease_secs: u64,
}

/// The parties claims are resolved against: the configured `[[party]]` and `[[conflict]]`
/// entries, plus a party named by its label alone for each source `party` label that none
/// of them names.
pub fn parties_of(config: &crate::config::Config) -> Parties {
    Parties::new(
        config
            .parties
            .iter()
            .map(|p| Party {
                name: p.name.clone(),
                names: p.names.clone(),
            })
            .collect(),
        config
            .conflicts
            .iter()
            .map(|c| Conflict {
                name: c.name.clone(),
                parties: c.parties.clone(),
            })
            .collect(),
    )
    .with_labels(
        config
            .sources
            .iter()
            .filter_map(|s| s.labels.get("party").map(String::as_str)),
    )
}

/// How a poll ended, for logs and the `poll` command's summary lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollOutcome {
    /// 304: nothing new.
    NotModified,
    /// The same body as last time; not parsed again.
    Unchanged,
    /// Not polled: the source is backing off after failures until then.
    Deferred(chrono::DateTime<Utc>),
    /// Fetched and stored.
    Stored {
        /// Items in the document.
        items_seen: usize,
        /// What was stored.
        summary: PollSummary,
    },
    /// The poll failed; the error is recorded in the store (unless the store itself failed).
    Failed(String),
    /// Not polled here: another instance sharing the store holds the source or has already
    /// polled it for this scheduled time.
    Taken,
}

impl std::fmt::Display for PollOutcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PollOutcome::NotModified => write!(f, "not modified"),
            PollOutcome::Unchanged => write!(f, "unchanged since the last poll"),
            PollOutcome::Deferred(until) => write!(
                f,
                "backing off until {}",
                until.format("%Y-%m-%d %H:%M:%S UTC")
            ),
            PollOutcome::Stored {
                items_seen,
                summary,
            } => write!(
                f,
                "{items_seen} items, {} new, {} revised, {} mentions, {} casualty claims",
                summary.new_items, summary.revised_items, summary.mentions, summary.claims
            ),
            PollOutcome::Failed(e) => write!(f, "FAILED: {e}"),
            PollOutcome::Taken => write!(f, "polled by another instance"),
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

/// Tags a title and a text as one source publishes them: in its language, and with its own
/// voice (`party (name)`) as the claimant of claims whose text names none; then resolves each
/// claim's sides against `parties`, the source's `party` label speaking for its own voice.
/// Returns the title's mentions and the text's.
pub fn tag_fields(
    source: SourceVoice<'_>,
    parties: &Parties,
    title: &str,
    text: &str,
) -> (Vec<Mention>, Vec<Mention>) {
    let SourceVoice {
        own_voice,
        language,
        party,
    } = source;
    let ctx = TagContext {
        title: Some(title),
        language,
        own_voice: Some(own_voice),
        party_source: party.is_some(),
        parties: Some(parties),
    };
    let mut title_mentions = tag::tag(
        title,
        &TagContext {
            title: None,
            ..ctx.clone()
        },
    );
    let mut text_mentions = tag::tag(text, &ctx);
    tag::context::drop_title_recounts(&mut title_mentions, &text_mentions);
    sides::resolve_mentions(title, &mut title_mentions, party, parties);
    sides::resolve_mentions(text, &mut text_mentions, party, parties);
    (title_mentions, text_mentions)
}

/// How a source speaks: the claimant of its unattributed claims, its language and the party
/// it speaks for.
#[derive(Debug, Clone, Copy)]
pub struct SourceVoice<'a> {
    /// `party (name)`, or the name.
    pub own_voice: &'a str,
    /// Its configured language.
    pub language: Option<&'a str>,
    /// Its `party` label.
    pub party: Option<&'a str>,
}

impl<'a> SourceVoice<'a> {
    /// The voice of a configured source; `own_voice` is its `SourceConfig::own_voice`.
    pub fn of(source: &'a SourceConfig, own_voice: &'a str) -> SourceVoice<'a> {
        SourceVoice {
            own_voice,
            language: source.language.as_deref(),
            party: source.labels.get("party").map(String::as_str),
        }
    }
}

/// Tags an item's title and text in the source's context.
pub fn tag_item(source: &SourceConfig, parties: &Parties, item: Item) -> TaggedItem {
    let own_voice = source.own_voice();
    let (title_mentions, text_mentions) = tag_fields(
        SourceVoice::of(source, &own_voice),
        parties,
        &item.title,
        &item.text,
    );
    let content_hash = item.content_hash();
    let language = match &source.language {
        Some(l) => l.clone(),
        None => tag::detect_language(&format!("{}\n{}", item.title, item.text)).to_owned(),
    };
    TaggedItem {
        item,
        title_mentions,
        text_mentions,
        content_hash,
        language,
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
            .map_err(|e| e.to_string())?
            .with_timezone(source.timezone);
            let text = decode_html(body, content_type);
            Ok(parse_page(&text, &rule, base))
        }
        (SourceKind::Page, None) => Err("page source has no [source.page] selectors".into()),
        (SourceKind::Telegram, _) => Ok(parse_telegram(&decode_html(body, content_type))
            .into_iter()
            .map(|p| p.item)
            .collect()),
    }
}

/// A failure of this poll, before backoff is worked out.
struct Failure {
    status: Option<u16>,
    error: String,
    retry_after: Option<std::time::Duration>,
}

impl Failure {
    fn new(status: Option<u16>, error: String) -> Self {
        Self {
            status,
            error,
            retry_after: None,
        }
    }
}

/// Fetches, parses and tags. Silent failures count as failures: a 200 with an empty body, and
/// a page rule that matches nothing (a redesigned press page).
async fn fetch_and_tag(
    ctx: &PollContext,
    source: &Arc<SourceConfig>,
    state: &SourceState,
) -> Result<PollResult, Failure> {
    if source.robots && !ctx.fetcher.allowed_by_robots(&source.url).await {
        return Err(Failure::new(
            None,
            format!(
                "source \"{}\": {}: disallowed by robots.txt for claimwatch",
                source.name, source.url
            ),
        ));
    }
    let fetched = match ctx
        .fetcher
        .fetch(&source.name, &source.url, &state.validators)
        .await
    {
        Ok(FetchOutcome::NotModified(validators)) => {
            return Ok(PollResult::NotModified { validators });
        }
        Ok(FetchOutcome::Fetched(fetched)) => fetched,
        Err(e) => {
            let status = match e.kind {
                FetchErrorKind::Status(s) => Some(s),
                _ => None,
            };
            return Err(Failure {
                status,
                error: e.to_string(),
                retry_after: e.retry_after,
            });
        }
    };
    let status = Some(fetched.status);
    let here = format!("source \"{}\": {}", source.name, fetched.final_url);
    if fetched.body.iter().all(u8::is_ascii_whitespace) {
        return Err(Failure::new(
            status,
            format!("{here}: empty response body (HTTP {})", fetched.status),
        ));
    }
    let body_hash = content_hash(&[&String::from_utf8_lossy(&fetched.body)]);
    if state.body_hash.as_deref() == Some(body_hash.as_str()) {
        return Ok(PollResult::Unchanged {
            status: fetched.status,
            bytes: fetched.body.len() as u64,
            validators: fetched.validators,
        });
    }
    let src = Arc::clone(source);
    let parsed = ctx
        .cpu
        .run(move || {
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
        Ok((Err(e), _)) => return Err(Failure::new(status, format!("{here}: {e}"))),
        Err(e) => return Err(Failure::new(status, format!("{here}: parser {e}"))),
    };
    if items.is_empty() && source.kind == SourceKind::Page {
        return Err(Failure::new(
            status,
            format!("{here}: the page rule matched no items (was the page redesigned?)"),
        ));
    }
    let items = if source.kind == SourceKind::Telegram {
        if items.is_empty() {
            return Err(Failure::new(
                status,
                format!(
                    "{here}: no posts found (a private channel, or the preview's markup changed)"
                ),
            ));
        }
        let first = items
            .into_iter()
            .filter_map(|item| {
                let id = item.guid.rsplit('/').next()?.parse().ok()?;
                Some(crate::parse::TelegramPost { id, item })
            })
            .collect();
        telegram::with_older_posts(ctx, source, first).await
    } else {
        items
    };
    let items_seen = items.len();
    let guids: Vec<String> = items.iter().map(|i| i.guid.clone()).collect();
    let known = ctx
        .store
        .known_items(source.name.clone(), guids)
        .await
        .map_err(|e| Failure::new(status, e.to_string()))?;
    let mut seen = std::collections::HashSet::new();
    let fresh: Vec<Item> = items
        .into_iter()
        .filter(|i| seen.insert(i.guid.clone()))
        .filter(|i| known.get(&i.guid) != Some(&i.content_hash()))
        .collect();
    // Sources whose listing carries only headlines: fetch each new item's own page once.
    let (fresh, deferred): (Vec<(Item, String)>, bool) = match &source.article {
        Some(rule) => {
            let fresh = fresh
                .into_iter()
                .filter(|i| !known.contains_key(&i.guid))
                .collect();
            article::fill_from_article_pages(ctx, source, rule, fresh).await
        }
        None => {
            let fresh = fresh
                .into_iter()
                .map(|i| {
                    let h = i.content_hash();
                    (i, h)
                })
                .collect();
            (fresh, false)
        }
    };
    let src = Arc::clone(source);
    let parties = Arc::clone(&ctx.parties);
    let tagged = ctx
        .cpu
        .run(move || {
            fresh
                .into_iter()
                .map(|(item, listing_hash)| TaggedItem {
                    content_hash: listing_hash,
                    ..tag_item(&src, &parties, item)
                })
                .collect::<Vec<_>>()
        })
        .await
        .map_err(|e| Failure::new(status, format!("{here}: tagger {e}")))?;
    Ok(PollResult::Fetched {
        status: fetched.status,
        bytes: fetched.body.len() as u64,
        // With items left for the next poll, that poll must get and parse the body again.
        validators: if deferred {
            Default::default()
        } else {
            fetched.validators
        },
        items_seen,
        items: tagged,
        body_hash: (!deferred).then_some(body_hash),
    })
}

/// Whether a poll honours the source's backoff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backoff {
    /// A scheduled poll: a failing source waits out its backoff.
    Honour,
    /// A poll asked for by hand (`claimwatch poll`): always runs.
    Ignore,
}

/// Polls one source once and records the outcome, success or failure, in the store.
/// Never panics and never returns an error: a failure is a value, so one bad source cannot
/// stop the others. A failure sets the source's backoff (exponential, with `Retry-After`).
pub async fn poll_source(
    ctx: &PollContext,
    source: Arc<SourceConfig>,
    backoff: Backoff,
) -> PollOutcome {
    poll_source_from(ctx, source, backoff, None).await
}

/// As [`poll_source`], from the source's state when the caller has just read it.
async fn poll_source_from(
    ctx: &PollContext,
    source: Arc<SourceConfig>,
    backoff: Backoff,
    state: Option<crate::store::SourceState>,
) -> PollOutcome {
    let started_at = Utc::now();
    let state = match state {
        Some(state) => Ok(state),
        None => ctx.store.source_state(source.name.clone()).await,
    };
    let state = match state {
        Ok(state) => state,
        Err(e) => {
            // Without its state a poll would refetch unconditionally and forget its backoff;
            // the store is down, so nothing could be recorded anyway: try at the next time.
            let error = format!("source \"{}\": cannot read its state: {e}", source.name);
            tracing::warn!(source = %source.name, error = %e, "store unavailable; poll skipped");
            return PollOutcome::Failed(error);
        }
    };
    if let (Backoff::Honour, Some(until)) = (backoff, state.next_attempt_at)
        && until > started_at
    {
        tracing::debug!(source = %source.name, until = %until, "backing off");
        return PollOutcome::Deferred(until);
    }
    let result = match fetch_and_tag(ctx, &source, &state).await {
        Ok(result) => result,
        Err(f) => {
            let wait = backoff::delay(
                state.consecutive_errors + 1,
                f.retry_after,
                ctx.backoff_base,
                ctx.backoff_max,
            );
            PollResult::Failed {
                status: f.status,
                error: f.error,
                next_attempt_at: (!wait.is_zero())
                    .then(|| chrono::Duration::from_std(wait).ok())
                    .flatten()
                    .map(|w| Utc::now() + w),
            }
        }
    };
    let items_seen = match &result {
        PollResult::Fetched { items_seen, .. } => Some(*items_seen),
        _ => None,
    };
    let failure = match &result {
        PollResult::Failed { error, .. } => Some(error.clone()),
        _ => None,
    };
    let unchanged = matches!(result, PollResult::Unchanged { .. });
    let record = PollRecord {
        source: source_record(&source),
        started_at,
        finished_at: Utc::now(),
        result,
        tagger_version: tag::TAGGER_VERSION.to_owned(),
    };
    let stored = ctx.store.record_poll(record).await;
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
        (Ok(_), None, None) if unchanged => PollOutcome::Unchanged,
        (Ok(_), None, None) => PollOutcome::NotModified,
    };
    match &outcome {
        PollOutcome::Failed(e) => tracing::warn!(source = %source.name, error = %e, "poll failed"),
        other => tracing::info!(source = %source.name, outcome = %other, "polled"),
    }
    outcome
}

/// Polls one source on behalf of the scheduled time `tick` (`None`: a poll asked for by
/// hand), first claiming it on a shared store so that one instance polls it per tick. The
/// claim is renewed while the poll runs and released when it ends; on SQLite it always holds.
pub async fn poll_claimed(
    ctx: &PollContext,
    source: Arc<SourceConfig>,
    backoff: Backoff,
    tick: Option<chrono::DateTime<Utc>>,
) -> PollOutcome {
    if !ctx.store.is_shared() {
        return poll_source(ctx, source, backoff).await;
    }
    let state = match ctx
        .store
        .claim_poll(&source.name, tick, ctx.lease_secs)
        .await
    {
        Ok(Some(state)) => state,
        Ok(None) => {
            tracing::debug!(source = %source.name, "polled by another instance");
            return PollOutcome::Taken;
        }
        Err(e) => {
            tracing::warn!(source = %source.name, error = %e, "cannot claim the poll; store unavailable");
            return PollOutcome::Failed(format!(
                "source \"{}\": cannot claim the poll: {e}",
                source.name
            ));
        }
    };
    poll_leased_from(ctx, source, backoff, Some(state)).await
}

/// Polls a source this instance holds the lease of, renewing it while the poll runs and
/// releasing it at the end (the poll's commit releases it too; this covers polls that record
/// nothing).
pub async fn poll_leased(
    ctx: &PollContext,
    source: Arc<SourceConfig>,
    backoff: Backoff,
) -> PollOutcome {
    poll_leased_from(ctx, source, backoff, None).await
}

async fn poll_leased_from(
    ctx: &PollContext,
    source: Arc<SourceConfig>,
    backoff: Backoff,
    state: Option<crate::store::SourceState>,
) -> PollOutcome {
    let name = source.name.clone();
    let poll = poll_source_from(ctx, source, backoff, state);
    tokio::pin!(poll);
    // The renewals run beside the poll, never instead of it: a renewal waits for the row lock
    // the poll's own commit holds, and a poll paused while it waited would never commit.
    let renewing = keep_lease(ctx, &name);
    tokio::pin!(renewing);
    let outcome = tokio::select! {
        outcome = &mut poll => outcome,
        never = &mut renewing => match never {},
    };
    // A recorded poll released the lease in its own commit.
    let recorded = matches!(
        outcome,
        PollOutcome::Stored { .. } | PollOutcome::NotModified | PollOutcome::Unchanged
    );
    if !recorded && let Err(e) = ctx.store.release_poll(&name).await {
        tracing::warn!(source = %name, error = %e, "cannot release the lease; it runs out by itself");
    }
    outcome
}

/// Renews this instance's lease on `name` every third of a lease, for as long as it is
/// polled beside the poll it covers (dropping it stops the renewals).
async fn keep_lease(ctx: &PollContext, name: &str) -> std::convert::Infallible {
    let mut renew =
        tokio::time::interval(std::time::Duration::from_secs((ctx.lease_secs / 3).max(1)));
    renew.tick().await;
    loop {
        renew.tick().await;
        match ctx.store.renew_poll(name, ctx.lease_secs).await {
            Ok(true) => {}
            Ok(false) => {
                tracing::warn!(source = %name, "lease lost: another instance took this source over");
            }
            Err(e) => tracing::warn!(source = %name, error = %e, "cannot renew the lease"),
        }
    }
}

/// Polls each of `sources` once, at most `concurrency` at a time, and returns each source's
/// name and outcome in the order given. A poll's task is spawned only when a slot is free,
/// so ten thousand sources never mean ten thousand waiting futures in memory.
pub async fn poll_once(
    ctx: &PollContext,
    sources: Vec<Arc<SourceConfig>>,
    concurrency: usize,
) -> Vec<(String, PollOutcome)> {
    poll_round(ctx, sources, concurrency, None).await
}

/// As [`poll_once`], on behalf of the scheduled time `tick`: on a shared store, instances
/// that run the same round poll each source once between them.
pub async fn poll_round(
    ctx: &PollContext,
    sources: Vec<Arc<SourceConfig>>,
    concurrency: usize,
    tick: Option<chrono::DateTime<Utc>>,
) -> Vec<(String, PollOutcome)> {
    let permits = Arc::new(tokio::sync::Semaphore::new(concurrency.max(1)));
    let names: Vec<String> = sources.iter().map(|s| s.name.clone()).collect();
    let mut outcomes: Vec<Option<PollOutcome>> = vec![None; sources.len()];
    let mut tasks = tokio::task::JoinSet::new();
    let mut record = |joined: Result<(usize, PollOutcome), tokio::task::JoinError>| {
        if let Ok((i, outcome)) = joined
            && let Some(slot) = outcomes.get_mut(i)
        {
            *slot = Some(outcome);
        }
    };
    for (i, source) in sources.into_iter().enumerate() {
        let Ok(permit) = Arc::clone(&permits).acquire_owned().await else {
            break;
        };
        let ctx = ctx.clone();
        tasks.spawn(async move {
            let _permit = permit;
            (i, poll_claimed(&ctx, source, Backoff::Ignore, tick).await)
        });
        while let Some(joined) = tasks.try_join_next() {
            record(joined);
        }
    }
    while let Some(joined) = tasks.join_next().await {
        record(joined);
    }
    names
        .into_iter()
        .zip(outcomes)
        .map(|(name, outcome)| {
            let outcome = outcome
                .unwrap_or_else(|| PollOutcome::Failed(format!("source \"{name}\": poll crashed")));
            (name, outcome)
        })
        .collect()
}
