//! End-to-end runs of the binary against loopback servers and real SQLite files.

mod common;

use claimwatch::loopback::{Behaviour, Route};
use common::*;

#[test]
fn new_items_are_stored_once_and_304_is_honoured() {
    let srv = Server::start(vec![
        ("/feed.xml", Route::ok("application/rss+xml", RSS)),
        ("/press", Route::ok("text/html", PAGE)),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "",
        &[
            feed_source("Feed MoD", &srv.url("/feed.xml")),
            page_source("Page MoD", &srv.url("/press")),
        ],
    );
    let cfg = cfg.to_str().unwrap();

    let first = run(dir.path(), &["--config", cfg, "poll"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let out = stdout(&first);
    assert!(out.contains("Feed MoD: 3 items, 3 new"), "{out}");
    assert!(out.contains("Page MoD: 2 items, 2 new"), "{out}");

    let conn = db(dir.path());
    assert_eq!(count(&conn, "SELECT count(*) FROM items"), 5);
    let page_date: String = conn
        .query_row(
            "SELECT published_at FROM items WHERE url LIKE '%/press/10'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(page_date, "2026-11-24T09:30:00Z");
    assert!(count(&conn, "SELECT count(*) FROM mentions") > 0);

    let second = run(dir.path(), &["--config", cfg, "poll"]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stdout(&second).contains("Feed MoD: not modified"),
        "{}",
        stdout(&second)
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM items"), 5);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM fetches WHERE http_status = 304"
        ),
        2
    );
    // The second request carried the ETag of the first answer.
    let reqs = srv.server.requests("/feed.xml");
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0], None);
    assert!(reqs[1].is_some());
}

#[test]
fn without_validators_a_second_poll_adds_nothing_and_a_changed_item_is_a_revision() {
    let mut route = Route::ok("application/rss+xml", RSS);
    route.etag = None;
    let srv = Server::start(vec![("/feed.xml", route)]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "",
        &[feed_source("Feed MoD", &srv.url("/feed.xml"))],
    );
    let cfg = cfg.to_str().unwrap();
    assert!(run(dir.path(), &["--config", cfg, "poll"]).status.success());
    // The same bytes again are not even parsed.
    let same = run(dir.path(), &["--config", cfg, "poll"]);
    assert!(
        stdout(&same).contains("Feed MoD: unchanged since the last poll"),
        "{}",
        stdout(&same)
    );
    // A new build date but the same items: parsed, nothing stored twice.
    let mut rebuilt = Route::ok(
        "application/rss+xml",
        RSS.replace(
            "<title>Test MoD</title>",
            "<title>Test MoD</title><lastBuildDate>Wed, 25 Nov 2026 10:00:00 GMT</lastBuildDate>",
        ),
    );
    rebuilt.etag = None;
    srv.server.set_route("/feed.xml", rebuilt);
    let again = run(dir.path(), &["--config", cfg, "poll"]);
    assert!(
        stdout(&again).contains("3 items, 0 new, 0 revised"),
        "{}",
        stdout(&again)
    );

    let mut changed = Route::ok(
        "application/rss+xml",
        RSS.replace("Two servicemen were killed", "Three servicemen were killed"),
    );
    changed.etag = None;
    srv.server.set_route("/feed.xml", changed);
    let third = run(dir.path(), &["--config", cfg, "poll"]);
    assert!(
        stdout(&third).contains("3 items, 0 new, 1 revised"),
        "{}",
        stdout(&third)
    );
    let conn = db(dir.path());
    assert_eq!(count(&conn, "SELECT count(*) FROM items"), 3);
    assert_eq!(
        count(&conn, "SELECT revision FROM items WHERE guid = 't-1'"),
        2
    );
    let old: String = conn
        .query_row("SELECT text FROM item_revisions", [], |r| r.get(0))
        .unwrap();
    assert!(old.starts_with("Two servicemen"), "{old}");
    // Full-text search finds the current text, not the replaced one.
    let fts = |q: &str| {
        count(
            &conn,
            &format!("SELECT count(*) FROM items_fts WHERE items_fts MATCH '{q}'"),
        )
    };
    assert_eq!(fts("\"three servicemen\""), 1);
    assert_eq!(fts("\"two servicemen\""), 0);
    conn.execute_batch("INSERT INTO items_fts(items_fts) VALUES ('integrity-check')")
        .unwrap();
}

#[test]
fn failing_sources_are_recorded_and_the_others_still_succeed() {
    let srv = Server::start(vec![
        ("/good.xml", Route::ok("application/rss+xml", RSS)),
        ("/error", Route::status(500)),
        (
            "/broken.xml",
            Route::ok(
                "application/rss+xml",
                "<rss version=\"2.0\"><channel><item><title>cut",
            ),
        ),
        (
            "/slow.xml",
            Route::ok("application/rss+xml", RSS)
                .with_behaviour(Behaviour::Delay(std::time::Duration::from_secs(6))),
        ),
        (
            "/endless.xml",
            Route::ok("application/rss+xml", RSS).with_behaviour(Behaviour::Endless),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "max_body_bytes = 1000000",
        &[
            feed_source("Good", &srv.url("/good.xml")),
            feed_source("Error", &srv.url("/error")),
            feed_source("Broken", &srv.url("/broken.xml")),
            feed_source("Slow", &srv.url("/slow.xml")),
            feed_source("Endless", &srv.url("/endless.xml")),
        ],
    );
    let out = run(dir.path(), &["--config", cfg.to_str().unwrap(), "poll"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Good: 3 items, 3 new"), "{text}");
    assert!(text.contains("Error: FAILED: source \"Error\""), "{text}");
    assert!(text.contains("server answered 500"), "{text}");
    assert!(
        text.contains("Broken: FAILED") && text.contains("not a valid RSS"),
        "{text}"
    );
    assert!(
        text.contains("Slow: FAILED") && text.contains("timed out"),
        "{text}"
    );
    assert!(
        text.contains("Endless: FAILED") && text.contains("larger than the 1000000-byte limit"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("4 of 5 sources failed"),
        "{}",
        stderr(&out)
    );

    let conn = db(dir.path());
    assert_eq!(count(&conn, "SELECT count(*) FROM items"), 3);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM fetches WHERE error IS NOT NULL"
        ),
        4
    );
    assert_eq!(
        count(
            &conn,
            "SELECT http_status FROM fetches JOIN sources s ON s.id = source_id WHERE s.name = 'Error'"
        ),
        500
    );

    let listing = run(dir.path(), &["--config", cfg.to_str().unwrap(), "sources"]);
    let listing = stdout(&listing);
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("Error ") && l.contains("500") && l.contains("(1 in a row)")),
        "{listing}"
    );
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("Good ") && l.contains(" 200 ") && !l.contains("in a row")),
        "{listing}"
    );
}

#[test]
fn poll_of_one_named_source_and_of_an_unknown_one() {
    let srv = Server::start(vec![
        ("/a.xml", Route::ok("application/rss+xml", RSS)),
        ("/b.xml", Route::status(500)),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "",
        &[
            feed_source("A", &srv.url("/a.xml")),
            feed_source("B", &srv.url("/b.xml")),
        ],
    );
    let cfg = cfg.to_str().unwrap();
    let out = run(dir.path(), &["--config", cfg, "poll", "--source", "A"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains("B:"));
    assert!(srv.server.requests("/b.xml").is_empty());
    let out = run(dir.path(), &["--config", cfg, "poll", "--source", "Nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no source named \"Nope\""));
}

#[test]
fn digest_quotes_sentences_with_source_and_link() {
    let srv = Server::start(vec![("/feed.xml", Route::ok("application/rss+xml", RSS))]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "",
        &[feed_source("Feed MoD", &srv.url("/feed.xml"))],
    );
    let cfg = cfg.to_str().unwrap();
    assert!(run(dir.path(), &["--config", cfg, "poll"]).status.success());
    let out = run(
        dir.path(),
        &["--config", cfg, "digest", "--since", "1h", "--out", "out"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let path = stdout(&out).split(" (").next().unwrap().to_owned();
    let md = std::fs::read_to_string(dir.path().join(&path)).unwrap();
    assert!(md.contains("## Ceasefires"), "{md}");
    assert!(
        md.contains("The ceasefire came into force at 18:00."),
        "{md}"
    );
    assert!(md.contains(&srv.url("/news/2")), "{md}");
    assert!(
        md.contains("| Casualty claims") || md.contains("## Casualty claims"),
        "{md}"
    );
    let bad = run(
        dir.path(),
        &["--config", cfg, "digest", "--since", "yesterday"],
    );
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn demo_runs_and_its_database_holds_items_mentions_and_claims() {
    let dir = tempfile::tempdir().unwrap();
    let demo_dir = dir.path().join("demo");
    let out = run(dir.path(), &["demo", "--dir", demo_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("polled 5 sample sources"), "{text}");
    let conn = rusqlite::Connection::open(demo_dir.join("claimwatch.db")).unwrap();
    assert!(count(&conn, "SELECT count(*) FROM items") >= 10);
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM recent_mentions WHERE kind = 'ceasefire'"
        ) >= 1
    );
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM recent_mentions WHERE kind = 'clash'"
        ) >= 1
    );
    assert!(count(&conn, "SELECT count(*) FROM casualty_claims_view") >= 2);
    // Each source was polled at start and again by its cron job, which got a 304.
    let sources_with_304 = "SELECT count(DISTINCT source_id) FROM fetches WHERE http_status = 304";
    assert_eq!(count(&conn, sources_with_304), 5);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM fetches WHERE http_status = 200"
        ),
        5
    );
    // The Russian-language statement's claims sit in the ledger with the English ones.
    let ru: i64 = count(
        &conn,
        "SELECT count(*) FROM casualty_claims_view WHERE source = 'Sudmark MoD (ru)' AND category = 'killed' AND count = 9",
    );
    assert_eq!(ru, 1);
    // It revises Sudmark's own figures rather than making a side of its own.
    assert!(
        text.contains("Sudmark — own: killed 7 → 9 (revised 16:40 by Sudmark MoD (ru))"),
        "{text}"
    );
    // Every stored claim says whose claim about whose people.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM casualty_claims_view WHERE claimant_party = 'Norland' AND affected_party = 'Sudmark' AND affected_kind = 'military' AND count = 70",
        ),
        1
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM casualty_claims_view WHERE claimant_party IS NULL",
        ),
        0
    );
    let digests: Vec<_> = std::fs::read_dir(demo_dir.join("digests"))
        .unwrap()
        .collect();
    assert_eq!(digests.len(), 4, "md, html, json and atom");
}

#[test]
fn the_readme_queries_run_against_the_demo_database() {
    let dir = tempfile::tempdir().unwrap();
    let demo_dir = dir.path().join("demo");
    assert!(
        run(dir.path(), &["demo", "--dir", demo_dir.to_str().unwrap()])
            .status
            .success()
    );
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let sql: String = readme
        .split("```sql")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .collect();
    let conn = rusqlite::Connection::open(demo_dir.join("claimwatch.db")).unwrap();
    let statements: Vec<&str> = sql
        .split(';')
        .map(str::trim)
        .filter(|s| {
            s.lines()
                .any(|l| !l.trim().is_empty() && !l.trim().starts_with("--"))
        })
        .collect();
    assert!(statements.len() >= 6, "{statements:?}");
    for s in statements {
        let mut stmt = conn.prepare(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        let rows = stmt.query_map([], |_| Ok(())).unwrap().count();
        assert!(
            rows > 0 || s.contains("last_error IS NOT NULL"),
            "no rows: {s}"
        );
    }
}

#[test]
fn prune_deletes_old_statements_with_everything_hanging_off_them() {
    let srv = Server::start(vec![("/feed.xml", Route::ok("application/rss+xml", RSS))]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "",
        &[feed_source("Feed MoD", &srv.url("/feed.xml"))],
    );
    let cfg = cfg.to_str().unwrap();
    assert!(run(dir.path(), &["--config", cfg, "poll"]).status.success());
    let conn = db(dir.path());
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM mentions WHERE item_id = (SELECT id FROM items WHERE guid = 't-1')"
        ) > 0
    );
    // Make two statements a year old.
    conn.execute(
        "UPDATE items SET published_at = '2025-11-01T00:00:00Z', fetched_at = '2025-11-01T00:00:00Z', updated_at = '2025-11-01T00:00:00Z' WHERE guid IN ('t-1', 't-2')",
        [],
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["--config", cfg, "prune", "--older-than", "180d"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("pruned 2 statements"),
        "{}",
        stdout(&out)
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM items"), 1);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM mentions WHERE item_id NOT IN (SELECT id FROM items)"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM casualty_claims WHERE mention_id NOT IN (SELECT id FROM mentions)"
        ),
        0
    );
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'servicemen'"
        ),
        0
    );
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let vacuum: i64 = conn
        .query_row("PRAGMA auto_vacuum", [], |r| r.get(0))
        .unwrap();
    assert_eq!(vacuum, 2, "incremental vacuum is on");
}
