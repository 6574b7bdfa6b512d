//! Speakers a sentence names outside its grammar: a heading before a colon ("Statement by
//! the Ministry of Defence of Armenia: …", "UNICEF: …") and a signature after a closing dash
//! ("…, — Синєгубов.").

use super::claimant::Found;
use super::claimant_shape::found;
use super::sentence::Sent;

/// The words that name a heading itself ("Operational update:", "…, weekly summary:").
const HEADING_KIND_NOUNS: &[&str] = &[
    "statement",
    "update",
    "release",
    "communique",
    "communiqué",
    "briefing",
    "bulletin",
    "report",
    "announcement",
    "information",
    "summary",
];

/// The words that qualify a heading's kind ("daily", "press", "operational").
const HEADING_KIND_QUALIFIERS: &[&str] = &[
    "operational",
    "press",
    "daily",
    "weekly",
    "monthly",
    "situation",
    "news",
    "flash",
];

/// True when `w` names or qualifies a heading's kind, after its issuer ("— Operational
/// update:").
fn heading_kind(w: &str) -> bool {
    HEADING_KIND_NOUNS.contains(&w) || HEADING_KIND_QUALIFIERS.contains(&w)
}

/// The end of the issuer in tokens `[start, end)` without the heading's kind after it
/// ("Security Council press statement" → "Security Council"); a kind after "of" is the
/// issuer's own name ("Ministry of Information").
fn without_kind(s: &Sent, start: usize, mut end: usize) -> usize {
    while end > start + 1
        && heading_kind(s.w(end - 1))
        && !matches!(s.w(end - 2), "of" | "for" | "and" | "the")
    {
        end -= 1;
    }
    end
}

/// "Артём Индюков, офицер СЦКК: «…»": a speaker before a colon that opens a quotation. A
/// short head that names a speaker's body opens a report too ("Генштаб ВСУ: за сутки …").
pub(super) fn colon_speaker(s: &Sent) -> Option<(usize, Found)> {
    let colon = s.toks.iter().position(|t| t.lower == ":")?;
    // "Press release:", "Operational update:": a heading that names only its kind names no
    // issuer.
    if colon > 0 && (0..colon).all(|k| heading_kind(s.w(k))) {
        return None;
    }
    // "Statement by the Ministry of Defence of Armenia: …", "Press release of the Indian
    // Army: …": the heading names the issuer after its "by" or "of".
    let heading = match (s.w(0), s.w(1), s.w(2)) {
        ("statement" | "communique" | "communiqué" | "announcement", "by" | "of" | "from", _) => 2,
        ("press", "release" | "statement", "by" | "of" | "from") => 3,
        _ => 0,
    };
    if let Some(f) = comma_heading(s, heading, colon) {
        return Some((0, f));
    }
    if heading > 0 && colon > heading && colon <= heading + 10 && s.is_cap(0) {
        return found(s, (heading, colon)).map(|f| (0, f));
    }
    // "Ministry of Defence of Azerbaijan — Operational update: …", "Ministry of Health -
    // Gaza | Statement: …": the issuer before a dash or bar that opens the heading's kind.
    if colon <= 16
        && s.is_cap(0)
        && let Some(sep) = (1..colon)
            .rev()
            .find(|&k| matches!(s.w(k), "—" | "–" | "-" | "|"))
        && sep + 1 < colon
        && sep + 4 >= colon
        && (sep + 1..colon).all(|k| heading_kind(s.w(k)))
    {
        return found(s, (0, sep)).map(|f| (0, f));
    }
    let next = s.w(colon + 1);
    let quotes = matches!(next, "«" | "“" | "\"" | "„");
    // A longer head is a name in capitals ("Information Team of the State Administration
    // Council:", "Inter-Services Public Relations (ISPR):") or ends in a person's name ("Врио
    // губернатора Запорожской области Евгений Балицкий:").
    // Brackets and quotes stay inside a name ("Оперативне командування «Південь»:").
    let bracket = |k: usize| matches!(s.w(k), "(" | ")" | "«" | "»" | "“" | "”" | "\"" | "„");
    let title_case = (0..colon).all(|k| {
        bracket(k) || s.is_cap(k) || matches!(s.w(k), "of" | "the" | "and" | "for" | "on")
    });
    let ends_in_name = colon >= 2 && s.is_cap(colon - 1) && s.is_cap(colon - 2);
    // "Border Service of the State Committee for National Security of the Kyrgyz Republic:"
    let long_title = colon <= 16 && title_case;
    let speakers = s.matches(&s.lang.claim_speakers);
    // "Координаційний штаб з питань поводження з військовополоненими:": a speaker's noun
    // that opens the heading heads a longer name.
    let opens_with_speaker =
        !heading_kind(s.w(0)) && speakers.iter().any(|&(a, b)| a <= 1 && b <= colon);
    let head = (colon <= 5 || colon <= 9 && (ends_in_name || opens_with_speaker) || long_title)
        && (0..colon).all(|k| s.toks[k].word || bracket(k))
        && speakers.iter().any(|&(a, b)| b <= colon && a < colon);
    // "Зеленський: …": a lone Russian or Ukrainian surname heads a
    // report as its speaker ("Пушилин: в Горловке погибли двое").
    let surname = colon == 1 && slavic_surname(s.w(0));
    if colon == 0
        || colon > 10 && !(head && long_title)
        || !(quotes || head || surname)
        || !s.is_cap(0)
    {
        return None;
    }
    // "Local police official Nasim Hayat told AFP: “…”": the verb names the speaker.
    if s.matches(&s.lang.claim_verbs)
        .iter()
        .any(|&(a, _)| a > 0 && a < colon)
    {
        return None;
    }
    found(s, (0, without_kind(s, 0, colon))).map(|f| (0, f))
}

/// "Ministry of Defence of Azerbaijan, operational information:", "Indian Army spokesperson,
/// Northern Command:", "Defence Headquarters, Director Defence Media Operations, Maj Gen
/// Edward Buba:": a heading of parts between commas, each in capitals, that names a speaker
/// (a speaker's noun or body) issues the report; a last part that names the heading's kind
/// ("weekly update") is left out. The parts from `start` (after "Statement by") to the colon are read.
fn comma_heading(s: &Sent, start: usize, colon: usize) -> Option<Found> {
    if colon > start + 20 || !s.is_cap(0) {
        return None;
    }
    let commas: Vec<usize> = (start + 1..colon).filter(|&k| s.w(k) == ",").collect();
    let last = *commas.last()?;
    // "…, information:", "…, weekly update:", "…, operational update as of 08:00:" (not
    // "…, Operational Command South:").
    let end = if (last + 1..colon).any(|k| HEADING_KIND_NOUNS.contains(&s.w(k))) {
        last
    } else {
        colon
    };
    // "…, 25 June 2017:": a date after a comma (a day and its month) is no part of the
    // issuer, nor what follows ("…, 7 Division:" is).
    let dated = commas
        .iter()
        .copied()
        .find(|&c| {
            c < end
                && s.w(c + 1).starts_with(|ch: char| ch.is_ascii_digit())
                && s.lang.sets.months.contains(s.w(c + 2))
        })
        .unwrap_or(end);
    // "Sudanese Armed Forces statement, …": the heading's kind after the issuer is left out.
    let end = without_kind(s, start, dated);
    let speakers = s.matches(&s.lang.claim_speakers);
    let speaker_at = |k: usize| speakers.iter().any(|&(a, b)| a <= k && k < b);
    let capital = |k: usize| s.is_cap(k) || s.w(k).starts_with(|c: char| c.is_ascii_digit());
    let joins = |k: usize| matches!(s.w(k), "of" | "the" | "and" | "for" | "on" | "in" | "at");
    // Each part opens in capitals and holds only capitals, joining words and speakers' nouns.
    let parts_ok = (start..end).all(|k| {
        let opens = k == start || s.w(k - 1) == ",";
        match s.w(k) {
            "," => k > start && s.w(k - 1) != ",",
            "(" | ")" => true,
            _ if !s.toks[k].word => false,
            _ if opens => capital(k) || s.w(k) == "the",
            _ => capital(k) || joins(k) || speaker_at(k),
        }
    });
    if !parts_ok || !speakers.iter().any(|&(a, b)| a >= start && b <= end) {
        return None;
    }
    found(s, (start, end))
}

/// "…щонайменше 15 людей зазнали поранень, — Синєгубов.": a name after a closing dash,
/// with nothing after it, signs the sentence as its source; so does a speaker's noun in a
/// headline ("Двое военных погибли при обстреле КПП — губернатор") and a name after a
/// spaced hyphen ("Five killed in attack on plant - Interior Minister Ali Yerlikaya").
pub(super) fn dash_signature(s: &Sent) -> Option<(usize, Found)> {
    let mut end = s.toks.len();
    while end > 0 && !s.toks[end - 1].word {
        end -= 1;
    }
    let dash = (end.saturating_sub(5)..end)
        .rev()
        .find(|&k| matches!(s.w(k), "—" | "–" | "-"))?;
    // "— IDF Spokesperson" alone signs the sentences before it.
    if (dash > 0 && dash < 3) || dash + 1 >= end {
        return None;
    }
    let speaker_noun = || {
        s.matches(&s.lang.claim_speakers)
            .iter()
            .any(|&(a, _)| a == dash + 1)
    };
    if !s.is_cap(dash + 1) && !speaker_noun() {
        return None;
    }
    if !(dash + 1..end).all(|k| s.toks[k].word || s.w(k) == "-" || s.w(k) == ".") {
        return None;
    }
    let mut f = found(s, (dash + 1, end))?;
    f.according = true;
    Some((dash, f))
}

/// Endings of Russian and Ukrainian surnames (lowercase), for a heading of one word.
const SLAVIC_SURNAME_ENDINGS: &[&str] = &[
    "ський",
    "цький",
    "ська",
    "цька",
    "ский",
    "цкий",
    "ская",
    "цкая",
    "енко",
    "ов",
    "ова",
    "ев",
    "ева",
    "єв",
    "єва",
    "ин",
    "ина",
    "ін",
    "іна",
    "ук",
    "юк",
    "ич",
];

/// True when a lone Cyrillic word reads as a surname ("зеленський", "пушилин").
fn slavic_surname(w: &str) -> bool {
    w.chars().count() >= 4
        && w.chars()
            .all(|c| ('\u{400}'..='\u{4FF}').contains(&c) || c == '\'' || c == '’')
        && SLAVIC_SURNAME_ENDINGS.iter().any(|e| w.ends_with(e))
}
