//! The claims ledger: casualty claims grouped by day and by side, side by side, with
//! revised figures and syndicated copies marked and not counted twice.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::store::queries::{ClaimRow, MentionRow};

/// One figure in a side's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// killed, wounded, killed_or_wounded, captured, missing.
    pub category: String,
    /// The number; `None` when vague.
    pub count: Option<i64>,
    /// Approximate.
    pub approx: bool,
    /// "no casualties".
    pub negated: bool,
    /// The earlier figure when the statement was revised.
    pub revised_from: Option<i64>,
}

/// What one side claimed on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// "Armenia (Armenia MoD)", or a claimant relayed by an outlet: "the ministry (via Reuters)".
    pub side: String,
    /// Its figures, in the order first stated; identical figures are listed once.
    pub figures: Vec<Figure>,
}

/// One day of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Day {
    /// `YYYY-MM-DD` (UTC) of publication.
    pub day: String,
    /// Claims side by side.
    pub sides: Vec<Side>,
    /// Indexes into the digest's mentions of that day's ceasefires and clashes, in time order.
    pub timeline: Vec<usize>,
    /// Indexes of that day's casualty mentions.
    pub casualties: Vec<usize>,
}

/// Who a claim belongs to in the ledger: the source's party when it has one; else, for an
/// outlet relaying someone, the claimant "via" the outlet; else the source.
pub fn side_of(m: &MentionRow, c: &ClaimRow) -> String {
    match (&m.party, &c.claimant, c.claimant_origin.as_deref()) {
        (Some(party), _, _) if party != &m.source => format!("{party} ({})", m.source),
        (Some(_), _, _) => m.source.clone(),
        (None, Some(claimant), Some("sentence" | "passage")) => {
            format!("{claimant} (via {})", m.source)
        }
        _ => m.source.clone(),
    }
}

/// Groups mentions (already in publication order) into days, each with its sides' figures.
/// Claims from syndicated copies are left out of the figures (the original counts).
pub fn build(mentions: &[MentionRow]) -> Vec<Day> {
    let mut days: BTreeMap<String, Day> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let key: String = m.published_at.chars().take(10).collect();
        let day = days.entry(key.clone()).or_insert_with(|| Day {
            day: key,
            sides: Vec::new(),
            timeline: Vec::new(),
            casualties: Vec::new(),
        });
        if m.kind != "casualty" {
            day.timeline.push(i);
            continue;
        }
        day.casualties.push(i);
        if m.syndicated_from.is_some() {
            continue;
        }
        for c in &m.claims {
            let side = side_of(m, c);
            let figure = Figure {
                category: c.category.clone(),
                count: c.count,
                approx: c.approx,
                negated: c.negated,
                revised_from: c.revised_from.and_then(|e| e.count),
            };
            match day.sides.iter_mut().find(|s| s.side == side) {
                Some(s) if s.figures.contains(&figure) => {}
                Some(s) => s.figures.push(figure),
                None => day.sides.push(Side {
                    side,
                    figures: vec![figure],
                }),
            }
        }
    }
    days.into_values().collect()
}

/// "1 killed", "~15 wounded", "an unstated number captured", "no one killed or wounded",
/// "9 killed (revised from 7)".
pub fn figure_phrase(f: &Figure) -> String {
    let what = f.category.replace('_', " ");
    let base = match (f.negated, f.count, f.approx) {
        (true, _, _) => format!("no one {what}"),
        (false, Some(n), false) => format!("{n} {what}"),
        (false, Some(n), true) => format!("~{n} {what}"),
        (false, None, _) => format!("an unstated number {what}"),
    };
    match f.revised_from {
        Some(old) => format!("{base} (revised from {old})"),
        None => base,
    }
}

/// The figure of one stored claim.
pub fn claim_figure(c: &ClaimRow) -> Figure {
    Figure {
        category: c.category.clone(),
        count: c.count,
        approx: c.approx,
        negated: c.negated,
        revised_from: c.revised_from.and_then(|e| e.count),
    }
}

/// "Norland (Norland MoD): 1 killed, 12 captured · Sudmark (Sudmark MoD): 7 killed".
pub fn side_by_side(day: &Day) -> String {
    day.sides
        .iter()
        .map(|s| {
            format!(
                "{}: {}",
                s.side,
                s.figures
                    .iter()
                    .map(figure_phrase)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::queries::EarlierFigure;

    pub(crate) fn mention(
        kind: &str,
        source: &str,
        party: Option<&str>,
        published: &str,
        sentence: &str,
    ) -> MentionRow {
        MentionRow {
            mention_id: 1,
            item_id: 1,
            kind: kind.into(),
            source: source.into(),
            party: party.map(Into::into),
            title: "Statement".into(),
            url: Some(format!(
                "https://{}.example/1",
                source.to_lowercase().replace(' ', "-")
            )),
            published_at: published.into(),
            seen_at: published.into(),
            sentence: sentence.into(),
            ceasefire_status: None,
            mediator: None,
            location: None,
            revision: 1,
            syndicated_from: None,
            language: None,
            claims: Vec::new(),
        }
    }

    pub(crate) fn claim(
        category: &str,
        count: Option<i64>,
        claimant: Option<&str>,
        origin: &str,
    ) -> ClaimRow {
        ClaimRow {
            category: category.into(),
            count,
            approx: false,
            who: None,
            claimant: claimant.map(Into::into),
            claimant_origin: Some(origin.into()),
            negated: false,
            revised_from: None,
            claimant_party: None,
            affected_party: None,
            affected_kind: None,
        }
    }

    #[test]
    fn claims_of_each_side_are_set_side_by_side_per_day() {
        let mut a = mention(
            "casualty",
            "Armenia MoD",
            Some("Armenia"),
            "2026-11-24T07:10:00Z",
            "…",
        );
        a.claims = vec![
            claim("killed", Some(1), Some("Armenia"), "sentence"),
            claim("captured", Some(12), Some("Armenia"), "sentence"),
            claim("missing", Some(24), Some("Armenia"), "sentence"),
        ];
        let mut b = mention(
            "casualty",
            "Azerbaijan MoD",
            Some("Azerbaijan"),
            "2026-11-24T09:30:00Z",
            "…",
        );
        b.claims = vec![
            claim("killed", Some(7), None, "source"),
            claim("wounded", Some(10), None, "source"),
        ];
        let mut wire = mention("casualty", "Wire", None, "2026-11-24T15:00:00Z", "…");
        wire.claims = vec![claim(
            "wounded",
            Some(15),
            Some("Armenia's defence ministry"),
            "sentence",
        )];
        let mut copy = mention("casualty", "Other Wire", None, "2026-11-24T16:00:00Z", "…");
        copy.syndicated_from = Some("Wire".into());
        copy.claims = wire.claims.clone();
        let cf = mention(
            "ceasefire",
            "Russia MFA",
            Some("Russia"),
            "2026-11-24T19:00:00Z",
            "…",
        );
        let mut revised = mention(
            "casualty",
            "Azerbaijan MoD",
            Some("Azerbaijan"),
            "2026-11-25T08:00:00Z",
            "…",
        );
        let mut nine = claim("killed", Some(9), None, "source");
        nine.revised_from = Some(EarlierFigure {
            count: Some(7),
            approx: false,
        });
        revised.claims = vec![nine];
        let days = build(&[a, b, wire, copy, cf, revised]);
        assert_eq!(days.len(), 2);
        assert_eq!(
            side_by_side(&days[0]),
            "Armenia (Armenia MoD): 1 killed, 12 captured, 24 missing · Azerbaijan (Azerbaijan MoD): 7 killed, 10 wounded · Armenia's defence ministry (via Wire): 15 wounded"
        );
        assert_eq!(days[0].timeline, vec![4]);
        assert_eq!(days[0].casualties, vec![0, 1, 2, 3]);
        assert_eq!(
            side_by_side(&days[1]),
            "Azerbaijan (Azerbaijan MoD): 9 killed (revised from 7)"
        );
    }
}
