//! People named one by one: "Lt. X and Pvt. Y were killed" (the number of names), "killed
//! Addah Al-Bendir, a senior commander" and "killed Hezbollah commander Ali Karaki" (one).

use super::casualty::Cue;
use super::casualty_single::dies;
use super::sentence::Sent;

/// "Lt. X and Pvt. Y were killed", "Ahmed Salem, 34, and his brother Khaled were killed":
/// the number of people named. Each group between commas and conjunctions is a name
/// (capitalised words, "Lt." dots), possibly after a possessive and a kin or rank noun ("his
/// brother Khaled"); an age set off by commas ("Ali, 27,") belongs to the name before it. One
/// name counts only with its age ("Mohammed Ali, 27, was shot dead"): a lone capitalised
/// word before a verb may be a place or a group.
pub fn named_subject(s: &Sent, c: &Cue) -> Option<(u64, Option<String>)> {
    let sets = &s.lang.sets;
    let mut k = c.a;
    while k > 0 && sets.aux.contains(s.w(k - 1)) {
        k -= 1;
    }
    // "Qi Fabao, who was seriously injured", "…, who all died": the names before a
    // relative "who" are its subject, and "who" says they are people.
    let mut k_rel = k;
    while k_rel > 0
        && (matches!(s.w(k_rel - 1), "all" | "both" | "later")
            || s.w(k_rel - 1).ends_with("ly")
            || sets.aux.contains(s.w(k_rel - 1)))
    {
        k_rel -= 1;
    }
    let relative = k_rel >= 2 && s.w(k_rel - 1) == "who" && s.w(k_rel - 2) == ",";
    if relative {
        k = k_rel - 2;
    }
    // "Captain X and Sergeant Y of the FARDC were killed": the unit after the names is none.
    let mut j = k;
    while j > 0 && s.toks[j - 1].word && s.is_cap(j - 1) && k - j < 4 {
        j -= 1;
    }
    if j < k && j > 0 && s.w(j - 1) == "the" {
        j -= 1;
    }
    if j < k && j >= 2 && s.w(j - 1) == "of" && s.is_cap(j - 2) {
        k = j - 1;
    }
    let end = k;
    // An age right before the verb ("Ali, 27, was killed").
    let age_at = |j: usize| {
        j >= 2
            && s.w(j - 1) == ","
            && s.w(j).len() <= 3
            && s.w(j).bytes().all(|b| b.is_ascii_digit())
            && s.toks[j - 2].word
    };
    let mut aged = false;
    if k >= 3 && s.w(k - 1) == "," && age_at(k - 2) {
        k -= 3;
        aged = true;
    }
    // An idiom of dying in war is said of people only ("embraced shahadat", "fell in battle",
    // "lost their lives"): it needs no auxiliary either.
    let idiom = c.b > c.a + 1
        && matches!(
            s.w(c.a),
            "embraced" | "lost" | "laid" | "made" | "paid" | "fell"
        );
    if k == c.a && !dies(s, c) && !idiom
        || !s.is_cap(k.checked_sub(1)?)
        || s.w(k - 1).bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (mut groups, mut start) = (0u64, k);
    loop {
        // One name, walking back from token `k`.
        let name_end = k;
        while k > 0
            && (s.toks[k - 1].word && s.is_cap(k - 1) && !sets.conj.contains(s.w(k - 1))
                || s.w(k - 1) == "." && k < name_end)
        {
            k -= 1;
        }
        // "In Kadugli, Ahmed Musa and …": a place after a capitalised preposition is no name.
        if k == name_end || !s.is_upper(k) || PLACE_PREPOSITIONS.contains(&s.w(k)) {
            break;
        }
        // "his brother", "her son": a possessive and up to two nouns before the name.
        let before_kin = (1..=2).find(|&n| {
            k > n
                && (k - n..k)
                    .all(|j| s.toks[j].word && !s.is_upper(j) && !sets.aux.contains(s.w(j)))
                && matches!(s.w(k - n - 1), "his" | "her" | "their")
        });
        if let Some(n) = before_kin {
            k -= n + 1;
        }
        // "Junior sergeant Arman Hakobyan and private Davit Petrosyan": a rank before a name.
        let name_start = k;
        while k > 0 && s.toks[k - 1].word && RANKS.contains(&s.w(k - 1)) && name_start - k < 2 {
            k -= 1;
        }
        groups += 1;
        start = k;
        // The separators before this group, and an age after the previous name ("Ahmed
        // Salem, 34, and his brother").
        let mut joined = false;
        while k >= 2 {
            let w = s.w(k - 1);
            if w == "," || sets.conj.contains(w) {
                joined = true;
                k -= 1;
            } else if age_at(k - 1) {
                aged = true;
                k -= 2;
            } else {
                break;
            }
        }
        if !joined {
            break;
        }
    }
    // "… planning attacks in northern Iraq and Syria have been neutralized": names after a
    // preposition (and an adjective) are places.
    let place_before = |p: usize| p > 0 && PLACE_PREPOSITIONS.contains(&s.w(p - 1));
    if place_before(start)
        || start > 0 && s.toks[start - 1].word && !s.is_cap(start - 1) && place_before(start - 1)
    {
        return None;
    }
    let enough = groups >= 2 || (groups == 1 && (aged || relative));
    (enough && groups <= 10).then(|| (groups, Some(s.text_of(start, end).to_string())))
}

/// Prepositions before a place's name ("in northern Iraq and Syria", "from Sudan and Chad").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "from", "near", "at", "into", "across", "through", "between", "around", "outside",
    "inside", "toward", "towards", "to",
];

/// Ranks written before a soldier's name, in any case ("private Davit Petrosyan").
const RANKS: &[&str] = &[
    "private",
    "sergeant",
    "corporal",
    "lieutenant",
    "captain",
    "major",
    "colonel",
    "junior",
    "senior",
    "lance",
    "staff",
    "warrant",
    "ensign",
    "rifleman",
    "gunner",
    "sapper",
    "soldier",
    "serviceman",
    "conscript",
    "paratrooper",
    "marine",
    "sniper",
];

/// Most words of a person's name ("Addah Al-Bendir", "Abu Mohammed al-Adnani").
const NAME_WORDS: usize = 4;

/// "killed Addah Al-Bendir, a senior commander": a name of two or more capitalised words
/// after the cue, set off by an appositive that opens with an article, is one person.
pub fn named_object(s: &Sent, c: &Cue) -> Option<(u64, Option<String>)> {
    let sets = &s.lang.sets;
    // "the killing of rebel commander Musa Abdel Karim": the noun's "of" opens its object.
    let from = if s.w(c.b) == "of" && c.b > c.a {
        c.b + 1
    } else {
        c.b
    };
    let mut k = from;
    while k < s.toks.len()
        && k < from + NAME_WORDS
        && s.toks[k].word
        && (s.is_cap(k) || k > from && name_particle(s.w(k)))
        && !sets.conj.contains(s.w(k))
    {
        k += 1;
    }
    // A name has two words at least: one capitalised word may be a people ("killed
    // Palestinians, a ministry said", "killed Sudanese, a doctor said").
    let appositive =
        s.w(k) == "," && (sets.singular_det.contains(s.w(k + 1)) || s.w(k + 1) == "the");
    if k >= from + 2 && appositive {
        return Some((1, Some(s.text_of(from, k).to_string())));
    }
    titled_name(s, from).map(|end| (1, Some(s.text_of(from, end).to_string())))
}

/// Words that rank a person before a name ("commander Ali Karaki", "leader Ahmed Godane").
const NAME_TITLES: &[&str] = &[
    "commander",
    "leader",
    "chief",
    "head",
    "founder",
    "emir",
    "spokesman",
    "general",
    "colonel",
    "major",
    "captain",
    "lieutenant",
    "governor",
    "minister",
    "mayor",
    "official",
    "deputy",
];
/// Words that may rank a title ("senior Hamas commander").
const TITLE_MODIFIERS: &[&str] = &[
    "senior",
    "top",
    "deputy",
    "military",
    "field",
    "local",
    "former",
    "militia",
    "rebel",
    "army",
    "police",
    "tribal",
    "community",
    "insurgent",
    "opposition",
    "prominent",
    "veteran",
    "wanted",
];

/// "killed Hezbollah commander Ali Karaki", "killed senior Hamas commander Mohammed Deif": a
/// title, after at most four capitalised or ranking words, then a name of two or more
/// capitalised words, is one person. The token after the name, if it is no second name
/// joined by "and".
fn titled_name(s: &Sent, from: usize) -> Option<usize> {
    let mut k = from;
    let title = loop {
        if k >= s.toks.len() || k >= from + 5 || !s.toks[k].word {
            return None;
        }
        let w = s.w(k);
        if NAME_TITLES.contains(&w) {
            break k;
        }
        let named = s.text_of(k, k + 1).chars().any(char::is_uppercase);
        if !(named || TITLE_MODIFIERS.contains(&w)) || s.lang.sets.conj.contains(w) {
            return None;
        }
        k += 1;
    };
    let start = title + 1;
    let mut end = start;
    while end < s.toks.len() && end < start + NAME_WORDS && s.toks[end].word && s.is_cap(end) {
        end += 1;
    }
    let joined = s.lang.sets.conj.contains(s.w(end));
    (end >= start + 2 && !joined).then_some(end)
}

/// A lowercase word inside a person's name ("al-Kikli", "bin Laden", "van Dijk").
fn name_particle(w: &str) -> bool {
    ["al-", "el-", "ad-", "ar-", "as-", "at-", "az-", "ash-"]
        .iter()
        .any(|p| w.starts_with(p) && w.len() > p.len())
        || matches!(
            w,
            "bin" | "ibn" | "abu" | "de" | "van" | "von" | "da" | "del"
        )
}
