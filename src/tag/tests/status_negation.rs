//! A truce's status under a negation, inside a reported clause, and given by the deaths
//! since it began (issue #12, error kind 3). Sentences written for these tests, about no
//! passage of a labelled set.

use crate::tag::CeasefireStatus::*;
use crate::tag::test_util::statuses;

#[test]
fn a_negated_status_word_says_the_opposite() {
    assert_eq!(
        statuses("The truce brokered in Doha has not collapsed, officials said on Monday."),
        vec![Holding]
    );
    assert_eq!(
        statuses(
            "The ceasefire has not been respected by the militia, which continues to shell the villages."
        ),
        vec![Violated]
    );
    assert_eq!(
        statuses("Режим тишины на линии соприкосновения не нарушался."),
        vec![Holding]
    );
    assert_eq!(
        statuses("Стороны так и не договорились о перемирии на время праздников."),
        vec![Proposed]
    );
}

#[test]
fn a_verb_whose_object_is_a_clause_says_nothing_of_the_truce_in_it() {
    assert_eq!(
        statuses("The mediators announced that the truce in the capital had collapsed."),
        vec![Collapsed]
    );
}

#[test]
fn over_is_a_status_only_as_a_predicate() {
    assert_eq!(
        statuses("The ceasefire in the south has largely held over the past week."),
        vec![Holding]
    );
    assert_eq!(
        statuses("The army said the truce was over."),
        vec![Collapsed]
    );
}

#[test]
fn deaths_since_a_truce_began_violate_it() {
    assert!(
        statuses(
            "Since the truce began on 3 March, more than 40 people have been killed in the enclave."
        )
        .contains(&Violated)
    );
    assert!(
        statuses("С начала пасхального перемирия погибли двое военнослужащих.").contains(&Violated)
    );
    assert!(statuses("Від початку перемир'я поранено трьох військових.").contains(&Violated));
}

#[test]
fn fighting_that_has_not_stopped_is_no_truce() {
    use crate::tag::MentionKind;
    use crate::tag::test_util::kinds;
    assert!(
        !kinds("The fighting around the airport had not stopped by nightfall.")
            .contains(&MentionKind::Ceasefire)
    );
    assert_eq!(
        statuses("The rebels announced a unilateral halt to hostilities on Friday."),
        vec![Agreed]
    );
}

#[test]
fn a_truce_that_lost_force_or_remains_intact() {
    assert_eq!(
        statuses("Угода про перемир'я втратила чинність у понеділок."),
        vec![Collapsed]
    );
    assert!(
        crate::tag::test_util::keys("Угода про перемир'я втратила чинність у понеділок.")
            .is_empty()
    );
    assert_eq!(
        statuses("Соглашение о перемирии утратило силу в полночь."),
        vec![Collapsed]
    );
    assert_eq!(
        statuses("The ceasefire remains intact despite sporadic incidents, the mission said."),
        vec![Holding]
    );
}
