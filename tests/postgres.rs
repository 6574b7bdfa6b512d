//! Several `claimwatch run` processes on one PostgreSQL store, against the loopback server:
//! they share the sources without polling one twice per tick, store every item once, take
//! over the sources of an instance killed with SIGKILL, write one digest per tick, and ride out
//! a database that goes away (polls wait, the watchdog starves, nothing is lost or doubled
//! when it comes back). Skipped (with a message) when `CLAIMWATCH_TEST_PG` is unset.

mod common;

use std::time::{Duration, Instant};

use claimwatch::loopback::{Behaviour, Route};
use common::*;

fn feed(tag: &str) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>farm</title>",
    );
    for i in 0..5 {
        s.push_str(&format!(
            "<item><title>{tag} statement {i}</title><guid>{tag}-{i}</guid><description>Two soldiers were killed and 5 wounded in the clashes near the border, the {tag} ministry said.</description></item>"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

struct Farm {
    server: Server,
    sources: Vec<String>,
}

fn farm(n: usize, delay: Option<Duration>) -> Farm {
    let paths: Vec<String> = (0..n).map(|i| format!("/f/{i}.xml")).collect();
    let routes: Vec<(&str, Route)> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut r = Route::ok("application/rss+xml", feed(&format!("s{i}")));
            // No validators: every poll fetches and parses, as a busy feed would.
            r.etag = None;
            if let Some(d) = delay {
                r = r.with_behaviour(Behaviour::Delay(d));
            }
            (p.as_str(), r)
        })
        .collect();
    let server = Server::start(routes);
    let sources = paths
        .iter()
        .enumerate()
        .map(|(i, p)| feed_source(&format!("S{i}"), &server.url(p)))
        .collect();
    Farm { server, sources }
}

fn pid_instance(d: &Daemon) -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap()
        .trim()
        .to_owned();
    format!("{host}:{}", d.child.id())
}

#[test]
fn two_instances_poll_each_source_once_per_tick_and_store_every_item_once() {
    let Some(pg) = PgDatabase::create("two_instances") else {
        return;
    };
    let f = farm(12, None);
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config_db(
        dir.path(),
        &pg.url,
        "default_schedule = \"*/2 * * * * *\"\nlease_secs = 5\nconcurrency = 4",
        &f.sources,
    );
    let a = Daemon::start(dir.path(), &cfg, &[]);
    let b = Daemon::start(dir.path(), &cfg, &[]);
    let started = Instant::now();
    // Enough ticks that both instances have had many chances to poll every source.
    wait_for("both instances polling", Duration::from_secs(60), || {
        started.elapsed() > Duration::from_secs(9)
            && pg.count_or_zero("SELECT count(DISTINCT instance) FROM fetches WHERE error IS NULL")
                == 2
    });
    a.signal("-TERM");
    b.signal("-TERM");
    let (sa, ea) = a.wait(Duration::from_secs(40));
    let (sb, eb) = b.wait(Duration::from_secs(40));
    assert!(sa.success() && sb.success(), "{ea}\n{eb}");
    // Every item once, every mention once.
    assert_eq!(pg.count("SELECT count(*) FROM items"), 60);
    assert_eq!(
        pg.count("SELECT count(*) FROM (SELECT DISTINCT item_id, revision, field, span_start, kind FROM mentions) m"),
        pg.count("SELECT count(*) FROM mentions")
    );
    // Never one source polled twice for one scheduled time.
    assert_eq!(
        pg.count(
            "SELECT count(*) FROM (SELECT source_id, tick FROM fetches WHERE tick IS NOT NULL
             GROUP BY source_id, tick HAVING count(*) > 1) d"
        ),
        0,
        "{:?}",
        pg.query("SELECT source_id || ' ' || tick || ' ' || string_agg(instance, ',') FROM fetches GROUP BY source_id, tick HAVING count(*) > 1")
    );
    // Scheduled polls carry their tick, and the loopback server saw no more requests than
    // recorded polls: nothing was fetched and thrown away.
    let fetches = pg.count("SELECT count(*) FROM fetches");
    let requests: usize = (0..12)
        .map(|i| f.server.server.requests(&format!("/f/{i}.xml")).len())
        .sum();
    assert_eq!(requests as i64, fetches);
    assert!(
        fetches >= 12 * 3,
        "{fetches} polls in 9 s of 2-second ticks"
    );
    assert_eq!(
        pg.count("SELECT count(*) FROM fetches WHERE tick IS NULL"),
        0
    );
    // Both instances said who they are.
    assert_eq!(pg.count("SELECT count(*) FROM instances"), 2);
    // The README's queries run on PostgreSQL: its `postgresql` blocks, and its SQLite ones
    // except those over the FTS5 table.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let blocks = |fence: &str| -> Vec<String> {
        readme
            .split(fence)
            .skip(1)
            .filter_map(|b| b.split("```").next())
            .flat_map(|b| b.split(';').map(str::to_owned).collect::<Vec<_>>())
            .filter(|s| {
                s.lines()
                    .any(|l| !l.trim().is_empty() && !l.trim().starts_with("--"))
            })
            .collect()
    };
    let pg_only = blocks("```postgresql");
    assert!(pg_only.len() >= 3, "{pg_only:?}");
    let shared: Vec<String> = blocks("```sql\n")
        .into_iter()
        .filter(|s| !s.contains("items_fts"))
        .collect();
    assert!(shared.len() >= 5, "{shared:?}");
    for s in pg_only.iter().chain(&shared) {
        pg.query(s);
    }
    assert!(
        !pg.query(
            "SELECT title FROM items WHERE search @@ websearch_to_tsquery('english', 'clashes')"
        )
        .is_empty()
    );
}

#[test]
fn a_killed_instance_s_sources_are_taken_over_within_two_leases_losing_nothing() {
    let Some(pg) = PgDatabase::create("failover") else {
        return;
    };
    // Slow feeds, so the victim is always in the middle of polls when it is killed.
    let f = farm(8, Some(Duration::from_millis(1500)));
    let dir = tempfile::tempdir().unwrap();
    let lease = 3;
    let cfg = write_config_db(
        dir.path(),
        &pg.url,
        &format!("default_schedule = \"0 0 * * * *\"\nlease_secs = {lease}\nconcurrency = 8"),
        &f.sources,
    );
    // The victim starts alone and takes every source (all are due at start).
    let victim = Daemon::start(dir.path(), &cfg, &[]);
    let name = pid_instance(&victim);
    wait_for("the victim holding leases", Duration::from_secs(30), || {
        pg.count_or_zero(&format!(
            "SELECT count(*) FROM sources WHERE lease_holder = '{name}'"
        )) >= 4
    });
    let survivor = Daemon::start(dir.path(), &cfg, &[]);
    std::thread::sleep(Duration::from_millis(300));
    let held: Vec<String> = pg.query(&format!(
        "SELECT name FROM sources WHERE lease_holder = '{name}' ORDER BY name"
    ));
    assert!(!held.is_empty());
    victim.signal("-KILL");
    let killed_at = Instant::now();
    let (_, _) = victim.wait(Duration::from_secs(10));
    // A poll the victim finished between reading its leases and the kill (a loaded machine
    // stretches that gap) is not lost and not due again: the survivor owes the rest.
    let finished: Vec<String> = pg.query(&format!(
        "SELECT DISTINCT s.name FROM fetches f JOIN sources s ON s.id = f.source_id
         WHERE f.instance = '{name}' AND f.error IS NULL ORDER BY s.name"
    ));
    let held: Vec<String> = held.into_iter().filter(|n| !finished.contains(n)).collect();
    // Every source the victim held and had not finished gets polled by the survivor.
    let list = held
        .iter()
        .map(|n| format!("'{n}'"))
        .chain(std::iter::once("''".to_string()))
        .collect::<Vec<_>>()
        .join(",");
    wait_for(
        "the survivor to take over",
        Duration::from_secs(4 * lease + 20),
        || {
            pg.count(&format!(
                "SELECT count(DISTINCT s.name) FROM fetches f JOIN sources s ON s.id = f.source_id
                 WHERE s.name IN ({list}) AND f.instance <> '{name}' AND f.error IS NULL"
            )) == held.len() as i64
        },
    );
    let failover = killed_at.elapsed();
    eprintln!(
        "failover: {} sources of the killed instance polled again {:.1} s after SIGKILL (lease {lease} s)",
        held.len(),
        failover.as_secs_f64()
    );
    // Within two lease periods, plus the poll itself (1.5 s) and a second of slack.
    assert!(
        failover < Duration::from_secs(2 * lease + 3),
        "took {failover:?}"
    );
    survivor.signal("-TERM");
    let (status, err) = survivor.wait(Duration::from_secs(40));
    assert!(status.success(), "{err}");
    // Nothing lost, nothing doubled: 8 feeds × 5 items, each once.
    assert_eq!(pg.count("SELECT count(*) FROM items"), 40);
    assert_eq!(
        pg.count("SELECT count(*) FROM sources WHERE last_ok_at IS NOT NULL"),
        8
    );
    assert_eq!(
        pg.count("SELECT count(*) FROM mentions m JOIN items i ON i.id = m.item_id"),
        pg.count("SELECT count(*) FROM (SELECT DISTINCT item_id, revision, field, span_start, kind FROM mentions) m")
    );
}

#[test]
fn instances_write_one_digest_per_tick_between_them() {
    let Some(pg) = PgDatabase::create("digest_once") else {
        return;
    };
    let f = farm(2, None);
    let dir = tempfile::tempdir().unwrap();
    let mut sources = f.sources.clone();
    sources.push(
        "[[digest]]\nname = \"desk\"\nschedule = \"*/2 * * * * *\"\nformats = [\"md\", \"json\"]\n\n"
            .into(),
    );
    let cfg = write_config_db(
        dir.path(),
        &pg.url,
        "default_schedule = \"0 0 * * * *\"\nlease_secs = 5",
        &sources,
    );
    // Each instance writes into its own digest directory, as on separate machines.
    let cfg_b = dir.path().join("b.toml");
    std::fs::write(
        &cfg_b,
        std::fs::read_to_string(&cfg)
            .unwrap()
            .replace("/digests\"", "/digests-b\""),
    )
    .unwrap();
    let a = Daemon::start(dir.path(), &cfg, &[]);
    let b = Daemon::start(dir.path(), &cfg_b, &[]);
    wait_for("five digest ticks", Duration::from_secs(60), || {
        pg.count_or_zero(
            "SELECT count(DISTINCT tick) FROM digests WHERE tick IS NOT NULL AND path <> ''",
        ) >= 5
    });
    a.signal("-TERM");
    b.signal("-TERM");
    let (sa, ea) = a.wait(Duration::from_secs(40));
    let (sb, eb) = b.wait(Duration::from_secs(40));
    assert!(sa.success() && sb.success(), "{ea}\n{eb}");
    let ticks = pg.count("SELECT count(DISTINCT tick) FROM digests WHERE tick IS NOT NULL");
    // Two formats per tick: the claimed row plus one more, never a second claim.
    assert_eq!(
        pg.count("SELECT count(*) FROM digests WHERE path <> ''"),
        2 * pg.count(
            "SELECT count(DISTINCT tick) FROM digests WHERE tick IS NOT NULL AND path <> ''"
        ),
    );
    let files = |d: &str| {
        std::fs::read_dir(dir.path().join(d))
            .map(|r| r.count())
            .unwrap_or(0)
    };
    let written = files("digests") + files("digests-b");
    // A tick claimed just as the daemons stopped may have no files yet.
    assert!(
        written as i64 == 2 * ticks || written as i64 == 2 * (ticks - 1),
        "{written} files for {ticks} ticks"
    );
}

#[test]
fn an_sqlite_store_copies_into_postgresql_resumably_and_reads_the_same() {
    let Some(pg) = PgDatabase::create("store_copy") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo");
    assert!(
        run(dir.path(), &["demo", "--dir", demo.to_str().unwrap()])
            .status
            .success()
    );
    let file = demo.join("claimwatch.db");
    let copy = |args: &[&str]| run(dir.path(), args);
    let out = copy(&[
        "store",
        "copy",
        "--from",
        file.to_str().unwrap(),
        "--to",
        &pg.url,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("every table's count matches"),
        "{}",
        stdout(&out)
    );
    let sqlite = rusqlite::Connection::open(&file).unwrap();
    let claims_sql = "SELECT group_concat(x, '|') FROM (SELECT claim_id || ',' || category || ',' || COALESCE(count, -1) || ',' || COALESCE(claimant, '') || ',' || COALESCE(party, '') || ',' || revision AS x FROM casualty_claims_view ORDER BY claim_id)";
    let in_sqlite: String = sqlite.query_row(claims_sql, [], |r| r.get(0)).unwrap();
    let in_pg = pg.query(
        "SELECT string_agg(x, '|' ORDER BY id) FROM (SELECT claim_id AS id, claim_id || ',' || category || ',' || COALESCE(count, -1) || ',' || COALESCE(claimant, '') || ',' || COALESCE(party, '') || ',' || revision AS x FROM casualty_claims_view) v",
    );
    assert!(!in_sqlite.is_empty());
    assert_eq!(in_pg, vec![in_sqlite]);
    // The status reads the same from both.
    let stored = |db: &str| {
        let out = run(dir.path(), &["--db", db, "status"]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .find(|l| l.starts_with("stored:"))
            .unwrap()
            .to_owned()
    };
    assert_eq!(stored(file.to_str().unwrap()), stored(&pg.url));
    // Interrupted after part of a table: run again, it completes it; nothing doubles.
    let claims = pg.count("SELECT count(*) FROM casualty_claims");
    pg.query("DELETE FROM casualty_claims WHERE id > (SELECT min(id) + 2 FROM casualty_claims) RETURNING 1");
    assert!(pg.count("SELECT count(*) FROM casualty_claims") < claims);
    let out = copy(&[
        "store",
        "copy",
        "--from",
        file.to_str().unwrap(),
        "--to",
        &pg.url,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(pg.count("SELECT count(*) FROM casualty_claims"), claims);
    assert_eq!(
        pg.query("SELECT string_agg(x, '|' ORDER BY id) FROM (SELECT claim_id AS id, claim_id || ',' || category || ',' || COALESCE(count, -1) || ',' || COALESCE(claimant, '') || ',' || COALESCE(party, '') || ',' || revision AS x FROM casualty_claims_view) v"),
        in_pg
    );
    // New rows continue after the copied ids, and full-text search covers copied items.
    assert!(
        !pg.query(
            "SELECT title FROM items WHERE search @@ websearch_to_tsquery('english', 'ceasefire')"
        )
        .is_empty()
    );
    // Copying into a database that holds another store's sources is refused.
    pg.query("UPDATE sources SET name = name || ' (other)' WHERE id = (SELECT min(id) FROM sources) RETURNING 1");
    let out = copy(&[
        "store",
        "copy",
        "--from",
        file.to_str().unwrap(),
        "--to",
        &pg.url,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("already holds other data"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn two_instances_deliver_each_alert_once_to_the_webhook() {
    let Some(pg) = PgDatabase::create("alerts_once") else {
        return;
    };
    let f = farm(6, None);
    let hook = Server::start(vec![(
        "/hook",
        Route::ok("text/plain", "ok").with_behaviour(Behaviour::Delay(Duration::from_millis(100))),
    )]);
    let dir = tempfile::tempdir().unwrap();
    let mut blocks = f.sources.clone();
    blocks.push(format!(
        "[[alert]]\nname = \"tolls\"\nkinds = [\"casualty\"]\nmin_count = 5\nwebhook = \"{}\"\n\n",
        hook.url("/hook")
    ));
    let cfg = write_config_db(
        dir.path(),
        &pg.url,
        "default_schedule = \"*/2 * * * * *\"\nlease_secs = 5\nalert_retry_base_secs = 1",
        &blocks,
    );
    let a = Daemon::start(dir.path(), &cfg, &[]);
    let b = Daemon::start(dir.path(), &cfg, &[]);
    wait_for("every alert delivered", Duration::from_secs(60), || {
        let queued = pg.count_or_zero("SELECT count(*) FROM alerts");
        queued >= 30
            && pg.count_or_zero("SELECT count(*) FROM alerts WHERE delivered_at IS NULL") == 0
    });
    // A few more alert cycles on both instances: nothing is sent again.
    std::thread::sleep(Duration::from_secs(6));
    a.signal("-TERM");
    b.signal("-TERM");
    let (sa, ea) = a.wait(Duration::from_secs(40));
    let (sb, eb) = b.wait(Duration::from_secs(40));
    assert!(sa.success() && sb.success(), "{ea}\n{eb}");
    let queued = pg.count("SELECT count(*) FROM alerts");
    // 6 feeds × 5 statements, one "5 wounded" claim each.
    assert_eq!(queued, 30);
    let keys: Vec<String> = hook
        .server
        .received("/hook")
        .iter()
        .filter_map(|r| r.header("idempotency-key").map(str::to_owned))
        .collect();
    let mut unique = keys.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(keys.len(), unique.len(), "a key was delivered twice");
    assert_eq!(keys.len() as i64, queued);
    assert_eq!(
        pg.count("SELECT count(*) FROM alerts WHERE attempts <> 1"),
        0
    );
}

#[test]
fn the_bench_polls_each_feed_once_per_round_with_two_instances() {
    let Some(pg) = PgDatabase::create("bench_pg") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &[
            "--db",
            &pg.url,
            "bench",
            "--feeds",
            "40",
            "--items",
            "5",
            "--runs",
            "1",
            "--concurrency",
            "8",
            "--instances",
            "2",
            "--dir",
            dir.path().join("b").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("PostgreSQL, 2 instance(s)"), "{text}");
    let row = |phase: &str| -> Vec<String> {
        text.lines()
            .find(|l| l.starts_with(&format!("| {phase} |")))
            .unwrap_or_else(|| panic!("no {phase} row: {text}"))
            .split('|')
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect()
    };
    // Columns: phase, wall, CPU, farm CPU, RSS, new items, items/s, 200, 304, failed,
    // duplicate polls, DB. Two instances, yet each feed polled once per round.
    let cold = row("cold");
    assert_eq!(
        (
            &cold[5][..],
            &cold[7][..],
            &cold[8][..],
            &cold[9][..],
            &cold[10][..]
        ),
        ("200", "40", "0", "0", "0"),
        "{text}"
    );
    let unchanged = row("unchanged");
    assert_eq!(
        (&unchanged[7][..], &unchanged[8][..], &unchanged[10][..]),
        ("0", "40", "0"),
        "{text}"
    );
    assert_eq!(row("incremental")[10], "0", "{text}");
    // The scratch database is gone.
    assert!(
        pg.query("SELECT datname FROM pg_database WHERE datname LIKE 'claimwatch_bench_%'")
            .is_empty()
    );
}

/// An RSS feed of items with these guids.
fn feed_of(guids: &[&str]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>farm</title>",
    );
    for g in guids {
        s.push_str(&format!(
            "<item><title>Statement {g}</title><guid>{g}</guid><description>Three soldiers were killed in shelling near the border, the ministry said ({g}).</description></item>"
        ));
    }
    s.push_str("</channel></rss>");
    s
}

#[test]
fn a_lost_database_makes_polls_wait_starves_the_watchdog_and_resumes_losing_nothing() {
    use std::os::unix::net::UnixDatagram;
    let Some(pg) = PgDatabase::create("lost_database") else {
        return;
    };
    let proxy = TcpProxy::start(&pg.address());
    let srv = Server::start(vec![(
        "/f.xml",
        Route::ok("application/rss+xml", feed_of(&["a1", "a2", "a3"])),
    )]);
    let dir = tempfile::tempdir().unwrap();
    let sock_path = dir.path().join("notify.sock");
    let sock = UnixDatagram::bind(&sock_path).unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    let metrics = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = pg.url_via(proxy.port);
    let cfg = write_config_db(
        dir.path(),
        &url,
        &format!(
            "default_schedule = \"* * * * * *\"\nlease_secs = 3\nmetrics_listen = \"127.0.0.1:{metrics}\""
        ),
        &[feed_source("Feed", &srv.url("/f.xml"))],
    );
    let daemon = Daemon::start(
        dir.path(),
        &cfg,
        &[
            ("NOTIFY_SOCKET", sock_path.to_str().unwrap()),
            ("WATCHDOG_USEC", "2000000"),
        ],
    );
    // Keep-alives received within `window`.
    let keep_alives = |window: Duration| {
        let start = Instant::now();
        let mut buf = [0u8; 4096];
        let mut n = 0;
        while start.elapsed() < window {
            if let Ok(len) = sock.recv(&mut buf) {
                n += usize::from(String::from_utf8_lossy(&buf[..len]).contains("WATCHDOG=1"));
            }
        }
        n
    };
    let scrape = || {
        std::net::TcpStream::connect(("127.0.0.1", metrics))
            .ok()
            .and_then(|mut s| {
                use std::io::{Read, Write};
                s.set_read_timeout(Some(Duration::from_secs(15))).ok()?;
                s.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
                    .ok()?;
                let mut body = String::new();
                s.read_to_string(&mut body).ok()?;
                Some(body)
            })
            .unwrap_or_default()
    };
    wait_for("the first items stored", Duration::from_secs(20), || {
        pg.count_or_zero("SELECT count(*) FROM items") == 3
    });
    assert!(
        keep_alives(Duration::from_secs(3)) >= 2,
        "no keep-alives while the store is up"
    );
    assert!(scrape().contains("claimwatch_store_up 1"));

    // The database goes away; meanwhile the feed gains three statements.
    proxy.cut();
    srv.server.set_route(
        "/f.xml",
        Route::ok(
            "application/rss+xml",
            feed_of(&["a1", "a2", "a3", "b1", "b2", "b3"]),
        ),
    );
    // A ping already under way when the cut came may still answer: let it pass.
    keep_alives(Duration::from_secs(2));
    assert_eq!(
        keep_alives(Duration::from_secs(4)),
        0,
        "the watchdog was fed while the store could not be written"
    );
    let down = scrape();
    assert!(down.contains("claimwatch_store_up 0"), "{down}");
    assert!(down.contains("# store error: PostgreSQL"), "{down}");
    let out = run(dir.path(), &["--db", &url, "status"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).contains(&format!("127.0.0.1:{}", proxy.port)),
        "{}",
        stderr(&out)
    );
    assert_eq!(pg.count("SELECT count(*) FROM items"), 3);

    // It comes back: the daemon, still running, stores the new statements once.
    proxy.restore();
    wait_for("the new items stored", Duration::from_secs(30), || {
        pg.count_or_zero("SELECT count(*) FROM items") == 6
    });
    assert!(
        keep_alives(Duration::from_secs(3)) >= 1,
        "the watchdog did not resume"
    );
    assert!(scrape().contains("claimwatch_store_up 1"));
    assert_eq!(
        pg.count("SELECT count(DISTINCT guid) FROM items"),
        6,
        "no statement stored twice"
    );
    assert_eq!(
        pg.count("SELECT count(*) FROM mentions m JOIN items i ON i.id = m.item_id"),
        2 * pg.count("SELECT count(*) FROM mentions m JOIN items i ON i.id = m.item_id WHERE i.guid LIKE 'a%'"),
        "the new statements were tagged like the old ones"
    );
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(30));
    assert!(status.success(), "{err}");
    assert!(err.contains("withholding watchdog keep-alive"), "{err}");
}

#[test]
fn a_refused_login_stops_the_daemon_at_start_naming_server_and_database() {
    let Some(pg) = PgDatabase::create("refused_login") else {
        return;
    };
    let addr = pg.address();
    let dir = tempfile::tempdir().unwrap();
    for (url, cause) in [
        (
            format!("postgres://nobody@{addr}/claimwatch_test?sslmode=disable"),
            "role \"nobody\" does not exist",
        ),
        (
            pg.url
                .replacen(&format!("{addr}/"), &format!("{addr}/no_such_db_"), 1),
            "does not exist",
        ),
    ] {
        let cfg = write_config_db(
            dir.path(),
            &url,
            "",
            &[feed_source("Feed", "http://127.0.0.1:1/f.xml")],
        );
        let d = Daemon::start(dir.path(), &cfg, &[]);
        let (status, err) = d.wait(Duration::from_secs(30));
        assert_eq!(status.code(), Some(1), "{err}");
        let target = url.split_once('@').unwrap().1.split('?').next().unwrap();
        assert!(
            err.contains(&format!("PostgreSQL at {target}")) && err.contains(cause),
            "{err}"
        );
    }
    // Nothing was written where the login was refused, nor beside the config.
    assert_eq!(pg.count_or_zero("SELECT count(*) FROM sources"), 0);
    assert!(!dir.path().join("cw.db").exists());
}
