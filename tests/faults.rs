//! A loopback fault farm: every kind of broken publisher in one poll. Each fault is recorded
//! as that source's error, every good source still succeeds, and memory stays bounded.

mod common;

use std::io::Write;
use std::time::Duration;

use claimwatch::loopback::{Behaviour, Route};
use common::*;

fn gzip_bomb() -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..200 {
        enc.write_all(&zeros).unwrap();
    }
    enc.finish().unwrap()
}

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

#[test]
fn every_fault_is_recorded_for_its_source_and_the_good_sources_succeed() {
    let cp1251 = {
        let text = RSS
            .replace("Border statement", "Заявление о перемирии")
            .replace("encoding=\"UTF-8\"", "encoding=\"windows-1251\"");
        encoding_rs::WINDOWS_1251.encode(&text).0.into_owned()
    };
    let huge = vec![b'x'; 30 << 20];
    let srv = Server::start(vec![
        ("/good.xml", Route::ok("application/rss+xml", RSS)),
        ("/page", Route::ok("text/html", PAGE)),
        // Lies about its charset in the header: still stored right.
        (
            "/wrong-charset.xml",
            Route::ok("application/rss+xml; charset=utf-8", cp1251),
        ),
        ("/500", Route::status(500)),
        ("/404", Route::status(404)),
        (
            "/429",
            Route::status(429).with_header("Retry-After", "3600"),
        ),
        (
            "/drip.xml",
            Route::ok("application/rss+xml", RSS).with_behaviour(Behaviour::Stall),
        ),
        (
            "/endless.xml",
            Route::ok("application/rss+xml", RSS).with_behaviour(Behaviour::Endless),
        ),
        ("/huge.xml", Route::ok("application/rss+xml", huge)),
        (
            "/malformed.xml",
            Route::ok(
                "application/rss+xml",
                "<rss version=\"2.0\"><channel><item><title>a & b</item>",
            ),
        ),
        (
            "/bomb.xml",
            Route::ok("application/rss+xml", gzip_bomb()).with_header("Content-Encoding", "gzip"),
        ),
        ("/loop", Route::status(302).with_header("Location", "/loop")),
        ("/empty.xml", Route::ok("application/rss+xml", "")),
        (
            "/redesigned",
            Route::ok(
                "text/html",
                "<html><body><div class=\"new-layout\">News</div></body></html>",
            ),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let tls_to_plain = srv.url("/good.xml").replace("http://", "https://");
    let sources = vec![
        feed_source("Good", &srv.url("/good.xml")),
        page_source("Page", &srv.url("/page")),
        feed_source("WrongCharset", &srv.url("/wrong-charset.xml")),
        feed_source("E500", &srv.url("/500")),
        feed_source("E404", &srv.url("/404")),
        feed_source("E429", &srv.url("/429")),
        feed_source("Drip", &srv.url("/drip.xml")),
        feed_source("Endless", &srv.url("/endless.xml")),
        feed_source("Huge", &srv.url("/huge.xml")),
        feed_source("Malformed", &srv.url("/malformed.xml")),
        feed_source("Bomb", &srv.url("/bomb.xml")),
        feed_source("Loop", &srv.url("/loop")),
        feed_source("Empty", &srv.url("/empty.xml")),
        page_source("Redesigned", &srv.url("/redesigned")),
        feed_source("PlainHttpAsTls", &tls_to_plain),
    ];
    let cfg = write_config(
        dir.path(),
        "max_body_bytes = 5000000\nbackoff_base_secs = 60",
        &sources,
    );
    let text = std::fs::read_to_string(&cfg)
        .unwrap()
        .replace("backoff_base_secs = 0\n", "");
    std::fs::write(&cfg, text).unwrap();

    let child = std::process::Command::new(bin())
        .args(["--config", cfg.to_str().unwrap(), "poll"])
        .current_dir(dir.path())
        .env("RUST_LOG", "off")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut peak = 0;
    let sampler = std::thread::spawn(move || {
        while let Some(kib) = peak_rss_kib(pid) {
            peak = peak.max(kib);
            std::thread::sleep(Duration::from_millis(20));
        }
        peak
    });
    let out = child.wait_with_output().unwrap();
    let peak = sampler.join().unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}\n{}", stderr(&out));
    let line = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("no line for {name}: {text}"))
            .to_owned()
    };
    assert!(line("Good").contains("3 items, 3 new"), "{text}");
    assert!(line("Page").contains("2 items, 2 new"), "{text}");
    assert!(line("WrongCharset").contains("3 items, 3 new"), "{text}");
    for (name, expect) in [
        ("E500", "server answered 500"),
        ("E404", "server answered 404"),
        ("E429", "server answered 429"),
        ("Drip", "timed out"),
        ("Endless", "larger than the 5000000-byte limit"),
        ("Huge", "larger than the 5000000-byte limit"),
        ("Malformed", "not a valid RSS"),
        ("Bomb", "larger than the 5000000-byte limit"),
        ("Loop", "redirect"),
        ("Empty", "empty response body"),
        ("Redesigned", "matched no items"),
    ] {
        let l = line(name);
        assert!(
            l.contains("FAILED") && l.contains(expect),
            "{name}: want {expect:?} in {l}"
        );
    }
    // A TLS handshake against a plain-HTTP server never completes: recorded, not hung.
    let l = line("PlainHttpAsTls");
    assert!(
        l.contains("FAILED") && (l.contains("timed out") || l.contains("connection failed")),
        "{l}"
    );
    eprintln!("fault farm poll: peak RSS {peak} KiB");
    // 30 MB bodies, a 200 MB gzip bomb and an endless stream, with a 5 MB cap: memory stays bounded.
    assert!(peak > 0 && peak < 150 * 1024, "peak RSS {peak} KiB");

    let conn = db(dir.path());
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM fetches WHERE error IS NOT NULL"
        ),
        12
    );
    let title: String = conn.query_row("SELECT title FROM items WHERE guid = 't-1' AND url LIKE '%/news/1' AND title LIKE 'Заявление%'", [], |r| r.get(0)).unwrap();
    assert_eq!(title, "Заявление о перемирии");
    // The 429 asked for an hour: its backoff honours that; the 500 got the base minute.
    let wait = |name: &str| -> i64 {
        conn.query_row(
            "SELECT CAST((julianday(next_attempt_at) - julianday(last_poll_at)) * 86400 AS INTEGER) FROM sources WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert!((3590..=3610).contains(&wait("E429")), "{}", wait("E429"));
    assert!((55..=65).contains(&wait("E500")), "{}", wait("E500"));
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM sources WHERE name = 'Good' AND next_attempt_at IS NULL"
        ),
        1
    );
}

#[test]
fn a_backing_off_source_is_not_polled_by_the_schedule_but_the_others_are() {
    let srv = Server::start(vec![
        ("/good.xml", Route::ok("application/rss+xml", RSS)),
        (
            "/429",
            Route::status(429).with_header("Retry-After", "3600"),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "default_schedule = \"* * * * * *\"",
        &[
            feed_source("Good", &srv.url("/good.xml")),
            feed_source("Limited", &srv.url("/429")),
        ],
    );
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    wait_for(
        "several polls of the good source",
        Duration::from_secs(15),
        || srv.server.requests("/good.xml").len() >= 4,
    );
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(10));
    assert!(status.success(), "{err}");
    assert_eq!(srv.server.requests("/429").len(), 1, "{err}");
    let listing = stdout(&run(
        dir.path(),
        &["--config", cfg.to_str().unwrap(), "sources"],
    ));
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("Limited ") && l.contains("degraded") && l.contains("429")),
        "{listing}"
    );
}

#[test]
fn robots_txt_is_respected_for_sources_that_ask_for_it() {
    let srv = Server::start(vec![
        (
            "/robots.txt",
            Route::ok("text/plain", "User-agent: *\nDisallow: /private/\n"),
        ),
        ("/private/feed.xml", Route::ok("application/rss+xml", RSS)),
        (
            "/public/feed.xml",
            Route::ok("application/rss+xml", RSS.replace("t-", "p-")),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let with_robots = |name: &str, path: &str| {
        format!(
            "{}\nrobots = true\n\n",
            feed_source(name, &srv.url(path)).trim_end()
        )
    };
    let cfg = write_config(
        dir.path(),
        "",
        &[
            with_robots("Private", "/private/feed.xml"),
            with_robots("Public", "/public/feed.xml"),
            // Without `robots = true` the file is not consulted.
            feed_source("Ignoring", &srv.url("/private/feed.xml")),
        ],
    );
    let out = run(dir.path(), &["--config", cfg.to_str().unwrap(), "poll"]);
    let text = stdout(&out);
    assert!(
        text.contains("Private: FAILED") && text.contains("disallowed by robots.txt"),
        "{text}"
    );
    assert!(text.contains("Public: 3 items, 3 new"), "{text}");
    assert!(text.contains("Ignoring: 3 items, 3 new"), "{text}");
    // robots.txt was fetched once for the host, and the disallowed feed only by the source
    // that does not ask for robots.txt.
    assert_eq!(srv.server.requests("/robots.txt").len(), 1);
    assert_eq!(srv.server.requests("/private/feed.xml").len(), 1);
}

#[test]
fn a_refused_source_is_said_once_in_plain_text_when_stderr_is_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = write_config(
        dir.path(),
        "",
        &[feed_source(
            "Closed",
            &format!("http://127.0.0.1:{port}/feed.xml"),
        )],
    );
    let out = run(dir.path(), &["--config", config.to_str().unwrap(), "poll"]);
    let (so, se) = (stdout(&out), stderr(&out));
    // Logs to a pipe carry no colour codes.
    assert!(!se.contains('\u{1b}'), "ANSI codes in piped stderr: {se:?}");
    assert!(se.contains("WARN"), "{se}");
    // The cause, said once, with the address; not reqwest's whole chain.
    let line = so
        .lines()
        .chain(se.lines())
        .find(|l| l.contains("Closed: FAILED"))
        .unwrap_or("");
    assert!(
        line.contains(&format!("connection refused by 127.0.0.1:{port}")),
        "{so}\n{se}"
    );
    assert!(
        !format!("{so}{se}").contains("error sending request"),
        "{so}\n{se}"
    );
}
