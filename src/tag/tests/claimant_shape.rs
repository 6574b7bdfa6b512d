//! Claimants that are speakers, not fragments (issue #12, error kind 2): never a relative,
//! a preposition, a negation, a clause, a weekday or a dateline; a name or a speaker's noun;
//! otherwise the passage's attribution, else none. Sentences written for these tests.

use crate::tag::test_util::claimants;

fn first(text: &str) -> Option<String> {
    claimants(text).into_iter().next().flatten()
}

#[test]
fn a_relative_clause_points_to_its_antecedent() {
    assert_eq!(
        first(
            "The rebel radio station, which on Monday reported 12 soldiers killed in the raid, gave no source."
        ),
        Some("The rebel radio station".into())
    );
}

#[test]
fn a_relative_before_a_name_is_dropped() {
    let c = first("The blast hit a barracks in the north, which Kabul said killed 19 recruits.");
    assert_eq!(c.as_deref(), Some("Kabul"));
}

#[test]
fn a_clause_is_cut_to_its_speaker() {
    let c = first(
        "The shelling has raised fears in the valley and Governor Ana Ruiz said seven civilians were killed.",
    );
    assert_eq!(c.as_deref(), Some("Governor Ana Ruiz"));
    let c =
        first("President Obi was quoted as saying that 30 bandits were neutralised in the raid.");
    assert_eq!(c.as_deref(), Some("President Obi"));
}

#[test]
fn the_subject_after_a_quoted_word_is_the_speaker() {
    let c = first(
        "Two gunmen were \"neutralised\", while four guards were killed in the attack, said Interior Minister Leila Haddad.",
    );
    assert_eq!(c.as_deref(), Some("Interior Minister Leila Haddad"));
}

#[test]
fn a_dateline_is_no_claimant() {
    let c = first(
        "KISMAYO, Mar 3 (Wire) – The regional army command, said, its troops killed nine fighters in a raid.",
    );
    assert_ne!(c.as_deref(), Some("KISMAYO"));
}

#[test]
fn an_appositive_name_joins_its_title() {
    let c = first(
        "Three soldiers were wounded in the ambush near the pass, said the brigade commander, Col. Tomas Reyes.",
    );
    assert!(
        c.as_deref().is_some_and(|c| c.contains("Col. Tomas Reyes")),
        "{c:?}"
    );
}

#[test]
fn an_acronym_is_no_stop_word() {
    assert_eq!(
        first("Another 40 people were wounded in the shelling, according to the WHO."),
        Some("the WHO".into())
    );
}

#[test]
fn a_common_noun_phrase_with_its_article_is_a_speaker() {
    let c = first(
        "“Six people were killed in the bus when the militants opened fire,” a local nurse said.",
    );
    assert_eq!(c.as_deref(), Some("a local nurse"));
}

#[test]
fn russian_topic_object_is_no_claimant() {
    // "о погибших" is what was reported, not who reported it.
    for c in claimants("Об обстреле села сообщили о трех погибших мирных жителях.")
    {
        assert!(c.as_deref().is_none_or(|c| !c.starts_with('о')), "{c:?}");
    }
}

#[test]
fn an_attribution_right_after_the_claims_covers_them() {
    let text = "Four fishermen were wounded by mortar fire near the lake shore. \
                The district governor told reporters the shelling began at dawn.";
    assert_eq!(first(text).as_deref(), Some("The district governor"));
    let uk = "Унаслідок обстрілу селища загинули двоє людей. Голова громади наголосив, що обстріл тривав годину.";
    assert!(
        first(uk).is_some_and(|c| c.contains("Голова громади")),
        "{:?}",
        first(uk)
    );
}

#[test]
fn the_cited_source_outranks_the_outlet() {
    let ru = "Не менее 12 человек погибли при обстреле рынка, сообщает телеканал Север со ссылкой на министерство здравоохранения.";
    assert!(
        first(ru).is_some_and(|c| c.contains("министерство здравоохранения")),
        "{:?}",
        first(ru)
    );
    let en = "Nine civilians were killed in the airstrike, the broadcaster reported, citing the provincial health office.";
    assert!(
        first(en).is_some_and(|c| c.contains("provincial health office")),
        "{:?}",
        first(en)
    );
}

#[test]
fn a_self_named_issuer_is_the_claimant() {
    let text = "The Council of Elders condemns the raid on the market. \
                The Council pays tribute to the six traders who lost their lives.";
    assert!(
        first(text).is_some_and(|c| c.contains("Council")),
        "{:?}",
        first(text)
    );
    // A reporting verb in the same sentence outranks the issuer.
    let text = "The Commission condemned the attack, which the army said killed eight recruits.";
    assert_eq!(first(text).as_deref(), Some("the army"));
}

#[test]
fn the_attribution_after_the_figure_is_its_own() {
    let text = "The foreign minister announced a truce on Friday, though the shelling of the port \
                has left some 40 people dead, according to doctors in the city.";
    assert!(
        first(text).is_some_and(|c| c.contains("doctors")),
        "{:?}",
        first(text)
    );
    let text = "The provincial governor lowered the toll of the market bombing from 30 to 24.";
    assert!(
        claimants(text)
            .iter()
            .all(|c| c.as_deref() == Some("The provincial governor")),
        "{:?}",
        claimants(text)
    );
}

#[test]
fn the_subject_between_a_pointer_back_and_its_verb_is_the_speaker() {
    // The words between "Про це" / "Об этом" and the verb are the subject, whatever the
    // verb is followed by.
    let c = claimants(
        "Унаслідок удару по Сумах загинули четверо цивільних. Про це голова ОВА написав у телеграм-каналі Новини.",
    );
    assert_eq!(c[0].as_deref(), Some("голова ОВА"), "{c:?}");
    let c = claimants(
        "При обстреле Горловки погибли трое мирных жителей. Об этом мэр города Иван Приходько сообщил в Telegram.",
    );
    assert_eq!(c[0].as_deref(), Some("мэр города Иван Приходько"), "{c:?}");
    // A place or channel there is no subject: the speaker follows the verb.
    let c = claimants(
        "Внаслідок обстрілу Нікополя загинули двоє людей. Про це в Телеграмі повідомив голова ОВА Сергій Лисак.",
    );
    assert_eq!(c[0].as_deref(), Some("голова ОВА Сергій Лисак"), "{c:?}");
}

#[test]
fn a_channel_between_the_verb_and_the_speaker_is_no_part_of_the_speaker() {
    let c = claimants(
        "В результате удара по Белгороду погибли два человека. Об этом сообщил в Telegram губернатор области Вячеслав Гладков.",
    );
    assert_eq!(
        c[0].as_deref(),
        Some("губернатор области Вячеслав Гладков"),
        "{c:?}"
    );
    // A ministry named after the preposition stays whole.
    let c = claimants("При обстреле Курска погибли 5 человек, сообщили в Минобороны России.");
    assert_eq!(c[0].as_deref(), Some("Минобороны России"), "{c:?}");
}
