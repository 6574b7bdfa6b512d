//! The worked examples and decisions of TAGS.md, plus passages of our own.

use crate::tag::test_util::{claimants, claims, keys, kinds, statuses};
use crate::tag::{
    CasualtyCategory::*, CeasefireStatus, MentionDetail, MentionKind::*, TagContext, tag,
};

#[test]
fn seed_armenia_three_claims() {
    let t = "Armenia says that one Armenian soldier has been confirmed to have been killed during the clashes, with 12 more taken captive and 24 currently missing.";
    assert_eq!(kinds(t), vec![Clash, Casualty]);
    assert_eq!(
        keys(t),
        vec![(Killed, Some(1)), (Captured, Some(12)), (Missing, Some(24))]
    );
    assert!(claimants(t).iter().all(|c| c.as_deref() == Some("Armenia")));
}

#[test]
fn seed_azerbaijan_ministry() {
    let t = "The Azerbaijani Ministry of Defense has confirmed that seven servicemen were killed in the clashes, with a further ten wounded.";
    assert_eq!(kinds(t), vec![Clash, Casualty]);
    assert_eq!(keys(t), vec![(Killed, Some(7)), (Wounded, Some(10))]);
    assert_eq!(
        claimants(t)[0].as_deref(),
        Some("The Azerbaijani Ministry of Defense")
    );
}

#[test]
fn seed_yerevan_btrs_are_no_casualty() {
    let t = "Yerevan also claims to have inflicted significant losses on Azerbaijani forces, with the latest statements claiming 70 Azeri soldiers killed or wounded and the destruction of four BTRs";
    assert_eq!(keys(t), vec![(KilledOrWounded, Some(70))]);
    assert_eq!(claimants(t)[0].as_deref(), Some("Yerevan"));
}

#[test]
fn seed_fire_stopped_with_mediator() {
    let t = "According to the agreement reached through the mediation of the Russian side, the fire in the eastern border zone of Armenia has been stopped since 6:30pm";
    let ms = tag(t, &TagContext::default());
    assert_eq!(kinds(t), vec![Ceasefire]);
    let med = ms.iter().find_map(|m| match &m.detail {
        MentionDetail::Ceasefire {
            status, mediator, ..
        } => Some((*status, mediator.clone())),
        _ => None,
    });
    assert_eq!(
        med,
        Some((
            CeasefireStatus::Agreed,
            Some("the Russian side".to_string())
        ))
    );
}

#[test]
fn killing_without_fighting_word_is_casualty_only() {
    assert_eq!(
        kinds("Gunmen killed five villagers in the north on Tuesday."),
        vec![Casualty]
    );
    assert_eq!(
        kinds("Two soldiers were killed near the checkpoint."),
        vec![Casualty]
    );
}

#[test]
fn war_and_conflict_alone_are_no_clash() {
    assert!(
        kinds("The 44-day war reshaped the region and the conflict is far from settled.")
            .is_empty()
    );
    assert_eq!(
        kinds("Intense fighting near the border continued overnight."),
        vec![Clash]
    );
}

#[test]
fn stop_the_fighting_is_ceasefire_and_clash() {
    assert_eq!(
        kinds("Both armies agreed to stop the fighting along the river."),
        vec![Ceasefire, Clash]
    );
    assert_eq!(
        kinds("The rebels said clashes ceased at dawn."),
        vec![Ceasefire, Clash]
    );
    assert_eq!(
        kinds("The envoy urged both parties to cease hostilities."),
        vec![Ceasefire]
    );
    assert_eq!(
        kinds("A pause in hostilities let aid convoys through."),
        vec![Ceasefire]
    );
}

#[test]
fn opened_fire_is_clash_gunfire_alone_is_not() {
    assert_eq!(
        kinds(
            "Border guards opened fire on the patrol, the ministry said, which the other side denied."
        ),
        vec![Clash]
    );
    assert_eq!(
        kinds("A farmer was killed by gunfire on Sunday."),
        vec![Casualty]
    );
}

#[test]
fn dozen_and_half_dozen_are_approx() {
    assert_eq!(
        claims("A dozen militiamen were killed in the ambush.")[0].1,
        Some(12)
    );
    assert!(claims("A dozen militiamen were killed in the ambush.")[0].2);
    let c = claims("Half a dozen guards were wounded in the raid.");
    assert_eq!((c[0].0, c[0].1, c[0].2), (Wounded, Some(6), true));
}

#[test]
fn range_takes_lower_bound() {
    let c = claims("Between 10 to 15 fighters were killed in the shelling, local sources said.");
    assert_eq!((c[0].1, c[0].2), (Some(10), true));
}

#[test]
fn wounded_or_captured_without_number_is_two_claims() {
    let k =
        keys("Several police officers were wounded or captured during the assault on the post.");
    assert!(
        k.contains(&(Wounded, None)) && k.contains(&(Captured, None)),
        "{k:?}"
    );
}

#[test]
fn breakdown_numbers_are_each_a_claim() {
    let k = keys("The strike killed 30 people, including 12 children, the health office said.");
    assert_eq!(k, vec![(Killed, Some(30)), (Killed, Some(12))]);
    let k = keys("Officials said 9 people died in the raid, including a child.");
    assert_eq!(k, vec![(Killed, Some(9))]);
}

#[test]
fn each_reporting_repeats_the_claim() {
    let k = keys(
        "The governor said the towns of Alpha, Beta and Gamma each reported one civilian dead.",
    );
    assert_eq!(k, vec![(Killed, Some(1)); 3]);
}

#[test]
fn superseded_toll_keeps_both() {
    let k = keys("The death toll from the mortar attack rose from 12 to 15, the mayor said.");
    assert!(
        k.contains(&(Killed, Some(12))) && k.contains(&(Killed, Some(15))),
        "{k:?}"
    );
}

#[test]
fn surrender_hostage_neutralised() {
    assert_eq!(
        keys("Eleven fighters surrendered to government troops."),
        vec![(Captured, Some(11))]
    );
    assert_eq!(
        keys("The militants are still holding 40 hostages."),
        vec![(Captured, Some(40))]
    );
    assert_eq!(
        keys("Troops neutralised three gunmen near the airport."),
        vec![(Killed, Some(3))]
    );
}

#[test]
fn accidents_disasters_disease_are_no_claims() {
    assert!(
        claims("Two soldiers died when a fire broke out in the barracks fire on Monday.")
            .is_empty()
    );
    assert!(claims("Four conscripts were killed in a training crash in the desert.").is_empty());
    assert!(claims("The earthquake killed 300 people in the valley.").is_empty());
    assert!(claims("Cholera has killed 40 people in the camps.").is_empty());
}

#[test]
fn bare_casualties_is_killed_or_wounded_null() {
    let c = claims("The shelling of the market caused civilian casualties.");
    assert_eq!((c[0].0, c[0].1, c[0].2), (KilledOrWounded, None, true));
}

#[test]
fn vague_counts_are_null_approx() {
    for t in [
        "Dozens of soldiers were killed in the offensive.",
        "Scores of villagers were wounded by gunmen, witnesses said.",
        "Several fighters were captured near the dam.",
    ] {
        let c = claims(t);
        assert_eq!((c[0].1, c[0].2), (None, true), "{t}");
    }
}

#[test]
fn statuses_of_one_passage_each_mention() {
    let s = statuses(
        "The truce was agreed on the 10th. Two days later the ceasefire was broken by artillery fire.",
    );
    assert_eq!(s, vec![CeasefireStatus::Agreed, CeasefireStatus::Violated]);
}

#[test]
fn people_named_one_by_one() {
    assert_eq!(
        keys("Lt. Ahmed Saleh and Pvt. Omar Nasser were killed in the ambush."),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn roadside_bomb_is_casualty_only() {
    assert_eq!(
        kinds("Two soldiers were hurt when their truck hit a roadside bomb."),
        vec![Casualty]
    );
}

#[test]
fn old_war_background_is_no_claim() {
    assert!(
        claims("Around 500,000 people died in the 1994 genocide, which ended three decades ago.")
            .is_empty()
    );
    assert_eq!(
        keys("The war has killed more than 10,000 people since it began in 2022, the UN said."),
        vec![(Killed, Some(10000))]
    );
}

#[test]
fn one_sided_announcement_is_agreed() {
    assert_eq!(
        statuses("The rebels announced a unilateral truce for the holidays."),
        vec![CeasefireStatus::Agreed]
    );
}
