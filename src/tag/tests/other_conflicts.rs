//! Passages of our own about conflicts the labelled sets do not cover, in several registers.

use crate::tag::CasualtyCategory::*;
use crate::tag::CeasefireStatus::*;
use crate::tag::MentionKind::*;
use crate::tag::test_util::{claimants, keys, kinds, statuses};

#[test]
fn myanmar_airstrike_news() {
    let t = "At least 23 people were killed when Myanmar's military bombed a monastery in Sagaing region, local residents and a rebel group said.";
    assert_eq!(kinds(t), vec![Clash, Casualty]);
    assert_eq!(keys(t), vec![(Killed, Some(23))]);
    assert_eq!(
        claimants(t)[0].as_deref(),
        Some("local residents and a rebel group")
    );
}

#[test]
fn kashmir_exchange_of_fire() {
    let t = "Indian and Pakistani troops exchanged fire across the Line of Control in Kashmir overnight, killing two civilians, Indian army officials said.";
    assert_eq!(kinds(t), vec![Clash, Casualty]);
    assert_eq!(claimants(t)[0].as_deref(), Some("Indian army officials"));
    assert_eq!(
        statuses("Pakistan's military said an Indian ceasefire violation wounded three villagers."),
        vec![Violated]
    );
}

#[test]
fn congo_statement() {
    let t = "The Congolese army said 11 of its soldiers were wounded and two were missing after the rebel offensive.";
    assert_eq!(keys(t), vec![(Wounded, Some(11)), (Missing, Some(2))]);
    assert_eq!(
        statuses(
            "A humanitarian truce announced by the M23 was broken within hours, residents said."
        ),
        vec![Agreed, Violated]
    );
}

#[test]
fn relative_clause_is_background_to_the_status() {
    assert_eq!(
        statuses(
            "The ceasefire, which was brokered by Qatar, collapsed on Tuesday when fighting resumed."
        ),
        vec![Agreed, Collapsed]
    );
    assert_eq!(
        statuses(
            "Both armies have repeatedly violated a series of short-lived truces brokered by the United States."
        ),
        vec![Violated]
    );
    assert_eq!(
        statuses("The ELN said it would extend a unilateral ceasefire for another 90 days."),
        vec![Agreed]
    );
}

#[test]
fn second_reporting_clause_owns_the_claim() {
    let t = "Azerbaijan said it had launched operations in the region, and Armenian separatists said at least 32 people had been killed, including seven civilians.";
    assert_eq!(keys(t), vec![(Killed, Some(32)), (Killed, Some(7))]);
    assert_eq!(claimants(t)[0].as_deref(), Some("Armenian separatists"));
}

#[test]
fn strikes_by_aircraft_are_clashes() {
    assert_eq!(
        kinds("Israeli jets struck targets in Syria overnight."),
        vec![Clash]
    );
}

#[test]
fn non_military_battles_and_clashes() {
    assert!(
        kinds("The minister said the budget battle with the opposition would continue.").is_empty()
    );
    assert!(kinds("The team's clash with Real Madrid ended in a 2-2 draw.").is_empty());
    assert!(
        kinds("Police said the protest turned violent and 20 officers were injured by stones.")
            .is_empty()
    );
}

#[test]
fn sahel_and_somalia_attacks() {
    let t = "Thirty-four soldiers were killed and dozens more wounded when militants stormed a military base in northern Burkina Faso, the army said on Saturday.";
    assert_eq!(keys(t), vec![(Killed, Some(34)), (Wounded, None)]);
    let t = "Al-Shabaab fighters attacked an African Union base in Somalia, killing at least 10 peacekeepers, a military official told Reuters.";
    assert_eq!(keys(t), vec![(Killed, Some(10))]);
    assert_eq!(claimants(t)[0].as_deref(), Some("a military official"));
}
