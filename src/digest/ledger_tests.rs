use super::*;
use crate::digest::ledger_text::side_line;
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

/// A claim resolved to sides: by `by`, about `whose` people of `kind`.
fn sided(
    category: &str,
    count: Option<i64>,
    by: &str,
    whose: Option<&str>,
    kind: &str,
) -> ClaimRow {
    ClaimRow {
        claimant_party: Some(by.into()),
        affected_party: whose.map(Into::into),
        affected_kind: Some(kind.into()),
        ..claim(category, count, Some(by), "sentence")
    }
}

fn border() -> Vec<ConflictSides> {
    vec![ConflictSides {
        name: "Norland–Sudmark border".into(),
        parties: vec!["Norland".into(), "Sudmark".into()],
    }]
}

/// The demo's day: own losses, losses claimed on the enemy, a relayed civilian figure, a
/// denial, a syndicated copy, a revision by a second statement of the same side.
fn demo_day() -> Vec<MentionRow> {
    let mut n = mention(
        "casualty",
        "Norland MoD",
        Some("Norland"),
        "2026-11-24T07:10:00Z",
        "…",
    );
    n.claims = vec![
        sided("killed", Some(1), "Norland", Some("Norland"), "military"),
        sided("captured", Some(12), "Norland", Some("Norland"), "military"),
        sided("missing", Some(24), "Norland", Some("Norland"), "military"),
        sided(
            "killed_or_wounded",
            Some(70),
            "Norland",
            Some("Sudmark"),
            "military",
        ),
    ];
    let mut s = mention(
        "casualty",
        "Sudmark MoD",
        Some("Sudmark"),
        "2026-11-24T09:30:00Z",
        "…",
    );
    s.claims = vec![
        sided("killed", Some(7), "Sudmark", Some("Sudmark"), "military"),
        sided("wounded", Some(10), "Sudmark", Some("Sudmark"), "military"),
    ];
    let mut deny = mention(
        "casualty",
        "Sudmark MoD",
        Some("Sudmark"),
        "2026-11-24T13:05:00Z",
        "The Ministry of Defence of Sudmark denies any losses among civilians.",
    );
    let mut d = sided("killed_or_wounded", None, "Sudmark", None, "civilian");
    d.negated = true;
    deny.claims = vec![d];
    let mut wire = mention(
        "casualty",
        "Continental Wire",
        None,
        "2026-11-24T15:20:00Z",
        "…",
    );
    let mut w = sided("wounded", Some(15), "Norland", None, "civilian");
    w.approx = true;
    w.claimant = Some("Norland's defence ministry".into());
    wire.claims = vec![w];
    let mut copy = wire.clone();
    copy.source = "Other Wire".into();
    copy.syndicated_from = Some("Continental Wire".into());
    copy.claims[0].count = Some(150);
    let mut ru = mention(
        "casualty",
        "Sudmark MoD (ru)",
        Some("Sudmark"),
        "2026-11-24T16:40:00Z",
        "…",
    );
    ru.claims = vec![
        sided("killed", Some(9), "Sudmark", Some("Sudmark"), "military"),
        sided("wounded", Some(12), "Sudmark", Some("Sudmark"), "military"),
    ];
    let cf = mention(
        "ceasefire",
        "Ostravia MFA",
        Some("Ostravia"),
        "2026-11-24T19:00:00Z",
        "…",
    );
    vec![n, s, deny, wire, copy, ru, cf]
}

#[test]
fn each_side_keeps_own_enemy_and_civilian_figures_apart() {
    let days = build(&demo_day(), &border());
    assert_eq!(days.len(), 1);
    let l = &days[0].ledgers;
    assert_eq!(l.len(), 1, "{l:?}");
    assert_eq!(l[0].conflict.as_deref(), Some("Norland–Sudmark border"));
    assert_eq!(l[0].parties, vec!["Norland", "Sudmark"]);
    let lines: Vec<String> = l[0].sides.iter().map(side_line).collect();
    assert_eq!(
        lines,
        vec![
            "Norland — own: 1 killed, 12 captured, 24 missing · on Sudmark: 70 killed or wounded · civilians: ~15 wounded via Continental Wire",
            "Sudmark — own: killed 7 → 9 (revised 16:40 by Sudmark MoD (ru)), wounded 10 → 12 (revised 16:40 by Sudmark MoD (ru)) · civilians: denies civilian losses",
        ]
    );
    assert_eq!(days[0].timeline, vec![6]);
    assert_eq!(days[0].casualties, vec![0, 1, 2, 3, 4, 5]);
}

#[test]
fn without_conflicts_every_side_sits_in_one_ledger_and_unknown_claimants_are_relayed() {
    let mut rows = demo_day();
    let mut un = mention(
        "casualty",
        "Continental Wire",
        None,
        "2026-11-24T18:00:00Z",
        "…",
    );
    un.claims = vec![claim("killed", Some(3), Some("the UN"), "sentence")];
    rows.push(un);
    let days = build(&rows, &[]);
    let l = &days[0].ledgers;
    assert_eq!(l.len(), 1);
    assert_eq!(l[0].conflict, None);
    let sides: Vec<&str> = l[0].sides.iter().map(|s| s.side.as_str()).collect();
    assert_eq!(
        sides,
        vec!["Norland", "Sudmark", "the UN (via Continental Wire)"]
    );
    assert_eq!(
        side_line(&l[0].sides[2]),
        "the UN (via Continental Wire) — unspecified: 3 killed"
    );
    // Parties named by the figures become the table's rows.
    assert_eq!(l[0].parties, vec!["Norland", "Sudmark"]);
}

#[test]
fn a_revision_of_the_same_statement_shows_where_the_figure_came_from() {
    let mut m = mention(
        "casualty",
        "Sudmark MoD",
        Some("Sudmark"),
        "2026-11-25T08:00:00Z",
        "…",
    );
    let mut nine = sided("killed", Some(9), "Sudmark", Some("Sudmark"), "military");
    nine.revised_from = Some(EarlierFigure {
        count: Some(7),
        approx: false,
    });
    m.claims = vec![nine];
    let days = build(&[m], &border());
    assert_eq!(
        side_line(&days[0].ledgers[0].sides[0]),
        "Sudmark — own: killed 7 → 9 (revised 08:00 by Sudmark MoD)"
    );
}

#[test]
fn a_report_of_none_is_not_a_denial() {
    let mut m = mention(
        "casualty",
        "Norland MoD",
        Some("Norland"),
        "2026-11-24T11:45:00Z",
        "No civilians were hurt, the ministry said.",
    );
    let mut c = sided("wounded", None, "Norland", None, "civilian");
    c.negated = true;
    m.claims = vec![c];
    let days = build(&[m], &border());
    assert_eq!(
        side_line(&days[0].ledgers[0].sides[0]),
        "Norland — civilians: no civilian injuries reported"
    );
}
