//! Shapes found by readers who wrote their own passages from TAGS.md alone (an eleventh
//! round): Ukrainian spelling, participles of agreement, phrases of place before an object.

use crate::tag::CasualtyCategory::*;
use crate::tag::CeasefireStatus::*;
use crate::tag::MentionKind::*;
use crate::tag::test_util::{claimants, claims, counts_by, keys, kinds, statuses};

#[test]
fn an_apostrophe_inside_a_word_is_ukrainian_spelling() {
    // "Перемир'я" has no letter only Ukrainian writes, but Russian writes ъ where it has an
    // apostrophe; read as Russian, the truce went untagged.
    for text in [
        "Перемир'я порушено вже через годину, заявили в Баку.",
        "Перемир’я порушено вже через годину, заявили в Баку.",
        "Режим припинення вогню порушено вже через годину.",
    ] {
        assert_eq!(statuses(text), vec![Violated], "{text}");
    }
    assert_eq!(
        statuses("Перемирие было нарушено уже через час, заявили в Баку."),
        vec![Violated]
    );
}

#[test]
fn a_truce_reached_then_broken_holds_both_states() {
    // TAGS.md: "agreed on the 10th, then broken" holds agreed and violated.
    for text in [
        "Перемирие, достигнутое при посредничестве США, было нарушено уже через час.",
        "Перемир'я, досягнуте за посередництва США, порушено вже через годину.",
        "The ceasefire, reached with US mediation, was violated within an hour.",
    ] {
        assert_eq!(statuses(text), vec![Agreed, Violated], "{text}");
    }
    for text in [
        "Стороны достигли перемирия при посредничестве Турции.",
        "Сторони досягли домовленості про припинення вогню.",
    ] {
        assert_eq!(statuses(text), vec![Agreed], "{text}");
    }
}

#[test]
fn a_phrase_of_place_may_stand_between_a_verb_and_its_object() {
    for (text, want) in [
        (
            "Силы обороны ликвидировали в Донецкой области 30 оккупантов, сообщили в Генштабе.",
            vec![(Killed, Some(30))],
        ),
        (
            "ФСБ задержала в Курской области двух диверсантов.",
            vec![(Captured, Some(2))],
        ),
        (
            "Ізраїльська армія ліквідувала на півночі сектору Гази командира ХАМАС.",
            vec![(Killed, Some(1))],
        ),
        (
            "Силы обороны ликвидировали за сутки 30 оккупантов.",
            vec![(Killed, Some(30))],
        ),
    ] {
        assert_eq!(keys(text), want, "{text}");
    }
    // A comma or a number in between ends the phrase: the count is of something else.
    assert_eq!(
        keys("Силы обороны ликвидировали склад, в Донецкой области 30 домов остались без света."),
        vec![]
    );
}

#[test]
fn a_toll_someone_killed_needs_no_other_sign_of_war() {
    // A verb of killing says someone killed them; "were dead" or "died" alone does not.
    for (text, want) in [
        (
            "At least 45 people were killed in Gaza on Tuesday, medics said.",
            vec![(Killed, Some(45))],
        ),
        (
            "Twelve people were killed in El Fasher on Monday, the Sudan Doctors Network said.",
            vec![(Killed, Some(12))],
        ),
    ] {
        assert_eq!(keys(text), want, "{text}");
    }
    for text in [
        "Kanpur district magistrate Kaushal Raj Sharma told Reuters that 119 people were confirmed dead.",
        "Під час грози у Карпатах блискавка вбила двох туристів.",
        "A bus plunged into a ravine in Nepal and 20 people were killed, police said.",
    ] {
        assert_eq!(keys(text), vec![], "{text}");
    }
}

#[test]
fn a_truce_in_force_is_holding() {
    // TAGS.md: "fragile ceasefire in place" is holding; a truce said to be in force is too.
    for text in [
        "The ceasefire continued to hold on Tuesday, the UN mission said.",
        "Перемирие между хуситами и США продолжает действовать.",
        "Перемирие в Газе действует уже вторую неделю.",
        "Перемир'я на півдні Лівану діє з 27 листопада.",
        "Режим припинення вогню залишається чинним.",
    ] {
        assert_eq!(statuses(text), vec![Holding], "{text}");
    }
    assert_eq!(
        statuses("Перемирие вступило в силу в полночь."),
        vec![Agreed]
    );
    assert_eq!(
        statuses("Стороны договорились, что перемирие будет действовать с полуночи."),
        vec![Agreed]
    );
}

#[test]
fn people_displaced_are_no_casualties() {
    for (text, want) in [
        (
            "The war has killed 5,000 people and displaced more than 12 million, according to UN figures.",
            vec![(Killed, Some(5000))],
        ),
        (
            "Fighting has killed at least 80 people and more than 32,000 displaced, OCHA said.",
            vec![(Killed, Some(80))],
        ),
        (
            "Shelling killed 30 people and forced 700,000 to flee their homes, the U.N. said.",
            vec![(Killed, Some(30))],
        ),
        // Displaced people who are killed are casualties.
        (
            "Rebels shelled the camp, killing 12 displaced people.",
            vec![(Killed, Some(12))],
        ),
    ] {
        assert_eq!(keys(text), want, "{text}");
    }
}

#[test]
fn a_breakdown_ends_at_a_comma_before_a_conjunction() {
    for (text, want) in [
        (
            "Officials said 53 people had been killed, including five children and two women, and 98 injured.",
            vec![
                (Killed, Some(53)),
                (Killed, Some(5)),
                (Killed, Some(2)),
                (Wounded, Some(98)),
            ],
        ),
        (
            "Thai artillery had killed twenty-three people, among them eleven soldiers, and injured more than a hundred.",
            vec![(Killed, Some(23)), (Killed, Some(11)), (Wounded, Some(100))],
        ),
        // A comma alone parts the members of a list whose category comes at its end.
        (
            "The shelling wounded 20 people, including five children, three women and two old men.",
            vec![
                (Wounded, Some(20)),
                (Wounded, Some(5)),
                (Wounded, Some(3)),
                (Wounded, Some(2)),
            ],
        ),
    ] {
        assert_eq!(keys(text), want, "{text}");
    }
}

#[test]
fn the_speaker_nearest_a_figure_in_a_clause_of_time_gives_it() {
    // TAGS.md: the attribution nearest the figure. What an accuser says is the accusation;
    // the toll in the clause after "after" is the closing speaker's.
    for (text, want) in [
        (
            "Israel and Hamas accused each other of violating the Gaza truce after Israeli fire killed two Palestinians near Rafah, local health officials said.",
            "local health officials",
        ),
        (
            "Hezbollah accused Israel of breaching the truce after a drone strike on a car killed one man, Lebanese state media said.",
            "Lebanese state media",
        ),
    ] {
        assert_eq!(claimants(text), vec![Some(want.to_string())], "{text}");
    }
    // With no speaker closing the sentence, the accuser keeps it.
    assert_eq!(
        claimants("The army accused the rebels of killing five villagers in an ambush."),
        vec![Some("The army".to_string())]
    );
}

#[test]
fn a_side_that_puts_its_own_losses_at_a_figure_claims_it() {
    assert_eq!(
        claimants(
            "Azerbaijan said 80 of its soldiers had been killed, while Armenia put its own losses at 207 dead and 293 wounded."
        ),
        vec![
            Some("Azerbaijan".to_string()),
            Some("Armenia".to_string()),
            Some("Armenia".to_string())
        ]
    );
    assert_eq!(
        claimants(
            "The Armenian Ministry of Defence published updated figures on Monday: 135 servicemen killed, 18 missing and 4 taken prisoner."
        ),
        vec![Some("The Armenian Ministry of Defence".to_string()); 3]
    );
    assert_eq!(
        claimants(
            "Nine soldiers died in the fighting near Bulo Marer. Major Abdullahi Ali gave the toll to the state broadcaster."
        ),
        vec![Some("Major Abdullahi Ali".to_string())]
    );
}

#[test]
fn issuers_name_themselves_in_headings_and_concern() {
    for (text, want) in [
        (
            "UNICEF: at least 8 children killed in strikes on Gaza City overnight.",
            "UNICEF",
        ),
        (
            "UNMISS is deeply concerned by the outbreak of intercommunal clashes in Jonglei, which have reportedly left at least 40 people dead.",
            "UNMISS",
        ),
    ] {
        assert_eq!(claimants(text), vec![Some(want.to_string())], "{text}");
    }
}

#[test]
fn slavic_sources_of_two_figures_and_by_pronoun() {
    assert_eq!(
        claimants("По данным Баку, погибли 50 армянских военных, а по данным Еревана — 49."),
        vec![Some("Баку".to_string()), Some("Еревана".to_string())]
    );
    assert_eq!(
        claimants(
            "По данным азербайджанской стороны, погибли 50 армянских военных; Ереван признает гибель 49 военнослужащих."
        ),
        vec![
            Some("азербайджанской стороны".to_string()),
            Some("Ереван".to_string())
        ]
    );
    for (text, want) in [
        (
            "Группировка «Аш-Шабаб» атаковала базу. По ее данным, убиты 30 солдат.",
            "Группировка «Аш-Шабаб»",
        ),
        (
            "Угруповання «Азов» атакувало позиції. За його даними, вбито 30 окупантів.",
            "Угруповання «Азов»",
        ),
        (
            "В результате обстрела погибли двое мирных жителей, сообщили волонтеры.",
            "волонтеры",
        ),
        (
            "По словам капитана, в бою погибли трое военных.",
            "капитана",
        ),
    ] {
        assert_eq!(claimants(text), vec![Some(want.to_string())], "{text}");
    }
}

#[test]
fn talk_sport_schedules_and_riots_are_no_clash() {
    // TAGS.md: verbal or political clashes, sport, a clash of schedules, unarmed riots.
    for text in [
        "The foreign ministers of Ethiopia and Somalia clashed over the Somaliland port deal at the AU summit.",
        "The Armenian foreign minister and his Azerbaijani counterpart clashed over the wording of the peace treaty.",
        "Real Madrid and Barcelona clash at the Bernabeu on Sunday in what could be the title decider.",
        "The summit was postponed after it clashed with an African Union meeting in Addis Ababa.",
        "Protesters clashed with police in central Belgrade on Saturday, and 14 officers were injured, the interior ministry said.",
        "The ICRC course covers the conduct of hostilities.",
        "The U.S.-brokered ceasefire ended more than a year of hostilities between Israel and Hezbollah.",
        "«Норникель» и «Русал» заключили перемирие в многолетнем корпоративном конфликте.",
        "Грузия вспоминает войну 2008 года: 17 лет назад в ходе пятидневных боев погибли более 400 человек.",
    ] {
        assert!(!kinds(text).contains(&Clash), "{text}");
        assert!(keys(text).is_empty(), "{text}");
    }
    assert_eq!(
        kinds("Troops clashed with rebels over control of the border post."),
        vec![Clash]
    );
}

#[test]
fn names_deals_and_suspects_in_war_reports() {
    // A cue inside a proper name, hostages in a call for a deal: no claim.
    assert_eq!(
        keys(
            "The Coordination Headquarters for the Treatment of Prisoners of War said 84 soldiers had returned home."
        ),
        vec![(Captured, Some(84))]
    );
    assert_eq!(
        keys(
            "The UN called for an immediate ceasefire and the unconditional release of all hostages."
        ),
        vec![]
    );
    // Suspects an army detains in a raid are captured; a prosecutor speaks of war too.
    assert_eq!(
        keys(
            "В ходе столкновений в Дженине ликвидированы девять боевиков, еще 14 подозреваемых задержаны, сообщили в ЦАХАЛ."
        ),
        vec![(Killed, Some(9)), (Captured, Some(14))]
    );
    assert_eq!(
        keys(
            "Forty-three civilians were killed and 112 wounded in shelling of Kharkiv in March, the regional prosecutor's office said."
        ),
        vec![(Killed, Some(43)), (Wounded, Some(112))]
    );
}

#[test]
fn the_official_register_attacks_and_deaths() {
    for text in [
        "The Israeli Air Force struck a Hamas command centre in Gaza City overnight.",
        "Units of the Azerbaijani armed forces opened intensive fire with artillery and large-calibre weapons at Armenian positions near Goris.",
        "The Houthis targeted an Israeli ship in the Red Sea with ballistic missiles and drones.",
    ] {
        assert_eq!(kinds(text), vec![Clash], "{text}");
    }
    for (text, want) in [
        (
            "Sepoy Muhammad Asif and Lance Naik Sher Khan embraced shahadat during the exchange of fire, the ISPR said.",
            vec![(Killed, Some(2))],
        ),
        (
            "Sergeant Noam Raz and Corporal Eden Shalev fell in battle in northern Gaza, the IDF said.",
            vec![(Killed, Some(2))],
        ),
        (
            "One soldier was critically injured in the ambush and later succumbed to his injuries, the army said.",
            vec![(Wounded, Some(1)), (Killed, Some(1))],
        ),
        (
            "Enemy losses over the past day amounted to 320 servicemen, the General Staff said.",
            vec![(KilledOrWounded, Some(320))],
        ),
        (
            "Insurgents attacked the village of Mucojo, beheading at least five people, residents said.",
            vec![(Killed, Some(5))],
        ),
        (
            "Troops apprehended 30 terrorists during the raid, the army said.",
            vec![(Captured, Some(30))],
        ),
    ] {
        assert_eq!(keys(text), want, "{text}");
    }
}

#[test]
fn slavic_truces_sought_are_proposed() {
    // TAGS.md: a truce one party is trying to secure or working towards is proposed.
    for text in [
        "Москва намерена добиться перемирия в Газе.",
        "Стороны работают над достижением перемирия.",
        "Київ прагне домогтися припинення вогню.",
    ] {
        assert_eq!(statuses(text), vec![Proposed], "{text}");
    }
}

#[test]
fn reports_absent_and_whether_anyone_was_hurt_are_no_claim() {
    for text in [
        "Mortar rounds hit the airport, security sources said, without immediate reports of casualties.",
        "It was not immediately clear whether anyone was hurt in the shelling.",
    ] {
        assert_eq!(kinds(text), vec![Clash], "{text}");
    }
    // A vague count stays a claim though its figure is withheld.
    assert_eq!(
        keys(
            "A handful of peacekeepers were wounded in the attack, the mission said, without giving a precise figure."
        ),
        vec![(Wounded, None)]
    );
}

#[test]
fn fighting_days_into_a_truce_violates_it() {
    // TAGS.md: fighting reported since a truce began is violated.
    assert_eq!(
        statuses(
            "Residents reported renewed artillery fire on the outskirts of Idlib, two days into the truce."
        ),
        vec![Violated]
    );
    assert_eq!(
        statuses(
            "Days after the truce was signed, M23 rebels and Wazalendo militias were fighting again near Walikale."
        ),
        vec![Agreed, Violated]
    );
    assert_eq!(
        statuses("The Polisario said it was no longer bound by the 1991 ceasefire."),
        vec![Collapsed]
    );
    for text in [
        "Объявленное Москвой энергетическое перемирие неоднократно нарушалось украинской стороной.",
        "Оголошене Москвою енергетичне перемир'я неодноразово порушувалося.",
    ] {
        assert_eq!(statuses(text), vec![Agreed, Violated], "{text}");
    }
}

#[test]
fn captivity_as_a_state_and_denials_in_quotes() {
    for (text, want) in [
        (
            "Two aid workers remain in captivity, the U.N. said.",
            vec![(Captured, Some(2))],
        ),
        (
            "Five aid workers remain in the hands of their ISWAP kidnappers, the U.N. said.",
            vec![(Captured, Some(5))],
        ),
        (
            "У районі Покровська до полону потрапили четверо військових ЗС РФ.",
            vec![(Captured, Some(4))],
        ),
    ] {
        assert_eq!(keys(text), want, "{text}");
    }
    // TAGS.md: a figure its issuer calls false is a negated claim.
    let found = claims(
        "Eritrean Information Minister Yemane Gebremeskel dismissed as \"fabricated\" a report that 30 Eritrean soldiers had been killed.",
    );
    assert_eq!(found.len(), 1);
    assert!(found[0].4, "negated");
    // The same people counted again by the same source are one claim.
    assert_eq!(
        keys(
            "The ISPR said seven Pakistani soldiers were killed in the attack. The ISPR added that the seven soldiers had been killed while repulsing the assault."
        ),
        vec![(Killed, Some(7))]
    );
}

#[test]
fn planned_limited_and_refrained_strikes_are_no_clash() {
    // TAGS.md: a strike only proposed, planned or to be limited is no clash.
    for text in [
        "The Houthis will resume attacks on Israel-linked shipping now that the Gaza ceasefire has broken down.",
        "Russia accused Ukraine of violating a US-brokered partial truce on strikes against energy infrastructure.",
        "The UN urged both sides to refrain from provocative military action along the line of contact.",
        "Somalia's president and Jubaland's leader clashed over the electoral model at a tense meeting.",
        "Serb protesters throwing rocks and bottles clashed with NATO-led KFOR peacekeepers in Zvecan, injuring 30 soldiers, the alliance said.",
    ] {
        assert!(!kinds(text).contains(&Clash), "{text}");
    }
    // An order to strike now is a strike (the first dev set's label).
    assert_eq!(
        kinds(
            "Netanyahu has directed the military to immediately carry out forceful strikes in the Gaza Strip."
        ),
        vec![Clash]
    );
    assert_eq!(
        kinds("The IDF said it struck a Hezbollah operative in southern Lebanon."),
        vec![Clash]
    );
}

#[test]
fn the_verb_names_the_fate_of_people_a_noun_counts() {
    for (text, want) in [
        (
            "The military said 33 attackers were killed in the assault and 26 hostages died.",
            vec![(Killed, Some(33)), (Killed, Some(26))],
        ),
        (
            "У російському полоні досі перебувають понад 8 тисяч українців, заявив омбудсман.",
            vec![(Captured, Some(8000))],
        ),
        (
            "Saudi-led air strikes hit a detention centre in Saada, killing dozens, the Houthis said.",
            vec![(Killed, None)],
        ),
        // Accidents and disease, whoever dies in them.
        (
            "Военный грузовик столкнулся с легковым автомобилем под Белгородом, погибли двое военнослужащих.",
            vec![],
        ),
        (
            "Від ускладнень грипу у військовому шпиталі померли троє пацієнтів.",
            vec![],
        ),
    ] {
        assert_eq!(keys(text), want, "{text}");
    }
    assert_eq!(
        claimants(
            "Russia's defence ministry said it killed 1,200 Ukrainian troops, while the Ukrainian General Staff put Russian losses at 1,070 personnel killed or wounded."
        ),
        vec![
            Some("Russia's defence ministry".to_string()),
            Some("the Ukrainian General Staff".to_string())
        ]
    );
    assert_eq!(
        statuses(
            "Sudan's army proposed a three-month humanitarian truce; the RSF said it accepted the plan, but the army-led government has yet to respond."
        ),
        vec![Proposed]
    );
}

#[test]
fn slavic_terror_attacks_air_raids_and_the_first_hours_of_a_truce() {
    for text in [
        "В результате теракта у здания министерства в Кабуле погибли от 10 до 15 человек.",
        "Не менее 20 человек погибли при налете армейской авиации на рынок в штате Ракхайн.",
    ] {
        assert!(kinds(text).contains(&Clash), "{text}");
    }
    for text in [
        "За перші години «великоднього перемир'я» російські війська 59 разів обстріляли позиції ЗСУ.",
        "За первые сутки перемирия противник 40 раз обстрелял позиции.",
    ] {
        assert_eq!(statuses(text), vec![Violated], "{text}");
    }
}

#[test]
fn pronouns_count_no_new_people_and_with_opens_a_speaker() {
    assert_eq!(
        keys(
            "Kosovo police detained three Serbian soldiers near the boundary line; Belgrade accused Pristina of kidnapping them."
        ),
        vec![(Captured, Some(3))]
    );
    assert_eq!(
        claimants(
            "Clashes erupted at a border crossing, with a Taliban spokesman saying 12 Pakistani soldiers were killed. Pakistan's military said 23 of its soldiers died."
        ),
        vec![
            Some("a Taliban spokesman".to_string()),
            Some("Pakistan's military".to_string())
        ]
    );
}

#[test]
fn each_of_places_with_particles_in_their_names_reports_its_own() {
    // TAGS.md: "each reporting one civilian dead", three times, is three claims of 1.
    assert_eq!(
        keys(
            "Health officials in Deir al-Balah, Gaza City and Rafah each reported one civilian killed by Israeli fire."
        ),
        vec![(Killed, Some(1)); 3]
    );
}

#[test]
fn a_second_figure_with_no_cue_and_issuers_that_name_themselves() {
    assert_eq!(
        counts_by(
            "Syria's Defence Ministry said 15 soldiers were killed in an ambush near Jableh. A war monitor put the figure at 16."
        ),
        vec![
            (Some(15), Some("Syria's Defence Ministry".to_string())),
            (Some(16), Some("A war monitor".to_string()))
        ]
    );
    // A count of things put at a figure is none.
    assert_eq!(
        keys(
            "The army said 15 soldiers were killed in the ambush. Analysts put the number of drones at 40."
        ),
        vec![(Killed, Some(15))]
    );
    for (text, want) in [
        (
            "WHO condemns the attack on the hospital, which reportedly killed at least 5 patients.",
            "WHO",
        ),
        (
            "The Rapid Support Forces announce that they captured 64 officers and soldiers in the battle.",
            "The Rapid Support Forces",
        ),
    ] {
        assert_eq!(claimants(text), vec![Some(want.to_string())], "{text}");
    }
    let denied = claims(
        "The RSF strongly denies the false allegations that its forces shelled the Abu Shouk camp, killing 40 displaced people.",
    );
    assert_eq!(denied.len(), 1);
    assert!(denied[0].4, "negated");
    assert_eq!(denied[0].3.as_deref(), Some("The RSF"));
}

#[test]
fn no_word_on_casualties_parts_named_and_old_wars() {
    assert_eq!(
        kinds(
            "Israeli air strikes hit military sites in Daraa and Homs overnight, the Israeli military said. There was no immediate word on casualties."
        ),
        vec![Clash]
    );
    assert_eq!(
        keys(
            "RSF fighters killed 12 people in an attack on a mosque in El Fasher. The victims included an imam, a resistance committee said."
        ),
        vec![(Killed, Some(12))]
    );
    assert_eq!(
        kinds(
            "The 1999 Kosovo war, in which about 13,000 people were killed, ended after 78 days of NATO air strikes on Serbia."
        ),
        vec![]
    );
    assert_eq!(
        statuses(
            "Residents of El Fasher said the RSF kept shelling the city even after the three-day humanitarian truce came into force."
        ),
        vec![Agreed, Violated]
    );
}

#[test]
fn paying_the_supreme_price_is_dying() {
    assert_eq!(
        keys("Two soldiers paid the supreme price in the encounter, DHQ said."),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn a_capital_after_a_common_word_is_no_name() {
    // "of" after a lowercase word opens no name: the cue counts.
    assert_eq!(
        keys("The court ruled on the protection of Prisoners of war held by the rebels."),
        vec![(Captured, None)]
    );
}
