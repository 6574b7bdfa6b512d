//! HTML → plain text, keeping block boundaries as line breaks so sentences don't run together.

use ego_tree::NodeRef;
use scraper::{Html, Node};

enum Step<'a> {
    Visit(NodeRef<'a, Node>),
    Close,
}

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "hr",
];
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "svg",
];

/// Renders an HTML fragment or document as plain text: entities decoded, scripts and styles
/// dropped, one line per block element, runs of spaces collapsed. Plain text without markup
/// comes back with only its whitespace tidied.
pub fn html_to_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return tidy(html);
    }
    let doc = Html::parse_fragment(html);
    let mut out = String::with_capacity(html.len());
    // Depth-first walk with an explicit stack, so deep nesting cannot overflow the call stack.
    let mut stack = vec![Step::Visit(doc.tree.root())];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Close => {
                out.push('\n');
                continue;
            }
            Step::Visit(node) => node,
        };
        match node.value() {
            Node::Text(t) => {
                // Line breaks inside HTML text are just spaces; blocks make the lines.
                out.extend(t.chars().map(|c| if c.is_whitespace() { ' ' } else { c }));
                continue;
            }
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) {
                    continue;
                }
                if BLOCK.contains(&name) {
                    out.push('\n');
                    stack.push(Step::Close);
                }
            }
            _ => {}
        }
        let children: Vec<_> = node.children().collect();
        stack.extend(children.into_iter().rev().map(Step::Visit));
    }
    tidy(&out)
}

/// Replaces C1 control characters (U+0080–U+009F), which publishers produce by mislabelling
/// windows-1252 punctuation, with the characters windows-1252 gives those bytes ("don\u{92}t"
/// becomes "don’t").
fn demoronize(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)) {
        return text.into();
    }
    text.chars()
        .map(|c| match u8::try_from(u32::from(c)) {
            Ok(b @ 0x80..=0x9f) => {
                let byte = [b];
                let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
                s.chars().next().unwrap_or(c)
            }
            _ => c,
        })
        .collect::<String>()
        .into()
}

/// Collapses spaces inside lines, trims lines and drops empty ones.
fn tidy(s: &str) -> String {
    let s = &demoronize(s);
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&words.join(" "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn blocks_become_lines_and_scripts_vanish() {
        let html = "<div><h2>Title</h2><p>First &amp; <b>bold</b>.</p><script>alert(1)</script><ul><li>one</li><li>two</li></ul></div>tail";
        assert_eq!(html_to_text(html), "Title\nFirst & bold.\none\ntwo\ntail");
    }

    #[test]
    fn c1_controls_become_windows_1252_punctuation() {
        assert_eq!(html_to_text("don\u{92}t"), "don\u{2019}t");
        assert_eq!(html_to_text("<p>don&#146;t</p>"), "don\u{2019}t");
    }

    #[test]
    fn newlines_inside_html_text_are_spaces() {
        assert_eq!(
            html_to_text("<p>one\ntwo</p><p>three</p>"),
            "one two\nthree"
        );
    }

    #[test]
    fn plain_text_is_only_tidied() {
        assert_eq!(html_to_text("  a   b \n\n c "), "a b\nc");
    }

    #[test]
    fn broken_markup_does_not_panic() {
        assert_eq!(html_to_text("<p>unclosed <b>x"), "unclosed x");
        assert_eq!(html_to_text("<<<>>>&&&;"), "<<<>>>&&&;");
    }
}
