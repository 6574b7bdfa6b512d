//! The tagger through the binary: `tag --jsonl`, `eval` (same figures as score.py; `--by`,
//! `--half`, a closed stdout), and `retag` replacing stored mentions in place.

mod common;

use claimwatch::loopback::Route;
use common::*;

#[test]
fn tag_jsonl_writes_one_record_per_line_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let input = "{\"id\": \"a\", \"text\": \"The Azerbaijani Ministry of Defense has confirmed that seven servicemen were killed in the clashes, with a further ten wounded.\"}\n{\"id\": 7, \"text\": \"Ministers clashed over the budget.\"}\n";
    let out = run_with_stdin(dir.path(), &["tag", "--jsonl"], input);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["tags"], serde_json::json!(["clash", "casualty"]));
    let claims = lines[0]["casualties"].as_array().unwrap();
    assert_eq!(claims.len(), 2);
    assert_eq!(claims[0]["category"], "killed");
    assert_eq!(claims[0]["count"], 7);
    assert_eq!(claims[0]["claimant"], "The Azerbaijani Ministry of Defense");
    assert_eq!(claims[1]["category"], "wounded");
    assert_eq!(claims[1]["count"], 10);
    assert_eq!(lines[1]["id"], "7");
    assert_eq!(lines[1]["tags"], serde_json::json!([]));
    let bad = run_with_stdin(
        dir.path(),
        &["tag", "--jsonl"],
        "not json\n{\"id\": \"b\", \"text\": \"x\"}\n",
    );
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(stdout(&bad).lines().count(), 1);
    assert!(
        stderr(&bad).contains("stdin line 1: not JSON"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn eval_gives_the_figures_score_py_gives() {
    let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev.jsonl");
    if !dev.exists() {
        eprintln!("SKIPPED: ../shared/eval/dev.jsonl is missing");
        return;
    }
    let Ok(py) = std::process::Command::new("python3")
        .arg("--version")
        .output()
    else {
        eprintln!("SKIPPED: python3 is missing");
        return;
    };
    assert!(py.status.success());
    let dir = tempfile::tempdir().unwrap();
    let ours = run(dir.path(), &["eval", dev.to_str().unwrap()]);
    assert!(ours.status.success(), "{}", stderr(&ours));
    let input: String = std::fs::read_to_string(&dev).unwrap();
    let pred = run_with_stdin(dir.path(), &["tag", "--jsonl"], &input);
    assert!(pred.status.success());
    let pred_path = dir.path().join("pred.jsonl");
    std::fs::write(&pred_path, pred.stdout).unwrap();
    let theirs = std::process::Command::new("python3")
        .arg(dev.parent().unwrap().join("score.py"))
        .arg(&dev)
        .arg(&pred_path)
        .output()
        .unwrap();
    assert!(
        theirs.status.success(),
        "{}",
        String::from_utf8_lossy(&theirs.stderr)
    );
    assert_eq!(
        stdout(&ours).trim(),
        String::from_utf8_lossy(&theirs.stdout).trim()
    );
}

#[test]
fn eval_by_a_field_and_by_half_and_into_a_closed_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [
        r#"{"id": "a-1", "text": "Seven soldiers were killed in clashes near the border, the army said.", "tags": ["clash", "casualty"], "casualties": [{"category": "killed", "count": 7, "claimant": "the army"}], "conflict": "Afghanistan", "register": "news"}"#,
        r#"{"id": "a-2", "text": "The truce held overnight.", "tags": ["ceasefire"], "ceasefire": [{"status": "holding"}], "conflict": "Syria", "register": "official"}"#,
        r#"{"id": "a-4", "text": "Ministers clashed over the budget.", "tags": [], "conflict": "none (hard negative)", "register": "negative"}"#,
        r#"{"id": "a-5", "text": "Two fishermen drowned.", "tags": []}"#,
    ];
    let set = dir.path().join("set.jsonl");
    std::fs::write(&set, rows.join("\n") + "\n").unwrap();
    let set = set.to_str().unwrap();

    let by = run(dir.path(), &["eval", set, "--by", "register"]);
    assert!(by.status.success(), "{}", stderr(&by));
    let text = stdout(&by);
    assert!(text.contains("passages=4 "), "{text}");
    assert!(text.contains("by register:\ngroup "), "{text}");
    let groups: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("[register = "))
        .collect();
    assert_eq!(
        groups,
        [
            "(none): 1 passages]",
            "negative: 1 passages]",
            "news: 1 passages]",
            "official: 1 passages]"
        ]
    );

    // Afghanistan is in the tuning half, Syria in the checking one; a-4 is an even hard
    // negative (tune); a-5 has no conflict and is in neither.
    let tune = run(dir.path(), &["eval", set, "--half", "tune"]);
    assert!(stdout(&tune).contains("passages=2 "), "{}", stdout(&tune));
    let check = run(
        dir.path(),
        &["eval", set, "--half", "check", "--by", "conflict"],
    );
    assert!(stdout(&check).contains("passages=1 "), "{}", stdout(&check));
    assert!(stdout(&check).contains("[conflict = Syria: 1 passages]"));

    let bad = run(dir.path(), &["eval", set, "--by", "colour"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("possible values"), "{}", stderr(&bad));
    let old = dir.path().join("old.jsonl");
    std::fs::write(&old, rows[3]).unwrap();
    let none = run(
        dir.path(),
        &["eval", old.to_str().unwrap(), "--half", "check"],
    );
    assert_eq!(none.status.code(), Some(2));
    assert!(
        stderr(&none).contains("no passage in the check half"),
        "{}",
        stderr(&none)
    );

    // The figures file of a directory of sets: the set, and its halves as it has conflicts.
    let rec = run(dir.path(), &["eval", "--record-figures", "."]);
    assert!(rec.status.success(), "{}", stderr(&rec));
    let figures = claimwatch::tag::eval::figures::parse(&stdout(&rec)).unwrap();
    let names: Vec<&str> = figures.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "old.jsonl",
            "set.jsonl",
            "set.jsonl#check",
            "set.jsonl#tune"
        ]
    );
    assert_eq!(figures["set.jsonl#tune"].casualty_f1, 1.0);
    let both = run(dir.path(), &["eval", set, "--record-figures", "."]);
    assert_eq!(both.status.code(), Some(2));

    // `claimwatch eval f | head -3`: stdout closed before anything is written.
    let mut child = std::process::Command::new(bin())
        .args(["eval", set, "--by", "conflict"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn polled_claims_land_in_sqlite_and_retag_replaces_them_without_duplicates() {
    let feed = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>MoD</title>
<item><title>Statement</title><guid>s-1</guid><description>The ministry said one soldier was killed and 12 were taken captive in the clashes near Mount Kerel. Fire has been stopped since 6:30pm under an agreement mediated by the Ostravian side.</description></item>
<item><title>Update</title><guid>s-2</guid><description>Our positions were shelled overnight; two servicemen were wounded.</description></item>
</channel></rss>"#;
    let srv = Server::start(vec![("/feed.xml", Route::ok("application/rss+xml", feed))]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "",
        &[feed_source("Norland MoD", &srv.url("/feed.xml"))],
    );
    let cfg = cfg.to_str().unwrap();
    assert!(run(dir.path(), &["--config", cfg, "poll"]).status.success());
    let conn = db(dir.path());
    let claims = |sql: &str| -> Vec<(String, Option<i64>, Option<String>)> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let q = "SELECT category, count, claimant FROM casualty_claims_view ORDER BY claim_id";
    let before = claims(q);
    assert!(
        before.iter().any(|c| c.0 == "killed"
            && c.1 == Some(1)
            && c.2
                .as_deref()
                .is_some_and(|s| s.to_lowercase().contains("ministry"))),
        "{before:?}"
    );
    assert!(
        before.iter().any(|c| c.0 == "captured" && c.1 == Some(12)),
        "{before:?}"
    );
    // The own-voice claim is attributed to the source: its party label and name.
    assert!(
        before
            .iter()
            .any(|c| c.0 == "wounded" && c.1 == Some(2) && c.2.as_deref() == Some("Norland MoD")),
        "{before:?}"
    );
    let status: String = conn
        .query_row(
            "SELECT ceasefire_status FROM recent_mentions WHERE kind = 'ceasefire'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(status, "agreed");
    let mentions = count(&conn, "SELECT count(*) FROM mentions");

    // Simulate mentions from an older tagger, then re-tag.
    conn.execute("UPDATE mentions SET tagger_version = 'old'", [])
        .unwrap();
    conn.execute(
        "DELETE FROM casualty_claims WHERE category = 'captured'",
        [],
    )
    .unwrap();
    // Claims stored before schema 9 have no sides.
    conn.execute(
        "UPDATE casualty_claims SET claimant_party = NULL, affected_party = NULL, affected_kind = NULL",
        [],
    )
    .unwrap();
    let out = run(dir.path(), &["--config", cfg, "retag"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("re-tagged 2 items"),
        "{}",
        stdout(&out)
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM mentions"), mentions);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM mentions WHERE tagger_version = 'old'"
        ),
        0
    );
    assert_eq!(claims(q).len(), before.len());
    // Re-tagging resolved them again: the ministry speaks for its source's party (its label),
    // about its own soldiers.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM casualty_claims_view WHERE category = 'killed' AND count = 1 \
             AND claimant_party = 'Norland MoD' AND affected_party = 'Norland MoD' AND affected_kind = 'military'"
        ),
        1
    );
    let again = run(dir.path(), &["--config", cfg, "retag", "--since", "1h"]);
    assert!(again.status.success());
    assert_eq!(count(&conn, "SELECT count(*) FROM mentions"), mentions);
}

#[test]
fn eval_with_parties_reports_how_often_sides_resolve_and_refuses_a_bad_parties_file() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("set.jsonl");
    std::fs::write(
        &set,
        concat!(
            r#"{"id": "s-1", "text": "The Norlandian army said 70 Sudmark soldiers were killed.", "casualties": []}"#,
            "\n",
            r#"{"id": "s-2", "text": "Three civilians were wounded in the shelling, the governor said.", "casualties": []}"#,
            "\n"
        ),
    )
    .unwrap();
    let parties = dir.path().join("parties.toml");
    std::fs::write(
        &parties,
        "[[party]]\nname = \"Norland\"\nnames = [\"Norlandian\"]\n\n[[party]]\nname = \"Sudmark\"\n\n[[conflict]]\nname = \"border\"\nparties = [\"Norland\", \"Sudmark\"]\n",
    )
    .unwrap();
    let (set, parties_path) = (set.to_str().unwrap(), parties.to_str().unwrap());
    let out = run(dir.path(), &["eval", set, "--parties", parties_path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("sides of 2 claims found:"), "{text}");
    assert!(
        text.contains("affected_party = the party who names 1.000 (1/1)"),
        "{text}"
    );
    assert!(
        text.contains("claimant_party resolved            0.500 (1/2)"),
        "{text}"
    );
    std::fs::write(
        &parties,
        "[[conflict]]\nname = \"border\"\nparties = [\"Norland\", \"Sudmark\"]\n",
    )
    .unwrap();
    let bad = run(dir.path(), &["eval", set, "--parties", parties_path]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("parties.toml:3"), "{}", stderr(&bad));
    assert!(
        stderr(&bad).contains("which is no [[party]]"),
        "{}",
        stderr(&bad)
    );
}
