//! Atom output: a digest as a feed (one entry per mention), and the alerts feed any feed
//! reader can subscribe to.

use std::fmt::Write;

use chrono::{DateTime, Utc};

use super::Digest;
use crate::store::queries::{ClaimRow, MentionRow};

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
    for c in &m.claims {
        let _ = write!(body, "\n{}", claim_sides(m, c));
    }
    body.push_str(extra);
    let _ = writeln!(
        e,
        "    <content type=\"text\">{}</content>\n  </entry>",
        xml(&body)
    );
    e
}

/// A claim with its sides: "70 killed or wounded — claimed by Norland, on Sudmark
/// (military)".
fn claim_sides(m: &MentionRow, c: &ClaimRow) -> String {
    let whose = match (c.affected_party.as_deref(), c.affected_kind.as_deref()) {
        (Some(p), Some(k)) => format!(", on {p} ({k})"),
        (Some(p), None) => format!(", on {p}"),
        (None, Some(k)) => format!(" ({k})"),
        (None, None) => String::new(),
    };
    format!(
        "{} — claimed by {}{whose}",
        super::claim_phrase(c),
        super::ledger::side_of(m, c)
    )
}

/// The ledger of one day and conflict as an entry: one line per side.
fn ledger_entry(d: &Digest, day: &super::Day, l: &super::Ledger) -> String {
    let what = l.conflict.as_deref().unwrap_or("other claims");
    let lines: Vec<String> = l.sides.iter().map(super::side_line).collect();
    format!(
        "  <entry>\n    <id>{}</id>\n    <title>{}</title>\n    <updated>{}</updated>\n    <author><name>claimwatch</name></author>\n    <content type=\"text\">{}</content>\n  </entry>\n",
        xml(&format!(
            "urn:claimwatch:ledger:{}:{}:{what}",
            d.since.timestamp(),
            day.day
        )),
        xml(&format!("Claims side by side, {}: {what}", day.day)),
        d.generated_at.to_rfc3339(),
        xml(&lines.join("\n"))
    )
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

/// A digest as an Atom feed: one entry per day and conflict with the ledger's sides, then one
/// per mention.
pub fn render_digest(d: &Digest) -> String {
    let mut entries: String = d
        .days
        .iter()
        .flat_map(|day| day.ledgers.iter().map(move |l| ledger_entry(d, day, l)))
        .collect();
    entries.extend(
        d.mentions
            .iter()
            .map(|m| entry(&format!("urn:claimwatch:mention:{}", m.mention_id), m, "")),
    );
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
