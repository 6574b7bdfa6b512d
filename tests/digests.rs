//! Digests: the claims ledger end to end (revisions and syndicated copies marked, not
//! counted twice), every format (Markdown snapshot, sanitized HTML, JSON against its schema,
//! Atom that parses), and the HTML in a headless browser where one is installed.

mod common;

use std::path::Path;

use chrono::{DateTime, Utc};
use claimwatch::digest::{ConflictSides, Digest, DigestFilter, Format};
use claimwatch::loopback::Route;
use claimwatch::store::queries::{ClaimRow, MentionRow};
use common::*;
use serde_json::Value;

/// A small JSON Schema checker for the subset the digest schema uses: type (or a list of
/// types), enum, required, properties, additionalProperties: false, items.
fn check(schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            _ => false,
        });
        if !ok {
            errors.push(format!("{at}: {v} is not {types:?}"));
            return;
        }
    }
    if let Some(Value::Array(allowed)) = schema.get("enum")
        && !allowed.contains(v)
    {
        errors.push(format!("{at}: {v} not in {allowed:?}"));
    }
    if let (Some(obj), Some(Value::Object(props))) = (v.as_object(), schema.get("properties")) {
        for r in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !obj.contains_key(r) {
                errors.push(format!("{at}: missing {r}"));
            }
        }
        for (k, val) in obj {
            match props.get(k) {
                Some(s) => check(s, val, &format!("{at}.{k}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{at}: unexpected {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(arr), Some(items)) = (v.as_array(), schema.get("items")) {
        for (i, x) in arr.iter().enumerate() {
            check(items, x, &format!("{at}[{i}]"), errors);
        }
    }
}

fn schema() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/digest.schema.json"
        ))
        .unwrap(),
    )
    .unwrap()
}

const WIRE_STORY: &str = "Heavy fighting broke out before dawn near Mount Kerel, the defence ministry said, adding that seven soldiers were killed in the clashes and that the border villages had been shelled for hours.";
const UPDATE: &str = "The army said 12 soldiers were wounded in the overnight shelling of positions near the village of Berat.";

fn feed(items: &[(&str, &str, &str)]) -> String {
    let mut s =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>");
    for (guid, title, text) in items {
        s.push_str(&format!("<item><guid>{guid}</guid><title>{title}</title><link>https://news.example/{guid}</link><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate><description>{text}</description></item>"));
    }
    s + "</channel></rss>"
}

#[test]
fn the_ledger_marks_revised_figures_and_syndicated_copies_and_every_format_is_valid() {
    let mut first = Route::ok(
        "application/rss+xml",
        feed(&[
            ("w-1", "Border clashes", WIRE_STORY),
            ("w-2", "Shelling", UPDATE),
        ]),
    );
    first.etag = None;
    let mut copy = Route::ok(
        "application/rss+xml",
        feed(&[("c-9", "UPDATE 1-Border clashes", &WIRE_STORY.to_uppercase())]),
    );
    copy.etag = None;
    let srv = Server::start(vec![("/wire.xml", first), ("/copy.xml", copy.clone())]);
    let dir = tempfile::tempdir().unwrap();
    let sources = [
        feed_source("Wire", &srv.url("/wire.xml")),
        "[[source]]\nname = \"Copy\"\nurl = \"URL\"\nkind = \"feed\"\n\n"
            .replace("URL", &srv.url("/copy.xml")),
    ];
    let cfg = write_config(dir.path(), "", &sources);
    let cfg = cfg.to_str().unwrap();
    assert!(
        run(dir.path(), &["--config", cfg, "poll", "--source", "Wire"])
            .status
            .success()
    );
    assert!(
        run(dir.path(), &["--config", cfg, "poll", "--source", "Copy"])
            .status
            .success()
    );
    // The wire revises a figure: 12 wounded becomes 15.
    let mut revised = Route::ok(
        "application/rss+xml",
        feed(&[
            ("w-1", "Border clashes", WIRE_STORY),
            (
                "w-2",
                "Shelling",
                &UPDATE.replace("12 soldiers", "15 soldiers"),
            ),
        ]),
    );
    revised.etag = None;
    srv.server.set_route("/wire.xml", revised);
    assert!(
        run(dir.path(), &["--config", cfg, "poll", "--source", "Wire"])
            .status
            .success()
    );

    let out = run(
        dir.path(),
        &[
            "--config", cfg, "digest", "--since", "1h", "--out", "d", "--format", "md", "--format",
            "html", "--format", "json", "--format", "atom",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let files: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.split(" (").next().unwrap().to_owned())
        .collect();
    assert_eq!(files.len(), 4, "{files:?}");
    let read = |ext: &str| {
        std::fs::read_to_string(
            dir.path()
                .join(files.iter().find(|f| f.ends_with(ext)).unwrap()),
        )
        .unwrap()
    };

    let md = read(".md");
    assert!(md.contains("15 wounded (revised from 12)"), "{md}");
    assert!(md.contains("syndicated copy of Wire"), "{md}");
    assert!(md.contains("(copy of Wire, not counted)"), "{md}");
    let ledger: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("**Claims side by side:**"))
        .skip(2)
        .take_while(|l| l.starts_with("- "))
        .collect();
    // The wire's source speaks for itself (its `party` label); the copy is not counted.
    assert_eq!(
        ledger,
        vec!["- Wire — own: 7 killed, wounded 12 → 15 (revised 10:00 by Wire)"],
        "{md}"
    );

    let json: Value = serde_json::from_str(&read(".json")).unwrap();
    let mut errors = Vec::new();
    check(&schema(), &json, "$", &mut errors);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        json["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["syndicated_from"] == "Wire")
    );

    let atom = read(".atom");
    let parsed = feed_rs::parser::parse(atom.as_bytes()).unwrap();
    assert_eq!(parsed.feed_type, feed_rs::model::FeedType::Atom);
    // One entry per day and conflict with the ledger's sides, then one per mention.
    assert_eq!(
        parsed.entries.len(),
        json["mentions"].as_array().unwrap().len() + 1
    );
    let ledger_entry = parsed.entries[0]
        .content
        .as_ref()
        .and_then(|c| c.body.clone());
    assert_eq!(
        ledger_entry.as_deref(),
        Some("Wire — own: 7 killed, wounded 12 → 15 (revised 10:00 by Wire)")
    );
    assert!(
        parsed
            .entries
            .iter()
            .any(|e| e.links.iter().any(|l| l.href == "https://news.example/w-1"))
    );

    let html = read(".html");
    assert!(
        html.contains("<svg") && html.contains("revised from 12"),
        "{html}"
    );
    assert!(hostile(&html).is_empty(), "{:?}", hostile(&html));
}

fn row(i: i64, title: &str, url: Option<String>, sentence: &str) -> MentionRow {
    MentionRow {
        mention_id: i,
        item_id: i,
        kind: ["ceasefire", "clash", "casualty"][usize::try_from(i % 3).unwrap()].into(),
        source: title.chars().take(30).collect(),
        party: Some(sentence.chars().take(20).collect()),
        title: title.into(),
        url,
        published_at: "2026-11-24T10:00:00Z".into(),
        seen_at: "2026-11-24T10:00:00Z".into(),
        sentence: sentence.into(),
        ceasefire_status: Some("agreed".into()),
        mediator: Some(title.into()),
        location: Some(sentence.chars().take(15).collect()),
        revision: 1,
        syndicated_from: None,
        language: None,
        claims: vec![ClaimRow {
            category: "killed".into(),
            count: Some(1),
            approx: false,
            who: Some(title.into()),
            claimant: Some(sentence.chars().take(25).collect()),
            claimant_origin: Some("sentence".into()),
            negated: false,
            revised_from: None,
            // Feed text reaches the ledger's side and column names too.
            claimant_party: Some(title.into()),
            affected_party: Some(sentence.chars().take(20).collect()),
            affected_kind: Some(if i % 2 == 0 { "military" } else { "civilian" }.into()),
        }],
    }
}

fn hostile(html: &str) -> Vec<&'static str> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    if lower.contains("<script") {
        found.push("script");
    }
    if lower.contains("javascript:") {
        found.push("javascript:");
    }
    if lower.contains("<iframe") || lower.contains("<object") || lower.contains("<embed") {
        found.push("embedded object");
    }
    // An event handler is an attribute: a space, on…=, inside a tag.
    let handler = regex::Regex::new(r#"<[^>]*\son[a-z]+\s*="#).unwrap();
    if handler.is_match(&lower) {
        found.push("event handler");
    }
    if regex::Regex::new(r#"(src|href)\s*=\s*"(https?:)?//"#)
        .unwrap()
        .is_match(
            &lower
                .replace("href=\"https://", "")
                .replace("href=\"http://", ""),
        )
    {
        found.push("remote resource");
    }
    found
}

#[test]
fn hostile_feed_content_never_survives_into_the_html_digest() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/feedparser/wellformed/sanitize");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("SKIPPED: {} is missing", dir.display());
        return;
    };
    let mut rows = Vec::new();
    let mut raw_hostile = 0;
    for e in entries.flatten() {
        let bytes = std::fs::read(e.path()).unwrap();
        let text = claimwatch::fetch::decode_feed(&bytes, None);
        if !hostile(&text).is_empty() {
            raw_hostile += 1;
        }
        let Ok(items) = claimwatch::parse::parse_feed(&text, None) else {
            continue;
        };
        for it in items {
            // Title, link, text and the raw content all go into the digest's fields.
            let i = i64::try_from(rows.len()).unwrap();
            rows.push(row(
                i,
                &it.title,
                it.url.clone(),
                &format!("{} {}", it.text, it.raw),
            ));
        }
    }
    assert!(rows.len() > 400, "{}", rows.len());
    assert!(
        raw_hostile > 100,
        "the corpus should be hostile: {raw_hostile}"
    );
    let t = DateTime::parse_from_rfc3339("2026-11-24T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    // A conflict whose name and parties are hostile feed strings too.
    let conflicts = vec![ConflictSides {
        name: "<script>alert(1)</script> border".into(),
        parties: rows.iter().take(2).map(|r| r.title.clone()).collect(),
    }];
    let digest = Digest::build(rows, t, t, t, &DigestFilter::default(), &conflicts);
    let html = digest.render(Format::Html);
    let found = hostile(&html);
    assert!(found.is_empty(), "{found:?}");
    let md = digest.render(Format::Markdown);
    assert!(
        !md.contains("<script") && !md.to_ascii_lowercase().contains("](javascript:"),
        "markdown leaks markup"
    );
    let atom = digest.render(Format::Atom);
    assert!(feed_rs::parser::parse(atom.as_bytes()).is_ok());
}

#[test]
fn the_demo_digest_matches_its_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo");
    let out = run(dir.path(), &["demo", "--dir", demo.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md_path = std::fs::read_dir(demo.join("digests"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "md"))
        .unwrap();
    let md = std::fs::read_to_string(md_path).unwrap();
    // Normalise what changes between runs: the loopback port and the run's own times.
    let port = regex::Regex::new(r"127\.0\.0\.1:\d+").unwrap();
    let window =
        regex::Regex::new(r"from \d{4}-\d\d-\d\d \d\d:\d\d to \d{4}-\d\d-\d\d \d\d:\d\d").unwrap();
    let md = port.replace_all(&md, "127.0.0.1:PORT");
    let md = window.replace_all(&md, "from WINDOW");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/demo_digest.md");
    if std::env::var_os("CLAIMWATCH_BLESS").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, md.as_bytes()).unwrap();
    }
    let want = std::fs::read_to_string(&golden).unwrap_or_default();
    assert!(
        md == want,
        "the demo digest changed; if that is intended, regenerate with CLAIMWATCH_BLESS=1 cargo test --test digests\n--- got ---\n{md}\n--- want ---\n{want}"
    );
}

#[test]
fn the_html_digest_loads_in_headless_chromium_without_console_errors() {
    let browser = ["chromium", "chromium-browser"].into_iter().find(|b| {
        std::process::Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(browser) = browser else {
        eprintln!(
            "SKIPPED: no chromium installed (.ci/run installs Debian's chromium where it can)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo");
    assert!(
        run(dir.path(), &["demo", "--dir", demo.to_str().unwrap()])
            .status
            .success()
    );
    let html = std::fs::read_dir(demo.join("digests"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "html"))
        .unwrap();
    let shot = dir.path().join("digest.png");
    let out = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=412,915",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    let console_errors: Vec<&str> = log
        .lines()
        .filter(|l| {
            l.contains("CONSOLE")
                && (l.contains("Uncaught") || l.contains("Refused") || l.contains("rror"))
        })
        .collect();
    assert!(console_errors.is_empty(), "{console_errors:?}");
    let png = std::fs::read(&shot).unwrap_or_default();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 5000,
        "no screenshot: {log}"
    );
    let keep = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/digest-screenshot.png");
    let _ = std::fs::write(&keep, &png);
    eprintln!("screenshot of the HTML digest: {}", keep.display());
}

#[test]
fn the_demo_ledger_says_who_claims_what_about_whom() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo");
    let out = run(dir.path(), &["demo", "--dir", demo.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = stdout(&out);
    let line = |side: &str| {
        printed
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with(&format!("{side} — ")))
            .unwrap_or_else(|| panic!("no ledger row for {side} in\n{printed}"))
            .to_owned()
    };
    // Norland admits its own losses and claims 70 on Sudmark; the wire's 15 wounded
    // civilians are Norland's claim, relayed.
    let norland = line("Norland");
    assert!(
        norland.starts_with("Norland — own: 1 killed, 12 captured, 24 missing · on Sudmark: 70 killed or wounded · civilians: "),
        "{norland}"
    );
    assert!(
        norland.contains("~15 wounded via Continental Wire"),
        "{norland}"
    );
    // Sudmark's Russian statement revises its own figures; it denies civilian losses.
    let sudmark = line("Sudmark");
    assert_eq!(
        sudmark,
        "Sudmark — own: killed 7 → 9 (revised 16:40 by Sudmark MoD (ru)), wounded 10 → 12 (revised 16:40 by Sudmark MoD (ru)) · civilians: denies civilian losses"
    );
    assert!(printed.contains("Norland–Sudmark border"), "{printed}");
    assert!(
        !printed.contains("via Continental Wire)"),
        "a relayed claim is not a side of its own: {printed}"
    );

    // The JSON digest follows its schema, ledger included.
    let json_path = std::fs::read_dir(demo.join("digests"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "json"))
        .unwrap();
    let json: Value = serde_json::from_str(&std::fs::read_to_string(json_path).unwrap()).unwrap();
    let mut errors = Vec::new();
    check(&schema(), &json, "$", &mut errors);
    assert!(errors.is_empty(), "{errors:?}");
    let sudmark_own = &json["days"][0]["ledgers"][0]["sides"][1]["own"][0];
    assert_eq!(sudmark_own["moved_from"], serde_json::json!([7]));
    assert_eq!(sudmark_own["count"], 9);

    // The HTML table sets the two ministries' figures for the same losses side by side.
    let html_path = std::fs::read_dir(demo.join("digests"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "html"))
        .unwrap();
    let html = std::fs::read_to_string(html_path).unwrap();
    let start = html.find("<div class=\"ledger\">").expect("a ledger table");
    let end = start + html[start..].find("</div>").unwrap() + "</div>".len();
    let table = &html[start..end];
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/demo_ledger.html");
    if std::env::var_os("CLAIMWATCH_BLESS").is_some() {
        std::fs::write(&golden, table.as_bytes()).unwrap();
    }
    let want = std::fs::read_to_string(&golden).unwrap_or_default();
    assert!(
        table == want.trim_end(),
        "the demo's HTML ledger changed; if intended, regenerate with CLAIMWATCH_BLESS=1 cargo test --test digests\n--- got ---\n{table}\n--- want ---\n{want}"
    );
    let row = |label: &str| {
        let at = table
            .find(&format!("<th scope=\"row\">{label}</th>"))
            .unwrap();
        table[at..table[at..].find("</tr>").unwrap() + at].to_owned()
    };
    assert!(
        row("Sudmark (military)").contains("<td>70 killed or wounded</td><td>killed 7 → 9"),
        "{table}"
    );
    assert!(
        row("Norland (military)")
            .contains("<td>1 killed, 12 captured, 24 missing</td><td class=\"none\">—</td>"),
        "{table}"
    );
}
