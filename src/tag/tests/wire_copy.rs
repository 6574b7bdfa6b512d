//! Wire-copy phrasings of many conflicts: state media as speakers, "lost their lives",
//! singular phrases joined to counts on either side, a generic noun heading a counted
//! phrase, and a speaker after a semicolon. Sentences written for these tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::test_util::{claimants, keys};

#[test]
fn state_media_that_said_is_a_speaker() {
    assert_eq!(
        claimants(
            "Syrian state media said two soldiers were killed when militants shelled a post near Hama."
        ),
        vec![Some("Syrian state media".to_string())]
    );
    assert_eq!(
        claimants(
            "Local media reported that three policemen were wounded in the ambush near Bannu."
        ),
        vec![Some("Local media".to_string())]
    );
}

#[test]
fn media_reports_stay_a_noun() {
    assert_eq!(
        claimants("Media reports said four fighters were killed in the clashes near Kidal."),
        vec![Some("Media reports".to_string())]
    );
}

#[test]
fn lost_their_lives_is_killed() {
    assert_eq!(
        keys("Two soldiers lost their lives in the exchange of fire in Kurram, the military said."),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn a_singular_phrase_before_a_count_counts_one() {
    assert_eq!(
        keys(
            "Medics said a woman and her three daughters were killed when a shell hit their home in Deir ez-Zor."
        ),
        vec![(Killed, Some(3)), (Killed, Some(1))]
    );
    // A singular phrase with its own verb is a clause of its own.
    assert_eq!(
        keys(
            "One soldier died and two were wounded in the blast at the checkpoint, the army said."
        ),
        vec![(Killed, Some(1)), (Wounded, Some(2))]
    );
}

#[test]
fn a_count_after_a_singular_object_shares_its_cue() {
    assert_eq!(
        keys("Gunmen killed a nurse and three patients at the clinic in Borno, the army said."),
        vec![(Killed, Some(1)), (Killed, Some(3))]
    );
}

#[test]
fn a_generic_noun_heading_a_counted_phrase_makes_no_claim() {
    assert_eq!(
        keys(
            "Colonel Musa Ibrahim, an army spokesman, said 25 bandits were neutralised and 10 kidnapped victims rescued."
        ),
        vec![(Killed, Some(25)), (Captured, Some(10))]
    );
}

#[test]
fn a_claim_after_a_semicolon_takes_its_own_speaker() {
    assert_eq!(
        claimants(
            "The air force said it shot down 38 of 45 drones overnight; two people were wounded in Sumy, the regional governor said."
        ),
        vec![Some("the regional governor".to_string())]
    );
}

#[test]
fn a_title_abbreviation_after_said_stays_in_the_name() {
    assert_eq!(
        claimants(
            "Six rebels were killed in an encounter with troops in Bukidnon, said Lt. Col. Ramon Cruz, the battalion commander."
        ),
        vec![Some("Lt. Col. Ramon Cruz".to_string())]
    );
}

#[test]
fn aid_workers_and_paramedics_are_speakers() {
    assert_eq!(
        claimants(
            "Nine people were killed when a drone struck a camp near Kutum, aid workers said."
        ),
        vec![Some("aid workers".to_string())]
    );
}

#[test]
fn fire_someone_aims_is_an_armed_cause() {
    assert_eq!(
        keys("The Red Crescent said four people were killed by sniper fire near the bakery."),
        vec![(Killed, Some(4))]
    );
    // A house fire is no attack.
    assert!(
        keys("Four people were killed by a fire that swept through the market, officials said.")
            .is_empty()
    );
}

#[test]
fn a_number_inside_a_counted_phrase_counts_no_people() {
    assert_eq!(
        keys(
            "An airstrike on a house in Maarat al-Numan killed 11 members of one family, including four children, rescuers said."
        ),
        vec![(Killed, Some(11)), (Killed, Some(4))]
    );
}

#[test]
fn an_object_and_his_kin_are_counted_one_by_one() {
    assert_eq!(
        keys("Villagers said the gunmen killed the village chief and his wife in Zamfara."),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn the_official_registers_own_verbs_name_the_issuer() {
    assert_eq!(
        claimants(
            "The General Staff of the Armed Forces informs that two servicemen were killed as a result of enemy shelling."
        ),
        vec![Some("The General Staff of the Armed Forces".to_string())]
    );
    assert_eq!(
        claimants(
            "The Ministry of National Defence informs with regret that Sergeant Ali Demir was martyred in an attack by PKK terrorists."
        ),
        vec![Some("The Ministry of National Defence".to_string())]
    );
    assert_eq!(
        claimants(
            "The Ministry of Defence deeply regrets to announce that three soldiers were killed when militants ambushed their patrol."
        ),
        vec![Some("The Ministry of Defence".to_string())]
    );
}

#[test]
fn died_of_his_wounds_is_one_death_not_a_wound() {
    assert_eq!(
        keys(
            "A military statement said 14 insurgents were killed in the operation, adding that one soldier died of his wounds."
        ),
        vec![(Killed, Some(14)), (Killed, Some(1))]
    );
    assert_eq!(
        keys("After the ambush near Gao one soldier succumbed to his injuries, the army said."),
        vec![(Killed, Some(1))]
    );
}
