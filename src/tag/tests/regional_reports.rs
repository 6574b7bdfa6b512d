//! Russian and Ukrainian regional reports (heads of military administrations, city councils,
//! press services) outside the labelled sets, where claimants and counts went wrong: a message
//! or channel taken for the speaker, a channel written with a hyphen, speech verbs of
//! summing up, a singular cue read inside a plural word, a part of the dead named with no
//! number. Sentences written for these tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::test_util::{claimants, keys};

#[test]
fn a_message_or_channel_is_no_speaker() {
    // "Said the statement" with no issuer names no claimant (TAGS.md).
    assert_eq!(
        claimants("«При обстреле погибли трое военных», — говорится в сообщении."),
        vec![None]
    );
    assert_eq!(
        claimants("В результате обстрела погибли три человека, говорится в сообщении Минобороны."),
        vec![Some("Минобороны".to_string())]
    );
}

#[test]
fn a_hyphenated_channel_before_the_speaker_is_skipped() {
    assert_eq!(
        claimants(
            "Про це повідомив у телеграм-каналі голова ОВА Іван Коваль. Внаслідок обстрілу загинули двоє людей."
        ),
        vec![Some("голова ОВА Іван Коваль".to_string())]
    );
    assert_eq!(
        claimants(
            "Внаслідок обстрілу загинули двоє людей, повідомив глава громади Петро Іваненко."
        ),
        vec![Some("глава громади Петро Іваненко".to_string())]
    );
}

#[test]
fn summing_up_is_speech() {
    assert_eq!(
        claimants(
            "\"Внаслідок обстрілу двоє людей загинули, ще п'ятеро поранені\", - підсумував голова ОВА."
        ),
        vec![
            Some("голова ОВА".to_string()),
            Some("голова ОВА".to_string())
        ]
    );
}

#[test]
fn a_singular_cue_does_not_match_inside_a_plural_word() {
    assert_eq!(
        keys("При обстреле ранены мирные жители."),
        vec![(Wounded, None)]
    );
    assert_eq!(
        keys("В результате удара убиты мирные жители."),
        vec![(Killed, None)]
    );
    assert_eq!(
        keys("При обстреле ранена женщина."),
        vec![(Wounded, Some(1))]
    );
}

#[test]
fn a_part_of_the_counted_named_with_no_number_is_no_claim() {
    assert_eq!(
        keys("В результате обстрела погибли трое мирных жителей. Среди погибших — ребенок."),
        vec![(Killed, Some(3))]
    );
    assert_eq!(
        keys("Внаслідок обстрілу поранено шестеро людей. Серед поранених — 17-річна дівчина."),
        vec![(Wounded, Some(6))]
    );
}
