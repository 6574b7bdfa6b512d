//! The Markdown digest.

use std::fmt::Write;

use super::Digest;
use super::ledger::{Ledger, side_of};
use super::ledger_text::{claim_phrase, claim_whose, side_line};
use crate::store::queries::MentionRow;

/// Feed text made inert in Markdown: no raw HTML, no table breaks, one line.
pub(crate) fn inert(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// A link only when the URL is http(s); anything else (a `javascript:` link in a feed) is
/// shown as text.
pub(crate) fn safe_url(url: Option<&str>) -> Option<&str> {
    url.filter(|u| {
        let l = u.trim_start().to_ascii_lowercase();
        (l.starts_with("http://") || l.starts_with("https://"))
            && !u.contains(['"', '<', '>', ' ', '(', ')'])
    })
}

fn source_line(m: &MentionRow) -> String {
    let mut s = inert(&m.source);
    if let Some(p) = m.party.as_deref().filter(|p| *p != m.source) {
        let _ = write!(s, " ({})", inert(p));
    }
    let _ = write!(s, ", {}", m.published_at);
    if let Some(lang) = m.language.as_deref().filter(|l| *l != "en") {
        let _ = write!(s, " [{}]", inert(lang));
    }
    match safe_url(m.url.as_deref()) {
        Some(u) => {
            let _ = write!(s, ", [{}]({u})", inert(&m.title));
        }
        None => {
            let _ = write!(s, ", \"{}\"", inert(&m.title));
        }
    }
    if m.revision > 1 {
        let _ = write!(s, " — revised (revision {})", m.revision);
    }
    if let Some(orig) = &m.syndicated_from {
        let _ = write!(s, " — syndicated copy of {}", inert(orig));
    }
    s
}

fn event_line(m: &MentionRow) -> String {
    let time = m.published_at.get(11..16).unwrap_or("");
    let what = match m.kind.as_str() {
        "ceasefire" => {
            let mut w = format!(
                "**ceasefire {}**",
                m.ceasefire_status.as_deref().unwrap_or("mentioned")
            );
            if let Some(med) = &m.mediator {
                let _ = write!(w, ", mediated by {}", inert(med));
            }
            w
        }
        _ => match &m.location {
            Some(l) => format!("**clash** at {}", inert(l)),
            None => "**clash**".to_owned(),
        },
    };
    format!(
        "- {time} {what} > \"{}\"\n  — {}\n",
        inert(&m.sentence),
        source_line(m)
    )
}

/// One ledger: a heading naming its conflict, then one line per side.
fn ledger_block(l: &Ledger, alone: bool) -> String {
    let heading = match (&l.conflict, alone) {
        (Some(c), _) => format!("**Claims side by side — {}:**", inert(c)),
        (None, true) => "**Claims side by side:**".to_owned(),
        (None, false) => "**Other claims:**".to_owned(),
    };
    let mut out = format!("{heading}\n\n");
    for s in &l.sides {
        let _ = writeln!(out, "- {}", inert(&side_line(s)));
    }
    out.push('\n');
    out
}

/// Renders a digest as Markdown.
pub fn render(d: &Digest) -> String {
    let mut out = String::new();
    let (cf, cl, cas) = d.counts();
    let _ = writeln!(out, "# claimwatch digest\n");
    let _ = writeln!(
        out,
        "Statements first seen or revised from {} to {} (UTC): {cf} ceasefire, {cl} clash and {cas} casualty mentions.\n",
        d.since.format("%Y-%m-%d %H:%M"),
        d.until.format("%Y-%m-%d %H:%M"),
    );
    if d.mentions.is_empty() {
        let _ = writeln!(out, "Nothing new.");
        return out;
    }
    for day in &d.days {
        let _ = writeln!(out, "## {}\n", day.day);
        let alone = day.ledgers.len() == 1;
        for l in &day.ledgers {
            out.push_str(&ledger_block(l, alone));
        }
        if !day.timeline.is_empty() {
            let _ = writeln!(out, "### Ceasefires and clashes\n");
            for &i in &day.timeline {
                out.push_str(&event_line(&d.mentions[i]));
            }
            out.push('\n');
        }
        if !day.casualties.is_empty() {
            let _ = writeln!(out, "### Casualty claims\n");
            let _ = writeln!(
                out,
                "| Side | Claimant | Claim | Who | Source | Published | Sentence |"
            );
            let _ = writeln!(out, "| --- | --- | --- | --- | --- | --- | --- |");
            for &i in &day.casualties {
                let m = &d.mentions[i];
                let source = match safe_url(m.url.as_deref()) {
                    Some(u) => format!("[{}]({u})", inert(&m.source)),
                    None => inert(&m.source),
                };
                for c in &m.claims {
                    let mut claim = claim_phrase(c);
                    if let Some(orig) = &m.syndicated_from {
                        let _ = write!(claim, " (copy of {}, not counted)", inert(orig));
                    }
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} | {source} | {} | {} |",
                        inert(&side_of(m, c)),
                        inert(c.claimant.as_deref().unwrap_or("—")),
                        claim,
                        inert(&claim_whose(c)),
                        m.published_at,
                        inert(&m.sentence)
                    );
                }
            }
            out.push('\n');
        }
    }
    out
}
