//! The word lists of every language, read from the TOML files under `src/tag/lexicon/`.
//!
//! Everything that names a word lives in data: triggers, status cues, negative contexts,
//! number words, approximation markers and claimant verbs. Each list entry is a regular
//! expression fragment (mostly a plain phrase), matched case-insensitively between word
//! boundaries. The files are embedded with `include_str!` and compiled once; a unit test
//! checks that they parse, and at run time a broken file degrades to an empty lexicon.

use std::collections::HashMap;

use super::words::WordSet;
use std::sync::LazyLock;

use regex::Regex;

pub use super::gate::Gate;
pub use super::lexicon_data::*;
use super::mention::{CasualtyCategory, CeasefireStatus};
pub use super::phrases::*;
pub use super::prefilter::{PREFILTER_GROUPS, Prefilter};

/// The embedded lexicon files, one per language: (language code, TOML text).
pub const SOURCES: &[(&str, &str)] = &[
    ("en", include_str!("lexicon/en.toml")),
    ("ru", include_str!("lexicon/ru.toml")),
    ("uk", include_str!("lexicon/uk.toml")),
];

/// The compiled casualty cues of one kind (any, numbered-only, singular).
#[derive(Debug, Default)]
pub struct CueSet(pub Vec<(CasualtyCategory, Phrases)>);

impl CueSet {
    fn compile(c: &CategoryCues) -> Result<CueSet, String> {
        Ok(CueSet(vec![
            (
                CasualtyCategory::KilledOrWounded,
                Phrases::compile(&c.killed_or_wounded)?,
            ),
            (CasualtyCategory::Killed, Phrases::compile(&c.killed)?),
            (CasualtyCategory::Wounded, Phrases::compile(&c.wounded)?),
            (CasualtyCategory::Captured, Phrases::compile(&c.captured)?),
            (CasualtyCategory::Missing, Phrases::compile(&c.missing)?),
        ]))
    }
}

/// One language's lexicon, compiled.
#[derive(Debug, Default)]
pub struct Lang {
    /// Language code.
    pub code: String,
    /// The raw lists (word sets and maps are used directly).
    pub data: LexiconData,
    /// Ceasefire triggers.
    pub cf_triggers: Phrases,
    /// Ceasefire + clash triggers.
    pub cf_with_clash: Phrases,
    /// Ceasefire trigger negatives.
    pub cf_not: Phrases,
    /// Figurative ceasefire contexts.
    pub cf_figurative: Phrases,
    /// Status cues, in priority order.
    pub cf_status: Vec<(CeasefireStatus, Phrases)>,
    /// Appeals to observe.
    pub cf_appeal: Phrases,
    /// Since-the-truce contexts.
    pub cf_since: Phrases,
    /// Since-then contexts: fighting reported after an earlier sentence's truce.
    pub cf_since_then: Phrases,
    /// Another side's refusal after an agreed truce (see `lexicon_data`).
    pub cf_refused_after: Phrases,
    /// Nouns that take up the last ceasefire at the start of a later sentence.
    pub cf_anaphors: Phrases,
    /// A breach of the last ceasefire told through a pronoun object in a later sentence.
    pub cf_broken_by_pronoun: Phrases,
    /// Ceasefire: endings of an infinitive ("ть"), lowercase.
    pub cf_inf_endings: Vec<String>,
    /// Ceasefire: endings of adverbs between an infinitive mark and its verb ("ly").
    pub cf_adverb_endings: Vec<String>,
    /// Ceasefire: endings of verbal nouns ("ние"), lowercase.
    pub cf_noun_endings: Vec<String>,
    /// Mediator patterns.
    pub cf_mediator: Vec<Regex>,
    /// Clash triggers.
    pub clash_triggers: Phrases,
    /// Clash trigger negatives.
    pub clash_not: Phrases,
    /// Clash sentence negatives.
    pub clash_negative: Phrases,
    /// Attack predicates that need an armed argument.
    pub clash_predicates: Phrases,
    /// Attack predicates that need a weapon.
    pub clash_instrument_predicates: Phrases,
    /// Armed arguments: forces, positions and weapons.
    pub clash_armed: Phrases,
    /// Weapons only.
    pub clash_weapons: Phrases,
    /// Drill, film and book contexts that hold for the rest of the passage.
    pub clash_passage_negative: Phrases,
    /// Casualty cues.
    pub cues: CueSet,
    /// Numbered-only casualty cues.
    pub numbered_cues: CueSet,
    /// Singular casualty cues.
    pub singular_cues: CueSet,
    /// Every casualty cue of the three sets, to rule out a sentence with one scan.
    pub any_cue: Phrases,
    /// Negators.
    pub negators: Phrases,
    /// Negators after a cue.
    pub negators_after: Phrases,
    /// Deniers.
    pub deniers: Phrases,
    /// Denials after a reported figure.
    pub denied_after: Phrases,
    /// Report nouns a later denial governs.
    pub report_nouns: Phrases,
    /// A rejection of a claim made before it ("a claim the army denied").
    pub rejections: Phrases,
    /// One person as the object of a casualty verb ("командира"): count 1.
    pub singular_objects: Phrases,
    /// Wounds that weapons make ("wounded", "ранены").
    pub wound_words: Phrases,
    /// No-claim contexts.
    pub no_claim: Phrases,
    /// Casualty sentence negatives.
    pub casualty_negative: Phrases,
    /// Non-violent causes an armed event overrides (casualty context).
    pub nonviolent: Phrases,
    /// Armed attack and fighting words (casualty context).
    pub armed_events: Phrases,
    /// Background of a war long over (casualty context).
    pub history: Phrases,
    /// People only armed violence makes casualties of (civilians, peacekeepers, hostages):
    /// with `clash_armed`, what a passage that names no cause must mention to keep its claims.
    pub conflict_people: Phrases,
    /// Killing and abduction verbs whose agent is named before them (casualty context).
    pub agent_verbs: Phrases,
    /// Sources that speak of accidents and crime too (casualty context).
    pub civil_speakers: Phrases,
    /// Openers of a report of another event (casualty context).
    pub topic_shift: Phrases,
    /// Openers that go back to the time of the sentence before (clash and casualty context).
    pub back_then: Phrases,
    /// Ordinary crime (casualty context).
    pub crime: Phrases,
    /// Drills and training (casualty context).
    pub drills: Phrases,
    /// Not-people nouns.
    pub not_people: Phrases,
    /// Fates other than a casualty's ("displaced", "forced to flee").
    pub displacement: Phrases,
    /// Summary nouns.
    pub summary: Phrases,
    /// Governing cues.
    pub governing: Phrases,
    /// A second figure with no category word (see `lexicon_data`).
    pub restated_figure: Phrases,
    /// Per-place repetition phrases.
    pub each: Phrases,
    /// Approximation markers before a number.
    pub approx_before: Phrases,
    /// Vague quantities.
    pub vague: Phrases,
    /// Rising-toll verbs before "до" ("возросло до 45": exact).
    pub rise_to: Phrases,
    /// Claimant verbs.
    pub claim_verbs: Phrases,
    /// "According to" phrases.
    pub according: Phrases,
    /// Relay outlets.
    pub relays: Phrases,
    /// Backward-pointing claimant phrases.
    pub claim_backward: Phrases,
    /// Speaker nouns.
    pub claim_speakers: Phrases,
    /// Phrases that name a cited source.
    pub claim_citing: Phrases,
    /// Message and channel words that open no claimant ("в сообщении", "телеграм-каналі").
    pub claim_channels: Phrases,
    /// What closes a quotation of someone ("as saying").
    pub claim_quoted_as: Phrases,
    /// Verbs of an issuer's own statement.
    pub claim_issuer_verbs: Phrases,
    /// Lowercase word sets, for token tests.
    pub sets: WordSets,
    /// True when some phrase lists have a lowercased regex: sentences are `fold`ed once.
    pub folds: bool,
    /// Which phrase lists may match a sentence, by the literals that begin their matches.
    pub gate: Gate,
    /// The fixed approximate phrases with their values, longest first.
    pub approx_phrases: Vec<(String, u64)>,
}

/// Lowercase word sets used token by token.
#[derive(Debug, Default)]
pub struct WordSets {
    /// Link words between a cue and its number.
    pub link: WordSet,
    /// Prepositions of a place or time phrase between a verb and its object.
    pub object_preps: WordSet,
    /// Verbs of standing between a cue in the instrumental and its count.
    pub standing_verbs: WordSet,
    /// Auxiliaries between a number phrase and its cue.
    pub aux: WordSet,
    /// Words ending a "who" phrase.
    pub who_stop: WordSet,
    /// "including".
    pub including: WordSet,
    /// Words that open a part of people counted already ("among the dead").
    pub subset_openers: WordSet,
    /// Conjunctions.
    pub conj: WordSet,
    /// Singular auxiliaries.
    pub singular_aux: WordSet,
    /// Singular determiners.
    pub singular_det: WordSet,
    /// Determiners that say "one" whatever the verb.
    pub one_det: WordSet,
    /// Words that stand for one more person left unsaid.
    pub one_more: WordSet,
    /// See `lexicon_data::Sets::groups_of`.
    pub groups_of: WordSet,
    /// See `lexicon_data::Sets::release_nouns`.
    pub release_nouns: WordSet,
    /// Irregular plural nouns.
    pub plural_nouns: WordSet,
    /// Words after a cue that make it a modifier.
    pub modified: WordSet,
    /// Words before an age.
    pub age_before: WordSet,
    /// Words before a claimant verb that make it a noun or adjective ("the claims").
    pub claim_not_after: WordSet,
    /// Words after a claimant verb that make it no reporting verb.
    pub claim_not_before: WordSet,
    /// Objects after a claimant verb that make it no reporting verb ("claimed … lives").
    pub claim_objects_not_speech: WordSet,
    /// Verbs that put out a statement ("released a statement").
    pub claim_issue_verbs: WordSet,
    /// Verbs of an outlet quoting someone ("quoted").
    pub claim_quoting_verbs: WordSet,
    /// Verbs of accusing, whose object is no speaker.
    pub claim_accusing_verbs: WordSet,
    /// First words that make a segment no subject.
    pub not_subject_start: WordSet,
    /// Ceasefire cues that weigh less ("despite").
    pub cf_weak: WordSet,
    /// Ceasefire: contrast words.
    pub cf_contrast: WordSet,
    /// Words that make a truce's end a threat or a possibility.
    pub cf_hypothetical: WordSet,
    /// Ceasefire: first words of verbal triggers.
    pub cf_verb_heads: WordSet,
    /// Ceasefire: words that end a trigger's clause.
    pub cf_breaks: WordSet,
    /// Ceasefire: relative words.
    pub cf_relatives: WordSet,
    /// Ceasefire: pronouns that take up a trigger.
    pub cf_pronouns: WordSet,
    /// Ceasefire: words of wish, effort or failure over an agreed infinitive.
    pub cf_irrealis: WordSet,
    /// Ceasefire: infinitive markers ("to").
    pub cf_infinitive: WordSet,
    /// "more" words.
    pub more: WordSet,
    /// Range joiners.
    pub range: WordSet,
    /// Words before a number that block a range.
    pub range_not_after: WordSet,
    /// Numbers: question words that make a vague quantity a question ("how many").
    pub asking: WordSet,
    /// Month names.
    pub months: WordSet,
    /// Words after a number that make it no count.
    pub not_count_after: WordSet,
    /// Words before a year.
    pub year_before: WordSet,
    /// Pronouns.
    pub pronouns: WordSet,
    /// Claimant strip words.
    pub claim_strip: WordSet,
    /// Claimant stop words.
    pub claim_stop: WordSet,
    /// Nouns of a speaker's channel ("statement").
    pub claim_channel_nouns: WordSet,
    /// Claimant auxiliaries.
    pub claim_aux: WordSet,
    /// Indefinite determiners before a ceasefire trigger.
    pub indefinite: WordSet,
    /// Location prepositions.
    pub location_preps: WordSet,
    /// Clash: words that bring a weapon into a clause.
    pub weapon_intro: WordSet,
    /// Place nouns.
    pub location_nouns: WordSet,
    /// Words that make a name before them no place.
    pub location_not: WordSet,
    /// Range openers ("between").
    pub range_open: WordSet,
    /// Words before "from" that make "from X to Y" a range.
    pub range_from: WordSet,
    /// Nouns that name no speaker.
    pub abstract_heads: WordSet,
    /// Modifiers that, alone, name no speaker.
    pub abstract_modifiers: WordSet,
    /// Abstract heads that are someone's account ("reports").
    pub report_heads: WordSet,
    /// Words a claimant never starts with.
    pub claim_bad_start: WordSet,
    /// Words that make a claimant phrase a clause.
    pub claim_clause: WordSet,
    /// Claimant: conjunctions that open a clause of its own.
    pub claim_opener: WordSet,
    /// Capitalised words that are no name.
    pub claim_not_name: WordSet,
    /// Relatives that may open an object clause before its subject.
    pub claim_relative: WordSet,
    /// Articles of a common noun phrase.
    pub claim_article: WordSet,
    /// Claimant: titles a definite article turns into a reference back ("the governor").
    pub anaphoric_titles: WordSet,
    /// Claimant: the definite article(s).
    pub definite: WordSet,
}

fn set(list: &[String]) -> WordSet {
    list.iter().map(|s| s.to_lowercase()).collect()
}

impl Lang {
    /// True for a word that multiplies a number ("тыс", "thousand", "млн").
    pub fn is_scale(&self, w: &str) -> bool {
        self.data.numbers.scales.contains_key(w)
    }

    /// Parse and compile one lexicon file.
    pub fn from_toml(code: &str, src: &str) -> Result<Lang, String> {
        let data = LexiconData::parse(code, src)?;
        let c = &data.ceasefire;
        let cf_status = vec![
            (CeasefireStatus::Collapsed, Phrases::compile(&c.collapsed)?),
            (CeasefireStatus::Violated, Phrases::compile(&c.violated)?),
            (CeasefireStatus::Holding, Phrases::compile(&c.holding)?),
            (CeasefireStatus::Proposed, Phrases::compile(&c.proposed)?),
            (CeasefireStatus::Agreed, Phrases::compile(&c.agreed)?),
        ];
        let mut cf_mediator = Vec::new();
        for m in &c.mediator {
            let re = Regex::new(&format!("(?i){m}")).map_err(|e| format!("{code}: {e}"))?;
            if !re.capture_names().any(|n| n == Some("m")) {
                return Err(format!("{code}: mediator pattern {m:?} has no group `m`"));
            }
            cf_mediator.push(re);
        }
        let k = &data.casualty;
        let n = &data.numbers;
        let cl = &data.claimant;
        let sets = WordSets {
            link: set(&k.link_words),
            object_preps: set(&k.object_preps),
            standing_verbs: set(&k.standing_verbs),
            aux: set(&k.aux_words),
            who_stop: set(&k.who_stop),
            including: set(&k.including),
            subset_openers: set(&k.subset_openers),
            conj: set(&k.conjunctions),
            singular_aux: set(&k.singular_aux),
            singular_det: set(&k.singular_det),
            one_det: set(&k.one_det),
            one_more: set(&k.one_more),
            groups_of: set(&k.groups_of),
            release_nouns: set(&k.release_nouns),
            plural_nouns: set(&k.plural_nouns),
            modified: set(&k.modified_by),
            age_before: set(&k.age_before),
            claim_not_after: set(&cl.not_after),
            claim_not_before: set(&cl.not_before),
            claim_objects_not_speech: set(&cl.objects_not_speech),
            claim_issue_verbs: set(&cl.issue_verbs),
            claim_quoting_verbs: set(&cl.quoting_verbs),
            claim_accusing_verbs: set(&cl.accusing_verbs),
            not_subject_start: set(&cl.not_subject_start),
            cf_weak: set(&c.weak),
            cf_contrast: set(&c.contrast),
            cf_hypothetical: set(&c.hypothetical),
            cf_verb_heads: set(&c.verb_heads),
            cf_breaks: set(&c.clause_breaks),
            cf_relatives: set(&c.relatives),
            cf_pronouns: set(&c.pronouns),
            cf_irrealis: set(&c.irrealis),
            cf_infinitive: set(&c.infinitive_marks),
            more: set(&n.more),
            range: set(&n.range),
            range_not_after: set(&n.range_not_after),
            asking: set(&n.asking),
            months: set(&n.months),
            not_count_after: set(&n.not_count_after),
            year_before: set(&n.year_before),
            pronouns: set(&cl.pronouns),
            claim_strip: set(&cl.strip),
            claim_stop: set(&cl.stop),
            claim_channel_nouns: set(&cl.channel_nouns),
            claim_aux: set(&cl.aux),
            indefinite: set(&c.indefinite),
            location_preps: set(&data.clash.location_preps),
            weapon_intro: set(&data.clash.weapon_intro),
            location_nouns: set(&data.clash.location_nouns),
            location_not: set(&data.clash.location_not),
            range_open: set(&n.range_open),
            range_from: set(&n.range_from),
            abstract_heads: set(&cl.abstract_heads),
            abstract_modifiers: set(&cl.abstract_modifiers),
            report_heads: set(&cl.report_heads),
            claim_bad_start: set(&cl.bad_start),
            claim_clause: set(&cl.clause_words),
            claim_opener: set(&cl.clause_openers),
            claim_not_name: set(&cl.not_name),
            claim_relative: set(&cl.relatives),
            claim_article: set(&cl.articles),
            anaphoric_titles: set(&cl.anaphoric_titles),
            definite: set(&cl.definite),
        };
        let mut approx_phrases: Vec<(String, u64)> = n
            .approx_phrases
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        approx_phrases.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        let mut lang = Lang {
            code: code.to_string(),
            cf_triggers: Phrases::compile(&c.triggers)?,
            cf_with_clash: Phrases::compile(&c.triggers_with_clash)?,
            cf_not: Phrases::compile(&c.not_ceasefire)?,
            cf_figurative: Phrases::compile(&c.figurative)?,
            cf_status,
            cf_appeal: Phrases::compile(&c.appeal_to_observe)?,
            cf_since: Phrases::compile(&c.violated_if_fighting)?,
            cf_since_then: Phrases::compile(&c.violated_if_fighting_after)?,
            cf_refused_after: Phrases::compile(&c.refused_after)?,
            cf_anaphors: Phrases::compile(&c.anaphors)?,
            cf_broken_by_pronoun: Phrases::compile(&c.broken_by_pronoun)?,
            cf_inf_endings: c
                .infinitive_endings
                .iter()
                .map(|e| e.to_lowercase())
                .collect(),
            cf_adverb_endings: c.adverb_endings.iter().map(|e| e.to_lowercase()).collect(),
            cf_noun_endings: c.noun_endings.iter().map(|e| e.to_lowercase()).collect(),
            cf_mediator,
            clash_triggers: Phrases::compile(&data.clash.triggers)?,
            clash_not: Phrases::compile(&data.clash.not_clash)?,
            clash_negative: Phrases::compile(&data.clash.negative)?,
            clash_predicates: Phrases::compile(&data.clash.predicates)?,
            clash_instrument_predicates: Phrases::compile(&data.clash.instrument_predicates)?,
            clash_armed: Phrases::compile(
                &[&data.clash.armed[..], &data.clash.weapons[..]].concat(),
            )?,
            clash_weapons: Phrases::compile(&data.clash.weapons)?,
            clash_passage_negative: Phrases::compile(&data.clash.passage_negative)?,
            cues: CueSet::compile(&k.cues)?,
            numbered_cues: CueSet::compile(&k.numbered_cues)?,
            singular_cues: CueSet::compile(&k.singular_cues)?,
            any_cue: Phrases::compile(
                &[&k.cues, &k.numbered_cues, &k.singular_cues]
                    .iter()
                    .flat_map(|c| c.all())
                    .cloned()
                    .collect::<Vec<_>>(),
            )?,
            negators: Phrases::compile(&k.negators)?,
            negators_after: Phrases::compile(&k.negators_after)?,
            deniers: Phrases::compile(&k.deniers)?,
            denied_after: Phrases::compile(&k.denied_after)?,
            report_nouns: Phrases::compile(&k.report_nouns)?,
            rejections: Phrases::compile(&k.rejections)?,
            singular_objects: Phrases::compile(&k.singular_objects)?,
            wound_words: Phrases::compile(&k.wound_words)?,
            no_claim: Phrases::compile(&k.no_claim)?,
            casualty_negative: Phrases::compile(&k.negative)?,
            nonviolent: Phrases::compile(&k.nonviolent)?,
            armed_events: Phrases::compile(&k.armed_events)?,
            history: Phrases::compile(&k.history)?,
            conflict_people: Phrases::compile(&k.conflict_people)?,
            agent_verbs: Phrases::compile(&k.agent_verbs)?,
            civil_speakers: Phrases::compile(&k.civil_speakers)?,
            topic_shift: Phrases::compile(&k.topic_shift)?,
            back_then: Phrases::compile(&k.back_then)?,
            crime: Phrases::compile(&k.crime)?,
            drills: Phrases::compile(&k.drills)?,
            not_people: Phrases::compile(&k.not_people)?,
            displacement: Phrases::compile(&k.displacement)?,
            summary: Phrases::compile(&k.summary)?,
            governing: Phrases::compile(&k.governing)?,
            restated_figure: Phrases::compile(&k.restated_figure)?,
            each: Phrases::compile(&k.each)?,
            approx_before: Phrases::compile(&n.approx_before)?,
            vague: Phrases::compile(&n.vague)?,
            rise_to: Phrases::compile(&n.rise_to)?,
            claim_verbs: Phrases::compile(&cl.verbs)?,
            according: Phrases::compile(&cl.according)?,
            relays: Phrases::compile(&cl.relays)?,
            claim_backward: Phrases::compile(&cl.backward)?,
            claim_speakers: Phrases::compile(&cl.speakers)?,
            claim_citing: Phrases::compile(&cl.citing)?,
            claim_channels: Phrases::compile(&cl.channels)?,
            claim_quoted_as: Phrases::compile(&cl.quoted_as)?,
            claim_issuer_verbs: Phrases::compile(&cl.issuer_verbs)?,
            sets,
            data,
            folds: false,
            gate: Gate::default(),
            approx_phrases,
        };
        lang.folds = [
            &lang.any_cue,
            &lang.cf_triggers,
            &lang.clash_triggers,
            &lang.clash_predicates,
        ]
        .iter()
        .any(|p| p.has_folded());
        lang.gate = Gate::build(&mut lang);
        Ok(lang)
    }
}

/// All languages, the shared prefilter and the abbreviation list. A language's phrase lists
/// are compiled on its first use, so a desk that reads only English never pays the memory of
/// the Russian and Ukrainian regexes.
#[derive(Debug, Default)]
pub struct Lexicons {
    /// The embedded sources, in `SOURCES` order.
    sources: Vec<(&'static str, &'static str)>,
    /// Each language, compiled on first use (`None` if its file failed to compile).
    compiled: Vec<std::sync::OnceLock<Option<Lang>>>,
    /// The prefilter of each group of `PREFILTER_GROUPS`, in its order (None: nothing of
    /// that group can match).
    pub prefilters: Vec<Option<Prefilter>>,
    /// Lowercase abbreviations of all languages, without their final dot.
    pub abbreviations: WordSet,
}

impl Lexicons {
    fn compiled(&self, i: usize) -> Option<&Lang> {
        let (code, src) = self.sources.get(i)?;
        self.compiled
            .get(i)?
            .get_or_init(|| Lang::from_toml(code, src).ok())
            .as_ref()
    }

    /// The prefilter that reads texts of a language code: its group's, falling back to the
    /// first group (English) as `lang` does.
    pub fn prefilter(&self, code: &str) -> Option<&Prefilter> {
        let i = PREFILTER_GROUPS
            .iter()
            .position(|g| g.contains(&code))
            .unwrap_or(0);
        self.prefilters.get(i)?.as_ref()
    }

    /// The lexicon for a language code, falling back to the first (English).
    pub fn lang(&self, code: &str) -> Option<&Lang> {
        let i = self
            .sources
            .iter()
            .position(|(c, _)| *c == code)
            .unwrap_or(0);
        self.compiled(i).or_else(|| self.compiled(0))
    }

    /// Every language, compiling those not yet used.
    pub fn langs(&self) -> Vec<&Lang> {
        (0..self.sources.len())
            .filter_map(|i| self.compiled(i))
            .collect()
    }
}

/// Parse and compile every embedded lexicon.
pub fn load() -> Result<Lexicons, String> {
    let mut stems: Vec<HashMap<String, u8>> =
        PREFILTER_GROUPS.iter().map(|_| HashMap::new()).collect();
    let mut abbreviations = WordSet::default();
    for (code, src) in SOURCES {
        let lang = LexiconData::parse(code, src)?;
        let group = PREFILTER_GROUPS
            .iter()
            .position(|g| g.contains(code))
            .ok_or_else(|| format!("{code}: in no prefilter group"))?;
        let p = &lang.prefilter;
        let fams = [
            (&p.ceasefire, FAMILY_CEASEFIRE),
            (&p.clash, FAMILY_CLASH),
            (&p.casualty, FAMILY_CASUALTY),
            (&p.clash_predicate, FAMILY_CLASH_PREDICATE),
            (&p.armed, FAMILY_ARMED),
        ];
        let stems = &mut stems[group];
        for (list, bit) in fams {
            for s in list {
                let low = s.to_lowercase();
                // Cyrillic is not covered by ASCII case folding: add a capitalised form.
                let mut chars = low.chars();
                if let Some(first) = chars.next() {
                    let cap: String = first.to_uppercase().chain(chars).collect();
                    *stems.entry(cap).or_insert(0) |= bit;
                }
                *stems.entry(low).or_insert(0) |= bit;
            }
        }
        for a in &lang.abbreviations {
            abbreviations.insert(a.to_lowercase().trim_end_matches('.').to_string());
        }
    }
    Ok(Lexicons {
        sources: SOURCES.to_vec(),
        compiled: SOURCES.iter().map(|_| std::sync::OnceLock::new()).collect(),
        prefilters: stems
            .into_iter()
            .map(Prefilter::build)
            .collect::<Result<_, _>>()?,
        abbreviations,
    })
}

/// The lexicons, compiled on first use. A broken embedded file (caught by the unit test
/// `lexicons_parse`) degrades to an empty lexicon instead of panicking.
pub static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| load().unwrap_or_default());

#[cfg(test)]
#[path = "lexicon_tests.rs"]
mod tests;
