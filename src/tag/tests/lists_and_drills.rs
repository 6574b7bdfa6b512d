//! Lists of counted people, breakdowns after a dash, a singular subject described between
//! commas, a weekday after a speaker, and the casualties of drills and of battles long over.
//! Sentences written for these tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::test_util::{claimants, keys};

#[test]
fn a_one_inside_a_list_counts_once() {
    assert_eq!(
        keys(
            "Three policemen, one soldier and two civilians were kidnapped by the ELN near Arauca."
        ),
        vec![
            (Captured, Some(3)),
            (Captured, Some(1)),
            (Captured, Some(2))
        ]
    );
    assert_eq!(
        keys("Four peacekeepers and one interpreter were wounded when the patrol was ambushed."),
        vec![(Wounded, Some(4)), (Wounded, Some(1))]
    );
    // A singular phrase with no number of its own still counts one.
    assert_eq!(
        keys("Gunmen killed five soldiers and a civilian in the raid on the checkpoint."),
        vec![(Killed, Some(5)), (Killed, Some(1))]
    );
}

#[test]
fn every_item_of_a_list_after_the_verb_takes_its_cue() {
    assert_eq!(
        keys("Rebels kidnapped three policemen, one soldier and two civilians during the attack."),
        vec![
            (Captured, Some(3)),
            (Captured, Some(1)),
            (Captured, Some(2))
        ]
    );
    assert_eq!(
        keys(
            "The drone strike killed four fighters, two commanders and three guards, the army said."
        ),
        vec![(Killed, Some(4)), (Killed, Some(2)), (Killed, Some(3))]
    );
    // A count after a comma that heads a clause of its own is no item.
    assert_eq!(
        keys("The militants killed three soldiers, 20 were wounded in the fighting."),
        vec![(Killed, Some(3)), (Wounded, Some(20))]
    );
}

#[test]
fn a_dash_after_a_count_opens_its_breakdown() {
    assert_eq!(
        keys(
            "The ministry said the attack also wounded six members of the security forces - three soldiers and three intelligence agents."
        ),
        vec![(Wounded, Some(6)), (Wounded, Some(3)), (Wounded, Some(3))]
    );
    assert_eq!(
        keys(
            "Shelling killed nine civilians – four women and five children – in the market, officials said."
        ),
        vec![(Killed, Some(9)), (Killed, Some(4)), (Killed, Some(5))]
    );
}

#[test]
fn a_singular_subject_described_between_commas_counts_one() {
    assert_eq!(
        keys(
            "The ministry said the commander, a member of the group's military council, was killed in an airstrike in Balkh."
        ),
        vec![(Killed, Some(1))]
    );
}

#[test]
fn a_weekday_after_a_speaker_is_no_part_of_it() {
    assert_eq!(
        claimants(
            "The Afghan defence ministry Wednesday said the car bomb attack killed 42 people."
        ),
        vec![Some("The Afghan defence ministry".to_string())]
    );
}

#[test]
fn casualties_of_a_drill_are_no_claim() {
    assert!(
        keys(
            "Fifteen Marines were injured when an amphibious assault vehicle caught fire during a combat readiness evaluation."
        )
        .is_empty()
    );
    assert!(
        keys("Two paratroopers were killed during a live-fire exercise at the artillery range.")
            .is_empty()
    );
    assert!(
        keys("Во время учений погибли двое военнослужащих, сообщили в штабе округа.").is_empty()
    );
    // A real attack on troops at a training camp is a claim.
    assert_eq!(
        keys("Militants attacked an army training camp in the north, killing 12 soldiers."),
        vec![(Killed, Some(12))]
    );
}

#[test]
fn a_named_battle_of_a_war_long_over_is_history() {
    assert!(keys("There were 60,000 dead or wounded on the first day of the Somme.").is_empty());
    assert!(
        keys("More than 7,000 soldiers were killed at the Battle of Gettysburg, the museum says.")
            .is_empty()
    );
}

#[test]
fn a_noun_cue_after_a_count_names_the_people_counted() {
    use crate::tag::test_util::claims;
    let found = claims("The bodies of seven hostages were recovered from a tunnel, the army said.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (Killed, Some(7)));
    // A count with no cue before it keeps the noun's own category.
    assert_eq!(
        keys("Troops freed 30 hostages in the raid on the rebel camp."),
        vec![(Captured, Some(30))]
    );
}

#[test]
fn a_denied_figure_of_captives_is_negated() {
    use crate::tag::test_util::claims;
    let found =
        claims("The army denied rebel claims that 40 soldiers were captured in the ambush.");
    assert_eq!(
        found,
        vec![(
            Captured,
            Some(40),
            false,
            Some("The army".to_string()),
            true
        )]
    );
    // A town denied captured is no casualty at all.
    assert!(claims("The army denied that the town was captured by the rebels.").is_empty());
}

#[test]
fn an_attack_told_by_its_target_or_its_bomber_is_a_clash() {
    use crate::tag::MentionKind::Clash;
    use crate::tag::test_util::kinds;
    assert!(
        kinds("Their convoy came under fire near Kalemie; two drivers were killed.")
            .contains(&Clash)
    );
    assert!(
        kinds("A suicide bomber blew himself up at a checkpoint in Mogadishu, killing six.")
            .contains(&Clash)
    );
    // Figurative fire and a bomber only named are no clash.
    assert!(!kinds("The minister came under fire from opposition lawmakers.").contains(&Clash));
    assert!(
        !kinds("Hundreds of fighters, among them would-be suicide bombers, have surrendered.")
            .contains(&Clash)
    );
}

#[test]
fn an_issuer_saddened_by_deaths_names_itself() {
    assert_eq!(
        claimants(
            "The ICRC is deeply saddened by the death of two of its staff members, who were killed when their vehicle came under fire."
        ),
        vec![Some("The ICRC".to_string())]
    );
}

#[test]
fn armoured_vehicles_are_no_people() {
    assert_eq!(
        keys("Противник потерял до 90 человек убитыми и ранеными, а также танк и три бронемашины."),
        vec![(KilledOrWounded, Some(90))]
    );
    assert_eq!(
        keys("Ворог втратив 40 осіб убитими і пораненими та два БТР і три бронемашини."),
        vec![(KilledOrWounded, Some(40))]
    );
}

#[test]
fn gunfire_heard_after_a_truce_began_violates_it() {
    use crate::tag::CeasefireStatus;
    use crate::tag::test_util::statuses;
    assert_eq!(
        statuses(
            "A truce brokered by Qatar came into effect at 8am, but sporadic gunfire was heard in the old city soon after."
        ),
        vec![CeasefireStatus::Agreed, CeasefireStatus::Violated]
    );
}

#[test]
fn a_weekday_after_a_russian_or_ukrainian_speaker_is_no_part_of_it() {
    assert_eq!(
        claimants(
            "Пресс-секретарь Пентагона в понедельник заявил, что при атаке на базу ранены четверо американских военных."
        ),
        vec![Some("Пресс-секретарь Пентагона".to_string())]
    );
    assert_eq!(
        claimants(
            "Речник ОВА у вівторок повідомив, що внаслідок обстрілу поранено двох цивільних."
        ),
        vec![Some("Речник ОВА".to_string())]
    );
}

#[test]
fn a_shooting_ended_by_police_is_crime() {
    assert!(
        keys("Police said the gunman killed four people at a supermarket before being shot dead by officers.")
            .is_empty()
    );
    // Gunmen raiding villages are an armed group.
    assert_eq!(
        keys("Gunmen killed 32 villagers in Zamfara state before troops arrived, police said."),
        vec![(Killed, Some(32))]
    );
}

#[test]
fn a_war_dated_by_a_past_year_is_background() {
    assert!(
        keys(
            "The two sides fought a 50-day war in 2014 in which more than 2,100 people were killed."
        )
        .is_empty()
    );
    assert!(keys("More than 1,000 people were killed in the 2006 war between the two.").is_empty());
}
