//! Shapes found by readers who wrote their own passages from TAGS.md alone (a fourteenth
//! round): headings of official reports whose issuer is set off by commas or runs long;
//! fighting recalled long after; attacks only supposed; appeals amid fighting.

use crate::tag::CasualtyCategory::*;
use crate::tag::CeasefireStatus;
use crate::tag::MentionKind::*;
use crate::tag::test_util::{claimants, keys, kinds, statuses};

#[test]
fn a_heading_of_parts_between_commas_names_its_issuer() {
    let cases = [
        (
            "Ministry of Defence of Georgia, daily information: Two servicemen were wounded by sniper fire near the administrative boundary line.",
            "Ministry of Defence of Georgia",
        ),
        (
            "Nigerian Army spokesman, 7 Division: Troops neutralised 12 insurgents in an ambush near Damboa.",
            "Nigerian Army spokesman, 7 Division",
        ),
        (
            "Armed Forces of Ukraine, Operational Command South: Three civilians were killed in shelling of Nikopol overnight.",
            "Armed Forces of Ukraine, Operational Command South",
        ),
        (
            "Statement by the spokesman of the Sudanese Armed Forces in Port Sudan, Brigadier Nabil Abdallah: Our forces killed 40 militiamen in El Fasher.",
            "the spokesman of the Sudanese Armed Forces in Port Sudan, Brigadier Nabil Abdallah",
        ),
    ];
    for (text, issuer) in cases {
        assert_eq!(claimants(text), vec![Some(issuer.to_string())], "{text}");
    }
    // A dateline before a comma is no issuer.
    assert_eq!(
        claimants(
            "Goma, Saturday: Twelve civilians were killed in a rebel attack, residents said."
        ),
        vec![Some("residents".to_string())]
    );
}

#[test]
fn a_long_heading_in_capitals_names_its_issuer_without_its_kind() {
    assert_eq!(
        claimants(
            "Directorate of Public Relations of the Armed Forces of the Republic of Kazakhstan: One serviceman was killed in the shelling."
        ),
        vec![Some(
            "Directorate of Public Relations of the Armed Forces of the Republic of Kazakhstan"
                .to_string()
        )]
    );
    // A kind word after "of" is the issuer's own name.
    assert_eq!(
        claimants(
            "Ministry of Information: Twelve civilians were killed in the air strike on Mekelle."
        ),
        vec![Some("Ministry of Information".to_string())]
    );
    assert_eq!(
        claimants(
            "African Union Commission press statement: At least 30 civilians were killed in the attack on Mopti."
        ),
        vec![Some("African Union Commission".to_string())]
    );
}

#[test]
fn fighting_marked_recalled_or_staged_long_after_is_history() {
    for text in [
        "Families gathered in Srebrenica to mark 30 years since Bosnian Serb forces overran the enclave and killed about 8,000 men and boys.",
        "At the ceremony, veterans recalled the battle for Goose Green, when 17 British soldiers died.",
        "A light show recreating the siege of Sarajevo drew crowds to the old town.",
        "Set in Grozny during the second Chechen war, the novel follows a conscript whose whole platoon is killed in an ambush.",
        "Her memoir of the early 1990s in Mogadishu describes how militiamen shot dead 14 people at a checkpoint.",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
    // Today's fighting beside a memorial keeps its reading.
    assert_eq!(
        kinds("Militants attacked an army post in Khost on Monday, killing three soldiers."),
        vec![Clash, Casualty]
    );
}

#[test]
fn an_attack_only_supposed_or_a_race_for_a_place_is_no_clash() {
    for text in [
        "The government said it was committed to the truce but would respond firmly to any attack.",
        "The junta declared a unilateral truce, adding that if rebel groups take advantage of the lull to attack, troops will respond.",
        "The two clubs' battle for third place in the league goes down to the last match.",
        "The operators have been locked in a battle for subscribers since the licence auction.",
        "Stone-throwing youths clashed with police after the funeral in Bamenda.",
        "The commander urged the new recruits to bring their courage to the fight against terrorism in the north.",
    ] {
        assert!(!kinds(text).contains(&Clash), "{text}: {:?}", kinds(text));
    }
    assert_eq!(
        kinds("Rebels attacked the convoy near Bamenda, the army said."),
        vec![Clash]
    );
}

#[test]
fn a_truce_in_a_political_standoff_is_figurative() {
    assert!(kinds("The president and the opposition agreed to a truce in their months-long political standoff.").is_empty());
}

#[test]
fn statuses_of_an_appeal_a_talk_resumed_and_an_effect_to_come() {
    // Talks resumed end no truce; fighting resumed does.
    assert_eq!(
        statuses(
            "The mediators called upon the sides to cease hostilities at once and to resume negotiations."
        ),
        vec![CeasefireStatus::Proposed]
    );
    assert_eq!(
        statuses("The truce collapsed on Friday as both armies resumed shelling along the front."),
        vec![CeasefireStatus::Collapsed]
    );
    // A truce accepted that "comes into effect tomorrow" is agreed.
    assert_eq!(
        statuses(
            "Both parties said yes to a three-week truce which comes into effect tomorrow at noon."
        ),
        vec![CeasefireStatus::Agreed]
    );
    // "cease firing" names a truce, not fire.
    assert_eq!(
        kinds("The two commanders agreed to cease firing along the border from midnight."),
        vec![Ceasefire]
    );
    // An appeal to go back to a truce while fighting goes on tells it broken.
    assert_eq!(
        statuses(
            "Amid renewed clashes near Kidal, the envoy called on the armed groups to show restraint, to return to the ceasefire of 2015 and to talk."
        ),
        vec![CeasefireStatus::Violated]
    );
}

#[test]
fn a_toll_told_during_a_war_just_remembered_is_history() {
    for text in [
        "В Грозном почтили память погибших в январе 1995 года. Во время штурма города погибли более 1500 военнослужащих.",
        "У Києві вшанували пам'ять загиблих під Іловайськом. Під час тих боїв загинули понад 360 українських військових.",
    ] {
        assert!(keys(text).is_empty(), "{text}: {:?}", keys(text));
    }
}

#[test]
fn a_quarrel_of_neighbours_or_a_hockey_game_is_no_war() {
    for text in [
        "Конфликт соседей в Казани закончился дракой, трое мужчин госпитализированы.",
        "Конфлікт між сусідами в Житомирі переріс у бійку, двох чоловіків госпіталізовано.",
        "«Динамо» в упорном бою обыграло «Авангард», у гостей травмированы три нападающих.",
        "«Сокіл» у напруженому бою обіграв «Кременчук», двоє хокеїстів травмовані.",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
}

#[test]
fn ru_uk_clash_words_personnel_and_persons_joined() {
    assert_eq!(
        kinds("Штаб АТО сообщил о ночном бое под Марьинкой."),
        vec![Clash]
    );
    assert_eq!(
        kinds("Ворожа авіація бомбардувала околиці Вовчанська."),
        vec![Clash]
    );
    // Personnel ("особового складу") are people, depots ("склади") are not.
    assert_eq!(
        keys("На Покровському напрямку ворог втратив понад 250 осіб особового складу."),
        vec![(KilledOrWounded, Some(250))]
    );
    assert!(keys("Сили оборони знищили 4 склади боєприпасів.").is_empty());
    // Persons named one by one after the cue: one each.
    assert_eq!(
        keys("Росіяни обстріляли Нікополь. Поранено 52-річного чоловіка та 49-річну жінку."),
        vec![(Wounded, Some(2))]
    );
    assert_eq!(
        keys("Росіяни обстріляли Херсон. Поранено чоловіка та жінку."),
        vec![(Wounded, Some(2))]
    );
}

#[test]
fn a_second_source_that_asserts_takes_its_claim() {
    assert_eq!(
        claimants(
            "Міноборони РФ заявило про знищення 40 бойовиків. Турецька розвідка стверджує, що загинули 12 цивільних."
        ),
        vec![
            Some("Міноборони РФ".to_string()),
            Some("Турецька розвідка".to_string())
        ]
    );
}

#[test]
fn a_part_of_the_dead_keeps_their_category_past_the_next_clause() {
    assert_eq!(
        keys(
            "Officials said at least 31 people had been killed, four of them children, and more than 90 wounded."
        ),
        vec![(Killed, Some(31)), (Killed, Some(4)), (Wounded, Some(90))]
    );
    // The predicate of the part's own clause still counts it.
    assert_eq!(
        keys(
            "The clinic received 40 wounded people, nine of whom died, after the market was shelled."
        ),
        vec![(Wounded, Some(40)), (Killed, Some(9))]
    );
}

#[test]
fn a_speaker_or_a_span_of_time_after_a_comma_is_no_second_person() {
    assert_eq!(
        keys("Shelling hit the village on Friday, wounding a shepherd, a district official said."),
        vec![(Wounded, Some(1))]
    );
    assert_eq!(
        keys(
            "The rebels said they had captured a pilot, a day after the air strikes on their bases."
        ),
        vec![(Captured, Some(1))]
    );
    // People listed one by one still count one each.
    assert_eq!(
        keys("Gunmen killed a teacher, a nurse and a farmer in the raid on the village."),
        vec![(Killed, Some(3))]
    );
}

#[test]
fn official_words_of_combat_that_name_no_fight_and_deminers_killed_by_mines() {
    for text in [
        "The cadets graduated after six months of instruction in combat techniques and first aid.",
        "Deminers clearing a field near Mosul were killed when a mine detonated during clearance work.",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
    assert_eq!(
        kinds("Under the accord, hostilities are to cease for 90 days from Monday."),
        vec![Ceasefire]
    );
    assert_eq!(
        claimants(
            "Ministry of Defence of Chad, weekly update: Troops killed 23 terrorists near Lake Chad."
        ),
        vec![Some("Ministry of Defence of Chad".to_string())]
    );
}

#[test]
fn feuds_of_song_battles_over_reform_fans_and_road_crashes_are_no_war() {
    for text in [
        "The two rappers showed no sign of a ceasefire, each firing new shots in a diss track.",
        "The unions and the cabinet called a truce in their battle over pension reform.",
        "United launched a second-half assault on the Leeds goal. \"We lost the battle, not the war,\" the coach said.",
        "Фанаты «Зенита» и «Динамо» объявили «перемирие» перед дерби и пообещали обойтись без стычек на трибунах.",
        "Под Самарой столкнулись автобус и грузовик: погибли четыре человека, сообщает ГУ МЧС.",
        "В Саратове обрушился подъезд жилого дома, погибли двое. Версию обстрела следствие не рассматривает.",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
}

#[test]
fn the_figure_a_toll_moved_from_is_a_claim_of_its_own() {
    assert_eq!(
        keys(
            "At least 412 civilians were killed in March, up from 287 in February, the monitors said."
        ),
        vec![(Killed, Some(412)), (Killed, Some(287))]
    );
    // A figure of something else moves nothing.
    assert_eq!(
        keys(
            "Food prices rose 9 percent, up from 4 percent, after 12 soldiers were killed in the ambush."
        ),
        vec![(Killed, Some(12))]
    );
}
