//! One sentence prepared for the rule families: its text, tokens and helpers that map the
//! byte spans of phrase matches onto token ranges.

use super::gate::GateHits;
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
    /// The sentence `lexicon::fold`ed (None when it does not fold): the text of the
    /// lowercased phrase regexes and of the literal gate.
    pub fold: Option<String>,
    /// The phrase lists that may match and where their literals occur (`Gate::hits`),
    /// found on first use.
    gate: std::cell::OnceCell<GateHits>,
}

impl<'a> Sent<'a> {
    /// Prepare a sentence.
    pub fn new(text: &'a str, span: Span, lang: &'a Lang) -> Sent<'a> {
        let s = text.get(span.start..span.end).unwrap_or("");
        let fold = fold(s);
        Sent {
            text,
            span,
            toks: tokenize_folded(text, span.start, span.end, fold.as_deref()),
            lang,
            fold,
            gate: std::cell::OnceCell::new(),
        }
    }

    /// The fold the phrase lists run on: only languages with lowercased regexes use it.
    fn folded(&self) -> Option<&str> {
        self.fold.as_deref().filter(|_| self.lang.folds)
    }

    /// The gate's findings in the sentence.
    fn gate(&self) -> &GateHits {
        self.gate
            .get_or_init(|| self.lang.gate.hits(self.fold.as_deref()))
    }

    /// False when `p` cannot match in the sentence (see `gate`).
    fn may_match(&self, p: &Phrases) -> bool {
        p.gate_bit == 0 || self.gate().bits & p.gate_bit != 0
    }

    /// The places where `p`'s matches may begin, when its gate literals are prefixes of them
    /// and the sentence folds (so that the gate saw where they occur).
    fn starts(&self, p: &Phrases) -> Option<Vec<usize>> {
        (p.gate_bit != 0 && p.gate_prefix && self.fold.is_some())
            .then(|| self.gate().starts(p.gate_bit))
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
        if !self.may_match(p) {
            return Vec::new();
        }
        let found = match self.starts(p) {
            Some(at) => p.find_at(self.s(), self.folded(), &at),
            None => p.find_all_folded(self.s(), self.folded()),
        };
        found
            .into_iter()
            .map(|m| self.tok_range(m))
            .filter(|(a, b)| a < b)
            .collect()
    }

    /// True when `p` matches anywhere in the sentence (on word boundaries).
    pub fn is_match(&self, p: &Phrases) -> bool {
        self.may_match(p)
            && match self.starts(p) {
                Some(at) => p.is_match_at(self.s(), self.folded(), &at),
                None => p.is_match_folded(self.s(), self.folded()),
            }
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

/// The sentences of one text, each prepared (`Sent::new`) once, on first use: the rules
/// look at a sentence again for the claimants and causes of the sentences around it.
pub struct Sents<'a> {
    /// The whole tagged text.
    pub text: &'a str,
    /// Its sentence spans, in order.
    pub spans: &'a [Span],
    /// The language lexicon.
    pub lang: &'a Lang,
    cells: Vec<std::cell::OnceCell<Sent<'a>>>,
}

impl<'a> Sents<'a> {
    /// The sentences of `text` at `spans`, none prepared yet.
    pub fn new(text: &'a str, spans: &'a [Span], lang: &'a Lang) -> Sents<'a> {
        Sents {
            text,
            spans,
            lang,
            cells: spans.iter().map(|_| std::cell::OnceCell::new()).collect(),
        }
    }

    /// Sentence `i` (`i` < `spans.len()`), prepared now if it was not yet.
    pub fn get(&self, i: usize) -> &Sent<'a> {
        self.cells[i].get_or_init(|| Sent::new(self.text, self.spans[i], self.lang))
    }
}
