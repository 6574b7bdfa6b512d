//! Claimants: in the sentence, from the passage, pronouns, relays, own voice.

use crate::tag::CasualtyCategory::Killed;
use crate::tag::test_util::{claimants, counts_by, keys};
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

/// (count, claimant) of each claim of `t`.

#[test]
fn each_clause_keeps_its_own_speaker() {
    let got = counts_by(
        "A district commander said 9 rebels were killed in the clashes, while a spokesman for the rebel front claimed to have killed 14 soldiers.",
    );
    assert_eq!(
        got,
        vec![
            (Some(9), Some("A district commander".to_string())),
            (
                Some(14),
                Some("a spokesman for the rebel front".to_string())
            )
        ]
    );
    let got = counts_by(
        "Police put the toll of the raid on the border post at 6; the insurgents said 20 guards were killed.",
    );
    assert_eq!(
        got[1],
        (Some(20), Some("the insurgents".to_string())),
        "{got:?}"
    );
}

#[test]
fn russian_and_ukrainian_attribution_phrases_name_the_source() {
    let got = counts_by(
        "Согласно заявлению повстанцев, в ходе атаки на колонну были убиты семеро военнослужащих.",
    );
    assert_eq!(got, vec![(Some(7), Some("повстанцев".to_string()))]);
    let got = counts_by("За версією Генштабу, під час штурму загинули 12 окупантів.");
    assert_eq!(got, vec![(Some(12), Some("Генштабу".to_string()))]);
}

#[test]
fn an_adverb_after_the_speaker_ends_the_claimant() {
    let got = counts_by(
        "Губернатор впервые с начала месяца сообщил о потерях: при обстреле погибли трое мирных жителей.",
    );
    assert_eq!(got, vec![(Some(3), Some("Губернатор".to_string()))]);
}

#[test]
fn said_as_opening_a_clause_still_attributes() {
    let c = claimants(
        "Four peacekeepers were killed by gunmen near the airfield, the mission said as the \
         capital prepared for the vote.",
    );
    assert_eq!(c, vec![Some("the mission".to_string())]);
    // "claimed as many as" is no speech.
    let c = claimants("The shelling claimed as many as 40 lives in the old town.");
    assert_eq!(c, vec![None]);
}

#[test]
fn a_long_official_name_is_the_whole_speaker() {
    let c = claimants(
        "At least 19 people were killed in the fighting, the Directorate of Emergency Services \
         of the Ministry of Health of the Government of National Accord said on Monday.",
    );
    assert_eq!(
        c,
        vec![Some(
            "the Directorate of Emergency Services of the Ministry of Health of the Government \
             of National Accord"
                .to_string()
        )]
    );
}

#[test]
fn the_same_toll_restated_by_the_speaker_named_short_is_one_claim() {
    let c = keys(
        "The toll from the clashes rose to 19, the Directorate of Emergency Services of the \
         Ministry of Health of the Government of National Accord said. \"Nineteen people have \
         been killed in the clashes,\" the directorate said.",
    );
    assert_eq!(c, vec![(Killed, Some(19))]);
}

/// "the governor", "the spokesperson" after a named speaker take up that speaker, as "he"
/// does; with no one named before, the description stays as written.
#[test]
fn definite_title_takes_up_the_named_speaker() {
    let t = "Regional governor Maria Santos said the shelling lasted all night. \
             \"Four civilians were wounded in the market,\" the governor wrote.";
    assert_eq!(first(t).as_deref(), Some("Regional governor Maria Santos"));
    let t = "Rebel spokesman Ali Warsame told reporters the convoy was ambushed. \
             The spokesperson added that six soldiers were killed.";
    assert_eq!(first(t).as_deref(), Some("Rebel spokesman Ali Warsame"));
    assert_eq!(
        first("The governor said two civilians were killed in the strike.").as_deref(),
        Some("The governor")
    );
}
