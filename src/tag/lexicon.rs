//! The word lists of every language, read from the TOML files under `src/tag/lexicon/`.
//!
//! Everything that names a word lives in data: triggers, status cues, negative contexts,
//! number words, approximation markers and claimant verbs. Each list entry is a regular
//! expression fragment (mostly a plain phrase), matched case-insensitively between word
//! boundaries. The files are embedded with `include_str!` and compiled once; a unit test
//! checks that they parse, and at run time a broken file degrades to an empty lexicon.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexBuilder};

/// Lazy-DFA cache capacity of each phrase list, in bytes (grown only as states are built).
const DFA_CACHE: usize = 16 << 20;

pub use super::lexicon_data::*;
use super::mention::{CasualtyCategory, CeasefireStatus};

/// The embedded lexicon files, one per language: (language code, TOML text).
pub const SOURCES: &[(&str, &str)] = &[
    ("en", include_str!("lexicon/en.toml")),
    ("ru", include_str!("lexicon/ru.toml")),
    ("uk", include_str!("lexicon/uk.toml")),
];

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
    exact: std::sync::OnceLock<Option<Regex>>,
    /// The lowercased, case-sensitive regex's source, for lists with Cyrillic letters.
    folded_src: Option<String>,
    /// That regex, built on first use (a text touches only some of a language's lists).
    folded: std::sync::OnceLock<Option<Regex>>,
}

/// Builds one phrase-list regex. A large lazy-DFA cache keeps long alternations (all
/// casualty cues) on the DFA instead of falling back to the much slower PikeVM.
fn build_phrase_regex(src: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(src).dfa_size_limit(DFA_CACHE).build()
}

/// Lowercase `text` when that makes case-sensitive matching of lowercased patterns agree
/// with case-insensitive matching of the originals, byte for byte: every character is ASCII,
/// a letter of the basic Cyrillic block (whose case-folding partners are its upper and
/// lowercase forms, of the same length) or has no case at all. None otherwise (a text with
/// "ſ", the Kelvin sign, Greek or accented Latin letters keeps the case-insensitive regex).
pub fn fold(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_basic_cyrillic(c) {
            out.push(CYRILLIC_LOWER[c as usize - 0x400]?);
        } else if is_uncased_fast(c) {
            out.push(c);
        } else {
            return None;
        }
    }
    Some(out)
}

/// `cyrillic_lower` of each character of the basic Cyrillic block.
static CYRILLIC_LOWER: LazyLock<[Option<char>; 256]> = LazyLock::new(|| {
    std::array::from_fn(|i| char::from_u32(0x400 + i as u32).and_then(cyrillic_lower))
});

/// `is_uncased`, with the punctuation of news text (general punctuation, Latin-1 marks)
/// answered without the case tables.
fn is_uncased_fast(c: char) -> bool {
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
fn is_uncased(c: char) -> bool {
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
        // alternative when a shorter one stops inside a word ("murder" in "murdered").
        let src = format!(r"(?i)(?:{})(?:[^0-9A-Za-z_]|\z)", alts.join("|"));
        let build = |src: &str| {
            build_phrase_regex(src).map_err(|e| format!("bad phrase list {list:?}: {e}"))
        };
        // Case-insensitive Cyrillic makes large automata that thrash the lazy DFA's cache;
        // the lowercased, case-sensitive regex is much smaller.
        let body = format!("(?:{})", alts.join("|"));
        // The tests load every lexicon: there, build the regex left for later as well, so a
        // list that would not build case-insensitively fails a test instead of never matching.
        #[cfg(test)]
        build(&src)?;
        // Both regexes are built on first use: a Russian sentence builds only the lists its
        // rules reach. The tests build them all now, so a bad list fails a test.
        let folded_src = folded_source(&body).map(|low| format!(r"{low}(?:[^0-9A-Za-z_]|\z)"));
        #[cfg(test)]
        if let Some(f) = &folded_src {
            build(f)?;
        }
        #[cfg(not(test))]
        let _ = build;
        Ok(Phrases {
            source: Some(src),
            exact: std::sync::OnceLock::new(),
            folded_src,
            folded: std::sync::OnceLock::new(),
        })
    }

    /// The case-insensitive regex, built now if it was left for later. None when the list is
    /// empty, or (never seen: every list is compiled both ways in the tests) when it does not
    /// build.
    fn exact(&self) -> Option<&Regex> {
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
        re.is_match(hay) && !self.scan(re, text, hay).is_empty()
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
    fn scan(&self, re: &Regex, text: &str, hay: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos <= text.len() {
            let Some(m) = re.find_at(hay, pos) else {
                break;
            };
            // Drop the guard character.
            let end = match text[..m.end()].chars().next_back() {
                Some(c) if m.end() > m.start() && !is_word_char(c) => m.end() - c.len_utf8(),
                _ => m.end(),
            };
            if end <= m.start() {
                pos = next_boundary(text, m.start());
                continue;
            }
            if bounded(text, m.start(), end) {
                out.push((m.start(), end));
                pos = end;
            } else {
                pos = next_boundary(text, m.start());
            }
        }
        out
    }

    /// True when the list matches anywhere in `text` (on word boundaries).
    pub fn is_match(&self, text: &str) -> bool {
        let Some((re, hay)) = self.engine(text) else {
            return false;
        };
        if !re.is_match(&hay) {
            return false;
        }
        !self.find_all(text).is_empty()
    }

    /// True when the whole of `word` is one of the phrases.
    pub fn is_exactly(&self, word: &str) -> bool {
        self.engine(word).is_some_and(|(re, hay)| {
            re.find(&hay)
                .is_some_and(|m| m.start() == 0 && m.end() == word.len())
                || re
                    .find_iter(&hay)
                    .any(|m| m.start() == 0 && m.end() == word.len())
        })
    }
}

fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || c == '_'
}

/// `char::is_alphanumeric`, with the characters below U+0500 (Latin, Greek, basic
/// Cyrillic) answered from a table instead of the slow Unicode lookup.
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if let Some(&a) = LOW_ALNUM.get(c as usize) {
        a
    } else {
        c.is_alphanumeric()
    }
}

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

/// The compiled casualty cues of one kind (any, numbered-only, singular).
#[derive(Debug, Default)]
pub struct CueSet(pub Vec<(CasualtyCategory, Phrases)>);

impl CueSet {
    fn compile(c: &CategoryCues) -> Result<CueSet, String> {
        Ok(CueSet(vec![
            (
                CasualtyCategory::KilledOrWounded,
                Phrases::compile(&c.killed_or_wounded)?,
            ),
            (CasualtyCategory::Killed, Phrases::compile(&c.killed)?),
            (CasualtyCategory::Wounded, Phrases::compile(&c.wounded)?),
            (CasualtyCategory::Captured, Phrases::compile(&c.captured)?),
            (CasualtyCategory::Missing, Phrases::compile(&c.missing)?),
        ]))
    }
}

/// One language's lexicon, compiled.
#[derive(Debug, Default)]
pub struct Lang {
    /// Language code.
    pub code: String,
    /// The raw lists (word sets and maps are used directly).
    pub data: LexiconData,
    /// Ceasefire triggers.
    pub cf_triggers: Phrases,
    /// Ceasefire + clash triggers.
    pub cf_with_clash: Phrases,
    /// Ceasefire trigger negatives.
    pub cf_not: Phrases,
    /// Figurative ceasefire contexts.
    pub cf_figurative: Phrases,
    /// Status cues, in priority order.
    pub cf_status: Vec<(CeasefireStatus, Phrases)>,
    /// Appeals to observe.
    pub cf_appeal: Phrases,
    /// Since-the-truce contexts.
    pub cf_since: Phrases,
    /// Since-then contexts: fighting reported after an earlier sentence's truce.
    pub cf_since_then: Phrases,
    /// Ceasefire: endings of an infinitive ("ть"), lowercase.
    pub cf_inf_endings: Vec<String>,
    /// Ceasefire: endings of verbal nouns ("ние"), lowercase.
    pub cf_noun_endings: Vec<String>,
    /// Mediator patterns.
    pub cf_mediator: Vec<Regex>,
    /// Clash triggers.
    pub clash_triggers: Phrases,
    /// Clash trigger negatives.
    pub clash_not: Phrases,
    /// Clash sentence negatives.
    pub clash_negative: Phrases,
    /// Attack predicates that need an armed argument.
    pub clash_predicates: Phrases,
    /// Attack predicates that need a weapon.
    pub clash_instrument_predicates: Phrases,
    /// Armed arguments: forces, positions and weapons.
    pub clash_armed: Phrases,
    /// Weapons only.
    pub clash_weapons: Phrases,
    /// Drill, film and book contexts that hold for the rest of the passage.
    pub clash_passage_negative: Phrases,
    /// Casualty cues.
    pub cues: CueSet,
    /// Numbered-only casualty cues.
    pub numbered_cues: CueSet,
    /// Singular casualty cues.
    pub singular_cues: CueSet,
    /// Every casualty cue of the three sets, to rule out a sentence with one scan.
    pub any_cue: Phrases,
    /// Negators.
    pub negators: Phrases,
    /// Negators after a cue.
    pub negators_after: Phrases,
    /// Deniers.
    pub deniers: Phrases,
    /// No-claim contexts.
    pub no_claim: Phrases,
    /// Casualty sentence negatives.
    pub casualty_negative: Phrases,
    /// Non-violent causes an armed event overrides (casualty context).
    pub nonviolent: Phrases,
    /// Armed attack and fighting words (casualty context).
    pub armed_events: Phrases,
    /// Background of a war long over (casualty context).
    pub history: Phrases,
    /// Not-people nouns.
    pub not_people: Phrases,
    /// Summary nouns.
    pub summary: Phrases,
    /// Governing cues.
    pub governing: Phrases,
    /// Per-place repetition phrases.
    pub each: Phrases,
    /// Approximation markers before a number.
    pub approx_before: Phrases,
    /// Vague quantities.
    pub vague: Phrases,
    /// Claimant verbs.
    pub claim_verbs: Phrases,
    /// "According to" phrases.
    pub according: Phrases,
    /// Relay outlets.
    pub relays: Phrases,
    /// Backward-pointing claimant phrases.
    pub claim_backward: Phrases,
    /// Speaker nouns.
    pub claim_speakers: Phrases,
    /// Phrases that name a cited source.
    pub claim_citing: Phrases,
    /// Verbs of an issuer's own statement.
    pub claim_issuer_verbs: Phrases,
    /// Lowercase word sets, for token tests.
    pub sets: WordSets,
    /// True when some phrase lists have a lowercased regex: sentences are `fold`ed once.
    pub folds: bool,
}

/// Lowercase word sets used token by token.
#[derive(Debug, Default)]
pub struct WordSets {
    /// Link words between a cue and its number.
    pub link: HashSet<String>,
    /// Auxiliaries between a number phrase and its cue.
    pub aux: HashSet<String>,
    /// Words ending a "who" phrase.
    pub who_stop: HashSet<String>,
    /// "including".
    pub including: HashSet<String>,
    /// Conjunctions.
    pub conj: HashSet<String>,
    /// Singular auxiliaries.
    pub singular_aux: HashSet<String>,
    /// Singular determiners.
    pub singular_det: HashSet<String>,
    /// Irregular plural nouns.
    pub plural_nouns: HashSet<String>,
    /// Words after a cue that make it a modifier.
    pub modified: HashSet<String>,
    /// Words before an age.
    pub age_before: HashSet<String>,
    /// Words before a claimant verb that make it a noun or adjective ("the claims").
    pub claim_not_after: HashSet<String>,
    /// Words after a claimant verb that make it no reporting verb.
    pub claim_not_before: HashSet<String>,
    /// First words that make a segment no subject.
    pub not_subject_start: HashSet<String>,
    /// Ceasefire cues that weigh less ("despite").
    pub cf_weak: HashSet<String>,
    /// Ceasefire: first words of verbal triggers.
    pub cf_verb_heads: HashSet<String>,
    /// Ceasefire: words that end a trigger's clause.
    pub cf_breaks: HashSet<String>,
    /// Ceasefire: relative words.
    pub cf_relatives: HashSet<String>,
    /// Ceasefire: pronouns that take up a trigger.
    pub cf_pronouns: HashSet<String>,
    /// Ceasefire: words of wish, effort or failure over an agreed infinitive.
    pub cf_irrealis: HashSet<String>,
    /// Ceasefire: infinitive markers ("to").
    pub cf_infinitive: HashSet<String>,
    /// "more" words.
    pub more: HashSet<String>,
    /// Range joiners.
    pub range: HashSet<String>,
    /// Words before a number that block a range.
    pub range_not_after: HashSet<String>,
    /// Month names.
    pub months: HashSet<String>,
    /// Words after a number that make it no count.
    pub not_count_after: HashSet<String>,
    /// Words before a year.
    pub year_before: HashSet<String>,
    /// Pronouns.
    pub pronouns: HashSet<String>,
    /// Claimant strip words.
    pub claim_strip: HashSet<String>,
    /// Claimant stop words.
    pub claim_stop: HashSet<String>,
    /// Claimant auxiliaries.
    pub claim_aux: HashSet<String>,
    /// Indefinite determiners before a ceasefire trigger.
    pub indefinite: HashSet<String>,
    /// Location prepositions.
    pub location_preps: HashSet<String>,
    /// Place nouns.
    pub location_nouns: HashSet<String>,
    /// Words that make a name before them no place.
    pub location_not: HashSet<String>,
    /// Range openers ("between").
    pub range_open: HashSet<String>,
    /// Words before "from" that make "from X to Y" a range.
    pub range_from: HashSet<String>,
    /// Nouns that name no speaker.
    pub abstract_heads: HashSet<String>,
    /// Modifiers that, alone, name no speaker.
    pub abstract_modifiers: HashSet<String>,
    /// Words a claimant never starts with.
    pub claim_bad_start: HashSet<String>,
    /// Words that make a claimant phrase a clause.
    pub claim_clause: HashSet<String>,
    /// Capitalised words that are no name.
    pub claim_not_name: HashSet<String>,
    /// Relatives that may open an object clause before its subject.
    pub claim_relative: HashSet<String>,
    /// Articles of a common noun phrase.
    pub claim_article: HashSet<String>,
}

fn set(list: &[String]) -> HashSet<String> {
    list.iter().map(|s| s.to_lowercase()).collect()
}

impl Lang {
    /// Parse and compile one lexicon file.
    pub fn from_toml(code: &str, src: &str) -> Result<Lang, String> {
        let data = LexiconData::parse(code, src)?;
        let c = &data.ceasefire;
        let cf_status = vec![
            (CeasefireStatus::Collapsed, Phrases::compile(&c.collapsed)?),
            (CeasefireStatus::Violated, Phrases::compile(&c.violated)?),
            (CeasefireStatus::Holding, Phrases::compile(&c.holding)?),
            (CeasefireStatus::Proposed, Phrases::compile(&c.proposed)?),
            (CeasefireStatus::Agreed, Phrases::compile(&c.agreed)?),
        ];
        let mut cf_mediator = Vec::new();
        for m in &c.mediator {
            let re = Regex::new(&format!("(?i){m}")).map_err(|e| format!("{code}: {e}"))?;
            if !re.capture_names().any(|n| n == Some("m")) {
                return Err(format!("{code}: mediator pattern {m:?} has no group `m`"));
            }
            cf_mediator.push(re);
        }
        let k = &data.casualty;
        let n = &data.numbers;
        let cl = &data.claimant;
        let sets = WordSets {
            link: set(&k.link_words),
            aux: set(&k.aux_words),
            who_stop: set(&k.who_stop),
            including: set(&k.including),
            conj: set(&k.conjunctions),
            singular_aux: set(&k.singular_aux),
            singular_det: set(&k.singular_det),
            plural_nouns: set(&k.plural_nouns),
            modified: set(&k.modified_by),
            age_before: set(&k.age_before),
            claim_not_after: set(&cl.not_after),
            claim_not_before: set(&cl.not_before),
            not_subject_start: set(&cl.not_subject_start),
            cf_weak: set(&c.weak),
            cf_verb_heads: set(&c.verb_heads),
            cf_breaks: set(&c.clause_breaks),
            cf_relatives: set(&c.relatives),
            cf_pronouns: set(&c.pronouns),
            cf_irrealis: set(&c.irrealis),
            cf_infinitive: set(&c.infinitive_marks),
            more: set(&n.more),
            range: set(&n.range),
            range_not_after: set(&n.range_not_after),
            months: set(&n.months),
            not_count_after: set(&n.not_count_after),
            year_before: set(&n.year_before),
            pronouns: set(&cl.pronouns),
            claim_strip: set(&cl.strip),
            claim_stop: set(&cl.stop),
            claim_aux: set(&cl.aux),
            indefinite: set(&c.indefinite),
            location_preps: set(&data.clash.location_preps),
            location_nouns: set(&data.clash.location_nouns),
            location_not: set(&data.clash.location_not),
            range_open: set(&n.range_open),
            range_from: set(&n.range_from),
            abstract_heads: set(&cl.abstract_heads),
            abstract_modifiers: set(&cl.abstract_modifiers),
            claim_bad_start: set(&cl.bad_start),
            claim_clause: set(&cl.clause_words),
            claim_not_name: set(&cl.not_name),
            claim_relative: set(&cl.relatives),
            claim_article: set(&cl.articles),
        };
        let mut lang = Lang {
            code: code.to_string(),
            cf_triggers: Phrases::compile(&c.triggers)?,
            cf_with_clash: Phrases::compile(&c.triggers_with_clash)?,
            cf_not: Phrases::compile(&c.not_ceasefire)?,
            cf_figurative: Phrases::compile(&c.figurative)?,
            cf_status,
            cf_appeal: Phrases::compile(&c.appeal_to_observe)?,
            cf_since: Phrases::compile(&c.violated_if_fighting)?,
            cf_since_then: Phrases::compile(&c.violated_if_fighting_after)?,
            cf_inf_endings: c
                .infinitive_endings
                .iter()
                .map(|e| e.to_lowercase())
                .collect(),
            cf_noun_endings: c.noun_endings.iter().map(|e| e.to_lowercase()).collect(),
            cf_mediator,
            clash_triggers: Phrases::compile(&data.clash.triggers)?,
            clash_not: Phrases::compile(&data.clash.not_clash)?,
            clash_negative: Phrases::compile(&data.clash.negative)?,
            clash_predicates: Phrases::compile(&data.clash.predicates)?,
            clash_instrument_predicates: Phrases::compile(&data.clash.instrument_predicates)?,
            clash_armed: Phrases::compile(
                &[&data.clash.armed[..], &data.clash.weapons[..]].concat(),
            )?,
            clash_weapons: Phrases::compile(&data.clash.weapons)?,
            clash_passage_negative: Phrases::compile(&data.clash.passage_negative)?,
            cues: CueSet::compile(&k.cues)?,
            numbered_cues: CueSet::compile(&k.numbered_cues)?,
            singular_cues: CueSet::compile(&k.singular_cues)?,
            any_cue: Phrases::compile(
                &[&k.cues, &k.numbered_cues, &k.singular_cues]
                    .iter()
                    .flat_map(|c| c.all())
                    .cloned()
                    .collect::<Vec<_>>(),
            )?,
            negators: Phrases::compile(&k.negators)?,
            negators_after: Phrases::compile(&k.negators_after)?,
            deniers: Phrases::compile(&k.deniers)?,
            no_claim: Phrases::compile(&k.no_claim)?,
            casualty_negative: Phrases::compile(&k.negative)?,
            nonviolent: Phrases::compile(&k.nonviolent)?,
            armed_events: Phrases::compile(&k.armed_events)?,
            history: Phrases::compile(&k.history)?,
            not_people: Phrases::compile(&k.not_people)?,
            summary: Phrases::compile(&k.summary)?,
            governing: Phrases::compile(&k.governing)?,
            each: Phrases::compile(&k.each)?,
            approx_before: Phrases::compile(&n.approx_before)?,
            vague: Phrases::compile(&n.vague)?,
            claim_verbs: Phrases::compile(&cl.verbs)?,
            according: Phrases::compile(&cl.according)?,
            relays: Phrases::compile(&cl.relays)?,
            claim_backward: Phrases::compile(&cl.backward)?,
            claim_speakers: Phrases::compile(&cl.speakers)?,
            claim_citing: Phrases::compile(&cl.citing)?,
            claim_issuer_verbs: Phrases::compile(&cl.issuer_verbs)?,
            sets,
            data,
            folds: false,
        };
        lang.folds = [
            &lang.any_cue,
            &lang.cf_triggers,
            &lang.clash_triggers,
            &lang.clash_predicates,
        ]
        .iter()
        .any(|p| p.has_folded());
        Ok(lang)
    }
}

/// All languages, the shared prefilter and the abbreviation list. A language's phrase lists
/// are compiled on its first use, so a desk that reads only English never pays the memory of
/// the Russian and Ukrainian regexes.
#[derive(Debug, Default)]
pub struct Lexicons {
    /// The embedded sources, in `SOURCES` order.
    sources: Vec<(&'static str, &'static str)>,
    /// Each language, compiled on first use (`None` if its file failed to compile).
    compiled: Vec<std::sync::OnceLock<Option<Lang>>>,
    /// Aho-Corasick over every language's prefilter stems (None: nothing can match).
    pub prefilter: Option<AhoCorasick>,
    /// The family bits of each prefilter pattern, by pattern index.
    pub stem_families: Vec<u8>,
    /// Lowercase abbreviations of all languages, without their final dot.
    pub abbreviations: HashSet<String>,
}

impl Lexicons {
    fn compiled(&self, i: usize) -> Option<&Lang> {
        let (code, src) = self.sources.get(i)?;
        self.compiled
            .get(i)?
            .get_or_init(|| Lang::from_toml(code, src).ok())
            .as_ref()
    }

    /// The lexicon for a language code, falling back to the first (English).
    pub fn lang(&self, code: &str) -> Option<&Lang> {
        let i = self
            .sources
            .iter()
            .position(|(c, _)| *c == code)
            .unwrap_or(0);
        self.compiled(i).or_else(|| self.compiled(0))
    }

    /// Every language, compiling those not yet used.
    pub fn langs(&self) -> Vec<&Lang> {
        (0..self.sources.len())
            .filter_map(|i| self.compiled(i))
            .collect()
    }
}

/// Parse and compile every embedded lexicon.
pub fn load() -> Result<Lexicons, String> {
    let mut stems: HashMap<String, u8> = HashMap::new();
    let mut abbreviations = HashSet::new();
    for (code, src) in SOURCES {
        let lang = LexiconData::parse(code, src)?;
        let p = &lang.prefilter;
        let fams = [
            (&p.ceasefire, FAMILY_CEASEFIRE),
            (&p.clash, FAMILY_CLASH),
            (&p.casualty, FAMILY_CASUALTY),
            (&p.clash_predicate, FAMILY_CLASH_PREDICATE),
            (&p.armed, FAMILY_ARMED),
        ];
        for (list, bit) in fams {
            for s in list {
                let low = s.to_lowercase();
                // Cyrillic is not covered by ASCII case folding: add a capitalised form.
                let mut chars = low.chars();
                if let Some(first) = chars.next() {
                    let cap: String = first.to_uppercase().chain(chars).collect();
                    *stems.entry(cap).or_insert(0) |= bit;
                }
                *stems.entry(low).or_insert(0) |= bit;
            }
        }
        for a in &lang.abbreviations {
            abbreviations.insert(a.to_lowercase().trim_end_matches('.').to_string());
        }
    }
    let mut stems: Vec<(String, u8)> = stems.into_iter().collect();
    stems.sort();
    // The scan reports only the longest stem at each place, not the stems inside it: a stem
    // carries the families of every stem it contains ("fighting" ⊃ "fight").
    let contained: Vec<u8> = stems
        .iter()
        .map(|(s, f)| {
            let low = s.to_lowercase();
            stems
                .iter()
                .filter(|(t, _)| low.contains(&t.to_lowercase()))
                .fold(*f, |acc, (_, g)| acc | g)
        })
        .collect();
    for ((_, f), c) in stems.iter_mut().zip(contained) {
        *f = c;
    }
    let prefilter = if stems.is_empty() {
        None
    } else {
        Some(
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(stems.iter().map(|(s, _)| s))
                .map_err(|e| format!("prefilter: {e}"))?,
        )
    };
    Ok(Lexicons {
        sources: SOURCES.to_vec(),
        compiled: SOURCES.iter().map(|_| std::sync::OnceLock::new()).collect(),
        prefilter,
        stem_families: stems.iter().map(|(_, f)| *f).collect(),
        abbreviations,
    })
}

/// The lexicons, compiled on first use. A broken embedded file (caught by the unit test
/// `lexicons_parse`) degrades to an empty lexicon instead of panicking.
pub static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| load().unwrap_or_default());

#[cfg(test)]
#[path = "lexicon_tests.rs"]
mod tests;
