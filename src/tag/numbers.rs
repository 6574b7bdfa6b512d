//! Tokens and counts: digits ("1,200", "23 367", "25.000", "2,7 тысячи"), number words
//! ("seven", "twenty-four", "two hundred", "двое"), fixed approximate phrases ("a dozen" =
//! 12, "half a dozen" = 6), ordinals ("the sixth"), ranges ("10 to 15" = 10, approx),
//! approximation markers ("at least", "до") and vague quantities ("dozens", "десятки").

use super::lexicon::{Lang, fold, is_alphanumeric};

/// One token of a sentence: a word (letters, digits and inner `-'’.,:`) or one other char.
#[derive(Debug, Clone)]
pub struct Token {
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Lowercase form.
    pub lower: String,
    /// True for a word, false for punctuation.
    pub word: bool,
}

/// True when the lowercase word `w` is a number: it starts with a digit ("12", "1,200",
/// "3rd") or is a number word of the lexicon ("twelve", "двое").
pub fn is_number_word(lang: &Lang, w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit()) || lang.data.numbers.words.contains_key(w)
}

/// Split `text[start..end]` into tokens with absolute byte offsets.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    tokenize_folded(text, start, end, None)
}

/// True for "U.N", "U.S", "D.R": single letters joined by dots.
fn is_dotted_acronym(w: &str) -> bool {
    w.contains('.') && w.split('.').all(|seg| seg.chars().count() == 1)
}

/// `tokenize`, with `folded` = `lexicon::fold(&text[start..end])` when known: a word's
/// lowercase form is then its slice of `folded` (the same as `str::to_lowercase` there).
pub fn tokenize_folded(text: &str, start: usize, end: usize, folded: Option<&str>) -> Vec<Token> {
    let Some(s) = text.get(start..end) else {
        return Vec::new();
    };
    let folded = folded.filter(|f| f.len() == s.len());
    // An ASCII byte is a character of its own (and always on a boundary).
    let at = |i: usize| match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => s.get(i..).and_then(|r| r.chars().next()),
    };
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut p = 0;
    while let Some(c) = at(p) {
        if c.is_whitespace() {
            p += c.len_utf8();
            continue;
        }
        if is_alphanumeric(c) {
            let mut prev = c;
            let mut j = p + c.len_utf8();
            while let Some(cj) = at(j) {
                if is_alphanumeric(cj) {
                    prev = cj;
                    j += cj.len_utf8();
                    continue;
                }
                // Inner "-'’.,:" joins two word characters; a comma only two digits.
                let k = j + cj.len_utf8();
                match at(k) {
                    Some(n)
                        if matches!(cj, '-' | '\'' | '’' | '.' | ',' | ':')
                            && is_alphanumeric(n)
                            && (cj != ',' || (prev.is_ascii_digit() && n.is_ascii_digit())) =>
                    {
                        prev = n;
                        j = k + n.len_utf8();
                    }
                    _ => break,
                }
            }
            // "U.N.", "U.S.": an acronym of dotted letters keeps its last dot.
            if at(j) == Some('.') && is_dotted_acronym(s.get(p..j).unwrap_or("")) {
                j += 1;
            }
            let w = s.get(p..j).unwrap_or("");
            out.push(Token {
                start: start + p,
                end: start + j,
                lower: if let Some(f) = folded.and_then(|f| f.get(p..j)) {
                    f.to_string()
                } else if w.is_ascii() {
                    w.to_ascii_lowercase()
                } else {
                    fold(w).unwrap_or_else(|| w.to_lowercase())
                },
                word: true,
            });
            p = j;
        } else {
            let e = p + c.len_utf8();
            out.push(Token {
                start: start + p,
                end: start + e,
                lower: c.to_string(),
                word: false,
            });
            p = e;
        }
    }
    out
}

/// A count found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    /// Index of its first token (approximation markers included).
    pub first: usize,
    /// Index one past its last token.
    pub last: usize,
    /// Index of the first token of the number itself (after markers).
    pub num_first: usize,
    /// The value; None for vague quantities.
    pub value: Option<u64>,
    /// Approximate.
    pub approx: bool,
    /// True for ordinals ("the sixth"), which count only with a cue right after them.
    pub ordinal: bool,
}

/// Parse a digit token: "1,200", "25.000", "2,7", "8.8", "45". Returns (value, fraction).
fn parse_digits(t: &str) -> Option<(u64, f64)> {
    if !t.starts_with(|c: char| c.is_ascii_digit())
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let groups: Vec<&str> = t.split([',', '.']).collect();
    if groups.len() == 1 {
        return t.parse().ok().map(|v| (v, 0.0));
    }
    if groups[1..].iter().all(|g| g.len() == 3) && groups[0].len() <= 3 {
        return groups.concat().parse().ok().map(|v| (v, 0.0));
    }
    if groups.len() == 2 {
        // "18.00", "06.30": a clock time.
        if t.contains('.') && groups[0].len() <= 2 && groups[1].len() == 2 {
            return None;
        }
        let whole: u64 = groups[0].parse().ok()?;
        let frac: f64 = format!("0.{}", groups[1]).parse().ok()?;
        return Some((whole, frac));
    }
    None
}

fn word_value(lang: &Lang, w: &str) -> Option<u64> {
    if let Some(v) = lang.data.numbers.words.get(w) {
        return Some(*v);
    }
    // "twenty-four" adds up; "пяти-шести" is a range: its lower bound.
    if let Some(lo) = word_range(lang, w) {
        return Some(lo);
    }
    let (a, b) = w.split_once('-')?;
    let (a, b) = (
        *lang.data.numbers.words.get(a)?,
        *lang.data.numbers.words.get(b)?,
    );
    a.checked_add(b)
}

/// "five-six", "пяти-шести": two number words that do not form tens + units.
fn word_range(lang: &Lang, w: &str) -> Option<u64> {
    let (a, b) = w.split_once('-')?;
    let (a, b) = (
        *lang.data.numbers.words.get(a)?,
        *lang.data.numbers.words.get(b)?,
    );
    let compound = a >= 20 && a % 10 == 0 && a < 100 && b < 10;
    (!compound).then_some(a.min(b))
}

fn scale(lang: &Lang, w: &str) -> Option<u64> {
    lang.data.numbers.scales.get(w).copied()
}

/// Read one number starting at token `i`: returns (value, fraction-aware, tokens used).
fn read_number(lang: &Lang, toks: &[Token], i: usize) -> Option<(u64, usize)> {
    let t = toks.get(i)?;
    if let Some((mut v, frac)) = parse_digits(&t.lower) {
        let mut used = 1;
        // "23 367", "729 720": a space-separated group of exactly three digits.
        while let Some(n) = toks.get(i + used) {
            let gap = n.start.saturating_sub(toks[i + used - 1].end);
            if frac == 0.0
                && n.lower.len() == 3
                && n.lower.chars().all(|c| c.is_ascii_digit())
                && gap <= 3
                && t.lower.len() <= 3
                && !t.lower.contains([',', '.'])
            {
                v = v.checked_mul(1000)?.checked_add(n.lower.parse().ok()?)?;
                used += 1;
            } else {
                break;
            }
        }
        if let Some(sc) = toks.get(i + used).and_then(|n| scale(lang, &n.lower)) {
            let total = (v as f64 + frac) * sc as f64;
            return Some((total as u64, used + 1));
        }
        if frac != 0.0 {
            return None; // a decimal with no scale is a measure, not a head count
        }
        return Some((v, used));
    }
    // A scale word alone counts after an approximation marker or "a": "около миллиона" =
    // 1,000,000, "a thousand" = 1,000 (a plural "тысячи", "thousands" is vague, not a scale).
    // The scale word is looked up first: the marker before it is a regex match, too dear to
    // try before every word of a sentence.
    let lone_scale = || {
        let sc = scale(lang, &t.lower)?;
        let prev = i.checked_sub(1).and_then(|p| toks.get(p))?;
        let after_marker = prev.lower == "a" || lang.approx_before.is_exactly(&prev.lower);
        (after_marker && !lang.vague.is_exactly(&t.lower)).then_some(sc)
    };
    // "Both soldiers" are two; "both sides", "both of them", "both countries" count no one.
    if t.lower == "both"
        && toks.get(i + 1).is_none_or(|n| {
            !n.word
                || matches!(
                    n.lower.as_str(),
                    "sides"
                        | "parties"
                        | "countries"
                        | "nations"
                        | "states"
                        | "governments"
                        | "armies"
                        | "camps"
                        | "of"
                        | "and"
                        | "the"
                        | "in"
                        | "sides'"
                )
        })
    {
        return None;
    }
    let first = word_value(lang, &t.lower).or_else(lone_scale)?;
    let mut total = 0u64;
    let mut current = first;
    let mut used = 1;
    while let Some(n) = toks.get(i + used) {
        if let Some(sc) = scale(lang, &n.lower) {
            current = current.checked_mul(sc)?;
            if sc >= 1000 {
                total = total.checked_add(current)?;
                current = 0;
            }
            used += 1;
        } else if let Some(v) = word_value(lang, &n.lower) {
            if current % 10 == 0 || current >= 100 {
                current = current.checked_add(v)?;
                used += 1;
            } else {
                break;
            }
        } else if lang.sets.conj.contains(&n.lower)
            && n.lower == "and"
            && toks
                .get(i + used + 1)
                .and_then(|x| word_value(lang, &x.lower))
                .is_some()
            && current >= 100
        {
            used += 1;
        } else {
            break;
        }
    }
    Some((total.checked_add(current)?, used))
}

fn is_year(lang: &Lang, toks: &[Token], i: usize, value: u64, used: usize) -> bool {
    let t = &toks[i];
    let plain = t.lower.len() == 4 && t.lower.chars().all(|c| c.is_ascii_digit());
    if !plain || !(1900..=2100).contains(&value) || used != 1 {
        return false;
    }
    let before = i.checked_sub(1).and_then(|p| toks.get(p));
    let after = toks.get(i + 1);
    before.is_some_and(|b| {
        lang.sets.year_before.contains(&b.lower)
            || lang.sets.months.contains(&b.lower)
            || b.lower == ","
            // "the 1977 Red Terror killings", "the 1994 genocide": a count after "the" is
            // written with a separator.
            || b.lower == "the" && after.is_some_and(|a| a.word) && value <= 2030
    }) || after.is_some_and(|a| !a.word || lang.sets.not_count_after.contains(&a.lower))
}

/// Find the counts of a sentence's tokens: the sentence is `text[sent.0..sent.1]` and
/// `folded` its `lexicon::fold` (None when it does not fold).
pub fn find_counts(
    lang: &Lang,
    text: &str,
    toks: &[Token],
    sent: (usize, usize),
    folded: Option<&str>,
) -> Vec<Count> {
    let Some(s) = text.get(sent.0..sent.1) else {
        return Vec::new();
    };
    let to_tok = |b: usize| toks.iter().position(|t| t.start >= b).unwrap_or(toks.len());
    let to_tok_end = |b: usize| toks.iter().position(|t| t.start >= b).unwrap_or(toks.len());
    let marks: Vec<(usize, usize)> = lang
        .approx_before
        .find_all_folded(s, folded)
        .into_iter()
        .map(|(a, b)| (to_tok(sent.0 + a), to_tok_end(sent.0 + b)))
        .collect();
    let mut out: Vec<Count> = Vec::new();
    let mut taken = vec![false; toks.len()];
    // Fixed approximate phrases first ("half a dozen" before "a dozen").
    // `fold` is `to_lowercase` wherever it is defined.
    let lower = folded.map_or_else(|| s.to_lowercase(), str::to_owned);
    if lower.len() == s.len() {
        for (phrase, v) in &lang.approx_phrases {
            let mut from = 0;
            while let Some(p) = lower[from..].find(phrase.as_str()) {
                let a = sent.0 + from + p;
                let b = a + phrase.len();
                from += p + phrase.len();
                let (ta, tb) = (to_tok(a), to_tok_end(b));
                if ta < tb
                    && tb <= toks.len()
                    && toks[ta].start == a
                    && !taken[ta..tb].iter().any(|x| *x)
                {
                    taken[ta..tb].iter_mut().for_each(|x| *x = true);
                    out.push(Count {
                        first: ta,
                        last: tb,
                        num_first: ta,
                        value: Some(*v),
                        approx: true,
                        ordinal: false,
                    });
                }
            }
        }
    }
    for (a, b) in lang.vague.find_all_folded(s, folded) {
        let (ta, tb) = (to_tok(sent.0 + a), to_tok_end(sent.0 + b));
        // "12 тысяч", "2,7 тысячи": a scale word after a number is no vague quantity.
        let after_number = ta > 0 && read_number(lang, toks, ta - 1).is_some();
        // "how many people were killed" asks; it counts no one.
        let asked = ta > 0 && lang.sets.asking.contains(&toks[ta - 1].lower);
        if ta < tb && !after_number && !asked && !taken[ta..tb].iter().any(|x| *x) {
            taken[ta..tb].iter_mut().for_each(|x| *x = true);
            out.push(Count {
                first: ta,
                last: tb,
                num_first: ta,
                value: None,
                approx: true,
                ordinal: false,
            });
        }
    }
    let mut i = 0;
    while i < toks.len() {
        if taken[i] || !toks[i].word {
            i += 1;
            continue;
        }
        if let Some(&v) = lang.data.numbers.ordinals.get(&toks[i].lower) {
            // "the fourth such death" ranks a death among others, it counts none.
            if toks.get(i + 1).is_some_and(|t| t.lower == "such") {
                i += 1;
                continue;
            }
            // "A third person was wounded": one more, ranked after the others.
            let one_more = i
                .checked_sub(1)
                .is_some_and(|p| matches!(toks[p].lower.as_str(), "a" | "an"));
            out.push(Count {
                first: i,
                last: i + 1,
                num_first: i,
                value: Some(if one_more { 1 } else { v }),
                approx: false,
                ordinal: true,
            });
            i += 1;
            continue;
        }
        // "10-15": a range in one token.
        if let Some((lo, hi)) = toks[i].lower.split_once(['-', '–'])
            && let (Ok(lo), true) = (
                lo.parse::<u64>(),
                hi.chars().all(|c| c.is_ascii_digit()) && !hi.is_empty(),
            )
        {
            let prev = i.checked_sub(1).map(|p| toks[p].lower.as_str());
            if !prev.is_some_and(|p| lang.sets.months.contains(p)) {
                out.push(Count {
                    first: i,
                    last: i + 1,
                    num_first: i,
                    value: Some(lo),
                    approx: true,
                    ordinal: false,
                });
            }
            i += 1;
            continue;
        }
        let Some((value, used)) = read_number(lang, toks, i) else {
            i += 1;
            continue;
        };
        let mut last = i + used;
        let mut approx = word_range(lang, &toks[i].lower).is_some();
        let value = Some(value);
        // Dates, years and times are no counts.
        let prev = i.checked_sub(1).map(|p| toks[p].lower.as_str());
        let next = toks.get(last).map(|t| t.lower.as_str());
        // "с 19 по 29 сентября", "from 5 to 8 August": both ends of a date range.
        let next2_month = toks
            .get(last + 2)
            .is_some_and(|t| lang.sets.months.contains(&t.lower))
            && toks
                .get(last + 1)
                .is_some_and(|t| parse_digits(&t.lower).is_some());
        let date = next2_month
            || prev.is_some_and(|p| lang.sets.months.contains(p))
            || next.is_some_and(|n| {
                lang.sets.months.contains(n) || lang.sets.not_count_after.contains(n)
            })
            || value.is_some_and(|v| is_year(lang, toks, i, v, used));
        if date {
            i = last;
            continue;
        }
        // Ranges: "10 to 15", "10 or 15" → lower bound, approximate; not "rose from 12 to 15".
        let before_from = i.checked_sub(2).map(|p| toks[p].lower.as_str());
        let from = prev.is_some_and(|p| lang.sets.range_not_after.contains(p))
            && !before_from.is_some_and(|p| lang.sets.range_from.contains(p));
        if let Some(j) = toks
            .get(last)
            .filter(|t| !from && lang.sets.range.contains(&t.lower))
            .map(|_| last + 1)
            && let Some((_, used2)) = read_number(lang, toks, j)
        {
            last = j + used2;
            approx = true;
        }
        // "between 30 and 40": the lower bound, approximate.
        if prev.is_some_and(|p| lang.sets.range_open.contains(p))
            && toks
                .get(last)
                .is_some_and(|t| lang.sets.conj.contains(&t.lower))
            && let Some((_, used2)) = read_number(lang, toks, last + 1)
        {
            last += 1 + used2;
            approx = true;
        }
        let mut first = i;
        if let Some(&(ma, _)) = marks.iter().find(|(_, mb)| *mb == i) {
            // "возросло до 45", "зросла до 20": a toll risen to a figure is that figure.
            let before = |k: usize| ma.checked_sub(k).map_or("", |j| toks[j].lower.as_str());
            let from_figure = before(1).chars().all(|c| c.is_ascii_digit())
                && matches!(before(2), "с" | "від" | "з");
            let risen = ma + 1 == i
                && ma > 0
                && (lang.rise_to.is_exactly(before(1)) || from_figure)
                && !matches!(
                    toks.get(i + 1).map(|t| t.lower.as_str()),
                    Some("до" | "-" | "–")
                );
            approx |= !risen;
            first = ma;
        }
        out.push(Count {
            first,
            last,
            num_first: i,
            value,
            approx,
            ordinal: false,
        });
        i = last;
    }
    out.sort_by_key(|c| c.first);
    // "22 others", "12 more": a vague word right after a number belongs to it; after a vague
    // quantity ("many others") it names the people counted and counts nobody again.
    let mut merged: Vec<Count> = Vec::new();
    for c in out {
        if let Some(prev) = merged.last_mut()
            && c.value.is_none()
            && !prev.ordinal
            && c.first == prev.last
            && lang.sets.more.contains(&toks[c.first].lower)
        {
            if prev.value.is_some() {
                prev.last = c.last;
            }
            continue;
        }
        merged.push(c);
    }
    merged
}

#[cfg(test)]
#[path = "numbers_tests.rs"]
mod tests;
