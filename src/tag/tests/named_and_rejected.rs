//! People named with their ages, parts of a group a later predicate counts, and claims
//! another speaker rejects. Sentences written for these tests, about many conflicts.

use crate::tag::CasualtyCategory::*;
use crate::tag::test_util::{claims, keys};

#[test]
fn an_age_set_off_by_commas_is_no_count() {
    assert_eq!(
        keys("Mohammed Ali, 27, was shot dead by soldiers near Tubas, the health ministry said."),
        vec![(Killed, Some(1))]
    );
    assert_eq!(
        keys("Grace Okafor, 41, was abducted by gunmen from her farm near Kaduna, police said."),
        vec![(Captured, Some(1))]
    );
}

#[test]
fn people_named_with_ages_and_kin_are_counted_one_by_one() {
    assert_eq!(
        keys(
            "Ahmed Salem, 34, and his brother Khaled were killed in an airstrike on their home in Deir al-Balah, relatives said."
        ),
        vec![(Killed, Some(2))]
    );
    assert_eq!(
        keys(
            "Rosa Mendoza, 8, Luis Mendoza, 12, and their mother Ana were wounded when a mortar round hit the house, the mayor said."
        ),
        vec![(Wounded, Some(3))]
    );
}

#[test]
fn a_number_of_things_after_a_comma_is_still_counted() {
    // A count followed by its noun is no age, even after a comma.
    assert_eq!(
        keys("In the north, 27 soldiers were killed in the ambush, the army said."),
        vec![(Killed, Some(27))]
    );
}

#[test]
fn a_part_of_the_wounded_that_died_counts_as_killed() {
    assert_eq!(
        keys(
            "Three of the wounded later died in hospital, a doctor in Marawi said after the clashes."
        ),
        vec![(Killed, Some(3))]
    );
    assert_eq!(
        keys(
            "The ministry said that two of the five injured gendarmes, Sgt. Paul Ndi and Cpl. Eric Fon, died at the hospital after the ambush."
        ),
        vec![(Killed, Some(2)), (Wounded, Some(5))]
    );
    assert_eq!(
        keys("После обстрела трое из раненых скончались в больнице, сообщили в минздраве."),
        vec![(Killed, Some(3))]
    );
}

#[test]
fn a_claim_another_side_denies_is_its_negated_claim() {
    let c = claims(
        "The rebels said their fighters killed dozens of soldiers in the raid on the base, a claim the army denied.",
    );
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!((c[0].0, c[0].4), (Killed, false));
    assert_eq!(c[1], (Killed, None, false, Some("the army".into()), true));
}

#[test]
fn a_rejection_in_the_next_sentence_takes_the_last_claims_category() {
    let c = claims(
        "The army said 14 militants were captured in the raid on the camp. The group rejected the claim, calling it propaganda.",
    );
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!((c[0].0, c[0].1), (Captured, Some(14)));
    assert_eq!(
        c[1],
        (Captured, None, false, Some("The group".into()), true)
    );
}

#[test]
fn a_rejection_with_no_claim_before_it_is_none() {
    assert!(claims("The government rejected the report as biased, a spokesman said.").is_empty());
    assert!(
        claims("The ministry dismissed the claims of fraud in the election, the agency said.")
            .is_empty()
    );
}

#[test]
fn a_russian_rejection_of_the_figures() {
    let c = claims("Армия заявила, что уничтожила 40 боевиков. Боевики опровергли эти данные.");
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!((c[0].0, c[0].1, c[0].4), (Killed, Some(40), false));
    assert_eq!((c[1].0, c[1].1, c[1].4), (Killed, None, true));
}

#[test]
fn a_singular_phrase_joined_to_a_count_counts_one_more() {
    assert_eq!(
        keys("The bombing killed six policemen and a schoolteacher in Quetta, officials said."),
        vec![(Killed, Some(6)), (Killed, Some(1))]
    );
    assert_eq!(
        keys("Nine fighters and a medic were wounded in the clashes near Idlib, the group said."),
        vec![(Wounded, Some(9)), (Wounded, Some(1))]
    );
    // A singular phrase with a verb of its own is its own claim, not one more of the first.
    assert_eq!(
        keys("Four soldiers were killed and a driver was wounded in the ambush, the army said."),
        vec![(Killed, Some(4)), (Wounded, Some(1))]
    );
}

#[test]
fn a_name_before_a_relative_who_is_one_person() {
    assert_eq!(
        keys(
            "Captain Ruben Santos, who was badly wounded in the encounter with the rebels, was flown to Manila, the army said."
        ),
        vec![(Wounded, Some(1))]
    );
    assert_eq!(
        keys(
            "The drone hit the car of Hassan Nasser and his son Ali, who were both killed, the civil defence said."
        ),
        vec![(Killed, Some(2))]
    );
}

#[test]
fn a_denial_ends_where_new_speech_begins() {
    let c = claims(
        "The militia denied its positions were hit and said 17 civilians had been killed in the strike.",
    );
    assert_eq!(
        c,
        vec![(Killed, Some(17), false, Some("The militia".into()), false)]
    );
    let c = claims("The ministry denied reports that 30 soldiers were killed in the raid.");
    assert_eq!(
        c.iter().map(|c| (c.1, c.4)).collect::<Vec<_>>(),
        vec![(Some(30), true)]
    );
}
