//! The HTML digest: one self-contained page (no script, no remote resource), readable on a
//! phone, with an inline SVG chart of claims per day. Every feed-supplied string is text,
//! escaped with html-escape (so no tag, script, handler or entity trick survives), and only
//! http(s) links become `href`s. A Content-Security-Policy meta tag forbids scripts and
//! remote resources as a second line of defence.

use std::fmt::Write;

use super::Digest;
use super::ledger::{Ledger, side_of};
use super::ledger_text::{claim_phrase, figures_phrase};
use super::markdown::safe_url;
use crate::store::queries::MentionRow;

pub(crate) fn esc(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(s)
        .into_owned()
        .replace('\'', "&#39;")
}

pub(crate) const STYLE: &str = "body{font:16px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;max-width:52rem;padding:1rem;color:#1b1b1b;background:#fff}\
h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}\
.ledger{background:#f4f6f8;border-radius:.4rem;padding:.6rem .8rem;overflow-x:auto}\
table.sides{border-collapse:collapse;width:100%;font-size:.92rem}table.sides caption{text-align:left;font-weight:600;padding-bottom:.3rem}\
table.sides th,table.sides td{border:1px solid #ccd;padding:.3rem .45rem;vertical-align:top;text-align:left}table.sides td.none{color:#888}\
blockquote{margin:.3rem 0 .2rem;padding-left:.7rem;border-left:3px solid #999}\
.meta{color:#555;font-size:.88rem}.tag{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:.3rem;background:#e8e8e8;margin-right:.3rem}\
.ceasefire{background:#dff3e4}.clash{background:#fde2e1}.casualty{background:#fff1cc}.mark{color:#8a4b00;font-size:.85rem}\
ul.events,ul.claims{padding-left:1.1rem}svg{max-width:100%;height:auto}\
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}.ledger{background:#222}.meta{color:#aaa}.tag{background:#333}.ceasefire{background:#163a22}.clash{background:#4a1d1b}.casualty{background:#4a3a0a}}";

fn chart(d: &Digest) -> String {
    let per_day: Vec<(String, usize)> = d
        .days
        .iter()
        .map(|day| {
            let n = day
                .casualties
                .iter()
                .map(|&i| d.mentions[i].claims.iter().filter(|c| !c.negated).count())
                .sum();
            (day.day.clone(), n)
        })
        .collect();
    let max = per_day.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let bar = 36;
    let width = (per_day.len() * (bar + 14)).max(120) + 10;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} 150\" width=\"{width}\" height=\"150\" role=\"img\" aria-label=\"Casualty claims per day\">"
    );
    for (i, (day, n)) in per_day.iter().enumerate() {
        let h = n * 100 / max;
        let x = 10 + i * (bar + 14);
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{}\" width=\"{bar}\" height=\"{h}\" fill=\"#c0392b\"><title>{}: {n} claims</title></rect><text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"currentColor\">{n}</text><text x=\"{}\" y=\"145\" font-size=\"10\" text-anchor=\"middle\" fill=\"currentColor\">{}</text>",
            120 - h,
            esc(day),
            x + bar / 2,
            115 - h,
            x + bar / 2,
            esc(day.get(5..).unwrap_or(day))
        );
    }
    svg.push_str("</svg>");
    svg
}

pub(crate) fn source_html(m: &MentionRow) -> String {
    let title = match safe_url(m.url.as_deref()) {
        Some(u) => format!("<a href=\"{}\">{}</a>", esc(u), esc(&m.title)),
        None => esc(&m.title),
    };
    let lang = m
        .language
        .as_deref()
        .filter(|l| *l != "en")
        .map(|l| format!(" · [{}]", esc(l)))
        .unwrap_or_default();
    let mut s = format!(
        "{} · {}{lang} · {title}",
        esc(&m.source),
        esc(&m.published_at)
    );
    if m.revision > 1 {
        let _ = write!(
            s,
            " <span class=\"mark\">revised (revision {})</span>",
            m.revision
        );
    }
    if let Some(orig) = &m.syndicated_from {
        let _ = write!(
            s,
            " <span class=\"mark\">syndicated copy of {} — not counted</span>",
            esc(orig)
        );
    }
    s
}

/// One ledger as a table whose columns are the sides (what each says) and whose rows are
/// the losses they speak of: each party's, then civilians', then unspecified. The two
/// ministries' figures for the same losses sit in one row.
pub(crate) fn ledger_table(l: &Ledger, alone: bool) -> String {
    let caption = match (&l.conflict, alone) {
        (Some(c), _) => format!("Claims side by side — {}", esc(c)),
        (None, true) => "Claims side by side".to_owned(),
        (None, false) => "Other claims".to_owned(),
    };
    let mut out = format!(
        "<div class=\"ledger\"><table class=\"sides\"><caption>{caption}</caption><thead><tr><th scope=\"col\">Losses of</th>"
    );
    for s in &l.sides {
        let _ = write!(out, "<th scope=\"col\">{} says</th>", esc(&s.side));
    }
    out.push_str("</tr></thead><tbody>");
    let cell = |text: String| {
        if text.is_empty() {
            "<td class=\"none\">—</td>".to_owned()
        } else {
            format!("<td>{}</td>", esc(&text))
        }
    };
    for party in &l.parties {
        let _ = write!(out, "<tr><th scope=\"row\">{} (military)</th>", esc(party));
        for s in &l.sides {
            let text = if s.party.as_deref() == Some(party.as_str()) {
                figures_phrase(&s.own, "own")
            } else {
                s.claimed
                    .iter()
                    .find(|c| &c.party == party)
                    .map(|c| figures_phrase(&c.figures, party))
                    .unwrap_or_default()
            };
            out.push_str(&cell(text));
        }
        out.push_str("</tr>");
    }
    type Row = (&'static str, fn(&super::ledger::Side) -> String);
    let rows: [Row; 2] = [
        ("Civilians", |s| figures_phrase(&s.civilians, "civilian")),
        ("Unspecified", |s| figures_phrase(&s.unspecified, "")),
    ];
    for (label, text) in rows {
        let texts: Vec<String> = l.sides.iter().map(text).collect();
        if label == "Unspecified" && texts.iter().all(String::is_empty) {
            continue;
        }
        let _ = write!(out, "<tr><th scope=\"row\">{label}</th>");
        for t in texts {
            out.push_str(&cell(t));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>\n");
    out
}

/// Renders a digest as one self-contained HTML page.
pub fn render(d: &Digest) -> String {
    let (cf, cl, cas) = d.counts();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"><title>claimwatch digest {}</title><style>{STYLE}</style></head><body>\n<h1>claimwatch digest</h1>\n<p class=\"meta\">Statements first seen or revised from {} to {} (UTC): {cf} ceasefire, {cl} clash and {cas} casualty mentions.</p>\n",
        d.until.format("%Y-%m-%d %H:%M"),
        d.since.format("%Y-%m-%d %H:%M"),
        d.until.format("%Y-%m-%d %H:%M"),
    );
    if d.mentions.is_empty() {
        out.push_str("<p>Nothing new.</p></body></html>\n");
        return out;
    }
    let _ = writeln!(
        out,
        "<figure>{}<figcaption class=\"meta\">Casualty claims per day</figcaption></figure>",
        chart(d)
    );
    for day in &d.days {
        let _ = writeln!(out, "<section><h2>{}</h2>", esc(&day.day));
        let alone = day.ledgers.len() == 1;
        for l in &day.ledgers {
            out.push_str(&ledger_table(l, alone));
        }
        if !day.timeline.is_empty() {
            out.push_str("<ul class=\"events\">");
            for &i in &day.timeline {
                let m = &d.mentions[i];
                let label = match m.kind.as_str() {
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
                    _ => m
                        .location
                        .as_ref()
                        .map_or_else(|| "clash".to_owned(), |l| format!("clash at {l}")),
                };
                let _ = write!(
                    out,
                    "<li><span class=\"tag {}\">{}</span><blockquote>{}</blockquote><div class=\"meta\">{}</div></li>",
                    esc(&m.kind),
                    esc(&label),
                    esc(&m.sentence),
                    source_html(m)
                );
            }
            out.push_str("</ul>\n");
        }
        if !day.casualties.is_empty() {
            out.push_str("<ul class=\"claims\">");
            for &i in &day.casualties {
                let m = &d.mentions[i];
                let claims: Vec<String> = m
                    .claims
                    .iter()
                    .map(|c| {
                        let who = c
                            .claimant
                            .as_deref()
                            .map(|w| format!(" — claimed by {w}"))
                            .unwrap_or_default();
                        let whose = match (c.affected_party.as_deref(), c.affected_kind.as_deref())
                        {
                            (Some(p), Some(k)) => format!(" ({p}, {k})"),
                            (Some(p), None) => format!(" ({p})"),
                            (None, Some(k)) => format!(" ({k})"),
                            (None, None) => String::new(),
                        };
                        format!("{}{whose} [{}]{who}", claim_phrase(c), side_of(m, c))
                    })
                    .collect();
                let _ = write!(
                    out,
                    "<li><span class=\"tag casualty\">{}</span><blockquote>{}</blockquote><div class=\"meta\">{}</div></li>",
                    esc(&claims.join("; ")),
                    esc(&m.sentence),
                    source_html(m)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">Generated by claimwatch at {}.</p></body></html>",
        d.generated_at.format("%Y-%m-%d %H:%M UTC")
    );
    out
}
