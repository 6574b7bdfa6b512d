//! The site's pages, as HTML strings. Every feed-supplied string goes through `esc`; links
//! only for http(s) URLs. No script.

use std::collections::HashMap;
use std::fmt::Write;

use serde::Serialize;

use crate::digest::Digest;
use crate::digest::html::{STYLE, esc, ledger_table, source_html};
use crate::digest::ledger_text::claim_phrase;
use crate::store::browse::{DigestFile, SearchPage, Statement};
use crate::store::queries::{MentionRow, SourceStatus};

/// Extra style of the site (navigation, forms, marks, tables).
const SITE_STYLE: &str = "nav a{margin-right:1rem}form.search input,form.search select{margin:.2rem .3rem .2rem 0}\
mark{background:#ffe27a}table.list{border-collapse:collapse;width:100%;font-size:.92rem}\
table.list th,table.list td{border-bottom:1px solid #ddd;padding:.3rem .4rem;text-align:left;vertical-align:top}\
.ok{color:#1a7f37}.degraded{color:#9a6700}.failing{color:#cf222e}pre.text{white-space:pre-wrap}";

/// The frame of every page. `refresh` reloads the page every so many seconds.
fn frame(title: &str, body: &str, refresh: Option<u32>) -> String {
    let refresh = refresh
        .map(|s| format!("<meta http-equiv=\"refresh\" content=\"{s}\">"))
        .unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">{refresh}<link rel=\"alternate\" type=\"application/atom+xml\" title=\"claimwatch alerts\" href=\"/alerts.atom\"><title>{} — claimwatch</title><style>{STYLE}{SITE_STYLE}</style></head><body>\n<nav><a href=\"/\">Now</a><a href=\"/search\">Search</a><a href=\"/sources\">Sources</a><a href=\"/digests\">Digests</a></nav>\n{body}</body></html>\n",
        esc(title)
    )
}

/// An error page.
pub fn error_page(status: u16, reason: &str) -> String {
    frame(
        &format!("{status}"),
        &format!("<h1>{status}</h1><p class=\"error\">{}</p>", esc(reason)),
        None,
    )
}

fn mention_kind(m: &MentionRow) -> String {
    match m.kind.as_str() {
        "ceasefire" => {
            let mut l = format!(
                "ceasefire {}",
                m.ceasefire_status.as_deref().unwrap_or("mentioned")
            );
            if let Some(med) = &m.mediator {
                let _ = write!(l, ", mediated by {med}");
            }
            l
        }
        "clash" => m
            .location
            .as_ref()
            .map_or_else(|| "clash".to_owned(), |l| format!("clash at {l}")),
        _ => {
            let claims: Vec<String> = m.claims.iter().map(claim_phrase).collect();
            format!("casualty: {}", claims.join("; "))
        }
    }
}

/// One mention as a list item: kind, quoted sentence, source line, link to the statement.
fn mention_item(m: &MentionRow) -> String {
    format!(
        "<li><span class=\"tag {}\">{}</span><blockquote>{}</blockquote><div class=\"meta\">{} · <a href=\"/items/{}\">statement</a></div></li>",
        esc(&m.kind),
        esc(&mention_kind(m)),
        esc(&m.sentence),
        source_html(m),
        m.item_id
    )
}

/// Now: the ledger of the last 24 hours, ceasefires and clashes on a timeline, the latest
/// mentions; reloads every minute.
pub fn now_page(d: &Digest) -> String {
    let (cf, cl, cas) = d.counts();
    let mut b = format!(
        "<h1>Now</h1><p class=\"meta\">The last 24 hours to {} UTC: {cf} ceasefire, {cl} clash and {cas} casualty mentions. This page reloads every minute.</p>\n",
        d.until.format("%Y-%m-%d %H:%M")
    );
    if d.mentions.is_empty() {
        b.push_str("<p>Nothing in the last 24 hours.</p>");
    }
    for day in d.days.iter().rev() {
        let _ = write!(b, "<section><h2>{}</h2>", esc(&day.day));
        let alone = day.ledgers.len() == 1;
        for l in &day.ledgers {
            b.push_str(&ledger_table(l, alone));
        }
        if !day.timeline.is_empty() {
            b.push_str("<h3>Ceasefires and clashes</h3><ul class=\"events\">");
            for &i in &day.timeline {
                if let Some(m) = d.mentions.get(i) {
                    b.push_str(&mention_item(m));
                }
            }
            b.push_str("</ul>");
        }
        b.push_str("</section>\n");
    }
    if !d.mentions.is_empty() {
        b.push_str("<h2>Latest mentions</h2><ul class=\"claims\">");
        for m in d.mentions.iter().rev().take(50) {
            b.push_str(&mention_item(m));
        }
        b.push_str("</ul>");
    }
    frame("Now", &b, Some(60))
}

/// The snippet of a hit with its matched terms marked (they come between U+0002 and U+0003).
fn marked(snippet: &str) -> String {
    esc(snippet)
        .replace('\u{2}', "<mark>")
        .replace('\u{3}', "</mark>")
}

/// A select of the search form.
fn select(name: &str, label: &str, options: &[&str], params: &HashMap<String, String>) -> String {
    let chosen = params.get(name).map(String::as_str).unwrap_or("");
    let mut s = format!("<label>{label} <select name=\"{name}\"><option value=\"\">any</option>");
    for o in options {
        let sel = if *o == chosen { " selected" } else { "" };
        let _ = write!(s, "<option{sel}>{o}</option>");
    }
    s.push_str("</select></label>");
    s
}

/// The search form's order: newest first (the default) or by relevance.
fn sort_select(params: &HashMap<String, String>) -> String {
    let relevance = params.get("sort").is_some_and(|s| s == "relevance");
    format!(
        "<label>order <select name=\"sort\"><option value=\"newest\"{}>newest</option><option value=\"relevance\"{}>relevance</option></select></label>",
        if relevance { "" } else { " selected" },
        if relevance { " selected" } else { "" }
    )
}

/// Search: the form, then the hits of the page with their mentions.
pub fn search_page(
    params: &HashMap<String, String>,
    found: Option<(&SearchPage, usize)>,
    syntax: &str,
) -> String {
    let v = |k: &str| esc(params.get(k).map(String::as_str).unwrap_or(""));
    let mut b = format!(
        "<h1>Search</h1><form class=\"search\" method=\"get\" action=\"/search\"><input name=\"q\" size=\"40\" placeholder=\"ceasefire OR clashes\" value=\"{}\">{}{}<input name=\"party\" placeholder=\"party\" value=\"{}\"><input name=\"source\" placeholder=\"source\" value=\"{}\"><input name=\"lang\" placeholder=\"lang\" size=\"3\" value=\"{}\"><input name=\"since\" placeholder=\"24h, 7d\" size=\"6\" value=\"{}\">{}<button>Search</button></form><p class=\"meta\">{}. Newest first unless sorted by relevance.</p>\n",
        v("q"),
        select("kind", "kind", &["ceasefire", "clash", "casualty"], params),
        select(
            "category",
            "casualties",
            &[
                "killed",
                "wounded",
                "killed_or_wounded",
                "captured",
                "missing"
            ],
            params
        ),
        v("party"),
        v("source"),
        v("lang"),
        v("since"),
        sort_select(params),
        esc(syntax),
    );
    if let Some((page, n)) = found {
        if page.hits.is_empty() {
            b.push_str("<p>No statement matches.</p>");
        }
        b.push_str("<ol class=\"hits\">");
        for h in &page.hits {
            let title = match crate::digest::html_safe_url(h.url.as_deref()) {
                Some(u) => format!("<a href=\"{}\">{}</a>", esc(u), esc(&h.title)),
                None => esc(&h.title),
            };
            let _ = write!(
                b,
                "<li><h3><a href=\"/items/{}\">{}</a></h3><p>{}</p><div class=\"meta\">{} · {} · {title}</div><ul>",
                h.item_id,
                esc(&h.title),
                marked(&h.snippet),
                esc(&h.source),
                esc(&h.published_at),
            );
            for m in &h.mentions {
                b.push_str(&mention_item(m));
            }
            b.push_str("</ul></li>");
        }
        b.push_str("</ol>");
        let link = |page: usize| {
            let mut q: Vec<(String, String)> = params
                .iter()
                .filter(|(k, _)| k.as_str() != "page" && k.as_str() != "format")
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            q.sort();
            q.push(("page".into(), page.to_string()));
            let enc: Vec<String> = q
                .iter()
                .map(|(k, v)| format!("{}={}", url_encode(k), url_encode(v)))
                .collect();
            format!("/search?{}", esc(&enc.join("&")))
        };
        b.push_str("<p>");
        if n > 1 {
            let _ = write!(b, "<a href=\"{}\">← previous</a> ", link(n - 1));
        }
        let _ = write!(b, "page {n}");
        if page.more {
            let _ = write!(b, " <a href=\"{}\">next →</a>", link(n + 1));
        }
        b.push_str("</p>");
    }
    frame("Search", &b, None)
}

/// Percent-encoding of a query-string value.
fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The text with the sentences of its mentions marked.
fn text_with_marks(text: &str, mentions: &[MentionRow]) -> String {
    let mut marks: Vec<&str> = mentions.iter().map(|m| m.sentence.as_str()).collect();
    marks.sort_by_key(|s| std::cmp::Reverse(s.len()));
    marks.dedup();
    let mut out = esc(text);
    for s in marks {
        let e = esc(s);
        if !e.is_empty() && out.contains(&e) {
            out = out.replacen(&e, &format!("<mark>{e}</mark>"), 1);
        }
    }
    out
}

/// Statement: the current text with its mentions marked, its mentions, its revisions.
pub fn statement_page(s: &Statement) -> String {
    let link = crate::digest::html_safe_url(s.url.as_deref())
        .map(|u| format!(" · <a href=\"{}\">original</a>", esc(u)))
        .unwrap_or_default();
    let mut b = format!(
        "<h1>{}</h1><p class=\"meta\">{}{} · {} · revision {}{link}</p><pre class=\"text\">{}</pre>",
        esc(&s.title),
        esc(&s.source),
        s.party
            .as_deref()
            .map(|p| format!(" ({})", esc(p)))
            .unwrap_or_default(),
        esc(&s.published_at),
        s.revision,
        text_with_marks(&s.text, &s.mentions)
    );
    if !s.mentions.is_empty() {
        b.push_str("<h2>Mentions</h2><ul class=\"claims\">");
        for m in &s.mentions {
            b.push_str(&mention_item(m));
        }
        b.push_str("</ul>");
    }
    if !s.revisions.is_empty() {
        b.push_str("<h2>Earlier revisions</h2><ol>");
        for r in &s.revisions {
            let _ = write!(
                b,
                "<li><p class=\"meta\">revision {} seen {}: {}</p><pre class=\"text\">{}</pre></li>",
                r.revision,
                esc(&r.seen_at),
                esc(&r.title),
                esc(&r.text)
            );
        }
        b.push_str("</ol>");
    }
    frame(&s.title, &b, None)
}

/// A source's health as the page and its JSON show it.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    /// Name.
    pub name: String,
    /// feed, page or telegram.
    pub kind: String,
    /// ok, degraded or failing.
    pub health: String,
    /// Why it is not ok.
    pub reason: Option<String>,
    /// Last poll.
    pub last_poll_at: Option<String>,
    /// Last success.
    pub last_ok_at: Option<String>,
    /// Last HTTP status.
    pub last_status: Option<i64>,
    /// Items stored.
    pub items: i64,
    /// Mentions stored.
    pub mentions: i64,
    /// Failed polls in a row (the backoff doubles with each).
    pub consecutive_errors: i64,
}

impl From<&SourceStatus> for SourceRow {
    fn from(s: &SourceStatus) -> Self {
        SourceRow {
            name: s.name.clone(),
            kind: s.kind.clone(),
            health: s.health.to_owned(),
            reason: s.health_reason.clone(),
            last_poll_at: s.last_poll_at.clone(),
            last_ok_at: s.last_ok_at.clone(),
            last_status: s.last_status,
            items: s.items,
            mentions: s.mentions,
            consecutive_errors: s.consecutive_errors,
        }
    }
}

/// Sources: health, last poll, items and failures per source.
pub fn sources_page(rows: &[SourceRow]) -> String {
    let mut b = String::from(
        "<h1>Sources</h1><table class=\"list\"><thead><tr><th>Source</th><th>Health</th><th>Last poll</th><th>Last ok</th><th>HTTP</th><th>Items</th><th>Mentions</th><th>Failures in a row</th></tr></thead><tbody>",
    );
    for r in rows {
        let reason = r
            .reason
            .as_deref()
            .map(|x| format!(": {}", esc(x)))
            .unwrap_or_default();
        let _ = write!(
            b,
            "<tr><td>{} <span class=\"meta\">{}</span></td><td class=\"{}\">{}{reason}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&r.name),
            esc(&r.kind),
            esc(&r.health),
            esc(&r.health),
            esc(r.last_poll_at.as_deref().unwrap_or("never")),
            esc(r.last_ok_at.as_deref().unwrap_or("never")),
            r.last_status.map_or_else(|| "—".into(), |s| s.to_string()),
            r.items,
            r.mentions,
            r.consecutive_errors
        );
    }
    b.push_str("</tbody></table>");
    frame("Sources", &b, None)
}

/// Digests: every digest file written, each opened through the site.
pub fn digests_page(list: &[DigestFile]) -> String {
    let mut b = String::from(
        "<h1>Digests</h1><p class=\"meta\">Alerts as they are raised: <a href=\"/alerts.atom\">the alerts Atom feed</a> (the latest 100) for a feed reader.</p>",
    );
    if list.is_empty() {
        b.push_str("<p>No digest written yet.</p>");
    }
    b.push_str("<table class=\"list\"><thead><tr><th>Written</th><th>Window from</th><th>File</th><th>Mentions</th></tr></thead><tbody>");
    for d in list {
        let name = std::path::Path::new(&d.path)
            .file_name()
            .map_or_else(|| d.path.clone(), |n| n.to_string_lossy().into_owned());
        let _ = write!(
            b,
            "<tr><td>{}</td><td>{}</td><td><a href=\"/digests/{}\">{}</a></td><td>{}</td></tr>",
            esc(&d.written_at),
            esc(&d.since),
            d.id,
            esc(&name),
            d.mentions
        );
    }
    b.push_str("</tbody></table>");
    frame("Digests", &b, None)
}
