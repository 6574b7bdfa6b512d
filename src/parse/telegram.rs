//! Public Telegram channels through their web preview, `https://t.me/s/CHANNEL`.
//!
//! The preview lists the latest posts, oldest first. Each post is a
//! `div.tgme_widget_message` whose `data-post` attribute is `CHANNEL/ID`; its text is in
//! `div.tgme_widget_message_text` (with `<br>` line breaks), and its time in
//! `a.tgme_widget_message_date time[datetime]`, the anchor's `href` being the permalink.
//! Older posts are at `https://t.me/s/CHANNEL?before=ID`.

use chrono::{DateTime, Utc};
use scraper::{Html, Selector};

use super::item::Item;
use super::text::html_to_text;

/// One post of a channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TelegramPost {
    /// The post's number in its channel.
    pub id: u64,
    /// The post as an item: guid `CHANNEL/ID`, permalink, date, text, and a title made of
    /// its first line.
    pub item: Item,
}

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// A title for a post, which has none: its first line, cut at a word near 120 characters.
fn title_of(text: &str) -> String {
    let first = text.lines().next().unwrap_or("").trim();
    if first.chars().count() <= 120 {
        return first.to_owned();
    }
    let cut: String = first.chars().take(120).collect();
    match cut.rfind(' ') {
        Some(i) if i > 60 => format!("{}…", &cut[..i]),
        _ => format!("{cut}…"),
    }
}

/// Reads the posts of a channel preview page, in page order (oldest first). Posts without
/// text (a photo alone) are kept with an empty text.
pub fn parse_telegram(html: &str) -> Vec<TelegramPost> {
    let (Some(message), Some(text_sel), Some(date_sel)) = (
        selector("div.tgme_widget_message[data-post]"),
        selector("div.tgme_widget_message_text"),
        selector("a.tgme_widget_message_date"),
    ) else {
        return Vec::new();
    };
    let time_sel = selector("time[datetime]");
    let doc = Html::parse_document(html);
    let mut posts = Vec::new();
    for m in doc.select(&message) {
        let Some(data_post) = m.value().attr("data-post") else {
            continue;
        };
        let Some((channel, id)) = data_post.rsplit_once('/') else {
            continue;
        };
        let Ok(id) = id.parse::<u64>() else { continue };
        let raw = m
            .select(&text_sel)
            .next()
            .map(|t| t.inner_html())
            .unwrap_or_default();
        let text = html_to_text(&raw);
        let date = m.select(&date_sel).next();
        let url = date
            .and_then(|a| a.value().attr("href"))
            .map_or_else(|| format!("https://t.me/{channel}/{id}"), str::to_owned);
        let published: Option<DateTime<Utc>> = date
            .and_then(|a| time_sel.as_ref().and_then(|t| a.select(t).next()))
            .and_then(|t| t.value().attr("datetime"))
            .and_then(|d| DateTime::parse_from_rfc3339(d).ok())
            .map(|d| d.with_timezone(&Utc));
        posts.push(TelegramPost {
            id,
            item: Item {
                guid: format!("{channel}/{id}"),
                url: Some(url),
                title: title_of(&text),
                published,
                text,
                raw,
            },
        });
    }
    posts
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><body><section class="tgme_channel_history js-message_history">
<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="norland_mod/1041" data-view="x">
<div class="tgme_widget_message_bubble"><div class="tgme_widget_message_text js-message_text" dir="auto">⚡️<b>Statement of the Ministry of Defence</b><br/><br/>One soldier was killed and two were wounded near Mount Kerel.</div>
<div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info short js-message_info"><span class="tgme_widget_message_views">12.4K</span><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/norland_mod/1041"><time datetime="2026-11-24T07:15:02+00:00" class="time">07:15</time></a></span></div></div></div></div></div>
<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message js-widget_message" data-post="norland_mod/1042">
<div class="tgme_widget_message_bubble"><a class="tgme_widget_message_photo_wrap" href="https://t.me/norland_mod/1042"></a>
<div class="tgme_widget_message_footer"><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/norland_mod/1042"><time datetime="2026-11-24T08:00:00+00:00">08:00</time></a></span></div></div></div></div>
<div class="tgme_widget_message js-widget_message" data-post="broken"></div>
</section></body></html>"#;

    #[test]
    fn posts_become_items_with_permalink_date_and_text() {
        let posts = parse_telegram(PAGE);
        assert_eq!(posts.len(), 2);
        let p = &posts[0];
        assert_eq!(p.id, 1041);
        assert_eq!(p.item.guid, "norland_mod/1041");
        assert_eq!(p.item.url.as_deref(), Some("https://t.me/norland_mod/1041"));
        assert_eq!(p.item.title, "⚡️Statement of the Ministry of Defence");
        assert_eq!(
            p.item.text,
            "⚡️Statement of the Ministry of Defence\nOne soldier was killed and two were wounded near Mount Kerel."
        );
        assert_eq!(
            p.item.published.unwrap().to_rfc3339(),
            "2026-11-24T07:15:02+00:00"
        );
        assert_eq!(posts[1].item.text, "");
    }

    #[test]
    fn long_first_lines_are_cut_at_a_word() {
        let t = title_of(&"word ".repeat(60));
        assert!(t.ends_with('…') && t.chars().count() <= 121, "{t}");
    }

    #[test]
    fn other_pages_have_no_posts() {
        assert!(parse_telegram("<html><body><p>Channel is private</p></body></html>").is_empty());
    }
}
