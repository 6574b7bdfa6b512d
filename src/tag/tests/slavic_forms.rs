//! Russian and Ukrainian forms the rules missed: the noun of liquidation ("о ликвидации 12
//! боевиков") and the active verb of detention ("затримали двох"). Sentences written for these
//! tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::test_util::keys;

#[test]
fn the_noun_of_liquidation_counts_the_killed() {
    assert_eq!(
        keys("Армия Мали сообщила о ликвидации 17 боевиков в районе Тимбукту."),
        vec![(Killed, Some(17))]
    );
    assert_eq!(
        keys("Генштаб повідомив про ліквідацію 9 бойовиків під час штурму позицій."),
        vec![(Killed, Some(9))]
    );
}

#[test]
fn the_noun_of_destruction_of_things_is_no_claim() {
    assert!(keys("Минобороны сообщило об уничтожении 5 танков и 3 складов.").is_empty());
}

#[test]
fn the_active_verb_of_detention_counts_the_captured() {
    assert_eq!(
        keys(
            "Прикордонники затримали трьох диверсантів під час бою біля кордону, повідомили в ДПСУ."
        ),
        vec![(Captured, Some(3))]
    );
    assert_eq!(
        keys("Пограничники задержали четверых диверсантов после перестрелки, сообщили в ФСБ."),
        vec![(Captured, Some(4))]
    );
}

#[test]
fn militants_are_people_and_combat_vehicles_are_not() {
    assert_eq!(
        keys(
            "Під час штурму сили оборони ліквідували 14 бойовиків і 3 штурмовиків, повідомив Генштаб."
        ),
        vec![(Killed, Some(14)), (Killed, Some(3))]
    );
    assert!(keys("Сили оборони знищили 6 бойових машин і 2 склади противника.").is_empty());
}
