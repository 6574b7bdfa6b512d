//! The ledger in words: one line per side ("Sudmark — own: killed 7 → 9 (revised 16:40 by
//! Sudmark MoD (ru)), wounded 10 → 12 (…) · civilians: denies civilian losses") for the
//! Markdown and Atom digests and the demo, and the phrase of each figure for the HTML table.

use super::ledger::{Figure, Side};
use crate::store::queries::ClaimRow;

/// The category as a word after a number: "killed", "killed or wounded".
fn category_words(category: &str) -> String {
    category.replace('_', " ")
}

/// The category as a noun of losses: "deaths", "injuries", "losses".
fn loss_noun(category: &str) -> &'static str {
    match category {
        "killed" => "deaths",
        "wounded" => "injuries",
        "captured" => "captives",
        "missing" => "missing",
        _ => "losses",
    }
}

fn number(count: Option<i64>, approx: bool) -> String {
    match (count, approx) {
        (Some(n), false) => n.to_string(),
        (Some(n), true) => format!("~{n}"),
        (None, _) => "an unstated number".into(),
    }
}

/// "HH:MM" of an RFC 3339 time, or the time as given.
fn clock(published_at: &str) -> &str {
    published_at.get(11..16).unwrap_or(published_at)
}

/// One figure: "1 killed", "~15 wounded (Norland) via Continental Wire", "killed 7 → 9
/// (revised 16:40 by Sudmark MoD (ru))", "denies civilian losses", "no civilian injuries
/// reported". `whose` qualifies a negated figure ("civilian", "Sudmark", "own").
pub fn figure_phrase(f: &Figure, whose: &str) -> String {
    let mut out = if f.negated {
        let noun = loss_noun(&f.category);
        let what = if whose.is_empty() {
            noun.to_owned()
        } else {
            format!("{whose} {noun}")
        };
        if f.denial {
            format!("denies {what}")
        } else {
            format!("no {what} reported")
        }
    } else if f.moved_from.is_empty() {
        format!(
            "{} {}",
            number(f.count, f.approx),
            category_words(&f.category)
        )
    } else {
        let steps: Vec<String> = f
            .moved_from
            .iter()
            .map(|c| number(*c, false))
            .chain(std::iter::once(number(f.count, f.approx)))
            .collect();
        format!(
            "{} {} (revised {} by {})",
            category_words(&f.category),
            steps.join(" → "),
            clock(&f.published_at),
            f.source
        )
    };
    if let Some(w) = f.whose.as_deref().filter(|_| !f.negated) {
        out.push_str(&format!(" ({w})"));
    }
    if let Some(v) = &f.via {
        out.push_str(&format!(" via {v}"));
    }
    out
}

/// Figures joined with commas.
pub fn figures_phrase(figures: &[Figure], whose: &str) -> String {
    figures
        .iter()
        .map(|f| figure_phrase(f, whose))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The groups of a side, each as (label, phrase): ("own", …), ("on Sudmark", …),
/// ("civilians", …), ("unspecified", …); empty groups left out.
pub fn side_groups(s: &Side) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if !s.own.is_empty() {
        out.push(("own".to_owned(), figures_phrase(&s.own, "own")));
    }
    for c in &s.claimed {
        out.push((
            format!("on {}", c.party),
            figures_phrase(&c.figures, &c.party),
        ));
    }
    if !s.civilians.is_empty() {
        out.push((
            "civilians".to_owned(),
            figures_phrase(&s.civilians, "civilian"),
        ));
    }
    if !s.unspecified.is_empty() {
        out.push(("unspecified".to_owned(), figures_phrase(&s.unspecified, "")));
    }
    out
}

/// "Norland — own: 1 killed, 12 captured · on Sudmark: 70 killed or wounded".
pub fn side_line(s: &Side) -> String {
    let groups: Vec<String> = side_groups(s)
        .into_iter()
        .map(|(label, figures)| format!("{label}: {figures}"))
        .collect();
    format!("{} — {}", s.side, groups.join(" · "))
}

/// A stored claim in a few words, for the per-claim tables: "1 killed", "~15 wounded", "no
/// one wounded", "9 killed (revised from 7)".
pub fn claim_phrase(c: &ClaimRow) -> String {
    let what = category_words(&c.category);
    let base = if c.negated {
        format!("no one {what}")
    } else {
        format!("{} {what}", number(c.count, c.approx))
    };
    match c.revised_from.as_ref().filter(|e| e.count != c.count) {
        Some(old) => format!("{base} (revised from {})", number(old.count, false)),
        None => base,
    }
}

/// Whose people a stored claim counts, for the per-claim tables: "Sudmark soldiers (Sudmark,
/// military)", "civilians (civilian)", "—".
pub fn claim_whose(c: &ClaimRow) -> String {
    let resolved: Vec<&str> = [c.affected_party.as_deref(), c.affected_kind.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    match (c.who.as_deref(), resolved.is_empty()) {
        (Some(w), true) => w.to_owned(),
        (Some(w), false) => format!("{w} ({})", resolved.join(", ")),
        (None, false) => format!("({})", resolved.join(", ")),
        (None, true) => "—".to_owned(),
    }
}
