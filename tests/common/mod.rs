//! Helpers for end-to-end tests: a loopback server on its own runtime, temp dirs, running the
//! real binary.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use claimwatch::loopback::{LoopbackServer, Route};

/// A loopback server kept alive by its runtime's worker threads.
pub struct Server {
    pub server: LoopbackServer,
    _rt: tokio::runtime::Runtime,
}

impl Server {
    pub fn start(routes: Vec<(&str, Route)>) -> Self {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let map: HashMap<String, Route> =
            routes.into_iter().map(|(p, r)| (p.to_owned(), r)).collect();
        let server = rt.block_on(LoopbackServer::start(map)).unwrap();
        Self { server, _rt: rt }
    }

    pub fn url(&self, path: &str) -> String {
        self.server.url(path)
    }
}

/// The claimwatch binary built for these tests.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_claimwatch"))
}

/// Runs claimwatch with `args` in `dir`, with a clean environment for config lookup.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    run_with_stdin(dir, args, "")
}

pub fn run_with_stdin(dir: &Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env_remove("CLAIMWATCH_CONFIG")
        .env_remove("STATE_DIRECTORY")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(mut s) = child.stdin.take() {
        let _ = s.write_all(stdin.as_bytes());
    }
    child.wait_with_output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// One `[[source]]` block.
pub fn feed_source(name: &str, url: &str) -> String {
    format!(
        "[[source]]\nname = \"{name}\"\nurl = \"{url}\"\nkind = \"feed\"\nlabels = {{ party = \"{name}\" }}\n\n"
    )
}

/// A config in `dir` with the given source blocks; returns its path.
pub fn write_config(dir: &Path, daemon_extra: &str, sources: &[String]) -> PathBuf {
    let mut text = format!(
        "[daemon]\ndatabase = \"{}\"\ndigest_dir = \"{}\"\njitter_secs = 0\ntimeout_secs = 2\nconnect_timeout_secs = 2\nper_host_interval_ms = 0\nper_host_concurrency = 16\nbackoff_base_secs = 0\n{daemon_extra}\n",
        dir.join("cw.db").display(),
        dir.join("digests").display()
    );
    for s in sources {
        text.push_str(s);
    }
    let path = dir.join("claimwatch.toml");
    std::fs::write(&path, text).unwrap();
    path
}

pub fn db(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join("cw.db")).unwrap()
}

pub fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

pub const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test MoD</title>
<item><title>Border statement</title><link>/news/1</link><guid>t-1</guid><pubDate>Tue, 24 Nov 2026 07:10:00 +0000</pubDate>
<description>Two servicemen were killed and 5 were wounded in the clashes near the border.</description></item>
<item><title>Ceasefire agreed</title><link>/news/2</link><guid>t-2</guid><pubDate>Tue, 24 Nov 2026 19:00:00 +0000</pubDate>
<description>The ceasefire came into force at 18:00.</description></item>
<item><title>Concert</title><link>/news/3</link><guid>t-3</guid><description>The band played.</description></item>
</channel></rss>"#;

pub const PAGE: &str = r#"<html><head><meta charset="utf-8"></head><body>
<div class="list">
<div class="entry"><a class="t" href="/press/10">Statement of the ministry</a><span class="d">24.11.2026 09:30</span><p>Seven soldiers were killed in the clashes.</p></div>
<div class="entry"><a class="t" href="/press/11">Exercises</a><span class="d">23.11.2026</span><p>Planned drills were completed.</p></div>
</div></body></html>"#;

pub fn page_source(name: &str, url: &str) -> String {
    format!(
        "[[source]]\nname = \"{name}\"\nurl = \"{url}\"\nkind = \"page\"\n[source.page]\nitem = \"div.entry\"\nlink = \"a.t\"\ntitle = \"a.t\"\ndate = \"span.d\"\nbody = \"p\"\n\n"
    )
}

/// A `claimwatch run` child process.
pub struct Daemon {
    pub child: std::process::Child,
}

impl Daemon {
    pub fn start(dir: &Path, config: &Path, envs: &[(&str, &str)]) -> Self {
        let mut cmd = Command::new(bin());
        cmd.args(["--config", config.to_str().unwrap(), "run"])
            .current_dir(dir)
            .env_remove("JOURNAL_STREAM")
            .env_remove("NOTIFY_SOCKET")
            .env_remove("WATCHDOG_USEC")
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in envs {
            cmd.env(k, v);
        }
        Self {
            child: cmd.spawn().unwrap(),
        }
    }

    pub fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .args([sig, &self.child.id().to_string()])
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill {sig}");
    }

    /// Waits for exit up to `limit`; returns the status and stderr.
    pub fn wait(mut self, limit: std::time::Duration) -> (std::process::ExitStatus, String) {
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            if start.elapsed() > limit {
                let _ = self.child.kill();
                panic!("daemon did not exit within {limit:?}");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        let mut err = String::new();
        if let Some(mut e) = self.child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        (status, err)
    }
}

/// A daemon a test left running (it panicked before stopping it) is killed with the test,
/// not left polling after the run.
impl Drop for Daemon {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Polls `done` every 50 ms until it holds or `limit` passes.
pub fn wait_for(what: &str, limit: std::time::Duration, mut done: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// `SELECT count(*)`-style query on the test database that tolerates a missing file or a
/// locked database by answering 0.
pub fn query_or_zero(dir: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(dir.join("cw.db"))
        .and_then(|c| c.query_row(sql, [], |r| r.get::<_, i64>(0)))
        .unwrap_or(0)
}

/// Debian's Chromium, when installed.
pub fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|b| {
        Command::new(b)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// A fresh PostgreSQL database on the server `CLAIMWATCH_TEST_PG` names (as `.ci/run` starts
/// one), dropped at the end of the test. `None`, with a message, when the variable is unset:
/// then the PostgreSQL tests skip, so a plain `cargo test` needs no server.
pub struct PgDatabase {
    pub url: String,
    admin_url: String,
    name: String,
}

static PG_SEQ: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn pg_exec(url: &str, sql: &str) -> Result<(), String> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    rt.block_on(async {
        let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .map_err(|e| e.to_string())?;
        let task = tokio::spawn(conn);
        let r = client.batch_execute(sql).await.map_err(|e| e.to_string());
        drop(client);
        let _ = task.await;
        r
    })
}

impl PgDatabase {
    pub fn create(test: &str) -> Option<Self> {
        let Some(admin_url) = std::env::var("CLAIMWATCH_TEST_PG")
            .ok()
            .filter(|v| !v.is_empty())
        else {
            eprintln!(
                "skipped {test}: CLAIMWATCH_TEST_PG is not set (bash .ci/run starts a throwaway PostgreSQL and sets it)"
            );
            return None;
        };
        let name = format!(
            "cw_{}_{}_{}",
            test.chars()
                .filter(char::is_ascii_alphanumeric)
                .take(20)
                .collect::<String>()
                .to_lowercase(),
            std::process::id(),
            PG_SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        );
        pg_exec(&admin_url, &format!("CREATE DATABASE {name}")).expect("create test database");
        let (base, query) = admin_url.split_once('?').unwrap_or((&admin_url, ""));
        let base = base.rsplit_once('/').map_or(base, |(b, _)| b);
        let url = if query.is_empty() {
            format!("{base}/{name}")
        } else {
            format!("{base}/{name}?{query}")
        };
        Some(Self {
            url,
            admin_url,
            name,
        })
    }

    /// Runs a query on the test database and returns the first column of each row as text.
    pub fn query(&self, sql: &str) -> Vec<String> {
        self.try_query(sql).unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// A single number, or 0 while the schema is not there yet.
    pub fn count_or_zero(&self, sql: &str) -> i64 {
        self.try_query(sql)
            .ok()
            .and_then(|rows| rows.first().and_then(|v| v.parse().ok()))
            .unwrap_or(0)
    }

    fn try_query(&self, sql: &str) -> Result<Vec<String>, String> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let (client, conn) = tokio_postgres::connect(&self.url, tokio_postgres::NoTls)
                .await
                .map_err(|e| e.to_string())?;
            let task = tokio::spawn(conn);
            let rows = client.simple_query(sql).await.map_err(|e| e.to_string());
            drop(client);
            let _ = task.await;
            Ok(rows?
                .into_iter()
                .filter_map(|m| match m {
                    tokio_postgres::SimpleQueryMessage::Row(r) => {
                        Some(r.get(0).unwrap_or("").to_owned())
                    }
                    _ => None,
                })
                .collect())
        })
    }

    /// A single number.
    pub fn count(&self, sql: &str) -> i64 {
        self.query(sql)
            .first()
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no number from {sql}"))
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let _ = pg_exec(
            &self.admin_url,
            &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
        );
    }
}

/// A config in `dir` storing in `database` (a path or URL); returns its path.
pub fn write_config_db(
    dir: &Path,
    database: &str,
    daemon_extra: &str,
    sources: &[String],
) -> PathBuf {
    let path = write_config(dir, daemon_extra, sources);
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        &format!("database = \"{}\"", dir.join("cw.db").display()),
        &format!("database = \"{database}\""),
        1,
    );
    std::fs::write(&path, text).unwrap();
    path
}

/// A TCP proxy on loopback in front of a server (PostgreSQL), which can cut every connection
/// and refuse new ones, as a lost network or a stopped server does, then let them through
/// again.
pub struct TcpProxy {
    pub port: u16,
    up: std::sync::Arc<std::sync::atomic::AtomicBool>,
    open: std::sync::Arc<std::sync::Mutex<Vec<std::net::TcpStream>>>,
}

impl TcpProxy {
    pub fn start(target: &str) -> Self {
        use std::sync::atomic::Ordering;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let open = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (up2, open2, target) = (up.clone(), open.clone(), target.to_owned());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                if !up2.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let Ok(server) = std::net::TcpStream::connect(&target) else {
                    continue;
                };
                let mut list = open2.lock().unwrap();
                for (from, to) in [(&client, &server), (&server, &client)] {
                    let (mut from, mut to) = (from.try_clone().unwrap(), to.try_clone().unwrap());
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut from, &mut to);
                        let _ = to.shutdown(std::net::Shutdown::Both);
                    });
                }
                list.push(client);
                list.push(server);
            }
        });
        Self { port, up, open }
    }

    /// Cuts every open connection and refuses new ones.
    pub fn cut(&self) {
        self.up.store(false, std::sync::atomic::Ordering::SeqCst);
        for s in self.open.lock().unwrap().drain(..) {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }

    /// Lets connections through again.
    pub fn restore(&self) {
        self.up.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

impl PgDatabase {
    /// "host:port" of the server.
    pub fn address(&self) -> String {
        let after_at = self
            .url
            .split_once('@')
            .map_or(self.url.as_str(), |(_, r)| r);
        after_at.split('/').next().unwrap().to_owned()
    }

    /// The database's URL through a proxy listening on `port`.
    pub fn url_via(&self, port: u16) -> String {
        self.url
            .replacen(&self.address(), &format!("127.0.0.1:{port}"), 1)
    }
}
