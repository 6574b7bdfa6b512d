//! Literal gates of the phrase lists: a list runs on a sentence only when one of the
//! literals that begin its every match occurs in the sentence.
//!
//! The literals of a list are extracted (regex-syntax's prefix extractor) from its regexes
//! with every character mapped through `fold_char`, and one Aho-Corasick automaton per
//! language finds which lists' literals occur in a `fold`ed sentence. A sentence that does
//! not fold runs every list.
//!
//! Why a list whose literals do not occur cannot match: when a text T folds, every character
//! of T folds, so a match of the case-insensitive regex on T is a match of the folded regex
//! (each class `C` replaced by the folds of its foldable members, a large class by any
//! character) on `fold(T)`, at the same offsets; so is a match of the lowercased regex
//! (`Phrases::folded`), which runs on `fold(T)` itself, whose characters are their own folds.
//! Every match of the folded regex begins with one of its extracted prefixes, so a list none
//! of whose prefixes occur in `fold(T)` has no match in T. The gate only skips work:
//! whatever it lets through runs the regexes as before.
//!
//! Where a list's literals are prefixes (every match of its folded regexes begins with one
//! of them), a match can only begin where one of them occurs in `fold(T)`; the regexes of
//! such a list are then run anchored at those places only (`Phrases::find_at`), which finds
//! the same leftmost matches as a scan of the whole sentence.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Dot, Hir, HirKind};
use regex_syntax::hir::{Literal, Repetition};

use super::lexicon::Lang;
use super::phrases::{Phrases, fold_char};

/// Classes of more characters than this are taken as any character.
const CLASS_MAX: u32 = 256;
/// How many prefixes one list may have before it is left ungated.
const LIMIT_TOTAL: usize = 2000;
/// Prefixes are cut to this many bytes (a shorter prefix is still a prefix).
const MAX_LEN: usize = 12;
/// Lists with a prefix shorter than this (in bytes) are left ungated: such a literal occurs
/// almost everywhere and would only slow the scan.
const MIN_LEN: usize = 3;

/// The literal gate of one language's phrase lists.
#[derive(Debug, Default)]
pub struct Gate {
    /// Every prefix of every gated list (None: no list is gated).
    ac: Option<AhoCorasick>,
    /// The bits of the lists each pattern of `ac` begins.
    bits: Vec<u128>,
}

/// What the gate found in one folded sentence.
#[derive(Debug, Default)]
pub struct GateHits {
    /// The bits of the lists that may match (`u128::MAX` when the sentence does not fold).
    pub bits: u128,
    /// Each literal occurrence: its start and its pattern's bits, by start (empty when the
    /// sentence does not fold).
    at: Vec<(usize, u128)>,
}

impl GateHits {
    /// The places where the literals of the list with bit `bit` occur, in order and without
    /// repeats. Only meaningful when the sentence folds.
    pub fn starts(&self, bit: u128) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for &(at, bits) in &self.at {
            if bits & bit != 0 && out.last() != Some(&at) {
                out.push(at);
            }
        }
        out
    }
}

impl Gate {
    /// Give each gated list of `lang` its bit and build the automaton of their prefixes.
    pub fn build(lang: &mut Lang) -> Gate {
        let mut by_literal: HashMap<Vec<u8>, u128> = HashMap::new();
        let mut next = 0u32;
        for p in lists(lang) {
            if next >= u128::BITS {
                break;
            }
            if p.gate_sources().next().is_none() {
                continue;
            }
            let Some(lits) = p.gate_sources().map(literals).collect::<Option<Vec<_>>>() else {
                continue;
            };
            let bit = 1u128 << next;
            next += 1;
            p.gate_bit = bit;
            p.gate_prefix = lits.iter().all(|(_, prefix)| *prefix);
            for l in lits.into_iter().flat_map(|(l, _)| l) {
                *by_literal.entry(l).or_insert(0) |= bit;
            }
        }
        let mut pats: Vec<(Vec<u8>, u128)> = by_literal.into_iter().collect();
        pats.sort();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            // A DFA takes about half the instructions of a contiguous NFA in the overlapping
            // scan (some 6% of the tagger's), for about 1 MB more in a process tagging Russian.
            .kind(Some(AhoCorasickKind::DFA))
            .build(pats.iter().map(|(l, _)| l))
            .ok();
        if ac.is_none() {
            // Never seen: with no automaton no list may be skipped.
            for p in lists(lang) {
                p.gate_bit = 0;
                p.gate_prefix = false;
            }
        }
        Gate {
            ac,
            bits: pats.into_iter().map(|(_, b)| b).collect(),
        }
    }

    /// The bits of the lists that may match in a text, given its `fold` (None when the text
    /// does not fold: then every list may match). Ungated lists have bit 0 and always run.
    pub fn bits(&self, folded: Option<&str>) -> u128 {
        self.hits(folded).bits
    }

    /// `bits`, with the places where each literal occurs.
    pub fn hits(&self, folded: Option<&str>) -> GateHits {
        let (Some(ac), Some(f)) = (&self.ac, folded) else {
            return GateHits {
                bits: u128::MAX,
                at: Vec::new(),
            };
        };
        let mut out = GateHits::default();
        for m in ac.find_overlapping_iter(f) {
            let bits = self
                .bits
                .get(m.pattern().as_usize())
                .copied()
                .unwrap_or(u128::MAX);
            out.bits |= bits;
            out.at.push((m.start(), bits));
        }
        out.at.sort_by_key(|&(at, _)| at);
        out
    }
}

/// Every phrase list of a language, in a fixed order.
fn lists(l: &mut Lang) -> Vec<&mut Phrases> {
    let mut v: Vec<&mut Phrases> = vec![
        &mut l.cf_triggers,
        &mut l.cf_with_clash,
        &mut l.cf_not,
        &mut l.cf_figurative,
        &mut l.cf_appeal,
        &mut l.cf_since,
        &mut l.cf_since_then,
        &mut l.cf_refused_after,
        &mut l.clash_triggers,
        &mut l.clash_not,
        &mut l.clash_negative,
        &mut l.clash_predicates,
        &mut l.clash_instrument_predicates,
        &mut l.clash_armed,
        &mut l.clash_weapons,
        &mut l.clash_passage_negative,
        &mut l.any_cue,
        &mut l.negators,
        &mut l.negators_after,
        &mut l.deniers,
        &mut l.denied_after,
        &mut l.report_nouns,
        &mut l.rejections,
        &mut l.singular_objects,
        &mut l.wound_words,
        &mut l.no_claim,
        &mut l.casualty_negative,
        &mut l.nonviolent,
        &mut l.armed_events,
        &mut l.history,
        &mut l.conflict_people,
        &mut l.agent_verbs,
        &mut l.crime,
        &mut l.drills,
        &mut l.not_people,
        &mut l.summary,
        &mut l.governing,
        &mut l.restated_figure,
        &mut l.each,
        &mut l.approx_before,
        &mut l.vague,
        &mut l.rise_to,
        &mut l.claim_verbs,
        &mut l.according,
        &mut l.relays,
        &mut l.claim_backward,
        &mut l.claim_speakers,
        &mut l.claim_citing,
        &mut l.claim_issuer_verbs,
    ];
    v.extend(l.cf_status.iter_mut().map(|(_, p)| p));
    for set in [&mut l.cues, &mut l.numbered_cues, &mut l.singular_cues] {
        v.extend(set.0.iter_mut().map(|(_, p)| p));
    }
    v
}

/// Literals one of which every match of regex `src` on a folded text holds, folded, and
/// whether every match begins with one of them; None when they are unknown, too many or too
/// short.
fn literals(src: &str) -> Option<(Vec<Vec<u8>>, bool)> {
    let hir = regex_syntax::ParserBuilder::new().build().parse(src).ok()?;
    let (lits, prefix) = necessary(&fold_hir(&hir)?)?;
    (lits.iter().all(|l| l.len() >= MIN_LEN) && lits.len() <= LIMIT_TOTAL).then_some((lits, prefix))
}

/// A set of literals, and whether they are prefixes (every match begins with one of them).
type Necessary = (Vec<Vec<u8>>, bool);

/// How good a set of literals is for the gate: one whose every literal is long enough to
/// gate first, then prefixes (their list runs anchored where they occur, see `Phrases::find_at`),
/// then longer shortest literal (up to a point), then fewer literals.
fn score((lits, prefix): &Necessary) -> (bool, bool, usize, std::cmp::Reverse<usize>) {
    let min = lits.iter().map(Vec::len).min().unwrap_or(MAX_LEN);
    (
        min >= MIN_LEN,
        *prefix,
        min.min(8),
        std::cmp::Reverse(lits.len()),
    )
}

/// The better of two candidate sets (see `score`).
fn better(a: Option<Necessary>, b: Option<Necessary>) -> Option<Necessary> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if score(&b) > score(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The prefixes that begin every match of `h` (None: unknown or empty ones among them).
fn prefixes(h: &Hir) -> Option<Vec<Vec<u8>>> {
    let mut seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_total(LIMIT_TOTAL)
        .extract(h);
    seq.keep_first_bytes(MAX_LEN);
    seq.dedup();
    let lits: Vec<Vec<u8>> = seq
        .literals()?
        .iter()
        .map(|l| l.as_bytes().to_vec())
        .collect();
    (!lits.iter().any(Vec::is_empty)).then_some(lits)
}

/// A set of literals one of which occurs in every match of `h`: for an alternation the
/// union of its branches' sets; for a concatenation the best set of any part, or the
/// prefixes of any of its tails; for a repetition at least once, that of what repeats.
/// They are prefixes when they begin every match: the prefixes of `h`, a set of the first
/// part of a concatenation that begins its matches, or the union of such sets.
fn necessary(h: &Hir) -> Option<Necessary> {
    match h.kind() {
        HirKind::Alternation(v) => {
            let mut out = Vec::new();
            let mut all_prefix = true;
            for b in v {
                let (lits, prefix) = necessary(b)?;
                out.extend(lits);
                all_prefix &= prefix;
            }
            out.sort();
            out.dedup();
            Some((out, all_prefix))
        }
        HirKind::Concat(v) => {
            let mut best = None;
            for i in 0..v.len() {
                let part = necessary(&v[i]).map(|(l, prefix)| (l, prefix && i == 0));
                best = better(best, part);
                let tail = prefixes(&Hir::concat(v[i..].to_vec())).map(|l| (l, i == 0));
                best = better(best, tail);
            }
            best
        }
        HirKind::Repetition(r) if r.min >= 1 => necessary(&r.sub),
        HirKind::Capture(c) => necessary(&c.sub),
        _ => prefixes(h).map(|l| (l, true)),
    }
}

/// `h` with each character mapped through `fold_char`: it matches the fold of every text
/// that `h` matches and that folds. None for byte classes (not Unicode).
fn fold_hir(h: &Hir) -> Option<Hir> {
    Some(match h.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Look(l) => Hir::look(*l),
        HirKind::Literal(Literal(bytes)) => {
            let s = std::str::from_utf8(bytes).ok()?;
            match s.chars().map(fold_char).collect::<Option<String>>() {
                Some(f) => Hir::literal(f.into_bytes()),
                // A character no folded text holds: this branch cannot match one.
                None => Hir::fail(),
            }
        }
        HirKind::Class(Class::Unicode(cls)) => {
            let size: u32 = cls
                .ranges()
                .iter()
                .map(|r| u32::from(r.end()) - u32::from(r.start()) + 1)
                .sum();
            if size > CLASS_MAX {
                Hir::dot(Dot::AnyChar)
            } else {
                let folds = cls
                    .ranges()
                    .iter()
                    .flat_map(|r| r.start()..=r.end())
                    .filter_map(fold_char)
                    .map(|c| ClassUnicodeRange::new(c, c));
                Hir::class(Class::Unicode(ClassUnicode::new(folds)))
            }
        }
        HirKind::Class(Class::Bytes(_)) => return None,
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(fold_hir(&r.sub)?),
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            index: c.index,
            name: c.name.clone(),
            sub: Box::new(fold_hir(&c.sub)?),
        }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(fold_hir).collect::<Option<_>>()?),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(fold_hir).collect::<Option<_>>()?),
    })
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::{LEXICONS, Lang};
    use super::super::phrases::fold;
    use super::super::sentences;
    use super::*;

    /// Every list of `lang` with its bit: (bit, list).
    fn gated(lang: &Lang) -> Vec<(u128, &Phrases)> {
        let mut all: Vec<&Phrases> = vec![
            &lang.cf_triggers,
            &lang.clash_triggers,
            &lang.clash_armed,
            &lang.any_cue,
            &lang.history,
            &lang.claim_verbs,
            &lang.claim_speakers,
            &lang.not_people,
            &lang.negators,
        ];
        all.extend(lang.cf_status.iter().map(|(_, p)| p));
        all.extend(lang.cues.0.iter().map(|(_, p)| p));
        all.into_iter().map(|p| (p.gate_bit, p)).collect()
    }

    #[test]
    fn most_lists_are_gated() {
        for lang in LEXICONS.langs() {
            let lists = gated(lang);
            let n = lists.iter().filter(|(b, _)| *b != 0).count();
            assert!(
                n * 10 >= lists.len() * 7,
                "{}: {n} of {}",
                lang.code,
                lists.len()
            );
        }
    }

    #[test]
    fn a_list_runs_only_where_its_literals_are() {
        let lang = LEXICONS.lang("en").expect("en");
        let bit = lang.cf_triggers.gate_bit;
        assert_ne!(bit, 0);
        let bits = |s: &str| lang.gate.bits(fold(s).as_deref());
        assert_ne!(bits("The CEASEFIRE held overnight.") & bit, 0);
        assert_eq!(bits("The markets held overnight.") & bit, 0);
        // A text that does not fold runs every list.
        assert_eq!(bits("Le café held overnight."), u128::MAX);
    }

    /// No list the gate leaves out of a sentence matches in it, on every labelled passage
    /// and its uppercase form.
    #[test]
    fn gate_skips_only_lists_that_do_not_match() {
        let dir = format!("{}/../shared/eval", env!("CARGO_MANIFEST_DIR"));
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        let mut checked = 0;
        for e in entries.flatten() {
            let text = std::fs::read_to_string(e.path()).unwrap_or_default();
            for line in text.lines() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                let Some(t) = v.get("text").and_then(|t| t.as_str()) else {
                    continue;
                };
                let code = super::super::detect_language(t);
                let lang = LEXICONS.lang(code).expect("lang");
                for t in [t.to_string(), t.to_uppercase()] {
                    for sp in sentences::split(&t, &LEXICONS.abbreviations) {
                        let s = &t[sp.start..sp.end];
                        let bits = lang.gate.bits(fold(s).as_deref());
                        for (bit, p) in gated(lang) {
                            if bit != 0 && bits & bit == 0 {
                                assert!(p.find_all(s).is_empty(), "{s:?}");
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 0 || !std::path::Path::new(&dir).exists());
    }
}
