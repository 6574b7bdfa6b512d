//! Speakers as a desk reads them: a title and a name set off by commas are one speaker, a
//! relative clause after a speaker is no part of it, and a news agency after "according to"
//! only relays a speaker named before. Sentences written for these tests.

use crate::tag::test_util::claimants;

fn one(text: &str) -> Option<String> {
    let found = claimants(text);
    assert!(!found.is_empty(), "no claim in {text:?}");
    found[0].clone()
}

#[test]
fn a_title_and_a_name_between_commas_are_one_speaker() {
    assert_eq!(
        one(
            "Gang members killed 12 police officers in the attack on the station, Haiti's national police chief, Frantz Elbé, told reporters."
        )
        .as_deref(),
        Some("Haiti's national police chief, Frantz Elbé")
    );
    // A name before its title stays the speaker alone.
    assert_eq!(
        one("Ibrahim Khatir, Director General of the Health Ministry, said 40 people were killed in the shelling.")
            .as_deref(),
        Some("Ibrahim Khatir")
    );
    // A clause before the name is no title.
    assert_eq!(
        one("The shelling killed four civilians in the market, Mayor Ana Ruiz said.").as_deref(),
        Some("Mayor Ana Ruiz")
    );
}

#[test]
fn a_relative_clause_after_a_speaker_is_no_part_of_it() {
    assert_eq!(
        one("Three soldiers were killed in the ambush, a military official who asked not to be named told AFP.")
            .as_deref(),
        Some("a military official")
    );
    assert_eq!(
        one("A security official who spoke on condition of anonymity said 20 militants were killed in the raid.")
            .as_deref(),
        Some("A security official")
    );
}

#[test]
fn a_news_agency_after_according_to_only_relays() {
    assert_eq!(
        one(
            "The Polisario Front said its fighters had killed several Moroccan soldiers in attacks along the berm, according to the SPS news agency."
        )
        .as_deref(),
        Some("The Polisario Front")
    );
    // Alone, the outlet is the only source there is.
    assert_eq!(
        one("Troops killed 45 al-Shabaab fighters in an operation in Middle Shabelle, state media reported.")
            .as_deref(),
        Some("state media")
    );
}
