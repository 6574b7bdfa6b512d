//! Atom output: a digest as a feed (one entry per mention), and the alerts feed any feed
//! reader can subscribe to.

use std::fmt::Write;

use chrono::{DateTime, Utc};

use super::Digest;
use crate::store::queries::MentionRow;

/// Text made safe for XML: characters XML 1.0 forbids dropped, markup characters escaped.
pub(crate) fn xml(s: &str) -> String {
    let allowed: String = s
        .chars()
        .filter(|c| (*c as u32) >= 0x20 || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    html_escape::encode_quoted_attribute(&allowed).into_owned()
}

fn rfc3339(s: &str) -> String {
    DateTime::parse_from_rfc3339(s)
        .map_or_else(|_| s.to_owned(), |d| d.with_timezone(&Utc).to_rfc3339())
}

/// One entry: a mention with its claims, sentence, source, link and time.
pub fn entry(id: &str, m: &MentionRow, extra: &str) -> String {
    let title = super::alerts::summary(m);
    let mut e = String::new();
    let _ = writeln!(
        e,
        "  <entry>\n    <id>{}</id>\n    <title>{}</title>",
        xml(id),
        xml(&title)
    );
    let _ = writeln!(
        e,
        "    <updated>{}</updated>\n    <published>{}</published>",
        rfc3339(&m.seen_at),
        rfc3339(&m.published_at)
    );
    let _ = writeln!(e, "    <author><name>{}</name></author>", xml(&m.source));
    if let Some(u) = super::markdown::safe_url(m.url.as_deref()) {
        let _ = writeln!(e, "    <link rel=\"alternate\" href=\"{}\"/>", xml(u));
    }
    let mut body = format!(
        "\u{201c}{}\u{201d}\n\n{} — {}",
        m.sentence, m.source, m.title
    );
    if let Some(orig) = &m.syndicated_from {
        let _ = write!(body, "\nSyndicated copy of {orig}.");
    }
    body.push_str(extra);
    let _ = writeln!(
        e,
        "    <content type=\"text\">{}</content>\n  </entry>",
        xml(&body)
    );
    e
}

/// Wraps entries in a feed.
pub fn feed(id: &str, title: &str, updated: DateTime<Utc>, entries: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <id>{}</id>\n  <title>{}</title>\n  <updated>{}</updated>\n  <generator>claimwatch</generator>\n{entries}</feed>\n",
        xml(id),
        xml(title),
        updated.to_rfc3339()
    )
}

/// A digest as an Atom feed, one entry per mention.
pub fn render_digest(d: &Digest) -> String {
    let entries: String = d
        .mentions
        .iter()
        .map(|m| entry(&format!("urn:claimwatch:mention:{}", m.mention_id), m, ""))
        .collect();
    feed(
        &format!("urn:claimwatch:digest:{}", d.since.timestamp()),
        &format!(
            "claimwatch digest {} to {}",
            d.since.format("%Y-%m-%d %H:%M"),
            d.until.format("%Y-%m-%d %H:%M")
        ),
        d.generated_at,
        &entries,
    )
}
