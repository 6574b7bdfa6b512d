//! OPML, the format every feed reader speaks: export the configured feeds, and turn an OPML
//! subscription list into `[[source]]` blocks to paste into the config.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::{Config, SourceKind};

/// One feed of an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlFeed {
    /// `title`, else `text`, else the URL.
    pub name: String,
    /// `xmlUrl`.
    pub url: String,
    /// The `text` of the enclosing category outline, if any.
    pub category: Option<String>,
}

/// An OPML problem.
#[derive(Debug, thiserror::Error)]
#[error("invalid OPML at byte {position}: {message}")]
pub struct OpmlError {
    /// Where the reader stopped.
    pub position: u64,
    /// What the XML reader said.
    pub message: String,
}

fn escape(s: &str) -> String {
    html_escape::encode_quoted_attribute(s).into_owned()
}

/// Renders the config's feed sources as OPML 2.0. Page sources have no feed URL and are
/// left out.
pub fn export(config: &Config) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head><title>claimwatch sources</title></head>\n  <body>\n",
    );
    for s in config.sources.iter().filter(|s| s.kind == SourceKind::Feed) {
        let name = escape(&s.name);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{name}\" title=\"{name}\" xmlUrl=\"{}\"/>\n",
            escape(s.url.as_str())
        ));
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

/// Reads the feeds of an OPML file, nested categories included.
///
/// # Errors
/// [`OpmlError`] when the XML is malformed.
pub fn parse(text: &str) -> Result<Vec<OpmlFeed>, OpmlError> {
    let mut reader = Reader::from_str(text);
    let mut feeds = Vec::new();
    let mut categories: Vec<Option<String>> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| OpmlError {
            position: reader.buffer_position(),
            message: e.to_string(),
        })?;
        let (e, is_empty) = match event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                if e.name().as_ref() == "outline" {
                    categories.pop();
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        if e.name().as_ref() != "outline" {
            continue;
        }
        let attr = |key: &str| {
            e.attributes()
                .flatten()
                .find(|a| a.key.as_ref().eq_ignore_ascii_case(key))
                .and_then(|a| {
                    a.normalized_value(quick_xml::XmlVersion::default())
                        .ok()
                        .map(|v| v.trim().to_owned())
                })
        };
        let text = attr("text");
        let title = attr("title");
        match attr("xmlUrl").filter(|u| !u.is_empty()) {
            Some(url) => {
                feeds.push(OpmlFeed {
                    name: title
                        .or(text)
                        .filter(|n| !n.is_empty())
                        .unwrap_or_else(|| url.clone()),
                    url,
                    category: categories.iter().rev().flatten().next().cloned(),
                });
                if !is_empty {
                    categories.push(None);
                }
            }
            None if !is_empty => categories.push(text.or(title)),
            None => {}
        }
    }
    Ok(feeds)
}

/// Renders feeds as `[[source]]` blocks. Names already in `taken` (or repeated in the file)
/// get a numeric suffix so the result passes `check`.
pub fn to_toml(feeds: &[OpmlFeed], taken: &[String]) -> String {
    let mut used: std::collections::HashSet<String> = taken.iter().cloned().collect();
    let mut out = String::new();
    for f in feeds {
        let mut name = f.name.clone();
        let mut n = 2;
        while used.contains(&name) {
            name = format!("{} ({n})", f.name);
            n += 1;
        }
        used.insert(name.clone());
        let q = |s: &str| toml::Value::String(s.to_owned()).to_string();
        out.push_str(&format!(
            "[[source]]\nname = {}\nurl = {}\nkind = \"feed\"\n",
            q(&name),
            q(&f.url)
        ));
        if let Some(c) = &f.category {
            out.push_str(&format!("labels = {{ category = {} }}\n", q(c)));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_outlines_and_entities_are_read() {
        let opml = r#"<?xml version="1.0"?><opml version="1.0"><head/><body>
<outline text="Ministries"><outline text="MoD &amp; Co" type="rss" xmlUrl="https://a.example/rss?x=1&amp;y=2"/>
<outline type="rss" xmlUrl="https://b.example/feed"/></outline>
<outline title="Wire" text="w" xmlUrl="https://c.example/rss"></outline>
</body></opml>"#;
        let feeds = parse(opml).unwrap();
        assert_eq!(feeds.len(), 3);
        assert_eq!(
            feeds[0],
            OpmlFeed {
                name: "MoD & Co".into(),
                url: "https://a.example/rss?x=1&y=2".into(),
                category: Some("Ministries".into())
            }
        );
        assert_eq!(feeds[1].name, "https://b.example/feed");
        assert_eq!(feeds[2].name, "Wire");
        assert_eq!(feeds[2].category, None);
        let toml = to_toml(&feeds, &["Wire".to_owned()]);
        assert!(toml.contains("name = \"Wire (2)\""), "{toml}");
        assert!(
            toml.contains("labels = { category = \"Ministries\" }"),
            "{toml}"
        );
    }

    #[test]
    fn malformed_opml_is_an_error() {
        assert!(parse("<opml><body><outline xmlUrl=\"x\"></body>").is_err());
    }
}
