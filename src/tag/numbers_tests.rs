use super::*;
use crate::tag::lexicon::LEXICONS;

fn counts(lang: &str, s: &str) -> Vec<(Option<u64>, bool)> {
    let Some(l) = LEXICONS.lang(lang) else {
        return Vec::new();
    };
    let toks = tokenize(s, 0, s.len());
    find_counts(
        l,
        s,
        &toks,
        (0, s.len()),
        crate::tag::lexicon::fold(s).as_deref(),
    )
    .into_iter()
    .filter(|c| !c.ordinal)
    .map(|c| (c.value, c.approx))
    .collect()
}

#[test]
fn digits_and_separators() {
    assert_eq!(counts("en", "1,200 Israelis"), vec![(Some(1200), false)]);
    assert_eq!(
        counts("en", "more than 25.000 of its fighters"),
        vec![(Some(25000), true)]
    );
}

#[test]
fn words_and_compounds() {
    assert_eq!(counts("en", "seven servicemen"), vec![(Some(7), false)]);
    assert_eq!(
        counts("en", "twenty-four soldiers"),
        vec![(Some(24), false)]
    );
    assert_eq!(
        counts("en", "two hundred fighters"),
        vec![(Some(200), false)]
    );
    assert_eq!(
        counts("en", "one thousand two hundred people"),
        vec![(Some(1200), false)]
    );
}

#[test]
fn approx_markers_and_vague() {
    assert_eq!(
        counts("en", "at least 85 civilians"),
        vec![(Some(85), true)]
    );
    assert_eq!(counts("en", "up to 545 troops"), vec![(Some(545), true)]);
    assert_eq!(
        counts("en", "nearly 4,000 people"),
        vec![(Some(4000), true)]
    );
    assert_eq!(counts("en", "dozens of people"), vec![(None, true)]);
    assert_eq!(counts("en", "hundreds of civilians"), vec![(None, true)]);
    assert_eq!(counts("en", "a dozen men"), vec![(Some(12), true)]);
    assert_eq!(counts("en", "half a dozen men"), vec![(Some(6), true)]);
}

#[test]
fn ranges_take_the_lower_bound() {
    assert_eq!(counts("en", "10 to 15 fighters"), vec![(Some(10), true)]);
    assert_eq!(counts("en", "10-15 fighters"), vec![(Some(10), true)]);
}

#[test]
fn more_belongs_to_the_number() {
    assert_eq!(
        counts("en", "12 more taken captive"),
        vec![(Some(12), false)]
    );
    assert_eq!(counts("en", "22 others wounded"), vec![(Some(22), false)]);
}

#[test]
fn dates_years_times_are_no_counts() {
    assert!(counts("en", "on 12 September").is_empty());
    assert!(counts("en", "since October 2023").is_empty());
    assert!(counts("en", "at 7 p.m.").is_empty());
    assert!(counts("en", "at 06:30").is_empty());
}

#[test]
fn decimals_without_scale_are_no_counts() {
    assert!(counts("en", "12.5 miles").is_empty());
    assert_eq!(
        counts("en", "8.8 million people"),
        vec![(Some(8_800_000), false)]
    );
}
