//! One sentence prepared for the rule families: its text, tokens and helpers that map the
//! byte spans of phrase matches onto token ranges.

use super::lexicon::{Lang, Phrases, fold};
use super::mention::Span;
use super::numbers::{Token, tokenize_folded};

/// A sentence of the tagged text, tokenized.
pub struct Sent<'a> {
    /// The whole tagged text.
    pub text: &'a str,
    /// The sentence's byte span in `text`.
    pub span: Span,
    /// Its tokens, with absolute byte offsets.
    pub toks: Vec<Token>,
    /// The language lexicon.
    pub lang: &'a Lang,
    /// The sentence lowercased for the lowercased phrase regexes (`lexicon::fold`).
    pub folded: Option<String>,
}

impl<'a> Sent<'a> {
    /// Prepare a sentence.
    pub fn new(text: &'a str, span: Span, lang: &'a Lang) -> Sent<'a> {
        let s = text.get(span.start..span.end).unwrap_or("");
        let folded = if lang.folds { fold(s) } else { None };
        Sent {
            text,
            span,
            toks: tokenize_folded(text, span.start, span.end, folded.as_deref()),
            lang,
            folded,
        }
    }

    /// The sentence text.
    pub fn s(&self) -> &'a str {
        self.text.get(self.span.start..self.span.end).unwrap_or("")
    }

    /// Token range `[a, b)` covering the sentence-relative byte range `(x, y)`.
    pub fn tok_range(&self, (x, y): (usize, usize)) -> (usize, usize) {
        let (x, y) = (self.span.start + x, self.span.start + y);
        let a = self
            .toks
            .iter()
            .position(|t| t.end > x)
            .unwrap_or(self.toks.len());
        let b = self
            .toks
            .iter()
            .position(|t| t.start >= y)
            .unwrap_or(self.toks.len());
        (a, b.max(a))
    }

    /// Token ranges of every match of `p` in the sentence.
    pub fn matches(&self, p: &Phrases) -> Vec<(usize, usize)> {
        p.find_all_folded(self.s(), self.folded.as_deref())
            .into_iter()
            .map(|m| self.tok_range(m))
            .filter(|(a, b)| a < b)
            .collect()
    }

    /// True when `p` matches anywhere in the sentence (on word boundaries).
    pub fn is_match(&self, p: &Phrases) -> bool {
        p.is_match_folded(self.s(), self.folded.as_deref())
    }

    /// The original text of tokens `[a, b)`.
    pub fn text_of(&self, a: usize, b: usize) -> &'a str {
        if a >= b || b > self.toks.len() {
            return "";
        }
        self.text
            .get(self.toks[a].start..self.toks[b - 1].end)
            .unwrap_or("")
    }

    /// Byte span of tokens `[a, b)` (the sentence span when empty).
    pub fn span_of(&self, a: usize, b: usize) -> Span {
        if a >= b || b > self.toks.len() {
            return self.span;
        }
        Span {
            start: self.toks[a].start,
            end: self.toks[b - 1].end,
        }
    }

    /// Lowercase word at token `i`, or "" (punctuation is returned as is).
    pub fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_str())
    }

    /// True when token `i` starts with an uppercase letter (not a digit).
    pub fn is_upper(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            self.text
                .get(t.start..t.end)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_uppercase)
        })
    }

    /// True when token `i` starts with an uppercase letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            self.text
                .get(t.start..t.end)
                .and_then(|s| s.chars().next())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
    }
}
