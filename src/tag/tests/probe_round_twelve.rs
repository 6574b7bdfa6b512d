//! Shapes found by readers who wrote their own passages from TAGS.md alone (a twelfth
//! round): issuers that act, speakers inside relative clauses, ranks before names, counts
//! repeated by "each", non-military truces and absent ones.

use crate::tag::CasualtyCategory::*;
use crate::tag::MentionKind::*;
use crate::tag::test_util::{claimants, claims, counts_by, keys, kinds, whos};

#[test]
fn an_institution_that_acts_names_itself_as_claimant() {
    // TAGS.md: an issuer that names itself in the third person is the claimant, as written.
    for (text, who) in [
        (
            "The Malian Armed Forces repelled an attack on the Boulkessi camp, killing 40 terrorists.",
            "The Malian Armed Forces",
        ),
        (
            "The Nigerian Army has neutralised 9 bandits and rescued 14 kidnapped villagers in Zamfara.",
            "The Nigerian Army",
        ),
        (
            "Troops of Operation Safe Haven arrested 12 armed militiamen near Jos.",
            "Troops of Operation Safe Haven",
        ),
    ] {
        let got = claimants(text);
        assert!(!got.is_empty(), "{text}");
        assert!(
            got.iter().all(|c| c.as_deref() == Some(who)),
            "{text}: {got:?}"
        );
    }
    // A named speaker elsewhere in the passage wins; a body that does not act first, or a
    // lowercase noun ("Russian forces"), names no issuer.
    assert_eq!(
        claimants(
            "The Burkinabe Armed Forces repelled an assault near Djibo. Twelve soldiers were killed, a security source told AFP."
        ),
        vec![Some("a security source".to_string())]
    );
    assert_eq!(
        claimants("Russian forces killed five civilians in a strike on Kherson."),
        vec![None]
    );
}

#[test]
fn a_speaker_inside_a_relative_clause_makes_the_claim() {
    assert_eq!(
        counts_by(
            "The fighting, which the Armed Conflict Location and Event Data Project said had killed at least 230 people, spread north.",
        ),
        vec![(
            Some(230),
            Some("the Armed Conflict Location and Event Data Project".to_string())
        )]
    );
    let text =
        "Clashes that the Syrian Observatory said had killed 41 fighters continued overnight.";
    assert_eq!(whos(text), vec![Some("fighters".to_string())]);
    assert_eq!(
        claimants(text),
        vec![Some("the Syrian Observatory".to_string())]
    );
}

#[test]
fn a_rank_before_each_name_still_counts_the_names() {
    // TAGS.md: people named one by one make one claim whose count is the number named.
    assert_eq!(
        keys(
            "Senior lieutenant Rustam Aliyev and private Elvin Mammadov were killed by sniper fire, Baku said."
        ),
        vec![(Killed, Some(2))]
    );
    assert_eq!(
        keys(
            "Sergeant Tomas Reyes, corporal Luis Pena and private Ana Cruz were wounded in the ambush."
        ),
        vec![(Wounded, Some(3))]
    );
}

#[test]
fn each_after_a_counted_subject_repeats_the_claim() {
    // TAGS.md: "each reporting one civilian dead", three times, is three claims of 1.
    assert_eq!(
        keys("Two drone strikes hit villages near Kidal, each killing one herder, residents said."),
        vec![(Killed, Some(1)), (Killed, Some(1))]
    );
    // A count of people is no count of events.
    assert_eq!(
        keys("Gunmen attacked the convoy and each of the drivers was wounded."),
        vec![(Wounded, None)]
    );
}

#[test]
fn a_phrase_of_origin_inside_a_coordinated_count_keeps_both_counts() {
    assert_eq!(
        keys(
            "Medics said 14 fighters from the Sudan Liberation Movement and 6 civilians were killed."
        ),
        vec![(Killed, Some(14)), (Killed, Some(6))]
    );
}

#[test]
fn words_that_are_no_claim_of_their_own() {
    // The wounded live; a question asks; bodies returned in a deal; a running total repeats
    // the toll that follows it; a unit's number and the axes of an attack count no one.
    assert_eq!(
        keys("Three of our soldiers were wounded by mortar fire; their lives are not in danger."),
        vec![(Wounded, Some(3))]
    );
    assert_eq!(
        keys(
            "Asked how many soldiers were killed in the shelling, the spokesman declined to answer."
        ),
        vec![]
    );
    assert!(
        kinds("The exchange deal covers the return of bodies and of detained fishermen.")
            .is_empty()
    );
    assert_eq!(
        keys(
            "Houthi missiles killed 4 sailors, the crew's operator said. The new deaths bring the toll since March to 21."
        ),
        vec![(Killed, Some(4)), (Killed, Some(21))]
    );
    assert!(
        !keys("Havildar Ram Singh of 14 Rajput Battalion was killed in the firing along the LoC.")
            .iter()
            .any(|k| k.1 == Some(14))
    );
    assert_eq!(
        keys(
            "The army repelled the assault from four directions and inflicted losses on the rebels in lives and equipment."
        ),
        vec![(Killed, None)]
    );
}

#[test]
fn mourning_the_loss_of_soldiers_is_their_death() {
    assert_eq!(
        keys("The army deeply regrets the loss of four soldiers in the ambush near Diffa."),
        vec![(Killed, Some(4))]
    );
    assert_eq!(
        keys(
            "Police units sacrificed their lives defending the district from the insurgent assault."
        ),
        vec![(Killed, None)]
    );
}

#[test]
fn truces_outside_war_and_truces_named_as_absent_are_no_mentions() {
    for text in [
        "Cocoa exporters and growers agreed a truce in their dispute over farm-gate prices.",
        "The two broadcasters declared a ceasefire in their media war over football rights.",
        "The truce between the coalition partners held until the budget vote.",
        "The framework, which covers prisoner swaps, does not include a ceasefire.",
        "Перемирие в споре о долгах за газ продлилось неделю.",
        "Перемир'я у суперечці щодо боргів за електроенергію тривало місяць.",
    ] {
        assert!(!kinds(text).contains(&Ceasefire), "{text}");
    }
    assert!(
        kinds("The two armies agreed a truce in the border dispute on Sunday.")
            .contains(&Ceasefire)
    );
}

#[test]
fn headings_name_their_issuer() {
    for (text, who) in [
        (
            "Ministry of Defence of Georgia — Daily update: 3 servicemen were wounded by mortar fire near the line.",
            "Ministry of Defence of Georgia",
        ),
        (
            "Ministry of Interior - Kabul | Statement: 6 police officers were killed in the attack on the checkpoint.",
            "Ministry of Interior - Kabul",
        ),
        (
            "Joint Task Force North East (JTF): Troops repelled the raid, killing 14 insurgents.",
            "Joint Task Force North East (JTF)",
        ),
        (
            "Глава администрации Горловки Иван Приходько: в результате обстрела погибли трое мирных жителей.",
            "Глава администрации Горловки Иван Приходько",
        ),
    ] {
        let got = claimants(text);
        assert!(!got.is_empty(), "{text}");
        assert!(
            got.iter().all(|c| c.as_deref() == Some(who)),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_second_source_in_a_later_sentence_takes_its_figures() {
    assert_eq!(
        counts_by(
            "Shelling of Sloviansk killed 9 people, the regional governor said. Ukraine's prosecutor general put the toll higher, at 12."
        ),
        vec![
            (Some(9), Some("the regional governor".to_string())),
            (Some(12), Some("Ukraine's prosecutor general".to_string())),
        ]
    );
    // "on X." names a platform, no initial that runs the sentences together.
    assert_eq!(
        counts_by(
            "Kenyan troops killed 25 militants near Lamu, the Kenyan army said on X. Al-Shabaab said 3 of its fighters were killed."
        ),
        vec![
            (Some(25), Some("the Kenyan army".to_string())),
            (Some(3), Some("Al-Shabaab".to_string())),
        ]
    );
}

#[test]
fn a_russian_or_ukrainian_subject_past_an_inserted_clause_speaks() {
    for (text, who) in [
        (
            "Министерство здравоохранения Ливана, подчиняющееся правительству, сообщило о гибели 12 человек при ударах.",
            "Министерство здравоохранения Ливана",
        ),
        (
            "Повстанці, які контролюють місто, заявили про загибель 15 урядових солдатів у боях.",
            "Повстанці",
        ),
        (
            "В Ереване, в свою очередь, заявили о трех раненых военнослужащих после обстрела.",
            "Ереване",
        ),
        (
            "За оцінками американської розвідки, у боях загинули понад 20 тисяч військових.",
            "американської розвідки",
        ),
    ] {
        assert_eq!(claimants(text), vec![Some(who.to_string())], "{text}");
    }
}

#[test]
fn absent_fighting_a_bomb_that_struck_and_crime_are_no_clash() {
    for text in [
        "The truce held through the weekend, with the army reporting no encounters with the rebels.",
        "An improvised explosive device struck a police vehicle near Bannu, killing two officers.",
        "Police shot a drug suspect dead during a buy-bust operation in Caloocan.",
        "В Самаре полицейские открыли огонь по подозреваемому в разбойном нападении.",
        "Під час навчально-тренувального польоту розбився літак, пілот загинув.",
        "В ходе учебно-тренировочного полета разбился штурмовик, летчик погиб.",
    ] {
        assert!(!kinds(text).contains(&Clash), "{text}");
    }
    assert!(kinds("Партизаны открыли огонь по колонне у Бахмута.").contains(&Clash));
}

#[test]
fn statuses_from_predicates_and_later_sentences() {
    use crate::tag::CeasefireStatus::*;
    use crate::tag::test_util::statuses;
    // A plan adopted and a truce agreed on are agreed.
    assert_eq!(
        statuses("Баку и Ереван приняли план, предусматривающий прекращение огня на границе."),
        vec![Agreed]
    );
    assert_eq!(
        statuses("Сторони погодили припинення вогню, повідомив посередник після переговорів."),
        vec![Agreed]
    );
    // A breach told through a pronoun object in a later sentence.
    for text in [
        "The rebels and the army agreed to a truce on Friday. By nightfall each side accused the other of breaking it.",
        "Стороны договорились о перемирии в пятницу. Уже вечером стороны обвинили друг друга в том, что нарушили его.",
    ] {
        assert_eq!(statuses(text), vec![Agreed, Violated], "{text}");
    }
    // Fighting "within hours of its start"; an appeal to return to a truce amid bombing.
    assert_eq!(
        statuses(
            "A 48-hour ceasefire was declared in Tripoli. Residents reported shelling within hours of its start."
        ),
        vec![Agreed, Violated]
    );
    assert_eq!(
        statuses(
            "Amid heavy shelling of Malakal, the envoy called on all parties to return to the cessation of hostilities."
        ),
        vec![Violated]
    );
    // A truce that ended a war holds; it did not collapse.
    assert_eq!(
        statuses("The 1994 ceasefire ended six years of war over the enclave."),
        vec![Agreed]
    );
}

#[test]
fn battles_dated_long_ago_and_new_attack_verbs() {
    for text in [
        "The museum recalls the 1914 battle in which thousands of Serbian soldiers gave their lives.",
        "The book reconstructs the 1947 and 1965 battles along the frontier.",
    ] {
        assert!(kinds(text).is_empty(), "{text}");
    }
    assert_eq!(
        keys(
            "Residents marked twenty years since the massacre, in which militiamen killed 300 villagers."
        ),
        vec![]
    );
    for text in [
        "Government aircraft continue to bomb villages around Kutum, killing four herders.",
        "Three rockets were fired from Lebanon into northern Israel overnight.",
        "В Донецке ночью были слышны артиллерийские залпы.",
    ] {
        assert!(kinds(text).contains(&Clash), "{text}");
    }
}

#[test]
fn truces_and_battles_outside_war_threats_and_new_attack_verbs() {
    for text in [
        "The hockey federation and the players agreed a 'truce' over hosting rights.",
        "The government and the striking nurses' union agreed to a truce to reopen talks.",
    ] {
        assert!(!kinds(text).contains(&Ceasefire), "{text}");
    }
    for text in [
        "The two mining firms are locked in an arbitration battle over royalties.",
        "The minister warned that the army would strike rebel bases, but no such strike had taken place by Sunday.",
    ] {
        assert!(!kinds(text).contains(&Clash), "{text}");
    }
    for text in [
        "Officials said 40 people had been killed since Turkey began striking the region on Monday.",
        "The army said it had shot down two helicopters over the border.",
    ] {
        assert!(kinds(text).contains(&Clash), "{text}");
    }
}

#[test]
fn issuers_named_by_a_formula_a_sign_off_or_a_referring_noun() {
    assert_eq!(
        claimants(
            "The Defence Headquarters wishes to inform the public that troops neutralised 31 bandits in Katsina."
        ),
        vec![Some("The Defence Headquarters".to_string())]
    );
    assert_eq!(
        claimants(
            "The Philippine Red Cross yesterday facilitated the release of four captives held by the rebels."
        ),
        vec![Some("The Philippine Red Cross".to_string())]
    );
    assert_eq!(
        claimants(
            "A drone hit a depot in Kharkiv overnight. 3 killed, 5 injured. — Kharkiv Regional Military Administration"
        ),
        vec![
            Some("Kharkiv Regional Military Administration".to_string()),
            Some("Kharkiv Regional Military Administration".to_string())
        ]
    );
    assert_eq!(
        claimants("Fighting spread to Kadugli, where doctors said eight civilians were killed."),
        vec![Some("doctors".to_string())]
    );
    assert_eq!(
        claimants(
            "Минобороны Армении заявило об обстреле позиций. По данным ведомства, ранены трое военнослужащих."
        ),
        vec![Some("Минобороны Армении".to_string())]
    );
    assert_eq!(
        claimants(
            "Миссия ООН задокументировала гибель по меньшей мере 40 мирных жителей при обстрелах."
        ),
        vec![Some("Миссия ООН".to_string())]
    );
}

#[test]
fn absent_reports_and_remains_in_a_deal_are_no_claim() {
    assert_eq!(
        keys(
            "The ambulance service said it had not received any reports of injuries after the rocket fell near Sderot."
        ),
        vec![]
    );
    assert_eq!(
        keys("The two sides agreed to a truce to exchange prisoners and bodies, Ankara said."),
        vec![]
    );
}

#[test]
fn a_dash_after_a_count_gives_its_category() {
    assert_eq!(
        keys(
            "Внаслідок удару по Сумах загинули троє людей, ще 11 — поранені, серед них двоє дітей."
        ),
        vec![(Killed, Some(3)), (Wounded, Some(11)), (Wounded, Some(2))]
    );
    assert_eq!(
        keys("При обстреле Белгорода погиб один человек, еще четверо – ранены."),
        vec![(Killed, Some(1)), (Wounded, Some(4))]
    );
}

#[test]
fn captives_held_returned_and_exchanged_by_formula() {
    assert_eq!(
        keys("Обмен пленными прошел по формуле 84 на 84, сообщили в Минобороны."),
        vec![(Captured, Some(84)), (Captured, Some(84))]
    );
    assert_eq!(
        keys("Не менее 300 мирных жителей удерживаются в местах лишения свободы после штурма."),
        vec![(Captured, Some(300))]
    );
    assert_eq!(
        keys("Окупанти утримували понад 150 цивільних у підвалі школи."),
        vec![(Captured, Some(150))]
    );
    assert_eq!(
        keys(
            "Forty Armenian soldiers returned home from captivity after the exchange, Yerevan said."
        ),
        vec![(Captured, Some(40))]
    );
    // Holding positions holds no one.
    assert_eq!(
        keys("Бойцы удерживают позиции у Угледара, ранены двое военных."),
        vec![(Wounded, Some(2))]
    );
}

#[test]
fn a_unit_after_the_names_counted_one_by_one() {
    assert_eq!(
        keys(
            "Lieutenant Amadou Diallo and Corporal Issa Traore of the Malian Army were killed in the ambush."
        ),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn one_person_who_sustained_injuries_counts_one() {
    assert_eq!(
        keys("A policeman sustained injuries when militants attacked the checkpoint."),
        vec![(Wounded, Some(1))]
    );
    assert_eq!(
        keys("Three soldiers suffered gunshot wounds in the ambush."),
        vec![(Wounded, Some(3))]
    );
}

#[test]
fn a_figure_called_false_far_after_its_report_noun_is_denied() {
    let got = claims(
        "The ministry states that the reports circulated by separatist channels that 45 soldiers were killed near the pass are false.",
    );
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].1, got[0].4), (Some(45), true));
}
