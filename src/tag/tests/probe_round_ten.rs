//! Shapes found by readers who wrote their own passages from TAGS.md alone (a tenth round):
//! absent reports, counts of families and lists, official idioms, second sources.

use crate::tag::CasualtyCategory::*;
use crate::tag::MentionKind::*;
use crate::tag::test_util::{claims, kinds};

#[test]
fn reports_that_are_absent_are_no_claim() {
    // TAGS.md: "has not reported casualties", "no casualties were reported" say nothing of
    // losses; "X reported no casualties" and "no one was hurt" are negated claims.
    for text in [
        "Israeli troops fired warning shots at the crowd, the army said, adding it was not aware of any casualties.",
        "The army intercepted a drone launched from Yemen; no casualties or damage were reported.",
        "An armed skirmish broke out near the berm, but no casualties or injuries were reported.",
        "Militants shelled the base overnight; there were no reported casualties.",
        "The ministry said its forces had repelled an attack near Kupiansk, without mentioning casualties.",
        "Израиль нанес удар по окрестностям Дамаска, информации о пострадавших пока нет.",
        "Ізраїль завдав удару по околицях Дамаска; інформації про жертви наразі немає.",
        "Росія атакувала Одесу дронами, даних про загиблих поки немає, повідомили в ОВА.",
    ] {
        assert_eq!(kinds(text), vec![Clash], "{text}");
    }
    for text in [
        "The army reported no casualties after the shelling.",
        "No one was hurt in the shelling, the army said.",
    ] {
        let found = claims(text);
        assert_eq!(found.len(), 1, "{text}");
        assert!(found[0].4, "negated: {text}");
    }
    assert_eq!(
        claims(
            "Militants shelled the base, killing two soldiers; no other casualties were reported."
        )
        .iter()
        .map(|c| (c.0, c.1, c.4))
        .collect::<Vec<_>>(),
        vec![(Killed, Some(2), false)]
    );
}

#[test]
fn negotiators_who_clash_fight_no_battle() {
    // TAGS.md: verbal or political clashes are no clash mention.
    for text in [
        "Israeli and Hamas negotiators clashed over maps of the Philadelphi corridor at the talks in Doha.",
        "The two delegations clashed over the wording of the final communique.",
        "Armenian and Azerbaijani diplomats clashed publicly at the OSCE meeting.",
    ] {
        assert_eq!(kinds(text), vec![], "{text}");
    }
    assert_eq!(
        kinds("Troops clashed with rebels near Goma on Tuesday."),
        vec![Clash]
    );
}

#[test]
fn groups_parts_and_one_more_are_counted() {
    use crate::tag::test_util::keys;
    // "a family of five" counts five people; "a boy of five" is one boy of that age.
    assert_eq!(
        keys(
            "A family of five was killed when an artillery shell hit their home in Kharkiv, officials said."
        ),
        vec![(Killed, Some(5))]
    );
    assert_eq!(
        keys("A boy of five was killed in the shelling of Kherson."),
        vec![(Killed, Some(1))]
    );
    // A part told before the whole it is among: both are claims (TAGS.md: every number in a
    // breakdown is its own claim).
    assert_eq!(
        keys(
            "Three Lebanese soldiers were among 23 people killed in Israeli strikes on Sunday, the health ministry said."
        ),
        vec![(Killed, Some(3)), (Killed, Some(23))]
    );
    assert_eq!(
        keys("Two journalists are among the 40 people wounded in the shelling of Khan Younis."),
        vec![(Wounded, Some(2)), (Wounded, Some(40))]
    );
    // "another" with an adverb before its cue is one more.
    assert_eq!(
        keys("The attack killed two soldiers and another was seriously injured, the army said."),
        vec![(Killed, Some(2)), (Wounded, Some(1))]
    );
    // Official phrasing: contact lost with a unit, a participle of capture.
    assert_eq!(
        keys(
            "Contact was lost with a patrol of eight soldiers after an ambush near Menaka, the army said."
        ),
        vec![(Missing, Some(8))]
    );
    assert_eq!(
        keys("The army lost contact with 12 soldiers after the attack on the base at Boulkessi."),
        vec![(Missing, Some(12))]
    );
    assert_eq!(
        keys(
            "Rebels ambushed the convoy near Lashio, capturing 17 junta soldiers, the group said."
        ),
        vec![(Captured, Some(17))]
    );
}

#[test]
fn stopping_the_fighting_as_a_noun_names_the_fighting() {
    use crate::tag::CeasefireStatus::*;
    use crate::tag::test_util::statuses;
    // TAGS.md: stopping "боевые действия / бои" is a ceasefire and a clash.
    for text in [
        "Стороны договорились о прекращении боевых действий в Судане.",
        "Стороны договорились о прекращении боев в Судане.",
        "Сторони домовилися про припинення бойових дій у Судані.",
        "Сторони домовилися про припинення боїв у Судані.",
    ] {
        assert_eq!(kinds(text), vec![Ceasefire, Clash], "{text}");
        assert_eq!(statuses(text), vec![Agreed], "{text}");
    }
    // A document's name reports no fighting.
    assert_eq!(
        kinds("Договор о прекращении боевых действий подписали командиры отрядов оппозиции."),
        vec![Ceasefire]
    );
}

#[test]
fn a_truce_the_other_side_refused_is_proposed() {
    use crate::tag::CeasefireStatus::*;
    use crate::tag::test_util::statuses;
    // TAGS.md: a truce only one side accepted is `proposed`.
    for text in [
        "Israel agreed to a 60-day ceasefire, but Hamas has not yet responded.",
        "The RSF accepted the humanitarian truce proposed by the Quad, but the army rejected it.",
        "Израиль согласился на перемирие, но ХАМАС его отверг.",
        "Ізраїль погодився на 60-денне припинення вогню, ХАМАС ще не дав відповіді.",
        "СШП погодилися на запропоноване США гуманітарне перемир'я, однак армія Судану його відхилила.",
        "У Досі тривають перемовини щодо припинення вогню в Газі.",
    ] {
        assert_eq!(statuses(text), vec![Proposed], "{text}");
    }
    for text in [
        "Israel and Hamas agreed to a ceasefire that takes effect on Sunday.",
        "Стороны договорились о перемирии, а Минобороны отвергло обвинения в нарушениях.",
        "Сторони погодилися на перемир'я, яке набуде чинності опівночі.",
    ] {
        assert_eq!(statuses(text), vec![Agreed], "{text}");
    }
}

#[test]
fn russian_and_ukrainian_sources_counts_and_scope() {
    use crate::tag::test_util::{claimants, keys};
    // An outlet's name in quotation marks is the claimant, without its marks (TAGS.md: where
    // only the outlet is named, it is the claimant).
    assert_eq!(
        claimants("Число погибших при обстреле возросло с 14 до 18, передает «Интерфакс-Украина»."),
        vec![Some("Интерфакс-Украина".to_string()); 2]
    );
    assert_eq!(
        claimants("Как сообщает «РИА Новости», при обстреле погибли трое мирных жителей."),
        vec![Some("РИА Новости".to_string())]
    );
    // A second source in a clause opened by "тогда как / тоді як" speaks for its own figure.
    assert_eq!(
        claimants(
            "ЦАХАЛ заявил о ликвидации 15 боевиков ХАМАС, тогда как Минздрав Газы сообщил о гибели 22 мирных жителей в результате ударов."
        ),
        vec![Some("ЦАХАЛ".to_string()), Some("Минздрав Газы".to_string())]
    );
    // Counts in words.
    assert_eq!(
        keys("Около полусотни человек погибли в результате обстрела рынка."),
        vec![(Killed, Some(50))]
    );
    assert_eq!(
        keys("Полтора десятка человек получили ранения при обстреле."),
        vec![(Wounded, Some(15))]
    );
    assert_eq!(
        keys("Півтора десятка людей отримали поранення внаслідок обстрілу."),
        vec![(Wounded, Some(15))]
    );
    // A singular person "ликвидирован" is one killed; a tank or a depot is no one.
    assert_eq!(
        keys("В результате удара ЦАХАЛ ликвидирован командир бригады «Хан-Юнис»."),
        vec![(Killed, Some(1))]
    );
    assert_eq!(keys("В ходе боя уничтожен танк противника."), vec![]);
    assert_eq!(keys("Ликвидирован склад боеприпасов противника."), vec![]);
    // Fans' riots and their detentions are neither clash nor claim.
    for text in [
        "Болельщики устроили столкновения у стадиона, задержаны 20 человек.",
        "Вболівальники влаштували сутички з поліцією біля стадіону, затримано 12 осіб.",
    ] {
        assert_eq!(kinds(text), vec![], "{text}");
    }
    // Hostages named with no number in a truce deal are no claim.
    for text in [
        "Стороны обсуждают план перемирия, который предусматривает освобождение заложников.",
        "План передбачає припинення вогню та звільнення заручників.",
        "The plan provides for a ceasefire and the release of hostages.",
    ] {
        assert_eq!(keys(text), vec![], "{text}");
    }
}

#[test]
fn official_and_passive_attributions() {
    use crate::tag::test_util::{claimants, keys};
    // A figure whose giver is named after it, in the passive.
    assert_eq!(
        claimants(
            "Sixteen civilians were reported killed by local officials after gunmen raided the village."
        ),
        vec![Some("local officials".to_string())]
    );
    assert_eq!(
        claimants(
            "Gunmen raided the village on Sunday, killing 11 people and wounding 4. The figure was given by the state health ministry."
        ),
        vec![Some("the state health ministry".to_string()); 2]
    );
    // The killer after "by" is no speaker.
    assert_eq!(
        claimants("Five civilians were reported killed by Russian shelling in Kherson."),
        vec![None]
    );
    // A message with no issuer is the channel of the speaker named in the sentence.
    assert_eq!(
        claimants(
            "ISWAP claimed it killed 20 soldiers in the raid, according to a statement circulated on Telegram."
        ),
        vec![Some("ISWAP".to_string())]
    );
    // An army's press wing before a colon; its register's words for an operation and for
    // the militants it counts.
    assert_eq!(
        claimants(
            "ISPR: Eight khwarij were sent to hell in an intelligence-based operation in North Waziristan."
        ),
        vec![Some("ISPR".to_string())]
    );
    // A relative pronoun after a singular noun counts one.
    assert_eq!(
        keys(
            "MINUSCA mourns the loss of a Rwandan peacekeeper who was killed in an attack on a convoy near Bambari."
        ),
        vec![(Killed, Some(1))]
    );
    // A depot blast or a barracks fire with no attack word is an accident (TAGS.md).
    for text in [
        "A fire at a military warehouse in Homs killed two soldiers, the army said.",
        "An explosion at an arms depot in Homs killed two soldiers, the army said.",
    ] {
        assert_eq!(keys(text), vec![], "{text}");
    }
    assert_eq!(
        keys(
            "An Israeli strike caused an explosion at an arms depot in Homs, killing two soldiers, the army said."
        ),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn second_figures_and_numbered_places() {
    use crate::tag::test_util::{counts_by, keys};
    // A second source's figure with no category word takes the category of the claim
    // before it and is its own claim (TAGS.md: a second claimant's figure).
    assert_eq!(
        keys(
            "Gunmen attacked the village on Sunday and abducted 120 people, local officials said, while the state governor put the number at 287."
        ),
        vec![(Captured, Some(120)), (Captured, Some(287))]
    );
    assert_eq!(
        counts_by(
            "Militants attacked a market in Borno, killing at least 20 people, residents said; police gave a figure of 12."
        ),
        vec![
            (Some(20), Some("residents".to_string())),
            (Some(12), Some("police".to_string()))
        ]
    );
    // A number that closes a place's name counts no one.
    assert_eq!(
        keys("Gang members opened fire on police in Delmas 30, wounding three officers."),
        vec![(Wounded, Some(3))]
    );
    assert_eq!(
        keys("Gunmen killed 12 villagers in an attack in Zamfara on Monday, police said."),
        vec![(Killed, Some(12))]
    );
}

#[test]
fn fresh_round_statuses_clashes_and_scope() {
    use crate::tag::CeasefireStatus::*;
    use crate::tag::test_util::{claimants, keys, statuses};
    // "had broken down" is the collapse, not a breach.
    assert_eq!(
        statuses(
            "The militia said the Kunming truce had broken down after the military bombed its positions."
        ),
        vec![Collapsed]
    );
    // A truce named as absent is no mention.
    assert_eq!(kinds("No ceasefire is in place in Sudan."), vec![]);
    // Air strikes in waves are strikes; workers' strikes and schedule clashes are not.
    assert_eq!(
        kinds("Israel launched a wave of air strikes on Gaza on Tuesday."),
        vec![Clash]
    );
    assert_eq!(
        kinds("Workers launched a wave of strikes over pay."),
        vec![]
    );
    assert_eq!(
        kinds("A schedule clash means the foreign minister will miss the summit."),
        vec![]
    );
    // An anniversary in a clause of its own leaves the attack news; a film anywhere in the
    // sentence makes its battle history.
    assert_eq!(
        kinds(
            "Russian forces shelled Kherson as the city marked the anniversary of its liberation."
        ),
        vec![Clash]
    );
    assert_eq!(
        kinds("The film, about the 1916 battle of the Somme, shows the fighting in brutal detail."),
        vec![]
    );
    // A group that claims an attack gives no figure of it when someone else does.
    assert_eq!(
        claimants(
            "Al-Shabaab claimed responsibility for Friday's attack on the hotel, in which gunmen killed at least 32 people and wounded 63, police spokesman Abdifatah Adan Hassan said."
        ),
        vec![Some("police spokesman Abdifatah Adan Hassan".to_string()); 2]
    );
    assert_eq!(
        claimants(
            "Al-Shabaab claimed responsibility for the attack and said it killed 20 soldiers."
        ),
        vec![Some("Al-Shabaab".to_string())]
    );
    // Ukrainian strikes with the weapon named before the target.
    assert_eq!(
        kinds("Росіяни вдарили КАБом по Костянтинівці, загинула жінка."),
        vec![Clash, Casualty]
    );
    assert_eq!(
        keys(
            "Росіяни вдарили керованими авіабомбами по Запоріжжю: поранено 12 людей, серед них двоє дітей."
        ),
        vec![(Wounded, Some(12)), (Wounded, Some(2))]
    );
    // A shootout with robbers is a police case.
    for text in [
        "Двое полицейских получили ранения в перестрелке с вооруженными грабителями.",
        "Грабитель погиб в перестрелке с полицией.",
    ] {
        assert_eq!(kinds(text), vec![], "{text}");
    }
}

#[test]
fn releases_counted_and_truces_agreed_at_talks() {
    use crate::tag::CeasefireStatus::*;
    use crate::tag::test_util::{keys, statuses};
    // Numbered releases are captured claims (TAGS.md), also as a noun phrase.
    assert_eq!(
        keys("The ICRC said it had facilitated the release of 125 detainees held by the parties."),
        vec![(Captured, Some(125))]
    );
    assert_eq!(
        keys("Israel confirmed the release of 20 hostages."),
        vec![(Captured, Some(20))]
    );
    assert_eq!(
        keys("A boy of five was killed in the shelling of Kherson."),
        vec![(Killed, Some(1))]
    );
    // The talks after which fighting stopped propose nothing: the stop is agreed.
    for text in [
        "Clashes ceased after negotiations mediated by Turkey.",
        "Clashes in Sweida ceased in the early hours after talks brokered by tribal elders.",
    ] {
        assert_eq!(statuses(text), vec![Agreed], "{text}");
    }
    assert_eq!(
        statuses("Israel is pushing for a truce following negotiations in Cairo."),
        vec![Proposed]
    );
    // Coordinated modifiers do not put the agreeing verb out of reach of its truce.
    assert_eq!(
        statuses(
            "Thailand and Cambodia agreed to an immediate and unconditional ceasefire at talks in Putrajaya hosted by Malaysian Prime Minister Anwar Ibrahim."
        ),
        vec![Agreed]
    );
}

#[test]
fn a_heading_names_its_issuer() {
    use crate::tag::test_util::claimants;
    // TAGS.md: an issuer that names itself is the claimant, as written.
    assert_eq!(
        claimants(
            "Statement of the Ministry of Defence of Azerbaijan: two servicemen were wounded in the shelling."
        ),
        vec![Some("the Ministry of Defence of Azerbaijan".to_string())]
    );
    assert_eq!(
        claimants(
            "Press release of the Indian Army: three soldiers were killed in an encounter with terrorists in Kupwara."
        ),
        vec![Some("the Indian Army".to_string())]
    );
}
