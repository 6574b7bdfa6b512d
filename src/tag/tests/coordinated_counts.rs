//! Counts with no digits: people named one by one as a coordination of singular phrases, a
//! scale word after an approximation marker, and a count after a "are held / находятся"
//! copula. Sentences written for these tests.

use crate::tag::CasualtyCategory::{Captured, Killed, KilledOrWounded, Missing, Wounded};
use crate::tag::test_util::keys;

#[test]
fn a_coordination_of_singular_phrases_counts_its_members() {
    assert_eq!(
        keys("Mortar fire on the market killed a vendor and a schoolboy, the governor said."),
        vec![(Killed, Some(2))]
    );
    assert_eq!(
        keys("The raid killed a teacher, a nurse and a farmer in the village, residents said."),
        vec![(Killed, Some(3))]
    );
    assert_eq!(
        keys("A medic and a driver from the convoy are still missing after the ambush."),
        vec![(Missing, Some(2))]
    );
    assert_eq!(
        keys("Police said a soldier and a civilian were wounded in the blast."),
        vec![(Wounded, Some(2))]
    );
    // One singular phrase stays one; a plural ends the coordination.
    assert_eq!(
        keys("A soldier was killed near the border post."),
        vec![(Killed, Some(1))]
    );
    assert_eq!(
        keys("Shelling killed a man and wounded two children, the mayor said."),
        vec![(Killed, Some(1)), (Wounded, Some(2))]
    );
}

#[test]
fn a_scale_word_after_an_approximation_marker_is_a_number() {
    assert_eq!(
        keys("Потери противника составили около миллиона человек убитыми и ранеными."),
        vec![(KilledOrWounded, Some(1_000_000))]
    );
    assert_eq!(
        keys("The fighting has killed more than a million people since 2015, the agency said."),
        vec![(Killed, Some(1_000_000))]
    );
    // A plural scale word stays vague.
    assert_eq!(keys("В боях погибли тысячи человек."), vec![(Killed, None)]);
}

#[test]
fn a_count_after_a_copula_of_captivity_belongs_to_the_cue_before_it() {
    assert_eq!(
        keys("В плену сейчас находятся 140 пограничников, сообщили в ведомстве."),
        vec![(Captured, Some(140))]
    );
    assert_eq!(
        keys("За даними омбудсмена, у полоні досі перебувають понад 3 тисячі військових."),
        vec![(Captured, Some(3000))]
    );
}

#[test]
fn a_speaker_who_told_of_captives_is_their_claimant() {
    let got = crate::tag::test_util::claims(
        "Омбудсмен розповідав, що в полоні перебувають близько 900 цивільних.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (Captured, Some(900)));
    assert_eq!(got[0].3.as_deref(), Some("Омбудсмен"));
}

#[test]
fn a_nominal_cue_counts_the_single_person_after_of_or_to() {
    assert_eq!(
        keys("The ambush resulted in the death of a border guard and injuries to another guard."),
        vec![(Killed, Some(1)), (Wounded, Some(1))]
    );
    // "The death of the commander" stays one; "the deaths of five" is a count.
    assert_eq!(
        keys("The strike caused the deaths of five militiamen, the army said."),
        vec![(Killed, Some(5))]
    );
}

#[test]
fn a_bracketed_acronym_between_count_and_cue_is_skipped() {
    let c = keys(
        "Some 40 fighters of the Moro Islamic Liberation Front (MILF) have been killed by army \
         troops in the clashes.",
    );
    assert_eq!(c, vec![(Killed, Some(40))]);
    // A bracketed figure is not an aside: "three (3)" stays one count.
    let c = keys("The strike killed three (3) militants near the camp.");
    assert_eq!(c, vec![(Killed, Some(3))]);
}

#[test]
fn joined_ages_are_no_counts() {
    let c = keys(
        "A roadside bomb planted by the rebels wounded two farmers, ages 19 and 62, on Sunday.",
    );
    assert_eq!(c, vec![(Wounded, Some(2))]);
    let c = keys("The shelling killed four civilians aged 20 to 35 in the market.");
    assert_eq!(c, vec![(Killed, Some(4))]);
}

#[test]
fn a_count_with_a_predicate_of_its_own_inherits_no_category() {
    // Displacement after a toll is no casualty claim.
    assert_eq!(
        keys(
            "Air strikes have killed 310 people in the province, and more than 45,000 have fled to the hills."
        ),
        vec![(Killed, Some(310))]
    );
    assert_eq!(
        keys(
            "The militia attack killed 27 villagers, and 3,000 have since left the district, officials said."
        ),
        vec![(Killed, Some(27))]
    );
    // An elliptical count still takes the category before it.
    assert_eq!(
        keys("The ambush killed nine soldiers and four more, the army said."),
        vec![(Killed, Some(9)), (Killed, Some(4))]
    );
}

#[test]
fn a_cue_followed_by_its_count_makes_one_claim() {
    assert_eq!(
        keys(
            "Rebels stormed the garrison at dawn. The dead included six gendarmes, the governor said."
        ),
        vec![(Killed, Some(6))]
    );
    assert_eq!(
        keys("A drone struck the convoy. The wounded were 11 soldiers, the army said."),
        vec![(Wounded, Some(11))]
    );
}
