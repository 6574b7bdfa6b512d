//! Alerts end to end: rules in the config, a loopback webhook receiver, a command, a loopback
//! SMTP server, retries until acknowledged, one alert per mention and rule, and a crash
//! between sending and recording answered by the same idempotency key.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use claimwatch::loopback::{Behaviour, Route};
use common::*;

const FEED: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>MoD</title>
<item><guid>a-1</guid><title>Statement</title><description>The ministry said seven servicemen were killed and ten wounded in the clashes near Mount Kerel.</description></item>
<item><guid>a-2</guid><title>Update</title><description>One soldier was wounded by sniper fire.</description></item>
</channel></rss>"#;

fn alert_config(dir: &std::path::Path, feed_url: &str, rule: &str) -> std::path::PathBuf {
    let text = format!(
        "{}\n[[alert]]\nname = \"big tolls\"\nkinds = [\"casualty\"]\nmin_count = 5\nlabels = {{ party = \"Norland\" }}\n{rule}\n",
        ""
    );
    let source = format!(
        "[[source]]\nname = \"Norland MoD\"\nurl = \"{feed_url}\"\nkind = \"feed\"\nlabels = {{ party = \"Norland\" }}\n\n"
    );
    let cfg = write_config(
        dir,
        "default_schedule = \"* * * * * *\"\nalert_retry_base_secs = 1",
        &[source],
    );
    let mut all = std::fs::read_to_string(&cfg).unwrap();
    all.push_str(&text);
    std::fs::write(&cfg, all).unwrap();
    cfg
}

fn keys(srv: &Server) -> Vec<String> {
    srv.server
        .received("/hook")
        .iter()
        .filter_map(|r| r.header("idempotency-key").map(str::to_owned))
        .collect()
}

#[test]
fn a_matching_mention_is_posted_once_with_a_key_and_retried_until_acknowledged() {
    let mut feed = Route::ok("application/rss+xml", FEED);
    feed.etag = None;
    let srv = Server::start(vec![("/feed.xml", feed), ("/hook", Route::status(500))]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = alert_config(
        dir.path(),
        &srv.url("/feed.xml"),
        &format!("webhook = \"{}\"", srv.url("/hook")),
    );
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    wait_for("a first, refused delivery", Duration::from_secs(15), || {
        !srv.server.received("/hook").is_empty()
    });
    srv.server.set_route("/hook", Route::status(200));
    wait_for("the alert acknowledged", Duration::from_secs(20), || {
        query_or_zero(
            dir.path(),
            "SELECT count(*) FROM alerts WHERE delivered_at IS NOT NULL",
        ) == 1
    });
    std::thread::sleep(Duration::from_secs(6));
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(10));
    assert!(status.success(), "{err}");

    let received = srv.server.received("/hook");
    assert!(received.len() >= 2, "{}", received.len());
    let k = keys(&srv);
    assert!(
        k.iter().all(|x| x == &k[0]),
        "every attempt carries the same key: {k:?}"
    );
    let body: serde_json::Value = serde_json::from_slice(&received.last().unwrap().body).unwrap();
    assert_eq!(body["rule"], "big tolls");
    assert_eq!(body["idempotency_key"], k[0]);
    assert!(
        body["summary"].as_str().unwrap().contains("7 killed"),
        "{body}"
    );
    assert_eq!(body["mention"]["source"], "Norland MoD");
    // Only the 7-killed statement matched (the single wounded soldier is under min_count).
    assert_eq!(query_or_zero(dir.path(), "SELECT count(*) FROM alerts"), 1);
    assert_eq!(
        query_or_zero(dir.path(), "SELECT attempts FROM alerts"),
        i64::try_from(received.len()).unwrap()
    );
    // The alerts feed parses as Atom.
    let atom = std::fs::read(dir.path().join("digests/alerts.atom")).unwrap();
    let parsed = feed_rs::parser::parse(&atom[..]).unwrap();
    assert_eq!(parsed.entries.len(), 1);
}

#[test]
fn a_crash_between_sending_and_recording_resends_with_the_same_key_only() {
    let mut feed = Route::ok("application/rss+xml", FEED);
    feed.etag = None;
    let slow_hook = Route::status(200).with_behaviour(Behaviour::Delay(Duration::from_secs(4)));
    let srv = Server::start(vec![("/feed.xml", feed), ("/hook", slow_hook)]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = alert_config(
        dir.path(),
        &srv.url("/feed.xml"),
        &format!("webhook = \"{}\"", srv.url("/hook")),
    );
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    // The receiver has the alert but holds its answer: kill the daemon now.
    wait_for("the webhook request", Duration::from_secs(15), || {
        !srv.server.received("/hook").is_empty()
    });
    daemon.signal("-KILL");
    let _ = daemon.wait(Duration::from_secs(5));
    assert_eq!(
        query_or_zero(
            dir.path(),
            "SELECT count(*) FROM alerts WHERE delivered_at IS NULL"
        ),
        1
    );

    srv.server.set_route("/hook", Route::status(200));
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    wait_for(
        "the alert acknowledged after restart",
        Duration::from_secs(20),
        || {
            query_or_zero(
                dir.path(),
                "SELECT count(*) FROM alerts WHERE delivered_at IS NOT NULL",
            ) == 1
        },
    );
    std::thread::sleep(Duration::from_secs(6));
    daemon.signal("-TERM");
    assert!(daemon.wait(Duration::from_secs(10)).0.success());
    let k = keys(&srv);
    assert_eq!(k.len(), 2, "one send before the crash, one after: {k:?}");
    assert_eq!(
        k[0], k[1],
        "the resend carries the same idempotency key, so the receiver keeps one"
    );
    assert_eq!(query_or_zero(dir.path(), "SELECT count(*) FROM alerts"), 1);
}

/// A minimal SMTP server on loopback that accepts every message and keeps its text.
fn smtp_server() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let mails = Arc::new(Mutex::new(Vec::new()));
    let store = Arc::clone(&mails);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let store = Arc::clone(&store);
            std::thread::spawn(move || {
                let mut out = stream.try_clone().unwrap();
                let mut reader = BufReader::new(stream);
                let _ = out.write_all(b"220 localhost ESMTP test\r\n");
                let mut line = String::new();
                let mut data: Option<String> = None;
                loop {
                    line.clear();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        break;
                    }
                    if let Some(d) = data.as_mut() {
                        if line == ".\r\n" {
                            store.lock().unwrap().push(data.take().unwrap());
                            let _ = out.write_all(b"250 OK queued\r\n");
                        } else {
                            d.push_str(&line);
                        }
                        continue;
                    }
                    let cmd = line.to_ascii_uppercase();
                    let reply: &[u8] = if cmd.starts_with("EHLO") {
                        b"250-localhost\r\n250 8BITMIME\r\n"
                    } else if cmd.starts_with("DATA") {
                        data = Some(String::new());
                        b"354 go ahead\r\n"
                    } else if cmd.starts_with("QUIT") {
                        let _ = out.write_all(b"221 bye\r\n");
                        break;
                    } else {
                        b"250 OK\r\n"
                    };
                    let _ = out.write_all(reply);
                }
            });
        }
    });
    (port, mails)
}

#[test]
fn command_and_email_deliveries_receive_the_alert() {
    let mut feed = Route::ok("application/rss+xml", FEED);
    feed.etag = None;
    let srv = Server::start(vec![("/feed.xml", feed)]);
    let dir = tempfile::tempdir().unwrap();
    let (port, mails) = smtp_server();
    let out_file = dir.path().join("from-command.jsonl");
    let rule = format!(
        "command = [\"sh\", \"-c\", \"cat >> '{}'; echo >> '{}'\"]\n[alert.email]\nto = [\"desk@example.org\"]\nfrom = \"claimwatch@example.org\"\nsmtp_host = \"127.0.0.1\"\nsmtp_port = {port}\nstarttls = false\n",
        out_file.display(),
        out_file.display()
    );
    let cfg = alert_config(dir.path(), &srv.url("/feed.xml"), &rule);
    let check = run(dir.path(), &["--config", cfg.to_str().unwrap(), "check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    wait_for("delivery", Duration::from_secs(20), || {
        query_or_zero(
            dir.path(),
            "SELECT count(*) FROM alerts WHERE delivered_at IS NOT NULL",
        ) == 1
    });
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(10));
    assert!(status.success(), "{err}");
    let lines = std::fs::read_to_string(&out_file).unwrap();
    let first: serde_json::Value = serde_json::from_str(lines.lines().next().unwrap()).unwrap();
    assert_eq!(first["rule"], "big tolls");
    let mails = mails.lock().unwrap();
    assert_eq!(mails.len(), 1);
    let key = first["idempotency_key"].as_str().unwrap();
    assert!(
        mails[0].contains(&format!("Message-ID: <{key}@claimwatch>")),
        "{}",
        mails[0]
    );
    assert!(
        mails[0].contains("Subject: [claimwatch] big tolls: Casualties: 7 killed"),
        "{}",
        mails[0]
    );
}

#[test]
fn bad_alert_rules_are_refused_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = alert_config(
        dir.path(),
        "http://127.0.0.1:9/feed.xml",
        "terms = \"ceasefire AND (\"\nwebhook = \"ftp://x\"",
    );
    let out = run(dir.path(), &["--config", cfg.to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("not a valid full-text query") && err.contains("is not an http(s) URL"),
        "{err}"
    );
}

#[test]
fn at_most_once_delivery_never_resends_after_a_crash_between_sending_and_recording() {
    let mut feed = Route::ok("application/rss+xml", FEED);
    feed.etag = None;
    let slow_hook = Route::status(200).with_behaviour(Behaviour::Delay(Duration::from_secs(4)));
    let srv = Server::start(vec![("/feed.xml", feed), ("/hook", slow_hook)]);
    let dir = tempfile::tempdir().unwrap();
    let cfg = alert_config(
        dir.path(),
        &srv.url("/feed.xml"),
        &format!("webhook = \"{}\"", srv.url("/hook")),
    );
    let text = std::fs::read_to_string(&cfg).unwrap().replace(
        "alert_retry_base_secs = 1",
        "alert_retry_base_secs = 1\nalert_delivery = \"at-most-once\"",
    );
    std::fs::write(&cfg, text).unwrap();
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    wait_for("the webhook request", Duration::from_secs(15), || {
        !srv.server.received("/hook").is_empty()
    });
    daemon.signal("-KILL");
    let _ = daemon.wait(Duration::from_secs(5));

    srv.server.set_route("/hook", Route::status(200));
    let daemon = Daemon::start(dir.path(), &cfg, &[]);
    // Several alert cycles pass (every 5 s) and new polls run; the interrupted alert is not resent.
    std::thread::sleep(Duration::from_secs(12));
    daemon.signal("-TERM");
    let (status, err) = daemon.wait(Duration::from_secs(10));
    assert!(status.success(), "{err}");
    assert_eq!(
        srv.server.received("/hook").len(),
        1,
        "sent once, never again"
    );
    assert!(err.contains("not resent (at-most-once)"), "{err}");
    assert_eq!(
        query_or_zero(
            dir.path(),
            "SELECT count(*) FROM alerts WHERE delivered_at IS NULL AND last_error LIKE 'interrupted%'"
        ),
        1
    );
    assert_eq!(query_or_zero(dir.path(), "SELECT count(*) FROM alerts"), 1);
}
