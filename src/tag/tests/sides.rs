//! Whose claim about whose people (`sides::resolve`), in English, Russian and Ukrainian, on
//! sentences written for these tests about fictional and real conflicts.

use crate::tag::sides::{Conflict, Parties, Party, resolve_mentions};
use crate::tag::{AffectedKind, MentionDetail, TagContext, tag};

fn party(name: &str, names: &[&str]) -> Party {
    Party {
        name: name.into(),
        names: names.iter().map(|s| s.to_string()).collect(),
    }
}

/// Norland and Sudmark face each other; Ostravia mediates.
fn border() -> Parties {
    Parties::new(
        vec![
            party(
                "Norland",
                &[
                    "Norlandian",
                    "Нордланди",
                    "нордландск",
                    "Нордланді",
                    "нордландськ",
                ],
            ),
            party(
                "Sudmark",
                &["Sudmarkian", "Судмарк", "судмаркск", "судмарськ"],
            ),
            party("Ostravia", &["Ostravian"]),
        ],
        vec![Conflict {
            name: "Norland–Sudmark border".into(),
            parties: vec!["Norland".into(), "Sudmark".into()],
        }],
    )
}

/// A claim as resolved: (category, count, claimant_party, affected_party, affected_kind).
type Resolved = (
    String,
    Option<u64>,
    Option<String>,
    Option<String>,
    Option<AffectedKind>,
);

/// The `Resolved` form of every claim, as a
/// source with `own` as its voice and `source_party` as its label would store them.
fn sides(text: &str, own: Option<&str>, source_party: Option<&str>) -> Vec<Resolved> {
    let ctx = TagContext {
        own_voice: own,
        ..TagContext::default()
    };
    let mut found = tag(text, &ctx);
    resolve_mentions(text, &mut found, source_party, &border());
    found
        .into_iter()
        .filter_map(|m| match m.detail {
            MentionDetail::Casualty { claims } => Some(claims),
            _ => None,
        })
        .flatten()
        .map(|c| {
            (
                c.category.as_str().to_owned(),
                c.count,
                c.claimant_party,
                c.affected_party,
                c.affected_kind,
            )
        })
        .collect()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_owned())
}

const MIL: Option<AffectedKind> = Some(AffectedKind::Military);
const CIV: Option<AffectedKind> = Some(AffectedKind::Civilian);

#[test]
fn own_losses_and_the_breakdown_that_follows_them() {
    let got = sides(
        "The Ministry of Defence of Norland says that one Norland soldier has been confirmed \
         killed, with 12 more taken captive and 24 currently missing.",
        Some("Norland (Norland MoD)"),
        Some("Norland"),
    );
    assert_eq!(
        got,
        vec![
            ("killed".into(), Some(1), s("Norland"), s("Norland"), MIL),
            ("captured".into(), Some(12), s("Norland"), s("Norland"), MIL),
            ("missing".into(), Some(24), s("Norland"), s("Norland"), MIL),
        ]
    );
}

#[test]
fn losses_claimed_on_the_other_side_by_name_or_as_the_enemy() {
    let got = sides(
        "According to preliminary data, 70 Sudmark soldiers were killed or wounded.",
        Some("Norland (Norland MoD)"),
        Some("Norland"),
    );
    assert_eq!(got[0].2, s("Norland"));
    assert_eq!((got[0].3.clone(), got[0].4), (s("Sudmark"), MIL));
    let got = sides(
        "Our units destroyed an enemy platoon; up to 30 enemy fighters were killed, the General Staff said.",
        Some("Sudmark (Sudmark MoD)"),
        Some("Sudmark"),
    );
    assert_eq!(
        (got[0].2.clone(), got[0].3.clone(), got[0].4),
        (s("Sudmark"), s("Norland"), MIL)
    );
}

#[test]
fn unmarked_servicemen_are_the_speaker_s_own() {
    let got = sides(
        "The Ministry of Defence of Sudmark confirms that seven servicemen were killed in the \
         clashes on the border, with a further ten wounded.",
        Some("Sudmark (Sudmark MoD)"),
        Some("Sudmark"),
    );
    assert_eq!(
        got,
        vec![
            ("killed".into(), Some(7), s("Sudmark"), s("Sudmark"), MIL),
            ("wounded".into(), Some(10), s("Sudmark"), s("Sudmark"), MIL),
        ]
    );
}

#[test]
fn a_relayed_claimant_speaks_for_its_party_not_the_outlet() {
    let got = sides(
        "Norland's defence ministry said at least 15 civilians were wounded in shelling of \
         border villages, a figure Sudmark rejected.",
        Some("Continental Wire"),
        None,
    );
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0].2.clone(), got[0].3.clone(), got[0].4),
        (s("Norland"), None, CIV)
    );
    let got = sides(
        "Sudmarkian officials said four soldiers were killed when their convoy was ambushed.",
        Some("Continental Wire"),
        None,
    );
    assert_eq!(
        (got[0].2.clone(), got[0].3.clone()),
        (s("Sudmark"), s("Sudmark"))
    );
    // A claimant that names no party is no party's, whatever the source.
    let got = sides(
        "The United Nations said 12 civilians were killed in the shelling of Kerel.",
        Some("Norland (Norland MoD)"),
        Some("Norland"),
    );
    assert_eq!((got[0].2.clone(), got[0].4), (None, CIV));
}

#[test]
fn civilians_take_a_party_only_from_their_place() {
    let got = sides(
        "The ministry said three civilians in border villages of Norland were wounded by \
         artillery fire.",
        Some("Norland (Norland MoD)"),
        Some("Norland"),
    );
    assert_eq!((got[0].3.clone(), got[0].4), (s("Norland"), CIV));
    let got = sides(
        "Two Sudmarkian civilians were killed in the strike, the ministry said.",
        None,
        Some("Sudmark"),
    );
    assert_eq!(
        (got[0].2.clone(), got[0].3.clone(), got[0].4),
        (s("Sudmark"), s("Sudmark"), CIV)
    );
}

#[test]
fn denials_read_their_sentence_when_they_name_no_one() {
    let got = sides(
        "The Ministry of Defence of Sudmark denies any losses among civilians in the border villages.",
        Some("Sudmark (Sudmark MoD)"),
        Some("Sudmark"),
    );
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].2.clone(), got[0].4), (s("Sudmark"), CIV));
    let got = sides(
        "Sudmark forces shelled the outskirts of Berat village. No civilians were hurt, the ministry said.",
        Some("Norland (Norland MoD)"),
        Some("Norland"),
    );
    assert_eq!(
        (got[0].2.clone(), got[0].3.clone(), got[0].4),
        (s("Norland"), None, CIV)
    );
}

#[test]
fn russian_own_and_enemy_losses() {
    let got = sides(
        "По уточнённым данным Министерства обороны Судмарка, в ходе боёв погибли девять \
         военнослужащих, ещё двенадцать получили ранения.",
        Some("Sudmark (Sudmark MoD (ru))"),
        Some("Sudmark"),
    );
    assert_eq!(
        got,
        vec![
            ("killed".into(), Some(9), s("Sudmark"), s("Sudmark"), MIL),
            ("wounded".into(), Some(12), s("Sudmark"), s("Sudmark"), MIL),
        ]
    );
    let got = sides(
        "Противник потерял убитыми до 40 военнослужащих, сообщили в Минобороны Судмарка.",
        None,
        None,
    );
    assert_eq!(
        (got[0].2.clone(), got[0].3.clone(), got[0].4),
        (s("Sudmark"), s("Norland"), MIL)
    );
    let got = sides(
        "Нордландская сторона заявила, что погибли трое мирных жителей.",
        None,
        None,
    );
    assert_eq!((got[0].2.clone(), got[0].4), (s("Norland"), CIV));
}

#[test]
fn ukrainian_own_and_enemy_losses() {
    let got = sides(
        "Ворог втратив 25 окупантів убитими, повідомили в Міноборони Нордландії.",
        None,
        None,
    );
    assert_eq!(
        (got[0].2.clone(), got[0].3.clone(), got[0].4),
        (s("Norland"), s("Sudmark"), MIL)
    );
    let got = sides(
        "Загинули двоє наших військовослужбовців, ще п'ятеро поранені.",
        Some("Norland (Norland MoD (uk))"),
        Some("Norland"),
    );
    assert!(!got.is_empty());
    assert!(
        got.iter().all(|c| c.3 == s("Norland") && c.4 == MIL),
        "{got:?}"
    );
}

#[test]
fn without_parties_the_source_label_still_names_the_speaker() {
    let parties = Parties::default().with_labels(["Armenia"]);
    let text = "Two servicemen were wounded, the ministry said.";
    let ctx = TagContext {
        own_voice: Some("Armenia (Armenia MoD)"),
        ..TagContext::default()
    };
    let mut found = tag(text, &ctx);
    resolve_mentions(text, &mut found, Some("Armenia"), &parties);
    let claim = found.iter().find_map(|m| match &m.detail {
        MentionDetail::Casualty { claims } => claims.first().cloned(),
        _ => None,
    });
    let claim = claim.unwrap_or_else(|| panic!("no claim in {text:?}"));
    assert_eq!(claim.claimant_party.as_deref(), Some("Armenia"));
    assert_eq!(claim.affected_party.as_deref(), Some("Armenia"));
    assert_eq!(parties.named_in("the Armenian side"), Some("Armenia"));
    assert_eq!(parties.named_in("no one here"), None);
}

#[test]
fn short_names_match_whole_words_only() {
    let p = Parties::new(
        vec![party("United States", &["US", "American"])],
        Vec::new(),
    );
    assert_eq!(p.named_in("US troops"), Some("United States"));
    assert_eq!(p.named_in("used troops"), None);
    assert_eq!(p.named_in("Americans"), Some("United States"));
}

#[test]
fn a_configured_party_named_in_the_text_gives_a_bare_toll_its_context() {
    let text = "According to the health ministry in Sudmark, the death toll has risen to 4,400 since March.";
    let parties = border();
    let count = |ctx: &TagContext| -> usize {
        tag(text, ctx)
            .iter()
            .filter(|m| matches!(m.detail, crate::tag::MentionDetail::Casualty { .. }))
            .count()
    };
    assert_eq!(
        count(&TagContext::default()),
        0,
        "no cause, no party: no claim"
    );
    assert_eq!(
        count(&TagContext {
            parties: Some(&parties),
            ..TagContext::default()
        }),
        1,
        "Sudmark is a configured party"
    );
}
