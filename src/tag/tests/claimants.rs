//! Claimants: in the sentence, from the passage, pronouns, relays, own voice.

use crate::tag::test_util::claimants;
use crate::tag::{ClaimantOrigin, MentionDetail, TagContext, tag};

fn first(t: &str) -> Option<String> {
    claimants(t).into_iter().next().flatten()
}

#[test]
fn subject_before_verb() {
    assert_eq!(
        first("Ukrainian officials said four civilians were killed.").as_deref(),
        Some("Ukrainian officials")
    );
}

#[test]
fn according_to() {
    assert_eq!(
        first("Nine soldiers were wounded, according to the regional governor.").as_deref(),
        Some("the regional governor")
    );
}

#[test]
fn inverted_quote() {
    let t = "“Three of our men were killed,” said the battalion commander.";
    assert_eq!(first(t).as_deref(), Some("the battalion commander"));
}

#[test]
fn appositive_is_skipped() {
    let t = "The Joint Command, which runs the campaign, said 40 militants were killed.";
    assert_eq!(first(t).as_deref(), Some("The Joint Command"));
}

#[test]
fn original_source_not_relay() {
    let t = "Five policemen were killed, the interior ministry said, Reuters reported.";
    assert_eq!(first(t).as_deref(), Some("the interior ministry"));
}

#[test]
fn pronoun_takes_earlier_name() {
    let t =
        "The health ministry said the clinic was shelled. It added that 14 people were wounded.";
    let ms = tag(t, &TagContext::default());
    let c = ms.iter().find_map(|m| match &m.detail {
        MentionDetail::Casualty { claims } => claims.first().cloned(),
        _ => None,
    });
    let c = c.expect("a claim");
    assert_eq!(c.claimant.as_deref(), Some("The health ministry"));
    assert_eq!(c.claimant_origin, Some(ClaimantOrigin::Passage));
}

#[test]
fn own_voice_fills_only_with_context() {
    let t = "Our positions were shelled overnight; two servicemen were wounded.";
    assert_eq!(first(t), None);
    let ctx = TagContext {
        own_voice: Some("Armenia MoD"),
        ..TagContext::default()
    };
    let c = tag(t, &ctx).into_iter().find_map(|m| match m.detail {
        MentionDetail::Casualty { claims } => claims.into_iter().next(),
        _ => None,
    });
    let c = c.expect("a claim");
    assert_eq!(c.claimant.as_deref(), Some("Armenia MoD"));
    assert_eq!(c.claimant_origin, Some(ClaimantOrigin::Source));
}

#[test]
fn outlet_alone_is_the_claimant() {
    let t = "Seven fighters were killed in the raid, the news agency Interfax reported.";
    assert!(first(t).is_some_and(|c| c.contains("Interfax")));
}
