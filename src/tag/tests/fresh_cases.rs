//! Labelled passages about Sudan, DR Congo, the Sahel, Myanmar, Yemen, Gaza and Lebanon,
//! India–Pakistan, Ethiopia, Somalia, Colombia, Syria, Libya and Thailand–Cambodia, in news,
//! official and wire registers, with sport, business, accident and history negatives.

use super::fresh::{Case, NONE, check_all};

#[test]
fn sport_business_and_politics_are_no_mentions() {
    check_all(&[
        Case {
            text: "Cup final: holders and challengers clash on Saturday\nThe two rivals meet in the cup final, with the holders missing three injured players.",
            ..NONE
        },
        Case {
            text: "The striker missed two matches with a hamstring injury and was injured again in training.",
            ..NONE
        },
        Case {
            text: "Three players are missing from the national squad after picking up injuries in the league opener.",
            ..NONE
        },
        Case {
            text: "The midfielder's late shot was saved, and the visitors were left to rue two missed penalties.",
            ..NONE
        },
        Case {
            text: "Opposition leaders clashed with the prime minister over the budget in a heated debate in Islamabad.",
            ..NONE
        },
        Case {
            text: "The retailer launched an aggressive offensive to win back market share from its rivals.",
            ..NONE
        },
        Case {
            text: "Her campaign launched a fresh offensive against the governor's tax plan.",
            ..NONE
        },
        Case {
            text: "Dock workers in Mombasa went on strike for a second week over unpaid wages.",
            ..NONE
        },
        Case {
            text: "Union leaders said the strike at the port would continue until pay demands were met.",
            ..NONE
        },
        Case {
            text: "The comedian killed it at the festival, according to critics.",
            ..NONE
        },
        Case {
            text: "Investors called for a truce in the boardroom battle between the two founders.",
            ..NONE
        },
        Case {
            text: "Police fired tear gas at stone-throwing protesters in Nairobi; 12 protesters were injured.",
            ..NONE
        },
    ]);
}

#[test]
fn accidents_disasters_and_history_are_no_claims() {
    check_all(&[
        Case {
            text: "Five soldiers died when their helicopter crashed during a training flight in northern Mali.",
            ..NONE
        },
        Case {
            text: "Eleven Pakistani soldiers were killed in an avalanche at a post in the Siachen sector, the army said.",
            ..NONE
        },
        Case {
            text: "Two Colombian soldiers drowned while crossing a river during a patrol in Guaviare.",
            ..NONE
        },
        Case {
            text: "Cholera has killed more than 300 people in camps for displaced people in Sudan's Darfur.",
            ..NONE
        },
        Case {
            text: "The 1994 genocide in Rwanda killed some 800,000 people.",
            ..NONE
        },
        Case {
            text: "The 1971 war between India and Pakistan left tens of thousands dead.",
            ..NONE
        },
        Case {
            text: "Ethiopia's war in Tigray, which ended in November 2022, killed hundreds of thousands of people, researchers estimate.",
            ..NONE
        },
        Case {
            text: "The Eritrean and Ethiopian armies held a joint military exercise near the border.",
            ..NONE
        },
        Case {
            text: "The Sudanese army said it destroyed 12 RSF combat vehicles and two drones in an air strike near El Fasher.",
            kinds: "clash",
            location: "El Fasher",
            ..NONE
        },
    ]);
}

#[test]
fn claimants_are_agents_not_data() {
    check_all(&[
        Case {
            text: "The enemy suffered significant losses; according to preliminary data, 70 Sudmark soldiers were killed or wounded and four armoured vehicles were destroyed.",
            kinds: "casualty",
            claims: "killed_or_wounded:70",
            claimant: "",
            ..NONE
        },
        Case {
            text: "According to preliminary estimates, 40 rebels were killed in the fighting in Tigray.",
            kinds: "clash,casualty",
            claims: "killed:40",
            claimant: "",
            location: "Tigray",
            ..NONE
        },
        Case {
            text: "The Malian army said its forces repelled an attack on a base in Boulkessi. According to preliminary figures, 15 assailants were neutralised.",
            kinds: "clash,casualty",
            claims: "killed:15",
            claimant: "The Malian army",
            ..NONE
        },
        Case {
            text: "Official figures show 230 people were killed in the violence in Manipur last year.",
            kinds: "casualty",
            claims: "killed:230",
            claimant: "",
            ..NONE
        },
        Case {
            // An ownerless report is the source when nothing else is named (the labelled
            // sets write "initial reports", "reports"); a named speaker outranks it.
            text: "Reports said 12 people were killed in the raid on the village.",
            kinds: "clash,casualty",
            claims: "killed:12",
            claimant: "Reports",
            ..NONE
        },
        Case {
            text: "\"Nine soldiers were wounded,\" the governor said, citing initial reports from the district.",
            kinds: "casualty",
            claims: "wounded:9",
            claimant: "the governor",
            ..NONE
        },
        Case {
            text: "Myanmar's junta said on Tuesday that resistance fighters had attacked a police station in Sagaing. It said nine officers were killed.",
            kinds: "clash,casualty",
            claims: "killed:9",
            claimant: "Myanmar's junta",
            ..NONE
        },
    ]);
}

#[test]
fn relayed_and_named_claimants() {
    check_all(&[
        Case {
            text: "At least 17 people were killed in an RSF drone attack on a market in El Fasher, the local resistance committee said, AFP reported.",
            kinds: "clash,casualty",
            claims: "killed:17",
            claimant: "the local resistance committee",
            location: "El Fasher",
            ..NONE
        },
        Case {
            text: "Twelve soldiers were killed in an ambush in Niger's Tillaberi region, state television reported.",
            kinds: "clash,casualty",
            claims: "killed:12",
            claimant: "state television",
            location: "Niger's Tillaberi region",
            ..NONE
        },
        Case {
            text: "Eight civilians were killed in Israeli strikes on southern Lebanon, Lebanon's health ministry said, according to Reuters.",
            kinds: "clash,casualty",
            claims: "killed:8",
            claimant: "Lebanon's health ministry",
            ..NONE
        },
        Case {
            text: "Reuters reported that five people were killed in clashes in Tripoli.",
            kinds: "clash,casualty",
            claims: "killed:5",
            claimant: "Reuters",
            location: "Tripoli",
            ..NONE
        },
        Case {
            text: "Israeli strikes on Rafah killed at least 35 people overnight, the health ministry in Gaza said.",
            kinds: "clash,casualty",
            claims: "killed:35",
            claimant: "the health ministry in Gaza",
            ..NONE
        },
        Case {
            text: "Thirty Nigerian soldiers remain missing after jihadists overran their base in Borno state, military sources said.",
            kinds: "clash,casualty",
            claims: "missing:30",
            claimant: "military sources",
            ..NONE
        },
    ]);
}

#[test]
fn counts_breakdowns_ranges_and_tolls() {
    check_all(&[
        Case {
            text: "The strike killed 22 people, including nine children and four women, the Gaza health ministry said.",
            kinds: "clash,casualty",
            claims: "killed:22,killed:9,killed:4",
            claimant: "the Gaza health ministry",
            ..NONE
        },
        Case {
            text: "Between 30 and 40 fighters were killed in the battle for Kidal, a Tuareg rebel spokesman said.",
            kinds: "clash,casualty",
            claims: "killed:30",
            claimant: "a Tuareg rebel spokesman",
            ..NONE
        },
        Case {
            text: "Local officials said 15 to 20 villagers were abducted by gunmen in Zamfara state.",
            kinds: "casualty",
            claims: "captured:15",
            claimant: "Local officials",
            ..NONE
        },
        Case {
            text: "The death toll from Sunday's suicide bombing in Mogadishu rose from 12 to 19, police said.",
            kinds: "clash,casualty",
            claims: "killed:12,killed:19",
            claimant: "police",
            ..NONE
        },
        Case {
            text: "Gunmen killed 11 villagers in Zamfara state overnight, police said.",
            kinds: "casualty",
            claims: "killed:11",
            claimant: "police",
            ..NONE
        },
        Case {
            text: "Two Somali soldiers were killed when their vehicle hit a roadside bomb near Baidoa.",
            kinds: "casualty",
            claims: "killed:2",
            ..NONE
        },
        Case {
            text: "Statistics released by the UN show that 1,200 civilians were injured in the first quarter.",
            kinds: "casualty",
            claims: "wounded:1200",
            ..NONE
        },
    ]);
}

#[test]
fn captured_surrendered_neutralised_and_negated() {
    check_all(&[
        Case {
            text: "Al-Shabaab militants took 12 aid workers hostage in an attack on a convoy in Gedo region.",
            kinds: "clash,casualty",
            claims: "captured:12",
            location: "Gedo region",
            ..NONE
        },
        Case {
            text: "Around 200 fighters of the armed group surrendered to the army in North Kivu, the military said.",
            kinds: "casualty",
            claims: "captured:200",
            claimant: "the military",
            ..NONE
        },
        Case {
            text: "Security forces neutralised seven terrorists during an operation in the Tillaberi area, the ministry said.",
            kinds: "casualty",
            claims: "killed:7",
            claimant: "the ministry",
            ..NONE
        },
        Case {
            text: "Indian troops killed three militants in a gunfight in Kashmir's Kupwara district, police said.",
            kinds: "clash,casualty",
            claims: "killed:3",
            claimant: "police",
            location: "Kashmir's Kupwara district",
            ..NONE
        },
        Case {
            text: "The army said it had captured 25 RSF fighters in Omdurman.",
            kinds: "casualty",
            claims: "captured:25",
            claimant: "The army",
            ..NONE
        },
        Case {
            text: "Rebels said they had taken 40 government soldiers prisoner after the battle for Goma.",
            kinds: "clash,casualty",
            claims: "captured:40",
            claimant: "Rebels",
            ..NONE
        },
        Case {
            text: "The Thai army has not reported casualties from the overnight shelling along the Cambodian border.",
            kinds: "clash",
            location: "the Cambodian border",
            ..NONE
        },
        Case {
            text: "Lebanon's health ministry has not given a toll for the strikes.",
            kinds: "clash",
            ..NONE
        },
        Case {
            text: "The Cambodian defence ministry reported no casualties among its troops.",
            kinds: "casualty",
            claims: "!killed_or_wounded:_",
            claimant: "The Cambodian defence ministry",
            ..NONE
        },
        Case {
            text: "Residents said no one was hurt in the shelling of Kadugli.",
            kinds: "clash,casualty",
            claims: "!wounded:_",
            claimant: "Residents",
            ..NONE
        },
        Case {
            text: "Yemen's Houthis denied any losses among their fighters.",
            kinds: "casualty",
            claims: "!killed_or_wounded:_",
            claimant: "Yemen's Houthis",
            ..NONE
        },
        Case {
            text: "Nobody was hurt when a rocket fired from Lebanon struck an open field in northern Israel, the military said.",
            kinds: "clash,casualty",
            claims: "!wounded:_",
            claimant: "the military",
            ..NONE
        },
    ]);
}

#[test]
fn killing_verbs_of_the_official_register_and_conditions_of_the_wounded() {
    check_all(&[
        Case {
            // A killing with no attack or fighting word: a casualty, no clash (TAGS.md).
            text: "Two gendarmes were coldly assassinated by separatists at a checkpoint near Bamenda.",
            kinds: "casualty",
            claims: "killed:2",
            ..NONE
        },
        Case {
            text: "Militants gunned down three teachers on the road to Garissa, police said.",
            kinds: "casualty",
            claims: "killed:3",
            claimant: "police",
            ..NONE
        },
        Case {
            text: "Eleven soldiers died in the ambush and six more are in critical condition, the army said.",
            kinds: "clash,casualty",
            claims: "killed:11,wounded:6",
            claimant: "the army",
            ..NONE
        },
    ]);
}

#[test]
fn a_loss_played_down_keeps_its_figure() {
    check_all(&[Case {
        text: "The army said 25 rebels were killed near Lashio, while the rebels said they lost only three fighters.",
        kinds: "casualty",
        claims: "killed:25,killed_or_wounded:3",
        ..NONE
    }]);
}

#[test]
fn a_question_about_the_toll_is_no_claim() {
    check_all(&[
        Case {
            text: "It was not immediately clear how many people were killed in the airstrike on the market.",
            kinds: "clash",
            ..NONE
        },
        Case {
            text: "Officials did not say how many soldiers were wounded in the ambush near Kidal.",
            kinds: "clash",
            ..NONE
        },
    ]);
}
