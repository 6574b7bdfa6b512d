//! Who speaks when a sentence turns: a speaker after an adverb ("first said"), a clause
//! opened by "although", "after" or "by Wednesday", a relative clause's agent ("a claim
//! rejected by X, who said"), an outlet speaking in a contrasting clause, "put the toll from
//! … at N", a source an outlet cites, relays, or opens with "Citing X,". Sentences written for
//! these tests.

use crate::tag::test_util::{claimants, claims};

fn first_claimant(text: &str) -> Option<String> {
    claimants(text).first().cloned().flatten()
}

#[test]
fn an_adverb_between_speaker_and_verb_keeps_the_speaker() {
    for (text, speaker) in [
        (
            "The Malian government first said nine soldiers had died in the ambush.",
            "The Malian government",
        ),
        (
            "Morgue staff had first counted 14 bodies after the shelling of the market.",
            "Morgue staff",
        ),
        (
            "The regional health office originally reported six deaths from the air raid.",
            "The regional health office",
        ),
    ] {
        assert_eq!(first_claimant(text).as_deref(), Some(speaker), "{text}");
    }
    // An ordinal after an article is no adverb: the speaker ends before the phrase.
    assert_eq!(
        first_claimant(
            "India for the first time acknowledged that three of its soldiers died in the clash."
        )
        .as_deref(),
        Some("India")
    );
}

#[test]
fn a_clause_opened_by_a_subordinator_speaks_for_its_own_figures() {
    let c = claimants(
        "Chadian troops killed 31 Boko Haram fighters, the army said, although the group claimed it had captured nine soldiers.",
    );
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].as_deref(), Some("the army"));
    assert_eq!(c[1].as_deref(), Some("the group"));
    let c = claimants(
        "The health ministry raised its toll to 64 after the shelling, after the militia said that only eight civilians had been killed.",
    );
    assert_eq!(c[1].as_deref(), Some("the militia"));
    let c = claimants(
        "The police said four officers were missing after the raid, but by Friday the interior minister said 13 were missing.",
    );
    assert_eq!(c[0].as_deref(), Some("The police"));
    assert_eq!(c[1].as_deref(), Some("the interior minister"));
}

#[test]
fn a_relative_clause_speaks_for_the_agent_it_follows() {
    let c = claimants(
        "The army said it had killed 40 insurgents in the offensive, a figure disputed by the Arakan Army, who said only three of its fighters died.",
    );
    assert_eq!(c[0].as_deref(), Some("The army"));
    assert_eq!(c[1].as_deref(), Some("the Arakan Army"));
}

#[test]
fn an_outlet_in_a_contrasting_clause_of_its_own_speaks_for_it() {
    let text = "Opposition monitors said six soldiers were killed in the drone strike, while state television said there were no casualties.";
    let c = claimants(text);
    assert_eq!(c[0].as_deref(), Some("Opposition monitors"));
    assert!(claims(text)[1].4, "{text}");
    assert_eq!(c[1].as_deref(), Some("state television"));
}

#[test]
fn a_toll_put_at_a_figure_names_who_put_it() {
    for (text, speaker) in [
        (
            "The provincial governor put the toll from the car bombing at 23 dead.",
            "The provincial governor",
        ),
        (
            "Rights monitors last week put the number of civilians killed in the siege at 900.",
            "Rights monitors",
        ),
    ] {
        assert_eq!(first_claimant(text).as_deref(), Some(speaker), "{text}");
    }
}

#[test]
fn the_source_an_outlet_cites_or_relays_makes_the_claim() {
    for (text, speaker) in [
        (
            "Citing the UN refugee agency, the Daily Monitor reported that 70 villagers had been killed in the raid.",
            "the UN refugee agency",
        ),
        (
            "According to Radio Dabanga, which cited a local doctor, 18 people were killed in the shelling.",
            "a local doctor",
        ),
        (
            "The Kyiv Post, relaying a statement by the city's mayor, said five people were killed in the missile strike.",
            "the city's mayor",
        ),
    ] {
        assert_eq!(first_claimant(text).as_deref(), Some(speaker), "{text}");
    }
}
