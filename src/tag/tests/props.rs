//! Property tests: `tag` never panics and its spans are valid char boundaries.

use proptest::prelude::*;

use crate::tag::{TagContext, tag};

fn check(text: &str) {
    for m in tag(text, &TagContext::default()) {
        for sp in [m.sentence, m.trigger] {
            assert!(sp.start <= sp.end && sp.end <= text.len());
            assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
        }
        assert!(m.sentence.start <= m.trigger.start && m.trigger.end <= m.sentence.end);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn arbitrary_unicode(s in "\\PC{0,300}") {
        check(&s);
    }

    #[test]
    fn trigger_soup(words in proptest::collection::vec(prop_oneof![
        Just("killed"), Just("ceasefire"), Just("12"), Just("1,200"), Just("двое"), Just("погибли"),
        Just("."), Just(","), Just("“"), Just("\n"), Just("- "), Just("at least"), Just("Gen."),
        Just("said"), Just("according to"), Just("no"), Just("truce"), Just("wounded"), Just("é"),
        Just("перемирие"), Just("загинули"), Just("ten"), Just("twenty-four"), Just("including"),
        Just("\u{200b}"), Just("🙂"), Just("U.S."), Just("the"), Just("shelling"), Just("each"),
    ], 0..60)) {
        check(&words.join(" "));
        check(&words.concat());
    }
}
