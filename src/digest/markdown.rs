//! The Markdown digest.

use std::fmt::Write;

use super::Digest;
use super::ledger::{claim_figure, figure_phrase, side_by_side, side_of};
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
        if !day.sides.is_empty() {
            let _ = writeln!(
                out,
                "**Claims side by side:** {}\n",
                inert(&side_by_side(day))
            );
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
                    let mut claim = figure_phrase(&claim_figure(c));
                    if let Some(orig) = &m.syndicated_from {
                        let _ = write!(claim, " (copy of {}, not counted)", inert(orig));
                    }
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} | {source} | {} | {} |",
                        inert(&side_of(m, c)),
                        inert(c.claimant.as_deref().unwrap_or("—")),
                        claim,
                        inert(c.who.as_deref().unwrap_or("—")),
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
