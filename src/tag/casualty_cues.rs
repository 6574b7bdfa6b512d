//! The words of casualty claims inside one sentence: the cues ("killed", "wounded", …) and
//! the words around a count that decide what it counts — people or things, an age, the
//! "who" phrase after it, a plural noun.

use super::lexicon::{CueSet, is_alphabetic};
use super::mention::CasualtyCategory;
use super::numbers::{Count, is_number_word};
use super::sentence::Sent;

#[derive(Debug, Clone, Copy)]
/// A casualty cue found in a sentence: token range, category and kind.
pub struct Cue {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    /// Category.
    pub cat: CasualtyCategory,
    /// Makes a claim only with a number.
    pub numbered_only: bool,
    /// Counts 1 on its own.
    pub singular: bool,
}

fn collect(s: &Sent, set: &CueSet, numbered_only: bool, singular: bool, out: &mut Vec<Cue>) {
    for (cat, p) in &set.0 {
        for (a, b) in s.matches(p) {
            out.push(Cue {
                a,
                b,
                cat: *cat,
                numbered_only,
                singular,
            });
        }
    }
}

/// The casualty cues of a sentence, in order, longest first where they overlap; a cue inside
/// a name in running text is none.
pub fn find_cues(s: &Sent) -> Vec<Cue> {
    let mut all = Vec::new();
    collect(s, &s.lang.singular_cues, false, true, &mut all);
    collect(s, &s.lang.cues, false, false, &mut all);
    collect(s, &s.lang.numbered_cues, true, false, &mut all);
    all.sort_by_key(|c| (c.a, std::cmp::Reverse(c.b)));
    let mut out: Vec<Cue> = Vec::new();
    // Asked only when there are cues: most sentences the rules look at hold none.
    let title_case = !all.is_empty() && is_title_case(s);
    for c in all {
        if !title_case && in_name(s, c.a, c.b) || remit(s, c.a) {
            continue;
        }
        if out.last().is_none_or(|l| c.a >= l.b) {
            out.push(c);
        }
    }
    out
}

/// True when the cue at token `a` names the remit of an office, not people ("Координаційний
/// штаб з питань поводження з військовополоненими", "комиссия по делам военнопленных"); an
/// English office's capitals already mark it as a name.
fn remit(s: &Sent, a: usize) -> bool {
    a >= 2
        && matches!(
            (s.w(a - 2), s.w(a - 1)),
            ("з", "питань")
                | ("із", "питань")
                | ("у", "справах")
                | ("в", "справах")
                | ("поводження", "з")
                | ("по", "вопросам")
                | ("по", "делам")
                | ("обращения", "с")
                | ("обращению", "с")
        )
}

/// True when a sentence is written in title case (a headline: "Two Soldiers Killed In Raid"),
/// where capitals mark no names: most of its longer words are capitalised.
fn is_title_case(s: &Sent) -> bool {
    let (mut caps, mut lower) = (0, 0);
    for (i, t) in s.toks.iter().enumerate() {
        if t.word && t.lower.chars().count() >= 4 && t.lower.chars().all(is_alphabetic) {
            if s.is_upper(i) {
                caps += 1;
            } else {
                lower += 1;
            }
        }
    }
    caps > lower
}

/// True when tokens `[a, b)` are a capitalised word inside a name in running text ("Al Aqsa
/// Martyrs Hospital", "the Dead Sea", "Victims Fund"): capitalised, not the sentence's first
/// word, next to another capitalised word that does not open the sentence.
fn in_name(s: &Sent, a: usize, b: usize) -> bool {
    let opens = |i: usize| (0..i).all(|k| !s.toks[k].word);
    if !s.is_upper(a) || opens(a) {
        return false;
    }
    let cap_word = |i: usize| s.toks.get(i).is_some_and(|t| t.word) && s.is_upper(i);
    (a > 0 && cap_word(a - 1) && !opens(a - 1)) || cap_word(b)
}

/// True when token `i` is a plural noun.
pub fn is_plural_word(s: &Sent, i: usize) -> bool {
    let w = s.w(i);
    s.lang.sets.plural_nouns.contains(w) || (w.ends_with('s') && !w.ends_with("ss"))
}

/// The "who" phrase after a count: up to five words, stopping at cues and stop words.
pub fn who_after(s: &Sent, from: usize, cues: &[Cue]) -> Option<String> {
    let mut i = from;
    let sets = &s.lang.sets;
    if s.w(i) == "of" || s.w(i) == "из" || s.w(i) == "з" {
        i += 1;
        while sets.singular_det.contains(s.w(i)) || s.w(i) == "the" {
            i += 1;
        }
        // "12 of them children": the people are named after the pronoun; "seven of them
        // seriously" names none.
        if matches!(s.w(i), "them" | "whom") {
            i += 1;
            if s.w(i).ends_with("ly") || matches!(s.w(i), "later" | "still" | "also") {
                return None;
            }
        }
    }
    let start = i;
    while i < s.toks.len() && i < start + 5 {
        let t = &s.toks[i];
        if !t.word || sets.who_stop.contains(&t.lower) || cues.iter().any(|c| c.a == i) {
            break;
        }
        // "814 people continued": a past verb after a plural noun is the clause's predicate.
        if i > start && t.lower.ends_with("ed") && is_plural_word(s, i - 1) {
            break;
        }
        i += 1;
    }
    (i > start).then(|| s.text_of(start, i).to_string())
}

/// True when a count counts things, not people ("4 BTRs", "24 hours"): a word of the
/// lexicon's `not_people` within the few words after it.
pub fn not_people(s: &Sent, c: &Count, cues: &[Cue]) -> bool {
    let mut i = c.last;
    if s.w(i) == "of" {
        i += 1;
    }
    for k in i..(i + 4).min(s.toks.len()) {
        let t = &s.toks[k];
        if !t.word || cues.iter().any(|q| q.a == k) || s.lang.sets.who_stop.contains(&t.lower) {
            return false;
        }
        if s.lang.not_people.is_exactly(s.text_of(k, k + 1)) {
            return true;
        }
    }
    false
}

/// True when count `c` counts people a war displaced, not casualties: a verb of
/// displacement right before it ("and displaced more than 12 million", "forced 700,000 to
/// flee") or the word of the fate right after it, closing its phrase ("and more than 32,000
/// displaced, OCHA said"; not "12 displaced civilians were killed").
pub fn displaced(s: &Sent, c: &Count) -> bool {
    let fate = |k: usize| s.lang.displacement.is_exactly(s.text_of(k, k + 1));
    let mut k = c.first;
    while k > 0 {
        k -= 1;
        if !s.toks[k].word {
            break;
        }
        if fate(k) {
            return true;
        }
        if !s.lang.sets.link.contains(s.w(k)) {
            break;
        }
    }
    // "forced 700,000 to flee".
    if s.w(c.last) == "to" && c.last + 1 < s.toks.len() && fate(c.last + 1) {
        return true;
    }
    let mut k = c.last;
    while k < s.toks.len() && s.lang.sets.aux.contains(s.w(k)) {
        k += 1;
    }
    k < s.toks.len()
        && s.toks[k].word
        && fate(k)
        && s.toks
            .get(k + 1)
            .is_none_or(|t| !t.word || s.lang.sets.who_stop.contains(&t.lower))
}

/// "in Delmas 30, …", "near Checkpoint 4.": a bare number right after a capitalised word
/// inside the sentence, closing its clause, is part of a place's name, not a count.
pub fn in_place_name(s: &Sent, c: &Count) -> bool {
    let bare = c.num_first == c.first
        && c.last == c.first + 1
        && !c.approx
        && s.w(c.first).bytes().all(|b| b.is_ascii_digit());
    bare && c.first >= 2
        && s.toks[c.first - 1].word
        && s.is_cap(c.first - 1)
        && s.w(c.first - 1).chars().any(char::is_lowercase)
        && (0..c.first - 1).any(|k| s.toks[k].word)
        && (c.last >= s.toks.len() || matches!(s.w(c.last), "," | "." | ";" | ":" | ")"))
}

/// "a boy of five died", "aged 34": an age, not a count.
pub fn is_age(s: &Sent, c: &Count, cues: &[Cue]) -> bool {
    let prev = c.first.checked_sub(1).map_or("", |k| s.w(k));
    if s.lang.sets.age_before.contains(prev) {
        return true;
    }
    // "At 10, 'Stephen' was taken …": a bare number after an opening "at" is an age.
    if c.first == 1 && prev == "at" && s.w(c.last) == "," {
        return true;
    }
    // The second of joined ages ("ages 5 and 56", "aged 20 to 35").
    let joined_age = c.first >= 3
        && (prev == "," || s.lang.sets.conj.contains(prev) || s.lang.sets.range.contains(prev))
        && s.w(c.first - 2).bytes().all(|b| b.is_ascii_digit())
        && s.lang.sets.age_before.contains(s.w(c.first - 3));
    if joined_age || apposed_age(s, c) {
        return true;
    }
    // "15 members of one family": a number inside the phrase of a counted noun counts it
    // no people.
    if prev == "of"
        && c.first >= 3
        && is_plural_word(s, c.first - 2)
        && is_number_word(s.lang, s.w(c.first - 3))
    {
        return true;
    }
    // "the release of 20 hostages": a plural noun after the number is what it counts.
    let next_is_verb = (cues.iter().any(|q| q.a == c.last) && !is_plural_word(s, c.last))
        || s.lang.sets.aux.contains(s.w(c.last));
    prev == "of"
        && next_is_verb
        && c.first >= 2
        && !is_plural_word(s, c.first - 2)
        && !s.lang.sets.groups_of.contains(s.w(c.first - 2))
}

/// "Mohammed Ali, 27, was shot dead", "his mother, 35, and sister": a bare small number set
/// off by commas (or a closing bracket) right after a word is the age of the person named
/// before it, not a count.
fn apposed_age(s: &Sent, c: &Count) -> bool {
    let bare = c.num_first == c.first
        && c.last == c.first + 1
        && !c.approx
        && s.w(c.first).bytes().all(|b| b.is_ascii_digit());
    bare && c.value.is_some_and(|v| (1..110).contains(&v))
        && c.first >= 2
        && s.w(c.first - 1) == ","
        && s.w(c.first - 2).chars().all(char::is_alphabetic)
        && matches!(s.w(c.last), "," | ")")
}

/// "a truce and the release of hostages", "перемирие и освобождение заложников": captives
/// named with no number as the object of a release or exchange, beside a truce, are part
/// of a deal, no claim (TAGS.md); so are bodies or remains to be returned ("a deal that
/// covers the return of bodies").
pub fn released_in_deal(s: &Sent, c: &Cue) -> bool {
    let sets = &s.lang.sets;
    let before = |k: usize| {
        (0..k).rev().find(|&j| {
            !sets.claim_article.contains(s.w(j)) && !matches!(s.w(j), "all" | "remaining" | "other")
        })
    };
    let after_release = before(c.a).is_some_and(|k| {
        sets.release_nouns.contains(s.w(k))
            || s.w(k) == "of" && before(k).is_some_and(|j| sets.release_nouns.contains(s.w(j)))
    });
    // "a deal that covers the return of bodies", "to exchange prisoners and bodies": remains
    // handed over in a deal.
    let remains = matches!(s.w(c.a), "bodies" | "remains")
        && (c.a.saturating_sub(4)..c.a).any(|k| sets.release_nouns.contains(s.w(k)));
    remains
        || after_release && c.cat == CasualtyCategory::Captured && s.is_match(&s.lang.cf_triggers)
}

/// "the Coordination Headquarters for the Treatment of Prisoners of War said …": a cue
/// written with a capital inside a name (a capitalised word, or "of", "for", "the" after
/// one, right before it) names no one (TAGS.md: a cue inside a proper name is no mention).
pub fn in_proper_name(s: &Sent, c: &Cue) -> bool {
    if c.a == 0 || !s.is_cap(c.a) || !s.toks[c.a].word {
        return false;
    }
    let mut k = c.a - 1;
    while k > 0 && matches!(s.w(k), "of" | "for" | "the" | "on") {
        k -= 1;
    }
    s.toks[k].word && s.is_cap(k) && k > 0
}
