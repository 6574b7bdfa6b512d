//! Telegram channels: the preview shows only the latest posts, so a poll pages back with
//! `?before=ID` until it reaches the last post already stored (at most a few pages).

use std::sync::Arc;

use crate::config::SourceConfig;
use crate::fetch::{FetchOutcome, Validators, decode_html};
use crate::parse::{Item, TelegramPost, parse_telegram};

use super::PollContext;

/// Pages fetched back per poll, beyond the first.
const MAX_OLDER_PAGES: usize = 5;

/// The post number in a Telegram guid (`CHANNEL/ID`).
fn post_id(guid: &str) -> Option<u64> {
    guid.rsplit('/').next()?.parse().ok()
}

/// The newest post of this channel already stored.
async fn last_stored_post(ctx: &PollContext, source: &str) -> Option<u64> {
    ctx.store
        .recent_guids(source.to_owned(), 100)
        .await
        .ok()?
        .iter()
        .filter_map(|g| post_id(g))
        .max()
}

/// The first page's posts plus older pages back to the last stored post. On the first poll
/// of a channel only the first page is taken. A failing older page ends the paging; what was
/// read is kept.
pub(crate) async fn with_older_posts(
    ctx: &PollContext,
    source: &Arc<SourceConfig>,
    first: Vec<TelegramPost>,
) -> Vec<Item> {
    let mut posts = first;
    if let Some(last) = last_stored_post(ctx, &source.name).await {
        for _ in 0..MAX_OLDER_PAGES {
            let Some(oldest) = posts.iter().map(|p| p.id).min() else {
                break;
            };
            if oldest <= last + 1 {
                break;
            }
            let mut url = source.url.clone();
            url.query_pairs_mut()
                .clear()
                .append_pair("before", &oldest.to_string());
            let page = match ctx
                .fetcher
                .fetch(&source.name, &url, &Validators::default())
                .await
            {
                Ok(FetchOutcome::Fetched(page)) => page,
                Ok(FetchOutcome::NotModified(_)) => break,
                Err(e) => {
                    tracing::warn!(source = %source.name, error = %e, "older posts not fetched");
                    break;
                }
            };
            let older: Vec<TelegramPost> =
                parse_telegram(&decode_html(&page.body, page.content_type.as_deref()))
                    .into_iter()
                    .filter(|p| p.id < oldest)
                    .collect();
            if older.is_empty() {
                break;
            }
            posts.splice(0..0, older);
        }
    }
    posts.into_iter().map(|p| p.item).collect()
}

#[cfg(test)]
mod tests {
    use super::post_id;

    #[test]
    fn post_ids_come_from_guids() {
        assert_eq!(post_id("norland_mod/1041"), Some(1041));
        assert_eq!(post_id("norland_mod/x"), None);
        assert_eq!(post_id(""), None);
    }
}
