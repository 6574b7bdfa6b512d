//! Forms of the official register a second helper wrote sentences in (issue #12, error
//! kinds 1, 2 and 4): losses denied ("did not suffer any losses", "no troops were harmed"),
//! "made it possible to neutralise fifteen", "fatally wounded", a trend of casualties, an
//! issuer "saddened to confirm", firing exercises and veterans, and a cessation of
//! hostilities with adjectives inside. Sentences written for these tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::MentionKind;
use crate::tag::test_util::{claims, keys, kinds};

#[test]
fn losses_denied_are_negated_claims() {
    let c = claims("The 3rd brigade did not suffer any losses in the shelling, the ministry said.");
    assert_eq!(c.len(), 1);
    assert!(c[0].4, "not negated: {c:?}");
    let c =
        claims("No government soldiers were harmed in the raid on the rebel camp, the army said.");
    assert_eq!((c[0].0, c[0].4), (Wounded, true));
}

#[test]
fn official_verbs_of_killing() {
    assert_eq!(
        keys(
            "The operation made it possible to neutralise about twenty assailants near the border post, the army said."
        ),
        vec![(Killed, Some(20))]
    );
    assert_eq!(
        keys("A corporal was fatally wounded when the patrol was ambushed, the army said."),
        vec![(Killed, Some(1))]
    );
}

#[test]
fn a_trend_of_casualties_is_no_claim() {
    assert!(
        keys("The mission reported a marked decrease in civilian casualties since the offensive ended.")
            .is_empty()
    );
}

#[test]
fn an_issuer_saddened_to_confirm_is_the_claimant() {
    let c = claims(
        "The World Food Programme is deeply saddened to confirm that three of its drivers were killed when their convoy was shelled.",
    );
    assert_eq!(c[0].3.as_deref(), Some("The World Food Programme"));
}

#[test]
fn firing_exercises_and_veterans_are_no_clash() {
    for text in [
        "The corps conducted a field firing exercise in the desert on Tuesday.",
        "Veterans who fought in the battles of the 1999 war were honoured at a ceremony in the capital.",
    ] {
        assert!(
            !kinds(text).contains(&MentionKind::Clash),
            "a clash in {text:?}"
        );
    }
    assert!(
        kinds("The parties signed a definitive cessation of military hostilities in Pretoria.")
            .contains(&MentionKind::Ceasefire)
    );
}
