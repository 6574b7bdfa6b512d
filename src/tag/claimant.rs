//! Who makes a claim: "X says", "X, a spokesman, said", "“…,” said X", "according to X",
//! and for verb-first languages "сообщили в X". Outlets that only relay a claim ("Reuters
//! reported") are used only when nothing else is named, and so are reports that name no
//! owner ("according to initial reports"; "UN figures" keeps "UN"). Pronouns are returned
//! as such; the caller resolves them against earlier sentences of the passage.
//!
//! This module finds where a speaker sits in a sentence; `claimant_shape` decides whether
//! the words found there are a speaker, and cuts them to one; `claimant_choice` chooses
//! among the speakers found the one who makes a claim.

pub use super::claimant_choice::{acting_issuer, find, find_near, opening_name};
use super::claimant_headings::{colon_speaker, dash_signature};
use super::claimant_shape::{found, has_capital, past_channel, plain_speaker, trim};
use super::claimant_titles::{is_cardinal, name_before_title, title_before_name};
use super::numbers::is_number_word;
use super::sentence::Sent;

/// A claimant found in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The claimant as written.
    pub name: String,
    /// True when it only refers back: a pronoun ("he", "it") or a title after the definite
    /// article alone ("the governor"), to be replaced by a name given earlier.
    pub pronoun: bool,
    /// True when it is only a relaying outlet ("Reuters").
    pub relay: bool,
    /// True when it is an issuer naming itself ("The Chairperson condemns …"): used only
    /// when no reporting verb or "according to" names a source.
    pub issuer: bool,
    /// True when it comes from "according to" (or "citing", "по данным").
    pub according: bool,
}

const BOUNDARY: &[&str] = &[
    ",", ";", ":", "“", "”", "\"", "«", "»", "—", "–", "(", ")", "-", "’", "'",
];

pub(super) fn is_boundary(w: &str) -> bool {
    BOUNDARY.contains(&w)
}

/// True when token `k` is the apostrophe of a plural possessive ("a doctors' group", "the
/// Sudan Doctors' Network"): joined to a word ending in "s", followed by a space and a word.
fn is_possessive_mark(s: &Sent, k: usize) -> bool {
    let (Some(prev), Some(mark), Some(next)) = (
        k.checked_sub(1).and_then(|p| s.toks.get(p)),
        s.toks.get(k),
        s.toks.get(k + 1),
    ) else {
        return false;
    };
    matches!(mark.lower.as_str(), "'" | "’")
        && prev.end == mark.start
        && prev.word
        && prev.lower.ends_with('s')
        && next.word
        && next.start > mark.end
}

/// The subject before a verb at token `v`: back to the previous boundary; an appositive
/// right before the verb (", a spokesman,") is skipped.
fn subject_before(s: &Sent, v: usize) -> Option<(usize, usize)> {
    let sets = &s.lang.sets;
    let mut end = v;
    while end > 0 && sets.claim_aux.contains(s.w(end - 1)) {
        end -= 1;
    }
    if end > 0 && s.w(end - 1) == "," {
        // "…, The African Union Mission (AMISOM), said": a name right before the comma is
        // the subject; "X, an investigative journalist …, was quoted": take X.
        if let Some((x, y)) = back_to_boundary(s, end - 1).and_then(|(x, y)| trim(s, x, y))
            && (!s.lang.sets.claim_article.contains(s.w(x)) || s.is_cap(x + 1))
            && s.is_cap(x)
            && plain_speaker(s, x, y)
        {
            // "Ibrahim Khatir, Director General of the Health Ministry, said": a person's
            // name before a capitalised title is the subject, the title its appositive.
            // "Haiti's national police chief, Frantz Elbé, told reporters": a title before
            // the name is its appositive, and the speaker is both, as written.
            return Some(
                name_before_title(s, x)
                    .or_else(|| title_before_name(s, x).map(|t| (t, y)))
                    .unwrap_or((x, y)),
            );
        }
        // "One was killed, and another injured by the police, said SP Hassan": a clause
        // that opens with a conjunction is no appositive; the speaker follows the verb.
        if let Some((x, _)) = back_to_boundary(s, end - 1)
            && s.lang.sets.conj.contains(s.w(x))
        {
            return None;
        }
        let mut k = end - 1;
        while k > 0 && s.w(k - 1) != "," && end - k < 25 {
            k -= 1;
        }
        if k > 0 && s.w(k - 1) == "," {
            end = k - 1;
        } else {
            return None;
        }
        // "The attack killed 12 people, including two children, said the spokesman": a
        // clause that counts people is the report, not its speaker.
        let (x, y) = back_to_boundary(s, end)?;
        if (x..y).any(|j| is_cardinal(s, j)) {
            return None;
        }
    }
    let (mut a, end) = back_to_boundary(s, end)?;
    // "…, тогда как Минздрав Газы сообщил", "у той час як МОЗ повідомило": the contrast
    // conjunction opens the clause, its subject follows it.
    if let Some(k) = (a + 1..(a + 4).min(end)).find(|&k| {
        matches!(s.w(k), "как" | "як") && matches!(s.w(k - 1), "тогда" | "тоді" | "время" | "час")
    }) {
        a = k + 1;
    }
    // "Ibrahim Khatir, Director General of the Health Ministry recently said": the title runs
    // on to the verb with no closing comma; the name before it is still the subject.
    if s.is_cap(a)
        && plain_speaker(s, a, end)
        && let Some(name) = name_before_title(s, a)
    {
        return Some(name);
    }
    // "News agency ANI, which on Tuesday reported": the relative's antecedent.
    // "…, which Kabul said": the name after the relative is the subject.
    if s.lang.sets.claim_relative.contains(s.w(a))
        && a > 0
        && s.w(a - 1) == ","
        && !plain_speaker(s, a + 1, end)
        && let Some((x, y)) = back_to_boundary(s, a - 1).and_then(|(x, y)| trim(s, x, y))
    {
        // "…, a claim rejected by the Pakistani Taliban, who said": the agent is the
        // antecedent, not the claim it rejected.
        if let Some(k) = (x..y).rev().find(|&k| s.w(k) == "by")
            && let Some(agent) = trim(s, k + 1, y)
        {
            return Some(agent);
        }
        return Some((x, y));
    }
    // "The ISPR in a statement said", "Минобороны в заявлении сообщило": the speaker ends
    // at the preposition that brings in its channel.
    let end = (a + 1..end)
        .find(|&k| {
            (sets.claim_stop.contains(s.w(k)) || sets.claim_strip.contains(s.w(k)))
                && (k + 1..(k + 4).min(end)).any(|j| sets.claim_channel_nouns.contains(s.w(j)))
                && plain_speaker(s, a, k)
        })
        .unwrap_or(end);
    // "Шойгу впервые с сентября 2022 года рассказал": an adverb after the speaker ends it,
    // what follows is the clause's time or manner; unless a name follows ("The tactic has
    // raised the risk … and Abdul Latif Fazly, …, said").
    let (a, end) = trim(s, a, end)?;
    // "…in Omdurman, where medics said": a relative adverb opens the clause, its subject
    // follows it.
    if matches!(s.w(a), "where" | "when") && a + 1 < end && plain_speaker(s, a + 1, end) {
        return trim(s, a + 1, end);
    }
    // "Clashes that the Syrian Network for Human Rights said had killed": inside a relative
    // clause the speaker follows the relative, its antecedent is what was reported.
    if let Some(k) = (a + 1..end)
        .rev()
        .find(|&k| sets.claim_relative.contains(s.w(k)))
        && k + 1 < end
        && plain_speaker(s, k + 1, end)
    {
        return trim(s, k + 1, end);
    }
    // "У М'янмі повстанці заявили", "В Сирии оппозиция сообщила": a place after the
    // preposition that opens the clause is where, not who; the speaker's noun after it is.
    if a > 0
        && matches!(s.w(a - 1), "у" | "в" | "во")
        && s.is_cap(a)
        && a + 1 < end
        && s.toks[a + 1].word
        && !s.is_cap(a + 1)
        && let speakers = s.matches(&s.lang.claim_speakers)
        && !speakers.iter().any(|&(x, y)| x <= a && a < y)
        && speakers.iter().any(|&(x, _)| x == a + 1)
    {
        return trim(s, a + 1, end);
    }
    if let Some(k) = (a + 1..end).find(|&k| {
        s.toks[k].word
            && sets.claim_aux.contains(s.w(k))
            && !sets.claim_not_after.contains(s.w(k - 1))
    }) && plain_speaker(s, a, k)
        && !(k + 1..end).any(|j| has_capital(s.text_of(j, j + 1)))
    {
        return trim(s, a, k);
    }
    // "China for the first time acknowledged", "Azerbaijan in turn said", "Sudan's army late
    // on Sunday said": a phrase of time or manner after the speaker is no part of it; one
    // that names a party or a speaker is ("The Ministry of Health in Gaza").
    if let Some(k) = (a + 1..end).find(|&k| {
        s.toks[k].word && !s.is_cap(k) && (sets.claim_stop.contains(s.w(k)) || s.w(k) == "for")
    }) && plain_speaker(s, a, k)
        && !(k + 1..end)
            .any(|j| has_capital(s.text_of(j, j + 1)) && !sets.claim_not_name.contains(s.w(j)))
        && !s
            .matches(&s.lang.claim_speakers)
            .iter()
            .any(|&(x, _)| x > k && x < end)
    {
        return trim(s, a, k);
    }
    Some((a, end))
}

/// True when token `x` is a relaying outlet's one-word name in any case form ("ТАСС",
/// "Укрінформу", "Reuters").
fn relay_word(s: &Sent, x: usize) -> bool {
    let w = s.w(x);
    s.lang.data.claimant.relays.iter().any(|r| {
        r.chars().all(char::is_alphanumeric)
            && w.starts_with(r.as_str())
            && w.chars().count() <= r.chars().count() + 2
    })
}

/// The opening mark of a name in quotation marks that closes at `close` ("«Талибан»"): at
/// most four words, the first capitalised.
fn quoted_name_start(s: &Sent, close: usize) -> Option<usize> {
    let open = (close.saturating_sub(5)..close)
        .rev()
        .find(|&k| s.w(k) == "«")?;
    (open + 1 < close
        && s.is_cap(open + 1)
        && (open + 1..close).all(|k| s.toks[k].word || s.w(k) == "-"))
    .then_some(open)
}

/// The tokens from the previous boundary (outside parentheses) up to `end`, at most 13.
pub(super) fn back_to_boundary(s: &Sent, end: usize) -> Option<(usize, usize)> {
    let mut a = end;
    let mut depth = 0i32;
    while a > 0 && end - a < 14 {
        let w = s.w(a - 1);
        // "«Хезболла» заявила", "Движение «Талибан» заявило": a short capitalised name in
        // quotation marks is part of the speaker.
        if w == "»"
            && let Some(open) = quoted_name_start(s, a - 1)
        {
            a = open;
            continue;
        }
        if w == ")" {
            depth += 1;
        } else if w == "(" {
            depth -= 1;
        } else if depth <= 0 && is_boundary(w) && !is_possessive_mark(s, a - 1) {
            break;
        }
        a -= 1;
    }
    if end - a < 14 {
        return Some((a, end));
    }
    // A long official name ("the Emergency Medicine and Support Center of the Health
    // Ministry of the …") may run longer: capitalised words joined by short function words.
    let mut a = end;
    while a > 0 && end - a < 26 {
        let k = a - 1;
        if is_boundary(s.w(k)) {
            return Some((a, end));
        }
        if !s.toks[k].word || !(s.is_cap(k) || s.w(k).chars().count() <= 3) {
            return None;
        }
        a -= 1;
    }
    (a == 0).then_some((a, end))
}

/// True for an abbreviation a title or name may hold ("Lt", "Col", "Gen"; of any lexicon).
pub(super) fn title_abbreviation(w: &str) -> bool {
    w.chars().count() <= 4 && super::lexicon::LEXICONS.abbreviations.contains(w)
}

/// The subject after a verb at token range ending `vb`: up to a stop word or boundary.
fn subject_after(s: &Sent, vb: usize) -> Option<(usize, usize)> {
    let vb = past_recipient(s, vb);
    let sets = &s.lang.sets;
    // Reporting verbs end a claimant found after "according to", unless they are nouns
    // here ("according to some estimates").
    let verbs: Vec<usize> = s
        .matches(&s.lang.claim_verbs)
        .iter()
        .map(|m| m.0)
        .filter(|&v| v == 0 || !sets.claim_not_after.contains(s.w(v - 1)))
        .collect();
    // "передает «Интерфакс-Украина»", "reported the \"Kyiv Independent\"": a name in
    // quotation marks is the speaker, up to its closing mark.
    if let Some(close) = closing_quote(s, vb)
        && s.is_cap(vb + 1)
        && (vb + 1..close).all(|k| s.toks[k].word || matches!(s.w(k), "-" | "." | "‑"))
    {
        return Some((vb + 1, close));
    }
    let mut b = vb;
    let mut depth = 0i32;
    while b < s.toks.len() && b - vb < 14 {
        let w = s.w(b);
        if w == "(" {
            depth += 1;
        } else if w == ")" {
            depth -= 1;
            if depth < 0 {
                break;
            }
        } else if w == "." && b > vb && s.is_upper(b - 1) && title_abbreviation(s.w(b - 1)) {
            // "said Lt. Col. Ernesto Lopez": a title's dot ends no name.
        } else if depth == 0
            && (w == "."
                || w == ","
                || w == ";"
                || is_boundary(w)
                || (b > vb
                    && ((sets.claim_stop.contains(w) && !acronym(s, b)) || verbs.contains(&b))))
        {
            break;
        }
        b += 1;
    }
    // "said the regional divisional commander, Gen. Juan Pablo Amaya": the name in
    // apposition belongs to the speaker.
    if s.w(b) == "," && depth == 0 {
        let mut e = b + 1;
        while e < s.toks.len() && (s.is_cap(e) || s.w(e) == ".") && e - b < 8 {
            e += 1;
        }
        let closes = e >= s.toks.len() || matches!(s.w(e), "." | "," | ";");
        if e > b + 1 && closes && s.is_cap(b + 1) && !s.is_cap(vb.min(b.saturating_sub(1))) {
            return trim(s, vb, e);
        }
    }
    trim(s, vb, b)
}

/// "Как сообщил «Известиям» источник в силовых структурах", "рассказал РИА Новости
/// источник": an outlet told, right after the verb and before a speaker's noun, is the one
/// spoken to; the speaker starts after it. `vb` otherwise.
fn past_recipient(s: &Sent, vb: usize) -> usize {
    let speaker_at = |k: usize| {
        s.matches(&s.lang.claim_speakers)
            .iter()
            .any(|&(a, _)| a == k)
    };
    match closing_quote(s, vb) {
        Some(close) if speaker_at(close + 1) => close + 1,
        Some(_) => vb,
        None if s.is_cap(vb) => (vb + 1..(vb + 4).min(s.toks.len()))
            .find(|&k| s.lang.relays.is_exactly(s.text_of(vb, k)) && speaker_at(k))
            .unwrap_or(vb),
        None => vb,
    }
}

/// The closing mark of a short quotation that opens at token `open` ("«Известиям»",
/// "\"Kyiv Independent\""), within seven tokens.
fn closing_quote(s: &Sent, open: usize) -> Option<usize> {
    if !matches!(s.w(open), "«" | "“" | "\"" | "„") {
        return None;
    }
    (open + 2..(open + 8).min(s.toks.len())).find(|&k| matches!(s.w(k), "»" | "”" | "\"" | "“"))
}

/// True when token `k` is written in capitals ("WHO", not "who").
fn acronym(s: &Sent, k: usize) -> bool {
    let w = s.text_of(k, k + 1);
    w.chars().count() > 1 && w.chars().all(|c| c.is_uppercase())
}

/// True when the segment that ends at the verb `v` starts with one of `words`.
fn raw_start_is(s: &Sent, v: usize, words: &super::words::WordSet) -> bool {
    words.contains(s.w(segment_start(s, v)))
}

/// The first token of the segment that ends at token `v`: back to the previous boundary, at
/// most 14 tokens.
fn segment_start(s: &Sent, v: usize) -> usize {
    let mut a = v;
    while a > 0 && v - a < 14 && !is_boundary(s.w(a - 1)) {
        a -= 1;
    }
    a
}

/// "Про це міністр написав", "Об этом глава региона сообщил": the words between a phrase
/// pointing back at the previous sentence and the verb at `v`, when the segment opens with
/// that phrase.
fn after_backward(s: &Sent, v: usize) -> Option<(usize, usize)> {
    let a = segment_start(s, v);
    let (_, b) = s
        .matches(&s.lang.claim_backward)
        .into_iter()
        .find(|&(x, y)| x == a && y < v)?;
    // "Про це в Телеграмі повідомив …": a place or channel, no subject; it follows the verb.
    let sets = &s.lang.sets;
    if sets.claim_bad_start.contains(s.w(b)) || sets.claim_strip.contains(s.w(b)) {
        return None;
    }
    trim(s, b, v)
}

/// All claimant candidates of a sentence, in text order.
pub fn candidates(s: &Sent) -> Vec<(usize, Found)> {
    let mut out: Vec<(usize, Found)> = colon_speaker(s).into_iter().collect();
    let speakers = std::cell::OnceCell::new();
    for (a, b) in s.matches(&s.lang.according) {
        // "were reported killed by local officials" names a speaker; "… by Russian shelling"
        // or "… by gunmen" the killer.
        let passive_report = b > a && s.w(b - 1) == "by" && (a..b).any(|k| s.w(k) == "reported");
        let range = subject_after(s, b).filter(|&(x, y)| {
            !passive_report
                || speakers
                    .get_or_init(|| s.matches(&s.lang.claim_speakers))
                    .iter()
                    .any(|&(p, _)| p >= x && p < y)
        });
        if let Some(mut f) = range.and_then(|r| found(s, r)) {
            f.according = true;
            out.push((a, f));
        } else if let Some(k) = (a..b).find(|&k| s.lang.sets.pronouns.contains(s.w(k))) {
            // "По ее данным", "за його словами": the source is the pronoun's.
            out.push((
                a,
                Found {
                    name: s.text_of(k, k + 1).to_string(),
                    pronoun: true,
                    relay: false,
                    issuer: false,
                    according: true,
                },
            ));
        }
    }
    // "dismissed as fake news reports that …", "denied a rebel claim that …": the report a
    // denial governs is its object, no verb of speech.
    let denials = s.matches(&s.lang.deniers);
    for (a, b) in s.matches(&s.lang.claim_verbs) {
        // A sentence that opens with the word is no reporting verb ("Reports said …").
        if a == 0 && !s.lang.data.claimant.verb_first {
            continue;
        }
        if denials
            .iter()
            .any(|&(_, e)| e <= a && a - e <= 3 && (e..a).all(|k| s.toks[k].word))
        {
            continue;
        }
        // Passive "were reported", "was said" is no claim of a subject.
        let prev = a.checked_sub(1).map_or("", |k| s.w(k));
        let quoted = s.w(a) == "was" || s.w(a) == "were";
        if !quoted
            && matches!(
                prev,
                "was" | "were" | "been" | "being" | "is" | "are" | "be"
            )
        {
            continue;
        }
        // "the false claims", "unconfirmed reports", "four alleged insurgents": no verb.
        let prev_is_number = is_number_word(s.lang, prev);
        // "claimed as many as 40 lives" is no speech; "the UN said as the country
        // prepares" is, "as" opening a clause of its own.
        let next = s.w(b + 1);
        let clause_after = s.w(b) == "as"
            && (s.lang.sets.claim_article.contains(next) || s.lang.sets.pronouns.contains(next));
        // "The fighting has claimed around 2,600 lives": a toll, no speech.
        let object_not_speech = (b..(b + 5).min(s.toks.len()))
            .take_while(|&k| !is_boundary(s.w(k)) && s.w(k) != ".")
            .any(|k| s.lang.sets.claim_objects_not_speech.contains(s.w(k)));
        // "media reports" is a noun, "state media said" speech: a past verb after a
        // speaker's noun speaks.
        let past = s.w(a).ends_with("ed") || matches!(s.w(a), "said" | "told" | "wrote");
        let speaker_before = past && s.lang.claim_speakers.is_exactly(prev);
        // "the government first said" is speech, "the first reports" no verb: an adverb
        // after a word of the subject.
        let adverb_before = a >= 2
            && s.lang.sets.claim_aux.contains(prev)
            && s.toks[a - 2].word
            && !s.lang.sets.claim_not_after.contains(s.w(a - 2));
        if (s.lang.sets.claim_not_after.contains(prev) && !speaker_before && !adverb_before)
            || prev_is_number
            || object_not_speech
            || (!quoted
                && !clause_after
                && !denials.iter().any(|&(x, _)| x == a)
                && s.lang.sets.claim_not_before.contains(s.w(b)))
        {
            continue;
        }
        let before_is_word = a > 0
            && (s.toks[a - 1].word
                || s.w(a - 1) == ")"
                || (s.w(a - 1) == "»" && quoted_name_start(s, a - 1).is_some()));
        let after = subject_after(s, b).map(|r| past_channel(s, r));
        let before = if before_is_word || (a > 0 && s.w(a - 1) == ",") {
            subject_before(s, a)
        } else {
            None
        };
        let appositive = a > 0 && s.w(a - 1) == "," && before.is_some();
        // "The agency quoted Vitaly Andronaty, …, as saying that …": the one quoted speaks,
        // the outlet quoting him only relays.
        let quoting = s.lang.sets.claim_quoting_verbs.contains(s.w(a))
            && s.matches(&s.lang.claim_quoted_as)
                .iter()
                .any(|&(x, _)| x >= b && x < b + 16);
        let accusing = s.lang.sets.claim_accusing_verbs.contains(s.w(a));
        let (pick, other) = if quoting && after.is_some() {
            (after, before)
        } else if accusing {
            (before, None)
        } else if s.lang.data.claimant.verb_first {
            // "сообщает пресс-служба …" vs "Минобороны озвучило потери": a capitalised
            // name (or a preposition before one) after the verb wins, else the subject before.
            let cap_after = after.is_some_and(|(x, _)| {
                s.is_upper(x) || (s.toks[x].lower.chars().count() <= 2 && s.is_upper(x + 1))
            });
            // "Про це міністр написав у соцмережі": the words between the pointer back and
            // the verb are its subject, whatever follows the verb.
            let pointed = after_backward(s, a).filter(|&r| found(s, r).is_some());
            let before = before.filter(|_| !raw_start_is(s, a, &s.lang.sets.not_subject_start));
            // "…, повідомив голова ОВА": after a comma the subject follows the verb.
            let after_comma = a > 0 && matches!(s.w(a - 1), "," | "—" | "–" | "-");
            // "Источник сообщил ТАСС, что …", "…, повідомило Укрінформу джерело": an outlet
            // right after the verb is the one told; the speaker is the subject around it.
            let told_outlet = after.filter(|&(x, _)| relay_word(s, x));
            let after = match told_outlet {
                Some((x, y)) if y > x + 1 => Some((x + 1, y)),
                _ => after,
            };
            // "Министерство …, подконтрольное ХАМАС, сообщило о гибели": what follows the
            // verb is its object; the subject is before it, past the inserted clause.
            let object_after = matches!(s.w(b), "о" | "об" | "про" | "что" | "що" | ",");
            if pointed.is_some() {
                (pointed, None)
            } else if before.is_some() && (object_after || told_outlet.is_some() && !after_comma) {
                (before, None)
            } else if cap_after || after_comma {
                (after, None)
            } else {
                (before.or(after), after)
            }
        } else if before_is_word || quoted || appositive {
            // "…, said Interior Minister X" after a quoted word: the subject follows.
            (before, after.filter(|_| appositive))
        } else {
            // "“…,” said the representative" or ", said X".
            (after.or(before), before)
        };
        // The first of the two that names a speaker.
        if let Some(mut f) = pick
            .and_then(|r| found(s, r))
            .or_else(|| other.and_then(|r| found(s, r)))
        {
            // "Al-Shabaab claimed responsibility for the attack, in which …, police said": a
            // group that owns an attack gives no figure of it unless no one else does.
            f.issuer |= matches!(s.w(b), "responsibility" | "credit")
                || (s.w(a) == "claimed"
                    && matches!(s.w(b), "the" | "an" | "a")
                    && matches!(
                        s.w(b + 1),
                        "attack"
                            | "attacks"
                            | "bombing"
                            | "bombings"
                            | "ambush"
                            | "assault"
                            | "raid"
                    ));
            out.push((a, f));
        }
    }
    // "The members of the Security Council condemned the attack, which killed …": the
    // issuer of a statement that names itself.
    for (a, _) in s.matches(&s.lang.claim_issuer_verbs) {
        if a == 0 {
            continue;
        }
        if let Some(mut f) = subject_before(s, a).and_then(|r| found(s, r))
            && !f.pronoun
        {
            f.issuer = true;
            out.push((a, f));
        }
    }
    if let Some(tail) = dash_signature(s) {
        out.push(tail);
    }
    out.sort_by_key(|(p, _)| *p);
    out
}
