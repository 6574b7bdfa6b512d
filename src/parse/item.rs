//! The [`Item`]: one statement as published, before tagging.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

/// One published statement: a feed entry or a listing entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Stable identity within its source: the feed's guid, else the link, else a content hash.
    pub guid: String,
    /// Link to the statement, absolute.
    pub url: Option<String>,
    /// Headline, as plain text.
    pub title: String,
    /// Publication time, when the source gives one that parses.
    pub published: Option<DateTime<Utc>>,
    /// The body as plain text, which is what gets tagged.
    pub text: String,
    /// The body as published (HTML or text), kept for reference.
    pub raw: String,
}

impl Item {
    /// Hash of title and text, which tells a revised statement from an unchanged one.
    pub fn content_hash(&self) -> String {
        content_hash(&[&self.title, &self.text])
    }

    /// A hash of the statement's words (lowercased, punctuation dropped, the first 80 words of
    /// the text, or of the title and text when the text is short), which copies of one wire
    /// story in several feeds share although their markup, links and guids differ.
    pub fn fingerprint(&self) -> String {
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let mut w = words(&self.text);
        if w.len() < 12 {
            w = words(&format!("{} {}", self.title, self.text));
        }
        w.truncate(80);
        content_hash(&[&w.join(" ")])
    }
}

/// Hex SHA-256 over parts separated by a NUL, so ("ab","c") and ("a","bc") differ.
pub fn content_hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Picks the guid: the given id, else the link, else a hash of title and text.
pub(crate) fn choose_guid(id: Option<&str>, url: Option<&str>, title: &str, text: &str) -> String {
    if let Some(id) = id.map(str::trim).filter(|s| !s.is_empty()) {
        return id.to_owned();
    }
    if let Some(url) = url.map(str::trim).filter(|s| !s.is_empty()) {
        return url.to_owned();
    }
    format!("sha256:{}", content_hash(&[title, text]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guid_falls_back_from_id_to_link_to_hash() {
        assert_eq!(choose_guid(Some(" g1 "), Some("http://a"), "t", "x"), "g1");
        assert_eq!(
            choose_guid(Some(""), Some("http://a"), "t", "x"),
            "http://a"
        );
        let h = choose_guid(None, None, "t", "x");
        assert!(h.starts_with("sha256:") && h.len() == 71);
        assert_ne!(h, choose_guid(None, None, "t", "y"));
    }

    #[test]
    fn fingerprints_ignore_markup_case_and_punctuation() {
        let item = |title: &str, text: &str| Item {
            guid: "g".into(),
            url: None,
            title: title.into(),
            published: None,
            text: text.into(),
            raw: String::new(),
        };
        let story = "Heavy fighting broke out before dawn near the border, the defence ministry said, with at least 15 civilians wounded.";
        let a = item("Border clashes", story);
        let b = item(
            "UPDATE 1-Border clashes erupt",
            &story.to_uppercase().replace(',', " ;"),
        );
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert_ne!(
            a.fingerprint(),
            item(
                "x",
                "A different story about the harvest and the weather this week in the north."
            )
            .fingerprint()
        );
    }

    #[test]
    fn hash_separates_parts() {
        assert_ne!(content_hash(&["ab", "c"]), content_hash(&["a", "bc"]));
    }
}
