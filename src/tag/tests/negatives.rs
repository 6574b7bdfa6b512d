//! The negatives TAGS.md lists: figurative truces, sport, politics, drills, riots, accidents,
//! equipment-only losses, proper names, absent ceasefires, historical tolls.

use crate::tag::test_util::{claims, kinds};

#[test]
fn figurative_truce_is_none() {
    assert!(kinds("The two retailers agreed a truce in the price war over milk.").is_empty());
    assert!(
        kinds("Washington and Beijing agreed to a ceasefire in their trade war over tariffs.")
            .is_empty()
    );
}

#[test]
fn football_ceasefire_and_clash_are_none() {
    assert!(kinds("The striker scored twice as United won the league clash with City.").is_empty());
    assert!(
        kinds("Fans called a ceasefire in the Premier League rivalry before the derby.").is_empty()
    );
}

#[test]
fn political_and_schedule_clashes_are_none() {
    assert!(kinds("Ministers clashed over the budget on Tuesday.").is_empty());
    assert!(kinds("A clash of schedules forced the summit to move.").is_empty());
}

#[test]
fn drills_and_exercises_are_none() {
    assert!(
        kinds("Tanks fired live rounds during joint military drills near the coast.").is_empty()
    );
}

#[test]
fn unarmed_riot_is_none() {
    assert!(
        kinds(
            "Rioters threw stones and twelve people were injured in the scuffles after the match."
        )
        .is_empty()
    );
}

#[test]
fn equipment_only_losses_are_none() {
    assert!(claims("The army said it destroyed four BTRs and two tanks.").is_empty());
    assert!(claims("Air defence units neutralised 20 UAVs overnight.").is_empty());
}

#[test]
fn road_accident_is_none() {
    assert!(
        kinds("A bus and a truck collided on the highway, killing six people and injuring 19.")
            .is_empty()
    );
}

#[test]
fn proper_name_is_none() {
    assert!(kinds("The band Ceasefire Records released a new album.").is_empty());
    assert!(kinds("Veterans gathered for Armistice Day in the square.").is_empty());
}

#[test]
fn absent_ceasefire_is_none() {
    assert!(
        kinds("The deal covered prisoner swaps, but a ceasefire was not part of it.").is_empty()
    );
}

#[test]
fn peace_deal_and_calm_are_no_ceasefire() {
    assert!(kinds("The leaders signed a peace deal to bring an end to the war.").is_empty());
    assert!(kinds("Cautious calm prevailed in the city on Friday.").is_empty());
}

#[test]
fn cyber_attack_is_no_clash() {
    assert!(kinds("A DDoS attack took down the bank's website for hours.").is_empty());
}
