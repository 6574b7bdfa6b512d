//! `claimwatch run`: the real scheduler polls on cron, writes digests, and stops cleanly on
//! SIGTERM; the systemd unit passes `systemd-analyze verify`.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use claimwatch::loopback::Route;
use common::*;

#[test]
fn run_polls_on_schedule_survives_a_bad_source_and_stops_on_sigterm() {
    let srv = Server::start(vec![
        ("/feed.xml", Route::ok("application/rss+xml", RSS)),
        ("/down", Route::status(503)),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "default_schedule = \"* * * * * *\"\ndigest_schedule = \"*/2 * * * * *\"",
        &[
            feed_source("Feed MoD", &srv.url("/feed.xml")),
            feed_source("Down", &srv.url("/down")),
        ],
    );
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    let fetches = |status: &str| {
        query_or_zero(
            dir.path(),
            &format!("SELECT count(*) FROM fetches WHERE http_status {status}"),
        )
    };
    // First poll at start, then cron polls every second answered 304; the 503 source keeps
    // failing without stopping the other.
    wait_for("cron polls", Duration::from_secs(20), || {
        fetches("= 304") >= 2 && fetches("= 503") >= 3
    });
    wait_for("a digest", Duration::from_secs(20), || {
        std::fs::read_dir(dir.path().join("digests"))
            .map(|d| d.count() > 0)
            .unwrap_or(false)
    });
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(25));
    assert!(status.success(), "{err}");
    assert!(err.contains("SIGTERM: stopping"), "{err}");
    assert!(err.contains("server answered 503"), "{err}");
    let conn = db(dir.path());
    assert_eq!(count(&conn, "SELECT count(*) FROM items"), 3);
    assert!(
        count(
            &conn,
            "SELECT consecutive_errors FROM sources WHERE name = 'Down'"
        ) >= 3
    );
}

#[test]
fn the_systemd_unit_passes_systemd_analyze_verify() {
    let Ok(probe) = Command::new("systemd-analyze").arg("--version").output() else {
        eprintln!("SKIPPED: systemd-analyze is not installed (.ci/run installs it)");
        return;
    };
    assert!(probe.status.success());
    let unit = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/systemd/claimwatch.service"
    ))
    .unwrap();
    assert!(unit.contains(
        "ExecStart=/usr/local/bin/claimwatch --config /etc/claimwatch/claimwatch.toml run"
    ));
    assert!(unit.contains("StateDirectory=claimwatch"));
    // verify checks that the binaries exist: point it at the one under test.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claimwatch.service");
    std::fs::write(
        &path,
        unit.replace("/usr/local/bin/claimwatch", bin().to_str().unwrap()),
    )
    .unwrap();
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("claimwatch.service"),
        "warnings: {}",
        stderr(&out)
    );
}

#[test]
fn tag_reads_stdin_and_prints_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_with_stdin(
        dir.path(),
        &["tag"],
        "The ceasefire was agreed on Monday. Seven soldiers were killed in the clashes.",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("ceasefire [agreed]"), "{text}");
    assert!(text.contains("7 killed"), "{text}");
    let none = run_with_stdin(dir.path(), &["tag"], "The weather was fine.");
    assert_eq!(stdout(&none).trim(), "no mentions");
}

#[test]
fn a_slow_source_is_never_polled_twice_at_once() {
    let slow = Route::ok("application/rss+xml", RSS).with_behaviour(
        claimwatch::loopback::Behaviour::Delay(Duration::from_millis(1500)),
    );
    let srv = Server::start(vec![("/slow.xml", slow)]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "default_schedule = \"* * * * * *\"",
        &[feed_source("Slow", &srv.url("/slow.xml"))],
    );
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    let started = Instant::now();
    std::thread::sleep(Duration::from_millis(4200));
    let requests = srv.server.requests("/slow.xml").len();
    let elapsed = started.elapsed().as_secs_f64();
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(15));
    // One request at a time, each taking 1.5 s: at most elapsed / 1.5 + 1 of them, although
    // the cron line fires every second.
    assert!(requests >= 1, "{err}");
    assert!(
        (requests as f64) <= elapsed / 1.5 + 1.0,
        "{requests} requests in {elapsed:.1} s"
    );
    assert!(
        err.contains("previous poll still running; skipped"),
        "{err}"
    );
    assert!(status.success(), "{err}");
}

#[test]
fn a_second_daemon_on_the_same_sqlite_file_refuses_naming_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "", &[]);
    let first = Daemon::start(dir.path(), &config, &[]);
    let db_path = dir.path().join("cw.db");
    wait_for("the first daemon's lock", Duration::from_secs(20), || {
        std::fs::read_to_string(dir.path().join("cw.db.lock"))
            .is_ok_and(|s| s.contains(&format!("pid {}", first.child.id())))
    });
    let second = Daemon::start(dir.path(), &config, &[]);
    let (status, err) = second.wait(Duration::from_secs(20));
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(err.contains(&db_path.display().to_string()), "{err}");
    assert!(
        err.contains(&format!("claimwatch run (pid {}", first.child.id())),
        "{err}"
    );
    // The first keeps running; once it stops, a new daemon starts on the same file.
    first.signal("-TERM");
    let (status, _) = first.wait(Duration::from_secs(10));
    assert!(status.success());
    let third = Daemon::start(dir.path(), &config, &[]);
    wait_for("the third daemon's lock", Duration::from_secs(20), || {
        std::fs::read_to_string(dir.path().join("cw.db.lock"))
            .is_ok_and(|s| s.contains(&format!("pid {}", third.child.id())))
    });
    third.signal("-TERM");
    let (status, _) = third.wait(Duration::from_secs(10));
    assert!(status.success());
}
