use super::*;

fn gold_path(name: &str) -> String {
    format!("{}/../shared/eval/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn load(path: &str) -> Option<Vec<Value>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect(),
    )
}

#[test]
fn record_format() {
    let r = tag_record(
        "x",
        "Seven soldiers were killed in clashes near the border, the army said.",
    );
    assert_eq!(r["id"], "x");
    assert_eq!(r["tags"], json!(["clash", "casualty"]));
    assert_eq!(r["casualties"][0]["category"], "killed");
    assert_eq!(r["casualties"][0]["count"], 7);
    assert_eq!(r["casualties"][0]["claimant"], "the army");
    assert_eq!(r["casualties"][0]["negated"], false);
    assert!(r["ceasefire"].as_array().is_some_and(Vec::is_empty));
}

#[test]
fn score_of_hand_made_sets() {
    let gold = vec![
        json!({"id": "a", "tags": ["casualty"], "casualties": [{"category": "killed", "count": 3, "claimant": "The Army"}]}),
        json!({"id": "b", "tags": ["ceasefire"], "ceasefire": [{"status": "agreed"}]}),
        json!({"id": "c", "tags": []}),
    ];
    let pred = vec![
        json!({"id": "a", "tags": ["casualty", "clash"], "casualties": [{"category": "killed", "count": 3, "claimant": "the army spokesman"}, {"category": "wounded", "count": 1}]}),
        json!({"id": "b", "tags": ["ceasefire"], "ceasefire": [{"status": "violated"}]}),
    ];
    let s = score(&gold, &pred);
    assert_eq!((s.casualty.tp, s.casualty.fp, s.casualty.fn_), (1, 0, 0));
    assert_eq!((s.clash.tp, s.clash.fp), (0, 1));
    assert_eq!((s.claims.tp, s.claims.fp, s.claims.fn_), (1, 1, 0));
    assert_eq!(s.claimant_acc, Some(1.0));
    assert_eq!(s.ceasefire_status_acc, Some(0.0));
    assert_eq!(s.missing_predictions, 1);
    assert_eq!(s.passages, 3);
    assert_eq!(s.claims.p, 0.5);
}

fn close(a: f64, b: &Value) -> bool {
    b.as_f64().is_some_and(|b| (a - b).abs() < 1e-9)
}

fn same(ours: &Prf, theirs: &Value) -> bool {
    close(ours.p, &theirs["p"])
        && close(ours.r, &theirs["r"])
        && close(ours.f1, &theirs["f1"])
        && theirs["tp"] == ours.tp
        && theirs["fp"] == ours.fp
        && theirs["fn"] == ours.fn_
}

/// Tags each labelled set, scores it with score.py and with `score`, and compares.
#[test]
fn parity_with_score_py() {
    let script = gold_path("score.py");
    if !std::path::Path::new(&script).exists() {
        println!("skipped: {script} is missing");
        return;
    }
    if std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("skipped: python3 is missing");
        return;
    }
    for name in ["dev.jsonl", "dev-official.jsonl", "dev-ru-uk.jsonl"] {
        let path = gold_path(name);
        let Some(gold) = load(&path) else {
            println!("skipped: {path} is missing");
            continue;
        };
        let pred: Vec<Value> = gold
            .iter()
            .map(|g| {
                tag_record(
                    g["id"].as_str().unwrap_or(""),
                    g["text"].as_str().unwrap_or(""),
                )
            })
            .collect();
        let out =
            std::env::temp_dir().join(format!("claimwatch-pred-{}-{name}", std::process::id()));
        let body: String = pred.iter().map(|p| format!("{p}\n")).collect();
        std::fs::write(&out, body).expect("write predictions");
        let res = std::process::Command::new("python3")
            .arg(&script)
            .arg(&path)
            .arg(&out)
            .arg("--json")
            .output()
            .expect("run score.py");
        let _ = std::fs::remove_file(&out);
        assert!(
            res.status.success(),
            "score.py failed: {}",
            String::from_utf8_lossy(&res.stderr)
        );
        let py: Value = serde_json::from_slice(&res.stdout).expect("score.py JSON");
        let ours = score(&gold, &pred);
        for (k, v) in [
            ("ceasefire", &ours.ceasefire),
            ("clash", &ours.clash),
            ("casualty", &ours.casualty),
            ("claims", &ours.claims),
        ] {
            assert!(same(v, &py[k]), "{name} {k}: ours {v:?} python {}", py[k]);
        }
        let opt = |o: Option<f64>, v: &Value| match o {
            None => v.is_null(),
            Some(x) => close(x, v),
        };
        assert!(
            opt(ours.claimant_acc, &py["claimant_acc"]),
            "{name} claimant_acc"
        );
        assert!(
            opt(ours.ceasefire_status_acc, &py["ceasefire_status_acc"]),
            "{name} status acc"
        );
        assert!(close(ours.macro_f1, &py["macro_f1"]), "{name} macro_f1");
        assert_eq!(py["passages"], ours.passages);
        assert_eq!(py["missing_predictions"], ours.missing_predictions);
        // The text output is the same too.
        let text = std::process::Command::new("python3")
            .arg(&script)
            .arg(&path)
            .arg("-")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut ch| {
                use std::io::Write;
                if let Some(stdin) = ch.stdin.as_mut() {
                    for p in &pred {
                        writeln!(stdin, "{p}")?;
                    }
                }
                ch.wait_with_output()
            })
            .expect("run score.py on stdin");
        assert_eq!(
            String::from_utf8_lossy(&text.stdout),
            ours.to_string(),
            "{name} text output"
        );
    }
}

#[test]
fn groups() {
    let rec = json!({"id": "a", "text": "Сегодня погибли трое военных.", "conflict": "X"});
    assert_eq!(GroupBy::Conflict.group_of(&rec), "X");
    assert_eq!(GroupBy::Register.group_of(&rec), NO_GROUP);
    assert_eq!(GroupBy::Lang.group_of(&rec), "ru");
    assert_eq!(
        GroupBy::Lang.group_of(&json!({"lang": "uk", "text": "x"})),
        "uk"
    );
    assert_eq!(
        GroupBy::Register.group_of(&json!({"register": ""})),
        NO_GROUP
    );
    let gold = vec![
        json!({"id": "1", "tags": ["clash"], "register": "news"}),
        json!({"id": "2", "tags": [], "register": "negative"}),
        json!({"id": "3", "tags": ["clash"]}),
    ];
    let pred = vec![
        json!({"id": "1", "tags": ["clash"]}),
        json!({"id": "2", "tags": ["clash"]}),
        json!({"id": "3", "tags": []}),
    ];
    let g = score_groups(&gold, &pred, |r| GroupBy::Register.group_of(r));
    let names: Vec<&str> = g.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(names, ["(none)", "negative", "news"]);
    assert_eq!(
        (g[0].1.clash.fn_, g[1].1.clash.fp, g[2].1.clash.tp),
        (1, 1, 1)
    );
    let table = group_table(&g);
    assert_eq!(table.lines().count(), 4, "{table}");
    assert!(
        table.lines().nth(2).is_some_and(|l| l.contains("fp=1")),
        "{table}"
    );
}

#[test]
fn figures_round_trip_and_shortfalls() {
    let f = figures::Figures {
        ceasefire_f1: 0.95,
        clash_f1: 0.9,
        casualty_f1: 1.0,
        claims_f1: 0.7344,
        claimant_acc: None,
        status_acc: Some(0.881),
    };
    let text = figures::to_toml(&[("dev2.jsonl".into(), f), ("dev2.jsonl#tune".into(), f)]);
    assert!(
        text.contains("[\"dev2.jsonl#tune\"]\nceasefire_f1 = 0.9500\n"),
        "{text}"
    );
    assert!(!text.contains("claimant_acc"), "{text}");
    let back = figures::parse(&text).expect("parse");
    assert_eq!(back.get("dev2.jsonl"), Some(&f));
    let worse = figures::Figures {
        clash_f1: 0.879,
        casualty_f1: 0.98,
        status_acc: None,
        claimant_acc: Some(0.5),
        ..f
    };
    let bad = figures::shortfalls(&back, &[("dev2.jsonl".into(), worse)], 0.02);
    assert_eq!(
        bad,
        [
            "dev2.jsonl clash_f1: 0.8790, recorded 0.9000 (-0.0210)",
            "dev2.jsonl status_acc: undefined, recorded 0.8810",
            "dev2.jsonl#tune: recorded, but not measured (set missing?)",
        ]
    );
    assert!(figures::parse("[x]\nclash_f1 = 1.0").is_err());
}

/// Tags every shared labelled set (and the dev2 halves) and fails when a figure falls more
/// than `figures::TOLERANCE` below `eval_figures.toml`.
#[test]
fn figures_do_not_regress() {
    let dir = std::path::PathBuf::from(gold_path(""));
    if !dir.is_dir() {
        println!("skipped: {} missing", dir.display());
        return;
    }
    let recorded = figures::parse(figures::RECORDED).expect("src/tag/eval_figures.toml");
    let started = std::time::Instant::now();
    let current = figures::measure_dir(&dir).expect("the shared sets");
    println!(
        "tagged and scored {} sets and halves in {:.1} s",
        current.len(),
        started.elapsed().as_secs_f64()
    );
    for (name, _) in current.iter().filter(|(n, _)| !recorded.contains_key(n)) {
        println!("note: no recorded figures for {name}");
    }
    let bad = figures::shortfalls(&recorded, &current, figures::TOLERANCE);
    assert!(
        bad.is_empty(),
        "figures more than {} below src/tag/eval_figures.toml:\n  {}\n\
         If the change is intended, regenerate the file:\n  \
         cargo run -- eval --record-figures ../shared/eval > src/tag/eval_figures.toml",
        figures::TOLERANCE,
        bad.join("\n  ")
    );
}
