//! Agency wire about foreign wars, in Russian, Ukrainian and English: executions, bodies
//! recovered, hostages and prisoners exchanged, tolls that rise "до N" or pass N, "никто из
//! … не пострадал", a first name that is also a common noun, and "he said" after a person
//! introduced without a reporting verb. Sentences written for these tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::test_util::{claimants, claims, keys};

#[test]
fn executions_are_killings() {
    assert_eq!(
        keys("Боевики «Исламского государства» казнили 21 мирного жителя в провинции Ракка."),
        vec![(Killed, Some(21))]
    );
    assert_eq!(
        keys("Джихадисты расстреляли 20 мирных жителей в деревне на севере Буркина-Фасо."),
        vec![(Killed, Some(20))]
    );
    assert_eq!(
        keys("Бойовики стратили 12 заручників у провінції Кабо-Дельгаду."),
        vec![(Killed, Some(12))]
    );
}

#[test]
fn captives_killed_are_killed_not_also_captured() {
    assert_eq!(
        keys("Боевики «Аш-Шабааб» обезглавили семерых пленных солдат."),
        vec![(Killed, Some(7))]
    );
    assert_eq!(
        keys("Бойовики розстріляли трьох полонених військових."),
        vec![(Killed, Some(3))]
    );
    assert_eq!(
        keys("Повстанцы казнили заложника."),
        vec![(Killed, Some(1))]
    );
}

#[test]
fn bodies_recovered_are_the_dead() {
    assert_eq!(
        keys("Из-под обломков после ракетного удара извлечены тела еще 12 человек."),
        vec![(Killed, Some(12))]
    );
    assert_eq!(
        keys("Після авіаудару з-під завалів дістали тіла 9 людей."),
        vec![(Killed, Some(9))]
    );
    assert_eq!(
        claims("Тела 23 мирных жителей обнаружены после нападения боевиков на деревню.")
            .into_iter()
            .map(|c| (c.0, c.1))
            .collect::<Vec<_>>(),
        vec![(Killed, Some(23))]
    );
}

#[test]
fn hostages_and_prisoners_exchanged_are_captured() {
    assert_eq!(
        keys("ХАМАС освободил четырех заложниц в обмен на 200 палестинских заключенных."),
        vec![(Captured, Some(4)), (Captured, Some(200))]
    );
    assert_eq!(
        keys("ХАМАС звільнив трьох заручниць в обмін на 183 палестинських ув'язнених."),
        vec![(Captured, Some(3)), (Captured, Some(183))]
    );
}

#[test]
fn a_toll_risen_to_a_figure_is_exact_and_one_passed_is_approximate() {
    let c = claims("Число погибших в результате обстрела возросло до 45 человек.");
    assert_eq!((c[0].0, c[0].1, c[0].2), (Killed, Some(45), false));
    let c = claims("Кількість загиблих внаслідок удару зросла до 20.");
    assert_eq!((c[0].0, c[0].1, c[0].2), (Killed, Some(20), false));
    let c = claims("Число погибших в результате обстрела возросло с 12 до 15 человек.");
    assert_eq!(
        c.iter().map(|c| (c.1, c.2)).collect::<Vec<_>>(),
        vec![(Some(12), false), (Some(15), false)]
    );
    // "до" alone is still "up to".
    let c = claims("В результате обстрела ранены до 20 военных.");
    assert_eq!((c[0].1, c[0].2), (Some(20), true));
    let c = claims("Число погибших с начала боевых действий превысило 40 тысяч человек.");
    assert_eq!((c[0].0, c[0].1, c[0].2), (Killed, Some(40000), true));
}

#[test]
fn none_of_them_hurt_is_a_negated_claim() {
    let c =
        claims("«Никто из военнослужащих не пострадал», — сообщили в Минобороны после обстрела.");
    assert_eq!(c.len(), 1);
    assert_eq!((c[0].0, c[0].1, c[0].4), (Wounded, None, true));
    let c = claims("Ніхто з українських військових не загинув під час обстрілу.");
    assert_eq!((c[0].0, c[0].1, c[0].4), (Killed, None, true));
    let c = claims("None of its peacekeepers were injured in the attack, the mission said.");
    assert_eq!((c[0].0, c[0].1, c[0].4), (Wounded, None, true));
}

#[test]
fn a_first_name_like_a_common_noun_is_no_book() {
    assert_eq!(
        keys(
            "Унаслідок удару по автостанції одна людина загинула, ще троє зазнали поранень, повідомив начальник МВА Роман Мрочко."
        ),
        vec![(Killed, Some(1)), (Wounded, Some(3))]
    );
}

#[test]
fn handing_over_captives_is_no_relay() {
    assert_eq!(
        claimants(
            "Азербайджан передал Армении пятерых военнопленных, сообщили в офисе премьер-министра Армении."
        ),
        vec![Some("офисе премьер-министра Армении".to_string())]
    );
}

#[test]
fn neutralisation_as_a_noun_and_defused_fighters() {
    assert_eq!(
        keys("Минобороны сообщило о нейтрализации 30 террористов."),
        vec![(Killed, Some(30))]
    );
    assert_eq!(
        keys(
            "Сили оборони знешкодили трьох бойовиків, знешкоджено також 300 вибухонебезпечних предметів."
        ),
        vec![(Killed, Some(3))]
    );
}

#[test]
fn he_said_takes_the_person_who_opened_the_passage() {
    assert_eq!(
        claimants(
            "General Ousmane Diallo, the commander of the operation, spoke to reporters in Gao. He said 14 soldiers were killed in the ambush."
        ),
        vec![Some("General Ousmane Diallo".to_string())]
    );
    // A phrase of time opening a sentence names no one.
    assert_eq!(
        claimants("On Friday, troops moved north. He said 14 soldiers were killed in the ambush."),
        vec![Some("He".to_string())]
    );
}

#[test]
fn a_titled_name_after_a_killing_is_one_person() {
    assert_eq!(
        keys(
            "Israel's military said it had killed Hezbollah commander Ali Karaki in an airstrike."
        ),
        vec![(Killed, Some(1))]
    );
    assert_eq!(
        keys("A drone strike killed al-Shabaab leader Ahmed Godane."),
        vec![(Killed, Some(1))]
    );
    // Two people joined by "and" are not one.
    assert_ne!(
        keys("Gunmen killed police chief Ahmed Musa and two of his guards in an ambush."),
        vec![(Killed, Some(1))]
    );
}

#[test]
fn a_second_speaker_after_a_comma_owns_its_figure() {
    assert_eq!(
        claimants(
            "Минобороны Азербайджана заявило о гибели трех военнослужащих, армянская сторона сообщила о двух раненых."
        ),
        vec![
            Some("Минобороны Азербайджана".to_string()),
            Some("армянская сторона".to_string())
        ]
    );
    assert_eq!(
        claimants(
            "The army said 15 militants were killed in the clashes, local residents said five civilians died."
        ),
        vec![
            Some("The army".to_string()),
            Some("local residents".to_string())
        ]
    );
    // Places reporting in a participle clause after a list are no speakers of their own.
    assert_eq!(
        claimants(
            "Governor Ivan Petrenko said two people were killed in the shelling of the city, with the towns of Lyman, Siversk and Bakhmut each reporting one civilian dead."
        ),
        vec![Some("Governor Ivan Petrenko".to_string()); 4]
    );
}

#[test]
fn a_year_after_the_is_no_count() {
    assert!(
        !keys("A mass grave from the 1977 Red Terror killings was exhumed, officials said.")
            .contains(&(Killed, Some(1977)))
    );
}

#[test]
fn several_dozen_is_vague() {
    let c = claims("Several dozen assailants were neutralised, the ministry said.");
    assert_eq!((c[0].0, c[0].1, c[0].2), (Killed, None, true));
}

#[test]
fn no_information_about_casualties_is_no_claim() {
    assert!(
        claims(
            "The military said it struck the port in Hodeidah and had no information about casualties."
        )
        .is_empty()
    );
    let c = claims("The army said there were no casualties in the shelling.");
    assert!(c[0].4);
}

#[test]
fn animal_attacks_and_exercises_are_no_armed_violence() {
    assert!(claims("A crocodile attack killed two fishermen on the river.").is_empty());
    assert!(claims("A stray dog attack wounded three children in the capital.").is_empty());
    assert!(
        crate::tag::test_util::kinds(
            "The army conducted large-scale exercises involving 15,000 troops and artillery fire near the border."
        )
        .is_empty()
    );
}

#[test]
fn limbs_lost_are_wounds() {
    assert_eq!(
        keys("Three soldiers lost legs to landmines while on patrol on the border, the army said."),
        vec![(Wounded, Some(3))]
    );
}

#[test]
fn armed_groups_named_as_killers_are_armed_context() {
    for text in [
        "The Houthis killed 40 people in the village, residents said.",
        "Bandits killed 40 people in the village, residents said.",
        "The Islamic State killed 40 people in the village, residents said.",
        "Хуситы убили 40 человек в деревне, сообщили местные жители.",
        "Хусити вбили 40 людей у селі, повідомили місцеві мешканці.",
    ] {
        assert_eq!(keys(text), vec![(Killed, Some(40))], "{text}");
    }
}

#[test]
fn rights_groups_activists_and_civil_defence_speak() {
    assert_eq!(
        claimants("По данным правозащитников, в результате обстрела погибли 12 человек."),
        vec![Some("правозащитников".to_string())]
    );
    assert_eq!(
        claimants("За даними правозахисників, внаслідок обстрілу загинули 12 людей."),
        vec![Some("правозахисників".to_string())]
    );
}

#[test]
fn a_speaker_heading_a_report_before_a_colon() {
    assert_eq!(
        claimants("Генштаб ВСУ: за сутки потери противника составили 1200 военнослужащих."),
        vec![Some("Генштаб ВСУ".to_string())]
    );
    assert_eq!(
        claimants("Ukraine's General Staff: Russia lost 1,200 troops over the past day."),
        vec![Some("Ukraine's General Staff".to_string())]
    );
    // A head that names no speaker is none.
    assert_eq!(
        claimants("Погибшие: пять человек в результате обстрела."),
        vec![None]
    );
}

#[test]
fn a_statement_that_says_names_its_issuer() {
    assert_eq!(
        claimants(
            "В заявлении Минобороны России говорится, что в результате обстрела погибли трое военнослужащих."
        ),
        vec![Some("Минобороны России".to_string())]
    );
    assert_eq!(
        claimants(
            "У заяві Міноборони Росії йдеться, що внаслідок обстрілу загинули троє військових."
        ),
        vec![Some("Міноборони Росії".to_string())]
    );
}

#[test]
fn tourists_killed_by_fighters_and_riots_and_training_flights() {
    assert_eq!(
        keys("Бойовики вбили 26 туристів у Пахалгамі."),
        vec![(Killed, Some(26))]
    );
    assert!(keys("Туристический автобус упал в ущелье, погибли 12 туристов.").is_empty());
    assert!(
        keys("Участники митинга в Ереване столкнулись с полицией, пострадали 15 человек.")
            .is_empty()
    );
    assert!(
        keys("Під час навчального польоту розбився військовий вертоліт, загинули двоє пілотів.")
            .is_empty()
    );
    assert!(
        crate::tag::test_util::kinds("Ценовое перемирие между торговыми сетями завершилось.")
            .is_empty()
    );
    let c = claims(
        "Police said two militants were killed in an encounter, while the group said none of its cadres had died.",
    );
    assert_eq!(
        c.iter().map(|c| (c.0, c.1, c.4)).collect::<Vec<_>>(),
        vec![(Killed, Some(2), false), (Killed, None, true)]
    );
}
