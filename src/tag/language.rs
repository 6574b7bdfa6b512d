//! Language detection: a text is Russian or Ukrainian when most of the letters among its
//! first 4000 characters are Cyrillic, else English. Counted on the UTF-8 bytes, chunk by
//! chunk, without decoding characters.

/// Detect the language of a text: "uk" or "ru" when it is mostly Cyrillic, else "en".
pub fn detect_language(text: &str) -> &'static str {
    // The first 4000 characters take at most 16000 bytes; with no lead byte of U+0400..U+04FF
    // (0xD0..=0xD3) among those, no character is Cyrillic and the text is English.
    let window = text.as_bytes().get(..16000).unwrap_or(text.as_bytes());
    if count_bytes(window, is_cyrillic_lead, true) == 0 {
        return "en";
    }
    detect_language_by_bytes(text)
}

/// `detect_language_by_chars` on the UTF-8 bytes of the first 4000 characters, without
/// decoding them: U+0400..U+04FF are the two-byte characters with lead byte 0xD0..=0xD3,
/// and the Ukrainian letters among them the byte pairs matched below. Each count is a
/// simple pass over the bytes.
fn detect_language_by_bytes(text: &str) -> &'static str {
    let bytes = text.as_bytes();
    let window = bytes.get(..char_start(bytes, 4000)).unwrap_or(bytes);
    let cyr = count_bytes(window, is_cyrillic_lead, false);
    let latin = count_bytes(window, |b| (b | 0x20).wrapping_sub(b'a') < 26, false);
    if cyr <= latin {
        return "en";
    }
    // і ї є ґ І Ї Є Ґ: U+0456 U+0457 U+0454 U+0491 U+0406 U+0407 U+0404 U+0490, each pair
    // of a byte of `firsts` and the byte after it in `seconds`.
    let ukrainian = |(&a, &b): (&u8, &u8)| {
        (a == 0xD1 && (b == 0x94 || b == 0x96 || b == 0x97))
            | (a == 0xD0 && (b == 0x84 || b == 0x86 || b == 0x87))
            | (a == 0xD2 && (b == 0x90 || b == 0x91))
    };
    let (firsts, seconds) = (
        window
            .get(..window.len().saturating_sub(1))
            .unwrap_or_default(),
        window.get(1..).unwrap_or_default(),
    );
    let uk = firsts
        .chunks(CHUNK)
        .zip(seconds.chunks(CHUNK))
        .any(|(a, b)| {
            a.iter()
                .zip(b)
                .fold(false, |acc, pair| acc | ukrainian(pair))
        });
    verdict(cyr, latin, usize::from(uk))
}

/// Whether a Cyrillic text that `detect_language` calls Russian only because it has no
/// letter only Ukrainian writes (і ї є ґ) reads as Ukrainian: it has no letter only Russian
/// writes (ы э ъ ё) either, and more of its words are Ukrainian-only than Russian-only
/// ("За даними БАПОР, загинули понад 300 людей" against "По данным ведомства, погибли
/// трое военных"). Only short texts are undecided; longer ones settle by their letters.
pub(crate) fn reads_as_ukrainian(text: &str) -> bool {
    const UKRAINIAN: &[&str] = &[
        "та",
        "що",
        "як",
        "але",
        "або",
        "щодо",
        "також",
        "даними",
        "загинули",
        "загинув",
        "загинула",
        "загинуло",
        "поранено",
        "полон",
        "полону",
        "ворога",
        "вчора",
        "вже",
        "було",
        "була",
        "були",
        "вогню",
        "припинення",
        "повідомили",
        "повідомив",
        "повідомляє",
        "коли",
        "який",
        "яка",
        "яке",
        "його",
        "щоб",
    ];
    const RUSSIAN: &[&str] = &[
        "и",
        "что",
        "как",
        "или",
        "также",
        "данным",
        "погибли",
        "погиб",
        "погибла",
        "погибло",
        "ранены",
        "ранен",
        "плен",
        "плену",
        "вчера",
        "сегодня",
        "противника",
        "уже",
        "было",
        "была",
        "были",
        "огня",
        "прекращения",
        "сообщили",
        "сообщил",
        "сообщает",
        "когда",
        "который",
        "которая",
        "которое",
        "его",
        "чтобы",
    ];
    let decisive = |c: char| {
        matches!(
            c,
            'і' | 'ї'
                | 'є'
                | 'ґ'
                | 'І'
                | 'Ї'
                | 'Є'
                | 'Ґ'
                | 'ы'
                | 'э'
                | 'ъ'
                | 'ё'
                | 'Ы'
                | 'Э'
                | 'Ъ'
                | 'Ё'
        )
    };
    if text.chars().take(4000).any(decisive) {
        return false;
    }
    let window = text
        .get(..char_start(text.as_bytes(), 4000))
        .unwrap_or(text);
    // An apostrophe inside a Cyrillic word ("перемир'я", "м'ясо") is Ukrainian spelling;
    // Russian writes ъ there.
    let chars: Vec<char> = window.chars().collect();
    let apostrophes = chars
        .windows(3)
        .filter(|w| {
            matches!(w[1], '\'' | '’' | 'ʼ')
                && ('\u{0400}'..='\u{04FF}').contains(&w[0])
                && ('\u{0400}'..='\u{04FF}').contains(&w[2])
        })
        .count();
    let (mut uk, mut ru) = (2 * apostrophes, 0usize);
    for word in window.split(|c: char| !c.is_alphabetic()) {
        let word = word.to_lowercase();
        uk += usize::from(UKRAINIAN.contains(&word.as_str()));
        ru += usize::from(RUSSIAN.contains(&word.as_str()));
    }
    uk > ru
}

/// The byte at which character `n` (from 0) of UTF-8 `bytes` begins, or their length when
/// they hold no more than `n` characters: a character begins at each byte that is not a
/// continuation byte.
pub(crate) fn char_start(bytes: &[u8], n: usize) -> usize {
    if bytes.len() <= n {
        return bytes.len();
    }
    let mut seen = 0;
    for (k, chunk) in bytes.chunks(CHUNK).enumerate() {
        let here = count_bytes(chunk, starts_char, false);
        if seen + here > n {
            let i = chunk
                .iter()
                .enumerate()
                .filter(|&(_, &b)| starts_char(b))
                .nth(n - seen)
                .map_or(0, |(i, _)| i);
            return k * CHUNK + i;
        }
        seen += here;
    }
    bytes.len()
}

/// The bytes a chunked count looks at before it adds up (and may stop); a chunk's count
/// is kept in a byte.
const CHUNK: usize = 128;
const _: () = assert!(CHUNK <= u8::MAX as usize);

/// True for a byte that begins a UTF-8 character (any but a continuation byte).
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// A lead byte of U+0400..U+04FF.
fn is_cyrillic_lead(b: u8) -> bool {
    b.wrapping_sub(0xD0) < 4
}

/// How many bytes of `bytes` satisfy `f`, counted chunk by chunk (a loop the compiler turns
/// into vector code); with `first`, 0 or the count up to the first chunk that has one.
fn count_bytes(bytes: &[u8], f: impl Fn(u8) -> bool, first: bool) -> usize {
    let mut n = 0;
    for chunk in bytes.chunks(CHUNK) {
        n += chunk.iter().fold(0u8, |acc, &b| acc + u8::from(f(b))) as usize;
        if first && n > 0 {
            break;
        }
    }
    n
}

/// The language of a text with `cyr` Cyrillic (`uk` of them Ukrainian) and `latin` Latin
/// letters.
fn verdict(cyr: usize, latin: usize, uk: usize) -> &'static str {
    if cyr > latin {
        if uk > 0 { "uk" } else { "ru" }
    } else {
        "en"
    }
}

/// `detect_language` without its shortcut, by characters: counts Cyrillic (and Ukrainian)
/// against Latin letters among the first 4000 characters. The reference the tests hold
/// `detect_language_by_bytes` to.
#[cfg(test)]
pub(crate) fn detect_language_by_chars(text: &str) -> &'static str {
    let (mut cyr, mut latin, mut uk) = (0usize, 0usize, 0usize);
    for c in text.chars().take(4000) {
        if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyr += 1;
            if matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ') {
                uk += 1;
            }
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    verdict(cyr, latin, uk)
}
