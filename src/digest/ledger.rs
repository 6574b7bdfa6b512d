//! The claims ledger: who claims what about whom, per conflict and day.
//!
//! Each claimant side (the party its claimant speaks for, or, when none is known, the
//! claimant "via" the outlet that relays it) gets one row with four groups: the losses it
//! admits for its own side, the losses it claims on each other side, civilians (with whose,
//! when the text says), and figures whose people the text does not name. Per figure only the
//! latest value is kept, with the values it moved from ("killed 7 → 9") and the statement
//! that moved it. Syndicated copies are not counted. Phrases live in `ledger_text`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::store::queries::{ClaimRow, MentionRow};

/// A conflict as the ledger needs it: its name and its parties (from `[[conflict]]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictSides {
    /// "Norland–Sudmark border".
    pub name: String,
    /// The parties that face each other.
    pub parties: Vec<String>,
}

/// One figure of a side, at its latest value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// killed, wounded, killed_or_wounded, captured, missing.
    pub category: String,
    /// The number; `None` when vague.
    pub count: Option<i64>,
    /// Approximate.
    pub approx: bool,
    /// The side says there were none.
    pub negated: bool,
    /// A negated figure that the statement denies ("denies any losses"), not one it reports
    /// as none ("no civilians were hurt").
    pub denial: bool,
    /// For civilians: whose, when the text says.
    pub whose: Option<String>,
    /// The earlier values of this figure, oldest first (statements of the same side, or an
    /// earlier revision of the same statement).
    pub moved_from: Vec<Option<i64>>,
    /// When the statement that gave the latest value was published.
    pub published_at: String,
    /// The source of that statement.
    pub source: String,
    /// The outlet that relayed it, when the side did not publish it itself.
    pub via: Option<String>,
}

/// Losses a side claims on another party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Claimed {
    /// Whose losses.
    pub party: String,
    /// The figures.
    pub figures: Vec<Figure>,
}

/// What one side claimed on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// The party ("Norland"), or a claimant no party is known for, relayed by an outlet:
    /// "the UN (via Continental Wire)".
    pub side: String,
    /// The party, when known.
    pub party: Option<String>,
    /// Its own losses, as it admits them.
    pub own: Vec<Figure>,
    /// The losses it claims on each other party.
    pub claimed: Vec<Claimed>,
    /// Civilian casualties it reports, with whose when the text says.
    pub civilians: Vec<Figure>,
    /// Figures whose people the text does not name.
    pub unspecified: Vec<Figure>,
}

/// The sides of one conflict on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ledger {
    /// The conflict; `None` for the sides of no configured conflict.
    pub conflict: Option<String>,
    /// The parties whose losses the rows of the side-by-side table show: the conflict's,
    /// then any other party a side's figures name.
    pub parties: Vec<String>,
    /// The sides, in order of their first statement.
    pub sides: Vec<Side>,
}

/// One day of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Day {
    /// `YYYY-MM-DD` (UTC) of publication.
    pub day: String,
    /// The ledgers of the day: one per conflict with claims, then the other claims.
    pub ledgers: Vec<Ledger>,
    /// Indexes into the digest's mentions of that day's ceasefires and clashes, in time order.
    pub timeline: Vec<usize>,
    /// Indexes of that day's casualty mentions.
    pub casualties: Vec<usize>,
}

/// Who a claim belongs to when no party is known for its claimant: the source's party when
/// it has one; else, for an outlet relaying someone, the claimant "via" the outlet; else the
/// source.
pub fn side_of(m: &MentionRow, c: &ClaimRow) -> String {
    if let Some(p) = &c.claimant_party {
        return p.clone();
    }
    match (&m.party, &c.claimant, c.claimant_origin.as_deref()) {
        (Some(party), _, _) if party != &m.source => format!("{party} ({})", m.source),
        (Some(_), _, _) => m.source.clone(),
        (None, Some(claimant), Some("sentence" | "passage")) => {
            format!("{claimant} (via {})", m.source)
        }
        _ => m.source.clone(),
    }
}

/// Which group of its side a claim's figure falls in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Own,
    On(String),
    Civilians,
    Unspecified,
}

fn group_of(side_party: Option<&str>, c: &ClaimRow) -> Group {
    if c.affected_kind.as_deref() == Some("civilian") {
        return Group::Civilians;
    }
    match (c.affected_party.as_deref(), side_party) {
        (Some(a), Some(s)) if a == s => Group::Own,
        (Some(a), _) => Group::On(a.to_owned()),
        (None, _) => Group::Unspecified,
    }
}

/// Verbs of denial: a negated figure in a sentence with one is a denial.
const DENIAL_STEMS: &[&str] = &[
    "deni",
    "deny",
    "reject",
    "refut",
    "dismiss",
    "отрица",
    "опроверг",
    "запереч",
    "спростов",
    "відкида",
    "отверг",
];

fn is_denial(sentence: &str) -> bool {
    let low = sentence.to_lowercase();
    DENIAL_STEMS.iter().any(|s| low.contains(s))
}

/// What makes two figures of a side the same figure: (group, category, negated, whose).
type FigureKey = (Group, String, bool, Option<String>);

/// A side being built: its figures by key, each with the order it was first stated in.
struct Building {
    side: String,
    party: Option<String>,
    figures: BTreeMap<FigureKey, (usize, Figure)>,
}

/// Groups mentions (already in publication order) into days, each with a ledger per
/// conflict. Claims from syndicated copies are left out of the figures (the original counts).
pub fn build(mentions: &[MentionRow], conflicts: &[ConflictSides]) -> Vec<Day> {
    let mut days: BTreeMap<String, (Day, Vec<Building>)> = BTreeMap::new();
    let mut order = 0usize;
    for (i, m) in mentions.iter().enumerate() {
        let key: String = m.published_at.chars().take(10).collect();
        let (day, sides) = days.entry(key.clone()).or_insert_with(|| {
            (
                Day {
                    day: key,
                    ledgers: Vec::new(),
                    timeline: Vec::new(),
                    casualties: Vec::new(),
                },
                Vec::new(),
            )
        });
        if m.kind != "casualty" {
            day.timeline.push(i);
            continue;
        }
        day.casualties.push(i);
        if m.syndicated_from.is_some() {
            continue;
        }
        let denial = is_denial(&m.sentence);
        for c in &m.claims {
            let side = side_of(m, c);
            let party = c.claimant_party.clone();
            let via = match (&party, &m.party) {
                (Some(p), Some(own)) if p == own => None,
                (Some(_), _) => Some(m.source.clone()),
                (None, _) => None,
            };
            let group = group_of(party.as_deref(), c);
            let whose = (group == Group::Civilians)
                .then(|| c.affected_party.clone())
                .flatten();
            let b = match sides.iter_mut().position(|b| b.side == side) {
                Some(k) => &mut sides[k],
                None => {
                    sides.push(Building {
                        side: side.clone(),
                        party: party.clone(),
                        figures: BTreeMap::new(),
                    });
                    let last = sides.len() - 1;
                    &mut sides[last]
                }
            };
            let fkey = (group, c.category.clone(), c.negated, whose.clone());
            let mut figure = Figure {
                category: c.category.clone(),
                count: if c.negated { None } else { c.count },
                approx: c.approx && !c.negated,
                negated: c.negated,
                denial: c.negated && denial,
                whose,
                moved_from: Vec::new(),
                published_at: m.published_at.clone(),
                source: m.source.clone(),
                via,
            };
            match b.figures.get_mut(&fkey) {
                Some((_, old)) => {
                    let mut moved = std::mem::take(&mut old.moved_from);
                    if old.count != figure.count || old.approx != figure.approx {
                        moved.push(old.count);
                    }
                    figure.moved_from = moved;
                    // A figure restated unchanged keeps its first statement.
                    if figure.moved_from.is_empty() && old.count == figure.count {
                        continue;
                    }
                    *old = figure;
                }
                None => {
                    if let Some(e) = c.revised_from.as_ref().filter(|_| !c.negated) {
                        figure.moved_from.push(e.count);
                    }
                    order += 1;
                    b.figures.insert(fkey, (order, figure));
                }
            }
        }
    }
    days.into_values()
        .map(|(mut day, sides)| {
            day.ledgers = ledgers(sides, conflicts);
            day
        })
        .collect()
}

/// The finished sides, split into one ledger per conflict (configured order), then the
/// sides of no conflict.
fn ledgers(sides: Vec<Building>, conflicts: &[ConflictSides]) -> Vec<Ledger> {
    let mut out: Vec<Ledger> = conflicts
        .iter()
        .map(|c| Ledger {
            conflict: Some(c.name.clone()),
            parties: c.parties.clone(),
            sides: Vec::new(),
        })
        .collect();
    let mut other = Ledger {
        conflict: None,
        parties: Vec::new(),
        sides: Vec::new(),
    };
    for b in sides {
        let side = finish(b);
        let home = side.party.as_deref().and_then(|p| {
            conflicts
                .iter()
                .position(|c| c.parties.iter().any(|q| q == p))
        });
        match home {
            Some(k) => out[k].sides.push(side),
            None => other.sides.push(side),
        }
    }
    out.push(other);
    out.retain(|l| !l.sides.is_empty());
    for l in &mut out {
        for s in &l.sides {
            let named = s
                .party
                .iter()
                .filter(|_| !s.own.is_empty())
                .chain(s.claimed.iter().map(|c| &c.party));
            for p in named {
                if !l.parties.contains(p) {
                    l.parties.push(p.clone());
                }
            }
        }
    }
    out
}

fn finish(b: Building) -> Side {
    let mut figures: Vec<(FigureKey, (usize, Figure))> = b.figures.into_iter().collect();
    figures.sort_by_key(|(_, (order, _))| *order);
    let mut side = Side {
        side: b.side,
        party: b.party,
        own: Vec::new(),
        claimed: Vec::new(),
        civilians: Vec::new(),
        unspecified: Vec::new(),
    };
    for ((group, ..), (_, f)) in figures {
        match group {
            Group::Own => side.own.push(f),
            Group::Civilians => side.civilians.push(f),
            Group::Unspecified => side.unspecified.push(f),
            Group::On(p) => match side.claimed.iter_mut().find(|c| c.party == p) {
                Some(c) => c.figures.push(f),
                None => side.claimed.push(Claimed {
                    party: p,
                    figures: vec![f],
                }),
            },
        }
    }
    side
}

#[cfg(test)]
#[path = "ledger_tests.rs"]
pub(crate) mod tests;
