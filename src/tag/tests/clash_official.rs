//! Attack predicates of the official register (issue #12): a ministry's or an army's own
//! phrasing of an attack, in English, Russian and Ukrainian, and the negatives TAGS.md lists
//! next to them (drills, politics, sport, a killing with no attack word, explosion counts,
//! "СВО", planned or limited strikes). The sentences are written for these tests and range
//! over many conflicts.

use crate::tag::lexicon::LEXICONS;
use crate::tag::test_util::kinds;
use crate::tag::{MentionKind, TagContext, tag};

fn is_clash(text: &str) -> bool {
    kinds(text).contains(&MentionKind::Clash)
}

/// Every sentence of `yes` must carry a clash and none of `no`; all mismatches are reported.
fn check(yes: &[&str], no: &[&str]) {
    let mut bad: Vec<String> = Vec::new();
    bad.extend(
        yes.iter()
            .filter(|t| !is_clash(t))
            .map(|t| format!("missed: {t}")),
    );
    bad.extend(
        no.iter()
            .filter(|t| is_clash(t))
            .map(|t| format!("false clash: {t}")),
    );
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// EN_ATTACKS: English attack predicates with an armed force, post or weapon.
const EN_ATTACKS: &[&str] = &[
    "Our positions came under fire from mortars and grenade launchers overnight.",
    "A border post of the 3rd battalion came under attack at dawn.",
    "The village of Tavush was subjected to shelling from large-calibre machine guns.",
    "Units of the enemy subjected our positions to intensive fire.",
    "Enemy units fired at our positions in the northern sector using small arms.",
    "The adversary targeted our positions with 82-mm mortars.",
    "The rebels targeted an army patrol near the bridge.",
    "Our units engaged the enemy near the crossing and forced it to withdraw.",
    "Government troops engaged the militants in a two-hour gunbattle.",
    "The forward detachment repelled an enemy attempt to advance towards the ridge.",
    "Troops repulsed an attack on the outpost.",
    "Our forces responded with retaliatory fire.",
    "The soldiers returned fire and the attackers fled.",
    "The opposing side violated the ceasefire 27 times, firing from sniper rifles and mortars.",
    "Over the past day the ceasefire was violated 14 times with the use of heavy weapons.",
    "The air force carried out strikes on militant hideouts in the north.",
    "Our artillery neutralised the enemy firing points.",
    "Enemy saboteurs attempted to infiltrate our lines near the village.",
    "A group of fighters tried to advance on our positions but was stopped.",
    "An enemy drone dropped explosives on a checkpoint.",
    "A UAV attack on the airfield was recorded this morning.",
    "The enemy used attack drones against the settlement.",
    "Kamikaze drones hit an ammunition depot.",
    "The positions of our army were fired upon with automatic weapons.",
    "The militants launched a mortar attack on the base.",
    "Hostile forces opened heavy fire on the outpost.",
    "Insurgents ambushed a supply convoy.",
    "The enemy continues to hit critical infrastructure and residential buildings.",
    "The armed group hit two military positions at close range.",
    "Separatists and soldiers exchanged gunshots in the market.",
    "Our air defence shot down 12 enemy drones launched at the capital.",
    "The Pakistan Army retaliated befittingly to the unprovoked firing.",
    "Indian troops effectively responded to the ceasefire violation with small arms fire.",
    "An encounter broke out between security forces and militants in Kulgam.",
    "Troops of Operation Hadin Kai dislodged the terrorists from their enclave.",
    "The militants lobbed grenades at a police post.",
    "Houthi forces launched drones at commercial vessels in the Red Sea.",
    "The Armenian side fired in the direction of Azerbaijani positions using large-calibre weapons.",
    "Our units took adequate retaliatory measures.",
    "Gallant troops engaged the insurgents in a fierce gun battle.",
    "Cambodian soldiers fired BM-21 rockets into Thai territory.",
    "The RSF shelled residential neighbourhoods with heavy artillery.",
    "M23 rebels attacked FARDC positions near Sake.",
    "The army said its air defences intercepted three drones over the base.",
    "The Tatmadaw conducted airstrikes on resistance-held villages.",
    "Heavy machine gun fire was heard along the border overnight.",
    "Security forces came under small arms fire during a search operation.",
    "Rebels hurled petrol bombs and grenades at the convoy.",
    "Hezbollah fighters fired anti-tank missiles at an Israeli post.",
    "A patrol was ambushed by unknown gunmen near the village.",
    "Our positions were hit by enemy drones.",
    "Four projectiles struck the civilian part of the airport.",
    "Mortar rounds slammed into the market on Friday.",
    "Government aircraft bombarded rebel-held villages.",
    "Helicopter gunships strafed the convoy.",
    "Sniping continued along the front overnight.",
    "Gunfire erupted near the presidential palace as rival units fought.",
    "Terrorists opened harassment fire on a base area in northern Iraq.",
    "Inter-communal violence flared in Jonglei as armed youth attacked cattle camps.",
    "Two mortar shells landed near the UN compound.",
    "Our guerrillas carried out a sabotage action against the Turkish army.",
    "The occupiers struck the city with multiple rocket launchers.",
    "Russia launched 60 Shahed drones and five missiles overnight.",
    "Combats between the ELN and FARC dissidents displaced hundreds of families.",
    "Armed youth from Murle stormed the village at dawn.",
    "Cattle raiding left the county in turmoil, with armed raiders attacking herders.",
    "A shooting incident was reported at the border post.",
    "The enemy committed an armed provocation using sniper rifles.",
    "Hostile fire was directed at a UN patrol.",
    "Several Grad rockets fell on a residential area of the capital.",
    "Two artillery shells exploded near the hospital.",
];

/// EN_NOT: English sentences with the same verbs and no armed argument, or only planned.
const EN_NOT: &[&str] = &[
    "The ministers clashed over the budget on Tuesday.",
    "The brigade conducted live fire drills near the border.",
    "Troops practised repelling an attack during the exercise.",
    "The ministry proposed strikes on the smuggling routes, but none were carried out.",
    "A partial truce limiting strikes on energy infrastructure was agreed.",
    "Two soldiers were killed on Monday, the ministry said.",
    "The police recorded 15 explosions in the area overnight.",
    "The striker fired at goal in the second half.",
    "The committee engaged the public in consultations.",
    "The company targeted new customers with its campaign.",
    "The government came under fire from the opposition over the budget.",
    "The minister came under attack from critics for the reform.",
    "The union repelled the management's attempt to cut wages.",
    "The farmers used drones to monitor crops.",
    "The company returned fire at its critics in a press release.",
    "Plans for retaliatory strikes were discussed but not approved.",
    "The Taliban denied its fighters were hit.",
    "The region was hit by floods, affecting army bases.",
    "The Nigerian army was hit by budget cuts this year.",
    "The navy intercepted a ship carrying missiles to the rebels.",
    "North Korea launched a ballistic missile into the sea, the military said.",
    "The general was fired by the president for misconduct.",
    "The minister retaliated with tariffs on steel.",
    "A chance encounter with a former soldier changed her life.",
    "The sappers neutralised an explosive device found near the school.",
    "The army held a parade with tanks and missiles.",
    "The police fired tear gas to disperse protesters.",
    "Protesters threw stones at the police.",
    "The peace agreement put an end to five decades of confrontation.",
    "The troops engaged in reconstruction work after the earthquake.",
    "The government engaged with the military on reforms.",
    "The film director was fired after the bombardment of criticism.",
    "North Korea launched a ballistic missile into the sea.",
    "The court struck down the military service law.",
    "SpaceX launched a rocket carrying 20 satellites.",
    "The army opened a fire station in the capital.",
    "The United States will send 155mm artillery shells to Ukraine in the next aid package.",
    "Shell production in Europe has tripled since last year.",
    "Police stormed out of the meeting.",
    "Protesters stormed the parliament building.",
    "Fans stormed the pitch after the final whistle.",
    "A bomb exploded in a market, killing three people.",
];

/// RU_ATTACKS: Russian official-register attacks.
const RU_ATTACKS: &[&str] = &[
    "Позиции наших подразделений подверглись обстрелу из минометов.",
    "Противник обстрелял позиции бригады из крупнокалиберных пулеметов.",
    "Украинские боевики открыли огонь по населенному пункту.",
    "Подразделения отразили три атаки противника.",
    "Авиация нанесла удары по скоплениям техники противника.",
    "Артиллерия нанесла огневое поражение живой силе противника.",
    "Противник ведет наступательные действия на Донецком направлении.",
    "Штурмовые действия противника отражены.",
    "Противник вел огонь из минометов и гранатометов.",
    "За сутки противник 12 раз нарушил режим тишины, применяя минометы.",
    "Противник предпринял попытку прорыва в районе села.",
    "Вражеские беспилотники атаковали подстанцию.",
    "Наши подразделения вели бои с диверсионной группой.",
    "ВСУ выпустили по городу 20 снарядов.",
    "Подразделения ВСУ обстреляли Горловку из артиллерии.",
    "Противник применил ударные беспилотники.",
    "Позиции батальона были обстреляны из стрелкового оружия.",
    "Наши военные ответили огнем на провокацию.",
    "Противник осуществил 15 обстрелов и 3 штурмовых действия.",
    "Подразделения огнем подавили огневые точки противника.",
    "Противник обрушил на позиции бригады 50 снарядов.",
    "Огонь велся из минометов калибра 120 мм.",
    "Подразделения ведут контрбатарейную борьбу.",
    "ВСУ, применив беспилотники, атаковали подстанцию.",
    "Боевики предприняли попытку проникновения на территорию района.",
    "Противник вел обстрел из РСЗО.",
    "Ночью зафиксирован прилет по зданию администрации.",
    "Россия запустила по Украине 80 ударных дронов.",
    "Противник запустил по городу шахеды.",
    "ДРГ противника проникла на территорию области.",
];

/// RU_NOT: Russian negatives.
const RU_NOT: &[&str] = &[
    "Министры столкнулись во мнениях по вопросам бюджета.",
    "В ходе учений подразделения отработали отражение атаки условного противника.",
    "Стороны обсуждают частичное перемирие с ограничением ударов по энергетике.",
    "На линии соприкосновения зафиксировано 10 взрывов.",
    "В зоне СВО погиб военнослужащий.",
    "Двое военных погибли при подрыве на самодельном взрывном устройстве.",
    "Нападающий нанес удар по воротам.",
    "Пьяный мужчина открыл огонь по соседям.",
    "Местный житель открыл огонь из охотничьего ружья.",
    "В документе отражена позиция правительства.",
    "Россия выпустила 50 военнопленных.",
    "Ведомство обсуждает планы ударов по инфраструктуре.",
    "Угроза атак дронов сохраняется.",
    "Прилет президента в Минск запланирован на среду.",
    "США передадут Украине снаряды и беспилотники.",
    "Завод увеличил производство беспилотников вдвое.",
];

/// UK_ATTACKS: Ukrainian official-register attacks.
const UK_ATTACKS: &[&str] = &[
    "Ворог обстріляв позиції наших підрозділів з мінометів.",
    "Наші захисники відбили атаку ворога.",
    "Ворог атакував позиції бригади.",
    "Сили оборони завдали удару по складу боєприпасів.",
    "Протягом доби відбулося 85 бойових зіткнень.",
    "Противник здійснив 12 обстрілів та 3 штурмові дії.",
    "Ворог вів вогонь з артилерії по селу.",
    "Позиції ЗСУ зазнали обстрілу з мінометів.",
    "Окупанти завдали авіаударів по населених пунктах.",
    "Противник намагався просунутися в районі села.",
    "Ворожі дрони атакували енергетичну інфраструктуру.",
    "Противник відкрив вогонь зі стрілецької зброї.",
    "Ворог веде наступальні дії на Покровському напрямку.",
    "Оператори ССО організували засідку на шляху пересування противника.",
    "Ворог застосував ударні безпілотники.",
    "Противник 20 разів порушив режим тиші, застосовуючи гранатомети.",
    "Наші підрозділи вели бій з диверсійною групою.",
    "Ворог завдав ракетного удару по місту.",
    "Ворог вів вогонь із важкого озброєння.",
    "Уночі приліт по житловому будинку.",
    "Ворог запустив по області 40 шахедів.",
    "Диверсанти противника проникли на територію громади.",
];

/// UK_NOT: Ukrainian negatives.
const UK_NOT: &[&str] = &[
    "Депутати зіткнулися у Верховній раді.",
    "Сторони обговорюють часткове перемир'я з обмеженням ударів по цивільних об'єктах.",
    "На навчаннях бійці відпрацювали відбиття атаки.",
    "У зоні ООС загинув військовий.",
    "Німеччина передасть Україні ракети для ППО.",
    "Уряд закупив 10 тисяч дронів для армії.",
];

#[test]
fn english_official_attacks() {
    check(EN_ATTACKS, EN_NOT);
}

#[test]
fn russian_official_attacks() {
    check(RU_ATTACKS, RU_NOT);
}

#[test]
fn ukrainian_official_attacks() {
    check(UK_ATTACKS, UK_NOT);
}

/// The mention's trigger is the predicate, not its argument.
#[test]
fn trigger_is_the_predicate() {
    let text = "On Tuesday our positions came under fire from 82-mm mortars.";
    let ms = tag(text, &TagContext::default());
    let clash = ms.iter().find(|m| m.kind() == MentionKind::Clash);
    let got = clash.map(|m| &text[m.trigger.start..m.trigger.end]);
    assert_eq!(got, Some("came under fire"));
}

/// A ceasefire violation counted with the fire that made it is a violated ceasefire and a
/// clash; one counted alone is a ceasefire only.
#[test]
fn violations_with_their_fire() {
    let both = [
        "The adversary violated the ceasefire 19 times over the past day, firing from grenade launchers.",
        "Over the weekend the truce was breached eight times with the use of mortars.",
        "За минувшие сутки противник 9 раз нарушил режим прекращения огня, применяя гранатометы.",
        "Противник 14 разів порушив режим тиші, застосовуючи міномети.",
    ];
    for t in both {
        let k = kinds(t);
        assert!(
            k.contains(&MentionKind::Ceasefire) && k.contains(&MentionKind::Clash),
            "{t}: {k:?}"
        );
    }
    let alone = [
        "The ceasefire was violated 12 times on Monday, the observers said.",
        "Противник 7 раз нарушил режим тишины.",
    ];
    for t in alone {
        let k = kinds(t);
        assert!(
            k.contains(&MentionKind::Ceasefire) && !k.contains(&MentionKind::Clash),
            "{t}: {k:?}"
        );
    }
}

/// Passages of several sentences: the attack sentence carries the clash whatever comes
/// around it; a passage of drills, politics or plans carries none.
#[test]
fn passages() {
    check(
        &[
            "The ministry issued its daily report. Border posts of the 5th brigade came under fire from heavy machine guns near Tovuz. No losses were reported.",
            "The statement said the situation remained tense. Rebel fighters targeted a UN convoy on the road to Bunia.",
            "Штаб сообщил об итогах суток. Подразделения ВСУ вели огонь из танков по окраинам села.",
            "Генштаб оприлюднив зведення. Ворог вів вогонь з мінометів по позиціях бригади.",
        ],
        &[
            "The ministry issued its daily report. The brigade rehearsed repelling an enemy attack during the exercise.",
            "The opposition targeted the army's budget in parliament. The minister engaged the committee in talks.",
            "Стороны обсуждают ограничение ударов по энергетике. Переговоры продолжатся.",
        ],
    );
}

/// Every predicate of every language holds a clash or attack-predicate prefilter stem, so
/// its sentences reach the clash rules (the latter beside an armed stem).
#[test]
fn prefilter_covers_predicates() {
    let mut missing = Vec::new();
    for l in LEXICONS.langs() {
        let d = &l.data;
        let stems: Vec<String> = d
            .prefilter
            .clash
            .iter()
            .chain(&d.prefilter.clash_predicate)
            .map(|s| s.to_lowercase())
            .collect();
        for p in d
            .clash
            .predicates
            .iter()
            .chain(&d.clash.instrument_predicates)
        {
            let low = p.to_lowercase();
            if !stems.iter().any(|s| low.contains(s.as_str())) {
                missing.push(format!("{}: {p}", l.code));
            }
        }
    }
    assert!(missing.is_empty(), "predicates no stem covers: {missing:?}");
}

/// A drill scenario or a film named earlier in the passage, and a battle dated to a war long
/// over, make no clash; the same attack words in a report do.
#[test]
fn drills_films_and_history() {
    check(
        &[
            "The commander briefed reporters in the morning. Later, insurgents stormed an army checkpoint near the river.",
            "Командование подвело итоги недели. Противник пошел на штурм опорного пункта.",
        ],
        &[
            "The navies held joint exercises off the coast. Destroyers unleashed a barrage of missiles at floating targets.",
            "The film follows a platoon in the desert. The ambush scene is shot with great care.",
            "In May 1940 the division came under heavy fire from German artillery.",
            "По сценарию учений диверсанты захватили узел связи. Спецназ пошел на штурм здания.",
            "За сценарієм навчань диверсанти захопили штаб. Бійці пішли на штурм будівлі.",
        ],
    );
}

/// Every armed argument and weapon of every language holds an `armed` prefilter stem, so an
/// attack predicate beside it sends its sentence to the clash rules.
#[test]
fn prefilter_covers_armed_arguments() {
    let mut missing = Vec::new();
    for l in LEXICONS.langs() {
        let d = &l.data;
        let stems: Vec<String> = d.prefilter.armed.iter().map(|s| s.to_lowercase()).collect();
        for p in d.clash.armed.iter().chain(&d.clash.weapons) {
            let low = p.to_lowercase();
            let runs: Vec<&str> = low
                .split(|c: char| "\\()[]{}?*+|.^$".contains(c))
                .filter(|r| r.trim().chars().count() >= 2)
                .collect();
            if !stems
                .iter()
                .any(|s| low.contains(s.as_str()) || runs.iter().any(|r| r.contains(s.as_str())))
            {
                missing.push(format!("{}: {p}", l.code));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "armed patterns no stem covers: {missing:?}"
    );
}

/// A sentence with an attack predicate and an armed argument reaches the clash rules; the
/// same predicate with no armed word does not make a clash.
#[test]
fn attack_predicates_need_an_armed_stem() {
    use crate::tag::MentionKind;
    use crate::tag::test_util::kinds;
    assert!(
        kinds("Border guards repelled the enemy near the river crossing.")
            .contains(&MentionKind::Clash)
    );
    assert!(
        !kinds("The company repelled the takeover bid near the deadline.")
            .contains(&MentionKind::Clash)
    );
}

#[test]
fn a_weapon_brought_in_by_its_own_clause_completes_a_violation_count() {
    check(
        &[
            "The ministry recorded 37 ceasefire violations in the past 24 hours, with the opposing side using large-calibre machine guns.",
            "За сутки зафиксировано 12 нарушений режима прекращения огня, противник вел огонь из минометов калибра 120 мм.",
            "Протягом доби зафіксовано 9 порушень режиму тиші, ворог вів вогонь із гранатометів.",
        ],
        &[
            // A violation count with no weapon.
            "The monitors recorded 37 ceasefire violations in the past 24 hours.",
        ],
    );
}
