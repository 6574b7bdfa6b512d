//! Charset detection and decoding to UTF-8.
//!
//! Precedence: a byte-order mark; then the charset of the HTTP `Content-Type`; then the
//! document's own declaration (XML prolog or HTML `<meta>`); then, with nothing declared,
//! UTF-8 if the bytes are valid UTF-8, else a guess by chardetng. A declaration is overruled
//! where it is plainly wrong: bytes declared UTF-8 that are not valid UTF-8 are guessed, and
//! bytes declared as a single-byte charset that are valid multi-byte UTF-8 are read as UTF-8.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// The charset parameter of a `Content-Type` header value.
fn header_charset(content_type: Option<&str>) -> Option<&str> {
    let ct = content_type?;
    ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}

/// The `encoding` of an XML prolog at the start of the document.
fn prolog_encoding(head: &str) -> Option<&str> {
    let start = head.find("<?xml")?;
    let end = start + head[start..].find("?>")?;
    let decl = &head[start..end];
    let i = decl.find("encoding")?;
    let rest = decl[i + 8..].trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = &rest[1..];
    Some(&inner[..inner.find(quote)?])
}

/// The charset an HTML `<meta>` declares in the first 2 KiB.
fn meta_charset(head: &str) -> Option<&str> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<meta") {
        let tag_start = from + i;
        let tag_end = tag_start
            + lower[tag_start..]
                .find('>')
                .unwrap_or(lower.len() - tag_start);
        let tag = &lower[tag_start..tag_end];
        if let Some(j) = tag.find("charset=") {
            let v = &head[tag_start + j + 8..tag_end];
            let v = v.trim_start_matches(['"', '\'']);
            let end = v
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
                .unwrap_or(v.len());
            return Some(&v[..end]);
        }
        from = tag_end;
    }
    None
}

fn ascii_head(body: &[u8]) -> String {
    let n = body.len().min(2048);
    body[..n]
        .iter()
        .map(|&b| if b.is_ascii() { b as char } else { ' ' })
        .collect()
}

fn guess(body: &[u8]) -> &'static Encoding {
    let mut d = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    d.feed(body, true);
    d.guess(None, chardetng::Utf8Detection::Allow)
}

/// UTF-16 without a BOM, recognised by a `<` next to a zero byte.
fn sniff_utf16(body: &[u8]) -> Option<&'static Encoding> {
    match body {
        [0, b'<', ..] => Some(UTF_16BE),
        [b'<', 0, ..] => Some(UTF_16LE),
        _ => None,
    }
}

fn choose(body: &[u8], header: Option<&str>, declared_in_doc: Option<&str>) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(body) {
        return enc;
    }
    if let Some(enc) = sniff_utf16(body) {
        return enc;
    }
    let declared = header
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .or_else(|| declared_in_doc.and_then(|l| Encoding::for_label(l.as_bytes())));
    let valid_utf8 = std::str::from_utf8(body).is_ok();
    match declared {
        // A document readable as ASCII cannot really be UTF-16, whatever it says.
        Some(enc) if enc == UTF_16LE || enc == UTF_16BE => {
            if valid_utf8 {
                UTF_8
            } else {
                guess(body)
            }
        }
        Some(enc) if enc == UTF_8 => {
            if valid_utf8 {
                UTF_8
            } else {
                guess(body)
            }
        }
        Some(enc) => {
            if valid_utf8 && !body.is_ascii() && enc.is_single_byte() {
                UTF_8
            } else {
                enc
            }
        }
        None if valid_utf8 => UTF_8,
        None => guess(body),
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Decodes a feed body to UTF-8 and rewrites its XML prolog to declare UTF-8, so the feed
/// parser reads the text as decoded here.
pub fn decode_feed(body: &[u8], content_type: Option<&str>) -> String {
    let head = ascii_head(body);
    let enc = choose(body, header_charset(content_type), prolog_encoding(&head));
    let (text, _, _) = enc.decode(body);
    let text = text.trim_start_matches('\u{feff}').to_owned();
    match prolog_encoding(prefix(&text, 512)).map(|e| e.to_owned()) {
        Some(label) if !label.eq_ignore_ascii_case("utf-8") => text.replacen(&label, "UTF-8", 1),
        _ => text,
    }
}

/// Decodes an HTML body to UTF-8.
pub fn decode_html(body: &[u8], content_type: Option<&str>) -> String {
    let head = ascii_head(body);
    let enc = choose(body, header_charset(content_type), meta_charset(&head));
    let (text, _, _) = enc.decode(body);
    text.trim_start_matches('\u{feff}').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn win1251(s: &str) -> Vec<u8> {
        encoding_rs::WINDOWS_1251.encode(s).0.into_owned()
    }

    #[test]
    fn prefixes_respect_char_boundaries() {
        let long = format!("<?xml version=\"1.0\"?>{}", "力".repeat(300));
        assert_eq!(prefix(&long, 512).len(), 510);
        assert!(decode_feed(long.as_bytes(), None).ends_with('力'));
    }

    #[test]
    fn header_charset_is_read() {
        assert_eq!(
            header_charset(Some("text/xml; charset=\"windows-1251\"")),
            Some("windows-1251")
        );
        assert_eq!(header_charset(Some("text/xml")), None);
    }

    #[test]
    fn prolog_declared_cyrillic_is_decoded_and_relabelled() {
        let mut body = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><title>".to_vec();
        body.extend(win1251("Перемирие"));
        body.extend(b"</title></rss>");
        let text = decode_feed(&body, None);
        assert!(text.contains("Перемирие"), "{text}");
        assert!(
            text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
            "{text}"
        );
    }

    #[test]
    fn header_beats_prolog_and_lies_are_caught() {
        let body = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Café</t>".as_bytes();
        // Valid multi-byte UTF-8 declared Latin-1 is read as UTF-8.
        assert!(decode_feed(body, None).contains("Café"));
        let latin = encoding_rs::WINDOWS_1252
            .encode("<t>Café</t>")
            .0
            .into_owned();
        assert!(decode_feed(&latin, Some("text/xml; charset=iso-8859-1")).contains("Café"));
        // Declared UTF-8 but not UTF-8: guessed.
        assert!(decode_feed(&latin, Some("text/xml; charset=utf-8")).contains("Café"));
    }

    #[test]
    fn undeclared_cyrillic_is_guessed() {
        let mut body = b"<html><body>".to_vec();
        body.extend(win1251(
            "Министерство обороны сообщило о прекращении огня на границе.",
        ));
        let text = decode_html(&body, None);
        assert!(text.contains("Министерство обороны"), "{text}");
    }

    #[test]
    fn meta_charset_and_boms() {
        let mut body = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
        body.extend(win1251("Киев"));
        assert!(decode_html(&body, None).contains("Киев"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<a>é</a>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_html(&utf16, None), "<a>é</a>");
        let be: Vec<u8> = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert!(decode_feed(&be, None).starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    }
}
