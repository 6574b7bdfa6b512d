//! Evaluation against the labelled sets: one output record per passage in the labelled-set
//! format, and a scorer that computes exactly what `shared/eval/score.py` computes.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::{MentionDetail, MentionKind, TagContext, detect_language, tag};

#[path = "eval_figures.rs"]
pub mod figures;
#[path = "eval_split.rs"]
pub mod split;

/// Why a labelled set (or the files that go with it) could not be used.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The file or directory could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line is not a JSON value.
    #[error("{}:{line}: not JSON: {source}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// The line number, from 1.
        line: usize,
        /// The parse error.
        source: serde_json::Error,
    },
    /// A directory holds no `*.jsonl` set.
    #[error("no *.jsonl labelled set in {}", .0.display())]
    NoSets(PathBuf),
    /// The split file is broken.
    #[error(transparent)]
    Split(#[from] split::SplitError),
    /// A figures file is not what `figures::to_toml` writes.
    #[error("figures file: {0}")]
    Figures(#[from] toml::de::Error),
}

/// Parse a labelled set: one JSON object per non-blank line. `path` only names it in errors.
pub fn parse_set(text: &str, path: &Path) -> Result<Vec<Value>, EvalError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|source| EvalError::Json {
                path: path.to_path_buf(),
                line: n + 1,
                source,
            })
        })
        .collect()
}

/// Read and parse a labelled set file.
pub fn load_set(path: &Path) -> Result<Vec<Value>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse_set(&text, path)
}

/// A passage's `text`, or "" when it has none.
fn text_of(record: &Value) -> &str {
    record.get("text").and_then(Value::as_str).unwrap_or("")
}

/// Tag every passage of a labelled set: one [`tag_record`] per passage, in the same order
/// (an id that is not a string is used as its JSON text; no id gives "").
pub fn tag_all(gold: &[Value]) -> Vec<Value> {
    gold.iter()
        .map(|g| {
            let id = match g.get("id") {
                Some(Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
                None => String::new(),
            };
            tag_record(&id, text_of(g))
        })
        .collect()
}

/// The group of the passages that lack the field grouped by.
pub const NO_GROUP: &str = "(none)";

/// A field of the labelled-set records to group passages by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    /// The conflict the passage is about (dev2 sets).
    Conflict,
    /// news, official, un-ngo, negative (dev2 sets).
    Register,
    /// The language; detected from the text when the record does not say.
    Lang,
}

impl GroupBy {
    /// The record field: "conflict", "register" or "lang".
    pub fn field(self) -> &'static str {
        match self {
            GroupBy::Conflict => "conflict",
            GroupBy::Register => "register",
            GroupBy::Lang => "lang",
        }
    }

    /// The group of a record: its field's value; when the field is missing, null or empty,
    /// [`NO_GROUP`], or for [`GroupBy::Lang`] the language detected in its text.
    pub fn group_of(self, record: &Value) -> String {
        match record.get(self.field()) {
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            Some(v) if !v.is_null() && !v.is_string() => v.to_string(),
            _ if self == GroupBy::Lang => detect_language(text_of(record)).to_string(),
            _ => NO_GROUP.to_string(),
        }
    }
}

/// Score each group of passages (`gold` and `pred` in the same order, as [`tag_all`] gives
/// them), groups sorted by their value.
pub fn score_groups(
    gold: &[Value],
    pred: &[Value],
    group_of: impl Fn(&Value) -> String,
) -> Vec<(String, Scores)> {
    let mut groups: BTreeMap<String, (Vec<Value>, Vec<Value>)> = BTreeMap::new();
    for (g, p) in gold.iter().zip(pred) {
        let entry = groups.entry(group_of(g)).or_default();
        entry.0.push(g.clone());
        entry.1.push(p.clone());
    }
    groups
        .into_iter()
        .map(|(k, (g, p))| {
            let s = score(&g, &p);
            (k, s)
        })
        .collect()
}

/// One line per group: passages, the three kinds' F1, claims F1, claimant and ceasefire-status
/// accuracy ("-" when undefined), under a header line ("F1 of" and "accuracy" left implied).
/// Where a group has no passage or claim of a kind but some were tagged, its F1 (0 by
/// score.py's convention) is shown as "fp=N" instead: hard negatives are read that way.
pub fn group_table(groups: &[(String, Scores)]) -> String {
    let w = groups
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .max("group".len());
    let acc = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |x| format!("{x:.3}"));
    let f1 = |v: &Prf| {
        if v.tp + v.fn_ == 0 && v.fp > 0 {
            format!("fp={}", v.fp)
        } else {
            format!("{:.3}", v.f1)
        }
    };
    let mut out = format!(
        "{:w$}  {:>8}  {:>9}  {:>6}  {:>8}  {:>6}  {:>8}  {:>6}\n",
        "group", "passages", "ceasefire", "clash", "casualty", "claims", "claimant", "status"
    );
    for (k, s) in groups {
        out.push_str(&format!(
            "{k:w$}  {:>8}  {:>9}  {:>6}  {:>8}  {:>6}  {:>8}  {:>6}\n",
            s.passages,
            f1(&s.ceasefire),
            f1(&s.clash),
            f1(&s.casualty),
            f1(&s.claims),
            acc(s.claimant_acc),
            acc(s.ceasefire_status_acc),
        ));
    }
    out
}

/// Tag one passage with `TagContext::default()` and return its labelled-set record:
/// `{"id", "tags", "ceasefire": [{status, mediator}], "clash": [{location}], "casualties": [...]}`.
pub fn tag_record(id: &str, text: &str) -> Value {
    let mentions = tag(text, &TagContext::default());
    let mut kinds: Vec<&str> = Vec::new();
    let (mut cf, mut cl, mut cas) = (Vec::new(), Vec::new(), Vec::new());
    for m in &mentions {
        let k = m.kind().as_str();
        if !kinds.contains(&k) {
            kinds.push(k);
        }
        match &m.detail {
            MentionDetail::Ceasefire {
                status, mediator, ..
            } => {
                cf.push(json!({"status": status.as_str(), "mediator": mediator}));
            }
            MentionDetail::Clash { location, .. } => cl.push(json!({"location": location})),
            MentionDetail::Casualty { claims } => {
                for c in claims {
                    cas.push(json!({
                        "category": c.category.as_str(), "count": c.count, "approx": c.approx,
                        "who": c.who, "claimant": c.claimant, "negated": c.negated,
                    }));
                }
            }
        }
    }
    let order = [
        MentionKind::Ceasefire,
        MentionKind::Clash,
        MentionKind::Casualty,
    ];
    let tags: Vec<&str> = order
        .iter()
        .map(|k| k.as_str())
        .filter(|k| kinds.contains(k))
        .collect();
    json!({"id": id, "tags": tags, "ceasefire": cf, "clash": cl, "casualties": cas})
}

/// Precision, recall and F1 with their counts, rounded to 4 places as score.py does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

/// Round like Python's `round(x, 4)` (correctly rounded decimal, ties to even).
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

impl Prf {
    fn new(tp: usize, fp: usize, fn_: usize) -> Prf {
        let p = if tp + fp > 0 {
            tp as f64 / (tp + fp) as f64
        } else {
            1.0
        };
        let r = if tp + fn_ > 0 {
            tp as f64 / (tp + fn_) as f64
        } else {
            1.0
        };
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf {
            p: round4(p),
            r: round4(r),
            f1: round4(f1),
            tp,
            fp,
            fn_,
        }
    }
}

/// The figures score.py reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Ceasefire passages.
    pub ceasefire: Prf,
    /// Clash passages.
    pub clash: Prf,
    /// Casualty passages.
    pub casualty: Prf,
    /// Casualty claims matched on (category, count), negated ones left out.
    pub claims: Prf,
    /// Claimant accuracy on matched claims (None when there were none).
    pub claimant_acc: Option<f64>,
    /// Ceasefire status accuracy on passages where both sides have a ceasefire.
    pub ceasefire_status_acc: Option<f64>,
    /// Gold passages.
    pub passages: usize,
    /// Gold passages with no prediction.
    pub missing_predictions: usize,
    /// Mean F1 of the three kinds.
    pub macro_f1: f64,
}

type ClaimKey = (String, Option<i64>);

fn claim_key(c: &Value) -> ClaimKey {
    let cat = match c.get("category") {
        None => String::new(),
        Some(Value::Null) => "none".to_string(),
        Some(Value::String(s)) => s.to_lowercase(),
        Some(v) => v.to_string().to_lowercase(),
    };
    let cnt = match c.get("count") {
        Some(Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().map(|f| f.trunc() as i64)),
        Some(Value::String(s)) => s.trim().parse().ok(),
        Some(Value::Bool(b)) => Some(i64::from(*b)),
        _ => None,
    };
    (cat, cnt)
}

fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// score.py's `norm`: str(), lowercase, "the " → " ", collapse whitespace.
pub fn norm(v: Option<&Value>) -> String {
    let s = match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(b)) => {
            if *b {
                "True".into()
            } else {
                "False".into()
            }
        }
        Some(other) => other.to_string(),
    };
    let s = if truthy(v) { s } else { String::new() };
    s.to_lowercase()
        .replace("the ", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn id_of(v: &Value) -> String {
    match v.get("id") {
        Some(Value::String(s)) => s.clone(),
        None | Some(Value::Null) => "None".into(),
        Some(other) => other.to_string(),
    }
}

fn list<'a>(v: &'a Value, key: &str) -> Vec<&'a Value> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn counter(claims: &[&Value]) -> HashMap<ClaimKey, usize> {
    let mut m = HashMap::new();
    for c in claims {
        if !truthy(c.get("negated")) {
            *m.entry(claim_key(c)).or_insert(0) += 1;
        }
    }
    m
}

/// Score predictions against gold records, as score.py does (later duplicate ids win).
pub fn score(gold: &[Value], pred: &[Value]) -> Scores {
    let mut gmap: BTreeMap<String, &Value> = BTreeMap::new();
    let mut gorder: Vec<String> = Vec::new();
    for g in gold {
        let id = id_of(g);
        if gmap.insert(id.clone(), g).is_none() {
            gorder.push(id);
        }
    }
    let pmap: HashMap<String, &Value> = pred.iter().map(|p| (id_of(p), p)).collect();
    let empty = json!({});
    let kinds = ["ceasefire", "clash", "casualty"];
    let mut counts = [[0usize; 3]; 3];
    let (mut ctp, mut cfp, mut cfn) = (0, 0, 0);
    let (mut cl_ok, mut cl_n, mut st_ok, mut st_n) = (0usize, 0usize, 0usize, 0usize);
    let mut missing = 0;
    for id in &gorder {
        let Some(g) = gmap.get(id) else { continue };
        let p = match pmap.get(id) {
            Some(p) => *p,
            None => {
                missing += 1;
                &empty
            }
        };
        let tags = |v: &Value| -> HashSet<String> {
            list(v, "tags")
                .iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect()
        };
        let (gt, pt) = (tags(g), tags(p));
        for (ki, k) in kinds.iter().enumerate() {
            match (gt.contains(*k), pt.contains(*k)) {
                (true, true) => counts[ki][0] += 1,
                (false, true) => counts[ki][1] += 1,
                (true, false) => counts[ki][2] += 1,
                _ => {}
            }
        }
        let gl = list(g, "casualties");
        let pl = list(p, "casualties");
        let (gc, pc) = (counter(&gl), counter(&pl));
        for (k, gv) in &gc {
            let pv = pc.get(k).copied().unwrap_or(0);
            ctp += (*gv).min(pv);
            cfn += gv.saturating_sub(pv);
        }
        for (k, pv) in &pc {
            cfp += pv.saturating_sub(gc.get(k).copied().unwrap_or(0));
        }
        let mut pclaims: Vec<&Value> = pl.clone();
        for c in &gl {
            if truthy(c.get("negated")) || !truthy(c.get("claimant")) {
                continue;
            }
            if let Some(pos) = pclaims.iter().position(|q| claim_key(q) == claim_key(c)) {
                cl_n += 1;
                let (a, b) = (norm(c.get("claimant")), norm(pclaims[pos].get("claimant")));
                if !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a)) {
                    cl_ok += 1;
                }
                pclaims.remove(pos);
            }
        }
        let statuses = |v: &Value| -> Vec<Value> {
            list(v, "ceasefire")
                .iter()
                .map(|x| x.get("status").cloned().unwrap_or(Value::Null))
                .collect()
        };
        let (gs, ps) = (statuses(g), statuses(p));
        if !gs.is_empty() && !ps.is_empty() {
            st_n += 1;
            if gs.iter().any(|x| ps.contains(x)) {
                st_ok += 1;
            }
        }
    }
    let prf: Vec<Prf> = counts.iter().map(|c| Prf::new(c[0], c[1], c[2])).collect();
    let macro_f1 = round4((prf[0].f1 + prf[1].f1 + prf[2].f1) / 3.0);
    Scores {
        ceasefire: prf[0],
        clash: prf[1],
        casualty: prf[2],
        claims: Prf::new(ctp, cfp, cfn),
        claimant_acc: (cl_n > 0).then(|| round4(cl_ok as f64 / cl_n as f64)),
        ceasefire_status_acc: (st_n > 0).then(|| round4(st_ok as f64 / st_n as f64)),
        passages: gorder.len(),
        missing_predictions: missing,
        macro_f1,
    }
}

/// Python's `repr` of an optional float ("None", "1.0", "0.8571").
fn py_repr(v: Option<f64>) -> String {
    match v {
        None => "None".to_string(),
        Some(x) if x.fract() == 0.0 => format!("{x:.1}"),
        Some(x) => format!("{x}"),
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows = [
            ("ceasefire", &self.ceasefire),
            ("clash", &self.clash),
            ("casualty", &self.casualty),
            ("claims", &self.claims),
        ];
        for (k, v) in rows {
            writeln!(
                f,
                "{k:10} P={:.3} R={:.3} F1={:.3}  (tp={} fp={} fn={})",
                v.p, v.r, v.f1, v.tp, v.fp, v.fn_
            )?;
        }
        writeln!(
            f,
            "claimant_acc={} ceasefire_status_acc={} passages={} missing={} macro_f1={}",
            py_repr(self.claimant_acc),
            py_repr(self.ceasefire_status_acc),
            self.passages,
            self.missing_predictions,
            py_repr(Some(self.macro_f1))
        )
    }
}

#[cfg(test)]
#[path = "eval_tests.rs"]
mod tests;
