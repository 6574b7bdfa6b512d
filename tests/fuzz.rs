//! Property tests ("fuzzing" on stable Rust): decoding, parsing and tagging never panic on
//! arbitrary input, and tag spans always fall on character boundaries.

use claimwatch::fetch::{decode_feed, decode_html};
use claimwatch::parse::{PageRule, html_to_text, parse_feed, parse_page};
use claimwatch::tag::{TagContext, tag};
use proptest::prelude::*;

/// Fragments that steer random input towards the shapes feeds and pages really have.
fn xmlish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>".to_owned()),
        Just("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".to_owned()),
        Just("<rss version=\"2.0\"><channel>".to_owned()),
        Just("<feed xmlns=\"http://www.w3.org/2005/Atom\">".to_owned()),
        Just("<item><title>".to_owned()),
        Just("</title><description><![CDATA[".to_owned()),
        Just("]]></description></item>".to_owned()),
        Just("<entry><content type=\"html\">&lt;p&gt;".to_owned()),
        Just("</channel></rss>".to_owned()),
        Just("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[".to_owned()),
        Just("&amp;&#146;&#x2019;&nbsp;".to_owned()),
        Just("<div class=\"n\"><a href=\"/x\">".to_owned()),
        "\\PC{0,40}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn decoding_and_parsing_arbitrary_bytes_never_panics(body in proptest::collection::vec(any::<u8>(), 0..2048), ct in proptest::option::of("[a-z/+-]{0,20}(; charset=[a-z0-9-]{0,12})?")) {
        let text = decode_feed(&body, ct.as_deref());
        let _ = parse_feed(&text, Some("https://example.org/"));
        let html = decode_html(&body, ct.as_deref());
        let _ = html_to_text(&html);
    }

    #[test]
    fn parsing_feed_shaped_text_never_panics(doc in xmlish()) {
        let _ = parse_feed(&doc, None);
        let _ = parse_feed(&decode_feed(doc.as_bytes(), None), None);
        let rule = PageRule::new("div.n", "a", "a", Some("time"), Some("p")).unwrap();
        let base = url::Url::parse("https://example.org/list").unwrap();
        let _ = parse_page(&doc, &rule, &base);
    }

    #[test]
    fn tagging_arbitrary_text_never_panics_and_spans_are_valid(text in "\\PC{0,400}", words in proptest::collection::vec(prop_oneof![
        Just("killed"), Just("wounded"), Just("ceasefire"), Just("clashes"), Just("at least"), Just("twenty-four"),
        Just("убиты"), Just("перемирие"), Just("загинули"), Just("said"), Just("."), Just("\n"), Just("U.N."), Just("1,200"),
    ], 0..30)) {
        let input = format!("{text} {}", words.join(" "));
        for m in tag(&input, &TagContext::default()) {
            for span in [m.sentence, m.trigger] {
                prop_assert!(span.start <= span.end && span.end <= input.len());
                prop_assert!(input.is_char_boundary(span.start) && input.is_char_boundary(span.end));
            }
        }
    }
}
