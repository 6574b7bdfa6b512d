//! What a desk meets in wire copy and official statements: figurative and named truces,
//! figures dismissed as false, the ISPR's idioms, wars told as ended, accidents in barracks,
//! gang fights, offensives only planned. Sentences written for these tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::MentionKind::{Ceasefire, Clash};
use crate::tag::test_util::{claims, keys, kinds};

#[test]
fn figurative_and_named_truces_are_no_ceasefire() {
    for text in [
        "Union leaders and management reached a truce after a week-long strike at the shipyard.",
        "The two airlines declared a ceasefire in their fare war.",
        "The Ceasefire Cafe in Belfast reopened after renovation.",
        "Opposition leaders called for a truce in the row over the election date.",
    ] {
        assert!(!kinds(text).contains(&Ceasefire), "{text}");
    }
    assert!(kinds("The rebels and the army agreed a truce in the north.").contains(&Ceasefire));
}

#[test]
fn a_figure_dismissed_as_false_is_the_dismissers_negated_claim() {
    let army = Some("The army".to_string());
    assert_eq!(
        claims("The army dismissed as propaganda a rebel claim that 30 soldiers were captured."),
        vec![(Captured, Some(30), false, army.clone(), true)]
    );
    assert_eq!(
        claims(
            "The army rejected as false claims that 20 soldiers had been killed near the border."
        ),
        vec![(Killed, Some(20), false, army, true)]
    );
}

#[test]
fn the_ispr_idioms_of_death_are_killed() {
    assert_eq!(
        keys(
            "Eight terrorists were sent to hell by security forces in an operation, the ISPR said."
        ),
        vec![(Killed, Some(8))]
    );
    assert_eq!(
        keys(
            "Indian troops violated the ceasefire along the Line of Control, martyring two civilians and injuring five others, the ISPR said."
        ),
        vec![(Killed, Some(2)), (Wounded, Some(5))]
    );
}

#[test]
fn a_war_told_as_ended_is_background() {
    assert!(keys("Sri Lanka marked 15 years since the end of its civil war, in which up to 100,000 people were killed.").is_empty());
    assert!(keys("The 2020 war over Nagorno-Karabakh, which killed about 6,500 people, ended with a truce.").is_empty());
}

#[test]
fn an_accident_in_a_barracks_or_on_a_range_is_no_claim() {
    assert!(keys("A fire at an army barracks in Kinshasa killed three soldiers, a military spokesman said.").is_empty());
    assert!(
        kinds("Two soldiers died in a training accident at a firing range, the army said.")
            .is_empty()
    );
}

#[test]
fn a_shootout_between_gangs_is_crime() {
    assert!(
        kinds("Police said a shootout between rival gangs left two men dead and three wounded.")
            .is_empty()
    );
}

#[test]
fn an_offensive_only_planned_is_no_clash() {
    for text in [
        "Rebels could launch an offensive on Goma within days, a UN official warned.",
        "The army is preparing an offensive to retake Wad Madani.",
        "Hezbollah vowed to retaliate with drone strikes on Israeli cities.",
    ] {
        assert!(!kinds(text).contains(&Clash), "{text}");
    }
    assert!(kinds("The army launched an offensive to retake Wad Madani.").contains(&Clash));
}

#[test]
fn a_subset_stays_with_the_count_it_belongs_to() {
    assert_eq!(
        keys(
            "At least 35 people were killed, among them 12 children, and more than 60 injured in the strike."
        ),
        vec![(Killed, Some(35)), (Killed, Some(12)), (Wounded, Some(60))]
    );
    // Before a shared cue the subset joins it.
    assert_eq!(
        keys(
            "In the operation 44 insurgents including 3 commanders and 4 affiliates killed, 8 insurgents wounded, the ministry said."
        ),
        vec![
            (Killed, Some(44)),
            (Killed, Some(3)),
            (Killed, Some(4)),
            (Wounded, Some(8))
        ]
    );
}

#[test]
fn hostages_killed_are_killed() {
    assert_eq!(
        keys("Hamas said two hostages were killed in an Israeli air strike on Nuseirat."),
        vec![(Killed, Some(2))]
    );
    assert_eq!(
        keys("Five prisoners of war were killed when the camp was shelled, Ukraine said."),
        vec![(Killed, Some(5))]
    );
    assert_eq!(
        keys("Twelve hostages were released on Sunday under the truce deal."),
        vec![(Captured, Some(12))]
    );
}

#[test]
fn a_negation_ends_at_the_clause_break() {
    assert_eq!(
        claims("Загиблих немає, поранено двох людей внаслідок обстрілу.")
            .into_iter()
            .map(|c| (c.0, c.1, c.4))
            .collect::<Vec<_>>(),
        vec![(Killed, None, true), (Wounded, Some(2), false)]
    );
    assert_eq!(
        keys("При атаке БПЛА никто не погиб, ранена одна женщина."),
        vec![(Wounded, Some(1))]
    );
}

#[test]
fn a_phrase_of_time_or_manner_after_the_speaker_is_no_part_of_it() {
    use crate::tag::test_util::claimants;
    for (text, speaker) in [
        (
            "China for the first time acknowledged that four of its soldiers died in the clash.",
            "China",
        ),
        (
            "Azerbaijan in turn said two of its servicemen were wounded in the shelling.",
            "Azerbaijan",
        ),
        (
            "Sudan's army late on Sunday said 40 RSF fighters were killed in the battle.",
            "Sudan's army",
        ),
        (
            "The Ministry of Health in Gaza said 40 people were killed in the strikes.",
            "The Ministry of Health in Gaza",
        ),
        (
            "A spokesman for the army said 12 militants were killed in the clashes.",
            "A spokesman for the army",
        ),
    ] {
        assert_eq!(
            claimants(text).first().cloned().flatten().as_deref(),
            Some(speaker),
            "{text}"
        );
    }
}

#[test]
fn a_speaker_set_off_by_commas_keeps_the_count_with_its_cue() {
    assert_eq!(
        keys(
            "Six peacekeepers, the UN mission in the Central African Republic said, were wounded when their convoy was ambushed."
        ),
        vec![(Wounded, Some(6))]
    );
}

#[test]
fn people_taken_prisoner_or_exchanged_are_captured() {
    assert_eq!(
        keys(
            "M23 rebels took 12 Congolese soldiers captive during fighting near Sake, the group said."
        ),
        vec![(Captured, Some(12))]
    );
    assert_eq!(
        keys("Israel freed 90 Palestinian detainees in exchange for three Israeli hostages."),
        vec![(Captured, Some(90)), (Captured, Some(3))]
    );
}

#[test]
fn fighting_hours_after_a_truce_began_violates_it() {
    use crate::tag::CeasefireStatus::Violated;
    use crate::tag::test_util::statuses;
    assert_eq!(
        statuses(
            "Heavy shelling resumed in Khartoum on Sunday, a day after the 72-hour truce began, residents said."
        ),
        vec![crate::tag::CeasefireStatus::Agreed, Violated]
    );
    assert_eq!(
        statuses(
            "Residents reported air strikes and artillery fire hours after the truce was due to take effect."
        ),
        vec![crate::tag::CeasefireStatus::Agreed, Violated]
    );
}
