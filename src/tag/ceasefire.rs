//! Ceasefire mentions and their status.
//!
//! Every trigger occurrence ("ceasefire", "truce", "the fire has been stopped", "stop the
//! fighting") is one mention, unless the sentence is about a trade or price war (figurative)
//! or the trigger sits in a negative phrase ("a ceasefire was not part of it"). Its status
//! comes from the predicates that govern the trigger in its clause (`predicate`: "broke the
//! ceasefire", "the truce collapsed", "a truce that has held", "the truce proposal"); when
//! none says one, from the nearest status cue in the sentence, measured in tokens, with
//! collapsed and violated cues weighed slightly nearer and agreed cues slightly further
//! (background such as "the truce that took effect in May" is usually agreed). Special rules
//! from TAGS.md:
//! fighting reported in a sentence that says "since the truce" is `violated`; an appeal to
//! observe a ceasefire is `violated` when the passage reports fighting; fighting reported in a
//! later sentence that points back ("since then") makes the earlier mentions `violated`. With no cue, a
//! mention takes the status of the previous ceasefire mention of the passage, else
//! `proposed` after an indefinite article ("a ceasefire"), else `agreed`.

use super::lexicon::Lang;
use super::mention::{CasualtyCategory, CeasefireStatus};
use super::parties;
use super::sentence::Sent;

/// The predicate that governs a trigger.
pub mod predicate;

/// Words that end a mediator ("Malaysia on Monday", "Qatar came into force").
const MEDIATOR_STOP: &[&str] = &[
    "came",
    "comes",
    "come",
    "took",
    "takes",
    "went",
    "entered",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "will",
    "would",
    "collapsed",
    "began",
    "which",
    "who",
];

/// A mediator as written, cut before a time phrase, a clause or a verb.
fn trim_mediator(s: &Sent, m: &str) -> String {
    let mut end = m.len();
    let mut pos = 0;
    for w in m.split(' ') {
        let low = w.to_lowercase();
        if pos > 0
            && (s.lang.sets.claim_stop.contains(&low) || MEDIATOR_STOP.contains(&low.as_str()))
        {
            end = pos - 1;
            break;
        }
        pos += w.len() + 1;
    }
    m.get(..end).unwrap_or(m).trim().to_string()
}

/// A ceasefire mention found in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct RawCeasefire {
    /// Token range of the trigger.
    pub trigger: (usize, usize),
    /// Its status (None until resolved against the passage).
    pub status: Option<CeasefireStatus>,
    /// Mediator, as written.
    pub mediator: Option<String>,
    /// True when the trigger also names fighting ("stop the fighting").
    pub with_clash: bool,
    /// The sides, as written.
    pub parties: Vec<String>,
    /// True when the text also says it was agreed before it was broken or ended (TAGS.md:
    /// "agreed on the 10th, then broken" holds `agreed` and `violated`).
    pub agreed_before: bool,
}

impl RawCeasefire {
    /// Move it to a later state that ends or breaks it; an agreed truce keeps that it was
    /// agreed.
    pub fn break_off(&mut self, st: CeasefireStatus) {
        if self.status == Some(CeasefireStatus::Agreed) && predicate::ends_a_truce(st) {
            self.agreed_before = true;
        }
        self.status = Some(st);
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The ceasefire triggers of a sentence (status not yet known when there is no cue).
/// `triggers` are the token ranges of the sentence's `cf_triggers` matches.
pub fn find(s: &Sent, triggers: &[(usize, usize)], sentence_has_clash: bool) -> Vec<RawCeasefire> {
    let lang = s.lang;
    let with_clash = s.matches(&lang.cf_with_clash);
    if triggers.is_empty() && with_clash.is_empty() || s.is_match(&lang.cf_figurative) {
        return Vec::new();
    }
    let negs = s.matches(&lang.cf_not);
    let mut trig: Vec<((usize, usize), bool)> = triggers
        .iter()
        .map(|&t| (t, false))
        .chain(with_clash.into_iter().map(|t| (t, true)))
        .filter(|(t, _)| !negs.iter().any(|n| overlaps(*n, *t)))
        .collect();
    trig.sort_by_key(|((a, b), _)| (*a, std::cmp::Reverse(*b)));
    let mut kept: Vec<((usize, usize), bool)> = Vec::new();
    for t in trig {
        match kept.last_mut() {
            Some(last) if overlaps(last.0, t.0) => {
                // Keep the longer; a with-clash reading wins a tie.
                if t.0.1 - t.0.0 > last.0.1 - last.0.0 {
                    *last = t;
                }
            }
            _ => kept.push(t),
        }
    }
    if kept.is_empty() {
        return Vec::new();
    }
    // Status cues, none inside a trigger.
    let clean = status_cues(s, |c| !kept.iter().any(|(t, _)| overlaps(*t, c)));
    let refusals = s.matches(&lang.cf_refused_after);
    let since_truce = s.is_match(&lang.cf_since);
    // Deaths and wounds since it began are fighting too ("Since the truce began, 150 people
    // have been killed by Israeli fire"; "С начала перемирия погибли двое военных").
    let since = since_truce && (sentence_has_clash || killings(s));
    // "Since the truce took effect, the front has been largely quiet": what has held since
    // it began outweighs its beginning.
    let quiet_since = since_truce && clean.iter().any(|(_, st)| *st == CeasefireStatus::Holding);
    let mediator = lang.cf_mediator.iter().find_map(|re| {
        re.captures(s.s())
            .and_then(|c| c.name("m"))
            .map(|m| trim_mediator(s, m.as_str()))
            .filter(|m| !m.is_empty())
    });
    // The sides: "between X and Y", or a joint subject of the first status verb before
    // the first trigger ("Thailand and Cambodia agreed to …").
    let first = kept.first().map_or(0, |(t, _)| t.0);
    let verb = clean
        .iter()
        .find(|((_, b), _)| *b <= first)
        .map(|((a, _), _)| *a);
    let parties = parties::find(s, verb);
    let trig_ranges: Vec<(usize, usize)> = kept.iter().map(|(t, _)| *t).collect();
    kept.into_iter()
        .map(|(t, with_clash)| {
            let (governed, mut agreed_before) = predicate::governing(s, t, &clean, &trig_ranges);
            let mut best: Option<(i64, u8, CeasefireStatus)> = None;
            for ((a, b), st) in &clean {
                let after = *a >= t.1;
                // "Clashes ceased after negotiations mediated by Turkey": the talks that led
                // to a truce, in a clause of time after it, propose nothing of it.
                if *st == CeasefireStatus::Proposed
                    && after
                    && (t.1..*a).any(|k| {
                        matches!(s.w(k), "after" | "following" | "после" | "після") && k + 3 >= *a
                    })
                {
                    continue;
                }
                let dist = if *b <= t.0 {
                    t.0 - b
                } else {
                    a.saturating_sub(t.1)
                } as i64;
                let (mut bias, prio) = match st {
                    CeasefireStatus::Collapsed => (0, 0),
                    CeasefireStatus::Violated => (0, 1),
                    CeasefireStatus::Holding => (0, 2),
                    CeasefireStatus::Proposed => (0, 3),
                    CeasefireStatus::Agreed => (1, 4),
                };
                // A participle after the trigger is background ("a truce signed last month").
                if *st == CeasefireStatus::Agreed
                    && after
                    && (s.w(*a).ends_with("ed")
                        || matches!(s.w(a.saturating_sub(1)), "that" | "which"))
                {
                    bias += 1;
                }
                // A relative or "by" clause after the trigger is background to the main verb:
                // "the ceasefire, which was brokered by Qatar, collapsed".
                let relative =
                    (t.1..*a).any(|k| matches!(s.w(k), "which" | "that" | ",")) || s.w(*b) == "by";
                if *st == CeasefireStatus::Agreed && after && relative {
                    bias += 4;
                }
                // "…, mediated by X, collapsed": the passive participle is background.
                if *st == CeasefireStatus::Agreed && after && s.w(*b) == "by" {
                    bias += 6;
                }
                if b - a == 1 && lang.sets.cf_weak.contains(s.w(*a)) {
                    bias += 1;
                }
                let key = (dist + bias, prio, *st);
                if best.is_none_or(|b| (key.0, key.1) < (b.0, b.1)) {
                    best = Some(key);
                }
            }
            let mut status = governed.or(best.map(|b| b.2));
            // Token `a` lies after this truce and before any other named after it.
            let later_in_its_stretch =
                |a: usize| a >= t.1 && !trig_ranges.iter().any(|r| r.0 >= t.1 && r.0 < a);
            // "… took effect at midnight, but the army accused the rebels of violating it":
            // a breach said after a contrast word, before any other truce is named, is a
            // later state of this one.
            if status == Some(CeasefireStatus::Agreed)
                && let Some(((_, _), later)) = clean.iter().find(|((a, _), st)| {
                    later_in_its_stretch(*a)
                        && *st == CeasefireStatus::Violated
                        && (t.1..*a).any(|k| lang.sets.cf_contrast.contains(s.w(k)))
                })
            {
                agreed_before = true;
                status = Some(*later);
            }
            // "Within minutes of the truce coming into force, both sides accused each other of
            // breaching it": a breach of "it" later in the sentence, before another truce.
            if status == Some(CeasefireStatus::Agreed)
                && s.matches(&lang.cf_broken_by_pronoun)
                    .iter()
                    .any(|&(a, _)| later_in_its_stretch(a))
            {
                agreed_before = true;
                status = Some(CeasefireStatus::Violated);
            }
            // "Israel agreed to the truce, but Hamas has not yet responded": a refusal or
            // silence after it, before another truce is named, says one side accepted it.
            if status == Some(CeasefireStatus::Agreed)
                && !agreed_before
                && refusals.iter().any(|&(a, _)| later_in_its_stretch(a))
            {
                status = Some(CeasefireStatus::Proposed);
            }
            if quiet_since && status == Some(CeasefireStatus::Agreed) {
                status = Some(CeasefireStatus::Holding);
            }
            if since
                && !matches!(
                    status,
                    Some(CeasefireStatus::Collapsed | CeasefireStatus::Violated)
                )
            {
                agreed_before |= status == Some(CeasefireStatus::Agreed);
                status = Some(CeasefireStatus::Violated);
            }
            RawCeasefire {
                trigger: t,
                status,
                mediator: mediator.clone(),
                with_clash,
                parties: parties.clone(),
                agreed_before,
            }
        })
        .collect()
}

/// "The sides agreed to a truce from midnight, but shelling was reported at dawn": fighting
/// reported after a contrast word that follows a truce says it is not kept. `clash_at` is
/// the token where the sentence's clash trigger starts.
pub fn fighting_after_contrast(s: &Sent, clash_at: usize, found: &mut [RawCeasefire]) {
    for cf in found {
        if matches!(
            cf.status,
            None | Some(CeasefireStatus::Agreed | CeasefireStatus::Holding)
        ) && (cf.trigger.1..clash_at).any(|k| s.lang.sets.cf_contrast.contains(s.w(k)))
        {
            cf.break_off(CeasefireStatus::Violated);
        }
    }
}

/// True when the sentence opens with a contrast word ("However, shelling continued …").
fn opens_with_contrast(s: &Sent) -> bool {
    s.toks
        .iter()
        .position(|t| t.word)
        .is_some_and(|k| s.lang.sets.cf_contrast.contains(s.w(k)))
}

/// Passage evidence: fighting reported in a later sentence that points back to the truce
/// ("Since then, shelling has continued") makes the earlier mentions that are agreed,
/// holding or still open `violated`. `earlier` are the mentions before sentence `s`.
pub fn fighting_since(s: &Sent, has_clash: bool, earlier: &mut [(RawCeasefire, bool, bool)]) {
    if !has_clash
        || earlier.is_empty()
        || !(s.is_match(&s.lang.cf_since_then) || opens_with_contrast(s))
    {
        return;
    }
    for (cf, _, _) in earlier.iter_mut() {
        if matches!(
            cf.status,
            None | Some(CeasefireStatus::Agreed | CeasefireStatus::Holding)
        ) {
            cf.break_off(CeasefireStatus::Violated);
        }
    }
}

/// True when the sentence tells of people killed or wounded (the casualty cues of those two
/// categories).
fn killings(s: &Sent) -> bool {
    s.lang.cues.0.iter().any(|(cat, p)| {
        matches!(
            cat,
            CasualtyCategory::Killed
                | CasualtyCategory::Wounded
                | CasualtyCategory::KilledOrWounded
        ) && s.is_match(p)
    })
}

/// The sentence's status cues that `keep` accepts, in order, longest first where they
/// overlap.
fn status_cues(
    s: &Sent,
    keep: impl Fn((usize, usize)) -> bool,
) -> Vec<((usize, usize), CeasefireStatus)> {
    let mut cues: Vec<((usize, usize), CeasefireStatus)> = Vec::new();
    for (st, p) in &s.lang.cf_status {
        cues.extend(s.matches(p).into_iter().map(|m| (m, *st)));
    }
    cues.sort_by_key(|((a, b), _)| (*a, std::cmp::Reverse(*b)));
    let mut clean: Vec<((usize, usize), CeasefireStatus)> = Vec::new();
    for c in cues {
        // "Mediators announced that the truce had collapsed": a verb whose object is a
        // clause says nothing of the truce inside it.
        // A demand governs the clause it opens ("demands that the M23 cease hostilities").
        let (a, b) = c.0;
        let clause_after = c.1 != CeasefireStatus::Proposed
            && (matches!(s.w(b), "that" | "что" | "що")
                || s.w(b) == "," && matches!(s.w(b + 1), "что" | "що"));
        // "warned it could withdraw from the truce": a threatened end is none.
        let hypothetical = c.1 == CeasefireStatus::Collapsed
            && (a.saturating_sub(3)..a).any(|k| s.lang.sets.cf_hypothetical.contains(s.w(k)));
        if keep(c.0)
            && !clause_after
            && !hypothetical
            && clean.last().is_none_or(|l| c.0.0 >= l.0.1)
        {
            clean.push((c.0, negated_status(s, c.0, c.1)));
        }
    }
    clean
}

/// The status a cue says under a negation right before it: a truce that "has not held" or
/// "was not respected" is violated, one that "has not collapsed" or "не нарушался" holds,
/// one the sides "did not agree" on is still proposed.
fn negated_status(s: &Sent, (a, _): (usize, usize), st: CeasefireStatus) -> CeasefireStatus {
    let negated = (a.saturating_sub(3)..a)
        .any(|k| matches!(s.w(k), "not" | "never" | "n't" | "не" | "ні" | "cannot"))
        && !(a.saturating_sub(3)..a).any(|k| {
            // "Это уже не первое нарушение перемирия", "not the first violation": a breach
            // said to be one of many.
            matches!(
                s.w(k),
                "if" | "unless"
                    | "only"
                    | "лише"
                    | "только"
                    | "якщо"
                    | "если"
                    | "first"
                    | "первое"
                    | "первый"
                    | "первая"
                    | "перше"
                    | "перший"
                    | "перша"
            )
        });
    if !negated {
        return st;
    }
    match st {
        CeasefireStatus::Holding => CeasefireStatus::Violated,
        CeasefireStatus::Collapsed | CeasefireStatus::Violated => CeasefireStatus::Holding,
        CeasefireStatus::Agreed => CeasefireStatus::Proposed,
        CeasefireStatus::Proposed => CeasefireStatus::Proposed,
    }
}

/// True when the opening words of `sentence` may take up an earlier ceasefire (an anaphor
/// among them): a cheap test before the sentence is prepared for `taken_up`.
pub fn may_take_up(sentence: &str, lang: &Lang) -> bool {
    let mut end = sentence.len().min(40);
    while !sentence.is_char_boundary(end) {
        end -= 1;
    }
    lang.cf_anaphors.is_match(&sentence[..end])
}

/// "The parties agreed to a truce from midnight. Within minutes, each side accused the other
/// of breaking it.": a later sentence with no ceasefire word of its own that tells a breach
/// through a pronoun object says the passage's last ceasefire was violated.
pub fn broken_by_pronoun(sentence: &str, lang: &Lang, earlier: &mut [(RawCeasefire, bool, bool)]) {
    let Some((last, _, _)) = earlier.last_mut() else {
        return;
    };
    if lang.cf_broken_by_pronoun.is_match(sentence)
        && last
            .status
            .is_none_or(|now| predicate::later_state(CeasefireStatus::Violated, now))
    {
        last.break_off(CeasefireStatus::Violated);
    }
}

/// "They agreed on a truce from Aug. 25. The deal collapsed almost immediately.": a sentence
/// that opens with a noun taking up the passage's last ceasefire says its later state.
pub fn taken_up(s: &Sent, earlier: &mut [(RawCeasefire, bool, bool)]) {
    let Some((last, _, _)) = earlier.last_mut() else {
        return;
    };
    let Some(&noun) = s.matches(&s.lang.cf_anaphors).first() else {
        return;
    };
    if (0..noun.0).any(|k| s.toks[k].word) {
        return;
    }
    let clean = status_cues(s, |c| c.0 >= noun.1);
    if let Some(st) = predicate::said_of_anaphor(s, noun, &clean)
        && last
            .status
            .is_none_or(|now| predicate::later_state(st, now))
    {
        last.break_off(st);
    }
}

/// Resolve the statuses left open, in passage order. `passage_has_clash` drives the
/// appeal-to-observe rule; `appeal` tells which sentences hold such an appeal.
pub fn resolve(items: &mut [(RawCeasefire, bool, bool)], passage_has_clash: bool) {
    let mut prev: Option<CeasefireStatus> = None;
    for (cf, appeal, indefinite) in items.iter_mut() {
        // An appeal to observe a truce amid fighting says it is broken; with no fighting it
        // proposes one, unless its own sentence tells the truce as announced or agreed ("The
        // army announced a unilateral truce and called on the rebels to respect it") or as
        // broken ("призвали соблюдать перемирие, которое регулярно нарушается").
        if *appeal {
            if passage_has_clash {
                cf.status = Some(CeasefireStatus::Violated);
            } else if !matches!(
                cf.status,
                Some(CeasefireStatus::Agreed | CeasefireStatus::Violated)
            ) {
                cf.status = Some(CeasefireStatus::Proposed);
            }
        }
        if cf.status.is_none() {
            cf.status = Some(prev.unwrap_or(if *indefinite {
                CeasefireStatus::Proposed
            } else {
                CeasefireStatus::Agreed
            }));
        }
        prev = cf.status;
    }
}

/// True when the word before the trigger is an indefinite determiner ("a ceasefire").
pub fn indefinite(s: &Sent, trigger: (usize, usize)) -> bool {
    let mut k = trigger.0;
    // Skip up to three modifiers: "an immediate humanitarian ceasefire".
    for _ in 0..4 {
        if k == 0 {
            return false;
        }
        k -= 1;
        if s.lang.sets.indefinite.contains(s.w(k)) {
            return true;
        }
        if !s.toks[k].word {
            return false;
        }
    }
    false
}
