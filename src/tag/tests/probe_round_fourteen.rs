//! Shapes found by readers who wrote their own passages from TAGS.md alone (a fourteenth
//! round): headings of official reports whose issuer is set off by commas or runs long.

use crate::tag::test_util::claimants;

#[test]
fn a_heading_of_parts_between_commas_names_its_issuer() {
    let cases = [
        (
            "Ministry of Defence of Georgia, daily information: Two servicemen were wounded by sniper fire near the administrative boundary line.",
            "Ministry of Defence of Georgia",
        ),
        (
            "Nigerian Army spokesman, 7 Division: Troops neutralised 12 insurgents in an ambush near Damboa.",
            "Nigerian Army spokesman, 7 Division",
        ),
        (
            "Armed Forces of Ukraine, Operational Command South: Three civilians were killed in shelling of Nikopol overnight.",
            "Armed Forces of Ukraine, Operational Command South",
        ),
        (
            "Statement by the spokesman of the Sudanese Armed Forces in Port Sudan, Brigadier Nabil Abdallah: Our forces killed 40 militiamen in El Fasher.",
            "the spokesman of the Sudanese Armed Forces in Port Sudan, Brigadier Nabil Abdallah",
        ),
    ];
    for (text, issuer) in cases {
        assert_eq!(claimants(text), vec![Some(issuer.to_string())], "{text}");
    }
    // A dateline before a comma is no issuer.
    assert_eq!(
        claimants(
            "Goma, Saturday: Twelve civilians were killed in a rebel attack, residents said."
        ),
        vec![Some("residents".to_string())]
    );
}

#[test]
fn a_long_heading_in_capitals_names_its_issuer_without_its_kind() {
    assert_eq!(
        claimants(
            "Directorate of Public Relations of the Armed Forces of the Republic of Kazakhstan: One serviceman was killed in the shelling."
        ),
        vec![Some(
            "Directorate of Public Relations of the Armed Forces of the Republic of Kazakhstan"
                .to_string()
        )]
    );
    assert_eq!(
        claimants(
            "African Union Commission press statement: At least 30 civilians were killed in the attack on Mopti."
        ),
        vec![Some("African Union Commission".to_string())]
    );
}
