//! An optional Prometheus text endpoint on a loopback address (`daemon.metrics_listen`), off
//! by default. Every scrape reads the database, so the figures are the stored truth.

use std::fmt::Write as _;
use std::net::SocketAddr;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::store::{Store, queries};

/// Whether the store answered this scrape.
fn store_up(up: bool) -> String {
    format!(
        "# HELP claimwatch_store_up Whether the database answered (0: down, polls wait).\n# TYPE claimwatch_store_up gauge\nclaimwatch_store_up {}\n",
        u8::from(up)
    )
}

/// Renders the metrics from the database's status.
pub fn render(status: &queries::StoreStatus) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# HELP claimwatch_sources Sources by health.\n# TYPE claimwatch_sources gauge"
    );
    for (health, n) in [
        ("ok", status.ok),
        ("degraded", status.degraded),
        ("failing", status.failing),
    ] {
        let _ = writeln!(out, "claimwatch_sources{{health=\"{health}\"}} {n}");
    }
    let _ = writeln!(
        out,
        "# HELP claimwatch_items Statements stored.\n# TYPE claimwatch_items gauge\nclaimwatch_items {}",
        status.counts.items
    );
    let _ = writeln!(
        out,
        "# HELP claimwatch_mentions Mentions of current revisions.\n# TYPE claimwatch_mentions gauge\nclaimwatch_mentions {}",
        status.counts.mentions
    );
    let _ = writeln!(
        out,
        "# HELP claimwatch_casualty_claims Casualty claims.\n# TYPE claimwatch_casualty_claims gauge\nclaimwatch_casualty_claims {}",
        status.counts.claims
    );
    let _ = writeln!(
        out,
        "# HELP claimwatch_fetches_total Polls recorded, by result.\n# TYPE claimwatch_fetches_total counter"
    );
    let _ = writeln!(
        out,
        "claimwatch_fetches_total{{result=\"ok\"}} {}",
        status.counts.fetches - status.counts.failed_fetches
    );
    let _ = writeln!(
        out,
        "claimwatch_fetches_total{{result=\"error\"}} {}",
        status.counts.failed_fetches
    );
    let _ = writeln!(
        out,
        "# HELP claimwatch_undigested_mentions Mentions found since the last digest.\n# TYPE claimwatch_undigested_mentions gauge\nclaimwatch_undigested_mentions {}",
        status.undigested_mentions
    );
    out
}

/// Reads the request's head (up to its blank line, 8 KiB, or five seconds), so the answer
/// never races a request that arrives in several packets: closing a socket with unread bytes
/// resets it, and the scraper would see a broken pipe instead of the metrics.
async fn read_request_head(stream: &mut tokio::net::TcpStream) {
    let mut head = Vec::with_capacity(512);
    let mut buf = [0u8; 1024];
    let read = async {
        while head.len() < 8192 && !head.windows(4).any(|w| w == b"\r\n\r\n") {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => head.extend_from_slice(&buf[..n]),
            }
        }
    };
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), read).await;
}

/// Binds `addr` and answers every request with the metrics.
///
/// # Errors
/// The bind error.
/// `web`, when the daemon serves the site, adds its request counters.
pub async fn serve(
    addr: SocketAddr,
    store: Store,
    web: Option<std::sync::Arc<crate::web::Site>>,
) -> std::io::Result<tokio::task::JoinHandle<()>> {
    let listener = TcpListener::bind(addr).await?;
    tracing::info!(%addr, "metrics endpoint listening");
    Ok(tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let store = store.clone();
            let web = web.clone();
            tokio::spawn(async move {
                read_request_head(&mut stream).await;
                let (code, body) = match store.store_status(chrono::Utc::now()).await {
                    Ok(s) => (
                        "200 OK",
                        store_up(true)
                            + &render(&s)
                            + &web.map(|w| w.metrics()).unwrap_or_default(),
                    ),
                    // The store is down (PostgreSQL unreachable): say so as a metric an alert
                    // rule can watch, with the cause as a comment.
                    Err(e) => (
                        "200 OK",
                        format!("# store error: {}\n", e.to_string().replace('\n', " "))
                            + &store_up(false)
                            + &web.map(|w| w.metrics()).unwrap_or_default(),
                    ),
                };
                let head = format!(
                    "HTTP/1.1 {code}\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(body.as_bytes()).await;
                let _ = stream.shutdown().await;
            });
        }
    }))
}
