//! Article fetch: for sources whose listing gives only a headline or summary, each new
//! item's own page is fetched once and its body extracted, by the source's selector or by
//! the readability-style fallback.

use std::sync::Arc;

use crate::config::{ArticleRule, SourceConfig};
use crate::fetch::{FetchOutcome, Validators, decode_html};
use crate::parse::{Item, extract_article};

use super::PollContext;

/// Replaces the text of each item with the body of its own page. Returns the items with the
/// hash of their listing version, which is what later polls compare against, and whether
/// some were left for the next poll: at most `ctx.max_articles` pages are fetched, and items
/// beyond that are not returned (so not stored yet). An item whose page cannot be fetched or
/// read keeps its listing text, and its page is not tried again.
pub(crate) async fn fill_from_article_pages(
    ctx: &PollContext,
    source: &Arc<SourceConfig>,
    rule: &ArticleRule,
    items: Vec<Item>,
) -> (Vec<(Item, String)>, bool) {
    let deferred = items.len() > ctx.max_articles.max(1);
    let selector = rule
        .body
        .as_deref()
        .and_then(|s| scraper::Selector::parse(s).ok());
    let mut out = Vec::new();
    for mut item in items.into_iter().take(ctx.max_articles.max(1)) {
        let listing_hash = item.content_hash();
        let page = match item.url.as_deref().map(url::Url::parse) {
            Some(Ok(url)) if source.robots && !ctx.fetcher.allowed_by_robots(&url).await => {
                tracing::info!(source = %source.name, url = %url, "article page disallowed by robots.txt; keeping the listing text");
                out.push((item, listing_hash));
                continue;
            }
            Some(Ok(url)) => {
                ctx.fetcher
                    .fetch(&source.name, &url, &Validators::default())
                    .await
            }
            _ => {
                out.push((item, listing_hash));
                continue;
            }
        };
        match page {
            Ok(FetchOutcome::Fetched(page)) => {
                let selector = selector.clone();
                let body = ctx
                    .cpu
                    .run(move || {
                        let html = decode_html(&page.body, page.content_type.as_deref());
                        extract_article(&html, selector.as_ref())
                    })
                    .await
                    .ok()
                    .flatten();
                match body {
                    Some(body) => {
                        item.text = body.text;
                        item.raw = body.raw;
                    }
                    None => {
                        tracing::warn!(source = %source.name, url = ?item.url, "no article body found; keeping the listing text")
                    }
                }
            }
            Ok(FetchOutcome::NotModified(_)) => {}
            Err(e) => {
                tracing::warn!(source = %source.name, error = %e, "article page not fetched; keeping the listing text")
            }
        }
        out.push((item, listing_hash));
    }
    (out, deferred)
}
