//! The shape of a lexicon file (`src/tag/lexicon/*.toml`), as serde reads it.

use std::collections::HashMap;

use super::words::WordMap;

use serde::Deserialize;

/// Ceasefire word lists of one language.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CeasefireData {
    /// Phrases that name a ceasefire ("ceasefire", "truce", "cessation of hostilities").
    pub triggers: Vec<String>,
    /// Phrases that name a ceasefire and the fighting it stops ("stop the fighting").
    pub triggers_with_clash: Vec<String>,
    /// Phrases that, when they overlap a trigger, make it no ceasefire ("no ceasefire").
    pub not_ceasefire: Vec<String>,
    /// Sentence contexts that make every ceasefire word figurative ("trade war", "tariffs").
    pub figurative: Vec<String>,
    /// Status cues: agreed.
    pub agreed: Vec<String>,
    /// Status cues: proposed.
    pub proposed: Vec<String>,
    /// Status cues: violated.
    pub violated: Vec<String>,
    /// Status cues: holding.
    pub holding: Vec<String>,
    /// Status cues: collapsed.
    pub collapsed: Vec<String>,
    /// Appeals to observe a ceasefire: `violated` when fighting is reported in the passage.
    pub appeal_to_observe: Vec<String>,
    /// Contexts that make a ceasefire `violated` when the sentence also reports fighting
    /// ("since the ceasefire began").
    pub violated_if_fighting: Vec<String>,
    /// Phrases that point back to a truce of an earlier sentence ("since then"): fighting
    /// reported with one makes the earlier mentions `violated`.
    pub violated_if_fighting_after: Vec<String>,
    /// Another side's refusal or silence said after an agreed truce ("Israel agreed to the
    /// truce, but Hamas rejected it", "ХАМАС ще не дав відповіді"): only one side accepted
    /// it, and TAGS.md makes that `proposed`.
    #[serde(default)]
    pub refused_after: Vec<String>,
    /// Nouns that open a later sentence by taking up the passage's last ceasefire ("The deal
    /// collapsed almost immediately"): the predicate after them says its later state.
    #[serde(default)]
    pub anaphors: Vec<String>,
    /// A breach of the passage's last ceasefire told through a pronoun object in a later
    /// sentence ("each side accused the other of breaking it"): it was violated.
    #[serde(default)]
    pub broken_by_pronoun: Vec<String>,
    /// Words right before a trigger that mark an indefinite ("a", "an"): default `proposed`.
    pub indefinite: Vec<String>,
    /// Status cues that weigh less than the others (a single lowercase word, "despite").
    pub weak: Vec<String>,
    /// Contrast words ("but", "однако"): fighting reported after one that follows a truce,
    /// or in a sentence that opens with one, says the truce is not kept.
    #[serde(default)]
    pub contrast: Vec<String>,
    /// Words that make the end of a truce a threat or a possibility ("warned it could
    /// withdraw from the truce", "пригрозил выйти"): the collapse cue after them says nothing.
    #[serde(default)]
    pub hypothetical: Vec<String>,
    /// Mediator patterns; the capture group named `m` holds the mediator.
    pub mediator: Vec<String>,
    /// First words of triggers that are verbs ("cease hostilities", "stop firing"): their
    /// status comes from the predicate before them ("called on both sides to cease …").
    pub verb_heads: Vec<String>,
    /// Words that end the clause of a trigger ("but", "while", "after").
    pub clause_breaks: Vec<String>,
    /// Relative words: after a comma they open a clause about the trigger ("which").
    pub relatives: Vec<String>,
    /// Pronouns that take up a trigger of the same sentence ("it", "оно").
    pub pronouns: Vec<String>,
    /// Words of wish, effort or failure that make an agreed infinitive under them a proposal
    /// ("efforts to reach a truce", "failed to sign").
    pub irrealis: Vec<String>,
    /// Words that mark the next word as an infinitive ("to").
    pub infinitive_marks: Vec<String>,
    /// Endings of an infinitive ("ть", "ти").
    pub infinitive_endings: Vec<String>,
    /// Endings of adverbs that may stand between an infinitive mark and its verb ("to
    /// unanimously declare"): "ly".
    pub adverb_endings: Vec<String>,
    /// Endings of verbal nouns ("ние", "ння"): such a cue after a trigger is no predicate.
    pub noun_endings: Vec<String>,
}

/// Clash word lists of one language.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClashData {
    /// Phrases that name armed violence ("clashes", "shelling", "opened fire on").
    pub triggers: Vec<String>,
    /// Phrases that, when they overlap a trigger, make it no clash ("ministers clashed").
    pub not_clash: Vec<String>,
    /// Sentence contexts with no armed clash at all (sport, drills, cyber attacks).
    pub negative: Vec<String>,
    /// Attack predicates of the official register that name a clash only with an armed
    /// argument near them ("came under fire" + "positions", "engaged" + "the enemy").
    pub predicates: Vec<String>,
    /// Predicates that name a clash only with a weapon near them ("violated" + "mortars",
    /// "neutralised" + "firing points").
    pub instrument_predicates: Vec<String>,
    /// Armed arguments besides weapons: armed forces, military posts and positions.
    pub armed: Vec<String>,
    /// Weapons, munitions and firing points (also armed arguments).
    pub weapons: Vec<String>,
    /// Contexts that make the sentences after them, in the same passage, no clash: a drill
    /// scenario, a film or a book ("по сценарию учений", "the film").
    pub passage_negative: Vec<String>,
    /// Prepositions that introduce a location after a trigger ("in", "near").
    pub location_preps: Vec<String>,
    /// Words that bring a weapon into a clause ("using", "from", "из"): a weapon after one
    /// completes an instrument predicate further off.
    #[serde(default)]
    pub weapon_intro: Vec<String>,
    /// Lowercase place nouns that close or open a location ("region", "the city of").
    pub location_nouns: Vec<String>,
    /// Words after a capitalised name that make it no place ("positions", "Sunday").
    pub location_not: Vec<String>,
}

/// Casualty cue lists, one per category.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CategoryCues {
    /// Killed.
    pub killed: Vec<String>,
    /// Wounded.
    pub wounded: Vec<String>,
    /// Killed or wounded, stated together.
    pub killed_or_wounded: Vec<String>,
    /// Captured.
    pub captured: Vec<String>,
    /// Missing.
    pub missing: Vec<String>,
}

impl CategoryCues {
    /// Every cue of every category.
    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.killed
            .iter()
            .chain(&self.wounded)
            .chain(&self.killed_or_wounded)
            .chain(&self.captured)
            .chain(&self.missing)
    }
}

/// Casualty word lists of one language.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CasualtyData {
    /// Cues that make a claim with or without a number.
    pub cues: CategoryCues,
    /// Cues that make a claim only when a number attaches to them ("lost 20 fighters").
    pub numbered_cues: CategoryCues,
    /// Cues that hold a count when they stand alone with no number ("погиб боец" = 1).
    pub singular_cues: CategoryCues,
    /// Words that negate a following cue ("no", "nobody", "without").
    pub negators: Vec<String>,
    /// Words after a cue that negate it ("пострадавших нет").
    pub negators_after: Vec<String>,
    /// Words that deny a following cue from further away ("denied").
    pub deniers: Vec<String>,
    /// Predicates after a reported figure that deny it ("reports that 9 soldiers were
    /// killed are fake", "не соответствуют действительности").
    #[serde(default)]
    pub denied_after: Vec<String>,
    /// Nouns of a report whose content a later predicate may deny ("reports", "сообщения").
    #[serde(default)]
    pub report_nouns: Vec<String>,
    /// A rejection of a claim made before it ("a claim the army denied", "the Taliban
    /// rejected the claim"): a negated claim of that claim's category by the rejecter.
    #[serde(default)]
    pub rejections: Vec<String>,
    /// One person named as the object of a casualty verb in a language with no articles
    /// ("ліквідував командира", "убили мирного жителя"): count 1. English says it with "a".
    #[serde(default)]
    pub singular_objects: Vec<String>,
    /// Words of wounds that weapons make ("wounded", "ранены", "поранені"), not injuries any
    /// accident makes ("injured", "пострадавшие"): with the dead counted beside them they
    /// name armed violence.
    #[serde(default)]
    pub wound_words: Vec<String>,
    /// Contexts that make a sentence's unnumbered cues no claim ("has not reported").
    pub no_claim: Vec<String>,
    /// Sentence contexts of accidents, disasters and disease: no claim at all.
    pub negative: Vec<String>,
    /// Non-violent causes of death (fire, collapse, crime) that an armed event in the same
    /// sentence overrides ("a fire broke out after the strike").
    pub nonviolent: Vec<String>,
    /// Words of an armed attack or fighting ("ambush", "shelling", "airstrike"): a sentence
    /// with one blames its casualties on armed violence, whatever else it names.
    pub armed_events: Vec<String>,
    /// Background of a war long over ("anniversary", "the 1992-95 war", "World War II"): its
    /// tolls are no claims.
    pub history: Vec<String>,
    /// People only armed violence makes casualties of ("civilians", "peacekeepers",
    /// "hostages"): a passage that names no cause keeps its claims when it names one of them
    /// or an armed party.
    #[serde(default)]
    pub conflict_people: Vec<String>,
    /// Verbs of a deliberate killing or abduction with its agent before them ("killed",
    /// "убили", "вбили"): an armed group's acronym as that agent ("the RSF killed …") names
    /// an armed party.
    #[serde(default)]
    pub agent_verbs: Vec<String>,
    /// Sources that report accidents and crime as well as war ("police", "полиция"): named
    /// only as the one who speaks ("police said"), they name no party to armed violence.
    #[serde(default)]
    pub civil_speakers: Vec<String>,
    /// Openers of a report of another event ("Meanwhile", "In a separate incident", "Тем
    /// временем"): the cause such a sentence names governs no sentence before it.
    #[serde(default)]
    pub topic_shift: Vec<String>,
    /// Openers that take the reader back to the time of the sentence before ("At the time",
    /// "Тогда", "Тоді"): after a sentence told as history, theirs is history too.
    #[serde(default)]
    pub back_then: Vec<String>,
    /// Ordinary crime ("gang violence", "a mall shooting"): its killings are no claims, even
    /// with a shooting word, unless the sentence names an armed force (TAGS.md).
    #[serde(default)]
    pub crime: Vec<String>,
    /// Drills, exercises and training ("a readiness evaluation", "live-fire drill",
    /// "учения"): its casualties are no claims, whatever weapon or combat words it names.
    #[serde(default)]
    pub drills: Vec<String>,
    /// Nouns after a number that are not people (equipment, time and distance units).
    pub not_people: Vec<String>,
    /// Fates other than a casualty's that a war brings ("displaced", "forced to flee",
    /// "переселенцев"): a number they govern counts no casualty.
    #[serde(default)]
    pub displacement: Vec<String>,
    /// Words that may sit between a cue and the number it governs ("killed at least 5").
    pub link_words: Vec<String>,
    /// Prepositions that open a short phrase of place or time between a verb and its object
    /// in a language with free word order ("ликвидировали в Донецкой области 30 …",
    /// "ліквідувала в секторі Гази командира").
    #[serde(default)]
    pub object_preps: Vec<String>,
    /// Verbs of standing after a cue in the instrumental ("Пропавшими без вести … числятся 16
    /// человек", "зниклими безвісти вважаються …"): the count after them is the cue's, across
    /// the phrase between.
    #[serde(default)]
    pub standing_verbs: Vec<String>,
    /// Words that may sit between a number's noun phrase and its cue ("5 were reportedly killed").
    pub aux_words: Vec<String>,
    /// Words that end a "who" noun phrase.
    pub who_stop: Vec<String>,
    /// Words that introduce a breakdown of the previous number ("including").
    pub including: Vec<String>,
    /// Words before a cue that name a part of people counted already ("among the dead",
    /// "среди раненых"): with no number, no claim.
    #[serde(default)]
    pub subset_openers: Vec<String>,
    /// Words that join two numbers sharing one cue ("and", "or").
    pub conjunctions: Vec<String>,
    /// Singular auxiliaries before a cue: a singular subject counts 1 ("a soldier was killed").
    pub singular_aux: Vec<String>,
    /// Determiners that make a following singular noun count 1 ("a", "an").
    pub singular_det: Vec<String>,
    /// Of those, the ones that say "one" whatever the verb ("a woman had been killed").
    #[serde(default)]
    pub one_det: Vec<String>,
    /// A word that stands for one more person left unsaid ("wounding another").
    #[serde(default)]
    pub one_more: Vec<String>,
    /// Nouns of a group whose number follows "of" and counts its people ("a family of five",
    /// "a patrol of eight soldiers"), where "a boy of five" gives an age.
    #[serde(default)]
    pub groups_of: Vec<String>,
    /// Nouns of a release or exchange whose captives, named with no number, are part of a
    /// deal, not a claim ("the release of hostages", "освобождение заложников"; TAGS.md).
    #[serde(default)]
    pub release_nouns: Vec<String>,
    /// Plural nouns that do not end in -s ("people", "children").
    pub plural_nouns: Vec<String>,
    /// A second figure for people counted already, with no category word of its own ("while
    /// the governor put the number at 287", "police gave a figure of 12"): it takes the
    /// category of the claim before it.
    #[serde(default)]
    pub restated_figure: Vec<String>,
    /// Cues that govern the counts after them in their clause ("the death toll … rose to 15").
    pub governing: Vec<String>,
    /// Summary nouns ("losses", "casualties") dropped when a numbered claim follows them.
    pub summary: Vec<String>,
    /// Words after a cue that make it a modifier, not a claim ("hostage release").
    pub modified_by: Vec<String>,
    /// Words before a number that make it an age ("aged").
    pub age_before: Vec<String>,
    /// Phrases of a per-place report that repeat a claim per place ("each reporting").
    pub each: Vec<String>,
}

/// Number words and approximation markers of one language.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NumberData {
    /// Number words and their values ("seven" = 7, "двое" = 2).
    pub words: WordMap<u64>,
    /// Multipliers ("hundred" = 100, "тысяч" = 1000).
    pub scales: WordMap<u64>,
    /// Ordinals ("sixth" = 6): "the sixth aid worker killed" counts 6.
    pub ordinals: WordMap<u64>,
    /// Fixed phrases with an approximate value ("a dozen" = 12, "half a dozen" = 6).
    pub approx_phrases: HashMap<String, u64>,
    /// Markers before a number that make it approximate ("at least", "up to", "до").
    pub approx_before: Vec<String>,
    /// Vague quantities: count null, approx true ("dozens", "several", "десятки").
    pub vague: Vec<String>,
    /// Verbs of a rising toll before a marker that then means "to", not "up to" ("возросло
    /// до 45" is 45 exactly).
    #[serde(default)]
    pub rise_to: Vec<String>,
    /// Words after a number that mark "more of the same" ("12 more").
    pub more: Vec<String>,
    /// Range joiners ("10 to 15", "10-15"): the lower bound, approximate.
    pub range: Vec<String>,
    /// Words before a number that make "N to M" two numbers, not a range ("from").
    pub range_not_after: Vec<String>,
    /// Question words before a vague quantity ("how many"): it asks, it counts no one.
    #[serde(default)]
    pub asking: Vec<String>,
    /// Words before a number that open a range joined by a conjunction ("between 30 and 40").
    pub range_open: Vec<String>,
    /// Words before "from" that make "from X to Y" a range ("anywhere from two to 25"),
    /// where it would otherwise be a change ("rose from 12 to 15").
    pub range_from: Vec<String>,
    /// Month names: a number next to one is a date.
    pub months: Vec<String>,
    /// Words after a number that make it a time or a year ("p.m.", "року").
    pub not_count_after: Vec<String>,
    /// Words before a four-digit number that make it a year ("in", "since").
    pub year_before: Vec<String>,
}

/// Claimant word lists of one language.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClaimantData {
    /// Reporting verbs whose subject is the claimant ("said", "claims", "сообщили").
    pub verbs: Vec<String>,
    /// Phrases whose object is the claimant ("according to", "по данным").
    pub according: Vec<String>,
    /// Pronouns that take the name given earlier ("he", "it").
    pub pronouns: Vec<String>,
    /// Titles that, after the definite article alone ("the governor", "the spokesperson"),
    /// take up a speaker named earlier in the passage, as a pronoun does.
    pub anaphoric_titles: Vec<String>,
    /// The definite article(s) of such a description ("the").
    pub definite: Vec<String>,
    /// Outlets that only relay a claim ("Reuters"): used only when nothing else is named.
    pub relays: Vec<String>,
    /// Words stripped from the end of a claimant ("also", "on Monday").
    pub strip: Vec<String>,
    /// Words that end a claimant found after its verb ("in", "on", "that").
    pub stop: Vec<String>,
    /// Nouns of the channel a speaker uses ("statement", "заявлении"): "The ISPR in a
    /// statement said" ends the speaker before the preposition that brings one in.
    #[serde(default)]
    pub channel_nouns: Vec<String>,
    /// Auxiliaries skipped between a claimant and its verb ("has", "have").
    pub aux: Vec<String>,
    /// Phrases that point a claimant back at the previous sentence ("Об этом сообщили …").
    pub backward: Vec<String>,
    /// Words after a verb that make it no reporting verb ("continued to advance").
    pub not_before: Vec<String>,
    /// Objects a few words after a verb that make it no reporting verb ("the fighting has
    /// claimed around 2,600 lives").
    #[serde(default)]
    pub objects_not_speech: Vec<String>,
    /// Verbs that put out a statement ("al-Shabaab released a statement saying"): between
    /// an owner and its statement noun they are no part of the claimant.
    #[serde(default)]
    pub issue_verbs: Vec<String>,
    /// Verbs of an outlet quoting someone ("quoted"), and the words that close what it
    /// quotes ("as saying"): the one quoted is the speaker.
    #[serde(default)]
    pub quoting_verbs: Vec<String>,
    /// Verbs of accusing ("обвинил", "звинуватив"): in a language whose speaker may follow
    /// its verb, the one after is the accused, and the subject before speaks.
    #[serde(default)]
    pub accusing_verbs: Vec<String>,
    /// See `quoting_verbs`.
    #[serde(default)]
    pub quoted_as: Vec<String>,
    /// Words before a verb that make it no verb ("the claims", "unconfirmed reports").
    pub not_after: Vec<String>,
    /// First words of a segment before a verb that make it no subject ("Об этом", "в …").
    pub not_subject_start: Vec<String>,
    /// Nouns that name no speaker ("data", "figures", "estimates").
    pub abstract_heads: Vec<String>,
    /// Words that, alone before such a noun, still name no speaker ("preliminary").
    pub abstract_modifiers: Vec<String>,
    /// Those of `abstract_heads` that are someone's account ("reports"): with no owner
    /// ("initial reports") they are a source of last resort, as a relaying outlet is.
    pub report_heads: Vec<String>,
    /// Verbs that put the claimant after them in this language ("сообщили в Минобороны").
    pub verb_first: bool,
    /// Words a claimant never starts with: relatives, prepositions, negations, conjunctions
    /// ("which", "or", "о", "не").
    pub bad_start: Vec<String>,
    /// Phrases that name the source an outlet cites ("citing", "со ссылкой на"): their
    /// object is the claimant, before the outlet that relays it.
    pub citing: Vec<String>,
    /// Words of the message or channel a claim appears in ("в сообщении", "у телеграм-каналі"):
    /// at the start of a claimant they name no speaker and are dropped ("в сообщении
    /// Минобороны" → "Минобороны").
    #[serde(default)]
    pub channels: Vec<String>,
    /// Verbs of an issuer's own statement ("condemns", "pays tribute"): their subject is the
    /// claimant when no reporting verb names one.
    pub issuer_verbs: Vec<String>,
    /// Relatives that may open an object clause before its subject ("which Moscow said").
    pub relatives: Vec<String>,
    /// Articles that open a common noun phrase of a speaker ("a local teacher").
    pub articles: Vec<String>,
    /// Words that make a phrase a clause, not a speaker ("had", "it", "were").
    pub clause_words: Vec<String>,
    /// Conjunctions that open a clause of its own ("while", "whereas", "а", "тоді як"): a
    /// speaker is the noun phrase after the last of them, not the words before.
    #[serde(default)]
    pub clause_openers: Vec<String>,
    /// Capitalised words that are no name: weekdays, months, determiners ("Monday", "The").
    pub not_name: Vec<String>,
    /// Nouns of a speaker ("ministry", "spokesman", "пресс-служба"): a claimant holds one
    /// of these or a name.
    pub speakers: Vec<String>,
}

/// Literal lowercase stems per rule family: a sentence is looked at by a family only when
/// one of its stems occurs in it, and a text with no stem at all costs one scan.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrefilterData {
    /// Stems of ceasefire triggers (including the fighting words of "stop the fighting").
    pub ceasefire: Vec<String>,
    /// Stems of clash triggers.
    pub clash: Vec<String>,
    /// Stems of attack predicates ("repelled", "came under"), which name a clash only with an
    /// armed argument: they send a sentence to the clash rules only beside an `armed` stem.
    pub clash_predicate: Vec<String>,
    /// Stems of armed forces, posts and weapons, the arguments of attack predicates.
    pub armed: Vec<String>,
    /// Stems of casualty cues.
    pub casualty: Vec<String>,
}

/// Family bit: ceasefire.
pub const FAMILY_CEASEFIRE: u8 = 1;
/// Family bit: clash.
pub const FAMILY_CLASH: u8 = 2;
/// Family bit: casualty.
pub const FAMILY_CASUALTY: u8 = 4;
/// Prefilter bit: an attack predicate stem (a clash only with an armed stem beside it).
pub const FAMILY_CLASH_PREDICATE: u8 = 8;
/// Prefilter bit: an armed force, post or weapon stem.
pub const FAMILY_ARMED: u8 = 16;

/// The rule families a sentence's prefilter bits call for: its own families, and the clash
/// rules when an attack predicate stands beside an armed stem.
pub fn families(bits: u8) -> u8 {
    let own = bits & (FAMILY_CEASEFIRE | FAMILY_CLASH | FAMILY_CASUALTY);
    let predicate = bits & FAMILY_CLASH_PREDICATE != 0 && bits & FAMILY_ARMED != 0;
    own | if predicate { FAMILY_CLASH } else { 0 }
}

/// One lexicon file.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LexiconData {
    /// Literal stems per family.
    pub prefilter: PrefilterData,
    /// Abbreviations that do not end a sentence ("gen.", "u.s.").
    pub abbreviations: Vec<String>,
    /// Ceasefire lists.
    pub ceasefire: CeasefireData,
    /// Clash lists.
    pub clash: ClashData,
    /// Casualty lists.
    pub casualty: CasualtyData,
    /// Numbers.
    pub numbers: NumberData,
    /// Claimants.
    pub claimant: ClaimantData,
    /// Whose people a claim counts (`sides`).
    pub sides: SidesData,
}

/// Word stems that tell whose people a casualty claim counts and who speaks for a side
/// (`sides::resolve`). Each entry matches the words it starts ("servicem" → "servicemen").
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SidesData {
    /// Civilians ("civilian", "мирн", "цивіл").
    pub civilian: Vec<String>,
    /// Combatants ("soldier", "военнослужащ", "військов").
    pub military: Vec<String>,
    /// The speaker's own side ("our", "наш").
    pub own: Vec<String>,
    /// The other side ("enemy", "противник", "ворог").
    pub enemy: Vec<String>,
    /// Loss words that make an enemy word beside them the owner of a claim's unmarked
    /// soldiers ("the enemy lost 40 servicemen", "потери противника").
    pub losses: Vec<String>,
    /// Words of an institution's title that name no one ("ministry", "defence", "генштаб"):
    /// a claimant made of these and lowercase words is the source's own voice.
    pub institutional: Vec<String>,
}

impl LexiconData {
    /// Parses one embedded lexicon file.
    ///
    /// # Errors
    /// The TOML error, naming the file.
    pub fn parse(code: &str, src: &str) -> Result<Self, String> {
        toml::from_str(src).map_err(|e| format!("{code}.toml: {e}"))
    }
}
