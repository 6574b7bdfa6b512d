//! Russian and Ukrainian wire forms: a name in quotation marks as the speaker («Хамас»
//! заявил), a signature after a closing dash ("…, — Синєгубов."), skirmishes (стычка,
//! сутичка), captives "в плен взяты N", armed men as the party of a killing, drills in
//! Ukrainian, and a blow to business or a goal that is no strike. Sentences written for these
//! tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::MentionKind;
use crate::tag::test_util::{claimants, keys, kinds};

#[test]
fn a_name_in_quotation_marks_speaks() {
    assert_eq!(
        claimants("«Хезболла» заявила, что трое её бойцов погибли при ударе беспилотника."),
        vec![Some("Хезболла".to_string())]
    );
    assert_eq!(
        claimants("Движение «Аш-Шабааб» заявило, что его боевики убили 14 сомалийских военных."),
        vec![Some("Движение «Аш-Шабааб»".to_string())]
    );
}

#[test]
fn a_name_after_a_closing_dash_signs_the_figures() {
    assert_eq!(
        claimants(
            "Окупанти обстріляли Херсон: поранено шестеро людей, серед них двоє дітей, — Прокудін."
        ),
        vec![Some("Прокудін".to_string()), Some("Прокудін".to_string())]
    );
    assert_eq!(
        claimants("В результате обстрела Горловки ранены четверо мирных жителей, — Денис Пушилин."),
        vec![Some("Денис Пушилин".to_string())]
    );
    // A lowercase phrase after a dash is an aside, no source.
    assert_eq!(
        claimants("The drone strike killed nine soldiers — the deadliest attack this month."),
        vec![None]
    );
}

#[test]
fn skirmishes_are_clashes() {
    for text in [
        "У сутичці з бойовиками на кордоні поранено трьох прикордонників.",
        "В ходе стычки на границе погибли двое военнослужащих.",
    ] {
        assert!(kinds(text).contains(&MentionKind::Clash), "{text}");
    }
}

#[test]
fn captives_taken_and_armed_men_killing_are_claims() {
    assert_eq!(
        keys("В ходе операции в плен взяты 11 боевиков."),
        vec![(Captured, Some(11))]
    );
    assert_eq!(
        keys("Під час бою в полон взято дев'ятьох окупантів."),
        vec![(Captured, Some(9))]
    );
    assert_eq!(
        keys("Вооружённые люди убили шестерых жителей деревни на севере Буркина-Фасо."),
        vec![(Killed, Some(6))]
    );
}

#[test]
fn a_blow_to_business_or_a_goal_and_a_death_in_drills_are_not_war() {
    for text in [
        "Нові мита завдали удару по експортному бізнесу, вважають аналітики.",
        "Санкции нанесли удар по российским инвесторам.",
        "«Карпати» завдали удару по воротах суперника на останній хвилині.",
        "Під час навчань на полігоні загинув військовослужбовець.",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
}
