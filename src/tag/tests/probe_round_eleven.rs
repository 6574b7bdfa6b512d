//! Shapes found by readers who wrote their own passages from TAGS.md alone (an eleventh
//! round): Ukrainian spelling, participles of agreement, phrases of place before an object.

use crate::tag::CasualtyCategory::*;
use crate::tag::CeasefireStatus::*;
use crate::tag::test_util::{keys, statuses};

#[test]
fn an_apostrophe_inside_a_word_is_ukrainian_spelling() {
    // "Перемир'я" has no letter only Ukrainian writes, but Russian writes ъ where it has an
    // apostrophe; read as Russian, the truce went untagged.
    for text in [
        "Перемир'я порушено вже через годину, заявили в Баку.",
        "Перемир’я порушено вже через годину, заявили в Баку.",
        "Режим припинення вогню порушено вже через годину.",
    ] {
        assert_eq!(statuses(text), vec![Violated], "{text}");
    }
    assert_eq!(
        statuses("Перемирие было нарушено уже через час, заявили в Баку."),
        vec![Violated]
    );
}

#[test]
fn a_truce_reached_then_broken_holds_both_states() {
    // TAGS.md: "agreed on the 10th, then broken" holds agreed and violated.
    for text in [
        "Перемирие, достигнутое при посредничестве США, было нарушено уже через час.",
        "Перемир'я, досягнуте за посередництва США, порушено вже через годину.",
        "The ceasefire, reached with US mediation, was violated within an hour.",
    ] {
        assert_eq!(statuses(text), vec![Agreed, Violated], "{text}");
    }
    for text in [
        "Стороны достигли перемирия при посредничестве Турции.",
        "Сторони досягли домовленості про припинення вогню.",
    ] {
        assert_eq!(statuses(text), vec![Agreed], "{text}");
    }
}

#[test]
fn a_phrase_of_place_may_stand_between_a_verb_and_its_object() {
    for (text, want) in [
        (
            "Силы обороны ликвидировали в Донецкой области 30 оккупантов, сообщили в Генштабе.",
            vec![(Killed, Some(30))],
        ),
        (
            "ФСБ задержала в Курской области двух диверсантов.",
            vec![(Captured, Some(2))],
        ),
        (
            "Ізраїльська армія ліквідувала на півночі сектору Гази командира ХАМАС.",
            vec![(Killed, Some(1))],
        ),
        (
            "Силы обороны ликвидировали за сутки 30 оккупантов.",
            vec![(Killed, Some(30))],
        ),
    ] {
        assert_eq!(keys(text), want, "{text}");
    }
    // A comma or a number in between ends the phrase: the count is of something else.
    assert_eq!(
        keys("Силы обороны ликвидировали склад, в Донецкой области 30 домов остались без света."),
        vec![]
    );
}
