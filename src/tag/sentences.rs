//! Sentence splitting that survives abbreviations, decimals, quotes, bullets and newlines.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
//! when whitespace follows and the next word does not start with a lowercase letter, unless
//! the word before the dot is a known abbreviation ("Gen.", "U.S.", "p.m.", "No.") or a
//! single capital initial. A blank line always ends a sentence; a single newline ends one
//! when the line is a heading (short, no final punctuation) or a bullet, or the next line
//! is a bullet. All spans are byte ranges on character boundaries, trimmed of whitespace.

use super::mention::Span;
use super::words::WordSet;

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '“'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '«', '(', '[', '„'];
const BULLETS: &[char] = &['-', '*', '•', '·', '–', '—', '▪', '►'];

/// Split `text` into sentence spans. `abbreviations` holds lowercase abbreviations without
/// their final dot ("gen", "u.s", "p.m").
pub fn split(text: &str, abbreviations: &WordSet) -> Vec<Span> {
    let bytes = text.as_bytes();
    let at = |i: usize| text.get(i..).and_then(|r| r.chars().next());
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut line_start = 0usize;
    let mut pos = 0usize;
    // Only ASCII terminators, newlines and the lead byte of '…' can end a sentence: the
    // scan jumps from one to the next (`Stops`) and decodes characters only around them.
    let mut stops = Stops::default();
    while pos < bytes.len() {
        pos = stops.next(bytes, pos);
        let Some(&b) = bytes.get(pos) else {
            break;
        };
        if b == b'\n' {
            let line = text.get(line_start..pos).unwrap_or("");
            let next_line_start = pos + 1;
            let rest = text.get(next_line_start..).unwrap_or("");
            let blank_follows = rest
                .chars()
                .take_while(|&c| c != '\n')
                .all(char::is_whitespace);
            let next_starts_upper = rest
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| !c.is_lowercase());
            if blank_follows
                || (is_heading(line) && next_starts_upper)
                || is_bullet(line)
                || is_bullet(rest)
            {
                push(text, start, pos, &mut out);
                start = next_line_start;
            }
            line_start = next_line_start;
            pos += 1;
            continue;
        }
        let Some(c) = at(pos).filter(|c| matches!(c, '.' | '!' | '?' | '…')) else {
            pos += 1;
            continue;
        };
        // Swallow repeated terminators and closing quotes/brackets.
        let mut j = pos + c.len_utf8();
        while let Some(n) =
            at(j).filter(|n| matches!(n, '.' | '!' | '?' | '…') || CLOSERS.contains(n))
        {
            j += n.len_utf8();
        }
        let end = j.min(text.len());
        let next_is_space = at(j).is_none_or(char::is_whitespace);
        if next_is_space && (c != '.' || !is_abbreviation(text, pos, abbreviations)) {
            // Look at the next non-space character.
            let next = text
                .get(j..)
                .and_then(|r| r.chars().find(|n| !n.is_whitespace()));
            let ok = match next {
                None => true,
                Some(n) => !n.is_lowercase() || OPENERS.contains(&n) || BULLETS.contains(&n),
            };
            if ok {
                push(text, start, end, &mut out);
                start = end;
            }
        }
        pos = j;
    }
    push(text, start, text.len(), &mut out);
    out
}

/// The next bytes that may end a sentence, found with `memchr`: the next `.`, newline or
/// lead byte of '…', and the next `!` or `?` (each kept until the scan passes it).
#[derive(Default)]
struct Stops {
    dot_line: Option<usize>,
    marks: Option<usize>,
}

impl Stops {
    /// The first byte at or after `from` that is `.`, `!`, `?`, a newline or 0xE2 (the
    /// length of `bytes` when there is none).
    fn next(&mut self, bytes: &[u8], from: usize) -> usize {
        let rest = bytes.get(from..).unwrap_or_default();
        if self.dot_line.is_none_or(|p| p < from) {
            self.dot_line =
                Some(memchr::memchr3(b'.', b'\n', 0xE2, rest).map_or(bytes.len(), |p| from + p));
        }
        if self.marks.is_none_or(|p| p < from) {
            self.marks = Some(memchr::memchr2(b'!', b'?', rest).map_or(bytes.len(), |p| from + p));
        }
        self.dot_line
            .unwrap_or(from)
            .min(self.marks.unwrap_or(from))
    }
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    if start >= end || end > text.len() {
        return;
    }
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    let (s, e) = (start + lead, end - trail);
    if s < e {
        out.push(Span { start: s, end: e });
    }
}

/// True when the word that ends with the dot at `dot` is an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize, abbreviations: &WordSet) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        // A single capital letter is an initial ("J. Smith"), a single digit is a list number;
        // but "said on X." names the platform X.
        let prev = before[..word_start].trim_end();
        let platform = c == 'X' && (prev.ends_with(" on") || prev.ends_with(" via"));
        return c.is_uppercase() && !platform;
    }
    // An ASCII word with no capital is its own lowercase form.
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return abbreviations.contains(word);
    }
    // `fold` is `to_lowercase` wherever it folds, and cheaper on Cyrillic.
    abbreviations.contains(&super::phrases::fold(word).unwrap_or_else(|| word.to_lowercase()))
}

fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    let mut cs = t.chars();
    match cs.next() {
        Some(c) if BULLETS.contains(&c) => cs.next().is_some_and(char::is_whitespace),
        Some(c) if c.is_ascii_digit() => {
            let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
            let after = &t[digits.len()..];
            (after.starts_with(". ") || after.starts_with(") ")) && digits.len() <= 3
        }
        _ => false,
    }
}

fn is_heading(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let ends_open = t.ends_with(|c: char| c.is_alphanumeric() || c == ':');
    // At most 14 words: no 15th.
    let few_words = || t.split_whitespace().nth(14).is_none();
    ends_open && few_words() && t.chars().next().is_some_and(|c| !c.is_lowercase())
}
