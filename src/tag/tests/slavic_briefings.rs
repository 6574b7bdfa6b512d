//! Russian and Ukrainian briefings and wire copy: equipment in daily tallies, soldiers and
//! border guards as armed parties, "в бою", strikes on buses, riots and gang fights, ranges
//! "от … до", "орієнтовно", wars dated by a year long past, the ends of truces and fire since
//! they began. Sentences written for these tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::CeasefireStatus;
use crate::tag::MentionKind::Clash;
use crate::tag::test_util::{claimants, keys, kinds, statuses};

#[test]
fn equipment_in_a_daily_tally_is_no_people() {
    assert_eq!(
        keys(
            "Противник втратив за минулу добу 1230 осіб, 7 танків і 25 артсистем, повідомляє Генштаб."
        ),
        vec![(KilledOrWounded, Some(1230))]
    );
    assert_eq!(
        keys("За добу ліквідовано 1300 окупантів, знищено 30 артсистем та 90 дронів."),
        vec![(Killed, Some(1300))]
    );
    assert_eq!(
        keys("ВСУ потеряли до 250 военнослужащих, 3 танка и 8 артиллерийских систем."),
        vec![(KilledOrWounded, Some(250))]
    );
}

#[test]
fn soldiers_and_border_guards_name_an_armed_party() {
    assert_eq!(
        keys("Армия обороны Израиля сообщила о гибели двух солдат на юге сектора Газа."),
        vec![(Killed, Some(2))]
    );
    assert_eq!(
        keys("ДПСУ повідомила про загибель двох прикордонників на Сумщині."),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn a_battle_and_a_strike_on_a_bus_are_clashes() {
    assert!(kinds("В бою под Авдеевкой погибли трое военнослужащих.").contains(&Clash));
    assert!(
        kinds("Россия нанесла ракетный удар по автобусу в Сумах, погибли девять человек.")
            .contains(&Clash)
    );
    // A bus in a road accident stays no clash.
    assert!(
        !kinds("Автобус столкнулся с грузовиком на трассе, погибли пять человек.").contains(&Clash)
    );
}

#[test]
fn riots_and_gang_fights_are_no_claims() {
    assert!(
        keys("В Тбилиси произошли столкновения протестующих с полицией, пострадали 20 человек.")
            .is_empty()
    );
    assert!(keys("В Подмосковье в перестрелке между членами ОПГ погибли двое.").is_empty());
    assert!(!kinds("Министра буквально обстреляли вопросами журналисты.").contains(&Clash));
}

#[test]
fn a_range_counts_its_lower_bound() {
    assert_eq!(
        claims_of("В результате обстрела погибли от 100 до 150 человек."),
        vec![(Killed, Some(100), true)]
    );
    assert_eq!(
        claims_of("Внаслідок обстрілу загинули від 5 до 7 військових."),
        vec![(Killed, Some(5), true)]
    );
    assert_eq!(
        claims_of("Під час боїв загинули орієнтовно 50 людей."),
        vec![(Killed, Some(50), true)]
    );
    // A toll that rose is two claims, not a range.
    assert_eq!(
        keys("Число погибших при обстреле возросло с 12 до 15 человек."),
        vec![(Killed, Some(12)), (Killed, Some(15))]
    );
}

fn claims_of(text: &str) -> Vec<(crate::tag::CasualtyCategory, Option<u64>, bool)> {
    crate::tag::test_util::claims(text)
        .into_iter()
        .map(|c| (c.0, c.1, c.2))
        .collect()
}

#[test]
fn a_war_dated_by_a_year_long_past_is_history() {
    assert!(kinds("В 1941 году под Москвой шли ожесточенные бои.").is_empty());
    assert!(kinds("У 1944 році в боях за Київ загинули тисячі солдатів.").is_empty());
}

#[test]
fn ukrainian_ends_of_a_truce_and_fire_since_it_began() {
    assert_eq!(
        statuses("ХАМАС заявив про вихід із угоди про припинення вогню."),
        vec![CeasefireStatus::Collapsed]
    );
    assert_eq!(
        statuses("З початку дії режиму тиші окупанти 30 разів обстріляли позиції ЗСУ."),
        vec![CeasefireStatus::Violated]
    );
}

#[test]
fn attribution_frames_name_their_source() {
    assert_eq!(
        claimants(
            "Внаслідок удару загинули щонайменше 35 палестинців, передає Укрінформ із посиланням на Al Jazeera."
        ),
        vec![Some("Al Jazeera".to_string())]
    );
    assert_eq!(
        claimants("Со слов главы администрации, при обстреле погибли двое мирных жителей."),
        vec![Some("главы администрации".to_string())]
    );
}

#[test]
fn an_adverbial_participle_of_killing_counts() {
    assert_eq!(
        keys("Боевики напали на деревню, убив пятерых жителей."),
        vec![(Killed, Some(5))]
    );
}

#[test]
fn a_cause_after_the_people_counted_is_no_thing_counted() {
    assert_eq!(
        keys(
            "На Херсонщині загинули двоє цивільних внаслідок російського обстрілу, повідомили в ОВА."
        ),
        vec![(Killed, Some(2))]
    );
    assert_eq!(
        keys("У Києві поранені п'ятеро людей унаслідок атаки дронів."),
        vec![(Wounded, Some(5))]
    );
}

#[test]
fn one_wounded_who_died_is_wounded_one_and_killed_one() {
    assert_eq!(
        keys("Мужчина, раненный при атаке БПЛА на Энергодар, скончался в больнице."),
        vec![(Wounded, Some(1)), (Killed, Some(1))]
    );
}

#[test]
fn a_unit_or_council_after_the_verb_is_the_speaker_with_its_adjectives() {
    assert_eq!(
        claimants("Внаслідок обстрілу загинули двоє цивільних, повідомили в міській раді."),
        vec![Some("міській раді".to_string())]
    );
    assert_eq!(
        claimants("Внаслідок обстрілу загинули двоє військових, повідомили в бригаді."),
        vec![Some("бригаді".to_string())]
    );
    // A channel before the speaker is still no part of it.
    assert_eq!(
        claimants(
            "Внаслідок обстрілу загинули двоє цивільних, повідомив у Telegram голова ОВА Іван Федоров."
        ),
        vec![Some("голова ОВА Іван Федоров".to_string())]
    );
}
