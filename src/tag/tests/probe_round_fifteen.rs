//! Shapes found by readers who wrote their own passages from TAGS.md alone (a fifteenth
//! round): a truce during which an attack is told, a truce scheduled to take effect, one
//! side that accepts and waits for the other's answer, a truce no longer in force, the fire
//! stopped in the passive.

use crate::tag::CeasefireStatus::*;
use crate::tag::MentionKind::*;
use crate::tag::test_util::{kinds, statuses};

#[test]
fn an_attack_told_during_a_truce_violates_it() {
    for text in [
        "В период новогоднего перемирия армия обстреляла окраины Тирасполя, сообщили в штабе.",
        "Во время режима тишины боевики атаковали блокпост у Шуши.",
        "Протягом дії великоднього перемир'я ворог завдав чотирьох ударів по Нікополю.",
        "Під час перемир'я окупанти обстріляли Берислав з артилерії.",
        "Авиаудары нанесены по окрестностям Дараа, где формально действует режим прекращения огня.",
        "Ракетний удар завдано по Хомсу, де формально діє режим припинення вогню.",
    ] {
        assert_eq!(statuses(text), vec![Violated], "{text}");
    }
    // A truce during which nothing was attacked keeps its own status.
    assert_eq!(
        statuses("Во время перемирия стороны провели обмен пленными."),
        vec![Agreed]
    );
    assert_eq!(
        statuses("Перемирие в Приднестровье в целом соблюдается, сообщили миротворцы."),
        vec![Holding]
    );
}

#[test]
fn a_truce_due_to_take_effect_is_agreed() {
    for text in [
        "Стороны договорились о прекращении огня, которое должно вступить в силу в полночь.",
        "Перемирие в Абхазии должно вступить в силу в 12:00, сообщил посредник.",
        "Сторони досягли домовленості про припинення вогню, яке має набути чинності о 18:00.",
        "The truce in Darfur is due to take effect at noon on Sunday, the mediators said.",
    ] {
        assert_eq!(statuses(text), vec![Agreed], "{text}");
    }
    // A demand that a truce be introduced is still a proposal.
    assert_eq!(
        statuses("Оппозиция потребовала ввести режим тишины в Оше."),
        vec![Proposed]
    );
}

#[test]
fn one_side_waiting_for_the_others_answer_has_only_proposed() {
    for text in [
        "Армения принимает предложенное Францией перемирие и ждет ответа Баку.",
        "Молдова погоджується на запропоноване ОБСЄ перемир'я і чекає відповіді Тирасполя.",
    ] {
        assert_eq!(statuses(text), vec![Proposed], "{text}");
    }
}

#[test]
fn a_truce_no_longer_in_force_has_collapsed() {
    assert_eq!(
        statuses("Соглашение о прекращении огня более не действует, заявили в Сухуми."),
        vec![Collapsed]
    );
    assert_eq!(
        statuses("Угода про припинення вогню вже не діє, заявили в Тирасполі."),
        vec![Collapsed]
    );
    assert_eq!(
        statuses("Соглашение о прекращении огня действует, заявили в Сухуми."),
        vec![Holding]
    );
}

#[test]
fn the_fire_stopped_in_the_passive_is_a_truce() {
    for text in [
        "Огонь на линии соприкосновения прекращен с полуночи, сообщили в комендатуре.",
        "Вогонь на лінії розмежування припинено з 8 березня, повідомили в штабі.",
    ] {
        assert_eq!(kinds(text), vec![Ceasefire], "{text}");
        assert_eq!(statuses(text), vec![Agreed], "{text}");
    }
    // Fire that went on is no truce.
    assert_eq!(
        kinds("Огонь по позициям противника велся всю ночь."),
        vec![Clash]
    );
}
