//! Counts a reader takes from words, not digits (issue #12): "both", "all four" after the
//! verb, "a third person", people who "went missing" or "turned themselves in", wars dated
//! by a closed span of years, and a source quoted after a claim with words of its own.
//! Sentences written for these tests, about no passage of a labelled set.

use crate::tag::CasualtyCategory::*;
use crate::tag::test_util::{claims, counts_by, keys};

#[test]
fn both_counts_two_people_and_no_sides() {
    assert_eq!(
        keys(
            "Both pilots were killed when the jet was shot down over the valley, the air force said."
        ),
        vec![(Killed, Some(2))]
    );
    assert_eq!(
        keys("Both sides suffered casualties in the clashes along the border."),
        vec![(KilledOrWounded, None)]
    );
    assert_eq!(
        keys("Two medics were killed in the shelling, both of them volunteers."),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn all_and_a_number_after_the_verb_count() {
    assert_eq!(
        keys("The roadside ambush killed all six crew members of the patrol boat, the navy said."),
        vec![(Killed, Some(6))]
    );
}

#[test]
fn a_third_person_is_one_more() {
    assert_eq!(
        keys("Two guards were killed in the raid on the checkpoint. A third guard was wounded."),
        vec![(Killed, Some(2)), (Wounded, Some(1))]
    );
}

#[test]
fn went_missing_and_turned_themselves_in() {
    assert_eq!(
        keys("A local interpreter went missing after the attack on the convoy."),
        vec![(Missing, Some(1))]
    );
    assert_eq!(
        keys("A nurse and her driver went missing after the shelling of the clinic."),
        vec![(Missing, Some(2))]
    );
    assert_eq!(
        keys(
            "Fourteen rebels turned themselves in to the army after the fighting, officials said."
        ),
        vec![(Captured, Some(14))]
    );
}

#[test]
fn a_war_dated_by_a_closed_span_is_background() {
    assert!(
        keys("The town never recovered from the Croatian war of 1991-95, in which about 20,000 people were killed.")
            .is_empty()
    );
    assert!(
        keys("The museum remembers the victims of the 1998-99 Kosovo war, in which some 13,000 people were killed.")
            .is_empty()
    );
    // A running toll of a war still going on is a claim.
    assert_eq!(
        keys("The war, in which at least 40,000 people have been killed, is in its third year."),
        vec![(Killed, Some(40000))]
    );
}

#[test]
fn a_source_quoted_after_a_claim_speaks_only_its_own_words() {
    let got = counts_by(
        "The army said it had killed 22 insurgents, quoting a field commander as saying that another nine had surrendered.",
    );
    assert_eq!(
        got,
        vec![
            (Some(22), Some("The army".to_string())),
            (Some(9), Some("a field commander".to_string()))
        ]
    );
    let got: Vec<_> =
        claims("The army was quoted by AFP as saying that 25 soldiers were killed in the attack.")
            .into_iter()
            .map(|c| c.3)
            .collect();
    assert_eq!(got, vec![Some("The army".to_string())]);
}
