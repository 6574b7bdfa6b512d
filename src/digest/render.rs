//! Markdown rendering of digest rows.

use std::fmt::Write;

use chrono::{DateTime, Utc};

use crate::store::queries::{ClaimRow, MentionRow};

fn escape_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn source_line(m: &MentionRow) -> String {
    let mut s = m.source.clone();
    if let Some(p) = &m.party {
        let _ = write!(s, " ({p})");
    }
    let _ = write!(s, ", {}", m.published_at);
    match &m.url {
        Some(u) => {
            let _ = write!(s, ", [{}]({u})", escape_cell(&m.title));
        }
        None => {
            let _ = write!(s, ", \"{}\"", m.title);
        }
    }
    if m.revision > 1 {
        let _ = write!(s, " — revised (revision {})", m.revision);
    }
    s
}

/// "1 killed", "at least 30 wounded", "dozens killed or wounded", "no one captured".
pub fn claim_phrase(c: &ClaimRow) -> String {
    let what = c.category.replace('_', " ");
    if c.negated {
        return format!("none {what}");
    }
    match (c.count, c.approx) {
        (Some(n), false) => format!("{n} {what}"),
        (Some(n), true) => format!("~{n} {what}"),
        (None, _) => format!("an unstated number {what}"),
    }
}

fn quote(out: &mut String, m: &MentionRow, detail: &str) {
    let _ = writeln!(out, "- {detail}> \"{}\"", m.sentence.replace('\n', " "));
    let _ = writeln!(out, "  — {}", source_line(m));
}

/// Renders rows as a Markdown digest: ceasefires, clashes, then casualty claims in a table
/// with the claimant of each, every line with its sentence, source, link and time.
pub fn render_markdown(rows: &[MentionRow], since: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let mut out = String::new();
    let count = |k: &str| rows.iter().filter(|m| m.kind == k).count();
    let _ = writeln!(out, "# claimwatch digest\n");
    let _ = writeln!(
        out,
        "Items first seen from {} to {} (UTC): {} ceasefire, {} clash and {} casualty mentions.\n",
        since.format("%Y-%m-%d %H:%M"),
        now.format("%Y-%m-%d %H:%M"),
        count("ceasefire"),
        count("clash"),
        count("casualty")
    );
    if rows.is_empty() {
        let _ = writeln!(out, "Nothing new.");
        return out;
    }
    let _ = writeln!(out, "## Ceasefires\n");
    for m in rows.iter().filter(|m| m.kind == "ceasefire") {
        let mut detail = format!(
            "**{}**",
            m.ceasefire_status.as_deref().unwrap_or("mentioned")
        );
        if let Some(med) = &m.mediator {
            let _ = write!(detail, ", mediated by {med}");
        }
        detail.push(' ');
        quote(&mut out, m, &detail);
    }
    if count("ceasefire") == 0 {
        let _ = writeln!(out, "None.");
    }
    let _ = writeln!(out, "\n## Clashes\n");
    for m in rows.iter().filter(|m| m.kind == "clash") {
        let detail = m
            .location
            .as_ref()
            .map(|l| format!("at **{l}** "))
            .unwrap_or_default();
        quote(&mut out, m, &detail);
    }
    if count("clash") == 0 {
        let _ = writeln!(out, "None.");
    }
    let _ = writeln!(out, "\n## Casualty claims\n");
    let casualties: Vec<&MentionRow> = rows.iter().filter(|m| m.kind == "casualty").collect();
    if casualties.is_empty() {
        let _ = writeln!(out, "None.");
        return out;
    }
    let _ = writeln!(
        out,
        "| Claimant | Claim | Who | Source | Published | Sentence |"
    );
    let _ = writeln!(out, "| --- | --- | --- | --- | --- | --- |");
    for m in &casualties {
        for c in &m.claims {
            let source = match &m.url {
                Some(u) => format!("[{}]({u})", escape_cell(&m.source)),
                None => escape_cell(&m.source),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                escape_cell(c.claimant.as_deref().unwrap_or("—")),
                claim_phrase(c),
                escape_cell(c.who.as_deref().unwrap_or("—")),
                source,
                m.published_at,
                escape_cell(&m.sentence)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: &str, sentence: &str) -> MentionRow {
        MentionRow {
            kind: kind.into(),
            source: "Armenia MoD".into(),
            party: Some("Armenia".into()),
            title: "Statement".into(),
            url: Some("https://mil.example/1".into()),
            published_at: "2026-11-24T14:30:00Z".into(),
            sentence: sentence.into(),
            ceasefire_status: None,
            mediator: None,
            location: None,
            revision: 1,
            claims: Vec::new(),
        }
    }

    #[test]
    fn sections_quote_sentences_with_source_and_claims_table() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let mut cf = row("ceasefire", "The fire has been stopped since 6:30pm.");
        cf.ceasefire_status = Some("agreed".into());
        cf.mediator = Some("the Russian side".into());
        let mut cas = row("casualty", "One soldier was killed | 12 captured.");
        cas.revision = 2;
        cas.claims = vec![
            ClaimRow {
                category: "killed".into(),
                count: Some(1),
                approx: false,
                who: Some("soldier".into()),
                claimant: Some("Armenia".into()),
                negated: false,
            },
            ClaimRow {
                category: "captured".into(),
                count: Some(12),
                approx: true,
                who: None,
                claimant: None,
                negated: false,
            },
        ];
        let md = render_markdown(
            &[cf, cas],
            t("2026-11-24T00:00:00Z"),
            t("2026-11-25T00:00:00Z"),
        );
        assert!(
            md.contains("1 ceasefire, 0 clash and 1 casualty mentions"),
            "{md}"
        );
        assert!(md.contains("- **agreed**, mediated by the Russian side > \"The fire has been stopped since 6:30pm.\""), "{md}");
        assert!(
            md.contains(
                "— Armenia MoD (Armenia), 2026-11-24T14:30:00Z, [Statement](https://mil.example/1)"
            ),
            "{md}"
        );
        assert!(md.contains("| Armenia | 1 killed | soldier | [Armenia MoD](https://mil.example/1) | 2026-11-24T14:30:00Z | One soldier was killed \\| 12 captured. |"), "{md}");
        assert!(md.contains("| — | ~12 captured | — |"), "{md}");
    }

    #[test]
    fn empty_window_says_nothing_new() {
        let now = Utc::now();
        assert!(render_markdown(&[], now, now).contains("Nothing new."));
    }
}
