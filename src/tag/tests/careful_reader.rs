//! Calls a careful reader makes that the rules missed: a cue in quotation marks, "losses in
//! lives", an officer named by rank as a party, an appositive name after a singular subject,
//! "many others", counts of things, labour "ceasefires", the weapons of a war long over, and
//! fighting or a truce named as absent. Sentences written for these tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::MentionKind;
use crate::tag::test_util::{claimants, keys, kinds};

#[test]
fn a_cue_in_quotation_marks_still_governs_its_count() {
    assert_eq!(
        keys("Burkina Faso's army said it had \"neutralised\" about 80 jihadists near Djibo."),
        vec![(Killed, Some(80))]
    );
    assert_eq!(
        keys("The brigade said it had 'eliminated' 14 militants in the raid on the camp."),
        vec![(Killed, Some(14))]
    );
    assert_eq!(
        keys("Штаб сообщил, что бойцы «ликвидировали» 40 боевиков у переправы."),
        vec![(Killed, Some(40))]
    );
}

#[test]
fn losses_in_lives_are_one_death_claim() {
    assert_eq!(
        keys(
            "The rebels said their shelling caused losses in lives and equipment among the enemy."
        ),
        vec![(Killed, None)]
    );
}

#[test]
fn an_officer_named_by_rank_speaks_for_an_armed_party() {
    assert_eq!(
        claimants(
            "Brig. Gen. Ramon Dizon, commander of the joint task force, said five members of the group were also killed."
        ),
        vec![Some("Brig. Gen. Ramon Dizon".to_string())]
    );
    // With no cause, no party, no killing and no rank, a bare toll stays no claim.
    assert!(keys("The spokesman said five members of the group also died.").is_empty());
}

#[test]
fn a_ceasefire_between_unions_is_figurative() {
    assert!(
        !kinds("The two unions declared a ceasefire in their long-running dispute over pay.")
            .contains(&MentionKind::Ceasefire)
    );
    assert!(
        !kinds("Rail workers agreed a truce in the pension row, suspending walkouts until May.")
            .contains(&MentionKind::Ceasefire)
    );
}

#[test]
fn the_weapons_of_a_war_long_over_make_no_claim() {
    assert!(
        keys("A mine planted during the 1990s war killed two farmers in a field near Osijek on Monday.")
            .is_empty()
    );
    assert!(
        keys("An unexploded Second World War bomb went off on a building site in Gdansk, injuring three workers.")
            .is_empty()
    );
}

#[test]
fn an_appositive_name_leaves_a_singular_subject_one() {
    assert_eq!(
        keys(
            "A soldier of the Azerbaijani army, Pvt. Elvin Aliyev, was killed by sniper fire near Lachin."
        ),
        vec![(Killed, Some(1))]
    );
    assert_eq!(
        keys("A nurse, 31-year-old Amina Yusuf, was wounded when the clinic was shelled."),
        vec![(Wounded, Some(1))]
    );
}

#[test]
fn many_others_is_one_vague_count() {
    assert_eq!(
        keys("The brigade repelled the assault, killing 17 attackers and wounding many others."),
        vec![(Killed, Some(17)), (Wounded, None)]
    );
}

#[test]
fn a_count_of_things_ends_at_the_next_predicate() {
    assert_eq!(
        keys(
            "The unit shot down two drones and inflicted heavy losses on the militias, the command said."
        ),
        vec![(KilledOrWounded, None)]
    );
}

#[test]
fn a_toll_since_a_day_and_month_is_a_toll_of_the_conflict() {
    assert_eq!(
        keys(
            "The monitor says that since 7 October at least 1,200 people have been killed in the district."
        ),
        vec![(Killed, Some(1200))]
    );
}

#[test]
fn fighting_named_as_absent_is_no_clash() {
    for text in [
        "The truce appeared to be holding in Hodeidah on Tuesday, with no reports of fighting.",
        "The night in Kidal passed without clashes, local officials said.",
    ] {
        assert!(!kinds(text).contains(&MentionKind::Clash), "{text}");
    }
    assert!(
        kinds("The night passed without clashes, but shelling resumed at dawn.")
            .contains(&MentionKind::Clash)
    );
}

#[test]
fn a_truce_of_which_there_is_no_sign_is_no_ceasefire() {
    for text in [
        "Fighting raged on around Goma with no sign of a truce.",
        "There is no prospect of a lasting ceasefire in Tigray, the envoy said.",
    ] {
        assert!(!kinds(text).contains(&MentionKind::Ceasefire), "{text}");
    }
}

#[test]
fn the_official_answer_to_fire_is_a_clash() {
    for text in [
        "The army responded befittingly, silencing the hostile posts across the line.",
        "Units of the 3rd Corps subjected the positions of the enemy brigade in the northern direction to fire from small arms.",
    ] {
        assert!(kinds(text).contains(&MentionKind::Clash), "{text}");
    }
    assert!(
        !kinds("The minister responded befittingly to the reporters' questions.")
            .contains(&MentionKind::Clash)
    );
}

#[test]
fn a_clause_that_counts_people_is_no_speaker() {
    assert_eq!(
        claimants(
            "The raid killed 14 villagers, including three children, said the spokesman for the district council, Musa Ibrahim."
        ),
        vec![
            Some("the spokesman for the district council, Musa Ibrahim".to_string()),
            Some("the spokesman for the district council, Musa Ibrahim".to_string())
        ]
    );
}

#[test]
fn the_group_a_part_is_taken_from_makes_no_claim() {
    assert_eq!(
        keys("The group said an airstrike on the compound had killed three of the hostages."),
        vec![(Killed, Some(3))]
    );
    assert_eq!(
        keys("The rebels said the shelling killed two of the captives held at the camp."),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn a_fighter_of_a_war_long_over_is_no_clash() {
    assert!(
        !kinds("The former rebel commander, who fought in the 1990s civil war, died of a heart attack at 64.")
            .contains(&MentionKind::Clash)
    );
}

#[test]
fn official_idioms_of_death_are_killed() {
    assert_eq!(
        keys(
            "During the exchange of fire, two soldiers embraced shahadat, the military's media wing said."
        ),
        vec![(Killed, Some(2))]
    );
    assert_eq!(
        keys(
            "Three policemen laid down their lives repulsing the attack on the post, the IGP said."
        ),
        vec![(Killed, Some(3))]
    );
}

#[test]
fn the_channel_a_speaker_uses_is_no_part_of_its_name() {
    assert_eq!(
        claimants(
            "The ISPR in a statement said four militants were killed in the exchange of fire."
        ),
        vec![Some("The ISPR".to_string())]
    );
    assert_eq!(
        claimants("Минобороны в заявлении сообщило, что в ходе боев погибли 12 военных."),
        vec![Some("Минобороны".to_string())]
    );
    // A place stays part of the speaker.
    assert_eq!(
        claimants("Officials in Zamfara state said bandits had killed 12 villagers in an attack."),
        vec![Some("Officials in Zamfara state".to_string())]
    );
}

#[test]
fn the_number_of_people_killed_governs_the_count_it_rose_to() {
    assert_eq!(
        keys(
            "The number of soldiers killed in the ambush near Gao rose to nine overnight, the army said."
        ),
        vec![(Killed, Some(9))]
    );
}

#[test]
fn a_name_with_a_dotted_title_before_its_appositive_speaks() {
    assert_eq!(
        claimants(
            "Police Col. Rommel Ochave, Bukidnon police chief, said the rebels killed two soldiers in the ambush."
        ),
        vec![Some("Police Col. Rommel Ochave".to_string())]
    );
}
