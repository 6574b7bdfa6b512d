//! Which of a sentence's claimant candidates (`claimant::candidates`) makes its claims: the
//! first named source outside quotations, the speaker of a later clause of its own before a
//! claim, the attribution right after the figures, a cited source; and the name that opens
//! a sentence, for a pronoun to take up.

use super::claimant::{Found, candidates};
use super::sentence::Sent;

/// "X заявило о гибели трех, армянская сторона сообщила о двух раненых": the speaker of the
/// finite verb at `v` opens a clause of its own right after a comma (a few words, no other
/// mark, conjunction or relative pronoun between them; "…, with the cities of A, B and C each
/// reporting one dead" is no clause of its own).
fn opens_clause_after_comma(s: &Sent, v: usize) -> bool {
    let Some(comma) = (v.saturating_sub(7)..v).rev().find(|&k| !s.toks[k].word) else {
        return false;
    };
    s.w(comma) == ","
        && comma + 1 < v
        && !s.w(v).ends_with("ing")
        && !(comma + 1..v).any(|k| s.lang.sets.conj.contains(s.w(k)))
        && !s.lang.sets.claim_relative.contains(s.w(comma + 1))
        && !s.lang.sets.claim_bad_start.contains(s.w(comma + 1))
        && !matches!(s.w(comma + 1), "which" | "who" | "as")
}

/// "…, a claim rejected by the Pakistani Taliban, who said …": the verb at `v` is a relative
/// clause's, after a comma; its antecedent speaks from there on.
fn relative_after_comma(s: &Sent, v: usize) -> bool {
    v >= 2 && s.lang.sets.claim_relative.contains(s.w(v - 1)) && s.w(v - 2) == ","
}

/// "Citing OCHA, the Sudan Tribune reported …": the clause after the comma is the one the
/// opening attribution belongs to, no clause of its own (the comma closes the attribution).
fn after_attribution(s: &Sent, c: &[(usize, Found)], v: usize) -> bool {
    c.iter()
        .any(|(q, f)| f.according && *q < v && (*q..v).filter(|&k| s.w(k) == ",").count() == 1)
}

/// True when the verb at `v` heads a clause that a contrast word opens after a comma, a few
/// words before it (", while state media said", ", but the army said").
fn contrast_opens(s: &Sent, v: usize) -> bool {
    (v.saturating_sub(6)..v).any(|k| {
        k > 0
            && s.w(k - 1) == ","
            && matches!(
                s.w(k),
                "but" | "while" | "whilst" | "whereas" | "although" | "though" | "но" | "але"
            )
    })
}

/// Token flags: inside a quotation.
fn quoted(s: &Sent) -> Vec<bool> {
    let mut inside = false;
    s.toks
        .iter()
        .map(|t| {
            match t.lower.as_str() {
                "“" | "«" | "„" => inside = true,
                "”" | "»" => inside = false,
                "\"" => inside = !inside,
                _ => {}
            }
            inside
        })
        .collect()
}

/// Words that open a clause of time or cause ("after Israeli fire killed two …").
const SUBORDINATORS: &[&str] = &[
    "after",
    "when",
    "following",
    "because",
    "после",
    "когда",
    "після",
    "коли",
];

/// "Israel and Hamas accused each other of violating the truce after Israeli fire killed two
/// Palestinians, local health officials said": a figure in a clause of time or cause after
/// the first speaker's verb is no part of what that speaker says; the speaker whose verb
/// closes the sentence gives it (TAGS.md: the attribution nearest the figure).
fn closing_speaker_of_subordinate(s: &Sent, c: &[(usize, Found)], claim: usize) -> Option<Found> {
    let first = c.iter().find(|(p, f)| *p < claim && !f.pronoun)?.0;
    let subordinate = (first..claim).any(|k| SUBORDINATORS.contains(&s.w(k)));
    if !subordinate {
        return None;
    }
    c.iter()
        .find(|(p, f)| {
            *p > claim
                && !f.pronoun
                && !f.issuer
                && (*p + 1..s.toks.len()).filter(|&k| s.toks[k].word).count() <= 4
        })
        .map(|(_, f)| f.clone())
}

/// The claimant of a sentence: the first named source outside quotations, else inside,
/// else a pronoun, else a relay.
pub fn find(s: &Sent) -> Option<Found> {
    find_near(s, None)
}

/// The claimant of a sentence whose first claim sits at token `claim`: as `find`, except
/// that a later clause with its own reporting verb before the claim takes over ("Azerbaijan
/// said …, and Armenian separatists said 32 people had been killed").
pub fn find_near(s: &Sent, claim: Option<usize>) -> Option<Found> {
    let mut c = candidates(s);
    // "…, while state media said there were no casualties": an outlet that speaks in a
    // contrasting clause of its own makes that clause's claims, it relays no one.
    for (p, f) in &mut c {
        if f.relay && contrast_opens(s, *p) {
            f.relay = false;
        }
    }
    if let Some(claim) = claim
        && let Some(f) = closing_speaker_of_subordinate(s, &c, claim)
    {
        return Some(f);
    }
    if let Some(claim) = claim {
        let restart = c.iter().rposition(|(p, f)| {
            *p < claim
                && *p > 0
                && !f.pronoun
                && !f.relay
                && ((0..*p).rev().take(14).any(|k| {
                    s.w(k) == ";"
                        || (matches!(
                            s.w(k),
                            "and"
                                | "but"
                                | "while"
                                | "whilst"
                                | "whereas"
                                | "although"
                                | "though"
                                | "after"
                                | "before"
                                | "а"
                                | "но"
                                | "але"
                                | "тоді"
                                | "тогда"
                        ) && k > 0
                            && s.w(k - 1) == ",")
                }) || (opens_clause_after_comma(s, *p) && !after_attribution(s, &c, *p))
                    || relative_after_comma(s, *p))
        });
        if let Some(r) = restart.filter(|&r| r > 0) {
            c.drain(..r);
        }
        // "…, officials said; two people were wounded, the governor said": a claim after a
        // semicolon takes a speaker of its own clause.
        let semi = (0..claim.min(s.toks.len())).rev().find(|&k| s.w(k) == ";");
        if let Some(start) = semi {
            let end = (claim..s.toks.len())
                .find(|&k| s.w(k) == ";")
                .unwrap_or(s.toks.len());
            let own = |p: usize, f: &Found| p > start && p < end && !f.pronoun && !f.relay;
            if c.iter().any(|(p, f)| own(*p, f)) {
                c.retain(|(p, f)| own(*p, f));
            }
        }
    }
    let q = quoted(s);
    let outside = |p: &usize| !q.get(*p).copied().unwrap_or(false);
    // "… reports TRT World, citing the Health Ministry": the cited source.
    // "The army said it had killed 15, quoting its commander as saying that another six had
    // surrendered": a source quoted after the claim, with words of its own, is not the
    // source of that claim.
    let quoted_as = s.matches(&s.lang.claim_quoted_as);
    let quoting_after = |p: usize| {
        claim.is_some_and(|c| c < p) && quoted_as.iter().any(|q| q.0 > p && q.0 <= p + 8)
    };
    let citing: Vec<usize> = s
        .matches(&s.lang.claim_citing)
        .iter()
        .map(|m| m.0)
        .filter(|&p| !quoting_after(p))
        .collect();
    let (sources, issuers): (Vec<_>, Vec<_>) = c.into_iter().partition(|(_, f)| !f.issuer);
    let c = sources;
    // "… attacks that left some 90 people killed, according to medical sources": the
    // attribution right after the figures is theirs (TAGS.md: the attribution nearest the
    // figure), over a speaker named before them.
    // "ISWAP claimed …, according to a statement circulated on Telegram": a message with no
    // issuer is only the channel of a speaker named in the sentence.
    let channel_only = |f: &Found| {
        let mut words = f.name.split_whitespace().map(str::to_lowercase);
        let first = words.next().unwrap_or_default();
        let head = if s.lang.sets.claim_article.contains(&first) {
            words.next().unwrap_or_default()
        } else {
            first
        };
        s.lang.sets.claim_channel_nouns.contains(&head)
    };
    let named_elsewhere = |q: usize| {
        c.iter()
            .any(|(p, f)| *p != q && !f.pronoun && !f.relay && !channel_only(f))
    };
    // "По данным Баку, погибли 50 …, а по данным Еревана — 49": a figure with its own
    // attribution before it keeps that one.
    let attributed_before = |claim: usize| c.iter().any(|(p, f)| f.according && *p < claim);
    if let Some(claim) = claim
        && !attributed_before(claim)
        && let Some((_, f)) = c.iter().find(|(p, f)| {
            f.according
                && *p > claim
                && !f.pronoun
                && !f.relay
                && !quoting_after(*p)
                && (!channel_only(f) || !named_elsewhere(*p))
        })
    {
        return Some(f.clone());
    }
    c.iter()
        .find(|(p, f)| !f.pronoun && !f.relay && citing.contains(p))
        .or_else(|| c.iter().find(|(p, f)| !f.pronoun && !f.relay && outside(p)))
        .or_else(|| c.iter().find(|(p, f)| f.pronoun && outside(p)))
        .or_else(|| c.iter().find(|(_, f)| !f.pronoun && !f.relay))
        .or_else(|| c.iter().find(|(_, f)| f.pronoun))
        .or_else(|| c.first())
        .or_else(|| issuers.first())
        .map(|(_, f)| f.clone())
}

/// A name that could stand for "it"/"he" when no claimant came before: the capitalised
/// noun phrase that opens the sentence ("The Sudanese Armed Forces … it said").
pub fn opening_name(s: &Sent) -> Option<String> {
    opening_name_end(s).map(|b| s.text_of(0, b).to_string())
}

/// The token that ends the name `opening_name` finds.
fn opening_name_end(s: &Sent) -> Option<usize> {
    let mut b = 0;
    while b < s.toks.len() && b < 8 {
        // A name in quotation marks after a noun: "Группировка «Аш-Шабаб»".
        if b > 0
            && matches!(s.w(b), "«" | "“" | "\"")
            && s.is_cap(b + 1)
            && let Some(close) =
                (b + 1..(b + 6).min(s.toks.len())).find(|&k| matches!(s.w(k), "»" | "”" | "\""))
        {
            b = close + 1;
            continue;
        }
        if !(s.toks[b].word && (s.is_cap(b) || (b > 0 && matches!(s.w(b), "of" | "the" | "for")))) {
            break;
        }
        b += 1;
    }
    while b > 0 && matches!(s.w(b - 1), "of" | "the" | "for") {
        b -= 1;
    }
    // "On Friday, …", "In Gao, …": a phrase of time or place, no name.
    let opens_phrase =
        s.lang.sets.who_stop.contains(s.w(0)) && !matches!(s.w(0), "the" | "a" | "an");
    (b >= 2 && !opens_phrase).then_some(b)
}

/// The institution that names itself as the actor of the sentence ("The Sudanese Armed Forces
/// repelled an attack, killing 200"; "Troops of Operation Hadin Kai neutralised 7
/// terrorists"): a capitalised name that opens the sentence, holds the noun of an armed or
/// official body and is followed by its verb. TAGS.md: an issuer that names itself in the
/// third person is the claimant, as written; used only when no speaker is named anywhere.
pub fn acting_issuer(s: &Sent, cue: usize) -> Option<String> {
    let n = opening_name_end(s)?;
    let body = (0..n).any(|k| {
        matches!(
            s.w(k),
            "army"
                | "forces"
                | "force"
                | "ministry"
                | "command"
                | "mission"
                | "navy"
                | "brigade"
                | "division"
                | "battalion"
                | "corps"
                | "guard"
                | "troops"
                | "military"
                | "police"
                | "operation"
                | "regiment"
                | "committee"
                | "cross"
                | "crescent"
                | "headquarters"
                | "administration"
                | "service"
        )
    });
    let verb = |k: usize| {
        s.toks.get(k).is_some_and(|t| t.word)
            && !s.is_cap(k)
            && (s.w(k).ends_with("ed")
                || matches!(s.w(k), "killed" | "shot" | "took" | "hit" | "struck"))
    };
    // "has neutralised", "today facilitated": an auxiliary or a word of time before the verb.
    let mut v = n;
    while v < n + 2
        && matches!(
            s.w(v),
            "has" | "have" | "had" | "today" | "yesterday" | "also"
        )
    {
        v += 1;
    }
    (body && verb(v) && cue >= v).then(|| s.text_of(0, n).to_string())
}
