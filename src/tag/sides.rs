//! Whose claim, about whose people: each casualty claim gets the party its claimant speaks
//! for (`claimant_party`), the party whose people were hit (`affected_party`) and whether
//! they were soldiers or civilians (`affected_kind`).
//!
//! Parties are data: each has the names texts use for it (country, demonym, adjective,
//! capital, army; Russian and Ukrainian stems), and conflicts say which parties face each
//! other. A name of four letters or more matches the words it starts ("нордландск" →
//! "нордландских"); a shorter one only a whole word ("US").
//!
//! The rules, in order:
//! - **Claimant.** A party named in the claimant ("The Ministry of Defence of Sudmark",
//!   "Norland's defence ministry", relayed by a wire or not); else, for the source's own voice
//!   or an unnamed institution of it ("the ministry", "he", "the General Staff"), the
//!   source's party; else none (a claimant named but not a party: "the UN").
//! - **Whose people**, from the claim's `who`: a party named there ("70 Sudmark soldiers");
//!   an own-side word ("our servicemen", "наших военнослужащих") → the claimant's party; an
//!   enemy word ("the enemy", "противник", "ворог") → the one other party of the claimant's
//!   conflict; civilians → a party named as their place in the same clause ("civilians in
//!   border villages of Norland"), else none; soldiers with no mark ("seven servicemen were
//!   killed" in a ministry's statement) → the claimant's own side, since ministries always
//!   mark the enemy's dead as the enemy's.
//! - A claim with no `who` continues the breakdown of the claim before it in its sentence
//!   ("one soldier killed, 12 captive, 24 missing"); the first claim with none reads its
//!   sentence ("No civilians were hurt" → civilian; "no losses among our personnel" → own).
//!
//! Pure: no I/O.

use super::lexicon::LEXICONS;
use super::mention::{AffectedKind, CasualtyClaim, ClaimantOrigin, Mention, MentionDetail};

/// One party and the names texts use for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// The name the ledger shows ("Norland").
    pub name: String,
    /// The names, adjectives and stems that refer to it, the name itself included.
    pub names: Vec<String>,
}

/// Parties that face each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The name the ledger shows ("Norland–Sudmark border").
    pub name: String,
    /// Its parties, by name.
    pub parties: Vec<String>,
}

/// The parties and conflicts a desk watches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parties {
    parties: Vec<Party>,
    conflicts: Vec<Conflict>,
    /// (lowercased name, index of its party), longest first.
    names: Vec<(String, usize)>,
}

impl Parties {
    /// The parties and conflicts as configured.
    pub fn new(parties: Vec<Party>, conflicts: Vec<Conflict>) -> Parties {
        let mut p = Parties {
            parties,
            conflicts,
            names: Vec::new(),
        };
        p.index();
        p
    }

    /// Adds a party for each source label that names none yet, known by the label alone:
    /// the built-in behaviour when no `[[party]]` is configured.
    pub fn with_labels<'a>(mut self, labels: impl IntoIterator<Item = &'a str>) -> Parties {
        for label in labels {
            let label = label.trim();
            if !label.is_empty() && self.party(label).is_none() {
                self.parties.push(Party {
                    name: label.to_owned(),
                    names: vec![label.to_owned()],
                });
            }
        }
        self.index();
        self
    }

    fn index(&mut self) {
        self.names = self
            .parties
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                std::iter::once(&p.name)
                    .chain(&p.names)
                    .map(move |n| (n.trim().to_lowercase(), i))
            })
            .filter(|(n, _)| !n.is_empty())
            .collect();
        self.names
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        self.names.dedup();
    }

    /// The parties, in configured order.
    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    /// The conflicts, in configured order.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// The party of that name (case-insensitive).
    pub fn party(&self, name: &str) -> Option<&Party> {
        self.parties.iter().find(|p| {
            p.name.eq_ignore_ascii_case(name) || p.name.to_lowercase() == name.to_lowercase()
        })
    }

    /// The first party named in `text`, by any of its names.
    pub fn named_in(&self, text: &str) -> Option<&str> {
        let low = text.to_lowercase();
        let mut prev: Option<char> = None;
        for (i, c) in low.char_indices() {
            let starts_word = prev.is_none_or(|p| !p.is_alphanumeric());
            prev = Some(c);
            if !starts_word || !c.is_alphanumeric() {
                continue;
            }
            let rest = &low[i..];
            for (name, party) in &self.names {
                if name_at(rest, name) {
                    return self.parties.get(*party).map(|p| p.name.as_str());
                }
            }
        }
        None
    }

    /// The other parties of every conflict `party` is in.
    pub fn opponents(&self, party: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for c in &self.conflicts {
            if c.parties.iter().any(|p| p == party) {
                for p in c.parties.iter().filter(|p| *p != party) {
                    if !out.contains(&p.as_str()) {
                        out.push(p);
                    }
                }
            }
        }
        out
    }

    /// The first conflict that has `party` (and `other`, when given) among its parties.
    pub fn conflict_of(&self, party: &str, other: Option<&str>) -> Option<&str> {
        self.conflicts
            .iter()
            .find(|c| {
                c.parties.iter().any(|p| p == party)
                    && other.is_none_or(|o| c.parties.iter().any(|p| p == o))
            })
            .map(|c| c.name.as_str())
    }
}

/// True when `name` (lowercased) starts `rest`, as a stem (four letters or more) or as a
/// whole word.
fn name_at(rest: &str, name: &str) -> bool {
    if !rest.starts_with(name) {
        return false;
    }
    name.chars().count() >= 4
        || rest[name.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// The lowercased words of a text.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Which list of every language a rule reads.
#[derive(Clone, Copy)]
enum List {
    Civilian,
    Military,
    Own,
    Enemy,
    Losses,
    Institutional,
}

/// True when an entry of `list` (any language) starts one of `words`, or, for an entry of
/// several words, starts a word of the joined text. Entries of one or two letters match
/// whole words only.
fn has(words: &[String], list: List) -> bool {
    let joined = words.join(" ");
    LEXICONS.langs().iter().any(|lang| {
        let d = &lang.data.sides;
        let entries = match list {
            List::Civilian => &d.civilian,
            List::Military => &d.military,
            List::Own => &d.own,
            List::Enemy => &d.enemy,
            List::Losses => &d.losses,
            List::Institutional => &d.institutional,
        };
        entries.iter().any(|e| {
            if e.contains(' ') {
                joined.starts_with(e.as_str()) || joined.contains(&format!(" {e}"))
            } else if e.chars().count() <= 2 {
                words.iter().any(|w| w == e)
            } else {
                words.iter().any(|w| w.starts_with(e.as_str()))
            }
        })
    })
}

/// True when an enemy word stands within two words of a loss word ("the enemy lost",
/// "потери противника", "ворог втратив"): the sentence counts the enemy's losses.
fn enemy_losses(words: &[String]) -> bool {
    let one = |w: &String, l: List| has(std::slice::from_ref(w), l);
    words.iter().enumerate().any(|(i, w)| {
        one(w, List::Enemy)
            && words[i.saturating_sub(2)..(i + 3).min(words.len())]
                .iter()
                .any(|x| one(x, List::Losses))
    })
}

/// True when every word of `words` is an institutional one (`List::Institutional`).
fn all_institutional(words: &[String]) -> bool {
    words
        .iter()
        .all(|w| has(std::slice::from_ref(w), List::Institutional))
}

/// True when a claim's `who` names a side: a party by one of its names, or the speaker's own
/// side or the enemy by a word ("our servicemen", "the enemy").
pub fn names_side(who: &str, parties: &Parties) -> bool {
    let w = words(who);
    parties.named_in(who).is_some() || has(&w, List::Own) || has(&w, List::Enemy)
}

/// The party a claimant speaks for.
fn claimant_party(
    c: &CasualtyClaim,
    source_party: Option<&str>,
    parties: &Parties,
) -> Option<String> {
    let claimant = c.claimant.as_deref()?;
    if let Some(p) = parties.named_in(claimant) {
        return Some(p.to_owned());
    }
    let generic = c.claimant_origin == Some(ClaimantOrigin::Source)
        || !claimant.chars().any(char::is_uppercase)
        || all_institutional(&words(claimant));
    if generic {
        source_party.map(str::to_owned)
    } else {
        None
    }
}

/// What the people of a `who` (or of a sentence, when the claims name none) are: their
/// kind, and the party when the words mark it.
struct Affected {
    party: Option<String>,
    kind: Option<AffectedKind>,
}

/// Reads whose people `text` names, for a claim by `claimant`. `clause` is the text after
/// the people, up to the end of their clause, where civilians' place may be named.
fn affected(
    text: &str,
    clause: &str,
    sentence: &str,
    claimant: Option<&str>,
    parties: &Parties,
    named: bool,
) -> Affected {
    let w = words(text);
    let civilian = has(&w, List::Civilian);
    let enemy = has(&w, List::Enemy);
    let own = has(&w, List::Own);
    let military = enemy || has(&w, List::Military);
    let kind = if civilian && !military {
        Some(AffectedKind::Civilian)
    } else if military && !civilian {
        Some(AffectedKind::Military)
    } else {
        None
    };
    let opponent = || {
        let others = parties.opponents(claimant?);
        (others.len() == 1).then(|| others[0].to_owned())
    };
    let party = if let Some(p) = named.then(|| parties.named_in(text)).flatten() {
        Some(p.to_owned())
    } else if own {
        claimant.map(str::to_owned)
    } else if enemy {
        opponent()
    } else if kind == Some(AffectedKind::Civilian) {
        place_named(clause, parties)
    } else if kind == Some(AffectedKind::Military) && enemy_losses(&words(sentence)) {
        opponent()
    } else if kind == Some(AffectedKind::Military) {
        claimant.map(str::to_owned)
    } else {
        None
    };
    Affected { party, kind }
}

/// Prepositions that put a party's name as the place of the people before it ("civilians
/// in border villages of Norland").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "of",
    "near",
    "at",
    "across",
    "в",
    "во",
    "на",
    "у",
    "із",
    "з",
    "под",
    "біля",
    "около",
    "возле",
];

/// A party named as a place in `clause`: right after a place preposition.
fn place_named(clause: &str, parties: &Parties) -> Option<String> {
    let w = words(clause);
    w.windows(2)
        .filter(|pair| PLACE_PREPOSITIONS.contains(&pair[0].as_str()))
        .find_map(|pair| parties.named_in(&pair[1]).map(str::to_owned))
}

/// The text after `who` in `sentence`, up to the end of its clause (comma, semicolon, dash).
fn clause_after<'a>(sentence: &'a str, who: &str) -> &'a str {
    let Some(at) = sentence.find(who) else {
        return "";
    };
    let rest = &sentence[at + who.len()..];
    let end = rest.find([',', ';', '—', '–', '.']).unwrap_or(rest.len());
    &rest[..end]
}

/// Fills `claimant_party`, `affected_party` and `affected_kind` of the claims of one
/// sentence. `source_party` is the `party` label of the source that published it.
pub fn resolve(
    sentence: &str,
    claims: &mut [CasualtyClaim],
    source_party: Option<&str>,
    parties: &Parties,
) {
    let mut previous: Option<(Option<String>, Option<AffectedKind>)> = None;
    for c in claims.iter_mut() {
        c.claimant_party = claimant_party(c, source_party, parties);
        let claimant = c.claimant_party.clone();
        let found = match c.who.as_deref().filter(|w| !w.trim().is_empty()) {
            Some(who) => {
                let a = affected(
                    who,
                    clause_after(sentence, who),
                    sentence,
                    claimant.as_deref(),
                    parties,
                    true,
                );
                Some((a.party, a.kind))
            }
            None => previous.clone().or_else(|| {
                // The sentence's own words; names there are as often the attacker's.
                let a = affected(sentence, "", sentence, claimant.as_deref(), parties, false);
                let civilian_place = (a.kind == Some(AffectedKind::Civilian))
                    .then(|| {
                        let low = sentence.to_lowercase();
                        let w = words(sentence);
                        w.iter()
                            .find(|x| has(std::slice::from_ref(*x), List::Civilian))
                            .and_then(|x| low.find(x.as_str()).map(|at| &low[at..]))
                            .and_then(|rest| {
                                let end = rest.find([',', ';', '.']).unwrap_or(rest.len());
                                place_named(&rest[..end], parties)
                            })
                    })
                    .flatten();
                (a.kind.is_some()).then(|| (a.party.or(civilian_place), a.kind))
            }),
        };
        if let Some((party, kind)) = found {
            c.affected_party = party.clone();
            c.affected_kind = kind;
            previous = Some((party, kind));
        } else {
            c.affected_party = None;
            c.affected_kind = None;
        }
    }
}

/// `resolve` for every casualty mention of a tagged text.
pub fn resolve_mentions(
    text: &str,
    mentions: &mut [Mention],
    source_party: Option<&str>,
    parties: &Parties,
) {
    for m in mentions {
        let sentence = text.get(m.sentence.start..m.sentence.end).unwrap_or("");
        if let MentionDetail::Casualty { claims } = &mut m.detail {
            resolve(sentence, claims, source_party, parties);
        }
    }
}
