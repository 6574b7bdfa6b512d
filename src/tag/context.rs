//! Casualty context: do a passage's casualties come from armed violence?
//!
//! TAGS.md counts people killed, wounded, captured or missing through armed violence; road
//! and mine accidents, fires, disasters, disease, crime and the tolls of a war long over are
//! no claims. The casualty rules find cues sentence by sentence; this pass then looks at the
//! whole passage, the way a reader decides what a toll is a toll of:
//!
//! - each sentence gets a cause: `Armed` (an attack or fighting word, or a clash mention),
//!   `NonViolent` (an accident, disaster or crime word and no attack word), `History` (the
//!   background of a war long over, which outweighs everything else in its sentence), or none;
//! - a casualty mention keeps its claims when the cause of its sentence is `Armed`; when its
//!   sentence names no cause, the nearest earlier sentence that names one decides (else the
//!   nearest later one), as a reader carries "the blast" or "the attack" forward;
//! - a passage that names no cause at all keeps its claims only when it names a party to
//!   armed violence somewhere (forces, fighters, positions, weapons; conflict victims such as
//!   civilians, hostages, aid workers; a truce), or when it comes from a party's own outlet
//!   or under a title that names one. A bare toll ("119 people were confirmed dead, 78 of
//!   the injured remained in hospital") is a claim only in such company. On the untuned
//!   half of dev2 this dropped 17 false claims for one true one; on the first dev sets, whose
//!   passages are often one sentence cut from a longer report, it cost bare tolls that
//!   only their source made claims ("Загинуло 33 людини, з них 6 дітей").
//! - a verb of killing in the toll's own sentence ("45 people were killed in Gaza, medics
//!   said"; "were dead", "died" are not) says someone killed them, and keeps its claims in
//!   any company: disasters and disease kill, but are not said to have killed, without
//!   naming themselves (the sentence's cause). On the untuned half of dev2 it moved no figure;
//!   on the first dev set it raised claims F1 from 0.948 to 0.966.

use super::lexicon::Lang;
use super::mention::{CasualtyCategory, Mention, MentionDetail};
use super::sentence::{Sent, Sents};

/// What a sentence blames its casualties on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// An armed attack or fighting.
    Armed,
    /// An accident, disaster, disease or crime.
    NonViolent,
    /// The background of a war long over (anniversary, history, film).
    History,
    /// A fire, collapse or crime word with no attack word: non-violent, unless an earlier
    /// sentence of the passage names an attack ("Houses were damaged, fires broke out, no one
    /// was killed" after the shelling).
    Aftermath,
}

/// The cause a sentence names, if any.
pub fn sentence_cause(s: &Sent, has_clash: bool) -> Option<Cause> {
    let lang = s.lang;
    if s.is_match(&lang.history) {
        return Some(Cause::History);
    }
    // Ordinary crime outweighs its shooting words, unless an armed force is named ("gang
    // violence has left 150 dead" is no claim; "gangs attacked a police post and soldiers"
    // is).
    let crime = s.matches(&lang.crime);
    if !crime.is_empty() && !s.is_match(&lang.clash_armed) {
        return Some(Cause::NonViolent);
    }
    // A drill's casualties are no claims, whatever weapon or combat words it names ("an
    // amphibious assault vehicle caught fire during a combat readiness evaluation").
    if !has_clash && s.is_match(&lang.drills) {
        return Some(Cause::NonViolent);
    }
    // An attack word outweighs an accident or disaster word elsewhere in its sentence ("a
    // fire broke out after the strike"; "the war has killed …, with disease spreading"); the
    // casualty rules already drop the cues right next to one. An attack word inside a crime's
    // name ("sexual assault") is none.
    // Nor is one inside a benign phrase ("a heart attack", "a crocodile attack", "strikes
    // were proposed"), which otherwise names a non-violent cause.
    if has_clash {
        return Some(Cause::Armed);
    }
    let benign = s.matches(&lang.casualty_negative);
    let armed_word = s
        .matches(&lang.armed_events)
        .iter()
        .any(|&(a, b)| !crime.iter().chain(&benign).any(|&(x, y)| x <= a && b <= y));
    if armed_word {
        return Some(Cause::Armed);
    }
    if !benign.is_empty() {
        return Some(Cause::NonViolent);
    }
    if s.is_match(&lang.nonviolent) {
        return Some(Cause::Aftermath);
    }
    if acronym_agent(s) {
        return Some(Cause::Armed);
    }
    None
}

/// "The RSF killed at least 200 people", "ХАМАС похитил …": a killing or abduction whose
/// agent is an organisation's acronym names an armed party (a disease or disaster that kills
/// is named by the rules before this one).
fn acronym_agent(s: &Sent) -> bool {
    s.matches(&s.lang.agent_verbs).iter().any(|&(a, _)| {
        a > 0 && {
            let w = s.text_of(a - 1, a);
            let n = w.chars().count();
            (2..=6).contains(&n)
                && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
                && w.chars().filter(|c| c.is_uppercase()).count() >= 2
        }
    })
}

/// True when `text` names people of an armed conflict (civilians, hostages, police,
/// fighters, a truce) other than as the source that speaks: police and interior ministries
/// report road deaths and crime too, so "police said" or "В полиции сообщили" names no
/// party; "two policemen were killed" does.
fn names_conflict_people(text: &str, lang: &Lang) -> bool {
    // The gate first: a text none of whose folded words hold the list's literals names no
    // one of it, and needs no scan.
    let people = &lang.conflict_people;
    if people.gate_bit != 0
        && lang.gate.bits(super::phrases::fold(text).as_deref()) & people.gate_bit == 0
    {
        return false;
    }
    let words_after = |b: usize| {
        let rest = text.get(b..).unwrap_or("");
        let end = rest
            .char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .nth(2)
            .map_or(rest.len(), |(k, _)| k);
        rest.get(..end).unwrap_or(rest)
    };
    let words_before = |a: usize| {
        let head = text.get(..a).unwrap_or("");
        let start = head
            .char_indices()
            .rev()
            .filter(|(_, c)| c.is_whitespace())
            .nth(3)
            .map_or(0, |(k, _)| k);
        head.get(start..).unwrap_or("")
    };
    lang.conflict_people
        .find_all(text)
        .into_iter()
        .any(|(a, b)| {
            let name = text.get(a..b).unwrap_or("");
            let speaks = lang.claim_verbs.is_match(words_after(b))
                || lang.according.is_match(words_before(a))
                || lang.claim_verbs.is_match(words_before(a));
            !(speaks && lang.civil_speakers.is_exactly(name))
        })
}

/// True when sentence `i` opens by going back to the time of the sentence before, which is
/// told as history ("Veterans marked 25 years since the battle for the airport. At the time,
/// more than 100 soldiers died there"; "… отметили 25-летие окончания боев. Тогда в боях
/// погибли …"): its fighting and its tolls are that history's.
pub fn history_carried(sents: &Sents, i: usize) -> bool {
    let s = sents.get(i);
    // The opener is one of the first two tokens ("At the time", "And then at the time" not).
    let (Some(first), Some(third)) = (s.toks.first(), s.toks.get(2)) else {
        return false;
    };
    let head = s.text_of(0, s.toks.len().min(6));
    i > 0
        && s.lang
            .back_then
            .find_all(head)
            .first()
            .is_some_and(|&(a, _)| a < third.start - first.start)
        && sents.get(i - 1).is_match(&s.lang.history)
}

/// How many sentences before a claim, and after it, may name the cause that governs it.
const CAUSE_BEFORE: usize = 6;
/// See `CAUSE_BEFORE`.
const CAUSE_AFTER: usize = 3;

/// True when sentence `s` opens a report of another event ("Meanwhile, …", "At the same time,
/// 12 people died in the floods", "Тем временем …").
fn opens_other_report(s: &Sent) -> bool {
    s.matches(&s.lang.topic_shift)
        .first()
        .is_some_and(|&(a, _)| a <= 1)
}

/// The cause that governs sentence `i` of `n`: its own, else the nearest earlier sentence's,
/// else the nearest later one's (within `CAUSE_BEFORE` / `CAUSE_AFTER` sentences). A fire or
/// collapse after an attack is the attack's aftermath and names no cause of its own. A
/// sentence that opens a report of another event (`shift_at`) bounds the search: the floods
/// of "At the same time, 12 people died in the floods" are no cause of the toll before it.
fn governing(
    cause_at: &mut impl FnMut(usize) -> Option<Cause>,
    shift_at: &mut impl FnMut(usize) -> bool,
    i: usize,
    n: usize,
) -> Option<Cause> {
    let lo = i.saturating_sub(CAUSE_BEFORE);
    let armed_before = |cause_at: &mut dyn FnMut(usize) -> Option<Cause>, k: usize| {
        (lo..k).any(|j| cause_at(j) == Some(Cause::Armed))
    };
    let mut resolved = |k: usize| match cause_at(k) {
        Some(Cause::Aftermath) if armed_before(cause_at, k) => None,
        Some(Cause::Aftermath) => Some(Cause::NonViolent),
        c => c,
    };
    if let Some(c) = resolved(i) {
        return Some(c);
    }
    if !shift_at(i) {
        for j in (lo..i).rev() {
            if let Some(c) = resolved(j) {
                return Some(c);
            }
            if shift_at(j) {
                break;
            }
        }
    }
    for k in i + 1..n.min(i + 1 + CAUSE_AFTER) {
        if shift_at(k) {
            break;
        }
        if let Some(c) = resolved(k) {
            return Some(c);
        }
    }
    None
}

/// Drop the casualty mentions of `out` whose casualties are not from armed violence.
/// `sents` are the passage's sentences, in order; `known_conflict` says (asked only when a
/// passage names no cause) whether the passage comes from a party to a conflict, under a
/// title that names one, or names a configured party.
pub fn keep_armed_casualties(
    sents: &Sents,
    known_conflict: &dyn Fn() -> bool,
    out: &mut Vec<Mention>,
) {
    if !out
        .iter()
        .any(|m| matches!(m.detail, MentionDetail::Casualty { .. }))
    {
        return;
    }
    let clash_at: Vec<usize> = out
        .iter()
        .filter(|m| matches!(m.detail, MentionDetail::Clash { .. }))
        .map(|m| m.sentence.start)
        .collect();
    // Causes are read lazily and only near the claims: a long page with one toll costs a
    // few sentences, not all of them.
    let (text, spans, lang) = (sents.text, sents.spans, sents.lang);
    let mut causes: Vec<Option<Option<Cause>>> = vec![None; spans.len()];
    let mut cause_at = |k: usize| -> Option<Cause> {
        let slot = &mut causes[k];
        *slot.get_or_insert_with(|| {
            if history_carried(sents, k) {
                return Some(Cause::History);
            }
            sentence_cause(sents.get(k), clash_at.contains(&sents.spans[k].start))
        })
    };
    let mut shifts: Vec<Option<bool>> = vec![None; spans.len()];
    let mut shift_at =
        |k: usize| -> bool { *shifts[k].get_or_insert_with(|| opens_other_report(sents.get(k))) };
    // A passage that names no cause keeps its claims only when it names a party to armed
    // violence somewhere (forces, fighters, positions, weapons, conflict victims).
    let mut conflict_party: Option<bool> = None;
    let mut names_party = || {
        *conflict_party.get_or_insert_with(|| {
            lang.clash_armed.is_match(text) || names_conflict_people(text, lang) || known_conflict()
        })
    };
    out.retain(|m| {
        let MentionDetail::Casualty { claims } = &m.detail else {
            return true;
        };
        let Some(i) = spans.iter().position(|sp| sp.start == m.sentence.start) else {
            return true;
        };
        match governing(&mut cause_at, &mut shift_at, i, spans.len()) {
            Some(Cause::Armed) => true,
            None => {
                names_party() || {
                    let s = sents.get(i);
                    s.is_match(&lang.agent_verbs)
                        || (killed_and_wounded(claims) && s.is_match(&lang.wound_words))
                }
            }
            _ => false,
        }
    });
}

/// True when a mention counts both dead and wounded ("42 dead and 67 wounded in the past 24
/// hours"). With a word of wounds weapons make ("wounded", "раненых", not "injured"), such a
/// sentence tells a toll of attacks even when it names none: disease and disasters kill
/// without wounding, and "119 were confirmed dead, 78 of the injured remained in hospital"
/// (a derailment) names no killer.
fn killed_and_wounded(claims: &[super::mention::CasualtyClaim]) -> bool {
    let counted = |cat: CasualtyCategory| {
        claims
            .iter()
            .any(|c| c.category == cat && c.count.is_some() && !c.negated)
    };
    counted(CasualtyCategory::Killed) && counted(CasualtyCategory::Wounded)
}

/// Drop the passage's unnumbered claims that count again people it has already counted
/// (TAGS.md: "the same people counted again in the same passage by the same claimant are
/// one claim"): a claim with no number and no people named ("The terrorists were killed
/// after …", "the scale of the death toll", "casualty figures are often different") when the
/// passage holds a numbered claim of the same category by the same claimant — for bare
/// "casualties" (killed or wounded), a numbered claim of any category.
pub fn drop_recounts(out: &mut [Mention]) {
    let numbered = numbered(out);
    drop_bare_counted(out, &numbered, true);
}

/// Drop a headline's unnumbered claims that its text counts ("Losses near Mount Kerel" over
/// "one soldier was killed, 12 taken captive"): a bare claim of the title (no count, no people,
/// not negated) goes when the text holds a numbered claim of its category — of any category
/// for bare losses (killed or wounded) — whoever the text names as claimant; a title mention
/// left with no claim goes too.
pub fn drop_title_recounts(title: &mut Vec<Mention>, text: &[Mention]) {
    drop_bare_counted(title, &numbered(text), false);
    title.retain(|m| !matches!(&m.detail, MentionDetail::Casualty { claims } if claims.is_empty()));
}

/// The (category, claimant) of every numbered claim of `ms` that is not negated.
fn numbered(ms: &[Mention]) -> Vec<(CasualtyCategory, Option<String>)> {
    ms.iter()
        .filter_map(|m| match &m.detail {
            MentionDetail::Casualty { claims } => Some(claims),
            _ => None,
        })
        .flatten()
        .filter(|c| c.count.is_some() && !c.negated)
        .map(|c| (c.category, c.claimant.clone()))
        .collect()
}

/// Drop from `ms` the bare claims (no count, no people, not negated) that a claim of
/// `numbered` counts: one of the same category, or of any for bare losses (killed or
/// wounded); with `same_claimant`, only one by the same claimant.
fn drop_bare_counted(
    ms: &mut [Mention],
    numbered: &[(CasualtyCategory, Option<String>)],
    same_claimant: bool,
) {
    if numbered.is_empty() {
        return;
    }
    for m in ms.iter_mut() {
        if let MentionDetail::Casualty { claims } = &mut m.detail {
            claims.retain(|c| {
                // "accused Pristina of kidnapping them": a pronoun names no new people.
                let pronoun = c.who.as_deref().is_some_and(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "them" | "him" | "her" | "их" | "них" | "его" | "її" | "їх" | "його"
                    )
                });
                let bare = c.count.is_none() && !c.negated && (c.who.is_none() || pronoun);
                !(bare
                    && numbered.iter().any(|(cat, who)| {
                        (*cat == c.category || c.category == CasualtyCategory::KilledOrWounded)
                            && (!same_claimant || same_name(who.as_deref(), c.claimant.as_deref()))
                    }))
            });
        }
    }
}

/// Drop numbered claims that restate a figure the passage already gave (TAGS.md: the same
/// people counted again in the same passage by the same claimant are one claim): the same
/// category and count, of the same people (the same `who`, or one of them unnamed), by the
/// same claimant or one that shares a name with it ("The Taliban" and "Taliban spokesman
/// Zabihullah Mujahid"; an unnamed claimant and a named one). Figures of different people
/// ("three soldiers and three intelligence agents") stay.
pub fn drop_restated(out: &mut [Mention]) {
    let mut seen: Vec<(CasualtyCategory, u64, Option<String>, Option<String>)> = Vec::new();
    for m in out.iter_mut() {
        let MentionDetail::Casualty { claims } = &mut m.detail else {
            continue;
        };
        let mut here: Vec<(CasualtyCategory, u64, Option<String>, Option<String>)> = Vec::new();
        claims.retain(|c| {
            let Some(n) = c.count.filter(|_| !c.negated) else {
                return true;
            };
            let restated = seen.iter().any(|(cat, count, who, by)| {
                *cat == c.category
                    && *count == n
                    && compatible(who.as_deref(), c.who.as_deref(), same_head)
                    && compatible(by.as_deref(), c.claimant.as_deref(), share_name)
            });
            here.push((c.category, n, c.who.clone(), c.claimant.clone()));
            !restated
        });
        // Within one sentence every number is its own claim ("3 soldiers and 3 agents").
        seen.extend(here);
    }
}

/// Two phrases of people agree when their head nouns do ("seven Pakistani soldiers … the
/// seven soldiers").
fn same_head(a: &str, b: &str) -> bool {
    let head = |x: &str| x.split_whitespace().last().map(str::to_lowercase);
    a.to_lowercase() == b.to_lowercase() || head(a).is_some_and(|h| Some(h) == head(b))
}

/// Two optional values agree when either is missing or `same` holds.
fn compatible(a: Option<&str>, b: Option<&str>, same: impl Fn(&str, &str) -> bool) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same(a, b),
        _ => true,
    }
}

/// True when two claimants share a capitalised name word ("CAR spokesman" and "CAR
/// government spokesman Fidele Ngouandjika") or are equal but for case.
fn share_name(a: &str, b: &str) -> bool {
    if a.to_lowercase() == b.to_lowercase() {
        return true;
    }
    let names = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1)
            .filter(|w| !matches!(*w, "The" | "A" | "An"))
            .map(str::to_lowercase)
            .collect()
    };
    let (x, y) = (names(a), names(b));
    x.iter().any(|w| y.contains(w)) || refers_back(a, b) || refers_back(b, a)
}

/// True when `short` is a definite description ("the center", "the ministry") whose noun
/// is a word of `long` ("the Emergency Medicine and Support Center of the Health Ministry").
fn refers_back(short: &str, long: &str) -> bool {
    let mut words = short.split_whitespace();
    let (Some(article), Some(noun), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    article.eq_ignore_ascii_case("the")
        && long
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case(noun))
}

/// Two claimants are the same when equal but for case ("Officials", "officials").
fn same_name(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.to_lowercase() == b.to_lowercase(),
        (None, None) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_cause_governs() {
        let c = [
            Some(Cause::NonViolent),
            None,
            Some(Cause::Armed),
            None,
            Some(Cause::History),
        ];
        let mut at = |k: usize| c[k];
        assert_eq!(
            governing(&mut at, &mut |_| false, 1, 5),
            Some(Cause::NonViolent)
        );
        assert_eq!(governing(&mut at, &mut |_| false, 3, 5), Some(Cause::Armed));
        assert_eq!(
            governing(&mut at, &mut |_| false, 4, 5),
            Some(Cause::History)
        );
        let d = [None, Some(Cause::Armed)];
        assert_eq!(
            governing(&mut |k: usize| d[k], &mut |_| false, 0, 2),
            Some(Cause::Armed)
        );
        assert_eq!(governing(&mut |_| None, &mut |_| false, 1, 2), None);
        // A fire after an attack is its aftermath; with no attack before, non-violent.
        let e = [Some(Cause::Armed), Some(Cause::Aftermath), None];
        assert_eq!(
            governing(&mut |k: usize| e[k], &mut |_| false, 2, 3),
            Some(Cause::Armed)
        );
        let f = [None, Some(Cause::Aftermath), None];
        assert_eq!(
            governing(&mut |k: usize| f[k], &mut |_| false, 2, 3),
            Some(Cause::NonViolent)
        );
        // Causes further than the window do not govern.
        let g: Vec<Option<Cause>> = (0..10)
            .map(|k| (k == 0).then_some(Cause::NonViolent))
            .collect();
        assert_eq!(governing(&mut |k: usize| g[k], &mut |_| false, 9, 10), None);
    }

    #[test]
    fn a_report_of_another_event_bounds_the_search() {
        let c = [None, Some(Cause::NonViolent)];
        // Sentence 1 opens another report: its floods are no cause of sentence 0's toll.
        let shift = |k: usize| k == 1;
        assert_eq!(
            governing(&mut |k: usize| c[k], &mut |_| false, 0, 2),
            Some(Cause::NonViolent)
        );
        assert_eq!(governing(&mut |k: usize| c[k], &mut { shift }, 0, 2), None);
        // A sentence that opens another report takes no cause from before it.
        let d = [Some(Cause::Armed), None];
        assert_eq!(governing(&mut |k: usize| d[k], &mut { shift }, 1, 2), None);
        assert_eq!(
            governing(&mut |k: usize| d[k], &mut |_| false, 1, 2),
            Some(Cause::Armed)
        );
    }
}
