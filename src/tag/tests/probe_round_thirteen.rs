//! Shapes found by readers who wrote their own passages from TAGS.md alone (a thirteenth
//! round): truces of quarrels, struggles against floods, police arrests, fighting during a
//! truce, and tolls told in the sentence after an anniversary.

use crate::tag::CasualtyCategory::*;
use crate::tag::CeasefireStatus;
use crate::tag::MentionKind::*;
use crate::tag::test_util::{keys, kinds, statuses};

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
