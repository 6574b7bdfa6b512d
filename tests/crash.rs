//! Crash safety: the daemon is killed with SIGKILL many times during heavy writes and
//! restarted; the database stays intact, committed items are never lost or duplicated, and
//! conditional-GET state survives.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use claimwatch::loopback::Route;
use common::*;

fn big_feed(tag: &str, round: usize) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>farm</title>",
    );
    for i in 0..60 {
        s.push_str(&format!(
            "<item><title>{tag} statement {i}</title><guid>{tag}-{i}-{}</guid><description>Round {round}. {} Two soldiers were killed and 5 wounded in the clashes near the border; the ceasefire was violated overnight.</description></item>",
            round / 3,
            "Background paragraph of an official statement. ".repeat(20)
        ));
    }
    s.push_str("</channel></rss>");
    s
}

#[test]
fn twenty_two_sigkills_during_heavy_writes_lose_and_duplicate_nothing() {
    let mut routes = Vec::new();
    let paths: Vec<String> = (0..8).map(|i| format!("/farm/{i}.xml")).collect();
    for (i, p) in paths.iter().enumerate() {
        let mut r = Route::ok("application/rss+xml", big_feed(&format!("s{i}"), 0));
        if i >= 4 {
            r.etag = None; // these change every round and are re-parsed every poll
        }
        routes.push((p.as_str(), r));
    }
    routes.push(("/static.xml", Route::ok("application/rss+xml", RSS)));
    let srv = Arc::new(Server::start(routes));
    let dir = tempfile::tempdir().unwrap();
    let mut sources: Vec<String> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| feed_source(&format!("S{i}"), &srv.url(p)))
        .collect();
    sources.push(feed_source("Static", &srv.url("/static.xml")));
    let cfg = write_config(dir.path(), "default_schedule = \"* * * * * *\"", &sources);

    // Keep the changing feeds changing: new guids every third round, new text every round.
    let stop = Arc::new(AtomicBool::new(false));
    let changer = {
        let (srv, stop, paths) = (Arc::clone(&srv), Arc::clone(&stop), paths.clone());
        std::thread::spawn(move || {
            let mut round = 1;
            while !stop.load(Ordering::Relaxed) {
                for (i, p) in paths.iter().enumerate().skip(4) {
                    let mut r = Route::ok("application/rss+xml", big_feed(&format!("s{i}"), round));
                    r.etag = None;
                    srv.server.set_route(p, r);
                }
                round += 1;
                std::thread::sleep(Duration::from_millis(250));
            }
        })
    };

    let items = |dir: &std::path::Path| query_or_zero(dir, "SELECT count(*) FROM items");
    let mut kills = 0;
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    while kills < 22 {
        let daemon = Daemon::start(dir.path(), &cfg, &[]);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(400 + seed % 900));
        let committed = items(dir.path());
        daemon.signal("-KILL");
        let (status, _) = daemon.wait(Duration::from_secs(10));
        assert!(!status.success());
        kills += 1;
        let after = items(dir.path());
        assert!(
            after >= committed,
            "kill {kills}: {committed} items committed before, {after} after"
        );
    }
    stop.store(true, Ordering::Relaxed);
    changer.join().unwrap();

    // A last clean run: polling resumes, conditional GET included.
    let before = srv.server.requests("/static.xml").len();
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    wait_for(
        "a poll of the static feed after restart",
        Duration::from_secs(15),
        || srv.server.requests("/static.xml").len() > before + 1,
    );
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(10));
    assert!(status.success(), "{err}");

    let conn = db(dir.path());
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM (SELECT source_id, guid FROM items GROUP BY 1, 2 HAVING count(*) > 1)"
        ),
        0
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM items WHERE guid LIKE 't-%'"),
        3
    );
    assert!(count(&conn, "SELECT count(*) FROM items") > 400);
    // The static feed's ETag was kept across kills and sent again after the restart.
    let sent = srv.server.requests("/static.xml");
    assert!(sent[before..].iter().any(Option::is_some), "{sent:?}");
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM sources WHERE name = 'Static' AND etag IS NOT NULL"
        ) == 1
    );
}
