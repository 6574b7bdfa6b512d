//! Casualty counts that come with no number: a singular subject or object ("a soldier was
//! killed" = 1), people named one by one, and per-place repetitions ("each reporting one").

use super::casualty::{Cue, is_plural_word};
use super::numbers::{Count, is_number_word};
use super::sentence::Sent;

/// True when the cue is a verb of dying from wounds, which needs no auxiliary to take its
/// subject ("Another soldier died of his wounds", "a policeman died in hospital"); a death
/// told with no wound ("died while crossing the river") may be an accident.
pub(super) fn dies(s: &Sent, c: &Cue) -> bool {
    let verb = matches!(s.w(c.a), "died" | "dies" | "succumbed");
    // The cue itself says the wounds ("died of his wounds", "succumbed to his injuries").
    let of_wounds = c.b > c.a + 1;
    let in_hospital = matches!(s.w(c.b), "in" | "at") && s.w(c.b + 1) == "hospital"
        || s.w(c.b) == "to" && matches!(s.w(c.b + 1), "his" | "her" | "their");
    verb && (of_wounds || c.b == c.a + 1 && in_hospital)
}

/// Past-tense verbs that open a cue and say nothing of its subject's number ("went missing",
/// "sustained injuries").
const OWN_VERB: [&str; 3] = ["went", "sustained", "suffered"];

/// An English adverb of manner or degree ("seriously", "critically", "fatally"): "-ly"
/// after at least three letters.
fn adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase())
}

/// "a 62-year-old woman was killed", "An IOM staff member has been killed", "a soldier
/// died": count 1.
pub fn singular_subject(s: &Sent, c: &Cue) -> Option<(u64, Option<String>)> {
    let sets = &s.lang.sets;
    // "One of the assailants was killed, and another injured": the one more left unsaid.
    if c.a > 0 && sets.one_more.contains(s.w(c.a - 1)) {
        return Some((1, Some(s.text_of(c.a - 1, c.a).to_string())));
    }
    let mut k = c.a;
    // A cue that opens with its own verb ("went missing") needs no auxiliary before it.
    let mut singular = false;
    let mut any_aux = OWN_VERB.contains(&s.w(c.a));
    // Auxiliaries, and adverbs among them ("another was seriously injured").
    while k > 0 && (sets.aux.contains(s.w(k - 1)) || (any_aux || k == c.a) && adverb(s.w(k - 1))) {
        k -= 1;
        any_aux |= sets.aux.contains(s.w(k));
        singular |= sets.singular_aux.contains(s.w(k));
    }
    // "another was seriously injured": the one more left unsaid, as the subject.
    if any_aux && k > 0 && singular && sets.one_more.contains(s.w(k - 1)) {
        return Some((1, Some(s.text_of(k - 1, k).to_string())));
    }
    // "A volunteer was shot dead and his wife wounded": the auxiliary left unsaid after "and"
    // before one person.
    let elided = k == c.a
        && k >= 3
        && s.w(k - 3) == "and"
        && matches!(s.w(k - 2), "his" | "her" | "their" | "a" | "an" | "one")
        && s.toks[k - 1].word
        && !is_plural_word(s, k - 1);
    if !(any_aux || elided || dies(s, c)) || k == 0 {
        return None;
    }
    singular |= elided;
    let mut head = k - 1;
    // "the loss of a Rwandan peacekeeper who was killed": a relative pronoun stands for the
    // noun before it, when a singular auxiliary says the number.
    if singular && head > 0 && matches!(s.w(head), "who" | "that") && s.toks[head - 1].word {
        head -= 1;
    }
    // "A soldier of the army, Pvt. Elvin Aliyev, was killed": an appositive set off by commas
    // names the head before it; so does one that describes it ("the commander, a member of
    // the Taliban's military commission, was killed").
    if s.w(head) == ","
        && let Some(open) = (head.saturating_sub(10)..head.saturating_sub(1))
            .rev()
            .find(|&j| s.w(j) == ",")
        && open > 0
        && (open + 1..head).all(|j| s.toks[j].word || s.w(j) == ".")
    {
        head = open - 1;
    }
    // "whether anyone was hurt" counts no one.
    if !s.toks[head].word
        || is_plural_word(s, head)
        || matches!(
            s.w(head),
            "anyone" | "anybody" | "someone" | "somebody" | "whoever"
        )
    {
        return None;
    }
    // Walk back over the noun phrase to its determiner.
    let mut a = head;
    while a > 0 && head - a < 4 && s.toks[a - 1].word && !sets.who_stop.contains(s.w(a - 1)) {
        a -= 1;
        if sets.singular_det.contains(s.w(a)) {
            break;
        }
    }
    // An auxiliary that does not say the number ("had been killed") leaves it to the
    // determiner ("a woman had been killed").
    let one = |i: usize| sets.one_det.contains(s.w(i));
    let det_singular = (a < head && one(a)) || (a > 0 && one(a - 1));
    if !singular && !det_singular {
        return None;
    }
    Some((1, Some(s.text_of(a, head + 1).to_string())))
}

/// Most people one coordination may count ("a man, a woman and a child").
const MAX_COORDINATED: u64 = 6;
/// Most words of one coordinated phrase after its determiner ("a guide from the U'wa group").
const SEGMENT: usize = 6;
/// Adverbs between a subject and its verb ("are still missing").
const ADVERBS: &[&str] = &[
    "still",
    "also",
    "reportedly",
    "both",
    "all",
    "later",
    "allegedly",
];

/// Nouns of a span of time ("a day after", "a week later"): no person.
const TIME_NOUNS: &[&str] = &[
    "day", "week", "month", "year", "hour", "night", "decade", "minute",
];

/// Phrases joined by "and" or commas that each start with a singular determiner, from token
/// `a` forward: their number and the token after the last one. "a man and a woman" → 2.
fn singulars_from(s: &Sent, a: usize, stop: usize, definite: bool) -> Option<(u64, usize)> {
    let sets = &s.lang.sets;
    // Later phrases may open with "his" or "her" ("the village head and his wife"); the first
    // with "the" only where the caller allows it (an object right after its cue).
    let starts = |k: usize| {
        matches!(s.w(k), "a" | "an" | "one" | "another")
            || k == a && (sets.singular_det.contains(s.w(k)) || definite && s.w(k) == "the")
            || k > a && matches!(s.w(k), "his" | "her")
    };
    if !starts(a) {
        return None;
    }
    // "wounding a civilian porter, an Indian army spokesman said", "captured a pilot, a day
    // after the strikes": after a comma, a speaker's phrase or a span of time is no person.
    let verbs = std::cell::OnceCell::new();
    let speaker_or_time = |d: usize| {
        TIME_NOUNS.contains(&s.w(d + 1))
            || verbs
                .get_or_init(|| s.matches(&s.lang.claim_verbs))
                .iter()
                .any(|&(v, _)| v > d && v <= d + SEGMENT + 1 && (d..v).all(|j| s.toks[j].word))
    };
    let (mut n, mut k, mut seg) = (1u64, a + 1, a);
    while k < stop {
        let w = s.w(k);
        if (w == "and" || w == ",")
            && k + 1 < stop
            && starts(k + 1)
            && !(w == "," && speaker_or_time(k + 1))
        {
            n += 1;
            seg = k + 1;
            k += 2;
            continue;
        }
        if w == "," && s.w(k + 1) == "and" && k + 2 < stop && starts(k + 2) {
            n += 1;
            seg = k + 2;
            k += 3;
            continue;
        }
        let word = s.toks[k].word;
        if !word
            || sets.aux.contains(w)
            || sets.conj.contains(w)
            || is_plural_word(s, k)
            || k - seg > SEGMENT
        {
            break;
        }
        k += 1;
    }
    (2..=MAX_COORDINATED).contains(&n).then_some((n, k))
}

/// "A policeman and a guide are still missing", "killed a man and a woman": one claim counting
/// each singular phrase of the coordination (TAGS.md: people named one by one).
pub fn coordinated_singulars(s: &Sent, c: &Cue) -> Option<(u64, Option<String>)> {
    let sets = &s.lang.sets;
    // Object: right after the cue.
    if let Some((n, end)) = singulars_from(s, c.b, s.toks.len(), true) {
        return Some((n, Some(s.text_of(c.b, end).to_string())));
    }
    // Subject: before a plural auxiliary ("are", "were", "have been").
    let mut k = c.a;
    let mut aux = false;
    while k > 0 && (sets.aux.contains(s.w(k - 1)) || ADVERBS.contains(&s.w(k - 1))) {
        k -= 1;
        aux |= sets.aux.contains(s.w(k));
    }
    aux |= k == c.a && OWN_VERB.contains(&s.w(c.a));
    if !aux || sets.singular_aux.contains(s.w(k)) {
        return None;
    }
    (k.saturating_sub(2 * SEGMENT + 4)..k)
        .find_map(|a| {
            singulars_from(s, a, k, false)
                .filter(|(_, end)| *end == k)
                .map(|(n, _)| (a, n))
        })
        .map(|(a, n)| (n, Some(s.text_of(a, k).to_string())))
}

/// "ліквідував командира", "о гибели мирного жителя": in a language with no articles, the
/// form of the person noun right after the cue says one (count 1). A cue that otherwise
/// needs a number ("ликвидировал") takes it too: a person is no depot.
pub fn singular_person_object(s: &Sent, c: &Cue, cues: &[Cue]) -> Option<(u64, Option<String>)> {
    let objects = s.matches(&s.lang.singular_objects);
    let Some(&(_, mut b)) = objects.iter().find(|&&(a, _)| a == c.b) else {
        return singular_person_past_place(s, c, cues);
    };
    // "Поранено 67-річного чоловіка та 45-річну жінку": each person joined by a conjunction
    // counts one more (TAGS.md: people named one by one).
    let mut n = 1u64;
    while n < MAX_COORDINATED
        && s.toks.get(b).is_some_and(|t| t.word)
        && s.lang.sets.conj.contains(s.w(b))
        && let Some(&(_, next)) = objects.iter().find(|&&(a, _)| a == b + 1)
    {
        n += 1;
        b = next;
    }
    Some((n, Some(s.text_of(c.b, b).to_string())))
}

/// Most words a phrase of place or time between a verb and its object may hold after its
/// preposition ("в Донецкой области", "на півночі сектору Гази").
const PLACE_PHRASE_WORDS: usize = 4;

/// True when tokens `from..to` are a phrase of place or time that stands between a verb and
/// its object in a language with free word order ("ликвидировали в Донецкой области 30
/// оккупантов", "ліквідувала в секторі Гази командира"): a preposition and at most a few
/// words, no punctuation, number or other cue.
pub fn place_phrase(s: &Sent, from: usize, to: usize, cues: &[Cue]) -> bool {
    to > from + 1
        && to - from <= PLACE_PHRASE_WORDS + 1
        && s.lang.sets.object_preps.contains(s.w(from))
        && (from..to).all(|k| {
            s.toks.get(k).is_some_and(|t| t.word)
                && !s.w(k).starts_with(|c: char| c.is_ascii_digit())
                && !cues.iter().any(|q| q.a <= k && k < q.b)
        })
}

/// "ліквідувала в секторі Гази командира": the person object after a phrase of place.
fn singular_person_past_place(s: &Sent, c: &Cue, cues: &[Cue]) -> Option<(u64, Option<String>)> {
    if !s.lang.sets.object_preps.contains(s.w(c.b)) {
        return None;
    }
    let &(a, b) = s
        .matches(&s.lang.singular_objects)
        .iter()
        .find(|&&(a, _)| place_phrase(s, c.b, a, cues))?;
    Some((1, Some(s.text_of(a, b).to_string())))
}

/// "killed a soldier", "neutralizing the terrorist": count 1.
pub fn singular_object(s: &Sent, c: &Cue, cues: &[Cue]) -> Option<(u64, Option<String>)> {
    let sets = &s.lang.sets;
    // A language with articles says one with them (read below); the person lists serve
    // those without, and cues that otherwise need a number.
    if !sets.singular_det.contains(s.w(c.b))
        && let Some(one) = singular_person_object(s, c, cues)
    {
        return Some(one);
    }
    // A nominal cue takes its object after "of" or "to": "the death of an UNMISS
    // peacekeeper", "severe injuries to another peacekeeper".
    let at = if matches!(s.w(c.b), "of" | "to") && sets.singular_det.contains(s.w(c.b + 1)) {
        c.b + 1
    } else {
        c.b
    };
    let det = s.w(at);
    if !(sets.singular_det.contains(det) || det == "the" && at == c.b) {
        return None;
    }
    let mut k = at + 1;
    while k < s.toks.len() && k < at + 4 && s.toks[k].word && !sets.who_stop.contains(s.w(k)) {
        k += 1;
    }
    // "killing two officers and wounding another": one more of them.
    if k == at + 1 && sets.one_more.contains(det) {
        return Some((1, Some(s.text_of(at, k).to_string())));
    }
    let head = k.checked_sub(1).filter(|&h| h > at)?;
    if is_plural_word(s, head) || s.lang.not_people.is_exactly(s.text_of(head, head + 1)) {
        return None;
    }
    if det == "the" && k < s.toks.len() && s.w(k) == "of" {
        return None;
    }
    // "killing an average of eight Palestinians": the number after "of" is the count.
    if s.w(k) == "of" && is_number_word(s.lang, s.w(k + 1)) {
        return None;
    }
    Some((1, Some(s.text_of(at, k).to_string())))
}

/// "Sloviansk, Krasnohorivka and Kurakhove each reporting one civilian dead": 3 claims.
pub fn each_repeats(s: &Sent, c: &Count, counts: &[Count]) -> usize {
    let eaches = s.matches(&s.lang.each);
    let Some(&(ea, _)) = eaches
        .iter()
        .find(|&&(_, eb)| eb <= c.first && c.first - eb <= 1)
    else {
        return 1;
    };
    // A word of a place's name: capitalised, or a particle of one ("Deir al-Balah").
    let name_word = |k: usize| {
        let w = s.text_of(k, k + 1);
        s.is_cap(k)
            || w.rsplit('-')
                .next()
                .is_some_and(|t| t.starts_with(char::is_uppercase))
            || matches!(w, "de" | "da" | "di" | "del" | "el" | "al" | "bin" | "ibn")
    };
    let mut items = 1;
    let mut k = ea;
    while k > 0 {
        k -= 1;
        let w = s.w(k);
        if w == "," || s.lang.sets.conj.contains(w) {
            if k > 0 && name_word(k - 1) {
                items += 1;
            }
            continue;
        }
        if !name_word(k) {
            break;
        }
    }
    // "Three separate strikes hit Khan Younis overnight, each killing one civilian": the
    // counted plural subject of the clause before says how many times.
    if items == 1
        && let Some(n) = counts.iter().find_map(|o| {
            let plural_after = (o.last..(o.last + 2).min(ea)).any(|k| is_plural_word(s, k));
            (o.last < ea && o.first <= 1 && plural_after).then_some(o.value?)
        })
    {
        return (n as usize).clamp(1, 20);
    }
    items.clamp(1, 20)
}

/// "killed five soldiers and a civilian", "17 army troops and a police officer dead": a
/// singular phrase joined to a counted one shares its category and counts one. Returns the
/// phrase and its first token. `from` is the token after the count; `cue` the count's cue.
pub fn joined_single(s: &Sent, from: usize, cue: (usize, usize)) -> Option<(usize, String)> {
    let sets = &s.lang.sets;
    let stop = |k: usize| !s.toks[k].word || sets.who_stop.contains(s.w(k));
    // The counted noun phrase (up to four words).
    let mut k = from;
    while k < s.toks.len() && k < from + 4 && !stop(k) && k != cue.0 && s.w(k) != "and" {
        k += 1;
    }
    if s.w(k) != "and" || !matches!(s.w(k + 1), "a" | "an" | "one") {
        return None;
    }
    let start = k + 1;
    let mut e = start + 1;
    while e < s.toks.len() && e < start + 5 && !stop(e) && e != cue.0 && !sets.aux.contains(s.w(e))
    {
        e += 1;
    }
    if e == start + 1 || is_plural_word(s, e - 1) {
        return None;
    }
    // Subject side: the shared cue follows, after a plural auxiliary if any ("… and a
    // civilian were killed"); object side: the cue came before the count.
    let mut v = e;
    while v < s.toks.len() && sets.aux.contains(s.w(v)) {
        if sets.singular_aux.contains(s.w(v)) {
            return None;
        }
        v += 1;
    }
    let shared = v == cue.0 || (cue.1 <= from && v == e && !sets.aux.contains(s.w(e)));
    shared.then(|| (start, s.text_of(start, e).to_string()))
}

/// The singular phrase ("a man", "a nurse") joined by "and" right before the count at token
/// `first` ("… and his two children", "… and three patients"): its determiner's token and the
/// "and". None when the phrase holds a verb or cue of its own ("One soldier died and two …").
fn singular_before_and(s: &Sent, first: usize, cues: &[Cue]) -> Option<(usize, usize)> {
    let sets = &s.lang.sets;
    let mut k = first;
    if k > 0 && matches!(s.w(k - 1), "his" | "her" | "their" | "its") {
        k -= 1;
    }
    if k < 3 || s.w(k - 1) != "and" {
        return None;
    }
    let end = k - 1;
    let head = end - 1;
    if !s.toks[head].word || is_plural_word(s, head) || sets.aux.contains(s.w(head)) {
        return None;
    }
    let one = |j: usize| matches!(s.w(j), "a" | "an" | "one");
    let det = (head.saturating_sub(4)..head)
        .rev()
        .take_while(|&j| s.toks[j].word && (one(j) || !sets.who_stop.contains(s.w(j))))
        .find(|&j| one(j))?;
    let clause = (det + 1..=head).any(|j| {
        !s.toks[j].word || sets.who_stop.contains(s.w(j)) || cues.iter().any(|q| q.a == j)
    });
    (!clause).then_some((det, end))
}

/// "a man and his two children were killed", "killed a nurse and three patients": a singular
/// phrase joined before a counted one shares its category and counts one. Returns the
/// phrase and its first token. `first` is the count's first token; `cue` the count's cue.
pub fn single_before(
    s: &Sent,
    first: usize,
    cue: (usize, usize),
    cues: &[Cue],
) -> Option<(usize, String)> {
    let (det, end) = singular_before_and(s, first, cues)?;
    // Subject side: the phrase opens the clause (nothing but a speaker's "that" or the start
    // before it); object side: the cue right before it ("killed a nurse and …").
    let opens = det == 0 || matches!(s.w(det - 1), "," | "that" | "said" | ":");
    let object = cue.1 == det;
    (opens && cue.0 > first || object).then(|| (det, s.text_of(det, end).to_string()))
}

/// "killed a nurse and three patients": a count joined after a singular object shares the
/// object's cue. Returns the index of that cue in `cues`.
pub fn after_single_object(s: &Sent, first: usize, cues: &[Cue]) -> Option<usize> {
    let (det, _) = singular_before_and(s, first, cues)?;
    cues.iter().position(|q| q.b == det && !q.numbered_only)
}
