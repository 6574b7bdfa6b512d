//! The fixed split of the dev2 labelled sets into a tuning and a checking half, by the
//! passage's `conflict` field (`eval_split.toml`, embedded in the binary).
//!
//! A listed conflict belongs to its half; a hard negative (a conflict starting with "none")
//! goes by the number in its id, even → tune, odd → check; any other conflict is in the
//! checking half. A passage without a `conflict` field is in neither half.

use std::collections::HashSet;

use serde::Deserialize;
use serde_json::Value;

/// The split file, as committed next to this module.
pub const BUILTIN: &str = include_str!("eval_split.toml");

/// One half of the split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Half {
    /// Rules are changed while reading this half's errors.
    Tune,
    /// Scored, never read: it stands in for unseen text.
    Check,
}

impl Half {
    /// Both halves, tuning half first.
    pub const ALL: [Half; 2] = [Half::Tune, Half::Check];

    /// "tune" or "check", as on the command line and in the figures file.
    pub fn as_str(self) -> &'static str {
        match self {
            Half::Tune => "tune",
            Half::Check => "check",
        }
    }
}

/// Why a split file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SplitError {
    /// Not TOML, or not `tune = [...]` and `check = [...]`.
    #[error("split file: {0}")]
    Toml(#[from] toml::de::Error),
    /// A conflict listed in both halves.
    #[error("split file: {0:?} is listed in both halves")]
    Both(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SplitFile {
    tune: Vec<String>,
    check: Vec<String>,
}

/// The conflicts of the tuning half (the checking half is everything else).
#[derive(Debug, Clone)]
pub struct Split {
    tune: HashSet<String>,
}

impl Split {
    /// Parse a split file (`tune = [conflicts]`, `check = [conflicts]`).
    pub fn parse(text: &str) -> Result<Split, SplitError> {
        let file: SplitFile = toml::from_str(text)?;
        let tune: HashSet<String> = file.tune.into_iter().collect();
        if let Some(both) = file.check.into_iter().find(|c| tune.contains(c)) {
            return Err(SplitError::Both(both));
        }
        Ok(Split { tune })
    }

    /// The committed split, [`BUILTIN`].
    pub fn builtin() -> Result<Split, SplitError> {
        Split::parse(BUILTIN)
    }

    /// The half of a passage of this conflict with this id.
    pub fn half(&self, conflict: &str, id: &str) -> Half {
        if conflict.starts_with("none") {
            // Only the parity of the id's number matters: its last digit decides.
            return match id.chars().rev().find(char::is_ascii_digit) {
                Some(d) if d.to_digit(10).is_some_and(|n| n % 2 == 0) => Half::Tune,
                _ => Half::Check,
            };
        }
        if self.tune.contains(conflict) {
            Half::Tune
        } else {
            Half::Check
        }
    }

    /// The half of a labelled-set record, from its `conflict` and `id` fields; `None` when it
    /// has no `conflict` string.
    pub fn half_of(&self, record: &Value) -> Option<Half> {
        let conflict = record.get("conflict")?.as_str()?;
        let id = match record.get("id") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        };
        Some(self.half(conflict, &id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn builtin_parses() {
        let s = Split::builtin().expect("eval_split.toml");
        assert_eq!(s.half("Afghanistan", "ta-001"), Half::Tune);
        assert_eq!(s.half("Israel–Hamas (Gaza)", "ta-002"), Half::Check);
    }

    #[test]
    fn listed_unlisted_and_hard_negatives() {
        let s = Split::parse("tune = [\"A\"]\ncheck = [\"B\"]").expect("parse");
        assert_eq!(s.half("A", "x-1"), Half::Tune);
        assert_eq!(s.half("B", "x-2"), Half::Check);
        assert_eq!(s.half("Elsewhere", "x-2"), Half::Check);
        assert_eq!(s.half("none (hard negative)", "ta-064"), Half::Tune);
        assert_eq!(s.half("none (hard negative)", "ta-063"), Half::Check);
        assert_eq!(s.half("none (hard negative)", "tr-010"), Half::Tune);
        assert_eq!(s.half("none", "no-number"), Half::Check);
    }

    #[test]
    fn records() {
        let s = Split::parse("tune = [\"A\"]\ncheck = []").expect("parse");
        assert_eq!(
            s.half_of(&json!({"id": "a-1", "conflict": "A"})),
            Some(Half::Tune)
        );
        assert_eq!(
            s.half_of(&json!({"id": 8, "conflict": "none (hard negative)"})),
            Some(Half::Tune)
        );
        assert_eq!(s.half_of(&json!({"id": "a-1"})), None);
        assert_eq!(s.half_of(&json!({"id": "a-1", "conflict": null})), None);
    }

    #[test]
    fn bad_files() {
        assert!(matches!(
            Split::parse("tune = [\"A\"]\ncheck = [\"A\"]"),
            Err(SplitError::Both(c)) if c == "A"
        ));
        assert!(matches!(
            Split::parse("tune = [\"A\"]"),
            Err(SplitError::Toml(_))
        ));
        assert!(matches!(
            Split::parse("tune = []\ncheck = []\nextra = 1"),
            Err(SplitError::Toml(_))
        ));
    }
}
