//! A toll's cause, told clause by clause (issue #12, error kinds 1 and 4): combat deaths
//! beside deaths in accidents, a hazard or an animal that "struck" or "attacked", an attack
//! ruled out, a number withheld, crime and figurative truces. Sentences written for these
//! tests, about no passage of a labelled set.

use crate::tag::CasualtyCategory::*;
use crate::tag::MentionKind;
use crate::tag::test_util::{keys, kinds};

#[test]
fn combat_deaths_beside_accident_deaths_keep_their_claim() {
    assert_eq!(
        keys(
            "Since the mission began, 31 Dutch soldiers have died in combat, and 12 in non-combat incidents."
        ),
        vec![(Killed, Some(31))]
    );
    assert_eq!(
        keys(
            "Eleven French soldiers have been killed by enemy fire in Mali and nine have died in accidents or from illness."
        ),
        vec![(Killed, Some(11))]
    );
    // Without a cause of its own, the accident toll still takes the sentence's accident.
    assert!(
        keys("Two soldiers died in a road accident near the front line on Tuesday.").is_empty()
    );
    // The animals are the attackers here.
    assert!(
        keys("Several rebels died due to attacks by wild animals, the police commander said.")
            .is_empty()
    );
}

#[test]
fn a_hazard_or_an_animal_that_strikes_is_no_clash() {
    for text in [
        "An avalanche struck an army post in the Siachen sector on Sunday, burying six soldiers, the army said.",
        "A flash flood hit a border police camp overnight and four guards are still missing, officials said.",
        "A stray dog attacked and killed a boy near the barracks, local police said.",
        "Crocodiles killed two soldiers crossing the river on patrol, the regional governor said.",
    ] {
        assert!(
            !kinds(text).contains(&MentionKind::Clash),
            "a clash in {text:?}"
        );
        assert!(keys(text).is_empty(), "a claim in {text:?}");
    }
    // A weapon that strikes still does.
    assert!(
        kinds("A missile struck an army post near the border, killing three soldiers.")
            .contains(&MentionKind::Clash)
    );
}

#[test]
fn an_attack_ruled_out_is_no_cause() {
    for text in [
        "Investigators ruled out hostile fire in the crash of the transport helicopter, which killed all five crew.",
        "The navy said the blaze aboard the corvette, in which two sailors died, was not the result of an attack.",
    ] {
        assert!(
            !kinds(text).contains(&MentionKind::Clash),
            "a clash in {text:?}"
        );
        assert!(keys(text).is_empty(), "a claim in {text:?}");
    }
}

#[test]
fn a_number_withheld_is_no_claim() {
    assert!(
        keys("The defence ministry would not disclose the number of soldiers killed in the fighting near the dam.")
            .is_empty()
    );
    assert!(
        keys("Army spokesmen declined to give the number of troops killed in the ambush.")
            .is_empty()
    );
    // A number given is one.
    assert_eq!(
        keys("The defence ministry said 14 soldiers were killed in the fighting near the dam."),
        vec![(Killed, Some(14))]
    );
}

#[test]
fn a_bar_fight_or_a_drug_deal_is_crime() {
    assert!(
        keys(
            "A man was stabbed to death in a bar fight in the port city on Saturday, police said."
        )
        .is_empty()
    );
    assert!(
        keys("A police officer was shot dead by a drug dealer during a search of a flat in the suburb.")
            .is_empty()
    );
}

#[test]
fn truces_between_rappers_firms_or_litigants_are_figurative() {
    for text in [
        "The two rival rappers announced a truce on Sunday after months of insults.",
        "The two ride-hailing apps agreed a ceasefire in their discount battle.",
        "The port operator and the city agreed a truce in their legal battle over the contract.",
    ] {
        assert!(
            !kinds(text).contains(&MentionKind::Ceasefire),
            "a ceasefire in {text:?}"
        );
    }
    assert!(
        kinds("The army and the rebels agreed a truce on Sunday after months of fighting.")
            .contains(&MentionKind::Ceasefire)
    );
}
