//! Robustness over `../shared/corpus` (feeds and pages written by others): every file goes
//! through decoding and parsing with no panic, every failure is a typed error, and
//! non-UTF-8 feeds are stored with the right text. Skips when `../shared` is missing.

mod common;

use std::path::{Path, PathBuf};

use claimwatch::fetch::{decode_feed, decode_html};
use claimwatch::loopback::Route;
use claimwatch::parse::{PageRule, ParseError, html_to_text, parse_feed, parse_page};
use common::*;

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: ../shared/corpus is missing (it is present on the project's own machines and CI)"
        );
        None
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The `Header: Content-type: …` a feedparser test file asks to be served with.
fn declared_content_type(body: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&body[..body.len().min(600)]).into_owned();
    let line = head
        .lines()
        .find(|l| l.trim_start().starts_with("Header:"))?;
    let value = line.split_once(':')?.1.trim();
    let (name, v) = value.split_once(':')?;
    name.trim()
        .eq_ignore_ascii_case("content-type")
        .then(|| v.trim().to_owned())
}

#[test]
fn every_corpus_file_parses_or_fails_with_a_typed_error_and_none_panics() {
    let Some(root) = corpus() else { return };
    let mut all = Vec::new();
    files(&root, &mut all);
    let rule = PageRule::new(
        "article, .post, li",
        "a",
        "h1, h2, h3, a",
        Some("time"),
        Some("p"),
    )
    .unwrap();
    let base = url::Url::parse("https://example.org/").unwrap();
    let (mut ok, mut failed, mut contained, mut escaped) = (0, 0, 0, Vec::new());
    let mut report = String::new();
    for path in &all {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "xml" | "json" | "rss" | "html" | "atom" | "rdf") {
            continue;
        }
        let body = std::fs::read(path).unwrap();
        let ct = declared_content_type(&body);
        let result = std::panic::catch_unwind(|| {
            if ext == "html" {
                let text = decode_html(&body, ct.as_deref());
                let _ = html_to_text(&text);
                Ok(parse_page(&text, &rule, &base).len())
            } else {
                let text = decode_feed(&body, ct.as_deref());
                parse_feed(&text, None).map(|items| items.len())
            }
        });
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        match result {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(e)) => {
                failed += 1;
                if matches!(e, ParseError::FeedPanic(_)) {
                    contained += 1;
                }
                let message = e.to_string();
                assert!(!message.is_empty());
                report.push_str(&format!("{name}: {message}\n"));
            }
            Err(_) => escaped.push(name),
        }
    }
    eprintln!(
        "corpus: {} files: {ok} parsed, {failed} failed with a typed error ({contained} of them a contained feed-rs panic), {} panics escaped",
        ok + failed + escaped.len(),
        escaped.len()
    );
    eprintln!("{report}");
    assert!(escaped.is_empty(), "panics escaped on: {escaped:?}");
    assert!(ok + failed > 1500, "the corpus shrank: {}", ok + failed);
    // A floor well above feed-rs alone (1,346 of 1,523 feeds): encoding repair and the
    // version fix must keep working.
    assert!(ok >= 1440, "only {ok} files parsed:\n{report}");
}

/// Decodes Python's `\uXXXX` and `\xXX` escapes in a feedparser `Expect:` literal.
fn python_literal(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let digits = match chars.next() {
            Some('u') => 4,
            Some('x') => 2,
            Some(other) => {
                out.push(other);
                continue;
            }
            None => break,
        };
        let hex: String = (0..digits).filter_map(|_| chars.next()).collect();
        if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
            out.push(ch);
        }
    }
    out
}

#[test]
fn feedparser_encoding_cases_decode_to_the_expected_text() {
    let Some(root) = corpus() else { return };
    let dir = root.join("feedparser/encoding");
    let mut checked = 0;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for path in paths {
        let body = std::fs::read(&path).unwrap();
        let head = String::from_utf8_lossy(&body[..body.len().min(800)]).into_owned();
        let Some(expect) = head.lines().find_map(|l| l.trim().strip_prefix("Expect:")) else {
            continue;
        };
        let Some(literal) = expect.split("entries[0]['description'] == '").nth(1) else {
            continue;
        };
        let want = python_literal(literal.trim_end().trim_end_matches('\''));
        if want.contains('<') || want.contains("&#") {
            continue; // markup the HTML-to-text step rightly removes or decodes
        }
        let text = decode_feed(&body, declared_content_type(&body).as_deref());
        let items = parse_feed(&text, None).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(items[0].text, want, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 4, "only {checked} cases checked");
}

#[test]
fn windows_1251_and_latin_1_feeds_are_stored_with_the_right_text() {
    let Some(root) = corpus() else { return };
    let real = root.join("real");
    let read = |f: &str| std::fs::read(real.join(f)).unwrap();
    let srv = Server::start(vec![
        // Declared in the prolog only.
        (
            "/pravda.xml",
            Route::ok("application/rss+xml", read("ua-news__stub_pravda_rss.xml")),
        ),
        (
            "/jn.xml",
            Route::ok("application/rss+xml", read("rss-parser__encoding.rss")),
        ),
        // Declared nowhere: detected.
        (
            "/uol.xml",
            Route::ok("text/xml", read("rss-parser__uolNoticias.rss")),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "",
        &[
            feed_source("Pravda", &srv.url("/pravda.xml")),
            feed_source("JN", &srv.url("/jn.xml")),
            feed_source("UOL", &srv.url("/uol.xml")),
        ],
    );
    let out = run(dir.path(), &["--config", cfg.to_str().unwrap(), "poll"]);
    assert!(out.status.success(), "{}\n{}", stdout(&out), stderr(&out));
    let conn = db(dir.path());
    let titles = |source: &str| -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT i.title FROM items i JOIN sources s ON s.id = i.source_id WHERE s.name = ?1")
            .unwrap();
        stmt.query_map([source], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    for source in ["Pravda", "JN", "UOL"] {
        let t = titles(source);
        assert!(!t.is_empty(), "{source}");
        let all = t.join("\n");
        assert!(
            !all.contains('\u{fffd}') && !all.contains("Ã") && !all.contains("Ð"),
            "{source}: mojibake in {all}"
        );
    }
    let cyrillic = |s: &String| s.chars().any(|c| ('а'..='я').contains(&c));
    assert!(
        titles("Pravda").iter().all(cyrillic),
        "{:?}",
        titles("Pravda")
    );
    let latin = |s: &String| s.chars().any(|c| "áàâãçéêíóôõúÁÉÓÚÇ".contains(c));
    assert!(
        titles("JN").iter().filter(|t| latin(t)).count() >= 5,
        "{:?}",
        titles("JN")
    );
    assert!(titles("UOL").iter().any(latin), "{:?}", titles("UOL"));
}
