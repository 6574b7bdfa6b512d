//! The `tag` module: marks ceasefires, armed clashes and casualty claims in a text, as
//! `shared/TAGS.md` defines them.
//!
//! Pipeline: language detection (Cyrillic → ru/uk, else en), an Aho-Corasick prefilter
//! (leftmost-longest) over the trigger stems of the text's script, one stem list per rule
//! family (a text with no stem costs one scan; a sentence is looked at only by the families
//! whose stems it holds), Russian told from Ukrainian, sentence splitting, then per
//! sentence the rule families. A phrase list runs on a sentence only when one of the
//! literals its every match holds occurs there (`gate`).
//!
//! Granularity of the mentions:
//! - ceasefire: one mention per trigger occurrence, each with its own status;
//! - clash: one mention per sentence (on its first trigger), whatever the number of clashes;
//! - casualty: one mention per sentence that holds claims, with all of them (negated ones
//!   included), its trigger the first claim's cue.
//!
//! Claimants come from the sentence ("X said", "according to X", "“…,” said X"), else from
//! a sentence after it that points back ("Об этом сообщили …") or closes the quotation the
//! claims open, else from earlier sentences of the passage, else from
//! `TagContext::own_voice` (origin `Source`), else none. A pronoun ("he said") or a
//! title after "the" alone ("the governor wrote") takes the name given earlier in the
//! passage; with no name there it is kept as written, as the labelled sets do.
//!
//! All word lists live in `lexicon/{en,ru,uk}.toml`; a new term or language is a data change.

pub mod casualty;
mod casualty_bare;
mod casualty_cause;
pub mod casualty_cues;
pub mod casualty_lists;
mod casualty_named;
pub mod casualty_negation;
pub mod casualty_partitive;
pub mod casualty_rejection;
pub mod casualty_single;
pub mod ceasefire;
pub mod claimant;
mod claimant_choice;
mod claimant_headings;
mod claimant_shape;
mod claimant_titles;
pub mod clash;
pub mod context;
pub mod eval;
pub mod eval_sides;
pub mod gate;
mod language;
pub mod lexicon;
pub mod lexicon_data;
pub mod mention;
pub mod numbers;
pub mod parties;
pub mod phrases;
mod prefilter;
pub mod sentence;
pub mod sentences;
pub mod sides;
pub mod words;

pub use language::detect_language;
#[cfg(test)]
use language::{char_start, detect_language_by_chars};
pub use mention::*;

use lexicon::{FAMILY_CASUALTY, FAMILY_CEASEFIRE, FAMILY_CLASH, LEXICONS, Lang};
use sentence::Sents;

/// Version of the rules and data; stored with every mention. Bump on any rule or data change.
pub const TAGGER_VERSION: &str = "0.4.34";

/// A claimant named after the claims: the sentence that closes a quotation the claims open
/// ("«… 23 367 человек. …», — указали в МО РФ"), or a later sentence that points back
/// ("Об этом сообщили в Минобороны", "Про це повідомляє Генштаб").
fn later_claimant(sents: &Sents, i: usize) -> Option<String> {
    let (text, spans, lang) = (sents.text, sents.spans, sents.lang);
    let body = |k: usize| {
        spans
            .get(k)
            .and_then(|sp| text.get(sp.start..sp.end))
            .unwrap_or("")
    };
    let opener = |k: usize| {
        body(k)
            .chars()
            .next()
            .filter(|c| matches!(c, '«' | '“' | '"' | '„'))
    };
    let closes = |k: usize| body(k).contains(['»', '”']);
    // The claims open the quotation, or sit inside one an earlier sentence opened and none
    // closed since ("«…загинув чоловік. Поранення отримала жителька…», - інформує X").
    let open = opener(i).or_else(|| {
        (i.saturating_sub(3)..i)
            .rev()
            .take_while(|&k| !closes(k))
            .find_map(|k| opener(k).filter(|&c| c != '"'))
    });
    if let Some(first) = open {
        let closer = (i..(i + 4).min(spans.len()))
            .find(|&k| closes(k) || (first == '"' && body(k).matches('"').count() % 2 == 1))?;
        return claimant::find(sents.get(closer))
            .filter(|f| !f.pronoun)
            .map(|f| f.name);
    }
    (i + 1..spans.len()).take(3).find_map(|k| {
        let s = sents.get(k);
        if !s.is_match(&lang.claim_backward) {
            return None;
        }
        claimant::find(s).filter(|f| !f.pronoun).map(|f| f.name)
    })
}

/// True when the sentence after `i` opens by pointing back at it and names who said it ("Про
/// це заявив уповноважений …", "Об этом сообщил глава …"): that speaker, not a subject of
/// sentence `i` ("Україна підтвердила …"), is the source of its claims.
fn pointed_back(sents: &Sents, i: usize) -> bool {
    if i + 1 >= sents.spans.len() {
        return false;
    }
    let s = sents.get(i + 1);
    matches!(s.w(0), "про" | "об")
        && s.matches(&sents.lang.claim_backward)
            .first()
            .is_some_and(|&(a, _)| a == 0)
        && claimant::find(s).is_some_and(|f| !f.pronoun && !f.relay)
}

/// An attribution given right after the claims, by a sentence that continues the same report
/// ("Three soldiers were wounded near the bridge. The governor told reporters the shelling
/// began at dawn." → the governor; "Four people were killed in the encounter. Mazo said the
/// clash left two soldiers and two rebels dead." → Mazo): the speaker of the next sentence,
/// with figures of its own or not (TAGS.md: an attribution covers the sentences of the same
/// report before it), else of the one after when the next holds no figures. Asked only when
/// no sentence before names one.
fn next_claimant(sents: &Sents, i: usize) -> Option<String> {
    for k in (i + 1..sents.spans.len()).take(2) {
        let s = sents.get(k);
        // "Three soldiers were wounded near the bridge. The governor told reporters …": a
        // title after "the" names the speaker when no name came before (a bare pronoun
        // does not).
        if let Some(f) = claimant::find(s).filter(|f| !f.pronoun || f.name.contains(' ')) {
            return Some(f.name);
        }
        // A report of its own with no speaker ends the search.
        if s.is_match(&s.lang.any_cue) {
            return None;
        }
    }
    None
}

/// The last named claimant of the sentences before `upto`. `cache` remembers each
/// sentence's answer, so a long passage is scanned once however many claims it holds.
fn passage_claimant(
    sents: &Sents,
    upto: usize,
    cache: &mut Vec<Option<Option<String>>>,
) -> Option<String> {
    cache.resize(sents.spans.len(), None);
    for i in (0..upto.min(sents.spans.len())).rev() {
        let entry = cache[i].get_or_insert_with(|| {
            claimant::find(sents.get(i))
                .filter(|f| !f.pronoun)
                .map(|f| f.name)
        });
        if let Some(name) = entry {
            return Some(name.clone());
        }
    }
    None
}

/// The last named claimant of the sentences before this one that the casualty rules looked
/// at (`seen`, in order): for a sentence with claims the one found near them (`with_claims`),
/// for the others the sentence's own, found on demand and kept in `cache`.
fn last_named(
    sents: &Sents,
    seen: &[usize],
    with_claims: &[(usize, Option<String>)],
    cache: &mut Vec<Option<Option<String>>>,
) -> Option<String> {
    cache.resize(sents.spans.len(), None);
    for &k in seen.iter().rev() {
        let name = match with_claims.binary_search_by_key(&k, |(j, _)| *j) {
            Ok(p) => with_claims[p].1.clone(),
            Err(_) => cache[k]
                .get_or_insert_with(|| {
                    claimant::find(sents.get(k))
                        .filter(|f| !f.pronoun)
                        .map(|f| f.name)
                })
                .clone(),
        };
        if name.is_some() {
            return name;
        }
    }
    None
}

/// Tag a text: every ceasefire, clash and casualty mention, in text order.
/// Pure: no I/O, no clock; never panics.
pub fn tag(text: &str, ctx: &TagContext<'_>) -> Vec<Mention> {
    let lx = &*LEXICONS;
    // "en-GB", "RU" and the like name the same lexicons as "en", "ru".
    let given = ctx
        .language
        .map(|l| l.get(..2).unwrap_or(l).to_ascii_lowercase());
    let script = given.as_deref().unwrap_or_else(|| detect_language(text));
    let Some(pre) = lx.prefilter(script) else {
        return Vec::new();
    };
    let hits = pre.hits(text);
    // A text whose stems call for no rule family (armed words with no attack predicate)
    // costs only the scan.
    if lexicon::families(hits.iter().fold(0, |acc, (_, f)| acc | f)) == 0 {
        return Vec::new();
    }
    let code = match (given.as_deref(), script) {
        (Some(code), _) => code,
        (None, "ru") if language::reads_as_ukrainian(text) => "uk",
        (None, code) => code,
    };
    let Some(lang) = lx.lang(code) else {
        return Vec::new();
    };
    tag_with(text, ctx, lang, &hits)
}

fn tag_with(text: &str, ctx: &TagContext<'_>, lang: &Lang, hits: &[(usize, u8)]) -> Vec<Mention> {
    let spans = sentences::split(text, &LEXICONS.abbreviations);
    let sents = Sents::new(text, &spans, lang);
    // The families whose stems occur in each sentence (hits are in text order).
    let mut hot: Vec<u8> = vec![0; spans.len()];
    let mut si = 0;
    for &(pos, fam) in hits {
        while si < spans.len() && spans[si].end <= pos {
            si += 1;
        }
        if let Some(sp) = spans.get(si).filter(|sp| sp.start <= pos) {
            let _ = sp;
            hot[si] |= fam;
        }
    }

    let mut out: Vec<Mention> = Vec::new();
    // Ceasefires wait for the passage (statuses resolve in order): (raw, appeal,
    // indefinite), with their sentence and trigger spans.
    let mut cfs: Vec<(ceasefire::RawCeasefire, bool, bool)> = Vec::new();
    let mut cf_spans: Vec<(Span, Span)> = Vec::new();
    let mut passage_has_clash = false;
    let mut state = casualty::PassageState::default();
    // Sentences the casualty rules looked at, in order; the claimant of those with claims
    // (found near the first claim) is kept, the others' is found on demand in the cache.
    let mut cas_seen: Vec<usize> = Vec::new();
    let mut cas_claimant: Vec<(usize, Option<String>)> = Vec::new();

    let mut prev_had_claims = false;
    let mut claimant_cache: Vec<Option<Option<String>>> = Vec::new();
    let mut pending_summary: Option<(usize, usize)> = None;
    let mut summary_marks: Vec<(usize, CasualtyCategory)> = Vec::new();
    let mut last_cf_at: Option<usize> = None;
    for (i, &bits) in hot.iter().enumerate() {
        // A sentence right after claims may continue their breakdown ("This includes 170 …").
        let fam = lexicon::families(bits) | if prev_had_claims { FAMILY_CASUALTY } else { 0 };
        // "The deal collapsed almost immediately": a sentence with no ceasefire word of its
        // own that opens by taking up the last one.
        if !cfs.is_empty()
            && fam & FAMILY_CEASEFIRE == 0
            && ceasefire::may_take_up(text.get(spans[i].start..spans[i].end).unwrap_or(""), lang)
        {
            ceasefire::taken_up(sents.get(i), &mut cfs);
        }
        // "Within minutes, each side accused the other of breaking it": asked of the two
        // sentences after the last ceasefire.
        if fam & FAMILY_CEASEFIRE == 0 && last_cf_at.is_some_and(|at| i <= at + 2) {
            let sentence = text.get(spans[i].start..spans[i].end).unwrap_or("");
            ceasefire::broken_by_pronoun(sentence, lang, &mut cfs);
        }
        if fam == 0 {
            state.negative_prev = false;
            continue;
        }
        prev_had_claims = false;
        let s = sents.get(i);
        // Ceasefire-only triggers hide their words from the clash rules.
        let only: Vec<(usize, usize)> = if fam & FAMILY_CEASEFIRE != 0 {
            s.matches(&lang.cf_triggers)
        } else {
            Vec::new()
        };
        let clash_found = if fam & FAMILY_CLASH != 0 && !context::history_carried(&sents, i) {
            clash::find(s, &only)
        } else {
            None
        };
        let mut cf = if fam & FAMILY_CEASEFIRE != 0 {
            ceasefire::find(s, &only, clash_found.is_some())
        } else {
            Vec::new()
        };
        if let Some(c) = &clash_found {
            ceasefire::fighting_after_contrast(s, c.trigger.0, &mut cf);
        }
        let appeal = !cf.is_empty() && s.is_match(&lang.cf_appeal);
        let mut has_clash = clash_found.is_some();
        if let Some(c) = &clash_found {
            out.push(Mention {
                sentence: s.span,
                trigger: s.span_of(c.trigger.0, c.trigger.1),
                detail: MentionDetail::Clash {
                    location: c.location.clone(),
                    parties: c.parties.clone(),
                },
            });
        } else if let Some(w) = cf.iter().find(|c| c.with_clash) {
            has_clash = true;
            out.push(Mention {
                sentence: s.span,
                trigger: s.span_of(w.trigger.0, w.trigger.1),
                detail: MentionDetail::Clash {
                    location: None,
                    parties: w.parties.clone(),
                },
            });
        }
        passage_has_clash |= has_clash;
        ceasefire::fighting_since(s, has_clash, &mut cfs);
        for c in cf.drain(..) {
            let indef = ceasefire::indefinite(s, c.trigger);
            cf_spans.push((s.span, s.span_of(c.trigger.0, c.trigger.1)));
            cfs.push((c, appeal, indef));
            last_cf_at = Some(i);
        }

        if fam & FAMILY_CASUALTY == 0 {
            casualty::skip(s, &mut state);
            continue;
        }
        let claims = casualty::claims(s, &mut state);
        if claims.is_empty() {
            cas_seen.push(i);
            continue;
        }
        let here = claimant::find_near(s, claims.first().map(|c| c.cue.0))
            .filter(|f| f.pronoun || !pointed_back(&sents, i));
        cas_claimant.push((
            i,
            here.as_ref().filter(|f| !f.pronoun).map(|f| f.name.clone()),
        ));
        cas_seen.push(i);
        let last_named = |cache: &mut Vec<Option<Option<String>>>| {
            last_named(&sents, &cas_seen, &cas_claimant, cache)
        };
        prev_had_claims = true;
        let later = match &here {
            Some(f) if !f.pronoun => None,
            _ => later_claimant(&sents, i),
        };
        let (name, origin) = match here {
            Some(f) if !f.pronoun => (Some(f.name), Some(ClaimantOrigin::Sentence)),
            _ if later.is_some() => (later, Some(ClaimantOrigin::Passage)),
            // A pronoun takes the nearest speaker named before it, in any sentence ("…,"
            // Abu Musab told Reuters. He said attackers killed 15 soldiers").
            // Else the name that opens its sentence, else the person who opens an earlier one
            // ("General X … spoke to reporters. He said …"); with no name in the passage, the
            // pronoun as written (the first labelled sets keep "he"; TAGS.md's null is what
            // the scorer skips).
            Some(f) => {
                let (n, origin) = passage_claimant(&sents, i, &mut claimant_cache)
                    .or_else(|| last_named(&mut claimant_cache))
                    .map(|n| (n, ClaimantOrigin::Passage))
                    .or_else(|| claimant::opening_name(s).map(|n| (n, ClaimantOrigin::Sentence)))
                    .or_else(|| {
                        (0..i)
                            .rev()
                            .take(3)
                            .find_map(|k| claimant::opening_name(sents.get(k)))
                            .map(|n| (n, ClaimantOrigin::Passage))
                    })
                    .unwrap_or((f.name, ClaimantOrigin::Sentence));
                (Some(n), Some(origin))
            }
            None => match last_named(&mut claimant_cache)
                .or_else(|| passage_claimant(&sents, i, &mut claimant_cache))
                .or_else(|| next_claimant(&sents, i))
            {
                Some(n) => (Some(n), Some(ClaimantOrigin::Passage)),
                None if let Some(n) = claimant::acting_issuer(s, claims[0].cue.0) => {
                    (Some(n), Some(ClaimantOrigin::Sentence))
                }
                None => match ctx.own_voice {
                    Some(v) => (Some(v.to_string()), Some(ClaimantOrigin::Source)),
                    None => (None, None),
                },
            },
        };
        // A summary noun ("потери", "losses") introduces the numbered claims of the next
        // sentence: drop it from the previous casualty mention when they follow.
        if claims.iter().any(|c| c.count.is_some() && !c.negated)
            && let Some((pi, pm)) = pending_summary.take()
            && pi + 1 == i
            && let Some(Mention {
                detail: MentionDetail::Casualty { claims: pc },
                ..
            }) = out.get_mut(pm)
        {
            pc.retain(|c| {
                !(c.count.is_none() && c.approx && summary_marks.contains(&(pm, c.category)))
            });
        }
        let first = &claims[0];
        let trigger = s.span_of(first.cue.0, first.cue.1);
        if claims.iter().any(|c| c.summary) {
            pending_summary = Some((i, out.len()));
            summary_marks.extend(
                claims
                    .iter()
                    .filter(|c| c.summary)
                    .map(|c| (out.len(), c.category)),
            );
        }
        // A later claim of the sentence in a clause of its own speaker ("X said 12 were
        // killed while a spokesman for Y claimed to have killed 30") is that speaker's.
        let first_cue = claims[0].cue.0;
        let own_clause = |cue: usize| -> Option<String> {
            if cue == first_cue || name.is_none() {
                return None;
            }
            claimant::find_near(s, Some(cue))
                .filter(|f| !f.pronoun && !f.relay && Some(&f.name) != name.as_ref())
                .map(|f| f.name)
        };
        let claims = claims
            .into_iter()
            .map(|r| {
                let rejecter = casualty_rejection::rejecter(s, r.cue).filter(|_| r.negated);
                let (name, origin) = match rejecter.or_else(|| own_clause(r.cue.0)) {
                    Some(n) => (Some(n), Some(ClaimantOrigin::Sentence)),
                    None => (name.clone(), origin),
                };
                (r, name, origin)
            })
            .map(|(r, name, origin)| CasualtyClaim {
                category: r.category,
                count: r.count,
                approx: r.approx,
                who: r.who,
                claimant: name.clone(),
                claimant_origin: if name.is_some() { origin } else { None },
                negated: r.negated,
                claimant_party: None,
                affected_party: None,
                affected_kind: None,
            })
            .collect();
        out.push(Mention {
            sentence: s.span,
            trigger,
            detail: MentionDetail::Casualty { claims },
        });
    }

    // A party's own outlet, a title naming an attack or an armed party, or a party the desk
    // configured named in the text, is the conflict context a bare toll lacks.
    let known_conflict = || {
        ctx.party_source
            || ctx.title.is_some_and(|t| {
                lang.armed_events.is_match(t)
                    || lang.clash_armed.is_match(t)
                    || lang.conflict_people.is_match(t)
            })
            || ctx.parties.is_some_and(|p| p.named_in(text).is_some())
    };
    context::keep_armed_casualties(&sents, &known_conflict, &mut out);
    context::drop_recounts(&mut out);
    context::drop_restated(&mut out);
    out.retain(|m| !matches!(&m.detail, MentionDetail::Casualty { claims } if claims.is_empty()));
    ceasefire::resolve(&mut cfs, passage_has_clash);
    for ((c, _, _), (sentence, trigger)) in cfs.into_iter().zip(cf_spans) {
        // A truce agreed and then broken or ended holds both statuses: the agreement first.
        if c.agreed_before && c.status != Some(CeasefireStatus::Agreed) {
            out.push(Mention {
                sentence,
                trigger,
                detail: MentionDetail::Ceasefire {
                    status: CeasefireStatus::Agreed,
                    mediator: c.mediator.clone(),
                    parties: c.parties.clone(),
                },
            });
        }
        out.push(Mention {
            sentence,
            trigger,
            detail: MentionDetail::Ceasefire {
                status: c.status.unwrap_or(CeasefireStatus::Agreed),
                mediator: c.mediator,
                parties: c.parties,
            },
        });
    }
    out.sort_by_key(|m| (m.sentence.start, m.trigger.start));
    out
}

#[cfg(test)]
mod test_util;
#[cfg(test)]
mod tests;
