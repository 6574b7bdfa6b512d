//! Phrase lists compiled to regexes matched between word boundaries, and the lowercasing
//! ("folding") of Cyrillic text that lets them run case-sensitively. Split from `lexicon`,
//! which reads the lists; this module only matches them.

use std::sync::LazyLock;

use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};

/// The character after a phrase: anything but an ASCII or Cyrillic letter, digit or "_".
const GUARD: &str = r"[^0-9A-Za-z_\x{400}-\x{52F}]";

/// Lazy-DFA cache capacity of each phrase list, in bytes (grown only as states are built).
const DFA_CACHE: usize = 16 << 20;

/// A compiled list: one case-insensitive regex over all its phrases (None when empty), and,
/// for lists with Cyrillic letters, the same regex lowercased and case-sensitive, matched
/// against the lowercased text (see `fold`).
///
/// When the lowercased regex exists, the case-insensitive one is only built the first time a
/// text that does not fold needs it: case-insensitive Cyrillic automata are large (a process
/// tagging Russian built them all for nothing, at 0.2 s and some 50 MB), and most text folds.
#[derive(Debug, Default)]
pub struct Phrases {
    /// The case-insensitive regex's source (None when the list is empty).
    source: Option<String>,
    /// The case-insensitive regex, built on first use when `folded` exists.
    pub(crate) exact: std::sync::OnceLock<Option<Regex>>,
    /// The lowercased, case-sensitive regex's source, for lists with Cyrillic letters.
    folded_src: Option<String>,
    /// That regex, built on first use (a text touches only some of a language's lists).
    folded: std::sync::OnceLock<Option<Regex>>,
    /// This list's bit in its language's `gate::Gate` (0: not gated, it always runs).
    pub(crate) gate_bit: u128,
    /// True when every match begins with one of the list's gate literals: its regexes then
    /// need only run anchored where those occur (`find_at`).
    pub(crate) gate_prefix: bool,
}

/// Builds one phrase-list regex. A large lazy-DFA cache keeps long alternations (all
/// casualty cues) on the DFA instead of falling back to the much slower PikeVM. The
/// configuration is that of `regex::RegexBuilder::new(src).dfa_size_limit(DFA_CACHE)`; the
/// regex-automata regex itself is used for its anchored searches (`find_at`).
fn build_phrase_regex(src: &str) -> Result<Regex, Box<meta::BuildError>> {
    let config = meta::Config::new()
        .nfa_size_limit(Some(10 << 20))
        .hybrid_cache_capacity(DFA_CACHE)
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true);
    meta::Builder::new()
        .configure(config)
        .syntax(syntax::Config::new().utf8(true))
        .build(src)
        .map_err(Box::new)
}

/// Lowercase `text` when that makes case-sensitive matching of lowercased patterns agree
/// with case-insensitive matching of the originals, byte for byte: every character is ASCII,
/// a letter of the basic Cyrillic block (whose case-folding partners are its upper and
/// lowercase forms, of the same length) or has no case at all. None otherwise (a text with
/// "ſ", the Kelvin sign, Greek or accented Latin letters keeps the case-insensitive regex).
pub fn fold(text: &str) -> Option<String> {
    // The text is copied in runs up to each non-ASCII character its fold changes, which is
    // written in its place; ASCII is lowercased all at once at the end.
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    let cyrillic = &*CYRILLIC_LOWER;
    for (i, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
        // `fold_char` of a non-ASCII character, with the table at hand.
        let f = match cyrillic.get((c as usize).wrapping_sub(0x400)) {
            Some(&f) => f?,
            None if is_uncased_fast(c) => c,
            None => return None,
        };
        if f != c {
            out.push_str(text.get(from..i)?);
            out.push(f);
            from = i + c.len_utf8();
        }
    }
    out.push_str(text.get(from..)?);
    out.make_ascii_lowercase();
    Some(out)
}

/// One character of `fold`: its lowercase form, itself when it has no case, None when it
/// makes the text not fold.
pub(crate) fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        Some(c.to_ascii_lowercase())
    } else if is_basic_cyrillic(c) {
        CYRILLIC_LOWER[c as usize - 0x400]
    } else if is_uncased_fast(c) {
        Some(c)
    } else {
        None
    }
}

/// `cyrillic_lower` of each character of the basic Cyrillic block.
static CYRILLIC_LOWER: LazyLock<[Option<char>; 256]> = LazyLock::new(|| {
    std::array::from_fn(|i| char::from_u32(0x400 + i as u32).and_then(cyrillic_lower))
});

/// `is_uncased`, with the punctuation of news text (general punctuation, Latin-1 marks)
/// answered without the case tables.
pub(crate) fn is_uncased_fast(c: char) -> bool {
    matches!(c, '\u{A0}'..='\u{B4}' | '\u{B6}'..='\u{BF}' | '\u{2000}'..='\u{206F}' | '\u{2116}')
        || is_uncased(c)
}

fn is_basic_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4FF}').contains(&c)
}

/// The lowercase form of a basic Cyrillic letter, when it is one character of the block and
/// of the same length.
fn cyrillic_lower(c: char) -> Option<char> {
    let mut l = c.to_lowercase();
    let x = l.next()?;
    (l.next().is_none() && is_basic_cyrillic(x) && x.len_utf8() == c.len_utf8()).then_some(x)
}

/// True when `c` has no other case (so case-insensitive matching compares it as it is).
pub(crate) fn is_uncased(c: char) -> bool {
    let mut l = c.to_lowercase();
    let mut u = c.to_uppercase();
    l.next() == Some(c) && l.next().is_none() && u.next() == Some(c) && u.next().is_none()
}

/// The phrase-list regex source lowercased for `fold`ed text, when the list has Cyrillic
/// letters and nothing the lowercasing would not keep equivalent (escapes are kept as they
/// are; letters must be ASCII or basic Cyrillic; no inline flags or named groups).
/// The word characters of a folded text (see `fold`): ASCII letters, digits and `_`, the
/// Cyrillic block, and the combining marks of stressed Russian and Ukrainian spellings.
const FOLDED_WORD: &str = r"[0-9a-z_\x{300}-\x{36f}\x{400}-\x{4ff}]";

fn folded_source(src: &str) -> Option<String> {
    if !src.chars().any(is_basic_cyrillic) || src.contains("(?") && !only_plain_groups(src) {
        return None;
    }
    let mut out = String::with_capacity(src.len());
    let mut chars = src.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let e = chars.next()?;
            if e == 'w' {
                // A folded text holds only ASCII, the Cyrillic block and uncased marks: its
                // word characters fit a small class, far smaller in the automaton than `\w`.
                out.push_str(FOLDED_WORD);
            } else {
                out.push(c);
                out.push(e);
            }
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_basic_cyrillic(c) {
            out.push(cyrillic_lower(c)?);
        } else if is_uncased(c) {
            out.push(c);
        } else {
            return None;
        }
    }
    Some(out)
}

/// True when every `(?` of `src` opens a plain non-capturing group `(?:`.
fn only_plain_groups(src: &str) -> bool {
    src.match_indices("(?")
        .all(|(i, _)| src[i..].starts_with("(?:"))
}

impl Phrases {
    /// Compile a list of phrases into one alternation between word boundaries.
    pub fn compile(list: &[String]) -> Result<Phrases, String> {
        if list.is_empty() {
            return Ok(Phrases::default());
        }
        let mut sorted: Vec<&String> = list.iter().collect();
        sorted.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let alts: Vec<String> = sorted.iter().map(|s| format!("(?:{s})")).collect();
        // Word boundaries are checked by hand (see `find_all`): a Unicode `\b` would push
        // the regex engine off its fast DFA on any non-ASCII text.
        // A trailing guard (a non-word character or the end) lets the engine try a longer
        // alternative when a shorter one stops inside a word ("murder" in "murdered",
        // "ранен" in "ранены": Cyrillic letters are word characters too).
        let src = format!(r"(?i)(?:{})(?:{GUARD}|\z)", alts.join("|"));
        // Case-insensitive Cyrillic makes large automata that thrash the lazy DFA's cache;
        // the lowercased, case-sensitive regex is much smaller.
        let body = format!("(?:{})", alts.join("|"));
        let folded_src = folded_source(&body).map(|low| format!(r"{low}(?:{GUARD}|\z)"));
        // Both regexes are built on first use: a Russian sentence builds only the lists its
        // rules reach. The tests load every lexicon and build both now, so a list that would
        // not build fails a test instead of never matching.
        #[cfg(test)]
        for re in std::iter::once(&src).chain(&folded_src) {
            build_phrase_regex(re).map_err(|e| format!("bad phrase list {list:?}: {e}"))?;
            // A Unicode `\b` keeps the lazy DFA from being built: every search of a text
            // with one non-ASCII character (a curly quote) then runs on the PikeVM, at half
            // the tagger's speed. The guard and `bounded` already mark a phrase's ends.
            regex_automata::hybrid::regex::Builder::new()
                .syntax(syntax::Config::new().utf8(true))
                .dfa(regex_automata::hybrid::dfa::Config::new().cache_capacity(DFA_CACHE))
                .build(re)
                .map_err(|e| format!("phrase list {list:?} cannot run on the lazy DFA: {e}"))?;
        }
        Ok(Phrases {
            source: Some(src),
            exact: std::sync::OnceLock::new(),
            folded_src,
            folded: std::sync::OnceLock::new(),
            gate_bit: 0,
            gate_prefix: false,
        })
    }

    /// The sources of the list's regexes (none for an empty list).
    pub(crate) fn gate_sources(&self) -> impl Iterator<Item = &str> {
        self.source
            .iter()
            .chain(&self.folded_src)
            .map(String::as_str)
    }

    /// The case-insensitive regex, built now if it was left for later. None when the list is
    /// empty, or (never seen: every list is compiled both ways in the tests) when it does not
    /// build.
    pub(crate) fn exact(&self) -> Option<&Regex> {
        let src = self.source.as_deref()?;
        self.exact
            .get_or_init(|| build_phrase_regex(src).ok())
            .as_ref()
    }

    /// The lowercased regex, built now if it was left for later; None for a list with no
    /// Cyrillic (or, never seen, one that does not build).
    pub fn folded(&self) -> Option<&Regex> {
        let src = self.folded_src.as_deref()?;
        self.folded
            .get_or_init(|| build_phrase_regex(src).ok())
            .as_ref()
    }

    /// True when the list has a lowercased regex (it holds Cyrillic letters).
    pub fn has_folded(&self) -> bool {
        self.folded_src.is_some()
    }

    /// The regex to run and the text to run it on: the lowercased regex on the lowercased
    /// text when both exist, else the case-insensitive one on `text` (same byte offsets).
    fn engine<'t>(&self, text: &'t str) -> Option<(&Regex, std::borrow::Cow<'t, str>)> {
        if self.has_folded()
            && let Some(t) = fold(text)
            && let Some(low) = self.folded()
        {
            return Some((low, std::borrow::Cow::Owned(t)));
        }
        Some((self.exact()?, std::borrow::Cow::Borrowed(text)))
    }

    /// `engine` with the text already folded (`folded` is `fold(text)`, computed once).
    fn engine_with<'t>(&self, text: &'t str, folded: Option<&'t str>) -> Option<(&Regex, &'t str)> {
        if let Some(t) = folded
            && self.has_folded()
            && let Some(low) = self.folded()
        {
            return Some((low, t));
        }
        Some((self.exact()?, text))
    }

    /// `find_all` with `folded` = `fold(text)` given (None when the text does not fold).
    pub fn find_all_folded(&self, text: &str, folded: Option<&str>) -> Vec<(usize, usize)> {
        let Some((re, hay)) = self.engine_with(text, folded) else {
            return Vec::new();
        };
        self.scan(re, text, hay)
    }

    /// `is_match` with `folded` = `fold(text)` given (None when the text does not fold).
    pub fn is_match_folded(&self, text: &str, folded: Option<&str>) -> bool {
        let Some((re, hay)) = self.engine_with(text, folded) else {
            return false;
        };
        re.is_match(hay) && bounded_matches(re, text, hay).next().is_some()
    }

    /// `find_all_folded` where every match must begin at one of `starts` (in order): the
    /// places where the list's gate literals, prefixes of its every match, occur in
    /// `folded`. The regex runs anchored at each of them instead of across the text; the
    /// leftmost match from any place is the one anchored at the first of them that matches.
    pub fn find_at(
        &self,
        text: &str,
        folded: Option<&str>,
        starts: &[usize],
    ) -> Vec<(usize, usize)> {
        let Some((re, hay)) = self.engine_with(text, folded) else {
            return Vec::new();
        };
        bounded_matches_at(re, text, hay, starts).collect()
    }

    /// `is_match_folded` where every match must begin at one of `starts` (see `find_at`).
    pub fn is_match_at(&self, text: &str, folded: Option<&str>, starts: &[usize]) -> bool {
        let Some((re, hay)) = self.engine_with(text, folded) else {
            return false;
        };
        bounded_matches_at(re, text, hay, starts).next().is_some()
    }

    /// Byte spans of all non-overlapping matches in `text` that start and end on word
    /// boundaries (no letter or digit right outside them).
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        let Some((re, hay)) = self.engine(text) else {
            return Vec::new();
        };
        self.scan(re, text, &hay)
    }

    /// The bounded matches of `re` run on `hay` (`text` or its fold, of the same length).
    pub(crate) fn scan(&self, re: &Regex, text: &str, hay: &str) -> Vec<(usize, usize)> {
        bounded_matches(re, text, hay).collect()
    }

    /// True when the list matches anywhere in `text` (on word boundaries).
    pub fn is_match(&self, text: &str) -> bool {
        let Some((re, hay)) = self.engine(text) else {
            return false;
        };
        re.is_match(&*hay) && bounded_matches(re, text, &hay).next().is_some()
    }

    /// True when the whole of `word` is one of the phrases.
    pub fn is_exactly(&self, word: &str) -> bool {
        self.engine(word).is_some_and(|(re, hay)| {
            re.find(&*hay)
                .is_some_and(|m| m.start() == 0 && m.end() == word.len())
                || re
                    .find_iter(&*hay)
                    .any(|m| m.start() == 0 && m.end() == word.len())
        })
    }
}

/// The matches of `re` run on `hay` (`text` or its fold, of the same length) that start and
/// end on word boundaries of `text`, in order, without overlaps, the guard character dropped.
fn bounded_matches<'r>(
    re: &'r Regex,
    text: &'r str,
    hay: &'r str,
) -> impl Iterator<Item = (usize, usize)> + 'r {
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos <= text.len() {
            let m = re.search(&Input::new(hay).span(pos..hay.len()))?;
            if let Some(found) = bounded_match(text, m.start(), m.end(), &mut pos) {
                return Some(found);
            }
        }
        None
    })
}

/// `bounded_matches` when every match begins at one of `starts` (in order): the regex runs
/// anchored at each of them from the current position on.
fn bounded_matches_at<'r>(
    re: &'r Regex,
    text: &'r str,
    hay: &'r str,
    starts: &'r [usize],
) -> impl Iterator<Item = (usize, usize)> + 'r {
    let mut pos = 0;
    let mut next = starts.iter().copied();
    std::iter::from_fn(move || {
        loop {
            let at = next.by_ref().find(|&at| at >= pos && at <= hay.len())?;
            let input = Input::new(hay).span(at..hay.len()).anchored(Anchored::Yes);
            let Some(m) = re.search(&input) else {
                continue;
            };
            if let Some(found) = bounded_match(text, m.start(), m.end(), &mut pos) {
                return Some(found);
            }
        }
    })
}

/// The match `[start, end)` with its guard character dropped, when it starts and ends on
/// word boundaries of `text`; `pos` moves past it, or past its first character when it is
/// not bounded.
fn bounded_match(text: &str, start: usize, end: usize, pos: &mut usize) -> Option<(usize, usize)> {
    // Drop the guard character.
    let end = match text[..end].chars().next_back() {
        Some(c) if end > start && !is_word_char(c) => end - c.len_utf8(),
        _ => end,
    };
    if end > start && bounded(text, start, end) {
        *pos = end;
        return Some((start, end));
    }
    *pos = next_boundary(text, start);
    None
}

fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || c == '_'
}

/// `char::is_alphanumeric`, with the characters below U+0500 (Latin, Greek, basic
/// Cyrillic) answered from a table and General Punctuation (U+2000..U+206F) at once,
/// instead of the slow Unicode lookup.
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if let Some(&a) = LOW_ALNUM.get(c as usize) {
        a
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        // General Punctuation (dashes, quotes, spaces): no letter or digit among them.
        false
    } else {
        c.is_alphanumeric()
    }
}

/// `char::is_alphabetic`, with the characters below U+0500 answered from a table.
pub fn is_alphabetic(c: char) -> bool {
    match LOW_ALPHA.get(c as usize) {
        Some(&a) => a,
        None => c.is_alphabetic(),
    }
}

/// `char::is_alphabetic` of each character below U+0500.
static LOW_ALPHA: LazyLock<[bool; 0x500]> = LazyLock::new(|| {
    std::array::from_fn(|i| char::from_u32(i as u32).is_some_and(char::is_alphabetic))
});

/// `char::is_alphanumeric` of each character below U+0500.
static LOW_ALNUM: LazyLock<[bool; 0x500]> = LazyLock::new(|| {
    std::array::from_fn(|i| char::from_u32(i as u32).is_some_and(char::is_alphanumeric))
});

/// True when `text[a..b]` has no word character right before `a` nor right after `b`
/// (a match that itself starts or ends with a non-word character is always bounded there).
fn bounded(text: &str, a: usize, b: usize) -> bool {
    let first_in = text[a..].chars().next().is_some_and(is_word_char);
    let last_in = text[..b].chars().next_back().is_some_and(is_word_char);
    let before = text[..a].chars().next_back().is_some_and(is_word_char);
    let after = text[b..].chars().next().is_some_and(is_word_char);
    !(first_in && before || last_in && after)
}

/// The byte index of the next character after `i` (or past the end).
fn next_boundary(text: &str, i: usize) -> usize {
    text[i..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| i + c.len_utf8())
}
