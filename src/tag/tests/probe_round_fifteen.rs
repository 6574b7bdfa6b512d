//! Shapes found by readers who wrote their own passages from TAGS.md alone (a fifteenth
//! round): a truce during which an attack is told, a truce scheduled to take effect, one
//! side that accepts and waits for the other's answer, a truce no longer in force, the fire
//! stopped in the passive; a negator that opens the subject; captures told as a noun; words
//! of other trades (a cricket pitch, a novel, interest rates); a past war's toll told of a
//! place; a document or agreement that speaks for no one.

use crate::tag::CasualtyCategory::*;
use crate::tag::CeasefireStatus::*;
use crate::tag::MentionKind::*;
use crate::tag::test_util::{claimants, claims, keys, kinds, statuses};

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

#[test]
fn a_negator_that_opens_the_subject_negates_its_verb() {
    for (text, cat) in [
        (
            "Troops exchanged fire with militiamen at the crossing, an official said, adding that no one on the Ethiopian side had been hurt.",
            Wounded,
        ),
        (
            "Rebels shelled the outpost overnight. No Sudanese soldiers had been killed in the raid, the army said.",
            Killed,
        ),
        (
            "Rebels shelled the outpost overnight. The Kyrgyz side did not suffer losses, the border service said.",
            KilledOrWounded,
        ),
    ] {
        let got = claims(text);
        assert_eq!(got.len(), 1, "{text}");
        assert_eq!((got[0].0, got[0].1, got[0].4), (cat, None, true), "{text}");
    }
    // A negated figure of its own does not reach a later subject with a cue of its own.
    let got = claims(
        "The army said its troops repelled an attack near Kidal and suffered no casualties while a large number of attackers were killed.",
    );
    assert_eq!(
        got.iter().map(|c| (c.0, c.4)).collect::<Vec<_>>(),
        vec![(KilledOrWounded, true), (Killed, false)]
    );
    // A number between the negator and the verb starts a subject of its own.
    assert_eq!(
        keys("No agreement was reached and two soldiers were killed in the shelling of Kupiansk."),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn a_capture_told_as_a_noun_counts_its_figure() {
    assert_eq!(
        keys("Al-Shabaab announced the capture of nine Ethiopian soldiers near Baidoa."),
        vec![(Captured, Some(9))]
    );
    let got = claims(
        "Gunmen attacked a patrol near Kandi. The army denies the reports about the capture of four soldiers by the attackers.",
    );
    assert_eq!(
        got.iter().map(|c| (c.0, c.1, c.4)).collect::<Vec<_>>(),
        vec![(Captured, Some(4), true)]
    );
    // The capture of a place is no claim.
    assert!(claims("Troops announced the capture of the town after heavy fighting.").is_empty());
}

#[test]
fn an_animal_word_inside_a_name_is_no_animal() {
    assert_eq!(
        keys(
            "The army said 31 Tamil Tiger fighters and two soldiers were killed in clashes near Mannar."
        ),
        vec![(Killed, Some(31)), (Killed, Some(2))]
    );
    assert!(claims("A tiger killed two villagers near the forest reserve in Assam.").is_empty());
}

#[test]
fn people_whose_whereabouts_were_unknown_are_missing() {
    assert_eq!(
        keys(
            "Rebels ambushed the convoy near Ituri. The whereabouts of the other soldiers were unknown."
        ),
        vec![(Missing, None)]
    );
}

#[test]
fn words_of_other_trades_are_no_clash_or_truce() {
    assert!(kinds("The spinners won a battle of attrition on a slow pitch in Kandy.").is_empty());
    assert!(
        kinds(
            "The central bank and the treasury have reached an uneasy truce over interest rates."
        )
        .is_empty()
    );
    assert!(
        kinds("Her debut novel follows a family as militia raids close in; its battle scenes ring true.")
            .is_empty()
    );
    // A pitch that is only a place keeps the clash.
    assert_eq!(
        kinds("Troops clashed with rebels on a hill above the pitch where children play."),
        vec![Clash]
    );
}

#[test]
fn a_past_wars_toll_told_of_a_place_is_no_claim() {
    assert!(
        claims("The court sits in Freetown, capital of Sierra Leone, whose civil war killed some 50,000 people.")
            .is_empty()
    );
}

#[test]
fn an_agreement_or_a_document_speaks_for_no_one() {
    assert_eq!(
        claimants(
            "According to the plan agreed in Doha, troops attacked at dawn and killed 12 rebels, the army said."
        ),
        vec![Some("the army".to_string())]
    );
    assert_eq!(
        claimants(
            "The United Nations estimates that 4,000 civilians have been killed in the fighting, according to an internal memo seen by Reuters."
        ),
        vec![Some("The United Nations".to_string())]
    );
    assert_eq!(
        claimants(
            "Figures released on Monday by the UN put the toll at 312 civilians killed in Darfur."
        ),
        vec![Some("the UN".to_string())]
    );
}

#[test]
fn killed_or_wounded_joined_by_or_is_one_claim() {
    assert_eq!(
        keys("У боях за Торецьк убито або поранено понад 200 окупантів, повідомили в бригаді."),
        vec![(KilledOrWounded, Some(200))]
    );
}

#[test]
fn a_part_in_a_grave_condition_is_a_claim_of_its_own() {
    assert_eq!(
        keys(
            "В результате обстрела Горловки ранены пятеро военнослужащих, трое из них в тяжелом состоянии."
        ),
        vec![(Wounded, Some(5)), (Wounded, Some(3))]
    );
    assert_eq!(
        keys("Унаслідок удару по Сумах поранено вісьмох людей, двоє з них у важкому стані."),
        vec![(Wounded, Some(8)), (Wounded, Some(2))]
    );
}

#[test]
fn people_whose_fate_is_unknown_are_missing() {
    assert_eq!(
        keys("После штурма села судьба еще 14 ополченцев неизвестна."),
        vec![(Missing, Some(14))]
    );
    assert_eq!(
        keys("Після бою під Кліщіївкою доля 9 військових залишається невідомою."),
        vec![(Missing, Some(9))]
    );
    // A share of a harvest is no one's fate.
    assert!(claims("Після обстрілу доля 30 відсотків врожаю невідома.").is_empty());
}

#[test]
fn people_returned_in_an_exchange_were_captured_and_bodies_were_killed() {
    assert_eq!(
        keys("В результате обмена с подконтрольной Киеву территории возвращены 64 военнослужащих."),
        vec![(Captured, Some(64))]
    );
    assert_eq!(
        keys("В результате обмена телами возвращены 30 погибших военнослужащих."),
        vec![(Killed, Some(30))]
    );
}

#[test]
fn a_strike_only_feared_is_no_clash() {
    assert!(
        kinds("Россия может попытаться нанести массированный удар по энергетике, заявил эксперт.")
            .is_empty()
    );
    assert!(kinds("Ворог може спробувати завдати масованого удару по енергетиці, попередили в Повітряних силах.").is_empty());
    assert_eq!(
        kinds("Ворог завдав масованого удару по енергетиці Харкова."),
        vec![Clash]
    );
}

#[test]
fn an_outbreak_of_disease_is_no_casualty() {
    assert!(
        claims("В воинской части вспышка кишечной инфекции: госпитализированы 25 военнослужащих, один скончался.")
            .is_empty()
    );
}

#[test]
fn politicians_who_clash_by_name_or_place_fight_no_battle() {
    for text in [
        "Foreign ministers Lavrov and Cavusoglu clashed over the border dispute at a tense meeting in Sochi.",
        "Lawmakers in Nairobi clashed for hours on Tuesday over the deployment to Somalia.",
        "Kenyan legislators clashed with the defence minister over the Lamu operation.",
    ] {
        assert!(kinds(text).is_empty(), "{text}");
    }
    // Officials who report a clash of others keep it.
    assert_eq!(
        kinds("Officials in Kabul said Taliban fighters clashed with Pakistani troops at Torkham."),
        vec![Clash]
    );
}

#[test]
fn an_attack_or_a_loss_only_supposed_is_none() {
    for text in [
        "Police warned that the insurgents could attempt attacks in Mandera over the holidays.",
        "The minister said the army would strike the militants anywhere if another soldier was hurt.",
    ] {
        assert!(kinds(text).is_empty(), "{text}");
    }
    // A narrative "would later" tells what happened.
    assert_eq!(
        kinds("Troops would later attack the town from the north."),
        vec![Clash]
    );
    // "No cross-border attacks reported" names no attack.
    assert_eq!(
        kinds("The truce has largely held, with no cross-border attacks reported since Sunday."),
        vec![Ceasefire]
    );
}

#[test]
fn a_truce_off_the_table_or_between_unions_is_none() {
    for text in [
        "The president said a ceasefire with the armed group was not on the table.",
        "The teachers' union agreed to a social truce with the government, shelving a strike over pay.",
        "Переговоры о продлении соглашения не предусматривают прекращения огня, заявил дипломат.",
        "Домовленість не передбачає припинення вогню, наголосив речник.",
    ] {
        assert!(kinds(text).is_empty(), "{text}");
    }
}

#[test]
fn a_ukrainian_outlet_citing_a_source_relays_it() {
    assert_eq!(
        claimants(
            "Як передає «Інтерфакс» із посиланням на МВС Дагестану, загинули четверо поліцейських."
        ),
        vec![Some("МВС Дагестану".to_string())]
    );
    assert_eq!(
        claimants(
            "Російські військові повідомили про загибель двох миротворців, передає Укрінформ із посиланням на ТАСС."
        ),
        vec![Some("Російські військові".to_string())]
    );
}

#[test]
fn a_ukrainian_heading_with_quotes_or_a_long_name_names_its_issuer() {
    assert_eq!(
        claimants("Оперативне командування «Схід»: під Торецьком знищено 14 окупантів."),
        vec![Some("Оперативне командування «Схід»".to_string())]
    );
    assert_eq!(
        claimants(
            "Координаційний штаб з питань поводження з військовополоненими: з полону повернулися 103 захисники."
        ),
        vec![Some(
            "Координаційний штаб з питань поводження з військовополоненими".to_string()
        )]
    );
}

#[test]
fn fighting_only_supposed_or_refrained_from_is_none() {
    for text in [
        "Якщо ворог спробує новий наступ на Сумщину, бої можуть тривати місяцями.",
        "Если противник попытается наступать на Купянск, бои будут долгими.",
        "If the militants try to retake the valley, the fighting could last for months.",
        "МАГАТЕ закликало сторони утриматися від будь-яких ударів по Запорізькій АЕС.",
        "МАГАТЭ призвало стороны воздержаться от любых ударов по станции.",
    ] {
        assert!(kinds(text).is_empty(), "{text}");
    }
    assert_eq!(
        kinds("Rebels attacked the base when troops tried to retake the town."),
        vec![Clash]
    );
}

#[test]
fn a_date_in_a_heading_is_no_part_of_its_issuer() {
    for (text, issuer) in [
        (
            "Statement by the Army Spokesperson, 12 May 2021: Two soldiers were wounded in the fighting near Beni.",
            "the Army Spokesperson",
        ),
        (
            "Royal Thai Army statement, 24 July 2025: Three soldiers were killed in shelling near the temple.",
            "Royal Thai Army",
        ),
    ] {
        assert_eq!(claimants(text), vec![Some(issuer.to_string())], "{text}");
    }
}
