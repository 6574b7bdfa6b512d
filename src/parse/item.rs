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
    fn hash_separates_parts() {
        assert_ne!(content_hash(&["ab", "c"]), content_hash(&["a", "bc"]));
    }
}
