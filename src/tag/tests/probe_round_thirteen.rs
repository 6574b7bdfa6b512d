//! Shapes found by readers who wrote their own passages from TAGS.md alone (a thirteenth
//! round): truces of quarrels, struggles against floods, police arrests, fighting during a
//! truce, and tolls told in the sentence after an anniversary.

use crate::tag::CasualtyCategory::*;
use crate::tag::CeasefireStatus;
use crate::tag::MentionKind::*;
use crate::tag::test_util::{counts_by, keys, kinds, statuses};

#[test]
fn a_truce_in_a_quarrel_of_words_politics_or_trade_is_figurative() {
    for text in [
        "The ruling coalition and the opposition agreed a political truce over the pension reform bill.",
        "The two influencers reached a truce over insults posted online last week.",
        "Canberra and Beijing agreed a truce in their long-running trade spat over wine exports.",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
    // A truce between armed sides keeps its reading.
    assert_eq!(
        kinds("The army and the rebels agreed a truce over the Easter holiday."),
        vec![Ceasefire]
    );
}

#[test]
fn a_struggle_against_a_disaster_and_a_quarrel_in_a_chamber_are_no_clashes() {
    for text in [
        "Firefighters battled to contain the blaze at the port through the night.",
        "Volunteers struggled to reach hamlets cut off by the landslide.",
        "The senator clashed with the finance minister during a heated session of parliament.",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
    assert_eq!(
        kinds("Government troops battled to retake the town from the rebels."),
        vec![Clash]
    );
}

#[test]
fn a_police_arrest_over_a_killing_is_crime() {
    for text in [
        "Detectives arrested two teenagers in connection with the stabbing of a taxi driver in Durban.",
        "Поліцейські затримали 35-річного чоловіка, який під час сварки застрелив знайомого.",
        "В Самаре сотрудники полиции задержали угонщика, который ранил охранника парковки.",
    ] {
        assert!(keys(text).is_empty(), "{text}: {:?}", keys(text));
    }
    // Soldiers who take fighters are the other side's captors.
    assert_eq!(
        keys("Soldiers captured six gunmen after the raid on the barracks, the army said."),
        vec![(Captured, Some(6))]
    );
}

#[test]
fn fighting_during_a_truce_violates_it() {
    assert_eq!(
        statuses(
            "During the Eid truce, militia fighters shelled an army post near Kadugli, the army said."
        ),
        vec![CeasefireStatus::Violated]
    );
    assert_eq!(
        statuses("During the truce, aid lorries reached the besieged city."),
        vec![CeasefireStatus::Agreed]
    );
}

#[test]
fn a_toll_told_right_after_an_anniversary_is_history() {
    for text in [
        "Veterans marked the 30th anniversary of the siege of the airport. At the time, more than 300 soldiers were killed in the fighting.",
        "У Маріуполі згадали 10-ту річницю оборони міста. Тоді в боях загинули понад 200 захисників.",
        "В Сухуме отметили 30-летие окончания войны. Тогда в боях погибли около четырех тысяч человек.",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
    // A toll of today after an anniversary is news.
    assert_eq!(
        keys(
            "Veterans marked the 30th anniversary of the siege. On Sunday, shelling killed three soldiers."
        ),
        vec![(Killed, Some(3))]
    );
}

#[test]
fn a_count_after_a_verb_of_standing_belongs_to_the_cue_before_it() {
    assert_eq!(
        keys(
            "По данным МККК, пропавшими без вести в связи с вооруженным конфликтом в регионе числятся более 12 тысяч человек."
        ),
        vec![(Missing, Some(12000))]
    );
    assert_eq!(
        keys(
            "Зниклими безвісти після ракетного удару по гуртожитку вважаються 9 людей, повідомив мер."
        ),
        vec![(Missing, Some(9))]
    );
    assert_eq!(
        keys("За тиждень у полон узято ще 19 окупантів, повідомили в бригаді."),
        vec![(Captured, Some(19))]
    );
}

#[test]
fn speakers_outside_the_grammar_of_a_headline() {
    // A speaker's noun after a closing dash, a name after a spaced hyphen, a lone surname
    // before a colon.
    assert_eq!(
        counts_by("Четверо военных погибли при обстреле блокпоста в Курской области — губернатор"),
        vec![(Some(4), Some("губернатор".to_string()))]
    );
    assert_eq!(
        counts_by("Three guards killed in attack on refinery - Energy Minister Ahmed Saleh"),
        vec![(Some(3), Some("Energy Minister Ahmed Saleh".to_string()))]
    );
    assert_eq!(
        counts_by("Пушилин: в Горловке при обстреле погибли трое мирных жителей."),
        vec![(Some(3), Some("Пушилин".to_string()))]
    );
    // A place before a colon is no speaker.
    assert_eq!(
        counts_by("Херсон: внаслідок обстрілу загинули двоє людей."),
        vec![(Some(2), None)]
    );
}

#[test]
fn the_outlet_told_and_the_one_accused_are_no_speakers() {
    assert_eq!(
        counts_by(
            "Как сообщил «Коммерсанту» источник в силовых структурах, в плен сдались 30 военнослужащих."
        ),
        vec![(Some(30), Some("источник в силовых структурах".to_string()))]
    );
    assert_eq!(
        counts_by(
            "ХАМАС обвинил Израиль в нарушении соглашения после удара, при котором погибли пять палестинцев."
        ),
        vec![(Some(5), Some("ХАМАС".to_string()))]
    );
    assert_eq!(
        counts_by("Київ звинуватив Москву в ударі, внаслідок якого загинули шестеро людей."),
        vec![(Some(6), Some("Київ".to_string()))]
    );
}

#[test]
fn names_after_a_preposition_are_places_and_a_titled_name_is_one_person() {
    assert_eq!(
        keys(
            "Fighters who had crossed from Niger and Chad were killed near the border, the army said."
        ),
        vec![(Killed, None)]
    );
    assert_eq!(
        keys("In Kadugli, Yousif Adam and Idris Kafi were killed by shelling."),
        vec![(Killed, Some(2))]
    );
    assert_eq!(
        keys("The killing of rebel commander Musa Abdel Karim in Nyala sparked clashes."),
        vec![(Killed, Some(1))]
    );
    assert_eq!(
        keys("The killing of Hamza al-Tarhouni, a brigade leader, set off fighting in Zawiya."),
        vec![(Killed, Some(1))]
    );
}

#[test]
fn a_vow_to_fight_to_the_last_enemy_is_no_toll() {
    assert!(
        keys("The offensive will go on until the last terrorist is eliminated, the ministry said.")
            .is_empty()
    );
    assert!(
        keys("Операция продолжится до полного уничтожения последнего боевика, заявили в штабе.")
            .is_empty()
    );
    assert_eq!(
        keys("Troops killed 8 militants and will fight until the last terrorist is neutralised."),
        vec![(Killed, Some(8))]
    );
}

#[test]
fn an_appeal_to_respect_a_truce_just_announced_keeps_it_agreed() {
    assert_eq!(
        statuses(
            "The army announced a unilateral week-long truce and called on the rebels to respect it."
        ),
        vec![CeasefireStatus::Agreed]
    );
    // With no truce told as agreed, the appeal proposes one; amid fighting it is broken.
    assert_eq!(
        statuses("The envoy urged both sides to observe a ceasefire."),
        vec![CeasefireStatus::Proposed]
    );
    assert_eq!(
        statuses(
            "Посредники призвали стороны соблюдать перемирие, которое постоянно нарушается у Бенгази."
        ),
        vec![CeasefireStatus::Violated]
    );
    assert_eq!(
        statuses(
            "Shells hit a village near the line on Monday. The envoy urged both sides to respect the ceasefire."
        ),
        vec![CeasefireStatus::Violated]
    );
}

#[test]
fn a_breach_told_indirectly_in_the_truces_own_sentence_violates_it() {
    use CeasefireStatus::*;
    for text in [
        "Within an hour of the truce taking effect, the two armies accused each other of violating it.",
        "Hours after the ceasefire was declared, Baku accused Yerevan of repeated violations of the understanding.",
        "Rwanda accused Burundi of shelling border villages after the ceasefire began.",
        "Days after the Kidal truce, rebel fighters attacked an army convoy near Anefis.",
        "Thai troops continued to fire into Cambodian villages hours after the truce took effect, the ministry said.",
    ] {
        let got = statuses(text);
        assert!(got.contains(&Violated), "{text}: {got:?}");
    }
    // A breach of another thing, after a truce, is none of its.
    assert_eq!(
        statuses(
            "The truce took effect at noon, and the court ruled that the firm had breached the contract."
        ),
        vec![Agreed]
    );
}

#[test]
fn a_threatened_end_and_a_demand_are_read_as_such() {
    use CeasefireStatus::*;
    assert_eq!(
        statuses(
            "The rebels said the truce had been violated by air strikes and warned they could pull out of it."
        ),
        vec![Violated]
    );
    assert_eq!(
        statuses(
            "The Security Council demands that all armed groups immediately cease hostilities."
        ),
        vec![Proposed]
    );
    assert!(kinds("Officials said there was no agreement on any truce yet.").is_empty());
}

#[test]
fn jailbreaks_poisonings_road_deaths_and_sport_fights_are_no_war() {
    // Inmates freed in a raid on a prison are no captives; the guards killed are a toll.
    assert_eq!(
        keys(
            "Gunmen stormed the prison, freeing more than 300 inmates and killing at least six guards."
        ),
        vec![(Killed, Some(6))]
    );
    for text in [
        "Eleven soldiers died of carbon monoxide poisoning while sheltering in a tunnel, the army said.",
        "Військовослужбовця на узбіччі траси збив автомобіль, чоловік загинув на місці.",
        "В напряженном бою за третье место в РПЛ «Зенит» обыграл «Динамо».",
        "Фракції парламенту уклали «перемир'я» щодо кадрових питань.",
        "The government launched a battle for food sovereignty, handing out seed and fertiliser.",
        "A fragile truce held in the province on Monday, with no new attacks reported.",
    ] {
        let got = kinds(text);
        assert!(
            !got.contains(&Casualty) && !got.contains(&Clash),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn returns_from_captivity_and_standing_counts_before_the_cue() {
    assert_eq!(
        keys(
            "З російського полону вдалося повернути шістьох цивільних мешканців Сумщини, повідомили в штабі."
        ),
        vec![(Captured, Some(6))]
    );
    assert_eq!(
        keys("После боев за город более 150 жителей до сих пор числятся пропавшими без вести."),
        vec![(Missing, Some(150))]
    );
    assert_eq!(
        keys("Troops stormed the camp, killing five militants and arresting three, the army said."),
        vec![(Killed, Some(5)), (Captured, Some(3))]
    );
    assert_eq!(
        keys("A teacher was shot dead and his son wounded by gunmen who attacked the village."),
        vec![(Killed, Some(1)), (Wounded, Some(1))]
    );
}

#[test]
fn police_shootouts_gas_truces_pay_truces_and_tear_gas_are_no_war() {
    for text in [
        "Оперативники в ходе перестрелки при задержании ликвидировали подозреваемого в убийстве.",
        "Компании договорились о «газовом перемирии» до конца отопительного сезона.",
        "Nurses and the health ministry agreed a truce in their dispute over overtime salaries.",
        "Riot police fired tear gas at students marching on parliament.",
        "The general said his troops had no intention of firing the first shot.",
        "The rebellion, which killed about 9,000 people between 1989 and 1997, ended with an accord.",
    ] {
        assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
    }
}

#[test]
fn both_counts_two() {
    assert_eq!(
        keys("Після обстрілу Нікополя обидва чоловіки поранені, повідомили в ОВА."),
        vec![(Wounded, Some(2))]
    );
}

#[test]
fn a_breach_said_to_be_one_of_many_and_a_heading_of_its_kind_alone() {
    assert_eq!(
        statuses("Это уже не первое нарушение перемирия за неделю, заявили в штабе."),
        vec![CeasefireStatus::Violated]
    );
    assert_eq!(
        statuses("The truce has not been violated since Monday."),
        vec![CeasefireStatus::Holding]
    );
    assert_eq!(
        counts_by(
            "Press release: Troops neutralised 15 terrorists in Sambisa, Major General Ali Musa said."
        ),
        vec![(Some(15), Some("Major General Ali Musa".to_string()))]
    );
}
