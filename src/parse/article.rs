//! An article page → its body text: by a CSS selector when the source sets one, else by a
//! readability-style guess — the block whose paragraphs hold the most prose.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Selector};

use super::text::html_to_text;

/// The body of an article: the HTML of the chosen element and its plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleBody {
    /// The chosen element's inner HTML.
    pub raw: String,
    /// Its plain text.
    pub text: String,
}

const NOISE: &[&str] = &[
    "nav", "header", "footer", "aside", "form", "script", "style", "noscript",
];

fn in_noise(el: ElementRef<'_>) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        NOISE.contains(&a.value().name())
            || a.value().attr("class").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                [
                    "comment",
                    "footer",
                    "sidebar",
                    "related",
                    "promo",
                    "newsletter",
                    "share",
                    "menu",
                ]
                .iter()
                .any(|w| c.contains(w))
            })
    })
}

/// Extracts an article's body: the first element matching `selector`, or, without one, the
/// element whose paragraphs (each at least 40 characters, outside navigation, footers and
/// sidebars) add up to the most text, with link-heavy paragraphs discounted. `None` when the
/// page has no such prose.
pub fn extract_article(html: &str, selector: Option<&Selector>) -> Option<ArticleBody> {
    let doc = Html::parse_document(html);
    if let Some(sel) = selector {
        let el = doc.select(sel).next()?;
        let text = html_to_text(&el.inner_html());
        return (!text.is_empty()).then(|| ArticleBody {
            raw: el.inner_html(),
            text,
        });
    }
    let p = Selector::parse("p").ok()?;
    let a = Selector::parse("a").ok()?;
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for para in doc.select(&p) {
        if in_noise(para) {
            continue;
        }
        let text: String = para.text().collect();
        let len = text.trim().chars().count();
        if len < 40 {
            continue;
        }
        let link_len: usize = para
            .select(&a)
            .map(|l| l.text().map(|t| t.chars().count()).sum::<usize>())
            .sum();
        let score = len as f64 * (1.0 - (link_len as f64 / len as f64).min(1.0));
        let mut ancestors = para.ancestors().filter_map(ElementRef::wrap);
        if let Some(parent) = ancestors.next() {
            *scores.entry(parent.id()).or_default() += score;
        }
        if let Some(grandparent) = ancestors.next() {
            *scores.entry(grandparent.id()).or_default() += score / 2.0;
        }
    }
    let best = scores.into_iter().max_by(|x, y| x.1.total_cmp(&y.1))?.0;
    let el = ElementRef::wrap(doc.tree.get(best)?)?;
    let paragraphs: Vec<String> = el
        .select(&p)
        .filter(|para| !in_noise(*para))
        .map(|para| html_to_text(&para.inner_html()))
        .filter(|t| !t.is_empty())
        .collect();
    let text = paragraphs.join("\n");
    (!text.is_empty()).then(|| ArticleBody {
        raw: el.inner_html(),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><body>
<nav><p>Home | World | Politics | Sport | A long navigation paragraph that should never be chosen as the body.</p></nav>
<div class="sidebar"><p>Most read: a long list of other stories that people clicked on today and yesterday.</p></div>
<article><h1>Border clashes</h1>
<div class="body">
<p>The Ministry of Defence said two servicemen were killed and five wounded in clashes near the border overnight.</p>
<p>According to the ministry, the fighting began at 04:20 when artillery opened fire on positions near the village.</p>
<p>Short.</p>
</div></article>
<footer><p>© 2026 A newspaper. All rights reserved. Terms of use and privacy policy apply to this site.</p></footer>
</body></html>"#;

    #[test]
    fn the_prose_block_wins_over_navigation_sidebars_and_footers() {
        let body = extract_article(PAGE, None).unwrap();
        assert_eq!(
            body.text,
            "The Ministry of Defence said two servicemen were killed and five wounded in clashes near the border overnight.\nAccording to the ministry, the fighting began at 04:20 when artillery opened fire on positions near the village.\nShort."
        );
    }

    #[test]
    fn a_selector_picks_the_element() {
        let sel = Selector::parse("article h1").unwrap();
        assert_eq!(
            extract_article(PAGE, Some(&sel)).unwrap().text,
            "Border clashes"
        );
        let none = Selector::parse("div.missing").unwrap();
        assert_eq!(extract_article(PAGE, Some(&none)), None);
        assert_eq!(
            extract_article("<html><body><p>tiny</p></body></html>", None),
            None
        );
    }
}
