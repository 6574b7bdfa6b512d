//! The sentence splitter.

use crate::tag::lexicon::LEXICONS;
use crate::tag::sentences::split;

fn parts(t: &str) -> Vec<&str> {
    split(t, &LEXICONS.abbreviations)
        .into_iter()
        .map(|s| &t[s.start..s.end])
        .collect()
}

#[test]
fn abbreviations_do_not_split() {
    let t =
        "Lt. Col. Smith met Gen. Adams at 7 p.m. on Jan. 5 at the U.N. headquarters. They talked.";
    assert_eq!(parts(t).len(), 2, "{:?}", parts(t));
    assert_eq!(
        parts("The U.S. and the U.N. said No. 5 was hit. Then it rained.").len(),
        2
    );
}

#[test]
fn decimals_and_quotes() {
    let t =
        "About 8.8 million people fled. “We will fight,” he said. “They attacked us!” She wept.";
    assert_eq!(
        parts(t),
        vec![
            "About 8.8 million people fled.",
            "“We will fight,” he said.",
            "“They attacked us!”",
            "She wept."
        ]
    );
}

#[test]
fn bullets_and_headings_are_own_sentences() {
    let t = "Daily update\n- Two soldiers were killed\n- Five were wounded\nThe ministry said more\nwould follow.";
    let p = parts(t);
    assert_eq!(
        p,
        vec![
            "Daily update",
            "- Two soldiers were killed",
            "- Five were wounded",
            "The ministry said more\nwould follow."
        ]
    );
}

#[test]
fn blank_line_splits() {
    assert_eq!(parts("First paragraph without stop\n\nSecond one").len(), 2);
}

#[test]
fn cyrillic_sentences() {
    assert_eq!(parts("Погибли двое. Ранены трое.").len(), 2);
}
