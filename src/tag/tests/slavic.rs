//! Russian and Ukrainian: the rules of TAGS.md's "Russian and Ukrainian" section.

use crate::tag::CasualtyCategory::*;
use crate::tag::CeasefireStatus::*;
use crate::tag::MentionKind::*;
use crate::tag::test_util::{claimants, keys, kinds, statuses};
use crate::tag::{char_start, detect_language, detect_language_by_chars};

#[test]
fn language_detection() {
    assert_eq!(detect_language("Погибли двое военных."), "ru");
    assert_eq!(
        detect_language("Загинули двоє військових, повідомили в ОВА."),
        "uk"
    );
    assert_eq!(detect_language("Two soldiers were killed."), "en");
}

#[test]
fn a_sentence_that_could_be_either_language_is_read_both_ways() {
    // No і ї є ґ and no ы э ъ ё: the detector's "ru" is a guess, and the Ukrainian cues
    // ("За даними", "людей") must still be read.
    let text = "За даними БАПОР, за тиждень загинули понад 300 людей.";
    assert_eq!(detect_language(text), "ru");
    assert_eq!(keys(text), vec![(Killed, Some(300))]);
    assert_eq!(claimants(text), vec![Some("БАПОР".to_string())]);
    // A Russian sentence keeps its Russian reading.
    assert_eq!(
        keys("По данным ведомства, погибли трое военных."),
        vec![(Killed, Some(3))]
    );
}

#[test]
fn language_detection_shortcut_agrees() {
    let every: String = (0x80u32..0x600).filter_map(char::from_u32).collect();
    let texts = [
        String::new(),
        "Ґ".to_string(),
        "Їжак".to_string(),
        "Ѐ ӿ".to_string(),
        "日本語 ab".to_string(),
        "é".repeat(7999) + "ы",
        "😀".repeat(3999) + "ы",
        "😀".repeat(4000) + "ы",
        "ab".repeat(1000) + &"є".repeat(2001),
        every.clone(),
        every.chars().rev().collect(),
    ];
    for t in &texts {
        assert_eq!(detect_language(t), detect_language_by_chars(t), "{t:?}");
        for n in [0, 1, 127, 128, 129, 3999, 4000, 4001] {
            let by_chars = t.char_indices().nth(n).map_or(t.len(), |(i, _)| i);
            assert_eq!(char_start(t.as_bytes(), n), by_chars, "{n} {t:?}");
        }
    }
}

#[test]
fn collective_numerals_and_singular_nouns() {
    assert_eq!(
        keys("По данным ведомства, погиб боец, еще двое получили ранения."),
        vec![(Killed, Some(1)), (Wounded, Some(2))]
    );
    assert_eq!(
        keys("Десятеро военных ранены, трое взяты в плен."),
        vec![(Wounded, Some(10)), (Captured, Some(3))]
    );
}

#[test]
fn vague_and_up_to() {
    assert_eq!(
        keys("В ходе боев погибли десятки боевиков."),
        vec![(Killed, None)]
    );
    let c = crate::tag::test_util::claims("ВСУ потеряли до 300 военнослужащих.");
    assert_eq!((c[0].0, c[0].1, c[0].2), (KilledOrWounded, Some(300), true));
}

#[test]
fn category_words() {
    assert_eq!(
        keys("Ликвидированы 40 боевиков и 3 танка."),
        vec![(Killed, Some(40))]
    );
    assert_eq!(
        keys("Безвозвратные потери составили 120 человек."),
        vec![(Killed, Some(120))]
    );
    assert_eq!(
        keys("Пострадали пятеро жителей села после обстрела."),
        vec![(Wounded, Some(5))]
    );
    assert_eq!(
        keys("Мужчина был ранен осколком снаряда, позже скончался в больнице."),
        vec![(Wounded, Some(1)), (Killed, Some(1))]
    );
    assert_eq!(keys("Знищено 25 окупантів."), vec![(Killed, Some(25))]);
}

#[test]
fn ceasefire_words_and_statuses() {
    assert_eq!(
        statuses("Стороны договорились о режиме тишины с полуночи."),
        vec![Agreed]
    );
    assert_eq!(statuses("Боевики сорвали перемирие."), vec![Collapsed]);
    assert_eq!(statuses("Сторони оголосили режим тиші."), vec![Agreed]);
    assert_eq!(
        kinds("Россия обещает остановить боевые действия."),
        vec![Ceasefire, Clash]
    );
    assert_eq!(kinds("Стороны призвали прекратить огонь."), vec![Ceasefire]);
    assert!(kinds("Стороны подписали мирный протокол.").is_empty());
}

#[test]
fn not_a_clash_alone() {
    assert!(kinds("Ситуация на линии соприкосновения в зоне СВО остается напряженной.").is_empty());
    assert!(
        kinds("Столкновение автобуса и грузовика произошло на трассе, погиб водитель.").is_empty()
    );
}

#[test]
fn outlet_and_inverted_claimants() {
    assert_eq!(
        claimants("Погибли трое мирных жителей, передает ИТАР-ТАСС.")[0].as_deref(),
        Some("ИТАР-ТАСС")
    );
    let c = claimants(
        "Унаслідок обстрілу загинули двоє людей, ще п'ятеро поранено, повідомив голова ОВА.",
    );
    assert_eq!(c[0].as_deref(), Some("голова ОВА"));
    let c = claimants("Погибли 12 военных. Об этом сообщили в Минобороны.");
    assert!(
        c[0].as_deref().is_some_and(|x| x.contains("Минобороны")),
        "{c:?}"
    );
}

#[test]
fn gerunds_and_captivity_phrases() {
    assert_eq!(
        keys(
            "Сирийская армия отразила атаку боевиков в провинции Идлиб, уничтожив около 30 террористов."
        ),
        vec![(Killed, Some(30))]
    );
    assert_eq!(
        keys("У полон потрапили 30 російських військових, повідомили в ГУР."),
        vec![(Captured, Some(30))]
    );
    assert_eq!(
        keys("После обстрела пострадавших нет, сообщили в МЧС."),
        vec![]
    );
    assert!(crate::tag::test_util::claims("После обстрела пострадавших нет, сообщили в МЧС.")[0].4);
}

#[test]
fn mediator_and_violation_in_russian() {
    assert_eq!(
        statuses(
            "Азербайджанская сторона нарушила режим прекращения огня, заявили в Минобороны Армении."
        ),
        vec![Violated]
    );
    assert_eq!(
        statuses(
            "Армения и Азербайджан договорились о прекращении огня при посредничестве России."
        ),
        vec![Agreed]
    );
}

#[test]
fn singular_missing_and_captivity_verbs() {
    assert_eq!(
        keys("Командир взвода пропал без вести в боях за высоту, сообщили сослуживцы."),
        vec![(Missing, Some(1))]
    );
    assert_eq!(
        keys("Родные сообщили о пропаже 40 военных после штурма."),
        vec![(Missing, Some(40))]
    );
    assert_eq!(
        keys("Під час бою розвідник отримав поранення та потрапив у полон."),
        vec![(Wounded, Some(1)), (Captured, Some(1))]
    );
    assert_eq!(
        keys("Унаслідок обстрілу загинув чоловік, поранено жінку."),
        vec![(Killed, Some(1)), (Wounded, Some(1))]
    );
}

#[test]
fn a_verb_after_the_count_is_not_who() {
    use crate::tag::{MentionDetail, TagContext, tag};
    for text in [
        "Двоє бійців потрапили в полон під час штурму, ще четверо вважаються зниклими безвісти.",
        "Двое бойцов попали в плен, еще четверо считаются пропавшими без вести.",
    ] {
        let whos: Vec<Option<String>> = tag(text, &TagContext::default())
            .into_iter()
            .filter_map(|m| match m.detail {
                MentionDetail::Casualty { claims } => Some(claims),
                _ => None,
            })
            .flatten()
            .filter(|c| c.count == Some(4))
            .map(|c| c.who)
            .collect();
        assert_eq!(whos, vec![None], "{text}");
    }
}

#[test]
fn past_tense_killing_verb_takes_its_count_in_ukrainian() {
    let c = keys(
        "Станом на 5 травня загарбники вбили щонайменше 212 та поранили 640 мешканців області.",
    );
    assert_eq!(c, vec![(Killed, Some(212)), (Wounded, Some(640))]);
    let c = keys("За тиждень бойовики убили 17 цивільних у прикордонних селах.");
    assert_eq!(c, vec![(Killed, Some(17))]);
}

#[test]
fn a_toll_that_cannot_be_established_is_no_claim() {
    let c = keys(
        "Окупанти поранили 40 мешканців громади. Наразі неможливо встановити точну кількість \
         жертв у селищі.",
    );
    assert_eq!(c, vec![(Wounded, Some(40))]);
    let c = keys("Обстрел ранил 12 жителей. Пока невозможно установить точное число жертв.");
    assert_eq!(c, vec![(Wounded, Some(12))]);
    let c = keys(
        "The shelling wounded 9 villagers. It is impossible to establish the number of victims \
         in the besieged district.",
    );
    assert_eq!(c, vec![(Wounded, Some(9))]);
}

#[test]
fn a_breakdown_in_the_next_sentence_takes_the_claims_category() {
    let c = keys(
        "Від початку наступу загинули понад 3 000 мирних мешканців області. Серед них – 140 дітей.",
    );
    assert_eq!(c, vec![(Killed, Some(3000)), (Killed, Some(140))]);
    let c = keys("С начала обстрелов ранены 450 жителей города. Среди них 38 детей.");
    assert_eq!(c, vec![(Wounded, Some(450)), (Wounded, Some(38))]);
    let c = keys("At least 212 people have been killed in the strikes. This includes 61 children.");
    assert_eq!(c, vec![(Killed, Some(212)), (Killed, Some(61))]);
    // Only right after the claim: a sentence between them breaks the link.
    let c = keys(
        "At least 212 people have been killed in the strikes. The city council met on Monday. \
         Among them were 14 deputies.",
    );
    assert_eq!(c, vec![(Killed, Some(212))]);
}

#[test]
fn a_joint_killing_and_wounding_verb_keeps_its_count_before_another_clause() {
    let c = keys(
        "Війська відкинули окупантів, вбивши та поранивши понад три тисячі осіб і знищивши до \
         200 одиниць техніки.",
    );
    assert_eq!(c, vec![(KilledOrWounded, Some(3000))]);
}

#[test]
fn a_wound_noun_before_its_verb_counts_the_one_person_it_agrees_with() {
    assert_eq!(
        keys(
            "Під час обстрілу Херсона загинув 70-річний чоловік, поранення отримала 52-річна жінка."
        ),
        vec![(Killed, Some(1)), (Wounded, Some(1))]
    );
    assert_eq!(
        keys("После удара по Горловке ранения получил 40-летний водитель автобуса."),
        vec![(Wounded, Some(1))]
    );
    // The plural verb keeps its number.
    assert_eq!(
        keys("После удара по Горловке ранения получили 7 человек."),
        vec![(Wounded, Some(7))]
    );
}

#[test]
fn claims_inside_a_quotation_opened_earlier_go_to_whoever_closes_it() {
    let c = claimants(
        "«Унаслідок обстрілу Нікополя загинув 45-річний чоловік. Поранення отримала 60-річна жінка. Усіх доставили до лікарні», - повідомив голова ОВА Сергій Лисак.",
    );
    assert_eq!(
        c,
        vec![
            Some("голова ОВА Сергій Лисак".to_string()),
            Some("голова ОВА Сергій Лисак".to_string())
        ]
    );
}

#[test]
fn a_subset_after_a_dash_takes_the_category_that_follows_it() {
    assert_eq!(
        keys(
            "За добу втрати ворога на напрямку становлять 90 осіб, 25 з них – безповоротні, повідомили в штабі."
        ),
        vec![(KilledOrWounded, Some(90)), (Killed, Some(25))]
    );
    assert_eq!(
        keys("Потери противника за сутки составили 140 человек, из них 45 — безвозвратные."),
        vec![(KilledOrWounded, Some(140)), (Killed, Some(45))]
    );
}

#[test]
fn an_outlet_told_the_claim_is_not_its_speaker() {
    assert_eq!(
        claimants("Представитель штаба сообщил ТАСС, что в плен сдались 14 военнослужащих."),
        vec![Some("Представитель штаба".to_string())]
    );
    assert_eq!(
        claimants("Джерело в штабі повідомило Укрінформу, що в полон потрапили 9 окупантів."),
        vec![Some("Джерело в штабі".to_string())]
    );
    assert_eq!(
        claimants("В плен сдались 14 военнослужащих, сообщил ТАСС источник в штабе группировки."),
        vec![Some("источник в штабе группировки".to_string())]
    );
}

#[test]
fn one_person_named_as_the_object_counts_one() {
    assert_eq!(
        keys("Армия заявила, что ликвидировала полевого командира боевиков в Идлибе."),
        vec![(Killed, Some(1))]
    );
    assert_eq!(
        keys("Снайпер убил мирного жителя в Горловке, сообщили в администрации."),
        vec![(Killed, Some(1))]
    );
    assert_eq!(
        keys("Сили оборони заявили, що ліквідували ватажка угруповання під час бою."),
        vec![(Killed, Some(1))]
    );
    // Plural forms and things are no single person.
    assert!(
        !keys("Армия ликвидировала боевиков в Идлибе, сообщили в штабе.")
            .contains(&(Killed, Some(1)))
    );
    assert!(keys("Армия ликвидировала склад боеприпасов в Идлибе.").is_empty());
}

#[test]
fn a_speaker_before_the_verb_keeps_a_figure_after_it() {
    assert_eq!(
        claimants("Генштаб сообщил о 35 погибших боевиках после ударов."),
        vec![Some("Генштаб".to_string())]
    );
    assert_eq!(
        claimants("Генштаб ЗСУ повідомив про 1200 загиблих окупантів за добу після боїв."),
        vec![Some("Генштаб ЗСУ".to_string())]
    );
}

#[test]
fn the_dead_and_the_wounded_counted_together_tell_a_toll_of_attacks() {
    assert_eq!(
        keys(
            "Министерство здравоохранения сообщило о 35 погибших и 120 раненых за последние сутки."
        ),
        vec![(Killed, Some(35)), (Wounded, Some(120))]
    );
    assert_eq!(
        keys("За добу загинули 12 людей, ще 40 поранені, повідомили в міністерстві."),
        vec![(Killed, Some(12)), (Wounded, Some(40))]
    );
    // Those an accident hurts are "пострадавшие", not the wounded.
    assert!(keys("Погибли 19 человек, 78 пострадавших остаются в больнице.").is_empty());
}
