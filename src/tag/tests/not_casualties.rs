//! Words of killing and wounding that make no casualty claim (issue #12, error kind 1), found
//! by reading the tagger's output on the real feeds of `../shared/corpus` (none of them in a
//! labelled set): a cue inside a name, a killing only tried or feared, victims of crime or
//! abuse, a loss of things, an age, and the police as the source of an accident report.
//! Sentences written for these tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::test_util::keys;

#[test]
fn a_cue_inside_a_name_is_no_claim() {
    assert_eq!(
        keys(
            "Wounded civilians were taken to the Al-Awda Martyrs Hospital after the air strike on the camp."
        ),
        vec![(Wounded, None)]
    );
    assert!(
        keys("Families sheltering at the Martyrs Square school were told to move south as the shelling went on.").is_empty()
    );
    assert_eq!(
        keys(
            "The Al-Aqsa Martyrs Brigades said two of its fighters were killed in the raid on the camp."
        ),
        vec![(Killed, Some(2))]
    );
    // A headline in title case still makes its claims.
    assert_eq!(
        keys("Two Soldiers Killed In Rebel Ambush Near Border Town"),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn a_killing_tried_or_feared_is_no_claim() {
    for text in [
        "Gunmen tried to kill the district governor at his home near the front line overnight, his office said.",
        "The opposition leader says he was the victim of an assassination attempt by soldiers hours after the rally.",
        "Some 40,000 displaced people in the besieged camps live in fear of losing their children to the shelling.",
        "Militants threatened to abduct aid workers travelling on the road to the camp.",
    ] {
        assert!(keys(text).is_empty(), "{text}: {:?}", keys(text));
    }
    // What happened beside the attempt is still a claim.
    assert_eq!(
        keys(
            "The minister survived an assassination attempt by militants that killed two of his bodyguards."
        ),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn victims_of_crime_and_abuse_are_no_claim() {
    for text in [
        "Senators backed two amendments to aid victims of sexual assault in the military.",
        "The act gives victims of domestic and sexual abuse in the armed forces access to justice.",
    ] {
        assert!(keys(text).is_empty(), "{text}: {:?}", keys(text));
    }
}

#[test]
fn a_loss_or_theft_of_things_is_no_claim() {
    for text in [
        "После обстрела фермеры потеряли урожай и часть техники.",
        "Після обстрілу аграрії втратили урожай.",
        "Окупанти вдалися до викрадення авто у жителів села.",
    ] {
        assert!(keys(text).is_empty(), "{text}: {:?}", keys(text));
    }
    assert_eq!(
        keys("После обстрела в селе потеряли двух человек."),
        vec![(KilledOrWounded, Some(2))]
    );
}

#[test]
fn an_age_at_the_start_is_no_count() {
    assert!(
        keys("At 15, he was taken by the militia and forced to fight on the front line.")
            .is_empty()
    );
}

#[test]
fn the_police_as_the_source_of_a_report_name_no_party() {
    for text in [
        "Смерть подростка на крыше электрички. В полиции сообщили подробности.",
        "A 19-year-old died after falling from the roof of a train, police said.",
        "Загибель чоловіка в ліфті. У поліції повідомили подробиці.",
    ] {
        assert!(keys(text).is_empty(), "{text}: {:?}", keys(text));
    }
    // Police among the dead are a party.
    assert_eq!(
        keys("Two policemen were killed at a checkpoint outside the town, police said."),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn an_ordinal_that_ranks_a_death_among_others_counts_none() {
    let text = "Militants attacked the outpost at dawn. It was the third such death in the unit this year.";
    assert!(!keys(text).iter().any(|(_, n)| *n == Some(3)), "{text}");
}
