//! `claimwatch serve`: the read-only site over real HTTP on loopback, on the demo's database —
//! pages, their JSON forms, the 400s on bad input, escaping of hostile stored text, and the
//! refusal of a non-loopback address.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use claimwatch::loopback::Route;
use common::*;
use serde_json::Value;

/// A running `serve`, stopped when dropped.
struct Served {
    child: Child,
    addr: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(dir: &Path, db: &Path) -> Served {
    serve_database(dir, db.to_str().unwrap())
}

/// `serve` over `database`, an SQLite file or a PostgreSQL URL.
fn serve_database(dir: &Path, database: &str) -> Served {
    let mut child = Command::new(bin())
        .current_dir(dir)
        .args(["--db", database, "serve", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    Served { child, addr }
}

/// A GET over a fresh connection: (status, headers, body).
fn get(addr: &str, path: &str, accept: &str) -> (u16, String, String) {
    try_get(addr, path, accept).unwrap_or_else(|e| panic!("GET {path} from {addr}: {e}"))
}

/// `get`, with the connection's failure as an error (a site still starting may close it).
fn try_get(addr: &str, path: &str, accept: &str) -> std::io::Result<(u16, String, String)> {
    let mut s = TcpStream::connect(addr)?;
    // One write: a request in pieces would test the server's patience, not its pages.
    s.write_all(
        format!(
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: {accept}\r\nConnection: close\r\n\r\n"
        )
        .as_bytes(),
    )?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    // The site answers small pages without chunking; a chunked body is joined.
    let body = if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        dechunk(body)
    } else {
        body.to_owned()
    };
    Ok((status, head.to_owned(), body))
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(rest.get(..n).unwrap_or(rest));
        body = rest.get(n + 2..).unwrap_or("");
    }
    out
}

fn demo_db(dir: &Path) -> std::path::PathBuf {
    let demo = dir.join("demo");
    let out = run(dir, &["demo", "--dir", demo.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    demo.join("claimwatch.db")
}

/// A failing source, as the daemon records one.
const FAILING_SOURCE: &str = "UPDATE sources SET consecutive_errors = 4, last_status = 500, \
     last_error = 'HTTP 500 from the server' WHERE name = 'Ostravia MFA'";

#[test]
fn the_site_shows_the_ledger_search_statements_sources_and_digests() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(FAILING_SOURCE, [])
        .unwrap();
    let site = serve(dir.path(), &db);
    shows_the_demo(&site.addr);
}

#[test]
fn the_site_shows_the_same_from_a_postgresql_store() {
    let Some(pg) = PgDatabase::create("web_site") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = run(
        dir.path(),
        &[
            "store",
            "copy",
            "--from",
            db.to_str().unwrap(),
            "--to",
            &pg.url,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    pg.query(&format!("{FAILING_SOURCE} RETURNING 1"));
    let site = serve_database(dir.path(), &pg.url);
    shows_the_demo(&site.addr);
    // The search form names the syntax PostgreSQL reads, which forgives what FTS5 refuses.
    let (status, _, page) = get(&site.addr, "/search?q=%22unterminated", "text/html");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("web-search syntax"), "{page}");
    let (_, _, found) = get(
        &site.addr,
        "/search?q=-ceasefire%20killed",
        "application/json",
    );
    let found: Value = serde_json::from_str(&found).unwrap();
    let hits = found["hits"].as_array().unwrap();
    assert!(!hits.is_empty(), "{found}");
    for hit in hits {
        assert!(
            !hit["snippet"]
                .as_str()
                .unwrap()
                .to_lowercase()
                .contains("ceasefire"),
            "{hit}"
        );
    }
}

/// The pages of the demo store, whichever backend holds it.
fn shows_the_demo(a: &str) {
    // Now: the side-by-side ledger of the demo, with the security headers.
    let (status, head, now) = get(a, "/", "text/html");
    assert_eq!(status, 200, "{now}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-security-policy: default-src 'none'")
    );
    assert!(
        now.contains(
            "<th scope=\"row\">Norland (military)</th><td>1 killed, 12 captured, 24 missing</td>"
        ),
        "{now}"
    );
    assert!(now.contains("http-equiv=\"refresh\""));
    assert!(!now.contains("<script"));
    let (_, _, json) = get(a, "/?format=json", "*/*");
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["days"][0]["ledgers"][0]["sides"][0]["side"], "Norland");

    // Search: hits marked, with their mentions; JSON by Accept.
    let (status, _, page) = get(a, "/search?q=ceasefire&kind=ceasefire", "text/html");
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<mark>ceasefire</mark>"), "{page}");
    assert!(page.contains("ceasefire agreed"), "{page}");
    let (_, _, found) = get(a, "/search?q=Sudmark&since=3650d", "application/json");
    let found: Value = serde_json::from_str(&found).unwrap();
    let hits = found["hits"].as_array().unwrap();
    assert!(!hits.is_empty(), "{found}");
    let id = hits[0]["item_id"].as_i64().unwrap();
    // Newest first by default; by relevance on request: the same statements.
    let ids = |path: &str| -> Vec<i64> {
        let (_, _, body) = get(a, path, "application/json");
        let v: Value = serde_json::from_str(&body).unwrap();
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["item_id"].as_i64().unwrap())
            .collect()
    };
    let newest = ids("/search?q=killed%20OR%20ceasefire");
    assert!(newest.len() > 1, "{newest:?}");
    assert!(newest.windows(2).all(|w| w[0] > w[1]), "{newest:?}");
    let mut relevant = ids("/search?q=killed%20OR%20ceasefire&sort=relevance");
    relevant.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(relevant, newest);

    // A statement with its mentions marked in its text.
    let (status, _, item) = get(a, &format!("/items/{id}"), "text/html");
    assert_eq!(status, 200, "{item}");
    assert!(item.contains("<mark>"), "{item}");

    // Sources, the failing one with its reason.
    let (_, _, sources) = get(a, "/sources", "text/html");
    assert!(
        sources.contains("<td class=\"failing\">failing: HTTP 500 from the server</td>"),
        "{sources}"
    );
    let (_, _, list) = get(a, "/sources?format=json", "*/*");
    let list: Value = serde_json::from_str(&list).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 5);

    // Digests: listed and opened through the site; the alerts Atom feed linked and served.
    let (_, _, digests) = get(a, "/digests", "text/html");
    assert!(digests.contains("<a href=\"/alerts.atom\">"), "{digests}");
    let (status, head, feed) = get(a, "/alerts.atom", "*/*");
    assert_eq!(status, 200, "{feed}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: application/atom+xml"),
        "{head}"
    );
    assert!(
        feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""),
        "{feed}"
    );
    feed_rs::parser::parse(feed.as_bytes()).expect("the alerts feed parses as Atom");
    let first = digests
        .split("href=\"/digests/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("no digest link in {digests}"))
        .to_owned();
    let (status, head, body) = get(a, &format!("/digests/{first}"), "*/*");
    assert_eq!(status, 200);
    assert!(head.contains("content-type:") || head.contains("Content-Type:"));
    assert!(body.contains("Norland"), "{body}");
}

#[test]
fn bad_input_gets_a_400_with_its_reason_and_stored_markup_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE items SET title = '<script>alert(1)</script><img src=x onerror=alert(2)> ceasefire' \
             WHERE id = (SELECT min(id) FROM items)",
            [],
        )
        .unwrap();
    }
    let site = serve(dir.path(), &db);
    let a = site.addr.as_str();
    for (path, reason) in [
        ("/search?q=%22unterminated", "does not parse (FTS5 syntax"),
        (
            "/search?q=x&kind=bogus",
            "kind must be ceasefire, clash or casualty",
        ),
        ("/search?q=x&category=maimed", "category must be"),
        ("/search?q=x&page=0", "page must be a number"),
        ("/search?q=x&since=last%20week", "invalid time"),
        (
            "/search?q=x&sort=oldest",
            "sort must be newest or relevance",
        ),
        ("/items/abc", "is not a statement number"),
        ("/digests/x", "is not a digest number"),
    ] {
        let (status, _, body) = get(a, path, "text/html");
        assert_eq!(status, 400, "{path}: {body}");
        assert!(body.contains(reason), "{path}: {body}");
        let (status, _, body) = get(a, path, "application/json");
        assert_eq!(status, 400, "{path}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert!(
            v["error"].as_str().unwrap().contains(reason),
            "{path}: {body}"
        );
    }
    let (status, _, _) = get(a, "/items/999999", "text/html");
    assert_eq!(status, 404);
    let (status, _, _) = get(a, "/no/such/page", "text/html");
    assert_eq!(status, 404);
    // The hostile title is shown as text everywhere.
    for path in ["/", "/search?q=ceasefire", "/items/1"] {
        let (_, _, body) = get(a, path, "text/html");
        assert!(!body.contains("<script"), "{path}: {body}");
        assert!(!body.contains("<img"), "{path}");
    }
    let (_, _, item) = get(a, "/items/1", "text/html");
    assert!(item.contains("&lt;script&gt;"), "{item}");
}

#[test]
fn a_non_loopback_address_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = run(
        dir.path(),
        &[
            "--db",
            db.to_str().unwrap(),
            "serve",
            "--listen",
            "0.0.0.0:0",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("refusing to serve on 0.0.0.0:0"),
        "{}",
        stderr(&out)
    );
    let out = run(
        dir.path(),
        &[
            "--db",
            db.to_str().unwrap(),
            "serve",
            "--listen",
            "localhost",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid listen address"),
        "{}",
        stderr(&out)
    );
}

const FEED: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>MoD</title>
<item><title>Statement</title><guid>s-1</guid><link>https://mod.example/s-1</link><description>The ministry said one soldier was killed and 12 were taken captive in the clashes near Mount Kerel.</description></item>
</channel></rss>"#;

#[test]
fn the_running_daemon_serves_the_site_while_it_polls() {
    serves_while_polling(None);
}

#[test]
fn the_running_daemon_serves_the_site_from_postgresql_while_it_polls() {
    let Some(pg) = PgDatabase::create("daemon_web") else {
        return;
    };
    serves_while_polling(Some(&pg.url));
}

/// A daemon with the site and the metrics on, storing in `database` (the default SQLite file
/// when `None`): the site shows what it polls, the metrics count the requests, and `status`
/// shows the site's counts after it stops.
fn serves_while_polling(database: Option<&str>) {
    let srv = Server::start(vec![
        ("/feed.xml", Route::ok("application/rss+xml", FEED)),
        ("/down", Route::status(500)),
    ]);
    let free = || {
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    };
    let (port, metrics) = (free(), free());
    let dir = tempfile::tempdir().unwrap();
    let default_db = dir.path().join("cw.db");
    let cfg = write_config_db(
        dir.path(),
        database.unwrap_or(default_db.to_str().unwrap()),
        "default_schedule = \"* * * * * *\"\nmetrics_listen = \"127.0.0.1:METRICS\"\n\n[web]\nlisten = \"127.0.0.1:PORT\"\n"
            .replace("PORT", &port.to_string())
            .replace("METRICS", &metrics.to_string())
            .as_str(),
        &[
            feed_source("Feed MoD", &srv.url("/feed.xml")),
            feed_source("Down", &srv.url("/down")),
        ],
    );
    // `[web]` follows `[daemon]` in the file, and the sources follow `[web]`: move them up.
    let text = std::fs::read_to_string(&cfg).unwrap();
    let (head, sources) = text.split_once("[[source]]").unwrap();
    let (daemon, web) = head.split_once("\n[web]").unwrap();
    std::fs::write(&cfg, format!("{daemon}\n[[source]]{sources}\n[web]{web}")).unwrap();
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    let addr = format!("127.0.0.1:{port}");
    let mut sources = String::new();
    let mut now = String::new();
    let mut asked = 0;
    wait_for(
        "the site to show the claim and the failing source",
        Duration::from_secs(20),
        || {
            // A request the starting site dropped was never counted: ask again.
            let Ok((_, _, page)) = try_get(&addr, "/sources", "text/html") else {
                return false;
            };
            sources = page;
            asked += 1;
            let Ok((_, _, page)) = try_get(&addr, "/", "text/html") else {
                return false;
            };
            now = page;
            asked += 1;
            now.contains("1 killed") && sources.contains("answered 500")
        },
    );
    assert!(
        sources.contains("<td class=\"failing\">") || sources.contains("<td class=\"degraded\">"),
        "{sources}"
    );
    // The metrics endpoint counts the site's requests, with a latency histogram.
    let scraped = get(&format!("127.0.0.1:{metrics}"), "/metrics", "text/plain").2;
    assert!(
        scraped.contains(&format!("claimwatch_web_requests_total {asked}\n")),
        "{asked} requests: {scraped}"
    );
    assert!(
        scraped.contains(&format!(
            "claimwatch_web_request_seconds_bucket{{le=\"+Inf\"}} {asked}\n"
        )),
        "{scraped}"
    );
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(25));
    assert!(status.success(), "{err}");
    assert!(err.contains("web site serving"), "{err}");
    // `status` shows the site's final counts, recorded at shutdown.
    let out = run(dir.path(), &["--config", cfg.to_str().unwrap(), "status"]);
    let web_line = stdout(&out)
        .lines()
        .find(|l| l.starts_with("web:"))
        .unwrap_or_default()
        .to_string();
    assert!(
        web_line.contains(&format!("on {addr} since "))
            && web_line.contains(&format!(": {asked} requests, 0 failed, mean ")),
        "{asked} requests: {web_line}"
    );
}

/// Loads `url` in headless Chromium: (the rendered DOM, console errors), and a screenshot
/// saved as `web-NAME.png` in Cargo's scratch directory for tests (`target/tmp`).
fn browse(browser: &str, profile: &Path, url: &str, name: &str) -> (String, Vec<String>) {
    let common = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
        "--window-size=1024,1400",
    ];
    let dom = Command::new(browser)
        .args(common)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .unwrap();
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("web-{name}.png"));
    let pic = Command::new(browser)
        .args(common)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(url)
        .output()
        .unwrap();
    let png = std::fs::read(&shot).unwrap_or_default();
    assert!(png.starts_with(b"\x89PNG"), "no screenshot of {url}");
    let errors = [&dom.stderr, &pic.stderr]
        .iter()
        .flat_map(|e| {
            String::from_utf8_lossy(e)
                .lines()
                .filter(|l| {
                    l.contains("CONSOLE")
                        && (l.contains("Uncaught") || l.contains("Refused") || l.contains("rror"))
                })
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    (String::from_utf8_lossy(&dom.stdout).into_owned(), errors)
}

#[test]
fn a_desk_walks_now_search_statement_and_sources_in_headless_chromium() {
    let Some(browser) = chromium() else {
        eprintln!(
            "SKIPPED: no chromium installed (.ci/run installs Debian's chromium where it can)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE sources SET consecutive_errors = 3, last_status = 503, \
             last_error = 'server answered 503' WHERE name = 'Continental Wire'",
            [],
        )
        .unwrap();
    }
    let site = serve(dir.path(), &db);
    let base = format!("http://{}", site.addr);
    let profile = dir.path().join("profile");

    // Now: the demo's ledger row, as rendered.
    let (now, errors) = browse(browser, &profile, &format!("{base}/"), "now");
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        now.contains(
            "<th scope=\"row\">Norland (military)</th><td>1 killed, 12 captured, 24 missing</td>"
        ),
        "{now}"
    );
    // Search, following the form's fields: the hit highlighted.
    let (found, errors) = browse(
        browser,
        &profile,
        &format!("{base}/search?q=captive&kind=casualty"),
        "search",
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert!(found.contains("<mark>captive</mark>"), "{found}");
    // The statement the hit links to, its mentions marked in its text.
    let link = found
        .split("<h3><a href=\"/items/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("no statement link in {found}"))
        .to_owned();
    let (statement, errors) = browse(
        browser,
        &profile,
        &format!("{base}/items/{link}"),
        "statement",
    );
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        statement.contains("<mark>The Ministry of Defence of Norland says"),
        "{statement}"
    );
    // Sources: the failing source with its reason.
    let (sources, errors) = browse(browser, &profile, &format!("{base}/sources"), "sources");
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        sources.contains("<td class=\"failing\">failing: server answered 503</td>"),
        "{sources}"
    );
}

#[test]
fn demo_web_leaves_the_site_up_on_the_demo_store() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo");
    let mut child = Command::new(bin())
        .current_dir(dir.path())
        .args(["demo", "--dir", demo.to_str().unwrap(), "--web"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut addr = None;
    let mut line = String::new();
    while out.read_line(&mut line).unwrap_or(0) > 0 {
        if let Some(rest) = line.split("serving http://").nth(1) {
            addr = rest.split('/').next().map(str::to_owned);
            break;
        }
        line.clear();
    }
    let site = Served {
        child,
        addr: addr.expect("demo --web printed no address"),
    };
    let (status, _, now) = get(&site.addr, "/", "text/html");
    assert_eq!(status, 200);
    // The demo's config names the conflict, so the site draws the ledger by it.
    assert!(
        now.contains("Claims side by side — Norland–Sudmark border"),
        "{now}"
    );
}

/// A GET with an `Authorization` header: the status.
fn get_as(addr: &str, path: &str, authorization: Option<&str>) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    let auth = authorization
        .map(|a| format!("Authorization: {a}\r\n"))
        .unwrap_or_default();
    s.write_all(
        format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n{auth}Connection: close\r\n\r\n")
            .as_bytes(),
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let status = raw
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, raw)
}

#[test]
fn a_users_file_asks_for_a_password_and_allows_a_non_loopback_address() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let line = run_with_stdin(dir.path(), &["web-passwd", "desk"], "correct horse\n");
    assert!(line.status.success(), "{}", stderr(&line));
    let users = dir.path().join("users");
    std::fs::write(&users, stdout(&line)).unwrap();
    assert!(
        stdout(&line).starts_with("desk:$argon2id$"),
        "{}",
        stdout(&line)
    );

    let mut child = Command::new(bin())
        .current_dir(dir.path())
        .args([
            "--db",
            db.to_str().unwrap(),
            "serve",
            "--listen",
            "0.0.0.0:0",
            "--users-file",
            users.to_str().unwrap(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let port = first
        .rsplit(':')
        .next()
        .and_then(|p| {
            p.trim()
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .split('/')
                .next()
                .map(str::to_owned)
        })
        .unwrap_or_default();
    let site = Served {
        child,
        addr: format!("127.0.0.1:{port}"),
    };
    // "desk:correct horse" and "desk:wrong", base64.
    let good = "Basic ZGVzazpjb3JyZWN0IGhvcnNl";
    let bad = "Basic ZGVzazp3cm9uZw==";
    let (status, raw) = get_as(&site.addr, "/", None);
    assert_eq!(status, 401, "{raw}");
    assert!(
        raw.to_ascii_lowercase()
            .contains("www-authenticate: basic realm=\"claimwatch\"")
    );
    assert_eq!(get_as(&site.addr, "/sources", Some(bad)).0, 401);
    let (status, raw) = get_as(&site.addr, "/", Some(good));
    assert_eq!(status, 200, "{raw}");
    assert!(raw.contains("Norland"));

    // A users file that is not one is a usage error naming its line.
    std::fs::write(&users, "desk:plaintext\n").unwrap();
    let out = run(
        dir.path(),
        &[
            "--db",
            db.to_str().unwrap(),
            "serve",
            "--users-file",
            users.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("users:1: not an argon2 hash"),
        "{}",
        stderr(&out)
    );
}

/// Markup that must never survive into a page: scripts, `javascript:` links, embedded
/// objects, event handlers.
fn hostile(html: &str) -> Vec<&'static str> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    if lower.contains("<script") {
        found.push("script");
    }
    if lower.contains("href=\"javascript:") || lower.contains("src=\"javascript:") {
        found.push("javascript: link");
    }
    if lower.contains("<iframe") || lower.contains("<object") || lower.contains("<embed") {
        found.push("embedded object");
    }
    if regex::Regex::new(r#"<[^>]*\son[a-z]+\s*="#)
        .unwrap()
        .is_match(&lower)
    {
        found.push("event handler");
    }
    found
}

#[test]
fn the_feedparser_sanitize_corpus_never_survives_into_the_site() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/feedparser/wellformed/sanitize");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        eprintln!("SKIPPED: {} is missing", corpus.display());
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let (mut stored, mut raw_hostile) = (0, 0);
    {
        // Store every item of the corpus as a statement of the demo's first source, with
        // a clash mention on its title, as a poll would.
        let conn = rusqlite::Connection::open(&db).unwrap();
        for (n, e) in entries.flatten().enumerate() {
            let bytes = std::fs::read(e.path()).unwrap();
            let text = claimwatch::fetch::decode_feed(&bytes, None);
            let Ok(items) = claimwatch::parse::parse_feed(&text, None) else {
                continue;
            };
            for (k, it) in items.iter().enumerate() {
                raw_hostile += usize::from(!hostile(&it.raw).is_empty());
                conn.execute(
                    "INSERT INTO items (source_id, guid, url, title, fetched_at, updated_at, text, raw, content_hash)
                     VALUES (1, ?1, ?2, ?3, '2026-12-04T10:00:00Z', '2099-01-01T00:00:00Z', ?4, ?5, '')",
                    rusqlite::params![
                        format!("sanitize-{n}-{k}"),
                        it.url,
                        it.title,
                        format!("{} hostile ceasefire", it.text),
                        it.raw
                    ],
                )
                .unwrap();
                let id = conn.last_insert_rowid();
                conn.execute(
                    "INSERT INTO items_fts (rowid, title, text) SELECT id, title, text FROM items WHERE id = ?1",
                    [id],
                )
                .unwrap();
                conn.execute(
                    "INSERT INTO mentions (item_id, revision, field, kind, sentence, span_start, span_end, tagger_version, tagged_at)
                     VALUES (?1, 1, 'title', 'clash', ?2, 0, 1, 'test', '2026-12-04T10:00:00Z')",
                    rusqlite::params![id, format!("{} {}", it.title, it.raw)],
                )
                .unwrap();
                stored += 1;
            }
        }
    }
    assert!(stored > 400, "{stored}");
    assert!(
        raw_hostile > 40,
        "the corpus should be hostile: {raw_hostile}"
    );
    let site = serve(dir.path(), &db);
    let a = site.addr.as_str();
    let mut pages = vec![
        "/".to_owned(),
        "/search?q=hostile".to_owned(),
        "/search?q=hostile&page=2".to_owned(),
        "/search?q=hostile&page=3".to_owned(),
    ];
    let (_, _, found) = get(a, "/search?q=hostile&format=json", "*/*");
    let found: Value = serde_json::from_str(&found).unwrap();
    for h in found["hits"].as_array().unwrap() {
        pages.push(format!("/items/{}", h["item_id"]));
    }
    for p in &pages {
        let (status, _, body) = get(a, p, "text/html");
        assert_eq!(status, 200, "{p}");
        let bad = hostile(&body);
        assert!(bad.is_empty(), "{p}: {bad:?}");
    }
}

#[test]
fn bench_web_requests_every_page_without_failures() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = run(
        dir.path(),
        &[
            "bench-web",
            "--db",
            db.to_str().unwrap(),
            "--requests",
            "20",
            "--clients",
            "5",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(text.contains("by relevance"), "{text}");
    assert!(
        text.lines()
            .all(|l| l.contains(": 20 requests, 0 failed, p50 ")),
        "{text}"
    );
}
