//! The values the tagger produces: mentions of ceasefires, clashes and casualty claims,
//! as `../shared/TAGS.md` defines them.

use serde::{Deserialize, Serialize};

/// A byte range into the tagged text. Both ends always fall on UTF-8 character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

/// The three kinds of mention the product watches for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A ceasefire, truce, armistice or cessation of hostilities, in any state.
    Ceasefire,
    /// Armed violence between organised forces, or an armed attack.
    Clash,
    /// A claim that people were killed, wounded, captured or went missing.
    Casualty,
}

impl MentionKind {
    /// The lowercase name used in the database, the JSON outputs and TAGS.md.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Ceasefire => "ceasefire",
            MentionKind::Clash => "clash",
            MentionKind::Casualty => "casualty",
        }
    }
}

/// Where a ceasefire stands, per TAGS.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CeasefireStatus {
    /// Agreed, reached, announced, brokered, came into force, fire stopped.
    Agreed,
    /// Called for, proposed, urged, under negotiation, offered.
    Proposed,
    /// Violated, breached, one side accused of breaking it.
    Violated,
    /// Holding, observed, respected, largely quiet since.
    Holding,
    /// Collapsed, ended, broke down, withdrawn from.
    Collapsed,
}

impl CeasefireStatus {
    /// The lowercase name used in the database and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CeasefireStatus::Agreed => "agreed",
            CeasefireStatus::Proposed => "proposed",
            CeasefireStatus::Violated => "violated",
            CeasefireStatus::Holding => "holding",
            CeasefireStatus::Collapsed => "collapsed",
        }
    }
}

/// What happened to the people a casualty claim counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CasualtyCategory {
    /// Killed (also "neutralised" fighters).
    Killed,
    /// Wounded.
    Wounded,
    /// Killed or wounded, stated together ("70 killed or wounded", bare "casualties").
    KilledOrWounded,
    /// Taken captive, taken prisoner, detained by the other side, surrendered, hostages.
    Captured,
    /// Missing.
    Missing,
}

impl CasualtyCategory {
    /// The lowercase name used in the database and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CasualtyCategory::Killed => "killed",
            CasualtyCategory::Wounded => "wounded",
            CasualtyCategory::KilledOrWounded => "killed_or_wounded",
            CasualtyCategory::Captured => "captured",
            CasualtyCategory::Missing => "missing",
        }
    }
}

/// Where a claim's claimant was found, so readers can weigh it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimantOrigin {
    /// Named in the same sentence ("Armenia says …").
    Sentence,
    /// Named earlier in the same passage ("The ministry said … It added …").
    Passage,
    /// Not named in the text: the source's own voice, filled from the source's name and labels.
    Source,
}

/// One claim about people killed, wounded, captured or missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasualtyClaim {
    /// What happened to them.
    pub category: CasualtyCategory,
    /// How many, where a number is given; `None` for vague counts ("dozens", "heavy losses").
    pub count: Option<u64>,
    /// True for "at least", "more than", "about", "up to", ranges and vague counts.
    pub approx: bool,
    /// The people affected, as written ("Armenian soldier", "civilians").
    pub who: Option<String>,
    /// Who makes the claim, as written ("Armenia", "the Azerbaijani Ministry of Defense").
    pub claimant: Option<String>,
    /// Where the claimant came from; `None` when there is no claimant.
    pub claimant_origin: Option<ClaimantOrigin>,
    /// True for "no casualties", "nobody was hurt", "denied any losses".
    pub negated: bool,
    /// The party the claimant speaks for (`sides::resolve`); `None` when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_party: Option<String>,
    /// The party whose people were hit; `None` when the text does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affected_party: Option<String>,
    /// Whether those hit were soldiers or civilians; `None` when the text does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affected_kind: Option<AffectedKind>,
}

/// Whether the people a claim counts were combatants or civilians.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AffectedKind {
    /// Soldiers, fighters, servicemen, "the enemy".
    Military,
    /// Civilians, residents, children.
    Civilian,
}

impl AffectedKind {
    /// The lowercase name used in the database and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            AffectedKind::Military => "military",
            AffectedKind::Civilian => "civilian",
        }
    }

    /// The kind named by its `as_str` form.
    pub fn parse(s: &str) -> Option<AffectedKind> {
        match s {
            "military" => Some(AffectedKind::Military),
            "civilian" => Some(AffectedKind::Civilian),
            _ => None,
        }
    }
}

/// The fields that depend on the mention's kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MentionDetail {
    /// A ceasefire mention.
    Ceasefire {
        /// Its status.
        status: CeasefireStatus,
        /// Who brokered it, as written.
        mediator: Option<String>,
        /// The sides, as written.
        parties: Vec<String>,
    },
    /// A clash mention.
    Clash {
        /// Where, as written ("Mount Kilisali").
        location: Option<String>,
        /// The sides, as written.
        parties: Vec<String>,
    },
    /// A casualty mention: one or more claims from one sentence.
    Casualty {
        /// The claims, one per number (TAGS.md: one sentence can hold several).
        claims: Vec<CasualtyClaim>,
    },
}

/// One mention found in a text: its kind, the sentence it sits in, and its details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The byte span of the sentence that carries the mention.
    pub sentence: Span,
    /// The byte span of the trigger phrase inside the text ("the clashes", "ceasefire").
    pub trigger: Span,
    /// The kind-specific fields.
    pub detail: MentionDetail,
}

impl Mention {
    /// The kind of this mention.
    pub fn kind(&self) -> MentionKind {
        match self.detail {
            MentionDetail::Ceasefire { .. } => MentionKind::Ceasefire,
            MentionDetail::Clash { .. } => MentionKind::Clash,
            MentionDetail::Casualty { .. } => MentionKind::Casualty,
        }
    }
}

/// What the tagger knows about where a text came from. Everything is optional so that the
/// tagger can also run on bare text (`claimwatch tag`, the eval sets).
#[derive(Debug, Clone, Default)]
pub struct TagContext<'a> {
    /// The item's title, which may name the speaker ("Statement of the Ministry of Defence").
    pub title: Option<&'a str>,
    /// The item's language from the source config ("en", "ru", "uk"); `None` means detect.
    pub language: Option<&'a str>,
    /// Who speaks when a statement names no claimant: the source's own voice, built from its
    /// config (e.g. "Armenia MoD" from `name` and `party`). `None` leaves such claimants null.
    pub own_voice: Option<&'a str>,
    /// The source speaks for a party to a conflict (its `party` label): a toll in its
    /// statements is a toll of that conflict even where the passage names no cause.
    pub party_source: bool,
    /// The parties and conflicts the desk configured: a text that names one of them is about
    /// that conflict (a bare toll in it is a claim).
    pub parties: Option<&'a super::sides::Parties>,
}
