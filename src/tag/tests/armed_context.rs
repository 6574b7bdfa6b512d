//! Casualties outside armed violence (issue #12, error kind 1): a toll needs an armed cause
//! in its sentence or the nearest sentence that names a cause; accidents, disasters, crime
//! and the background of a war long over veto it. Sentences written for these tests.

use crate::tag::CasualtyCategory::*;
use crate::tag::test_util::{claims, keys};
use crate::tag::{CasualtyCategory, MentionDetail, TagContext, tag};

#[test]
fn accidents_and_disasters_are_no_claims() {
    for text in [
        "Eleven workers died and four were hurt when a gas explosion tore through a coal mine in the north, the governor said.",
        "A blaze swept through the crowded market hall overnight, killing 23 shoppers, firefighters said.",
        "Nine pilgrims were crushed to death in a stampede at the shrine gates on Friday.",
        "A passenger train derailed near the river crossing, leaving six dead and 40 injured.",
        "Rescuers searched the rubble for 30 people still missing after the apartment block collapse.",
        "The ferry capsized in rough seas; 14 passengers drowned and 20 are missing.",
    ] {
        assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
    }
}

#[test]
fn a_non_violent_cause_carries_to_the_next_sentence() {
    let text = "A fuel tanker overturned and burst into flames on the highway outside the port. \
                Seven people were killed and twelve were taken to hospital.";
    assert!(keys(text).is_empty(), "{:?}", keys(text));
}

#[test]
fn crime_is_no_claim() {
    assert!(
        keys("Police said two men were shot dead during an armed robbery at a petrol station.")
            .is_empty()
    );
}

#[test]
fn an_attack_word_outweighs_a_fire_in_its_sentence() {
    assert_eq!(
        keys(
            "A fire broke out after the drone strike on the depot, killing three workers, the regional governor said."
        ),
        vec![(Killed, Some(3))]
    );
}

#[test]
fn an_attack_in_the_passage_carries_forward() {
    let text = "Insurgents ambushed a patrol on the road to the garrison town at dawn. \
                Four soldiers were killed and six others were wounded, an army spokesman said.";
    assert_eq!(keys(text), vec![(Killed, Some(4)), (Wounded, Some(6))]);
}

/// The claims of `text` tagged as a source would: `party` for a party's own outlet, `title`
/// for the item's title.
fn keys_in(text: &str, party: bool, title: Option<&str>) -> Vec<(CasualtyCategory, Option<u64>)> {
    let ctx = TagContext {
        title,
        party_source: party,
        ..TagContext::default()
    };
    tag(text, &ctx)
        .into_iter()
        .filter_map(|m| match m.detail {
            MentionDetail::Casualty { claims } => Some(claims),
            _ => None,
        })
        .flatten()
        .map(|c| (c.category, c.count))
        .collect()
}

#[test]
fn a_bare_toll_needs_a_party_to_armed_violence_somewhere() {
    // No cause and no armed party or conflict victim anywhere: a toll of anything.
    for text in [
        "The district magistrate said 41 people were confirmed dead, while 60 of the injured remained in hospital.",
        "No more victims were recovered on Sunday, leaving the official death toll at 12, the county director said.",
        "Загинули дві людини, ще п'ятеро травмовані, повідомили в обласній адміністрації.",
    ] {
        assert!(keys(text).is_empty(), "{text}: {:?}", keys(text));
    }
    // The same shape with an armed party or a conflict victim named in the passage stays.
    for (text, want) in [
        (
            "Five villagers were killed overnight, local officials said. Rebels have held the hills since March.",
            vec![(Killed, Some(5))],
        ),
        (
            "At least 17 civilians were killed and 30 injured, the health ministry said.",
            vec![(Killed, Some(17)), (Wounded, Some(30))],
        ),
        (
            "Three aid workers have been killed, bringing the toll among relief staff to nine.",
            vec![(Killed, Some(3)), (Killed, Some(9))],
        ),
        (
            "Двое военнослужащих погибли, еще четверо ранены, сообщили в штабе.",
            vec![(Killed, Some(2)), (Wounded, Some(4))],
        ),
    ] {
        assert_eq!(keys(text), want, "{text}");
    }
}

#[test]
fn a_party_outlet_or_a_conflict_title_gives_a_bare_toll_its_context() {
    // "Died" names no killer: only the passage's company makes it a toll of war.
    let text = "Five villagers died overnight, local officials said.";
    assert!(keys_in(text, false, None).is_empty());
    assert_eq!(keys_in(text, true, None), vec![(Killed, Some(5))]);
    assert_eq!(
        keys_in(text, false, Some("Shelling of border villages continues")),
        vec![(Killed, Some(5))]
    );
    // A title about something else gives none.
    assert!(keys_in(text, false, Some("Weekly briefing on the harvest")).is_empty());
}

#[test]
fn tolls_of_a_war_long_over_are_background() {
    for text in [
        "Veterans gathered for the anniversary of the landing, in which 2,500 soldiers were killed.",
        "The 1971 war killed tens of thousands, historians say.",
        "The documentary recalls the siege, when 300 defenders died in a single week.",
    ] {
        assert!(keys(text).is_empty(), "{text}: {:?}", keys(text));
    }
    // A running toll of a war still going on is a claim; its background sentence is not.
    let text = "The country's civil war, which ended in 2003, cost 200,000 lives. \
                At least 40 civilians died in fighting between rival militias last week, the UN said.";
    assert_eq!(keys(text), vec![(Killed, Some(40))]);
}

#[test]
fn russian_and_ukrainian_accidents_are_no_claims() {
    assert!(keys("В результате взрыва бытового газа в жилом доме погибли три человека, сообщили спасатели.").is_empty());
    assert!(keys("Під час пожежі на складі загинули двоє працівників.").is_empty());
    assert_eq!(
        keys("В результате обстрела погибли три человека, сообщили в администрации."),
        vec![(Killed, Some(3))]
    );
}

#[test]
fn the_same_people_counted_again_are_one_claim() {
    let text = "Government troops killed nine rebels in a raid on their camp, the army said. \
                The rebels were killed after they attacked a checkpoint, the army said.";
    assert_eq!(keys(text), vec![(Killed, Some(9))]);
    // Unnumbered talk of figures beside numbered claims is no claim of its own.
    let text = "Twelve soldiers were wounded in the ambush, officials said. \
                Officials said casualty figures are often disputed.";
    assert_eq!(keys(text), vec![(Wounded, Some(12))]);
}

#[test]
fn a_numbered_loss_is_dead_and_wounded_unless_the_wounded_stand_beside_it() {
    assert_eq!(
        keys("The battalion lost 40 soldiers in the battle for the ridge, the opposition claimed."),
        vec![(KilledOrWounded, Some(40))]
    );
    assert_eq!(
        keys("\"The rebels lost 3 fighters and 5 were wounded in the clash,\" the commander said."),
        vec![(Killed, Some(3)), (Wounded, Some(5))]
    );
}

#[test]
fn counts_of_dozens_and_open_ranges() {
    assert_eq!(
        keys("The rebels said the airstrike had killed nearly two dozen villagers."),
        vec![(Killed, Some(24))]
    );
    assert_eq!(
        keys("Reports put the toll of the ambush anywhere from three to 30 soldiers killed."),
        vec![(Killed, Some(3))]
    );
    // A change of figure is two claims, not a range.
    assert_eq!(
        keys("The toll of the shelling rose from 12 to 15, officials said."),
        vec![(Killed, Some(12)), (Killed, Some(15))]
    );
}

#[test]
fn ceasefire_words_of_the_register() {
    use crate::tag::MentionKind;
    use crate::tag::test_util::kinds;
    assert!(
        kinds("The two governments announced the cessation of all fighting along the river.")
            .contains(&MentionKind::Ceasefire)
    );
    assert!(
        kinds("The rebel command ordered its units to suspend all offensive military actions for a month.")
            .contains(&MentionKind::Ceasefire)
    );
    assert!(
        !kinds("The army said there would be no ceasefire during the talks.")
            .contains(&MentionKind::Ceasefire)
    );
    assert!(
        kinds("Евакуацію перенесли, бо окупанти порушили режим «тиші» біля міста.")
            .contains(&MentionKind::Ceasefire)
    );
}

#[test]
fn fires_after_an_attack_are_its_aftermath() {
    let text = "Russian troops shelled the town three times overnight. \
                Houses were damaged and fires broke out; two residents were wounded, the mayor said.";
    assert_eq!(keys(text), vec![(Wounded, Some(2))]);
    let uk = "Окупанти обстріляли громаду п'ять разів. Виникли пожежі, загиблих немає, повідомила голова громади.";
    assert_eq!(claims(uk).len(), 1, "{:?}", claims(uk));
    assert!(claims(uk)[0].4, "negated: {:?}", claims(uk));
}

#[test]
fn battles_of_a_war_long_over_are_no_clash() {
    use crate::tag::MentionKind;
    use crate::tag::test_util::kinds;
    let text = "Film review: The Long Road. In March 1918, a battalion holds a ridge under heavy bombardment.";
    assert!(
        !kinds(text).contains(&MentionKind::Clash),
        "{:?}",
        kinds(text)
    );
    assert!(
        kinds("Rebels shelled the ridge in March, the army said.").contains(&MentionKind::Clash)
    );
}

#[test]
fn ordinary_crime_is_neither_clash_nor_claim_but_armed_raids_are() {
    for text in [
        "A gunman opened fire at a shopping mall, killing six people before he was shot dead by police.",
        "Two men were killed in a mass shooting at a nightclub early on Sunday, police said.",
    ] {
        assert!(
            tag(text, &TagContext::default()).is_empty(),
            "{text}: {:?}",
            tag(text, &TagContext::default())
        );
    }
    // An armed force named beside the shooting keeps it a conflict event.
    assert_eq!(
        keys(
            "Gunmen opened fire on soldiers guarding a shopping centre in Mogadishu, killing three of them."
        ),
        vec![(Killed, Some(3))]
    );
}

#[test]
fn a_headline_loss_the_text_counts_is_dropped_from_the_title() {
    use crate::tag::context::drop_title_recounts;
    let ctx = TagContext::default();
    let text = "The ministry said one soldier was killed in the clashes near Mount Kerel and 12 were taken captive.";
    let body = tag(text, &ctx);
    let mut title = tag("Losses near Mount Kerel after the clashes", &ctx);
    assert!(
        title
            .iter()
            .any(|m| matches!(m.detail, MentionDetail::Casualty { .. })),
        "{title:?}"
    );
    drop_title_recounts(&mut title, &body);
    assert!(
        !title
            .iter()
            .any(|m| matches!(m.detail, MentionDetail::Casualty { .. })),
        "{title:?}"
    );
    // The headline's clash stays; a numbered headline claim stays too.
    assert!(!title.is_empty(), "the clash of the headline stays");
    let mut numbered = tag("Two soldiers killed in border clashes", &ctx);
    let before = numbered.len();
    drop_title_recounts(&mut numbered, &body);
    assert_eq!(numbered.len(), before);
}

#[test]
fn a_running_toll_since_a_war_began_is_a_claim_a_disease_toll_is_not() {
    assert_eq!(
        keys(
            "According to the health ministry, the death toll has risen to 44,000 since October 2023."
        ),
        vec![(Killed, Some(44_000))]
    );
    assert_eq!(
        keys("The number of dead has reached 3,100 since the start of the war, the ministry said."),
        vec![(Killed, Some(3_100))]
    );
    assert!(
        keys("Cholera has killed 300 people since January 2024, the health ministry said.")
            .is_empty()
    );
}

#[test]
fn a_loss_in_action_is_armed_whatever_else_the_passage_names() {
    // A search-and-rescue word elsewhere must not make a combat loss a disaster toll.
    let c = keys(
        "Four marines are missing in action after the incident at the ford. A search and \
         rescue operation has been mounted along the river.",
    );
    assert_eq!(c, vec![(Missing, Some(4))]);
    let c =
        keys("Two rangers were killed in action near the border post. Rescuers reached the site.");
    assert_eq!(c, vec![(Killed, Some(2))]);
}

#[test]
fn the_toll_of_a_long_war_named_as_background_is_no_claim() {
    let c = keys(
        "The region has known little peace since the split, including a bitter six-year war \
         between forces loyal to the two rival commanders that cost nearly 250,000 lives. At \
         least 80 civilians were killed in fighting between militias last month, the UN said.",
    );
    assert_eq!(c, vec![(Killed, Some(80))]);
}

#[test]
fn an_acronym_that_kills_or_abducts_is_an_armed_party() {
    assert_eq!(
        keys("The ADF killed at least 31 villagers near Oicha overnight, local officials said."),
        vec![(Killed, Some(31))]
    );
    assert_eq!(
        keys("НВФ похитили 12 жителей деревни, сообщили местные власти."),
        vec![(Captured, Some(12))]
    );
    // A disease named by its acronym is no armed party; nor is a bare toll with no agent.
    assert!(claims("HIV killed 630,000 people last year, the agency said.").is_empty());
    assert!(claims("Some 119 people were confirmed dead, officials said.").is_empty());
}

#[test]
fn killed_and_wounded_counted_together_tell_a_toll_of_attacks() {
    assert_eq!(
        keys(
            "According to the health authorities in Tyre, 31 people were killed and 118 wounded over the past two days."
        ),
        vec![(Killed, Some(31)), (Wounded, Some(118))]
    );
    // "Dead" names no killer: a bare toll of the dead and the injured may be a derailment's.
    assert!(
        keys(
            "The district official told reporters that 52 people were confirmed dead, while 30 of the injured remained in hospital."
        )
        .is_empty()
    );
    // Deaths alone, with no cause, no party and no killing, stay no claim.
    assert!(keys("The health office said 31 people died over the past two days.").is_empty());
}

#[test]
fn soldiers_hurt_in_a_road_accident_or_a_shooting_spree_are_no_claim() {
    for text in [
        "Two soldiers were killed and three injured when their armoured vehicle overturned on a mountain road near Kupwara, the army said.",
        "A sergeant shot dead three colleagues and wounded two others at a base in Lop Buri before turning the gun on himself, police said.",
    ] {
        assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
    }
    // An ambush before the overturning is the cause.
    assert_eq!(
        keys(
            "Insurgents ambushed the convoy and its lead truck overturned; four soldiers were killed, the army said."
        ),
        vec![(Killed, Some(4))]
    );
}

#[test]
fn a_campus_shooting_and_a_prison_riot_are_crime() {
    for text in [
        "The shooting at the university killed six people and wounded 12, police said; the gunman was a student.",
        "Prison riots in Guayaquil left 68 inmates dead after rival gangs clashed with knives and firearms.",
    ] {
        assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
    }
    // An armed group's attack on a school is no crime.
    assert_eq!(
        keys("Gunmen attacked a school in Borno and killed six students, the army said."),
        vec![(Killed, Some(6))]
    );
}
