//! The daemon as a systemd service: notify protocol, watchdog, reload, stop, crash safety,
//! journald logs, status and metrics, hardening score.

mod common;

use std::os::unix::net::UnixDatagram;
use std::time::{Duration, Instant};

use claimwatch::loopback::{Behaviour, Route};
use common::*;

const EVERY_SECOND: &str = "default_schedule = \"* * * * * *\"";

#[test]
fn notify_ready_status_watchdog_reloading_and_stopping_reach_the_socket() {
    let srv = Server::start(vec![("/feed.xml", Route::ok("application/rss+xml", RSS))]);
    let dir = tempfile::tempdir().unwrap();
    let sock_path = dir.path().join("notify.sock");
    let sock = UnixDatagram::bind(&sock_path).unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let cfg = write_config(
        dir.path(),
        EVERY_SECOND,
        &[feed_source("Feed", &srv.url("/feed.xml"))],
    );
    let daemon = Daemon::start(
        dir.path(),
        &cfg,
        &[
            ("NOTIFY_SOCKET", sock_path.to_str().unwrap()),
            ("WATCHDOG_USEC", "2000000"),
        ],
    );
    let mut messages = Vec::new();
    let mut read_until = |want: &dyn Fn(&[String]) -> bool, limit: Duration| {
        let start = Instant::now();
        let mut buf = [0u8; 4096];
        while !want(&messages) {
            assert!(
                start.elapsed() < limit,
                "notify messages so far: {messages:?}"
            );
            if let Ok(n) = sock.recv(&mut buf) {
                messages.push(String::from_utf8_lossy(&buf[..n]).into_owned());
            }
        }
        messages.clone()
    };
    let m = read_until(
        &|m| m.iter().any(|x| x.contains("READY=1")),
        Duration::from_secs(10),
    );
    assert!(
        m.iter().any(|x| x.contains("READY=1\nSTATUS=1 sources")),
        "{m:?}"
    );
    // Two watchdog pings and the status after the first poll, in whatever order a loaded
    // machine delivers them.
    let m = read_until(
        &|m| {
            m.iter().filter(|x| x.contains("WATCHDOG=1")).count() >= 2
                && m.iter().any(|x| x.contains("STATUS=1 sources, last poll"))
        },
        Duration::from_secs(10),
    );
    assert!(
        m.iter()
            .any(|x| x.contains("STATUS=1 sources, last poll") && x.contains("0 failing")),
        "{m:?}"
    );
    daemon.signal("-HUP");
    let m = read_until(
        &|m| {
            m.iter().any(|x| x.contains("RELOADING=1"))
                && m.iter().filter(|x| x.contains("READY=1")).count() >= 2
        },
        Duration::from_secs(10),
    );
    assert!(
        m.iter().position(|x| x.contains("RELOADING=1"))
            < m.iter().rposition(|x| x.contains("READY=1"))
    );
    daemon.signal("-TERM");
    let m = read_until(
        &|m| m.iter().any(|x| x.contains("STOPPING=1")),
        Duration::from_secs(10),
    );
    assert!(!m.is_empty());
    let (status, err) = daemon.wait(Duration::from_secs(10));
    assert!(status.success(), "{err}");
}

#[test]
fn sighup_applies_a_valid_config_and_refuses_an_invalid_one() {
    let srv = Server::start(vec![
        ("/a.xml", Route::ok("application/rss+xml", RSS)),
        (
            "/b.xml",
            Route::ok("application/rss+xml", RSS.replace("t-", "b-")),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        EVERY_SECOND,
        &[feed_source("A", &srv.url("/a.xml"))],
    );
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    wait_for("first poll of A", Duration::from_secs(10), || {
        query_or_zero(dir.path(), "SELECT count(*) FROM items") == 3
    });

    // Add B: it is polled without a restart, and A's items are neither lost nor duplicated.
    write_config(
        dir.path(),
        EVERY_SECOND,
        &[
            feed_source("A", &srv.url("/a.xml")),
            feed_source("B", &srv.url("/b.xml")),
        ],
    );
    daemon.signal("-HUP");
    wait_for("B polled after reload", Duration::from_secs(10), || {
        query_or_zero(dir.path(), "SELECT count(*) FROM items") == 6
    });

    // An invalid config is refused with its line, and polling goes on under the old one.
    std::fs::write(&cfg, "[daemon]\nconcurrency = \"many\"\n").unwrap();
    daemon.signal("-HUP");
    let before = query_or_zero(
        dir.path(),
        "SELECT count(*) FROM fetches WHERE source_id = (SELECT id FROM sources WHERE name = 'B')",
    );
    wait_for(
        "B still polled after a refused reload",
        Duration::from_secs(10),
        || {
            query_or_zero(
                dir.path(),
                "SELECT count(*) FROM fetches WHERE source_id = (SELECT id FROM sources WHERE name = 'B')",
            ) >= before + 2
        },
    );
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(10));
    assert!(status.success(), "{err}");
    assert!(err.contains("config reloaded"), "{err}");
    assert!(
        err.contains("reload refused, keeping the running config")
            && err.contains("claimwatch.toml:2:"),
        "{err}"
    );
    assert_eq!(query_or_zero(dir.path(), "SELECT count(*) FROM items"), 6);
}

#[test]
fn sigterm_exits_zero_within_five_seconds_even_with_a_hanging_poll() {
    let hang = Route::ok("application/rss+xml", RSS)
        .with_behaviour(Behaviour::Delay(Duration::from_secs(60)));
    let srv = Server::start(vec![
        ("/ok.xml", Route::ok("application/rss+xml", RSS)),
        ("/hang.xml", hang),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "",
        &[
            feed_source("Ok", &srv.url("/ok.xml")),
            feed_source("Hang", &srv.url("/hang.xml")),
        ],
    );
    // A long request timeout so the hanging poll is still in flight at SIGTERM.
    let text = std::fs::read_to_string(&cfg)
        .unwrap()
        .replace("timeout_secs = 2\n", "timeout_secs = 120\n");
    std::fs::write(&cfg, text).unwrap();
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    wait_for("the good source stored", Duration::from_secs(10), || {
        query_or_zero(dir.path(), "SELECT count(*) FROM items") == 3
    });
    wait_for("the hanging request", Duration::from_secs(10), || {
        !srv.server.requests("/hang.xml").is_empty()
    });
    let start = Instant::now();
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(10));
    let took = start.elapsed();
    assert!(status.success(), "{err}");
    assert!(took < Duration::from_secs(5), "took {took:?}");
    assert!(err.contains("abandoned"), "{err}");
    let conn = db(dir.path());
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn journald_lines_carry_priorities_and_no_timestamps_or_colours() {
    let srv = Server::start(vec![("/down", Route::status(500))]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(dir.path(), "", &[feed_source("Down", &srv.url("/down"))]);
    let daemon = Daemon::start(dir.path(), &cfg, &[("JOURNAL_STREAM", "8:12345")]);
    wait_for("a failed poll", Duration::from_secs(10), || {
        query_or_zero(dir.path(), "SELECT count(*) FROM fetches") >= 1
    });
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(10));
    assert!(status.success(), "{err}");
    assert!(
        err.lines().any(|l| l.starts_with("<6>claimwatch running")),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.starts_with("<4>poll failed") && l.contains("server answered 500")),
        "{err}"
    );
    assert!(
        err.lines()
            .all(|l| l.starts_with('<') && !l.contains('\u{1b}') && !l.contains("Z ")),
        "{err}"
    );
}

#[test]
fn status_and_metrics_report_health_from_the_database() {
    let srv = Server::start(vec![
        ("/ok.xml", Route::ok("application/rss+xml", RSS)),
        ("/down", Route::status(500)),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cfg = write_config(
        dir.path(),
        &format!("metrics_listen = \"127.0.0.1:{port}\""),
        &[
            feed_source("Ok", &srv.url("/ok.xml")),
            feed_source("Down", &srv.url("/down")),
        ],
    );
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    wait_for("both polled", Duration::from_secs(10), || {
        query_or_zero(dir.path(), "SELECT count(*) FROM fetches") >= 2
    });
    let metrics = {
        use std::io::{Read, Write};
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        // A scraper's request may arrive in pieces: the endpoint waits for all of its head.
        s.write_all(b"GET /metrics HTTP/1.1\r\n").unwrap();
        std::thread::sleep(Duration::from_millis(300));
        s.write_all(b"Host: x\r\n").unwrap();
        std::thread::sleep(Duration::from_millis(300));
        s.write_all(b"\r\n").unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    };
    assert!(metrics.starts_with("HTTP/1.1 200 OK"), "{metrics}");
    assert!(
        metrics.contains("claimwatch_sources{health=\"ok\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("claimwatch_sources{health=\"degraded\"} 1"),
        "{metrics}"
    );
    assert!(metrics.contains("claimwatch_items 3"), "{metrics}");
    daemon.signal("-TERM");
    assert!(daemon.wait(Duration::from_secs(10)).0.success());

    // status works with the daemon stopped.
    let out = run(dir.path(), &["--config", cfg.to_str().unwrap(), "status"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("sources:  1 ok, 1 degraded, 0 failing"),
        "{text}"
    );
    assert!(text.contains("stored:   3 items"), "{text}");
    assert!(text.contains("digests:  last never;"), "{text}");
    let listing = stdout(&run(
        dir.path(),
        &["--config", cfg.to_str().unwrap(), "sources"],
    ));
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("Down ") && l.contains("degraded")),
        "{listing}"
    );
}

#[test]
fn the_unit_scores_at_most_1_5_in_systemd_analyze_security() {
    let Ok(out) = std::process::Command::new("systemd-analyze")
        .args([
            "security",
            "--offline=true",
            concat!(env!("CARGO_MANIFEST_DIR"), "/systemd/claimwatch.service"),
        ])
        .output()
    else {
        eprintln!("SKIPPED: systemd-analyze is not installed (.ci/run installs it)");
        return;
    };
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let score: f64 = text
        .split("Overall exposure level for claimwatch.service:")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no score in: {text}"));
    assert!(score <= 1.5, "exposure {score}: {text}");
}

#[test]
fn opml_round_trip_through_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/subscriptions.opml"
    );
    let imported = run(dir.path(), &["sources", "import", fixture]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let toml = stdout(&imported);
    assert_eq!(toml.matches("[[source]]").count(), 5, "{toml}");
    let cfg = write_config(dir.path(), "", std::slice::from_ref(&toml));
    let check = run(dir.path(), &["--config", cfg.to_str().unwrap(), "check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let exported = run(
        dir.path(),
        &["--config", cfg.to_str().unwrap(), "sources", "export"],
    );
    let opml = stdout(&exported);
    let again = claimwatch::config::opml::parse(&opml).unwrap();
    let original =
        claimwatch::config::opml::parse(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    let pairs = |v: &[claimwatch::config::opml::OpmlFeed]| {
        v.iter()
            .map(|f| (f.name.clone(), url::Url::parse(&f.url).unwrap()))
            .collect::<Vec<_>>()
    };
    assert_eq!(pairs(&again), pairs(&original));
}

#[test]
fn man_page_and_completions_are_generated() {
    let dir = tempfile::tempdir().unwrap();
    let man = stdout(&run(dir.path(), &["man"]));
    assert!(
        man.contains(".TH claimwatch") && man.contains("digest"),
        "{man}"
    );
    let bash = stdout(&run(dir.path(), &["completions", "bash"]));
    assert!(
        bash.contains("_claimwatch()") && bash.contains("sources"),
        "{bash}"
    );
}
