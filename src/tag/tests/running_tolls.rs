//! Running tolls and field reports that went wrong on real text outside the labelled sets
//! (health-authority tolls in three languages, army statements on rebel encounters, drone
//! strikes on a commander). Sentences written for these tests, about other places.

use crate::tag::CasualtyCategory::*;
use crate::tag::test_util::{claimants, claims, keys};

#[test]
fn a_toll_governs_a_figure_past_a_dated_phrase() {
    assert_eq!(
        keys(
            "The death toll from the shelling of the northern districts since March 3 has now risen to 2,417, the regional health office said."
        ),
        vec![(Killed, Some(2417))]
    );
}

#[test]
fn the_number_of_wounded_governs_its_figure() {
    assert_eq!(
        keys(
            "The governor said the number of wounded civilians in the province had passed 1,300 since the siege began."
        ),
        vec![(Wounded, Some(1300))]
    );
}

#[test]
fn the_deaths_include_a_breakdown_of_numbers() {
    assert_eq!(
        keys(
            "The deaths include 412 children and 290 women, the health office said after the air raids."
        ),
        vec![(Killed, Some(412)), (Killed, Some(290))]
    );
}

#[test]
fn weapons_recovered_beside_the_dead_are_no_people() {
    assert_eq!(
        keys(
            "\"The patrol found two dead gunmen and two AK-47 rifles at the camp after the firefight,\" Major Ortiz said."
        ),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn a_named_person_set_off_by_an_appositive_is_one() {
    let c = claims(
        "On Friday a drone strike killed Ibrahim Wadi, a senior rebel commander, near the border.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!((c[0].0, c[0].1, c[0].2), (Killed, Some(1), false));
}

#[test]
fn a_people_named_by_nationality_is_no_person() {
    assert_eq!(
        keys("The air raid killed Sudanese, a local doctor said."),
        vec![(Killed, None)]
    );
}

#[test]
fn a_later_speaker_with_figures_of_his_own_covers_the_earlier_ones() {
    let c = claims(
        "Five people, including three soldiers, were killed in an encounter with rebels in the hills on Monday. Lieutenant Cruz said the clash also left two rebels dead.",
    );
    assert!(c.len() >= 3, "{c:?}");
    assert!(
        c.iter().all(|c| c.3.as_deref() == Some("Lieutenant Cruz")),
        "{c:?}"
    );
}

#[test]
fn an_abbreviated_thousand_keeps_its_cue_after_the_dot() {
    assert_eq!(
        keys("Свыше 12,4 тыс. мирных жителей убиты в ходе боевых действий в провинции."),
        vec![(Killed, Some(12_400))]
    );
}

#[test]
fn russian_hundreds_in_the_genitive_count() {
    assert_eq!(
        keys("Более трехсот мирных жителей погибли в результате обстрелов, сообщили власти."),
        vec![(Killed, Some(300))]
    );
    assert_eq!(
        keys("В результате ударов ранения получили около шестидесяти человек."),
        vec![(Wounded, Some(60))]
    );
}

#[test]
fn ukrainian_oblique_numbers_count() {
    assert_eq!(
        keys("Під час штурму бойовики вбили п'ятьох мирних жителів села."),
        vec![(Killed, Some(5))]
    );
    assert_eq!(
        keys("Під час атаки поранення отримали близько двохсот військових."),
        vec![(Wounded, Some(200))]
    );
}

#[test]
fn a_ministry_in_the_neuter_speaks_in_ukrainian() {
    assert_eq!(
        claimants(
            "Міністерство охорони здоров'я провінції заявило, що 312 людей загинули внаслідок бойових дій."
        ),
        vec![Some("Міністерство охорони здоров'я провінції".to_string())]
    );
}

#[test]
fn such_data_is_the_object_and_the_issuer_follows_the_verb() {
    let c = claims(
        "С начала наступления в провинции убиты более 900 мирных жителей. Такие данные опубликовало министерство здравоохранения региона.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(
        c[0].3.as_deref(),
        Some("министерство здравоохранения региона")
    );
}

#[test]
fn a_running_toll_since_a_day_of_a_month_is_a_war_toll() {
    assert_eq!(
        keys(
            "The provincial health director said more than 480 people have been killed and about 2,100 injured in the city since June 3."
        ),
        vec![(Killed, Some(480)), (Wounded, Some(2100))]
    );
}

#[test]
fn a_report_of_another_event_lends_no_cause_to_the_toll_before_it() {
    let text = "The governor said more than 480 people have been killed in the city since June 3. At the same time, 9 people have died in floods in the east of the country.";
    assert_eq!(keys(text), vec![(Killed, Some(480))]);
    assert_eq!(
        keys("Meanwhile, 9 people have died in floods in the east of the country."),
        vec![]
    );
}

#[test]
fn a_name_before_its_title_is_the_speaker() {
    assert_eq!(
        claimants(
            "Amina Keita, Director of the Regional Health Office, said 31 civilians were killed in the raid."
        ),
        vec![Some("Amina Keita".to_string())]
    );
    assert_eq!(
        claimants(
            "Amina Keita, Director of the Regional Health Office of Mopti Province recently said that 31 civilians were killed in the raid."
        ),
        vec![Some("Amina Keita".to_string())]
    );
    // A place or a time before the title is no name.
    assert_eq!(
        claimants(
            "In Mopti Town, Regional Governor Amadou Sy said 31 civilians were killed in the raid."
        ),
        vec![Some("Regional Governor Amadou Sy".to_string())]
    );
}

#[test]
fn an_absence_of_reports_of_casualties_is_no_claim() {
    assert_eq!(
        claims(
            "Rebels shelled the outpost overnight. There were no immediate reports of civilian casualties."
        ),
        vec![]
    );
}

#[test]
fn a_plural_possessive_stays_in_the_speaker() {
    assert_eq!(
        claimants(
            "A drone attack hit the market, killing at least 19 people, a medics' union said."
        ),
        vec![Some("a medics' union".to_string())]
    );
}

#[test]
fn the_adjective_after_a_message_noun_stays_with_its_speaker() {
    assert_eq!(
        claimants("Погибли шесть военнослужащих, говорится в заявлении нигерской армии."),
        vec![Some("нигерской армии".to_string())]
    );
    assert_eq!(
        claimants("Загинули шість військовослужбовців, йдеться в заяві нігерської армії."),
        vec![Some("нігерської армії".to_string())]
    );
}
