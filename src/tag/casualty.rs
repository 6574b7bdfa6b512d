//! Casualty claims: counts paired with category cues, negations, breakdowns.
//!
//! Rules, in order, for one sentence:
//! 1. No claims at all when the sentence is about an accident, a disaster or disease.
//! 2. Cues are found per category ("killed", "wounded", "killed or wounded", "captured",
//!    "missing"); a negator before a cue ("no", "nobody", "without", "denied") makes a
//!    negated claim with no count.
//! 3. Each count (numbers, number words, vague quantities) takes a cue: first one right
//!    before it across link words ("killed at least 8"), else the first cue after it within
//!    a short window ("8 civilians were killed"). Counts of things that are not people
//!    ("4 BTRs", "24 hours") are dropped.
//! 4. A count with no cue of its own shares the cue of the count it is joined to ("1,429
//!    civilians and 30,000 militants were killed") or, after "including", the category of
//!    the previous claim (a breakdown).
//! 5. A cue no count took makes a claim of its own: count 1 for a singular subject ("a
//!    woman was killed") or object ("neutralizing the terrorist"), otherwise count null and
//!    approximate — unless the sentence only says numbers are not known, or the cue is a
//!    summary noun ("losses") followed by numbered claims.

use super::casualty_bare::bare_cue_claims;
use super::casualty_cause::{accident_causes, counted_apart, cues_outside_accidents};
pub use super::casualty_cues::{Cue, is_plural_word};
use super::casualty_cues::{displaced, find_cues, in_place_name, is_age, not_people, who_after};
use super::casualty_lists::{
    head_nouns, is_list_item, is_quote_mark, join_blocked, losses_beside_wounded,
    predicate_after_noun, speaker_aside,
};
use super::casualty_negation::{Negation, denied_loss, negated_cues};
use super::casualty_partitive::{Partitive, group_start, partitive};
use super::casualty_rejection::rejected_claim;
use super::casualty_single::{
    after_single_object, each_repeats, joined_single, place_phrase, single_before,
};
use super::mention::CasualtyCategory;
use super::numbers::{Count, find_counts};
use super::sentence::Sent;

/// A claim found in one sentence, before the claimant is attached.
#[derive(Debug, Clone, PartialEq)]
pub struct RawClaim {
    /// Category.
    pub category: CasualtyCategory,
    /// Count.
    pub count: Option<u64>,
    /// Approximate.
    pub approx: bool,
    /// Who, as written.
    pub who: Option<String>,
    /// Negated.
    pub negated: bool,
    /// Token index of the cue (for the trigger span).
    pub cue: (usize, usize),
    /// True for an unnumbered summary noun ("losses"), which numbered claims in the next
    /// sentence make redundant.
    pub summary: bool,
}

/// State carried from sentence to sentence of one passage.
#[derive(Debug, Default)]
pub struct PassageState {
    /// Category of the last claim, for breakdowns in the next sentence ("This includes …").
    pub last_category: Option<CasualtyCategory>,
    /// True when the previous sentence made a claim: a sentence that opens with a breakdown
    /// word counts a part of it (of `last_category`).
    pub claimed_prev: bool,
    /// True when the previous sentence was about an accident or a disaster: its victims
    /// named without a number in the next sentence ("Among the victims, a child") are no claim.
    pub negative_prev: bool,
}

/// How far (in tokens) a governing cue reaches forward to the count it governs ("the death
/// toll from Israeli bombing of the strip since October 7 has risen to 15,899").
const GOVERNED_REACH: usize = 16;

/// Note a sentence the casualty rules did not look at: it carries an accident or disaster
/// context over to the next sentence only when it names one.
pub fn skip(s: &Sent, st: &mut PassageState) {
    st.claimed_prev = false;
    st.negative_prev = s.is_match(&s.lang.casualty_negative);
}

/// The claims of one sentence.
pub fn claims(s: &Sent, st: &mut PassageState) -> Vec<RawClaim> {
    let lang = s.lang;
    // "Серед них – 560 дітей", "Among them were 40 children": a sentence that opens with a
    // breakdown word after a claim counts a part of it, with no cue of its own.
    let claimed_prev = std::mem::take(&mut st.claimed_prev);
    let has_cue = s.is_match(&lang.any_cue);
    let breakdown =
        claimed_prev && (0..3.min(s.toks.len())).any(|k| lang.sets.including.contains(s.w(k)));
    // "A war monitor put the figure at 16": a second source's figure for the people just
    // counted, in a sentence of its own with no cue.
    let breakdown = breakdown
        || st.last_category.is_some()
            && s.toks.len() < 40
            && !has_cue
            && s.matches(&lang.restated_figure).iter().any(|&(_, b)| {
                s.w(b).starts_with(|c: char| c.is_ascii_digit())
                    || super::numbers::is_number_word(lang, s.w(b))
            });
    if !breakdown && !has_cue {
        let rejected = rejected_claim(s, &[], st.last_category);
        skip(s, st);
        return rejected.into_iter().collect();
    }
    let negative = s.matches(&lang.casualty_negative);
    let after_negative = std::mem::replace(&mut st.negative_prev, !negative.is_empty());
    let cues = cues_outside_accidents(s, find_cues(s), &negative);
    if cues.is_empty() && !breakdown {
        return Vec::new();
    }
    let Negation {
        negs,
        no_claims,
        mut used,
        mut out,
        denied,
        denied_figures,
    } = negated_cues(s, &cues, after_negative);

    let causes = accident_causes(s, &negative);
    let in_neg = |i: usize| negs.iter().any(|&(a, b)| i >= a && i < b);
    let counts: Vec<Count> = find_counts(
        lang,
        s.text,
        &s.toks,
        (s.span.start, s.span.end),
        s.fold.as_deref(),
    )
    .into_iter()
    .filter(|c| {
        !in_neg(c.num_first)
            && !is_age(s, c, &cues)
            && !in_place_name(s, c)
            && !counted_apart(s, c, &causes)
    })
    .collect();
    // "three of the wounded later died": the part takes the predicate's category; a group
    // with no number of its own ("the wounded") makes no claim, one with a number ("two of
    // the four injured soldiers") keeps it.
    let parts: Vec<Option<Partitive>> = counts
        .iter()
        .map(|c| partitive(s, c, &cues, &counts))
        .collect();
    for p in parts.iter().flatten().filter(|p| p.group_count.is_none()) {
        used[p.group] = true;
    }
    // Counts of things ("20 UAVs") still take their cue, so that it makes no claim.
    let things: Vec<bool> = counts
        .iter()
        .map(|c| not_people(s, c, &cues) || displaced(s, c))
        .collect();
    let cue_at_end = |k: usize| cues.iter().position(|c| c.b == k + 1);
    let cue_at_start = |k: usize| cues.iter().position(|c| c.a == k);
    let count_at = |k: usize| counts.iter().position(|c| c.first == k);

    let governing = s.matches(&lang.governing);
    let governs = |ci: usize| {
        governing
            .iter()
            .any(|g| g.0 <= cues[ci].a && cues[ci].b <= g.1)
    };
    // Looked up only when a comma may open a speaker's aside.
    let speech_verbs = std::cell::OnceCell::new();
    // Pass 1: each count takes a cue.
    let mut cat: Vec<Option<usize>> = vec![None; counts.len()];
    let mut blocked_by: Vec<Option<usize>> = vec![None; counts.len()];
    for (ni, c) in counts.iter().enumerate() {
        if let Some(p) = parts[ni] {
            cat[ni] = Some(p.predicate);
            continue;
        }
        // "обмен пленными по формуле 95 на 95", "обмін 103 на 103": both sides of an
        // exchange formula are captives of the captured cue before them.
        let formula = matches!(s.w(c.last), "на") && count_at(c.last + 1).is_some()
            || c.first >= 2
                && s.w(c.first - 1) == "на"
                && counts.iter().any(|o| o.last == c.first - 1);
        if formula
            && let Some(ci) = cues
                .iter()
                .position(|q| q.cat == CasualtyCategory::Captured && q.b <= c.first)
        {
            cat[ni] = Some(ci);
            continue;
        }
        // Left: "killed at least eight", "the dead were three", "deaths to five".
        let mut k = c.first;
        let mut left = None;
        let mut steps = 0;
        while k > 0 && steps <= 4 {
            k -= 1;
            if let Some(ci) = cue_at_end(k) {
                if !used[ci] {
                    left = Some(ci);
                }
                break;
            }
            // A cue in quotation marks ("had \"neutralised\" 100 jihadists") still governs.
            if is_quote_mark(s.w(k)) {
                continue;
            }
            if !lang.sets.link.contains(s.w(k)) {
                break;
            }
            steps += 1;
        }
        // "ликвидировали в Донецкой области 30 оккупантов": a phrase of place between the
        // verb and its object.
        if left.is_none() {
            left = cues
                .iter()
                .position(|q| q.b < c.first && place_phrase(s, q.b, c.first, &cues))
                .filter(|&ci| !used[ci]);
        }
        // "Пропавшими без вести после удара по дому числятся 16 человек": a cue in the
        // instrumental before a verb of standing takes the count after that verb.
        if left.is_none() {
            left = standing_cue(s, c.first, &cues).filter(|&ci| !used[ci]);
        }
        // A generic loss word on the left yields to a precise cue right after the noun
        // ("потеряли 200 боевиков убитыми").
        let generic_left = left.is_some_and(|ci| cues[ci].cat == CasualtyCategory::KilledOrWounded);
        // The precise cue must belong to this noun phrase: a conjunction before it opens a
        // clause of its own ("вбивши та поранивши 5000 осіб і знищивши 400 одиниць").
        let precise_right = (c.last..(c.last + 4).min(s.toks.len()))
            .take_while(|&k| !lang.sets.conj.contains(s.w(k)))
            .find_map(&cue_at_start)
            .filter(|&ci| !used[ci] && cues[ci].cat != CasualtyCategory::KilledOrWounded);
        if generic_left && precise_right.is_some() {
            cat[ni] = precise_right;
            continue;
        }
        if left.is_some() && !c.ordinal {
            cat[ni] = left;
            continue;
        }
        // Right: "seven servicemen were killed", "12 more taken captive".
        let window = if c.ordinal { 4 } else { 13 };
        let mut k = c.last;
        // A bracketed aside ("(PKK)", "(AMISOM)") does not count toward the window.
        let mut aside = 0;
        while k < s.toks.len() && k < c.last + window + aside {
            if s.w(k) == "("
                && let Some(close) = (k + 1..(k + 6).min(s.toks.len())).find(|&j| s.w(j) == ")")
                && (k + 1..close).all(|j| s.toks[j].word && count_at(j).is_none())
            {
                aside += close + 1 - k;
                k = close + 1;
                continue;
            }
            // A speaker set off by commas does not count toward the window either.
            if s.w(k) == ","
                && let Some(close) = speaker_aside(
                    s,
                    k,
                    &counts,
                    &cues,
                    speech_verbs.get_or_init(|| s.matches(&lang.claim_verbs)),
                )
            {
                aside += close + 1 - k;
                k = close + 1;
                continue;
            }
            if let Some(ci) = cue_at_start(k) {
                // A cue right before another count belongs to that count ("поранення 20 556").
                // "and injured more than a hundred": past the link words before a number.
                let owns_next = (cues[ci].b..s.toks.len())
                    .take_while(|&j| j == cues[ci].b || lang.sets.link.contains(s.w(j - 1)))
                    .take(3)
                    .any(|j| count_at(j).is_some());
                let predicate = (k == c.last)
                    .then(|| predicate_after_noun(s, &cues, ci))
                    .flatten()
                    .filter(|&p| !used[p]);
                if let Some(p) = predicate {
                    cat[ni] = Some(p);
                } else if !used[ci] && !owns_next {
                    cat[ni] = Some(ci);
                }
                break;
            }
            if let Some(other) = count_at(k) {
                blocked_by[ni] = Some(other);
                break;
            }
            let w = s.w(k);
            // "shot down two drones and inflicted heavy losses": a count of things ends at the
            // conjunction that opens the next predicate.
            if things[ni] && lang.sets.conj.contains(w) {
                break;
            }
            // "16 з них – безповоротні", "из них 30 — убитыми": the dash after a subset
            // introduces its category.
            let subset_dash = matches!(w, "—" | "–")
                && [
                    k.checked_sub(1),
                    c.first.checked_sub(1),
                    c.first.checked_sub(2),
                ]
                .into_iter()
                .flatten()
                .any(|j| lang.sets.including.contains(s.w(j)));
            // "43,2 тыс. палестинцев убиты": the dot of an abbreviated scale ends no clause.
            let scale_dot = w == "." && k == c.last && k > 0 && lang.is_scale(s.w(k - 1));
            // "ще 14 — поранені", "ещё трое – ранены": a dash after the counted phrase that
            // a cue follows right away gives its category.
            let dash_cue = matches!(w, "—" | "–")
                && cue_at_start(k + 1).is_some()
                && (c.last..k).all(|j| s.toks[j].word);
            if (matches!(w, ";" | ":" | "—" | "–" | "." | "?" | "!")
                && !subset_dash
                && !scale_dot
                && !dash_cue)
                || (c.ordinal && !s.toks[k].word)
            {
                break;
            }
            k += 1;
        }
        // Fallback: a governing cue earlier in the clause ("the death toll … rose to 15").
        if cat[ni].is_none() && !c.ordinal {
            let prev_cue = cues.iter().enumerate().rev().find(|(_, q)| q.b <= c.first);
            if let Some((ci, q)) = prev_cue {
                let clause = (q.b..c.first).all(|k| !matches!(s.w(k), ";" | ":" | "." | "—"));
                if governs(ci) && c.first - q.b <= GOVERNED_REACH && clause {
                    cat[ni] = Some(ci);
                }
            }
        }
    }
    // Pass 2: joined counts share the later count's cue ("1,429 civilians and 30,000 …").
    join_blocked(s, &counts, &cues, &mut cat, &blocked_by);
    // A cue of the same category right after a count restates it ("втратила 1 150
    // військовослужбовців убитими й пораненими"): it makes no claim of its own.
    for (ni, c) in counts.iter().enumerate() {
        if let Some(ci) = cat[ni] {
            for (cj, q) in cues.iter().enumerate() {
                // "10 kidnapped victims": a generic noun of the same phrase is its head.
                let head_noun = q.cat == CasualtyCategory::KilledOrWounded
                    && q.a >= cues[ci].b
                    && (c.last..q.a).all(|k| s.toks[k].word);
                if cj != ci
                    && q.a >= c.last
                    && q.a <= c.last + 4
                    && (q.cat == cues[ci].cat || head_noun)
                {
                    used[cj] = true;
                }
            }
        }
    }
    let head_noun = head_nouns(s, &counts, &cues, &cat);
    for q in head_noun.iter().flatten() {
        used[*q] = true;
    }
    // "killed three of the hostages": the group a counted part is taken from names the
    // people counted and makes no claim of its own.
    for (ni, c) in counts.iter().enumerate() {
        if cat[ni].is_some()
            && let Some(g) = group_start(s, c).and_then(cue_at_start)
            && Some(g) != cat[ni]
        {
            used[g] = true;
        }
    }
    // "…, and more than 820,000 have fled their homes": a count followed by a predicate of
    // its own that is no casualty cue heads a clause of its own and inherits nothing.
    let own_predicate = |end: usize| {
        (end..(end + 3).min(s.toks.len())).any(|k| {
            lang.sets.aux.contains(s.w(k))
                && k + 1 < s.toks.len()
                && s.toks[k + 1].word
                && !lang.sets.aux.contains(s.w(k + 1))
                && cue_at_start(k + 1).is_none()
        })
    };
    let listed = |ni: usize| is_list_item(s, &counts, &cues, ni);
    let restated = std::cell::OnceCell::new();
    // Mark used cues, then breakdowns and coordinated counts inherit a category.
    let mut cats: Vec<Option<CasualtyCategory>> =
        cat.iter().map(|c| c.map(|ci| cues[ci].cat)).collect();
    for ci in cat.iter().flatten() {
        used[*ci] = true;
    }
    let of_them = |k: usize| s.w(k) == "of" && matches!(s.w(k + 1), "them" | "whom");
    // "27 people had been killed, two of them civilians, and more than 200 wounded": a part
    // of the ones just counted keeps their category, not the next clause's predicate's
    // ("57 wounded people, 12 of whom died" keeps its own).
    for ni in 1..counts.len() {
        let (f, l) = (counts[ni].first, counts[ni].last);
        if f > 0
            && s.w(f - 1) == ","
            && (of_them(l) || of_them(l + 1))
            && cat[ni].is_some_and(|ci| cues[ci].a > l && (l..cues[ci].a).any(|j| s.w(j) == ","))
            && cats[ni - 1].is_some()
        {
            cats[ni] = cats[ni - 1];
        }
    }
    for ni in 0..counts.len() {
        if cats[ni].is_some() || counts[ni].ordinal {
            continue;
        }
        let f = counts[ni].first;
        let prev_word = |d: usize| f.checked_sub(d).map_or("", |k| s.w(k));
        // "wounded six members of the security forces - three soldiers and three agents": a
        // dash after a counted phrase opens its breakdown, as "including" does.
        let after_dash = matches!(prev_word(1), "-" | "—" | "–")
            && ni > 0
            && cats[ni - 1].is_some()
            && counts[ni - 1].last + 8 >= f;
        // "30 people were killed, 12 of them children": a count of part of the ones just
        // counted, after a comma, opens their breakdown too.
        let l = counts[ni].last;
        let part_of_them = prev_word(1) == ","
            && ni > 0
            && cats[ni - 1].is_some()
            && (of_them(l) || of_them(l + 1));
        let after_including = after_dash
            || part_of_them
            || (1..=4).any(|d| lang.sets.including.contains(prev_word(d)));
        let prev_cat = (0..ni).rev().find_map(|p| cats[p]).or(st.last_category);
        if after_including {
            // An unnumbered subset ("including many civilians") is no claim. A cue between
            // "including" and the number names the category ("в числе уничтоженных — 16").
            let own = cues
                .iter()
                .find(|q| q.b <= f && q.a + 4 >= f)
                .map(|q| q.cat);
            if counts[ni].value.is_some() {
                cats[ni] = own.or(prev_cat);
            }
        } else if let Some(ci) = after_single_object(s, f, &cues) {
            cats[ni] = Some(cues[ci].cat);
        } else if prev_cat.is_some()
            && counts[ni].value.is_some()
            && restated
                .get_or_init(|| s.matches(&lang.restated_figure))
                .iter()
                .any(|&(_, b)| b <= f && f <= b + 1)
        {
            cats[ni] = prev_cat;
        } else if (lang.sets.conj.contains(prev_word(1)) || (prev_word(1) == "," && listed(ni)))
            && ni > 0
            && counts[ni - 1].last + 12 >= f
            && !own_predicate(counts[ni].last)
        {
            cats[ni] = cats[ni - 1];
        }
    }

    for (ni, c) in counts.iter().enumerate() {
        let Some(category) = cats[ni] else { continue };
        if things[ni] {
            continue;
        }
        let cue = cat[ni].map_or((c.first, c.last), |ci| (cues[ci].a, cues[ci].b));
        let who = match parts[ni] {
            // "the four injured soldiers", else the group's own word ("the wounded").
            Some(p) if is_plural_word(s, cues[p.group].b) => who_after(s, cues[p.group].b, &cues),
            Some(p) => Some(s.text_of(cues[p.group].a, cues[p.group].b).to_string()),
            None => match head_noun[ni] {
                Some(q) => Some(s.text_of(cues[q].a, cues[q].b).to_string()),
                None => who_after(s, c.last, &cues),
            },
        };
        let reps = each_repeats(s, c, &counts);
        for _ in 0..reps {
            out.push((
                c.first,
                RawClaim {
                    category,
                    count: c.value,
                    approx: c.approx,
                    who: who.clone(),
                    negated: false,
                    cue,
                    summary: false,
                },
            ));
        }
        // "killed five soldiers and a civilian", "a man and his two children were killed":
        // one more, of the same category.
        // A "one" that is a count of its own ("three policemen, one soldier and …") already
        // made its claim.
        if let Some(ci) = cat[ni]
            && c.value.is_some()
            && let Some((at, one)) = joined_single(s, c.last, (cues[ci].a, cues[ci].b))
                .or_else(|| single_before(s, c.first, (cues[ci].a, cues[ci].b), &cues))
            && count_at(at).is_none()
        {
            out.push((
                c.first,
                RawClaim {
                    category,
                    count: Some(1),
                    approx: false,
                    who: Some(one),
                    negated: false,
                    cue,
                    summary: false,
                },
            ));
        }
        // "tens of thousands are detained and missing": a second cue joined to the first.
        if let Some(ci) = cat[ni] {
            let b = cues[ci].b;
            if lang.sets.conj.contains(s.w(b))
                && let Some(cj) = cue_at_start(b + 1).filter(|&cj| !used[cj])
            {
                used[cj] = true;
                out.push((
                    c.first,
                    RawClaim {
                        category: cues[cj].cat,
                        count: c.value,
                        approx: c.approx,
                        who: who.clone(),
                        negated: false,
                        cue: (cues[cj].a, cues[cj].b),
                        summary: false,
                    },
                ));
            }
        }
    }

    // A denied figure is a negated claim; a denied cue that took no figure is a denied loss.
    for (_, r) in &mut out {
        if denied
            .iter()
            .chain(&denied_figures)
            .any(|&ci| (cues[ci].a, cues[ci].b) == r.cue)
        {
            r.negated = true;
        }
    }
    for &ci in &denied {
        if used[ci] {
            continue;
        }
        used[ci] = true;
        out.push((cues[ci].a, denied_loss(&cues[ci])));
    }

    bare_cue_claims(s, &cues, &mut used, &no_claims, after_negative, &mut out);
    out.sort_by_key(|(p, _)| *p);
    let mut claims: Vec<RawClaim> = out.into_iter().map(|(_, r)| r).collect();
    losses_beside_wounded(&mut claims, &cues);
    let earlier = st.last_category;
    if let Some(last) = claims.iter().rev().find(|c| !c.negated) {
        st.last_category = Some(last.category);
        st.claimed_prev = true;
    }
    if let Some(r) = rejected_claim(s, &claims, earlier) {
        let at = claims.partition_point(|c| c.cue.0 <= r.cue.0);
        claims.insert(at, r);
    }
    claims
}

/// Words a cue in the instrumental may stand before its verb of standing.
const STANDING_REACH: usize = 14;

/// The cue that a verb of standing just before the count at `first` joins to it ("Пропавшими
/// без вести в связи с конфликтом числятся более 50 тысяч"): the verb sits among the link
/// words before the count, and the cue ends at most `STANDING_REACH` words before the verb,
/// with no clause break or number between.
fn standing_cue(s: &Sent, first: usize, cues: &[Cue]) -> Option<usize> {
    let sets = &s.lang.sets;
    let verb = (first.saturating_sub(4)..first)
        .rev()
        .take_while(|&k| sets.link.contains(s.w(k)) || sets.standing_verbs.contains(s.w(k)))
        .find(|&k| sets.standing_verbs.contains(s.w(k)))?;
    cues.iter().rposition(|q| {
        q.b <= verb
            && verb - q.b <= STANDING_REACH
            && (q.b..verb).all(|k| {
                !matches!(s.w(k), "," | ";" | ":" | "—" | "–")
                    && !s.w(k).starts_with(|c: char| c.is_ascii_digit())
            })
    })
}
