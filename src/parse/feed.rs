//! RSS, Atom and JSON Feed → [`Item`]s through feed-rs, with its panics contained.

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::ParseError;
use super::item::{Item, choose_guid};
use super::text::html_to_text;

/// Parses a feed that has already been decoded to UTF-8 (see `fetch::decode`).
///
/// `base` resolves relative links. Entries keep feed order.
///
/// # Errors
/// [`ParseError::Feed`] when feed-rs rejects the document, [`ParseError::FeedPanic`] when it
/// panics on it (a known feed-rs hazard; the panic is caught here).
pub fn parse_feed(text: &str, base: Option<&str>) -> Result<Vec<Item>, ParseError> {
    let text = repair_rss_version(text);
    let parsed = catch_unwind(AssertUnwindSafe(|| {
        feed_rs::parser::Builder::new()
            .base_uri(base)
            .id_generator(|_, _, _| String::new())
            .sanitize_content(false)
            .build()
            .parse(text.as_bytes())
    }));
    let feed = match parsed {
        Ok(Ok(feed)) => feed,
        Ok(Err(e)) => return Err(ParseError::Feed(e.to_string())),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            return Err(ParseError::FeedPanic(message));
        }
    };
    Ok(feed
        .entries
        .into_iter()
        .map(|e| {
            let title = e
                .title
                .map(|t| html_to_text(&t.content))
                .unwrap_or_default();
            let raw = e
                .content
                .and_then(|c| c.body)
                .filter(|b| !b.trim().is_empty())
                .or_else(|| e.summary.map(|s| s.content))
                .unwrap_or_default();
            let text = html_to_text(&raw);
            let url = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| e.links.first())
                .map(|l| l.href.clone());
            let guid = choose_guid(Some(&e.id), url.as_deref(), &title, &text);
            Item {
                guid,
                url,
                title,
                published: e.published.or(e.updated),
                text,
                raw,
            }
        })
        .collect())
}

/// feed-rs only accepts `<rss version="2.0">` (and 0.91/0.92/empty); real feeds also say
/// "2.01" or "2.0.1". Rewrites such a version to "2.0" so the feed is not lost.
fn repair_rss_version(text: &str) -> std::borrow::Cow<'_, str> {
    let Some(start) = text.find("<rss") else {
        return text.into();
    };
    let Some(rel_end) = text[start..].find('>') else {
        return text.into();
    };
    let tag = &text[start..start + rel_end];
    let version = tag.find("version=").and_then(|i| {
        let rest = &tag[i + 8..];
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let inner = &rest[1..];
        let close = inner.find(quote)?;
        Some((start + i + 9, &inner[..close]))
    });
    match version {
        Some((_, "2.0" | "0.91" | "0.92" | "")) => text.into(),
        Some((at, v)) if v.starts_with('2') => {
            format!("{}2.0{}", &text[..at], &text[at + v.len()..]).into()
        }
        None => format!(
            "{} version=\"2.0\"{}",
            &text[..start + 4],
            &text[start + 4..]
        )
        .into(),
        Some(_) => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>MoD</title>
<item><title>Border clash</title><link>/news/1</link><guid>n-1</guid>
<pubDate>Tue, 24 Nov 2026 18:30:00 +0400</pubDate>
<description>&lt;p&gt;Two servicemen were &lt;b&gt;wounded&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>No guid here</title><link>https://x.example/news/2</link><description>Plain.</description></item>
<item><title>Nothing but a title</title></item>
</channel></rss>"#;

    #[test]
    fn rss_items_get_text_links_dates_and_guids() {
        let items = parse_feed(RSS, Some("https://x.example/")).unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].guid, "n-1");
        assert_eq!(items[0].url.as_deref(), Some("https://x.example/news/1"));
        assert_eq!(items[0].text, "Two servicemen were wounded.");
        assert_eq!(
            items[0].published.unwrap().to_rfc3339(),
            "2026-11-24T14:30:00+00:00"
        );
        assert_eq!(items[1].guid, "https://x.example/news/2");
        assert!(items[2].guid.starts_with("sha256:"));
    }

    #[test]
    fn odd_rss_versions_are_repaired() {
        let doc = RSS.replace("version=\"2.0\"", "version=\"2.01\"");
        assert_eq!(parse_feed(&doc, None).unwrap().len(), 3);
        let doc = RSS.replace(" version=\"2.0\"", "");
        assert_eq!(parse_feed(&doc, None).unwrap().len(), 3);
    }

    #[test]
    fn broken_xml_is_an_error_not_a_panic() {
        assert!(matches!(
            parse_feed("<rss version=\"2.0\"><channel><item>", None),
            Err(ParseError::Feed(_))
        ));
        assert!(parse_feed("", None).is_err());
        assert!(parse_feed("{not json", None).is_err());
    }

    #[test]
    fn second_prolog_panic_is_contained() {
        let doc = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item><title><?xml version=\"1.0\" encoding=\"UTF-8\"?></title></item></channel></rss>";
        // Whatever feed-rs does with it, parse_feed returns instead of unwinding.
        let _ = parse_feed(doc, None);
    }

    #[test]
    fn atom_and_json_feed_parse() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>f</id><updated>2026-11-24T10:00:00Z</updated>
<entry><id>urn:a</id><title>Ceasefire agreed</title><updated>2026-11-24T10:00:00Z</updated><link href="https://k.example/a"/><content type="html">&lt;p&gt;Fire stopped.&lt;/p&gt;</content></entry></feed>"#;
        let items = parse_feed(atom, None).unwrap();
        assert_eq!(items[0].guid, "urn:a");
        assert_eq!(items[0].text, "Fire stopped.");
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"j","items":[{"id":"1","content_text":"Hello","url":"https://j.example/1"}]}"#;
        let items = parse_feed(json, None).unwrap();
        assert_eq!(items[0].text, "Hello");
    }
}
