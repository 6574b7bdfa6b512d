//! A reporter's source and the official register's forms (issue #12, error kinds 2 and 4):
//! "has gathered from defence sources", "it was announced by"; "Про це заявив …" pointing
//! back at the claims before it; a place's adjectives kept in the body's name; hospital
//! arrivals, exchanges and captives taken in either word order; police arrests, an office's
//! remit and downed drones that are no claims; a truce limited to strikes. Sentences written
//! for these tests, about no passage of a labelled set.

use crate::tag::CasualtyCategory::*;
use crate::tag::MentionKind;
use crate::tag::test_util::{counts_by, keys, kinds, statuses};

#[test]
fn a_reporters_source_is_the_claimant() {
    assert_eq!(
        counts_by(
            "The Gazette has gathered from army sources that at least 30 soldiers were killed in the ambush."
        ),
        vec![(Some(30), Some("army sources".to_string()))]
    );
    assert_eq!(
        counts_by(
            "It was learned from a hospital source that six policemen were wounded in the attack."
        ),
        vec![(Some(6), Some("a hospital source".to_string()))]
    );
    assert_eq!(
        counts_by(
            "The radio station was told by military sources that 11 soldiers were killed in the shelling."
        ),
        vec![(Some(11), Some("military sources".to_string()))]
    );
    assert_eq!(
        counts_by(
            "Twenty rebels were neutralised in air strikes overnight, it was announced by the defence ministry."
        ),
        vec![(Some(20), Some("the defence ministry".to_string()))]
    );
}

#[test]
fn a_sentence_pointing_back_names_the_source_of_the_one_before() {
    assert_eq!(
        counts_by(
            "Україна підтвердила перебування в полоні понад 1200 військових. Про це заявив уповноважений з питань зниклих безвісти Олег Котенко."
        ),
        vec![(
            Some(1200),
            Some("уповноважений з питань зниклих безвісти Олег Котенко".to_string())
        )]
    );
    assert_eq!(
        counts_by("Згідно з Генштабом, за добу знищено до 300 окупантів."),
        vec![(Some(300), Some("Генштабом".to_string()))]
    );
}

#[test]
fn a_places_adjectives_stay_in_the_bodys_name() {
    assert_eq!(
        counts_by("Внаслідок обстрілу загинули двоє людей, повідомили в Запорізькій ОВА."),
        vec![(Some(2), Some("Запорізькій ОВА".to_string()))]
    );
    assert_eq!(
        counts_by(
            "В результате обстрела погибли три человека, сообщили в Белгородской областной администрации."
        ),
        vec![(
            Some(3),
            Some("Белгородской областной администрации".to_string())
        )]
    );
}

#[test]
fn slavic_casualty_forms_in_either_order() {
    assert_eq!(
        keys("Після ракетного удару до лікарень потрапили 14 людей."),
        vec![(Wounded, Some(14))]
    );
    assert_eq!(
        keys("После обстрела в больницы доставлены 9 человек."),
        vec![(Wounded, Some(9))]
    );
    assert_eq!(
        keys("Підрозділ знищив до 25 бойовиків під час штурму."),
        vec![(Killed, Some(25))]
    );
    assert_eq!(
        keys("Під час контратаки в полон взяли 7 російських військових."),
        vec![(Captured, Some(7))]
    );
    assert_eq!(
        keys("Внаслідок обстрілу загинули та отримали поранення 8 людей."),
        vec![(KilledOrWounded, Some(8))]
    );
    assert_eq!(
        keys("Після чергового обміну полоненими додому повернулися 150 українських захисників."),
        vec![(Captured, Some(150))]
    );
}

#[test]
fn arrests_remits_and_drones_are_no_claims() {
    assert!(keys("Поліція затримала трьох підозрюваних у підпалі авто військового.").is_empty());
    assert!(keys("Полиция задержала двух подозреваемых в поджоге.").is_empty());
    assert!(
        keys("Координаційний штаб з питань поводження з військовополоненими провів зустріч з родинами.")
            .is_empty()
    );
    assert!(keys("Сили ППО знешкодили 54 шахеди, повідомили в Повітряних силах.").is_empty());
    // Taking prisoners in battle still is.
    assert_eq!(
        keys("Під час бою захисники взяли в полон 4 окупантів."),
        vec![(Captured, Some(4))]
    );
}

#[test]
fn a_truce_limited_to_strikes_is_a_ceasefire() {
    let text = "Сторони домовилися про 30-денне припинення ударів по енергетичних об'єктах.";
    assert!(kinds(text).contains(&MentionKind::Ceasefire));
    assert!(!kinds(text).contains(&MentionKind::Clash));
    assert!(!statuses("Стороны договорились о прекращении ударов по энергетике.").is_empty());
    // A drone's hit is a strike.
    assert!(
        kinds("Дрон-камікадзе влучив у цивільний автомобіль у Херсоні.")
            .contains(&MentionKind::Clash)
    );
}

#[test]
fn a_place_that_opens_the_clause_is_no_part_of_the_speaker() {
    assert_eq!(
        counts_by("У М'янмі повстанці заявили, що вбили 20 військових."),
        vec![(Some(20), Some("повстанці".to_string()))]
    );
    // A body named after the preposition is the speaker.
    assert_eq!(
        counts_by("У Сумській ОВА повідомили, що внаслідок обстрілу загинули двоє людей."),
        vec![(Some(2), Some("Сумській ОВА".to_string()))]
    );
}

#[test]
fn a_toll_given_by_a_body_that_counts_war_victims_is_a_claim() {
    assert_eq!(
        keys(
            "According to OCHA, 640 Palestinians were killed in the first two weeks of the month."
        ),
        vec![(Killed, Some(640))]
    );
    assert_eq!(
        keys("За даними УВКГП ООН (OCHA), у місті за тиждень загинули понад 200 людей."),
        vec![(Killed, Some(200))]
    );
    assert_eq!(
        keys("Авиаудары унесли жизни 35 человек, сообщили медики."),
        vec![(Killed, Some(35))]
    );
    // A war told by its whole span is background.
    assert!(
        keys(
            "Война, которая продлилась девять лет, унесла жизни более 14 тысяч советских граждан."
        )
        .is_empty()
    );
}
