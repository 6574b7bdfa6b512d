//! The shape of a claimant: what a token range the search in `claimant` found must look like
//! to name a speaker, and its repair. A claimant is a speaker's noun phrase (TAGS.md): trimmed
//! of stop words and punctuation, of the channel it was said in ("написав у телеграм-каналі")
//! and of the data its owner put out ("UN figures" → "UN"); never a relative, preposition,
//! negation, clause, date or dateline, and a fragment that holds a speaker is cut to it. Where
//! a speaker sits in a sentence is `claimant`'s concern; what a speaker may be is this one's.

use super::claimant::Found;
use super::sentence::Sent;

/// The claimant the tokens `range` of `s` name, cut to a speaker: an owner is kept without
/// the data it put out ("UN figures" → "UN"), a channel or the verb that issued a statement is
/// dropped, and the rest must be a speaker's noun phrase (`speaker_phrase`). A pronoun or "the
/// governor" is kept as written and flagged, to be resolved against the passage; a relaying
/// outlet or an ownerless report is flagged as a relay. `None` when the range names no speaker.
pub(super) fn found(s: &Sent, range: (usize, usize)) -> Option<Found> {
    let (mut a, mut b, owner) = agent(s, range)?;
    // "al-Shabaab released a statement saying": the owner, without the verb that put the
    // statement out (the statement noun itself is trimmed before).
    let sets = &s.lang.sets;
    let mut k = b;
    while k > a && sets.claim_article.contains(s.w(k - 1)) {
        k -= 1;
    }
    if k > a + 1 && sets.claim_issue_verbs.contains(s.w(k - 1)) {
        b = k - 1;
    }
    // "говорится в сообщении", "написав у телеграм-каналі": the message or channel names
    // no speaker; an owner after it does ("в сообщении Минобороны").
    let channel = |k: usize| {
        s.toks[k].word && s.lang.claim_channels.is_exactly(s.text_of(k, k + 1))
            || !s.toks[k].word && s.w(k) == "-"
    };
    while a < b && channel(a) {
        a += 1;
    }
    if a == b {
        return None;
    }
    // "the governor", like "he", takes up a speaker the passage named before.
    let lone_pronoun = b - a == 1 && sets.pronouns.contains(s.w(a))
        || b - a == 2
            && sets.definite.contains(s.w(a))
            && sets.anaphoric_titles.contains(s.w(a + 1));
    let (a, b) = if lone_pronoun {
        (a, b)
    } else {
        speaker_phrase(s, a, b)?
    };
    let mut name = s.text_of(a, b).trim().to_string();
    if owner {
        for suffix in ["'s", "’s"] {
            if let Some(n) = name.strip_suffix(suffix) {
                name = n.to_string();
            }
        }
    }
    if name.is_empty() || name.chars().all(|c| !c.is_alphabetic()) {
        return None;
    }
    // An ownerless report ("initial reports") is, like a relaying outlet, a source only
    // when nothing else is named.
    let report = ends_in_report(s, b) && !owner;
    let relay = report || s.lang.relays.is_exactly(&name);
    Some(Found {
        name,
        pronoun: lone_pronoun,
        relay,
        issuer: false,
        according: false,
    })
}

/// A claimant is an agent: "preliminary data", "official estimates" name no speaker; "UN
/// figures" and "the ministry's data" keep their owner ("UN", "the ministry"); an ownerless
/// report ("initial reports") stays whole.
fn agent(s: &Sent, (a, mut b): (usize, usize)) -> Option<(usize, usize, bool)> {
    let sets = &s.lang.sets;
    let before = b;
    // "according to the agreement reached in Sochi", "an internal document seen by Reuters":
    // an unnamed abstract head with its participle speaks for no one; its agent does
    // ("figures compiled by the UN", "figures released on Wednesday by the UN" → "the UN").
    if let Some(h) = (a..b).find(|&k| sets.abstract_heads.contains(s.w(k)))
        && (a..h).all(|k| !s.is_cap(k) || sets.abstract_modifiers.contains(s.w(k)))
        && h + 1 < b
        && (s.w(h + 1).ends_with("ed") || matches!(s.w(h + 1), "seen" | "made" | "drawn"))
    {
        return (h + 2..b)
            .find(|&k| s.w(k) == "by")
            .filter(|&k| k + 1 < b)
            .map(|k| (k + 1, b, true));
    }
    // "Ministry of Information": a capitalised head after "of" ends a name.
    while b > a
        && sets.abstract_heads.contains(s.w(b - 1))
        && !(b >= a + 2 && s.is_cap(b - 1) && s.w(b - 2) == "of")
    {
        b -= 1;
    }
    if b == before {
        return Some((a, b, false));
    }
    let named = (a..b).any(|k| s.toks[k].word && !sets.abstract_modifiers.contains(s.w(k)));
    if named {
        Some((a, b, true))
    } else {
        ends_in_report(s, before).then_some((a, before, false))
    }
}

/// True when the phrase ending before token `b` ends in a report noun ("initial reports").
fn ends_in_report(s: &Sent, b: usize) -> bool {
    b > 0 && s.lang.sets.report_heads.contains(s.w(b - 1))
}

/// A claimant is a speaker's noun phrase (TAGS.md): it never starts with a relative,
/// preposition, negation, conjunction or pronoun, is never a clause ("Twitter it had left"),
/// a date or a dateline ("MOGADISHU, Aug 12"), and it holds a name (a capitalised word that
/// is no weekday, month or determiner), a speaker's noun ("local officials") or is a noun
/// phrase with its article ("a local teacher"). A phrase that fails is repaired where a
/// speaker sits inside it: a relative before a name ("which Moscow said" → "Moscow"), the
/// subject before a clause ("Santos was cited as saying" → "Santos"), the name after a clause
/// ("… raised the risk and Abdul Latif Fazly said" → "Abdul Latif Fazly").
fn speaker_phrase(s: &Sent, a: usize, b: usize) -> Option<(usize, usize)> {
    let sets = &s.lang.sets;
    if a >= b {
        return None;
    }
    if sets.claim_relative.contains(s.w(a)) && b - a > 1 {
        return speaker_phrase(s, a + 1, b);
    }
    // "a military official who asked not to be named": a relative clause after the speaker
    // describes it and is no part of it.
    if let Some(k) = (a + 1..b).find(|&k| s.w(k) == "who")
        && plain_speaker(s, a, k)
    {
        return Some((a, k));
    }
    // "…, while a spokesman for the group claimed": the clause's own subject; with none
    // ("X took credit for the attack but disputed the toll") the subject before it.
    if let Some(k) = (a..b).rev().find(|&k| sets.claim_opener.contains(s.w(k))) {
        return speaker_phrase(s, k + 1, b).or_else(|| speaker_phrase(s, a, k));
    }
    if let Some(k) = (a..b).find(|&k| sets.claim_clause.contains(s.w(k))) {
        let last = (a..b)
            .rev()
            .find(|&k| sets.claim_clause.contains(s.w(k)) || sets.conj.contains(s.w(k)))
            .unwrap_or(k);
        return plain_speaker(s, last + 1, b)
            .then_some((last + 1, b))
            .or_else(|| plain_speaker(s, a, k).then_some((a, k)));
    }
    plain_speaker(s, a, b).then_some((a, b))
}

/// True when the tokens `a..b` are a claimant as they stand: `speaker_phrase` without repairs.
pub(super) fn plain_speaker(s: &Sent, a: usize, b: usize) -> bool {
    let sets = &s.lang.sets;
    // "WHO condemns …": an acronym is a name, whatever word it spells.
    let acronym = {
        let w = s.text_of(a, a + 1);
        w.chars().count() > 1 && w.chars().all(char::is_uppercase)
    };
    if a >= b || sets.claim_bad_start.contains(s.w(a)) && !acronym {
        return false;
    }
    if (a..b).any(|k| sets.claim_clause.contains(s.w(k))) {
        return false;
    }
    let dateline = a == 0
        && b == 1
        && s.w(1) == ","
        && (sets.claim_not_name.contains(s.w(2)) || s.is_cap(2) && s.w(2).len() <= 4)
        && s.text_of(0, 1).chars().all(|c| !c.is_lowercase());
    if dateline {
        return false;
    }
    let named = (a..b).any(|k| {
        s.toks[k].word && !sets.claim_not_name.contains(s.w(k)) && has_capital(s.text_of(k, k + 1))
    });
    let with_article = b - a >= 2 && sets.claim_article.contains(s.w(a));
    // "initial reports", "local reports": a report with no owner is its own source.
    named
        || with_article
        || ends_in_report(s, b)
        || s.matches(&s.lang.claim_speakers)
            .iter()
            .any(|&(x, y)| a <= x && y <= b)
}

/// A word that starts with a capital, or has one after a hyphen or apostrophe ("al-Jabouri").
pub(super) fn has_capital(w: &str) -> bool {
    let mut prev: Option<char> = None;
    for c in w.chars() {
        if c.is_uppercase() && prev.is_none_or(|p| matches!(p, '-' | '\'' | '’')) {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// Trim a token range of stop/strip words and punctuation at both ends.
pub(super) fn trim(s: &Sent, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
    let sets = &s.lang.sets;
    while a < b && (!s.toks[a].word || sets.claim_strip.contains(s.w(a))) {
        if s.w(a) == "(" {
            break;
        }
        a += 1;
    }
    while b > a
        && (!s.toks[b - 1].word && s.w(b - 1) != ")" || sets.claim_strip.contains(s.w(b - 1)))
    {
        b -= 1;
    }
    // "Движение «Талибан»": a quotation mark opened inside the name closes with it.
    if b < s.toks.len() && s.w(b) == "»" && (a + 1..b).any(|k| s.w(k) == "«") {
        b += 1;
    }
    (a < b).then_some((a, b))
}

/// "сообщил в Telegram глава города …", "написав у соцмережі Х міністр": a place or channel
/// between the verb and the speaker is no part of the speaker. Only a speaker's noun right
/// after one or two words of it ends it ("в Минобороны России" stays whole).
pub(super) fn past_channel(s: &Sent, (a, b): (usize, usize)) -> (usize, usize) {
    let sets = &s.lang.sets;
    // The range is already trimmed: its preposition sits right before it.
    let after_preposition = a > 0
        && (sets.claim_bad_start.contains(s.w(a - 1)) || sets.claim_strip.contains(s.w(a - 1)));
    if !after_preposition {
        return (a, b);
    }
    let speakers = s.matches(&s.lang.claim_speakers);
    // Two words at most ("телеграм-каналі" is one, its hyphen no word), besides a place's
    // adjectives ("в Херсонській міській військовій адміністрації").
    let words_before = |k: usize| {
        (a..k)
            .filter(|&j| s.toks[j].word && !place_adjective(s, j))
            .count()
    };
    let Some(noun) = (a + 1..(a + 5).min(b))
        .take_while(|&k| words_before(k) <= 2)
        .find(|&k| speakers.iter().any(|&(x, _)| x == k) && plain_speaker(s, k, b))
    else {
        return (a, b);
    };
    // "в заявлении малийской армии": after a message noun, the lowercase words before the
    // speaker's noun are its adjectives ("малийской"), not more of the channel.
    let mut k = a;
    while k < noun && (s.lang.claim_channels.is_exactly(s.text_of(k, k + 1)) || !s.toks[k].word) {
        k += 1;
    }
    let adjectives = (k..noun).all(|j| s.toks[j].word && (!s.is_cap(j) || place_adjective(s, j)));
    // "повідомили в міській раді": with no channel before it, lowercase words before the
    // speaker's noun are its adjectives too.
    if adjectives { (k, b) } else { (noun, b) }
}

/// True when token `j` is an adjective of a place in an oblique case, capitalised or not
/// ("Харківській", "Курской", "міській"): part of the body it qualifies, never a channel.
fn place_adjective(s: &Sent, j: usize) -> bool {
    const ENDINGS: [&str; 14] = [
        "ській",
        "ської",
        "ському",
        "цькій",
        "цької",
        "цькому",
        "зькій",
        "зької",
        "ской",
        "ском",
        "ского",
        "цкой",
        "цком",
        "цкого",
    ];
    let w = s.w(j);
    ENDINGS.iter().any(|e| w.ends_with(e))
        || (!s.is_cap(j) && (w.ends_with("ій") || w.ends_with("ой")))
}
