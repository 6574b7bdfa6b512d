//! The desk's site in a real browser: the daemon polls a loopback feed farm with `[web]` on,
//! and Debian's Chromium, driven headless over the Chrome DevTools Protocol, walks Now →
//! Search (typing into the form) → Statement (clicking the hit) → Sources, checking what a
//! person would see, saving screenshots under `target/`, and failing on any console error
//! (a script error, a Content-Security-Policy refusal, a failed load).

mod common;

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use claimwatch::loopback::Route;
use common::*;
use serde_json::{Value, json};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

/// A headless Chromium and a DevTools session on its page.
struct Browser {
    child: Child,
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
    /// Events read while waiting for answers, oldest first.
    events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    fn launch(binary: &str) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--window-size=1024,1400",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/…"
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(url) = line.split("DevTools listening on ").nth(1) {
                    let _ = tx.send(url.trim().to_owned());
                }
            }
        });
        let browser_url = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("Chromium printed its DevTools address");
        let host = browser_url
            .trim_start_matches("ws://")
            .split('/')
            .next()
            .unwrap()
            .to_owned();
        // The page target opened on about:blank.
        let page_url = {
            let started = Instant::now();
            loop {
                let list = http_get(&host, "/json/list");
                let targets: Value = serde_json::from_str(&list).unwrap_or(Value::Null);
                let page = targets.as_array().and_then(|a| {
                    a.iter()
                        .find(|t| t["type"] == "page")
                        .and_then(|t| t["webSocketDebuggerUrl"].as_str())
                        .map(str::to_owned)
                });
                if let Some(p) = page {
                    break p;
                }
                assert!(
                    started.elapsed() < Duration::from_secs(20),
                    "no page target: {list}"
                );
                std::thread::sleep(Duration::from_millis(100));
            }
        };
        let (ws, _) = tungstenite::connect(page_url.as_str()).unwrap();
        if let MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        }
        let mut b = Browser {
            child,
            ws,
            next_id: 0,
            events: Vec::new(),
            _profile: profile,
        };
        for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
            b.call(domain, json!({}));
        }
        b
    }

    /// Sends a DevTools command and returns its result; events read meanwhile are kept.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let msg = json!({ "id": id, "method": method, "params": params }).to_string();
        self.ws.send(Message::text(msg)).unwrap();
        loop {
            let v = self.read();
            if v["id"] == id {
                assert!(v.get("error").is_none(), "{method}: {v}");
                return v["result"].clone();
            }
            self.events.push(v);
        }
    }

    fn read(&mut self) -> Value {
        loop {
            match self.ws.read().expect("a DevTools message within 30 s") {
                Message::Text(t) => return serde_json::from_str(t.as_str()).unwrap(),
                Message::Close(_) => panic!("DevTools closed the session"),
                _ => {}
            }
        }
    }

    /// Waits for the page's load event after an action that navigates.
    fn wait_load(&mut self, since: usize) {
        let started = Instant::now();
        loop {
            if self.events[since..]
                .iter()
                .any(|e| e["method"] == "Page.loadEventFired")
            {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "page did not load"
            );
            let v = self.read();
            self.events.push(v);
        }
    }

    fn navigate(&mut self, url: &str) {
        let since = self.events.len();
        self.call("Page.navigate", json!({ "url": url }));
        self.wait_load(since);
    }

    /// Runs `script` in the page and waits for the page it navigates to.
    fn act(&mut self, script: &str) {
        let since = self.events.len();
        self.eval(script);
        self.wait_load(since);
    }

    fn eval(&mut self, expression: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true }),
        );
        assert!(r.get("exceptionDetails").is_none(), "{expression}: {r}");
        r["result"]["value"].clone()
    }

    /// The text a person reads on the page.
    fn text(&mut self) -> String {
        self.eval("document.body.innerText")
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    fn html(&mut self) -> String {
        self.eval("document.documentElement.outerHTML")
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    fn screenshot(&mut self, name: &str) {
        let shot = self.call("Page.captureScreenshot", json!({ "format": "png" }));
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().unwrap_or_default())
            .unwrap();
        assert!(png.starts_with(b"\x89PNG"), "screenshot {name}");
        // Cargo's scratch directory for integration tests exists whatever the target dir.
        let path =
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("web-{name}.png"));
        std::fs::write(path, png).unwrap();
    }

    /// Console errors, uncaught exceptions and error log entries (CSP refusals among them).
    fn console_errors(&self) -> Vec<String> {
        self.events
            .iter()
            .filter(|e| {
                e["method"] == "Runtime.exceptionThrown"
                    || (e["method"] == "Runtime.consoleAPICalled" && e["params"]["type"] == "error")
                    || (e["method"] == "Log.entryAdded" && e["params"]["entry"]["level"] == "error")
            })
            .map(ToString::to_string)
            .collect()
    }
}

/// A plain GET on loopback; the body (read to its Content-Length: Chromium's DevTools server
/// keeps the connection open).
fn http_get(host: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let Ok(mut s) = TcpStream::connect(host) else {
        return String::new();
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    );
    let mut raw: Vec<u8> = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let text = String::from_utf8_lossy(&raw).into_owned();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let length = head.lines().find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.trim()
                    .eq_ignore_ascii_case("content-length")
                    .then(|| v.trim().parse::<usize>().ok())
                    .flatten()
            });
            if length.is_some_and(|n| body.len() >= n) {
                return body.to_owned();
            }
        }
        match s.read(&mut buf) {
            Ok(0) | Err(_) => {
                return text
                    .split_once("\r\n\r\n")
                    .map(|(_, b)| b.to_owned())
                    .unwrap_or_default();
            }
            Ok(n) => raw.extend_from_slice(&buf[..n]),
        }
    }
}

const NORLAND: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Norland MoD</title>
<item><title>Losses near Mount Kerel</title><guid>n-1</guid><link>https://mod.norland.example/n-1</link><description>The Ministry of Defence of Norland says that one soldier was killed during the clashes near Mount Kerel, with 12 more taken captive and 24 currently missing.</description></item>
</channel></rss>"#;

#[test]
fn a_desk_walks_now_search_statement_and_sources_of_the_running_daemon() {
    let Some(binary) = chromium() else {
        eprintln!(
            "SKIPPED: no chromium installed (.ci/run installs Debian's chromium where it can)"
        );
        return;
    };
    let farm = Server::start(vec![
        ("/norland.xml", Route::ok("application/rss+xml", NORLAND)),
        ("/down.xml", Route::status(503)),
    ]);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let cfg = write_config(
        dir.path(),
        "default_schedule = \"* * * * * *\"\n",
        &[
            feed_source("Norland", &farm.url("/norland.xml")),
            feed_source("Continental Wire", &farm.url("/down.xml")),
        ],
    );
    let mut text = std::fs::read_to_string(&cfg).unwrap();
    text.push_str(&format!("\n[web]\nlisten = \"127.0.0.1:{port}\"\n"));
    std::fs::write(&cfg, text).unwrap();
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    let base = format!("http://127.0.0.1:{port}");
    wait_for("the daemon's first polls", Duration::from_secs(30), || {
        let sources = http_get(&format!("127.0.0.1:{port}"), "/sources");
        sources.contains("answered 503") && sources.contains("Norland")
    });
    // The Now page is shared by readers for 5 s: let it catch up with the first polls.
    std::thread::sleep(Duration::from_secs(6));

    let mut b = Browser::launch(binary);
    // Now: the ledger row of Norland's own losses.
    b.navigate(&format!("{base}/"));
    let now = b.text();
    b.screenshot("daemon-now");
    assert!(
        now.lines()
            .any(|l| l.contains("Norland") && l.contains("1 killed, 12 captured, 24 missing")),
        "{now}"
    );
    // Search, through the navigation bar: typed into the form and sent with its button;
    // the hit highlighted.
    b.act("document.querySelector('nav a[href=\"/search\"]').click();");
    b.act(
        "document.querySelector('input[name=q]').value = 'captive'; \
         document.querySelector('select[name=kind]').value = 'casualty'; \
         document.querySelector('form.search button').click();",
    );
    let found = b.html();
    b.screenshot("daemon-search");
    assert!(found.contains("<mark>captive</mark>"), "{found}");
    // Statement: the hit clicked; its mentions marked in its text.
    b.act("document.querySelector('ol.hits h3 a').click();");
    let statement = b.html();
    b.screenshot("daemon-statement");
    assert!(
        statement.contains("<mark>The Ministry of Defence of Norland says"),
        "{statement}"
    );
    // Sources, through the navigation bar: the failing source with its reason.
    b.act("document.querySelector('nav a[href=\"/sources\"]').click();");
    let sources = b.text();
    b.screenshot("daemon-sources");
    assert!(
        sources
            .lines()
            .any(|l| l.contains("Continental Wire") && l.contains("answered 503")),
        "{sources}"
    );
    let errors = b.console_errors();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    drop(b);
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(25));
    assert!(status.success(), "{err}");
}
