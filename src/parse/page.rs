//! HTML listing pages → [`Item`]s through CSS selectors.

use scraper::{ElementRef, Html, Selector};

use super::ParseError;
use super::date::parse_listing_date;
use super::item::{Item, choose_guid};
use super::text::html_to_text;

/// Compiled selectors for one listing page.
#[derive(Debug, Clone)]
pub struct PageRule {
    item: Selector,
    link: Selector,
    title: Selector,
    date: Option<Selector>,
    body: Option<Selector>,
    timezone: Option<chrono_tz::Tz>,
}

fn compile(s: &str) -> Result<Selector, ParseError> {
    Selector::parse(s).map_err(|e| ParseError::Selector {
        selector: s.to_owned(),
        message: e.to_string(),
    })
}

impl PageRule {
    /// Compiles the selectors of a page rule.
    ///
    /// # Errors
    /// [`ParseError::Selector`] naming the first selector that does not parse.
    pub fn new(
        item: &str,
        link: &str,
        title: &str,
        date: Option<&str>,
        body: Option<&str>,
    ) -> Result<Self, ParseError> {
        Ok(Self {
            item: compile(item)?,
            link: compile(link)?,
            title: compile(title)?,
            date: date.map(compile).transpose()?,
            body: body.map(compile).transpose()?,
            timezone: None,
        })
    }

    /// The same rule reading dates without a zone in `tz` (the source's time zone).
    #[must_use]
    pub fn with_timezone(mut self, tz: Option<chrono_tz::Tz>) -> Self {
        self.timezone = tz;
        self
    }
}

fn element_text(e: ElementRef<'_>) -> String {
    html_to_text(&e.inner_html())
}

/// Reads the items of a listing page. Links are made absolute against `base`. An entry with
/// neither title nor link is skipped; a listing with no matching entries yields no items.
pub fn parse_page(html: &str, rule: &PageRule, base: &url::Url) -> Vec<Item> {
    let doc = Html::parse_document(html);
    let mut items = Vec::new();
    for entry in doc.select(&rule.item) {
        let link_el = if entry.value().name() == "a" && entry.select(&rule.link).next().is_none() {
            Some(entry)
        } else {
            entry.select(&rule.link).next()
        };
        let url = link_el
            .and_then(|a| a.value().attr("href"))
            .map(str::trim)
            .filter(|h| !h.is_empty() && !h.starts_with("javascript:"))
            .and_then(|h| base.join(h).ok())
            .map(|u| u.to_string());
        let title = entry
            .select(&rule.title)
            .next()
            .map(element_text)
            .unwrap_or_default();
        if title.is_empty() && url.is_none() {
            continue;
        }
        let published = rule.date.as_ref().and_then(|sel| {
            let d = entry.select(sel).next()?;
            d.value()
                .attr("datetime")
                .and_then(|v| parse_listing_date(v, rule.timezone))
                .or_else(|| parse_listing_date(&element_text(d), rule.timezone))
        });
        let (raw, text) = match rule.body.as_ref().and_then(|sel| entry.select(sel).next()) {
            Some(b) => (b.inner_html(), element_text(b)),
            None => (String::new(), String::new()),
        };
        let guid = choose_guid(None, url.as_deref(), &title, &text);
        items.push(Item {
            guid,
            url,
            title,
            published,
            text,
            raw,
        });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTING: &str = r#"<html><body><div class="news">
<article class="n"><h3><a href="/en/news/101">Statement on the border</a></h3><time datetime="2026-11-24T18:30:00+04:00">24.11.2026</time><p class="lead">One soldier was killed.</p></article>
<article class="n"><h3><a href="https://other.example/x">Second</a></h3><span class="d">23 November 2026, 09:15</span></article>
<article class="n"><p>no title, no link</p></article>
</div></body></html>"#;

    #[test]
    fn listing_entries_become_items() {
        let rule = PageRule::new(
            "article.n",
            "h3 a",
            "h3",
            Some("time, span.d"),
            Some("p.lead"),
        )
        .unwrap();
        let base = url::Url::parse("https://mil.example/en/news").unwrap();
        let items = parse_page(LISTING, &rule, &base);
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0].url.as_deref(),
            Some("https://mil.example/en/news/101")
        );
        assert_eq!(items[0].guid, "https://mil.example/en/news/101");
        assert_eq!(items[0].title, "Statement on the border");
        assert_eq!(items[0].text, "One soldier was killed.");
        assert_eq!(
            items[0].published.unwrap().to_rfc3339(),
            "2026-11-24T14:30:00+00:00"
        );
        assert_eq!(
            items[1].published.unwrap().to_rfc3339(),
            "2026-11-23T09:15:00+00:00"
        );
        assert_eq!(items[1].text, "");
    }

    #[test]
    fn bad_selectors_are_errors() {
        assert!(matches!(
            PageRule::new("div[[", "a", "a", None, None),
            Err(ParseError::Selector { .. })
        ));
    }
}
