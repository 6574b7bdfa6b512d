//! Negated claims and non-claims about missing reports.

use crate::tag::CasualtyCategory::*;
use crate::tag::test_util::claims;

#[test]
fn no_casualties_is_negated() {
    let c = claims("The shells landed in open fields and there were no casualties.");
    assert_eq!(c.len(), 1);
    assert_eq!((c[0].0, c[0].1, c[0].4), (KilledOrWounded, None, true));
}

#[test]
fn nobody_was_hurt_is_negated() {
    let c = claims("A rocket hit the depot but nobody was hurt, police said.");
    assert_eq!((c[0].0, c[0].4), (Wounded, true));
    let c = claims("No one was killed in the raid on the village.");
    assert_eq!((c[0].0, c[0].4), (Killed, true));
}

#[test]
fn denied_losses_is_negated_with_claimant() {
    let c = claims("The defence ministry denied any losses among its troops.");
    assert_eq!(c.len(), 1);
    assert!(c[0].4);
    assert_eq!(c[0].3.as_deref(), Some("The defence ministry"));
}

#[test]
fn reported_no_casualties_is_negated() {
    let c = claims("The garrison reported no casualties after the drone attack.");
    assert!(c.iter().all(|x| x.4) && !c.is_empty());
}

#[test]
fn absence_of_reports_is_no_claim() {
    assert!(claims("The army has not reported casualties from the attack.").is_empty());
    assert!(claims("Officials cannot give the number of casualties yet.").is_empty());
    assert!(claims("The number of casualties remains unknown.").is_empty());
}

#[test]
fn injuries_but_no_fatalities() {
    let c = claims("Rocket fire hit the town, causing injuries but no fatalities.");
    assert!(c.iter().any(|x| x.0 == Wounded && !x.4));
    assert!(c.iter().any(|x| x.0 == Killed && x.4));
}

#[test]
fn reports_to_us_and_dropping_counts_are_no_claims() {
    assert!(claims("No casualties were reported to us by the garrison.").is_empty());
    assert!(claims("Casualties have dropped since the spring, the ministry said.").is_empty());
}

#[test]
fn accident_context_carries_to_the_next_sentence() {
    let t = "A soldier accidentally fired a tank shell into a shopping centre. Nobody was hurt.";
    assert!(claims(t).is_empty(), "{:?}", claims(t));
    // A fire caused by a strike is no accident.
    let t = "A drone hit a block of flats and a fire broke out. No one was hurt.";
    assert!(claims(t).iter().all(|c| c.4) && !claims(t).is_empty());
}

#[test]
fn a_figure_the_issuer_calls_false_is_a_negated_claim() {
    use crate::tag::test_util::claims;
    for text in [
        "Fake news circulating online claims that 14 soldiers were killed near the pass.",
        "The ministry dismissed as disinformation reports that 30 marines were killed.",
    ] {
        let got = claims(text);
        assert!(!got.is_empty(), "{text}");
        assert!(got.iter().all(|c| c.4), "{text}: {got:?}");
    }
}

#[test]
fn a_figure_restated_by_the_same_claimant_is_one_claim() {
    use crate::tag::test_util::keys;
    // The same 40 rebels, told twice by the same ministry.
    assert_eq!(
        keys(
            "The ministry said 40 rebels were killed in the assault on the camp. \
              Troops later found the bodies, and the ministry said in a second statement that \
              40 rebels were killed."
        ),
        vec![(Killed, Some(40))]
    );
    // The same number of different people, or from a second claimant, stays.
    assert_eq!(
        keys("The blast wounded three soldiers and three police officers, the army said."),
        vec![(Wounded, Some(3)), (Wounded, Some(3))]
    );
    assert_eq!(
        keys(
            "The army said 12 soldiers were killed. The rebels said 12 soldiers were killed \
              and dozens more fled."
        ),
        vec![(Killed, Some(12)), (Killed, Some(12))]
    );
}

#[test]
fn a_denied_figure_is_a_negated_claim_of_that_figure() {
    for (text, count) in [
        (
            "The defence ministry denied reports that 30 soldiers were killed near the river crossing.",
            30,
        ),
        (
            "Минобороны опровергло сообщения о гибели 45 военнослужащих под Изюмом.",
            45,
        ),
        (
            "Генштаб спростував інформацію про загибель 12 військових на Донеччині.",
            12,
        ),
    ] {
        let got = claims(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(
            (got[0].0, got[0].1, got[0].4),
            (Killed, Some(count), true),
            "{text}"
        );
    }
    // With no figure the denial is a negated loss, as before.
    let got = claims("The rebel command denied that any of its fighters were killed in the raid.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].1, got[0].4), (None, true));
}

#[test]
fn injured_or_killed_in_either_order_is_one_negated_group() {
    for text in [
        "The command assesses that no civilians were injured or killed in the air strike.",
        "No villagers were wounded or killed when the mortar rounds fell short, the army said.",
    ] {
        let c = claims(text);
        assert_eq!(c.len(), 1, "{text}: {c:?}");
        assert_eq!(
            (c[0].0, c[0].1, c[0].4),
            (KilledOrWounded, None, true),
            "{text}"
        );
    }
}

#[test]
fn the_common_misspelling_causalities_is_a_casualty_word() {
    let c = claims(
        "The spokesman added that there were no causalities among their fighters during the raid.",
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!((c[0].0, c[0].1, c[0].4), (KilledOrWounded, None, true));
}

#[test]
fn a_toll_expected_to_rise_is_no_claim_of_its_own() {
    use crate::tag::test_util::keys;
    let c = keys(
        "Troops killed six insurgents in the raid. The commander said the number of casualties \
         will increase as the operation goes on.",
    );
    assert_eq!(c, vec![(Killed, Some(6))]);
    let c = keys("Nine villagers were killed in the shelling, and the toll is expected to rise.");
    assert_eq!(c, vec![(Killed, Some(9))]);
}
