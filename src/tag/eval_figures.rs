//! The headline figures of the tagger on each labelled set, recorded in `eval_figures.toml`
//! (written by `claimwatch eval --record-figures DIR`) and checked by a regression test.
//!
//! One table per `*.jsonl` set of the directory, named by its file name, and for each set
//! whose passages have a `conflict` field also `"<name>#tune"` and `"<name>#check"`, its
//! halves by the split of [`super::split`].

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use super::split::{Half, Split};
use super::{EvalError, Scores, load_set, score, tag_all};

/// The figures file as committed next to this module.
pub const RECORDED: &str = include_str!("eval_figures.toml");

/// How far a figure may fall below its recorded value before the regression test fails.
pub const TOLERANCE: f64 = 0.02;

/// The six headline figures of one set (as `Scores` rounds them: 4 places).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    /// Ceasefire passage F1.
    pub ceasefire_f1: f64,
    /// Clash passage F1.
    pub clash_f1: f64,
    /// Casualty passage F1.
    pub casualty_f1: f64,
    /// Casualty-claims F1.
    pub claims_f1: f64,
    /// Claimant accuracy on matched claims; `None` when no claim matched.
    pub claimant_acc: Option<f64>,
    /// Ceasefire status accuracy; `None` when no passage has a ceasefire on both sides.
    pub status_acc: Option<f64>,
}

impl From<&Scores> for Figures {
    fn from(s: &Scores) -> Figures {
        Figures {
            ceasefire_f1: s.ceasefire.f1,
            clash_f1: s.clash.f1,
            casualty_f1: s.casualty.f1,
            claims_f1: s.claims.f1,
            claimant_acc: s.claimant_acc,
            status_acc: s.ceasefire_status_acc,
        }
    }
}

impl Figures {
    /// Each figure with its key in the file, in file order.
    pub fn fields(&self) -> [(&'static str, Option<f64>); 6] {
        [
            ("ceasefire_f1", Some(self.ceasefire_f1)),
            ("clash_f1", Some(self.clash_f1)),
            ("casualty_f1", Some(self.casualty_f1)),
            ("claims_f1", Some(self.claims_f1)),
            ("claimant_acc", self.claimant_acc),
            ("status_acc", self.status_acc),
        ]
    }
}

/// The figures of one set's passages and, when any passage has a `conflict` field, of its two
/// halves (a half with no passage is left out). `name` heads the tables.
pub fn measure_set(name: &str, gold: &[Value], split: &Split) -> Vec<(String, Figures)> {
    let pred = tag_all(gold);
    let mut out = vec![(name.to_string(), Figures::from(&score(gold, &pred)))];
    if gold.iter().any(|g| split.half_of(g).is_some()) {
        for half in Half::ALL {
            let (g, p): (Vec<Value>, Vec<Value>) = gold
                .iter()
                .zip(&pred)
                .filter(|(g, _)| split.half_of(g) == Some(half))
                .map(|(g, p)| (g.clone(), p.clone()))
                .unzip();
            if !g.is_empty() {
                let table = format!("{name}#{}", half.as_str());
                out.push((table, Figures::from(&score(&g, &p))));
            }
        }
    }
    out
}

/// The figures of every `*.jsonl` set in `dir`, sets in file-name order, each followed by its
/// halves (see [`measure_set`]).
pub fn measure_dir(dir: &Path) -> Result<Vec<(String, Figures)>, EvalError> {
    let read_err = |source| EvalError::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut files: Vec<(String, std::path::PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let path = entry.map_err(read_err)?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".jsonl") && path.is_file() {
            files.push((name.to_string(), path.clone()));
        }
    }
    if files.is_empty() {
        return Err(EvalError::NoSets(dir.to_path_buf()));
    }
    files.sort();
    let split = Split::builtin()?;
    let mut out = Vec::new();
    for (name, path) in files {
        out.extend(measure_set(&name, &load_set(&path)?, &split));
    }
    Ok(out)
}

/// The figures as `eval_figures.toml`: a header comment, then one table per set, 4 places;
/// an undefined figure is left out of its table.
pub fn to_toml(figures: &[(String, Figures)]) -> String {
    let mut out = format!(
        "# Headline figures of the tagger (version {}) on the labelled sets in shared/eval/.\n\
         # The test tag::eval::tests::figures_do_not_regress fails when one falls more than {TOLERANCE}\n\
         # below its value here. After a deliberate change of rules or sets, regenerate with\n\
         #   cargo run -- eval --record-figures ../shared/eval > src/tag/eval_figures.toml\n\
         # One table per set file; for a set with a `conflict` field also \"<name>#tune\" and\n\
         # \"<name>#check\", its halves by src/tag/eval_split.toml. A missing key was undefined\n\
         # (no claim matched, or no passage with a ceasefire on both sides).\n",
        crate::tag::TAGGER_VERSION
    );
    for (name, f) in figures {
        let _ = write!(out, "\n[{}]\n", toml_key(name));
        for (key, value) in f.fields() {
            if let Some(v) = value {
                let _ = writeln!(out, "{key} = {v:.4}");
            }
        }
    }
    out
}

/// A table name as a TOML key: bare when it can be, else a basic string.
fn toml_key(name: &str) -> String {
    let bare = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare {
        name.to_string()
    } else {
        // serde_json's string escaping is valid in a TOML basic string for these names.
        Value::String(name.to_string()).to_string()
    }
}

/// Parse a figures file written by [`to_toml`].
pub fn parse(text: &str) -> Result<BTreeMap<String, Figures>, EvalError> {
    Ok(toml::from_str(text)?)
}

/// Each recorded figure that the current one falls more than `tolerance` below (or that is
/// now undefined), and each recorded set not measured now: one line each, in `current` order.
pub fn shortfalls(
    recorded: &BTreeMap<String, Figures>,
    current: &[(String, Figures)],
    tolerance: f64,
) -> Vec<String> {
    let mut out = Vec::new();
    for (name, now) in current {
        let Some(then) = recorded.get(name) else {
            continue;
        };
        for ((key, was), (_, is)) in then.fields().into_iter().zip(now.fields()) {
            match (was, is) {
                (Some(was), Some(is)) if was - is > tolerance + 1e-9 => out.push(format!(
                    "{name} {key}: {is:.4}, recorded {was:.4} ({:+.4})",
                    is - was
                )),
                (Some(was), None) => {
                    out.push(format!("{name} {key}: undefined, recorded {was:.4}"));
                }
                _ => {}
            }
        }
    }
    for name in recorded.keys() {
        if !current.iter().any(|(n, _)| n == name) {
            out.push(format!("{name}: recorded, but not measured (set missing?)"));
        }
    }
    out
}
