//! Labelled ceasefire and clash passages about other conflicts: statuses, mediators, sides
//! and places.

use super::fresh::{Case, NONE, check_all};

#[test]
fn ceasefires_mediators_and_parties() {
    check_all(&[
        Case {
            text: "Thailand and Cambodia agreed to an immediate ceasefire brokered by Malaysia on Monday.",
            kinds: "ceasefire",
            statuses: "agreed",
            mediator: "Malaysia",
            parties: "Thailand | Cambodia",
            ..NONE
        },
        Case {
            text: "The truce between the Sudanese army and the RSF, mediated by Saudi Arabia and the United States, collapsed within hours.",
            kinds: "ceasefire",
            statuses: "agreed,collapsed",
            mediator: "Saudi Arabia and the United States",
            parties: "the Sudanese army | the RSF",
            ..NONE
        },
        Case {
            text: "The Colombian government and the ELN extended their bilateral ceasefire for six months.",
            kinds: "ceasefire",
            statuses: "agreed",
            parties: "The Colombian government | the ELN",
            ..NONE
        },
        Case {
            text: "Both sides accused each other of violating the ceasefire in southern Lebanon.",
            kinds: "ceasefire",
            statuses: "violated",
            ..NONE
        },
        Case {
            text: "The UN envoy called for a humanitarian truce in Yemen ahead of Ramadan.",
            kinds: "ceasefire",
            statuses: "proposed",
            ..NONE
        },
        Case {
            text: "The ceasefire in Idlib has largely held since March, despite sporadic shelling.",
            kinds: "ceasefire,clash",
            statuses: "holding",
            ..NONE
        },
        Case {
            text: "A ceasefire agreed through the mediation of Qatar came into force at midnight in eastern Congo.",
            kinds: "ceasefire",
            statuses: "agreed",
            mediator: "Qatar",
            ..NONE
        },
        Case {
            text: "The M23 rebels withdrew from the truce on Friday, saying government forces had shelled their positions.",
            kinds: "ceasefire,clash",
            statuses: "collapsed",
            ..NONE
        },
        Case {
            text: "The ceasefire, which expired on Sunday, was not extended.",
            kinds: "ceasefire",
            statuses: "collapsed",
            ..NONE
        },
        Case {
            text: "Israel and Hezbollah agreed to cease hostilities under a deal mediated by the United States and France.",
            kinds: "ceasefire",
            statuses: "agreed",
            mediator: "the United States and France",
            parties: "Israel | Hezbollah",
            ..NONE
        },
    ]);
}

#[test]
fn clash_locations_and_parties() {
    check_all(&[
        Case {
            text: "Heavy fighting broke out between the Sudanese army and the Rapid Support Forces near the city of El Obeid.",
            kinds: "clash",
            location: "the city of El Obeid",
            parties: "the Sudanese army | the Rapid Support Forces",
            ..NONE
        },
        Case {
            text: "Pakistani and Indian troops traded fire along the Line of Control on Sunday night.",
            kinds: "clash",
            location: "the Line of Control",
            ..NONE
        },
        Case {
            text: "Cambodian forces fired rockets at Thai positions in Surin province.",
            kinds: "clash",
            location: "Surin province",
            parties: "Cambodian forces | Thai",
            ..NONE
        },
        Case {
            text: "The army launched an offensive against Houthi rebels in the Hodeidah region.",
            kinds: "clash",
            location: "the Hodeidah region",
            ..NONE
        },
        Case {
            text: "Israel's military said it had struck Hezbollah targets in the Bekaa valley.",
            kinds: "clash",
            location: "the Bekaa valley",
            ..NONE
        },
        Case {
            text: "Clashes between Hayat Tahrir al-Sham and Turkish-backed factions erupted in the Afrin region on Friday.",
            kinds: "clash",
            location: "the Afrin region",
            parties: "Hayat Tahrir al-Sham | Turkish-backed factions",
            ..NONE
        },
    ]);
}
