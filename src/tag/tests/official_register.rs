//! Communiqués, briefings and wire copy in the official register: deaths from wounds, unions
//! that are no trade unions, conditional attacks, hostilities ordered to stop, truces not
//! renewed or ended by announcement, "два десятка", a General Staff's denial, a vehicle that
//! hit a mine, and a governor named after the figure. Sentences written for these tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::CeasefireStatus::*;
use crate::tag::MentionKind::{Ceasefire, Clash};
use crate::tag::test_util::{claimants, claims, keys, kinds, statuses};

#[test]
fn a_death_from_wounds_counts_its_subject() {
    assert_eq!(
        keys("Another soldier died of his wounds on Tuesday, a military source said."),
        vec![(Killed, Some(1))]
    );
    assert_eq!(
        keys("A soldier succumbed to his injuries after the ambush."),
        vec![(Killed, Some(1))]
    );
    assert_eq!(
        keys(
            "Captain Ahmed Mahamat, Lieutenant Idriss Abakar and Private Moussa Brahim died of their wounds after the ambush near Bol."
        ),
        vec![(Killed, Some(3))]
    );
    // A death told with no wound may be an accident: no count of one.
    assert_eq!(
        keys(
            "Three soldiers were killed in the combat while another soldier died while crossing the icy river."
        ),
        vec![(Killed, Some(3))]
    );
}

#[test]
fn the_african_union_is_no_trade_union() {
    assert!(kinds("The African Union condemns the attack on the camp.").contains(&Clash));
    assert!(
        kinds("The European Union condemned the shelling of Kharkiv, which killed five people.")
            .contains(&Clash)
    );
    assert!(kinds("Union leaders threatened a strike at the port.").is_empty());
    assert!(kinds("The rail union called a strike over pay.").is_empty());
}

#[test]
fn an_attack_only_supposed_is_no_clash() {
    assert!(
        kinds(
            "Our forces will remain inactive unless our people and our guerilla forces are attacked, the group said."
        )
        .is_empty()
    );
}

#[test]
fn hostilities_ordered_to_stop_are_a_ceasefire_only() {
    assert_eq!(
        kinds("Putin ordered all hostilities to stop from 18:00."),
        vec![Ceasefire]
    );
}

#[test]
fn a_truce_not_renewed_or_ended_by_announcement_collapsed() {
    assert_eq!(statuses("The truce was not renewed."), vec![Collapsed]);
    assert_eq!(
        statuses("The truce expired on 2 October without being extended."),
        vec![Collapsed]
    );
    assert_eq!(
        statuses("The government announced the end of the ceasefire."),
        vec![Collapsed]
    );
    assert_eq!(
        statuses("President Petro announced the suspension of the ceasefire with the EMC."),
        vec![Collapsed]
    );
}

#[test]
fn tens_counted_by_a_numeral() {
    let c = claims("Более двух десятков военнослужащих получили ранения в результате обстрела.");
    assert_eq!((c[0].0, c[0].1, c[0].2), (Wounded, Some(20), true));
    let c = claims("Понад два десятки військових загинули внаслідок обстрілу.");
    assert_eq!((c[0].0, c[0].1, c[0].2), (Killed, Some(20), true));
    let c = claims("Десятки людей загинули внаслідок обстрілу.");
    assert_eq!((c[0].0, c[0].1, c[0].2), (Killed, None, true));
}

#[test]
fn a_general_staff_denial_is_a_negated_claim() {
    let c = claims("The General Staff denied any losses.");
    assert_eq!(c.len(), 1);
    assert!(c[0].4);
}

#[test]
fn a_vehicle_that_hit_a_mine_is_no_clash() {
    assert_eq!(
        kinds("Two soldiers were killed when their vehicle hit an IED in Rajouri, the Army said."),
        vec![crate::tag::MentionKind::Casualty]
    );
}

#[test]
fn a_title_named_after_the_figure_is_the_claimant() {
    assert_eq!(
        claimants(
            "Three soldiers were wounded near the bridge. The governor told reporters the shelling began at dawn."
        ),
        vec![Some("The governor".to_string())]
    );
    assert_eq!(
        claimants(
            "Three soldiers were wounded near the bridge. He told reporters the shelling began at dawn."
        ),
        vec![None]
    );
}

#[test]
fn a_reported_figure_called_fake_is_negated() {
    let c = claims("Reports that 9 soldiers were killed are fake, the ministry said.");
    assert_eq!((c[0].0, c[0].1, c[0].4), (Killed, Some(9), true));
    let c = claims("Сообщения о гибели 30 военнослужащих — фейк, заявили в Минобороны.");
    assert_eq!((c[0].0, c[0].1, c[0].4), (Killed, Some(30), true));
    let c = claims(
        "Повідомлення російських пабліків про значні втрати бригади не відповідають дійсності, заявили в Генштабі.",
    );
    assert_eq!((c[0].0, c[0].4), (KilledOrWounded, true));
    // A claim its owner makes stays the owner's.
    let c = claims("The militants' claims to have killed 12 soldiers are baseless, the army said.");
    assert_eq!((c[0].0, c[0].1, c[0].4), (Killed, Some(12), false));
}

#[test]
fn prisoners_returned_from_captivity_are_captured() {
    assert_eq!(
        keys("З полону повернулися 95 українських захисників, повідомив Координаційний штаб."),
        vec![(Captured, Some(95))]
    );
    assert_eq!(
        keys("Из плена вернулись 95 российских военнослужащих, сообщило Минобороны."),
        vec![(Captured, Some(95))]
    );
    assert_eq!(
        keys("Україна повернула з російського полону 103 захисників, повідомив президент."),
        vec![(Captured, Some(103))]
    );
    assert_eq!(
        keys("The ICRC said 14 prisoners were released."),
        vec![(Captured, Some(14))]
    );
}

#[test]
fn an_admission_names_its_speaker() {
    assert_eq!(
        claimants("Минобороны Армении признало гибель трех военнослужащих в результате обстрела."),
        vec![Some("Минобороны Армении".to_string())]
    );
    assert_eq!(
        claimants("Міноборони Вірменії визнало загибель трьох військових внаслідок обстрілу."),
        vec![Some("Міноборони Вірменії".to_string())]
    );
}

#[test]
fn a_batch_of_shells_delivered_is_no_clash() {
    assert!(kinds("A new batch of artillery shells arrived in Ukraine.").is_empty());
    assert!(
        kinds("До України прибула нова партія артилерійських снарядів від партнерів.").is_empty()
    );
}

#[test]
fn a_part_of_them_after_a_comma_is_a_breakdown() {
    assert_eq!(
        keys("At least 30 people were killed, 12 of them children, in the air strike."),
        vec![(Killed, Some(30)), (Killed, Some(12))]
    );
    assert_eq!(
        keys(
            "Three civilians were killed and 14 wounded, seven of them seriously, when shells hit a market."
        ),
        vec![(Killed, Some(3)), (Wounded, Some(14)), (Wounded, Some(7))]
    );
}
